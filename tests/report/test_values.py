"""Recorded values as the index shows them (kit.report.values)."""

from __future__ import annotations

import json

import pytest

from kit.report import values
from kit.report.values import MAX_ROWS, read_views, view
from tests.scaling import assert_linear

LABELS = {"001_a3cb": "The Diplomat · 2018-03-28 · Xi and Kim"}


def test_a_scalar_and_a_list_read_as_text():
    assert view("documents", 5, LABELS).text == "5"
    assert view("ok", True, LABELS).text == "yes"
    assert view("mean", 0.27654, LABELS).text == "0.27654"
    assert view("speakers", [], LABELS).text == "(none)"
    assert view("quotes", ["a", "b"], LABELS).text == "a; b"
    assert view("long", ["x" * 500], LABELS).text == "x" * 159 + "…"


def test_a_mapping_is_a_table_whose_document_keys_read_as_outlet_date_and_headline():
    shown = view("tokens_per_document", {"001_a3cb": 1404, "002_d36a": 1039}, LABELS)
    assert shown.columns == ("", "value")
    assert shown.rows == (("The Diplomat · 2018-03-28 · Xi and Kim", "1404"), ("002_d36a", "1039"))
    assert shown.more == ""


def test_a_mapping_of_mappings_is_a_matrix_and_a_long_one_says_what_is_left_out():
    values = {f"theme{i}": {"001_a3cb": i, "2018": 0.5} for i in range(MAX_ROWS + 3)}
    shown = view("theme_hits", values, LABELS)
    assert shown.columns == ("", "The Diplomat · 2018-03-28 · Xi and Kim", "2018")
    assert shown.rows[1] == ("theme1", "1", "0.5")
    assert len(shown.rows) == MAX_ROWS and shown.more == "and 3 more rows in values.json"


def test_an_unreadable_file_shows_nothing(tmp_path):
    assert read_views(tmp_path / "values.json", LABELS) == []
    (tmp_path / "values.json").write_text(json.dumps({"b": 1, "a": {"x": 2}}))
    assert [v.name for v in read_views(tmp_path / "values.json", LABELS)] == ["a", "b"]


def test_a_matrix_with_a_column_per_document_is_read_in_linear_time():
    """theme_hits at 100,000 articles: seven rows of 100,000 columns (a quadratic scan took hours)."""

    def matrix(documents: int) -> dict:
        return {theme: {f"d{i:06d}": i % 5 for i in range(documents)} for theme in ("alliance", "trade", "russia")}

    table = values.view("theme_hits", matrix(20), {})
    assert table.columns == ("", *(f"d{i:06d}" for i in range(values.MAX_COLUMNS)))
    assert table.more == "and 12 more columns in values.json"
    assert_linear(lambda m: values.view("theme_hits", m, {}), matrix, 10000)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("tokens_per_document", "Tokens per document"),
        ("per_1k_by_period", "Per 1,000 tokens by period"),
        ("keyness_g2", "Keyness G2"),
        ("kwic_lines", "KWIC lines"),
        ("documents", "Documents"),
    ],
)
def test_a_value_is_labelled_as_a_reader_reads_it(name, label):
    assert values.view(name, 1, {}).label == label
