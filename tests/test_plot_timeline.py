"""Timeline and reporting-lag charts."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from srcanalysis.time.plot import plot_reporting_lag, plot_timeline
from srcanalysis.time.timeline import timeline, timeline_gaps


@pytest.fixture
def tl():
    texts = ["Kushner sought in early December to route around U.S. intelligence.",
             "The following month, Erik Prince met with a Putin confidante.",
             "On Feb. 14, Trump fired him.", "Last fall, an idea emerged."]
    rows = []
    for outlet, pub in (("The Daily Beast", "2017-04-01"), ("Other", "2017-06-01")):
        for i, t in enumerate(texts):
            rows.append({"article_id": outlet, "outlet": outlet, "published": pd.Timestamp(pub), "sentence": i,
                         "start": 0, "end": len(t), "text": t})
    return timeline(pd.DataFrame(rows))


def test_plot_timeline_draws_bars_gaps_and_publication(tl):
    ax = plot_timeline(tl, min_gap="20D")
    try:
        gaps = timeline_gaps(tl, "20D")
        assert len(gaps) >= 1
        title = ax.get_title(loc="left")
        assert f"{gaps['days'].iloc[0]} days" in title
        assert len(ax.patches) >= 4  # interval bars
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert any("Feb. 14" in lab for lab in labels) and any("×2" in lab for lab in labels)
        assert ax.get_xlabel() == "Event date"
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert {"publication date", "gap in coverage", "event interval"} <= set(legend)
    finally:
        plt.close(ax.figure)


def test_plot_timeline_without_events():
    ax = plot_timeline(timeline(pd.DataFrame({"article_id": ["a"], "text": ["Nothing dated."],
                                                "published": [pd.NaT]})))
    try:
        assert "could be dated" in ax.get_title(loc="left")
    finally:
        plt.close(ax.figure)


def test_plot_reporting_lag_per_outlet(tl):
    ax = plot_reporting_lag(tl)
    try:
        title = ax.get_title(loc="left")
        n = int(tl["lag"].notna().sum())
        assert n < 10  # a handful of dated events is drawn, never summed up in a finding
        assert title == f"Only {n} dated mentions with a reporting lag: too few to state a typical lag"
        assert ax.get_ylabel() == "Event mentions"
        assert len(ax.get_legend().get_texts()) == 2
    finally:
        plt.close(ax.figure)


def test_plot_accepts_given_axes(tl):
    fig, (a1, a2) = plt.subplots(1, 2)
    try:
        assert plot_timeline(tl, ax=a1) is a1
        assert plot_reporting_lag(tl, ax=a2) is a2
    finally:
        plt.close(fig)


def test_charts_from_sentence_dates():
    import srcanalysis as sa
    texts = ["Talks began on Jan. 5.", "Both sides walked out.", "The unit has 300 staff.", "On March 20 a deal was signed."]
    rows = [{"article_id": o, "outlet": o, "published": pd.Timestamp("2017-04-05"), "sentence": i, "start": 0,
             "end": len(t), "text": t} for o in ("A", "B") for i, t in enumerate(texts)]
    dated = sa.date_sentences(pd.DataFrame(rows))
    ax = plot_timeline(dated[dated["outlet"] == "A"])
    assert len(ax.patches) >= 2  # two dated intervals (Jan. 5 carried once, March 20)
    assert "73 days" in ax.get_title(loc="left")
    plt.close(ax.figure)
    ax = plot_reporting_lag(dated)  # three dated sentences per outlet: shown, no finding
    assert ax.get_title(loc="left") == "Only 6 dated sentences with a reporting lag: too few to state a typical lag"
    assert ax.get_ylabel() == "Dated sentences"  # sentences are counted, and the chart says so
    plt.close(ax.figure)
    ax = plot_reporting_lag(pd.concat([dated] * 4))  # four times as many, the same lags
    # a tie names no faster outlet
    assert ax.get_title(loc="left") == "Every outlet's median lag is 90 days, per dated sentence"
    plt.close(ax.figure)


def test_lag_histogram_clips_a_long_background_tail_and_says_so():
    # 60 mentions within a fortnight, two background dates decades back (a 1941 birth in an obituary)
    lags = [0, 1, 2, 3, 5, 8] * 10 + [28_580, 20_000]
    tl = pd.DataFrame({"outlet": "Wire", "lag": pd.to_timedelta(lags, unit="D")})
    ax = plot_reporting_lag(tl)
    assert ax.get_xlim()[1] < 30  # the axis shows the fortnight, not 78 years
    texts = [t.get_text() for t in ax.texts]
    assert any("2 dated mentions over 14 days counted in the last bin" in t for t in texts)
    plt.close("all")


def _story(article_id: str, outlet: str, days: list[str], published: str = "2021-06-30") -> pd.DataFrame:
    """A sentence-dates frame of one article: one sentence dating itself on each day given."""
    day = pd.to_datetime(days)
    return pd.DataFrame({"article_id": article_id, "outlet": outlet, "published": pd.Timestamp(published),
                         "sentence": range(len(days)), "event_begin": day, "event_end": day,
                         "event_granularity": "day", "event_basis": "own",
                         "event_expression": [f"{d:%B} {d.day}" for d in day],
                         "event_lag": pd.Timestamp(published) - day})


def test_timeline_title_names_the_article_it_charts_and_its_own_longest_gap():
    short = _story("bridge-1", "Herald", ["2021-01-04", "2021-03-15", "2021-03-20"])  # 69 days uncovered
    long = _story("flood-2", "Courier", ["2020-01-01", "2021-06-01"])  # a longer gap in another article
    both = pd.concat([short, long], ignore_index=True)
    every_gap = timeline_gaps(both, "30D", by="article_id")
    assert every_gap["days"].max() > 69
    ax = plot_timeline(short, gaps=every_gap, titles={"bridge-1": "Bridge shut after flood"})
    assert ax.get_title(loc="left") == ("“Bridge shut after flood” (Herald)\nLongest gap between dated events: "
                                        "69 days (Jan 2021 to Mar 2021)")
    assert [t.get_text() for t in ax.texts if "no dated event" in t.get_text()] == ["69 days\nno dated event"]
    plt.close(ax.figure)
    ax = plot_timeline(both)  # several articles: the title says how many, and the gap is theirs together
    assert ax.get_title(loc="left").startswith("2 articles: longest gap between dated events: ")
    plt.close(ax.figure)


def test_timeline_without_gap_counts_sentences_in_the_singular_and_plural():
    ax = plot_timeline(_story("a1", "Herald", ["2021-03-01"]))
    assert ax.get_title(loc="left") == ("Article a1 (Herald): 1 dated sentence (1 Mar 2021), "
                                        "no gap of 30 days or more")
    plt.close(ax.figure)


def test_lag_title_says_sentences_are_counted_and_how_many_dates_were_carried():
    story = _story("a1", "Herald", ["2021-06-29"] * 12)
    story.loc[story.index[4:], "event_basis"] = "carried"
    ax = plot_reporting_lag(story)
    assert ax.get_title(loc="left") == "Median lag from event to publication: 1 day over 12 dated sentences"
    texts = [t.get_text() for t in ax.texts]
    assert any("8 of 12 sentences keep the date of an earlier sentence" in t for t in texts)
    plt.close(ax.figure)


def test_lag_title_with_one_case_uses_the_singular():
    ax = plot_reporting_lag(_story("a1", "Herald", ["2021-06-29"]))
    assert ax.get_title(loc="left") == "Only 1 dated sentence with a reporting lag: too few to state a typical lag"
    plt.close(ax.figure)


def test_lag_title_names_no_faster_outlet_when_the_medians_intervals_overlap():
    spread = [0, 1, 2, 30, 40] * 4
    tl = pd.DataFrame({"outlet": ["A"] * 20 + ["B"] * 20,
                       "lag": pd.to_timedelta(spread + [1, 2, 3, 25, 45] * 4, unit="D")})
    ax = plot_reporting_lag(tl)
    assert ax.get_title(loc="left") == "Median lag 2 days (A) to 3 days (B), per dated mention: within the margin of error"
    plt.close(ax.figure)
    tl = pd.DataFrame({"outlet": ["A"] * 20 + ["B"] * 20 + ["C"] * 3,
                       "lag": pd.to_timedelta(spread * 2 + [90] * 3, unit="D")})
    ax = plot_reporting_lag(tl)  # C is too small to be part of "every outlet"
    assert ax.get_title(loc="left") == ("The 2 outlets with 10+ cases (of 3 drawn) share a median lag of 2 days, per dated mention; "
                     "the others have too few cases to compare")
    plt.close(ax.figure)
