"""Parameter checks (kit.report.parameters): every override declared and of the declared type."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from kit import cli, config
from kit.errors import KitError
from kit.report.allowed import Allowed, parse_note
from kit.report.parameters import check_notebook, check_parameters, declared_parameters, derived_periods
from kit.report.plan import Run
from tests.report.helpers import FIXTURES, kit_report, make_tree, write_params
from tests.seeds import ROW


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
        ("all: {}\nall: {scale: 2}\n", "line 2: duplicate key 'all' (first at line 1)"),
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
    run = Run(FIXTURES / "notebooks" / "00-tiny.ipynb", "x", {"ratio": 1, "outlets": ["a"], "fail": False})
    check_parameters(run, declared_parameters(run.notebook), {})


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        (
            f"all: {{scale: '{'x' * 500}'}}\n",
            f"parameter set 'all': parameter 'scale' must be int, got str '{'x' * 79}…",
        ),
        (
            f"all: {{{'n' * 300}: 1}}\n",
            f"parameter set 'all': unknown parameter '{'n' * 79}… for 00-tiny.ipynb (known: corpus_dir, fail, label, outlets, "
            "output_dir, pause, ratio, scale)",
        ),
    ],
)
def test_a_long_value_is_shown_as_a_bounded_preview(tmp_path, capsys, yaml_text, problem):
    tree = make_tree(tmp_path)
    write_params(tree, yaml_text)
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    params = (tree["params"] / "00-tiny.yaml").resolve().as_posix()
    assert capsys.readouterr().err == f"error: {params}: {problem}\n"


# ---------------------------------------------------------------- declared values: the notes of the four notebooks

NOTEBOOKS = sorted(config.NOTEBOOKS.glob("*.ipynb"))
SEEDS_OUTLETS = (
    "ChosunBiz (English edition), South China Morning Post, The Diplomat (China Power blog), "
    "The Diplomat (Features), The Korea Herald"
)
PERIODS_ALLOWED = (
    "allowed: first days of two or more periods that each have articles of seeds "
    "(YYYY, YYYY-MM, YYYY-MM-DD or NAME=DATE), or [] for periods from the publication dates"
)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_parameter_declares_what_is_allowed_and_its_default_is_allowed(path):
    declared = declared_parameters(path)
    for name, parameter in declared.items():
        note = parse_note(parameter["help"])
        if name == "output_dir" or parameter["inferred_type_name"] == "bool":
            assert note is None, f"{name}: the runner's folder and a bool need no note"
        else:
            assert note is not None, f"{path.name}: {name} has no [note] ending its comment"
    check_parameters(Run(path, "default"), declared, {})  # the defaults pass their own notes


# Each bad value of issue 12, and the one line `kit report` prints for it before any notebook runs.
BAD_VALUES = [
    (
        "03-themes",
        {"normalisation": "per_1000"},
        "parameter 'normalisation' is 'per_1000'; allowed: one of: per_1k, weighted, hits",
    ),
    ("03-themes", {"kwic_window": "wide"}, "parameter 'kwic_window' must be int, got str 'wide'"),
    ("03-themes", {"kwic_window": 0}, "parameter 'kwic_window' is 0; allowed: a whole number from 1 to 50"),
    ("03-themes", {"top_words": -3}, "parameter 'top_words' is -3; allowed: a whole number from 1 to 500"),
    (
        "03-themes",
        {"period_boundaries": ["2018-01-01"]},
        f"parameter 'period_boundaries' is ['2018-01-01']: every article of seeds falls in one period ('2018–'); "
        f"{PERIODS_ALLOWED}",
    ),
    (
        "03-themes",
        {"period_boundaries": ["2019", "2024"]},
        f"parameter 'period_boundaries' is ['2019', '2024']: period '2019–2023' has no article of seeds; {PERIODS_ALLOWED}",
    ),
    (
        "03-themes",
        {"period_boundaries": ["2024-04-15"]},
        "parameter 'period_boundaries' is ['2024-04-15']: period boundary 2024-04-15 falls inside the publication "
        "period of 004_063a179dcbf3ea65 (2024-04); move the boundary to the start of a month; " + PERIODS_ALLOWED,
    ),
    (
        "03-themes",
        {"show_themes": ["trade"]},
        "parameter 'show_themes' is ['trade']: kit/data/themes.yaml has no theme 'trade'; allowed: themes of "
        "kit/data/themes.yaml: alliance, denuclearisation, sanctions, economy, russia, united_states, security",
    ),
    (
        "03-themes",
        {"dictionary": "no-such-themes.yaml"},
        f"parameter 'dictionary' is 'no-such-themes.yaml': no such file {config.ROOT.as_posix()}/no-such-themes.yaml; "
        "allowed: an existing file (a relative path starts at the project folder), or empty",
    ),
    (
        "01-chronology",
        {"date_from": "2018-13-01"},
        "parameter 'date_from' is '2018-13-01'; allowed: a day YYYY-MM-DD (a real date), or empty",
    ),
    (
        "01-chronology",
        {"date_to": "2018/03/28"},
        "parameter 'date_to' is '2018/03/28'; allowed: a day YYYY-MM-DD (a real date), or empty",
    ),
    (
        "01-chronology",
        {"date_from": "2025-01-01", "date_to": "2018-01-01"},
        "parameter 'date_from' '2025-01-01' is after 'date_to' '2018-01-01'; allowed: a window whose first day is "
        "on or before its last",
    ),
    (
        "01-chronology",
        {"outlets": ["The Diplomat"]},
        "parameter 'outlets' is ['The Diplomat']: no article of seeds has the outlet 'The Diplomat'; "
        f"allowed: outlets of seeds: {SEEDS_OUTLETS}",
    ),
    (
        "01-chronology",
        {"granularities": ["days"]},
        "parameter 'granularities' is ['days']: 'days' is not allowed; allowed: granularities: day, week, "
        "part_of_month, month, season, part_of_year, year, part_of_decade, decade, century, vague, anchored",
    ),
    ("02-official-tone", {"top_n": 0}, "parameter 'top_n' is 0; allowed: a whole number from 1 to 50"),
    (
        "02-official-tone",
        {"compare_voices": ["analyst", "officials"]},
        "parameter 'compare_voices' is ['analyst', 'officials']: 'officials' is not allowed; allowed: the kit's "
        "voices: official_prc, official_dprk, official_other, analyst, media, business, public, ngo, unnamed_source, "
        "unknown, narration",
    ),
    (
        "02-official-tone",
        {"min_quote_words": 1000},
        "parameter 'min_quote_words' is 1000; allowed: a whole number from 1 to 100",
    ),
    (
        "00-corpus",
        {"corpus_dir": "no-such-corpus"},
        f"parameter 'corpus_dir' is 'no-such-corpus': no manifest.csv in {config.ROOT.as_posix()}/no-such-corpus; "
        "allowed: a corpus folder with manifest.csv, or empty for the seeds",
    ),
    ("00-corpus", {"top_words": 0}, "parameter 'top_words' is 0; allowed: a whole number from 1 to 1000"),
]


@pytest.mark.parametrize(("stem", "overrides", "problem"), BAD_VALUES, ids=lambda v: str(v)[:40])
def test_a_bad_value_is_one_line_naming_file_set_parameter_and_what_is_allowed(
    tmp_path, capsys, stem, overrides, problem
):
    params = tmp_path / "params"
    params.mkdir()
    (params / f"{stem}.yaml").write_text(yaml.safe_dump({"bad": overrides}, allow_unicode=True), encoding="utf-8")
    tree = {"notebooks": config.NOTEBOOKS, "params": params, "reports": tmp_path / "reports"}
    assert kit_report(tree, "--only", stem) == cli.EXIT_BAD_INPUT
    shown_params = (params / f"{stem}.yaml").resolve().as_posix()
    assert capsys.readouterr().err == f"error: {shown_params}: parameter set 'bad': {problem}\n"
    assert not (tmp_path / "reports").exists()  # before any notebook ran


def test_one_boundary_makes_two_periods_and_named_seed_periods_pass():
    themes = config.NOTEBOOKS / "03-themes.ipynb"
    declared = declared_parameters(themes)
    for boundaries in (["2024-01-01"], ["2018 summit=2018-01-01", "2024–2025=2024-01-01"]):
        check_parameters(Run(themes, "x", {"period_boundaries": boundaries}), declared, {})


def test_the_notebook_checks_its_own_values_with_the_same_line():
    values = {"corpus_dir": "", "output_dir": "", "normalisation": "per_1000", "kwic_window": 8}
    with pytest.raises(KitError) as err:
        check_notebook("03-themes", values)
    assert str(err.value) == (
        "notebooks/03-themes.ipynb: parameter 'normalisation' is 'per_1000'; allowed: one of: per_1k, weighted, hits"
    )
    with pytest.raises(KitError, match=r"^notebooks/03-themes.ipynb: parameter 'kwic_window' must be int, got str"):
        check_notebook(config.NOTEBOOKS / "03-themes.ipynb", {**values, "normalisation": "hits", "kwic_window": "8"})
    check_notebook("03-themes", {**values, "normalisation": "hits"})


def test_a_note_that_is_none_of_the_forms_names_the_notebook_and_parameter(tmp_path):
    notebook = json.loads((config.NOTEBOOKS / "00-corpus.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if "parameters" in c["metadata"].get("tags", []))
    cell["source"] = [line.replace("[1..1000]", "[lots]") for line in cell["source"]]
    path = tmp_path / "00-corpus.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(KitError) as err:
        check_notebook(path, {"top_words": 20})
    assert str(err.value).startswith(f"{path.as_posix()}: parameter 'top_words': note [lots]: expected [LOW..HIGH]")


@pytest.mark.parametrize(
    ("comment", "allowed"),
    [
        ("how many [1..50]", Allowed("1..50", "range", 1, 50)),
        ("at least one [1..]", Allowed("1..", "range", 1, None)),
        ("a share [0.5..1]", Allowed("0.5..1", "range", 0.5, 1)),
        (
            "heatmap value [per_1k | weighted | hits]",
            Allowed("per_1k | weighted | hits", "choice", choices=("per_1k", "weighted", "hits")),
        ),
        ("e.g. [x] then more", None),
        ("no note", None),
        ("outlets (empty: all) [outlet]", Allowed("outlet", "outlet")),
    ],
)
def test_notes_are_read_from_the_end_of_the_comment(comment, allowed):
    assert parse_note(comment) == allowed


@pytest.mark.enable_socket
def test_papermill_run_directly_stops_at_the_check_cell_with_the_same_line(tmp_path):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        papermill.execute_notebook(
            str(config.NOTEBOOKS / "03-themes.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters={"normalisation": "per_1000"},
            kernel_name="python3",
            cwd=str(config.ROOT),
            progress_bar=False,
        )
    assert err.value.ename == "KitError"
    assert err.value.evalue == (
        "notebooks/03-themes.ipynb: parameter 'normalisation' is 'per_1000'; allowed: one of: per_1k, weighted, hits"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_cell_after_the_parameters_checks_them_and_derives_empty_periods(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", []))
    source = "".join(cells[index + 1]["source"])
    assert f'check_notebook("{path.stem}", globals())' in source
    if "period_boundaries" in declared_parameters(path):
        assert "period_boundaries = period_boundaries or derived_periods(corpus_dir)" in source


def test_derived_periods_read_the_manifest_of_the_corpus(make_corpus):
    assert derived_periods("") == ["2018=2018-01-01", "2024=2024-01-01", "2025=2025-01-01"]
    rows = [
        {**ROW, "doc_id": f"a{i}", "file": f"a{i}.txt", "published": published}
        for i, published in enumerate(["2023-01-05", "2023-03-02", "2023-03-20"])
    ]
    corpus = make_corpus({f"a{i}.txt": "Xi met Kim.\n" for i in range(3)}, rows=rows)
    assert derived_periods(str(corpus)) == ["2023-01=2023-01-01", "2023-03=2023-03-01"]


@pytest.mark.parametrize("notebook", sorted(config.NOTEBOOKS.rglob("*.ipynb")), ids=lambda path: path.stem)
def test_declared_parameters_read_as_papermill_reads_them(notebook):
    from papermill.inspection import inspect_notebook

    assert declared_parameters(notebook) == inspect_notebook(str(notebook))


def test_declared_parameters_without_annotation_or_comment_and_with_a_hash_in_a_string(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('top = 5\ntitle: str = "Issue #3"  # the heading\nflag: bool = False')
    cell.metadata["tags"] = ["parameters"]
    notebook.cells = [nbformat.v4.new_code_cell("import os"), cell]
    path = tmp_path / "probe.ipynb"
    nbformat.write(notebook, path)

    declared = declared_parameters(path)

    assert list(declared) == ["top", "title", "flag"]
    assert declared["top"] == {"name": "top", "inferred_type_name": "None", "default": "5", "help": ""}
    assert declared["title"]["default"] == '"Issue #3"' and declared["title"]["help"] == "the heading"
    assert declared["flag"]["inferred_type_name"] == "bool" and declared["flag"]["help"] == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"cells": [', "not a notebook (bad JSON at line 1 column 12)"),
        ('{"cells": [{"metadata": {"tags": ["parameters"]}}]}', "not a notebook (no list of cells"),
        (
            '{"cells": [{"metadata": {"tags": ["parameters"]}, "source": "top: int = (5"}]}',
            "the parameters cell is not valid Python (line 1)",
        ),
    ],
)
def test_a_notebook_that_cannot_be_read_is_one_error_naming_it(tmp_path, content, message):
    path = tmp_path / "broken.ipynb"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KitError, match=rf"broken\.ipynb: {re.escape(message)}"):
        declared_parameters(path)
