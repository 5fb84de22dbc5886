"""The rule table: one readable regular expression per kind of temporal expression, and its resolver.

Rules are tried all at once on a sentence; the longest match wins, and on equal length the earlier rule
(:data:`RULE_ORDER`). A resolver may turn a match down (``None``: "May" the verb), and the shorter
matches it covered are tried instead (see :func:`kit.analyses.chronology.resolve.resolve_sentence`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kit.analyses.chronology import absolute, anaphoric, holidays, months, relative, visits, vocabulary, weekdays
from kit.analyses.chronology.spans import Anchor, Span
from kit.analyses.chronology.vocabulary import EVENT, ORDINAL_FOLLOWERS, EitherGroups

# Short names for the pattern pieces, so that each rule reads on a line or two.
DAY = vocabulary.DAY_PATTERN
MONTH = vocabulary.MONTH_PATTERN
MONTH_OR_ABBR = vocabulary.MONTH_OR_ABBREVIATION_PATTERN
SHORT_MONTH = vocabulary.SHORT_MONTH_PATTERN
ORD = vocabulary.ORDINAL_PATTERN
PART = vocabulary.PART_PATTERN
MONTH_PART = vocabulary.MONTH_PART_PATTERN
RANGE = vocabulary.RANGE_PATTERN
WEEKDAY = vocabulary.WEEKDAY_PATTERN
YEAR = vocabulary.YEAR_PATTERN
COUNT = vocabulary.COUNT_PATTERN
# "the morning of" before a day is part of its expression: "On the morning of Dec. 27".
PART_OF_DAY_OF = r"(?:\b(?i:the)\s+(?:morning|afternoon|evening|night)\s+of\s+)?"


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: a pattern and how to resolve a match of it.

    ``resolve(match, anchor, sentence)`` returns a :class:`~kit.analyses.chronology.spans.Span`, or ``None`` when
    the match turns out not to be a date (e.g. "May" that is not followed by a year or preceded by a date word).
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Anchor, str], Span | None]


def holiday_rule(calendar: holidays.Calendar) -> Rule:
    """The rule ``holiday`` of a holiday calendar: its names, anniversaries and birthdays, resolved by it."""
    return Rule("holiday", calendar.pattern, calendar.resolve)


RULES: list[Rule] = [
    Rule("iso_date", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"), absolute.iso),
    Rule(
        "month_day_year",
        re.compile(
            rf"{PART_OF_DAY_OF}(?:\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?,?\s+(?P<y>{YEAR})\b"
            rf"|\b(?P<d_>{DAY}){ORD}?\s+(?:of\s+)?(?P<mon_>{MONTH_OR_ABBR}),?\s+(?P<y_>{YEAR})\b)"
        ),
        lambda m, a, s: absolute.month_day_year(EitherGroups(m), a, s),
    ),
    Rule(
        "month_day_range",
        re.compile(
            rf"\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?{RANGE}(?:(?P<mon2>{MONTH_OR_ABBR})\s+)?"
            rf"(?P<d2>{DAY}){ORD}?\b(?:,?\s+(?P<y>{YEAR})\b)?(?!\s*%)"
        ),
        absolute.month_day_range,
    ),
    Rule(
        "day_month_range",
        # "26-28 March", "from 26 to 28 March", "26 and 27 March 2018", "30 March to 2 April".
        re.compile(
            rf"(?<![\d,.])\b(?P<d>{DAY}){ORD}?(?:\s+(?P<mon>{MONTH_OR_ABBR}))?{RANGE}(?P<d2>{DAY}){ORD}?\s+"
            rf"(?:of\s+)?(?P<mon2>{MONTH_OR_ABBR})(?:(?<=\.)|\b)(?:,?\s+(?P<y>{YEAR})\b)?(?!\s*%)"
        ),
        absolute.day_month_range,
    ),
    Rule(
        "month_day_relative_year",
        re.compile(
            rf"(?:\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?,?"
            rf"|\b(?P<d_>{DAY}){ORD}?\s+(?:of\s+)?(?P<mon_>{MONTH_OR_ABBR}),?)\s+(?P<rel>last|this|next)\s+year\b"
        ),
        lambda m, a, s: absolute.month_day_relative_year(EitherGroups(m), a, s),
    ),
    Rule(
        "weekday_and_day",
        # "Friday (Jun 21)", "June 21 (Friday)": the day the date names (the weekday repeats it).
        re.compile(
            rf"\b(?:{WEEKDAY})\s*\(\s*(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?\s*\)"
            rf"|\b(?P<mon_>{MONTH_OR_ABBR})\s+(?P<d_>{DAY}){ORD}?\s*\(\s*(?:{WEEKDAY})\s*\)"
        ),
        lambda m, a, s: absolute.month_day(EitherGroups(m), a, s),
    ),
    Rule(
        "month_day",
        re.compile(
            rf"{PART_OF_DAY_OF}(?:\b(?P<mon>{MONTH_OR_ABBR})\s+(?P<d>{DAY}){ORD}?\b(?![\d,.]\d)"
            rf"|\b(?P<d_>{DAY}){ORD}?\s+(?:of\s+)?(?P<mon_>{MONTH_OR_ABBR})(?:(?<=\.)|\b))"
        ),
        lambda m, a, s: absolute.month_day(EitherGroups(m), a, s),
    ),
    Rule(
        "month_range",
        # "the January-March period", "Jan-Feb", "April–June 2017"; in words: "from January to March",
        # "January through March 2017", "between May and August of 2010".
        re.compile(
            rf"(?:\b(?P<mon>{MONTH}|{SHORT_MONTH}(?=[-–]{SHORT_MONTH}\b))(?:\s*[-–]\s*|\s+(?:to|through|until)\s+)"
            rf"(?P<mon2>{MONTH}|(?<=[-–]){SHORT_MONTH}\b)"
            rf"|(?<=\b(?i:between)\s)(?P<mon_>{MONTH})\s+and\s+(?P<mon2_>{MONTH}))(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?\b"
        ),
        lambda m, a, s: absolute.month_range(EitherGroups(m), a, s),
    ),
    Rule(
        "month_year",
        re.compile(rf"\b{MONTH_PART}(?P<mon>{MONTH_OR_ABBR})(?:\s+of|,)?\s+(?P<y>{YEAR})\b"),
        absolute.month_year,
    ),
    Rule(
        "year_range",
        # "1950-53", "2011 to 2017", "between 2013 and 2016" (not "2013 and 2016" alone: two years).
        re.compile(
            rf"(?<![\d$£€¥.,#/])(?P<y>{YEAR})\s*(?:-|–|—|/|to|through|until|till)\s*(?P<y2>{YEAR}|\d\d)\b(?!\s*%|[-–/]\d)"
            rf"|(?<=\b(?i:between)\s)(?P<y_>{YEAR})\s+and\s+(?P<y2_>{YEAR})\b(?!\s*%)"
        ),
        lambda m, a, s: absolute.year_range(EitherGroups(m), a, s),
    ),
    Rule("decade", re.compile(rf"\b(?:the\s+)?{PART}(?P<y>{YEAR})s\b"), absolute.decade),
    Rule(
        "short_decade",  # "the '90s", "the mid-80s", "the Nineties" (with "the": "in their 60s" is an age)
        re.compile(
            rf"\b(?i:the)\s+{PART}(?:['’‘]?(?P<yy>[1-9]0|00)s\b"
            r"|(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b)"
        ),
        absolute.short_decade,
    ),
    Rule(
        "century",
        # "the 21st century", "the new century", "this century".
        re.compile(
            r"\b(?:(?i:the)\s+)?(?P<which>(?:1[5-9]|2[01])(?:st|nd|rd|th)|(?i:nineteenth|twentieth|twenty[-\s]first)"
            r"|(?i:new|this))[\s-]+(?i:century)\b"
        ),
        absolute.century,
    ),
    Rule("year", re.compile(rf"\b{PART}(?<![\d$£€¥.,#])(?P<y>{YEAR})(?![\d%]|,\d|\.\d|[-–]\d)"), absolute.year),
    Rule(
        "season",
        re.compile(
            rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:(?:\s+of|,)?\s+(?P<y>{YEAR}))?\b",
            re.I,
        ),
        months.season,
    ),
    Rule(
        "relative_unit",
        re.compile(
            rf"\b(?:(?P<so_far>so\s+far)\s+)?{vocabulary.RELATIVE_PART_PATTERN}(?P<rel>last|this|next|the\s+past|the\s+coming|earlier\s+this"
            r"|later\s+this|earlier\s+last)\s+(?P<unit>year|month|week)\b",
            re.I,
        ),
        relative.relative_unit,
    ),
    Rule(
        "today_relative",
        re.compile(
            r"\b(?:(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|last\s+night"
            r"|this\s+(?:morning|afternoon|evening)|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b",
            re.I,
        ),
        relative.today_relative,
    ),
    Rule(
        "previous_unit",
        re.compile(
            r"\b(?:(?P<the>the)\s+(?P<which>previous|preceding|following|next)\s+(?P<unit>year|month|week|day)"
            rf"|(?:(?P<n>{COUNT})\s+|the\s+)?(?P<unit_>hours?|days?|weeks?|months?|years?)\s+"
            r"(?P<which_>earlier|before|later|after(?=\s*(?:[,.;:!?)]|$))))\b",
            re.I,
        ),
        lambda m, a, s: anaphoric.previous_unit(EitherGroups(m), a, s),
    ),
    Rule(
        "same_as_previous",
        re.compile(
            r"\b(?:(?:(?i:at)\s+)?(?i:the)\s+same|(?:(?i:at|by)\s+)?(?i:that)"
            r"|(?i:at\s+the)(?=\s+(?i:time)\b(?!\s+(?:of|when|being|to)\b)))\s+"
            r"(?P<unit>day|night|morning|afternoon|evening|week|month|year|time)\b"
        ),
        anaphoric.same_as_previous,
    ),
    Rule(
        "same_period",
        # "the same period of 2016", "the same month last year", "the same quarter a year earlier".
        re.compile(
            r"\b(?i:the)\s+same\s+(?P<what>(?i:period|time|months?|quarter|week|season|day))\s+(?:(?i:of|in)\s+)?"
            rf"(?:(?P<y>{YEAR})\b|(?P<rel>(?i:last))\s+year\b|(?:(?i:the)\s+)?(?i:previous|preceding|prior)\s+year\b"
            r"|(?i:a|one)\s+year\s+(?i:earlier|ago|before)\b)"
        ),
        anaphoric.same_period,
    ),
    Rule(
        "unit_named_before",
        # "in the month" after "in September" (not "in the month since the summit", "the year of the dragon").
        re.compile(
            r"(?:(?<=\b(?i:in)\s)|(?<=\b(?i:during)\s)|(?<=\b(?i:for)\s)|(?<=\b(?i:over)\s)|(?<=\b(?i:throughout)\s))"
            r"(?i:the)\s+(?P<unit>month|year)\b"
            r"(?![-’']|\s+(?:since|after|before|ahead|to\s+come|leading|of|ending|prior|following|ago|earlier"
            r"|later|that|when|in\s+which)\b)"
        ),
        anaphoric.unit_named_before,
    ),
    Rule(
        "since_then",
        # "Since then": from the date named before to publication.
        re.compile(r"\b(?i:since\s+then)\b|\b(?i:ever\s+since)(?=\s*(?:[,.;:)]|$))"),
        anaphoric.since_then,
    ),
    Rule(
        "part_of_day_named_before",
        # "By nightfall", "at dawn": that part of the day named before.
        re.compile(
            r"\b(?i:by|at|before|after|until|till)\s+(?P<part>(?i:nightfall|dusk|dawn|daybreak|sunset|sunrise))\b"
            r"(?!\s+(?i:on|of)\b)"  # "at dawn on Monday" is Monday's
        ),
        anaphoric.part_of_day_named_before,
    ),
    Rule(
        "before_the_end",
        # "before the end of June", "before year end": from publication to that end, when it is still to come.
        re.compile(
            rf"\b(?i:before)\s+(?:(?i:the)\s+(?i:end)\s+of\s+(?:(?i:the|this)\s+)?(?P<what>(?i:year|month)|{MONTH})"
            r"|(?:(?i:the)\s+)?(?P<what_>(?i:year))[-\s](?i:end)|(?i:the)\s+(?P<what__>(?i:year))['’]s\s+(?i:end))\b"
        ),
        relative.before_the_end,
    ),
    Rule(
        "part_of_the_unit",
        re.compile(
            r"\b(?P<part>(?i:early|late|later|earlier|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            r"|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+(?:second|latter)\s+half\s+of))\s+(?:in\s+)?the\s+"
            r"(?P<unit>year|month)\b"
            r"|\b(?P<part_>(?i:later|earlier))\s+(?:in|on)\s+the\s+(?P<unit_>day|week)\b"
        ),
        lambda m, a, s: relative.part_of_the_unit(EitherGroups(m), a, s),
    ),
    Rule(
        "year_end",  # "by year-end", "at year end" ("before year end" is the rule before_the_end's)
        re.compile(
            r"(?:(?<=\b(?i:by)\s)|(?<=\b(?i:at)\s)|(?<=\b(?i:until)\s)|(?<=\b(?i:around)\s)|(?<=\b(?i:till)\s))"
            r"(?:(?i:the)\s+)?(?i:year)[-\s](?i:end)\b(?![-\s]+(?i:party|parties|bonus|bonuses|sales?)\b)"
        ),
        relative.year_end,
    ),
    Rule(
        "months_to",  # "the year to March", "the 12 months through June 2017"
        re.compile(
            rf"\bthe\s+(?:year|(?P<n>{COUNT})\s+months)\s+(?:to|through|ending|ended)\s+(?:in\s+)?(?P<mon>{MONTH})"
            rf"(?:,?\s+(?P<y>{YEAR}))?\b"
        ),
        months.months_to,
    ),
    Rule(
        "months_of_the_year",
        re.compile(
            rf"\bthe\s+(?:(?P<q>first|second|third|fourth|last|final)\s+quarter|first\s+(?P<n>{COUNT})\s+months)"
            rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year))?\b",
            re.I,
        ),
        months.months_of_the_year,
    ),
    Rule(
        "quarter_code",
        # "Q3", "Q4 2017", "H1 2018" (a half only with its year: "H2" alone is hydrogen).
        re.compile(rf"\b(?:(?P<q>Q[1-4])|(?P<h>H[12])(?=\s+(?:of\s+)?{YEAR}))(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b"),
        months.quarter_code,
    ),
    Rule(
        "past_units",
        # "the past three years", and "the past (last) decade": ten years up to publication.
        re.compile(
            rf"\b(?:the\s+)?(?:past|last)\s+(?P<n>{COUNT})\s+(?P<unit>days|weeks|months|years|decades)\b"
            r"|\bthe\s+(?:past|last)\s+(?P<unit_>decade)\b",
            re.I,
        ),
        lambda m, a, s: relative.past_units(EitherGroups(m), a, s),
    ),
    Rule(
        "coming_units",
        re.compile(rf"\b(?:the\s+)?(?:next|coming)\s+(?P<n>{COUNT})\s+(?P<unit>days|weeks|months|years)\b", re.I),
        relative.coming_units,
    ),
    Rule(
        "units_ago",
        re.compile(
            rf"\b(?:(?P<n>{COUNT})\s+)?(?P<unit>days?|weeks?|fortnights?|months?|years?|decades?)\s+ago\b", re.I
        ),
        relative.units_ago,
    ),
    Rule(
        "units_from_now",
        # "two weeks' time" (after "in"), "the week after next", "the year before last".
        re.compile(
            rf"(?<=\b(?i:in)\s)(?P<n>{COUNT})\s+(?P<unit>days|weeks|months|years|day|week|month|year)['’]?\s+time\b"
            r"|\bthe\s+(?P<unit_>year|month|week)\s+(?P<which>before\s+last|after\s+next)\b",
            re.I,
        ),
        lambda m, a, s: relative.units_from_now(EitherGroups(m), a, s),
    ),
    Rule(
        "month_relative_year",
        re.compile(rf"\b{MONTH_PART}(?P<mon>{MONTH})(?:\s+of)?\s+(?P<rel>(?i:last|this|next))\s+year\b"),
        months.month_relative_year,
    ),
    Rule(
        "month_of_year_named_before",
        re.compile(
            rf"\b{MONTH_PART}(?P<mon>{MONTH})(?:\s+of)?\s+(?P<which>(?i:that|the\s+same|the\s+following|the\s+next"
            r"|the\s+previous|the\s+preceding))\s+year\b"
        ),
        anaphoric.month_of_year_named_before,
    ),
    # Holidays and anniversaries of the calendar file (kit/data/holidays.yaml): "Christmas", "the Day of the
    # Sun", "this year's anniversary of the Workers' Party of Korea" (see kit.analyses.chronology.holidays).
    holiday_rule(holidays.default_calendar()),
    # "the second day of his visit", "the end of his three-day visit": counted from the visit's start.
    Rule("day_of_visit", visits.PATTERN, visits.day_of_visit),
    Rule(
        "anchored_on_event",
        re.compile(
            rf"\b(?:(?:(?i:only|just|some|about|nearly|almost|barely)\s+)?(?i:{COUNT})\s+"
            r"(?i:hours?|days?|weeks?|months?|years?)\s+(?:after|before|following|prior\s+to|ahead\s+of)"
            r"|(?i:shortly|immediately|just|soon|right|hours|days|weeks|months|years)\s+(?:after|before|following|prior\s+to)"
            r"|(?i:until|till)\s+after"
            r"|(?i:the)\s+(?:(?:day|night|morning|evening|afternoon|week)\s+(?:after|before|following|of|preceding)"
            r"|eve\s+of|run[\s-]up\s+to|(?:days|weeks|months|hours|week)\s+(?:leading\s+up\s+to|before|after|following|preceding))"
            rf")\s+{EVENT}"
        ),
        relative.on_event,
    ),
    Rule(
        "weekend",
        re.compile(r"\b(?:(?P<rel>last|this\s+past|this|next|the)\s+)?weekend\b(?!s)", re.I),
        weekdays.weekend,
    ),
    Rule(
        "weekday_range",
        re.compile(rf"\b(?P<wd>{WEEKDAY}){RANGE}(?P<wd2>{WEEKDAY})\b"),
        weekdays.weekday_range,
    ),
    Rule(
        "weekday",
        re.compile(
            rf"\b(?:(?i:early|late|earlier|later)\s+)?(?:(?P<rel>(?i:last|next|this\s+past|this))\s+)?(?P<wd>{WEEKDAY})"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b"
        ),
        weekdays.weekday,
    ),
    Rule(
        "day_ordinal",
        # "the 3rd", "the 9th of this month", "the 26th and 27th", "the 9th to the 11th".
        re.compile(
            rf"\bthe\s+(?P<d>{DAY}){ORD}\b(?:\s*(?:-|–|and|to|through)\s*(?:the\s+)?(?P<d2>{DAY}){ORD}\b)?"
            rf"(?:\s+of\s+(?P<rel>(?i:this|last|next))\s+month\b)?{ORDINAL_FOLLOWERS}"
        ),
        relative.day_ordinal,
    ),
    Rule(
        "month",
        re.compile(rf"\b{MONTH_PART}(?:(?P<rel>(?i:last|next|this))\s+)?(?P<mon>{MONTH})\b(?!\s+\d)"),
        months.month_alone,
    ),
    Rule(
        "vague",
        re.compile(
            # Like every other rule, the expression leaves out its preposition: "in recent years" → "recent years".
            r"\b(?:recently|lately|soon|these\s+days|nowadays|currently|presently|previously|formerly|now(?!-)"
            r"|at\s+the\s+moment|at\s+present|at\s+this\s+time|for\s+the\s+time\s+being"
            # Not "so far", "to date": the hand codings leave them out, like "already" and "still".
            r"|in\s+the\s+meantime|back\s+then|long\s+ago"
            r"|(?:(?<=\bin\s)|(?<=\bover\s)|(?<=\bfor\s)|(?<=\bon\s)|(?<=\bof\s))(?:recent\s+(?:years|months|weeks|days)"
            r"|the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+(?:years|months|weeks|days)|the\s+past"
            r"|the\s+(?:years|months|weeks|days)\s+ahead)"
            r"|(?<=\bover\s)the\s+years)\b",
            re.I,
        ),
        relative.vague,
    ),
]
RULE_ORDER = {rule.name: i for i, rule in enumerate(RULES)}
