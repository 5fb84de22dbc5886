"""kit.validation.split: a development half and a locked half fixed by each doc_id's hash."""

from __future__ import annotations

import hashlib

import pytest

from kit.cli import main
from kit.errors import KitError
from kit.validation import split
from tests.devcorpus import DEVCORPUS2, needs_devcorpus2


def test_half_of_is_the_parity_of_the_doc_ids_sha256():
    for doc_id in ("001_a", "002_b", "050_telegraph_2017_north-korea-china-dancing-to-tune-of-us", "x" * 200):
        even = int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 == 0
        assert split.half_of(doc_id) == ("locked" if even else "development")


def test_subset_keeps_every_table_of_one_half_and_nothing_else(seeds):
    halves = {half: split.subset(seeds, half) for half in split.HALVES if _has(seeds, half)}
    for half, part in halves.items():
        ids = set(part.documents.doc_id)
        assert ids and all(split.half_of(d) == half for d in ids)
        for table in (part.removed, part.paragraphs, part.sentences, part.tokens):
            assert set(table.doc_id) <= ids
    assert sum(len(p.tokens) for p in halves.values()) == len(seeds.tokens)


def _has(prepared, half):
    return any(split.half_of(d) == half for d in prepared.documents.doc_id)


def test_a_bad_half_is_one_line(seeds):
    with pytest.raises(KitError, match="--half is 'both'"):
        split.subset(seeds, "both")


@needs_devcorpus2
def test_validate_scores_one_half(capsys):
    gold = "tests/fixtures/gold/devcorpus2/development/quotes.csv"
    assert main(["validate", "quotes", "--corpus", str(DEVCORPUS2), "--gold", gold, "--half", "development"]) == 0
    assert "(93 quotations in 33 documents)" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # argparse refuses a value outside the choices
        main(["validate", "quotes", "--gold", "tests/fixtures/gold/quotes.csv", "--half", "both"])


def test_validate_one_half_prints_no_warning_about_the_other_half(make_corpus, tmp_path, capsys):
    caption = "In this photo released on Monday, " + "the two leaders shake hands at the airport " * 4 + "(Yonhap)"
    article = f"Leaders Meet\n\n{caption}\n\nThe two leaders met on Monday, officials said."
    ids = {split.half_of(f"doc{n}"): f"doc{n}" for n in range(8)}  # one doc_id of each half
    folder = make_corpus(
        {f"{doc_id}.txt": article for doc_id in ids.values()},
        rows=[
            {"doc_id": doc_id, "file": f"{doc_id}.txt", "headline": "Leaders Meet", "outlet": "X",
             "published": "2019-04-01", "published_precision": "day"}
            for doc_id in ids.values()
        ],
    )  # fmt: skip
    gold = tmp_path / "furniture.csv"
    gold.write_text(f"doc_id,line,furniture,whole_line\n{ids['development']},1,Leaders Meet,yes\n", encoding="utf-8")
    assert main(["validate", "furniture", "--corpus", str(folder), "--gold", str(gold), "--half", "development"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {ids['development']} line 3: removed" in err  # the scored half still warns
    assert ids["locked"] not in err
