"""One shared chart style, so every figure the kit draws looks the same.

Every chart function in srcanalysis follows the same pattern::

    fig, ax = new_axes()
    ...draw...
    return finish(ax, title="Anonymous sources carry a third of the story",
                  xlabel="...", ylabel="...", source="Data: ...")

Titles state the finding, axes are labelled, a source line sits under the plot,
and top/right spines, grid clutter and legends frames are removed.
"""
from __future__ import annotations

from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Iterator

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

__all__ = ["SOURCE_COLORS", "PALETTE", "ACCENT", "MUTED", "RC", "style", "new_axes", "finish", "save_chart",
           "plural", "source_line"]

#: Colours for source types (colour-blind safe, Okabe-Ito based). The codebook's unnamed people
#: and groups (not anonymous: nobody withheld a name) share a yellow family of their own.
SOURCE_COLORS: dict[str, str] = {
    "anonymous": "#D55E00",
    "named_person": "#0072B2",
    "named_org": "#56B4E9",
    "media": "#CC79A7",
    "document": "#009E73",
    "no_comment": "#E69F00",
    "unattributed": "#DDDDDD",
    "unnamed_person": "#999933",
    "unnamed_group": "#DDCC77",
}

#: A neutral palette for outlets and other categorical series.
PALETTE: list[str] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

ACCENT = "#D55E00"
MUTED = "#888888"

RC: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.labelcolor": "#333333",
    "axes.edgecolor": "#555555",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "legend.frameon": False,
    "xtick.color": "#555555",
    "ytick.color": "#555555",
    "svg.hashsalt": "srcanalysis",
}


@contextmanager
def style() -> Iterator[None]:
    """Context manager applying the srcanalysis rcParams temporarily.

    Example:
        >>> with style():
        ...     fig, ax = plt.subplots()
        >>> plt.close(fig)
    """
    with mpl.rc_context(RC):
        yield


def new_axes(ax: plt.Axes | None = None, figsize: tuple[float, float] = (8, 4.5)) -> tuple[plt.Figure, plt.Axes]:
    """Return ``(fig, ax)``: the given axes, or a new figure drawn in the house style.

    Args:
        ax: Existing axes to draw on; a new figure is made when ``None``.
        figsize: Size of a new figure in inches.

    Example:
        >>> fig, ax = new_axes()
        >>> plt.close(fig)
    """
    if ax is not None:
        return ax.figure, ax
    with style():
        fig, ax = plt.subplots(figsize=figsize)
    return fig, ax


def finish(
    ax: plt.Axes,
    title: str,
    *,
    xlabel: str | None = None,
    ylabel: str | None = None,
    source: str | None = "Source: srcanalysis",
    subtitle: str | None = None,
    grid_axis: str | None = None,
) -> plt.Axes:
    """Apply the finishing touches every chart shares and return ``ax``.

    Args:
        ax: The axes to finish.
        title: A sentence stating the finding (not a label such as "Counts").
        xlabel: Label of the x axis.
        ylabel: Label of the y axis.
        source: Source line printed under the plot, bottom left.
        subtitle: Optional line (or lines, split by ``\n``) under the title (units, scope).
        grid_axis: ``"x"`` or ``"y"`` to add light reference lines on that axis.

    Returns:
        The same axes, for chaining.

    Example:
        >>> fig, ax = new_axes()
        >>> _ = ax.bar(["a", "b"], [1, 2])
        >>> finish(ax, "B is twice A", ylabel="count") is ax
        True
        >>> plt.close(fig)
    """
    with style():
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(title, loc="left", fontsize=RC["axes.titlesize"], fontweight="bold",
                     pad=10 + 12 * (subtitle.count("\n") + 1) if subtitle else 10)
        if subtitle:
            ax.text(0, 1.02, subtitle, transform=ax.transAxes, fontsize=9, color="#555555",
                    ha="left", va="bottom")
        if xlabel is not None:
            ax.set_xlabel(xlabel)
        if ylabel is not None:
            ax.set_ylabel(ylabel)
        if grid_axis:
            ax.grid(axis=grid_axis, color="#E5E5E5", linewidth=0.8)
            ax.set_axisbelow(True)
        if source:
            source_line(ax, source)
        legend = ax.get_legend()
        if legend is not None:
            legend.set_frame_on(False)
    return ax


#: Gap between the lowest thing drawn with the axes (tick labels, x label) and the source line, in points.
SOURCE_GAP = 6


def _below_axes(ax: plt.Axes, renderer) -> Bbox:
    """A zero-height box at the bottom of everything the axes draw (rotated tick labels included)."""
    tight = ax.get_tightbbox(renderer)
    frame = ax.get_window_extent(renderer)
    bottom = min(tight.y0, frame.y0) if tight is not None else frame.y0
    return Bbox.from_extents(frame.x0, bottom, frame.x1, bottom)


def source_line(ax: plt.Axes, text: str) -> Annotation:
    """Print ``text`` small and grey under the axes, left-aligned with the plot area.

    The line is placed when the figure is drawn, :data:`SOURCE_GAP` points below the tight bounding
    box of the axes (tick labels, however long or rotated, and the x label), so it never overlaps
    them. It is a figure-level artist, so ``savefig(bbox_inches="tight")`` keeps it in the image.

    Args:
        ax: The chart's axes.
        text: The source line.

    Returns:
        The annotation drawn.

    Example:
        >>> fig, ax = new_axes()
        >>> _ = ax.set_xticks([0, 1], ["a long rotated label", "b"], rotation=60)
        >>> line = source_line(ax, "Source: test")
        >>> fig.canvas.draw()
        >>> bool(line.get_window_extent().y1 < min(t.get_window_extent().y0 for t in ax.get_xticklabels()))
        True
        >>> plt.close(fig)
    """
    line = Annotation(text, xy=(0, 0), xycoords=partial(_below_axes, ax),
                      xytext=(0, -SOURCE_GAP), textcoords="offset points", fontsize=8, color=MUTED,
                      ha="left", va="top", annotation_clip=False)
    ax.figure.add_artist(line)
    return line


def plural(n: int | float, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, in the plural unless ``n`` is one: ``"1 day"``, ``"2 days"``, ``"1,204 sentences"``.

    Args:
        n: The count (whole numbers get thousands separators; others are rounded to whole).
        word: The singular noun.
        many: The plural when it is not ``word + "s"`` (``"people"``).

    Example:
        >>> plural(1, "day"), plural(0, "article"), plural(1204, "sentence"), plural(-1, "day"), plural(2, "person", "people")
        ('1 day', '0 articles', '1,204 sentences', '-1 day', '2 people')
    """
    value = round(float(n))
    return f"{value:,} {word if abs(value) == 1 else (many or word + 's')}"


def save_chart(ax: plt.Axes, path: str | Path, data: pd.DataFrame | None = None) -> Path:
    """Save the chart's figure as PNG and, when given, the numbers behind it as CSV beside it.

    Args:
        ax: Axes whose figure is saved.
        path: Target file; ``.png`` is used when no suffix is given.
        data: DataFrame written to the same name with ``.csv``.

    Returns:
        The path of the PNG.
    """
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    with style():
        ax.figure.savefig(path, metadata={"Software": None})
    if data is not None:
        data.to_csv(path.with_suffix(".csv"), index=not isinstance(data.index, pd.RangeIndex))
    return path
