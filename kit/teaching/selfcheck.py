"""Self-checks for the teaching workbooks: say whether a student's answer is right without showing it, and when it
is not, what the answer suggests.

A workbook stores only fingerprints (a salted hash of the normalised answer), so reading the cell does not give
the answer away — neither the right one nor the common wrong ones it explains:

    answer = None  # the number of lines cleaning removed from the SCMP article
    selfcheck.check(
        answer,
        "ef8b358295b9",
        kind="number",
        hint="a smaller number usually means one kind of line was left out",
        mistakes={"cd8d4bd2d5ea": "5 is the related-story headlines alone: count every kind"},
    )

An answer is compared in a normal form that accepts the usual variants: ``kind="name"`` ignores a leading
"The" ("Korea Herald" is "The Korea Herald"), ``kind="date"`` reads "3 September 2025", "September 3, 2025",
"2025-09-03" or a date object alike, ``kind="month"`` reads "November 2017", "2017-11" or any day of it.
``fingerprint(11, kind="number")`` makes the fingerprint a teacher pastes into the cell.
"""

from __future__ import annotations

import datetime
import hashlib
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kit.errors import CorpusError
from kit.ingest.published import Published, parse_published

# Salted, so a fingerprint is not a plain hash of a number that a search engine already knows.
SALT = "presskit-seminar:"
FINGERPRINT_LENGTH = 12
# What an answer is: how it is normalised before it is fingerprinted.
ANSWER_KINDS = ("text", "number", "name", "date", "month")
NOT_ANSWERED = "not answered yet: set `answer` above and run this cell again"
# A leading article a name may be written with or without ("The Korea Herald", "Korea Herald").
LEADING_ARTICLE = re.compile(r"^the\s+")
# A number written as text, e.g. "11", "0.88", "-3".
NUMBER_TEXT = re.compile(r"-?\d+(?:\.\d+)?")
# Why an answer of the wrong shape is wrong, by kind.
SHAPE = {
    "number": "this asks for one number; you gave {shown} (a table? `len(table)` counts its rows)",
    "date": "this asks for a day; {shown} is not one the check can read: write it like 2025-09-03 or 3 September 2025",
    "month": "this asks for a month; {shown} is not one the check can read: write it like 2017-11 or November 2017",
}


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check: ``right`` is None while no answer is given; ``message`` says why."""

    right: bool | None
    message: str

    def __repr__(self) -> str:
        return self.message


def normalise_answer(answer: object, *, decimals: int = 2, kind: str = "text") -> str:
    """The form an answer is compared in.

    Text is case-folded with spaces collapsed and quotes straightened; numbers are rounded to ``decimals`` (whole
    numbers without decimals); lists and sets are sorted. ``kind="name"`` also drops a leading "The";
    ``kind="date"`` gives ``YYYY-MM-DD`` and ``kind="month"`` ``YYYY-MM`` for any form :func:`as_day` reads (an
    unreadable value stays text, so it is simply not right).

    Raises:
        ValueError: an unknown ``kind``.
    """
    if kind not in ANSWER_KINDS:
        raise ValueError(f"kind must be one of {', '.join(ANSWER_KINDS)}, not {kind!r}")
    if kind in ("date", "month"):
        day = as_day(answer)
        if day is not None:
            return day.isoformat()[: 10 if kind == "date" else 7]
        month = _as_month(answer) if kind == "month" else None
        if month is not None:
            return month
    if isinstance(answer, bool):
        return str(answer).lower()
    if isinstance(answer, numbers.Real):
        value = round(float(answer), decimals)
        return str(int(value)) if value.is_integer() else f"{value:.{decimals}f}"
    if isinstance(answer, str):
        text = answer.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        text = re.sub(r"\s+", " ", text).strip().casefold()
        if kind == "number" and NUMBER_TEXT.fullmatch(text):
            return normalise_answer(float(text), decimals=decimals)
        return LEADING_ARTICLE.sub("", text) if kind == "name" else text
    if isinstance(answer, Iterable):
        return "|".join(sorted(normalise_answer(item, decimals=decimals, kind=kind) for item in answer))
    return normalise_answer(str(answer), decimals=decimals, kind=kind)


def as_day(answer: object) -> datetime.date | None:
    """The day an answer names: a date or datetime (pandas' Timestamp too), or text such as ``2025-09-03``,
    ``3 September 2025``, ``September 3, 2025`` or ``Wed, 3 Sep 2025``; None for anything else (a month alone too).
    """
    if isinstance(answer, datetime.datetime):
        return answer.date()
    if isinstance(answer, datetime.date):
        return answer
    if hasattr(answer, "dtype"):  # a numpy datetime64, as a table's cell may give it
        answer = str(answer)
    published = _parsed(answer)
    if published is None or published.precision == "month":
        return None
    return datetime.date.fromisoformat(published.published[:10])


def _as_month(answer: object) -> str | None:
    """``YYYY-MM`` for a month written as text ("November 2017", "Nov 2017", "2017-11"), else None."""
    published = _parsed(answer)
    return None if published is None else published.published[:7]


def _parsed(answer: object) -> Published | None:
    """An answer written as a date or month, read as a manifest's ``published`` is; None when it reads as neither."""
    if not isinstance(answer, str) or not answer.strip():
        return None
    try:
        return parse_published(answer.strip(), "answer")
    except CorpusError:
        return None


def fingerprint(answer: object, *, decimals: int = 2, kind: str = "text") -> str:
    """The fingerprint of an answer, to paste into a self-check cell (the same ``kind`` as the check's)."""
    normal = normalise_answer(answer, decimals=decimals, kind=kind)
    digest = hashlib.sha256((SALT + normal).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


def check(
    answer: object,
    *expected: str,
    kind: str = "text",
    decimals: int = 2,
    hint: str = "",
    mistakes: Mapping[str, str] | None = None,
) -> Verdict:
    """Compare an answer with the fingerprints of the accepted answers (any one of them is right).

    Args:
        answer: what the student set; None (or an empty text or list) is "not answered yet", never wrong, so a
            workbook runs headless with its answers empty.
        expected: fingerprints of the accepted answers (:func:`fingerprint` with the same ``kind``).
        kind: ``text``, ``number``, ``name``, ``date`` or ``month`` (see :func:`normalise_answer`).
        decimals: numbers are compared rounded to this many decimals.
        hint: what a wrong answer usually suggests, said after "not yet:" when no known mistake matches.
        mistakes: fingerprints of common wrong answers, each with what that answer suggests.

    Returns:
        A :class:`Verdict`: "right", "not yet: <why>" or "not answered yet: …".
    """
    if answer is None or (isinstance(answer, str | list | tuple | set | dict) and not answer):
        return Verdict(None, NOT_ANSWERED)
    if fingerprint(answer, decimals=decimals, kind=kind) in expected:
        return Verdict(True, "right")
    known = (mistakes or {}).get(fingerprint(answer, decimals=decimals, kind=kind))
    if known:
        return Verdict(False, f"not yet: {known}")
    shape = _wrong_shape(answer, kind)
    if shape:
        return Verdict(False, f"not yet: {shape}")
    return Verdict(False, "not yet: " + (hint or "look again"))


def _wrong_shape(answer: object, kind: str) -> str:
    """Why ``answer`` cannot be a ``kind`` at all, or ``""`` when it can."""
    shown = _shown(answer)
    if kind == "number":
        number_text = isinstance(answer, str) and NUMBER_TEXT.fullmatch(answer.strip())
        if isinstance(answer, bool) or not (isinstance(answer, numbers.Real) or number_text):
            return SHAPE["number"].format(shown=shown)
    if kind == "date" and as_day(answer) is None:
        return SHAPE["date"].format(shown=shown)
    if kind == "month" and as_day(answer) is None and _as_month(answer) is None:
        return SHAPE["month"].format(shown=shown)
    return ""


def _shown(answer: object) -> str:
    """An answer as a message names it: short text quoted, anything else by its type."""
    if isinstance(answer, str):
        return repr(answer) if len(answer) <= 40 else f"{answer[:40]!r}…"
    return f"a {type(answer).__name__}"
