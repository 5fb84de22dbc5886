"""Errors the kit raises on bad input, and the bounded preview their messages show of a value.

Every message is one line that names the file (and line or field) and says what is wrong, so the
command line can print it as-is and exit non-zero. A message never prints a value in full: it shows
:func:`preview`, so a huge field or a deeply nested value cannot blow up the one line.
"""

from __future__ import annotations

import contextlib


class KitError(Exception):
    """Bad input or configuration; the message is a single, user-facing line."""


class KitWarning(UserWarning):
    """Something a researcher should look at, though the run goes on (the command line shows only these)."""


class CorpusError(KitError):
    """The corpus folder, its manifest or one of its files is unusable."""


def first_line(text: object) -> str:
    """The first non-blank line of a message, stripped (``""`` when there is none): a traceback's or an
    exception's text fitted into a one-line report.
    """
    lines = [line.strip() for line in str(text).strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


# How much of an offending value an error message shows.
PREVIEW_LIMIT = 80


def preview(value: object, limit: int = PREVIEW_LIMIT) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters plus "…": ``preview("x" * 500)`` is
    ``'xxx…`` (80 characters, then "…").

    The repr is never built whole, so a value YAML expanded from nested aliases (a "billion laughs"
    list, gigabytes once printed) costs no more than its preview.
    """
    return shorten(repr_prefix(value, limit + 1), limit)


def shorten(text: str, limit: int = PREVIEW_LIMIT) -> str:
    """``text`` cut to ``limit`` characters plus "…" when it is longer."""
    return text if len(text) <= limit else text[:limit] + "…"


class _Enough(Exception):
    """The prefix being built has the characters asked for."""


def repr_prefix(value: object, size: int) -> str:
    """The first ``size`` characters of ``repr(value)``, walking lists, tuples, dicts and sets only as far as needed.

    A container seen inside itself is shown as Python shows it (``[[...]]``); other values use their own repr.
    """
    parts: list[str] = []
    room = [size]

    def emit(text: str) -> None:
        parts.append(text[: room[0]])
        room[0] -= len(text)
        if room[0] <= 0:
            raise _Enough

    def walk(item: object, open_ids: frozenset[int]) -> None:
        kind = type(item)
        if kind not in (list, tuple, dict, set, frozenset):  # exact types: a subclass may have its own repr
            emit(_scalar_repr(item))
        elif id(item) in open_ids:
            emit("[...]" if kind is list else "{...}" if kind is dict else "...")
        elif isinstance(item, dict):
            emit("{")
            for position, (key, entry) in enumerate(item.items()):
                emit(", " if position else "")
                walk(key, open_ids | {id(item)})
                emit(": ")
                walk(entry, open_ids | {id(item)})
            emit("}")
        elif isinstance(item, (set, frozenset)) and not item:
            emit(f"{kind.__name__}()")
        elif isinstance(item, (list, tuple, set, frozenset)):
            opening, closing = ("[", "]") if kind is list else ("(", ")") if kind is tuple else ("{", "}")
            emit(f"frozenset({opening}" if kind is frozenset else opening)
            for position, entry in enumerate(item):
                emit(", " if position else "")
                walk(entry, open_ids | {id(item)})
            emit("," if kind is tuple and len(item) == 1 else "")
            emit(f"{closing})" if kind is frozenset else closing)

    with contextlib.suppress(_Enough):
        walk(value, frozenset())
    return "".join(parts)


def _scalar_repr(value: object) -> str:
    try:
        return repr(value)
    except ValueError:  # an int too long for Python's digit limit
        return f"<{type(value).__name__} too long to show>"
