"""Shares with their uncertainty: the one place a share and its 95 % interval are computed.

The interval is Wilson's score interval (Wilson 1927; recommended for proportions from small
samples by Brown, Cai and DasGupta 2001, "Interval Estimation for a Binomial Proportion"): unlike
the normal approximation it stays inside [0, 1] and is honest when a share rests on few cases.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["wilson_interval", "add_share", "MIN_GROUP"]

#: Groups with fewer cases than this are marked ``small`` and not ranked in charts.
MIN_GROUP = 30

_Z95 = 1.959963984540054


def wilson_interval(successes, totals, z: float = _Z95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for ``successes`` out of ``totals`` (arrays or scalars).

    Args:
        successes: Counts of cases with the property.
        totals: Counts of all cases; a total of 0 gives ``nan`` bounds.
        z: Normal quantile (1.96 for 95 %).

    Returns:
        ``(low, high)`` as float arrays, shares in [0, 1].

    Example:
        >>> low, high = wilson_interval(3, 13)
        >>> round(float(low), 3), round(float(high), 3)
        (0.082, 0.503)
        >>> float(wilson_interval(0, 482)[0]), float(wilson_interval(5, 5)[1])  # exact, not 2e-19
        (0.0, 1.0)
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(totals, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
        # rounding error leaves e.g. 2e-19 where the bound is exactly 0 (k = 0) or 1 (k = n)
        low = np.where(n > 0, np.where(k == 0, 0.0, np.clip(centre - half, 0, 1)), np.nan)
        high = np.where(n > 0, np.where(k == n, 1.0, np.clip(centre + half, 0, 1)), np.nan)
    return low, high


def add_share(frame: pd.DataFrame, name: str, successes: str, totals: str, *, min_group: int = MIN_GROUP) -> pd.DataFrame:
    """Add ``name``, ``name_low``, ``name_high`` (95 % Wilson) and ``name_small`` columns to a copy.

    Args:
        frame: Table with one row per group.
        name: Name of the share column to add.
        successes: Column with the counts of cases having the property.
        totals: Column with the counts of all cases (the share's denominator).
        min_group: Rows with fewer than this many cases get ``name_small = True``.

    Returns:
        A copy of ``frame`` with the four columns.

    Example:
        >>> t = pd.DataFrame({"anon": [3, 100], "sourced": [13, 1000]})
        >>> add_share(t, "anon_share", "anon", "sourced").round(3).values.tolist()
        [[3, 13, 0.231, 0.082, 0.503, True], [100, 1000, 0.1, 0.083, 0.12, False]]
    """
    out = frame.copy()
    k, n = out[successes].to_numpy(dtype=float), out[totals].to_numpy(dtype=float)
    low, high = wilson_interval(k, n)
    with np.errstate(invalid="ignore", divide="ignore"):
        out[name] = np.where(n > 0, k / n, np.nan)
    out[f"{name}_low"], out[f"{name}_high"] = low, high
    out[f"{name}_small"] = n < min_group
    return out
