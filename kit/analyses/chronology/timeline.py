"""The corpus-level chronology tables: publications, date expressions, events and each document's reach.

date_expressions → events (one row per resolved span and document) → filter_events, reach
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from kit.analyses.chronology.holidays import default_calendar, load_calendar
from kit.analyses.chronology.resolve import clock_times, resolve_sentence
from kit.analyses.chronology.visits import visit_named
from kit.errors import CorpusError, KitError

# The one place chronology learns when each article was published (the manifest date as a span of days).
from kit.ingest.periods import publication_periods
from kit.ingest.published import parse_published
from kit.types import Described, Prepared

DATE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "expression",
    "date_start",
    "date_end",
    "granularity",
    "basis",
    "time",
]
EVENT_COLUMNS = [
    "doc_id",
    "outlet",
    "published",
    "sentence_id",
    "start",
    "end",
    "expression",
    "date_start",
    "date_end",
    "granularity",
    "mentions",
    "expressions",
    "sentence_ids",
    "sentence",
]
GRANULARITIES = (
    "day",
    "week",
    "part_of_month",
    "month",
    "season",
    "part_of_year",
    "year",
    "part_of_decade",
    "decade",
    "century",
    "vague",
    "anchored",
)


def publications(prepared: Described) -> pd.DataFrame:
    """When each article was published: doc_id, outlet, headline, published, published_precision, and
    first_day/last_day (ISO days) of the period the manifest date can mean (a whole month at month
    precision). Sorted by first_day, then doc_id.
    """
    documents = prepared.documents
    spans = list(publication_periods(documents).values())
    table = documents[["doc_id", "outlet", "headline", "published", "published_precision"]].copy()
    table["first_day"] = [first.date().isoformat() for first, _ in spans]
    table["last_day"] = [last.date().isoformat() for _, last in spans]
    return table.sort_values(["first_day", "doc_id"], kind="stable").reset_index(drop=True)


def date_expressions(prepared: Prepared, *, vague: bool = True, holidays: str | Path | None = None) -> pd.DataFrame:
    """Every temporal expression of the corpus, resolved to a span of days.

    Args:
        prepared: the prepared corpus.
        vague: keep expressions with no span ("recently", "in recent years"), granularity "vague".
        holidays: a holiday calendar YAML file (default: the kit's ``kit/data/holidays.yaml``).

    Returns:
        One row per expression (:data:`DATE_COLUMNS`): doc_id, sentence_id, start and end (offsets into
        the cleaned text), expression, date_start and date_end (ISO days, inclusive; empty when vague),
        granularity, basis, and time (a clock time such as "16:00" that qualifies the day, or empty).
    """
    periods = publication_periods(prepared.documents)
    calendar = load_calendar(holidays) if holidays else default_calendar()
    rows = []
    for group_key, sentences in prepared.sentences.groupby("doc_id", sort=False):
        doc_id = str(group_key)
        first, last = periods[doc_id]
        previous = None
        first_day: date | None = None  # the first single day the article names
        reported = None
        sentence_ids: list[int] = sentences["sentence_id"].astype(int).tolist()
        sentence_starts: list[int] = sentences["start"].astype(int).tolist()
        texts: list[str] = sentences["text"].astype(str).tolist()
        countries = calendar.countries_in("\n".join(texts))
        visit = None  # the latest visit whose start the article has dated
        for sentence_id, sentence_start, text in zip(sentence_ids, sentence_starts, texts, strict=True):
            found = resolve_sentence(
                text,
                first.date(),
                last.date(),
                previous,
                reported=reported,
                countries=countries,
                visit=visit,
                calendar=calendar,
            )
            visit = visit_named(text, found) or visit
            if first_day is None:
                first_day = next((e.span.first for e in found if e.span.granularity == "day"), None)
                reported = reported_day(first_day, first.date(), last.date())
            times = clock_times(text, found)
            for i, expression in enumerate(found):
                span = expression.span
                rows.append(
                    {
                        "doc_id": doc_id,
                        "sentence_id": sentence_id,
                        "start": sentence_start + expression.start,
                        "end": sentence_start + expression.end,
                        "expression": expression.expression,
                        "date_start": span.first.isoformat() if span.first else None,
                        "date_end": span.last.isoformat() if span.last else None,
                        "granularity": span.granularity,
                        "basis": span.basis,
                        "time": times.get(i),
                    }
                )
            # "The same day", "hours earlier", "the previous year" count from the latest date the article has
            # named so far, as a reader does, however many sentences back it stands.
            dated = [expression for expression in found if expression.span.first is not None]
            previous = dated[-1] if dated else previous
    frame = pd.DataFrame.from_records(rows, columns=DATE_COLUMNS)
    if not vague:
        frame = frame[frame.granularity != "vague"].reset_index(drop=True)
    return frame


def if_published(prepared: Prepared, doc_id: str, published: str) -> pd.DataFrame:
    """One article's date expressions as resolved now and as they would be had it been published on another date.

    What a timeline owes to the manifest: "the 3rd" or "last month" move with the publication date, "2024" does
    not, and an inferred publication date carries its doubt into every relative expression.

    Args:
        prepared: the prepared corpus.
        doc_id: the article.
        published: the other publication date, in any form :func:`kit.ingest.published.parse_published` reads
            ("2025-10-05", "5 October 2025", "2024-05" for a month).

    Returns:
        The article's rows of :func:`date_expressions` (sentence_id, expression, date_start, date_end, basis),
        then ``date_start_if`` and ``date_end_if`` (the same expression resolved against ``published``) and
        ``moves`` (True where the span differs).

    Raises:
        KitError: an unknown ``doc_id`` or a date the kit does not read.
    """
    documents = prepared.documents
    if doc_id not in set(documents.doc_id):
        raise KitError(f"no article {doc_id!r}; the articles are {', '.join(map(str, documents.doc_id))}")
    try:
        other = parse_published(published, "published")
    except CorpusError as err:
        raise KitError(str(err)) from None
    article = dataclasses.replace(
        prepared,
        documents=documents[documents.doc_id == doc_id],
        sentences=prepared.sentences[prepared.sentences.doc_id == doc_id],
    )
    moved = dataclasses.replace(
        article,
        documents=article.documents.assign(published=other.published, published_precision=other.precision),
    )
    columns = ["sentence_id", "expression", "date_start", "date_end", "basis"]
    now = date_expressions(article)[columns].reset_index(drop=True)
    then = date_expressions(moved)[["date_start", "date_end"]].reset_index(drop=True)
    table = now.assign(date_start_if=then.date_start, date_end_if=then.date_end)
    same_start = table.date_start.fillna("") == table.date_start_if.fillna("")
    same_end = table.date_end.fillna("") == table.date_end_if.fillna("")
    return table.assign(moves=~(same_start & same_end))


# How long before publication the day an article reports on can lie ("on Friday" in a Monday paper).
REPORTED_DAY_REACH = timedelta(days=7)


def reported_day(first_day: date | None, published_first: date, published_last: date) -> date | None:
    """The day an article reports on: the first single day it names, when that lies in the week up to
    publication; ``None`` otherwise.

    News names the day of its event first ("The UN Security Council on Wednesday adopted…"), and the speech
    it quotes was spoken that day.
    """
    if first_day is not None and published_first - REPORTED_DAY_REACH <= first_day <= published_last:
        return first_day
    return None


def events(prepared: Prepared, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per resolved span and document: its first mention and sentence, and all its mentions.

    Args:
        prepared: the prepared corpus.
        dates: :func:`date_expressions` output (computed when omitted); vague rows are dropped.

    Returns:
        :data:`EVENT_COLUMNS`, sorted by document, then date_start, date_end: the first mention's
        sentence_id, offsets, expression and sentence; ``mentions`` (how many expressions name the span),
        ``expressions`` and ``sentence_ids`` (all of them, " | " and space separated).
    """
    dates = date_expressions(prepared) if dates is None else dates
    dated = dates[dates.date_start.notna()]
    keys = ["doc_id", "date_start", "date_end"]
    dated = dated.sort_values(["doc_id", "sentence_id", "start"], kind="stable")
    first = dated.drop_duplicates(keys)
    mentions = dated.groupby(keys).agg(
        mentions=("expression", "size"),
        expressions=("expression", lambda e: " | ".join(dict.fromkeys(e))),
        sentence_ids=("sentence_id", lambda ids: " ".join(str(i) for i in dict.fromkeys(ids))),
    )
    mentions = mentions.reset_index()
    documents = prepared.documents[["doc_id", "outlet", "published"]]
    sentences = prepared.sentences[["doc_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    table = first.merge(mentions, on=keys).merge(documents, on="doc_id").merge(sentences, on=["doc_id", "sentence_id"])
    return table.sort_values([*keys, "sentence_id"], kind="stable")[EVENT_COLUMNS].reset_index(drop=True)


def reach(events_table: pd.DataFrame) -> pd.DataFrame:
    """How far back (and ahead) each document looks: doc_id, outlet, published, earliest (the first
    date_start of its events), latest (the last date_end) and events (how many), sorted by doc_id.
    """
    table = events_table.groupby(["doc_id", "outlet", "published"], sort=True).agg(
        earliest=("date_start", "min"), latest=("date_end", "max"), events=("date_start", "size")
    )
    return table.reset_index()


def filter_events(
    table: pd.DataFrame,
    *,
    date_from: str = "",
    date_to: str = "",
    outlets: Sequence[str] = (),
    granularities: Sequence[str] = (),
) -> pd.DataFrame:
    """Rows of a dates or events table inside a window, from some outlets, of some granularities.

    A row is kept when its span overlaps the window ``date_from``..``date_to`` (ISO days, either may be
    empty). ``outlets`` needs an ``outlet`` column. Vague rows (no span) are kept only without a window.

    Raises:
        KitError: an unreadable window date, an unknown granularity or outlet.
    """
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise KitError(f"{name}={value!r}: expected a day YYYY-MM-DD") from None
    unknown = sorted(set(granularities) - set(GRANULARITIES))
    if unknown:
        raise KitError(f"granularities: unknown {unknown}; expected some of {list(GRANULARITIES)}")
    keep = pd.Series(True, index=table.index)
    if date_from:
        keep &= table.date_end.notna() & (table.date_end >= date_from)
    if date_to:
        keep &= table.date_start.notna() & (table.date_start <= date_to)
    if outlets:
        missing = sorted(set(outlets) - set(table.outlet))
        if missing:
            raise KitError(f"outlets: {missing} not in the corpus; outlets are {sorted(set(table.outlet))}")
        keep &= table.outlet.isin(outlets)
    if granularities:
        keep &= table.granularity.isin(granularities)
    return table[keep].reset_index(drop=True)
