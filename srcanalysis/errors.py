"""Per-article failure records: one article's failure never stops the others.

Every per-article stage (loading, sentences, tagging, time expressions, reuse) runs each article
through :func:`per_article`. A failure is caught, logged and recorded as a row of
``frame.attrs["errors"]`` (article, stage, error type, message); the other articles go on.
:func:`errors` reads those rows back as a DataFrame, and :func:`carry_errors` passes the rows of
an input frame on to the frame a stage returns, so the errors of every stage reach the end.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Iterable, Iterator, TypeVar

import pandas as pd

__all__ = ["ERROR_COLUMNS", "errors", "per_article", "record_error", "carry_errors"]

log = logging.getLogger("srcanalysis")

#: Columns of :func:`errors`.
ERROR_COLUMNS = ["article_id", "stage", "error", "message"]

T = TypeVar("T")
R = TypeVar("R")


def record_error(log_rows: list[dict[str, Any]], article_id: Any, stage: str, exc: BaseException) -> None:
    """Append one failure to ``log_rows`` and log it as a warning.

    Args:
        log_rows: The list kept in ``attrs["errors"]``.
        article_id: The article that failed.
        stage: Which stage failed (``"sentences"``, ``"tagging"``, ``"timexes"``, ``"reuse"`` ...).
        exc: The exception raised.
    """
    message = str(exc) or type(exc).__name__
    log_rows.append({"article_id": str(article_id), "stage": stage, "error": type(exc).__name__,
                     "message": message[:500]})
    log.warning("%s failed for article %s: %s: %s", stage, article_id, type(exc).__name__, message[:200])


def per_article(stage: str, items: Iterable[tuple[Any, T]], func: Callable[[T], R],
                log_rows: list[dict[str, Any]]) -> Iterator[tuple[Any, R]]:
    """Apply ``func`` to each ``(article_id, item)``; yield ``(article_id, result)`` for those that work.

    A failing article is recorded in ``log_rows`` (see :func:`record_error`) and left out; the
    others go on.

    Args:
        stage: Name recorded with each failure.
        items: Pairs of article id and the input of ``func`` for that article.
        func: The per-article work.
        log_rows: List receiving the failure rows.

    Yields:
        ``(article_id, func(item))`` for every article that did not raise.

    Example:
        >>> rows = []
        >>> list(per_article("demo", [("a", 2), ("b", 0)], lambda x: 10 // x, rows))
        [('a', 5)]
        >>> rows[0]["article_id"], rows[0]["stage"], rows[0]["error"]
        ('b', 'demo', 'ZeroDivisionError')
    """
    for article_id, item in items:
        try:
            result = func(item)
        except Exception as exc:  # noqa: BLE001  one article never sinks a run
            record_error(log_rows, article_id, stage, exc)
            continue
        yield article_id, result


def carry_errors(result: pd.DataFrame, *inputs: pd.DataFrame | None, new: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """Set ``result.attrs["errors"]`` to the inputs' error rows plus ``new`` ones (no duplicates).

    Args:
        result: The frame a stage returns (changed in place and returned).
        *inputs: Frames the stage read; their ``attrs["errors"]`` are carried over.
        new: Rows this stage recorded.

    Returns:
        ``result``.
    """
    rows: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for frame in inputs:
        rows.extend(getattr(frame, "attrs", {}).get("errors", []) if frame is not None else [])
    rows.extend(new or [])
    unique = []
    for row in rows:
        key = tuple(row.get(c) for c in ERROR_COLUMNS)
        if key not in seen:
            seen.add(key)
            unique.append(row)
    result.attrs["errors"] = unique
    return result


def errors(frame: pd.DataFrame) -> pd.DataFrame:
    """The per-article failures recorded on ``frame``, one row each.

    Args:
        frame: Any frame srcanalysis returned (articles, sentences, timeline, passages).

    Returns:
        DataFrame with ``article_id``, ``stage``, ``error`` (exception type) and ``message``;
        empty when nothing failed.

    Example:
        >>> import srcanalysis as sa
        >>> sa.errors(pd.DataFrame()).columns.tolist()
        ['article_id', 'stage', 'error', 'message']
    """
    return pd.DataFrame(frame.attrs.get("errors", []), columns=ERROR_COLUMNS)
