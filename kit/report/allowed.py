"""What a notebook parameter allows: the ``[...]`` note at the end of its comment, and the check of a value.

Each line of a notebook's parameters cell ends its comment with a note in brackets::

    normalisation: str = "per_1k"  # heatmap value: ... [per_1k | weighted | hits]
    top_n: int = 3  # how many units to show [1..50]
    outlets: list[str] = []  # outlets included (empty: every outlet) [outlet]

============================  ==================================================================
``[1..50]``, ``[1..]``        a number from 1 to 50 (1 or more); whole for an ``int``
``[per_1k | weighted]``       one of these words; for a list, each item
``[YYYY-MM-DD]``              a real day, or empty
``[file]``                    an existing file, or empty (the kit's default)
``[corpus]``                  a folder with manifest.csv, or empty (the seeds)
``[outlet]``                  outlets of the corpus, as its manifest writes them
``[column]``                  a column of the corpus's manifest to group by (outlet, or a metadata column)
``[periods]``                 period boundaries giving two or more periods, each with articles
``[theme]``                   themes of the dictionary the ``dictionary`` parameter names
``[voice]``, ``[granularity]``  the kit's voices (:data:`kit.analyses.tone.VOICES`), date granularities
============================  ==================================================================

A value that is empty ("" or []) means the notebook's own default and is always allowed. Relative paths
start at the project folder (:func:`kit.config.project_path`), in a report as in JupyterLab.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from kit import config
from kit.errors import KitError, preview, shorten
from kit.report.layout import shown

# The note: the last [...] of the comment, with nothing after it.
NOTE = re.compile(r"\[([^\[\]]*)\]\s*\Z")
# "1..50", "0.5..1", "1.." (no upper bound).
RANGE_NOTE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)?\s*\Z")
# One choice of "[a | b | c]": a word as file names and YAML keys write it.
CHOICE = re.compile(r"[A-Za-z0-9_.-]+\Z")
DAY_FORMAT = "YYYY-MM-DD"
NAMED_KINDS = (DAY_FORMAT, "file", "corpus", "outlet", "column", "periods", "theme", "voice", "granularity")
# Manifest columns no analysis groups by: every document has its own value.
UNGROUPED = ("doc_id", "file")
# How many known values (outlets, themes) a message lists before "…".
LISTED = 200


@dataclass(frozen=True)
class Allowed:
    """A parameter's note: ``kind`` is ``"range"``, ``"choice"`` or one of :data:`NAMED_KINDS`."""

    note: str
    kind: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Setting:
    """Where values are checked: the folder relative paths start from, the corpus and the theme dictionary.

    ``corpus_dir`` and ``dictionary`` are the parameters' values ("" is the kit's default).
    """

    base: Path
    corpus_dir: str = ""
    dictionary: str = ""

    def path(self, value: str) -> Path:
        """A parameter's path as the notebook will open it."""
        return Path(value) if Path(value).is_absolute() else self.base / value

    @property
    def corpus(self) -> Path:
        """The corpus folder the notebook will read."""
        return self.path(self.corpus_dir) if self.corpus_dir else config.notebook_corpus()


def parse_note(comment: str) -> Allowed | None:
    """The note at the end of a parameter's comment, or None when the comment ends without one.

    Raises:
        KitError: a final ``[...]`` that is none of the forms above (the message lists them).
    """
    found = NOTE.search(comment)
    if not found:
        return None
    note = found.group(1).strip()
    bounds = RANGE_NOTE.match(note)
    if bounds:
        low, high = (float(x) if x is not None else None for x in bounds.groups())
        if high is not None and low is not None and high < low:
            raise KitError(f"note [{note}]: the range ends below its start")
        return Allowed(note, "range", low, high)
    if note in NAMED_KINDS:
        return Allowed(note, note)
    choices = tuple(part.strip() for part in note.split("|"))
    if "|" in note and all(CHOICE.match(choice) for choice in choices):
        return Allowed(note, "choice", choices=choices)
    forms = ", ".join(f"[{kind}]" for kind in NAMED_KINDS)
    raise KitError(f"note [{shorten(note)}]: expected [LOW..HIGH], [a | b | c] or one of {forms}")


def problem(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    """Why ``value`` is not allowed, as ``"REASON; allowed: WHAT"`` (or ``"allowed: WHAT"``); None when it is."""
    if value in ("", []):
        return None
    return _CHECKS[allowed.kind](allowed, value, setting)


def _range(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None  # the type check has said what is wrong
    low, high = allowed.low, allowed.high
    inside = (low is None or value >= low) and (high is None or value <= high)
    if inside:
        return None
    number = "a whole number" if isinstance(value, int) and all(_whole(x) for x in (low, high)) else "a number"
    if high is None:
        return f"allowed: {number} of {_plain(low)} or more"
    return f"allowed: {number} from {_plain(low)} to {_plain(high)}"


def _whole(bound: float | None) -> bool:
    return bound is None or float(bound).is_integer()


def _plain(bound: float | None) -> str:
    return str(int(bound)) if bound is not None and float(bound).is_integer() else str(bound)


def _known(value: Any, known: Sequence[str], what: str, missing: str = "{item} is not allowed") -> str | None:
    """Why a word, or the first item of a list of words, is not among ``known``: ``missing`` names it."""
    items = value if isinstance(value, list) else [value]
    unknown = [item for item in items if item not in known]
    if not unknown:
        return None
    reason = missing.format(item=preview(unknown[0])) + "; " if isinstance(value, list) else ""
    return f"{reason}allowed: {what}: {shorten(', '.join(known), LISTED)}"


def _choice(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    return _known(value, allowed.choices, "one of" if not isinstance(value, list) else "items from")


def _day(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        if len(value) == len(DAY_FORMAT):
            date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return f"allowed: a day {DAY_FORMAT} (a real date), or empty"


def _file(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    if not isinstance(value, str) or setting.path(value).is_file():
        return None
    start = "the project folder" if setting.base.resolve() == config.ROOT else shown(setting.base)
    missing = setting.path(value).resolve().as_posix()  # in full: where a Lab kernel or a report looked
    return f"no such file {missing}; allowed: an existing file (a relative path starts at {start}), or empty"


def _corpus(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    if not isinstance(value, str) or (setting.path(value) / config.MANIFEST_NAME).is_file():
        return None
    where = setting.path(value).resolve().as_posix()
    manifest = config.MANIFEST_NAME
    return f"no {manifest} in {where}; allowed: a corpus folder with {manifest}, or empty for the seeds"


def _column(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    columns = [c for c in corpus_documents(setting.corpus).columns if c not in UNGROUPED]
    where = shown(setting.corpus / config.MANIFEST_NAME)
    return _known(value, columns, f"columns of {where}", f"{where} has no column {{item}}")


def _outlet(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    corpus = shown(setting.corpus)
    outlets = sorted(set(corpus_documents(setting.corpus).outlet))
    return _known(value, outlets, f"outlets of {corpus}", f"no article of {corpus} has the outlet {{item}}")


def _theme(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    from kit.analyses import themes

    dictionary = themes.load_dictionary(setting.path(setting.dictionary) if setting.dictionary else None)
    return _known(
        value, dictionary.names, f"themes of {dictionary.source}", f"{dictionary.source} has no theme {{item}}"
    )


def _voice(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    from kit.analyses.tone import VOICES

    return _known(value, VOICES, "the kit's voices")


def _granularity(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    from kit.analyses.chronology import GRANULARITIES

    return _known(value, GRANULARITIES, "granularities")


def _periods(allowed: Allowed, value: Any, setting: Setting) -> str | None:
    from kit.ingest import periods

    if not isinstance(value, list):
        return None
    corpus = shown(setting.corpus)
    what = (
        f"first days of two or more periods that each have articles of {corpus} "
        "(YYYY, YYYY-MM, YYYY-MM-DD or NAME=DATE), or [] for periods from the publication dates"
    )
    documents = corpus_documents(setting.corpus)
    try:
        assigned = periods.assign_documents(documents, [str(item) for item in value])
    except KitError as err:
        return f"{err}; allowed: {what}"
    present = list(dict.fromkeys(assigned.sort_values("period_order", kind="stable").period))
    if len(present) < 2:
        return f"every article of {corpus} falls in one period ({present[0]!r}); allowed: {what}"
    empty = [label for label, _ in periods.parse_boundaries(value) if label not in present]
    if empty:
        return f"period {empty[0]!r} has no article of {corpus}; allowed: {what}"
    return None


_CHECKS: dict[str, Callable[[Allowed, Any, Setting], str | None]] = {
    "range": _range,
    "choice": _choice,
    DAY_FORMAT: _day,
    "file": _file,
    "corpus": _corpus,
    "outlet": _outlet,
    "periods": _periods,
    "theme": _theme,
    "voice": _voice,
    "granularity": _granularity,
    "column": _column,
}


def corpus_documents(folder: Path) -> pd.DataFrame:
    """The manifest's rows, every column (doc_id, outlet, published, published_precision…), without reading any
    article.

    Read once per manifest version: a run checks many parameter sets against the same corpus.

    Raises:
        CorpusError: the manifest's own one-line errors.
    """
    manifest = (folder / config.MANIFEST_NAME).resolve()
    try:
        stat = manifest.stat()
    except OSError:
        return _manifest_rows(manifest, 0, 0)  # read_manifest says what is wrong
    return _manifest_rows(manifest, stat.st_mtime_ns, stat.st_size)


@cache
def _manifest_rows(manifest: Path, mtime_ns: int, size: int) -> pd.DataFrame:
    from kit.ingest.corpus import read_manifest

    rows = [row for _, row in read_manifest(manifest)]
    header = list(rows[0]) if rows else ["doc_id", "outlet", "published", "published_precision"]
    return pd.DataFrame.from_records(rows, columns=header)
