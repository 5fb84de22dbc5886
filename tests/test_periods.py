"""kit.periods: publication periods of month-precision dates, period boundaries and their errors."""

import re

import pandas as pd
import pytest

from kit import periods
from kit.errors import KitError
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
