"""The locked half of ../shared/devcorpus2, as scored when the round of issue #22 and #23 ended
(docs/methods/accuracy.md, "A second development corpus with a locked half"). Its figures are pinned here only once a
round is scored: while rules are tuned nobody runs these tests' numbers to guide a rule, and a drop fails the build
like any other.

The scores printed by the commands on that page; floors, so a better rule never fails them, and the wrong-side
count a ceiling.
"""

from __future__ import annotations

import pytest

from kit.preprocess.pipeline import prepare
from kit.types import Prepared
from kit.validation import dates, furniture, quotes, split, tone
from tests.devcorpus import DEVCORPUS2, needs_devcorpus2

GOLD = "tests/fixtures/gold/devcorpus2/locked"


@pytest.fixture(scope="module")
def locked() -> Prepared:
    return split.subset(prepare(DEVCORPUS2, warn_cleaning=False), "locked")


@needs_devcorpus2
def test_quotations(locked):
    report = quotes.quote_report(locked, f"{GOLD}/quotes.csv")
    assert report.figure("found").part >= 101  # of 106 (first look: 92)
    assert report.figure("speaker right (of all gold quotations)").part >= 64  # first look: 56
    assert report.figure("group right (of all gold quotations)").part >= 56  # first look: 58
    assert report.figure("given to the wrong side (of all gold quotations)").part <= 3  # first look: 6


@needs_devcorpus2
def test_furniture(locked):
    report = furniture.furniture_report(locked, f"{GOLD}/furniture.csv", f"{GOLD}/body_lines.csv")
    assert report.figure("furniture removed").part >= 186  # of 210 (first look: 183)
    assert report.figure("body lines lost").part <= 1  # of 316 (first look: 34)


@needs_devcorpus2
def test_dates(locked):
    report = dates.date_report(locked, f"{GOLD}/dates.csv")
    assert report.figure("found").part >= 165  # of 199 (first look: 157)
    assert report.figure("resolved (same dates)").part >= 128  # of 160 (first look: 119)


@needs_devcorpus2
def test_tone(locked):
    report = tone.tone_report(locked, f"{GOLD}/tone.csv")
    lexicon = report.figure("pearson r, official quotations, with the lexicon").rate
    plain = report.figure("pearson r, official quotations, plain VADER").rate
    assert lexicon >= 0.62  # first look: 0.663 with the lexicon, 0.667 plain, on 78 quotations
    assert lexicon > plain
    assert report.figure("sign right (official quotations)").part >= 55  # of 83
