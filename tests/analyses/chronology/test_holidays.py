"""kit.analyses.chronology.holidays: holidays and anniversaries from the calendar file, and whose holiday a name means.

The sentences are real ones (shortened) from articles outside the rules' seeds, with the countries their
articles name.
"""

from datetime import date

import pytest

from kit import config
from kit.analyses import chronology
from kit.analyses.chronology import holidays
from kit.errors import KitError
from kit.preprocess.pipeline import prepare

KOREAS_AND_CHINA = frozenset({"PRC", "DPRK", "ROK"})


def found(sentence, published, countries=KOREAS_AND_CHINA, calendar=None):
    """``{expression: (date_start, date_end)}`` of one sentence (None for a row with no span)."""
    rows = chronology.resolve_sentence(sentence, published, published, countries=countries, calendar=calendar)
    return {
        row.expression: (row.span.first and row.span.first.isoformat(), row.span.last and row.span.last.isoformat())
        for row in rows
    }


@pytest.mark.parametrize(
    ("sentence", "published", "expression", "day"),
    [
        # The DPRK's holidays, by name and by the birthday they mark.
        (
            "A few days later, North Korea will mark the birth anniversary of the late leader Kim Il-sung on "
            "April 15, also known as the Day of the Sun.",
            date(2017, 4, 12),
            "the Day of the Sun",
            "2017-04-15",
        ),
        (
            "A few days later, North Korea will mark the birth anniversary of the late leader Kim Il-sung.",
            date(2017, 4, 12),
            "the birth anniversary of the late leader Kim Il-sung",
            "2017-04-15",
        ),
        ("Kim Jong Il's birthday is a holiday.", date(2011, 2, 1), "Kim Jong Il's birthday", "2011-02-16"),
        # An anniversary with no count is the day of the year it names.
        (
            "China sent a congratulatory message to North Korea for this year's anniversary of the Workers' "
            "Party of Korea.",
            date(2016, 10, 10),
            "this year's anniversary of the Workers' Party of Korea",
            "2016-10-10",
        ),
        ("Xi sent greetings on the anniversary of the founding of the PRC.", date(2021, 10, 3), None, "2021-10-01"),
        # New Year: "a New Year's message" is the message of the first of January nearest publication.
        (
            "Pyongyang's state media on Thursday briefly reported on a New Year's message by Chinese President Xi.",
            date(2026, 1, 1),
            "New Year",
            "2026-01-01",
        ),
        (
            "As in its January 1 report on Xi sending a New Year’s card to Kim, the contents were not disclosed.",
            date(2026, 1, 18),
            "New Year",
            "2026-01-01",
        ),
        ("Kim gave his New Year's Day speech.", date(2019, 1, 3), "New Year's Day", "2019-01-01"),
        ("Markets close on New Year's Eve.", date(2019, 12, 20), "New Year's Eve", "2019-12-31"),
        ("North Korea has warned of an unwanted Christmas gift.", date(2019, 12, 31), "Christmas", "2019-12-25"),
    ],
)
def test_holidays_and_anniversaries_of_the_calendar(sentence, published, expression, day):
    rows = found(sentence, published)
    expression = expression or next(e for e in rows if "anniversary" in e)
    assert rows[expression] == (day, day)


def test_a_shared_name_is_the_holiday_of_the_country_named_beside_it():
    # "Victory Day" is July 27 in the DPRK, September 3 in the PRC, May 9 in Russia.
    published = date(2023, 7, 20)
    assert found("North Korea's Victory Day is near.", published)["Victory Day"] == ("2023-07-27", "2023-07-27")
    assert found("China's Victory Day is near.", published)["Victory Day"] == ("2023-09-03", "2023-09-03")
    assert found("Victory Day in Russia passed.", published, frozenset({"RUS", "DPRK"}))["Victory Day"] == (
        "2023-05-09",
        "2023-05-09",
    )


def test_else_the_day_nearest_publication_among_the_countries_the_article_names():
    # Devcorpus (Yonhap, July 27, 2023), an article naming the DPRK and the PRC.
    sentence = "The delegation arrived Wednesday to attend this week's celebrations of Victory Day."
    assert found(sentence, date(2023, 7, 27))["Victory Day"] == ("2023-07-27", "2023-07-27")
    # Devcorpus (Korea Herald, March 14, 2015): Chinese tours; the May 1 of the PRC and the ROK, not the USA's.
    sentence = '"The number of customers is expected to grow ahead of the Labor Day holiday season," he added.'
    assert found(sentence, date(2015, 3, 14))["Labor Day"] == ("2015-05-01", "2015-05-01")
    # An American Labor Day is the first Monday of September.
    assert found(sentence, date(2015, 8, 20), frozenset({"USA"}))["Labor Day"] == ("2015-09-07", "2015-09-07")
    # A holiday of a country the article never names gets no day.
    assert found("The Day of the Sun was marked.", date(2017, 4, 12), frozenset({"USA"})) == {
        "The Day of the Sun": (None, None)
    }


def test_a_lunar_holiday_comes_from_its_table_and_is_never_guessed():
    sentence = "Families gather for the Lunar New Year."
    # In 2027 China's lunar new year falls a day before Korea's.
    assert found(sentence, date(2027, 1, 20), frozenset({"PRC"}))["Lunar New Year"] == ("2027-02-06", "2027-02-06")
    assert found(sentence, date(2027, 1, 20), frozenset({"ROK"}))["Lunar New Year"] == ("2027-02-07", "2027-02-07")
    assert found("They met on Chuseok.", date(2024, 9, 20))["Chuseok"] == ("2024-09-17", "2024-09-17")
    # A year the table lacks: a row with no span.
    assert found(sentence, date(2070, 1, 20), frozenset({"PRC"}))["Lunar New Year"] == (None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        # An anniversary with its count names an occasion, not a day (as the development corpus codes it).
        "The DPRK kicked off a parade, marking the 70th anniversary of the founding of the Workers' Party of Korea.",
        # The anniversary of something North Korea's, not of North Korea.
        "Xi sent a message for the founding anniversary of North Korea's ruling party.",
        # Places named after a day, and another calendar's new year.
        "The May Day Stadium was full.",
        "Crowds celebrated the Vietnamese New Year.",
    ],
)
def test_not_holidays(sentence):
    assert found(sentence, date(2020, 10, 10)) == {}


def test_countries_in_a_text():
    calendar = holidays.default_calendar()
    assert calendar.countries_in("Kim met Xi Jinping in Beijing; Pyongyang said") == {"PRC", "DPRK"}
    assert calendar.countries_in("The U.S. envoy spoke.") == {"USA"}
    assert calendar.countries_in("It was a usual day.") == frozenset()


# ---------------------------------------------------------------- the calendar file

MINE = """\
calendar:
  countries:
    THA: [Thailand, Thai]
  holidays:
    Songkran:
      country: THA
      day: April 13
      names: [Songkran]
"""


def test_a_calendar_of_ones_own_replaces_the_kits(tmp_path, make_corpus):
    mine = tmp_path / "holidays.yaml"
    mine.write_text(MINE, encoding="utf-8")
    calendar = holidays.load_calendar(mine)
    assert found("Thailand marked Songkran.", date(2019, 4, 20), frozenset({"THA"}), calendar) == {
        "Songkran": ("2019-04-13", "2019-04-13")
    }
    # The kit's own names are not in it.
    assert found("Thailand marked Christmas.", date(2019, 12, 26), frozenset({"THA"}), calendar) == {}
    corpus = prepare(make_corpus({"a1.txt": "Thai families marked Songkran, a Thai holiday, with water.\n"}))
    table = chronology.date_expressions(corpus, holidays=mine)
    assert table[["expression", "date_start"]].values.tolist() == [["Songkran", "2018-04-13"]]
    assert chronology.date_expressions(corpus).empty


def test_the_kits_calendar_reads_and_names_each_country():
    calendar = holidays.load_calendar()
    assert calendar.source == "kit/data/holidays.yaml" and config.HOLIDAYS.name == "holidays.yaml"
    assert {h.country for h in calendar.holidays} <= {code for code, _ in calendar.countries} | {"international"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("holidays: {}\n", r"expected a mapping with 'calendar:'"),
        ("calendar:\n  countries: {A: [a]}\n", r"'holidays' must be a mapping with at least one holiday"),
        (
            "calendar:\n  countries: {A: [a]}\n  holidays:\n    X: {country: B, day: May 1, names: [X]}\n",
            r"holiday 'X': country 'B' is not one of A, international",
        ),
        (
            "calendar:\n  countries: {A: [a]}\n  holidays:\n    X: {country: A, day: February 30, names: [X]}\n",
            r"holiday 'X': day 'February 30' is not a day of the year",
        ),
        (
            "calendar:\n  countries: {A: [a]}\n  holidays:\n    X: {country: A, days: {2024: 2023-02-10}, names: [X]}\n",
            r"holiday 'X': days: 2024: .* is not a day of that year",
        ),
        (
            "calendar:\n  countries: {A: [a]}\n  holidays:\n    X: {country: A, day: May 1}\n",
            r"holiday 'X': give at least one of names, anniversary_of, birth_of",
        ),
        (
            "calendar:\n  countries: {A: [a]}\n  holidays:\n    X: {country: A, names: [X]}\n",
            r"holiday 'X': give either 'day'",
        ),
        (
            "calendar:\n  countries: {A: [a]}\n  holidays:\n    X: {country: A, day: May 1, names: [X], when: 1}\n",
            r"holiday 'X': unknown key\(s\) when",
        ),
    ],
)
def test_a_bad_calendar_is_a_one_line_error(tmp_path, body, message):
    path = tmp_path / "holidays.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KitError, match=message):
        holidays.load_calendar(path)


def test_kit_table_dates_and_validate_dates_take_a_calendar(tmp_path, make_corpus, capsys):
    from kit.cli import main

    mine = tmp_path / "holidays.yaml"
    mine.write_text(MINE, encoding="utf-8")
    corpus = make_corpus({"a1.txt": "Thai families marked Songkran, a Thai holiday, with water.\n"})
    assert main(["table", "dates", "--corpus", str(corpus), "--holidays", str(mine), "--no-progress"]) == 0
    assert "Songkran,2018-04-13,2018-04-13,day" in capsys.readouterr().out
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,expression,start,end,date_start,date_end\na1,Songkran,21,29,2018-04-13,2018-04-13\n")
    assert main(["validate", "dates", "--corpus", str(corpus), "--gold", str(gold), "--holidays", str(mine)]) == 0
    assert "resolved (same dates): 1/1" in capsys.readouterr().out
    mine.write_text("calendar: {}\n", encoding="utf-8")
    assert main(["table", "dates", "--corpus", str(corpus), "--holidays", str(mine), "--no-progress"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
