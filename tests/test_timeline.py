"""Timelines across sentences, gaps and reporting lag."""
from __future__ import annotations

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.time.timeline import TIMELINE_COLUMNS, lag_summary, timeline, timeline_gaps


def frame(texts, published="2017-04-01", article="a", outlet="The Daily Beast"):
    n = len(texts)
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return pd.DataFrame({
        "article_id": [article] * n, "outlet": [outlet] * n,
        "published": pd.to_datetime([published] * n), "paragraph": [0] * n, "sentence": list(range(n)),
        "start": starts, "end": [s + len(t) for s, t in zip(starts, texts)], "text": texts,
    })


def test_anaphora_across_sentences():
    tl = timeline(frame(["Kushner reportedly sought in early December to route around U.S. intelligence.",
                         "The following month, Erik Prince met with a Putin confidante."]))
    assert list(tl.columns) == TIMELINE_COLUMNS + ["paragraph"]
    assert tl["value"].tolist() == ["2016-12", "2017-01"]
    assert tl["sentence"].tolist() == [0, 1]
    assert tl.loc[1, "anchor"] == "early December"
    assert tl.loc[1, "lag"] == pd.Timestamp("2017-04-01") - pd.Timestamp("2017-01-31")


def test_sentences_processed_in_order_even_when_shuffled():
    f = frame(["In early December, talks began.", "That day, nothing happened.", "The next month, Prince met him."])
    tl = timeline(f.iloc[::-1])
    assert tl["expression"].tolist() == ["early December", "That day", "The next month"]


def test_expression_offsets_are_article_offsets():
    texts = ["Nothing dated.", "On Feb. 14, Trump fired him."]
    f = frame(texts)
    article = " ".join(texts)
    tl = timeline(f)
    r = tl.iloc[0]
    assert article[r["expr_start"]:r["expr_end"]] == "Feb. 14"


def test_reference_only_mentions_left_out_and_unknown_lag():
    tl = timeline(frame(["He is now in Moscow.", "In 2015, Russia sent its military to Syria."], published=None))
    assert tl["expression"].tolist() == ["2015"]
    assert pd.isna(tl.loc[0, "lag"]) and pd.isna(tl.loc[0, "published"])


def test_infer_fills_missing_publication_date():
    f = frame(["On March 3, 2016, he spoke.", "Two days later, he left."], published=None)
    tl0 = timeline(f)
    assert tl0["value"].tolist() == ["2016-03-03", "P2D"]  # "Two days" (TimeML: "later" is a signal)
    assert tl0["begin"].tolist() == [pd.Timestamp("2016-03-03"), pd.Timestamp("2016-03-05")]  # the day reached
    tl = timeline(f, infer=True)
    assert tl["published"].iloc[0] == pd.Timestamp("2016-03-03")  # latest absolute date mentioned


def test_seed_sentences_timeline(seed_sentences):
    s = seed_sentences.copy()
    s["published"] = pd.Timestamp("2017-04-01")
    tl = timeline(s)
    by_expr = dict(zip(tl["expression"], tl["value"]))
    assert by_expr["late January"] == "2017-01"
    assert by_expr["Feb. 14"] == "2017-02-14"
    assert by_expr["last fall"] == "2016-FA"
    assert by_expr["The following month"] == "2017-01"
    assert (tl.loc[tl["expression"] == "Feb. 14", "lag"] == pd.Timedelta(days=46)).all()
    assert {"source_type", "source"} <= set(tl.columns)  # who the dated claim rests on


def test_empty_input():
    assert list(timeline(frame([]).iloc[0:0]).columns) == TIMELINE_COLUMNS
    g = timeline_gaps(timeline(frame(["Nothing."])))
    assert len(g) == 0 and list(g.columns)[:3] == ["start", "end", "length"]


def test_gaps_between_events():
    tl = timeline(frame(["In early December, the plan took shape.", "On Feb. 14, Trump fired him.",
                         "In 2015, Russia sent its military to Syria."]))
    g = timeline_gaps(tl, "30D")
    assert len(g) == 1
    gap = g.iloc[0]
    assert gap["start"] == pd.Timestamp("2016-12-11") and gap["end"] == pd.Timestamp("2017-02-13")
    assert gap["days"] == 65 and gap["before"] == "early December" and gap["after"] == "Feb. 14"
    # the year-long "2015" neither covers nor stretches the span by default
    assert g.attrs["span"] == (pd.Timestamp("2016-12-01"), pd.Timestamp("2017-02-14"))
    assert timeline_gaps(tl, "90D").empty
    wide = timeline_gaps(tl, "30D", max_granularity="year")
    assert wide["days"].max() > 300


def test_lag_summary_per_outlet():
    tl = pd.concat([timeline(frame(["On Feb. 14, Trump fired him."], article="a", outlet="A")),
                    timeline(frame(["On Feb. 14, Trump fired him."], published="2017-02-15", article="b", outlet="B"))])
    s = lag_summary(tl).set_index("outlet")
    assert s.loc["A", "median_days"] == 46 and s.loc["B", "median_days"] == 1
    assert timeline_gaps(tl).attrs["lag"][0]["outlet"] == "A"


def test_gaps_per_story():
    a = timeline(frame(["In early December, the plan took shape.", "On Feb. 14, Trump fired him."], article="a"))
    b = timeline(frame(["On March 1, he spoke.", "On March 3, he left."], article="b"))
    both = pd.concat([a, b], ignore_index=True)
    g = timeline_gaps(both, "30D", by="article_id")
    assert list(g.columns)[0] == "article_id"
    assert g["article_id"].tolist() == ["a"] and g["days"].tolist() == [65]
    assert timeline_gaps(both.iloc[0:0], by="article_id").empty


# --- issue 13: no guessed anchor, per-article failures, sentence dates ----------------------

def test_infer_never_resolves_relative_expressions_against_the_guess():
    f = frame(["On March 3, 2016, he spoke.", "Last month, he had left.", "On Tuesday night he returned."],
              published=None)
    tl = timeline(f, infer=True)
    assert tl["expression"].tolist() == ["March 3, 2016"]  # "Last month", "Tuesday night" stay unresolved
    assert tl["published_basis"].tolist() == ["inferred"]
    assert tl["lag"].isna().all()  # no lag measured from a guess


def test_failing_article_is_recorded_and_others_complete(monkeypatch):
    import importlib

    import srcanalysis as sa
    sentences_mod = importlib.import_module("srcanalysis.time.sentences")
    timeline_mod = importlib.import_module("srcanalysis.time.timeline")
    arts = pd.concat([frame(["On Feb. 14, Trump fired him.", "He left."], article=a) for a in ("a", "b", "c")],
                     ignore_index=True)
    arts.loc[arts["article_id"] == "b", "text"] = ["On Feb. 15 the BOOM came.", "Then nothing."]
    real = timeline_mod._extract

    def broken(text, st):
        if "BOOM" in text:
            raise ValueError("deliberate failure")
        return real(text, st)

    monkeypatch.setattr(timeline_mod, "_extract", broken)
    monkeypatch.setattr(sentences_mod, "_extract", broken)
    tl = timeline(arts)
    assert sorted(tl["article_id"].unique()) == ["a", "c"]
    assert sa.errors(tl)[["article_id", "stage", "error"]].values.tolist() == [["b", "timeline", "ValueError"]]
    d = sa.date_sentences(arts)
    assert d.loc[d["article_id"] != "b", "event_basis"].tolist() == ["own", "carried"] * 2
    assert d.loc[d["article_id"] == "b", "event_basis"].tolist() == ["none", "none"]
    assert sa.errors(d)[["article_id", "stage"]].values.tolist() == [["b", "date_sentences"]]


def test_timeline_marks_the_expression_dating_each_sentence():
    tl = timeline(frame(["Apple, which was founded in 1976, sued the label on Monday."]))
    assert dict(zip(tl["expression"], tl["dates_sentence"])) == {"1976": False, "Monday": True}


# --- date_sentences: which expression dates a sentence, and the narrative's reference day ----


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


def test_mixed_offset_published_column_dates_each_article_by_its_local_calendar():
    texts = ["It rained yesterday.", "It snowed yesterday.", "It hailed yesterday.", "It froze yesterday."]
    pubs = ["2024-05-01T23:30:00-04:00", pd.Timestamp("2024-05-02T01:30:00Z"), "", None]
    s = pd.DataFrame({"article_id": list("abcd"), "published": pubs, "sentence": 0, "text": texts})
    d = sa.date_sentences(s)
    assert [None if pd.isna(v) else str(v.date()) for v in d["event_begin"]] == ["2024-04-30", "2024-05-01", None, None]
    assert d["event_basis"].tolist() == ["own", "own", "none", "none"]
    assert d["event_lag"].tolist()[:2] == [pd.Timedelta(days=1)] * 2  # whole calendar days, not 1 day 23:30
    tl = timeline(s)
    assert str(tl["published"].dtype) == "datetime64[ns]" and tl["value"].tolist() == ["2024-04-30", "2024-05-01"]
    aware = s.assign(published=pd.to_datetime(["2024-05-01T23:30-04:00", "2024-05-02T03:30-04:00", None, None]))
    assert sa.date_sentences(aware)["event_begin"].dt.date.astype(str).tolist()[:2] == ["2024-04-30", "2024-05-01"]


def test_a_history_aside_sends_the_narrative_back_to_the_ledes_day():
    # the second day anchor (March 3) is an aside; after "in 1990" the story is back on its news day
    assert dated(["The singer died on Tuesday, her label said.", "On March 3 she cancelled her tour.",
                  "She started the band in 1990.", "Fans gathered outside the studio."], published="2017-06-08") == [
        ["own", "Tuesday", "2017-06-06"], ["own", "March 3", "2017-03-03"], ["own", "1990", "1990-01-01"],
        ["carried", "Tuesday", "2017-06-06"]]


def test_a_remark_after_a_shift_to_another_month_does_not_take_the_ledes_day():
    d = dated(["The council voted on Friday to close the library.",
               "In September, the mayor warned that the budget was short.",
               "She said the city had no choice."], published="2024-10-07")
    assert d[0] == ["own", "Friday", "2024-10-04"] and d[2] == ["published", "", "2024-10-07"]


def test_died_yesterday_is_the_news_but_born_in_1950_is_background():
    assert dated(["The actor died yesterday at his home.", "Police found no sign of foul play."],
                 published="2017-06-08") == [["own", "yesterday", "2017-06-07"], ["carried", "yesterday", "2017-06-07"]]
    assert dated(["The board met on Monday.", "Its chair, born on May 4, 1950, spoke first.", "It then voted."],
                 published="2017-04-05")[2] == ["carried", "Monday", "2017-04-03"]


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
    src = article(["Talks began on Jan. 5.", "Both sides walked out.", "On March 20 a deal was signed."])
    src["start"], src["end"] = [0, 23, 46], [22, 45, 75]  # a sentence frame's character offsets
    d = sa.date_sentences(src)
    gaps = sa.timeline_gaps(d, "30D")
    assert gaps[["start", "end"]].astype(str).values.tolist() == [["2017-01-06", "2017-03-19"]]
    lag = sa.lag_summary(d)
    assert lag["events"].tolist() == [3] and lag["max_days"].tolist() == [90.0]


def test_bad_carry_raises():
    with pytest.raises(ValueError):
        sa.date_sentences(article(["x"]), carry="fortnight")


def test_an_era_does_not_date_a_sentence():
    assert dated(["The board met on Monday.", "It called such a policy out of place in the 21st century."])[1] == \
        ["carried", "Monday", "2017-04-03"]


def test_tense_of_a_sentence_is_read_outside_its_quotes():
    assert [b for b, _x, _d in dated(["The board met on Monday.", '"We looked hard," says the chair.',
                                      "The chair has since resigned, dubbed a scapegoat."])] == \
        ["own", "published", "published"]


def test_a_date_after_publication_does_not_move_the_reference_day():
    assert dated(["The board met on Monday.", "The dividend is payable on April 20.",
                  "The board also elected a chair."]) == [
        ["own", "Monday", "2017-04-03"], ["own", "April 20", "2017-04-20"], ["carried", "Monday", "2017-04-03"]]


def test_day_first_convention_is_read_from_the_whole_article():
    d = sa.date_sentences(article(["The ruling is dated 21/02/2017.", "It cites a letter of 04/03/2017."]))
    assert d["event_begin"].dt.strftime("%Y-%m-%d").tolist() == ["2017-02-21", "2017-03-04"]
    tl = timeline(frame(["The ruling is dated 21/02/2017.", "It cites a letter of 04/03/2017."]))
    assert tl["value"].tolist() == ["2017-02-21", "2017-03-04"]


# --- kinds found on Wikinews: anchors in a past narrative, background dates and lag ------------

def test_next_decades_in_a_past_narrative_run_from_the_narrative_anchor():
    tl = timeline(frame(["In 1965 the party was founded.", "Over the next five decades it grew into a movement."],
                        published="2019-09-06"), include_durations=True)
    row = tl[tl["expression"] == "the next five decades"].iloc[0]
    assert (str(row["begin"].date()), str(row["end"].date())) == ("1966-01-01", "2016-01-01")


def test_next_years_in_a_plan_still_run_from_publication():
    tl = timeline(frame(["In 1965 the party was founded.", "Over the next two years it will expand."],
                        published="2019-09-06"), include_durations=True)
    row = tl[tl["expression"] == "the next two years"].iloc[0]
    assert str(row["begin"].date()) == "2019-09-06"


def test_past_tense_this_year_is_not_a_lag_ahead_of_publication():
    d = sa.date_sentences(article(["This year the company lost money.", "This year the company will hire."],
                                  published="2019-09-06"))
    assert d["event_lag"].iloc[0].days == 0
    assert pd.isna(d["event_lag"].iloc[1])  # a year still running holds a plan, not a lag of -116 days
    assert str(d.loc[0, "event_end"].date()) == "2019-12-31"  # the calendar year is kept as the date


@pytest.mark.parametrize("text", [
    "Smith was born in 1931.",
    "He was the first president impeached since the 1867 Tenure of Office Act was passed.",
    "It was one of the worst disasters of the 21st century.",
])
def test_background_dates_far_from_publication_carry_no_reporting_lag(text):
    d = sa.date_sentences(article([text], published="2019-09-06"))
    assert not (d["event_lag"].dt.days.abs() > 365).any()  # NaT, or 0 when the sentence falls back to publication
    assert sa.lag_summary(timeline(frame([text], published="2019-09-06")))["events"].sum() == 0


def test_lag_summary_counts_only_news_window_events():
    src = article(["Smith was born in 1931.", "He died on Monday.", "In 1965 he founded the party."],
                  published="2019-09-06")
    lag = sa.lag_summary(sa.date_sentences(src))
    assert lag[["events", "max_days"]].values.tolist() == [[1, 4.0]]


def test_a_date_pandas_cannot_hold_does_not_fail_the_timeline():
    tl = timeline(frame(["The abbey was built in the 13th century.", "It burned on Monday."], published="2019-09-06"))
    assert "Monday" in tl["expression"].tolist()
    assert tl.attrs.get("errors", []) == []



def test_sentences_inside_a_quote_running_over_several_sentences_are_not_narrative():
    d = dated(["The mayor resigned on Monday.", '"I tried for years.', "It failed.", 'I am done," she said.',
               "The council accepted the letter."])
    assert [x[0] for x in d] == ["own", "published", "published", "carried", "carried"]
    # "that day" inside the running quote is the speaker's, and does not become the reference day
    d = dated(["The mayor resigned on Monday.", '"I told them in March.', 'That day has come," she wrote.',
               "The council accepted the letter."])
    assert d[3] == ["carried", "Monday", "2017-04-03"]


def test_a_paragraph_break_closes_a_quote_left_open():
    s = article(["The mayor resigned on Monday.", '"I tried for years.', '"It failed."', "Staff cleared the office."])
    s["paragraph"] = [0, 1, 2, 3]
    assert sa.date_sentences(s)["event_basis"].tolist() == ["own", "published", "published", "carried"]


def test_a_reported_present_clause_speaks_at_publication_not_on_the_narrative_day():
    assert dated(["Acme reported results on Monday.", "It said it expects sales to grow.",
                  "It said sales had fallen.", "Its chief told staff the plant remains open."]) == [
        ["own", "Monday", "2017-04-03"], ["published", "", "2017-04-05"], ["carried", "Monday", "2017-04-03"],
        ["published", "", "2017-04-05"]]
    assert dated(["The board met on Monday.", "It still hasn't voted on the sale."])[1] == ["published", "", "2017-04-05"]


def test_since_is_no_past_verb_for_a_present_perfect_sentence():
    assert dated(["The store opened on Monday.", "Since its launch it has sold 3,000 books."])[1] == [
        "published", "", "2017-04-05"]
    assert dated(["The store opened on Monday.", "Since then it sold 300 books."])[1][0] == "carried"


def test_a_sentence_set_in_a_decade_takes_no_day_from_the_narrative():
    assert dated(["The former president died on Friday.", "In the 1990s, he seized farms from their owners.",
                  "Crowds gathered at his home."], published="2019-09-09") == [
        ["own", "Friday", "2019-09-06"], ["published", "", "2019-09-09"], ["carried", "Friday", "2019-09-06"]]
    # "the last decade" runs up to now: no other time
    assert dated(["The fair opened on Friday.", "Sales grew in the last decade."], published="2019-09-09")[1][0] == "carried"


def test_a_past_state_takes_no_day_but_a_passive_or_progressive_event_does():
    assert dated(["The former leader died on Friday.", "He was 95.", "He was ruthless.", "He was taken to hospital.",
                  "Crowds were chanting outside."], published="2019-09-09") == [
        ["own", "Friday", "2019-09-06"], ["published", "", "2019-09-09"], ["published", "", "2019-09-09"],
        ["carried", "Friday", "2019-09-06"], ["carried", "Friday", "2019-09-06"]]


def test_gap_labels_say_whether_sentences_or_expressions_were_counted():
    """The CLI's --gaps (time expressions) and the report (dated sentences) measure different things;
    a label must say which, also when gaps are computed per article."""
    text = ("The council first discussed the bridge on Jan. 4, 2021. "
            "It voted on the repairs on June 30, 2021. Work began on Aug. 2, 2021.")
    sents = sa.sentences(sa.read_articles(pd.DataFrame({"article_id": ["b1"], "outlet": ["City Desk"],
                                                        "published": ["2021-08-10"], "text": [text]})))
    by_sentence = sa.timeline_gaps(sa.date_sentences(sents), by="article_id")
    by_expression = sa.timeline_gaps(sa.timeline(sents), by="article_id")
    assert by_sentence["label"].tolist() == ["176 days with no dated sentence", "32 days with no dated sentence"]
    assert by_expression["label"].tolist() == ["176 days with no time expression", "32 days with no time expression"]


def test_a_no_comment_sentence_speaks_at_publication_not_on_the_narratives_day():
    d = sa.date_sentences(article(["The mayor resigned on March 20.", "Her deputy took over the office.",
                                   "The city council declined to comment.",
                                   "Her lawyer did not respond to a request for comment."]))
    assert d["event_basis"].tolist() == ["own", "carried", "published", "published"]
    assert str(d.loc[2, "event_begin"].date()) == "2017-04-05"


def test_a_since_clause_and_a_cited_documents_publication_lose_to_the_main_clause():
    got = dated(["The lake froze over on Monday.",
                 "Swimmers cut a hole in the ice, said Ann Lowry, 61, who has swum there every day since 1994.",
                 "Glaciers in the range lost a fifth of their mass during the drought of 2015, according to a study published yesterday.",
                 "Tom Reyes, fishing there since 2001, caught nothing.",
                 "The survey was released on Tuesday."])
    assert got == [["own", "Monday", "2017-04-03"], ["carried", "Monday", "2017-04-03"],
                   ["own", "2015", "2015-01-01"], ["carried", "Monday", "2017-04-03"],
                   ["own", "Tuesday", "2017-04-04"]]


def test_a_quotation_running_over_sentences_keeps_the_day_it_was_said():
    texts = ['On Monday, March 8, the governor posted: "Two shelters opened last night.', 'More open tomorrow."',
             "Officials said yesterday that the roads were clear."]
    # a quoted sentence with no time words closes the quotation too: "yesterday" after it is the article's
    quiet = ['On Monday the governor posted: "Two shelters opened.', 'Both are full."', "Officials said yesterday it rained."]
    assert timeline(frame(quiet, published="2021-03-11"))["value"].tolist() == ["2021-03-08", "2021-03-10"]
    t = timeline(frame(texts, published="2021-03-11"))
    assert t[["expression", "value"]].values.tolist() == [
        ["Monday, March 8", "2021-03-08"], ["last night", "2021-03-07TNI"], ["tomorrow", "2021-03-09"],
        ["yesterday", "2021-03-10"]]


def _plan_story(outlet="Valley Ledger", article="w", published="2024-07-19"):
    return frame(["Reservoir levels fell to a record low on July 2.",
                  "Growers met with state officials on May 20.",
                  "The water district will cut deliveries by 15% starting Oct. 1."],
                 published=published, article=article, outlet=outlet)


def test_gaps_end_at_the_latest_publication_a_planned_event_opens_no_gap():
    for frame_ in (timeline(_plan_story()), sa.date_sentences(_plan_story())):
        gaps = timeline_gaps(frame_, "10D")
        assert gaps[["start", "end"]].astype(str).values.tolist() == [["2024-05-21", "2024-07-01"]]
        assert gaps.attrs["span"][1] == pd.Timestamp("2024-07-19")
    tl = timeline(_plan_story())
    assert "Oct. 1" in tl["expression"].tolist()  # the plan stays on the timeline
    # by outlet: each group ends at its own latest publication (a later article reaches further)
    two = pd.concat([_plan_story(), _plan_story(outlet="Basin Post", article="p", published="2024-10-20")],
                    ignore_index=True)
    by = timeline_gaps(timeline(two), "10D", by="outlet")
    assert by.loc[by["outlet"] == "Valley Ledger", "end"].max() == pd.Timestamp("2024-07-01")
    assert by.loc[by["outlet"] == "Basin Post", "end"].max() == pd.Timestamp("2024-09-30")


def test_an_event_beginning_after_publication_has_no_reporting_lag():
    tl = timeline(_plan_story())
    lag = dict(zip(tl["expression"], tl["lag"]))
    assert lag["July 2"] == pd.Timedelta(days=17) and pd.isna(lag["Oct. 1"])
    d = sa.date_sentences(_plan_story())
    assert d["event_expression"].tolist()[2] == "Oct. 1" and pd.isna(d["event_lag"].iloc[2])
    for frame_ in (tl, d):
        row = lag_summary(frame_).iloc[0]
        assert int(row["events"]) == 2 and float(row["min_days"]) == 17.0 and float(row["mean_days"]) == 38.5


def test_a_sentence_reporting_a_plan_is_dated_by_the_statement_not_the_plans_start():
    s = frame(["Starting Sept. 1, the transit board said on Tuesday, fares will rise 25 cents.",
               "The hospital plans to close its maternity ward from Nov. 15, officials said Monday.",
               "The ferry line will add a second boat beginning Aug. 12."], published="2024-07-19")
    d = sa.date_sentences(s)
    assert d["event_expression"].tolist() == ["Tuesday", "Monday", "Aug. 12"]
    assert d["event_begin"].dt.strftime("%Y-%m-%d").tolist() == ["2024-07-16", "2024-07-15", "2024-08-12"]
    tl = timeline(s)  # the plan's date stays on the timeline, only not as the sentence's date
    assert tl.loc[tl["dates_sentence"], "expression"].tolist() == ["Tuesday", "Monday", "Aug. 12"]
    assert {"Sept. 1", "Nov. 15"} <= set(tl["expression"])
    # a start already past is no plan: it keeps dating the sentence
    past = sa.date_sentences(frame(["Fares rose 10% from Jan. 1, the board said on Tuesday, and will rise again."],
                                   published="2024-07-19"))
    assert past["event_expression"].tolist() == ["Jan. 1"]
