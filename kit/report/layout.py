"""Where a report's files live in a reports folder, and how paths are shown in messages and reports.

reports/<notebook-stem>__<slug>.{ipynb,html,json}   one report
reports/<notebook-stem>__<slug>__<table>.csv        its tables
reports/failed/                                     executed copies of failed runs (git ignores them)
reports/.staging/                                   the runner's working folder (one sub-folder per report)
"""

from __future__ import annotations

from pathlib import Path

from kit import config

# Between a notebook stem and a slug, and between a report name and a table name.
SEPARATOR = "__"
REPORT_SUFFIXES = (".ipynb", ".html", ".json", ".csv")
FILE_MODE = 0o644
# Folder names inside any reports folder (the real one is config.REPORTS; tests use their own).
STAGING = config.REPORTS_STAGING.name
FAILED = config.FAILED_REPORTS.name


def shown(path: Path | None) -> str:
    """A path as reports and messages show it: relative to the repository root when inside it."""
    if path is None:
        return ""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(config.ROOT).as_posix()
    except ValueError:
        return resolved.as_posix()
