"""Intervals of a mean: a seeded bootstrap percentile interval, shared by the tone tables and the tone charts.

Units (quotations, narration sentences) are resampled with replacement :data:`RESAMPLES` times from a fixed seed,
so a table and the chart drawn from it give the same interval on every run. Units of one article are not
independent (one speaker quoted five times, one journalist's sentences), so the interval is, if anything, too
narrow: read the number of documents beside it.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

# A 95% interval of a mean: percentiles of this many resampled means (seeded, so every run draws the same).
RESAMPLES = 2000
SEED = 0
LEVEL = 0.95
# Resampled values drawn at once (80 MB): a voice of a million units is resampled in batches, not all at once.
RESAMPLE_BATCH = 10_000_000
# Intervals kept by the values' digest: a table and the chart drawn from the same units resample them once.
KEPT = 4096
_kept: OrderedDict[tuple[str, int, float], tuple[float, float, float]] = OrderedDict()
# What the interval is, in the words a table's reader and a chart's axis use.
METHOD = f"{LEVEL:.0%} bootstrap percentile interval ({RESAMPLES:,} resamples of the units, seeded)"


def mean_interval(
    values: Sequence[float] | np.ndarray[Any, Any], *, level: float = LEVEL
) -> tuple[float, float, float]:
    """The mean and a ``level`` bootstrap percentile interval (seeded); one value has no interval (low = high).

    Returns:
        ``(mean, low, high)``; NaN three times for no values.
    """
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(data.mean())
    if data.size == 1:
        return mean, mean, mean
    key = (hashlib.blake2b(data.tobytes(), digest_size=16).hexdigest(), data.size, level)
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    _kept[key] = _resampled(data, mean, level)
    if len(_kept) > KEPT:
        _kept.popitem(last=False)
    return _kept[key]


def _resampled(data: np.ndarray[Any, Any], mean: float, level: float) -> tuple[float, float, float]:
    rng = np.random.default_rng(SEED)
    rows = max(1, RESAMPLE_BATCH // data.size)
    batches = [min(rows, RESAMPLES - done) for done in range(0, RESAMPLES, rows)]
    means = np.concatenate([rng.choice(data, size=(n, data.size), replace=True).mean(axis=1) for n in batches])
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return mean, float(low), float(high)
