"""Parameter checks (kit.report.parameters): every override declared and of the declared type."""

from __future__ import annotations

import pytest

from kit import cli
from kit.report.parameters import check_parameters, declared_parameters
from kit.report.plan import Run
from tests.report.helpers import FIXTURES, kit_report, make_tree, write_params


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
            "output_dir, ratio, scale)",
        ),
    ],
)
def test_a_long_value_is_shown_as_a_bounded_preview(tmp_path, capsys, yaml_text, problem):
    tree = make_tree(tmp_path)
    write_params(tree, yaml_text)
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    params = (tree["params"] / "00-tiny.yaml").resolve().as_posix()
    assert capsys.readouterr().err == f"error: {params}: {problem}\n"
