"""The index page, ``reports/index.html``: every report with its parameters, headline values and files."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kit import config
from kit.report.execute import Outcome
from kit.report.layout import FAILED, REPORT_SUFFIXES, SEPARATOR, STAGING
from kit.report.parameters import value_literal
from kit.report.plan import Run
from kit.report.publish import move, write_file
from kit.report.render import notebook_title


def write_index(runs: Sequence[Run], reports_dir: Path, outcomes: Mapping[str, Outcome]) -> Path:
    """Write ``reports/index.html``: every report with its parameters, headline values and relative links."""
    import jinja2

    notebooks: dict[str, dict[str, Any]] = {}
    for run in runs:
        entry = notebooks.setdefault(
            run.stem, {"stem": run.stem, "title": _title_from_file(run.notebook), "reports": []}
        )
        entry["reports"].append(_index_row(run, reports_dir, outcomes.get(run.name)))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(config.TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    page = environment.get_template("index.html.j2").render(
        notebooks=list(notebooks.values()),
        reports=list(runs),
        css=(config.TEMPLATES / "report" / "kit.css").read_text(encoding="utf-8"),
    )
    staging = reports_dir / STAGING / config.REPORT_INDEX_NAME
    write_file(staging, page)
    target = reports_dir / config.REPORT_INDEX_NAME
    move(staging, target)
    return target


def _index_row(run: Run, reports_dir: Path, outcome: Outcome | None) -> dict[str, Any]:
    from urllib.parse import quote

    links: list[tuple[str, str]] = []
    has_report = (reports_dir / f"{run.name}.html").exists()
    if has_report:
        links += [("report (HTML)", f"{run.name}.html"), ("notebook (.ipynb)", f"{run.name}.ipynb")]
        links.append(("recorded values (JSON)", f"{run.name}.json"))
        for table in sorted(reports_dir.glob(f"{run.name}{SEPARATOR}*.csv")):
            links.append((f"table {table.stem[len(run.name) + len(SEPARATOR) :]} (CSV)", table.name))
    failure = outcome.failure if outcome else ""
    if failure:
        for suffix, label in ((".html", "failed run (HTML)"), (".ipynb", "failed run (.ipynb)")):
            if (reports_dir / FAILED / f"{run.name}{suffix}").exists():
                links.append((label, f"{FAILED}/{run.name}{suffix}"))
    return {
        "name": run.name,
        "slug": run.slug,
        "overrides": [(name, value_literal(value)) for name, value in run.overrides.items()],
        "headline_values": _headline_values(reports_dir / f"{run.name}.json") if has_report else [],
        "files": [(label, quote(href)) for label, href in links],
        "failure": failure,
        "has_report": has_report,
    }


def _headline_values(sidecar: Path) -> list[tuple[str, Any]]:
    """The sidecar's values as they were recorded (the template lays nested ones out as small tables)."""
    try:
        values = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(values, dict):
        return [("values", values)]
    return [(str(name), values[name]) for name in sorted(values)]


def _title_from_file(notebook: Path) -> str:
    import nbformat

    try:
        return notebook_title(nbformat.read(str(notebook), as_version=4))
    except Exception:  # the index still lists a notebook whose file cannot be read
        return ""


def prune(runs: Sequence[Run], reports_dir: Path) -> list[Path]:
    """Delete report files of notebooks or parameter sets that no longer exist; returns what was removed."""
    names = {run.name for run in runs}
    removed = []
    candidates = [*reports_dir.glob(f"*{SEPARATOR}*"), *(reports_dir / FAILED).glob(f"*{SEPARATOR}*")]
    for path in sorted(candidates):
        if not path.is_file() or path.suffix not in REPORT_SUFFIXES:
            continue
        parts = path.name.split(SEPARATOR)
        slug = parts[1][: -len(path.suffix)] if len(parts) == 2 else parts[1]
        name = f"{parts[0]}{SEPARATOR}{slug}"
        if name not in names:
            path.unlink()
            removed.append(path)
    return removed
