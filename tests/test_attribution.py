"""Source-type tagging on the seeds and on short real-world sentences."""
from __future__ import annotations

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.attribution import classify_source


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
    ("The Daily Beast", "media"),
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
    assert (timeline["source_type"] == "media").sum() == 2  # the two credit lines


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
    ("Officials said the bridge would reopen.", "anonymous"),
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
    assert row["anonymity_reason"].startswith("who spoke on condition of anonymity")


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
