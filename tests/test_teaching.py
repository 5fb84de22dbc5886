"""Workbooks run headless with their exercise cells empty; every workbook has a solutions notebook."""

import json
from itertools import pairwise

import papermill
import pytest

from kit import config

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
