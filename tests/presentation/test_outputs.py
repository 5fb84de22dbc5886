"""kit.presentation.outputs: recorded values written whole and shown folded, tidy tables, deterministic figures."""

from __future__ import annotations

import json

from kit.presentation import outputs


def test_recorded_values_merge_into_the_file_and_read_back_as_written(tmp_path):
    outputs.record({"b": 1}, str(tmp_path))
    merged = outputs.record({"a": {"x": 2}}, str(tmp_path))
    assert merged == {"a": {"x": 2}, "b": 1}
    assert json.loads((tmp_path / outputs.VALUES_NAME).read_text(encoding="utf-8")) == merged
    assert (tmp_path / outputs.VALUES_NAME).read_text(encoding="utf-8") == merged.as_json()


def test_nothing_is_written_without_an_output_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert outputs.record({"a": 1}, "") == {"a": 1}
    assert list(tmp_path.iterdir()) == []


def test_a_page_shows_the_values_folded_under_one_line_and_escaped():
    page = outputs.record({"top": "<script>alert(1)</script>", "n": 3}, "")._repr_html_()
    assert page.startswith('<details class="kit-recorded">') and page.endswith("</details>")
    assert "<summary>values.json: 2 values, for other tools (click to open)</summary>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
