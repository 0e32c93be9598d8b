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
        counts = tl[tl["lag"].notna()].groupby("outlet").size()
        if (counts >= 10).all():
            assert title.startswith("The Daily Beast reports sooner")
        else:  # an outlet with a handful of dated events is drawn, never ranked
            assert title.endswith("(too few per outlet to compare)")
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
    ax = plot_reporting_lag(dated)  # four sentences per outlet: shown, not compared
    assert ax.get_title(loc="left") == "Half of the dated events were published within 90 days (too few per outlet to compare)"
    plt.close(ax.figure)
    ax = plot_reporting_lag(pd.concat([dated] * 4))  # four times as many, the same lags
    assert ax.get_title(loc="left") == "Every outlet's median lag is 90 days"  # a tie names no faster outlet
    plt.close(ax.figure)


def test_lag_histogram_clips_a_long_background_tail_and_says_so():
    # 60 mentions within a fortnight, two background dates decades back (a 1941 birth in an obituary)
    lags = [0, 1, 2, 3, 5, 8] * 10 + [28_580, 20_000]
    tl = pd.DataFrame({"outlet": "Wire", "lag": pd.to_timedelta(lags, unit="D")})
    ax = plot_reporting_lag(tl)
    assert ax.get_xlim()[1] < 30  # the axis shows the fortnight, not 78 years
    texts = [t.get_text() for t in ax.texts]
    assert any("2 mention(s) over 14 days counted in the last bin" in t for t in texts)
    plt.close("all")
