"""kit import: CSV, JSON Lines and .txt folders become corpus folders the kit loads, or one-line refusals."""

import csv
import io
import json
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit import cli, config
from kit.errors import CorpusError, KitError
from kit.ingest import importer
from kit.preprocess.pipeline import prepare
from tests.exports import write_foreign_export

FIXTURES = config.ROOT / "tests" / "fixtures" / "import"


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / config.MANIFEST_NAME).read_text(encoding="utf-8"))))


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_csv_export_becomes_a_corpus_with_generated_ids_and_canonical_dates(tmp_path):
    out = importer.import_corpus(FIXTURES / "articles.csv", tmp_path / "corpus")
    rows = manifest_rows(out)
    assert list(rows[0]) == ["doc_id", "file", "outlet", "headline", "published", "published_precision",
                             "timezone", "author", "url", "notes"]  # fmt: skip
    assert [r["published_precision"] for r in rows] == ["minute", "day", "day"]
    assert rows[0]["published"] == "2018-03-28T10:15"
    assert rows[0]["timezone"] == "UTC"
    herald = rows[1]
    assert herald["doc_id"] == "2018-03-28_the-example-herald_xi-and-kim-hail-traditional-friendship_12bf39ba"
    assert herald["file"] == herald["doc_id"] + ".txt"
    assert (herald["outlet"], herald["headline"]) == ("The Example Herald", 'Xi and Kim hail "traditional friendship"')
    assert (herald["published"], herald["published_precision"]) == ("2018-03-28", "day")
    assert herald["notes"] == "imported from articles.csv row 2"
    assert rows[2]["author"] == "Lee Min, John Roe"
    text = (out / herald["file"]).read_text(encoding="utf-8")
    assert text.startswith("Chinese President Xi Jinping told Kim") and text.endswith("visit again.\n")


def test_imported_csv_prepares(tmp_path):
    prepared = prepare(importer.import_corpus(FIXTURES / "articles.csv", tmp_path / "corpus"))
    assert len(prepared.documents) == 3
    assert set(prepared.documents.outlet) == {"Example Wire", "The Example Herald"}
    assert len(prepared.sentences) == 5


def test_same_input_gives_the_same_bytes_wherever_it_is_written(tmp_path):
    first = importer.import_corpus(FIXTURES / "articles.csv", tmp_path / "one")
    second = importer.import_corpus(FIXTURES / "articles.csv", tmp_path / "elsewhere" / "two")
    assert folder_bytes(first) == folder_bytes(second)


def test_jsonl_with_ids_lists_and_nulls(tmp_path):
    out = importer.import_corpus(FIXTURES / "articles.jsonl", tmp_path / "corpus")
    rows = manifest_rows(out)
    assert [r["doc_id"] for r in rows] == ["wire-001", "wire-002"]
    assert rows[0]["author"] == "Jane Doe; John Roe"
    assert (rows[0]["published"], rows[0]["published_precision"], rows[0]["timezone"]) == (
        "2018-03-28T10:15",
        "minute",
        "",
    )
    assert (rows[1]["published"], rows[1]["published_precision"], rows[1]["author"]) == ("2018-04", "month", "")
    assert rows[1]["notes"] == "imported from articles.jsonl row 2"  # the blank line is no row
    assert len(prepare(out).documents) == 2


def test_jsonl_with_an_ambiguous_date_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys):
    source = FIXTURES / "bad_date.jsonl"
    out = tmp_path / "corpus"
    assert cli.main(["import", str(source), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"error: {source}:2: row 2, column 'date': date '03/04/2018' is ambiguous (day/month order unknown): "
        "give --dayfirst or --monthfirst, or write it as YYYY-MM-DD\n"
    )
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no staging folder left behind


def test_txt_folder_takes_ids_from_file_names_and_days_from_them(tmp_path):
    out = importer.import_corpus(FIXTURES / "txt", tmp_path / "corpus")
    rows = manifest_rows(out)
    assert [(r["doc_id"], r["published"], r["published_precision"]) for r in rows] == [
        ("kcna-report-2018-03-28", "2018-03-28", "day"),
        ("xinhua-2019-06-20", "2019-06-20", "day"),
    ]
    assert {(r["outlet"], r["headline"], r["author"], r["url"]) for r in rows} == {("", "", "", "")}
    assert rows[0]["notes"] == (
        "imported from KCNA report 2018-03-28.txt; date from the file name; outlet, headline, author, url unknown"
    )
    assert (out / "xinhua-2019-06-20.txt").read_bytes() == (FIXTURES / "txt" / "xinhua-2019-06-20.txt").read_bytes()
    assert len(prepare(out).documents) == 2


def test_txt_file_without_a_date_needs_published(tmp_path):
    source = tmp_path / "articles"
    source.mkdir()
    (source / "kcna.txt").write_text("Kim Jong Un visited China.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"kcna\.txt: no YYYY-MM-DD publication date in the file name"):
        importer.import_corpus(source, tmp_path / "corpus")
    out = importer.import_corpus(source, tmp_path / "corpus", importer.ImportSettings(published="March 2018"))
    row = manifest_rows(out)[0]
    assert (row["doc_id"], row["published"], row["published_precision"]) == ("kcna", "2018-03", "month")
    assert "date from --published" in row["notes"]
    with pytest.raises(CorpusError, match=r"^--published: date '03/04/2018' is ambiguous"):
        importer.import_corpus(source, tmp_path / "other", importer.ImportSettings(published="03/04/2018"))


def test_columns_named_by_options(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text(
        "Body,When,Paper,Key\nKim arrived in Beijing on Monday.,2018-03-26,The Paper,k1\n", encoding="utf-8"
    )
    columns = {"text": "Body", "date": "When", "outlet": "Paper", "id": "Key"}
    row = manifest_rows(importer.import_corpus(source, tmp_path / "corpus", importer.ImportSettings(columns=columns)))[
        0
    ]
    assert (row["doc_id"], row["outlet"], row["published"]) == ("k1", "The Paper", "2018-03-26")


def test_cli_import_with_column_options(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("Body,When\nKim arrived in Beijing on Monday.,26 Mar 2018\n", encoding="utf-8")
    out = tmp_path / "corpus"
    assert cli.main(["import", str(source), "--out", str(out), "--text", "Body", "--date", "When"]) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    assert manifest_rows(out)[0]["doc_id"] == "2018-03-26_1452eb19"  # sha256 of the article file


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,text\nA,Some text.\n", r"export\.csv:2: row 1, column 'date': no publication date"),
        ("date,text\n2018-03-28,\n", r"export\.csv:2: row 1, column 'text': text is empty"),
        (
            "date,story\n2018-03-28,x\n",
            r"export\.csv: read as ','-separated: no text column \(text, body, content, .*\) among date, story; name",
        ),
        ("date,text\n2018-02-30,x\n", r"export\.csv:2: row 1, column 'date': date '2018-02-30' does not exist"),
        ("date,text\n2018-03-28,x,extra\n", r"export\.csv:2: row 1: more fields than the header has"),
        ('date,text\n2018-03-28,"two\nlines"\n28/3/18,x\n', r"export\.csv:4: row 2, column 'date': date '28/3/18'"),
        ("id,date,text\nbad id,2018-03-28,x\n", r"export\.csv:2: row 1, column 'id': id 'bad id' is not a file-name"),
        ("id,date,text\na,2018-03-28,x\na,2018-03-29,y\n", r"export\.csv:3: row 2: doc_id 'a' duplicates .*:2: row 1"),
    ],
)
def test_bad_rows_are_refused_naming_file_line_row_and_column(tmp_path, content, message):
    source = tmp_path / "export.csv"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        importer.import_corpus(source, tmp_path / "corpus")
    assert not (tmp_path / "corpus").exists()


def test_a_missing_named_column_lists_the_columns(tmp_path):
    with pytest.raises(CorpusError, match=r"no column 'body' \(--text\); columns are title, date, source"):
        importer.import_corpus(
            FIXTURES / "articles.csv", tmp_path / "corpus", importer.ImportSettings(columns={"text": "body"})
        )


def test_bad_json_line_is_refused(tmp_path):
    source = tmp_path / "export.jsonl"
    source.write_text(json.dumps({"text": "x", "date": "2018-03-28"}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"export\.jsonl:2: row 2: not JSON"):
        importer.import_corpus(source, tmp_path / "corpus")


def test_unknown_suffix_asks_for_format(tmp_path):
    source = tmp_path / "export.tsv"
    shutil.copy(FIXTURES / "articles.csv", source)
    with pytest.raises(CorpusError, match=r"cannot tell the format .* \(use --format csv\|jsonl\|txt\)"):
        importer.import_corpus(source, tmp_path / "corpus")
    assert (
        len(manifest_rows(importer.import_corpus(source, tmp_path / "corpus", importer.ImportSettings(fmt="csv")))) == 3
    )


def test_non_empty_out_is_refused_unless_forced(tmp_path):
    out = tmp_path / "corpus"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(KitError, match="folder exists and is not empty"):
        importer.import_corpus(FIXTURES / "articles.jsonl", out)
    assert (out / "keep.txt").exists()
    importer.import_corpus(FIXTURES / "articles.jsonl", out, importer.ImportSettings(force=True))
    assert sorted(p.name for p in out.iterdir()) == ["manifest.csv", "wire-001.txt", "wire-002.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_slug():
    assert importer.slug("Kim Jong-un’s Visit to Pyongyang") == "kim-jong-uns-visit-to-pyongyang"
    assert importer.slug("Ханой 2019") == "2019"


def test_not_utf8_and_empty_exports_are_refused(tmp_path):
    source = tmp_path / "export.csv"
    source.write_bytes(b"date,text\n2018-03-28,Pyongyang\n2018-03-29,caf\xe9\n")
    with pytest.raises(CorpusError, match=r"export\.csv:3: not UTF-8 \(byte 0xe9 at column 15\)"):
        importer.import_corpus(source, tmp_path / "corpus")
    source.write_text("date,text\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"export\.csv: no articles found"):
        importer.import_corpus(source, tmp_path / "corpus")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_row_the_loader_would_refuse_is_refused_at_import_and_nothing_is_written(tmp_path, capsys):
    source = tmp_path / "far.csv"
    source.write_text('text,title,date,outlet\n"Kim met Xi in Beijing.",T,"28 March 9999",O\n', encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["import", str(source), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"error: {source}:2: row 1: field published '9999-03-28' is outside the years the kit can date (1678–2261)\n"
    )
    assert not out.exists()


# --- what cannot be read faithfully is refused, never guessed at ----------------------------------------------

BAD = FIXTURES / "bad"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        # Read loosely, the five rows became one article: the unclosed quotation swallowed the four after it.
        ("unclosed_quote.csv", ":2: row 1: quotation marks do not pair up (',' expected after '\"')"),
        ("unclosed_quote_to_the_end.csv", ":3: row 2: a quotation mark opens a field that is never closed"),
        ("undoubled_quote.csv", ":2: row 1: quotation marks do not pair up (',' expected after '\"')"),
        ("duplicate_column.csv", ":1: column 'Text' appears twice in the header (as 'text')"),
        ("duplicate_key.jsonl", ":2: row 2: not readable as JSON (key 'text' appears twice in one object)"),
        ("object_text.jsonl", ":1: row 1, column 'text': an object where text is expected ({'lead': "),
        ("list_text.jsonl", ":1: row 1, column 'text': a list where text is expected (['Kim arrived"),
        ("number_date.jsonl", ":1: row 1, column 'date': a number where text is expected (20180328)"),
        ("nan_text.jsonl", ":2: row 2: not readable as JSON (NaN is not a JSON value)"),
        ("invisible_text.csv", ":3: row 2, column 'text': text has no visible character (only U+200B and the like)"),
    ],
)
def test_what_cannot_be_read_faithfully_is_one_line_naming_file_and_row(tmp_path, capsys, name, message):
    source = BAD / name
    out = tmp_path / "corpus"
    assert cli.main(["import", str(source), "--out", str(out)]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"error: {source}{message}") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # nothing written, no staging folder left


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"id": ' + "9" * 5000 + ', "date": "2018-03-28", "text": "x"}',
            "not readable as JSON (a number with too many digits)",
        ),
        (
            '{"x": ' + "[" * 100_000 + "]" * 100_000 + ', "date": "2018-03-28", "text": "x"}',
            "not readable as JSON (nested too deeply)",
        ),
        (
            '{"date": "2018-03-28", "text": "x", "score": Infinity}',
            "not readable as JSON (Infinity is not a JSON value)",
        ),
        (
            '{"date": "2018-03-28", "text": "x", "meta": {"a": 1, "a": 2}}',
            "not readable as JSON (key 'a' appears twice in one object)",
        ),
        ('{"date": "2018-03-28", "text": "x", "title": true}', "column 'title': true/false where text is expected"),
        ('{"date": "2018-03-28", "text": "x", "id": 1.5}', "column 'id': a number where text is expected (1.5)"),
        ('{"date": "2018-03-28", "text": "x", "author": ["A", 7]}', "column 'author': a list where text is expected"),
    ],
)
def test_json_values_that_are_not_text_or_not_json_are_refused(tmp_path, line, message):
    source = tmp_path / "export.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"^{source}:1: row 1(: |, ){re.escape(message)}"):
        importer.import_corpus(source, tmp_path / "corpus")
    assert not (tmp_path / "corpus").exists()


def test_json_kept_as_before_a_whole_number_id_authors_with_nulls_and_unused_values_of_any_kind(tmp_path):
    source = tmp_path / "export.jsonl"
    value = {"id": 12345, "date": "2018-03-28", "text": "Kim met Xi.", "author": ["A", None, "B"], "tags": [1, {}]}
    source.write_text(json.dumps(value) + "\n", encoding="utf-8")
    row = manifest_rows(importer.import_corpus(source, tmp_path / "corpus"))[0]
    assert (row["doc_id"], row["author"], row["tags"]) == ("12345", "A; B", "[1, {}]")  # a metadata column, as JSON


def test_a_quotation_doubled_inside_a_quoted_text_and_a_lone_mark_in_an_unquoted_one_are_kept(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text(
        'id,date,text\na1,2018-03-28,"Kim said ""we will meet"" again."\na2,2018-03-29,Xi said "soon.\n',
        encoding="utf-8",
    )
    out = importer.import_corpus(source, tmp_path / "corpus")
    assert (out / "a1.txt").read_text(encoding="utf-8") == 'Kim said "we will meet" again.\n'
    assert (out / "a2.txt").read_text(encoding="utf-8") == 'Xi said "soon.\n'


def test_a_csv_cell_longer_than_the_csv_module_reads_is_one_line(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text(f"date,text\n2018-03-28,short\n2018-03-29,{'x' * 200_000}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"^{source}:3: row 2: not readable as CSV \(field larger than field limit"):
        importer.import_corpus(source, tmp_path / "corpus")


@pytest.mark.parametrize("inside", ["seeds", "corpus"])
def test_out_inside_the_seeds_or_a_corpus_folder_is_refused(tmp_path, inside):
    corpus = importer.import_corpus(FIXTURES / "articles.jsonl", tmp_path / "mine")
    parent = config.SEEDS if inside == "seeds" else corpus
    before = sorted(p.name for p in parent.iterdir())
    with pytest.raises(KitError, match=r"inside the corpus folder .* \(a corpus is only read\); choose another --out"):
        importer.import_corpus(FIXTURES / "articles.csv", parent / "sub")
    assert sorted(p.name for p in parent.iterdir()) == before


def test_a_write_that_fails_half_way_is_one_line_and_leaves_nothing(tmp_path):
    source = tmp_path / "export.jsonl"
    lines = (json.dumps({"id": f"a{i}", "date": "2018-03-28", "text": f"Kim met Xi on day {i}."}) for i in range(400))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "corpus"
    command = [sys.executable, "-m", "kit", "import", str(source), "--out", str(out)]
    # Python ignores SIGXFSZ, so a file growing past the limit fails with EFBIG, as a full disk fails with ENOSPC.
    limit = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, 16_000))  # noqa: E731
    done = subprocess.run(command, cwd=config.ROOT, capture_output=True, text=True, preexec_fn=limit)
    assert (done.returncode, done.stdout) == (cli.EXIT_BAD_INPUT, "")
    assert done.stderr == f"error: {out}: cannot write (File too large); nothing written\n"
    assert list((tmp_path / "out").iterdir()) == []


# --- a researcher's own export: day-first dates, semicolons, Publication, metadata columns kept ----------------


def test_a_foreign_export_with_semicolons_day_first_dates_and_metadata_columns_imports(tmp_path, capsys):
    source = write_foreign_export(tmp_path / "export.csv")
    out = tmp_path / "corpus"
    assert cli.main(["import", str(source), "--out", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"wrote {out}; dates read day-first, as line 14, row 13: '13/01/2019' can only be\n"
    )
    rows = manifest_rows(out)
    assert len(rows) == 40
    assert list(rows[0])[-2:] == ["outlet_type", "country"]
    assert (rows[1]["outlet"], rows[1]["headline"], rows[1]["author"]) == ("Tokyo Wire", "Story 1", "A. Writer")
    assert (rows[1]["published"], rows[1]["outlet_type"], rows[1]["country"]) == ("2019-02-02", "agency", "JP")
    assert rows[3]["published"] == "2019-04-04"  # 04/04: the same either way
    assert rows[13]["published"] == "2019-02-14"  # 14/02/2019
    documents = prepare(out).documents
    assert {"outlet_type", "country"} <= set(documents.columns)
    assert dict(zip(documents.outlet, documents.outlet_type, strict=True))["Beijing Review"] == "magazine"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed_from_the_header(tmp_path, delimiter):
    source = write_foreign_export(tmp_path / "export.csv", 3, delimiter=delimiter)
    rows = manifest_rows(importer.import_corpus(source, tmp_path / "corpus"))
    assert [r["country"] for r in rows] == ["KR", "JP", "CN"]


def test_a_header_without_a_text_column_names_the_delimiter_it_was_read_with(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text("Title;Pub Date;Story\nA;2019-06-20;x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"export\.csv: read as ';'-separated: no text column \(text, body.*\) among Title, Pub Date, Story; name one with --text$"):  # fmt: skip
        importer.import_corpus(source, tmp_path / "corpus")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "text,date,source,Publication",
            r"columns 'source' and 'Publication' could both hold the outlet; name the one that does with --outlet",
        ),
        ("Body,Content,date", r"columns 'Body' and 'Content' could both hold the text"),
        ("text,date,notes", r":1: column 'notes' has the name of a column the kit writes itself"),
    ],
)
def test_two_candidates_for_one_fact_or_a_kit_column_name_are_refused(tmp_path, header, message):
    source = tmp_path / "export.csv"
    source.write_text(f"{header}\n" + ",".join(["Kim met Xi.", "2019-06-20", "x", "y"][: header.count(",") + 1]) + "\n")
    with pytest.raises(CorpusError, match=message):
        importer.import_corpus(source, tmp_path / "corpus")
    assert not (tmp_path / "corpus").exists()


def test_the_usual_export_names_are_recognised_whatever_their_case(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text(
        "HEADLINE,Newspaper,publication_date,BYLINE,Link,Content,Article_ID\nH,N,2019-06-20,B,http://x,Kim met Xi.,a1\n",
        encoding="utf-8",
    )
    row = manifest_rows(importer.import_corpus(source, tmp_path / "corpus"))[0]
    assert (row["doc_id"], row["headline"], row["outlet"], row["author"], row["url"]) == (
        "a1",
        "H",
        "N",
        "B",
        "http://x",
    )
    assert list(row) == ["doc_id", "file", "outlet", "headline", "published", "published_precision", "timezone",
                         "author", "url", "notes"]  # fmt: skip


@pytest.mark.parametrize(
    ("option", "published"), [(None, None), ("--dayfirst", "2019-04-03"), ("--monthfirst", "2019-03-04")]
)
def test_a_truly_ambiguous_date_needs_an_option_which_the_error_names(tmp_path, capsys, option, published):
    source = tmp_path / "export.csv"
    source.write_text("date,text\n03/04/2019,Kim met Xi.\n", encoding="utf-8")
    out = tmp_path / "corpus"
    code = cli.main(["import", str(source), "--out", str(out), *([option] if option else [])])
    if published is None:
        assert code == 2
        assert capsys.readouterr().err == (
            f"error: {source}:2: row 1, column 'date': date '03/04/2019' is ambiguous (day/month order unknown): "
            "give --dayfirst or --monthfirst, or write it as YYYY-MM-DD\n"
        )
        assert not out.exists()
    else:
        assert code == 0
        assert manifest_rows(out)[0]["published"] == published


def test_a_date_column_proving_both_orders_names_the_two_rows(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text("date,text\n03/04/2019,a\n20/06/2019,b\n01/02/2019,c\n06/21/2019,d\n", encoding="utf-8")
    with pytest.raises(CorpusError) as refused:
        importer.import_corpus(source, tmp_path / "corpus")
    assert str(refused.value) == (
        f"{source}: column 'date' has a date that can only be day-first (line 3, row 2: '20/06/2019') and one that "
        "can only be month-first (line 5, row 4: '06/21/2019'); correct one of them"
    )
    assert not (tmp_path / "corpus").exists()


def test_a_month_first_column_is_read_month_first_throughout(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text("date,text\n03/04/2019,a\n06/21/2019,b\n", encoding="utf-8")
    summary = importer.run_import(source, tmp_path / "corpus", importer.ImportSettings())
    assert [r["published"] for r in manifest_rows(summary.folder)] == ["2019-03-04", "2019-06-21"]
    assert summary.dates == "dates read month-first, as line 3, row 2: '06/21/2019' can only be"


# --- --skip-bad: refused rows listed beside the output, the rest imported ----------------------------------------

SOME_BAD = "id,date,text\na1,2019-06-20,Kim met Xi.\na2,,No date here.\na3,2019-06-21,\na4,2019-06-22,Xi met Kim.\n"


def test_without_skip_bad_one_bad_row_refuses_the_whole_import(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text(SOME_BAD, encoding="utf-8")
    out = tmp_path / "corpus"
    assert cli.main(["import", str(source), "--out", str(out)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {source}:3: row 2, column 'date': no publication date")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_skip_bad_lists_refused_rows_in_the_output_and_imports_the_rest(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text(SOME_BAD + "a1,2019-06-23,Again.\nx,2019-06-23,one,two\n", encoding="utf-8")
    out = tmp_path / "corpus"
    assert cli.main(["import", str(source), "--out", str(out), "--skip-bad"]) == 0
    rejects = out / "rejects.csv"
    assert capsys.readouterr().out == f"wrote {out}; 4 rows refused, listed in {rejects}\n"
    assert [r["doc_id"] for r in manifest_rows(out)] == ["a1", "a4"]
    assert rejects.read_text(encoding="utf-8") == (
        "row,line,reason\n"
        "2,3,column 'date': no publication date (name the column with --date or give --published)\n"
        "3,4,column 'text': text is empty\n"
        f"5,6,doc_id 'a1' duplicates {source}:2: row 1\n"
        "6,7,more fields than the header has\n"
    )
    assert len(prepare(out).documents) == 2  # the rejects file does not trouble the loader


def test_rejects_file_elsewhere_and_nothing_written_when_every_row_is_refused(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text(SOME_BAD, encoding="utf-8")
    out, rejects = tmp_path / "corpus", tmp_path / "checks" / "refused.csv"
    assert cli.main(["import", str(source), "--out", str(out), "--rejects", str(rejects)]) == 0
    assert capsys.readouterr().out == f"wrote {out}; 2 rows refused, listed in {rejects}\n"
    assert rejects.read_text(encoding="utf-8").count("\n") == 3
    assert sorted(p.name for p in out.iterdir()) == ["a1.txt", "a4.txt", "manifest.csv"]
    source.write_text("id,date,text\na2,,No date here.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"export\.csv: no articles found \(1 rows refused\)"):
        importer.import_corpus(source, tmp_path / "other", importer.ImportSettings(skip_bad=True))
    assert not (tmp_path / "other").exists()


def test_the_workbooks_keywords_set_the_publication_date_and_replace_a_folder(tmp_path):
    source = tmp_path / "articles"
    source.mkdir()
    (source / "kim-visit.txt").write_text("Kim Jong-un visited Beijing, officials said.\n", encoding="utf-8")
    out = tmp_path / "corpus"
    importer.import_corpus(source, out, published="2024-04")
    assert "2024-04" in (out / "manifest.csv").read_text(encoding="utf-8")
    importer.import_corpus(source, out, importer.ImportSettings(published="2023-01"), published="2024-05", force=True)
    assert "2024-05" in (out / "manifest.csv").read_text(encoding="utf-8")
