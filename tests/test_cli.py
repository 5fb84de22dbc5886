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
