"""Publication dates as databases write them: canonical manifest values, and refusals for what is ambiguous."""

import pytest

from kit.errors import CorpusError
from kit.ingest.published import Published, parse_published, readings


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-03-28", Published("2018-03-28", "day")),
        ("2018-03", Published("2018-03", "month")),
        ("2018/03/28", Published("2018-03-28", "day")),
        ("2018-03-28T10:15", Published("2018-03-28T10:15", "minute")),
        ("2018-03-28 10:15", Published("2018-03-28T10:15", "minute")),
        ("2018-03-28T10:15:42.5", Published("2018-03-28T10:15", "minute")),
        ("2018-03-28T10:15:00Z", Published("2018-03-28T10:15", "minute", timezone="UTC")),
        ("2018-03-28T10:15:00+00:00", Published("2018-03-28T10:15", "minute", timezone="UTC")),
        (
            "2018-03-28T21:45:00+08:00",
            Published("2018-03-28T21:45", "minute", note="time given with UTC offset +08:00"),
        ),
        ("28 March 2018", Published("2018-03-28", "day")),
        ("28th Mar. 2018", Published("2018-03-28", "day")),
        ("March 28, 2018", Published("2018-03-28", "day")),
        ("Wednesday, March 28, 2018", Published("2018-03-28", "day")),
        ("March 28, 2018 Wednesday", Published("2018-03-28", "day")),
        ("Sept 9, 2018", Published("2018-09-09", "day")),
        ("28 March 2018 9:45pm", Published("2018-03-28T21:45", "minute")),
        ("28 March 2018 10:15 GMT", Published("2018-03-28T10:15", "minute", timezone="UTC")),
        ("MARCH 2018", Published("2018-03", "month")),
    ],
)
def test_accepted_forms(value, expected):
    assert parse_published(value, "x.csv:2") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("03/04/2018", "x.csv:2: date '03/04/2018' is ambiguous (day/month order unknown)"),
        ("03.04.2018", "x.csv:2: date '03.04.2018' is ambiguous (day/month order unknown): give --dayfirst or"),
        ("28/3/18", "x.csv:2: date '28/3/18' has a two-digit year"),
        ("2018-02-30", "x.csv:2: date '2018-02-30' does not exist"),
        ("2018-13", "x.csv:2: date '2018-13' does not exist"),
        ("28 March 2018 13:15pm", "x.csv:2: date '28 March 2018 13:15pm' has a 12-hour time with hour 13"),
        ("2018", "x.csv:2: date '2018' is not a date the kit reads"),
        ("yesterday", "x.csv:2: date 'yesterday' is not a date the kit reads"),
        ("  ", "x.csv:2: no publication date"),
    ],
)
def test_refused_forms(value, message):
    with pytest.raises(CorpusError) as refused:
        parse_published(value, "x.csv:2")
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    ("value", "order", "published"),
    [
        ("20/06/2019", None, "2019-06-20"),  # only day-first gives a date
        ("06/20/2019", None, "2019-06-20"),  # only month-first does
        ("20.06.2019 14:30", None, "2019-06-20T14:30"),
        ("03/03/2019", None, "2019-03-03"),  # the same either way
        ("03/04/2019", "dayfirst", "2019-04-03"),
        ("03/04/2019", "monthfirst", "2019-03-04"),
    ],
)
def test_numeric_dates_with_the_year_last_are_read_in_the_one_order_that_gives_a_date(value, order, published):
    assert parse_published(value, "x.csv:2", order=order).published == published


def test_a_numeric_date_an_order_does_not_allow_names_the_option():
    with pytest.raises(
        CorpusError, match=r"^x\.csv:2: date '06/20/2018' has no month 20 when read day-first \(--dayfirst\)$"
    ):
        parse_published("06/20/2018", "x.csv:2", order="dayfirst")


def test_readings():
    assert readings("20/06/2019") == {"dayfirst"}
    assert readings("06/20/2019") == {"monthfirst"}
    assert readings("03/04/2019") == {"dayfirst", "monthfirst"}
    assert readings("31/02/2019") == set()  # neither reading is a date
    assert readings("2019-06-20") == set()
