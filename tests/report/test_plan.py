"""The plan (kit.report.plan): notebooks × parameter sets, and --only."""

from __future__ import annotations

import pytest

from kit import cli, config
from kit.report.plan import bound_corpus, for_corpus, plan, select_runs
from tests.report.helpers import FIXTURES, kit_report, make_tree, write_params


def test_parameter_sets_expand_in_file_then_yaml_order():
    runs = plan(FIXTURES / "notebooks", FIXTURES / "params")
    assert [r.name for r in runs] == ["00-tiny__all", "00-tiny__doubled", "01-xss__xss"]
    assert runs[1].overrides == {"scale": 4, "label": "doubled"}


def test_a_notebook_without_params_file_runs_once_as_default(tmp_path):
    tree = make_tree(tmp_path)
    (tree["params"] / "00-tiny.yaml").unlink()
    assert plan(tree["notebooks"], tree["params"])[0].name == "00-tiny__default"


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
    runs = plan(FIXTURES / "notebooks", FIXTURES / "params")
    assert [r.name for r in select_runs(runs, only)] == expected


def test_params_file_without_notebook_and_unknown_only_are_errors(tmp_path, capsys):
    tree = make_tree(tmp_path)
    write_params(tree, "a: {}\n", name="09-missing.yaml")
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    assert "09-missing.yaml: no notebook 09-missing.ipynb" in capsys.readouterr().err
    (tree["params"] / "09-missing.yaml").unlink()
    assert kit_report(tree, "--only", "nope") == cli.EXIT_BAD_INPUT
    assert "--only nope: no such notebook or report" in capsys.readouterr().err


def test_a_set_name_given_twice_is_refused_with_its_line(tmp_path, capsys):
    tree = make_tree(tmp_path)
    write_params(tree, "all: {}\ndoubled: {scale: 4}\ndoubled: {scale: 5}\n")
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    params = (tree["params"] / "00-tiny.yaml").resolve().as_posix()
    assert capsys.readouterr().err == f"error: {params} line 3: duplicate key 'doubled' (first at line 2)\n"


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("123: {}\n", "parameter-set name 123 is read by YAML as int, not text; put it in quotes, e.g. '123': {}"),
        ("true: {}\n", "parameter-set name True is read by YAML as bool, not text; put it in quotes, e.g. 'true': {}"),
        (
            "2018-03-28: {}\n",
            "parameter-set name datetime.date(2018, 3, 28) is read by YAML as date, not text; "
            "put it in quotes, e.g. '2018-03-28': {}",
        ),
        ("null: {}\n", "a parameter-set name is empty or null; name the set, e.g. 'all-outlets: {}'"),
        (
            f"{'s' * 250}: {{}}\n",
            f"parameter-set name '{'s' * 79}… has 250 characters; at most 100 fit in a file name",
        ),
        (
            '"all\\n": {}\n',
            "parameter-set name 'all\\n' must be letters, digits, '.', '-' or '_' (no '__'), e.g. '2018-only'",
        ),
    ],
)
def test_set_names_that_cannot_be_file_names_are_refused(tmp_path, capsys, yaml_text, problem):
    tree = make_tree(tmp_path)
    write_params(tree, yaml_text)
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    params = (tree["params"] / "00-tiny.yaml").resolve().as_posix()
    assert capsys.readouterr().err == f"error: {params}: {problem}\n"
    assert not tree["reports"].exists()  # refused before anything ran


def test_a_set_name_of_100_characters_is_accepted(tmp_path):
    tree = make_tree(tmp_path)
    write_params(tree, f"{'s' * 100}: {{}}\n")
    assert [run.name for run in plan(tree["notebooks"], tree["params"])][:1] == [f"00-tiny__{'s' * 100}"]


# ---------------------------------------------------------------- parameter sets on another corpus


def test_sets_bound_to_the_seeds_are_left_out_on_another_corpus(tmp_path):
    runs = plan(config.NOTEBOOKS, config.PARAMS)
    assert [run.name for run in runs if bound_corpus(run) == config.SEEDS] == [
        "01-chronology__summit-2018",
        "03-themes__summit-vs-recent",
    ]
    kept = for_corpus(runs, tmp_path)
    assert [run.name for run in kept] == [
        "00-corpus__default",
        "01-chronology__all-outlets",
        "02-official-tone__lexicon-on",
        "02-official-tone__plain-vader",
        "03-themes__by-year",
    ]
    assert for_corpus(runs, config.ROOT / "seeds") == runs


def test_another_corpus_leaves_out_bound_sets_and_refuses_a_free_set_naming_absent_outlets(
    tmp_path, capsys, make_corpus
):
    corpus = make_corpus({"a1.txt": "Xi met Kim in Beijing on Monday.\n"})
    params = tmp_path / "params"
    params.mkdir()
    (params / "01-chronology.yaml").write_text(
        "seeds-only: {corpus_dir: seeds, outlets: [The Korea Herald]}\nmine: {outlets: [Nowhere Daily]}\n",
        encoding="utf-8",
    )
    tree = {"notebooks": config.NOTEBOOKS, "params": params, "reports": tmp_path / "reports"}
    assert kit_report(tree, "--only", "01", "--corpus", str(corpus)) == cli.EXIT_BAD_INPUT
    shown_params, shown_corpus = (params / "01-chronology.yaml").resolve().as_posix(), corpus.resolve().as_posix()
    assert capsys.readouterr().err.splitlines() == [
        f"left out 01-chronology__seeds-only: parameter set 'seeds-only' in {shown_params} is for the corpus seeds",
        f"error: {shown_params}: parameter set 'mine': parameter 'outlets' is ['Nowhere Daily']: no article of "
        f"{shown_corpus} has the outlet 'Nowhere Daily'; allowed: outlets of {shown_corpus}: Test Outlet",
    ]
    assert not (tmp_path / "reports").exists()
