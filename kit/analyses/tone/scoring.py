"""Tone scoring: the units (quotations and narration outside them), VADER scores with the driving words,
and the choice of voices and outlets (summaries by voice, outlet and period: :mod:`kit.analyses.tone.summary`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kit.analyses import sentiment, voices
from kit.analyses.diplomatic import Lexicon, LexiconMatch
from kit.analyses.diplomatic import (
    load_lexicon as load_lexicon,  # the name tables and notebooks call (tone.load_lexicon)
)
from kit.analyses.tone import structure
from kit.analyses.voices import actors
from kit.errors import KitError
from kit.preprocess import text
from kit.types import Described, Prepared

# The columns every scored unit has, whatever the unit.
SCORE_COLUMNS = ["compound", "pos", "neu", "neg", "lexicon", "top_words", "drivers", "diplomatic", "structure"]
UNIT_KEYS = ["doc_id", "sentence_id", "start", "end", "voice", "kind", "speaker", "via", "text"]
TONE_COLUMNS = [*UNIT_KEYS, *SCORE_COLUMNS, "words"]
UNIT_COLUMNS = ["doc_id", "sentence_id", "start", "end", "voice", "kind", "speaker", "via", "pieces", "text"]
NARRATION = "narration"
# A narration sentence needs this many words outside quotations to be scored.
MIN_NARRATION_WORDS = 3
# The order voices are shown in: the speaker groups of the actor registry, then the journalist's narration.
VOICES = (*actors.GROUPS, NARRATION)
# What the units of each voice are, in a sentence a report page shows beside the voice's row.
VOICE_NOTES = {
    "official_prc": "Quotations of PRC officials, government and party bodies, and PRC state media (Xinhua, CCTV…).",
    "official_dprk": "Quotations of DPRK officials, government and party bodies, and DPRK state media (KCNA…).",
    "official_other": "Quotations of officials and government bodies of any other state (South Korea, the US…).",
    "analyst": "Quotations of scholars, think-tank researchers and other experts.",
    "media": "Quotations of journalists and outlets speaking for themselves (a reporter's question, an editorial).",
    "business": "Quotations of traders, business people, companies and their spokespeople.",
    "public": "Quotations of residents, citizens, tourists, defectors and eyewitnesses.",
    "ngo": "Quotations of NGOs and of aid, religious and rights groups.",
    "unnamed_source": "Quotations of sources whose identity is withheld (a diplomatic source, an official who asked "
    "not to be named).",
    "unknown": "Quotations the kit could not attribute: no speaker found, a pronoun or surname left unresolved, an "
    "office with no state named, a candidate that was no noun phrase (the quotes table's abstained column).",
    NARRATION: "The journalist's words: each sentence's words outside its quotations, scare-quoted terms included "
    f"(a sentence with fewer than {MIN_NARRATION_WORDS} such words is left out).",
}
OFFICIAL = ("official_prc", "official_dprk")
# VADER's own thresholds for calling a compound score positive or negative.
POSITIVE, NEGATIVE = 0.05, -0.05
# How many driving words ``top_words`` lists.
TOP_WORDS = 5
# A word, for counting: a letter, then letters, digits, apostrophes or hyphens ("Kim", "Jong-un", "don’t").
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# ---------------------------------------------------------------- units and scores


def units(prepared: Prepared, quotes_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """What gets scored: every speech and fragment quotation, and every sentence's narration outside them.

    Returns:
        doc_id, sentence_id, start, end (offsets into the cleaned text), voice, kind ("narration", "speech"
        or "fragment"), speaker, via, pieces (the (start, end) stretches of text scored), text — ordered by
        document and position, a sentence's narration before the quotations that open in it.
    """
    table = voices.extract_quotes(prepared) if quotes_table is None else quotes_table
    voiced = table[table.kind != "term"]
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    holes: dict[str, list[tuple[int, int]]] = {}
    rows: list[dict[str, object]] = []
    quotations: Iterable[Any] = voiced.itertuples(index=False)  # pandas types each field as any scalar
    for q in quotations:
        body = texts[q.doc_id]
        holes.setdefault(q.doc_id, []).append(_with_marks(body, q.start, q.end))
        rows.append(
            {
                "doc_id": q.doc_id,
                "sentence_id": q.sentence_id,
                "start": q.start,
                "end": q.end,
                "voice": q.speaker_group or "unknown",
                "kind": q.kind,
                "speaker": q.speaker,
                "via": q.via,
                "pieces": [(q.start, q.end)],
                "_order": 1,  # after the narration of the sentence it opens in
            }
        )
    sentences: Iterable[Any] = prepared.sentences.itertuples(index=False)
    for s in sentences:
        pieces = _subtract((s.start, s.end), holes.get(s.doc_id, []))
        words = sum(len(_WORD.findall(texts[s.doc_id][a:b])) for a, b in pieces)
        if words >= MIN_NARRATION_WORDS:
            rows.append(
                {
                    "doc_id": s.doc_id,
                    "sentence_id": s.sentence_id,
                    "start": s.start,
                    "end": s.end,
                    "voice": NARRATION,
                    "kind": NARRATION,
                    "speaker": "",
                    "via": "",
                    "pieces": pieces,
                    "_order": 0,
                }
            )
    frame = pd.DataFrame(rows, columns=[*UNIT_COLUMNS[:-1], "_order"])
    frame["text"] = [
        " ".join(texts[d][a:b].strip() for a, b in p) for d, p in zip(frame.doc_id, frame.pieces, strict=True)
    ]
    frame = frame.sort_values(["doc_id", "sentence_id", "_order", "start"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def _with_marks(body: str, start: int, end: int) -> tuple[int, int]:
    """A quotation's stretch including its marks and trailing comma, so narration keeps none of them."""
    while start > 0 and body[start - 1] in "“\"'‘ ":
        start -= 1
    while end < len(body) and body[end] in "”\"'’,;: " and body[end] != "\n":
        end += 1
        if body[end - 1] in "”\"'’":
            break
    return start, end


def _subtract(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [span]
    for hole_start, hole_end in sorted(holes):
        kept = []
        for a, b in pieces:
            if hole_end <= a or b <= hole_start:
                kept.append((a, b))
                continue
            if a < hole_start:
                kept.append((a, hole_start))
            if hole_end < b:
                kept.append((hole_end, b))
        pieces = kept
    return pieces


def score_units(
    prepared: Prepared,
    *,
    lexicon: Lexicon | None = None,
    quotes_table: pd.DataFrame | None = None,
    registry: actors.Registry | None = None,
) -> pd.DataFrame:
    """VADER scores of every unit (:func:`units`), with the words behind each score.

    Args:
        prepared: the prepared corpus.
        lexicon: the diplomatic lexicon to add (:func:`load_lexicon`); ``None`` scores with plain VADER,
            and the scores then equal ``vaderSentiment``'s ``SentimentIntensityAnalyzer.polarity_scores`` exactly.
        quotes_table: quotations from :func:`kit.analyses.voices.extract_quotes` (default: extracted here).
        registry: the actor registry used when quotations are extracted here.

    Returns:
        One row per unit (:data:`TONE_COLUMNS`): doc_id, sentence_id, start, end, voice (speaker group or
        "narration"), kind, speaker, via, text (what was scored, as written), compound, pos, neu, neg,
        lexicon ("vader" or "vader+diplomatic"), top_words (the strongest drivers, "word +1.9; …"),
        drivers (every driver in text order), diplomatic (the lexicon entries that matched), structure (with
        the lexicon: the condition clauses left out and the words counted against,
        :mod:`kit.analyses.tone.structure`), words.
    """
    if quotes_table is None:
        quotes_table = voices.extract_quotes(prepared, registry)
    table = units(prepared, quotes_table)
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    analyzer = lexicon.analyzer() if lexicon is not None else sentiment.vader()
    by_doc = lexicon.find(prepared.tokens, texts) if lexicon is not None else {}
    rows = []
    scored_units: Iterable[Any] = table.itertuples(index=False)  # pandas types each field as any scalar
    for unit in scored_units:
        scored = _scored(analyzer, texts[unit.doc_id], unit.pieces, by_doc.get(unit.doc_id, []), lexicon)
        rows.append(
            {
                "doc_id": unit.doc_id,
                "sentence_id": unit.sentence_id,
                "start": unit.start,
                "end": unit.end,
                "voice": unit.voice,
                "kind": unit.kind,
                "speaker": unit.speaker,
                "via": unit.via,
                "text": unit.text,
                **scored,
                "words": len(_WORD.findall(unit.text)),
            }
        )
    return pd.DataFrame(rows, columns=TONE_COLUMNS)


def score_texts(texts: Sequence[str], *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """VADER scores of any texts, each scored whole as one unit, the diplomatic lexicon applied as in
    :func:`score_units` (e.g. for a benchmark's rated sentences, or a list of statements).

    Returns:
        text_id (the position in ``texts``), text, compound, pos, neu, neg, lexicon, top_words, drivers,
        diplomatic, structure — one row per text, in order.
    """
    ids = [str(i) for i in range(len(texts))]
    by_id = dict(zip(ids, texts, strict=True))
    analyzer = lexicon.analyzer() if lexicon is not None else sentiment.vader()
    by_text: dict[str, list[LexiconMatch]] = {}
    if lexicon is not None:
        by_text = lexicon.find(text.tokens_of_texts(by_id), by_id)
    rows = [
        {
            "text_id": int(i),
            "text": body,
            **_scored(analyzer, body, [(0, len(body))], by_text.get(i, []), lexicon),
        }
        for i, body in by_id.items()
    ]
    return pd.DataFrame(rows, columns=["text_id", "text", *SCORE_COLUMNS])


def _scored(
    analyzer: sentiment.ExplainedVader,
    body: str,
    pieces: list[tuple[int, int]],
    matches: list[LexiconMatch],
    lexicon: Lexicon | None,
) -> dict[str, object]:
    """The score columns of one unit: its pieces of ``body``, each lexicon match inside them as one token.

    With the lexicon, the structure VADER cannot see is read first (:mod:`kit.analyses.tone.structure`): condition
    clauses leave the scored text, positive words called "so-called" or refused count against, curly quotes
    are straightened; ``structure`` says what was done. Without it, the pieces reach VADER as written.
    """
    notes: list[str] = []
    if lexicon is None:
        scoring_text, hits = _scoring_text(body, pieces, matches)
        scores, drivers = analyzer.explain(scoring_text)
    else:
        left_out = structure.conditions(body, pieces)
        notes += [f"left out (condition): “{' '.join(body[a:b].split())}”" for a, b in left_out]
        kept = [part for piece in pieces for part in _subtract(piece, left_out)]
        words = _words(analyzer, body, kept, matches)
        against = structure.counted_against(
            [w.written for w in words], [analyzer.lexicon.get(sentiment.lookup_form(w.text), 0.0) for w in words]
        )
        notes += [f"counted against ({rule}): {words[i].written}" for i, rule in sorted(against.items())]
        hits = [(w.text, w.written) for w in words if w.token]
        scores, drivers = analyzer.explain(" ".join(w.text for w in words), against=against)
    drivers = _as_written(drivers, hits)
    return {
        "compound": scores["compound"],
        "pos": scores["pos"],
        "neu": scores["neu"],
        "neg": scores["neg"],
        "lexicon": "vader+diplomatic" if lexicon is not None else "vader",
        "top_words": format_drivers(_strongest(drivers)),
        "drivers": format_drivers(drivers),
        "diplomatic": "; ".join(written for _, written in hits),
        "structure": "; ".join(notes),
    }


@dataclass(frozen=True)
class _Word:
    """One word as VADER will read it (``text``), and as written: a lexicon match's words, joined by spaces."""

    text: str
    written: str
    token: bool = False


def _words(
    analyzer: sentiment.ExplainedVader, body: str, pieces: list[tuple[int, int]], matches: list[LexiconMatch]
) -> list[_Word]:
    """The unit's words, as VADER will split them: each diplomatic match inside the pieces is one token,
    other words have straight quotes (:func:`kit.analyses.tone.structure.straightened`) and emojis described.
    """
    words: list[_Word] = []

    def plain(stretch: str) -> None:
        for written in stretch.split():
            words.extend(_Word(w, written) for w in analyzer.described(structure.straightened(written)).split())

    for a, b in pieces:
        position = a
        for m in matches:
            if a <= m.start and m.end <= b and m.start >= position:
                plain(body[position : m.start])
                words.append(_Word(m.entry.token, " ".join(body[m.start : m.end].split()), token=True))
                position = m.end
        plain(body[position:b])
    return words


def _scoring_text(
    body: str, pieces: list[tuple[int, int]], matches: list[LexiconMatch]
) -> tuple[str, list[tuple[str, str]]]:
    """The unit's text for VADER, each diplomatic match inside it replaced by its entry's single token.

    Returns:
        ``(text, hits)``: hits are (token, the matched words as written), in text order.
    """
    parts, hits = [], []
    for a, b in pieces:
        position, part = a, []
        for m in matches:
            if a <= m.start and m.end <= b and m.start >= position:
                part += [body[position : m.start], f" {m.entry.token} "]
                hits.append((m.entry.token, " ".join(body[m.start : m.end].split())))
                position = m.end
        part.append(body[position:b])
        parts.append("".join(part).strip())
    return " ".join(parts), hits


def _as_written(drivers: list[tuple[str, float]], hits: list[tuple[str, str]]) -> list[tuple[str, float]]:
    """Drivers with each diplomatic token shown as the words it replaced ("setbacks", not a token)."""
    pending = list(hits)
    shown = []
    for word, valence in drivers:
        index = next((i for i, (token, _) in enumerate(pending) if token == word.lower()), None)
        if index is not None:
            word = pending.pop(index)[1]
        shown.append((word, valence))
    return shown


def _strongest(drivers: list[tuple[str, float]]) -> list[tuple[str, float]]:
    order = sorted(range(len(drivers)), key=lambda i: (-abs(drivers[i][1]), i))
    return [drivers[i] for i in order[:TOP_WORDS]]


def format_drivers(drivers: list[tuple[str, float]]) -> str:
    """Driving words as the tables show them: ``"friendly +2.20; war -2.90"``."""
    return "; ".join(f"{word} {valence:+.2f}" for word, valence in drivers)


# ---------------------------------------------------------------- views


def select_units(
    scores: pd.DataFrame,
    prepared: Described,
    *,
    voices: Sequence[str] | None = None,
    outlets: Sequence[str] | None = None,
    min_quote_words: int = 1,
) -> pd.DataFrame:
    """The rows of chosen voices and outlets, leaving out quotations shorter than ``min_quote_words``.

    Raises:
        KitError: an outlet no document has, or a voice that is not one of :data:`VOICES`.
    """
    unknown_voices = [v for v in voices or [] if v not in VOICES]
    if unknown_voices:
        raise KitError(f"voice {unknown_voices[0]!r} is not one of {', '.join(VOICES)}")
    known_outlets = sorted(set(prepared.documents.outlet))
    unknown_outlets = [o for o in outlets or [] if o not in known_outlets]
    if unknown_outlets:
        raise KitError(f"outlet {unknown_outlets[0]!r} is not in the corpus (outlets: {', '.join(known_outlets)})")
    keep = pd.Series(True, index=scores.index)
    if voices:
        keep &= scores.voice.isin(voices)
    if outlets:
        docs = set(prepared.documents.doc_id[prepared.documents.outlet.isin(outlets)])
        keep &= scores.doc_id.isin(docs)
    keep &= (scores.kind == NARRATION) | (scores.words >= min_quote_words)
    return scores[keep].reset_index(drop=True)
