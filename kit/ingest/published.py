"""Publication dates as news databases write them → the manifest's ``published`` and ``published_precision``.

Accepted (case and commas ignored, a weekday before or after is dropped, seconds are dropped):

* ISO: ``2018-03-28``, ``2018-03``, ``2018-03-28T10:15``, ``2018-03-28 10:15:00``, ``2018-03-28T10:15:00Z``,
  ``2018-03-28T10:15:00+09:00``; ``2018/03/28`` (year first is never ambiguous);
* named months: ``28 March 2018``, ``28th Mar 2018``, ``March 28, 2018``, ``Wednesday, March 28, 2018``,
  ``March 28, 2018 Wednesday``, ``March 2018``, each optionally followed by a time ``10:15`` or ``10:15 GMT``.

A clock time gives minute precision, a day gives day precision, a month month precision. The time is kept as
written: ``Z``/``UTC``/``GMT``/``+00:00`` set the timezone to ``UTC``; another UTC offset is recorded in the
note (the manifest's timezone is an IANA zone name, which an offset does not determine).

Numbers with the year last (``20/06/2019``, ``06/20/2019 14:30``) are read in the one order that gives a date
(a number above 12 is the day); ``03/04/2019`` (3 April or March 4) only with an order (``order="dayfirst"`` or
``"monthfirst"``: ``kit import --dayfirst`` / ``--monthfirst``), or when both numbers are the same.

Refused: a numeric date whose order is unknown (the kit never guesses), two-digit years, dates that do not exist
(``2018-02-30``), anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kit.errors import CorpusError
from kit.ingest.corpus import PUBLISHED_FORMATS

MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_ALTERNATIVES = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
WEEKDAY_ALTERNATIVE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
# A time after the date, e.g. "T10:15:00.123+09:00", " 10:15 GMT", " 9:45pm".
TIME = (
    r"(?:[t ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<ampm>am|pm)?"
    r"\s*(?P<zone>z|utc|gmt|[+-]\d{2}:?\d{2})?)?"
)
# Year first, e.g. "2018-03-28", "2018/03/28 10:15", "2018-03".
YEAR_FIRST = re.compile(rf"(?P<year>\d{{4}})([-/.])(?P<month>\d{{1,2}})(?:\2(?P<day>\d{{1,2}}){TIME})?")
# Day before a month name, e.g. "28 March 2018", "28th Mar 2018 10:15".
DAY_MONTH = re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<name>{MONTH_ALTERNATIVES})\.? (?P<year>\d{{4}}){TIME}")
# Month name before the day, e.g. "March 28 2018" (commas already removed).
MONTH_DAY = re.compile(rf"(?P<name>{MONTH_ALTERNATIVES})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<year>\d{{4}}){TIME}")
# Month name and year, e.g. "March 2018".
MONTH_YEAR = re.compile(rf"(?P<name>{MONTH_ALTERNATIVES})\.? (?P<year>\d{{4}})")
# Numbers only with the year last, e.g. "03/04/2018": day/month order unknown.
YEAR_LAST = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b.*")
# The same with a four-digit year and an optional time, e.g. "20/06/2019", "06.20.2019 14:30".
NUMBERS_YEAR_LAST = re.compile(rf"(?P<first>\d{{1,2}})([-/.])(?P<second>\d{{1,2}})\2(?P<year>\d{{4}}){TIME}")
# The orders a numeric date with the year last can be read in, as the options name them.
ORDERS = {"dayfirst": "day-first", "monthfirst": "month-first"}
UTC_NAMES = {"z", "utc", "gmt", "+00:00", "+0000", "-00:00", "-0000"}


@dataclass(frozen=True)
class Published:
    """A manifest date: ``published`` in its canonical shape, its precision, and what else the source said."""

    published: str
    precision: str
    timezone: str = ""
    note: str = ""


def parse_published(value: str, where: str, *, order: str | None = None) -> Published:
    """Read one publication date.

    Args:
        value: the date as the source writes it.
        where: file, line, row and column, for the error message.
        order: how to read numbers with the year last: ``"dayfirst"``, ``"monthfirst"`` or None (only in the
            one order that gives a date).

    Raises:
        CorpusError: empty, ambiguous (year last, no order), impossible or unrecognised; the message names ``where``.
    """
    if not value.strip():
        raise CorpusError(f"{where}: no publication date (name the column with --date or give --published)")
    folded = _fold(value)
    if YEAR_LAST.fullmatch(folded):
        return _year_last(folded, value, where, order)
    for pattern in (YEAR_FIRST, DAY_MONTH, MONTH_DAY, MONTH_YEAR):
        match = pattern.fullmatch(folded)
        if match:
            return _from_match(match, value, where)
    raise CorpusError(
        f"{where}: date {value!r} is not a date the kit reads (YYYY-MM-DD[THH:MM], YYYY-MM, '28 March 2018', "
        "'March 28, 2018')"
    )


def readings(value: str) -> frozenset[str]:
    """The orders (``"dayfirst"``, ``"monthfirst"``) in which a numeric date with the year last is a date.

    e.g. ``20/06/2019`` → {dayfirst}, ``06/20/2019`` → {monthfirst}, ``03/04/2019`` → both; any other value → none.
    """
    match = NUMBERS_YEAR_LAST.fullmatch(_fold(value))
    if match is None:
        return frozenset()
    first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
    return frozenset(order for order, (day, month) in _orders(first, second).items() if _exists(year, month, day))


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return True


def _orders(first: int, second: int) -> dict[str, tuple[int, int]]:
    """(day, month) of two numbers read day first and month first."""
    return {"dayfirst": (first, second), "monthfirst": (second, first)}


def _year_last(folded: str, value: str, where: str, order: str | None) -> Published:
    """A numeric date with the year last, read in ``order`` or in the one order that gives a month."""
    match = NUMBERS_YEAR_LAST.fullmatch(folded)
    if match is None:
        raise CorpusError(
            f"{where}: date {value!r} has a two-digit year or an unread part; write it as YYYY-MM-DD or '28 March 2018'"
        )
    first, second = int(match["first"]), int(match["second"])
    possible = readings(value)
    if order is None:
        if first != second and len(possible) > 1:
            raise CorpusError(
                f"{where}: date {value!r} is ambiguous (day/month order unknown): give --dayfirst or --monthfirst, "
                "or write it as YYYY-MM-DD"
            )
        order = min(possible) if possible else "dayfirst"
    day, month = _orders(first, second)[order]
    if not 1 <= month <= 12:
        raise CorpusError(f"{where}: date {value!r} has no month {month} when read {ORDERS[order]} (--{order})")
    parts = {**match.groupdict(), "day": str(day), "month": str(month)}
    return _from_parts(parts, value, where)


def _fold(value: str) -> str:
    """Lower case, commas and repeated spaces removed, a weekday at either end dropped."""
    folded = " ".join(value.casefold().replace(",", " ").split())
    folded = re.sub(rf"^{WEEKDAY_ALTERNATIVE} ", "", folded)
    return re.sub(rf" {WEEKDAY_ALTERNATIVE}$", "", folded)


def _from_match(match: re.Match[str], value: str, where: str) -> Published:
    return _from_parts(match.groupdict(), value, where)


def _from_parts(parts: dict[str, str | None], value: str, where: str) -> Published:
    name = parts.get("name")
    month = MONTH_NUMBERS[name] if name else int(parts["month"] or 0)
    hour, minute = _clock(parts, value, where)
    try:
        moment = datetime(int(parts["year"] or 0), month, int(parts.get("day") or 1), hour or 0, minute or 0)
    except ValueError:
        raise CorpusError(f"{where}: date {value!r} does not exist") from None
    if parts.get("day") is None:
        return Published(moment.strftime(PUBLISHED_FORMATS["month"]), "month")
    if hour is None:
        return Published(moment.strftime(PUBLISHED_FORMATS["day"]), "day")
    zone = (parts.get("zone") or "").replace(" ", "")
    if zone in UTC_NAMES:
        return Published(moment.strftime(PUBLISHED_FORMATS["minute"]), "minute", timezone="UTC")
    note = f"time given with UTC offset {zone.upper()}" if zone else ""
    return Published(moment.strftime(PUBLISHED_FORMATS["minute"]), "minute", note=note)


def _clock(parts: dict[str, str | None], value: str, where: str) -> tuple[int | None, int | None]:
    """Hour (24-hour clock) and minute, or (None, None) without a time."""
    hour_text, minute_text = parts.get("hour"), parts.get("minute")
    if hour_text is None or minute_text is None:  # the patterns give both or neither
        return None, None
    hour, minute = int(hour_text), int(minute_text)
    if parts.get("ampm"):
        if not 1 <= hour <= 12:
            raise CorpusError(f"{where}: date {value!r} has a 12-hour time with hour {hour}")
        hour = hour % 12 + (12 if parts["ampm"] == "pm" else 0)
    return hour, minute
