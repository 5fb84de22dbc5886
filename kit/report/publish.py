"""Putting a staged report into the reports folder as one unit, keeping a failed run's copy, and the runner's lock.

A report is one folder, ``reports/<name>/`` (see :mod:`~kit.report.layout`). A run builds the new set whole in
``.staging/<name>/`` and then switches folders, so a reader of ``reports/<name>/`` sees the old set or the new
one, never a mixture:

- no earlier set: one rename puts the new folder in place;
- Linux: ``renameat2(RENAME_EXCHANGE)`` swaps the two folders in one step; the old set, now in staging, goes;
- elsewhere (or a file system without the exchange): a small journal, ``.staging/publish/<name>.json``, is
  written (the commit point), the old folder is renamed aside and the new one into place. Killed between the
  two renames, the set is absent (still never mixed) until the next run, which finishes the switch from
  the journal.

Each file inside a folder is written whole (:func:`kit.presentation.outputs.write_atomic`) before any switch. Files in
the target folder that the kit did not write (the site's record, :mod:`~kit.report.site`, says which) are linked into
the new set first, so the switch keeps them.

Only the process holding the site's lock (:func:`exclusive`) switches sets and writes the record and the index; a
worker executes a notebook into its own staging folder, and ends when that process ends
(:mod:`kit.compute.lifetime`), so nothing writes to a site once its lock is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kit import config
from kit.errors import KitError
from kit.presentation.outputs import write_atomic
from kit.report import site
from kit.report.layout import (
    FILE_MODE,
    FOLDER_MODE,
    NOTEBOOK_NAME,
    PAGE_NAME,
    READER,
    SEPARATOR,
    STAGING,
    VALUES_FILE,
    shown,
)
from kit.report.site import SiteRecord

if TYPE_CHECKING:
    from nbformat import NotebookNode

# The journals of switches under way, and the old sets they put aside, inside the staging folder.
JOURNALS = "publish"
ASIDE = "aside"
# What a full disk, a read-only mount or a folder without write permission raise.
UNWRITABLE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})
# Where kernels write their connection files (with ports and keys), so a killed run's are cleaned next time.
KERNELS = "kernels"
LOCK = ".lock"
# What the kit itself puts in a staging folder, besides a folder per report (``<stem>__<slug>``): the reader's too.
STAGED_NAMES = frozenset({LOCK, KERNELS, JOURNALS, ASIDE, READER, config.REPORT_INDEX_NAME})
# renameat2(2): both paths relative to the working directory, and swap them.
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# What renameat2 sets when the kernel or the file system cannot exchange: fall back to two renames.
_NO_EXCHANGE = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP})


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
    """:func:`kit.presentation.outputs.write_atomic`, with ``path`` (not its random temporary name) in an error."""
    try:
        write_atomic(path, data)
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(path)) from None


def stage_report(notebook: NotebookNode, page: str, staging: Path) -> None:
    """Write a successful report's notebook and page beside the values and tables its run wrote in ``staging``."""
    import nbformat

    write_file(staging / NOTEBOOK_NAME, nbformat.writes(notebook) + "\n")
    write_file(staging / PAGE_NAME, page)
    if not (staging / VALUES_FILE).exists():
        write_file(staging / VALUES_FILE, "{}\n")


def stage_failed(notebook: NotebookNode, page: str | None, staging: Path) -> None:
    """Leave in ``staging`` only a failed run's executed notebook and its page (when safe to show)."""
    import nbformat

    for path in sorted(staging.iterdir()):
        if path.name != NOTEBOOK_NAME:
            path.unlink()
    write_file(staging / NOTEBOOK_NAME, nbformat.writes(notebook) + "\n")
    if page is not None:
        write_file(staging / PAGE_NAME, page)


def ignored_by_git(folder: Path, reports_dir: Path, record: SiteRecord) -> SiteRecord:
    """Make ``folder`` (failed copies: for inspection, never for committing) ignored by git; returns the record
    with its ``.gitignore`` (written, when the kit writes it now).
    """
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if ignore.exists():
        return record
    updated = record.adding(_relative(folder, reports_dir), [ignore.name])
    site.write_record(reports_dir, updated)
    write_file(ignore, "*\n")
    return updated


def install(staged: Path, target: Path, reports_dir: Path, record: SiteRecord) -> tuple[SiteRecord, list[str]]:
    """Switch folder ``staged`` into ``target`` (:func:`switch`) keeping what the kit did not write in ``target``.

    The record lists the files of both sets while the switch is under way and the new set's after it, so the
    files the kit wrote are known whenever the run is killed.

    Returns:
        The record, written; and the entries of ``target`` that are not the kit's but that the new set writes too
        (nothing is switched then).
    """
    folder = _relative(target, reports_dir)
    if os.path.lexists(target) and (target.is_symlink() or not target.is_dir()):
        return record, [""]  # a file or link in the report folder's place: not the kit's
    new = site.kit_files_of(staged)
    clashes = site.keep_user_entries(target, staged, record.under(folder))
    if clashes:
        return record, clashes
    both = record.adding(folder, new)
    if both != record:
        site.write_record(reports_dir, both)
    switch(staged, target, reports_dir)
    final = both.replacing(folder, new)
    if final != both:
        site.write_record(reports_dir, final)
    return final, []


def switch(staged: Path, target: Path, reports_dir: Path) -> None:
    """Replace folder ``target`` by folder ``staged`` as one unit (see the module's description)."""
    for path in staged.iterdir():
        os.chmod(path, FILE_MODE)
    os.chmod(staged, FOLDER_MODE)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not os.path.lexists(target):
        os.rename(staged, target)
        return
    if exchange(staged, target):
        shutil.rmtree(staged)
        return
    journal = journal_path(reports_dir, target)
    record = {"staged": _relative(staged, reports_dir), "target": _relative(target, reports_dir)}
    write_file(journal, json.dumps(record, indent=1, sort_keys=True) + "\n")
    _finish(journal, staged, target, reports_dir)


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing folders in one step; ``False`` where the system cannot (the caller then falls back)."""
    rename = _renameat2()
    if rename is None:
        return False
    if rename(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        rename: Callable[..., int] = libc.renameat2
        return rename
    except (OSError, AttributeError):  # not glibc 2.28+ (or musl without it): fall back
        return None


def journal_path(reports_dir: Path, target: Path) -> Path:
    """The journal of the switch of folder ``target``; it exists only while that switch is unfinished."""
    return reports_dir / STAGING / JOURNALS / f"{_relative(target, reports_dir)}.json"


def _finish(journal: Path, staged: Path, target: Path, reports_dir: Path) -> None:
    """Do what is left of a journalled switch (each step can be repeated after an interruption), then drop it."""
    aside = reports_dir / STAGING / ASIDE / _relative(target, reports_dir)
    aside.parent.mkdir(parents=True, exist_ok=True)
    if staged.exists():
        if os.path.lexists(target):
            shutil.rmtree(aside, ignore_errors=True)
            os.rename(target, aside)
        os.rename(staged, target)
    shutil.rmtree(aside, ignore_errors=True)
    journal.unlink()


def recover(reports_dir: Path) -> list[str]:
    """Finish every switch an interrupted run committed, then remove what interrupted runs left in staging.

    Returns:
        The folders (relative to the reports folder) whose switch was finished.

    Raises:
        KitError: a journal that is not one this module wrote.
    """
    staging = reports_dir / STAGING
    finished = []
    journals = staging / JOURNALS
    for journal in sorted(journals.rglob("*.json")) if journals.is_dir() else []:
        staged, target = _read_journal(journal, reports_dir)
        _finish(journal, staged, target, reports_dir)
        finished.append(_relative(target, reports_dir))
    for leftover in sorted(staging.iterdir()) if staging.is_dir() else []:
        if leftover.name not in STAGED_NAMES and SEPARATOR not in leftover.name:
            continue  # not a name the kit gives anything in its staging folder: not the kit's to remove
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover)
        elif leftover.name != LOCK:
            leftover.unlink()
    # A temporary file of kit.presentation.outputs.write_atomic, when a run was killed while writing the index or the
    # record.
    for name in (config.REPORT_INDEX_NAME, site.MARKER):
        for leftover in reports_dir.glob(f".{name}.*.tmp"):
            leftover.unlink()
    return finished


def _read_journal(journal: Path, reports_dir: Path) -> tuple[Path, Path]:
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        paths = {key: str(record[key]) for key in ("staged", "target")}
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise KitError(f"{shown(journal)}: unreadable publish journal ({type(err).__name__}); remove it") from None
    for path in paths.values():
        if not path or path.startswith("/") or ".." in Path(path).parts:
            raise KitError(f"{shown(journal)}: publish journal names a path outside the reports folder; remove it")
    return reports_dir / paths["staged"], reports_dir / paths["target"]


def _relative(path: Path, reports_dir: Path) -> str:
    return path.relative_to(reports_dir).as_posix()


def move(source: Path, target: Path) -> None:
    """Rename file ``source`` onto ``target`` (readable by everyone): a reader sees the old file or the new one."""
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
