"""Errors the kit raises on bad input.

Every message is one line that names the file (and line or field) and says what is wrong, so the
command line can print it as-is and exit non-zero.
"""

from __future__ import annotations


class KitError(Exception):
    """Bad input or configuration; the message is a single, user-facing line."""


class CorpusError(KitError):
    """The corpus folder, its manifest or one of its files is unusable."""
