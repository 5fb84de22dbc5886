"""Shared fixtures: the prepared seed corpus, tiny corpora built on the fly, and notebook execution.

Constants and helpers that tests import (seed doc_ids, a manifest row) live in :mod:`tests.seeds`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from kit import config
from kit.compute import store
from kit.preprocess.pipeline import prepare
from kit.types import MANIFEST_COLUMNS, Prepared
from tests.csvtext import csv_text
from tests.seeds import ROW


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: end-to-end runs of a minute or more (kill -9, Dask clusters, whole sites, every workbook): "
        "`make test` leaves them out, `make test-slow` and `make test-all` run them, and so does CI",
    )


@pytest.fixture(autouse=True, scope="session")
def store_in_session_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``kit table`` keeps prepared tables in a store (kit.compute.store): in tests a session folder, never ~/.cache."""
    patch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("store")
    patch.setenv(store.STORE_ENV, str(folder))
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def seeds() -> Prepared:
    """The five seed articles, loaded, cleaned and tokenised once per test session."""
    return prepare()


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Build a corpus folder: ``make_corpus({"a1.txt": b"..."}, rows=[{...}])`` → its path.

    Files are bytes or str; rows default to one manifest row per file with ROW's values.
    """

    def build(files: dict[str, bytes | str], rows: list[dict] | None = None, raw_manifest: str | None = None) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        if raw_manifest is not None:
            (folder / config.MANIFEST_NAME).write_text(raw_manifest, encoding="utf-8")
            return folder
        if rows is None:
            rows = [{**ROW, "doc_id": Path(name).stem, "file": name} for name in files]
        table = [MANIFEST_COLUMNS, *([row.get(c, "") for c in MANIFEST_COLUMNS] for row in rows)]
        (folder / config.MANIFEST_NAME).write_text(csv_text(table), encoding="utf-8", newline="")
        return folder

    return build


@pytest.fixture
def run_notebook(tmp_path: Path) -> Callable[..., dict]:
    """Execute ``notebooks/<name>.ipynb`` with papermill; returns the recorded values (values.json).

    The executed copy and the CSVs land in ``tmp_path / name``; ``parameters`` override the defaults.
    """
    import papermill

    def execute(name: str, **parameters: object) -> dict:
        out = tmp_path / name
        out.mkdir()
        papermill.execute_notebook(
            str(config.NOTEBOOKS / f"{name}.ipynb"),
            str(out / f"{name}.ipynb"),
            parameters={"output_dir": str(out), **parameters},
            kernel_name="python3",
            cwd=str(config.ROOT),
            progress_bar=False,
        )
        return json.loads((out / "values.json").read_text(encoding="utf-8"))

    return execute


@pytest.fixture(scope="session")
def dateparser_baseline(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The table ``make dates-baseline`` writes (the kit's date rules vs dateparser on the hand-annotated seeds).

    Run as its command, so no test imports the ``bench`` package; every cell is read as text.
    """
    output = tmp_path_factory.mktemp("dates-baseline") / "dateparser_baseline.csv"
    command = [sys.executable, "-m", "bench.dateparser_baseline", "--output", str(output)]
    subprocess.run(command, cwd=config.ROOT, check=True, capture_output=True)
    return pd.read_csv(output, dtype=str)
