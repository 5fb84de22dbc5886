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
    READER,
    READER_INDEX,
    STAGING,
    VALUES_FILE,
    failed_folder,
    relative_to_root,
    report_folder,
)
from kit.report.parameters import RUNNER_FILES, value_literal
from kit.report.plan import Run
from kit.report.publish import move, write_file
from kit.report.render import notebook_title
from kit.report.site import SiteRecord, write_record
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
    labels: Mapping[str, str]  # doc_id → "outlet · date · headline" (kit.presentation.display.document_labels)


def summarise_corpus(folder: Path) -> CorpusSummary:
    """Read ``folder``'s manifest (already checked by the run) into a :class:`CorpusSummary`."""
    import pandas as pd

    from kit.ingest.corpus import read_manifest
    from kit.presentation.display import document_labels

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


def regenerate_command(
    corpus: Path, reports_dir: Path, params_dir: Path = config.PARAMS, options: Mapping[str, Any] | None = None
) -> str:
    """The command that rebuilds this site, as typed in the project folder: ``make report`` for the seeds' own site,
    else ``kit report`` with the corpus, site and parameter folders this run had (relative to the project folder)
    and the runner's ``options`` (``--dictionary FILE``, ``--periods …``: see
    :data:`kit.report.parameters.RUNNER_OPTIONS`).
    """
    import shlex

    folders = [
        (flag, path)
        for flag, path, default in (
            ("--corpus", corpus, config.SEEDS),
            ("--out", reports_dir, config.REPORTS),
            ("--params", params_dir, config.PARAMS),
        )
        if Path(path).resolve() != default.resolve()
    ]
    words = [f"{flag} {shlex.quote(relative_to_root(path))}" for flag, path in folders]
    for name, value in (options or {}).items():
        values = [relative_to_root(Path(value))] if name in RUNNER_FILES else list(value)
        words.append(" ".join([f"--{name}", *map(shlex.quote, values)]))
    return " ".join([".venv/bin/python -m kit report", *words]) if words else "make report"


def write_index(
    runs: Sequence[Run],
    reports_dir: Path,
    outcomes: Mapping[str, Outcome],
    corpus: CorpusSummary,
    record: SiteRecord,
    regenerate: str = "make report",
) -> tuple[Path, SiteRecord]:
    """Write ``index.html`` in ``reports_dir``: the corpus, every report with its parameters, values and links, and
    ``regenerate``, the command that rebuilds the site (:func:`regenerate_command`).

    Returns:
        The index's path, and the site's record listing it (written, when it did not yet).
    """
    import jinja2

    notebooks: dict[str, dict[str, Any]] = {}
    for run in runs:
        entry = notebooks.setdefault(
            run.stem, {"stem": run.stem, "title": _title_from_file(run.notebook), "reports": []}
        )
        row = _index_row(run, reports_dir, outcomes.get(run.name), corpus.labels, record.under(run.name))
        entry["reports"].append(row)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(config.TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    page = environment.get_template("index.html.j2").render(
        notebooks=list(notebooks.values()),
        reports=list(runs),
        corpus=corpus,
        regenerate=regenerate,
        reader=f"{READER}/{READER_INDEX}" if f"{READER}/{READER_INDEX}" in record.files else "",
        css=(config.TEMPLATES / "report" / "kit.css").read_text(encoding="utf-8"),
    )
    staging = reports_dir / STAGING / config.REPORT_INDEX_NAME
    write_file(staging, page)
    if config.REPORT_INDEX_NAME not in record.files:
        record = SiteRecord(record.corpus, record.files | {config.REPORT_INDEX_NAME})
        write_record(reports_dir, record)
    target = reports_dir / config.REPORT_INDEX_NAME
    move(staging, target)
    return target, record


def _index_row(
    run: Run, reports_dir: Path, outcome: Outcome | None, labels: Mapping[str, str], kit_files: set[str]
) -> dict[str, Any]:
    """A report's row: its files as the site's record lists them (a user's file in its folder is not linked)."""
    from urllib.parse import quote

    links: list[tuple[str, str]] = []
    folder = report_folder(reports_dir, run.name)
    has_report = PAGE_NAME in kit_files and (folder / PAGE_NAME).is_file()
    tables = sorted(name for name in kit_files if name.endswith(".csv") and "/" not in name)
    if has_report:
        links += [(f"report ({PAGE_NAME})", PAGE_NAME), (f"notebook ({NOTEBOOK_NAME})", NOTEBOOK_NAME)]
        links.append((f"recorded values ({VALUES_FILE})", VALUES_FILE))
        links += [(f"table {table}", table) for table in tables]
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
