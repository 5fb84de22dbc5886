"""Tone of each voice: VADER scores of every quotation and every narration sentence, with the words behind them.

    quotes (kit.voices) → units (quotations + narration outside them) → score (VADER, optional diplomatic
    lexicon) → summarise by voice / outlet / period, compare lexicon on and off, extremes

**Units.** Every speech or fragment quotation is one unit, its voice the speaker's group (``official_prc``,
``official_dprk``, ``official_other``, ``analyst``, ``unnamed_source``, ``unknown``). Every sentence is a
``narration`` unit too, scored on its words *outside* those quotations (scare-quoted terms stay: they
are the journalist's words); a sentence with fewer than :data:`MIN_NARRATION_WORDS` words left is skipped.

**Scores.** nltk's VADER (``nltk.sentiment.vader``) reading the lexicon file of the ``vaderSentiment``
package (see :func:`kit.text.vader`): compound (-1…+1), and the pos/neu/neg proportions. For each score
the drivers are the words with a non-zero valence after VADER's negation, booster and "but" rules.

**The diplomatic lexicon** (:func:`load_lexicon`) adds words, phrases and globs with the valence they
carry in official language. Matches are found with the kit's matcher (:mod:`kit.lookup`) and each match
is handed to VADER as ONE word carrying the entry's valence (the phrase's words are joined into a single
token before scoring), so "traditional friendship" counts once, not also as "friendship", and VADER's
negation and booster rules still apply to it. With ``lexicon=None`` the text goes to VADER unchanged and
the scores are plain VADER's, exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kit import config, lookup, text, themes, voices, yamlfile
from kit.errors import KitError
from kit.types import Prepared
from kit.voices import actors

TONE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "voice",
    "kind",
    "speaker",
    "via",
    "text",
    "compound",
    "pos",
    "neu",
    "neg",
    "lexicon",
    "top_words",
    "drivers",
    "diplomatic",
    "words",
]
SUMMARY_COLUMNS = [
    "units",
    "documents",
    "mean_compound",
    "median_compound",
    "positive",
    "neutral",
    "negative",
    "top_words",
]
NARRATION = "narration"
# The order voices are shown in.
VOICES = ("official_prc", "official_dprk", "official_other", "analyst", "unnamed_source", "unknown", NARRATION)
OFFICIAL = ("official_prc", "official_dprk")
# A narration sentence needs this many words outside quotations to be scored.
MIN_NARRATION_WORDS = 3
# VADER's own thresholds for calling a compound score positive or negative.
POSITIVE, NEGATIVE = 0.05, -0.05
# How many driving words ``top_words`` lists.
TOP_WORDS = 5
VALENCE_RANGE = (-4.0, 4.0)
LEXICON_KEYS = {"valence", "reason", "case_sensitive", "exclude"}
LEXICON_CATEGORY = "diplomatic"


# ---------------------------------------------------------------- the diplomatic lexicon


@dataclass(frozen=True)
class LexiconEntry:
    """One diplomatic entry.

    Attributes:
        entry: the matcher entry; its weight is the valence.
        reason: one line saying why.
        token: the single token the matched words become before VADER scores them.
    """

    entry: lookup.Entry
    reason: str
    token: str

    @property
    def pattern(self) -> str:
        """The word, phrase or glob."""
        return self.entry.pattern

    @property
    def valence(self) -> float:
        """The valence on VADER's scale (-4…+4)."""
        return self.entry.weight


@dataclass(frozen=True)
class Lexicon:
    """A loaded diplomatic lexicon; ``source`` is the file it came from."""

    source: str
    entries: tuple[LexiconEntry, ...]

    def vader_items(self) -> tuple[tuple[str, float], ...]:
        """``(token, valence)`` pairs for :func:`kit.text.vader`, sorted."""
        return tuple(sorted((e.token, e.valence) for e in self.entries))

    def table(self) -> pd.DataFrame:
        """pattern, valence, vader_valence (VADER's own value of a single word, NaN when it has none), reason."""
        plain = text.vader(()).lexicon
        rows = [(e.pattern, e.valence, plain.get(e.pattern.lower(), float("nan")), e.reason) for e in self.entries]
        return pd.DataFrame(rows, columns=["pattern", "valence", "vader_valence", "reason"])


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a diplomatic lexicon (default: the kit's ``kit/data/diplomatic_lexicon.yaml``).

    Raises:
        KitError: one line naming the file and the entry: missing or unreadable file, bad YAML, an entry
            given twice, an unknown key, a valence that is not a number from -4 to 4, a missing or
            multi-line reason, an empty pattern, a bad exclusion.
    """
    raw_entries, source = yamlfile.load_mapping(
        Path(path) if path else config.DIPLOMATIC_LEXICON, what="diplomatic lexicon", top="lexicon"
    )
    entries: list[LexiconEntry] = []
    tokens: set[str] = set()
    for pattern, raw in raw_entries.items():
        where = f"{source}: entry {pattern!r}"
        if not isinstance(pattern, str) or not pattern.strip() or not text.split_tokens(pattern):
            raise KitError(f"{where}: pattern is empty")
        yamlfile.check_mapping(raw, where=where, allowed=LEXICON_KEYS, expected="valence and reason")
        valence = raw.get("valence")
        low, high = VALENCE_RANGE
        if isinstance(valence, bool) or not isinstance(valence, (int, float)) or not low <= valence <= high:
            raise KitError(f"{where}: valence {valence!r} must be a number from {low:g} to {high:g}")
        reason = raw.get("reason")
        if not isinstance(reason, str) or not reason.strip() or "\n" in reason.strip():
            raise KitError(f"{where}: 'reason' must be one line saying why the entry has this valence")
        options = {k: raw[k] for k in ("case_sensitive", "exclude") if k in raw}
        # One category for every entry: where entries overlap, the matcher keeps the longest ("hostile policy"
        # over "hostile"), and no word is counted twice.
        raw_entry = {"pattern": pattern, "weight": valence, **options}
        entry = lookup.parse_entry(raw_entry, category=LEXICON_CATEGORY, where=where)
        lookup.pattern_words(entry.pattern, case_sensitive=entry.case_sensitive)  # compiles, or says why not
        token = _token_for(entry.pattern, tokens)
        tokens.add(token)
        entries.append(LexiconEntry(entry, reason.strip(), token))
    return Lexicon(str(source), tuple(entries))


def _token_for(pattern: str, taken: set[str]) -> str:
    """The single token a match becomes: "traditional friendship" → "dipl_traditional_friendship"."""
    base = "dipl_" + (re.sub(r"[^0-9a-z]+", "_", text.normalise(pattern)).strip("_") or "entry")
    token, n = base, 2
    while token in taken:
        token, n = f"{base}_{n}", n + 1
    return token


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
    rows = []
    for q in voiced.itertuples(index=False):
        body = texts[q.doc_id]
        holes.setdefault(q.doc_id, []).append(_with_marks(body, q.start, q.end))
        voice = q.speaker_group or "unknown"
        rows.append((q.doc_id, q.sentence_id, q.start, q.end, voice, q.kind, q.speaker, q.via, [(q.start, q.end)], 1))
    for s in prepared.sentences.itertuples(index=False):
        pieces = _subtract((s.start, s.end), holes.get(s.doc_id, []))
        words = sum(len(re.findall(r"[^\W\d_][\w'’-]*", texts[s.doc_id][a:b])) for a, b in pieces)
        if words >= MIN_NARRATION_WORDS:
            rows.append((s.doc_id, s.sentence_id, s.start, s.end, NARRATION, NARRATION, "", "", pieces, 0))
    frame = pd.DataFrame.from_records(
        rows, columns=["doc_id", "sentence_id", "start", "end", "voice", "kind", "speaker", "via", "pieces", "_order"]
    )
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


def score(
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
            and the scores then equal nltk's ``SentimentIntensityAnalyzer.polarity_scores`` exactly.
        quotes_table: quotations from :func:`kit.voices.extract_quotes` (default: extracted here).
        registry: the actor registry used when quotations are extracted here.

    Returns:
        One row per unit (:data:`TONE_COLUMNS`): doc_id, sentence_id, start, end, voice (speaker group or
        "narration"), kind, speaker, via, text (what was scored, as written), compound, pos, neu, neg,
        lexicon ("vader" or "vader+diplomatic"), top_words (the strongest drivers, "word +1.9; …"),
        drivers (every driver in text order), diplomatic (the lexicon entries that matched), words.
    """
    if quotes_table is None:
        quotes_table = voices.extract_quotes(prepared, registry)
    table = units(prepared, quotes_table)
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    analyzer = text.vader(lexicon.vader_items() if lexicon else ())
    by_doc: dict[str, list[tuple[int, int, LexiconEntry]]] = {}
    if lexicon is not None:
        by_pattern = {e.pattern: e for e in lexicon.entries}
        found = lookup.find(prepared.tokens, lookup.compile_entries([e.entry for e in lexicon.entries]), texts=texts)
        for m in found.itertuples(index=False):
            by_doc.setdefault(m.doc_id, []).append((m.start, m.end, by_pattern[m.pattern]))
    rows = []
    for unit in table.itertuples(index=False):
        scored, hits = _scoring_text(texts[unit.doc_id], unit.pieces, by_doc.get(unit.doc_id, []))
        scores, drivers = analyzer.explain(scored)
        drivers = _as_written(drivers, hits)
        rows.append(
            (
                unit.doc_id,
                unit.sentence_id,
                unit.start,
                unit.end,
                unit.voice,
                unit.kind,
                unit.speaker,
                unit.via,
                unit.text,
                scores["compound"],
                scores["pos"],
                scores["neu"],
                scores["neg"],
                "vader+diplomatic" if lexicon is not None else "vader",
                _format(_strongest(drivers)),
                _format(drivers),
                "; ".join(written for _, written in hits),
                len(re.findall(r"[^\W\d_][\w'’-]*", unit.text)),
            )
        )
    return pd.DataFrame.from_records(rows, columns=TONE_COLUMNS)


def _scoring_text(body: str, pieces: list[tuple[int, int]], matches: list) -> tuple[str, list[tuple[str, str]]]:
    """The unit's text for VADER, each diplomatic match inside it replaced by its entry's single token.

    Returns:
        ``(text, hits)``: hits are (token, the matched words as written), in text order.
    """
    parts, hits = [], []
    for a, b in pieces:
        position, part = a, []
        for start, end, entry in matches:
            if a <= start and end <= b and start >= position:
                part += [body[position:start], f" {entry.token} "]
                hits.append((entry.token, " ".join(body[start:end].split())))
                position = end
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


def _format(drivers: list[tuple[str, float]]) -> str:
    return "; ".join(f"{word} {valence:+.2f}" for word, valence in drivers)


# ---------------------------------------------------------------- views


def select(
    scores: pd.DataFrame,
    prepared: Prepared,
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


def summarise(
    scores: pd.DataFrame,
    prepared: Prepared,
    *,
    by: str | Sequence[str] = "voice",
    periods: str | Sequence[str] = "year",
) -> pd.DataFrame:
    """Tone per group, with the counts behind it.

    Args:
        scores: rows of :func:`score` (or :func:`select`).
        prepared: the prepared corpus (outlets and publication dates).
        by: "voice", "outlet", "period", "doc_id" or a list of them, e.g. ``["period", "voice"]``.
        periods: for "period": "year" or boundaries (see :func:`kit.themes.assign_periods`).

    Returns:
        The grouping columns, then units (scored rows), documents, mean_compound, median_compound,
        positive / neutral / negative (units with compound ≥ 0.05, between, ≤ -0.05) and top_words (the
        words that moved the group most: summed valence, strongest first). Voices in :data:`VOICES`
        order, other groups sorted.
    """
    keys = [by] if isinstance(by, str) else list(by)
    frame = scores.merge(prepared.documents[["doc_id", "outlet"]], on="doc_id", how="left")
    if "period" in keys:
        assigned = themes.assign_periods(prepared, periods)
        frame = frame.merge(assigned, on="doc_id", how="left")
    unknown = [k for k in keys if k not in frame.columns]
    if unknown:
        raise KitError(f"summarise by {unknown[0]!r}: expected voice, outlet, period or doc_id")
    rows = []
    for values, group in frame.groupby(keys, sort=False):
        values = values if isinstance(values, tuple) else (values,)
        rows.append(
            (
                *values,
                len(group),
                group.doc_id.nunique(),
                round(float(group.compound.mean()), 4),
                round(float(group.compound.median()), 4),
                int((group.compound >= POSITIVE).sum()),
                int(((group.compound > NEGATIVE) & (group.compound < POSITIVE)).sum()),
                int((group.compound <= NEGATIVE).sum()),
                _group_words(group.drivers),
            )
        )
    result = pd.DataFrame.from_records(rows, columns=[*keys, *SUMMARY_COLUMNS])
    order = []
    for key in keys:
        if key == "voice":
            order.append(result.voice.map(lambda v: VOICES.index(v) if v in VOICES else len(VOICES)))
        elif key == "period":
            ranks = frame.drop_duplicates("period").set_index("period").period_order
            order.append(result.period.map(ranks))
        else:
            order.append(result[key])
    sort_frame = pd.concat(order, axis=1, keys=range(len(order)))
    index = sort_frame.sort_values(list(range(len(order))), kind="stable").index
    return result.loc[index].reset_index(drop=True)


def _group_words(drivers: pd.Series) -> str:
    totals: dict[str, float] = {}
    for line in drivers:
        for item in filter(None, line.split("; ")):
            word, _, valence = item.rpartition(" ")
            key = word.lower()
            totals[key] = totals.get(key, 0.0) + float(valence)
    ranked = sorted(totals.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:TOP_WORDS]
    return _format(ranked)


def compare_lexicon(plain: pd.DataFrame, diplomatic: pd.DataFrame, *, by: str = "voice") -> pd.DataFrame:
    """How much the diplomatic lexicon moves tone: the same units scored without and with it.

    Returns:
        ``by`` (default voice), units, mean_compound_vader, mean_compound_diplomatic, change (diplomatic
        minus plain), units_changed (units whose compound moved), biggest_mover (the unit that moved most:
        its text, shortened) — voices in :data:`VOICES` order.
    """
    keys = ["doc_id", "start", "end", "kind"]
    both = plain.merge(diplomatic, on=[*keys, by], suffixes=("_vader", "_diplomatic"))
    both["moved"] = (both.compound_diplomatic - both.compound_vader).round(4)
    rows = []
    for value, group in both.groupby(by, sort=False):
        biggest = group.loc[group.moved.abs().idxmax()] if len(group) else None
        rows.append(
            (
                value,
                len(group),
                round(float(group.compound_vader.mean()), 4),
                round(float(group.compound_diplomatic.mean()), 4),
                round(float(group.compound_diplomatic.mean() - group.compound_vader.mean()), 4),
                int((group.moved != 0).sum()),
                _shorten(biggest.text_vader) if biggest is not None and biggest.moved else "",
            )
        )
    columns = [
        by,
        "units",
        "mean_compound_vader",
        "mean_compound_diplomatic",
        "change",
        "units_changed",
        "biggest_mover",
    ]
    result = pd.DataFrame.from_records(rows, columns=columns)
    if by == "voice":
        result = result.assign(_o=result.voice.map(lambda v: VOICES.index(v) if v in VOICES else len(VOICES)))
        result = result.sort_values(["_o", "voice"], kind="stable").drop(columns="_o")
    return result.reset_index(drop=True)


def _shorten(value: str, words: int = 12) -> str:
    parts = value.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def extremes(scores: pd.DataFrame, *, voices: Sequence[str] = OFFICIAL, n: int = 3) -> pd.DataFrame:
    """The most positive and the most negative units of the given voices (default: the officials).

    Only scores above 0 count as positive and below 0 as negative, so fewer than ``n`` rows may come back.

    Returns:
        side ("most positive"/"most negative"), rank (1…n), doc_id, sentence_id, start, end, voice,
        speaker, compound, top_words, text — ties broken by document and position.
    """
    chosen = scores[scores.voice.isin(voices)]
    columns = ["doc_id", "sentence_id", "start", "end", "voice", "speaker", "compound", "top_words", "text"]
    positive = chosen[chosen.compound > 0].sort_values(
        ["compound", "doc_id", "start"], ascending=[False, True, True], kind="stable"
    )
    negative = chosen[chosen.compound < 0].sort_values(
        ["compound", "doc_id", "start"], ascending=[True, True, True], kind="stable"
    )
    positive, negative = positive.head(n), negative.head(n)
    parts = [
        side.assign(side=label, rank=range(1, len(side) + 1))[["side", "rank", *columns]]
        for label, side in (("most positive", positive), ("most negative", negative))
    ]
    return pd.concat(parts, ignore_index=True)
