"""Where a report's files live in a reports folder, and how paths are shown in messages and reports.

reports/index.html                                    every report, its parameters, headline values and files
reports/<notebook-stem>__<slug>/                      one report set, switched into place as one folder:
    report.html, report.ipynb, values.json, <table>.csv
reports/reader/                                       a page per article (<doc_id>.html) and their list (index.html),
                                                      switched into place as one folder (kit.report.reader)
reports/failed/<notebook-stem>__<slug>/               the executed copy of a failed run (git ignores failed/)
reports/.staging/                                     the runner's working folder (one sub-folder per report)
reports/.presskit-site.json                           the site's record: its corpus and the files the kit wrote
"""

from __future__ import annotations

import os
from pathlib import Path

from kit import config
from kit.presentation.outputs import VALUES_NAME

# Between a notebook stem and a slug.
SEPARATOR = "__"
# The fixed file names inside a report's folder; its tables keep the names the notebook gave them.
PAGE_NAME = "report.html"
NOTEBOOK_NAME = "report.ipynb"
VALUES_FILE = VALUES_NAME
FILE_MODE = 0o644
FOLDER_MODE = 0o755
# Folder names inside any reports folder (the real one is config.REPORTS; tests use their own).
STAGING = config.REPORTS_STAGING.name
FAILED = config.FAILED_REPORTS.name
# The reader pages' folder inside any reports folder.
READER = "reader"
READER_INDEX = "index.html"


def report_folder(reports_dir: Path, name: str) -> Path:
    """The folder of report ``name`` (``<notebook-stem>__<slug>``)."""
    return reports_dir / name


def failed_folder(reports_dir: Path, name: str) -> Path:
    """The folder of report ``name``'s last failed run."""
    return reports_dir / FAILED / name


def shown(path: Path | None) -> str:
    """A path as reports and messages show it: relative to the repository root when inside it."""
    if path is None:
        return ""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(config.ROOT).as_posix()
    except ValueError:
        return resolved.as_posix()


def relative_to_root(path: Path) -> str:
    """``path`` relative to the repository root, with ``..`` where it lies outside (never absolute, on POSIX)."""
    return Path(os.path.relpath(Path(path).resolve(), config.ROOT)).as_posix()
