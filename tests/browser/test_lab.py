"""`make lab` serves JupyterLab headless on loopback (as root too), with the presskit kernel running the project's kit.

Runs in `make test` (and so in CI): the server listens on 127.0.0.1 only and is stopped when the test ends.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kit import config
from tests.browser.jupyterlab import VENV, running_lab

NOTEBOOKS = sorted(config.NOTEBOOKS.rglob("*.ipynb"))


@pytest.fixture(scope="module")
def lab():
    with running_lab() as server:
        yield server


def test_make_lab_prints_its_url_with_token_and_allows_root_only_for_root(lab):
    printed = "".join(lab.log)
    assert f"{lab.base}/lab?token={lab.token}" in printed
    assert ("--allow-root" in printed) == (os.getuid() == 0)
    assert "--no-browser --ip=127.0.0.1" in printed


def test_kernelspecs_list_presskit(lab):
    listed = lab.get("/api/kernelspecs")
    assert listed["default"] == "presskit", "a new notebook gets the project's kernel too"
    specs = listed["kernelspecs"]
    assert "presskit" in specs
    presskit = specs["presskit"]["spec"]
    assert presskit["display_name"] == "Python (presskit)"
    assert Path(presskit["argv"][0]) == config.ROOT / VENV / "bin" / "python", "the project's own environment"


def test_a_notebook_session_on_presskit_imports_the_projects_kit(lab):
    session = lab.post(
        "/api/sessions", {"path": "01-chronology.ipynb", "type": "notebook", "kernel": {"name": "presskit"}}
    )
    assert session["kernel"]["name"] == "presskit"
    printed = lab.execute(session["kernel"]["id"], "import kit, os\nprint(kit.__file__)\nprint(os.getcwd())")
    kit_file, cwd = printed.split()
    assert Path(kit_file).resolve() == (config.PACKAGE / "__init__.py").resolve()
    assert Path(cwd).resolve() == config.NOTEBOOKS.resolve()
    corpus = lab.execute(
        session["kernel"]["id"], "from kit.preprocess.pipeline import prepare\nprint(len(prepare(None).documents))"
    )
    assert corpus.strip() == "5"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(config.NOTEBOOKS)))
def test_every_notebook_names_the_presskit_kernel(path):
    kernelspec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
    assert kernelspec == {"display_name": "Python (presskit)", "language": "python", "name": "presskit"}
