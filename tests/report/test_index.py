"""The index page and pruning (kit.report.index)."""

from __future__ import annotations

import pytest

from kit.report.index import prune
from kit.report.plan import plan
from tests.report.helpers import FIXTURES


def test_prune_removes_only_reports_of_vanished_notebooks_or_sets(tmp_path):
    runs = plan(FIXTURES / "notebooks", FIXTURES / "params")
    names = [
        "00-tiny__all/report.html",
        "00-tiny__all/counts.csv",
        "00-tiny__gone/report.html",
        "00-tiny__gone/counts.csv",
        "99-old__default/values.json",
        "failed/99-old__default/report.ipynb",
        "failed/00-tiny__all/report.ipynb",
        "notes__mine/notes.txt",  # not a folder the runner wrote
        "seminar/index.html",
        "01-xss__xss.html",  # the earlier layout: every report's files side by side
        "01-xss__xss__sentences.csv",
        "index.html",
        "README.md",
    ]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    removed = {p.relative_to(tmp_path).as_posix() for p in prune(runs, tmp_path)}
    assert removed == {
        "00-tiny__gone",
        "99-old__default",
        "failed/99-old__default",
        "01-xss__xss.html",
        "01-xss__xss__sentences.csv",
    }
    assert (tmp_path / "notes__mine" / "notes.txt").exists() and (tmp_path / "00-tiny__all" / "counts.csv").exists()


@pytest.mark.enable_socket
def test_index_lists_every_report_with_values_and_relative_links(built):
    page = (built["reports"] / "index.html").read_text()
    for name in ("00-tiny__all", "00-tiny__doubled", "01-xss__xss"):
        for own in ("report.html", "report.ipynb", "values.json"):
            assert f'href="{name}/{own}"' in page
    assert 'href="00-tiny__doubled/counts.csv">table counts.csv</a>' in page
    assert "<dt>total</dt><dd>24</dd>" in page
    # a mapping is a small table, not JSON
    assert "<tr><th>alpha</th><td>12</td></tr>" in page and "{&#34;alpha&#34;" not in page
    assert "<h1>Reports on seeds</h1>" in page and "<tr><th>documents</th><td>5</td></tr>" in page
    assert "<code>scale = 4</code>" in page
    assert "Tiny fixture: what are we measuring?" in page
    assert "file:" not in page and str(built["reports"]) not in page
