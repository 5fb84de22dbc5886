"""kit.analyses.chronology.tense: the tense of the clause an expression stands in."""

import pytest

from kit.analyses import chronology
from kit.analyses.chronology.tense import future_in_past


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


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        # A participle takes the tense of its auxiliary.
        ("The talks will be held on Monday.", "Monday", "future"),
        ("The ban is to be lifted on April 3.", "April", "future"),
        ("A ceremony would be officially held on July 27.", "July", "future"),
        ("The talks are held on Monday.", "Monday", "present"),
        ("The talks were held on Monday.", "Monday", "past"),
        ("The talks have been held on Monday.", "Monday", "past"),
        # The colon of a clock time and the comma of a number do not end the clause.
        ("The missile was launched at 6:57 a.m. Wednesday.", "Wednesday", "past"),
        ("It sent 28,500 troops in March.", "March", "past"),
    ],
)
def test_auxiliaries_and_numbers(sentence, position, expected):
    start = sentence.index(position)
    assert chronology.tense(sentence, start, start + len(position)) == expected


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        # An intention, promise or proposal looks forward from when it was made.
        ("Kim vowed to visit Seoul in September.", "September", "future"),
        ("The North invited Xi to visit in October.", "October", "future"),
        ("Seoul proposed talks in early April.", "April", "future"),
        # Made at a time the clause names, it is past; a weekday dates the reported act itself.
        ("Kim vowed in September to visit Seoul.", "September", "past"),
        ("Pyongyang threatened to pull out Tuesday.", "Tuesday", "past"),
    ],
)
def test_intentions_look_forward_except_from_a_weekday(sentence, position, expected):
    start = sentence.index(position)
    assert chronology.tense(sentence, start, start + len(position)) == expected


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        # A timetable told in the simple present looks forward.
        ("Chinese President Xi Jinping departs for Pyongyang on Monday.", "Monday", "future"),
        ("The talks begin on March 3 in Beijing.", "March", "future"),
        ("The delegation leaves for Seoul on Friday.", "Friday", "future"),
        # Nouns and negated past forms are no such cue.
        ("The summit came at the end of April.", "April", "past"),
        ("He did not arrive on Monday.", "Monday", "past"),
        ("The Xinhua News Agency says Li spoke to Kim on Monday.", "Monday", "past"),
    ],
)
def test_a_timetable_in_the_simple_present_looks_forward(sentence, position, expected):
    start = sentence.index(position)
    assert chronology.tense(sentence, start, start + len(position)) == expected


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        ("The talks on Monday and Tuesday would focus on trade.", "Monday", True),
        ("The pair have instead scheduled on Monday a second round of talks.", "Monday", True),
        ("The meeting was scheduled for Friday.", "Friday", True),
        ("Talks were expected to open on Monday.", "Monday", True),
        ("The talks will be held on Monday.", "Monday", False),
        ("The meeting is scheduled for Friday.", "Friday", False),
        ("Kim met Xi on Monday.", "Monday", False),
    ],
)
def test_a_future_seen_from_the_past(sentence, position, expected):
    start = sentence.index(position)
    assert future_in_past(sentence, start, start + len(position)) is expected
