"""The stages ``make bench`` measures, in pipeline order; each takes the results of the earlier ones."""

from __future__ import annotations

from collections.abc import Callable

from kit import clean, corpus, text

State = dict[str, object]


def _load(state: State) -> object:
    return corpus.load(state["corpus_dir"])


def _clean(state: State) -> object:
    return clean.clean(state["load"])


def _sentences(state: State) -> object:
    documents, _, paragraphs = state["clean"]
    return text.sentences(documents, paragraphs)


def _tokens(state: State) -> object:
    documents, _, _ = state["clean"]
    return text.tokens(documents, state["sentences"])


STAGES: list[tuple[str, Callable[[State], object]]] = [
    ("load", _load),
    ("clean", _clean),
    ("sentences", _sentences),
    ("tokens", _tokens),
]
