"""kit report's own options (--dictionary, --registry, --lexicon, --formulas, --periods) and how notebooks find a
corpus: the same relative path in a report and in JupyterLab, ``$PRESSKIT_CORPUS``, errors with the resolved path."""

from __future__ import annotations

import json
import os

import nbformat
import pytest

from kit import config
from kit.compute.archive import open_archive
from kit.errors import CorpusError, KitError
from kit.report.execute import kernel_environment
from kit.report.index import regenerate_command
from kit.report.parameters import runner_parameters
from tests.report.helpers import kit_report, make_tree


def options_notebook(path):
    """A notebook that takes a dictionary and period boundaries, and records what it was given."""
    parameters = nbformat.v4.new_code_cell(
        'corpus_dir: str = ""  # corpus folder (unused here)\n'
        'output_dir: str = ""  # where recorded values go (empty: write nothing)\n'
        'dictionary: str = ""  # a theme dictionary YAML (empty: the kit\'s) [file]\n'
        "period_boundaries: list[str] = []  # first days of periods (empty: from the dates) [periods]"
    )
    parameters.metadata["tags"] = ["parameters"]
    record = 'from kit.presentation import outputs\n\noutputs.record({"dictionary": dictionary, "periods": period_boundaries}, output_dir)'
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Options fixture: what did the runner pass?"),
        parameters,
        nbformat.v4.new_code_cell(record),
    ]
    nbformat.write(notebook, path)


@pytest.mark.enable_socket
def test_the_runners_files_and_periods_reach_each_notebook_that_takes_them_and_the_index_says_so(tmp_path):
    tree = make_tree(tmp_path)
    options_notebook(tree["notebooks"] / "02-options.ipynb")
    mine = tmp_path / "my-themes.yaml"
    mine.write_text((config.THEMES).read_text(encoding="utf-8"), encoding="utf-8")
    assert kit_report(tree, "--dictionary", str(mine), "--periods", "2018", "recent=2024-01-01") == 0
    values = json.loads((tree["reports"] / "02-options__default" / "values.json").read_text(encoding="utf-8"))
    relative = os.path.relpath(mine, config.ROOT)
    assert values == {"dictionary": relative, "periods": ["2018", "recent=2024-01-01"]}
    tiny = json.loads((tree["reports"] / "00-tiny__all" / "values.json").read_text(encoding="utf-8"))
    assert "dictionary" not in tiny  # a notebook that takes no dictionary is run as before
    index = (tree["reports"] / "index.html").read_text(encoding="utf-8")
    assert f"--dictionary {relative} --periods 2018 recent=2024-01-01</code>" in index


def test_a_missing_file_is_refused_before_any_report_runs_naming_where_it_was_looked_for(tmp_path, capsys):
    tree = make_tree(tmp_path)
    options_notebook(tree["notebooks"] / "02-options.ipynb")
    assert kit_report(tree, "--dictionary", str(tmp_path / "nowhere.yaml")) == 2
    error = capsys.readouterr().err
    assert f"no such file {(tmp_path / 'nowhere.yaml').as_posix()}" in error
    assert not (tree["reports"] / "02-options__default").exists()


def test_runner_options_become_the_notebook_parameters_and_an_unknown_one_is_refused():
    given = runner_parameters({"registry": "kit/data/actors.yaml", "periods": ("2018",)})
    assert given == {"registry_file": "kit/data/actors.yaml", "period_boundaries": ["2018"]}
    with pytest.raises(KitError, match="no option 'holidays'"):
        runner_parameters({"holidays": "x.yaml"})
    command = regenerate_command(config.SEEDS, config.REPORTS, options={"lexicon": "kit/data/diplomatic_lexicon.yaml"})
    assert command == ".venv/bin/python -m kit report --lexicon kit/data/diplomatic_lexicon.yaml"


def test_a_relative_corpus_is_the_same_folder_from_notebooks_as_from_the_project(monkeypatch):
    monkeypatch.chdir(config.NOTEBOOKS)  # where JupyterLab starts a notebook's kernel
    assert open_archive("seeds").folder == config.SEEDS
    with pytest.raises(CorpusError, match=f"{config.ROOT}/my-corpus: corpus folder does not exist"):
        open_archive("my-corpus")


def test_presskit_corpus_is_the_corpus_of_an_empty_corpus_dir_but_never_of_a_report(monkeypatch, tmp_path):
    monkeypatch.setenv(config.CORPUS_ENV, str(tmp_path / "elsewhere"))
    assert config.notebook_corpus("") == tmp_path / "elsewhere"
    assert config.notebook_corpus("seeds") == config.SEEDS
    with kernel_environment():
        assert config.CORPUS_ENV not in os.environ
        assert config.notebook_corpus() == config.SEEDS
    assert os.environ[config.CORPUS_ENV] == str(tmp_path / "elsewhere")
