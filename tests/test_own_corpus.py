"""A researcher's first hour: their own CSV export → ``kit import`` → ``kit report --corpus … --out …``."""

from __future__ import annotations

import os
import subprocess

import pandas as pd
import pytest

from kit import config, report
from kit.report.index import regenerate_command
from tests.devcorpus import needs_devcorpus
from tests.foreign import ARTICLES, build_site

pytestmark = pytest.mark.slow  # minutes of end-to-end runs: `make test-slow`, and CI


def git_status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=config.ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@needs_devcorpus
@pytest.mark.enable_socket
def test_a_csv_of_foreign_articles_gives_every_report_in_its_own_site_and_leaves_the_checkout_alone(tmp_path):
    before = git_status()
    built = build_site(tmp_path)
    assert git_status() == before
    site = built["site"]
    for run in report.plan(config.NOTEBOOKS, config.PARAMS):
        if (site / run.name).exists():
            assert (site / run.name / "report.html").is_file() and (site / run.name / "values.json").is_file()
    written = sorted(p.parent.name for p in site.glob("*/report.html"))
    assert {name.split("__")[0] for name in written} == {p.stem for p in config.NOTEBOOKS.glob("*.ipynb")}
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<h1>Reports on my-corpus</h1>" in index
    assert f'<tr><th>documents</th><td>{ARTICLES} · <a href="reader/index.html">Articles</a>' in index
    assert "2009-10-04 to " in index
    regenerate = regenerate_command(built["corpus"], site, built["params"])
    assert regenerate.endswith(
        "/my-corpus --out "
        + os.path.relpath(site, config.ROOT)
        + " --params "
        + os.path.relpath(built["params"], config.ROOT)
    )
    assert f"to regenerate this site, run <code>{regenerate}</code>" in index
    # The researcher's own column compares tone and themes; every article has its reader page.
    tone = pd.read_csv(site / "02-official-tone__lexicon-on" / "tone_by_outlet_type.csv")
    assert set(tone.outlet_type) == {"state media", "South Korean press", "other"}
    themes = pd.read_csv(site / "03-themes__by-year" / "themes_by_outlet_type.csv")
    assert themes.groupby("outlet_type").documents.first().sum() == ARTICLES
    assert len(list((site / "reader").glob("*.html"))) == ARTICLES + 1  # and their list
