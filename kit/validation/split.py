"""A development half and a locked half of a corpus, fixed by each document's id.

Rules tuned on the texts they are scored on look better than they are. To measure them the way science
does, a hand-coded corpus is split once, reproducibly, into two halves: rules are developed on the
*development* half only, and the *locked* half is scored before and after a round of work, never while
tuning. A document belongs to the locked half when the SHA-256 of its ``doc_id`` is even, so the split
needs no list, survives new documents and is the same on every machine.

A locked document that someone opened to debug a rule is no longer unseen: it is moved to the development
half by naming it in :data:`MOVED_TO_DEVELOPMENT` (and the README says so).

``kit validate WHAT --half development|locked`` scores one half, and prints no warning about a document of the
other half (cleaning warns with the text of a long removal, which would show locked text while tuning).
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterable
from dataclasses import replace

from kit.errors import KitError
from kit.types import Prepared

HALVES = ("development", "locked")

# Locked documents opened while debugging a rule, so moved to the development half (doc_id → why).
MOVED_TO_DEVELOPMENT: dict[str, str] = {}


def half_of(doc_id: str) -> str:
    """``"locked"`` when the SHA-256 of ``doc_id`` is even (and it was not moved), else ``"development"``."""
    if doc_id in MOVED_TO_DEVELOPMENT:
        return "development"
    return "locked" if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "development"


def subset(prepared: Prepared, half: str) -> Prepared:
    """The documents of one half, with their rows of every prepared table.

    Raises:
        KitError: ``half`` is not one of :data:`HALVES`, or no document of the corpus falls in it.
    """
    if half not in HALVES:
        raise KitError(f"--half is {half!r}, expected one of {', '.join(HALVES)}")
    keep = {doc_id for doc_id in prepared.documents.doc_id.astype(str) if half_of(doc_id) == half}
    if not keep:
        raise KitError(f"--half {half}: no document of the corpus is in the {half} half")
    return replace(
        prepared,
        **{
            name: frame[frame.doc_id.isin(keep)].reset_index(drop=True)
            for name, frame in (
                ("documents", prepared.documents),
                ("removed", prepared.removed),
                ("paragraphs", prepared.paragraphs),
                ("sentences", prepared.sentences),
                ("tokens", prepared.tokens),
            )
        },
    )


def warnings_of_half(
    caught: Iterable[warnings.WarningMessage], prepared: Prepared, half: str
) -> list[warnings.WarningMessage]:
    """The warnings that name no document of the other half (a cleaning warning starts with its doc_id).

    Args:
        caught: warnings recorded while the whole corpus was prepared.
        prepared: the whole corpus, prepared.
        half: the half being scored.
    """
    other = {doc_id for doc_id in prepared.documents.doc_id.astype(str) if half_of(doc_id) != half}
    return [w for w in caught if str(w.message).split(" ", 1)[0].rstrip(":") not in other]
