"""The visible pipeline: corpus → text, the input every analysis takes.

    load (kit.corpus) → clean (kit.clean) → sentences, tokens (kit.text)

Notebooks and the command line call :func:`prepare`; each stage can also be called on its own.
"""

from __future__ import annotations

from pathlib import Path

from kit import clean, corpus, text
from kit.types import Prepared


def prepare(corpus_dir: str | Path | None = None) -> Prepared:
    """Load, clean and tokenise a corpus folder (default ``seeds/``).

    Raises:
        CorpusError: for any bad manifest row or article file (see :func:`kit.corpus.load`).
    """
    documents = corpus.load(corpus_dir)
    documents, removed, paragraphs = clean.clean(documents)
    sentence_table = text.sentences(documents, paragraphs)
    token_table = text.tokens(documents, sentence_table)
    return Prepared(documents, removed, paragraphs, sentence_table, token_table)
