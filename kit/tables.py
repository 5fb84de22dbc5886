"""The tidy tables ``python -m kit table NAME`` prints, one entry per table.

Each entry names a builder that takes the prepared corpus (and the parsed command-line options) and
returns a plain DataFrame. Analyses add their tables here; the command line needs no other change.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from kit import overview
from kit.types import Prepared

Builder = Callable[[Prepared, argparse.Namespace], pd.DataFrame]


@dataclass(frozen=True)
class Option:
    """One extra command-line option of a table, passed to ``argparse.add_argument``."""

    flags: tuple[str, ...]
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TableSpec:
    """A table the command line can print."""

    help: str
    build: Builder
    options: tuple[Option, ...] = ()


TABLES: dict[str, TableSpec] = {
    "documents": TableSpec(
        "articles with manifest facts, sizes and the raw file's sha256", lambda p, _: overview.documents(p)
    ),
    "removed": TableSpec("furniture lines cleaning removed (doc_id, line, kind, text)", lambda p, _: p.removed),
    "paragraphs": TableSpec("body paragraphs with offsets into the cleaned text", lambda p, _: p.paragraphs),
    "sentences": TableSpec("sentences with offsets into the cleaned text", lambda p, _: p.sentences),
    "tokens": TableSpec("tokens with offsets, normalised form, stopword and punctuation flags", lambda p, _: p.tokens),
}


@dataclass(frozen=True)
class ValidatorSpec:
    """A ``python -m kit validate NAME --gold FILE`` check; ``run`` returns the printed summary."""

    help: str
    run: Callable[[Prepared, str], str]


VALIDATORS: dict[str, ValidatorSpec] = {}
