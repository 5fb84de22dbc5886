"""What a report page shows of a table (kit.presentation.display): documents by name, no index, blanks, every row, folded groups."""

from __future__ import annotations

import pandas as pd
import pytest

from kit.presentation import display

DOCUMENTS = pd.DataFrame(
    {
        "doc_id": ["h1", "h2", "h3", "h4"],
        "outlet": ["Daily Star", "Daily Star", "Daily Star", "Evening Post"],
        "published": ["2018-03-28T21:45", "2018-03-28", "2018-03-28", "2024-04"],
        "headline": ["Kim visits Beijing for the first time since taking power", "", "", None],
    }
)


def test_a_document_is_named_by_outlet_date_and_the_start_of_its_headline():
    labels = display.document_labels(DOCUMENTS)
    assert labels["h1"] == "Daily Star · 2018-03-28 · Kim visits Beijing for the first …"
    assert labels["h4"] == "Evening Post · 2024-04"


def test_documents_that_would_share_a_label_are_numbered_in_order():
    labels = display.document_labels(DOCUMENTS)
    assert (labels["h2"], labels["h3"]) == ("Daily Star · 2018-03-28", "Daily Star · 2018-03-28 #2")


def test_chart_labels_leave_the_headline_out():
    assert display.document_labels(DOCUMENTS, headline_words=0)["h1"] == "Daily Star · 2018-03-28"


def test_readable_replaces_the_doc_id_in_place_and_blanks_what_is_missing():
    frame = pd.DataFrame(
        {"doc_id": ["h4", "h1"], "n": [1.5, float("nan")], "speaker": [None, "Xi"], "ids": [[1, 2], ()]},
        index=[7, 9],
    )
    shown = display.readable(frame, documents=DOCUMENTS)
    assert list(shown.columns) == ["document", "n", "speaker", "ids"]
    assert shown.to_dict("records") == [
        {"document": "Evening Post · 2024-04", "n": 1.5, "speaker": "", "ids": "1; 2"},
        {"document": display.document_labels(DOCUMENTS)["h1"], "n": "", "speaker": "Xi", "ids": ""},
    ]


def test_a_list_of_doc_ids_becomes_a_list_of_labels():
    shown = display.readable(pd.DataFrame({"speaker": ["Li"], "doc_ids": ["h4, h2"]}), documents=DOCUMENTS)
    assert shown.documents.tolist() == ["Evening Post · 2024-04; Daily Star · 2018-03-28"]


def test_the_html_has_no_index_no_nan_every_row_and_every_character_escaped():
    long_quote = "“" + "we will never accept " * 20 + "<b>this</b>”"
    frame = pd.DataFrame({"doc_id": ["h1"] * 80, "quote": [long_quote] * 80, "score": [None] * 80})
    page = display.table(frame, documents=DOCUMENTS)._repr_html_()
    assert page.count("<tr>") == 80 + 0 and page.count("<td>") == 80 * 3
    assert long_quote.replace("<", "&lt;").replace(">", "&gt;") in page
    assert "NaN" not in page and "None" not in page and "h1" not in page
    assert "<th></th>" not in page and "<th>published_\u200bprecision" not in page
    assert "<th>doc_\u200b" not in page and "<th>document</th>" in page


def test_column_names_may_break_after_an_underscore():
    page = display.table(pd.DataFrame({"published_precision": ["day"]}))._repr_html_()
    assert "<th>published_\u200bprecision</th>" in page


def test_plain_text_shows_every_row_and_says_when_there_is_none():
    frame = pd.DataFrame({"word": [f"w{i}" for i in range(100)]})
    assert repr(display.table(frame)).splitlines()[-1].strip() == "w99"
    assert repr(display.table(frame.head(0))) == "(no rows)"


def test_folded_groups_follow_the_order_and_open_only_short_groups():
    lines = pd.DataFrame({"theme": ["trade"] * 13 + ["russia"] * 2 + ["alliance"], "doc_id": ["h1"] * 16})
    folded = display.folded(lines, by="theme", documents=DOCUMENTS, order=["alliance", "absent"])
    assert [name for name, _ in folded.groups] == ["alliance", "trade", "russia"]
    assert [len(rows) for _, rows in folded.groups] == [1, 13, 2]
    page = folded._repr_html_()
    assert page.count("<details") == 3 and page.count('<details class="kit-group" open>') == 2
    assert "theme <strong>trade</strong> · 13 rows" in page and "· 1 row</summary>" in page
    assert "<th>theme</th>" not in page


def test_folded_by_document_names_each_group_by_its_label():
    removed = pd.DataFrame({"doc_id": ["h4", "h4", "h1"], "line": [1, 2, 3]})
    folded = display.folded(removed, by="doc_id", documents=DOCUMENTS)
    assert [name for name, _ in folded.groups] == ["Evening Post · 2024-04", display.document_labels(DOCUMENTS)["h1"]]
    assert folded.by == "document" and "h4" not in folded._repr_html_()


@pytest.mark.parametrize("name", ["<script>", "a & b"])
def test_a_group_name_is_escaped(name):
    page = display.folded(pd.DataFrame({"voice": [name], "x": [1]}), by="voice")._repr_html_()
    assert f"<strong>{name}</strong>" not in page


def test_a_one_word_cell_stays_on_one_line_and_prose_may_wrap():
    frame = pd.DataFrame({"score": [-0.7003], "day": ["2018-03-28"], "text": ["a sentence of several words"]})
    page = display.table(frame)._repr_html_()
    assert '<td class="kit-word">-0.7003</td>' in page and '<td class="kit-word">2018-03-28</td>' in page
    assert "<td>a sentence of several words</td>" in page


def test_a_word_of_up_to_sixteen_characters_is_one_word_and_a_longer_one_may_break():
    page = display.table(pd.DataFrame({"a": ["part_of_month", "2018-03-28T21:45", "x" * 17]}))._repr_html_()
    assert page.count('class="kit-word"') == 2 and f"<td>{'x' * 17}</td>" in page


def test_kwic_left_context_is_right_aligned_into_the_match():
    lines = pd.DataFrame({"left": ["the talks on"], "match": ["sanctions"], "right": ["went nowhere"]})
    page = display.table(lines)._repr_html_()
    assert '<td class="kit-left">the talks on</td><td class="kit-word">sanctions</td><td>went nowhere</td>' in page


def test_a_table_longer_than_a_page_shows_its_first_rows_and_says_how_many_more_the_csv_holds(monkeypatch):
    monkeypatch.setattr(display, "SHOWN_ROWS", 5)
    shown = display.table(pd.DataFrame({"doc_id": ["h1"] * 8, "n": range(8)}), documents=DOCUMENTS)
    page = shown._repr_html_()
    assert page.count("<tr>") == 5 and ">4</td>" in page and ">5</td>" not in page
    assert "… and 3 more rows: every row is in the report&#x27;s CSV tables" in page
    assert repr(shown).splitlines()[-1] == "… and 3 more rows: every row is in the report's CSV tables"
    assert "more rows" not in display.table(pd.DataFrame({"n": range(5)}))._repr_html_()


def test_folded_groups_share_one_page_budget_and_keep_their_full_counts(monkeypatch):
    monkeypatch.setattr(display, "SHOWN_ROWS", 5)
    lines = pd.DataFrame({"theme": ["trade"] * 3 + ["russia"] * 4 + ["alliance"] * 2, "n": range(9)})
    folded = display.folded(lines, by="theme")
    assert [(name, len(rows)) for name, rows in folded.groups] == [("trade", 3), ("russia", 2)]
    assert list(folded.groups[1][1].n) == [3, 4]
    page = folded._repr_html_()
    assert "theme <strong>russia</strong> · 4 rows" in page and "alliance" not in page
    assert "… and 4 more rows: every row is in the report" in page


def test_folding_many_documents_groups_in_one_pass():
    many = pd.DataFrame({"doc_id": [f"d{i:05d}" for i in range(20000)], "line": range(20000)})
    documents = pd.DataFrame({"doc_id": many.doc_id, "outlet": "Wire", "published": "2020-01-01", "headline": ""})
    folded = display.folded(many, by="doc_id", documents=documents)  # a mask per group would take minutes here
    assert len(folded.groups) == display.SHOWN_ROWS and folded.left_out == 20000 - display.SHOWN_ROWS
    assert folded.groups[0][0] == "Wire · 2020-01-01" and folded.groups[1][0] == "Wire · 2020-01-01 #2"


def test_a_nullable_integer_column_with_a_gap_shows_whole_numbers():
    frame = pd.DataFrame({"first_year": pd.Series([2018, None], dtype="Int64")})
    assert display.readable(frame).first_year.tolist() == [2018, ""]


def test_on_a_report_page_a_row_links_its_document_to_its_sentence_in_the_reader(monkeypatch):
    monkeypatch.setenv(display.READER_ENV, "../reader/")
    frame = pd.DataFrame({"doc_id": ["h1", "h4"], "sentence_id": [3, None], "quote": ["<b>a</b>", "b"]})
    page = display.table(frame, documents=DOCUMENTS)._repr_html_()
    label = display.document_labels(DOCUMENTS)["h1"]
    assert f'<a href="../reader/h1.html#s3">{label}</a>' in page
    assert '<a href="../reader/h4.html">Evening Post · 2024-04</a>' in page  # no sentence: the page's top
    assert page.count("<a ") == 2 and "&lt;b&gt;a&lt;/b&gt;" in page
    assert list(display.readable(frame, documents=DOCUMENTS).columns) == ["document", "sentence_id", "quote"]


def test_grouped_by_document_the_group_and_each_sentence_link_to_the_reader(monkeypatch):
    monkeypatch.setenv(display.READER_ENV, "../reader/")
    frame = pd.DataFrame({"doc_id": ["h1", "h1", "h4"], "sentence_id": [0, 5, 2], "text": ["x", "y", "z"]})
    page = display.folded(frame, by="doc_id", documents=DOCUMENTS)._repr_html_()
    assert '<strong><a href="../reader/h1.html">' in page and '<strong><a href="../reader/h4.html">' in page
    assert '<a href="../reader/h1.html#s5">5</a>' in page and '<a href="../reader/h4.html#s2">2</a>' in page
    by_theme = display.folded(frame.assign(theme="t"), by="theme", documents=DOCUMENTS)._repr_html_()
    assert '<a href="../reader/h1.html#s0">' in by_theme and "<strong>t</strong>" in by_theme


def test_without_the_runner_or_without_documents_nothing_links(monkeypatch):
    frame = pd.DataFrame({"doc_id": ["h1"], "sentence_id": [3]})
    monkeypatch.delenv(display.READER_ENV, raising=False)
    assert "<a " not in display.table(frame, documents=DOCUMENTS)._repr_html_()
    monkeypatch.setenv(display.READER_ENV, "../reader/")
    assert "<a " not in display.table(frame)._repr_html_()


def test_the_runner_sets_the_reader_for_the_kernel():
    from kit.report.execute import KERNEL_ENV

    assert KERNEL_ENV[display.READER_ENV] == "../reader/"


def test_a_cell_breaks_inside_a_word_only_when_a_token_is_too_long_for_any_column():
    page = display.to_html(
        pd.DataFrame(
            {"text": ["the traditional alliance endured", "https://example.com/a/very/long/path/to/an/article"]}
        )
    )
    assert "<td>the traditional alliance endured</td>" in page  # breaks between words (the stylesheet's default)
    assert '<td class="kit-long">https://example.com/a/very/long/path/to/an/article</td>' in page
