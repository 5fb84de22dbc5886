"""The words and pattern pieces the date rules are built from: months, weekdays, seasons, years, days.

Each ``*_PATTERN`` is a regular-expression fragment (no groups of its own) that :mod:`kit.analyses.chronology.rules`
combines into its rules.
"""

from __future__ import annotations

import calendar
import re
from typing import Protocol

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
MONTH_ABBREVIATIONS |= {"oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

MONTH_PATTERN = "|".join(name for name in calendar.month_name if name)
MONTH_OR_ABBREVIATION_PATTERN = rf"(?:{MONTH_PATTERN}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
WEEKDAY_PATTERN = "|".join(calendar.day_name)
# Years a news text names as dates: 1600–2099 ("2000 troops" is told apart by QUANTITY_NOUNS).
YEAR_PATTERN = r"(?:1[6-9]\d\d|20\d\d)"
DAY_PATTERN = r"(?:[12]\d|3[01]|0?[1-9])"
ORDINAL_PATTERN = r"(?:st|nd|rd|th)"
RANGE_PATTERN = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
# early/mid/late qualifiers of a month, year or decade; group "part".
_PARTS = (
    r"early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|the\s+first\s+half\s+of|the\s+(?:second|latter)\s+half\s+of"
)
PART_PATTERN = rf"(?:(?P<part>{_PARTS})[\s-]+)?"
# The parts of a month also count its weeks: "the first (second, third, fourth, last) week of March".
MONTH_PART_PATTERN = rf"(?:(?P<part>{_PARTS}|the\s+(?:first|second|third|fourth|last|final)\s+week\s+of)[\s-]+)?"
# Before "last (this, next) year, month, week": the weeks count only before "month" ("the first week of next month").
RELATIVE_PART_PATTERN = (
    rf"(?:(?P<part>{_PARTS}|the\s+(?:first|second|third|fourth|last|final)\s+week\s+of"
    r"(?=\s+(?:last|this|next)\s+month\b))[\s-]+)?"
)
SHORT_MONTH_PATTERN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
# Words that start another temporal expression, or a new clause: an event phrase stops before them.
_STOP_WORD = (
    rf"(?:{YEAR_PATTERN}\b"
    rf"|\d{{1,2}}(?!\d|{ORDINAL_PATTERN}\s+(?:anniversary|century|birthday|congress|plenary|session)\b)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=\s)"  # "the morning of Dec. 27" is a date's
    rf"|(?:{MONTH_PATTERN}|{WEEKDAY_PATTERN}"
    r"|yesterday|today|tomorrow|tonight|last|next|this|earlier|later|recently|now|soon"
    r"|currently|Christmas|New\s+Year|which|who|whom|whose|where|when|while|because|although|though|but|amid|since"
    r"|until)\b)"
)
# One word of an event phrase: no clause punctuation; a final "." only before a space ("U.S. President").
_EVENT_WORD = (
    rf"(?!{_STOP_WORD})(?:[^\s,;:()\[\]\"“”—–]+(?=\s)"
    r"|[^\s,;:()\[\]\"“”—–]*[^\s,;:()\[\]\"“”—–.](?=[\s,;:()\[\]\"“”—–.]|$))"
)
# The event an expression is anchored on (group "event"), to the end of its clause (at most 16 words), not ending on a
# function word: "the day after [the summit]", "a week before [Xi and Trump meet at the G20 summit in Osaka]".
EVENT = (
    rf"(?P<event>{_EVENT_WORD}(?:\s+{_EVENT_WORD}){{0,15}}"
    r"(?<!\bon)(?<!\bin)(?<!\bat)(?<!\bof)(?<!\bthe)(?<!\band)(?<!\bto)(?<!\bfor)(?<!\bby)(?<!\ba)(?<!\ban))"
)
# A year followed by one of these is a quantity, not a date ("2000 troops").
QUANTITY_NOUNS = frozenset(
    "troops soldiers people persons workers tons tonnes km kilometres kilometers miles dollars won yuan "  # noqa: SIM905
    "units households cases times votes members delegates refugees defectors missiles rounds".split()
)
# Words that may follow a day ordinal ("on the 2nd and", "the 4th prior to"); anything else ("the 21st
# century", "the 2nd largest") means it is not a day of the month.
ORDINAL_FOLLOWERS = (
    r"(?=\s*(?:[.,;:)!?\"”’–—-]|$|\b(?:and|or|at|in|on|to|of|prior|before|after|when|while|with|ahead|until|but|"
    r"that|which|from|by|as|the|this|last|next|local|morning|afternoon|evening|night)\b))"
)
# A clock time: "4 p.m.", "10:30 a.m.", "9pm".
CLOCK_TIME = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.m\.|p\.m\.|am\b|pm\b)", re.I
)


# Counts written as words, as news style writes one to ten (and a few beyond).
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
}  # fmt: skip
# A count: a number word, digits, or a vague quantity ("a few", "several") that names no span.
COUNT_PATTERN = r"(?:a\s+few|a\s+couple\s+of|few|several|some|many|" + "|".join(NUMBER_WORDS) + r"|\d{1,3})"


def number(text: str) -> int | None:
    """The count a word or digits name ("two" → 2, "70" → 70); None for "a few", "several" and the like."""
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


def month_number(word: str) -> int:
    """1–12 for a month name or abbreviation ("March", "Mar.", "sept")."""
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


class Groups(Protocol):
    """What a resolver reads from a match: groups by name (or 0 for the whole text), start and end.

    A ``re.Match`` is one; so is :class:`EitherGroups`.
    """

    def __getitem__(self, key: int | str) -> str | None: ...

    def start(self) -> int:
        """Where the match starts in the sentence."""
        ...

    def end(self) -> int:
        """Where the match ends in the sentence."""
        ...


def group_text(m: Groups, key: int | str) -> str:
    """The text of a group the rule's pattern always fills (or of the whole match, key 0).

    Raises:
        TypeError: the group took no part in the match (a rule reading a group its pattern leaves optional).
    """
    value = m[key]
    if value is None:
        raise TypeError(f"group {key!r} took no part in the match {m[0]!r}")
    return value


class EitherGroups:
    """A match whose alternatives name their groups ``x`` and ``x_``: read either as ``x``."""

    def __init__(self, match: re.Match[str]):
        self._match = match

    def __getitem__(self, key: int | str) -> str | None:
        if key == 0:
            return self._match[0]
        name = str(key)  # group names are never digits, so any other number names no group
        value = self._match.groupdict().get(name)
        return value if value is not None else self._match.groupdict().get(f"{name}_")

    def start(self) -> int:
        """Where the match starts in the sentence."""
        return self._match.start()

    def end(self) -> int:
        """Where the match ends in the sentence."""
        return self._match.end()
