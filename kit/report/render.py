"""A report's notebook made reproducible (:func:`normalise_notebook`) and shown as a page without scripts
(:func:`render_html`); :func:`find_unsafe_markup` checks the page.
"""

from __future__ import annotations

import functools
import html.parser
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kit import config
from kit.report.parameters import value_literal
from kit.report.plan import Run

if TYPE_CHECKING:
    from nbconvert import HTMLExporter
    from nbformat import NotebookNode


def normalise_notebook(notebook: NotebookNode, *, source_ids: set[str], input_path: str) -> NotebookNode:
    """Drop what changes from run to run: papermill timings and paths, execution timestamps, random cell ids.

    Cell ids from the source notebook are kept; cells papermill adds get ids from their position.
    ``language_info.version`` goes too: the Python patch release is the machine's, not the analysis's.
    """
    papermill_meta = notebook.metadata.get("papermill", {})
    kept = {"input_path": input_path, "parameters": papermill_meta.get("parameters", {})}
    if papermill_meta.get("exception"):
        kept["exception"] = True
    kept["version"] = papermill_meta.get("version")
    notebook.metadata["papermill"] = kept
    notebook.metadata.get("language_info", {}).pop("version", None)
    for position, cell in enumerate(notebook.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "id" in cell and cell.id not in source_ids:
            tags = cell.metadata.get("tags", [])
            cell.id = "injected-parameters" if "injected-parameters" in tags else f"kit-{position}"
    return notebook


def render_html(
    notebook: NotebookNode,
    *,
    run: Run,
    parameters: Mapping[str, Any],
    show_code: bool = False,
    failed: bool = False,
    files: Sequence[str] = (),
) -> str:
    """The report page: code hidden unless ``show_code``, no scripts, every output shown as data.

    ``files`` are the report's own files (beside the page in its folder), linked from the page by their names.
    """
    from urllib.parse import quote

    exporter = _exporter(show_code)
    shown = [(name, value_literal(value)) for name, value in parameters.items() if name != "output_dir"]
    resources = {
        "metadata": {"name": run.name},
        "kit": {
            "title": f"{notebook_title(notebook) or run.stem} · {run.slug}",
            "notebook": run.stem,
            "slug": run.slug,
            "parameters": shown,
            # The page is reports/<name>/report.html, a failed copy reports/failed/<name>/report.html.
            "index_href": ("../../" if failed else "../") + config.REPORT_INDEX_NAME,
            "files": [(name, quote(name)) for name in files],
        },
    }
    page, _ = exporter.from_notebook_node(notebook, resources=resources)
    return page.rstrip() + "\n"


def _exporter(show_code: bool) -> HTMLExporter:
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    settings = Config()
    settings.TemplateExporter.exclude_input = not show_code
    settings.TemplateExporter.exclude_input_prompt = not show_code
    settings.TemplateExporter.exclude_output_prompt = not show_code
    exporter = HTMLExporter(config=settings, template_name="report", extra_template_basedirs=[str(config.TEMPLATES)])
    exporter.register_filter("markdown_as_data", markdown_as_data)
    return exporter


def markdown_as_data(source: str) -> str:
    """Markdown a notebook *computed* (it may quote article text) as HTML: raw HTML is escaped, and a link
    with a script scheme (``[x](javascript:...)``) is shown as its source text instead of a link.
    """
    from nbconvert.filters.markdown_mistune import MarkdownWithMath

    renderer = _data_renderer_class()(escape=True, allow_harmful_protocols=False, exclude_anchor_links=True)
    return MarkdownWithMath(renderer=renderer).render(source)


@functools.cache
def _data_renderer_class() -> type:
    """The Markdown renderer of nbconvert, with script-scheme links kept as text (built on first use: nbconvert is slow
    to import and ``python -m kit table`` never needs it).
    """
    from html import escape

    from nbconvert.filters.markdown_mistune import IPythonRenderer

    class DataRenderer(IPythonRenderer):
        def link(self, text: str, url: str, title: str | None = None) -> str:
            if self.safe_url(url) == "#harmful-link":
                return f"[{text}]({escape(url, quote=False)})"
            return super().link(text, url, title)

        def image(self, text: str, url: str, title: str | None = None) -> str:
            if self.safe_url(url) == "#harmful-link":
                return f"![{escape(text, quote=False)}]({escape(url, quote=False)})"
            return super().image(text, url, title)

    return DataRenderer


def notebook_title(notebook: NotebookNode) -> str:
    """The notebook's first Markdown heading (``# ...``) in its first Markdown cell, or ``""``."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            source: str = cell.source
            for line in source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
            return ""
    return ""


class _ActiveContent(html.parser.HTMLParser):
    """Collects what could run in a browser: script-like elements, ``on*`` handlers, script URLs."""

    ELEMENTS = frozenset({"script", "iframe", "object", "embed", "frame", "frameset", "base"})
    URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})
    # Browsers ignore ASCII whitespace and control characters inside a URL scheme ("java\tscript:").
    IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.ELEMENTS:
            self.found.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name} attribute on <{tag}>")
            elif name in self.URL_ATTRIBUTES and value is not None:
                url = self.IGNORED_IN_SCHEME.sub("", value).lower()
                if url.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"{url.split(':')[0]}: URL in {name} of <{tag}>")

    handle_startendtag = handle_starttag


def find_unsafe_markup(page: str) -> list[str]:
    """What in an HTML page could execute (the report template itself has none); ``[]`` for a safe page."""
    parser = _ActiveContent()
    parser.feed(page)
    parser.close()
    return parser.found
