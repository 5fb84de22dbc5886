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


@pytest.mark.parametrize(
    "path",
    [*WORKBOOKS, *sorted(config.SOLUTIONS.glob("*.ipynb"))],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_runs_headless(path, tmp_path):
    papermill.execute_notebook(
        str(path), str(tmp_path / path.name), kernel_name="python3", cwd=str(config.ROOT), progress_bar=False
    )
