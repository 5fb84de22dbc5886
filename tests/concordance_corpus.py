"""Tiny prepared corpora for the concordancer's tests, built from strings without a corpus folder."""

from __future__ import annotations

import pandas as pd

from kit.preprocess import text
from kit.types import PARAGRAPH_COLUMNS, REMOVED_COLUMNS, Prepared


def prepared(texts: dict[str, str], **columns: dict[str, str]) -> Prepared:
    """A prepared corpus of ``{doc_id: text}``; ``columns`` give documents columns by doc_id (outlet, published…).

    Defaults: outlet "Herald", published "2018-03-28" at day precision.
    """
    ids = list(texts)
    facts = {"outlet": "Herald", "published": "2018-03-28", "published_precision": "day", "headline": ""}
    documents = pd.DataFrame({"doc_id": ids, "text": [texts[d] for d in ids]})
    for column, default in facts.items():
        given = columns.get(column, {})
        documents[column] = [given.get(d, default) for d in ids]
    for column, values in columns.items():
        if column not in facts:
            documents[column] = [values.get(d, "") for d in ids]
    rows = [
        {"doc_id": d, "sentence_id": n, "paragraph_id": 0, "start": a, "end": b, "text": texts[d][a:b]}
        for d in ids
        for n, (a, b) in enumerate(text.split_sentences(texts[d]))
    ]
    sentences = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "paragraph_id", "start", "end", "text"])
    tokens = text.tokens(documents, sentences)
    return Prepared(
        documents, pd.DataFrame(columns=REMOVED_COLUMNS), pd.DataFrame(columns=PARAGRAPH_COLUMNS), sentences, tokens
    )
