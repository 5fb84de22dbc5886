"""Finding and resolving the temporal expressions of one sentence.

sentence → candidates (every rule's matches, longest first, no overlaps) → resolved :class:`FoundDate` rows
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kit.analyses.chronology.holidays import Calendar, default_calendar
from kit.analyses.chronology.prefilter import casefolded, possible_rules
from kit.analyses.chronology.rules import RULE_ORDER, Rule, holiday_rule
from kit.analyses.chronology.spans import Anchor, Span, Visit
from kit.analyses.chronology.tense import tense
from kit.analyses.chronology.vocabulary import CLOCK_TIME


@dataclass(frozen=True)
class Candidate:
    """One rule's match in a sentence, before it is resolved."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]


@dataclass(frozen=True)
class FoundDate:
    """A temporal expression of a sentence and what it resolves to.

    Attributes:
        start, end: offsets into the sentence (``sentence[start:end] == expression``).
        expression: the words as they stand.
        span: the resolved :class:`~kit.analyses.chronology.spans.Span` (no days when vague).
    """

    start: int
    end: int
    expression: str
    span: Span


def rule_candidates(
    sentence: str, blocked: Sequence[tuple[int, int, str]] = (), *, calendar: Calendar | None = None
) -> list[Candidate]:
    """Every rule's matches in a sentence, longest first, without overlaps (earlier rules win ties).

    ``blocked`` lists ``(start, end, rule name)`` matches already found not to be dates. Returned in text order.
    Only the rules the sentence can match run (:func:`kit.analyses.chronology.prefilter.possible_rules`); a ``calendar``
    other than the kit's gives the rule ``holiday`` its own names.
    """
    rules = possible_rules(sentence)
    if calendar is not None and calendar is not default_calendar():
        rules = [rule for rule in rules if rule.name != "holiday"]
        if calendar.need.search(casefolded(sentence)):
            rules.append(holiday_rule(calendar))
    found = []
    for rule in rules:
        for m in rule.pattern.finditer(sentence):
            if m.end() > m.start() and (m.start(), m.end(), rule.name) not in blocked:
                found.append(Candidate(m.start(), m.end(), rule, m))
    found.sort(key=lambda c: (-(c.end - c.start), RULE_ORDER[c.rule.name], c.start))
    chosen: list[Candidate] = []
    for candidate in found:
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def resolve_sentence(
    sentence: str,
    published_first: date,
    published_last: date,
    previous: FoundDate | None = None,
    *,
    reported: date | None = None,
    countries: frozenset[str] = frozenset(),
    visit: Visit | None = None,
    calendar: Calendar | None = None,
) -> list[FoundDate]:
    """Find and resolve the temporal expressions of one sentence.

    Args:
        sentence: the sentence text.
        published_first: the first day the article can have been published.
        published_last: the last such day (the same day at day precision).
        previous: the latest dated expression of the article before this sentence, for "the previous year".
        reported: the day the article reports on, which a quoted "today" means (see
            :func:`kit.analyses.chronology.timeline.reported_day`).
        countries: the countries the article names, which decide whose holiday a shared name means.
        visit: the latest visit whose start the article dated before (see :mod:`kit.analyses.chronology.visits`).
        calendar: the holiday calendar (default: the kit's, :func:`kit.analyses.chronology.holidays.default_calendar`).

    Returns:
        The expressions in text order, offsets into ``sentence``. A match that turns out not to be a date
        is left out, and the shorter matches it covered are tried instead; so is one whose span would not
        be a real calendar day or would leave years 1–9999 (no row rather than a clamped one).
    """
    blocked: list[tuple[int, int, str]] = []
    while True:
        rows: list[FoundDate] = []
        latest = previous
        for candidate in rule_candidates(sentence, blocked, calendar=calendar):
            start, end = candidate.start, candidate.end
            in_sentence = latest is not None and latest is not previous
            anchor = Anchor(
                published_first,
                published_last,
                tense(sentence, start, end),
                previous=latest.span if latest else None,
                previous_text=latest.expression if latest else "",
                previous_in_sentence=in_sentence,
                previous_end=latest.end if latest is not None and in_sentence else None,
                reported=reported,
                countries=countries,
                visit=visit,
            )
            try:
                span = candidate.rule.resolve(candidate.match, anchor, sentence)
            except (ValueError, OverflowError):
                # No such calendar day ("February 30, 2018"), or one outside years 1–9999 (the day after a
                # publication dated 9999-12-31): not a date, and no clamped span pretends it is.
                span = None
            if span is None:
                blocked.append((start, end, candidate.rule.name))
                break
            row = FoundDate(start, end, sentence[start:end], span)
            rows.append(row)
            if span.first is not None:
                latest = row
        else:
            return rows


def clock_times(sentence: str, expressions: Sequence[FoundDate]) -> dict[int, str]:
    """Clock times ("4 p.m.") attached to the nearest day expression of the sentence, as ``{index: "16:00"}``."""
    days = [i for i, found in enumerate(expressions) if found.span.granularity == "day"]
    attached: dict[int, str] = {}
    for m in CLOCK_TIME.finditer(sentence):
        if not days:
            break
        hour = int(m["hour"]) % 12 + (12 if m["half"].lower().startswith("p") else 0)
        nearest = min(days, key=lambda i: min(abs(expressions[i].start - m.end()), abs(m.start() - expressions[i].end)))
        attached.setdefault(nearest, f"{hour:02d}:{int(m['minute'] or 0):02d}")
    return attached
