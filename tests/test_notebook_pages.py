"""What the report pages show (the notebooks' outputs): documents by name, every KWIC line, any number of outlets."""

from __future__ import annotations

import json
import re

import pytest

from tests.seeds import HERALD, ROW

HASHED_ID = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")


def html_outputs(notebook_path) -> list[str]:
    """The text/html outputs of an executed notebook (what the report page shows as tables)."""
    cells = json.loads(notebook_path.read_text(encoding="utf-8"))["cells"]
    return [
        "".join(output["data"]["text/html"])
        for cell in cells
        for output in cell.get("outputs", [])
        if "text/html" in output.get("data", {})
    ]


@pytest.mark.enable_socket
def test_chronology_runs_on_a_corpus_of_more_outlets_than_a_palette_has_colours(run_notebook, make_corpus):
    article = "Kim Jong-un visited Beijing in March 2018. He had last travelled abroad in 2011, officials said.\n"
    files = {f"d{i:02d}.txt": article for i in range(12)}
    rows = [
        {**ROW, "doc_id": f"d{i:02d}", "file": f"d{i:02d}.txt", "outlet": f"Outlet {i:02d}", "published": "2018-04-02"}
        for i in range(12)
    ]
    values = run_notebook("01-chronology", corpus_dir=str(make_corpus(files, rows=rows)))
    assert values["documents"] == 12
    assert values["earliest_event"]["d05"] == "2011-01-01"
    assert values["document_labels"]["d11"] == "Outlet 11 · 2018-04-02 · A Test Headline"


@pytest.mark.enable_socket
def test_themes_page_shows_every_kwic_line_and_names_documents_not_ids(run_notebook, tmp_path):
    values = run_notebook("03-themes")
    tables = html_outputs(tmp_path / "03-themes" / "03-themes.ipynb")
    every_theme = [table for table in tables if table.count("<details") == len(values["themes"])]
    assert len(every_theme) == 1, "one output folds every KWIC line by theme"
    assert every_theme[0].count("<tr>") == values["kwic_lines"] == 175  # body rows; header rows carry a style
    assert values["document_labels"][HERALD] == "The Korea Herald · 2018-03-28 · What are the implications of NK …"
    shown = [table for table in tables if not table.startswith('<details class="kit-recorded">')]
    assert len(shown) == len(tables) - 1, "values.json, as tools read it (keyed by doc_id), folded at the end"
    for table in shown:
        assert not HASHED_ID.search(table), HASHED_ID.search(table)
        assert "NaN" not in table and "<th></th>" not in table.split("</thead>")[-1]
