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
        assert title.startswith("The Daily Beast reports sooner")
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
