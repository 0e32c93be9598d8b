"""Source charts: the numbers drawn match the tagged sentences they come from."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.container import BarContainer, ErrorbarContainer

import srcanalysis as sa

from srcanalysis.sources.plot import plot_anonymous_by_position, plot_source_mix, plot_source_strip
from srcanalysis.sources.profile import add_position


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_strip_draws_one_cell_per_sentence(seed_sentences):
    ids = seed_sentences["article_id"].drop_duplicates().tolist()
    ax = plot_source_strip(seed_sentences, ids)
    assert len(ax.get_yticks()) == len(ids)
    cells = sum(len(c.patches) for c in ax.containers if isinstance(c, BarContainer))
    assert cells == len(seed_sentences)
    types = seed_sentences["source_type"].astype(str)
    anonymous = int((types == "anonymous").sum())
    sourced = int((~types.isin(["unattributed", "no_comment"])).sum())
    assert f"of sourced sentences in these 2 articles ({anonymous} of {sourced})" in ax.get_title(loc="left")


def test_mix_bars_add_up_to_all_sentences(seed_sentences):
    ax = plot_source_mix(seed_sentences, by="article_id")
    widths = np.zeros(seed_sentences["article_id"].nunique())
    for container in ax.containers:
        if isinstance(container, BarContainer):
            widths += np.array([p.get_width() for p in container.patches])
    assert np.allclose(widths, 1.0)
    assert any(isinstance(c, ErrorbarContainer) for c in ax.containers)  # the anonymous share's 95 % interval


def _outlets(shares: dict[str, tuple[int, int]], rest: str = "unattributed") -> pd.DataFrame:
    """A tagged frame per outlet: (anonymous sentences, all sentences); the others are ``rest``."""
    rows = []
    for outlet, (anon, total) in shares.items():
        for k in range(total):
            rows.append({"article_id": f"{outlet}-{k // 20}", "outlet": outlet, "paragraph": k, "sentence": k % 20,
                         "text": "x y", "source_type": "anonymous" if k < anon else rest})
    return pd.DataFrame(rows)


def test_mix_is_sorted_by_the_anonymous_share_and_marks_small_outlets():
    frame = _outlets({"Low Wire": (5, 100), "High Daily": (30, 100), "Tiny Blog": (5, 6)}, rest="named_person")
    ax = plot_source_mix(frame)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["High Daily (n=100)", "Low Wire (n=100)"]  # the tiny outlet's 83 % is not ranked first
    assert labels[2] == "Tiny Blog (n=6, too few to rank)"
    assert ax.get_title(loc="left") == "High Daily leans most on anonymous sources (30% of sourced sentences)"


def test_mix_ranks_by_the_share_of_sourced_sentences_not_of_all_sentences():
    # Quiet Post: 10 anonymous of 40 sourced (25 %) in 400 sentences; Busy Wire: 20 of 200 (10 %) in 200
    quiet = _outlets({"Quiet Post": (10, 40)}, rest="named_person")
    quiet = pd.concat([quiet, _outlets({"Quiet Post": (0, 360)}).assign(article_id="Quiet Post-x")])
    frame = pd.concat([quiet, _outlets({"Busy Wire": (20, 200)}, rest="named_person")], ignore_index=True)
    ax = plot_source_mix(frame)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Quiet Post (n=40)", "Busy Wire (n=200)"]
    # 25 % (14-40 %) against 10 % (6.6-15 %): the intervals overlap, so the title names no clear leader
    assert ax.get_title(loc="left") == ("Quiet Post has the highest anonymous share (25% of sourced sentences), within "
                                        "the margin of error of Busy Wire")


def test_unnamed_groups_are_not_in_the_anonymous_share():
    frame = _outlets({"Wire": (10, 100)})
    frame.loc[frame.index[10:40], "source_type"] = "unnamed_group"
    prof = sa.source_profile(frame, by="outlet").iloc[0]
    assert (prof["anonymous"], prof["unnamed_group"], prof["sourced"]) == (10, 30, 40)
    assert prof["anonymous_of_sourced"] == 0.25
    assert prof["anonymous_of_sourced_low"] < 0.25 < prof["anonymous_of_sourced_high"]
    assert sa.anonymous_headline(frame).startswith(
        "All articles: anonymous sources make up 25% of sourced sentences (10 of 40; 95% interval 14%–40%)")


def test_position_bars_are_the_anonymous_shares_of_sourced_sentences(seed_sentences):
    ax = plot_anonymous_by_position(seed_sentences)
    heights = [p.get_height() for c in ax.containers if isinstance(c, BarContainer) for p in c.patches]
    framed = add_position(seed_sentences)
    types = framed["source_type"].astype(str)
    anonymous = (types == "anonymous").groupby(framed["position"], observed=False).sum()
    sourced = (~types.isin(["unattributed", "no_comment"])).groupby(framed["position"], observed=False).sum()
    assert np.allclose(heights, (anonymous / sourced).fillna(0).tolist())  # the headline's denominator
    assert [t.get_text() for t in ax.get_xticklabels()] == ["first third", "middle third", "last third"]


def _articles(n_plain: int, anonymous: dict[str, list[str]]) -> pd.DataFrame:
    """``n_plain`` nine-sentence articles with named sources only, plus articles whose nine sentences'
    types are given (e.g. anonymous sources in the first third)."""
    plain = ["named_person", "unattributed", "unattributed"] * 3
    rows = []
    for ident, types in [(f"plain-{k}", plain) for k in range(n_plain)] + list(anonymous.items()):
        for i, t in enumerate(types):
            rows.append({"article_id": ident, "outlet": "Wire", "paragraph": i, "sentence": i, "text": "x y",
                         "source_type": t})
    return pd.DataFrame(rows)


FRONT = ["anonymous"] * 3 + ["named_person", "unattributed", "unattributed"] * 2  # anonymous first third


def test_position_chart_states_no_finding_from_two_articles_among_fifty():
    frame = _articles(50, {"leak-1": FRONT, "leak-2": FRONT})
    ax = plot_anonymous_by_position(frame)
    assert ax.get_title(loc="left") == "Anonymous sources appear in only 2 of 52 articles: too few to say where they fall"
    texts = [t.get_text() for t in ax.texts]
    assert "Anonymous ÷ sourced sentences in each third, 52 articles with sourced sentences (2 with an anonymous source)" in texts
    heights = [p.get_height() for c in ax.containers if isinstance(c, BarContainer) for p in c.patches]
    assert np.allclose(heights, [6 / 56, 0, 0])  # 6 anonymous of 50 + 6 sourced sentences in the first thirds
    assert any(isinstance(c, ErrorbarContainer) for c in ax.containers)


def test_position_chart_names_a_third_only_when_its_interval_clears_the_others():
    ax = plot_anonymous_by_position(_articles(40, {f"leak-{k}": FRONT for k in range(8)}))
    assert ax.get_title(loc="left") == "Anonymous sources cluster in the first third of articles"
    plt.close(ax.figure)
    spread = ["anonymous", "named_person", "unattributed"] * 3  # one anonymous sentence in every third
    ax = plot_anonymous_by_position(_articles(40, {f"leak-{k}": spread for k in range(8)}))
    assert ax.get_title(loc="left") == ("Where anonymous sources fall in an article: the differences are within the "
                                        "margin of error")


def test_mix_with_one_rankable_outlet_compares_nothing():
    frame = _outlets({"Herald": (4, 40), "Tiny Blog": (5, 6)}, rest="named_person")
    ax = plot_source_mix(frame)
    assert ax.get_title(loc="left") == ("Only Herald has 30+ sourced sentences: 10% of them rest on anonymous sources "
                                        "(4 of 40)")


def test_strip_of_one_article_speaks_in_the_singular():
    frame = _outlets({"Herald": (1, 1)})
    ax = plot_source_strip(frame, "Herald-0")
    assert ax.get_title(loc="left") == "Anonymous sources: 100% of sourced sentences in this article (1 of 1)"
    plt.close(ax.figure)
    ax = plot_source_strip(_outlets({"Herald": (0, 1)}, rest="unattributed"), "Herald-0")
    assert ax.get_title(loc="left") == "No sourced sentences in this article"


def _source_annotation(ax: plt.Axes):
    from matplotlib.text import Annotation
    lines = [a for a in [*ax.figure.artists, *ax.texts]
             if isinstance(a, Annotation) and a.get_text().startswith("Source")]
    assert len(lines) == 1
    return lines[0]


def _assert_source_line_clear(ax: plt.Axes) -> None:
    """The source line's box is below, and does not intersect, any tick label or axis label."""
    fig = ax.figure
    fig.canvas.draw()
    line = _source_annotation(ax).get_window_extent()
    others = [t for t in [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.xaxis.label] if t.get_text()]
    assert others
    for text in others:
        box = text.get_window_extent()
        assert not line.overlaps(box), text.get_text()
    assert line.y1 <= min(t.get_window_extent().y0 for t in ax.get_xticklabels() if t.get_text())


def test_source_line_clears_long_rotated_labels_of_the_reuse_heatmap():
    from srcanalysis.reuse.plot import plot_reuse_matrix
    names = ["The Evening Chronicle of Greater Metropolitan Springfield", "Associated Press", "Courier"]
    matrix = pd.DataFrame([[0, 120, 4], [0, 0, 0], [35, 80, 0]], index=names, columns=names)
    _assert_source_line_clear(plot_reuse_matrix(matrix))


@pytest.mark.parametrize("xlabel", [None, "a label"])
def test_source_line_clears_rotated_labels_on_any_chart(xlabel):
    from srcanalysis.style import finish, new_axes
    fig, ax = new_axes(figsize=(4, 3))
    ax.bar(range(3), [1, 2, 3])
    ax.set_xticks(range(3), ["a very long category name number one", "two", "three"], rotation=70, ha="right")
    finish(ax, "Three bars", xlabel=xlabel, source="Source: invented")
    _assert_source_line_clear(ax)


def test_reuse_chart_titles_count_in_the_singular_and_never_round_a_share_to_zero():
    from srcanalysis.reuse.plot import plot_reuse_matrix, plot_reused_share
    matrix = pd.DataFrame([[0, 1], [0, 0]], index=["Herald", "Courier"], columns=["Herald", "Courier"])
    assert plot_reuse_matrix(matrix).get_title(loc="left") == "Herald took the most words from Courier (1 word)"
    arts = pd.DataFrame({"article_id": ["h1"], "outlet": ["Herald"], "words": [400], "credited_words": [0],
                         "uncredited_words": [1], "unknown_credit_words": [0]})
    assert plot_reused_share(arts).get_title(loc="left") == (
        "Herald took 0.2% of its words from other outlets or wire agencies")
