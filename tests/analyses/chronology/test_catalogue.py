"""A catalogue of date shapes common in English news, each in an invented sentence, resolved in one article.

Wire copy, state media, transcripts, broadcast scripts and analysis write dates in a few dozen shapes; the
rules were written with development articles in view, and this catalogue checks them on sentences written for
the purpose (none is taken from a corpus). Every sentence is read as if published on Wednesday 28 March 2018.
Expected rows are ``{expression: (date_start, date_end, granularity)}``; a sentence with no date expects ``{}``.
"""

from datetime import date

import pytest

from kit.analyses import chronology

WEDNESDAY = date(2018, 3, 28)


def resolved(text, published=WEDNESDAY):
    """``{expression: (date_start, date_end, granularity)}`` of every sentence of ``text``, each anchored on the
    latest dated expression before it (as the corpus tables anchor "the following day").
    """
    found, previous = {}, None
    for sentence in text.split(" | "):
        rows = chronology.resolve_sentence(sentence, published, published, previous)
        for row in rows:
            span = row.span
            found[row.expression] = (
                span.first.isoformat() if span.first else None,
                span.last.isoformat() if span.last else None,
                span.granularity,
            )
            if span.first is not None:
                previous = row
    return found


def case(text, rows=None):
    """A catalogue entry: a text (sentences joined by " | ") and the rows it resolves to (none by default)."""
    return pytest.param(text, rows or {}, id=text[:60])


DAY = "day"

CATALOGUE = [
    # Weekdays take the clause's tense; "next", "last", "this" and parts of the day qualify them.
    case("Kim met Xi on Monday.", rows={"Monday": ("2018-03-26", "2018-03-26", DAY)}),
    case("Kim will meet Xi on Monday.", rows={"Monday": ("2018-04-02", "2018-04-02", DAY)}),
    case("They will meet next Tuesday.", rows={"next Tuesday": ("2018-04-03", "2018-04-03", DAY)}),
    case("He visited last Tuesday.", rows={"last Tuesday": ("2018-03-27", "2018-03-27", DAY)}),
    case("They will meet this Friday.", rows={"this Friday": ("2018-03-30", "2018-03-30", DAY)}),
    case("The blast happened early Sunday.", rows={"early Sunday": ("2018-03-25", "2018-03-25", DAY)}),
    case("He returned on Thursday night.", rows={"Thursday night": ("2018-03-22", "2018-03-22", DAY)}),
    case("Monday's summit was a success.", rows={"Monday": ("2018-03-26", "2018-03-26", DAY)}),
    case(
        "The talks ran Monday through Wednesday.", rows={"Monday through Wednesday": ("2018-03-26", "2018-03-28", DAY)}
    ),
    case("Talks were held over the weekend.", rows={"the weekend": ("2018-03-24", "2018-03-25", "week")}),
    # Days counted from publication.
    case("He arrived yesterday.", rows={"yesterday": ("2018-03-27", "2018-03-27", DAY)}),
    case("He is in Beijing today.", rows={"today": ("2018-03-28", "2018-03-28", DAY)}),
    case("He will leave tomorrow.", rows={"tomorrow": ("2018-03-29", "2018-03-29", DAY)}),
    case("He will speak tonight.", rows={"tonight": ("2018-03-28", "2018-03-28", DAY)}),
    case("He left the country this morning.", rows={"this morning": ("2018-03-28", "2018-03-28", DAY)}),
    case(
        "The summit was held the day before yesterday.",
        rows={"the day before yesterday": ("2018-03-26", "2018-03-26", DAY)},
    ),
    # Weeks, months, years and decades counted from publication.
    case("Trade fell last week.", rows={"last week": ("2018-03-19", "2018-03-25", "week")}),
    case("Talks continue this week.", rows={"this week": ("2018-03-26", "2018-04-01", "week")}),
    case("The ministers met earlier this week.", rows={"earlier this week": ("2018-03-26", "2018-03-27", "week")}),
    case("The talks are expected later this week.", rows={"later this week": ("2018-03-29", "2018-04-01", "week")}),
    case("The summit will be held next week.", rows={"next week": ("2018-04-02", "2018-04-08", "week")}),
    case("Prices rose last month.", rows={"last month": ("2018-02-01", "2018-02-28", "month")}),
    case(
        "The deal was signed earlier this month.",
        rows={"earlier this month": ("2018-03-01", "2018-03-27", "part_of_month")},
    ),
    case("He spoke late last month.", rows={"late last month": ("2018-02-21", "2018-02-28", "part_of_month")}),
    case("He will visit early next month.", rows={"early next month": ("2018-04-01", "2018-04-10", "part_of_month")}),
    case(
        "The deal is due by the end of the month.",
        rows={"the end of the month": ("2018-03-21", "2018-03-31", "part_of_month")},
    ),
    case("Exports slumped last year.", rows={"last year": ("2017-01-01", "2017-12-31", "year")}),
    case("The talks collapsed late last year.", rows={"late last year": ("2017-09-01", "2017-12-31", "part_of_year")}),
    case(
        "The plan will take effect early next year.",
        rows={"early next year": ("2019-01-01", "2019-04-30", "part_of_year")},
    ),
    case(
        "Kim will visit China by the end of the year.",
        rows={"the end of the year": ("2018-12-01", "2018-12-31", "part_of_year")},
    ),
    case("The deal should be signed by year-end.", rows={"year-end": ("2018-12-01", "2018-12-31", "part_of_year")}),
    case("Trade will grow in the coming year.", rows={"the coming year": ("2019-01-01", "2019-12-31", "year")}),
    case("They met earlier in the week.", rows={"earlier in the week": ("2018-03-26", "2018-03-27", "week")}),
    case(
        "The summit was held the week before last.", rows={"the week before last": ("2018-03-12", "2018-03-18", "week")}
    ),
    case("Trade fell the year before last.", rows={"the year before last": ("2016-01-01", "2016-12-31", "year")}),
    case("Talks will resume in two weeks' time.", rows={"two weeks' time": ("2018-04-09", "2018-04-15", "week")}),
    case("It opens in three days' time.", rows={"three days' time": ("2018-03-31", "2018-03-31", DAY)}),
    # Rolling spans up to publication, and counts back from it.
    case("Exports fell in the past year.", rows={"the past year": ("2017-03-28", "2018-03-28", "year")}),
    case(
        "Output has fallen over the past two weeks.", rows={"the past two weeks": ("2018-03-14", "2018-03-28", "month")}
    ),
    case("Over the past decade, trade tripled.", rows={"the past decade": ("2008-03-28", "2018-03-28", "decade")}),
    case("Trade tripled in the last decade.", rows={"the last decade": ("2008-03-28", "2018-03-28", "decade")}),
    case("He visited a year ago.", rows={"a year ago": ("2017-01-01", "2017-12-31", "year")}),
    case("The plant closed a decade ago.", rows={"a decade ago": ("2008-01-01", "2008-12-31", "year")}),
    case("Shipments stopped two weeks ago.", rows={"two weeks ago": ("2018-03-12", "2018-03-18", "week")}),
    case("The rally was held a fortnight ago.", rows={"a fortnight ago": ("2018-03-12", "2018-03-18", "week")}),
    case(
        "The policy was announced three months ago.", rows={"three months ago": ("2017-12-01", "2017-12-31", "month")}
    ),
    # Seasons: "last" is the latest one over, "next" the first to come, "this" the one under way or nearest.
    case("The exercises will be held this spring.", rows={"this spring": ("2018-03-01", "2018-05-31", "season")}),
    case("This summer, Kim will visit.", rows={"This summer": ("2018-06-01", "2018-08-31", "season")}),
    case("Last spring, exports fell.", rows={"Last spring": ("2017-03-01", "2017-05-31", "season")}),
    case("The tests were conducted last winter.", rows={"last winter": ("2017-12-01", "2018-02-28", "season")}),
    case("Next autumn, the talks will resume.", rows={"Next autumn": ("2018-09-01", "2018-11-30", "season")}),
    case("The dispute began in autumn 2016.", rows={"autumn 2016": ("2016-09-01", "2016-11-30", "season")}),
    # Days of the month, with and without a year, in the orders wire copy and British style write them.
    case("On the 26th and 27th, talks were held.", rows={"the 26th and 27th": ("2018-03-26", "2018-03-27", DAY)}),
    case(
        "Talks run from the 9th to the 11th of next month.",
        rows={"the 9th to the 11th of next month": ("2018-04-09", "2018-04-11", DAY)},
    ),
    case("The delegation left on the 10th.", rows={"the 10th": ("2018-03-10", "2018-03-10", DAY)}),
    case("The summit opened Oct. 10, officials said.", rows={"Oct. 10": ("2017-10-10", "2017-10-10", DAY)}),
    case("The summit opened on 10 October.", rows={"10 October": ("2017-10-10", "2017-10-10", DAY)}),
    case("The summit opened on October 10th.", rows={"October 10th": ("2017-10-10", "2017-10-10", DAY)}),
    case("The summit opened on the 10th of October.", rows={"10th of October": ("2017-10-10", "2017-10-10", DAY)}),
    case("The group met on 15 Jan.", rows={"15 Jan.": ("2018-01-15", "2018-01-15", DAY)}),
    case("The exhibition opens 10 April.", rows={"10 April": ("2018-04-10", "2018-04-10", DAY)}),
    case("The report was published on Dec. 3, 2017.", rows={"Dec. 3, 2017": ("2017-12-03", "2017-12-03", DAY)}),
    case("He died on 17 December 2011.", rows={"17 December 2011": ("2011-12-17", "2011-12-17", DAY)}),
    case("A missile flew on Nov. 29 last year.", rows={"Nov. 29 last year": ("2017-11-29", "2017-11-29", DAY)}),
    case("A missile flew on 29 November last year.", rows={"29 November last year": ("2017-11-29", "2017-11-29", DAY)}),
    case(
        "North Korea will test again on the 15th of next month.",
        rows={"the 15th of next month": ("2018-04-15", "2018-04-15", DAY)},
    ),
    case("PYONGYANG, March 27 (KCNA) -- Kim met the delegation.", rows={"March 27": ("2018-03-27", "2018-03-27", DAY)}),
    case("He arrived on the night of March 25.", rows={"the night of March 25": ("2018-03-25", "2018-03-25", DAY)}),
    # Ranges of days, months and years.
    case("The forum ran Oct 9-11.", rows={"Oct 9-11": ("2017-10-09", "2017-10-11", DAY)}),
    case("The fair runs from May 3 to 5.", rows={"May 3 to 5": ("2018-05-03", "2018-05-05", DAY)}),
    case("The talks ran 26-28 March.", rows={"26-28 March": ("2018-03-26", "2018-03-28", DAY)}),
    case("The talks ran from 26 to 28 March.", rows={"26 to 28 March": ("2018-03-26", "2018-03-28", DAY)}),
    case("The visit took place on 26 and 27 March.", rows={"26 and 27 March": ("2018-03-26", "2018-03-27", DAY)}),
    case(
        "The fair ran from 30 January to 2 February.",
        rows={"30 January to 2 February": ("2018-01-30", "2018-02-02", DAY)},
    ),
    case("Trade rose from January to March.", rows={"January to March": ("2018-01-01", "2018-03-31", "part_of_year")}),
    case(
        "Trade rose between January and March.",
        rows={"January and March": ("2018-01-01", "2018-03-31", "part_of_year")},
    ),
    case(
        "Shipments rose in the January-March period.",
        rows={"January-March": ("2018-01-01", "2018-03-31", "part_of_year")},
    ),
    case("Output fell between 2017 and 2019.", rows={"2017 and 2019": ("2017-01-01", "2019-12-31", "year")}),
    case("The war lasted from 1950 to 1953.", rows={"1950 to 1953": ("1950-01-01", "1953-12-31", "year")}),
    case("He ruled from 1994 until 2011.", rows={"1994 until 2011": ("1994-01-01", "2011-12-31", "year")}),
    case("Prices peaked in 2017/18.", rows={"2017/18": ("2017-01-01", "2018-12-31", "year")}),
    case("The tests were held in 2016-17.", rows={"2016-17": ("2016-01-01", "2017-12-31", "year")}),
    # Years, parts of years, decades and centuries.
    case("He has ruled since 2013.", rows={"2013": ("2013-01-01", "2013-12-31", "year")}),
    case("The election was held in mid-2019.", rows={"mid-2019": ("2019-05-01", "2019-08-31", "part_of_year")}),
    case("The ban took effect in late 2017.", rows={"late 2017": ("2017-09-01", "2017-12-31", "part_of_year")}),
    case("Relations soured in the 1990s.", rows={"the 1990s": ("1990-01-01", "1999-12-31", "decade")}),
    case("Growth slowed in the early 2000s.", rows={"the early 2000s": ("2000-01-01", "2003-12-31", "part_of_decade")}),
    case("The song was popular in the '90s.", rows={"the '90s": ("1990-01-01", "1999-12-31", "decade")}),
    case("The song was popular in the mid-80s.", rows={"the mid-80s": ("1984-01-01", "1986-12-31", "part_of_decade")}),
    case("The song was popular in the Nineties.", rows={"the Nineties": ("1990-01-01", "1999-12-31", "decade")}),
    case("Growth slowed in the 20th century.", rows={"the 20th century": ("1901-01-01", "2000-12-31", "century")}),
    # Months without a year take the clause's tense.
    case("Talks stalled in early March.", rows={"early March": ("2018-03-01", "2018-03-10", "part_of_month")}),
    case(
        "The launch came at the end of January.",
        rows={"the end of January": ("2018-01-21", "2018-01-31", "part_of_month")},
    ),
    case("The leaders will meet again in June.", rows={"June": ("2018-06-01", "2018-06-30", "month")}),
    case("The leaders met in Singapore last June.", rows={"last June": ("2017-06-01", "2017-06-30", "month")}),
    case(
        "Tests resumed in the second week of March.",
        rows={"the second week of March": ("2018-03-08", "2018-03-14", "part_of_month")},
    ),
    # Quarters, halves and fiscal periods.
    case(
        "Profits rose in the third quarter.", rows={"the third quarter": ("2017-07-01", "2017-09-30", "part_of_year")}
    ),
    case(
        "Revenue rose in the first quarter of 2017.",
        rows={"the first quarter of 2017": ("2017-01-01", "2017-03-31", "part_of_year")},
    ),
    case("Exports rose in Q3.", rows={"Q3": ("2017-07-01", "2017-09-30", "part_of_year")}),
    case("The rate rose in Q4 2017.", rows={"Q4 2017": ("2017-10-01", "2017-12-31", "part_of_year")}),
    case("Sales rose in H1 2017.", rows={"H1 2017": ("2017-01-01", "2017-06-30", "part_of_year")}),
    case(
        "Profits in the first half of 2017 fell.",
        rows={"the first half of 2017": ("2017-01-01", "2017-06-30", "part_of_year")},
    ),
    case(
        "Talks are slated for the latter half of the year.",
        rows={"the latter half of the year": ("2018-07-01", "2018-12-31", "part_of_year")},
    ),
    case(
        "Talks are slated for the first week of next month.",
        rows={"the first week of next month": ("2018-04-01", "2018-04-07", "part_of_month")},
    ),
    case("Talks are slated for the first week of next year.", rows={"next year": ("2019-01-01", "2019-12-31", "year")}),
    case("Trade fell during Jan-Feb.", rows={"Jan-Feb": ("2018-01-01", "2018-02-28", "part_of_year")}),
    case("Prices rose 3% in the year to March.", rows={"the year to March": ("2017-04-01", "2018-03-31", "year")}),
    case("Trade fell in the year through June.", rows={"the year through June": ("2016-07-01", "2017-06-30", "year")}),
    case(
        "Prices rose in the three months to February 2018.",
        rows={"the three months to February 2018": ("2017-12-01", "2018-02-28", "season")},
    ),
    # Counted from the date named before.
    case(
        "The envoy arrived on March 5. | He left the following day.",
        rows={"March 5": ("2018-03-05", "2018-03-05", DAY), "the following day": ("2018-03-06", "2018-03-06", DAY)},
    ),
    case(
        "Kim arrived on March 5. | Two days later he met Xi.",
        rows={"March 5": ("2018-03-05", "2018-03-05", DAY), "Two days later": ("2018-03-07", "2018-03-07", DAY)},
    ),
    case(
        "On March 5 Kim met Xi. | The day before, he had toured a factory.",
        rows={"March 5": ("2018-03-05", "2018-03-05", DAY), "The day before": ("2018-03-04", "2018-03-04", DAY)},
    ),
    case(
        "He met Xi on March 26. | That evening he attended a banquet.",
        rows={"March 26": ("2018-03-26", "2018-03-26", DAY), "That evening": ("2018-03-26", "2018-03-26", DAY)},
    ),
    case(
        "He met Xi on March 26. | The following week he flew home.",
        rows={
            "March 26": ("2018-03-26", "2018-03-26", DAY),
            "The following week": ("2018-04-02", "2018-04-08", "week"),
        },
    ),
    case(
        "He met Xi on Thursday, March 22. | Later in the week he flew home.",
        rows={
            "Thursday": ("2018-03-22", "2018-03-22", DAY),
            "March 22": ("2018-03-22", "2018-03-22", DAY),
            "Later in the week": ("2018-03-23", "2018-03-25", "week"),
        },
    ),
    case(
        "The war ended in 1953. | At the time, the two were allies.",
        rows={"1953": ("1953-01-01", "1953-12-31", "year"), "At the time": ("1953-01-01", "1953-12-31", "year")},
    ),
    # Holidays of the calendar file, with the country named beside them.
    case("Kim gave a speech on New Year's Day.", rows={"New Year's Day": ("2018-01-01", "2018-01-01", DAY)}),
    case("He spoke on Christmas Day.", rows={"Christmas Day": ("2017-12-25", "2017-12-25", DAY)}),
    case("South Koreans celebrated Lunar New Year.", rows={"Lunar New Year": ("2018-02-16", "2018-02-16", DAY)}),
    case("North Korea will mark the Day of the Sun.", rows={"the Day of the Sun": ("2018-04-15", "2018-04-15", DAY)}),
    case("China celebrated National Day.", rows={"National Day": ("2017-10-01", "2017-10-01", DAY)}),
    # Vague, and anchored on an event the rules do not date.
    case("Tensions have risen in recent days.", rows={"recent days": (None, None, "vague")}),
    case("Talks will begin in the coming weeks.", rows={"the coming weeks": (None, None, "vague")}),
    case("Officials may meet again soon.", rows={"soon": (None, None, "vague")}),
    case("In the meantime, talks continue.", rows={"In the meantime": (None, None, "vague")}),
    case("Back then, relations were warm.", rows={"Back then": (None, None, "vague")}),
    case("Long ago, the two were allies.", rows={"Long ago": (None, None, "vague")}),
    case("Trade will grow in the years ahead.", rows={"the years ahead": (None, None, "vague")}),
    case("At the time of writing, no one had replied."),
    case("The meeting was held on the eve of the summit.", rows={"the eve of the summit": (None, None, "anchored")}),
    case("The deal came weeks after the summit.", rows={"weeks after the summit": (None, None, "anchored")}),
    # Not dates: verbs, durations, clock times, quantities, numbered things, ages and percentages.
    case("May the talks succeed."),
    case("Thousands march in Seoul."),
    case("Protesters will march to the embassy."),
    case("The congress ended its 16-day meeting."),
    case("Kim made a three-day visit."),
    case("It was the first visit in seven years."),
    case("The talks began at 4 p.m."),
    case("The test was at 1600 GMT."),
    case("The US keeps 28,500 troops in the South."),
    case("About 2000 people attended."),
    case("Section 301 of the trade law applies."),
    case("The G20 met in Osaka."),
    case("Resolution 2397 tightened sanctions."),
    case("Kim, 34, is the leader."),
    case("Leaders in their 60s and 70s attended."),
    case("Growth was 6.9 percent."),
    case("The score was 2-1."),
    case("The 38th parallel divides the peninsula."),
    case("The plant makes H2 for fuel cells."),
    case("The year-end bonus was cut."),
    case("A day's time is short."),
    case("Resolution 1718 tightened sanctions."),
    case("Flight 2017 from Beijing landed."),
    case("He flew to Mar-a-Lago."),
    case("The 2nd and 3rd largest firms merged."),
    case("The talks ran from 1600 to 1800 GMT."),
    case("Protesters were sent home, as were 1,950 troops."),
    case("China marked the 70th anniversary of the founding of the People's Republic."),
]


@pytest.mark.parametrize(("text", "expected"), CATALOGUE)
def test_catalogue(text, expected):
    assert resolved(text) == expected
