"""Publication periods: the days a manifest date can mean, and the periods documents are grouped into.

Shared by the analyses that compare periods (:mod:`kit.analyses.themes`, :mod:`kit.analyses.tone`,
:mod:`kit.analyses.keyness`) and by :mod:`kit.analyses.chronology`, which resolves relative dates against the
publication period.

    publication_periods (manifest date + precision → first..last day) → parse_boundaries → assign
    derived_boundaries: the periods of a corpus whose parameters name none

A document's period comes from its whole publication period, so a month-precision date (``2024-04``)
is never split by a boundary inside its month: such a boundary is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from itertools import pairwise

import pandas as pd

from kit.days import span
from kit.errors import KitError
from kit.ingest.corpus import PUBLISHED_FORMATS
from kit.types import Described

PERIOD_COLUMNS = ["doc_id", "period", "period_order"]
# Derived periods: at most this many (a chart of themes × periods stays readable).
MOST_DERIVED_PERIODS = 6


def publication_periods(documents: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """doc_id → the first and last day each document's manifest date can mean (see :func:`publication_period`)."""
    return {
        doc_id: publication_period(published, precision)
        for doc_id, published, precision in zip(
            documents.doc_id, documents.published, documents.published_precision, strict=True
        )
    }


def publication_period(published: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a manifest date can mean, e.g. ``("2024-04", "month")`` → Apr 1..Apr 30."""
    moment = datetime.strptime(published, PUBLISHED_FORMATS[precision])
    start = pd.Timestamp(moment.date())
    end = start + pd.offsets.MonthEnd(0) if precision == "month" else start
    return start, end


def parse_boundaries(boundaries: Sequence[str]) -> list[tuple[str, pd.Timestamp]]:
    """Period boundaries → ``(label, first day)`` pairs, in date order.

    Each item starts a period and is a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), optionally with
    a label: ``"2018 summit=2018-01-01"``. Without a label the period is named after its years
    (``"2018–2023"``, ``"2024–"``). Documents before the first boundary fall in a period named
    ``"before <date>"``.

    Raises:
        KitError: no boundaries, an unreadable date, boundaries out of order or repeated, a label twice.
    """
    if isinstance(boundaries, str) or not boundaries:
        raise KitError(
            f"period boundaries {boundaries!r}: expected a list of dates such as ['2018-01-01', '2024-01-01'] or 'year'"
        )
    parsed = []
    for item in boundaries:
        label, _, date = str(item).rpartition("=")
        parsed.append((label.strip(), _parse_day(date.strip(), item)))
    for (_, earlier), (_, later) in pairwise(parsed):
        if later <= earlier:
            raise KitError(f"period boundaries {list(boundaries)!r}: dates must be in increasing order, each once")
    named = []
    for i, (label, first) in enumerate(parsed):
        last = parsed[i + 1][1] - span(1) if i + 1 < len(parsed) else None
        named.append((label or _period_name(first, last), first))
    labels = [label for label, _ in named]
    if len(set(labels)) != len(labels) or any(label.startswith("before ") for label in labels):
        raise KitError(
            f"period boundaries {list(boundaries)!r}: two periods would share a name; label them 'NAME=DATE'"
        )
    return named


def _period_name(first: pd.Timestamp, last: pd.Timestamp | None) -> str:
    """Names: "2018", "2018–2023", "2024–" for whole years; "2018-03-28 – 2024-03-31", "2024-04-01 –" otherwise."""
    whole_years = (first.month, first.day) == (1, 1) and (last is None or (last.month, last.day) == (12, 31))
    if not whole_years:
        return f"{first.date()} – {last.date()}" if last is not None else f"{first.date()} –"
    if last is None:
        return f"{first.year}–"
    return str(first.year) if last.year == first.year else f"{first.year}–{last.year}"


def _parse_day(value: str, item: object) -> pd.Timestamp:
    for shape in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return pd.Timestamp(datetime.strptime(value, shape))
        except ValueError:
            continue
    raise KitError(f"period boundary {item!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, optionally 'LABEL=DATE'")


def assign(prepared: Described, periods: str | Sequence[str] = "year") -> pd.DataFrame:
    """The period of each document, from its publication date and the date's precision.

    Args:
        prepared: the prepared corpus.
        periods: ``"year"`` (the publication year), or boundaries (see :func:`parse_boundaries`).

    Returns:
        doc_id, period (label), period_order (0, 1, … in date order).

    Raises:
        KitError: bad boundaries, or a boundary that falls inside a document's publication period
            (e.g. ``2024-04-15`` for a document dated ``2024-04`` at month precision).
    """
    return assign_documents(prepared.documents, periods)


def assign_documents(documents: pd.DataFrame, periods: str | Sequence[str] = "year") -> pd.DataFrame:
    """:func:`assign` for any table with doc_id, published and published_precision (e.g. a manifest's rows)."""
    spans = list(publication_periods(documents).values())
    if isinstance(periods, str):
        if periods != "year":
            raise KitError(f"periods={periods!r}: expected 'year' or a list of boundary dates")
        years = [str(first.year) for first, _ in spans]
        order = {year: i for i, year in enumerate(sorted(set(years)))}
        return pd.DataFrame({"doc_id": documents.doc_id, "period": years, "period_order": [order[y] for y in years]})
    named = parse_boundaries(periods)
    labels, orders = [], []
    for doc_id, published, (first, last) in zip(documents.doc_id, documents.published, spans, strict=True):
        index_first = sum(start <= first for _, start in named)
        index_last = sum(start <= last for _, start in named)
        if index_first != index_last:
            boundary = named[index_last - 1][1].date()
            raise KitError(
                f"period boundary {boundary} falls inside the publication period of {doc_id} ({published}); "
                "move the boundary to the start of a month"
            )
        labels.append(named[index_first - 1][0] if index_first else f"before {named[0][1].date()}")
        orders.append(index_first)
    return pd.DataFrame({"doc_id": documents.doc_id, "period": labels, "period_order": orders})


def derived_boundaries(documents: pd.DataFrame, *, most: int = MOST_DERIVED_PERIODS) -> list[str]:
    """Period boundaries derived from the publication dates, for a corpus whose parameters name none.

    By year when the articles fall in 2 to ``most`` years (the seeds: 2018, 2024, 2025). Over more years,
    the years are grouped into ``most`` periods at their natural breaks (Fisher–Jenks: the grouping with the
    least spread of years within periods, each year weighted by its articles), so the largest gaps between
    publication years become boundaries: "2009–2011", "2013–2016"… Articles all from one year are split by
    month the same way, articles all from one month by day. Each boundary is labelled after the years
    (months, days) its articles come from, ``"2009–2011=2009-01-01"``.

    Returns:
        Boundaries for :func:`parse_boundaries`; ``[]`` when the dates allow one period only (one day, or
        one month with a month-precision date in it).
    """
    spans = list(publication_periods(documents).values())
    for unit in _UNITS:
        keys = sorted({unit.key(first) for first, _ in spans})
        if len(keys) > 1:
            break
    else:
        return []
    if unit is _UNITS[-1] and any(first != last for first, last in spans):
        return []  # one month, and an article dated only to that month: no day boundary can fall inside it
    weights = [sum(unit.key(first) == key for first, _ in spans) for key in keys]
    groups = _natural_breaks(keys, weights, min(most, len(keys)))
    return [f"{unit.label(group[0], group[-1])}={unit.start(group[0]).isoformat()}" for group in groups]


@dataclass(frozen=True)
class _Unit:
    """A calendar unit for derived periods: a day's key (an ordinal number), a key's first day, how keys are named."""

    key: Callable[[pd.Timestamp], int]
    start: Callable[[int], date]
    shape: str  # strftime of one key
    dash: str  # between the first and last key of a period

    def label(self, first: int, last: int) -> str:
        """E.g. "2018", "2009–2011"; "2023-03", "2023-01 – 2023-04"; "2023-03-05", "2023-03-05 – 2023-03-09"."""
        names = [self.start(first).strftime(self.shape), self.start(last).strftime(self.shape)]
        return names[0] if first == last else self.dash.join(names)


_UNITS = (
    _Unit(lambda day: day.year, lambda year: date(year, 1, 1), "%Y", "–"),
    _Unit(lambda day: day.year * 12 + day.month - 1, lambda n: date(n // 12, n % 12 + 1, 1), "%Y-%m", " – "),
    _Unit(lambda day: day.date().toordinal(), date.fromordinal, "%Y-%m-%d", " – "),
)


def _natural_breaks(values: Sequence[int], weights: Sequence[int], groups: int) -> list[list[int]]:
    """Sorted ``values`` in ``groups`` runs with the least weighted sum of squared deviations (Fisher–Jenks).

    Exact arithmetic (fractions), so equal costs are equal and the earliest break wins: the same input
    always gives the same periods.
    """
    n = len(values)
    total, linear, square = [0], [0], [0]
    for value, weight in zip(values, weights, strict=True):
        total.append(total[-1] + weight)
        linear.append(linear[-1] + weight * value)
        square.append(square[-1] + weight * value * value)

    def spread(i: int, j: int) -> Fraction:  # values[i:j]
        count, summed = total[j] - total[i], linear[j] - linear[i]
        return square[j] - square[i] - Fraction(summed * summed, count)

    # best[k][j]: the least spread of values[:j] in k+1 runs; cut[k][j]: where its last run starts.
    best = [[spread(0, j) if j else Fraction(0) for j in range(n + 1)]]
    cut = [[0] * (n + 1)]
    for k in range(1, groups):
        best.append([Fraction(0)] * (n + 1))
        cut.append([0] * (n + 1))
        for j in range(k + 1, n + 1):
            options = [(best[k - 1][i] + spread(i, j), i) for i in range(k, j)]
            best[k][j], cut[k][j] = min(options, key=lambda option: option[0])
    runs, end = [], n
    for k in range(groups - 1, -1, -1):
        start = cut[k][end] if k else 0
        runs.append(list(values[start:end]))
        end = start
    return runs[::-1]
