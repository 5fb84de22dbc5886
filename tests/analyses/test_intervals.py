"""The bootstrap interval of a mean (kit.analyses.intervals): seeded, the same in batches, none for one value."""

import math
from collections import OrderedDict

import pytest

from kit.analyses import intervals


def test_mean_interval_is_seeded_and_one_value_has_none():
    assert intervals.mean_interval([0.5]) == (0.5, 0.5, 0.5)
    assert all(math.isnan(x) for x in intervals.mean_interval([]))
    first = intervals.mean_interval([-0.5, 0.1, 0.2, 0.9])
    assert first == intervals.mean_interval([-0.5, 0.1, 0.2, 0.9])
    intervals._kept.clear()  # resampled again from the seed, not read back
    assert first == intervals.mean_interval([-0.5, 0.1, 0.2, 0.9])
    mean, low, high = first
    assert mean == pytest.approx(0.175) and -0.5 <= low < mean < high <= 0.9


def test_resampling_in_batches_gives_an_interval_around_the_mean(monkeypatch):
    values = [i / 1000 for i in range(-500, 1500)]
    whole = intervals.mean_interval(values)
    monkeypatch.setattr(intervals, "RESAMPLE_BATCH", 3 * len(values))  # 667 batches of three resamples
    monkeypatch.setattr(intervals, "_kept", OrderedDict())  # not the interval kept from the first call
    batched = intervals.mean_interval(values)
    assert batched[0] == whole[0]
    assert batched[1] == pytest.approx(whole[1], abs=0.01) and batched[2] == pytest.approx(whole[2], abs=0.01)
    assert batched[1] < batched[0] < batched[2]


def test_the_method_is_named_for_the_page():
    assert intervals.METHOD == "95% bootstrap percentile interval (2,000 resamples of the units, seeded)"


def test_kept_intervals_are_bounded(monkeypatch):
    monkeypatch.setattr(intervals, "KEPT", 2)
    monkeypatch.setattr(intervals, "_kept", OrderedDict())
    for shift in range(4):
        intervals.mean_interval([0.1 + shift, 0.2, 0.3])
    assert len(intervals._kept) == 2
