"""The one module that knows where things are.

Everything else asks this module for paths; nothing else builds paths from ``__file__``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
SEEDS = ROOT / "seeds"
MANIFEST_NAME = "manifest.csv"
NOTEBOOKS = ROOT / "notebooks"
PARAMS = NOTEBOOKS / "params"
REPORTS = ROOT / "reports"
FAILED_REPORTS = REPORTS / "failed"

DATA = PACKAGE / "data"
STOPWORDS = DATA / "stopwords.txt"
ABBREVIATIONS = DATA / "abbreviations.txt"
TEACHING = NOTEBOOKS / "teaching"
SOLUTIONS = TEACHING / "solutions"

# The report runner's working folders and templates (kit.report).
REPORTS_STAGING = REPORTS / ".staging"
TEMPLATES = PACKAGE / "report" / "templates"
REPORT_INDEX_NAME = "index.html"

# The default theme dictionary (kit.analyses.themes); a user's YAML file replaces it.
THEMES = DATA / "themes.yaml"

# Official voices and their tone (kit.analyses.voices.actors, kit.analyses.voices, kit.analyses.tone); a user's YAML
# file replaces each.
ACTORS = DATA / "actors.yaml"
DIPLOMATIC_LEXICON = DATA / "diplomatic_lexicon.yaml"
# The formulas of China–DPRK relations (kit.analyses.formulas); a user's YAML file replaces it.
FORMULAS = DATA / "formulas.yaml"

# The holiday calendar the date rules read (kit.analyses.chronology.holidays); a user's YAML file replaces it.
HOLIDAYS = DATA / "holidays.yaml"

# The corpus a notebook reads when its corpus_dir is empty, e.g. `PRESSKIT_CORPUS=my-corpus make lab`; the seeds
# when unset. The report runner clears it for its kernels: `kit report` reads --corpus only.
CORPUS_ENV = "PRESSKIT_CORPUS"


def project_path(value: str | Path) -> Path:
    """A path a user gives a notebook or a data-file parameter: absolute as written, else from the project folder.

    The report runner executes notebooks in the project folder and JupyterLab starts their kernels in
    ``notebooks/``: resolving from the project folder, ``my-corpus`` is the same folder in both.
    """
    path = Path(value).expanduser()
    return path if path.is_absolute() else ROOT / path


def notebook_corpus(corpus_dir: str | Path | None = None) -> Path:
    """The corpus folder a notebook reads: ``corpus_dir``, else ``$PRESSKIT_CORPUS``, else the seeds."""
    import os

    chosen = corpus_dir or os.environ.get(CORPUS_ENV, "")
    return project_path(chosen) if chosen else SEEDS


def project_file(value: str) -> str:
    """A file parameter of a notebook as the notebook opens it: "" (the kit's own) stays "", a relative path is
    taken from the project folder (:func:`project_path`).
    """
    return str(project_path(value)) if value else ""
