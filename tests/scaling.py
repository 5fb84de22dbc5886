"""Check that a step's cost grows linearly, in a way that machine noise cannot fail: sizes far apart, a bound
halfway (on a log scale) between linear and quadratic, CPU time, repeated runs — never an absolute time.

For an input ``FACTOR`` times larger a linear step costs about ``FACTOR`` times more and a quadratic one about
``FACTOR ** 2`` times more; the bound is ``FACTOR ** 1.5`` (8 for a factor of 4). Noise of a factor of two in
either direction cannot move a linear step past it, nor a quadratic one below it. The garbage collector is off
while a step is timed (its passes over a larger heap are not the step's cost), and a ratio over the bound is
measured again, up to :data:`ATTEMPTS` times: a loaded machine (other processes evicting the caches) once gave a
linear step 8.2×, while a quadratic step is over the bound on every attempt.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

FACTOR = 4
BOUND = FACTOR**1.5
# Each timing repeats the step until it has used at least this much CPU time, so the timer's grain and a
# single interruption are small against it.
MIN_SECONDS = 0.05
# How many times a ratio over the bound is measured before the step is called faster than linear.
ATTEMPTS = 3


def growth_ratio(step: Callable[[object], object], make_input: Callable[[int], object], n: int) -> float:
    """CPU time per run of ``step(make_input(FACTOR * n))`` over that of ``step(make_input(n))``.

    Each size is timed as the best of three rounds, a round repeating the step until :data:`MIN_SECONDS` of CPU
    time have passed; caches (compiled patterns, the sentence splitter) are warmed first.
    """

    def per_run(size: int) -> float:
        data = make_input(size)
        rounds = []
        collecting = gc.isenabled()
        gc.collect()
        gc.disable()
        try:
            for _ in range(3):
                runs, start = 0, time.process_time()
                while True:
                    step(data)
                    runs += 1
                    used = time.process_time() - start
                    if used >= MIN_SECONDS:
                        break
                rounds.append(used / runs)
        finally:
            if collecting:
                gc.enable()
        return min(rounds)

    per_run(max(1, n // 4))
    return per_run(FACTOR * n) / per_run(n)


def assert_linear(step: Callable[[object], object], make_input: Callable[[int], object], n: int) -> None:
    """Fail when the step grows faster than halfway between linear and quadratic (see the module docstring)."""
    ratios = []
    for _ in range(ATTEMPTS):
        ratios.append(growth_ratio(step, make_input, n))
        if ratios[-1] < BOUND:
            return
    ratio = min(ratios)
    assert ratio < BOUND, (
        f"{FACTOR}x the input cost {ratio:.1f}x the time (linear ~{FACTOR}, quadratic ~{FACTOR**2}) on each of {ATTEMPTS} attempts"
    )
