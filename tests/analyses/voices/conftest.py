"""Fixtures for the voices stages: a one-article corpus as the DocView each stage reads."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kit.analyses.voices import actors, records
from kit.preprocess.pipeline import prepare


@pytest.fixture(scope="session")
def registry() -> actors.Registry:
    """The kit's actor registry."""
    return actors.load_registry()


@pytest.fixture
def view_of(make_corpus, registry) -> Callable[[str], records.DocView]:
    """``view_of(body)`` → the DocView of a one-article corpus whose body is ``body`` (under a headline)."""

    def build(body: str) -> records.DocView:
        folder = make_corpus({"a1.txt": "A Test Headline\n\n" + body + "\n"})
        prepared = prepare(folder)
        doc = prepared.documents.iloc[0]
        return records.build_view(
            doc.doc_id, doc.text, prepared.sentences, prepared.paragraphs, actors.mentions(prepared, registry)
        )

    return build
