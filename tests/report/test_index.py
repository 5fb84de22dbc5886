"""The index page (kit.report.index)."""

from __future__ import annotations

import os

import pytest

from kit import config
from kit.report.index import regenerate_command


@pytest.mark.enable_socket
def test_index_lists_every_report_with_values_and_relative_links(built):
    page = (built["reports"] / "index.html").read_text()
    for name in ("00-tiny__all", "00-tiny__doubled", "01-xss__xss"):
        for own in ("report.html", "report.ipynb", "values.json"):
            assert f'href="{name}/{own}"' in page
    assert 'href="00-tiny__doubled/counts.csv">table counts.csv</a>' in page
    assert '<dt title="total in values.json">Total</dt><dd>24</dd>' in page  # a label, the name on hover
    # a mapping is a small table, not JSON
    assert "<tr><th>alpha</th><td>12</td></tr>" in page and "{&#34;alpha&#34;" not in page
    assert (
        "<h1>Reports on seeds</h1>" in page
        and '<tr><th>documents</th><td>5 · <a href="reader/index.html">Articles</a>' in page
    )
    assert "<code>scale = 4</code>" in page
    assert "Tiny fixture: what are we measuring?" in page
    command = regenerate_command(config.SEEDS, built["reports"], built["params"])  # names the site, relative
    assert "file:" not in page and str(built["reports"]) not in page.replace(command, "")


def test_the_seeds_own_site_is_regenerated_with_make_report():
    assert regenerate_command(config.SEEDS, config.REPORTS) == "make report"


def test_another_site_names_its_corpus_site_and_parameters_relative_to_the_project(tmp_path):
    corpus, site, params = tmp_path / "my corpus", tmp_path / "site", tmp_path / "params"
    command = regenerate_command(corpus, site, params)
    relative = os.path.relpath(tmp_path, config.ROOT)
    assert command == (
        f".venv/bin/python -m kit report --corpus '{relative}/my corpus' --out {relative}/site --params {relative}/params"
    )
    assert regenerate_command(config.SEEDS, site) == f".venv/bin/python -m kit report --out {relative}/site"


@pytest.mark.enable_socket
def test_the_index_says_how_to_regenerate_this_site(built):
    page = (built["reports"] / "index.html").read_text()
    assert "to regenerate this site, run <code>.venv/bin/python -m kit report --out " in page
