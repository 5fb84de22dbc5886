"""Official voices: direct quotations, what kind each is, and who is speaking — through whom.

    marks.find_spans (quotation marks → spans)
    → mentions.build_memory (the people and bodies the article names, with their roles: names.py finds them)
    → cues.find_cues (attribution words; their subjects resolved by phrases.py through the memory)
    → attribution.attribute (own cues per quotation, then the passes of passes.py: neighbours,
      continuations, relays, channels, kinds, echoes)
    → extract_quotes: one row per quotation

Each stage is a module of its own and is tested on its own (tests/analyses/voices/): :mod:`~kit.analyses.voices.records`
holds the immutable values (Speaker, Cue, Attribution, Quoted, DocView); :mod:`~kit.analyses.voices.roles` says what
a role or a body's name tells (group, type, where a name starts); :mod:`~kit.analyses.voices.names` finds people
and bodies as a reader meets them; :mod:`~kit.analyses.voices.mentions` is the reader's memory ("Wang said" after
"Foreign Minister Wang Yi"; "the newspaper said" after "Rodong Sinmun"); :mod:`~kit.analyses.voices.cues` finds the
attribution words; :mod:`~kit.analyses.voices.phrases` resolves who a phrase names;
:mod:`~kit.analyses.voices.attribution` and :mod:`~kit.analyses.voices.passes` choose a speaker per quotation,
:mod:`~kit.analyses.voices.kinds` its kind;
:mod:`~kit.analyses.voices.actors` holds the registry.
"""

from __future__ import annotations

import pandas as pd

from kit.analyses.voices import actors, attribution, cues, mentions, names, records, speakers
from kit.analyses.voices.actors import GROUPS, Registry, load_registry
from kit.analyses.voices.records import DocView, Quoted
from kit.analyses.voices.roles import classify_role
from kit.types import Prepared

__all__ = [
    "GROUPS",
    "KINDS",
    "QUOTE_COLUMNS",
    "Registry",
    "classify_role",
    "extract_quotes",
    "load_registry",
    "unregistered_speakers",
]

QUOTE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "quote",
    "kind",
    "speaker",
    "speaker_group",
    "via",
    "cue",
    "speaker_id",
    "via_id",
    "registered",
    "role",
    "rule",
    "abstained",
    "unclosed",
    "mark",
    "paragraph_id",
    "last_sentence_id",
]
KINDS = ("speech", "fragment", "term")


def extract_quotes(prepared: Prepared, registry: Registry | None = None) -> pd.DataFrame:
    """Every direct quotation of the corpus, with its kind, speaker, speaker group, channel and cue.

    Args:
        prepared: the prepared corpus.
        registry: the actor registry (default: :func:`kit.analyses.voices.actors.load_registry`).

    Returns:
        One row per quotation (:data:`QUOTE_COLUMNS`): doc_id, sentence_id (where it opens), start/end
        (the quoted words: ``text[start:end]``, marks and a trailing comma left out), quote, kind
        (speech/fragment/term), speaker, speaker_group, via, cue (the attribution words as written),
        speaker_id / via_id (registry ids, empty when not registered), registered, role (the role that
        introduced the speaker: "a professor at Dongguk University"), rule (how the speaker was found:
        "cue after", "cue before", "shared", "sentence", "frame", "continuation", "paragraph before",
        "relayed", "echo", "none"), abstained (why the rules' candidate was refused as a speaker, see
        :mod:`kit.analyses.voices.speakers`; empty otherwise), unclosed, mark (double, single or label), paragraph_id,
        last_sentence_id — ordered by document and position.
    """
    registry = registry or load_registry()
    found = actors.mentions(prepared, registry)
    rows: list[dict[str, object]] = []
    sentences_by_doc = records.columns_by_doc(prepared.sentences, records.VIEW_SENTENCE_COLUMNS)
    paragraphs_by_doc = records.columns_by_doc(prepared.paragraphs, records.VIEW_PARAGRAPH_COLUMNS)
    mentions_by_doc = records.columns_by_doc(found, records.VIEW_MENTION_COLUMNS)
    no_sentences = dict.fromkeys(records.VIEW_SENTENCE_COLUMNS, ())
    no_paragraphs = dict.fromkeys(records.VIEW_PARAGRAPH_COLUMNS, ())
    no_mentions = dict.fromkeys(records.VIEW_MENTION_COLUMNS, ())
    for doc_id, body in zip(prepared.documents.doc_id.astype(str), prepared.documents.text.astype(str), strict=True):
        view = records.view_of_columns(
            doc_id,
            body,
            sentences_by_doc.get(doc_id, no_sentences),
            paragraphs_by_doc.get(doc_id, no_paragraphs),
            mentions_by_doc.get(doc_id, no_mentions),
        )
        rows += document_quotes(view, registry)
    frame = pd.DataFrame.from_records(rows, columns=QUOTE_COLUMNS)
    frame = frame.astype({"registered": bool, "unclosed": bool})
    return frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def document_quotes(view: DocView, registry: Registry) -> list[dict[str, object]]:
    """The quotation rows of one document."""
    memory = mentions.build_memory(view, registry)
    found_cues, memory = cues.find_cues(view, memory, registry)
    return [_row(view, quote) for quote in attribution.attribute(view, found_cues, memory, registry)]


def _row(view: DocView, quote: Quoted) -> dict[str, object]:
    span, chosen = quote.span, quote.attribution
    speaker, via = chosen.speaker, chosen.via
    cue = chosen.cue
    shown = cue is not None and chosen.rule not in ("continuation", "none")
    cue_text = view.text[cue.start : cue.end] if shown and cue is not None else ""
    group = "" if quote.kind == "term" else (speaker.group if speaker is not None else "unknown")
    abstained = chosen.abstained if quote.kind != "term" else ""
    if speaker is not None and quote.kind != "term":
        abstained = abstained or speakers.fragment_reason(speaker.name)
    if abstained:  # a piece of a clause is no voice: leave the quotation to nobody, and say why
        speaker, group = None, "unknown"
    return {
        "doc_id": view.doc_id,
        "sentence_id": view.sentence_ids[quote.sentence],
        "start": span.start,
        "end": span.end,
        "quote": view.text[span.start : span.end],
        "kind": quote.kind,
        "speaker": speaker.name if speaker is not None else "",
        "speaker_group": group,
        "via": via.name if via is not None else "",
        "cue": " ".join(cue_text.split()),
        "speaker_id": speaker.actor_id if speaker is not None else "",
        "via_id": via.actor_id if via is not None else "",
        "registered": bool(speaker is not None and speaker.actor_id),
        "role": speaker.role if speaker is not None else "",
        "rule": chosen.rule,
        "abstained": abstained,
        "unclosed": span.unclosed,
        "mark": span.mark,
        "paragraph_id": view.paragraph_ids[quote.paragraph],
        "last_sentence_id": view.sentence_ids[quote.last_sentence],
    }


def unregistered_speakers(quotes_table: pd.DataFrame) -> pd.DataFrame:
    """Named speakers the registry does not know, to copy into a registry file.

    Returns:
        speaker, speaker_group (from the role that introduced them), role, quotes (how many), doc_ids —
        sorted by name. Descriptions ("a diplomatic source …") and unresolved pronouns or surnames are
        left out.
    """
    voices = quotes_table[(quotes_table.kind != "term") & ~quotes_table.registered & (quotes_table.speaker != "")]
    voices = voices[voices.speaker.map(lambda name: names.NAME.fullmatch(name) is not None).astype(bool)]
    rows = []
    for speaker, group in voices.groupby("speaker", sort=True):
        found_roles = [r for r in group.role if r]
        rows.append(
            {
                "speaker": speaker,
                "speaker_group": group.speaker_group.iloc[0],
                "role": found_roles[0] if found_roles else "",
                "quotes": len(group),
                "doc_ids": ", ".join(sorted(set(group.doc_id))),
            }
        )
    return pd.DataFrame(rows, columns=["speaker", "speaker_group", "role", "quotes", "doc_ids"])
