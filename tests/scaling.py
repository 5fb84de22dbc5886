"""Measure how a step's cost grows: the time of input size 2n over size n, in one run (never an absolute time)."""

from __future__ import annotations

import time
from collections.abc import Callable


def doubling_ratio(step: Callable[[object], object], make_input: Callable[[int], object], n: int) -> float:
    """CPU time of ``step(make_input(2 * n))`` over ``step(make_input(n))``, each the best of three runs.

    A linear step gives about 2, a quadratic one about 4; CPU time (not wall time) and the best of three keep
    other work on the machine out of the ratio.
    """

    def best(size: int) -> float:
        data = make_input(size)
        times = []
        for _ in range(3):
            start = time.process_time()
            step(data)
            times.append(time.process_time() - start)
        return min(times)

    best(n // 4)  # warm caches (compiled patterns, the sentence splitter) before timing
    return best(2 * n) / best(n)
