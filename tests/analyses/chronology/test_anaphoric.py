"""kit.analyses.chronology.anaphoric: expressions that point back at a date named before — the same period, the
month just named, comparisons with a year ago, "at the same time"."""

from datetime import date

import pytest

from kit.analyses import chronology
from tests.analyses.chronology.test_rules import MARCH_28, resolved

OCTOBER_13_2017 = date(2017, 10, 13)


def previous(sentence, published=MARCH_28):
    """The last dated expression of ``sentence``, as the ``previous`` of the next one."""
    return [row for row in chronology.resolve_sentence(sentence, published, published) if row.span.first][-1]


def test_the_same_period_of_a_year_is_the_period_named_before_in_that_year():
    found = resolved("The deficit in the first nine months tripled from the same period of 2016.", OCTOBER_13_2017)
    assert found == {
        "the first nine months": ("2017-01-01", "2017-09-30", "part_of_year"),
        "the same period of 2016": ("2016-01-01", "2016-09-30", "part_of_year"),
    }
    assert resolved("Exports in March rose from the same month last year.") == {
        "March": ("2018-03-01", "2018-03-31", "month"),
        "the same month last year": ("2017-03-01", "2017-03-31", "month"),
    }
    # A day named before: "the same month a year earlier" is that day's month, a year back.
    assert resolved("Trade on March 5 beat the same month a year earlier.") == {
        "March 5": ("2018-03-05", "2018-03-05", "day"),
        "the same month a year earlier": ("2017-03-01", "2017-03-31", "month"),
    }


def test_the_same_period_with_no_period_named_before_leaves_the_year_alone():
    assert resolved("Exports rose from the same period of 2016.") == {"2016": ("2016-01-01", "2016-12-31", "year")}
    assert resolved("Exports rose from the same period last year.") == {
        "last year": ("2017-01-01", "2017-12-31", "year")
    }


def test_a_comparison_with_a_year_ago_moves_the_period_just_named_back_a_year():
    september = previous("China's trade with North Korea slumped in September.", OCTOBER_13_2017)
    found = resolved("Exports in the month fell 6.7 per cent from a year ago.", OCTOBER_13_2017, previous=september)
    assert found == {
        "the month": ("2017-09-01", "2017-09-30", "month"),
        "a year ago": ("2016-09-01", "2016-09-30", "month"),
    }
    assert resolved("Imports in February were higher than a year earlier.") == {
        "February": ("2018-02-01", "2018-02-28", "month"),
        "a year earlier": ("2017-02-01", "2017-02-28", "month"),
    }
    # 29 February a year back is the 28th; a month back from 31 March, the last day of February.
    assert resolved("Sales on February 29, 2016 were up from a year earlier.")["a year earlier"][0] == "2015-02-28"
    assert resolved("Prices on March 31 rose from a month ago.")["a month ago"] == ("2018-02-28", "2018-02-28", "day")


def test_without_a_comparison_or_a_finer_period_a_year_ago_is_the_year_before_publication():
    assert resolved("Exports in September fell, as they did a year ago.", OCTOBER_13_2017)["a year ago"] == (
        "2016-01-01",
        "2016-12-31",
        "year",
    )
    assert resolved("Trade in 2017 fell from a year earlier.")["a year earlier"] == ("2016-01-01", "2016-12-31", "year")
    assert resolved("Exports fell 6.7 per cent from a year ago.")["a year ago"] == ("2017-01-01", "2017-12-31", "year")


def test_the_month_named_before():
    september = previous("Trade slumped in September.", OCTOBER_13_2017)
    assert resolved("Exports in the month fell.", OCTOBER_13_2017, previous=september) == {
        "the month": ("2017-09-01", "2017-09-30", "month")
    }
    y2019 = previous("Exports hit a record in 2019.")
    assert resolved("During the year, imports fell.", previous=y2019) == {
        "the year": ("2019-01-01", "2019-12-31", "year")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports in the month fell.",  # no month named before
        "In the month since the summit, trade fell.",
        "It was the coldest day in the year of the floods.",
        "Officials met for the month-long drill.",
    ],
)
def test_the_month_is_no_date_without_a_month_named_before_or_as_a_duration(sentence):
    assert resolved(sentence, previous=previous("Kim visited on March 5.")) == {}


def test_at_the_same_time_in_a_past_clause_is_anchored_on_the_event_before_it():
    assert resolved("Others were sent back at the same time across the border.") == {
        "at the same time": (None, None, "anchored")
    }
    for not_a_date in (
        "At the same time, Seoul suspended drills.",
        "Seoul, at the same time, suspended drills.",
        "He was at the same time a minister and a general.",
        "China wants talks and at the same time presses Pyongyang.",
    ):
        assert resolved(not_a_date) == {}, not_a_date


def test_a_month_of_the_year_named_before():
    assert resolved("Kim visited in May 2010 and in August of that year.") == {
        "May 2010": ("2010-05-01", "2010-05-31", "month"),
        "August of that year": ("2010-08-01", "2010-08-31", "month"),
    }
    assert resolved("The war began in 1950 and talks opened in July the following year.") == {
        "1950": ("1950-01-01", "1950-12-31", "year"),
        "July the following year": ("1951-07-01", "1951-07-31", "month"),
    }
    # With no year named before, "August" and "that year" are read alone.
    assert resolved("He returned in August of that year.") == {
        "August": ("2017-08-01", "2017-08-31", "month"),
        "that year": ("2017-01-01", "2017-12-31", "year"),
    }


def test_a_year_earlier_after_a_finer_date_is_that_date_a_year_before():
    ceremony = previous("On Oct. 25, Kim visited the cemetery.", date(2025, 11, 6))
    assert resolved("A year earlier, he laid flowers.", date(2025, 11, 6), previous=ceremony) == {
        "A year earlier": ("2024-10-25", "2024-10-25", "day")
    }
    march = previous("Kim visited in March.")
    assert resolved("Two months later, he returned.", previous=march) == {
        "Two months later": ("2018-05-01", "2018-05-31", "month")
    }
    # "The previous year" is the whole year before, whatever was named.
    assert resolved("The previous year, he stayed home.", previous=ceremony) == {
        "The previous year": ("2024-01-01", "2024-12-31", "year")
    }


# ---------------------------------------------------------------- what the second development corpus taught
# Real sentences, shortened, from the development half of ../shared/devcorpus2.


def test_since_then_runs_from_the_date_named_before_to_publication():
    friday = previous("Yang was put under house arrest last Friday.", date(2002, 10, 11))
    rows = chronology.resolve_sentence(
        "Since then, the two countries reportedly have engaged in a frenzy of activity.",
        date(2002, 10, 11),
        date(2002, 10, 11),
        friday,
    )
    assert [(r.expression, r.span.first.isoformat(), r.span.last.isoformat()) for r in rows] == [
        ("Since then", "2002-10-04", "2002-10-11")
    ]
    # With no date named before, it is anchored on the event told before it.
    assert resolved("Since then, ties have grown.") == {"Since then": (None, None, "anchored")}


def test_at_that_time_is_the_date_named_before():
    assert resolved(
        "When North Korea launched an ICBM in 2017, the U.N. passed a resolution. At that time, China agreed."
    ) == {"2017": ("2017-01-01", "2017-12-31", "year"), "At that time": ("2017-01-01", "2017-12-31", "year")}


def test_nightfall_and_earlier_on_the_day_are_the_day_named_before():
    assert resolved(
        "He crossed into China on Dec. 27. By nightfall, police had tracked him down.", date(2015, 1, 6)
    ) == {
        "Dec. 27": ("2014-12-27", "2014-12-27", "day"),
        "By nightfall": ("2014-12-27", "2014-12-27", "day"),
    }
    monday = previous("Xi sent Kim congratulations on Monday.", date(2026, 2, 23))
    rows = chronology.resolve_sentence(
        "Earlier on the day, KCNA reported Kim's re-election.", date(2026, 2, 23), date(2026, 2, 23), monday
    )
    assert [(r.expression, r.span.first.isoformat()) for r in rows] == [("Earlier on the day", "2026-02-23")]
    # "At dawn" with no day named before is not read as a date.
    assert resolved("Troops moved at dawn.") == {}
    # "At dawn on Monday" is Monday's.
    assert resolved("Troops moved on Sunday and attacked at dawn on Monday.") == {
        "Sunday": ("2018-03-25", "2018-03-25", "day"),
        "Monday": ("2018-03-26", "2018-03-26", "day"),
    }
