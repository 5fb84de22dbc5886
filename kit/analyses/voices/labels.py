"""Labelled speech: the turns of a transcript, a Q&A or a broadcast script, where a label names the speaker.

    Hua Chunying: China's position on the peninsula issue is consistent …
    Q: Can you confirm the reports?
    Foreign Ministry: "I have no information on that."

A paragraph that opens with a label and a colon is one turn. Without quotation marks the words after the label
are a quoted span of their own (mark ``label``, always speech); with them, the marked quotation is the turn's
words. The label says who speaks: a name or body the reader's memory or the registry knows, a question
label ("Q", "Question One", "Reporter") → a reporter (group ``unknown``: state media ask questions too), an
answer label ("A", "Answer") → the
spokesperson the document named before it, if one was named, else nobody. A label must look like a speaker
(title-case words or Q/A), so a dateline ("SEOUL:"), a note ("Note:", "Photo:") or a clock time is no turn.
"""

from __future__ import annotations

import re

from kit.analyses.voices import mentions, roles, turns
from kit.analyses.voices.actors import Registry
from kit.analyses.voices.marks import QuoteSpan
from kit.analyses.voices.records import DocView, Speaker


def label_of(view: DocView, span: QuoteSpan) -> tuple[int, int] | None:
    """Where the label of a turn is, when ``span`` is a turn's words (its own label span, or a marked quotation
    right after a paragraph's label); None otherwise.
    """
    paragraph = view.paragraph_of(span.start)
    start, end = view.paragraph_spans[paragraph]
    match = turns.label_at(view.text, start, end)
    if match is None:
        return None
    if span.mark == "label" or view.text[match.end() : span.open_at].strip() == "":
        return match.start("label"), match.end("label")
    return None


def speaker_of(view: DocView, memory: mentions.Memory, registry: Registry, start: int, end: int) -> Speaker | None:
    """Who a label names (see the module docstring); None for an answer label with no spokesperson before it."""
    label = view.text[start:end]
    if turns.QUESTION.fullmatch(label):
        return Speaker("a reporter", "unknown", is_person=True)  # whose reporter is not said: state media ask too
    if turns.ANSWER.fullmatch(label):
        return _spokesperson_before(memory, start)
    found = [m for m in view.mentions_within(start, end) if m[2]]
    if found:
        return memory.latest_named(mentions.registered(registry, found[0][2]).name, start) or mentions.registered(
            registry, found[0][2]
        )
    kind = roles.body_type(label)
    if kind:
        return Speaker(label, roles.body_group(label, kind), body_type=kind)
    known = memory.latest_named(label, start)
    if known is not None:
        return known
    if len(label.split()) == 1:
        resolved = mentions.resolve_name(memory, start, label, registry)
        return resolved if resolved.resolved else None
    title, name = roles.split_title(label)
    group = roles.classify_role(title, named=True) if title else "unknown"
    return Speaker(name, group, role=title, is_person=True)


def _spokesperson_before(memory: mentions.Memory, position: int) -> Speaker | None:
    """The latest person named before ``position`` whose role makes them a spokesperson."""
    for mention in memory.before(position):
        speaker = mention.speaker
        if speaker.is_person and re.search(r"spokes", speaker.role, re.IGNORECASE):
            return speaker
    return None
