"""kit.chronology.rules: one rule at a time — absolute and relative expressions, and what is not a date."""

from datetime import date

import pytest

from kit import chronology

MARCH_28 = date(2018, 3, 28)  # a Wednesday


def resolved(sentence, first=MARCH_28, last=None, previous=None):
    """``{expression: (date_start, date_end, granularity)}`` of one sentence, as ISO strings."""
    rows = chronology.resolve_sentence(sentence, first, last or first, previous)
    return {
        expression: (
            span.first.isoformat() if span.first else None,
            span.last.isoformat() if span.last else None,
            span.granularity,
        )
        for expression, span in ((row.expression, row.span) for row in rows)
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It ended on March 28, 2018.", {"March 28, 2018": ("2018-03-28", "2018-03-28", "day")}),
        ("It ended on 28 March, 2018.", {"28 March, 2018": ("2018-03-28", "2018-03-28", "day")}),
        ("He took over in December 2011.", {"December 2011": ("2011-12-01", "2011-12-31", "month")}),
        ("Xi visited Seoul in 2014.", {"2014": ("2014-01-01", "2014-12-31", "year")}),
        ("It was signed in the 1990s.", {"the 1990s": ("1990-01-01", "1999-12-31", "decade")}),
        ("It happened in the late 1990s.", {"the late 1990s": ("1997-01-01", "1999-12-31", "part_of_decade")}),
        ("The 1950-53 Korean War.", {"1950-53": ("1950-01-01", "1953-12-31", "year")}),
        ("A visit on April 11-13, 2024.", {"April 11-13, 2024": ("2024-04-11", "2024-04-13", "day")}),
        ("Talks run from March 29 to April 2.", {"March 29 to April 2": ("2018-03-29", "2018-04-02", "day")}),
        ("Elections were held in mid-2017.", {"mid-2017": ("2017-05-01", "2017-08-31", "part_of_year")}),
        ("Talks were held in the summer of 2017.", {"summer of 2017": ("2017-06-01", "2017-08-31", "season")}),
        ("The data arrived on 2018-03-02.", {"2018-03-02": ("2018-03-02", "2018-03-02", "day")}),
    ],
)
def test_absolute_dates(sentence, expected):
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trade fell last year.", {"last year": ("2017-01-01", "2017-12-31", "year")}),
        ("Trade may grow next month.", {"next month": ("2018-04-01", "2018-04-30", "month")}),
        ("He visited this week.", {"this week": ("2018-03-26", "2018-04-01", "week")}),
        ("He arrived yesterday.", {"yesterday": ("2018-03-27", "2018-03-27", "day")}),
        ("They met last Sunday.", {"last Sunday": ("2018-03-25", "2018-03-25", "day")}),
        ("They will meet on Friday.", {"Friday": ("2018-03-30", "2018-03-30", "day")}),
        ("They met on Friday.", {"Friday": ("2018-03-23", "2018-03-23", "day")}),
        ("The delegation left on the 26th.", {"the 26th": ("2018-03-26", "2018-03-26", "day")}),
        ("The delegation will leave on the 2nd.", {"the 2nd": ("2018-04-02", "2018-04-02", "day")}),
        ("It was agreed earlier this year.", {"earlier this year": ("2018-01-01", "2018-03-27", "part_of_year")}),
        ("The crisis deepened recently.", {"recently": (None, None, "vague")}),
        ("They met last November.", {"last November": ("2017-11-01", "2017-11-30", "month")}),
        ("The envoy travelled to Pyongyang in November.", {"November": ("2017-11-01", "2017-11-30", "month")}),
        ("A summit is in the works for April.", {"April": ("2018-04-01", "2018-04-30", "month")}),
        ("He said talks will resume in February.", {"February": ("2019-02-01", "2019-02-28", "month")}),
    ],
)
def test_relative_to_publication_and_tense(sentence, expected):
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim visited China for the first time in 6 years and 8 months.",
        "The congress ended its 16-day meeting.",
        "Television broadcast a 30-minute programme.",
        "Kim made a three-day visit.",
        "South Korea is home to 28,500 US troops.",
        "The plan moved 2000 troops to the border.",
        "May the talks succeed.",
        "It may rain, and Kim may visit.",
        "He arrived at 4 p.m. local time.",
        "It is the 21st century.",
        "It costs $2018 per unit.",
    ],
)
def test_not_dates(sentence):
    assert resolved(sentence) == {}


def test_the_previous_year_falls_back_to_publication_and_uses_the_previous_sentence():
    previous = chronology.resolve_sentence("Exports fell in 2015.", MARCH_28, MARCH_28)[0]
    after = resolved("Imports rose the previous year.", previous=previous)
    assert after == {"the previous year": ("2014-01-01", "2014-12-31", "year")}
    assert resolved("Imports rose the previous year.") == {"the previous year": ("2017-01-01", "2017-12-31", "year")}


def test_month_precision_gives_the_widest_honest_span_for_day_expressions():
    april_first, april_last = date(2024, 4, 1), date(2024, 4, 30)
    rows = chronology.resolve_sentence("He arrived yesterday.", april_first, april_last)
    span = rows[0].span
    assert (span.first, span.last) == (date(2024, 3, 31), date(2024, 4, 29))
    assert "publication day unknown: widest span" in span.basis and span.granularity == "month"
    assert resolved("Trade fell last year.", april_first, april_last) == {
        "last year": ("2023-01-01", "2023-12-31", "year")
    }
