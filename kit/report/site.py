"""Which folder is a report site, and which of its files are the kit's: the site's record, ``.presskit-site.json``.

``kit report`` writes the record in a site it makes (a new or empty folder) and keeps it up to date: the corpus the
reports were made from and every file the kit wrote (report folders, failed copies, the index). A folder is a site
only when it holds a record; anything the record does not list is someone else's and stays, wherever it is:
a note inside a report's folder moves with the report's next set, a CSV beside the reports, a corpus folder
placed inside the site, a ``.staging`` folder the kit did not make. The record is written whole (a temporary
file renamed), before a report set is switched (listing both the old set and the new) and after it (the new set
only), so whenever a run is killed every file the kit wrote is listed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kit import config
from kit.errors import KitError
from kit.presentation.outputs import write_atomic
from kit.report.layout import FAILED, FILE_MODE, SEPARATOR, shown

MARKER = ".presskit-site.json"
# What the record says about itself, for a reader who opens it.
ABOUT = "written by kit report: the corpus of this site and every file the kit wrote here (the only files it removes)"


@dataclass(frozen=True)
class SiteRecord:
    """A site's record.

    Attributes:
        corpus: the corpus folder the reports were made from, relative to the repository root (as the reports
            name it); ``""`` while a full run for another corpus is rebuilding the site.
        files: every file the kit wrote in the site, as POSIX paths relative to it.
    """

    corpus: str
    files: frozenset[str] = frozenset()

    def under(self, folder: str) -> set[str]:
        """The kit's files inside ``folder`` (a path relative to the site), relative to that folder."""
        prefix = folder.rstrip("/") + "/"
        return {path[len(prefix) :] for path in self.files if path.startswith(prefix)}

    def adding(self, folder: str, names: Iterable[str]) -> SiteRecord:
        """The record with ``names`` (relative to ``folder``) listed as the kit's too."""
        return SiteRecord(self.corpus, self.files | {f"{folder}/{name}" for name in names})

    def replacing(self, folder: str, names: Iterable[str]) -> SiteRecord:
        """The record with exactly ``names`` (relative to ``folder``) as the kit's files in ``folder``."""
        prefix = folder.rstrip("/") + "/"
        kept = {path for path in self.files if not path.startswith(prefix)}
        return SiteRecord(self.corpus, frozenset(kept | {f"{folder}/{name}" for name in names}))

    def report_folders(self) -> list[str]:
        """The report folders (``<stem>__<slug>`` and ``failed/<stem>__<slug>``) the record lists files in."""
        folders = set()
        for path in self.files:
            parts = path.split("/")
            depth = 2 if parts[0] == FAILED else 1
            if len(parts) > depth and SEPARATOR in parts[depth - 1]:
                folders.add("/".join(parts[:depth]))
        return sorted(folders)


def read_record(site: Path) -> SiteRecord | None:
    """The record of folder ``site``, or None when it has none.

    Raises:
        KitError: a record the kit did not write (not JSON, other fields, a path leaving the site).
    """
    path = site / MARKER
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        corpus, files = data["corpus"], data["files"]
        if not isinstance(corpus, str) or not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise KitError(f"{shown(path)}: not a site record kit report wrote ({type(err).__name__}); remove it") from None
    for name in files:
        if not name or name.startswith("/") or ".." in name.split("/") or name.split("/")[0] == MARKER:
            raise KitError(f"{shown(path)}: the site record names a path outside the site ({name!r}); remove it")
    return SiteRecord(corpus, frozenset(files))


def write_record(site: Path, record: SiteRecord) -> None:
    """Replace the site's record, whole."""
    text = json.dumps({"about": ABOUT, "corpus": record.corpus, "files": sorted(record.files)}, indent=1)
    path = site / MARKER
    try:
        write_atomic(path, text + "\n")
        os.chmod(path, FILE_MODE)
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(path)) from None


def check_site(site: Path, *, corpus: str, only: bool) -> None:
    """Refuse a site folder the kit did not make, and ``--only`` on a site made from another corpus.

    Args:
        site: the site folder (``--out``).
        corpus: this run's corpus folder, relative to the repository root (``seeds`` for the seeds).
        only: whether the run is of some reports only (the others would stay as another corpus's).

    Raises:
        KitError: ``site`` is a file; a folder that is not empty and has no record; ``only`` on a site whose
            record names another corpus (or a full run for another corpus that stopped).
    """
    if site.exists() and not site.is_dir():
        raise KitError(f"--out {shown(site)}: not a folder; name a new or empty folder for the site")
    if not site.is_dir():
        return
    record = read_record(site)
    if record is None:
        if any(site.iterdir()):
            raise KitError(
                f"--out {shown(site)}: holds files but no {MARKER}, so it is not a site kit report made; "
                "name a new or empty folder for the site"
            )
        return
    if only and record.corpus != corpus:
        if not record.corpus:
            raise KitError(
                f"--only: {shown(site)} is partly rebuilt for another corpus (a full run stopped); "
                f"run without --only to rebuild it for {shown(config.ROOT / corpus)}"
            )
        raise KitError(
            f"--only: {shown(site)} was made from the corpus {shown(config.ROOT / record.corpus)}, not "
            f"{shown(config.ROOT / corpus)}; run without --only to rebuild it whole, or give another --out"
        )


def open_record(site: Path, *, corpus: str, only: bool) -> SiteRecord:
    """The site's record for this run, written first in a site the kit makes now.

    A full run for another corpus than the record's marks the site as being rebuilt (``corpus`` ``""``) until it
    ends (the runner then writes the new corpus), so that ``--only`` meanwhile refuses it.
    """
    record = read_record(site) or SiteRecord(corpus)
    if not only and record.corpus != corpus:
        record = SiteRecord("", record.files)
    if not (site / MARKER).is_file() or record.corpus != corpus:
        write_record(site, record)
    return record


def user_entries(folder: Path, kit_files: set[str], prefix: str = "") -> list[str]:
    """Paths (relative to ``folder``) of the files, links and empty folders inside it that are not ``kit_files``."""
    found = []
    for path in sorted(folder.iterdir()):
        name = prefix + path.name
        if path.is_dir() and not path.is_symlink():
            inner = user_entries(path, kit_files, name + "/")
            found += inner if inner or any(path.iterdir()) else [name + "/"]
        elif name not in kit_files:
            found.append(name)
    return found


def keep_user_entries(target: Path, staged: Path, kit_files: set[str]) -> list[str]:
    """Put into ``staged`` (a report's new set) the entries of ``target`` (its folder now) that the kit did not
    write, so that switching the two keeps them: hard links (copies where a link fails), the originals untouched.

    Returns:
        The entries that the new set writes too, so cannot be kept beside it (nothing is linked then).
    """
    entries = user_entries(target, kit_files) if target.is_dir() and not target.is_symlink() else []
    clashes = [name for name in entries if _taken(staged, name.rstrip("/"))]
    if clashes:
        return clashes
    for name in entries:
        source, copy = target / name, staged / name
        if name.endswith("/"):
            copy.mkdir(parents=True, exist_ok=True)
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), copy)
            continue
        try:
            os.link(source, copy)
        except OSError:  # a file system without hard links
            shutil.copy2(source, copy)
    return []


def _taken(folder: Path, name: str) -> bool:
    """Whether ``folder / name`` exists, or one of the folders it would be in is a file there."""
    parts = Path(name).parts
    for depth in range(1, len(parts) + 1):
        path = folder.joinpath(*parts[:depth])
        if not os.path.lexists(path):
            return False
        if depth == len(parts) or path.is_symlink() or not path.is_dir():
            return True
    return False


def kit_files_of(folder: Path) -> list[str]:
    """The files of a staged set (all written by the kit), relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def remove_kit_files(site: Path, folder: str, record: SiteRecord) -> SiteRecord:
    """Delete the kit's files in ``folder`` (relative to the site), then the folders they leave empty.

    Returns:
        The record without them.
    """
    base = site / folder
    if base.is_dir() and not _through_link(site, folder):
        for name in sorted(record.under(folder)):
            path = base / name
            if (path.is_symlink() or path.is_file()) and not _through_link(base, str(Path(name).parent)):
                path.unlink()
        folders = sorted((p for p in base.rglob("*") if p.is_dir() and not p.is_symlink()), key=lambda p: -len(p.parts))
        for path in [*folders, base]:
            if not any(path.iterdir()):
                path.rmdir()
    return record.replacing(folder, [])


def _through_link(base: Path, relative: str) -> bool:
    """Whether ``base / relative`` passes through a symbolic link (the kit never follows one to delete)."""
    path = base
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False


def prune(
    site: Path, record: SiteRecord, *, reports: Sequence[str], failed: Sequence[str]
) -> tuple[list[Path], SiteRecord]:
    """Delete the kit's files of every report folder not named in ``reports`` and failed copy not in ``failed``.

    Returns:
        The folders pruned, and the record without their files. A user's file in such a folder keeps it.
    """
    removed = []
    for folder in record.report_folders():
        keep = failed if folder.startswith(f"{FAILED}/") else reports
        if folder.split("/")[-1] not in keep:
            record = remove_kit_files(site, folder, record)
            removed.append(site / folder)
    return removed, record
