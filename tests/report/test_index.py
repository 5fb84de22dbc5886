"""The index page (kit.report.index)."""

from __future__ import annotations

import pytest


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
    assert (
        "<h1>Reports on seeds</h1>" in page
        and '<tr><th>documents</th><td>5 · <a href="reader/index.html">Articles</a>' in page
    )
    assert "<code>scale = 4</code>" in page
    assert "Tiny fixture: what are we measuring?" in page
    assert "file:" not in page and str(built["reports"]) not in page
