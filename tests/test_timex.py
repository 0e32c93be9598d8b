"""Time expressions: extents, TIMEX3 values and intervals on real sentences and the seeds."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from srcanalysis.time.timex import COLUMNS, find_timexes, infer_published

from conftest import BEAST_SEED, TIMELINE_SEED, require_devdata

PUB = "2017-04-01"


def one(txt, published=PUB, **match):
    df = find_timexes(txt, published)
    for k, v in match.items():
        df = df[df[k] == v]
    assert len(df) == 1, find_timexes(txt, published)[["text", "value"]]
    return df.iloc[0]


def values(text, published=PUB):
    return find_timexes(text, published)[["text", "value"]].values.tolist()


# --- seeds --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def beast():
    return BEAST_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def trump_timeline():
    return TIMELINE_SEED.read_text(encoding="utf-8")


def test_seed_late_january_is_end_of_january(trump_timeline):
    r = one(trump_timeline, text="late January")
    assert (r["value"], r["mod"], r["granularity"]) == ("2017-01", "END", "month")
    assert r["begin"] == pd.Timestamp("2017-01-21") and r["end_date"] == pd.Timestamp("2017-01-31")
    assert trump_timeline[r["start"]:r["end"]] == "late January"


def test_seed_feb_14_in_2017(beast):
    r = one(beast, text="Feb. 14")
    assert r["value"] == "2017-02-14" and r["begin"] == r["end_date"] == pd.Timestamp("2017-02-14")
    assert r["anchor"] == "published"


def test_seed_years_and_last_fall(beast):
    df = find_timexes(beast, PUB)
    assert set(df.loc[df["text"] == "2015", "value"]) == {"2015"}
    fall = df[df["text"] == "last fall"].iloc[0]
    assert fall["value"] == "2016-FA" and fall["begin"] == pd.Timestamp("2016-09-01")
    assert df.loc[df["text"] == "December 2015", "value"].tolist() == ["2015-12"]
    assert df.loc[df["text"] == "mid-2016", ["value", "mod"]].values.tolist() == [["2016", "MID"]]


def test_seed_recent_weeks_relative_to_published(beast):
    r = one(beast, text="recent weeks")
    assert r["type"] == "DURATION" and r["value"] == "PXW"
    assert r["end_date"] == pd.Timestamp(PUB) and r["begin"] < pd.Timestamp(PUB)


def test_seed_following_month_after_early_december(beast):
    df = find_timexes(beast, PUB)
    dec = df[df["text"] == "early December"].iloc[0]
    assert (dec["value"], dec["mod"]) == ("2016-12", "START")
    nxt = df[df["text"] == "The following month"].iloc[0]
    assert nxt["value"] == "2017-01" and nxt["anchor"] == "early December"


def test_seed_false_alarms(beast, trump_timeline):
    for text in (beast, trump_timeline):
        found = set(find_timexes(text, PUB)["text"].str.lower())
        assert not found & {"may", "daily", "we", "second", "sat", "fall"}


def test_any_2017_publication_date_after_feb_14(beast):
    for pub in ("2017-02-20", dt.date(2017, 6, 30), pd.Timestamp("2017-10-15"), dt.datetime(2017, 3, 1, 9, 30)):
        assert one(beast, pub, text="Feb. 14")["value"] == "2017-02-14"
        assert one(beast, pub, text="last fall")["value"] == "2016-FA"
    # once winter has begun, "last fall" is the fall that just ended
    assert one(beast, pd.Timestamp("2017-12-01"), text="last fall")["value"] == "2017-FA"
    assert one(beast, pd.Timestamp("2017-12-01"), text="Feb. 14")["value"] == "2017-02-14"


# --- contract ------------------------------------------------------------------------------

def test_columns_and_empty_result():
    df = find_timexes("No dates here at all.")
    assert list(df.columns) == COLUMNS and len(df) == 0
    assert str(df["begin"].dtype).startswith("datetime64")
    assert list(find_timexes("", None).columns) == COLUMNS


def test_without_publication_date_absolute_dates_still_resolve():
    df = find_timexes("On Feb. 14, 2017 he was fired; he had joined yesterday.")
    assert df["value"].tolist() == ["2017-02-14", "XXXX-XX-XX"]
    assert pd.isna(df["begin"].iloc[1])


def test_offsets_are_exact():
    text = "Prices rose 5% in the third quarter of 2016, and fell two years ago."
    for _, r in find_timexes(text, PUB).iterrows():
        assert text[r["start"]:r["end"]] == r["text"]


# --- TimeML values on short real-world sentences ---------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("The company said profit rose in the third quarter.", [["the third quarter", "2016-Q3"]]),
    ("Output fell 3% over the past three months.", [["the past three months", "P3M"]]),
    ("He is now in Moscow.", [["now", "PRESENT_REF"]]),
    ("The report was released today.", [["today", PUB]]),
    ("Sales grew this year.", [["this year", "2017"]]),
    ("Sales grew last year.", [["last year", "2016"]]),
    ("He arrived last week.", [["last week", "2017-W12"]]),
    ("The economy boomed in the 1990s.", [["the 1990s", "199"]]),
    ("She left two years ago.", [["two years ago", "2015"]]),
    ("The deal closes early next year.", [["early next year", "2018"]]),
    ("The plant has run for five years.", [["five years", "P5Y"]]),
    ("It was the first quarter of 2016.", [["the first quarter of 2016", "2016-Q1"]]),
    ("The board meets every month.", [["every month", "P1M"]]),
    ("He spoke at 3 p.m. yesterday.", [["3 p.m. yesterday", "2017-03-31T15:00"]]),
    ("It happened on March 5, 2016.", [["March 5, 2016", "2016-03-05"]]),
    ("The vote is on 12 June 2018.", [["12 June 2018", "2018-06-12"]]),
])
def test_timeml_values(text, expected):
    assert values(text) == expected


def test_weekday_follows_tense():
    # published Saturday 2017-04-01
    assert one("The minister resigned Friday.", text="Friday")["value"] == "2017-03-31"
    assert one("The minister will resign on Friday.", text="Friday")["value"] == "2017-04-07"


@pytest.mark.parametrize("text", [
    "You may go now if you like, said Mr. March.",
    "The protest on March Street drew a crowd.",
    "We sat down on the second floor.",
    "Prices may fall further, analysts said.",
    "Turnout was 2016 votes, a 45% rise.",
    "The Lakers won 102-98 on a second-half run.",
    "The Daily Beast reported it first.",
])
def test_false_alarms(text):
    found = find_timexes(text, PUB)
    assert not found["text"].str.lower().isin(["may", "march", "sat", "we", "second", "fall", "2016", "daily",
                                               "45%", "102-98"]).any(), found[["text", "value"]]


def test_modal_may_vs_month_may():
    assert values("Officials may decide in May.") == [["May", "2017-05"]]


def test_infer_published():
    assert infer_published("He spoke in December 2015 and again on March 3, 2016.") == pd.Timestamp("2016-03-03")
    assert pd.isna(infer_published("Nothing dated here."))
    assert pd.isna(infer_published(""))


def test_timebank_sample_scores_reasonably():
    """Skip-able sanity check on ten TimeBank documents (dev data is not shipped)."""
    root = require_devdata("timebank-aquaint", "TimeBank")
    import importlib.util
    from pathlib import Path
    spec = importlib.util.spec_from_file_location("eval_timex", Path(__file__).resolve().parents[1] / "bench" / "eval_timex.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    docs = [ev.parse_tml(p) for p in sorted(root.glob("*.tml"))[:10]]
    r = ev.score(docs)
    assert r["relaxed"][2] > 0.8 and r["value_acc"] > 0.7


def test_anaphora_keeps_anchor_precision():
    df = find_timexes("In March 2016 the talks began. That day, nobody came. On May 5, 2016 he arrived; "
                      "the next day he left.", "2017-01-01")
    got = dict(zip(df["text"], df["value"]))
    assert got["That day"] == "2016-03-XX"  # the day is unknown within March
    assert got["the next day"] == "2016-05-06"
    r = df[df["text"] == "That day"].iloc[0]
    assert (r["begin"], r["end_date"], r["anchor"]) == (pd.Timestamp("2016-03-01"), pd.Timestamp("2016-03-31"), "March 2016")


def test_bad_publication_date_is_a_clear_error():
    with pytest.raises(ValueError, match="is not a date"):
        find_timexes("On Monday it rained.", published="not a date")


# --- kinds from issue 13 (invented sentences; each value checked by hand) --------------------

@pytest.mark.parametrize("text, published, expected", [
    # compact and day-first dates
    ("Shares fell on 19-Nov-12 after the report.", "2012-11-20", [["19-Nov-12", "2012-11-19"]]),
    ("The filing is dated 2019-Feb-21.", "2019-03-01", [["2019-Feb-21", "2019-02-21"]]),
    ("The council met on 21 Feb 2019 in private.", "2019-03-01", [["21 Feb 2019", "2019-02-21"]]),
    ("On 7 Feb the minister resigned.", "2019-03-01", [["7 Feb", "2019-02-07"]]),
    ("The letter of 21/02/2019 was leaked.", "2019-03-01", [["21/02/2019", "2019-02-21"]]),
    ("The ruling of 21.02.2019 stands.", "2019-03-01", [["21.02.2019", "2019-02-21"]]),
    # an ambiguous numeric date follows the order the same text shows elsewhere, else month first
    ("The ruling of 21/02/2019 cites a letter of 04/07/2017.", "2019-03-01",
     [["21/02/2019", "2019-02-21"], ["04/07/2017", "2017-07-04"]]),
    ("The letter of 04/07/2017 was leaked.", "2019-03-01", [["04/07/2017", "2017-04-07"]]),
    ("Filed 02/21/2019, citing a letter of 04/07/2017.", "2019-03-01",
     [["02/21/2019", "2019-02-21"], ["04/07/2017", "2017-04-07"]]),
    # a past-tense month-day near the new year is the one just gone
    ("The board approved the plan on January 12.", "2018-12-28", [["January 12", "2018-01-12"]]),
    ("On 7 Feb the minister resigned.", "2018-12-28", [["7 Feb", "2018-02-07"]]),
    # ... but a deadline or a plan stays ahead
    ("The board voted to meet again on January 12.", "2018-12-28", [["January 12", "2019-01-12"]]),
    ("The offer was extended to Jan. 12.", "2018-12-28", [["Jan. 12", "2019-01-12"]]),
    # an infinitive after a past verb looks ahead; "shot to death" is no infinitive
    ("NATO decided to admit Poland in early March.", "1999-02-10", [["early March", "1999-03"]]),
    ("He was shot to death on the night of Oct. 23.", "1999-05-05", [["Oct. 23", "1998-10-23"]]),
    # "planned" alone is a past participle as often as a plan: the sentence's other verbs decide
    ("A memorial planned at the college for Saturday was canceled.", "1999-10-24", [["Saturday", "1999-10-23"]]),
    # a clock time written next to its date belongs to that date, whichever comes first
    ("On March 5 at 3 p.m. the talks ended.", "2018-12-28", [["March 5", "2018-03-05"], ["3 p.m.", "2018-03-05T15:00"]]),
    ("At 3 p.m. on Feb. 14, 2017, the talks ended.", "2018-12-28", [["3 p.m. on Feb. 14, 2017", "2017-02-14T15:00"]]),
    ("The talks ended at 3 p.m. on 5 March.", "2018-12-28", [["3 p.m.", "2018-03-05T15:00"], ["5 March", "2018-03-05"]]),
    ("On March 5 at 3 p.m. the talks ended.", None, [["March 5", "XXXX-03-05"], ["3 p.m.", "XXXX-03-05T15:00"]]),
    ("The blast came at about 10:35 a.m. (0735 GMT) Friday.", "1998-08-08",
     [["about 10:35 a.m.", "1998-08-07T10:35"], ["Friday", "1998-08-07"]]),
    ("It ended at 3 p.m., and on Friday they left.", "1998-08-08", [["3 p.m.", "1998-08-08T15:00"], ["Friday", "1998-08-07"]]),
    # durations in centuries and decades, fractional ones included
    ("The dispute lasted half a century.", "2018-12-28", [["half a century", "P50Y"]]),
    ("The church stood for 1.5 centuries.", "2018-12-28", [["1.5 centuries", "P150Y"]]),
    ("The feud went on for decades.", "2018-12-28", [["decades", "PXDE"]]),
    ("It took two and a half decades.", "2018-12-28", [["two and a half decades", "P25Y"]]),
    ("The mine closed half a century ago.", "2018-12-28", [["half a century ago", "1968"]]),
    ("The mine closed a decade and a half ago.", "2018-12-28", [["a decade and a half ago", "2003"]]),
    # numbered halves and year ranges
    ("Sales rose in H1 2020 and fell in 2019 H2.", "2020-09-01", [["H1 2020", "2020-H1"], ["2019 H2", "2019-H2"]]),
    ("He led the firm in 2015-2017.", "2020-09-01", [["2015", "2015"], ["2017", "2017"]]),
    ("Call 555-2017 for tickets.", "2020-09-01", []),
    # fractional hours and minutes, halves of a year
    ("The hearing lasted a minute and a half.", "2018-12-28", [["a minute and a half", "PT1M30S"]]),
    ("The flight took 5 1/2 hours.", "2018-12-28", [["5 1/2 hours", "PT5H30M"]]),
    ("They waited half an hour.", "2018-12-28", [["half an hour", "PT30M"]]),
    ("Sales rose in the last half of 1989.", "1989-11-02", [["the last half of 1989", "1989-H2"]]),
    ("He scored in the first half of the game.", "1989-11-02", []),
    # a month-day weeks ahead in a past-tense sentence is still the coming one
    ("The dividend was raised, payable Dec. 15.", "1989-11-02", [["Dec. 15", "1989-12-15"]]),
])
def test_issue13_kinds(text, published, expected):
    assert values(text, published) == expected


def test_relative_expressions_stay_unresolved_without_publication_date():
    df = find_timexes("Police said on Tuesday night that the suspect fled last month.", None)
    assert df["value"].tolist() == ["XXXX-WXX-2TNI", "XXXX-XX"]
    assert df["begin"].isna().all()
    df = find_timexes("Yesterday, overnight, two years ago, the first quarter and Christmas.", None)
    assert df["value"].tolist() == ["XXXX-XX-XX", "XXXX-XX-XXTNI", "XXXX", "XXXX-Q1", "XXXX-12-25"]
    assert df["begin"].isna().all()


def test_an_expression_that_fails_to_resolve_is_recorded_and_the_rest_kept(monkeypatch):
    import importlib

    import srcanalysis as sa
    timex = importlib.import_module("srcanalysis.time.timex")
    real = timex._resolve

    def broken(f, text, st, R):
        if text[f.start:f.end] == "last week":
            raise ValueError("deliberate failure")
        return real(f, text, st, R)

    monkeypatch.setattr(timex, "_resolve", broken)
    df = find_timexes("On Feb. 14 he left; last week he returned; in 2015 he was away.", PUB, article_id="x")
    assert df["text"].tolist() == ["Feb. 14", "2015"]
    assert sa.errors(df)[["article_id", "stage", "error"]].values.tolist() == [["x", "timexes", "ValueError"]]


def test_infer_published_ignores_copyright_years():
    assert pd.isna(infer_published("Police said he fled on Tuesday night.\n© 2024 Example Media"))
    assert infer_published("Copyright 2019-2024 Foo. On March 3, 2016 he spoke.") == pd.Timestamp("2016-03-03")
    assert infer_published("A copyright suit filed in 2015 failed.") == pd.Timestamp("2015-01-01")


# --- tense cues that are not past verbs (value-accuracy pass; invented sentences) ------------

@pytest.mark.parametrize("text, published, expected", [
    # a participle after a future "be" keeps the future: the coming December, the coming November
    ("The astronaut will be named commander for a flight in December.", "1998-03-04", [["December", "1998-12"]]),
    ("Final rules to be published in early November will decide it.", "1989-10-30", [["early November", "1989-11"]]),
    ("The split would be paid on a still unspecified date in January.", "1989-10-26", [["January", "1990-01"]]),
    # ... but a past "could be located" stays past
    ("Relatives could not be located Wednesday.", "2000-01-06", [["Wednesday", "2000-01-05"]]),
    # an -ed adjective after a determiner is no past verb; "succeed" is no past form
    ("The reduced dividend is payable Jan. 2.", "1989-11-02", [["Jan. 2", "1990-01-02"]]),
    ("Ms. Lee, 52 years old, will succeed him Feb. 1.", "1989-10-26", [["Feb. 1", "1990-02-01"]]),
    # "since" points back
    ("Police have hunted him since the Oct. 23 shooting.", "1999-05-06", [["Oct. 23", "1998-10-23"]]),
])
def test_tense_cues_that_are_not_past_verbs(text, published, expected):
    assert values(text, published) == expected


def test_earnings_story_keeps_the_reported_quarter():
    # "the quarter" after a year-earlier comparison is the reported quarter, not the comparison's
    t = ("Acme posted a loss in the third quarter, against a profit in the year-earlier quarter. "
         "A spokesman said operations lost $5 million for the quarter. The latest period also had charges.")
    assert values(t, "1989-11-02") == [["the third quarter", "1989-Q3"], ["the year-earlier quarter", "1988-Q3"],
                                       ["the quarter", "1989-Q3"], ["The latest period", "1989-Q3"]]
    # and "a year earlier" is counted from the reported quarter
    t2 = "Profit rose in the second quarter from the 1988 quarter. Revenue fell a year earlier."
    assert values(t2, "1989-08-02") == [["the second quarter", "1989-Q2"], ["the 1988 quarter", "1988-Q2"],
                                        ["a year earlier", "1988-Q2"]]


@pytest.mark.parametrize("text, expected", [
    # "now that" still names the present (TimeBank and AQUAINT annotate it)
    ("Now that the talks have failed, the strike goes on.", [["Now", "PRESENT_REF"]]),
    # "soon" in a past narrative sequence is no reference to the future
    ("He was killed soon after being captured.", []),
    ("The trickle of cash soon became a flood.", []),
    ("He was soon released.", []),
    ("The plant will soon reopen.", [["soon", "FUTURE_REF"]]),
    # "in the long run" is no time expression
    ("Iraq will lose in the long run.", []),
])
def test_reference_words_kept_and_dropped(text, expected):
    assert values(text, "1998-02-06") == expected


def test_tokenised_decade_is_a_decade():
    # tokenised news text (SemEval TimeLine style) splits the "'s" off a decade
    assert values("In the late 1980 's the firm added audio to its computers .", "2006-03-28") == \
        [["the late 1980 's", "198"]]
    assert values("Prices rose in the 1990s .", "2006-03-28") == [["the 1990s", "199"]]


@pytest.mark.parametrize("text, expected", [
    ("By mid afternoon, officials were saying so.", [["mid afternoon", "1989-11-02TAF", "MID"]]),
    ("Shares fell mid-afternoon yesterday.", [["mid-afternoon yesterday", "1989-11-01TAF", "MID"]]),
    ("Mid-term elections loom.", []),
])
def test_mid_part_of_day(text, expected):
    assert find_timexes(text, "1989-11-02")[["text", "value", "mod"]].values.tolist() == expected


def test_the_past_year_and_the_past_decade_are_durations():
    # TimeBank annotates "the past year" as the year before publication (2 of 2); we follow TIMEX3's
    # duration anchored at publication so it agrees with "the past 12 months" (costs TimeBank 0.002)
    assert values("Prices rose 5% over the past year.", "1998-02-13") == [["the past year", "P1Y"]]
    assert values("Crime fell over the past decade.", "1998-10-25") == [["the past decade", "P10Y"]]


def test_duration_before_later_is_a_duration_that_still_dates_the_sentence():
    # TimeML: "three days later" marks "three days" (DURATION); "later" is a signal outside it
    t = "On Oct. 12 the market fell. Three days later, the index was down 6%. A few days later he left."
    assert find_timexes(t, "1989-10-30")[["text", "type", "value"]].values.tolist() == [
        ["Oct. 12", "DATE", "1989-10-12"], ["Three days", "DURATION", "P3D"], ["A few days", "DURATION", "PXD"]]
    s = pd.DataFrame({"article_id": "a", "published": pd.Timestamp("1989-10-30"), "sentence": [0, 1],
                      "text": ["On Oct. 12 the market fell.", "Three days later, the index was down 6%."]})
    from srcanalysis import date_sentences
    d = date_sentences(s)
    assert d["event_basis"].tolist() == ["own", "own"]
    assert str(d.loc[1, "event_begin"].date()) == "1989-10-15"


@pytest.mark.parametrize("text", [
    "There were 1885 aftershocks after Wednesday's quake.",
    "On Wednesday, 1885 aftershocks were recorded.",
    "Some 2000 protesters gathered outside.",
    "1500 soldiers were sent to the border.",
])
def test_a_number_before_a_plural_noun_is_a_count_not_a_year(text):
    df = find_timexes(text, "2019-09-06")
    assert not df["value"].isin(["1885", "2000", "1500"]).any(), df[["text", "value"]]


@pytest.mark.parametrize("text, expected", [
    ("Religious leaders who led the 1992 protests have moved on.", "1992"),
    ("In 1885 floods hit the valley.", "1885"),
    ("Among the September 2015 deaths was a senator.", "2015-09"),
    ("2019 marks the anniversary of the accord.", "2019"),
])
def test_a_year_before_a_plural_noun_with_year_context_stays_a_year(text, expected):
    assert expected in find_timexes(text, "2019-09-06")["value"].tolist()


def test_a_yearless_month_day_takes_the_year_of_the_narrative_s_last_full_date():
    text = ("On November 15, 2017, the army seized power. Mugabe agreed to leave in exchange for "
            "a pension and his official resignation on November 21.")
    assert find_timexes(text, "2019-09-06")["value"].tolist() == ["2017-11-15", "2017-11-21"]


def test_a_past_month_day_without_narrative_year_is_the_last_one_before_publication():
    assert one("Mugabe resigned on November 21.", "2019-09-06")["value"] == "2018-11-21"


def test_a_future_month_day_keeps_the_coming_one_despite_an_old_narrative_date():
    text = "On November 15, 2017, the army seized power. The court will rule on October 21."
    assert find_timexes(text, "2019-09-06")["value"].tolist()[-1] == "2019-10-21"


def test_a_month_modifier_does_not_set_the_narrative_year():
    text = "He had rejected the August 1988 cease-fire. Iraq invaded Kuwait on Aug. 2."
    assert find_timexes(text, "1990-08-15")["value"].tolist()[-1] == "1990-08-02"


@pytest.mark.parametrize("text, published, expected", [
    ("On Wednesday, as a part of his pre-election campaign, the president pledged to reopen the site.",
     "2019-03-31", "2019-03-27"),
    ("In a situational report, Wednesday's tremor, the strongest this year, damaged 143 buildings.",
     "2019-10-22", "2019-10-16"),
    ("On Wednesday, after a long day of campaigning in the north, the president will announce his plan.",
     "2019-03-31", "2019-04-03"),
])
def test_a_fronted_or_possessive_weekday_follows_the_sentence_tense(text, published, expected):
    assert find_timexes(text, published)["value"].tolist()[0] == expected


def test_a_weekday_after_a_plan_infinitive_stays_ahead():
    text = "The team, which was attacked in 1995, planned to leave Nairobi on Thursday."
    assert find_timexes(text, "1998-09-30")["value"].tolist()[-1] == "1998-10-01"


def test_a_past_anaphor_skips_a_future_date_for_the_narrative_day():
    text = ("On March 15 a gunman attacked a mosque. He was remanded until his next court appearance on April 5. "
            "The second attack reportedly was in another mosque on the same day.")
    assert find_timexes(text, "2019-03-17")["value"].tolist() == ["2019-03-15", "2019-04-05", "2019-03-15"]


def test_a_future_anaphor_still_follows_the_future_date():
    text = "He will appear in court on April 5. His lawyer will speak on the same day."
    assert find_timexes(text, "2019-03-17")["value"].tolist() == ["2019-04-05", "2019-04-05"]


# --- kinds other taggers get wrong (invented sentences) -------------------------------------

@pytest.mark.parametrize("text", ["The Sunday Times reported the story.", "Saturday Night Live aired a sketch.",
                                  "He watched Monday Night Football.", "The Today show interviewed him."])
def test_papers_and_shows_named_after_a_day_are_not_dates(text):
    assert values(text, "2024-05-15") == []


def test_a_day_before_a_capitalised_word_is_still_a_day():
    assert values("On Sunday Times Square was packed.", "2024-05-15") == [["Sunday", "2024-05-12"]]
    assert values("On Sunday night the Times reported it.", "2024-05-15") == [["Sunday night", "2024-05-12TNI"]]


def test_may_in_a_month_range_is_a_month_but_the_modal_is_not():
    assert values("The exhibition ran from May to July.", "2024-09-15") == [["May", "2024-05"], ["July", "2024-07"]]
    assert values("It ran from May through June.", "2024-09-15") == [["May", "2024-05"], ["June", "2024-06"]]
    assert values("Officials may go to Paris.", "2024-09-15") == []


def test_us_zone_abbreviations_belong_to_the_clock_time():
    assert values("The speech is at 3 p.m. ET.", "2024-05-15") == [["3 p.m. ET", "2024-05-15T15:00"]]
    assert values("It ended at 14:00 PT.", "2024-05-15") == [["14:00 PT", "2024-05-15T14:00"]]


def test_the_month_may_is_not_a_modal_tense_cue():
    # "May" the month must not make the sentence look ahead: July is the past July
    assert values("The exhibition ran from May to July.", "2024-09-15")[1] == ["July", "2024-07"]
    assert values("He may leave in July.", "2024-09-15") == [["July", "2025-07"]]


def test_noon_with_a_zone_word_keeps_its_day():
    assert values("The vote closed at noon ET on Tuesday.", "2024-05-15") == [["noon ET on Tuesday", "2024-05-14T12:00"]]
    assert values("It closed at midnight on Friday.", "2024-05-15") == [["midnight on Friday", "2024-05-10T24:00"]]


def test_a_day_of_the_month_without_its_month():
    assert values("The hearing was held on the 5th.", "2024-05-15") == [["the 5th", "2024-05-05"]]
    assert values("The hearing will be held on the 5th.", "2024-05-15") == [["the 5th", "2024-06-05"]]
    assert values("In March the board met twice. On the 5th it voted.", "2024-05-15")[1] == ["the 5th", "2024-03-05"]
    assert values("He lives on the 5th floor.", "2024-05-15") == []


def test_a_weekday_a_meeting_was_put_off_to_is_the_coming_one():
    assert values("The talks were postponed until Monday.", "2024-05-15") == [["Monday", "2024-05-20"]]
    assert values("The hearing was adjourned to Tuesday afternoon.", "2024-05-15") == [["Tuesday afternoon", "2024-05-21TAF"]]
    assert values("He stayed in hospital until Monday.", "2024-05-15") == [["Monday", "2024-05-13"]]


def test_a_named_yearly_day_with_an_approach_cue_is_the_coming_one():
    # published on a Monday three weeks before the US election: a present/future cue points ahead
    pub = "2022-10-17"
    assert values("Polling Day is near and Election Day is fast approaching, organisers said.", pub)[-1] == \
        ["Election Day", "2022-11-08"]
    assert values("As Thanksgiving approaches, food banks said they were short of turkeys.", pub) == \
        [["Thanksgiving", "2022-11-24"]]
    assert values("Turnout was low on Election Day.", pub) == [["Election Day", "2021-11-02"]]
    # the day as the subject of a present verb, even with a past reporting verb after it
    assert values("Election Day is three weeks off, and poll workers said they felt ready.", pub)[0] == \
        ["Election Day", "2022-11-08"]
    assert values("Election Day's turnout was low.", pub) == [["Election Day", "2021-11-02"]]


def test_a_weekday_after_an_irregular_past_verb_is_the_last_one():
    pub = "2024-05-15"  # a Wednesday: the coming Friday is nearer than the last one
    for verb in ("struck", "hit", "shook", "broke out", "occurred", "happened"):
        assert values(f"The tremor {verb} on Friday.", pub) == [["Friday", "2024-05-10"]], verb
    assert values("The storm will hit the coast on Friday.", pub) == [["Friday", "2024-05-17"]]
    assert values("The storm is expected to hit the coast on Friday.", pub) == [["Friday", "2024-05-17"]]
    assert values("The appeal is heard in June.", pub) == [["June", "2024-06"]]


def test_the_past_year_is_a_rolling_period_like_the_past_12_months():
    # "the past/last year|month|week" runs up to publication; "last year" alone is the calendar year
    pub = "2023-06-10"
    for phrase, value in (("the past year", "P1Y"), ("the last year", "P1Y"), ("the past 12 months", "P12M"),
                          ("the last month", "P1M"), ("the past two years", "P2Y")):
        r = one(f"Over {phrase}, rents climbed.", pub)
        assert (r["type"], r["value"], str(r["end_date"].date())) == ("DURATION", value, pub), phrase
    assert str(one("Over the past year, rents climbed.", pub)["begin"].date()) == "2022-06-10"
    r = one("Last year, rents climbed.", pub)
    assert (r["type"], r["value"], str(r["begin"].date())) == ("DATE", "2022", "2022-01-01")


def test_deictic_words_in_a_quotation_count_from_the_day_it_was_said():
    pub = "2021-03-11"  # a Thursday; the post was made on Monday 8 March
    t = 'On Monday, March 8, the governor posted: "Two shelters opened last night and more open tomorrow."'
    assert values(t, pub) == [["Monday, March 8", "2021-03-08"], ["last night", "2021-03-07TNI"], ["tomorrow", "2021-03-09"]]
    assert values('"The roads reopen tomorrow," the mayor said on Monday.', pub)[0] == ["tomorrow", "2021-03-09"]
    # no day of saying, or a new clause between the day and the quotation: publication stays the anchor
    assert values('She said: "We met yesterday."', pub) == [["yesterday", "2021-03-10"]]
    t = 'The strike began on Monday, and union leaders said: "We walk out again tomorrow."'
    assert values(t, pub)[1] == ["tomorrow", "2021-03-12"]


@pytest.mark.parametrize("text, expr, end", [
    ("Negotiators met earlier this month in Geneva.", "earlier this month", "2024-11-07"),
    ("Ticket sales so far this year reached 2 million.", "this year", "2024-11-07"),
    ("Prices this month so far are up 3%.", "this month", "2024-11-07"),
    ("Fares this week to date fell.", "this week", "2024-11-07"),
    ("Exports so far in 2024 fell.", "2024", "2024-11-07"),
    ("Talks stalled earlier in the week.", "the week", "2024-11-07"),
    ("Earlier this year the plant closed.", "Earlier this year", "2024-04-30"),  # already before publication
    ("The vote is set for later this month.", "later this month", "2024-11-30"),  # forward-pointing: unchanged
])
def test_a_past_pointing_current_period_ends_no_later_than_publication(text, expr, end):
    df = find_timexes(text, "2024-11-07")
    row = df[df["text"] == expr].iloc[0]
    assert pd.Timestamp(row["end_date"]) == pd.Timestamp(end)
