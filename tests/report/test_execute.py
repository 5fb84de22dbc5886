"""Executing reports (kit.report.execute and kit.report.run) on the tiny fixture notebooks."""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import nbformat
import pytest

from kit import cli, config, report
from kit.errors import KitError
from kit.report.execute import failure_reason
from kit.report.layout import shown
from tests.report.helpers import FIXTURES, kit_report, make_tree, reader_pages, snapshot, write_params


@pytest.mark.enable_socket
def test_output_names_sidecars_and_csvs(built):
    reports = built["reports"]
    names = sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*") if ".staging" not in p.parts)
    own = ("report.html", "report.ipynb", "values.json")
    expected = [f"{n}/{s}" for n in ("00-tiny__all", "00-tiny__doubled", "01-xss__xss") for s in own]
    expected += ["00-tiny__all", "00-tiny__doubled", "01-xss__xss", "index.html", ".presskit-site.json"]
    expected += ["00-tiny__all/counts.csv", "00-tiny__doubled/counts.csv", "01-xss__xss/sentences.csv"]
    expected += ["reader", *reader_pages()]
    assert names == sorted(expected)
    assert json.loads((reports / "00-tiny__doubled" / "values.json").read_text()) == {
        "label": "doubled",
        "per_item": {"alpha": 12, "beta": 8, "gamma": 4},
        "total": 24,
    }
    assert (reports / "00-tiny__all" / "counts.csv").read_text() == "item,count\nalpha,6\nbeta,4\ngamma,2\n"
    assert not (reports / "failed").exists()


@pytest.mark.enable_socket
def test_each_page_links_its_own_files_by_their_real_names_and_the_index(built):
    page = (built["reports"] / "00-tiny__all" / "report.html").read_text()
    for name in ("report.ipynb", "values.json", "counts.csv"):
        assert f'<a href="{name}">{name}</a>' in page
        assert (built["reports"] / "00-tiny__all" / name).is_file()
    assert '<a href="../index.html">All reports</a>' in page


@pytest.mark.slow
@pytest.mark.enable_socket
def test_a_second_run_changes_no_byte_even_in_parallel(built, tmp_path):
    before = snapshot(built["reports"])
    assert kit_report(built, "--jobs", "2") == 0
    assert snapshot(built["reports"]) == before


@pytest.mark.slow
@pytest.mark.enable_socket
def test_failure_keeps_previous_report_and_failed_copy_and_exits_non_zero(tmp_path, capsys):
    tree = make_tree(tmp_path)
    assert kit_report(tree, "--only", "00-tiny") == 0
    reports = tree["reports"]
    good = snapshot(reports)
    write_params(tree, "all: {}\ndoubled: {scale: 5, fail: true}\n")
    capsys.readouterr()

    assert kit_report(tree) == report.EXIT_FAILED

    err = capsys.readouterr().err.splitlines()
    failures = [line for line in err if line.startswith("FAILED")]
    assert failures == [
        "FAILED 00-tiny__doubled: ValueError: failing on purpose (cell In [4]) "
        f"(executed copy: {shown(reports / 'failed' / '00-tiny__doubled' / 'report.ipynb')})"
    ]
    # the other notebooks still ran, the previous good report of the failed one is untouched
    assert (reports / "01-xss__xss" / "report.html").exists()
    after = snapshot(reports)
    for name in ("report.html", "report.ipynb", "values.json", "counts.csv"):
        assert after[f"00-tiny__doubled/{name}"] == good[f"00-tiny__doubled/{name}"]
    failed = nbformat.read(reports / "failed" / "00-tiny__doubled" / "report.ipynb", as_version=4)
    errors = [o for c in failed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors and errors[0].ename == "ValueError" and errors[0].evalue == "failing on purpose"
    failed_page = (reports / "failed" / "00-tiny__doubled" / "report.html").read_text()
    assert "failing on purpose" in failed_page and '<a href="../../index.html">All reports</a>' in failed_page
    assert sorted(p.name for p in (reports / "failed" / "00-tiny__doubled").iterdir()) == [
        "report.html",
        "report.ipynb",
    ]
    assert (reports / "failed" / ".gitignore").read_text() == "*\n"
    index = (reports / "index.html").read_text()
    assert "Last run failed: ValueError: failing on purpose" in index
    assert 'href="failed/00-tiny__doubled/report.ipynb"' in index

    # fixed: the failed copy goes away and the new report replaces the old one
    write_params(tree, "all: {}\ndoubled: {scale: 5}\n")
    assert kit_report(tree, "--only", "00-tiny__doubled") == 0
    assert not (reports / "failed" / "00-tiny__doubled").exists()
    assert json.loads((reports / "00-tiny__doubled" / "values.json").read_text())["total"] == 30


@pytest.mark.enable_socket
def test_unsafe_html_output_fails_the_report(tmp_path, capsys):
    tree = make_tree(tmp_path)
    notebook = nbformat.read(tree["notebooks"] / "00-tiny.ipynb", as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell('from IPython.display import HTML\nHTML("<img src=x onerror=alert(1)>")')
    )
    nbformat.write(notebook, tree["notebooks"] / "00-tiny.ipynb")
    assert kit_report(tree, "--only", "00-tiny__all") == report.EXIT_FAILED
    assert "unsafe markup in an output (onerror attribute on <img>)" in capsys.readouterr().err
    assert not (tree["reports"] / "00-tiny__all").exists()
    assert (tree["reports"] / "failed" / "00-tiny__all" / "report.ipynb").exists()
    assert not (tree["reports"] / "failed" / "00-tiny__all" / "report.html").exists()  # never write the live page


def test_kit_error_is_raised_for_bad_jobs():
    with pytest.raises(KitError, match="--jobs 0"):
        report.run(notebooks_dir=FIXTURES / "notebooks", params_dir=FIXTURES / "params", jobs=0)


def test_a_failure_reason_is_the_first_line_cut_at_200_characters():
    assert failure_reason("ValueError", "\nbad value\nTraceback...") == "ValueError: bad value"
    assert failure_reason("KeyError", "k" * 1000) == "KeyError: " + "k" * 200 + "…"


@pytest.mark.parametrize("seconds", ["0", "-5", "604801", "100000000000000000000"])
def test_timeout_must_be_positive_and_at_most_a_week(tmp_path, capsys, seconds):
    tree = make_tree(tmp_path)
    assert kit_report(tree, f"--timeout={seconds}") == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        f"error: --timeout {seconds}: must be a positive number of seconds, at most 604,800\n"
    )
    assert not tree["reports"].exists()


def test_another_corpus_needs_a_site_of_its_own(tmp_path, capsys):
    corpus = tmp_path / "my-corpus"
    shutil.copytree(config.SEEDS, corpus)
    assert cli.main(["report", "--corpus", str(corpus), "--no-progress"]) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == (
        f"error: --corpus {corpus}: give the site a folder of its own with --out SITE (reports/ is the seeds')\n"
    )
    inside = corpus / "site"
    assert cli.main(["report", "--corpus", str(corpus), "--out", str(inside), "--no-progress"]) == 2
    assert capsys.readouterr().err == (
        f"error: --out {shown(inside)}: inside the corpus folder {shown(corpus)}; choose another folder\n"
    )
    assert not inside.exists()


@pytest.mark.enable_socket
def test_a_bad_article_is_one_line_and_the_new_site_is_not_made(tmp_path, capsys):
    corpus = tmp_path / "my-corpus"
    shutil.copytree(config.SEEDS, corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_bytes(b"\x00binary")
    site = tmp_path / "site"
    assert cli.main(["report", "--corpus", str(corpus), "--out", str(site), "--no-progress"]) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err.endswith(f"error: {first}: binary file (NUL byte at offset 0), not text\n")
    assert not site.exists()


def test_a_site_for_another_corpus_names_it_and_holds_no_absolute_path(tmp_path):
    corpus = tmp_path / "my-corpus"
    shutil.copytree(config.SEEDS, corpus)
    tree = make_tree(tmp_path)
    assert kit_report(tree, "--corpus", str(corpus), "--only", "00-tiny__all") == 0
    site = tree["reports"]
    index = (site / "index.html").read_text()
    assert "<h1>Reports on my-corpus</h1>" in index
    sha = hashlib.sha256((corpus / "manifest.csv").read_bytes()).hexdigest()
    assert f"<tr><th>manifest sha256</th><td><code>{sha}</code></td></tr>" in index
    assert "<tr><th>published</th><td>2018-03-28 to 2025-" in index
    absolute = re.compile(rf"(?<!\.\.){re.escape(str(tmp_path))}")  # "../../tmp/..." is relative
    for path in site.rglob("*"):
        if path.is_file() and ".staging" not in path.parts:
            assert not absolute.search(path.read_text()), path
    page = (site / "00-tiny__all" / "report.html").read_text()
    assert "<code>corpus_dir = '../" in page  # relative to the project, as the notebook was given it


@pytest.mark.parametrize("kind", ["file", "folder of other files", "copy of an index", "staging of my own"])
def test_a_site_path_that_is_a_file_or_a_folder_of_other_files_is_refused_and_left_alone(tmp_path, capsys, kind):
    out = tmp_path / "out"
    problem = "holds files but no .presskit-site.json, so it is not a site kit report made; name a new or empty folder for the site"
    if kind == "file":
        out.write_text("mine")
        problem = "not a folder; name a new or empty folder for the site"
    elif kind == "folder of other files":
        out.mkdir()
        (out / "index.html").write_text("my own page")
        (out / "notes__2019.csv").write_text("mine")
    elif kind == "copy of an index":  # a page the kit wrote, copied alone: not a site
        out.mkdir()
        (out / "index.html").write_text('<!DOCTYPE html>\n<body class="kit-index">\n')
        (out / "01-chronology__mine").mkdir()
        (out / "01-chronology__mine" / "report.html").write_text("my notes")
    else:
        (out / ".staging" / "00-tiny__all").mkdir(parents=True)
        (out / ".staging" / "00-tiny__all" / "draft.csv").write_text("mine")
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    tree = make_tree(tmp_path / "tree")
    tree["reports"] = out
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == f"error: --out {shown(out)}: {problem}\n"
    assert {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "tree" not in p.parts} == before


def test_the_runner_leaves_out_the_iri_grammars_and_still_validates_notebooks():
    import subprocess
    import sys

    probe = (
        "import sys; from kit.report import skip_iri_grammars; skip_iri_grammars(); import nbformat; "
        f"nbformat.validate(nbformat.read({str(config.NOTEBOOKS / '03-themes.ipynb')!r}, as_version=4)); "
        "print(sys.modules['rfc3987_syntax'] is None, 'jsonschema' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]
