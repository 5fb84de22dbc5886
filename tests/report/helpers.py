"""Building private report trees from the fixture notebooks (tests/fixtures/report/) and running the command."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from kit import cli, config

FIXTURES = config.ROOT / "tests" / "fixtures" / "report"


def make_tree(base: Path) -> dict[str, Path]:
    """A private copy of the fixture notebooks and params, and an empty reports folder."""
    shutil.copytree(FIXTURES / "notebooks", base / "notebooks")
    shutil.copytree(FIXTURES / "params", base / "params")
    return {"notebooks": base / "notebooks", "params": base / "params", "reports": base / "reports"}


def kit_report(tree: dict[str, Path], *args: str) -> int:
    folders = [f"--{name}={path}" for name, path in tree.items()]
    return cli.main(["report", *folders, "--no-progress", *args])


def reader_pages(corpus: Path = config.SEEDS) -> list[str]:
    """The reader's files a site of ``corpus`` holds: ``reader/<doc_id>.html`` per article and ``reader/index.html``."""
    with (corpus / config.MANIFEST_NAME).open(encoding="utf-8", newline="") as handle:
        ids = [row["doc_id"] for row in csv.DictReader(handle)]
    return [*(f"reader/{doc_id}.html" for doc_id in ids), "reader/index.html"]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".staging" not in p.parts
    }


def write_params(tree, text: str, name: str = "00-tiny.yaml") -> None:
    (tree["params"] / name).write_text(text, encoding="utf-8")
