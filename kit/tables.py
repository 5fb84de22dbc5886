"""The tidy tables ``python -m kit table NAME`` prints, one entry per table.

Each entry names a builder that takes the prepared corpus (and the parsed command-line options) and
returns a plain DataFrame. A table over the whole corpus (themes, events, kwic, formulas) also names ``chunked``:
the same table from an archive in the store, chunk by chunk (:class:`kit.archive.Archive`), which is what the
command line prints; keyness and formulas take either kind of corpus. An entry whose data file no stored table
depends on (the formulas file) names ``read_data``, which reads it before any article is. Analyses add their
tables here; the command line needs no other change.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kit import chronology, config, formulas, keyness, kwic, overview, themes, tone, voices
from kit.corpus import read_manifest
from kit.types import Chunked, Prepared
from kit.validation import dates as dates_validation
from kit.validation import furniture
from kit.validation import quotes as quote_validation
from kit.validation import tone as tone_validation
from kit.voices import actors

Builder = Callable[[Prepared, argparse.Namespace], pd.DataFrame]
ChunkedBuilder = Callable[[Chunked, argparse.Namespace], pd.DataFrame]


@dataclass(frozen=True)
class Option:
    """One extra command-line option of a table, passed to ``argparse.add_argument``."""

    flags: tuple[str, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TableSpec:
    """A table the command line can print."""

    help: str
    build: Builder
    options: tuple[Option, ...] = ()
    chunked: ChunkedBuilder | None = None
    # Reads the table's own data files from the options, so a bad one is refused before any article is read.
    read_data: Callable[[argparse.Namespace], object] | None = None


# What `kit table formulas --by` prints: every occurrence, or a count of them.
FORMULA_VIEWS = ["occurrence", "formula", "year", "voice", "year-voice"]

TABLES: dict[str, TableSpec] = {
    "documents": TableSpec(
        "articles with manifest facts, sizes and the raw file's sha256", lambda p, _: overview.documents(p)
    ),
    "removed": TableSpec("furniture lines cleaning removed (doc_id, line, kind, text)", lambda p, _: p.removed),
    "paragraphs": TableSpec("body paragraphs with offsets into the cleaned text", lambda p, _: p.paragraphs),
    "sentences": TableSpec("sentences with offsets into the cleaned text", lambda p, _: p.sentences),
    "tokens": TableSpec("tokens with offsets, normalised form, stopword and punctuation flags", lambda p, _: p.tokens),
    # Chronology (kit.chronology): temporal expressions resolved to spans, and the events they date.
    "dates": TableSpec(
        "temporal expressions with offsets, resolved to date_start..date_end, granularity and basis",
        lambda p, a: chronology.date_expressions(p, vague=not a.no_vague, holidays=a.holidays),
        options=(
            Option(("--no-vague",), {"action": "store_true", "help": "leave out 'recently' and the like"}),
            Option(("--holidays",), {"default": None, "help": "holiday calendar YAML (default: the kit's)"}),
        ),
    ),
    "events": TableSpec(
        "one row per resolved date span and document, with its first sentence, outlet and mention count",
        lambda p, _: chronology.events(p),
        chunked=lambda c, _: c.gather(chronology.events, tables=["dates"]),
    ),
    # Theme frequency (kit.themes): counts, keyword-in-context lines, keyness.
    "themes": TableSpec(
        "theme hits, weighted hits, word tokens and weighted hits per 1,000 word tokens, per document",
        lambda p, a: themes.count(
            p, themes.load_dictionary(a.dictionary), by=a.by, themes=a.theme, periods=a.periods or "year"
        ),
        # summed from the per-document theme sums kept by chunk
        chunked=lambda c, a: themes.tally(
            c.table("theme_sums"),
            c.documents,
            themes.load_dictionary(a.dictionary).subset(a.theme),
            by=a.by,
            periods=a.periods or "year",
        ),
        options=(
            Option(("--dictionary",), {"default": None, "help": "theme dictionary YAML (default: the kit's)"}),
            Option(("--theme",), {"action": "append", "help": "only this theme (repeatable)"}),
            Option(
                ("--by",),
                {
                    "default": "document",
                    "metavar": "COLUMN",
                    "help": "document (default), period, outlet or any metadata column of the manifest "
                    "(e.g. outlet_type): one row per group and theme",
                },
            ),
            Option(("--periods",), {"nargs": "+", "help": "period boundaries, e.g. 2018 2024 or 'recent=2024-01-01'"}),
        ),
        read_data=lambda a: _check_group(a, ("document", "period")),
    ),
    "kwic": TableSpec(
        "keyword-in-context lines for a theme (or --word), with offsets into the cleaned text",
        lambda p, a: kwic.kwic(p, themes.load_dictionary(a.dictionary), **_kwic_options(a)),
        chunked=lambda c, a: c.gather(kwic.kwic, themes.load_dictionary(a.dictionary), **_kwic_options(a)),
        options=(
            Option(("--dictionary",), {"default": None, "help": "theme dictionary YAML (default: the kit's)"}),
            Option(("--theme",), {"default": None, "help": "theme name (default: every theme)"}),
            Option(("--word",), {"default": None, "help": "a word, phrase or glob instead of a theme"}),
            Option(("--window",), {"type": int, "default": 8, "help": "context tokens each side (default 8)"}),
            Option(("--across-sentences",), {"action": "store_true", "help": "let context cross sentence ends"}),
        ),
    ),
    "keyness": TableSpec(
        "log-likelihood (G2) and log ratio of themes or words, target group vs reference group",
        lambda p, a: _keyness(p, a),
        chunked=lambda c, a: _keyness(c, a),  # theme hits from the kept theme sums, word counts summed by chunk
        options=(
            Option(("--dictionary",), {"default": None, "help": "theme dictionary YAML (default: the kit's)"}),
            Option(("--unit",), {"choices": ["theme", "word"], "default": "theme"}),
            Option(
                ("--by",),
                {
                    "default": "period",
                    "metavar": "COLUMN",
                    "help": "period (default), outlet or any metadata column of the manifest (e.g. outlet_type)",
                },
            ),
            Option(("--periods",), {"nargs": "+", "help": "period boundaries (default: years)"}),
            Option(("--target",), {"action": "append", "help": "target period/outlet (default: the latest period)"}),
            Option(("--reference",), {"action": "append", "help": "reference group (default: all other documents)"}),
            Option(("--min-count",), {"type": int, "default": 3, "help": "words: minimum count in both groups"}),
        ),
        read_data=lambda a: _check_group(a, ("period",)),
    ),
    # Official voices (kit.voices): direct quotations with kind, speaker, speaker group, channel and cue.
    "quotes": TableSpec(
        "direct quotations with offsets, kind (speech/fragment/term), speaker, speaker_group, via and cue",
        lambda p, a: voices.extract_quotes(p, actors.load_registry(a.registry)),
        options=(Option(("--registry",), {"default": None, "help": "actor registry YAML (default: the kit's)"}),),
    ),
    "tone": TableSpec(
        "VADER tone of every quotation and narration sentence: voice, compound, pos, neu, neg, lexicon, top_words",
        lambda p, a: tone.score_units(
            p,
            lexicon=None if a.no_lexicon else tone.load_lexicon(a.lexicon),
            registry=actors.load_registry(a.registry),
        ),
        options=(
            Option(("--lexicon",), {"default": None, "help": "diplomatic lexicon YAML (default: the kit's)"}),
            Option(("--no-lexicon",), {"action": "store_true", "help": "plain VADER, without the diplomatic lexicon"}),
            Option(("--registry",), {"default": None, "help": "actor registry YAML (default: the kit's)"}),
        ),
    ),
    # Formulas of China–DPRK relations (kit.formulas): each occurrence, in a quotation or in the narration.
    "formulas": TableSpec(
        "every occurrence of the formulas of China–DPRK relations: offsets, formula, speaker, group, quotation or "
        "narration, year (--by: counts per formula, year or voice)",
        lambda p, a: _formulas(p, a),
        chunked=lambda c, a: _formulas(c, a),  # each chunk's occurrences, placed by its kept quotations
        read_data=lambda a: formulas.load_formulas(a.formulas),
        options=(
            Option(("--formulas",), {"default": None, "help": "formulas YAML (default: the kit's)"}),
            Option(("--registry",), {"default": None, "help": "actor registry YAML (default: the kit's)"}),
            Option(
                ("--by",),
                {
                    "choices": FORMULA_VIEWS,
                    "default": "occurrence",
                    "help": "occurrence (one row each, default), formula (a summary row each), year (formula × "
                    "publication year, zeros kept), voice, year-voice (counts)",
                },
            ),
        ),
    ),
}


def _formulas(corpus: Prepared | Chunked, args: argparse.Namespace) -> pd.DataFrame:
    book = formulas.load_formulas(args.formulas)
    if isinstance(corpus, Prepared):
        found = formulas.occurrences(corpus, formulas=book, registry=actors.load_registry(args.registry))
    else:  # the archive's quotations were extracted with the registry the options name
        found = corpus.gather(formulas.occurrences, formulas=book, tables=["quotes"])
    if args.by == "formula":
        return formulas.summary(found, book)
    if args.by == "year":
        return formulas.timeline(found, corpus.documents, book)
    if args.by in ("voice", "year-voice"):
        return formulas.counts(found, book, by=args.by.split("-"))
    return found


def _check_group(args: argparse.Namespace, units: tuple[str, ...]) -> None:
    """Refuse an unknown ``--by`` column before any article is read: the manifest's header says which there are."""
    if args.by in (*units, "outlet"):  # no manifest to read for the groupings every corpus has
        return
    folder = Path(args.corpus) if args.corpus is not None else config.SEEDS
    rows = read_manifest(folder / config.MANIFEST_NAME)
    themes.check_group(args.by, pd.DataFrame(columns=list(rows[0][1])), units=units)


def _keyness(corpus: Prepared | Chunked, args: argparse.Namespace) -> pd.DataFrame:
    dictionary = themes.load_dictionary(args.dictionary) if args.unit == "theme" else None
    groups = {"by": args.by, "periods": args.periods or "year", "target": args.target, "reference": args.reference}
    return keyness.keyness(corpus, dictionary, unit=args.unit, **groups, min_count=args.min_count)


def _kwic_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "theme": args.theme,
        "word": args.word,
        "window": args.window,
        "sentence_bounded": not args.across_sentences,
    }


@dataclass(frozen=True)
class ValidatorSpec:
    """A ``python -m kit validate NAME --gold FILE`` check; ``run`` returns the printed summary.

    ``run`` takes the prepared corpus and the parsed options (``args.gold`` and any ``options``).
    """

    help: str
    run: Callable[[Prepared, argparse.Namespace], str]
    options: tuple[Option, ...] = ()


VALIDATORS: dict[str, ValidatorSpec] = {
    "dates": ValidatorSpec(
        "found, exact-span and resolved rates of date expressions against a CSV (doc_id, expression, offsets)",
        lambda p, a: dates_validation.validate(p, a.gold, holidays=a.holidays),
        options=(Option(("--holidays",), {"default": None, "help": "your holiday calendar (default: the kit's)"}),),
    ),
    "quotes": ValidatorSpec(
        "found, speaker, group, kind and via agreement against a CSV (doc_id, quote, speaker, group)",
        lambda p, a: quote_validation.validate(p, a.gold),
    ),
    "tone": ValidatorSpec(
        "Pearson and Spearman r (bootstrap intervals), sign agreement and readers' agreement against rated "
        "quotations (doc_id, quote, rating −4…+4)",
        lambda p, a: tone_validation.validate(p, a.gold, a.lexicon),
        options=(Option(("--lexicon",), {"default": None, "help": "your diplomatic lexicon (default: the kit's)"}),),
    ),
    "furniture": ValidatorSpec(
        "furniture removed and body lines lost against CSVs coded on raw lines (doc_id, line, furniture, whole_line)",
        lambda p, a: furniture.validate(p, a.gold, a.body),
        options=(
            Option(("--body",), {"default": None, "help": "CSV of the body lines (doc_id, line), to count lost text"}),
        ),
    ),
}
