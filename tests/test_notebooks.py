"""Conventions every notebook keeps (papermill docs, teaching-notebook habits)."""

import json

import pytest
from papermill.inspection import display_notebook_help  # noqa: F401  (papermill must import offline)
from papermill.translators import PythonTranslator

from kit import config

NOTEBOOKS = sorted(config.NOTEBOOKS.glob("*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_notebooks():
    assert [p.stem for p in NOTEBOOKS][:1] == ["00-corpus"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_parameters_cell_with_typed_documented_parameters(path):
    cells = load(path)["cells"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    cell = {"source": "".join(tagged[0]["source"])}
    assigned = [ln for ln in cell["source"].splitlines() if ln.strip() and not ln.startswith(("#", " "))]
    parameters = PythonTranslator.inspect(cell)
    assert len(parameters) == len(assigned), "papermill could not parse every line (a second '=' on a line?)"
    names = {p.name for p in parameters}
    assert {"corpus_dir", "output_dir"} <= names
    for p in parameters:
        assert p.inferred_type_name != "None", f"{p.name} has no type annotation"
        assert p.help, f"{p.name} has no comment"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_markdown_explains_before_code(path):
    cells = load(path)["cells"]
    assert cells[0]["cell_type"] == "markdown"
    text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown").lower()
    assert "what are we" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_define_no_analysis_functions(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            assert "def " not in source and "class " not in source
            assert len(source.splitlines()) <= 20
