"""Which reports to produce: notebooks × their parameter sets (``notebooks/params/<stem>.yaml``), and ``--only``."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit import config, yamlfile
from kit.errors import PREVIEW_LIMIT, KitError, preview, repr_prefix, shorten
from kit.report.layout import SEPARATOR, shown

# A parameter-set slug becomes part of a file name: letters, digits, dot, dash, underscore; no "__".
# \Z, not $: "$" also matches before a final newline, and "all\n" would become a file name.
SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
# Room for "<notebook>__<slug>__<table>.csv" within the 255 bytes a file name may have.
SLUG_MAX = 100
DEFAULT_SLUG = "default"


@dataclass(frozen=True)
class Run:
    """One report to produce: a notebook executed with one parameter set."""

    notebook: Path
    slug: str
    overrides: Mapping[str, Any] = field(default_factory=dict)
    params_file: Path | None = None

    @property
    def stem(self) -> str:
        """The notebook's file name without ``.ipynb`` (e.g. ``01-chronology``)."""
        return self.notebook.stem

    @property
    def name(self) -> str:
        """The report's base name, ``<notebook-stem>__<slug>``."""
        return f"{self.stem}{SEPARATOR}{self.slug}"


def plan(notebooks_dir: Path, params_dir: Path) -> list[Run]:
    """Every notebook × its parameter sets, in file-name order then YAML order.

    Raises:
        KitError: a params file that is not valid YAML, is not a mapping of slug → parameters,
            has a bad slug, or names no notebook.
    """
    notebooks = sorted(notebooks_dir.glob("*.ipynb"))
    if not notebooks:
        raise KitError(f"{shown(notebooks_dir)}: no notebooks (*.ipynb) to run")
    stems = {path.stem for path in notebooks}
    for path in sorted(params_dir.glob("*.y*ml")) if params_dir.is_dir() else []:
        if path.suffix in (".yaml", ".yml") and path.stem not in stems:
            raise KitError(f"{shown(path)}: no notebook {path.stem}.ipynb in {shown(notebooks_dir)}")
    runs = []
    for notebook in notebooks:
        params_file = _params_file(params_dir, notebook.stem)
        if params_file is None:
            runs.append(Run(notebook, DEFAULT_SLUG))
            continue
        for slug, overrides in load_parameter_sets(params_file).items():
            runs.append(Run(notebook, slug, overrides, params_file))
    return runs


def _params_file(params_dir: Path, stem: str) -> Path | None:
    found = [
        params_dir / f"{stem}{suffix}" for suffix in (".yaml", ".yml") if (params_dir / f"{stem}{suffix}").is_file()
    ]
    if len(found) > 1:
        raise KitError(f"{shown(found[0])}: both .yaml and .yml exist for {stem}; keep one")
    return found[0] if found else None


def load_parameter_sets(path: Path) -> dict[str, dict[str, Any]]:
    """Read ``notebooks/params/<stem>.yaml``: a mapping of slug → parameter overrides (``{}`` or empty = defaults).

    Raises:
        KitError: one line naming the file (and line) for bad YAML, a set name given twice, a bad slug or a
            non-mapping value.
    """
    # The data files' reader: the same safe loader, and a set name given twice is refused with its line.
    data = yamlfile.parse(yamlfile.read_text(path, "parameter-set file"), Path(shown(path)))
    if not isinstance(data, dict) or not data:
        raise KitError(
            f"{shown(path)}: expected a mapping of parameter-set name → parameters, e.g. 'all-outlets: {{}}'"
        )
    sets: dict[str, dict[str, Any]] = {}
    for slug, overrides in data.items():
        _check_slug(slug, shown(path))
        if overrides is None:
            overrides = {}
        if not isinstance(overrides, dict) or not all(isinstance(key, str) for key in overrides):
            raise KitError(f"{shown(path)}: parameter set {slug!r} must map parameter names to values")
        sets[slug] = dict(overrides)
    return sets


def _check_slug(slug: object, source: str) -> None:
    if slug is None:
        raise KitError(f"{source}: a parameter-set name is empty or null; name the set, e.g. 'all-outlets: {{}}'")
    if not isinstance(slug, str):
        # YAML turns unquoted 123, true, 2018-03-28 into a number, a boolean or a date.
        if isinstance(slug, bool):
            hint = str(slug).lower()
        elif isinstance(slug, datetime.date):
            hint = slug.isoformat()
        else:
            hint = shorten(repr_prefix(slug, PREVIEW_LIMIT + 1))
        raise KitError(
            f"{source}: parameter-set name {preview(slug)} is read by YAML as {type(slug).__name__}, not text; "
            f"put it in quotes, e.g. '{hint}': {{}}"
        )
    if len(slug) > SLUG_MAX:
        raise KitError(
            f"{source}: parameter-set name {preview(slug)} has {len(slug)} characters; "
            f"at most {SLUG_MAX} fit in a file name"
        )
    if not SLUG.match(slug) or SEPARATOR in slug:
        raise KitError(
            f"{source}: parameter-set name {preview(slug)} must be letters, digits, '.', '-' or '_' "
            f"(no '{SEPARATOR}'), e.g. '2018-only'"
        )


def for_corpus(runs: Sequence[Run], corpus: Path) -> list[Run]:
    """The runs that ``--corpus`` gets: every run but those whose parameter set is bound to another corpus.

    A set that names its ``corpus_dir`` was written for that corpus: its outlets and periods are that
    corpus's (the seed sets ``summit-2018`` and ``summit-vs-recent`` say ``corpus_dir: seeds``). A set
    that names no corpus suits any corpus, and ``--corpus`` runs it there.
    """
    return [run for run in runs if bound_corpus(run) in (None, corpus.resolve())]


def bound_corpus(run: Run) -> Path | None:
    """The corpus folder a run's parameter set names (``corpus_dir``, relative to the repository root), if any."""
    named = run.overrides.get("corpus_dir")
    if not isinstance(named, str) or not named:
        return None
    return (config.ROOT / named).resolve()


def select_runs(runs: Sequence[Run], only: Sequence[str] | None) -> list[Run]:
    """The runs ``--only`` names: a notebook stem (``01-chronology``), its name (``chronology``) or number
    (``01``), or one report (``01-chronology__2018-only``).

    Raises:
        KitError: a name that matches nothing.
    """
    if not only:
        return list(runs)
    chosen: list[Run] = []
    for wanted in only:
        matches = [run for run in runs if wanted in _names_of(run)]
        if not matches:
            known = ", ".join(sorted({run.stem for run in runs}))
            raise KitError(f"--only {wanted}: no such notebook or report (notebooks: {known})")
        chosen.extend(run for run in matches if run not in chosen)
    return [run for run in runs if run in chosen]


def _names_of(run: Run) -> set[str]:
    number, _, rest = run.stem.partition("-")
    names = {run.stem, run.name, f"{run.stem}.ipynb"}
    if rest and number.isdigit():
        names |= {number, rest}
    return names
