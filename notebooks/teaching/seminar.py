"""`make seminar`: the student workbooks (code visible, exercises empty) and the teacher's guide as HTML handouts.

Writes reports/seminar/: one page per workbook, guide.html and index.html. The workbooks are rendered as
stored (not executed), with the report pages' script-free template; the guide's Markdown goes through
mistune (nbconvert's Markdown library). Two runs write identical bytes; files of workbooks that no longer
exist are removed. The solutions are never rendered.
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
from nbconvert import HTMLExporter
from traitlets.config import Config

from kit import config
from kit.report import render

SEMINAR = config.REPORTS / "seminar"
GUIDE = config.TEACHING / "TEACHERS_GUIDE.md"
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
<nav class="kit-nav"><a href="index.html">Seminar handouts</a></nav>
<main class="kit-text">
{body}
</main>
</body>
</html>
"""


@dataclass(frozen=True)
class Handout:
    """One page of the seminar: its file name, title and the line the index shows under it."""

    file: str
    title: str
    summary: str


def workbook_page(path: Path) -> tuple[Handout, str]:
    """A workbook as a handout page: every cell's code shown, no outputs (it is rendered as stored)."""
    notebook = nbformat.read(path, as_version=4)
    settings = Config()
    settings.TemplateExporter.exclude_output = True
    # extra_template_paths lets the handout template name its parent as 'report/index.html.j2'.
    settings.TemplateExporter.extra_template_paths = [str(config.TEMPLATES)]
    template_dirs = [str(HANDOUT_TEMPLATES), str(config.TEMPLATES)]
    exporter = HTMLExporter(config=settings, template_name="handout", extra_template_basedirs=template_dirs)
    exporter.register_filter("markdown_as_data", render.markdown_as_data)
    title = _title(notebook) or path.stem
    resources = {
        "metadata": {"name": path.stem},
        "kit": {"title": title, "notebook": path.stem},
    }
    page, _ = exporter.from_notebook_node(notebook, resources=resources)
    return Handout(f"{path.stem}.html", title, _objective(notebook)), page.rstrip() + "\n"


def guide_page(path: Path = GUIDE) -> tuple[Handout, str]:
    """The teacher's guide: Markdown (tables included) to HTML, raw HTML in the source shown as text."""
    source = path.read_text(encoding="utf-8")
    body = mistune.create_markdown(escape=True, plugins=["table"])(source)
    title = next((line[2:].strip() for line in source.splitlines() if line.startswith("# ")), "Teacher's guide")
    css = STYLESHEET.read_text(encoding="utf-8")
    page = PAGE.format(title=html.escape(title), css=css.strip(), body=body.strip())
    return Handout("guide.html", title, "Session plans, expected answers, discussion prompts, further reading."), page


def index_page(handouts: list[Handout]) -> str:
    """The list of handouts, guide first."""
    items = "\n".join(
        f'<li><a href="{html.escape(h.file)}">{html.escape(h.title)}</a><br>{html.escape(h.summary)}</li>'
        for h in handouts
    )
    body = f"<h1>Seminar handouts</h1>\n<p>Print these, or put them on the course page.</p>\n<ul>\n{items}\n</ul>"
    css = STYLESHEET.read_text(encoding="utf-8")
    return PAGE.format(title="Seminar handouts", css=css.strip(), body=body)


def build(target: Path = SEMINAR) -> list[Path]:
    """Write every handout and the index into ``target``; returns the files written, in order."""
    pages = [guide_page(), *(workbook_page(path) for path in sorted(config.TEACHING.glob("*.ipynb")))]
    pages.append((Handout("index.html", "Seminar handouts", ""), index_page([handout for handout, _ in pages])))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for handout, page in pages:
        unsafe = render.find_unsafe_markup(page)
        if unsafe:
            raise SystemExit(f"error: {handout.file}: unsafe markup in a handout ({unsafe[0]})")
        written.append(_write(target / handout.file, page))
    for stale in sorted(set(target.glob("*.html")) - set(written)):
        stale.unlink()
    return written


def _write(path: Path, page: str) -> Path:
    # A temporary file renamed into place: an interrupted run leaves the old page or the new one, never half.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as out:
        out.write(page)
    os.chmod(out.name, 0o644)
    os.replace(out.name, path)
    return path


def _title(notebook: nbformat.NotebookNode) -> str:
    first = next((cell for cell in notebook.cells if cell.cell_type == "markdown"), None)
    lines = first.source.splitlines() if first else []
    return next((line[2:].strip() for line in lines if line.startswith("# ")), "")


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
    print(f"{len(files)} handouts written to {SEMINAR.relative_to(config.ROOT)}/", file=sys.stderr)
