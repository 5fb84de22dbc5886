"""kit.validation.quotes: the quotation scores on the seeds and on the development corpus, pinned.

The development corpus (40 articles, 36 outlets, 2009–2025) lives in ``../shared/devcorpus`` beside the
checkout; its gold was hand-coded by someone who had not read the rules. A drop below these floors fails
the build; raise a floor when the kit improves.
"""

from __future__ import annotations

from kit.cli import main
from kit.pipeline import prepare
from kit.validation import quotes
from tests.devcorpus import DEVCORPUS, needs_devcorpus

DEV_GOLD = "tests/fixtures/gold/devcorpus/quotes.csv"


def test_seed_scores(seeds, capsys):
    report = quotes.report(seeds, "tests/fixtures/gold/quotes.csv")
    for name in (
        "found",
        "speaker right (of all gold quotations)",
        "group right (of all gold quotations)",
        "kind right (of found and coded)",
        "via right (of found and coded)",
    ):
        assert report.figure(name).rate == 1.0, name
    assert report.figure("speech or fragment quotations not in gold").part == 0
    assert main(["validate", "quotes", "--gold", "tests/fixtures/gold/quotes.csv"]) == 0
    assert capsys.readouterr().out == report.render()


@needs_devcorpus
def test_devcorpus_scores_do_not_drop():
    report = quotes.report(prepare(DEVCORPUS), DEV_GOLD)
    assert report.figure("found").rate >= 100 / 100
    assert report.figure("speaker right (of all gold quotations)").rate >= 94 / 100
    assert report.figure("group right (of all gold quotations)").rate >= 97 / 100
    assert report.figure("kind right (of found and coded)").rate >= 96 / 100
    assert report.figure("via right (of found and coded)").rate >= 13 / 21
