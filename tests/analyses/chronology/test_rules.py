"""kit.analyses.chronology.rules: one rule at a time — absolute and relative expressions, and what is not a date."""

from datetime import date

import pytest

from kit.analyses import chronology

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
        "It is the 21st largest city.",  # not day 21 (a century is a date: "the 21st century", 2001–2100)
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


# ---------------------------------------------------------------- English news beyond the seeds (issue #11)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kim visited Beijing in May last year.", {"May last year": ("2017-05-01", "2017-05-31", "month")}),
        ("Talks resume in March next year.", {"March next year": ("2019-03-01", "2019-03-31", "month")}),
        ("Last November, China banned tours.", {"Last November": ("2017-11-01", "2017-11-30", "month")}),
        ("They met over the weekend.", {"the weekend": ("2018-03-24", "2018-03-25", "week")}),
        ("Talks are set for this weekend.", {"this weekend": ("2018-03-31", "2018-04-01", "week")}),
        ("He left a day after Christmas.", {"Christmas": ("2017-12-25", "2017-12-25", "day")}),
        ("The envoy arrived last night.", {"last night": ("2018-03-27", "2018-03-27", "day")}),
        ("He spoke this morning.", {"this morning": ("2018-03-28", "2018-03-28", "day")}),
        ("The two sides meet tonight.", {"tonight": ("2018-03-28", "2018-03-28", "day")}),
        ("He left late Tuesday night.", {"late Tuesday night": ("2018-03-27", "2018-03-27", "day")}),
        ("Sealed two years ago, the border reopened.", {"two years ago": ("2016-01-01", "2016-12-31", "year")}),
        ("Ties have grown over the past 70 years.", {"the past 70 years": ("1948-03-28", "2018-03-28", "decade")}),
        ("Trade fell over the past two weeks.", {"the past two weeks": ("2018-03-14", "2018-03-28", "month")}),
        ("Kim has met Putin over the past year.", {"the past year": ("2017-03-28", "2018-03-28", "year")}),
        ("They met on Christmas Day 2017.", {"Christmas Day 2017": ("2017-12-25", "2017-12-25", "day")}),
        ("The talks were held on New Year's Day.", {"New Year's Day": ("2018-01-01", "2018-01-01", "day")}),
        ("A deal is due by Christmas.", {"Christmas": ("2018-12-25", "2018-12-25", "day")}),
        (
            "Exports rose in the first nine months.",
            {"the first nine months": ("2018-01-01", "2018-09-30", "part_of_year")},
        ),
        ("Exports fell in the fourth quarter.", {"the fourth quarter": ("2017-10-01", "2017-12-31", "part_of_year")}),
        (
            "Growth slowed in the third quarter of 2016.",
            {"the third quarter of 2016": ("2016-07-01", "2016-09-30", "part_of_year")},
        ),
        ("Trade rose early in the year.", {"early in the year": ("2018-01-01", "2018-04-30", "part_of_year")}),
        (
            "They agreed on a deal by the end of the year.",
            {"the end of the year": ("2018-12-01", "2018-12-31", "part_of_year")},
        ),
        (
            "Exports hit a record in 2019, before a poor harvest early in the year.",
            {
                "2019": ("2019-01-01", "2019-12-31", "year"),
                "early in the year": ("2019-01-01", "2019-04-30", "part_of_year"),
            },
        ),
        (
            "Two days later, he left.",
            {"Two days later": (None, None, "anchored")},
        ),
    ],
)
def test_news_expressions_beyond_the_seeds(sentence, expected):
    assert resolved(sentence) == expected


def test_n_days_later_counts_from_the_day_named_before():
    monday = chronology.resolve_sentence("Kim arrived on Monday.", MARCH_28, MARCH_28)[0]
    assert resolved("Two days later, he left.", previous=monday) == {
        "Two days later": ("2018-03-28", "2018-03-28", "day")
    }
    assert resolved("It rained the same day.", previous=monday) == {"the same day": ("2018-03-26", "2018-03-26", "day")}
    assert resolved("Hours earlier, he spoke.", previous=monday) == {
        "Hours earlier": ("2018-03-26", "2018-03-26", "day")
    }
    assert resolved("Days later, he spoke.", previous=monday) == {"Days later": (None, None, "anchored")}


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("The rejection came a day after Pyongyang's test of a missile.", "a day after Pyongyang's test of a missile"),
        ("Kim left the day after the summit.", "the day after the summit"),
        (
            "It came a week before Xi and U.S. President Donald Trump meet in Osaka.",
            "a week before Xi and U.S. President Donald Trump meet in Osaka",
        ),
        ("They were sent back shortly after the Asian Games, sources said.", "shortly after the Asian Games"),
        ("Pyongyang staged tests in the run up to the meeting.", "the run up to the meeting"),
        ("Days following the celebration, Wen arrived.", "Days following the celebration"),
        ("Days after the 60th anniversary of ties, Wen arrived.", "Days after the 60th anniversary of ties"),
    ],
)
def test_expressions_anchored_on_an_event_are_rows_without_a_span(sentence, expression):
    rows = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)
    anchored = [row for row in rows if row.span.granularity == "anchored"]
    assert [row.expression for row in anchored] == [expression]
    assert anchored[0].span.first is None and anchored[0].span.basis.startswith("anchored: on ")


def test_an_event_phrase_stops_before_a_date_it_does_not_swallow():
    found = resolved("He left the day after the summit on the 3rd.")
    assert found == {
        "the day after the summit": (None, None, "anchored"),
        "the 3rd": ("2018-03-03", "2018-03-03", "day"),
    }


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("North Korea now has missiles.", "now"),
        ("Defectors are currently detained.", "currently"),
        ("At the moment, talks are stalled.", "At the moment"),
        ("China previously proposed a dual track.", "previously"),
        ("As in the past, the leadership purged rivals.", "the past"),
        ("Just a few days ago, the DPRK froze assets.", "a few days ago"),
        ("Trade has grown in recent weeks.", "recent weeks"),
    ],
)
def test_vague_expressions(sentence, expression):
    assert resolved(sentence) == {expression: (None, None, "vague")}


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("The Labor Day holiday season begins.", "Labor Day"),
        ("Families celebrated Victory Day.", "Victory Day"),
        ("Families gather for the Lunar New Year.", "Lunar New Year"),
    ],
)
def test_holidays_of_a_country_the_article_does_not_name_are_anchored_rows(sentence, expression):
    # Whose holiday it is, and so its day, is not guessed (see tests/analyses/chronology/test_holidays.py).
    rows = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)
    assert [(row.expression, row.span.granularity, row.span.first) for row in rows] == [(expression, "anchored", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "At the same time, Seoul suspended drills.",
        "The May Day Stadium was full.",
        "It was the sixth such meeting.",
    ],
)
def test_more_not_dates(sentence):
    assert resolved(sentence) == {}


# ---------------------------------------------------------------- calendar edges (issue #16)


@pytest.mark.parametrize("published", [date(9999, 12, 31), date(1, 1, 1)])
@pytest.mark.parametrize(
    "sentence",
    [
        "He left yesterday.",
        "It ends next year.",
        "They met in November.",
        "He comes tomorrow.",
        "On the 3rd.",
        "In March last year.",
    ],
)
def test_publication_at_the_calendar_edges_never_raises(sentence, published):
    # A span outside years 1-9999 gives no row (never a clamped one); the others resolve as usual.
    for row in chronology.resolve_sentence(sentence, published, published):
        assert row.span.first is None or date.min <= row.span.first <= row.span.last <= date.max


def test_days_that_do_not_exist_are_not_dates():
    assert resolved("It was signed on February 30, 2018.") == {"2018": ("2018-01-01", "2018-12-31", "year")}
    # 29 February without a year is the nearest leap day the tense allows, never a crash.
    assert resolved("He arrived on February 29.", first=date(2017, 3, 1)) == {
        "February 29": ("2016-02-29", "2016-02-29", "day")
    }
    assert resolved("He left yesterday.", first=date(1, 1, 1)) == {}
    assert resolved("He comes tomorrow.", first=date(9999, 12, 31)) == {}


# ---------------------------------------------------------------- issue #11: more of English news


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kim arrived earlier Tuesday.", {"earlier Tuesday": ("2018-03-27", "2018-03-27", "day")}),
        (
            "It was carried out on the 9th of this month.",
            {"the 9th of this month": ("2018-03-09", "2018-03-09", "day")},
        ),
        ("It opens on the 2nd of next month.", {"the 2nd of next month": ("2018-04-02", "2018-04-02", "day")}),
        # No 30 February: no row for the day rather than a clamped one; "last month" alone remains.
        ("It opened on the 30th of last month.", {"last month": ("2018-02-01", "2018-02-28", "month")}),
        ("The ban was lifted earlier last week.", {"earlier last week": ("2018-03-19", "2018-03-25", "week")}),
    ],
)
def test_weekdays_and_days_of_a_named_month(sentence, expected):
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "day"),
    [
        (
            "Defectors were sent back on Sept. 18, just before the Asian Games.",
            "just before the Asian Games",
            "2017-09-18",
        ),
        (
            "Kim arrived in Beijing Tuesday for a two-day visit, one week after his summit with Trump.",
            "one week after his summit with Trump",
            "2018-03-27",
        ),
        ("On Monday, the day after the summit, he left.", "the day after the summit", "2018-03-26"),
    ],
)
def test_an_anchored_expression_set_off_beside_a_day_of_its_clause_is_that_day(sentence, expression, day):
    rows = {row.expression: row.span for row in chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)}
    span = rows[expression]
    assert (span.first.isoformat(), span.last.isoformat(), span.granularity) == (day, day, "day")
    assert "which it qualifies (anchored on" in span.basis


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim arrived on Monday, and a day after the summit the ministry spoke.",  # not set off by a comma
        "Kim arrived on Monday, met Xi, a day after the summit.",  # another verb between: another event
        "A day after the summit, Kim arrived on Monday.",  # the day comes after it
    ],
)
def test_an_anchored_expression_not_beside_a_day_stays_without_a_span(sentence):
    rows = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)
    assert [row.span.first for row in rows if row.span.basis.startswith("anchored")] == [None]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # March 28, 2018 is a Wednesday. A timetable in the simple present is the coming day…
        ("Chinese President Xi Jinping departs for Pyongyang on Monday.", ("2018-04-02", "2018-04-02")),
        ("The talks begin on Friday.", ("2018-03-30", "2018-03-30")),
        # …a future seen from the past the nearest one, here already past…
        ("The talks on Monday and Tuesday would focus on trade.", ("2018-03-26", "2018-03-27")),
        ("The pair have instead scheduled on Monday a second round of talks, diplomats said.", ("2018-03-26",) * 2),
        ("The meeting was scheduled for Thursday.", ("2018-03-29", "2018-03-29")),
        # …and a past-tense story's days are those before publication.
        ("Kim held talks with Xi on Monday and Tuesday.", ("2018-03-26", "2018-03-27")),
        ("The delegation left on Monday.", ("2018-03-26", "2018-03-26")),
    ],
)
def test_a_weekday_follows_the_tense_that_dates_it(sentence, expected):
    rows = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)
    assert [(row.span.first.isoformat(), row.span.last.isoformat()) for row in rows] == [expected]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Real sentences, shortened, from the development half of ../shared/devcorpus2.
        (
            "On the morning of Dec. 27, a North Korean soldier crossed into China.",
            date(2015, 1, 6),
            {"the morning of Dec. 27": ("2014-12-27", "2014-12-27", "day")},
        ),
        (
            "Talks are to be held in Beijing before year end.",
            date(2003, 10, 30),
            {"before year end": ("2003-10-30", "2003-12-31", "season")},
        ),
        (
            "Seoul is trying to hold preparatory talks before the end of June.",
            date(2004, 4, 19),
            {"before the end of June": ("2004-04-19", "2004-06-30", "season")},
        ),
        (
            "Zhou arrived in Pyongyang late last week.",
            date(2010, 10, 12),
            {"late last week": ("2010-10-07", "2010-10-10", "week")},
        ),
        (
            "Despite 10 UNSC sessions convened so far this year, the U.N. failed to act.",
            date(2022, 11, 24),
            {"so far this year": ("2022-01-01", "2022-11-24", "year")},
        ),
        (
            "Echoing its criticism of the April launch, Russia warned North Korea.",
            date(2012, 12, 4),
            {"April": ("2012-04-01", "2012-04-30", "month")},
        ),
        (
            "In the new century, the Chinese people will consolidate this friendship.",
            date(2000, 10, 26),
            {"the new century": ("2001-01-01", "2100-12-31", "century")},
        ),
        ("It is a 21st century problem.", date(2019, 5, 1), {"21st century": ("2001-01-01", "2100-12-31", "century")}),
        (
            "It is a 21st-century problem.",
            date(2019, 5, 1),
            {"21st-century": ("2001-01-01", "2100-12-31", "century")},
        ),
        (
            "The deal will be signed before the end of this year.",
            date(2018, 3, 28),
            {"before the end of this year": ("2018-03-28", "2018-12-31", "year")},
        ),
        (
            "The launch was to take place at between 1600 and 2100 GMT.",
            date(2012, 12, 4),
            {},
        ),
        (
            "The visits were not announced until after he returned home.",
            date(2001, 1, 18),
            {"until after he returned home": (None, None, "anchored")},
        ),
        (
            "Therefore, April is widely seen as a high-risk period for new nuclear tests.",
            date(2017, 4, 12),
            {"April": ("2017-04-01", "2017-04-30", "month")},
        ),
        (
            "A test, if conducted at this time, will be a slap in the face.",
            date(2017, 4, 12),
            {"at this time": (None, None, "vague")},
        ),
        (
            "Choe serves Kim, who has been in power for just over a year after succeeding his father.",
            date(2013, 5, 22),
            {},
        ),
        (
            "The Council has strengthened sanctions over the years.",
            date(2019, 12, 31),
            {"the years": (None, None, "vague")},
        ),
    ],
)
def test_kinds_the_second_development_corpus_taught(sentence, published, expected):
    assert resolved(sentence, published) == expected


def test_before_the_end_in_the_past_a_month_before_a_noun_and_may_as_a_subject():
    # In the past, "before the end of June" is read as "the end of June" alone.
    assert resolved("The talks were held before the end of June.") == {
        "the end of June": ("2017-06-21", "2017-06-30", "part_of_month")
    }
    assert resolved("The May talks broke down.") == {"May": ("2017-05-01", "2017-05-31", "month")}
    assert resolved("May is the prime minister.") == {}  # "May" opening a clause is no month


def test_today_in_a_quotation_is_the_day_the_article_reports_on():
    monday = date(2018, 3, 26)
    quoted = '"The resolution adopted by the council today shows unity," said Liu.'
    assert resolved_on(quoted, reported=monday) == {"today": ("2018-03-26", "2018-03-26", "day")}
    assert resolved_on("“We met yesterday,” he said.", reported=monday) == {
        "yesterday": ("2018-03-25", "2018-03-25", "day")
    }
    # Outside the quotation, or with no day reported on, "today" is the publication day.
    assert resolved_on('The council voted today, saying "it is unity".', reported=monday) == {
        "today": ("2018-03-28", "2018-03-28", "day")
    }
    assert resolved_on(quoted, reported=None) == {"today": ("2018-03-28", "2018-03-28", "day")}


def resolved_on(sentence, *, reported):
    rows = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28, reported=reported)
    return {
        row.expression: (row.span.first.isoformat(), row.span.last.isoformat(), row.span.granularity) for row in rows
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The summit will take place this Friday.", {"this Friday": ("2018-03-30", "2018-03-30", "day")}),
        ("He met Xi this Monday.", {"this Monday": ("2018-03-26", "2018-03-26", "day")}),
        ("The meeting this Friday is key.", {"this Friday": ("2018-03-30", "2018-03-30", "day")}),
        ("The talks will be held on Monday.", {"Monday": ("2018-04-02", "2018-04-02", "day")}),
        (
            "Trade in January and February fell.",
            {"January": ("2018-01-01", "2018-01-31", "month"), "February": ("2018-02-01", "2018-02-28", "month")},
        ),
        ("Trade rose in the January-March period.", {"January-March": ("2018-01-01", "2018-03-31", "part_of_year")}),
        ("Trade rose in April–June 2017.", {"April–June 2017": ("2017-04-01", "2017-06-30", "part_of_year")}),
        ("Tests rose between 2013 and 2016.", {"2013 and 2016": ("2013-01-01", "2016-12-31", "year")}),
        ("Kim took power late last year.", {"late last year": ("2017-09-01", "2017-12-31", "part_of_year")}),
        ("A summit is planned for early next year.", {"early next year": ("2019-01-01", "2019-04-30", "part_of_year")}),
        (
            "Sales fell in the second half of last year.",
            {"the second half of last year": ("2017-07-01", "2017-12-31", "part_of_year")},
        ),
        (
            "Trade rose in the first quarter of this year.",
            {"the first quarter of this year": ("2018-01-01", "2018-03-31", "part_of_year")},
        ),
        (
            "He died on Dec. 17, 2011, and was buried on Dec. 28.",
            {"Dec. 17, 2011": ("2011-12-17", "2011-12-17", "day"), "Dec. 28": ("2011-12-28", "2011-12-28", "day")},
        ),
        (
            "Kim visited China in May 2010 and again in August.",
            {"May 2010": ("2010-05-01", "2010-05-31", "month"), "August": ("2010-08-01", "2010-08-31", "month")},
        ),
        # Near publication, the nearest occurrence the tense allows still decides.
        (
            "Kim visited China in March 2018 and again in May.",
            {"March 2018": ("2018-03-01", "2018-03-31", "month"), "May": ("2017-05-01", "2017-05-31", "month")},
        ),
    ],
)
def test_weekdays_of_this_week_listed_months_ranges_parts_and_years_named_before(sentence, expected):
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The day before yesterday, he left.", {"The day before yesterday": ("2018-03-26", "2018-03-26", "day")}),
        ("The meeting took place this past weekend.", {"this past weekend": ("2018-03-24", "2018-03-25", "week")}),
        ("He spoke this past Sunday.", {"this past Sunday": ("2018-03-25", "2018-03-25", "day")}),
        ("Trade grew from 2017 through 2019.", {"2017 through 2019": ("2017-01-01", "2019-12-31", "year")}),
        ("Tensions rose in the spring of 2017.", {"spring of 2017": ("2017-03-01", "2017-05-31", "season")}),
        ("He will visit during the summer.", {"summer": ("2018-06-01", "2018-08-31", "season")}),
        ("He will visit within the next two weeks.", {"the next two weeks": ("2018-03-29", "2018-04-11", "month")}),
        (
            "Talks may resume in the next three months.",
            {"the next three months": ("2018-03-29", "2018-06-28", "season")},
        ),
        ("Earlier in the day, Kim toured a factory.", {"Earlier in the day": ("2018-03-28", "2018-03-28", "day")}),
    ],
)
def test_more_relative_expressions(sentence, expected):
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["He attended the Closing Ceremony of the Winter Olympics.", "At the end of the day, talks matter."],
)
def test_names_and_idioms_are_not_dates(sentence):
    assert resolved(sentence) == {}


def test_days_told_after_a_day_named_before():
    monday = chronology.resolve_sentence("Kim arrived on Monday.", MARCH_28, MARCH_28)[0]
    assert resolved("The day before, he had met Moon.", previous=monday) == {
        "The day before": ("2018-03-25", "2018-03-25", "day")
    }
    assert resolved("The day after, he left.", previous=monday) == {
        "The day after": ("2018-03-27", "2018-03-27", "day")
    }
    assert resolved("That night, fireworks lit the sky.", previous=monday) == {
        "That night": ("2018-03-26", "2018-03-26", "day")
    }
    assert resolved("Later in the day, Xi hosted a banquet.", previous=monday) == {
        "Later in the day": ("2018-03-26", "2018-03-26", "day")
    }


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [("Xi arrived on Friday (Mar 23).", "Friday (Mar 23)"), ("Xi arrived on March 23 (Friday).", "March 23 (Friday)")],
)
def test_a_weekday_with_its_date_in_brackets_is_one_expression(sentence, expression):
    assert resolved(sentence) == {expression: ("2018-03-23", "2018-03-23", "day")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kim visited in the first week of March.",
            {"the first week of March": ("2018-03-01", "2018-03-07", "part_of_month")},
        ),
        (
            "Talks are planned for the last week of April 2018.",
            {"the last week of April 2018": ("2018-04-24", "2018-04-30", "part_of_month")},
        ),
        ("The next week, talks resume.", {"The next week": ("2018-04-02", "2018-04-08", "week")}),
    ],
)
def test_weeks_of_a_month_and_the_next_week(sentence, expected):
    assert resolved(sentence) == expected


def test_the_following_week_is_the_week_after_the_day_named_before():
    monday = chronology.resolve_sentence("Kim arrived on Monday.", MARCH_28, MARCH_28)[0]
    assert resolved("The following week, Xi arrived.", previous=monday) == {
        "The following week": ("2018-04-02", "2018-04-08", "week")
    }
    assert resolved("Xi had come the previous week.", previous=monday) == {
        "the previous week": ("2018-03-19", "2018-03-25", "week")
    }
