"""Rendering (kit.report.render): normalised notebooks, pages without scripts, article text kept as text."""

from __future__ import annotations

import nbformat
import pytest

from kit.report.render import find_unsafe_markup, markdown_as_data, normalise_notebook
from tests.report.helpers import kit_report, make_tree


def test_computed_markdown_keeps_article_html_as_text():
    page = markdown_as_data("> said <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://a.org)")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[x](javascript:alert(1))" in page and 'href="javascript' not in page
    assert '<a href="https://a.org">ok</a>' in page
    assert find_unsafe_markup(page) == []


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href=" JaVa\tScript:alert(1)">x</a>',
        '<iframe src="https://example.org"></iframe>',
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    ],
)
def test_unsafe_markup_is_found(markup):
    assert find_unsafe_markup(f"<p>text</p>{markup}")


def test_escaped_markup_is_not_unsafe():
    assert find_unsafe_markup("<pre>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</pre>") == []


def test_normalise_strips_timings_paths_and_random_ids():
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x = 1", id="kept"), nbformat.v4.new_code_cell("y = 2", id="0f3a9c1e")],
        metadata={
            "language_info": {"name": "python", "version": "3.11.7"},
            "papermill": {"start_time": "2026", "duration": 1.2, "output_path": "/abs/x.ipynb", "parameters": {"a": 1}},
        },
    )
    notebook.cells[1].metadata.update(tags=["injected-parameters"], papermill={"duration": 1}, execution={"t": 1})
    notebook.cells[0].metadata.update(papermill={"duration": 1}, execution={"t": 1})
    out = normalise_notebook(notebook, source_ids={"kept"}, input_path="notebooks/x.ipynb")
    assert out.metadata.papermill == {"input_path": "notebooks/x.ipynb", "parameters": {"a": 1}, "version": None}
    assert out.metadata.language_info == {"name": "python"}
    assert [c.id for c in out.cells] == ["kept", "injected-parameters"]
    assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in out.cells)


@pytest.mark.enable_socket
def test_executed_notebook_has_no_timestamps_ids_or_absolute_staging_noise(built):
    text = (built["reports"] / "00-tiny__all" / "report.ipynb").read_text()
    notebook = nbformat.reads(text, as_version=4)
    for word in ("start_time", "end_time", "duration", "iopub", "output_path", "environment_variables"):
        assert word not in text
    assert notebook.cells[2].id == "injected-parameters"
    assert all(c.get("outputs") is not None for c in notebook.cells if c.cell_type == "code")
    assert "data:image/svg+xml;base64," in (built["reports"] / "00-tiny__all" / "report.html").read_text()


@pytest.mark.enable_socket
def test_html_hides_code_and_has_no_scripts_or_remote_resources(built):
    page = (built["reports"] / "00-tiny__all" / "report.html").read_text()
    assert "outputs.save_table" not in page  # code hidden by default
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert '<a href="../index.html">All reports</a>' in page


@pytest.mark.enable_socket
def test_article_markup_stays_text_in_reports_and_index(built):
    for name in ("01-xss__xss/report.html", "index.html"):
        page = (built["reports"] / name).read_text()
        assert find_unsafe_markup(page) == [], name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    page = (built["reports"] / "01-xss__xss" / "report.html").read_text()
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;" in page or '&lt;a href="javascript:alert(1)"&gt;' in page


@pytest.mark.enable_socket
def test_show_code_keeps_code_cells(tmp_path):
    tree = make_tree(tmp_path)
    assert kit_report(tree, "--only", "00-tiny__all", "--show-code") == 0
    page = (tree["reports"] / "00-tiny__all" / "report.html").read_text()
    assert "save_table" in page and "<script" not in page
