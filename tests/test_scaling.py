"""tests.scaling: the growth check passes a linear step and fails a quadratic one."""

from __future__ import annotations

import pytest

from tests.scaling import assert_linear


def test_a_linear_step_passes():
    assert_linear(lambda data: sorted(data), lambda n: list(range(n, 0, -1)), 20000)


def test_a_quadratic_step_fails_on_every_attempt():
    def pairs(items):
        return sum(1 for a in items for b in items if a < b)

    with pytest.raises(AssertionError, match="on each of 3 attempts"):
        assert_linear(pairs, lambda n: list(range(n)), 150)
