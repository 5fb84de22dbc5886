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

pytestmark = pytest.mark.slow  # minutes of end-to-end runs: `make test-slow`, and CI

WORKBOOKS = sorted(config.TEACHING.glob("*.ipynb"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"])


def comments_only(cell):
    lines = [ln for ln in source(cell).splitlines() if ln.strip()]
    return bool(lines) and all(ln.lstrip().startswith("#") for ln in lines)


def sections(path):
    """Each exercise, part or extension: its heading and its cells up to the next '## ' heading."""
    found, current = [], None
    for cell in cells(path):
        text = source(cell)
        if cell["cell_type"] == "markdown" and text.startswith("## "):
            current = (text.splitlines()[0], [])
            found.append(current)
        elif current is not None:
            current[1].append(cell)
    return [(heading, body) for heading, body in found if not heading.startswith("## Wrap-up")]


def after(body, heading):
    """The code cell right after the markdown cell that starts with ``heading``."""
    for before, cell in pairwise(body):
        if before["cell_type"] == "markdown" and source(before).startswith(heading) and cell["cell_type"] == "code":
            return cell
    return None


def test_there_are_workbooks_with_solutions_and_a_standalone_seminar():
    assert WORKBOOKS[0].stem == "00-seminar", "the 90-minute seminar stands first, beside the four-class course"
    for workbook in WORKBOOKS:
        assert (config.SOLUTIONS / workbook.name).is_file()
    assert sorted(p.name for p in config.SOLUTIONS.glob("*.ipynb")) == [w.name for w in WORKBOOKS]


@pytest.mark.parametrize("workbook", WORKBOOKS, ids=lambda p: p.stem)
def test_every_exercise_has_a_worked_example_then_your_turn(workbook):
    exercises = sections(workbook)
    solved = sections(config.SOLUTIONS / workbook.name)
    assert len(exercises) >= 5 and [h for h, _ in exercises] == [h for h, _ in solved]
    for (heading, body), (_, solved_body) in zip(exercises, solved, strict=True):
        worked, turn = after(body, "### Worked example"), after(body, "### Your turn")
        assert worked is not None and not comments_only(worked), f"{heading}: a worked example that runs"
        assert turn is not None and comments_only(turn), f"{heading}: an empty 'your turn' cell with hints"
        assert body.index(worked) < body.index(turn), f"{heading}: the worked example comes first"
        assert not comments_only(after(solved_body, "### Your turn")), f"{heading}: the solution fills it"


@pytest.mark.parametrize("workbook", WORKBOOKS, ids=lambda p: p.stem)
def test_a_workbook_and_its_solutions_differ_only_in_the_cells_students_fill(workbook):
    blank, solved = cells(workbook), cells(config.SOLUTIONS / workbook.name)
    assert len(blank) == len(solved)
    assert source(solved[0]).startswith(source(blank[0]).splitlines()[0] + "  — solutions")
    for (previous, cell), answered in zip(pairwise(blank), solved[1:], strict=True):
        if source(cell).startswith("# Self-check") or source(previous).startswith("### Your turn"):
            continue
        assert source(cell) == source(answered), source(cell)[:80]


@pytest.mark.parametrize("workbook", WORKBOOKS, ids=lambda p: p.stem)
def test_students_are_not_pointed_at_the_solutions(workbook):
    text = " ".join(source(cell) for cell in cells(workbook))
    assert not re.search(r"\bsolutions?\b", text, re.IGNORECASE)


def self_check_cells(notebook):
    return [cell for cell in notebook["cells"] if source(cell).startswith("# Self-check")]


def verdicts(executed):
    """What each self-check cell printed: the text of its result."""
    return ["".join(out["data"]["text/plain"]) for cell in self_check_cells(executed) for out in cell["outputs"]]


@pytest.mark.parametrize("workbook", WORKBOOKS, ids=lambda p: p.stem)
def test_every_self_check_explains_a_wrong_answer_and_matches_its_solution(workbook):
    checks = self_check_cells(json.loads(workbook.read_text(encoding="utf-8")))
    solved = self_check_cells(json.loads((config.SOLUTIONS / workbook.name).read_text(encoding="utf-8")))
    assert len(checks) >= 2 and len(checks) == len(solved)
    for blank, answered in zip(checks, solved, strict=True):
        blank_lines, answered_lines = source(blank).splitlines(), source(answered).splitlines()
        assert blank_lines[1] == "answer = None", "the workbook leaves the answer empty"
        assert answered_lines[1] != "answer = None"
        assert blank_lines[:1] + blank_lines[2:] == answered_lines[:1] + answered_lines[2:], "same question, same check"
        assert "hint=" in source(blank) and "mistakes=" in source(blank), "says what a wrong answer suggests"
        assert re.search(r'kind="(number|name|date|month|text)"', source(blank)), "the kind of answer, for its variants"


@pytest.mark.parametrize(
    "path",
    [*WORKBOOKS, *sorted(config.SOLUTIONS.glob("*.ipynb"))],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_runs_headless(path, tmp_path):
    # kernel_name=None: the kernel the notebook's metadata names (presskit), as JupyterLab would pick it. The working
    # folder is a fresh one, as a student's: what a workbook writes goes to its my-work/ folder.
    executed = papermill.execute_notebook(
        str(path), str(tmp_path / path.name), kernel_name=None, cwd=str(tmp_path), progress_bar=False
    )
    assert executed["metadata"]["kernelspec"]["name"] == "presskit"
    expected = (
        "right" if path.parent == config.SOLUTIONS else "not answered yet: set `answer` above and run this cell again"
    )
    assert verdicts(executed) == [expected] * len(self_check_cells(executed))
    written = {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*") if p.is_file()}
    assert written <= {path.name, "my-work"}, "a workbook writes into my-work/ only"


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
    """The handouts built once here; :func:`test_the_committed_handouts_are_current` compares them with the committed
    ones, built by another run, so that two runs writing identical bytes is checked too.
    """
    seminar = load_seminar()
    folder = tmp_path_factory.mktemp("seminar")
    seminar.build(folder)
    return folder


def page_text(path):
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_the_handouts_are_for_students_and_for_the_teacher(handouts):
    students = {p.name for p in (handouts / "students").iterdir()}
    teachers = {p.name for p in (handouts / "teachers").iterdir()}
    pages = {f"{w.stem}.html" for w in WORKBOOKS}
    assert students == {"index.html", "sources.html", *pages}, "no guide and no solutions for students"
    assert teachers == {"index.html", "guide.html", "sources.html", *pages}
    top = (handouts / "index.html").read_text(encoding="utf-8")
    assert 'href="students/index.html"' in top and 'href="teachers/index.html"' in top
    for folder, names in (("students", students), ("teachers", teachers)):
        index = (handouts / folder / "index.html").read_text(encoding="utf-8")
        for name in sorted(names - {"index.html"}):
            assert f'href="{name}"' in index


def test_every_page_runs_no_script(handouts):
    for page in sorted(handouts.rglob("*.html")):
        assert render.find_unsafe_markup(page.read_text(encoding="utf-8")) == [], page.name


def test_student_handouts_show_each_cells_output_with_the_exercises_empty(handouts):
    page = page_text(handouts / "students" / "02-counting-themes.html")
    assert "Counting themes, and checking the count" in page
    assert "themes.load_dictionary" in page, "the code is shown"
    assert "Hint: copy the worked example" in page, "the exercise hints are shown"
    assert "alliance-first-five-precision.csv" in page, "the worked examples' outputs are shown"
    assert "not answered yet" in page, "the self-checks' outputs too"
    assert "drop = [5, 13, 14]" not in page, "no solution"
    seminar = page_text(handouts / "students" / "00-seminar.html")
    assert "PUBLISHED : Wednesday, 28 March, 2018, 9:45pm" in seminar, "the raw article is shown line by line"
    for path in sorted((handouts / "students").glob("*.html")):
        assert "TEACHERS_GUIDE" not in path.read_text(encoding="utf-8"), path.name


def test_teacher_pages_show_the_solutions_run_and_the_guide(handouts):
    solved = page_text(handouts / "teachers" / "02-counting-themes.html")
    assert "drop = [5, 13, 14]" in solved and "precision 22/25 = 0.88" in solved
    assert "not answered yet" not in solved
    guide = (handouts / "teachers" / "guide.html").read_text(encoding="utf-8")
    assert guide.count("<table>") >= 6, "which to choose, and one plan per session"
    assert (
        "<h2>Further reading</h2>" in guide
        and "<h2>Which to choose: one seminar, or the four-class course</h2>" in guide
    )
    assert "Hutto" in guide and 'href="https://tutorials.quanteda.io/"' in guide
    card = page_text(handouts / "students" / "sources.html")
    assert "Terms of use for teaching" in card and "inferred" in card


def test_the_committed_handouts_are_current(handouts):
    """reports/seminar/ is committed: `make seminar` must have been run after the last workbook or guide change."""
    committed = config.REPORTS / "seminar"
    fresh = sorted(p.relative_to(handouts) for p in handouts.rglob("*.html"))
    assert sorted(p.relative_to(committed) for p in committed.rglob("*.html")) == fresh
    for name in fresh:
        assert (committed / name).read_bytes() == (handouts / name).read_bytes(), f"run `make seminar`: {name} is stale"


def test_each_plan_has_a_ten_minute_buffer_and_ends_at_ninety_minutes():
    guide = (config.TEACHING / "TEACHERS_GUIDE.md").read_text(encoding="utf-8")
    plans = re.findall(r"\| minutes \| part \| what happens \|\n\|[-|]+\|\n((?:\|.*\|\n)+)", guide)
    assert len(plans) == len(WORKBOOKS), "a plan for the seminar and for every class"
    for plan in plans:
        rows = [row.split("|")[1:3] for row in plan.strip().splitlines()]
        spans = [tuple(int(m) for m in minutes.strip().split("–")) for minutes, _ in rows]
        assert spans[0][0] == 0 and spans[-1][1] == 90
        assert all(end == start for (_, end), (start, _) in pairwise(spans)), "minutes follow on"
        assert rows[-1][1].strip() == "buffer" and spans[-1] == (80, 90)
