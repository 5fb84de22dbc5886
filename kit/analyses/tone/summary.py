"""Tone summaries: means by voice, outlet or period with n, spread and an interval, the lexicon's effect, the extremes.

Every mean comes with its 95% bootstrap percentile interval (:mod:`kit.analyses.intervals`: 2,000 resamples of the
units, seeded; not a t interval, since compound scores pile up at 0 and near ±1), the units and the documents behind it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from kit.analyses.intervals import mean_interval
from kit.analyses.tone.scoring import NEGATIVE, OFFICIAL, POSITIVE, TOP_WORDS, VOICE_NOTES, VOICES, format_drivers
from kit.errors import KitError
from kit.ingest.periods import assign as assign_periods
from kit.types import Described, metadata_columns

SUMMARY_COLUMNS = [
    "units",
    "documents",
    "mean_compound",
    "ci_low",
    "ci_high",
    "median_compound",
    "positive",
    "neutral",
    "negative",
    "top_words",
]
COMPARE_COLUMNS = [
    "units",
    "mean_compound_vader",
    "mean_compound_diplomatic",
    "change",
    "units_changed",
    "biggest_mover",
]


def summarise(
    scores: pd.DataFrame,
    prepared: Described,
    *,
    by: str | Sequence[str] = "voice",
    periods: str | Sequence[str] = "year",
) -> pd.DataFrame:
    """Tone per group, with the counts behind it.

    Args:
        scores: rows of :func:`score_units` (or :func:`select_units`).
        prepared: the prepared corpus (outlets and publication dates).
        by: "voice", "outlet", "period", "doc_id", another column of the documents (a manifest metadata column
            such as "outlet_type") or a list of them, e.g. ``["period", "voice"]``.
        periods: for "period": "year" or boundaries (see :func:`kit.ingest.periods.assign`).

    Returns:
        The grouping columns, then units (scored rows), documents, mean_compound, ci_low and ci_high (the mean's
        95% bootstrap percentile interval, :func:`kit.analyses.intervals.mean_interval`; equal to the mean for one
        unit), median_compound, positive / neutral / negative (units with compound ≥ 0.05, between, ≤ -0.05) and
        top_words (the words that moved the group most: summed valence, strongest first). Voices in
        :data:`VOICES` order, other groups sorted; only groups with units (:func:`by_voice` shows every voice).
    """
    keys = [by] if isinstance(by, str) else list(by)
    documents = prepared.documents
    metadata = [k for k in keys if k in metadata_columns(documents) and k not in ("doc_id", "outlet", *scores.columns)]
    frame = scores.merge(documents[["doc_id", "outlet", *metadata]], on="doc_id", how="left")
    if "period" in keys:
        assigned = assign_periods(prepared, periods)
        frame = frame.merge(assigned, on="doc_id", how="left")
    unknown = [k for k in keys if k not in frame.columns]
    if unknown:
        raise KitError(
            f"summarise by {unknown[0]!r}: expected voice, period or a column of the documents "
            f"({', '.join(metadata_columns(documents))})"
        )
    rows = []
    for values, group in frame.groupby(keys, sort=False):
        values = values if isinstance(values, tuple) else (values,)
        mean, low, high = mean_interval(group.compound.to_numpy(dtype=float))
        rows.append(
            {
                **dict(zip(keys, values, strict=True)),
                "units": len(group),
                "documents": group.doc_id.nunique(),
                "mean_compound": round(mean, 4),
                "ci_low": round(low, 4),
                "ci_high": round(high, 4),
                "median_compound": round(float(group.compound.median()), 4),
                "positive": int((group.compound >= POSITIVE).sum()),
                "neutral": int(((group.compound > NEGATIVE) & (group.compound < POSITIVE)).sum()),
                "negative": int((group.compound <= NEGATIVE).sum()),
                "top_words": _group_words(group.drivers),
            }
        )
    result = pd.DataFrame(rows, columns=[*keys, *SUMMARY_COLUMNS])
    order = []
    for key in keys:
        if key == "voice":
            order.append(result.voice.map(lambda v: VOICES.index(v) if v in VOICES else len(VOICES)))
        elif key == "period":
            ranks = frame.drop_duplicates("period").set_index("period").period_order
            order.append(result.period.map(ranks))
        else:
            order.append(result[key])
    sort_frame = pd.concat(order, axis=1, keys=[f"key{i}" for i in range(len(order))])
    index = sort_frame.sort_values(list(sort_frame.columns), kind="stable").index
    return result.loc[index].reset_index(drop=True)


def by_voice(scores: pd.DataFrame, prepared: Described) -> pd.DataFrame:
    """Tone by voice with every voice a row: the speaker groups and the narration, those without units too.

    Args:
        scores: rows of :func:`score_units` (or :func:`select_units`).
        prepared: the prepared corpus (or an archive).

    Returns:
        voice, holds (one sentence saying what the voice's units are: :data:`VOICE_NOTES`), then
        :data:`SUMMARY_COLUMNS` as :func:`summarise` gives them — one row per voice of :data:`VOICES`, in that order;
        a voice without units has units and documents 0, no mean, interval or median, and no words. A voice the
        kit does not know (a registry's own group) follows, as :func:`summarise` orders it.
    """
    summary = summarise(scores, prepared, by="voice")
    known = pd.DataFrame({"voice": [v for v in VOICES if v not in set(summary.voice)]})
    empty = known.assign(units=0, documents=0, positive=0, neutral=0, negative=0, top_words="")
    table = pd.concat([summary, empty], ignore_index=True) if len(empty) else summary
    order = table.voice.map(lambda v: VOICES.index(v) if v in VOICES else len(VOICES))
    table = table.assign(_o=order).sort_values(["_o"], kind="stable").drop(columns="_o")
    table = table.astype({c: int for c in ("units", "documents", "positive", "neutral", "negative")})
    table.insert(1, "holds", table.voice.map(VOICE_NOTES).fillna("Quotations of the registry's group of this name."))
    return table.reset_index(drop=True)


def _group_words(drivers: pd.Series) -> str:
    totals: dict[str, float] = {}
    for line in drivers:
        for item in filter(None, line.split("; ")):
            word, _, valence = item.rpartition(" ")
            key = word.lower()
            totals[key] = totals.get(key, 0.0) + float(valence)
    ranked = sorted(totals.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:TOP_WORDS]
    return format_drivers(ranked)


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
            {
                by: value,
                "units": len(group),
                "mean_compound_vader": round(float(group.compound_vader.mean()), 4),
                "mean_compound_diplomatic": round(float(group.compound_diplomatic.mean()), 4),
                "change": round(float(group.compound_diplomatic.mean() - group.compound_vader.mean()), 4),
                "units_changed": int((group.moved != 0).sum()),
                "biggest_mover": _shorten(str(biggest.text_vader)) if biggest is not None and biggest.moved else "",
            }
        )
    result = pd.DataFrame(rows, columns=[by, *COMPARE_COLUMNS])
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
