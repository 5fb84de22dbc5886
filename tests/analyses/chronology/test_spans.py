"""kit.analyses.chronology.spans: spans of days and the arithmetic the rules share."""

from dataclasses import replace
from datetime import date

from kit.analyses.chronology import spans
from kit.analyses.chronology.spans import Anchor, Span

MARCH_28 = date(2018, 3, 28)


def test_rolling_spans_end_on_publication_and_keep_the_day_of_the_month():
    assert spans.rolling_span(MARCH_28, 2, "year", "") == Span(date(2016, 3, 28), MARCH_28, "year", "")
    assert spans.rolling_span(MARCH_28, 1, "week", "").first == date(2018, 3, 21)
    # 29 February a year back falls on the 28th.
    assert spans.rolling_span(date(2020, 2, 29), 1, "year", "").first == date(2019, 2, 28)


def test_the_end_of_a_year_is_its_last_month_and_the_end_of_a_month_its_last_ten_days():
    year = spans.year_span(2014, "explicit year")
    assert (spans.part_of(year, "the end of").first, spans.part_of(year, "the end of").last) == (
        date(2014, 12, 1),
        date(2014, 12, 31),
    )
    assert spans.part_of(year, "late").first == date(2014, 9, 1)
    april = spans.month_span(2018, 4, "")
    assert spans.part_of(april, "the end of").first == date(2018, 4, 21)


def test_a_day_close_to_publication_wins_over_the_tense():
    anchor = Anchor(MARCH_28, MARCH_28, tense="past")
    candidates = [spans.day_span(date(year, 4, 2), "") for year in (2017, 2018, 2019)]
    assert spans.nearest_day(candidates, anchor, "April 2").first == date(2018, 4, 2)
    # Further away, the tense decides: a past "September 3" is last year's.
    september = [spans.day_span(date(year, 9, 3), "") for year in (2017, 2018, 2019)]
    assert spans.nearest_day(september, anchor, "September 3").first == date(2017, 9, 3)


def test_only_real_calendar_spans_are_candidates():
    leap_days = spans.possible(lambda year: spans.day_span(date(year, 2, 29), ""), (2015, 2016, 2017))
    assert [span.first for span in leap_days] == [date(2016, 2, 29)]
    assert spans.possible(lambda year: spans.year_span(year, ""), (9998, 9999, 10000))[-1].first.year == 9999


def test_shifted_spans_keep_their_days_and_granularity():
    nine_months = Span(date(2017, 1, 1), date(2017, 9, 30), "part_of_year", "")
    assert spans.shifted(nine_months, years=-1, basis="b") == Span(
        date(2016, 1, 1), date(2016, 9, 30), "part_of_year", "b"
    )
    # A whole February stays whole; 29 February falls back on the 28th; the 31st a month back on February's end.
    february = spans.month_span(2016, 2, "")
    assert (spans.shifted(february, years=-1, basis="").first, spans.shifted(february, years=-1, basis="").last) == (
        date(2015, 2, 1),
        date(2015, 2, 28),
    )
    assert spans.shifted(spans.day_span(date(2016, 2, 29), ""), years=1, basis="").first == date(2017, 2, 28)
    assert spans.shifted(spans.day_span(date(2018, 3, 31), ""), months=-1, basis="").last == date(2018, 2, 28)


def test_a_day_without_its_year_after_a_date_years_back_is_near_that_date():
    died = spans.day_span(date(2011, 12, 17), "explicit date")
    anchor = Anchor(
        MARCH_28, MARCH_28, tense="past", previous=died, previous_text="Dec. 17, 2011", previous_in_sentence=True
    )
    buried = spans.nearest_named_before(lambda year: spans.day_span(date(year, 12, 28), ""), anchor, "Dec. 28")
    assert buried.first == date(2011, 12, 28) and "'Dec. 17, 2011', named before it" in buried.basis
    # Named in an earlier sentence, or within a year of publication: the usual nearest occurrence decides.
    for other in (
        replace(anchor, previous_in_sentence=False),
        replace(anchor, previous=spans.day_span(date(2017, 5, 2), "")),
    ):
        assert spans.nearest_named_before(lambda year: spans.day_span(date(year, 12, 28), ""), other, "Dec. 28") is None
