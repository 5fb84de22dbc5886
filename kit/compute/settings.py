"""The settings the library takes from a caller: small frozen records, so no module but the command line sees argparse.

``python -m kit`` turns its options into these (:mod:`kit.cli`); a script or a test makes them directly, e.g.
``TABLES["themes"].build(prepared, AnalysisSettings(by="outlet"))``. ``None`` means the kit's own data file,
or the table's own default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.compute.chunks import DataFiles


@dataclass(frozen=True)
class AnalysisSettings:
    """What a table of ``python -m kit table NAME`` is built with: its data files and its own options.

    Attributes:
        corpus: the corpus folder (None: the seeds), whose manifest names the columns ``by`` may group by.
        registry, lexicon, dictionary, holidays, formulas: data-file paths (None: the kit's own).
        no_lexicon: tone with plain VADER, without the diplomatic lexicon.
        no_vague: dates without 'recently' and the like.
        by: how the table groups its rows (None: the table's default: document, period or occurrence); themes
            and keyness take any metadata column of the manifest too.
        themes: only these themes (the themes table; None: every theme).
        theme: the one theme of keyword-in-context lines (None: every theme).
        word: a word, phrase or glob for keyword-in-context lines instead of a theme.
        window: context tokens each side of a keyword.
        across_sentences: let a keyword's context cross sentence ends.
        periods: period boundaries (None: years).
        unit: keyness of themes or of words.
        target, reference: keyness's groups (None: the latest period; every other document).
        min_count: keyness of words: the least count in both groups.
    """

    corpus: str | None = None
    registry: str | None = None
    lexicon: str | None = None
    no_lexicon: bool = False
    dictionary: str | None = None
    holidays: str | None = None
    formulas: str | None = None
    no_vague: bool = False
    by: str | None = None
    themes: tuple[str, ...] | None = None
    theme: str | None = None
    word: str | None = None
    window: int = 8
    across_sentences: bool = False
    periods: tuple[str, ...] | None = None
    unit: str = "theme"
    target: tuple[str, ...] | None = None
    reference: tuple[str, ...] | None = None
    min_count: int = 3

    def data_files(self) -> DataFiles:
        """The data files the stored tables depend on, as the engine keys them."""
        return DataFiles(
            registry=_path(self.registry),
            lexicon=_path(self.lexicon),
            no_lexicon=self.no_lexicon,
            dictionary=_path(self.dictionary),
            holidays=_path(self.holidays),
        )


@dataclass(frozen=True)
class CheckSettings:
    """What ``python -m kit validate WHAT`` scores with: the hand-coded gold CSV and the check's own files.

    Attributes:
        gold: the hand-coded CSV.
        body: the furniture check's CSV of body lines (None: lost text is not counted).
        holidays: the dates check's holiday calendar (None: the kit's own).
        lexicon: the tone check's diplomatic lexicon (None: the kit's own).
    """

    gold: str
    body: str | None = None
    holidays: str | None = None
    lexicon: str | None = None


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None
