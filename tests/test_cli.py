import argparse
import csv
import io
import json
import subprocess
import sys

import pytest

from kit import cli, config
from tests.seeds import ROW


def run_kit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=config.ROOT, check=False
    )


def test_table_documents_lists_the_five_seeds_with_their_facts():
    result = run_kit("table", "documents")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5
    herald = next(r for r in rows if r["doc_id"] == "003_80d4a5ff23514f6a")
    assert herald["outlet"] == "The Korea Herald"
    assert herald["author"] == "Ock Hyun-ju"
    assert herald["published"] == "2018-03-28"
    assert (herald["n_sentences"], herald["n_tokens"]) == ("36", "1097")
    assert len(herald["sha256"]) == 64
    assert "raw_text" not in herald


def test_table_removed_shows_the_furniture_kinds():
    rows = json.loads(run_kit("table", "removed", "--format", "json").stdout)
    assert {r["kind"] for r in rows} == {
        "headline",
        "section_label",
        "standfirst",
        "caption",
        "credit",
        "date_line",
        "related_story",
        "additional_reporting",
        "byline",
    }


@pytest.mark.parametrize("name", ["sentences", "tokens", "paragraphs"])
def test_text_tables_have_offsets(name, capsys):
    assert cli.main(["table", name, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"doc_id", "start", "end"} <= set(rows[0])


def test_bad_corpus_gives_one_line_exit_2_and_no_output(make_corpus):
    folder = make_corpus({}, [{**ROW}])
    result = run_kit("table", "documents", "--corpus", str(folder))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert (
        result.stderr.startswith("error: ")
        and "manifest.csv:2: field file 'a1.txt': file does not exist" in result.stderr
    )


def test_unlisted_file_is_a_warning_on_stderr(make_corpus):
    folder = make_corpus({"a1.txt": "One sentence here.", "extra.txt": "Other."}, [{**ROW}])
    result = run_kit("table", "documents", "--corpus", str(folder))
    assert result.returncode == 0
    assert "warning: " in result.stderr and "extra.txt: not listed in manifest.csv; ignored" in result.stderr


def test_csv_output_is_stable():
    first, second = run_kit("table", "tokens").stdout, run_kit("table", "tokens").stdout
    assert first == second and first.count("\n") == 6071


# ---------------------------------------------------------------- every error one line, on every path


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["report", "--jobs", "many"], "python -m kit report: argument --jobs: invalid int value: 'many'"),
        (
            ["table", "tokens", "--format", "xml"],
            "python -m kit table tokens: argument --format: invalid choice: 'xml'",
        ),
        (["synth", "--out", "x"], "python -m kit synth: the following arguments are required: --n"),
    ],
)
def test_a_bad_option_is_one_line_without_the_usage(args, line):
    result = run_kit(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: {line}") and result.stderr.count("\n") == 1, result.stderr


def test_a_path_the_system_refuses_is_one_line_naming_it(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_kit("report", "--only", "00-corpus", "--out", str(blocker / "site"), "--no-progress")
    assert (result.returncode, result.stderr) == (2, f"error: {blocker / 'site'}: Not a directory\n")


@pytest.mark.parametrize(
    ("args", "choose"),
    [
        (["report", "--only", "00-corpus", "--no-progress"], "$PRESSKIT_STORE"),  # kit report has no --store
        (["table", "documents"], "--store or $PRESSKIT_STORE"),
    ],
)
def test_a_store_that_cannot_be_written_names_only_options_the_command_has(tmp_path, monkeypatch, args, choose):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PRESSKIT_STORE", str(blocker))
    if args[0] == "report":
        args = [*args, "--out", str(tmp_path / "site")]
    result = run_kit(*args)
    expected = f"error: {blocker}: cannot write the store (Not a directory); choose another store with {choose}\n"
    assert (result.returncode, result.stderr) == (2, expected)
    assert not (tmp_path / "site").exists()


def test_an_error_of_the_kit_itself_is_one_line_and_debug_shows_its_traceback(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli.tables, "command_table", broken)
    assert cli.main(["table", "documents"]) == cli.EXIT_INTERNAL
    assert capsys.readouterr().err == (
        "error: internal error (ZeroDivisionError: division by zero); "
        "run again with --debug (or PRESSKIT_DEBUG=1) for the traceback\n"
    )
    with pytest.raises(ZeroDivisionError):
        cli.main(["table", "documents", "--debug"])
    with pytest.raises(ZeroDivisionError):
        cli.main(["--debug", "table", "documents"])
    monkeypatch.setenv(cli.DEBUG_ENV, "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["table", "documents"])


def test_debug_shows_the_traceback_of_bad_input_too():
    result = subprocess.run(
        [sys.executable, "-m", "kit", "table", "documents", "--corpus", "no-such-folder", "--debug"],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        check=False,
    )
    assert result.returncode == 1 and "Traceback (most recent call last)" in result.stderr
    assert result.stderr.rstrip().endswith("no-such-folder: corpus folder does not exist")


# --- The concordancer: kit concord, collocates, ngrams, trend ------------------------------------------------


def test_concord_prints_sorted_lines_with_the_columns_asked_for(capsys):
    assert cli.main(["concord", "sanction*", "--sort", "R1,R2", "--by", "outlet", "--format", "json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert len(lines) == 8 and {"outlet", "left", "match", "right", "R1", "R2"} <= set(lines[0])
    keys = [(line["R1"].lower(), line["R2"].lower()) for line in lines]
    assert keys == sorted(keys)
    assert cli.main(["concord", "sanction*", "--outlet", "The Korea Herald", "--window", "2"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 4 and all(len(row["right"].split()) <= 2 for row in rows)


def test_concordance_options_reach_the_library_as_keywords(monkeypatch, capsys):
    from kit.analyses import concordance

    seen = {}
    concord = concordance.concord

    def record(prepared, pattern, **options):
        seen.update(options, pattern=pattern)
        return concord(prepared, pattern, **options)

    monkeypatch.setattr(concordance, "concord", record)
    assert cli.main(["concord", "said", "--regex", "--where", "outlet=The Korea Herald", "--period", "2018"]) == 0
    assert seen["regex"] is True and seen["pattern"] == "said"
    assert seen["selection"] == concordance.Selection(periods=("2018",), where=(("outlet", "The Korea Herald"),))
    assert not any(isinstance(value, argparse.Namespace) for value in seen.values())


def test_collocates_ngrams_and_trend_print_their_tables(capsys):
    assert cli.main(["collocates", "north korea", "--measure", "mi", "--min-count", "3"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table[0]["collocate"] == "against" and table[0]["window_tokens"] == table[-1]["window_tokens"]
    assert cli.main(["ngrams", "--n", "3", "--min-count", "5"]) == 0
    grams = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert grams[0] == {"ngram": "north korea 's", "n": "3", "count": "20", "documents": "4"}
    assert cli.main(["trend", "sanctions", "--per", "year", "--by", "none"]) == 0
    years = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["period"] for row in years] == ["2018", "2024", "2025"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["concord", "x", "--sort", "R9"], "error: sort position 'R9' is not one of"),
        (["ngrams", "--where", "outlet"], "error: --where 'outlet': expected COLUMN=VALUE"),
        (["trend", "x", "--by", "desk"], "error: no documents column 'desk'"),
        (["collocates", "x", "--outlet", "Times"], "error: no outlet 'Times' in the corpus"),
    ],
)
def test_concordance_commands_refuse_bad_options_in_one_line(argv, message, capsys):
    assert cli.main(argv) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
