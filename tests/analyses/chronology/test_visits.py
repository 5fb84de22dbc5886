"""kit.analyses.chronology.visits: days counted from the start of a visit the article dates."""

from datetime import date

import pytest

from kit.analyses import chronology
from kit.analyses.chronology.spans import Visit
from kit.analyses.chronology.visits import visit_named
from kit.preprocess.pipeline import prepare

MARCH_28 = date(2018, 3, 28)  # a Wednesday
MONDAY = Visit(date(2018, 3, 26), 3, "Monday")


def resolved(sentence, visit):
    rows = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28, visit=visit)
    return {row.expression: row.span.first and row.span.first.isoformat() for row in rows}


@pytest.mark.parametrize(
    ("sentence", "visit"),
    [
        ("Kim arrived in Beijing on Monday for a three-day visit.", Visit(date(2018, 3, 26), 3, "Monday")),
        ("Xi began a two-day state visit to Pyongyang on Thursday.", Visit(date(2018, 3, 22), 2, "Thursday")),
        ("Kim visited China from March 25 to 28.", Visit(date(2018, 3, 25), 4, "March 25 to 28")),
        ("Kim met Xi on Monday.", None),  # no visit beginning
    ],
)
def test_the_start_of_a_visit(sentence, visit):
    assert visit_named(sentence, chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)) == visit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On the second day of his visit, Kim toured a factory.", {"the second day of his visit": "2018-03-27"}),
        ("On the final day of Kim's state visit, he met Xi.", {"the final day of Kim's state visit": "2018-03-28"}),
        ("At the end of his three-day visit, state TV ran a report.", {"the end of his three-day visit": "2018-03-28"}),
        ("On the first day of the trip, he rested.", {"the first day of the trip": "2018-03-26"}),
    ],
)
def test_days_counted_from_the_start_of_the_visit(sentence, expected):
    assert resolved(sentence, MONDAY) == expected


def test_with_no_start_dated_the_day_of_a_visit_is_anchored_on_it():
    # Devcorpus2 (VOA, 2004): the end of the visit comes before its start is dated.
    assert resolved("At the end of his three-day visit, state TV ran a report.", None) == {
        "the end of his three-day visit": None
    }
    assert resolved("On the last day of his visit, he left.", Visit(date(2018, 3, 26), None, "Monday")) == {
        "the last day of his visit": None
    }


def test_an_article_counts_from_the_visit_it_dated(make_corpus):
    text = (
        "Kim Jong Un arrived in Beijing on Monday for a three-day visit.\n\n"
        "On the second day of his visit, he toured an exhibition.\n"
    )
    table = chronology.date_expressions(prepare(make_corpus({"a1.txt": text})))
    assert table[["expression", "date_start"]].values.tolist() == [
        ["Monday", "2018-03-26"],
        ["the second day of his visit", "2018-03-27"],
    ]
