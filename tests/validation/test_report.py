"""kit.validation: the report shape every ``kit validate`` check prints."""

import pytest

from kit.validation import Figure, Finding, Report


def test_a_report_renders_its_header_figures_and_findings():
    report = Report(
        gold_path="gold.csv",
        noun="expressions",
        rows=3,
        documents=2,
        figures=(Figure("found", 2, 3), Figure("rows not in the gold file", 4)),
        findings=(Finding("missed", "doc1", "10-15 'today'"),),
    )
    assert report.render() == (
        "gold: gold.csv (3 expressions in 2 documents)\n"
        "found: 2/3 = 66.7%\n"
        "rows not in the gold file: 4\n"
        "missed: doc1 10-15 'today'\n"
    )
    assert report.figure("found").rate == pytest.approx(2 / 3)
    assert report.figure("rows not in the gold file").rate is None
    with pytest.raises(KeyError, match="no figure 'exact'; the report has \\['found'"):
        report.figure("exact")


def test_an_empty_whole_has_no_rate():
    assert Figure("resolved", 0, 0).rate is None and str(Figure("resolved", 0, 0)) == "resolved: 0/0"
