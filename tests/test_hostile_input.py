"""Hostile input: every bad corpus, manifest, article or YAML file gives one ``error:`` line and exit 2.

The cases come from an adversarial sweep (issue #16). Each one is pinned by its exact message; the
property-based test at the end throws generated manifests and articles at the command line and requires
either a table whose offsets reproduce the cleaned text or exactly one error line — never a traceback.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import cli, config, yamlfile
from kit.errors import KitError
from kit.preprocess.pipeline import prepare
from kit.report.plan import load_parameter_sets
from kit.types import MANIFEST_COLUMNS, REQUIRED_MANIFEST_COLUMNS
from tests.csvtext import csv_text
from tests.seeds import ROW

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
GOOD = "A sentence about Beijing. Another one about Pyongyang."
HEADER = ",".join(REQUIRED_MANIFEST_COLUMNS)


def run_kit(*args: str) -> tuple[int, str, str]:
    """``python -m kit ARGS`` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # argparse
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


def the_error(result: tuple[int, str, str]) -> str:
    """The one error line of a failed run (exit 2, nothing on stdout, no traceback), without ``error: ``."""
    code, out, err = result
    assert (code, out) == (2, ""), err
    lines = [line for line in err.splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert len(lines[0]) < 500
    return lines[0].removeprefix("error: ")


def corpus_error(folder: Path, table: str = "documents") -> str:
    return the_error(run_kit("table", table, "--corpus", str(folder)))


# --- The manifest ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published", "2018-3-8", "field published '2018-3-8' is not a valid day-precision date"),
        ("published", "２０１８-03-28", "field published '２０１８-03-28' is not a valid day-precision date"),
        ("published", "٢٠١٨-٠٣-٢٨", "field published '٢٠١٨-٠٣-٢٨' is not a valid day-precision date"),
        ("published", "0001-01-01", "field published '0001-01-01' is outside the years the kit can date (1678–2261)"),
        ("published", "9999-12-31", "field published '9999-12-31' is outside the years the kit can date (1678–2261)"),
        ("headline", "Kim\x00Xi", "field headline contains a NUL byte (at character 3)"),
        ("file", "a1\x00.txt", "field file contains a NUL byte (at character 2)"),
        ("outlet", "x" * 131_073, "not readable as CSV (field larger than field limit (131072))"),
    ],
    ids=["unpadded", "full-width", "arabic-indic", "year-0001", "year-9999", "nul-headline", "nul-file", "huge-field"],
)
def test_a_bad_manifest_field_is_one_line_naming_the_line(make_corpus, field, value, message):
    folder = make_corpus({"a1.txt": GOOD}, [{**ROW, field: value}])
    error = corpus_error(folder)
    assert error.startswith(f"{folder / 'manifest.csv'}:2: {message}")


def test_a_non_canonical_date_says_what_shape_is_expected(make_corpus):
    folder = make_corpus({"a1.txt": GOOD}, [{**ROW, "published": "2018-3-8"}])
    assert corpus_error(folder) == (
        f"{folder / 'manifest.csv'}:2: field published '2018-3-8' is not a valid day-precision date "
        "(expected YYYY-MM-DD, ASCII digits)"
    )


def test_a_huge_doc_id_is_shown_as_a_preview(make_corpus):
    folder = make_corpus({"a1.txt": GOOD}, [{**ROW, "doc_id": "?" * 100_000}])
    assert corpus_error(folder) == (
        f"{folder / 'manifest.csv'}:2: field doc_id '{'?' * 79}… is empty or not a file-name-safe identifier"
    )


def test_a_header_naming_a_column_twice_is_refused(make_corpus):
    manifest = f"{HEADER},doc_id\na1,a1.txt,T,H,2018-03-28,day,,,b2\n"
    folder = make_corpus({"a1.txt": GOOD}, raw_manifest=manifest)
    assert corpus_error(folder) == f"{folder / 'manifest.csv'}:1: column 'doc_id' appears twice in the header"


def test_timezone_and_notes_may_be_left_out_of_the_header(make_corpus):
    folder = make_corpus({"a1.txt": GOOD}, raw_manifest=f"{HEADER}\na1,a1.txt,T,H,2018-03-28,day,,\n")
    code, out, err = run_kit("table", "documents", "--corpus", str(folder))
    assert (code, err) == (0, "")
    row = next(csv.DictReader(io.StringIO(out)))
    assert (row["doc_id"], row["timezone"], row["notes"]) == ("a1", "", "")
    assert set(MANIFEST_COLUMNS) - set(REQUIRED_MANIFEST_COLUMNS) == {"timezone", "notes"}


def test_a_line_separator_inside_a_field_does_not_split_the_row(make_corpus):
    manifest = f"{HEADER}\na1,a1.txt,T,Kim\u2028Xi,2018-03-28,day,,\n"
    folder = make_corpus({"a1.txt": GOOD}, raw_manifest=manifest)
    code, out, _ = run_kit("table", "documents", "--corpus", str(folder))
    assert code == 0
    assert [row["headline"] for row in csv.DictReader(io.StringIO(out))] == ["Kim\u2028Xi"]


# --- Unreadable folders and files --------------------------------------------------------------------


def _refuse(self: Path, *args: object, **kwargs: object) -> object:
    raise PermissionError(13, "Permission denied", str(self))


def test_an_unreadable_corpus_folder_is_one_line(make_corpus, monkeypatch):
    folder = make_corpus({"a1.txt": GOOD})
    monkeypatch.setattr(pathlib.Path, "glob", _refuse)  # as root, chmod cannot make a folder unreadable
    assert corpus_error(folder) == f"{folder}: cannot list the corpus folder (Permission denied)"


def test_a_corpus_folder_that_cannot_be_entered_is_one_line(make_corpus, monkeypatch):
    folder = make_corpus({"a1.txt": GOOD})
    monkeypatch.setattr(pathlib.Path, "is_file", _refuse)
    assert corpus_error(folder) == f"{folder / 'manifest.csv'}: cannot read (Permission denied)"


def test_an_unreadable_manifest_is_one_line(make_corpus, monkeypatch):
    folder = make_corpus({"a1.txt": GOOD})
    monkeypatch.setattr(pathlib.Path, "read_bytes", _refuse)
    assert corpus_error(folder) == f"{folder / 'manifest.csv'}: cannot read (Permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_a_manifest_without_read_permission_is_one_line(make_corpus):
    folder = make_corpus({"a1.txt": GOOD})
    (folder / "manifest.csv").chmod(0)
    assert corpus_error(folder) == f"{folder / 'manifest.csv'}: cannot read (Permission denied)"


def test_a_file_name_too_long_for_the_file_system_is_one_line(make_corpus):
    folder = make_corpus({"a1.txt": GOOD}, [{**ROW, "file": "n" * 5000 + ".txt"}])
    assert corpus_error(folder) == f"{folder / 'manifest.csv'}:2: field file '{'n' * 79}…: file does not exist"


# --- Documents with no words after cleaning ----------------------------------------------------------


@pytest.mark.parametrize("article", ["nbsp_only", "ideographic_only"])
@pytest.mark.parametrize("table", ["documents", "sentences", "themes"])
def test_a_document_with_no_words_after_cleaning_is_refused_by_name(make_corpus, article, table):
    folder = make_corpus({"a1.txt": (HOSTILE / f"{article}.txt").read_bytes(), "b2.txt": GOOD})
    assert corpus_error(folder, table) == (
        f"{folder / 'a1.txt'}: document 'a1' has no words after cleaning (blank, repeated or furniture lines "
        "only); fix the file or remove it from manifest.csv"
    )


@pytest.mark.parametrize(
    ("article", "kept"), [("repeated_lines", "Kim met Xi in Beijing on Wednesday."), ("one_long_line", "talks talks")]
)
@pytest.mark.parametrize("table", ["sentences", "themes"])
def test_repeated_lines_and_one_long_line_keep_their_words(make_corpus, article, kept, table):
    """A repeated sentence keeps its first copy and a long unbroken line is prose: both are carried through."""
    folder = make_corpus({"a1.txt": (HOSTILE / f"{article}.txt").read_bytes(), "b2.txt": GOOD})
    code, out, _ = run_kit("table", table, "--corpus", str(folder))
    assert code == 0 and "a1" in out
    assert kept in prepare(folder).documents.set_index("doc_id").text["a1"]


# --- YAML: theme dictionaries and parameter sets -----------------------------------------------------


def test_an_alias_in_a_theme_dictionary_is_refused_with_line_and_column():
    path = HOSTILE / "alias_in_theme.yaml"
    assert the_error(run_kit("table", "themes", "--dictionary", str(path))) == (
        f"{yamlfile.shown_path(path)} line 4, column 14: YAML anchor '&shared' is not allowed "
        "(anchors and aliases are refused; write the value out)"
    )


def test_an_alias_bomb_in_a_parameter_set_is_refused_before_it_expands():
    path = HOSTILE / "alias_bomb_params.yaml"
    with pytest.raises(KitError) as refused:
        load_parameter_sets(path)
    assert str(refused.value) == (
        "tests/fixtures/hostile/alias_bomb_params.yaml line 2, column 4: YAML anchor '&a' is not allowed "
        "(anchors and aliases are refused; write the value out)"
    )


def test_an_alias_alone_is_refused_too(tmp_path):
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n  trade:\n    entries: [*nowhere]\n", encoding="utf-8")
    assert the_error(run_kit("table", "themes", "--dictionary", str(path))) == (
        f"{path} line 3, column 15: YAML alias '*nowhere' is not allowed "
        "(anchors and aliases are refused; write the value out)"
    )


def test_a_long_value_in_an_error_is_a_bounded_preview():
    path = HOSTILE / "long_weight_theme.yaml"
    error = the_error(run_kit("table", "themes", "--dictionary", str(path)))
    heavy = ("'" + "heavy " * 14)[:80]
    assert error.endswith(f"entry 'trade': weight {heavy}… is not a number")


def test_yaml_nested_too_deeply_is_one_line(tmp_path):
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n  t:\n    entries: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert "nested too deeply" in the_error(run_kit("table", "themes", "--dictionary", str(path)))


# --- The command line ---------------------------------------------------------------------------------


def test_an_overlong_message_is_cut_to_one_line_under_500_characters(capsys):
    assert cli._fail("x" * 10_000 + "\nsecond line", 2) == 2
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and len(line.rstrip("\n")) == 499 and line.rstrip("\n").endswith("…")


def test_ctrl_c_exits_130_with_one_line(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    # Distinct paragraphs (repeated ones would be cleaned away), enough to keep the kit busy for seconds.
    body = "".join(f"Kim met Xi in Beijing on day {i}. Talks went on.\n\n" for i in range(100_000))
    (folder / "a1.txt").write_text(body, encoding="utf-8")
    (folder / "manifest.csv").write_text(f"{HEADER}\na1,a1.txt,T,H,2018-03-28,day,,\n", encoding="utf-8")
    kit = subprocess.Popen(
        [sys.executable, "-m", "kit", "table", "tokens", "--corpus", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=config.ROOT,
        # A background job may start with SIGINT ignored; Ctrl-C reaches a terminal's job with the default.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    _wait_for_cpu(kit.pid, seconds=2.0)  # past the imports (about 1 s of CPU), inside cleaning and tokenising
    kit.send_signal(signal.SIGINT)
    out, err = kit.communicate(timeout=60)
    assert (kit.returncode, out, err) == (130, "", "error: interrupted (Ctrl-C)\n")


def _wait_for_cpu(pid: int, *, seconds: float, deadline: float = 120.0) -> None:
    """Wait until a process has used ``seconds`` of CPU time (user + system, from /proc), polling; a loaded machine
    only makes the wait longer, never the moment different. Fails only if the process never gets that far."""
    ticks = os.sysconf("SC_CLK_TCK")
    give_up = time.monotonic() + deadline
    while time.monotonic() < give_up:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            break
        if (int(fields[11]) + int(fields[12])) / ticks >= seconds:
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} ended or stalled before using {seconds} s of CPU")


# --- Property: generated manifests and articles ------------------------------------------------------

# Characters that trouble text pipelines: quotes, dashes, periods, non-breaking and ideographic spaces,
# line and paragraph separators, a carriage return, full-width and Arabic-Indic digits.
TRICKY = "  .,;:!?\"'“”‘’()-–—…\u00a0\u3000\u2028\u2029\r０１٢"
# Words that wake up every analysis: names the actor registry knows, speech cues, dates (some at the
# calendar's edges), abbreviations that must not end a sentence.
WORDS = [
    *("Kim Jong Un", "Xi Jinping", "said", "told", "reporters", "officials", "the", "talks", "Beijing"),
    *("on March 28, 2018", "last week", "in 2018", "on the 2nd", "9999", "0001", "1 January 9999", "in the 1950s"),
    *("U.S.", "p.m.", "Gen.", "Mr.", "“", "”", '"', ".", ". ", ", "),
]

token = st.one_of(st.sampled_from(WORDS), st.text(alphabet=st.sampled_from(TRICKY), min_size=1, max_size=3))
sentence = st.tuples(
    st.lists(token, min_size=1, max_size=20).map(" ".join), st.sampled_from([".", ".", ".”", "?", "!", "", "…"])
).map("".join)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """Paragraphs of generated sentences, separated by blank lines, single line breaks or odder separators."""
    paragraphs = draw(st.lists(paragraph, min_size=1, max_size=6))
    separators = draw(st.lists(st.sampled_from(["\n\n", "\n\n", "\n", "\r\n\r\n", "\u2028", "\n \n"]), min_size=5))
    return "".join(p + separators[i % len(separators)] for i, p in enumerate(paragraphs))


GOOD_DATES = {"day": "2018-03-28", "minute": "2018-03-28T21:45", "month": "2018-03"}
# One thing wrong with a manifest row (or nothing, most of the time).
ROW_FAULTS = {
    "doc_id": ["", "bad id", "a0"],
    "file": ["../x.txt", "missing.txt", "a0\x00.txt"],
    "outlet": ["Out\x00let"],
    "published": ["2018-3-8", "0001-01-01", "２０１８-03-28", "", "2018-02-30"],
    "published_precision": ["week", ""],
}


@st.composite
def corpora(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    """A manifest (as CSV text) and the article files it lists; now and then a header or a row is broken."""
    count = draw(st.integers(1, 3))
    extra = draw(st.sampled_from([["timezone", "notes"]] * 3 + [[], ["notes"], ["timezone", "notes", "doc_id"]]))
    header = [*REQUIRED_MANIFEST_COLUMNS, *extra]
    files, rows = {}, []
    for k in range(count):
        name = f"a{k}.txt"
        files[name] = draw(article_text())
        precision = draw(st.sampled_from(sorted(GOOD_DATES)))
        row = {
            "doc_id": f"a{k}",
            "file": name,
            "outlet": draw(st.sampled_from(["Xinhua", "The Korea Herald", ""])),
            "headline": draw(sentence),
            "published": GOOD_DATES[precision],
            "published_precision": precision,
        }
        fault = draw(st.sampled_from([None] * 15 + sorted(ROW_FAULTS)))
        if fault:
            row[fault] = draw(st.sampled_from(ROW_FAULTS[fault]))
        rows.append([row.get(column, "") for column in header])
    return csv_text([header, *rows]), files


# The column each table's start/end offsets must reproduce from the cleaned text.
TEXT_COLUMN = {"sentences": "text", "quotes": "quote", "dates": "expression"}


# quotes and dates passed all 60 examples when this was written; they are being rewritten elsewhere, so a
# failure there after a rewrite is theirs to fix (mark it xfail with the failing input rather than weaken this).
@pytest.mark.slow
@pytest.mark.parametrize("table", ["documents", "sentences", "quotes", "dates"])
@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora())
def test_generated_corpora_give_a_faithful_table_or_one_error_line(table, corpus):
    """Never a traceback: a table whose every offset reproduces its text, or one error line and exit 2."""
    manifest, files = corpus
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8", newline="")
        for name, content in files.items():
            (folder / name).write_text(content, encoding="utf-8", newline="")
        code, out, err = run_kit("table", table, "--corpus", str(folder))
        if code != 0:
            the_error((code, out, err))
            return
        texts = dict(zip(*(prepare(folder).documents[c] for c in ("doc_id", "text")), strict=True))
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    if table == "documents":
        assert sorted(row["doc_id"] for row in rows) == sorted(texts)
        return
    for row in rows:
        assert texts[row["doc_id"]][int(row["start"]) : int(row["end"])] == row[TEXT_COLUMN[table]]
