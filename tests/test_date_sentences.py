"""Sentence dates: which expression dates a sentence, and the narrative's reference day."""
from __future__ import annotations

import pandas as pd
import pytest

import srcanalysis as sa


def article(texts, published="2017-04-05", article_id="a"):
    return pd.DataFrame({"article_id": article_id, "outlet": "Wire", "published": pd.Timestamp(published) if published else pd.NaT,
                         "sentence": range(len(texts)), "text": texts})


def dated(texts, **kw):
    d = sa.date_sentences(article(texts, **kw))
    return [[b, x, None if pd.isna(s) else str(s.date())] for b, x, s in
            zip(d["event_basis"], d["event_expression"], d["event_begin"])]


def test_columns_and_input_rows_kept():
    src = article(["The board met on Monday.", "Sales rose."])
    d = sa.date_sentences(src)
    assert list(d.columns) == list(src.columns) + ["event_begin", "event_end", "event_granularity", "event_basis",
                                                   "event_expression", "event_lag"]
    assert d["text"].tolist() == src["text"].tolist()
    assert d.loc[0, "event_lag"] == pd.Timedelta(days=2)  # Monday 3 April, published 5 April


def test_narrative_keeps_its_day_until_a_new_anchor():
    assert dated(["The board met on Monday.", "It voted to sell the unit.", "On Tuesday the chief resigned.",
                  "She gave no reason."]) == [
        ["own", "Monday", "2017-04-03"], ["carried", "Monday", "2017-04-03"],
        ["own", "Tuesday", "2017-04-04"], ["carried", "Tuesday", "2017-04-04"]]


def test_present_tense_sentence_speaks_at_publication():
    assert dated(["The board met on Monday.", "The unit has 300 staff."])[1] == ["published", "", "2017-04-05"]


def test_quotes_and_background_clauses_do_not_move_the_reference_day():
    assert dated(["The board met on Monday.",
                  "\"We first discussed this on March 3,\" the chair said.",
                  "Apple, which was founded in 1976, objected.",
                  "The board then voted."]) == [
        ["own", "Monday", "2017-04-03"], ["own", "March 3", "2017-03-03"],
        ["own", "1976", "1976-01-01"], ["carried", "Monday", "2017-04-03"]]


def test_background_clause_loses_to_the_main_clause_date():
    assert dated(["Jobs, who was born on February 24, 1955, resigned on Wednesday."]) == [
        ["own", "Wednesday", "2017-04-05"]]


def test_finest_expression_wins():
    d = sa.date_sentences(article(["In March, on March 14, the deal closed."]))
    assert (d.loc[0, "event_expression"], d.loc[0, "event_granularity"]) == ("March 14", "day")


def test_no_publication_date_means_no_guess():
    assert dated(["Police said the fire began last month.", "On March 3, 2016, he spoke.", "He left."],
                 published=None) == [["none", "", None], ["own", "March 3, 2016", "2016-03-03"],
                                     ["carried", "March 3, 2016", "2016-03-03"]]


def test_articles_do_not_share_a_reference_day():
    two = pd.concat([article(["The board met on Monday."], article_id="a"),
                     article(["It voted to sell."], article_id="b")], ignore_index=True)
    assert sa.date_sentences(two)["event_basis"].tolist() == ["own", "published"]


def test_sentences_taken_in_order_even_when_shuffled():
    d = sa.date_sentences(article(["The board met on Monday.", "It voted to sell the unit."]).iloc[::-1])
    assert d["event_basis"].tolist() == ["carried", "own"]


def test_gaps_and_lag_from_sentence_dates():
    d = sa.date_sentences(article(["Talks began on Jan. 5.", "Both sides walked out.", "On March 20 a deal was signed."]))
    gaps = sa.timeline_gaps(d, "30D")
    assert gaps[["start", "end"]].astype(str).values.tolist() == [["2017-01-06", "2017-03-19"]]
    lag = sa.lag_summary(d)
    assert lag["events"].tolist() == [3] and lag["max_days"].tolist() == [90.0]


def test_bad_carry_raises():
    with pytest.raises(ValueError):
        sa.date_sentences(article(["x"]), carry="fortnight")
