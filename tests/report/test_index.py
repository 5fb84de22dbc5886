"""The index page and pruning (kit.report.index)."""

from __future__ import annotations

import pytest

from kit.report.index import prune
from kit.report.plan import plan
from tests.report.helpers import FIXTURES


def test_prune_removes_only_reports_of_vanished_notebooks_or_sets(tmp_path):
    runs = plan(FIXTURES / "notebooks", FIXTURES / "params")
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
    removed = {p.name for p in prune(runs, tmp_path)}
    assert removed == {"00-tiny__gone.html", "00-tiny__gone__counts.csv", "99-old__default.json"}


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
