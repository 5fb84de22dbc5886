"""Errors the kit raises on bad input, and the bounded preview their messages show of a value.

Every message is one line that names the file (and line or field) and says what is wrong, so the
command line can print it as-is and exit non-zero. A message never prints a value in full: it shows
:func:`preview`, so a huge field or a deeply nested value cannot blow up the one line.
"""

from __future__ import annotations

import reprlib


class KitError(Exception):
    """Bad input or configuration; the message is a single, user-facing line."""


class CorpusError(KitError):
    """The corpus folder, its manifest or one of its files is unusable."""


def preview(value: object, limit: int = 80) -> str:
    """A one-line ``repr`` of ``value`` cut to ``limit`` characters plus "…", built without expanding it whole.

    Examples: ``preview("abc")`` → ``'abc'``; ``preview("x" * 500)`` → ``'xxx…`` (80 characters, then "…").
    Strings and bytes are cut before ``repr`` runs and containers are shown a few items deep (:mod:`reprlib`),
    so the cost is bounded by ``limit``, not by the size of the value.
    """
    try:
        shown = repr(value[: limit + 1]) if isinstance(value, (str, bytes)) else _BOUNDED.repr(value)
    except ValueError:  # an int too long to print (Python refuses more than 4,300 digits)
        shown = f"<{type(value).__name__} too long to show>"
    return shown if len(shown) <= limit else shown[:limit] + "…"


_BOUNDED = reprlib.Repr()
_BOUNDED.maxlevel = 3
_BOUNDED.maxstring = 80
_BOUNDED.maxother = 80
_BOUNDED.maxlist = _BOUNDED.maxtuple = _BOUNDED.maxdict = _BOUNDED.maxset = _BOUNDED.maxfrozenset = 6
