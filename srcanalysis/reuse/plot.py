"""Charts and an HTML view for reuse found by :func:`srcanalysis.find_reuse`.

* :func:`plot_reuse_matrix` — outlet × outlet heatmap of words taken (rows take from columns).
* :func:`plot_reused_share` — bars: share of each outlet's words taken from another outlet or a wire agency,
  credited vs. uncredited.
* :func:`reuse_html` — two articles side by side with the shared passages highlighted (a
  notebook displays it; ``str()`` gives the HTML).

Example:
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> from srcanalysis.reuse import find_reuse, reuse_summary
    >>> t = "Officials said the bridge would stay closed for at least two more weeks while engineers inspect it."
    >>> arts = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["Herald", "Courier"],
    ...     "published": pd.to_datetime(["2021-05-01", "2021-05-02"]), "text": [t, "Briefly: " + t]})
    >>> s = reuse_summary(arts, find_reuse(arts))
    >>> plot_reuse_matrix(s).get_title(loc="left")
    'Courier took the most words from Herald (17 words)'
    >>> plot_reused_share(s).get_title(loc="left")
    'Courier took 94% of its words from other outlets or wire agencies'
    >>> plt.close("all")
"""
from __future__ import annotations

import html
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .summary import ReuseSummary, _outlet_label
from ..sources.headline import percent
from ..style import ACCENT, MUTED, PALETTE, finish, new_axes, plural, style

_MARKS = ["#FFE08A", "#B8E0F6", "#C9EBC1", "#F5C6E0", "#FFD1A8", "#D9D2F3"]


def _matrix(data: ReuseSummary | pd.DataFrame) -> pd.DataFrame:
    return data.matrix if isinstance(data, ReuseSummary) else data


def _articles(data: ReuseSummary | pd.DataFrame) -> pd.DataFrame:
    return data.articles if isinstance(data, ReuseSummary) else data


def plot_reuse_matrix(data: ReuseSummary | pd.DataFrame, *, source: str = "Source: srcanalysis reuse finder",
                      ax: plt.Axes | None = None) -> plt.Axes:
    """Heatmap of words each outlet (row) took from each other outlet (column).

    Args:
        data: A :class:`~srcanalysis.reuse.ReuseSummary` or its ``matrix`` (taker × source words).
        source: Source line under the chart.
        ax: Axes to draw on; a new figure when ``None``.

    Returns:
        The matplotlib Axes.
    """
    m = _matrix(data)
    n = max(len(m.index), len(m.columns), 1)
    fig, ax = new_axes(ax, figsize=(min(3 + 0.6 * n, 14), min(2.5 + 0.5 * n, 12)))
    values = m.to_numpy(dtype=float) if m.size else np.zeros((1, 1))
    im = ax.imshow(values, cmap="Oranges", aspect="auto", vmin=0)
    ax.set_xticks(range(len(m.columns)), [str(c) for c in m.columns], rotation=35, ha="right")
    ax.set_yticks(range(len(m.index)), [str(i) for i in m.index])
    top = values.max() if values.size else 0
    with style():
        for (i, j), v in np.ndenumerate(values):
            if v > 0:
                ax.text(j, i, f"{int(v):,}", ha="center", va="center", fontsize=8,
                        color="white" if v > 0.6 * top else "#333333")
        fig.colorbar(im, ax=ax, shrink=0.8, label="words taken")
    if m.size and top > 0:
        i, j = np.unravel_index(np.argmax(values), values.shape)
        title = f"{m.index[i]} took the most words from {m.columns[j]} ({plural(top, 'word')})"
    else:
        title = "No reuse of known direction between outlets"
    return finish(ax, title, xlabel="taken from (source outlet or agency)", ylabel="taken by", source=source)


def plot_reused_share(data: ReuseSummary | pd.DataFrame, *, by: str = "outlet", top: int = 20,
                      source: str = "Source: srcanalysis reuse finder", ax: plt.Axes | None = None) -> plt.Axes:
    """Horizontal bars: share of words taken from elsewhere, split credited / uncredited / credit unknown.

    Args:
        data: A :class:`~srcanalysis.reuse.ReuseSummary` or its ``articles`` frame.
        by: ``"outlet"`` (words pooled per outlet) or ``"article_id"`` (one bar per article).
        top: Show at most this many bars, largest shares first.
        source: Source line under the chart.
        ax: Axes to draw on; a new figure when ``None``.

    Returns:
        The matplotlib Axes.
    """
    a = _articles(data)
    if by == "outlet" and "outlet" in a:    # a blank outlet is one labelled bar, not an empty one
        a = a.assign(outlet=a["outlet"].map(_outlet_label))
    if "unknown_credit_words" not in a:
        a = a.assign(unknown_credit_words=0)
    g = a.groupby(by, sort=False)[["words", "credited_words", "uncredited_words", "unknown_credit_words"]].sum()
    g = g[g["words"] > 0]
    g["credited"] = g["credited_words"] / g["words"]
    g["uncredited"] = g["uncredited_words"] / g["words"]
    g["unknown"] = g["unknown_credit_words"] / g["words"]
    g["total"] = g["credited"] + g["uncredited"] + g["unknown"]
    g = g.sort_values("total", ascending=False).head(top).iloc[::-1]
    fig, ax = new_axes(ax, figsize=(8, max(2.5, 0.4 * len(g) + 1.5)))
    labels = [str(i) for i in g.index]
    ax.barh(labels, g["uncredited"] * 100, color=ACCENT, label="uncredited")
    ax.barh(labels, g["credited"] * 100, left=g["uncredited"] * 100, color=PALETTE[0], label="credited")
    if g["unknown"].any():
        ax.barh(labels, g["unknown"] * 100, left=(g["uncredited"] + g["credited"]) * 100, color=MUTED,
                label="credit unknown")
    ax.set_xlim(0, 100)
    if len(g) and g["total"].max() > 0:
        best = g["total"].idxmax()
        title = f"{best} took {percent(g.loc[best, 'total'])} of its words from other outlets or wire agencies"
    else:
        title = "No article took words from another outlet or a wire agency"
    ax.legend(loc="lower right")
    return finish(ax, title, xlabel="share of words taken from another outlet or a wire agency (%)", ylabel=None,
                  source=source, grid_axis="x")


class ReuseView:
    """Side-by-side HTML of two articles; Jupyter renders it, ``str()`` returns the HTML."""

    def __init__(self, html_text: str):
        self.html = html_text

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "ReuseView(two articles side by side; display it in a notebook, str() gives the HTML)"

    def __str__(self) -> str:
        return self.html


def _marked(text: str, spans: list[tuple[int, int, int]]) -> str:
    out, pos = [], 0
    for start, end, k in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark style="background:{_MARKS[k % len(_MARKS)]}" title="passage {k + 1}">'
                   f'{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def reuse_html(articles: pd.DataFrame, passages: pd.DataFrame, article_a: Any, article_b: Any) -> ReuseView:
    """Two articles side by side with the passages they share highlighted (same colour both sides).

    Args:
        articles: The frame given to :func:`srcanalysis.find_reuse`.
        passages: Its result.
        article_a: ``article_id`` shown on the left.
        article_b: ``article_id`` shown on the right.

    Returns:
        A :class:`ReuseView` (displays in a notebook; ``str(view)`` is the HTML).

    Example:
        >>> import pandas as pd
        >>> from srcanalysis.reuse import find_reuse
        >>> t = "Officials said the bridge would stay closed for at least two more weeks while engineers inspect it."
        >>> arts = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["Herald", "Courier"],
        ...                      "published": pd.NaT, "text": [t, "Briefly: " + t]})
        >>> "<mark" in str(reuse_html(arts, find_reuse(arts), "x", "y"))
        True
    """
    rows = articles.set_index("article_id")
    left, right = rows.loc[article_a], rows.loc[article_b]
    sa_, sb_ = [], []
    k = 0
    for r in passages.itertuples(index=False):
        if r.article_a == article_a and r.article_b == article_b:
            sa_.append((r.a_start, r.a_end, k))
            sb_.append((r.b_start, r.b_end, k))
        elif r.article_a == article_b and r.article_b == article_a:
            sa_.append((r.b_start, r.b_end, k))
            sb_.append((r.a_start, r.a_end, k))
        else:
            continue
        k += 1

    def column(aid: Any, row: pd.Series, spans: list) -> str:
        title = html.escape(str(row.get("title", "") or aid))
        outlet = html.escape(str(row.get("outlet", "") or ""))
        pub = row.get("published", pd.NaT)
        date = "" if pd.isna(pub) else f" · {pd.Timestamp(pub).date()}"
        return (f'<div style="flex:1;min-width:0;padding:0 12px">'
                f'<div style="font-weight:bold">{title}</div>'
                f'<div style="color:{MUTED};font-size:90%">{outlet}{date}</div>'
                f'<div style="margin-top:8px;line-height:1.45">{_marked(str(row["text"]), spans)}</div></div>')

    body = (f'<div class="srcanalysis-reuse" style="font-family:sans-serif;font-size:13px">'
            f'<div style="margin-bottom:6px">{k} shared passage{"s" if k != 1 else ""} highlighted</div>'
            f'<div style="display:flex">{column(article_a, left, sa_)}{column(article_b, right, sb_)}</div></div>')
    return ReuseView(body)
