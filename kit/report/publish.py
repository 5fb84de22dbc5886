"""Putting a staged report into the reports folder, keeping a failed run's copy, and the runner's lock."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kit.errors import KitError
from kit.outputs import VALUES_NAME, write_atomic
from kit.report.layout import FAILED, FILE_MODE, SEPARATOR, STAGING, shown
from kit.report.plan import Run


def publish_report(run: Run, notebook: Any, page: str, reports_dir: Path, staging: Path) -> None:
    """Move a successful report's notebook, page, values and tables from ``staging`` into ``reports_dir``.

    Tables the run no longer writes and a failed copy from an earlier run are removed.
    """
    import nbformat

    write_atomic(staging / f"{run.name}.ipynb", nbformat.writes(notebook) + "\n")
    write_atomic(staging / f"{run.name}.html", page)
    values = staging / VALUES_NAME
    if not values.exists():
        write_atomic(values, "{}\n")
    moves = {
        staging / f"{run.name}.ipynb": reports_dir / f"{run.name}.ipynb",
        staging / f"{run.name}.html": reports_dir / f"{run.name}.html",
        values: reports_dir / f"{run.name}.json",
    }
    for table in sorted(staging.glob("*.csv")):
        moves[table] = reports_dir / f"{run.name}{SEPARATOR}{table.stem}.csv"
    # Tables this run no longer writes would otherwise linger beside the new report.
    stale = set(reports_dir.glob(f"{run.name}{SEPARATOR}*.csv")) - set(moves.values())
    for source, target in moves.items():
        move(source, target)
    for path in sorted(stale):
        path.unlink(missing_ok=True)
    for path in (reports_dir / FAILED).glob(f"{run.name}.*"):
        path.unlink(missing_ok=True)


def keep_failed(run: Run, notebook: Any, page: str | None, reports_dir: Path, staging: Path) -> Path:
    """Keep a failed run's executed notebook (and its page, when safe to show) in ``reports_dir/failed``.

    Returns:
        The kept notebook's path.
    """
    import nbformat

    failed_dir = reports_dir / FAILED
    failed_dir.mkdir(parents=True, exist_ok=True)
    # Failed copies are for inspection, never for committing.
    if not (failed_dir / ".gitignore").exists():
        write_atomic(failed_dir / ".gitignore", "*\n")
    target = failed_dir / f"{run.name}.ipynb"
    write_atomic(staging / "failed.ipynb", nbformat.writes(notebook) + "\n")
    move(staging / "failed.ipynb", target)
    (failed_dir / f"{run.name}.html").unlink(missing_ok=True)
    if page is not None:
        write_atomic(staging / "failed.html", page)
        move(staging / "failed.html", failed_dir / f"{run.name}.html")
    return target


def move(source: Path, target: Path) -> None:
    """Rename ``source`` onto ``target`` (readable by everyone): a reader sees the old file or the new one."""
    os.chmod(source, FILE_MODE)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


@contextlib.contextmanager
def exclusive(reports_dir: Path) -> Iterator[None]:
    """Hold a lock on ``reports/.staging`` so two runs never share staging folders."""
    staging = reports_dir / STAGING
    staging.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock, runs must not overlap
        yield
        return
    with (staging / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise KitError(f"{shown(reports_dir)}: another report run is in progress") from None
        yield
