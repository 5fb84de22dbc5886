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


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        # The clause's own verb decides; "ahead of" alone is no future cue.
        ("Xi and Kim held their talks on Monday and Tuesday, which came ahead of the summit.", "Monday", "past"),
        ("Their talks on Monday, which came ahead of the summit, were cordial.", "Monday", "past"),
        # A clause with no verb but "ahead of" looks forward.
        (
            "It needed ties -- to bolster its power ahead of summits at the end of April -- experts say.",
            "April",
            "future",
        ),
        # The reporting verb of another clause does not date what was reported.
        ('You can travel only after July 10, even if you book now," an agent said.', "July", "present"),
        ("The ban would be effective until Dec. 31.", "Dec", "future"),
        ("In November, Kim will travel to Moscow.", "November", "future"),
    ],
)
def test_tense_comes_from_the_clauses_verb(sentence, position, expected):
    start = sentence.index(position)
    assert chronology.tense(sentence, start, start + len(position)) == expected
