"""kit.ingest.periods: publication periods of month-precision dates, period boundaries and their errors."""

import re

import pandas as pd
import pytest

from kit.errors import KitError
from kit.ingest import periods
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, SCMP


def test_month_precision_period_spans_the_whole_month():
    assert periods.publication_period("2024-04", "month") == (pd.Timestamp("2024-04-01"), pd.Timestamp("2024-04-30"))
    assert periods.publication_period("2018-03-28T09:15", "minute") == (
        pd.Timestamp("2018-03-28"),
        pd.Timestamp("2018-03-28"),
    )


def test_periods_by_year_keep_month_precision_in_its_year(seeds):
    assigned = periods.assign(seeds)
    assert dict(zip(assigned.doc_id, assigned.period, strict=True)) == {
        CHOSUN: "2025",
        DIPLOMAT_2018: "2018",
        SCMP: "2018",
        HERALD: "2018",
        DIPLOMAT_2024: "2024",
    }


def test_boundaries_with_and_without_labels(seeds):
    assigned = periods.assign(seeds, ["2018-01-01", "2024-04-01"])
    assert assigned.set_index("doc_id").period.to_dict()[DIPLOMAT_2024] == "2024-04-01 –"
    assert assigned.set_index("doc_id").period.to_dict()[HERALD] == "2018-01-01 – 2024-03-31"
    early = periods.assign(seeds, ["recent=2024"])
    assert early.set_index("doc_id").period.to_dict()[HERALD] == "before 2024-01-01"
    assert [label for label, _ in periods.parse_boundaries(["2018", "2019", "2024"])] == ["2018", "2019–2023", "2024–"]


@pytest.mark.parametrize(
    ("boundaries", "message"),
    [
        (["2024-04-15"], "period boundary 2024-04-15 falls inside the publication period of 004_063a179dcbf3ea65"),
        (["2024", "2018"], "dates must be in increasing order"),
        (["spring"], "period boundary 'spring': expected a date YYYY, YYYY-MM or YYYY-MM-DD"),
        (["a=2018", "a=2024"], "two periods would share a name"),
        ([], "expected a list of dates"),
        ("decade", "periods='decade': expected 'year' or a list"),
    ],
)
def test_bad_period_boundaries_are_one_line_errors(seeds, boundaries, message):
    with pytest.raises(KitError, match=re.escape(message)):
        periods.assign(seeds, boundaries)


def dated(*published: str) -> pd.DataFrame:
    """A documents table with only what periods need: doc_id, published, published_precision."""
    precision = {7: "month", 10: "day", 16: "minute"}
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(published))],
            "published": list(published),
            "published_precision": [precision[len(p)] for p in published],
        }
    )


def test_derived_periods_of_the_seeds_are_their_years(seeds):
    derived = periods.derived_boundaries(seeds.documents)
    assert derived == ["2018=2018-01-01", "2024=2024-01-01", "2025=2025-01-01"]
    by_year, by_derived = periods.assign(seeds), periods.assign(seeds, derived)
    assert by_derived.period.tolist() == by_year.period.tolist()
    assert by_derived.period_order.rank(method="dense").equals(by_year.period_order.rank(method="dense"))


def test_derived_periods_over_many_years_break_at_the_largest_gaps():
    documents = dated("2001-05-01", "2002-05-01", "2003-05-01", "2010-05-01", "2011-05", "2011-06-01", "2020-01-01")
    assert periods.derived_boundaries(documents, most=3) == [
        "2001–2003=2001-01-01",
        "2010–2011=2010-01-01",
        "2020=2020-01-01",
    ]
    assert periods.derived_boundaries(documents) == [
        "2001=2001-01-01",
        "2002=2002-01-01",
        "2003=2003-01-01",
        "2010=2010-01-01",
        "2011=2011-01-01",
        "2020=2020-01-01",
    ]


def test_derived_periods_of_evenly_spread_years_are_even_and_weigh_articles():
    assert [
        b.partition("=")[0]
        for b in periods.derived_boundaries(dated(*(f"{y}-01-01" for y in range(2001, 2013))), most=3)
    ] == [
        "2001–2004",
        "2005–2008",
        "2009–2012",
    ]
    evenly = dated(*(f"{year}-01-01" for year in range(2001, 2013)))
    assert periods.derived_boundaries(evenly, most=2) == ["2001–2006=2001-01-01", "2007–2012=2007-01-01"]
    # Ten more articles in 2012 pull the boundary towards them.
    crowded = dated(*(f"{year}-01-01" for year in range(2001, 2013)), *["2012-06-01"] * 10)
    assert periods.derived_boundaries(crowded, most=2) == ["2001–2007=2001-01-01", "2008–2012=2008-01-01"]


def test_derived_periods_of_one_year_are_months_and_of_one_month_days():
    one_year = dated("2023-01-05", "2023-01-20T10:00", "2023-03-02", "2023-07")
    derived = periods.derived_boundaries(one_year)
    assert derived == ["2023-01=2023-01-01", "2023-03=2023-03-01", "2023-07=2023-07-01"]
    assert periods.assign_documents(one_year, derived).period.tolist() == ["2023-01", "2023-01", "2023-03", "2023-07"]
    assert periods.derived_boundaries(one_year, most=2) == ["2023-01 – 2023-03=2023-01-01", "2023-07=2023-07-01"]
    one_month = dated("2023-01-05", "2023-01-20", "2023-01-21")
    assert periods.derived_boundaries(one_month, most=2) == [
        "2023-01-05=2023-01-05",
        "2023-01-20 – 2023-01-21=2023-01-20",
    ]


def test_derived_periods_are_none_when_the_dates_allow_one_period_only():
    assert periods.derived_boundaries(dated("2023-01-05", "2023-01-05T09:00")) == []
    # A day boundary would fall inside the article dated only to January.
    assert periods.derived_boundaries(dated("2023-01-05", "2023-01-20", "2023-01")) == []


def test_boundaries_and_publications_outside_pandas_nanosecond_years_name_and_assign_periods():
    named = periods.parse_boundaries(["1600", "1678", "2262-05", "2300"])
    assert [label for label, _ in named] == ["1600–1677", "1678-01-01 – 2262-04-30", "2262-05-01 – 2299-12-31", "2300–"]
    documents = pd.DataFrame(
        {"doc_id": ["e1", "f1"], "published": ["1678-01-05", "2261-12"], "published_precision": ["day", "month"]}
    )
    assigned = periods.assign_documents(documents, ["1600", "1678", "2262-05", "2300"])
    assert assigned.period.tolist() == ["1678-01-01 – 2262-04-30"] * 2
    assert periods.derived_boundaries(documents) == ["1678=1678-01-01", "2261=2261-01-01"]
