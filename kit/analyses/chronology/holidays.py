"""Holidays and anniversaries a text names instead of a date, read from a calendar file researchers can extend.

The calendar (default ``kit/data/holidays.yaml``; its format is described at the top of that file, read through
:mod:`kit.yamlfile`) lists each holiday with its calendar day — the same day every year ("July 27"), a weekday
of a month ("first Monday of September") or a table of days by year for a lunar holiday — and the country whose
holiday it is. Its names, the occasions it is the anniversary of and the people whose birthday it is make one
regular expression, the rule ``holiday`` of :data:`kit.analyses.chronology.rules.RULES`.

    load_calendar → Calendar.rule() (pattern + resolver) → kit.analyses.chronology.resolve

Which holiday a shared name means ("Victory Day": July 27 in the DPRK, May 9 in Russia) is decided by the
country named next to it in the sentence, else by the countries the article names (``Anchor.countries``,
found with :meth:`Calendar.countries_in`), the day nearest publication the tense allows breaking a tie. A
holiday of a country the article never names gets no date: the kit does not guess whose holiday it is.
"""

from __future__ import annotations

import calendar as gregorian
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from kit import config, yamlfile
from kit.analyses.chronology.spans import (
    Anchor,
    Span,
    anchored_span,
    day_span,
    nearest_day,
    over_publication,
)
from kit.analyses.chronology.vocabulary import MONTHS, WEEKDAYS, YEAR_PATTERN, Groups, group_text
from kit.errors import KitError

INTERNATIONAL = "international"
HOLIDAY_KEYS = {"country", "day", "days", "names", "anniversary_of", "birth_of", "note"}
# "first Monday of September", "last Thursday of November".
NTH_WEEKDAY = re.compile(
    r"(?P<nth>first|second|third|fourth|last)\s+(?P<weekday>[a-z]+day)\s+of\s+(?P<month>[a-z]+)", re.I
)
NTHS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
# A holiday's name followed by one of these is a place named after it: "May Day Stadium", "Victory Day Square".
PLACE_AFTER = re.compile(r"\s+(?:Stadium|Square|Street|Avenue|Bridge|Hall|Park|Palace|Island|Station|Road)\b")
# A name after one of these is another calendar's day: "Vietnamese New Year" is not the first of January.
OTHER_CALENDAR_BEFORE = re.compile(
    r"\b(?:Lunar|Chinese|Korean|Vietnamese|Tibetan|Mongolian|Persian|Iranian|Jewish|Islamic|Hijri|Orthodox|Thai)\s+$"
)
# "North Korea's Victory Day", "the Chinese National Day": a country named at most this far before the name.
COUNTRY_BEFORE_REACH = 30


@dataclass(frozen=True)
class Holiday:
    """One holiday of the calendar.

    Attributes:
        label: its key in the file ("Victory Day (DPRK)").
        country: the country whose holiday it is (a key of ``Calendar.countries``), or ``"international"``.
        month, day: its day when it is the same every year (else 0).
        nth_weekday: ``(nth, weekday, month)`` for "first Monday of September" (nth -1 is the last), else None.
        days: its day by year, for a holiday of a lunar calendar (empty otherwise).
        names, anniversary_of, birth_of: how a text names it, what it is the anniversary of, whose birthday.
    """

    label: str
    country: str
    month: int = 0
    day: int = 0
    nth_weekday: tuple[int, int, int] | None = None
    days: tuple[tuple[int, date], ...] = ()
    names: tuple[str, ...] = ()
    anniversary_of: tuple[str, ...] = ()
    birth_of: tuple[str, ...] = ()

    @property
    def described(self) -> str:
        """Its label and whose holiday it is, for ``basis``: "Victory Day (DPRK), a holiday of the DPRK"."""
        whose = "an international holiday" if self.country == INTERNATIONAL else f"a holiday of the {self.country}"
        return f"{self.label}, {whose}"

    def day_in(self, year: int) -> date | None:
        """Its day in ``year``; None for a year its table lacks (never guessed)."""
        if self.days:
            return dict(self.days).get(year)
        if self.nth_weekday is not None:
            nth, weekday, month = self.nth_weekday
            return nth_weekday_of(year, month, weekday, nth)
        return date(year, self.month, self.day)


@dataclass(frozen=True)
class Calendar:
    """A loaded holiday calendar; ``source`` is the file it came from."""

    source: str
    holidays: tuple[Holiday, ...]
    countries: tuple[tuple[str, tuple[str, ...]], ...]

    def entries(self, kind: str, text: str) -> list[Holiday]:
        """The holidays named ``text`` (kind "names"), the anniversary of it ("anniversary_of") or the
        birthday of that person ("birth_of"), matched as the rule matches them.
        """
        key = normalised(text)
        return [h for h in self.holidays if any(normalised(n) == key for n in getattr(h, kind))]

    def countries_in(self, text: str) -> frozenset[str]:
        """The countries whose words ``text`` holds."""
        return frozenset(code for code, pattern in self.country_patterns if pattern.search(text))

    def country_next_to(self, sentence: str, start: int, end: int, codes: Iterable[str]) -> str | None:
        """The country of ``codes`` named just before ``sentence[start:end]`` ("North Korea's Victory Day")
        or just after it ("Victory Day in the DPRK"); the nearest wins; None when none is.
        """
        wanted = set(codes)
        before = sentence[max(0, start - COUNTRY_BEFORE_REACH) : start]
        after = re.match(r"\s+(?:in|of)\s+(?:the\s+)?", sentence[end:])
        best: tuple[int, str] | None = None
        for code, pattern in self.country_patterns:
            if code not in wanted:
                continue
            for m in pattern.finditer(before):
                gap = len(before) - m.end()
                if best is None or gap < best[0]:
                    best = (gap, code)
            if after and pattern.match(sentence, end + after.end()):
                gap = after.end()
                if best is None or gap < best[0]:
                    best = (gap, code)
        return best[1] if best else None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The rule's pattern: a holiday's name (with an optional year), "the (this year's) anniversary of
        OCCASION", "the birth anniversary of … PERSON" or "PERSON's birthday".
        """
        return _pattern(self)

    @cached_property
    def need(self) -> re.Pattern[str]:
        """Words every match of :attr:`pattern` holds, in lower case (for :mod:`kit.analyses.chronology.prefilter`)."""
        return _need(self)

    @cached_property
    def country_patterns(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """Each country with a pattern of the words that name it."""
        return tuple(
            (code, re.compile(rf"(?<![\w.])(?:{_alternation(words, case_sensitive=True)})(?!\w)"))
            for code, words in self.countries
        )

    def resolve(self, m: Groups, anchor: Anchor, sentence: str) -> Span | None:
        """The day a match of :attr:`pattern` names (see the module); None when it is no holiday after all."""
        return _resolve(self, m, anchor, sentence)


def normalised(text: str) -> str:
    """Lower case, straight apostrophes, "-" as a space, one space between words: how names are compared."""
    return " ".join(text.lower().replace("’", "'").replace("-", " ").split())


def nth_weekday_of(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1–4, or -1 for the last) ``weekday`` (0 = Monday) of a month."""
    if nth < 0:
        last = date(year, month, gregorian.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _words(phrase: str, *, case_sensitive: bool) -> str:
    """A phrase as a pattern: ' and ’ alike, "-" and spaces alike, case as asked."""
    parts = []
    for word in re.split(r"[\s-]+", phrase.strip().replace("’", "'")):
        parts.append(re.escape(word).replace("'", "['’]"))
    joined = r"[\s-]+".join(parts)
    return joined if case_sensitive else f"(?i:{joined})"


def _alternation(phrases: Iterable[str], *, case_sensitive: bool) -> str:
    """Longest first, so that "New Year's Day" wins over "New Year"."""
    unique = sorted({p for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(_words(p, case_sensitive=case_sensitive) for p in unique)


# "the", "this year's", "last year's", "next year's" before an anniversary.
_WHICH = r"(?:(?P<rel>(?i:this|last|next))\s+(?i:year)['’]s|(?i:the))"
# "the founding of", "the foundation of the": what an anniversary may be the anniversary of before its name.
_FOUNDING = r"(?:(?:(?i:the)\s+)?(?i:founding|foundation|establishment|creation|signing|proclamation)\s+of\s+)?"


def _pattern(calendar: Calendar) -> re.Pattern[str]:
    names = _alternation((n for h in calendar.holidays for n in h.names), case_sensitive=True)
    occasions = _alternation((n for h in calendar.holidays for n in h.anniversary_of), case_sensitive=False)
    people = _alternation((n for h in calendar.holidays for n in h.birth_of), case_sensitive=False)
    # A "Day of …" takes its article: "the Day of the Sun".
    alternatives = [rf"\b(?:[Tt]he\s+(?=Day\s+of\b))?(?P<holiday>{names})(?![\w-])(?:,?\s+(?P<y>{YEAR_PATTERN})\b)?"]
    alternatives = alternatives if names else []
    if occasions:
        # No count: "the 70th anniversary of …" names an occasion, not a day (see the module).
        alternatives.append(
            rf"\b{_WHICH}\s+(?:(?i:founding)\s+)?(?i:anniversary)\s+(?i:of)\s+{_FOUNDING}(?:(?i:the|its)\s+)?"
            rf"(?P<occasion>{occasions})(?![\w-]|['’]s\b)"  # not "the anniversary of North Korea's nuclear test"
        )
    if people:
        alternatives.append(
            rf"\b(?:(?P<brel>(?i:this|last|next))\s+(?i:year)['’]s\s+|(?i:the)\s+)?(?i:birth\s+anniversary|birthday)"
            rf"\s+(?i:of)\s+(?:[\w.’'-]+\s+){{0,4}}?(?P<person>{people})(?![\w-]|['’]s\b)"
            rf"|\b(?P<person_>{people})['’]s\s+(?i:birthday|birth\s+anniversary)\b"
        )
    return re.compile("|".join(alternatives) or r"(?!)")


def _need(calendar: Calendar) -> re.Pattern[str]:
    words = {max(re.split(r"[\s'’-]+", normalised(n)), key=len) for h in calendar.holidays for n in h.names}
    if any(h.anniversary_of for h in calendar.holidays):
        words.add("anniversary")
    if any(h.birth_of for h in calendar.holidays):
        words |= {"anniversary", "birthday"}
    return re.compile("|".join(sorted(re.escape(w) for w in words)) or r"(?!)")


def _resolve(calendar: Calendar, match: Groups, anchor: Anchor, sentence: str) -> Span | None:
    m = _Optional(match)
    if m["holiday"]:
        text, kind = group_text(m, "holiday"), "names"
        if PLACE_AFTER.match(sentence, m.end()) or OTHER_CALENDAR_BEFORE.search(sentence[: m.start()]):
            return None
    elif m["occasion"]:
        text, kind = group_text(m, "occasion"), "anniversary_of"
    else:
        text, kind = m["person"] or group_text(m, "person_"), "birth_of"
    entries = calendar.entries(kind, text)
    international = [h for h in entries if h.country == INTERNATIONAL]
    if international:
        entries, why = international, ""
    else:
        named = calendar.country_next_to(sentence, m.start(), m.end(), {h.country for h in entries})
        if named is not None:
            entries, why = [h for h in entries if h.country == named], " (named beside it)"
        else:
            entries, why = [h for h in entries if h.country in anchor.countries], " (named in the article)"
        if not entries:
            return anchored_span(f"{text!r} is a holiday of a country the article does not name")
    rel = (m["rel"] or m["brel"] or "").lower()
    if m["y"] or rel:
        year_of = "the year given" if m["y"] else f"{rel} year"

        def resolve(pub: date) -> Span:
            year = int(group_text(m, "y")) if m["y"] else pub.year + {"this": 0, "last": -1, "next": 1}[rel]
            days = [(day, h) for h in entries if (day := h.day_in(year)) is not None]
            if not days:
                raise LookupError(year)
            day, holiday = min(days, key=lambda d: (abs((d[0] - pub).days), d[1].label))
            return day_span(day, f"{holiday.described}{why}, in {year_of}")

        try:
            return over_publication(anchor, resolve)
        except LookupError as missing:
            return anchored_span(f"the calendar gives no day of {text!r} in {missing}")
    candidates = [
        day_span(day, h.described)
        for h in entries
        for year in anchor.nearby_years
        if (day := h.day_in(year)) is not None
    ]
    if not candidates:
        return anchored_span(f"the calendar gives no day of {text!r} near publication")
    best = nearest_day(candidates, anchor, group_text(m, 0).strip())
    described = next(c.basis for c in sorted(candidates, key=lambda c: c.basis) if c.first == best.first)
    return replace(best, basis=f"{best.basis}: {described}{why}")


class _Optional:
    """A match read by group name, a group its pattern lacks (a calendar with no anniversaries) being None."""

    def __init__(self, match: Groups):
        self._match = match

    def __getitem__(self, key: int | str) -> str | None:
        try:
            return self._match[key]
        except IndexError:
            return None

    def start(self) -> int:
        """Where the match starts in the sentence."""
        return self._match.start()

    def end(self) -> int:
        """Where the match ends in the sentence."""
        return self._match.end()


# ---------------------------------------------------------------- reading the file


def load_calendar(path: str | Path | None = None) -> Calendar:
    """Read and check a holiday calendar (default: the kit's ``kit/data/holidays.yaml``).

    A user's file replaces the default entirely (copy the default to extend it).

    Raises:
        KitError: one line naming the file, the holiday and the field: a missing or unreadable file, bad
            YAML, an unknown key, a country the file does not list, a day that is not one ("February 30",
            "fifth Monday of May"), a table entry that is not a day of its year, a holiday with no name.
    """
    return _load(Path(path) if path else config.HOLIDAYS)


@cache
def default_calendar() -> Calendar:
    """The kit's own calendar, read once."""
    return _load(config.HOLIDAYS)


def _load(path: Path) -> Calendar:
    raw, source = yamlfile.load_mapping(path, what="holiday calendar", top="calendar")
    raw = yamlfile.check_mapping(
        raw, where=f"{source}: calendar", allowed={"countries", "holidays"}, expected="countries and holidays"
    )
    countries_raw = raw.get("countries")
    if not isinstance(countries_raw, dict):
        raise KitError(f"{source}: 'countries' must map each country to the words that name it")
    countries = tuple(
        (str(code), _strings(words, f"{source}: country {code!r}")) for code, words in countries_raw.items()
    )
    holidays_raw = raw.get("holidays")
    if not isinstance(holidays_raw, dict) or not holidays_raw:
        raise KitError(f"{source}: 'holidays' must be a mapping with at least one holiday")
    known = {code for code, _ in countries} | {INTERNATIONAL}
    holidays = tuple(_holiday(str(label), item, known, source) for label, item in holidays_raw.items())
    return Calendar(str(source), holidays, countries)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise KitError(f"{where}: expected a list of words or phrases")
    return tuple(v.strip() for v in value)


def _holiday(label: str, item: object, countries: set[str], source: Path) -> Holiday:
    where = f"{source}: holiday {label!r}"
    raw: dict[str, Any] = yamlfile.check_mapping(
        item, where=where, allowed=HOLIDAY_KEYS, expected="country, day (or days) and names"
    )
    country = raw.get("country")
    if country not in countries:
        raise KitError(f"{where}: country {country!r} is not one of {', '.join(sorted(countries))}")
    lists = {
        key: _strings(raw[key], f"{where}, {key}") if key in raw else ()
        for key in ("names", "anniversary_of", "birth_of")
    }
    if not any(lists.values()):
        raise KitError(f"{where}: give at least one of names, anniversary_of, birth_of")
    if ("day" in raw) == ("days" in raw):
        raise KitError(f"{where}: give either 'day' (the same every year) or 'days' (a table by year)")
    holiday = Holiday(
        label, str(country), names=lists["names"], anniversary_of=lists["anniversary_of"], birth_of=lists["birth_of"]
    )
    if "days" in raw:
        return replace(holiday, days=_table(raw["days"], where))
    return _with_day(holiday, raw["day"], where)


def _with_day(holiday: Holiday, value: object, where: str) -> Holiday:
    text = " ".join(str(value).split())
    nth = NTH_WEEKDAY.fullmatch(text)
    if nth:
        weekday, month = WEEKDAYS.get(nth["weekday"].lower()), MONTHS.get(nth["month"].lower())
        if weekday is not None and month is not None:
            return replace(holiday, nth_weekday=(NTHS[nth["nth"].lower()], weekday, month))
    fixed = re.fullmatch(r"(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2})", text)
    month = MONTHS.get(fixed["month"].lower()) if fixed else None
    if fixed and month is not None and 1 <= int(fixed["day"]) <= gregorian.monthrange(2024, month)[1]:
        return replace(holiday, month=month, day=int(fixed["day"]))
    raise KitError(f"{where}: day {text!r} is not a day of the year ('July 27', 'first Monday of September')")


def _table(value: object, where: str) -> tuple[tuple[int, date], ...]:
    if not isinstance(value, dict) or not value:
        raise KitError(f"{where}: 'days' must map years to days (2024: 2024-02-10)")
    rows = []
    for year, day in value.items():
        try:
            parsed = day if isinstance(day, date) else date.fromisoformat(str(day))
        except ValueError:
            parsed = None
        if not isinstance(year, int) or parsed is None or parsed.year != year:
            raise KitError(f"{where}: days: {year!r}: {day!r} is not a day of that year (YYYY-MM-DD)")
        rows.append((year, parsed))
    return tuple(sorted(rows))
