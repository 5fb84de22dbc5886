"""Workbooks run headless with their exercise cells empty; every workbook has a solutions notebook."""

import html
import importlib.util
import json
import re
import sys
from itertools import pairwise

import papermill
import pytest

from kit import config
from kit.report import render

WORKBOOKS = sorted(config.TEACHING.glob("*.ipynb"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def exercise_code_cells(path):
    """The code cell right after each '## Exercise' markdown cell."""
    found = []
    nb = cells(path)
    for before, cell in pairwise(nb):
        if before["cell_type"] == "markdown" and "".join(before["source"]).startswith("## Exercise"):
            found.append(cell)
    return found


def test_there_are_workbooks_with_solutions():
    assert WORKBOOKS
    for workbook in WORKBOOKS:
        assert (config.SOLUTIONS / workbook.name).is_file()


@pytest.mark.parametrize("workbook", WORKBOOKS, ids=lambda p: p.stem)
def test_exercise_cells_are_comments_and_solutions_fill_each_one(workbook):
    exercises = exercise_code_cells(workbook)
    solutions = exercise_code_cells(config.SOLUTIONS / workbook.name)
    assert exercises and len(exercises) == len(solutions)
    for cell in exercises:
        lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip()]
        assert lines and all(ln.lstrip().startswith("#") for ln in lines)
    for cell in solutions:
        assert any(not ln.lstrip().startswith("#") for ln in "".join(cell["source"]).splitlines() if ln.strip())


def self_check_cells(notebook):
    return [cell for cell in notebook["cells"] if "".join(cell["source"]).startswith("# Self-check")]


def verdicts(executed):
    """What each self-check cell printed: the text of its result."""
    return ["".join(out["data"]["text/plain"]) for cell in self_check_cells(executed) for out in cell["outputs"]]


@pytest.mark.parametrize("workbook", WORKBOOKS, ids=lambda p: p.stem)
def test_every_workbook_has_self_checks_matching_its_solution(workbook):
    checks = self_check_cells(json.loads(workbook.read_text(encoding="utf-8")))
    solved = self_check_cells(json.loads((config.SOLUTIONS / workbook.name).read_text(encoding="utf-8")))
    assert len(checks) >= 2 and len(checks) == len(solved)
    for blank, answered in zip(checks, solved, strict=True):
        blank_lines, answered_lines = "".join(blank["source"]).splitlines(), "".join(answered["source"]).splitlines()
        assert blank_lines[1] == "answer = None", "the workbook leaves the answer empty"
        assert answered_lines[1] != "answer = None"
        assert blank_lines[0] == answered_lines[0] and blank_lines[-1] == answered_lines[-1], (
            "same question, same check"
        )


@pytest.mark.parametrize(
    "path",
    [*WORKBOOKS, *sorted(config.SOLUTIONS.glob("*.ipynb"))],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_runs_headless(path, tmp_path):
    # kernel_name=None: the kernel the notebook's metadata names (presskit), as JupyterLab would pick it.
    executed = papermill.execute_notebook(
        str(path), str(tmp_path / path.name), kernel_name=None, cwd=str(config.ROOT), progress_bar=False
    )
    assert executed["metadata"]["kernelspec"]["name"] == "presskit"
    expected = (
        "right" if path.parent == config.SOLUTIONS else "not answered yet: set `answer` above and run this cell again"
    )
    assert verdicts(executed) == [expected] * len(self_check_cells(executed))


def load_seminar():
    # notebooks/teaching/seminar.py is a script, not a kit module: load it from its file (registered, as
    # dataclasses need their module in sys.modules).
    spec = importlib.util.spec_from_file_location("teaching_seminar", config.TEACHING / "seminar.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    seminar = load_seminar()
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    seminar.build(first)
    seminar.build(second)
    return first, second


def test_seminar_writes_the_guide_every_workbook_and_an_index(handouts):
    folder, _ = handouts
    expected = {"index.html", "guide.html", *(f"{w.stem}.html" for w in WORKBOOKS)}
    assert {p.name for p in folder.iterdir()} == expected
    index = (folder / "index.html").read_text(encoding="utf-8")
    for name in sorted(expected - {"index.html"}):
        assert f'href="{name}"' in index


def test_seminar_pages_are_byte_identical_across_runs_and_run_no_script(handouts):
    first, second = handouts
    for page in sorted(first.iterdir()):
        assert page.read_bytes() == (second / page.name).read_bytes(), page.name
        assert render.find_unsafe_markup(page.read_text(encoding="utf-8")) == [], page.name


def test_handouts_show_the_code_with_the_exercises_empty(handouts):
    folder, _ = handouts
    page = (folder / "02-counting-themes.html").read_text(encoding="utf-8")
    assert "Counting themes, and checking the count" in page
    assert "themes.load_dictionary" in html.unescape(re.sub(r"<[^>]+>", "", page)), "the set-up code is shown"
    assert "Filter theme == " in html.unescape(re.sub(r"<[^>]+>", "", page)), "the exercise hints are shown"
    assert "economy[economy.hits == 4]" not in html.unescape(re.sub(r"<[^>]+>", "", page)), "no solution"


def test_the_guide_page_renders_its_tables_and_reading_list(handouts):
    folder, _ = handouts
    page = (folder / "guide.html").read_text(encoding="utf-8")
    assert page.count("<table>") >= 5, "the overview and one plan per workbook"
    assert "<h2>Further reading</h2>" in page
    assert "Hutto" in page and 'href="https://tutorials.quanteda.io/"' in page


def test_the_committed_handouts_are_current(handouts):
    """reports/seminar/ is committed: `make seminar` must have been run after the last workbook or guide change."""
    fresh, _ = handouts
    committed = config.REPORTS / "seminar"
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in fresh.iterdir())
    for page in sorted(fresh.iterdir()):
        assert (committed / page.name).read_bytes() == page.read_bytes(), f"run `make seminar`: {page.name} is stale"
