"""`make student-pack` and `make teacher-pack`: what a lecturer uploads, as a folder and a zip in dist/.

    presskit-student/          for the course page or the lab's JupyterHub: no solutions, no guide
      README.md                set-up for every route (JupyterHub, Windows, macOS, Colab), when an install fails
      requirements*.txt        the student environment: only what the workbooks import (+ JupyterLab on a laptop)
      00-seminar.ipynb …       the workbooks, beside the kit so that `import kit` finds it with nothing installed
      seeds/                   the five articles, manifest.csv and the data card SOURCES.md
      handouts/                every workbook with the output of each cell, and the data card (make seminar)
      kit/                     the library the workbooks call
    presskit-teacher/          the same, plus TEACHERS_GUIDE.md, each workbook's solutions beside it
                               (NAME.solutions.ipynb) and teacher-pages/ (the guide and the solutions, with outputs)

The packs copy what is committed (the handouts are rebuilt by `make seminar`); two builds give identical zips
(entries in name order, fixed dates and permissions). Nothing under dist/ is committed.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from kit import config

DIST = config.ROOT / "dist"
PACK_FILES = config.TEACHING / "pack"
HANDOUTS = config.REPORTS / "seminar"
STUDENT = "presskit-student"
TEACHER = "presskit-teacher"
# A zip entry's date (the earliest a zip can hold) and permissions: the same bytes on every build.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644


def student_files() -> Iterator[tuple[str, Path]]:
    """(path in the pack, source file) for everything a student gets."""
    for path in sorted(PACK_FILES.iterdir()):
        if path.is_file():
            yield path.name, path
    for path in sorted(config.TEACHING.glob("*.ipynb")):
        yield path.name, path
    for path in sorted(config.SEEDS.iterdir()):
        if path.is_file():
            yield f"seeds/{path.name}", path
    for path in sorted((HANDOUTS / "students").glob("*.html")):
        yield f"handouts/{path.name}", path
    for path in sorted(config.PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield f"kit/{path.relative_to(config.PACKAGE).as_posix()}", path


def teacher_files() -> Iterator[tuple[str, Path]]:
    """(path in the pack, source file) for the teacher: the student pack, the guide, solutions, teacher pages."""
    yield from student_files()
    yield "TEACHERS_GUIDE.md", config.TEACHING / "TEACHERS_GUIDE.md"
    for path in sorted(config.SOLUTIONS.glob("*.ipynb")):
        yield f"{path.stem}.solutions.ipynb", path
    for path in sorted((HANDOUTS / "teachers").glob("*.html")):
        yield f"teacher-pages/{path.name}", path


def build(name: str, files: list[tuple[str, Path]], dist: Path = DIST) -> tuple[Path, Path]:
    """Write ``dist/<name>/`` and ``dist/<name>.zip`` (whose entries sit under ``<name>/``); returns both.

    Raises:
        SystemExit: a file of the pack is missing (the handouts not built: run `make seminar`).
    """
    missing = [str(source) for _, source in files if not source.is_file()]
    if missing or not any(target.startswith("handouts/") for target, _ in files):
        raise SystemExit(f"error: {missing[0] if missing else 'no handouts'}: run `make seminar` first")
    folder, archive = dist / name, dist / f"{name}.zip"
    shutil.rmtree(folder, ignore_errors=True)
    for target, source in files:
        destination = folder / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    partial = archive.with_suffix(".zip.tmp")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for target, source in sorted(files):
            entry = zipfile.ZipInfo(f"{name}/{target}", date_time=ZIP_DATE)
            entry.external_attr = FILE_MODE << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(entry, source.read_bytes())
    partial.replace(archive)
    return folder, archive


def main(argv: list[str]) -> int:
    """``pack.py student`` or ``pack.py teacher``: build that pack and say where it is."""
    which = argv[1:] or ["student"]
    for kind in which:
        if kind not in ("student", "teacher"):
            print(f"error: unknown pack {kind!r} (student or teacher)", file=sys.stderr)
            return 2
        name, files = (STUDENT, student_files()) if kind == "student" else (TEACHER, teacher_files())
        folder, archive = build(name, list(files))
        print(
            f"{kind} pack: {folder.relative_to(config.ROOT)}/ and {archive.relative_to(config.ROOT)}", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
