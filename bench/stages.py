"""The stages ``make bench`` measures, in pipeline order; each takes the results of the earlier ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kit.analyses import chronology, themes, tone, voices
from kit.analyses.voices import actors
from kit.ingest import corpus
from kit.preprocess import clean, text
from kit.types import Prepared

# What the stages measured so far produced, by stage name (plus "corpus_dir").
State = dict[str, Any]


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


def _prepared(state: State) -> Prepared:
    documents, removed, paragraphs = state["clean"]
    return Prepared(documents, removed, paragraphs, state["sentences"], state["tokens"])


def _themes(state: State) -> object:
    return themes.count(_prepared(state), themes.load_dictionary(), by="document")


def _dates(state: State) -> object:
    return chronology.date_expressions(_prepared(state))


def _quotes(state: State) -> object:
    return voices.extract_quotes(_prepared(state), actors.load_registry())


def _tone(state: State) -> object:
    return tone.score_units(_prepared(state), lexicon=tone.load_lexicon(), quotes_table=state["quotes"])


STAGES: list[tuple[str, Callable[[State], object]]] = [
    ("load", _load),
    ("clean", _clean),
    ("sentences", _sentences),
    ("tokens", _tokens),
    ("themes", _themes),
    ("dates", _dates),
    ("quotes", _quotes),
    ("tone", _tone),
]
