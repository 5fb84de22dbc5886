"""kit.ingest.import_source: the delimiter a CSV export uses is sniffed from its header; rows keep their line and row."""

import pytest

from kit.ingest import import_source


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("title,date,outlet,text\n", ","),
        ("Title;Pub Date;Publication;Body\n", ";"),
        ("title\tdate\ttext\n", "\t"),
        ("text\n", ","),  # one column: nothing to tell by
        ('"Title; main";date;text\n', ";"),
    ],
)
def test_the_delimiter_is_the_one_the_header_uses(header, delimiter):
    assert import_source.sniff_delimiter(header) == delimiter


def test_a_semicolon_export_keeps_commas_in_its_texts_and_names_rows_by_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('date;text\n2019-06-20;"Kim, Xi; and\ntwo lines"\n2019-06-21;x\n', encoding="utf-8")
    source = import_source.csv_source(path)
    assert (source.header, source.delimiter) == (["date", "text"], ";")
    records = list(source.records)
    assert records[0].values == {"date": "2019-06-20", "text": "Kim, Xi; and\ntwo lines"}
    assert [(r.row, r.line) for r in records] == [(1, 2), (2, 4)]


def test_a_row_with_more_fields_than_the_header_is_a_problem_of_that_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("date,text\n2019-06-20,x,y\n2019-06-21,z\n", encoding="utf-8")
    records = list(import_source.csv_source(path).records)
    assert [r.problem for r in records] == ["more fields than the header has", ""]
