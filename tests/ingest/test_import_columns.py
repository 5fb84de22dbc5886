"""kit.ingest.import_columns: the usual export names, one column per fact, metadata kept under its own name."""

from pathlib import Path

import pytest

from kit.errors import CorpusError
from kit.ingest import import_columns

EXPORT = Path("export.csv")


@pytest.mark.parametrize(
    ("name", "folded_header"), [("Publication Date", "publication_date"), (" pub-date ", "pub_date"), ("BODY", "body")]
)
def test_names_are_compared_ignoring_case_spaces_and_hyphens(name, folded_header):
    assert import_columns.folded_header(name) == folded_header


def test_each_fact_takes_the_one_column_with_a_usual_name_and_the_rest_is_metadata():
    header = ["Title", "Publication", "Pub Date", "Byline", "Body", "outlet_type", "country", ""]
    names = import_columns.column_names(EXPORT, header, {})
    assert names == {
        "text": "Body",
        "title": "Title",
        "date": "Pub Date",
        "outlet": "Publication",
        "author": "Byline",
        "url": None,
        "id": None,
    }
    assert import_columns.metadata_names(EXPORT, header, names) == ["outlet_type", "country"]


def test_a_column_named_by_an_option_wins_and_the_other_candidate_is_metadata():
    header = ["text", "date", "source", "Publication"]
    names = import_columns.column_names(EXPORT, header, {"outlet": "Publication"})
    assert names["outlet"] == "Publication"
    assert import_columns.metadata_names(EXPORT, header, names) == ["source"]


def test_no_text_column_names_how_the_file_was_read():
    with pytest.raises(CorpusError, match=r"^export\.csv: read as tab-separated: no text column"):
        import_columns.column_names(EXPORT, ["date", "story"], {}, delimiter="\t")
    with pytest.raises(CorpusError, match=r"^export\.csv: no text column"):  # JSON Lines: no delimiter
        import_columns.column_names(EXPORT, ["date", "story"], {})


@pytest.mark.parametrize(
    ("value", "text"), [(None, ""), ("  a\n b ", "a b"), (3, "3"), (True, "true"), (["x", {"y": 1}], '["x", {"y": 1}]')]
)
def test_metadata_values_are_text_or_json(value, text):
    assert import_columns.metadata_text(value) == text
