"""The reports pipeline (kit.report) on tiny fixture notebooks: tests/fixtures/report/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from kit import cli, config, report
from kit.errors import KitError

FIXTURES = config.ROOT / "tests" / "fixtures" / "report"
XSS_LITERALS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">')


def make_tree(base: Path) -> dict[str, Path]:
    """A private copy of the fixture notebooks and params, and an empty reports folder."""
    shutil.copytree(FIXTURES / "notebooks", base / "notebooks")
    shutil.copytree(FIXTURES / "params", base / "params")
    return {"notebooks": base / "notebooks", "params": base / "params", "reports": base / "reports"}


def kit_report(tree: dict[str, Path], *args: str) -> int:
    folders = [f"--{name}={path}" for name, path in tree.items()]
    return cli.main(["report", *folders, "--no-progress", *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".staging" not in p.parts
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The fixture reports, built once for the read-only tests of this module."""
    tree = make_tree(tmp_path_factory.mktemp("built"))
    assert kit_report(tree) == 0  # every test using this fixture is marked enable_socket (the kernel)
    return tree


# ---------------------------------------------------------------- plan and parameters (no kernel)


def test_parameter_sets_expand_in_file_then_yaml_order():
    runs = report.plan(FIXTURES / "notebooks", FIXTURES / "params")
    assert [r.name for r in runs] == ["00-tiny__all", "00-tiny__doubled", "01-xss__xss"]
    assert runs[1].overrides == {"scale": 4, "label": "doubled"}


def test_a_notebook_without_params_file_runs_once_as_default(tmp_path):
    tree = make_tree(tmp_path)
    (tree["params"] / "00-tiny.yaml").unlink()
    assert report.plan(tree["notebooks"], tree["params"])[0].name == "00-tiny__default"


@pytest.mark.parametrize(
    ("only", "expected"),
    [
        (["00-tiny"], ["00-tiny__all", "00-tiny__doubled"]),
        (["tiny"], ["00-tiny__all", "00-tiny__doubled"]),
        (["01"], ["01-xss__xss"]),
        (["00-tiny__doubled"], ["00-tiny__doubled"]),
    ],
)
def test_only_selects_a_notebook_or_one_report(only, expected):
    runs = report.plan(FIXTURES / "notebooks", FIXTURES / "params")
    assert [r.name for r in report.select(runs, only)] == expected


def write_params(tree, text: str, name: str = "00-tiny.yaml") -> None:
    (tree["params"] / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("all: {colour: red}\n", "parameter set 'all': unknown parameter 'colour'"),
        ("all: {scale: '4'}\n", "parameter 'scale' must be int, got str '4'"),
        ("all: {scale: true}\n", "parameter 'scale' must be int, got bool True"),
        ("all: {label: 2018-03-28}\n", "parameter 'label' must be str, got date"),
        ("all: {fail: 'yes'}\n", "parameter 'fail' must be bool"),
        ("all: {outlets: scmp}\n", "parameter 'outlets' must be list"),
        ("all: {output_dir: x}\n", "output_dir is set by the report runner"),
        ("all: [1, 2\n", "line 2: not valid YAML"),
        ("- all\n", "expected a mapping of parameter-set name"),
        ("all__x: {}\n", "parameter-set name 'all__x'"),
        ("all: 3\n", "parameter set 'all' must map parameter names to values"),
    ],
)
def test_bad_parameters_are_one_line_errors_naming_file_and_set(tmp_path, capsys, yaml_text, message):
    tree = make_tree(tmp_path)
    write_params(tree, yaml_text)
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "00-tiny.yaml" in err and message in err
    assert not (tree["reports"] / "00-tiny__all.html").exists()  # nothing ran


def test_good_types_pass_validation_ints_count_as_floats():
    run = report.Run(FIXTURES / "notebooks" / "00-tiny.ipynb", "x", {"ratio": 1, "outlets": ["a"], "fail": False})
    report.check_parameters(run, report.declared_parameters(run.notebook), {})


def test_params_file_without_notebook_and_unknown_only_are_errors(tmp_path, capsys):
    tree = make_tree(tmp_path)
    write_params(tree, "a: {}\n", name="09-missing.yaml")
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    assert "09-missing.yaml: no notebook 09-missing.ipynb" in capsys.readouterr().err
    (tree["params"] / "09-missing.yaml").unlink()
    assert kit_report(tree, "--only", "nope") == cli.EXIT_BAD_INPUT
    assert "--only nope: no such notebook or report" in capsys.readouterr().err


# ---------------------------------------------------------------- rendering pieces (no kernel)


def test_computed_markdown_keeps_article_html_as_text():
    page = report.markdown_as_data("> said <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://a.org)")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[x](javascript:alert(1))" in page and 'href="javascript' not in page
    assert '<a href="https://a.org">ok</a>' in page
    assert report.find_unsafe_markup(page) == []


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href=" JaVa\tScript:alert(1)">x</a>',
        '<iframe src="https://example.org"></iframe>',
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    ],
)
def test_unsafe_markup_is_found(markup):
    assert report.find_unsafe_markup(f"<p>text</p>{markup}")


def test_escaped_markup_is_not_unsafe():
    assert report.find_unsafe_markup("<pre>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</pre>") == []


def test_normalise_strips_timings_paths_and_random_ids():
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x = 1", id="kept"), nbformat.v4.new_code_cell("y = 2", id="0f3a9c1e")],
        metadata={
            "language_info": {"name": "python", "version": "3.11.7"},
            "papermill": {"start_time": "2026", "duration": 1.2, "output_path": "/abs/x.ipynb", "parameters": {"a": 1}},
        },
    )
    notebook.cells[1].metadata.update(tags=["injected-parameters"], papermill={"duration": 1}, execution={"t": 1})
    notebook.cells[0].metadata.update(papermill={"duration": 1}, execution={"t": 1})
    out = report.normalise(notebook, source_ids={"kept"}, input_path="notebooks/x.ipynb")
    assert out.metadata.papermill == {"input_path": "notebooks/x.ipynb", "parameters": {"a": 1}, "version": None}
    assert out.metadata.language_info == {"name": "python"}
    assert [c.id for c in out.cells] == ["kept", "injected-parameters"]
    assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in out.cells)


def test_prune_removes_only_reports_of_vanished_notebooks_or_sets(tmp_path):
    runs = report.plan(FIXTURES / "notebooks", FIXTURES / "params")
    names = [
        "00-tiny__all.html",
        "00-tiny__all__counts.csv",
        "00-tiny__gone.html",
        "00-tiny__gone__counts.csv",
        "99-old__default.json",
        "index.html",
        "README.md",
    ]
    for name in names:
        (tmp_path / name).write_text("x")
    removed = {p.name for p in report.prune(runs, tmp_path)}
    assert removed == {"00-tiny__gone.html", "00-tiny__gone__counts.csv", "99-old__default.json"}


# ---------------------------------------------------------------- executed reports (kernel)


@pytest.mark.enable_socket
def test_output_names_sidecars_and_csvs(built):
    reports = built["reports"]
    names = sorted(p.name for p in reports.iterdir() if p.is_file())
    expected = [
        f"{n}{s}" for n in ("00-tiny__all", "00-tiny__doubled", "01-xss__xss") for s in (".html", ".ipynb", ".json")
    ]
    expected += ["00-tiny__all__counts.csv", "00-tiny__doubled__counts.csv", "01-xss__xss__sentences.csv", "index.html"]
    assert names == sorted(expected)
    assert json.loads((reports / "00-tiny__doubled.json").read_text()) == {
        "label": "doubled",
        "per_item": {"alpha": 12, "beta": 8, "gamma": 4},
        "total": 24,
    }
    assert (reports / "00-tiny__all__counts.csv").read_text() == "item,count\nalpha,6\nbeta,4\ngamma,2\n"
    assert not (reports / "failed").exists()


@pytest.mark.enable_socket
def test_executed_notebook_has_no_timestamps_ids_or_absolute_staging_noise(built):
    text = (built["reports"] / "00-tiny__all.ipynb").read_text()
    notebook = nbformat.reads(text, as_version=4)
    for word in ("start_time", "end_time", "duration", "iopub", "output_path", "environment_variables"):
        assert word not in text
    assert notebook.cells[2].id == "injected-parameters"
    assert all(c.get("outputs") is not None for c in notebook.cells if c.cell_type == "code")
    assert "data:image/svg+xml;base64," in (built["reports"] / "00-tiny__all.html").read_text()


@pytest.mark.enable_socket
def test_html_hides_code_and_has_no_scripts_or_remote_resources(built):
    page = (built["reports"] / "00-tiny__all.html").read_text()
    assert "outputs.save_table" not in page  # code hidden by default
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert '<a href="index.html">All reports</a>' in page


@pytest.mark.enable_socket
def test_article_markup_stays_text_in_reports_and_index(built):
    for name in ("01-xss__xss.html", "index.html"):
        page = (built["reports"] / name).read_text()
        assert report.find_unsafe_markup(page) == [], name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    page = (built["reports"] / "01-xss__xss.html").read_text()
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;" in page or '&lt;a href="javascript:alert(1)"&gt;' in page


@pytest.mark.enable_socket
def test_index_lists_every_report_with_values_and_relative_links(built):
    page = (built["reports"] / "index.html").read_text()
    for name in ("00-tiny__all", "00-tiny__doubled", "01-xss__xss"):
        for suffix in (".html", ".ipynb", ".json"):
            assert f'href="{name}{suffix}"' in page
    assert 'href="00-tiny__doubled__counts.csv"' in page
    assert "<dt>total</dt><dd>24</dd>" in page
    assert "<code>scale = 4</code>" in page
    assert "Tiny fixture: what are we measuring?" in page
    assert "file:" not in page and str(built["reports"]) not in page


@pytest.mark.enable_socket
def test_a_second_run_changes_no_byte_even_in_parallel(built, tmp_path):
    before = snapshot(built["reports"])
    assert kit_report(built, "--jobs", "2") == 0
    assert snapshot(built["reports"]) == before


@pytest.mark.enable_socket
def test_show_code_keeps_code_cells(tmp_path):
    tree = make_tree(tmp_path)
    assert kit_report(tree, "--only", "00-tiny__all", "--show-code") == 0
    page = (tree["reports"] / "00-tiny__all.html").read_text()
    assert "save_table" in page and "<script" not in page


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
        f"(executed copy: {report._shown(reports / 'failed' / '00-tiny__doubled.ipynb')})"
    ]
    # the other notebooks still ran, the previous good report of the failed one is untouched
    assert (reports / "01-xss__xss.html").exists()
    after = snapshot(reports)
    for name in ("00-tiny__doubled.html", "00-tiny__doubled.ipynb", "00-tiny__doubled.json"):
        assert after[name] == good[name]
    failed = nbformat.read(reports / "failed" / "00-tiny__doubled.ipynb", as_version=4)
    errors = [o for c in failed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors and errors[0].ename == "ValueError" and errors[0].evalue == "failing on purpose"
    assert "failing on purpose" in (reports / "failed" / "00-tiny__doubled.html").read_text()
    assert (reports / "failed" / ".gitignore").read_text() == "*\n"
    index = (reports / "index.html").read_text()
    assert "Last run failed: ValueError: failing on purpose" in index
    assert 'href="failed/00-tiny__doubled.ipynb"' in index

    # fixed: the failed copy goes away and the new report replaces the old one
    write_params(tree, "all: {}\ndoubled: {scale: 5}\n")
    assert kit_report(tree, "--only", "00-tiny__doubled") == 0
    assert not (reports / "failed" / "00-tiny__doubled.ipynb").exists()
    assert json.loads((reports / "00-tiny__doubled.json").read_text())["total"] == 30


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
    assert not (tree["reports"] / "00-tiny__all.html").exists()
    assert (tree["reports"] / "failed" / "00-tiny__all.ipynb").exists()
    assert not (tree["reports"] / "failed" / "00-tiny__all.html").exists()  # never write the live page


@pytest.mark.enable_socket
def test_interrupted_publish_leaves_whole_files_only(tmp_path, monkeypatch):
    tree = make_tree(tmp_path)
    assert kit_report(tree, "--only", "00-tiny__all") == 0
    reports = tree["reports"]
    old = snapshot(reports)
    write_params(tree, "all: {scale: 7}\ndoubled: {}\n")
    real_replace = report.os.replace
    calls = []

    def interrupt_on_second_file(source, target):
        if Path(target).parent == reports:  # publishing; renames inside the staging folder go through
            calls.append(target)
            if len(calls) == 2:
                raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(report.os, "replace", interrupt_on_second_file)
    with pytest.raises(KeyboardInterrupt):
        kit_report(tree, "--only", "00-tiny__all")
    monkeypatch.undo()

    now = snapshot(reports)
    assert set(now) == set(old)  # no temporary or partial file left in reports/
    changed = [name for name in now if now[name] != old[name]]
    assert changed == ["00-tiny__all.ipynb"]  # the one file moved before the interruption, complete
    nbformat.reads(now["00-tiny__all.ipynb"].decode(), as_version=4)
    assert not any(p.name.endswith(".tmp") for p in reports.rglob("*"))


def test_atomic_move_never_exposes_a_partial_target(tmp_path, monkeypatch):
    target = tmp_path / "reports" / "a.json"
    target.parent.mkdir()
    target.write_text('{"old": 1}\n')
    staged = tmp_path / "staged.json"
    staged.write_text('{"new": 2}\n')
    seen = []
    monkeypatch.setattr(report.os, "replace", lambda s, t: seen.append((Path(s), Path(t))) or shutil.move(s, t))
    report._move(staged, target)
    assert seen == [(staged, target)]
    assert target.read_text() == '{"new": 2}\n' and (target.stat().st_mode & 0o777) == report.FILE_MODE


def test_kit_error_is_raised_for_bad_jobs():
    with pytest.raises(KitError, match="--jobs 0"):
        report.run(notebooks_dir=FIXTURES / "notebooks", params_dir=FIXTURES / "params", jobs=0)
