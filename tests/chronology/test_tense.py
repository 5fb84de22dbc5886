"""kit.chronology.tense: the tense of the clause an expression stands in."""

import pytest

from kit import chronology


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        ("Kim travelled to Pyongyang in November.", "November", "past"),
        ("Yang will be visiting Seoul from March 29 to 30.", "March", "future"),
        ("A summit is in the works for April.", "April", "future"),
        ("There is talk of a meeting in May.", "May", "present"),
    ],
)
def test_tense_of_the_clause(sentence, position, expected):
    start = sentence.index(position)
    assert chronology.tense(sentence, start, start + len(position)) == expected
