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
