"""kit.validation.quotes: the quotation scores on the seeds and on the development corpus, pinned.

The development corpus (40 articles, 36 outlets, 2009–2025) lives in ``../shared/devcorpus`` beside the
checkout; its gold was hand-coded by someone who had not read the rules. A drop below these floors fails
the build; raise a floor when the kit improves.
"""

from __future__ import annotations

import re

import pytest

from kit import config
from kit.cli import main

DEVCORPUS = config.ROOT.parent / "shared" / "devcorpus"
DEV_GOLD = "tests/fixtures/gold/devcorpus/quotes.csv"
needs_devcorpus = pytest.mark.skipif(
    not (DEVCORPUS / "manifest.csv").exists(), reason="../shared/devcorpus is not beside the checkout"
)


def rates(out: str) -> dict[str, float]:
    """{"found": 0.85, …} from the validator's ``name: part/whole = x%`` lines."""
    return {
        name: int(part) / int(whole)
        for name, part, whole in re.findall(r"^(.+?): (\d+)/(\d+)", out, flags=re.MULTILINE)
        if int(whole)
    }


def test_seed_scores(capsys):
    assert main(["validate", "quotes", "--gold", "tests/fixtures/gold/quotes.csv"]) == 0
    scores = rates(capsys.readouterr().out)
    assert scores["found"] == 1.0
    assert scores["speaker right (of all gold quotations)"] == 1.0
    assert scores["group right (of all gold quotations)"] == 1.0


@needs_devcorpus
def test_devcorpus_scores_do_not_drop(capsys):
    assert main(["validate", "quotes", "--corpus", str(DEVCORPUS), "--gold", DEV_GOLD]) == 0
    scores = rates(capsys.readouterr().out)
    assert scores["found"] >= 0.85
    assert scores["speaker right (of all gold quotations)"] >= 0.63
    assert scores["group right (of all gold quotations)"] >= 0.65
