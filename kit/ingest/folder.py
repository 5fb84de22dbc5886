"""Write a corpus folder (articles + manifest) safely: all of it or nothing.

``kit import`` and ``kit synth`` both write through :func:`staged`: the folder is built in a hidden
sibling (``.DIR.partial-*``) and renamed into place only when every file is written, so an error half-way
leaves the target untouched. The manifest is written row by row (:class:`ManifestWriter`), so a corpus of
any size never has to be held in memory.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from kit import config
from kit.errors import KitError
from kit.types import MANIFEST_COLUMNS

# Every column a manifest can carry; timezone and notes are written (empty when unknown) so the folder
# validates whether or not the loader treats them as optional.
WRITTEN_COLUMNS = MANIFEST_COLUMNS


@contextmanager
def staged(out: str | Path, *, force: bool = False, sources: Sequence[Path] = ()) -> Iterator[Path]:
    """A temporary folder that becomes ``out`` when the ``with`` block ends without an error.

    Args:
        out: the corpus folder to create.
        force: replace ``out`` if it exists and is not empty (it is removed only after the new one is complete).
        sources: what the new folder is made from; ``out`` may not be one of them or hold one.

    Raises:
        KitError: ``out`` is a file, a non-empty folder and ``force`` is not set, the kit's seeds folder, a
            source (raw articles are never replaced, not even with ``force``), or inside the seeds or another
            corpus folder (a folder with a manifest: a corpus is only read); a file that cannot be written (a full
            disk, a file too large for the file system): the staging folder is removed and nothing is written.
    """
    target = Path(out)
    for kept in (config.SEEDS, *sources):
        if kept.resolve() == target.resolve() or target.resolve() in kept.resolve().parents:
            raise KitError(f"{target}: holds the articles this is made from; choose another --out")
    corpus = enclosing_corpus(target)
    if corpus is not None:
        raise KitError(f"{target}: inside the corpus folder {corpus} (a corpus is only read); choose another --out")
    if target.exists() and not target.is_dir():
        raise KitError(f"{target}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise KitError(f"{target}: folder exists and is not empty (use --force to replace it)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    except OSError as err:
        raise KitError(f"{target}: cannot write ({err.strerror or err}); nothing written") from None
    try:
        yield staging
    except OSError as err:  # a full disk, a file larger than the file system allows: one line, nothing left
        shutil.rmtree(staging, ignore_errors=True)
        raise KitError(f"{target}: cannot write ({err.strerror or err}); nothing written") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)  # mkdtemp makes the folder private; a corpus folder is an ordinary one
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(retired / target.name)
        staging.rename(target)
        shutil.rmtree(retired)
    else:
        staging.rename(target)


def enclosing_corpus(path: Path, *, itself: bool = False) -> Path | None:
    """The seeds folder or a corpus folder (one with a manifest) that ``path`` lies inside (or is, with ``itself``).

    A folder that cannot be looked into does not count as a corpus folder.
    """
    resolved = path.resolve()
    seeds = config.SEEDS.resolve()
    for folder in (resolved, *resolved.parents) if itself else resolved.parents:
        try:
            if folder == seeds or (folder / config.MANIFEST_NAME).is_file():
                return folder
        except OSError:
            continue
    return None


class ManifestWriter:
    """Appends manifest rows (dicts keyed by column) to ``folder/manifest.csv`` as they are made."""

    def __init__(self, handle: TextIO, extra: Sequence[str] = ()) -> None:
        self._columns = [*WRITTEN_COLUMNS, *extra]
        self._writer = csv.DictWriter(handle, fieldnames=self._columns, lineterminator="\n")
        self._writer.writeheader()

    def write(self, row: dict[str, str]) -> None:
        """One row; missing columns are written empty, unknown keys are refused (a programming error)."""
        self._writer.writerow({column: row.get(column, "") for column in self._columns} | row)


@contextmanager
def manifest(folder: Path, *, extra: Sequence[str] = ()) -> Iterator[ManifestWriter]:
    """Open ``folder/manifest.csv`` (UTF-8, ``\\n`` line ends) for streaming rows; ``extra``: metadata columns
    written after the kit's own (e.g. ``outlet_type``, ``country``).
    """
    with (folder / config.MANIFEST_NAME).open("w", encoding="utf-8", newline="") as handle:
        yield ManifestWriter(handle, extra)


def write_article(folder: Path, name: str, text: str) -> None:
    """One article as UTF-8 with ``\\n`` line ends."""
    (folder / name).write_text(text, encoding="utf-8", newline="\n")
