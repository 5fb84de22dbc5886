"""Self-checks for the teaching workbooks: say whether a student's answer is right without showing it.

A workbook stores only a fingerprint of the expected answer (a hash of its normalised form), so reading the
cell does not give the answer away:

    answer = None  # the number of lines cleaning removed from the SCMP article
    selfcheck.check(answer, "3f0c9a1b2d4e")

``fingerprint(11)`` makes the fingerprint a teacher pastes into the cell.
"""

from __future__ import annotations

import hashlib
import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Salted, so a fingerprint is not a plain hash of a number that a search engine already knows.
SALT = "presskit-seminar:"
FINGERPRINT_LENGTH = 12


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check: ``right`` is None while no answer is given."""

    right: bool | None
    message: str

    def __repr__(self) -> str:
        return self.message


def normalise(answer: object, *, decimals: int = 2) -> str:
    """The form an answer is compared in: text case-folded with spaces collapsed and quotes straightened,
    numbers rounded to ``decimals`` (whole numbers without decimals), lists and sets in sorted order.
    """
    if isinstance(answer, bool):
        return str(answer).lower()
    if isinstance(answer, numbers.Real):
        value = round(float(answer), decimals)
        return str(int(value)) if value.is_integer() else f"{value:.{decimals}f}"
    if isinstance(answer, str):
        text = answer.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        return re.sub(r"\s+", " ", text).strip().casefold()
    if isinstance(answer, Iterable):
        return "|".join(sorted(normalise(item, decimals=decimals) for item in answer))
    return normalise(str(answer))


def fingerprint(answer: object, *, decimals: int = 2) -> str:
    """The fingerprint of an answer, to paste into a self-check cell."""
    digest = hashlib.sha256((SALT + normalise(answer, decimals=decimals)).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


def check(answer: object, *expected: str, decimals: int = 2, hint: str = "") -> Verdict:
    """Compare an answer with the fingerprints of the accepted answers (any one of them is right).

    An empty answer (None, "", an empty list) is "not answered yet", never wrong: a workbook runs headless
    with its answers empty.
    """
    if answer is None or (isinstance(answer, str | list | tuple | set | dict) and not answer):
        return Verdict(None, "not answered yet: set `answer` above and run this cell again")
    if fingerprint(answer, decimals=decimals) in expected:
        return Verdict(True, "right")
    return Verdict(False, "not yet: look again" + (f" ({hint})" if hint else ""))
