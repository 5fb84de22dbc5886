"""Putting a staged report into the reports folder as one unit, keeping a failed run's copy, and the runner's lock.

A report is a set of files with fixed names (``<name>.ipynb``, ``.html``, ``.json``, ``<name>__<table>.csv``),
so the set cannot be switched by one rename. Instead every file is staged in ``.staging/<name>/``, then a
small journal, ``.staging/<name>.publish.json``, lists the renames and removals that turn the old set into
the new one. Writing the journal (atomically) is the commit point:

- killed before it: the next run removes the staging folder, and the old set was never touched;
- killed after it, between two renames: the next run finds the journal and finishes the renames (the staged
  files that were not moved yet are still there), so the set ends wholly new.

Each rename replaces one whole file, so no file is ever half-written.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kit.errors import KitError
from kit.outputs import VALUES_NAME, write_atomic
from kit.report.layout import FAILED, FILE_MODE, SEPARATOR, STAGING, shown
from kit.report.plan import Run

if TYPE_CHECKING:
    from nbformat import NotebookNode

JOURNAL_SUFFIX = ".publish.json"
# What a full disk, a read-only mount or a folder without write permission raise.
UNWRITABLE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})
# Where kernels write their connection files (with ports and keys), so a killed run's are cleaned next time.
KERNELS = "kernels"
LOCK = ".lock"


class ReportsUnwritable(KitError):
    """The reports folder cannot be written (full, read-only, no permission); the run stops."""


@contextlib.contextmanager
def writing_reports(reports_dir: Path) -> Iterator[None]:
    """Turn a full disk or a read-only reports folder into one line naming the path the kit was writing.

    Raises:
        ReportsUnwritable: for an :data:`UNWRITABLE` error; other errors pass unchanged.
    """
    try:
        yield
    except OSError as err:
        if err.errno not in UNWRITABLE:
            raise
        path = err.filename2 or err.filename or reports_dir
        raise ReportsUnwritable(f"{shown(Path(path))}: cannot write ({os.strerror(err.errno)})") from None


def write_file(path: Path, data: str) -> None:
    """:func:`kit.outputs.write_atomic`, with ``path`` (not its random temporary name) in an error."""
    try:
        write_atomic(path, data)
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(path)) from None


@dataclass(frozen=True)
class Move:
    """One staged file and the name it takes; both relative to the reports folder (POSIX separators)."""

    staged: str
    target: str


@dataclass(frozen=True)
class Publication:
    """What turns a report's old files into its new set: renames, then removals of files the set no longer has."""

    name: str
    moves: tuple[Move, ...]
    removals: tuple[str, ...] = ()


def stage_report(run: Run, notebook: NotebookNode, page: str, reports_dir: Path, staging: Path) -> Publication:
    """Write a successful report's notebook, page and values beside its tables in ``staging``; plan the switch.

    The new set replaces the old one; tables the run no longer writes and an earlier run's failed copy go.
    """
    import nbformat

    write_file(staging / f"{run.name}.ipynb", nbformat.writes(notebook) + "\n")
    write_file(staging / f"{run.name}.html", page)
    values = staging / VALUES_NAME
    if not values.exists():
        write_file(values, "{}\n")
    moves = {
        staging / f"{run.name}.ipynb": reports_dir / f"{run.name}.ipynb",
        staging / f"{run.name}.html": reports_dir / f"{run.name}.html",
        values: reports_dir / f"{run.name}.json",
    }
    for table in sorted(staging.glob("*.csv")):
        moves[table] = reports_dir / f"{run.name}{SEPARATOR}{table.stem}.csv"
    # Tables this run no longer writes would otherwise linger beside the new report.
    stale = set(reports_dir.glob(f"{run.name}{SEPARATOR}*.csv")) - set(moves.values())
    stale |= set((reports_dir / FAILED).glob(f"{run.name}.*"))
    return _publication(run.name, reports_dir, moves, sorted(stale))


def stage_failed(run: Run, notebook: NotebookNode, page: str | None, reports_dir: Path, staging: Path) -> Publication:
    """Stage a failed run's executed notebook (and its page, when safe to show) for ``reports_dir/failed``."""
    import nbformat

    failed_dir = reports_dir / FAILED
    failed_dir.mkdir(parents=True, exist_ok=True)
    # Failed copies are for inspection, never for committing.
    if not (failed_dir / ".gitignore").exists():
        write_file(failed_dir / ".gitignore", "*\n")
    write_file(staging / "failed.ipynb", nbformat.writes(notebook) + "\n")
    moves = {staging / "failed.ipynb": failed_dir / f"{run.name}.ipynb"}
    removals = []
    if page is None:
        removals.append(failed_dir / f"{run.name}.html")
    else:
        write_file(staging / "failed.html", page)
        moves[staging / "failed.html"] = failed_dir / f"{run.name}.html"
    return _publication(run.name, reports_dir, moves, removals)


def _publication(name: str, reports_dir: Path, moves: dict[Path, Path], removals: Sequence[Path]) -> Publication:
    def relative(path: Path) -> str:
        return path.relative_to(reports_dir).as_posix()

    return Publication(
        name,
        tuple(Move(relative(staged), relative(target)) for staged, target in moves.items()),
        tuple(relative(path) for path in removals),
    )


def commit(publication: Publication, reports_dir: Path) -> None:
    """Switch the set: write the journal (from then on the switch is decided), apply it, then drop the journal."""
    journal = journal_path(reports_dir, publication.name)
    record = {
        "moves": [{"staged": move.staged, "target": move.target} for move in publication.moves],
        "removals": list(publication.removals),
    }
    write_file(journal, json.dumps(record, indent=1, sort_keys=True) + "\n")
    _apply(publication, reports_dir)
    journal.unlink()


def journal_path(reports_dir: Path, name: str) -> Path:
    """The journal of report ``name``'s switch; it exists only while that switch is unfinished."""
    return reports_dir / STAGING / f"{name}{JOURNAL_SUFFIX}"


def _apply(publication: Publication, reports_dir: Path) -> None:
    for item in publication.moves:
        staged = reports_dir / item.staged
        if staged.exists():  # else it was moved before an interruption
            move(staged, reports_dir / item.target)
    for removal in publication.removals:
        (reports_dir / removal).unlink(missing_ok=True)


def recover(reports_dir: Path) -> list[str]:
    """Finish every switch an interrupted run committed, then remove what interrupted runs left in staging.

    Returns:
        The names of the reports whose switch was finished.

    Raises:
        KitError: a journal that is not one this module wrote.
    """
    staging = reports_dir / STAGING
    finished = []
    for journal in sorted(staging.glob(f"*{JOURNAL_SUFFIX}")):
        name = journal.name[: -len(JOURNAL_SUFFIX)]
        _apply(_read_journal(journal, name), reports_dir)
        journal.unlink()
        finished.append(name)
    for leftover in sorted(staging.iterdir()) if staging.is_dir() else []:
        if leftover.name == LOCK:
            continue
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()
    # A temporary file of kit.outputs.write_atomic, when a run was killed while writing in place.
    for leftover in [*reports_dir.glob(".*.tmp"), *(reports_dir / FAILED).glob(".*.tmp")]:
        leftover.unlink()
    return finished


def _read_journal(journal: Path, name: str) -> Publication:
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        moves = tuple(Move(str(item["staged"]), str(item["target"])) for item in record["moves"])
        removals = tuple(str(path) for path in record["removals"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise KitError(f"{shown(journal)}: unreadable publish journal ({type(err).__name__}); remove it") from None
    for path in [*(item.staged for item in moves), *(item.target for item in moves), *removals]:
        if path.startswith("/") or ".." in Path(path).parts:
            raise KitError(f"{shown(journal)}: publish journal names a path outside the reports folder; remove it")
    return Publication(name, moves, removals)


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
    with (staging / LOCK).open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise KitError(f"{shown(reports_dir)}: another report run is in progress") from None
        yield
