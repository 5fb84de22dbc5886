"""What tests know about the seed corpus: its doc_ids, a manifest row to build tiny corpora, a sentence finder.

Tests import these names from here (never from ``conftest``, which only holds fixtures).
"""

from __future__ import annotations

from kit.types import Prepared

CHOSUN = "000_7466fcb0830044d8"
DIPLOMAT_2018 = "001_a3cbdfdd8623fa68"
SCMP = "002_d36a6144ef540899"
HERALD = "003_80d4a5ff23514f6a"
DIPLOMAT_2024 = "004_063a179dcbf3ea65"

# One manifest row; ``make_corpus`` (conftest) fills doc_id and file per article.
ROW = {
    "doc_id": "a1",
    "file": "a1.txt",
    "outlet": "Test Outlet",
    "headline": "A Test Headline",
    "published": "2018-03-28",
    "published_precision": "day",
}


def sentence_of(prepared: Prepared, doc_id: str, needle: str) -> int:
    """The sentence_id of the first sentence of ``doc_id`` containing ``needle``."""
    sentences = prepared.sentences
    hits = sentences[(sentences.doc_id == doc_id) & sentences.text.str.contains(needle, regex=False)]
    assert not hits.empty, f"no sentence of {doc_id} contains {needle!r}"
    return int(hits.sentence_id.iloc[0])
