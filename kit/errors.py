"""Errors the kit raises on bad input.

Every message is one line that names the file (and line or field) and says what is wrong, so the
command line can print it as-is and exit non-zero.
"""

from __future__ import annotations


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
