"""The tidy tables ``python -m kit table NAME`` prints, one entry per table.

Each entry names a builder that takes the prepared corpus and its settings
(:class:`kit.compute.settings.AnalysisSettings`) and returns a plain DataFrame. A table over the whole corpus (themes,
events, kwic, formulas) also names ``chunked``: the same table from an archive in the store, chunk by chunk
(:class:`kit.compute.archive.Archive`), which is what the command line prints; keyness and formulas take either kind of
corpus. An entry whose data file no stored table depends on (the formulas file) names ``read_data``, which reads
it before any article is. Analyses add their tables here; the command line needs no other change. The report
notebooks read the store through :mod:`kit.compute.archive`, which knows nothing of this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kit import config
from kit.analyses import chronology, formulas, keyness, kwic, overview, themes, tone, voices
from kit.analyses.voices import actors
from kit.compute import archive, engine
from kit.compute.chunks import Settings
from kit.compute.settings import AnalysisSettings, CheckSettings
from kit.compute.stages import ANALYSIS_TABLES
from kit.errors import KitError
from kit.ingest.corpus import read_manifest
from kit.types import Chunked, Prepared
from kit.validation import dates as dates_validation
from kit.validation import furniture
from kit.validation import quotes as quote_validation
from kit.validation import tone as tone_validation

Builder = Callable[[Prepared, AnalysisSettings], pd.DataFrame]
ChunkedBuilder = Callable[[Chunked, AnalysisSettings], pd.DataFrame]


@dataclass(frozen=True)
class Option:
    """One extra command-line option of a table: ``add_argument``'s flags and keywords.

    Its dest is a field of :class:`~kit.compute.settings.AnalysisSettings` (a check's: of
    :class:`~kit.compute.settings.CheckSettings`).
    """

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
    read_data: Callable[[AnalysisSettings], object] | None = None


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
    # Chronology (kit.analyses.chronology): temporal expressions resolved to spans, and the events they date.
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
    # Theme frequency (kit.analyses.themes): counts, keyword-in-context lines, keyness.
    "themes": TableSpec(
        "theme hits, weighted hits, word tokens and weighted hits per 1,000 word tokens, per document",
        lambda p, a: themes.count(
            p, themes.load_dictionary(a.dictionary), by=a.by or "document", themes=a.themes, periods=a.periods or "year"
        ),
        # summed from the per-document theme sums kept by chunk
        chunked=lambda c, a: themes.tally(
            c.table("theme_sums"),
            c.documents,
            themes.load_dictionary(a.dictionary).subset(a.themes),
            by=a.by or "document",
            periods=a.periods or "year",
        ),
        options=(
            Option(("--dictionary",), {"default": None, "help": "theme dictionary YAML (default: the kit's)"}),
            Option(
                ("--theme",),
                {"action": "append", "dest": "themes", "metavar": "THEME", "help": "only this theme (repeatable)"},
            ),
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
    # Official voices (kit.analyses.voices): direct quotations with kind, speaker, speaker group, channel and cue.
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
    # Formulas of China–DPRK relations (kit.analyses.formulas): each occurrence, in a quotation or in the narration.
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


def _formulas(corpus: Prepared | Chunked, settings: AnalysisSettings) -> pd.DataFrame:
    book = formulas.load_formulas(settings.formulas)
    if isinstance(corpus, Prepared):
        found = formulas.occurrences(corpus, formulas=book, registry=actors.load_registry(settings.registry))
    else:  # the archive's quotations were extracted with the registry the options name
        found = corpus.gather(formulas.occurrences, formulas=book, tables=["quotes"])
    if settings.by == "formula":
        return formulas.summary(found, book)
    if settings.by == "year":
        return formulas.timeline(found, corpus.documents, book)
    if settings.by in ("voice", "year-voice"):
        return formulas.counts(found, book, by=settings.by.split("-"))
    return found


def _check_group(settings: AnalysisSettings, units: tuple[str, ...]) -> None:
    """Refuse an unknown ``--by`` column before any article is read: the manifest's header says which there are."""
    if settings.by is None or settings.by in (*units, "outlet"):  # the groupings every corpus has: nothing to read
        return
    folder = Path(settings.corpus) if settings.corpus is not None else config.SEEDS
    rows = read_manifest(folder / config.MANIFEST_NAME)
    themes.check_group(settings.by, pd.DataFrame(columns=list(rows[0][1])), units=units)


def _keyness(corpus: Prepared | Chunked, settings: AnalysisSettings) -> pd.DataFrame:
    dictionary = themes.load_dictionary(settings.dictionary) if settings.unit == "theme" else None
    return keyness.keyness(
        corpus,
        dictionary,
        unit=settings.unit,
        by=settings.by or "period",
        periods=settings.periods or "year",
        target=settings.target,
        reference=settings.reference,
        min_count=settings.min_count,
    )


def _kwic_options(settings: AnalysisSettings) -> dict[str, Any]:
    return {
        "theme": settings.theme,
        "word": settings.word,
        "window": settings.window,
        "sentence_bounded": not settings.across_sentences,
    }


@dataclass(frozen=True)
class ValidatorSpec:
    """A ``python -m kit validate NAME --gold FILE`` check; ``run`` returns the printed summary.

    ``run`` takes the prepared corpus and the check's settings (the gold CSV and any ``options``).
    """

    help: str
    run: Callable[[Prepared, CheckSettings], str]
    options: tuple[Option, ...] = ()


VALIDATORS: dict[str, ValidatorSpec] = {
    "dates": ValidatorSpec(
        "found, exact-span and resolved rates of date expressions against a CSV (doc_id, expression, offsets)",
        lambda p, c: dates_validation.validate(p, c.gold, holidays=c.holidays),
        options=(Option(("--holidays",), {"default": None, "help": "your holiday calendar (default: the kit's)"}),),
    ),
    "quotes": ValidatorSpec(
        "found, speaker, group, kind and via agreement against a CSV (doc_id, quote, speaker, group)",
        lambda p, c: quote_validation.validate_quotes(p, c.gold),
    ),
    "tone": ValidatorSpec(
        "Pearson and Spearman r (bootstrap intervals), sign agreement and readers' agreement against rated "
        "quotations (doc_id, quote, rating −4…+4)",
        lambda p, c: tone_validation.validate_tone(p, c.gold, c.lexicon),
        options=(Option(("--lexicon",), {"default": None, "help": "your diplomatic lexicon (default: the kit's)"}),),
    ),
    "furniture": ValidatorSpec(
        "furniture removed and body lines lost against CSVs coded on raw lines (doc_id, line, furniture, whole_line)",
        lambda p, c: furniture.validate_furniture(p, c.gold, c.body),
        options=(
            Option(("--body",), {"default": None, "help": "CSV of the body lines (doc_id, line), to count lost text"}),
        ),
    ),
}


# `kit table NAME` for the tables that are per-document rows: the store table each is read from (the prepared
# tables, the documents from the sizes stage, and every stage whose table the command line prints as it is kept).
STORED = {"documents": "sizes", "removed": "removed", "paragraphs": "paragraphs", "sentences": "sentences"}
STORED |= {"tokens": "tokens"} | {table: table for table in ANALYSIS_TABLES if table in TABLES}


def command_table(
    name: str, corpus_dir: str | Path | None, *, analysis: AnalysisSettings, run: Settings
) -> pd.DataFrame:
    """The table ``python -m kit table NAME`` prints, through the store ``run`` names (its data files: ``analysis``'s).

    Per-document tables are read chunk by chunk; the tables over the whole corpus are built by their
    :data:`TABLES` entry's ``chunked`` form on an archive, so no table holds
    the corpus's tokens at once, and each is the table the entry's ``build`` gives on the whole prepared corpus.
    """
    if name == "dates" and run.data.holidays is not None:
        chronology.load_calendar(run.data.holidays)  # a bad calendar: refused before any article is read
    if name in STORED:
        frame = engine.run_tables(corpus_dir, [STORED[name]], run)[STORED[name]]
        if name == "dates" and analysis.no_vague:  # as chronology.date_expressions(vague=False) leaves them out
            frame = frame[frame.granularity != "vague"].reset_index(drop=True)
        return frame
    themes.load_dictionary(run.data.dictionary)  # a bad dictionary: refused before any article is read
    read_data = TABLES[name].read_data
    if read_data is not None:  # and a bad data file of the table's own (the formulas)
        read_data(analysis)
    chunked = TABLES[name].chunked
    if chunked is None:  # a table over the whole corpus that cannot be built by chunk: none of the kit's
        raise KitError(f"kit table {name}: the table has no form that reads the store by chunk")
    return chunked(archive.opened(Path(corpus_dir) if corpus_dir is not None else config.SEEDS, run), analysis)
