"""The index page, ``reports/index.html``: the corpus, then every report with its parameters, values and files."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit import config
from kit.report.execute import Outcome
from kit.report.layout import (
    FAILED,
    NOTEBOOK_NAME,
    PAGE_NAME,
    REPORT_SUFFIXES,
    SEPARATOR,
    STAGING,
    VALUES_FILE,
    failed_folder,
    report_folder,
)
from kit.report.parameters import value_literal
from kit.report.plan import Run
from kit.report.publish import move, write_file
from kit.report.render import notebook_title
from kit.report.values import read_views


@dataclass(frozen=True)
class CorpusSummary:
    """What the index says about the corpus the reports are about."""

    name: str
    documents: int
    outlets: tuple[str, ...]
    first_published: str
    last_published: str
    manifest_sha256: str
    labels: Mapping[str, str]  # doc_id → "outlet · date · headline" (kit.display.document_labels)


def summarise_corpus(folder: Path) -> CorpusSummary:
    """Read ``folder``'s manifest (already checked by the run) into a :class:`CorpusSummary`."""
    import pandas as pd

    from kit.corpus import read_manifest
    from kit.display import document_labels

    manifest = folder / config.MANIFEST_NAME
    rows = [row for _, row in read_manifest(manifest)]
    days = sorted(row["published"][:10] for row in rows if row["published"])
    return CorpusSummary(
        name=folder.resolve().name,
        documents=len(rows),
        outlets=tuple(sorted({row["outlet"] for row in rows if row["outlet"]})),
        first_published=days[0] if days else "",
        last_published=days[-1] if days else "",
        manifest_sha256=hashlib.sha256(manifest.read_bytes()).hexdigest(),
        labels=document_labels(pd.DataFrame.from_records(rows, columns=["doc_id", "outlet", "published", "headline"])),
    )


def write_index(runs: Sequence[Run], reports_dir: Path, outcomes: Mapping[str, Outcome], corpus: CorpusSummary) -> Path:
    """Write ``index.html`` in ``reports_dir``: the corpus, every report with its parameters, values and links."""
    import jinja2

    notebooks: dict[str, dict[str, Any]] = {}
    for run in runs:
        entry = notebooks.setdefault(
            run.stem, {"stem": run.stem, "title": _title_from_file(run.notebook), "reports": []}
        )
        entry["reports"].append(_index_row(run, reports_dir, outcomes.get(run.name), corpus.labels))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(config.TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    page = environment.get_template("index.html.j2").render(
        notebooks=list(notebooks.values()),
        reports=list(runs),
        corpus=corpus,
        css=(config.TEMPLATES / "report" / "kit.css").read_text(encoding="utf-8"),
    )
    staging = reports_dir / STAGING / config.REPORT_INDEX_NAME
    write_file(staging, page)
    target = reports_dir / config.REPORT_INDEX_NAME
    move(staging, target)
    return target


def _index_row(run: Run, reports_dir: Path, outcome: Outcome | None, labels: Mapping[str, str]) -> dict[str, Any]:
    from urllib.parse import quote

    links: list[tuple[str, str]] = []
    folder = report_folder(reports_dir, run.name)
    has_report = (folder / PAGE_NAME).exists()
    if has_report:
        links += [(f"report ({PAGE_NAME})", PAGE_NAME), (f"notebook ({NOTEBOOK_NAME})", NOTEBOOK_NAME)]
        links.append((f"recorded values ({VALUES_FILE})", VALUES_FILE))
        links += [(f"table {table.name}", table.name) for table in sorted(folder.glob("*.csv"))]
        links = [(label, f"{quote(run.name)}/{quote(href)}") for label, href in links]
    failure = outcome.failure if outcome else ""
    if failure:
        failed = failed_folder(reports_dir, run.name)
        for file_name, label in ((PAGE_NAME, "failed run (HTML)"), (NOTEBOOK_NAME, "failed run (.ipynb)")):
            if (failed / file_name).exists():
                links.append((label, f"{FAILED}/{quote(run.name)}/{file_name}"))
    return {
        "name": run.name,
        "slug": run.slug,
        "overrides": [(name, value_literal(value)) for name, value in run.overrides.items()],
        "recorded": read_views(folder / VALUES_FILE, labels) if has_report else [],
        "files": links,
        "failure": failure,
        "has_report": has_report,
    }


def _title_from_file(notebook: Path) -> str:
    import nbformat

    try:
        return notebook_title(nbformat.read(str(notebook), as_version=4))
    except Exception:  # the index still lists a notebook whose file cannot be read
        return ""


def prune(runs: Sequence[Run], reports_dir: Path) -> list[Path]:
    """Delete report folders (and failed copies) of notebooks or parameter sets that no longer exist, and the
    files of the earlier one-folder layout (``<name>.html``, ``<name>__<table>.csv``); returns what was removed.
    """
    import shutil

    names = {run.name for run in runs}
    removed = []
    for folder in (reports_dir, reports_dir / FAILED):
        for path in sorted(folder.glob(f"*{SEPARATOR}*")) if folder.is_dir() else []:
            if path.is_dir() and not path.is_symlink():
                if path.name not in names and _only_report_files(path):
                    shutil.rmtree(path)
                    removed.append(path)
            elif path.is_file() and path.suffix in REPORT_SUFFIXES:
                path.unlink()  # the earlier layout kept every report's files side by side
                removed.append(path)
    return removed


def _only_report_files(folder: Path) -> bool:
    """A folder the runner wrote: files with report suffixes only (anything else is the user's, and stays)."""
    return all(path.is_file() and path.suffix in REPORT_SUFFIXES for path in folder.iterdir())
