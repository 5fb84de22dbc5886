"""Conventions every notebook keeps (papermill docs, teaching-notebook habits)."""

import csv
import json
import re

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


def seed_facts():
    """Words that name the seed corpus in particular: its outlets' distinctive names and its size."""
    rows = list(csv.DictReader((config.SEEDS / config.MANIFEST_NAME).open(encoding="utf-8")))
    outlets = {re.sub(r"\s*\(.*\)$", "", row["outlet"]).removeprefix("The ") for row in rows}
    return [*sorted(outlets), "five articles", "5 articles", "2024–2025 articles", "2018 summit coverage"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_narrative_states_no_fact_of_the_seeds(path):
    # The same notebooks report on any corpus: a sentence about the seeds would be false on a researcher's site.
    text = "\n".join("".join(c["source"]) for c in load(path)["cells"] if c["cell_type"] == "markdown").casefold()
    found = [fact for fact in seed_facts() if re.search(rf"\b{re.escape(fact.casefold())}\b", text)]
    assert not found, f"{path.name} names the seeds: {found}"
