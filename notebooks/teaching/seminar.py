"""`make seminar`: the teaching handouts — every workbook with the output of each cell, for students, and the
guide, the data card and the solutions, for the lecturer — as script-free HTML pages in reports/seminar/.

    reports/seminar/index.html       which folder is for whom
    reports/seminar/students/        the workbooks run top to bottom with their exercise cells empty, and the data
                                     card: what the student pack carries (course page, printing)
    reports/seminar/teachers/        the guide, the data card and every solutions notebook run: not for students

Each notebook is executed by papermill on the presskit kernel in a fresh working folder (what it writes goes to
that folder's my-work/ and is thrown away), with the report runner's fixed kernel environment, then made
reproducible (kit.report.render.normalise_notebook) and rendered with the report pages' script-free template: two runs
write identical bytes. Markdown (the guide, seeds/SOURCES.md) goes through mistune, nbconvert's Markdown library,
with raw HTML shown as text. Pages of notebooks that no longer exist are removed.
"""

from __future__ import annotations

import html
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import mistune
import nbformat
import papermill
from nbconvert import HTMLExporter
from traitlets.config import Config

from kit import config
from kit.report import render
from kit.report.execute import KERNEL, kernel_environment

SEMINAR = config.REPORTS / "seminar"
STUDENTS = "students"
TEACHERS = "teachers"
GUIDE = config.TEACHING / "TEACHERS_GUIDE.md"
DATA_CARD = config.SEEDS / "SOURCES.md"
STYLESHEET = config.TEMPLATES / "report" / "kit.css"
# The handout template extends the report template (kit/templates/report) with the handouts' navigation.
HANDOUT_TEMPLATES = config.TEACHING / "templates"
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body class="kit-report">
<nav class="kit-nav"><a href="index.html">{home}</a></nav>
<main class="kit-text">
{body}
</main>
</body>
</html>
"""
STUDENT_INTRO = (
    "Every workbook as it looks after <code>Run → Run All Cells</code>: the code and the output of each cell, with "
    "the exercise cells still empty. Follow along here while your own set-up is not working yet, or print them. "
    "Where the data come from, and on what terms you may use them, is in the data card."
)
TEACHER_INTRO = (
    "For the lecturer only: the guide (which session to choose, plans by the minute, expected answers), the "
    "data card, and every solutions notebook with its output. Do not put these on the course page; the student "
    'handouts are in <a href="../students/index.html">../students/</a>.'
)


@dataclass(frozen=True)
class Handout:
    """One page of the handouts: its file name, title and the line the index shows under it."""

    file: str
    title: str
    summary: str


def run(path: Path) -> nbformat.NotebookNode:
    """The notebook executed top to bottom on the presskit kernel in a fresh working folder, made reproducible."""
    with tempfile.TemporaryDirectory(prefix="presskit-handout-") as folder, kernel_environment():
        executed = Path(folder) / path.name
        papermill.execute_notebook(str(path), str(executed), kernel_name=KERNEL, cwd=folder, progress_bar=False)
        notebook = nbformat.read(executed, as_version=4)
    source_ids = {cell.get("id") for cell in nbformat.read(path, as_version=4).cells}
    shown_path = path.relative_to(config.ROOT).as_posix()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = _joined_streams(cell.outputs)
    return render.normalise_notebook(notebook, source_ids=source_ids, input_path=shown_path)


def _joined_streams(outputs: list[nbformat.NotebookNode]) -> list[nbformat.NotebookNode]:
    """Consecutive prints to one stream as one output: the kernel sends a long print in one message or in several,
    as it happens, and the page must not depend on that.
    """
    joined: list[nbformat.NotebookNode] = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and output.output_type == "stream"
            and previous.output_type == "stream"
            and previous.name == output.name
        ):
            previous.text += output.text
        else:
            joined.append(output)
    return joined


def workbook_page(path: Path, *, home: str, what: str) -> tuple[Handout, str]:
    """A workbook (or a solutions notebook) as a handout page: every cell's code and output.

    ``home`` names the index the page links back to; ``what`` says what the notebook is ("workbook", "solutions").
    """
    notebook = run(path)
    settings = Config()
    # extra_template_paths lets the handout template name its parent as 'report/index.html.j2'.
    settings.TemplateExporter.extra_template_paths = [str(config.TEMPLATES)]
    template_dirs = [str(HANDOUT_TEMPLATES), str(config.TEMPLATES)]
    exporter = HTMLExporter(config=settings, template_name="handout", extra_template_basedirs=template_dirs)
    exporter.register_filter("markdown_as_data", render.markdown_as_data)
    title = render.notebook_title(notebook) or path.stem
    resources = {
        "metadata": {"name": path.stem},
        "kit": {"title": title, "notebook": path.stem, "home": home, "what": what},
    }
    page, _ = exporter.from_notebook_node(notebook, resources=resources)
    return Handout(f"{path.stem}.html", title, _objective(notebook)), page.rstrip() + "\n"


def markdown_page(path: Path, file: str, summary: str, *, home: str) -> tuple[Handout, str]:
    """A Markdown file (tables included) as a page; raw HTML in the source is shown as text."""
    source = path.read_text(encoding="utf-8")
    body = mistune.create_markdown(escape=True, plugins=["table"])(source)
    title = next((line[2:].strip() for line in source.splitlines() if line.startswith("# ")), path.stem)
    css = STYLESHEET.read_text(encoding="utf-8")
    page = PAGE.format(title=html.escape(title), css=css.strip(), body=body.strip(), home=html.escape(home))
    return Handout(file, title, summary), page


def index_page(handouts: list[Handout], *, title: str, intro: str, home: str = "") -> str:
    """The list of handouts under a heading and an introduction (HTML, written here, not data)."""
    items = "\n".join(
        f'<li><a href="{html.escape(h.file)}">{html.escape(h.title)}</a><br>{html.escape(h.summary)}</li>'
        for h in handouts
    )
    body = f"<h1>{html.escape(title)}</h1>\n<p>{intro}</p>\n<ul>\n{items}\n</ul>"
    css = STYLESHEET.read_text(encoding="utf-8")
    return PAGE.format(title=html.escape(title), css=css.strip(), body=body, home=html.escape(home or title))


def top_page() -> str:
    """reports/seminar/index.html: which folder is for whom."""
    handouts = [
        Handout(f"{STUDENTS}/index.html", "Student handouts", "The workbooks with every output, and the data card."),
        Handout(f"{TEACHERS}/index.html", "Teacher's pages", "The guide, the data card and the solutions."),
    ]
    intro = (
        "Two folders: the student handouts go on the course page or into the student pack "
        "(<code>make student-pack</code>); the teacher's pages stay with the lecturer (<code>make teacher-pack</code>)."
    )
    return index_page(handouts, title="Seminar handouts", intro=intro)


def build(target: Path = SEMINAR) -> list[Path]:
    """Write the student and teacher handouts and the indexes into ``target``; returns the files written, in order.

    Raises:
        SystemExit: a page with markup that could run a script.
    """
    workbooks = sorted(config.TEACHING.glob("*.ipynb"))
    card = "Where the five articles come from, how each date was established, the terms of use."
    students = [
        *(workbook_page(path, home="Student handouts", what="workbook") for path in workbooks),
        markdown_page(DATA_CARD, "sources.html", card, home="Student handouts"),
    ]
    teachers = [
        markdown_page(
            GUIDE, "guide.html", "Which session to choose, plans by the minute, answers.", home="Teacher's pages"
        ),
        markdown_page(DATA_CARD, "sources.html", card, home="Teacher's pages"),
        *(workbook_page(config.SOLUTIONS / path.name, home="Teacher's pages", what="solutions") for path in workbooks),
    ]
    pages: list[tuple[Path, str]] = [(target / "index.html", top_page())]
    for folder, handouts, title, intro in (
        (STUDENTS, students, "Student handouts", STUDENT_INTRO),
        (TEACHERS, teachers, "Teacher's pages", TEACHER_INTRO),
    ):
        pages += [(target / folder / handout.file, page) for handout, page in handouts]
        index = index_page([handout for handout, _ in handouts], title=title, intro=intro)
        pages.append((target / folder / "index.html", index))
    written = []
    for path, page in pages:
        unsafe = render.find_unsafe_markup(page)
        if unsafe:
            raise SystemExit(f"error: {path.relative_to(target)}: unsafe markup in a handout ({unsafe[0]})")
        path.parent.mkdir(parents=True, exist_ok=True)
        written.append(_write(path, page))
    for stale in sorted(set(target.rglob("*.html")) - set(written)):
        stale.unlink()
    return written


def _write(path: Path, page: str) -> Path:
    # A temporary file renamed into place: an interrupted run leaves the old page or the new one, never half.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as out:
        out.write(page)
    os.chmod(out.name, 0o644)
    os.replace(out.name, path)
    return path


def _objective(notebook: nbformat.NotebookNode) -> str:
    """The workbook's "What are we learning?" sentence, for the index."""
    first = next((cell for cell in notebook.cells if cell.cell_type == "markdown"), None)
    for paragraph in (first.source if first else "").split("\n\n"):
        if paragraph.startswith("**What are we learning?**"):
            text = " ".join(paragraph.removeprefix("**What are we learning?**").split())
            return text.split(". ")[0].rstrip(".") + "."
    return ""


if __name__ == "__main__":
    from kit.errors import KitError
    from kit.report.publish import exclusive

    try:
        with exclusive(config.REPORTS):  # the site's lock: never written beside a running `kit report`
            files = build()
    except KitError as err:
        raise SystemExit(f"error: {err}") from None
    print(f"{len(files)} handout pages written to {SEMINAR.relative_to(config.ROOT)}/", file=sys.stderr)
