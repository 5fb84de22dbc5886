"""The named formulas of China–DPRK relations: every occurrence, who says it, and the years it appears in.

A formulas file (default ``kit/data/formulas.yaml``; its format is described at the top of that file) names each
formula ("as close as lips and teeth", "friendship sealed in blood", "hostile policy") with a label, a one-line
note on what its use signals, and its variants: entries of the kit's one dictionary matcher
(:mod:`kit.preprocess.lookup`), matched on the kit's tokens exactly as theme entries are. Each occurrence is then
placed by its offsets: inside a quotation (the quotes table of :func:`kit.analyses.voices.extract_quotes`: speaker,
group, channel) or in the journalist's narration.

    load_formulas → occurrences (matches, joined with the quotations by offsets, with the sentence around each)
    → counts (by year, voice, outlet), timeline (formula × publication year, zeros kept), summary

An occurrence's rows come from its own document alone, so a corpus read from the store chunk by chunk
(``archive.gather(occurrences, formulas=…, tables=["quotes"])``) gives the rows the whole corpus gives at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from kit.analyses.formula_file import Formula as Formula
from kit.analyses.formula_file import Formulas as Formulas
from kit.analyses.formula_file import load_formulas as load_formulas
from kit.analyses.tone.scoring import NARRATION, VOICES
from kit.analyses.voices import actors, extract_quotes
from kit.errors import KitError
from kit.ingest.periods import publication_periods
from kit.preprocess import lookup
from kit.types import Prepared

OCCURRENCE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "formula",
    "label",
    "match",
    "pattern",
    "voice",
    "quoted",
    "quote_kind",
    "speaker",
    "speaker_group",
    "via",
    "outlet",
    "published",
    "year",
    "left",
    "right",
]
FORMULA_COUNT_COLUMNS = ["occurrences", "documents", "quoted"]
TIMELINE_COLUMNS = ["formula", "label", "year", "articles", "documents", "share", "occurrences", "quoted"]
# The sides a summary and a chart keep apart: the two official voices, every other quoted voice, the narration.
SIDES = {"official_prc": "PRC officials", "official_dprk": "DPRK officials", NARRATION: "narration"}
OTHER_VOICES = "other quoted voices"
FORMULA_SUMMARY_COLUMNS = [
    "formula",
    "label",
    "occurrences",
    "documents",
    "official_prc",
    "official_dprk",
    "other_voices",
    "narration",
    "first_year",
    "last_year",
    "note",
]
# The kinds of quotation whose words are someone's (a term's are the journalist's: see kit.analyses.voices).
VOICED = ("speech", "fragment")


# ---------------------------------------------------------------- occurrences


def occurrences(
    prepared: Prepared,
    quotes_table: pd.DataFrame | None = None,
    *,
    formulas: Formulas | None = None,
    registry: actors.Registry | None = None,
) -> pd.DataFrame:
    """Every occurrence of every formula, placed in a quotation or in the narration.

    Args:
        prepared: the prepared corpus (or one chunk of it).
        quotes_table: :func:`kit.analyses.voices.extract_quotes` of the same documents (default: extracted here).
        formulas: from :func:`load_formulas` (default: the kit's file).
        registry: the actor registry used when quotations are extracted here.

    Returns:
        One row per occurrence (:data:`OCCURRENCE_COLUMNS`): doc_id, sentence_id, start, end (offsets into the
        cleaned text: ``text[start:end]`` is ``match``), formula, label, match (as written), pattern (the variant
        that matched), voice (the speaker's group when the occurrence lies in a speech or fragment quotation —
        ``unknown`` when nobody was found — else ``narration``: the journalist's words, scare-quoted terms
        included), quoted (whether it lies in someone's quoted words), quote_kind (speech, fragment, term, or ""
        in narration), speaker, speaker_group and via (of that quotation; empty otherwise), outlet, published,
        year (of publication), left and right (the rest of its sentence, as KWIC evidence; runs of whitespace
        as one space). Ordered by document, position and the file's order of formulas.
    """
    book = formulas or load_formulas()
    documents = prepared.documents
    texts = dict(zip(documents.doc_id, documents.text, strict=True))
    found = lookup.find(prepared.tokens, lookup.compile_entries(book.entries()), texts=texts)
    if found.empty:
        return pd.DataFrame({c: pd.Series(dtype=_DTYPES.get(c, object)) for c in OCCURRENCE_COLUMNS})
    quotes = extract_quotes(prepared, registry) if quotes_table is None else quotes_table
    by_doc = {doc_id: list(group.itertuples(index=False)) for doc_id, group in quotes.groupby("doc_id", sort=False)}
    sentences = prepared.sentences.set_index(["doc_id", "sentence_id"])[["start", "end"]]
    facts = documents.set_index("doc_id")
    years = {doc_id: first.year for doc_id, (first, _) in publication_periods(documents).items()}
    labels, order = book.labels(), {name: i for i, name in enumerate(book.names)}
    rows = []
    matches: Iterable[Any] = found.itertuples(index=False)  # pandas types each field as any scalar
    for m in matches:
        body = texts[m.doc_id]
        quotation = _quotation_around(by_doc.get(m.doc_id, []), m.start, m.end)
        sentence_start, sentence_end = sentences.loc[(m.doc_id, m.sentence_id)]
        rows.append(
            {
                "doc_id": m.doc_id,
                "sentence_id": m.sentence_id,
                "start": m.start,
                "end": m.end,
                "formula": m.category,
                "label": labels[m.category],
                "match": m.match,
                "pattern": m.pattern,
                **_voice_of(quotation),
                "outlet": facts.at[m.doc_id, "outlet"],
                "published": facts.at[m.doc_id, "published"],
                "year": years[m.doc_id],
                "left": _single_spaced(body[int(sentence_start) : m.start]),
                "right": _single_spaced(body[m.end : int(sentence_end)]),
                "_order": order[m.category],
            }
        )
    table = pd.DataFrame(rows).sort_values(["doc_id", "start", "_order"], kind="stable")
    return table.drop(columns="_order").astype({"year": int, "quoted": bool}).reset_index(drop=True)


_DTYPES: dict[str, Any] = {"sentence_id": "int64", "start": "int64", "end": "int64", "year": "int64", "quoted": bool}


def _voice_of(quotation: Any | None) -> dict[str, object]:
    """voice, quoted, quote_kind, speaker, speaker_group and via of an occurrence in ``quotation`` (None: narration).

    A speech or fragment quotation is someone's words: its speaker's group is the voice. A term (scare quotes) is
    the journalist's, as in the tone units (:func:`kit.analyses.tone.units`): narration, with its kind kept.
    """
    kind = quotation.kind if quotation is not None else ""
    if quotation is None or kind not in VOICED:
        return {"voice": NARRATION, "quoted": False, "quote_kind": kind, "speaker": "", "speaker_group": "", "via": ""}
    return {
        "voice": quotation.speaker_group or "unknown",
        "quoted": True,
        "quote_kind": kind,
        "speaker": quotation.speaker,
        "speaker_group": quotation.speaker_group,
        "via": quotation.via,
    }


def _quotation_around(quotes: list[Any], start: int, end: int) -> Any | None:
    """The quotation whose words overlap ``start..end`` (someone's words before a scare-quoted term), or None."""
    around = [q for q in quotes if q.start < end and start < q.end]
    around.sort(key=lambda q: (q.kind not in VOICED, q.start))
    return around[0] if around else None


def _single_spaced(value: str) -> str:
    return " ".join(value.split())


# ---------------------------------------------------------------- counts


def counts(found: pd.DataFrame, formulas: Formulas, *, by: str | Sequence[str] = ("year", "voice")) -> pd.DataFrame:
    """Occurrences of each formula per year, voice or outlet (any of them together).

    Args:
        found: :func:`occurrences` rows.
        formulas: the file the rows were found with (its order and labels).
        by: ``"year"``, ``"voice"``, ``"outlet"`` or a list of them.

    Returns:
        formula, label, the ``by`` columns, occurrences, documents (with at least one), quoted (occurrences in
        someone's quoted words) — only combinations that occur (:func:`timeline` keeps the years without);
        formulas in file order, then years in order, voices in :data:`kit.analyses.tone.VOICES` order, outlets sorted.

    Raises:
        KitError: an unknown ``by``.
    """
    keys = [by] if isinstance(by, str) else list(by)
    unknown = [k for k in keys if k not in ("year", "voice", "outlet")]
    if unknown or not keys:
        raise KitError(f"formula counts by {unknown[0] if unknown else by!r}: expected year, voice or outlet")
    grouped = found.groupby(["formula", *keys], sort=False).agg(
        occurrences=("doc_id", "size"), documents=("doc_id", "nunique"), quoted=("quoted", "sum")
    )
    table = grouped.reset_index().astype({"occurrences": int, "documents": int, "quoted": int})
    table.insert(1, "label", table.formula.map(formulas.labels()))
    order = {name: i for i, name in enumerate(formulas.names)}
    ranks = {"formula": order, "voice": {v: i for i, v in enumerate(VOICES)}}
    table = table.sort_values(
        ["formula", *keys], key=lambda column: column.map(ranks[str(column.name)]) if column.name in ranks else column
    )
    return table[["formula", "label", *keys, *FORMULA_COUNT_COLUMNS]].reset_index(drop=True)


def timeline(found: pd.DataFrame, documents: pd.DataFrame, formulas: Formulas) -> pd.DataFrame:
    """Each formula in each publication year of the corpus, the years without an occurrence too.

    Args:
        found: :func:`occurrences` rows.
        documents: the corpus's documents (doc_id, published, published_precision), to count articles per year.
        formulas: the file the rows were found with.

    Returns:
        :data:`TIMELINE_COLUMNS`: formula, label, year, articles (published that year), documents (of those, with
        the formula), share (documents / articles), occurrences, quoted — one row per formula and year with
        articles, formulas in file order, years ascending. A year without articles has no row: absence there says
        nothing.
    """
    years = pd.Series([first.year for first, _ in publication_periods(documents).values()], dtype=int)
    articles = years.value_counts().sort_index()
    grid = pd.DataFrame(
        [
            (f.name, f.label, int(year), int(n))
            for f in formulas.formulas
            for year, n in zip(articles.index.tolist(), articles.tolist(), strict=True)
        ],
        columns=["formula", "label", "year", "articles"],
    )
    by_year = counts(found, formulas, by="year").drop(columns="label") if len(found) else None
    if by_year is None:
        table = grid.assign(documents=0, occurrences=0, quoted=0)
    else:
        table = grid.merge(by_year, on=["formula", "year"], how="left").fillna(
            {"documents": 0, "occurrences": 0, "quoted": 0}
        )
    table = table.astype({"documents": int, "occurrences": int, "quoted": int})
    table["share"] = (table.documents / table.articles).round(4)
    return table[TIMELINE_COLUMNS]


def summary(found: pd.DataFrame, formulas: Formulas) -> pd.DataFrame:
    """One row per formula of the file: how often, from whose mouth, first and last year, what it signals.

    Returns:
        :data:`FORMULA_SUMMARY_COLUMNS`: formula, label, occurrences, documents, official_prc and official_dprk
        (occurrences in their quoted words), other_voices (in any other quoted voice, unknown speakers included),
        narration, first_year and last_year (of publication; empty for a formula never found), note — formulas in
        file order, those never found too.
    """
    rows = []
    for f in formulas.formulas:
        mine = found[found.formula == f.name]
        voices = mine.voice.value_counts()
        rows.append(
            {
                "formula": f.name,
                "label": f.label,
                "occurrences": len(mine),
                "documents": mine.doc_id.nunique(),
                "official_prc": int(voices.get("official_prc", 0)),
                "official_dprk": int(voices.get("official_dprk", 0)),
                "other_voices": int(voices[~voices.index.isin(SIDES)].sum()),
                "narration": int(voices.get(NARRATION, 0)),
                "first_year": int(mine.year.min()) if len(mine) else pd.NA,
                "last_year": int(mine.year.max()) if len(mine) else pd.NA,
                "note": f.note,
            }
        )
    return pd.DataFrame(rows, columns=FORMULA_SUMMARY_COLUMNS).astype({"first_year": "Int64", "last_year": "Int64"})


def voice_side(voice: str) -> str:
    """The side a chart draws a voice as: PRC officials, DPRK officials, narration, or other quoted voices."""
    return SIDES.get(voice, OTHER_VOICES)


# The sides in the order a chart dodges them within a year and a legend lists them.
SIDE_ORDER = (SIDES["official_prc"], SIDES["official_dprk"], OTHER_VOICES, SIDES[NARRATION])
EVIDENCE_COLUMNS = ["label", "year", "side", "voice", "speaker", "doc_id", "sentence_id", "left", "match", "right"]


def evidence(found: pd.DataFrame, formulas: Formulas) -> pd.DataFrame:
    """The sentence behind each point of the formulas chart: one row per occurrence, as keyword in context.

    Returns:
        :data:`EVIDENCE_COLUMNS`: label, year, side (as the chart colours it: :func:`voice_side`), voice, speaker,
        doc_id, sentence_id, left, match, right — formulas in file order, then by year, side, document and position.
    """
    order = {name: i for i, name in enumerate(formulas.names)}
    sides = found.voice.map(voice_side)
    ranked = found.assign(
        side=sides,
        _formula=found.formula.map(order),
        _side=sides.map({name: i for i, name in enumerate(SIDE_ORDER)}),
    )
    ranked = ranked.sort_values(["_formula", "year", "_side", "doc_id", "start"], kind="stable")
    return ranked[EVIDENCE_COLUMNS].reset_index(drop=True)
