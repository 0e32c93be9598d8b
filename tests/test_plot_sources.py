"""Source charts: the numbers drawn match the tagged sentences they come from."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from srcanalysis.sources.plot import plot_anonymous_by_position, plot_source_mix, plot_source_strip
from srcanalysis.sources.profile import anonymous_by_position


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_strip_draws_one_cell_per_sentence(seed_sentences):
    ids = seed_sentences["article_id"].drop_duplicates().tolist()
    ax = plot_source_strip(seed_sentences, ids)
    assert len(ax.get_yticks()) == len(ids)
    cells = sum(len(c.patches) for c in ax.containers)
    assert cells == len(seed_sentences)
    share = (seed_sentences["source_type"].astype(str) == "anonymous").mean()
    assert f"{share:.0%}" in ax.get_title(loc="left")


def test_mix_bars_add_up_to_all_sentences(seed_sentences):
    ax = plot_source_mix(seed_sentences, by="article_id")
    widths = np.zeros(seed_sentences["article_id"].nunique())
    for container in ax.containers:
        widths += np.array([p.get_width() for p in container.patches])
    assert np.allclose(widths, 1.0)


def test_position_bars_are_the_anonymous_shares(seed_sentences):
    ax = plot_anonymous_by_position(seed_sentences)
    heights = [p.get_height() for p in ax.patches]
    expected = anonymous_by_position(seed_sentences)["anonymous_share"].fillna(0).tolist()
    assert np.allclose(heights, expected)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["first third", "middle third", "last third"]
