"""The small immutable values the voices stages pass along: speakers, cues, attributions, a document view.

view (one article's text, sentences, paragraphs, quote spans, registry mentions)
→ mentions.Memory (who has been named so far) → cues (attribution words, speakers resolved)
→ attribution (one Attribution per quotation)
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kit.analyses.voices import marks, roles, turns

# Stands in for every character of a double quotation in DocView.masked, so patterns never match inside one.
MASK = "\u2591"


@dataclass(frozen=True)
class Speaker:
    """Who a cue names: a registry actor, a name not in the registry, or a description.

    Attributes:
        name: as shown in the quotes table (a person's full name; a description as written).
        group: one of :data:`kit.analyses.voices.actors.GROUPS`.
        actor_id: the registry id, empty when not registered.
        role: the role that introduced the speaker ("North Korea's vice foreign minister").
        is_person: a person (a "he"/"she" may refer to them), not a body or a plural description.
        resolved: False for "he" with nobody before it, or a surname that could be several people.
        body_type: for a body, what kind (newspaper, agency, broadcaster, ministry, party, government…),
            so "the newspaper said" finds the last newspaper named.
    """

    name: str
    group: str
    actor_id: str = ""
    role: str = ""
    is_person: bool = False
    resolved: bool = True
    body_type: str = ""


@dataclass(frozen=True)
class Cue:
    """Attribution words in a sentence: their span, what kind of cue, who speaks and through whom.

    ``kind`` is ``verb`` ("Xi said"), ``according`` ("according to X"), ``quoted_as`` ("X was quoted as
    saying (by Y)"), ``relayed`` ("Y quoted X as saying") or ``source_noun`` ("a statement from X").
    ``verb_end`` is where the reporting words end (a quotation right after them is set off);
    ``anaphoric`` is True when the speaker was found through the memory ("he", "the ministry", "Wang").
    """

    start: int
    end: int
    kind: str
    sentence: int
    speaker: Speaker | None
    via: Speaker | None = None
    verb_end: int = 0
    anaphoric: bool = False

    @property
    def has_speaker(self) -> bool:
        """True when the cue names somebody."""
        return self.speaker is not None


@dataclass(frozen=True)
class Attribution:
    """Who speaks a quotation, through whom, by which cue, and which rule decided it.

    ``abstained`` says why the table leaves the speaker out although a cue was found (two official sides compete
    for a quotation in one sentence): the kind is still decided with the cue.
    """

    speaker: Speaker | None
    via: Speaker | None = None
    cue: Cue | None = None
    rule: str = ""
    abstained: str = ""


NO_ATTRIBUTION = Attribution(None)


@dataclass(frozen=True)
class DocView:
    """One cleaned article as the voices stages read it; built once, never changed.

    Attributes:
        doc_id: the document.
        text: the cleaned text.
        masked: ``text`` with every double quotation (marks included) replaced by :data:`MASK`.
        sentence_ids / sentence_spans / sentence_paragraph: per sentence (in order), its id, (start, end)
            and the index of its paragraph.
        paragraph_ids / paragraph_spans / paragraph_kinds: per paragraph, its id, (start, end), kind.
        spans: the quoted spans (:func:`kit.analyses.voices.marks.find_spans`).
        registry_mentions: (start, end, actor_id, surname) of every registry alias or bare surname.
    """

    doc_id: str
    text: str
    masked: str
    sentence_ids: tuple[int, ...]
    sentence_spans: tuple[tuple[int, int], ...]
    sentence_paragraph: tuple[int, ...]
    paragraph_ids: tuple[int, ...]
    paragraph_spans: tuple[tuple[int, int], ...]
    paragraph_kinds: tuple[str, ...]
    spans: tuple[marks.QuoteSpan, ...]
    registry_mentions: tuple[tuple[int, int, str, str], ...]

    @property
    def lead(self) -> int:
        """Index of the first body paragraph that is not a subheading."""
        return next((i for i, kind in enumerate(self.paragraph_kinds) if kind == "paragraph"), 0)

    def sentence_at(self, offset: int) -> int:
        """Index (into this document's sentences) of the sentence holding ``offset``."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    @functools.cached_property
    def reporting_verb_starts(self) -> tuple[int, ...]:
        """Where each reporting verb outside quotations starts, in order (one pass; bisect it per quotation)."""
        return tuple(match.start() for match in roles.REPORTING_VERBS.finditer(self.masked))

    @functools.cached_property
    def _sentence_starts(self) -> tuple[int, ...]:
        # Bisected without a key function: every mention and cue asks which sentence it is in.
        return tuple(start for start, _ in self.sentence_spans)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (its sentence's paragraph)."""
        if not self.sentence_paragraph:
            return 0
        return self.sentence_paragraph[self.sentence_at(offset)]

    def mentions_within(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """The registry mentions lying inside ``start``..``end`` (found by bisecting their starts)."""
        found = []
        for i in range(bisect_left(self.registry_mentions, (start,)), len(self.registry_mentions)):
            mention = self.registry_mentions[i]
            if mention[0] >= end:
                break
            if mention[1] <= end:
                found.append(mention)
        return found

    def inside_quote(self, offset: int) -> bool:
        """True when ``offset`` lies inside a double quotation."""
        return 0 <= offset < len(self.masked) and self.masked[offset] == MASK


# A bare surname followed by a given name is part of a full name: "Zhang Jun", "Kim Sung-nam", "Zhao Lijian".
_GIVEN_NAME = re.compile(r"\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?\b")


def _without_names_surnames(
    found: tuple[tuple[int, int, str, str], ...], body: str
) -> tuple[tuple[int, int, str, str], ...]:
    """Registry mentions without the surnames that open a longer name the registry does not know.

    "Zhang Jun" and "Peter Jung" are not Zhang Baohui and Jung Jae-hung: only a surname standing alone (or
    after a title, "President Xi") is a candidate for the surname rule.
    """
    return tuple(
        (start, end, actor_id, surname)
        for start, end, actor_id, surname in found
        if actor_id or not (_GIVEN_NAME.match(body, end) or _given_name_before(body, start))
    )


def _given_name_before(body: str, start: int) -> bool:
    """A capitalised name word right before the surname, in Western order: "Peter Jung" (not "President Xi")."""
    match = re.search(r"([A-Z][a-z]+)\s+$", body[max(0, start - 30) : start])
    return match is not None and roles.is_name_word(match.group(1))


# The columns of the prepared tables a DocView is built from.
VIEW_SENTENCE_COLUMNS = ("sentence_id", "start", "end", "paragraph_id")
VIEW_PARAGRAPH_COLUMNS = ("paragraph_id", "start", "end", "kind")
VIEW_MENTION_COLUMNS = ("start", "end", "actor_id", "surname")

# One document's rows of a table as plain lists, column name → values in row order.
Columns = Mapping[str, Sequence[Any]]


def build_view(
    doc_id: str,
    body: str,
    sentences: pd.DataFrame,
    paragraphs: pd.DataFrame,
    registry_mentions: pd.DataFrame,
) -> DocView:
    """The :class:`DocView` of one document from its rows of the prepared tables."""
    return view_of_columns(
        doc_id,
        body,
        columns_of(sentences, VIEW_SENTENCE_COLUMNS),
        columns_of(paragraphs, VIEW_PARAGRAPH_COLUMNS),
        columns_of(registry_mentions, VIEW_MENTION_COLUMNS),
    )


def columns_of(table: pd.DataFrame, names: Sequence[str]) -> dict[str, list[Any]]:
    """The named columns of a table as plain lists."""
    return {name: table[name].tolist() for name in names}


def columns_by_doc(table: pd.DataFrame, names: Sequence[str]) -> dict[str, dict[str, list[Any]]]:
    """doc_id → the named columns of that document's rows (in table order), as plain lists.

    One pass over the table for the whole corpus: reading columns of a pandas group per document costs
    more than the document's analysis.
    """
    columns = columns_of(table, names)
    rows_of: dict[str, list[int]] = {}
    for row, doc_id in enumerate(table.doc_id.tolist()):
        rows_of.setdefault(doc_id, []).append(row)
    return {
        doc_id: {name: [values[row] for row in rows] for name, values in columns.items()}
        for doc_id, rows in rows_of.items()
    }


def view_of_columns(
    doc_id: str, body: str, sentences: Columns, paragraphs: Columns, registry_mentions: Columns
) -> DocView:
    """The :class:`DocView` of one document from its rows as plain lists (:func:`columns_by_doc`)."""
    paragraph_ids = tuple(int(p) for p in paragraphs["paragraph_id"])
    index_of = {pid: i for i, pid in enumerate(paragraph_ids)}
    sentence_spans = tuple(zip(sentences["start"], sentences["end"], strict=True))
    paragraph_spans = tuple(zip(paragraphs["start"], paragraphs["end"], strict=True))
    marked = marks.find_spans(body, list(paragraph_spans), list(sentence_spans))
    unmarked = [
        *turns.turn_spans(body, list(paragraph_spans)),
        *turns.introduced_spans(body, list(paragraph_spans), roles.REPORTING_VERBS),
    ]
    spans = tuple(sorted([*marked, *unmarked], key=lambda s: (s.open_at, s.mark)))
    masked = list(body)
    for span in spans:
        if span.mark == "double":
            masked[span.open_at : span.outer_end] = MASK * (span.outer_end - span.open_at)
    found = tuple(zip(*(registry_mentions[name] for name in VIEW_MENTION_COLUMNS), strict=True))
    return DocView(
        doc_id=doc_id,
        text=body,
        masked="".join(masked),
        sentence_ids=tuple(int(s) for s in sentences["sentence_id"]),
        sentence_spans=sentence_spans,
        sentence_paragraph=tuple(index_of[int(p)] for p in sentences["paragraph_id"]),
        paragraph_ids=paragraph_ids,
        paragraph_spans=paragraph_spans,
        paragraph_kinds=tuple(paragraphs["kind"]),
        spans=spans,
        registry_mentions=_without_names_surnames(found, body),
    )


@dataclass(frozen=True)
class Quoted:
    """One quotation on its way through the passes.

    Attributes:
        span: where it is.
        sentence / last_sentence / paragraph: indexes of its first and last sentence and its paragraph.
        attribution: speaker, via, cue and rule decided so far.
        set_off: a cue stands right before or after it.
        adjacent: that cue (shown in the table even when it names nobody).
        fallback: the sentence's own attribution, used when neither sharing nor continuation applies.
        kind: speech, fragment or term (decided last).
    """

    span: marks.QuoteSpan
    sentence: int
    last_sentence: int
    paragraph: int
    attribution: Attribution = NO_ATTRIBUTION
    set_off: bool = False
    adjacent: Cue | None = None
    fallback: Attribution | None = None
    kind: str = ""

    @property
    def speaker(self) -> Speaker | None:
        """The speaker decided so far."""
        return self.attribution.speaker
