"""Sentence splitting on news text, and the sentence DataFrame contract."""
from __future__ import annotations

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.segment import split_sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Lt. Gen. Kenneth McKenzie Jr. met Mr. Kislyak. Nothing came of it.",
     ["Lt. Gen. Kenneth McKenzie Jr. met Mr. Kislyak.", "Nothing came of it."]),
    ("On Feb. 14, Trump fired him. He left.", ["On Feb. 14, Trump fired him.", "He left."]),
    ("U.S. officials met in Washington, D.C. on Monday.", ["U.S. officials met in Washington, D.C. on Monday."]),
    ("The troops returned to the U.S. The next day they rested.",
     ["The troops returned to the U.S.", "The next day they rested."]),
    ("President George W. Bush spoke. J.D. Vance did not.", ["President George W. Bush spoke.", "J.D. Vance did not."]),
    ("“Stop!” he said. “Now.” Then he left.", ["“Stop!” he said.", "“Now.”", "Then he left."]),
    ("“Everyone knew where it was coming from,” the official said, referring to Flynn.",
     ["“Everyone knew where it was coming from,” the official said, referring to Flynn."]),
    ("Was it legal? No, said Sen. Warren. (Some disagreed.) It was 5 p.m. The vote followed.",
     ["Was it legal?", "No, said Sen. Warren.", "(Some disagreed.)", "It was 5 p.m.", "The vote followed."]),
    ("He ranked No. 3 in 2016. Shares of Acme Inc. rose 5.5 percent.",
     ["He ranked No. 3 in 2016.", "Shares of Acme Inc. rose 5.5 percent."]),
])
def test_news_splits(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize("text, expected", [
    # scholarly citations quoted in news
    ("The study (Smith et al. 2019) found ice. Others disagreed.",
     ["The study (Smith et al. 2019) found ice.", "Others disagreed."]),
    ("Smith et al. found ice on the moon.", ["Smith et al. found ice on the moon."]),
    ("The data (cf. Table 2) were revised. Critics noted it.",
     ["The data (cf. Table 2) were revised.", "Critics noted it."]),
    ("The quote is from ibid. The next claim differs.", ["The quote is from ibid.", "The next claim differs."]),
    ("It weighed approx. 40 tonnes. Nobody knew why.", ["It weighed approx. 40 tonnes.", "Nobody knew why."]),
    ("The church, built ca. 1850, burned. It was old.", ["The church, built ca. 1850, burned.", "It was old."]),
    # legal
    ("In Roe v. Wade the court ruled. Then it changed.", ["In Roe v. Wade the court ruled.", "Then it changed."]),
    ("Under Art. 51 of the charter, states may act. Russia objected.",
     ["Under Art. 51 of the charter, states may act.", "Russia objected."]),
    ("The rule (Sec. 3, Para. 2) applies. Resolution No. 242 failed.",
     ["The rule (Sec. 3, Para. 2) applies.", "Resolution No. 242 failed."]),
    # words that usually end the sentence in news copy, and a name that looks like "et al."
    ("Growth will not exceed one pct. Economic activity continues to slow.",
     ["Growth will not exceed one pct.", "Economic activity continues to slow."]),
    ("He succeeds Robert Penn. Penn was named vice president.",
     ["He succeeds Robert Penn.", "Penn was named vice president."]),
    ("The council thanked Al. Officials said he had retired.",
     ["The council thanked Al.", "Officials said he had retired."]),
    # a numbering word that really ends the sentence
    ("Asked if he would resign, he said no. The vote is Tuesday.",
     ["Asked if he would resign, he said no.", "The vote is Tuesday."]),
])
def test_abbreviation_families(text, expected):
    assert split(text) == expected


def test_abbreviation_table_names_each_family():
    table = pd.read_csv(__import__("importlib.resources").resources.files("srcanalysis")
                        .joinpath("rules/abbreviations.csv"), dtype=str)
    families = set(table["family"])
    assert {"scholarly", "legal", "title", "numbering", "measure", "organisation"} <= families
    assert table["abbrev"].is_unique and table["kind"].isin(["title", "month", "number", "always", "common", "clock"]).all()


def test_lines_are_their_own_sentences():
    text = "Flynn Out At NSC\n\nBy Jane Roe\n\nWASHINGTON — Flynn resigned late Monday. Pence was told."
    assert split(text) == ["Flynn Out At NSC", "By Jane Roe", "WASHINGTON — Flynn resigned late Monday.",
                           "Pence was told."]


def test_sentence_frame_contract(seed_articles, seed_sentences):
    s = seed_sentences
    assert list(s.columns)[:8] == ["article_id", "outlet", "published", "paragraph", "sentence",
                                   "start", "end", "text"]
    for col in ("source_type", "source", "cue"):
        assert col in s.columns
    assert isinstance(s["source_type"].dtype, pd.CategoricalDtype)
    texts = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    for row in s.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    # sentence numbers run 0..n-1 within each article, paragraphs never decrease
    for _, group in s.groupby("article_id"):
        assert group["sentence"].tolist() == list(range(len(group)))
        assert group["paragraph"].is_monotonic_increasing


def test_seed_sentences_are_whole(seed_sentences):
    texts = set(seed_sentences["text"])
    assert ("Advocated by General Joseph Dunford, the chairman of the Joint Chiefs of Staff, and his strategic "
            "planning chief, Lt. General Kenneth “Frank” McKenzie Jr., Enhanced Deconfliction sought to expand "
            "the deconfliction channel, making it more of a forum for senior-level military discussion, and "
            "without Pentagon policy officials on the line.") in texts
    assert "Flynn’s attorney did not respond to a request for comment." in texts
    assert "The Daily Beast" in texts
    beast = seed_sentences[seed_sentences.outlet == "The Daily Beast"]
    assert 58 <= len(beast) <= 64  # 61 by hand count


def test_sentences_accepts_raw_frame():
    out = sa.sentences(pd.DataFrame({"text": ["It rained. Then it stopped."]}), tag=False)
    assert out["text"].tolist() == ["It rained.", "Then it stopped."]
    assert (out["source_type"] == "unattributed").all()


def test_tag_sentences_shape():
    tagged = sa.tag_sentences(["Flynn’s attorney did not respond to a request for comment.", "It rained."])
    assert tagged["text"].tolist()[1] == "It rained."
    assert len(tagged) == 2 and "source_type" in tagged


@pytest.mark.parametrize("text, expected", [
    # a clock time's "a.m."/"p.m." ends the sentence before an ordinary capitalised word...
    ("The ferry sank at 3 a.m. Rescuers reached it by dawn.",
     ["The ferry sank at 3 a.m.", "Rescuers reached it by dawn."]),
    ("Polls closed at 8 p.m. Turnout was low.", ["Polls closed at 8 p.m.", "Turnout was low."]),
    ("Curfew runs between 9 p.m. and 5 a.m. Shops stay shut.",
     ["Curfew runs between 9 p.m. and 5 a.m.", "Shops stay shut."]),
    # ...but not before a weekday, month, time zone, a number or "<place> time"
    ("The hearing starts at 9 a.m. Monday in Topeka.", ["The hearing starts at 9 a.m. Monday in Topeka."]),
    ("Polls close at 5 p.m. ET. The count follows.", ["Polls close at 5 p.m. ET.", "The count follows."]),
    ("The vote is at 10 a.m. (1500 GMT) on Friday.", ["The vote is at 10 a.m. (1500 GMT) on Friday."]),
    ("Launch is set for 6 a.m. Pacific on May 2.", ["Launch is set for 6 a.m. Pacific on May 2."]),
    ("Trading resumes at 9:30 a.m. New York time. Brokers wait.",
     ["Trading resumes at 9:30 a.m. New York time.", "Brokers wait."]),
    # nor after a fronted time phrase
    ("At 5 a.m. Mr. Dale Ortiz left the house.", ["At 5 a.m. Mr. Dale Ortiz left the house."]),
    ("Shortly after 11 p.m. Police sealed the road.", ["Shortly after 11 p.m. Police sealed the road."]),
])
def test_clock_abbreviations(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "no." written in lower case is the word, whatever follows
    ("Asked about a recount, the clerk said no. Others were less sure.",
     ["Asked about a recount, the clerk said no.", "Others were less sure."]),
    ('She said "no." "Fine," he replied.', ['She said "no."', '"Fine," he replied.']),
    ("Rep. Ann Cole (R-Ohio) said no. Rep. Luis Paz (D-Calif.) said yes.",
     ["Rep. Ann Cole (R-Ohio) said no.", "Rep. Luis Paz (D-Calif.) said yes."]),
    ("No. I think we covered it.", ["No.", "I think we covered it."]),
    # a numbering word before a Roman numeral or a letter code stays
    ("See Vol. II of the report. It is long.", ["See Vol. II of the report.", "It is long."]),
    ("The story ran on p. A1 today.", ["The story ran on p. A1 today."]),
    ("He was the No. 1 seed. Sen. Ray Ortiz voted.", ["He was the No. 1 seed.", "Sen. Ray Ortiz voted."]),
])
def test_numbering_words(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("1. Taxes rise for most families.\n2. Spending falls.",
     ["1. Taxes rise for most families.", "2. Spending falls."]),
    ("The plan has two parts. 1. Cut taxes. 2. Cut spending.",
     ["The plan has two parts.", "1. Cut taxes.", "2. Cut spending."]),
    ("IV. Findings\nb. Results without a stop", ["IV. Findings", "b. Results without a stop"]),
    ("The final score was 12. Then the rain came.", ["The final score was 12.", "Then the rain came."]),
])
def test_list_markers_stay_with_their_item(text, expected):
    assert split(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ex-Gov. Tom Ridge spoke. He left.", ["Ex-Gov. Tom Ridge spoke.", "He left."]),
    ("Vice-Adm. Rosa Tate took command. Crews cheered.", ["Vice-Adm. Rosa Tate took command.", "Crews cheered."]),
    # a month abbreviation before a capitalised word ends the sentence; before a number it does not
    ("The audit began in Oct. Nobody noticed.", ["The audit began in Oct.", "Nobody noticed."]),
    ("Inflation hit 3.2 pct in Jan. Prices rose.", ["Inflation hit 3.2 pct in Jan.", "Prices rose."]),
    ("The report is due Oct. 3 or Oct. 4. Officials said so.",
     ["The report is due Oct. 3 or Oct. 4.", "Officials said so."]),
    # a co-op is not the scholarly "op."
    ("She joined the co-op. Prices fell.", ["She joined the co-op.", "Prices fell."]),
])
def test_prefixed_titles_and_months(text, expected):
    assert split(text) == expected


def test_every_kind_of_line_end_ends_a_sentence():
    text = "Ferry Service Resumes\u2029The ferry resumed.\u2028Fares hold\rOld Mac line\r\nWindows line"
    assert split(text) == ["Ferry Service Resumes", "The ferry resumed.", "Fares hold", "Old Mac line",
                           "Windows line"]
    arts = sa.read_articles(pd.DataFrame({"text": [text]}))
    assert sa.sentences(arts, tag=False)["text"].tolist() == split(text)


@pytest.mark.parametrize("text, expected", [
    # a quotation followed by its speaker and a speech verb is one sentence
    ("“Why now?” Warren asked. Nobody replied.", ["“Why now?” Warren asked.", "Nobody replied."]),
    ('"Is it legal?" Sen. Ann Cole asked reporters. They shrugged.',
     ['"Is it legal?" Sen. Ann Cole asked reporters.', "They shrugged."]),
    ("“Stop!” Officer Lia Diaz shouted. The man ran.", ["“Stop!” Officer Lia Diaz shouted.", "The man ran."]),
    ("“We won.” Ann Cole said. Fans cheered.", ["“We won.” Ann Cole said.", "Fans cheered."]),
    # ...but not when the words after it start a sentence of their own
    ("“We won.” Ann Cole said the team was ready.", ["“We won.”", "Ann Cole said the team was ready."]),
    ("“It is over.” He said, “We lost.”", ["“It is over.”", "He said, “We lost.”"]),
    ("“Why now?” That was the question.", ["“Why now?”", "That was the question."]),
    # nor when the quotation is not all the sentence holds
    ("He shouted “Stop!” Police said nothing.", ["He shouted “Stop!”", "Police said nothing."]),
])
def test_quotation_with_its_attribution(text, expected):
    assert split(text) == expected


def test_a_single_quoted_question_inside_a_sentence_does_not_swallow_the_next():
    text = "I ask people, ‘What do you mean by that?’ They said, ‘Well, taxes.’"
    assert split(text) == ["I ask people, ‘What do you mean by that?’", "They said, ‘Well, taxes.’"]


def test_dotted_time_zone_after_a_clock_time():
    assert split("Fact checks start at 9 p.m. E.T. on the live stream. Tune in.") == [
        "Fact checks start at 9 p.m. E.T. on the live stream.", "Tune in."]
