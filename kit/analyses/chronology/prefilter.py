"""Which date rules can match a sentence: words every match of a rule contains, looked for before the rule runs.

Running all :data:`~kit.analyses.chronology.rules.RULES` on every sentence was most of the chronology's time, though
most sentences hold no date at all. Each rule here lists words (small case-insensitive patterns) that every
one of its matches contains; a sentence that lacks one of them cannot match the rule, so the rule is skipped.
This changes no result: a rule is skipped only where it would have found nothing.

Why each list holds: the needs are read off the rule's pattern, alternative by alternative. They are looked
for in the sentence folded to lower case (:func:`casefolded`), even where the rule is case-sensitive, so they match
wherever the rule does. A rule without an entry always runs.
``tests/analyses/chronology/test_prefilter.py`` checks every rule's needs on the test sentences and the corpora.
"""

from __future__ import annotations

import re

from kit.analyses.chronology import holidays
from kit.analyses.chronology.rules import RULES, Rule

# The letters other than A–Z that a rule's case-insensitive part takes for an ASCII letter (Python's ``re.I``
# matches "ſ" for "s", "K" (Kelvin) for "k", "İ" and "ı" for "i"); str.lower() alone leaves three of them apart.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def casefolded(sentence: str) -> str:
    """``sentence`` in lower case, with every letter ``re.I`` matches to an ASCII letter made that letter."""
    return sentence.translate(_ASCII_FOLD).lower()


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Every year, day of the month and numeric date has an ASCII digit, which \d matches.
DIGIT = re.compile(r"\d")
# Every month name and abbreviation starts with one of these ("Sept." with "sep", "May" with "may").
MONTH_WORD = _words(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
WEEKDAY_WORD = _words(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")
YEAR_WORD = _words(r"year")


NEEDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "iso_date": (DIGIT,),
    "month_day_year": (DIGIT, MONTH_WORD),
    "month_day_range": (DIGIT, MONTH_WORD),
    "day_month_range": (DIGIT, MONTH_WORD),
    "month_day_relative_year": (DIGIT, MONTH_WORD, YEAR_WORD),
    "weekday_and_day": (DIGIT, MONTH_WORD, WEEKDAY_WORD),
    "month_day": (DIGIT, MONTH_WORD),
    "month_range": (MONTH_WORD,),
    "month_year": (DIGIT, MONTH_WORD),
    "year_range": (DIGIT,),
    "decade": (DIGIT,),
    "short_decade": (_words(r"0s|ties"),),
    "century": (_words(r"century"),),
    "year": (DIGIT,),
    "season": (_words(r"spring|summer|autumn|fall|winter"),),
    "relative_unit": (_words(r"year|month|week"),),
    # "yesterday", "today" hold "day"; "tonight", "last night" hold "night".
    "today_relative": (_words(r"day|night|tomorrow|morning|afternoon|evening"),),
    "previous_unit": (_words(r"year|month|week|day|hour"),),
    "same_as_previous": (
        _words(r"same|that|at\s+the"),
        _words(r"day|night|morning|afternoon|evening|week|month|year|time"),
    ),
    "same_period": (_words(r"same"),),
    "unit_named_before": (_words(r"month|year"),),
    # "earl" starts "early" and "earlier", "late" "later".
    "part_of_the_unit": (_words(r"earl|late|end|beginning|start|middle|half"), _words(r"year|month|day|week")),
    "since_then": (_words(r"since"),),
    "part_of_day_named_before": (_words(r"nightfall|dusk|dawn|daybreak|sunset|sunrise"),),
    "before_the_end": (_words(r"before"), _words(r"end")),
    "year_end": (_words(r"year[-\s]end"),),
    "months_to": (MONTH_WORD, _words(r"year|months")),
    "months_of_the_year": (_words(r"quarter|months"),),
    "quarter_code": (_words(r"q[1-4]|h[12]"),),
    "past_units": (_words(r"past|last"),),
    "coming_units": (_words(r"next|coming"),),
    "units_ago": (_words(r"ago"),),
    "units_from_now": (_words(r"time|last|next"),),
    "month_relative_year": (MONTH_WORD, YEAR_WORD),
    "month_of_year_named_before": (MONTH_WORD, YEAR_WORD),
    # The longest word of each holiday's name, and "anniversary" or "birthday" (see Calendar.need).
    "holiday": (holidays.default_calendar().need,),
    # Every match ends on the noun of a stay.
    "day_of_visit": (_words(r"visit|trip|tour|stay|journey|mission"),),
    # The word that anchors the expression on its event: "days after", "the eve of", "the run-up to".
    "anchored_on_event": (
        _words(
            r"after|before|following|prior|ahead|preceding|leading|eve\s+of|run[\s-]up"
            r"|the\s+(?:day|night|morning|evening|afternoon|week)\s+of"
        ),
    ),
    "weekend": (_words(r"weekend"),),
    "weekday_range": (WEEKDAY_WORD,),
    "weekday": (WEEKDAY_WORD,),
    "day_ordinal": (DIGIT,),
    "month": (MONTH_WORD,),
    # "these days", "nowadays" hold "days"; "at present", "presently" hold "present"; "over the years" "years".
    "vague": (
        _words(
            r"recent|lately|soon|days|currently|present|previously|formerly|now|moment|time|future|coming|past|years"
            r"|meantime|then|ago|ahead"
        ),
    ),
}


# Each distinct need once (rules share them), and each rule's needs as a bit mask over that list, so that a
# sentence is searched once per need and a rule tested with one "&".
_DISTINCT_NEEDS = list(dict.fromkeys(need for needs in NEEDS.values() for need in needs))
_RULE_MASKS = [
    (rule, sum(1 << _DISTINCT_NEEDS.index(need) for need in set(NEEDS.get(rule.name, ())))) for rule in RULES
]


def possible_rules(sentence: str) -> list[Rule]:
    """The rules that can match somewhere in ``sentence`` (in :data:`RULES` order): those whose needs it holds."""
    lower = casefolded(sentence)
    present = sum(1 << i for i, need in enumerate(_DISTINCT_NEEDS) if need.search(lower))
    return [rule for rule, mask in _RULE_MASKS if mask & present == mask]
