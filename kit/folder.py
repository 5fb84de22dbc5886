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
        KitError: ``out`` is a file, a non-empty folder and ``force`` is not set, the kit's seeds folder, or a
            source (raw articles are never replaced, not even with ``force``).
    """
    target = Path(out)
    for kept in (config.SEEDS, *sources):
        if kept.resolve() == target.resolve() or target.resolve() in kept.resolve().parents:
            raise KitError(f"{target}: holds the articles this is made from; choose another --out")
    if target.exists() and not target.is_dir():
        raise KitError(f"{target}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise KitError(f"{target}: folder exists and is not empty (use --force to replace it)")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        yield staging
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


class ManifestWriter:
    """Appends manifest rows (dicts keyed by column) to ``folder/manifest.csv`` as they are made."""

    def __init__(self, handle: TextIO) -> None:
        self._writer = csv.DictWriter(handle, fieldnames=WRITTEN_COLUMNS, lineterminator="\n")
        self._writer.writeheader()

    def write(self, row: dict[str, str]) -> None:
        """One row; missing columns are written empty, unknown keys are refused (a programming error)."""
        self._writer.writerow({column: row.get(column, "") for column in WRITTEN_COLUMNS} | row)


@contextmanager
def manifest(folder: Path) -> Iterator[ManifestWriter]:
    """Open ``folder/manifest.csv`` (UTF-8, ``\\n`` line ends) for streaming rows."""
    with (folder / config.MANIFEST_NAME).open("w", encoding="utf-8", newline="") as handle:
        yield ManifestWriter(handle)


def write_article(folder: Path, name: str, text: str) -> None:
    """One article as UTF-8 with ``\\n`` line ends."""
    (folder / name).write_text(text, encoding="utf-8", newline="\n")
