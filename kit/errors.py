"""Errors the kit raises on bad input.

Every message is one line that names the file (and line or field) and says what is wrong, so the
command line can print it as-is and exit non-zero.
"""

from __future__ import annotations

import contextlib


class KitError(Exception):
    """Bad input or configuration; the message is a single, user-facing line."""


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
        if kind not in (list, tuple, dict, set, frozenset):
            emit(_scalar_repr(item))
            return
        if id(item) in open_ids:
            emit({list: "[...]", dict: "{...}"}.get(kind, "..."))
            return
        inner = open_ids | {id(item)}
        if kind is dict:
            emit("{")
            for position, (key, entry) in enumerate(item.items()):  # type: ignore[attr-defined]
                emit(", " if position else "")
                walk(key, inner)
                emit(": ")
                walk(entry, inner)
            emit("}")
            return
        items = list(item) if kind in (set, frozenset) else item
        if kind in (set, frozenset) and not items:
            emit(f"{kind.__name__}()")
            return
        opening, closing = {list: ("[", "]"), tuple: ("(", ")")}.get(kind, ("{", "}"))
        emit(f"{kind.__name__}({opening}" if kind is frozenset else opening)
        for position, entry in enumerate(items):  # type: ignore[arg-type]
            emit(", " if position else "")
            walk(entry, inner)
        emit("," if kind is tuple and len(items) == 1 else "")  # type: ignore[arg-type]
        emit(f"{closing})" if kind is frozenset else closing)

    with contextlib.suppress(_Enough):
        walk(value, frozenset())
    return "".join(parts)


def _scalar_repr(value: object) -> str:
    try:
        return repr(value)
    except ValueError:  # an int too long for Python's digit limit
        return f"<{type(value).__name__} too long to show>"
