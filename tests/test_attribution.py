"""Source-type tagging on the seeds and on short real-world sentences."""
from __future__ import annotations

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.sources.attribution import classify_source


def by_text(sents: pd.DataFrame, start: str) -> pd.Series:
    rows = sents[sents["text"].str.startswith(start)]
    assert len(rows) >= 1, start
    return rows.iloc[0]


@pytest.mark.parametrize("start, expected", [
    ("Inside the Pentagon, “there was a lot of fear", "anonymous"),
    ("Whatever prospects it may have had died", "anonymous"),
    ("Although the plan was “ill-defined,” a senior defense official said", "anonymous"),
    ("Four current and former Pentagon officials told The Daily Beast", "anonymous"),
    ("CENTCOM did not buy into Flynn’s proposal, the senior Pentagon official said.", "anonymous"),
    ("In a mid-2016 interview, Flynn said", "named_person"),
    ("The following month, private military contractor chief Erik Prince", "media"),
    ("Even after Flynn left government, his NSC aides", "media"),
    ("Flynn’s attorney did not respond to a request for comment.", "no_comment"),
    ("Jared Kushner, Trump’s son-in-law", "document"),
    ("The Daily Beast", "media"),  # a credit line, coded media by the codebook's type table
    ("In 2015, Russia sent its military to Syria", "unattributed"),
    ("Into this dynamic stepped Mike Flynn.", "unattributed"),
])
def test_seed_sentence_types(seed_sentences, start, expected):
    assert by_text(seed_sentences, start)["source_type"] == expected


def test_seed_spans_and_counts(seed_sentences):
    row = by_text(seed_sentences, "Whatever prospects it may have had died")
    assert row["source"] == "two knowledgeable former senior defense officials"
    assert row["source_count"] == 2 and row["cue"].lower() == "according to"
    assert row["text"][row["source_start"]:row["source_end"]] == row["source"]
    row = by_text(seed_sentences, "Four current and former Pentagon officials")
    assert row["source_count"] == 4 and row["cue"] == "told"


def test_daily_beast_has_six_or_more_anonymous_attributions(seed_sentences):
    beast = seed_sentences[seed_sentences["outlet"] == "The Daily Beast"]
    assert (beast["source_type"] == "anonymous").sum() >= 6
    timeline = seed_sentences[seed_sentences["outlet"] == "The Trump Timeline"]
    credits = timeline[timeline["rule"] == "credit-line"]
    assert len(credits) == 2 and (credits["source_type"] == "media").all()  # the two credit lines


def test_every_typed_sentence_of_the_shipped_sample_names_its_source(sample_articles):
    """A sentence typed as sourced (or no_comment) always carries the span it rests on, or says in
    ``rule`` that it inherits one; an empty span with a type is a guessed source."""
    sents = sa.sentences(sample_articles)
    typed = sents[~sents["source_type"].isin(["unattributed"])]
    empty = typed[(typed["source"].fillna("") == "") & ~typed["rule"].fillna("").str.startswith("inherit:")]
    assert len(typed) > 100 and empty.empty, empty[["text", "source_type", "rule"]].to_string()


@pytest.mark.parametrize("sentence, expected", [
    ("The Pentagon said in a statement that the talks would continue.", "named_org"),
    ("“We will not back down,” said Sen. Elizabeth Warren.", "named_person"),
    ("Jeff Davis, a Pentagon spokesman, said the channel remained open.", "named_person"),
    ("A spokeswoman for the ministry declined to comment.", "no_comment"),
    ("The company did not immediately respond to a request for comment.", "no_comment"),
    ("According to court records, the house was sold in 2014.", "document"),
    ("A new poll shows the race tightening in Ohio.", "document"),
    ("Two people familiar with the matter said the deal was off.", "anonymous"),
    ("The deal was announced on Tuesday by two people close to the negotiations, who spoke on condition of "
     "anonymity because they were not authorized to discuss it.", "anonymous"),
    # codebook section 3: officials are an organisation's voice only when one is named (none is here)
    ("Officials said the bridge would reopen.", "unnamed_group"),
    ("Police said the driver fled the scene.", "named_org"),
    ("Reuters reported that the plant had closed.", "media"),
    ("The United States and Russia signed the treaty.", "unattributed"),
    ("Shares rose 3 percent in early trading.", "unattributed"),
])
def test_real_world_sentences(sentence, expected):
    assert sa.tag_sentences([sentence])["source_type"].iloc[0] == expected


def test_anonymity_reason_recorded():
    out = sa.tag_sentences(["The talks have stalled, according to two officials who spoke on condition of "
                            "anonymity because they were not authorized to discuss the negotiations."])
    row = out.iloc[0]
    assert row["source_type"] == "anonymous" and row["source_count"] == 2
    assert row["anonymity_reason"] == "because they were not authorized to discuss the negotiations"


def test_multi_sentence_quote_inherits():
    out = sa.tag_sentences(["“It was a mess from the start,” a senior official said.",
                            "“Nobody listened to the engineers.",
                            "They were right all along.”",
                            "The plant reopened in May."])
    assert out["source_type"].tolist()[:3] == ["anonymous"] * 3
    assert out["rule"].iloc[1].startswith("inherit") and out["rule"].iloc[2].startswith("inherit")
    assert out["source_type"].iloc[3] == "unattributed"


def test_pronoun_takes_the_name_before_it():
    out = sa.tag_sentences(["Defense Secretary Jim Mattis met the generals on Monday.",
                            "A senior official described the meeting as tense.",
                            "Although Mattis said little, he told aides he was angry."])
    assert out["source_type"].iloc[2] == "named_person"


def test_classify_source_table():
    assert classify_source("two knowledgeable former senior defense officials") == ("anonymous", 2)
    assert classify_source("The Daily Beast’s Kim Dozier")[0] == "media"
    assert classify_source("intercepted communications from Kislyak")[0] == "document"
    assert classify_source("the Pentagon")[0] == "named_org"


def test_columns_and_dtypes(seed_sentences):
    assert isinstance(seed_sentences["source_type"].dtype, pd.CategoricalDtype)
    assert str(seed_sentences["source_count"].dtype) == "Int64"
    assert seed_sentences["is_quote"].dtype == bool
    tagged = seed_sentences[seed_sentences["source_type"] != "unattributed"]
    assert (tagged["rule"] != "").all()


def test_lone_name_is_a_person_only_when_introduced():
    out = sa.tag_sentences(["Texaco said profits fell.", "Chief executive James Kinnear joined the company in 1987.",
                            "Kinnear said the outlook was weak."])
    assert out["source_type"].tolist() == ["named_org", "unattributed", "named_person"]


def test_relative_clause_is_skipped_to_find_the_speaker():
    out = sa.tag_sentences(["The former governor, who dropped out last year, noted that turnout was low."])
    assert out["source"].iloc[0] == "The former governor"


def test_quote_before_its_source_takes_the_source_named_next():
    out = sa.tag_sentences(["“We will appeal this ruling.”",
                            "Union president Ann Smith said the decision ignored the evidence."])
    assert out["source_type"].tolist() == ["named_person", "named_person"]
    assert out["rule"].iloc[0] == "inherit:quote-before-source"
    assert out["source"].iloc[0] == "Union president Ann Smith"


def test_quote_far_from_its_speaker_takes_the_last_source():
    out = sa.tag_sentences(["Two people familiar with the talks said the deal was close.",
                            "The negotiations began in March.",
                            "Both sides met again in May.",
                            "The final round was held in Geneva.",
                            "The mood was “better than at any point since the spring.”"])
    assert out["source_type"].iloc[4] == "anonymous" and out["rule"].iloc[4] == "inherit:quote"
    assert out["source_type"].iloc[1:4].eq("unattributed").all()


def test_straight_quotes_running_over_paragraphs():
    frame = pd.DataFrame({"article_id": "a", "paragraph": [0, 0, 1, 2], "sentence": range(4), "text": [
        '"The water came up so fast," said Maria Lopez, a tenant.',
        '"We lost everything in an hour.',
        '"Nobody came to help us for two days."',
        "The city opened a shelter on Monday."]})
    out = sa.sources.attribution.tag_frame(frame)
    assert out["source_type"].tolist() == ["named_person"] * 3 + ["unattributed"]


def test_first_person_speech_inherits_and_roman_numeral_does_not():
    out = sa.tag_sentences(["Maria Lopez, a tenant, said the building had no heat.",
                            "I have lived here for 20 years and it has never been this bad.",
                            "World War I veterans live on the top floor."])
    assert out["rule"].iloc[1] == "inherit:first-person" and out["source_type"].iloc[1] == "named_person"
    assert out["source_type"].iloc[2] == "unattributed"


def test_cue_inside_a_quotation_is_not_the_attribution():
    out = sa.tag_sentences(["Limbaugh continued: “The left is saying it again.”"])
    assert out["source"].iloc[0] == "Limbaugh" and out["cue"].iloc[0] == "continued"


def test_colon_hands_the_source_to_the_next_sentence():
    out = sa.tag_sentences(["The senator told reporters on Tuesday:", "The bill will not pass this year."])
    assert out["rule"].iloc[1] == "inherit:after-colon" and out["source_type"].iloc[1] == "named_person"


@pytest.mark.parametrize("span, expected", [
    ("aides to Hillary Clinton", "unnamed_group"),
    ("a senior official at the Pentagon", "anonymous"),
    ("the Department of Justice", "named_org"),
    ("Jennifer Daskal of American University and contributor to Slate", "named_person"),
    ("a court clerk", "unnamed_person"),
    ("A Government Accountability Office report released last year", "document"),
    ("The Wisconsin Republican", "named_person"),
    ("the Baltimore Sun", "named_org"),
    ("released a statement", None),
    ("He nearly tied Mrs. Clinton among voters", None),
])
def test_the_head_noun_decides(span, expected):
    got = classify_source(span)
    assert (got[0] if got else None) == expected


def test_companies_and_people_by_how_the_article_names_them():
    out = sa.tag_sentences(["Western Digital Corp said sales rose 12 pct.",
                            "Western Digital said the new drives would ship in May.",
                            "Chief executive Al Shugart said demand was strong.",
                            "Shugart said prices would hold."])
    assert out["source_type"].tolist() == ["named_org", "named_org", "named_person", "named_person"]


def test_he_takes_a_single_person_not_a_group():
    out = sa.tag_sentences(["Mayor Ann Lee toured the site on Monday.",
                            "Residents said the water was still brown.",
                            "“We will fix it this week,” he said."])
    assert out["source_type"].tolist()[1:] == ["unnamed_group", "named_person"]
    assert out["source_name"].iloc[2] == "Ann Lee"


def test_transcript_label_that_is_a_word_is_no_speaker():
    out = sa.tag_sentences(["NOTE: Figures exclude discontinued operations.", "WALLACE: Governor, your answer?"])
    assert out["source_type"].tolist() == ["unattributed", "named_person"]


def test_quotation_credited_after_a_dash_covers_the_whole_quotation():
    out = sa.tag_sentences(["Readers sent us their reactions to the debate.",
                            "“He can’t answer a question without scaring people.",
                            "He is obsessed with the border.",
                            "He talks about walls all the time.",
                            "And he never explains how.” ― Esther Tapia"])
    assert out["source_type"].tolist() == ["unattributed"] + ["named_person"] * 4
    assert out["rule"].iloc[4] == "quote:dash-credit" and out["source"].iloc[1] == "Esther Tapia"


def test_reporting_verb_whose_speaker_is_not_found_takes_the_story_source():
    out = sa.tag_sentences(["Mayor Ann Lee toured the flooded district on Monday.",
                            "Repairs to the levee, a project the state has delayed for a decade while costs rose, "
                            "said the engineering firm's statement, would take years."])
    assert out["source_type"].iloc[1] != "unattributed"
    row = sa.tag_sentences(["No deaths were reported on the ground."]).iloc[0]
    assert row["source_type"] == "unattributed"


def test_definite_description_refers_to_the_person_just_named():
    out = sa.tag_sentences(["Actress Jane Fonda told the crowd to keep marching.",
                            "The actress said she was tired of the status quo.",
                            "A senior official said the march was peaceful.",
                            "The official said arrests were few."])
    assert out["source_type"].tolist() == ["named_person", "named_person", "anonymous", "anonymous"]
    assert out["rule"].iloc[1] == "speech:subject+refers-to:Actress Jane Fonda"


def test_sentence_initial_common_noun_is_a_group_not_a_name():
    out = sa.tag_sentences(["Terrorists mock bids to block them online.",
                            "The terrorists posted new videos on Monday."])
    assert out["source_type"].tolist()[0] == "unnamed_group"


#: One sentence each, tagged on its own: the type and the exact source span expected.
SPAN_CASES = [
    ("Glenn Beck Says Trump Poses A Threat To Democracy", "named_person", "Glenn Beck"),
    ("New Poll Shows Large Gap Emerging Between Candidates", "document", "New Poll"),
    ("Sen. Elizabeth Warren wants the bill to pass before the recess.", "unattributed", ""),
    ("The Indiana governor said Democrats and the media were to blame.", "named_person", "The Indiana governor"),
    ("The clip says the senator has a passion for defending the wrong people.", "document", "The clip"),
    ("Others, however, say a recalibration is overdue.", "unnamed_group", "Others"),
    ("But hacking specialists say the most harmful information might not be genuine.", "unnamed_group",
     "hacking specialists"),
    ("WALLACE: Governor, I have to ask you about the report.", "named_person", "WALLACE"),
    ("The Pentagon knows this.", "unattributed", ""),
    ("A spokesman for the mayor defended the march route and said the police were ready.", "named_org",
     "A spokesman"),
    ("Beyond the footage, the affidavit cited interviews and said she had bruises.", "document", "the affidavit"),
    ("Federal officials familiar with the inquiry, speaking on condition of anonymity because they were not "
     "authorized to discuss it, said the server was wiped.", "anonymous",
     "Federal officials familiar with the inquiry"),
    ("Sen. Jeff Flake (R-Ariz.) said he would vote against the bill.", "named_person", "Sen. Jeff Flake"),
    ("Mr. Smith, 54, declined to comment on the lawsuit.", "no_comment", "Mr. Smith"),
    ("Nearly half said they prefer a candidate from outside politics.", "document", "Nearly half"),
    ("The change may placate nervous Democrats on Capitol Hill, who have argued that it helps.", "unnamed_group",
     "nervous Democrats"),
    ("Poll: Wealthy Voters Abandon Republican Party.", "document", "Poll"),
    ("Update: The road has reopened after the storm.", "unattributed", ""),
    ("Mr. Sperling, then 38, said he was advised to find a deputy.", "named_person", "Mr. Sperling"),
    ("RNC spokesman Sean Spicer on Thursday evening said the party was calm.", "named_person",
     "RNC spokesman Sean Spicer"),
    ("The policy changes, which officials said will take effect soon, will not apply to everyone.", "unnamed_group",
     "officials"),
    ("Each side said the other would be responsible.", "unnamed_group", "Each side"),
    ("Having said that, the plan is fine.", "unattributed", ""),
    ("A fourth book, co-written with her husband, is due out in May.", "unattributed", ""),
    ("A cargo plane, reported by local press as belonging to the military, crashed.", "media", "local press"),
    ("The ruling made proclamations which analysts say could have far-reaching implications.", "unnamed_group",
     "analysts"),
    ("“We stand ready” tweeted Boris Johnson “to provide whatever help we can.”", "named_person", "Boris Johnson"),
    ("The industry publication stated the aircraft overran the runway.", "named_org", "The industry publication"),
]


@pytest.mark.parametrize("sentence, expected, source", SPAN_CASES)
def test_type_and_source_span(sentence, expected, source):
    row = sa.tag_sentences([sentence]).iloc[0]
    assert (row["source_type"], row["source"]) == (expected, source)


def test_polnear_scope_keeps_beliefs_and_intentions():
    sentence = "Sen. Elizabeth Warren wants the bill to pass before the recess."
    row = sa.tag_sentences([sentence], scope="polnear").iloc[0]
    assert (row["source_type"], row["source"]) == ("named_person", "Sen. Elizabeth Warren")
    with pytest.raises(ValueError, match="scope"):
        sa.tag_sentences([sentence], scope="everything")
