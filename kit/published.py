"""Publication dates as news databases write them → the manifest's ``published`` and ``published_precision``.

Accepted (case and commas ignored, a weekday before or after is dropped, seconds are dropped):

* ISO: ``2018-03-28``, ``2018-03``, ``2018-03-28T10:15``, ``2018-03-28 10:15:00``, ``2018-03-28T10:15:00Z``,
  ``2018-03-28T10:15:00+09:00``; ``2018/03/28`` (year first is never ambiguous);
* named months: ``28 March 2018``, ``28th Mar 2018``, ``March 28, 2018``, ``Wednesday, March 28, 2018``,
  ``March 28, 2018 Wednesday``, ``March 2018``, each optionally followed by a time ``10:15`` or ``10:15 GMT``.

A clock time gives minute precision, a day gives day precision, a month month precision. The time is kept as
written: ``Z``/``UTC``/``GMT``/``+00:00`` set the timezone to ``UTC``; another UTC offset is recorded in the
note (the manifest's timezone is an IANA zone name, which an offset does not determine).

Refused: numeric dates with the year last (``03/04/2018`` is 3 April or 4 March: the kit never guesses),
two-digit years, dates that do not exist (``2018-02-30``), anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kit.corpus import PUBLISHED_FORMATS
from kit.errors import CorpusError

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
UTC_NAMES = {"z", "utc", "gmt", "+00:00", "+0000", "-00:00", "-0000"}


@dataclass(frozen=True)
class Published:
    """A manifest date: ``published`` in its canonical shape, its precision, and what else the source said."""

    published: str
    precision: str
    timezone: str = ""
    note: str = ""


def parse_published(value: str, where: str) -> Published:
    """Read one publication date.

    Args:
        value: the date as the source writes it.
        where: file, line, row and column, for the error message.

    Raises:
        CorpusError: empty, ambiguous (year last), impossible or unrecognised; the message names ``where``.
    """
    if not value.strip():
        raise CorpusError(f"{where}: no publication date (name the column with --date or give --published)")
    folded = _fold(value)
    if YEAR_LAST.fullmatch(folded):
        raise CorpusError(
            f"{where}: date {value!r} is ambiguous (day/month order unknown); write it as YYYY-MM-DD or '28 March 2018'"
        )
    for pattern in (YEAR_FIRST, DAY_MONTH, MONTH_DAY, MONTH_YEAR):
        match = pattern.fullmatch(folded)
        if match:
            return _from_match(match, value, where)
    raise CorpusError(
        f"{where}: date {value!r} is not a date the kit reads (YYYY-MM-DD[THH:MM], YYYY-MM, '28 March 2018', "
        "'March 28, 2018')"
    )


def _fold(value: str) -> str:
    """Lower case, commas and repeated spaces removed, a weekday at either end dropped."""
    folded = " ".join(value.casefold().replace(",", " ").split())
    folded = re.sub(rf"^{WEEKDAY_ALTERNATIVE} ", "", folded)
    return re.sub(rf" {WEEKDAY_ALTERNATIVE}$", "", folded)


def _from_match(match: re.Match[str], value: str, where: str) -> Published:
    parts = match.groupdict()
    month = MONTH_NUMBERS[parts["name"]] if parts.get("name") else int(parts["month"])
    hour, minute = _clock(parts, value, where)
    try:
        moment = datetime(int(parts["year"]), month, int(parts.get("day") or 1), hour or 0, minute or 0)
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
