"""kit.chronology: temporal expressions found, resolved against publication, and scored against gold."""

from datetime import date

import pandas as pd
import pytest

from kit import chronology, config
from kit.cli import main
from kit.errors import KitError
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, SCMP, sentence_of

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
        for _, _, expression, span in rows
    }


@pytest.fixture(scope="module")
def dates(seeds):
    return chronology.date_expressions(seeds)


def rows_of(dates, doc_id, expression):
    return dates[(dates.doc_id == doc_id) & (dates.expression == expression)]


def span_of(dates, doc_id, expression):
    rows = rows_of(dates, doc_id, expression)
    assert len(rows), f"{expression!r} not found in {doc_id}"
    return sorted({(r.date_start, r.date_end) for r in rows.itertuples()})


# ---------------------------------------------------------------- the seeds


def test_chosunbiz_day_ordinals_last_month_and_clock_times(dates, seeds):
    assert span_of(dates, CHOSUN, "the 3rd") == [("2025-09-03", "2025-09-03")]
    assert span_of(dates, CHOSUN, "the 2nd") == [("2025-09-02", "2025-09-02")]
    assert span_of(dates, CHOSUN, "the 4th") == [("2025-09-04", "2025-09-04")]
    assert span_of(dates, CHOSUN, "last month") == [("2025-08-01", "2025-08-31")]
    assert span_of(dates, CHOSUN, "last year") == [("2024-01-01", "2024-12-31")]
    assert span_of(dates, CHOSUN, "this year") == [("2025-01-01", "2025-12-31")]
    # "at 4 p.m. local time on the 2nd and departure at 10 p.m. on the 4th": times qualify their days.
    arrival = sentence_of(seeds, CHOSUN, "4 p.m. local time")
    times = rows_of(dates, CHOSUN, "the 2nd").set_index("sentence_id").time
    assert times[arrival] == "16:00"
    assert rows_of(dates, CHOSUN, "the 4th").set_index("sentence_id").time[arrival] == "22:00"


def test_the_previous_year_is_anchored_on_the_year_just_named(dates):
    # "... external trade last year (2024) ... a decrease of 2.6% from the previous year" → 2023.
    row = rows_of(dates, CHOSUN, "the previous year").iloc[0]
    assert (row.date_start, row.date_end) == ("2023-01-01", "2023-12-31")
    assert "last year" in row.basis


def test_durations_clock_times_and_quantities_are_not_dates(dates):
    expressions = " | ".join(dates.expression)
    for not_a_date in ("6 years", "8 months", "16-day", "30-minute", "three-day", "75 years", "p.m.", "28,500"):
        assert not_a_date not in expressions
    assert not dates.expression.str.fullmatch(r"\d{1,3}").any()


def test_korea_herald_weekday_range_and_parts_of_months(dates):
    assert span_of(dates, HERALD, "Sunday to Wednesday") == [("2018-03-25", "2018-03-28")]
    assert span_of(dates, HERALD, "the end of April") == [("2018-04-21", "2018-04-30")]
    assert span_of(dates, HERALD, "the end of May") == [("2018-05-21", "2018-05-31")]
    assert span_of(dates, HERALD, "1950-53") == [("1950-01-01", "1953-12-31")]
    assert span_of(dates, HERALD, "earlier this month") == [("2018-03-01", "2018-03-27")]
    vague = rows_of(dates, HERALD, "recently")
    assert len(vague) == 2 and vague.date_start.isna().all() and set(vague.granularity) == {"vague"}


def test_diplomat_2018_looks_back_to_2000_2011_and_ahead_to_april_and_may(dates):
    assert span_of(dates, DIPLOMAT_2018, "December 2011") == [("2011-12-01", "2011-12-31")]
    assert span_of(dates, DIPLOMAT_2018, "March 25") == [("2018-03-25", "2018-03-25")]
    assert span_of(dates, DIPLOMAT_2018, "August of 2010") == [("2010-08-01", "2010-08-31")]
    # "May and August of 2010": the list's year; "in May" of the Trump meeting: May 2018.
    assert span_of(dates, DIPLOMAT_2018, "May") == [("2010-05-01", "2010-05-31"), ("2018-05-01", "2018-05-31")]
    assert span_of(dates, DIPLOMAT_2018, "April") == [("2018-04-01", "2018-04-30")]
    assert span_of(dates, DIPLOMAT_2018, "March 29 to 30") == [("2018-03-29", "2018-03-30")]
    assert span_of(dates, DIPLOMAT_2018, "this week") == [("2018-03-26", "2018-04-01")]
    years = set(rows_of(dates, DIPLOMAT_2018, "2000").date_start) | set(
        rows_of(dates, DIPLOMAT_2018, "2011").date_start
    )
    assert years == {"2000-01-01", "2011-01-01"}


def test_scmp_past_tense_november_and_wednesday(dates):
    assert span_of(dates, SCMP, "November") == [("2017-11-01", "2017-11-30")]
    assert span_of(dates, SCMP, "Wednesday") == [("2018-03-28", "2018-03-28")]
    assert span_of(dates, SCMP, "September 3 last year") == [("2017-09-03", "2017-09-03")]
    assert span_of(dates, SCMP, "last year") == [("2017-01-01", "2017-12-31")]


def test_month_precision_publication(dates):
    # The 2024 Diplomat article is dated "2024-04": "last year" is still 2023, and the visit is 2024.
    assert span_of(dates, DIPLOMAT_2024, "last year") == [("2023-01-01", "2023-12-31")]
    assert span_of(dates, DIPLOMAT_2024, "this year") == [("2024-01-01", "2024-12-31")]
    assert span_of(dates, DIPLOMAT_2024, "April 11-13") == [("2024-04-11", "2024-04-13")]
    assert "publication 2024-04" in rows_of(dates, DIPLOMAT_2024, "last year").basis.iloc[0]


def test_every_row_traces_to_its_sentence(dates, seeds):
    texts = seeds.documents.set_index("doc_id").text
    sentences = seeds.sentences.set_index(["doc_id", "sentence_id"])
    for row in dates.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.expression
        sentence = sentences.loc[(row.doc_id, row.sentence_id)]
        assert sentence.start <= row.start and row.end <= sentence.end
    assert list(dates.columns) == chronology.DATE_COLUMNS


def test_events_are_deduplicated_within_a_document(seeds, dates):
    events = chronology.events(seeds, dates)
    assert not events.duplicated(["doc_id", "date_start", "date_end"]).any()
    last_year = events[(events.doc_id == CHOSUN) & (events.date_start == "2024-01-01")].iloc[0]
    assert last_year.mentions == 3 and last_year.expressions == "last year | 2024"
    assert last_year.sentence_ids == "16 23"
    assert last_year.sentence.startswith("Even in last year")
    assert events.date_start.notna().all() and set(events.outlet) == set(seeds.documents.outlet)


def test_2018_coverage_looks_back_to_2000_2011_and_2025_to_2023_2024(seeds):
    events = chronology.events(seeds)
    earliest = events.groupby("doc_id").date_start.min()
    assert earliest[DIPLOMAT_2018] == "2000-01-01"
    assert earliest[SCMP] == "2011-01-01"
    assert earliest[CHOSUN] == "2023-01-01"


def test_filter_events_by_window_outlet_and_granularity(seeds):
    events = chronology.events(seeds)
    window = chronology.filter_events(events, date_from="2017-01-01", date_to="2017-12-31")
    assert set(window.doc_id) == {SCMP} and len(window) == 3
    herald = chronology.filter_events(events, outlets=["The Korea Herald"], granularities=["part_of_month"])
    assert list(herald.expression) == ["earlier this month", "the end of April", "the end of May"]
    with pytest.raises(KitError, match="date_from='2017'"):
        chronology.filter_events(events, date_from="2017")
    with pytest.raises(KitError, match="unknown \\['weekly'\\]"):
        chronology.filter_events(events, granularities=["weekly"])
    with pytest.raises(KitError, match="not in the corpus"):
        chronology.filter_events(events, outlets=["The Times"])


# ---------------------------------------------------------------- one rule at a time


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


def test_clock_times_qualify_the_nearest_day():
    sentence = "He arrived at 4 p.m. on the 26th and left at 10:30 a.m. on the 27th."
    found = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)
    times = chronology.clock_times(sentence, found)
    assert [(found[i][2], t) for i, t in sorted(times.items())] == [("the 26th", "16:00"), ("the 27th", "10:30")]


def test_the_previous_year_falls_back_to_publication_and_uses_the_previous_sentence():
    previous = chronology.resolve_sentence("Exports fell in 2015.", MARCH_28, MARCH_28)[0]
    after = resolved("Imports rose the previous year.", previous=(previous[3], previous[2]))
    assert after == {"the previous year": ("2014-01-01", "2014-12-31", "year")}
    assert resolved("Imports rose the previous year.") == {"the previous year": ("2017-01-01", "2017-12-31", "year")}


def test_month_precision_gives_the_widest_honest_span_for_day_expressions():
    april_first, april_last = date(2024, 4, 1), date(2024, 4, 30)
    rows = chronology.resolve_sentence("He arrived yesterday.", april_first, april_last)
    span = rows[0][3]
    assert (span.first, span.last) == (date(2024, 3, 31), date(2024, 4, 29))
    assert "publication day unknown: widest span" in span.basis and span.granularity == "month"
    assert resolved("Trade fell last year.", april_first, april_last) == {
        "last year": ("2023-01-01", "2023-12-31", "year")
    }


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        ("Kim travelled to Pyongyang in November.", "November", "past"),
        ("Yang will be visiting Seoul from March 29 to 30.", "March", "future"),
        ("A summit is in the works for April.", "April", "future"),
        ("There is talk of a meeting in May.", "May", "present"),
    ],
)
def test_tense_of_the_clause(sentence, position, expected):
    start = sentence.index(position)
    assert chronology.tense(sentence, start, start + len(position)) == expected


# ---------------------------------------------------------------- gold files and the command line


GOLD_HEADER = "doc_id,expression,start,end,date_start,date_end\n"


def test_validate_scores_found_exact_and_resolved(tmp_path, seeds, dates):
    the_3rd = rows_of(dates, CHOSUN, "the 3rd").iloc[0]
    gold = tmp_path / "gold.csv"
    gold.write_text(
        GOLD_HEADER
        + f"{CHOSUN},the 3rd,{the_3rd.start},{the_3rd.end},2025-09-03,2025-09-03\n"
        + f"{CHOSUN},3rd,{the_3rd.start + 4},{the_3rd.end},2025-09-02,2025-09-02\n"
        + f"{CHOSUN},military,{the_3rd.start - 19},{the_3rd.start - 11},,\n",
        encoding="utf-8",
    )
    per_gold, extra = chronology.score(dates, chronology.read_gold(gold, seeds))
    assert per_gold.found.tolist() == [True, True, False]
    assert per_gold.exact_span.tolist() == [True, False, False]
    assert per_gold.resolved.tolist()[:2] == [True, False] and pd.isna(per_gold.resolved.iloc[2])
    assert len(extra) == len(dates[dates.doc_id == CHOSUN]) - 1
    report = chronology.validate(seeds, str(gold))
    assert "found: 2/3 = 66.7%" in report and "exact span: 1/3 = 33.3%" in report
    assert "resolved (same dates): 1/2 = 50.0%" in report
    assert f"missed: {CHOSUN}" in report


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("doc_id,expression,start\n", "missing column 'end'"),
        (GOLD_HEADER + "nope,x,0,1,,\n", "line 2: doc_id 'nope' is not in the corpus"),
        (GOLD_HEADER + f"{CHOSUN},With,0,four,,\n", "line 2: column 'end' is 'four', expected a whole number"),
        (GOLD_HEADER + f"{CHOSUN},Without,0,4,,\n", "line 2: the cleaned text of .* at 0-4 is 'With', not 'Without'"),
        (GOLD_HEADER + f"{CHOSUN},With,0,4,2025-13-01,\n", "line 2: date_start '2025-13-01' is not a day"),
    ],
)
def test_bad_gold_files_are_one_line_errors(tmp_path, seeds, rows, message):
    gold = tmp_path / "gold.csv"
    gold.write_text(rows, encoding="utf-8")
    with pytest.raises(KitError, match=message):
        chronology.read_gold(gold, seeds)


def test_cli_dates_events_and_validate(capsys, tmp_path):
    assert main(["table", "dates", "--no-vague"]) == 0
    table = capsys.readouterr().out
    assert table.startswith(",".join(chronology.DATE_COLUMNS)) and "recently" not in table
    assert "Sunday to Wednesday,2018-03-25,2018-03-28,day" in table
    assert main(["table", "events", "--format", "json"]) == 0
    assert '"expression": "the 3rd"' in capsys.readouterr().out
    assert main(["validate", "dates", "--gold", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv: gold file not found" in capsys.readouterr().err


# ---------------------------------------------------------------- the notebook


def test_chronology_notebook_records_both_timelines(run_notebook, tmp_path):
    values = run_notebook("01-chronology")
    assert values["documents"] == 5
    assert values["earliest_event"]["001_a3cbdfdd8623fa68"] == "2000-01-01"
    assert values["earliest_event"]["000_7466fcb0830044d8"] == "2023-01-01"
    assert values["events"] == sum(values["events_per_document"].values())
    out = tmp_path / "01-chronology"
    events = pd.read_csv(out / "events.csv")
    assert {"doc_id", "sentence_id", "start", "end", "sentence"} <= set(events.columns)
    assert (out / "publications.csv").exists() and (out / "dates.csv").exists()
    assert "image/svg+xml" in (out / "01-chronology.ipynb").read_text(encoding="utf-8")


def test_chronology_notebook_window_and_outlets(run_notebook):
    values = run_notebook(
        "01-chronology", outlets=["The Korea Herald"], date_from="2018-01-01", show_vague=True, granularities=["day"]
    )
    assert values["documents"] == 1
    assert values["events_per_document"] == {"003_80d4a5ff23514f6a": 1}
    assert values["vague_expressions"] == 3


# ---------------------------------------------------------------- the hand-annotated seeds


GOLD_DATES = config.ROOT / "tests" / "fixtures" / "gold" / "dates.csv"


def test_the_seed_annotation_scores_as_recorded(seeds):
    # tests/fixtures/gold/dates.csv was coded from the text alone, by an annotator who never read the rules.
    report = chronology.validate(seeds, str(GOLD_DATES))
    assert "found: 53/63 = 84.1%" in report
    assert "exact span: 51/63 = 81.0%" in report
    assert "resolved (same dates): 43/45 = 95.6%" in report
    assert "rows not in the gold file: 0" in report
    # Misses: expressions anchored on an event, not on a date the rules can read, and vague ones outside the list.
    assert 'missed: 000_7466fcb0830044d8 1359-1388 "the day following Kim\'s visit"' in report
    assert "missed: 003_80d4a5ff23514f6a 2006-2017 'long before'" in report


def test_the_kit_is_at_least_as_accurate_as_dateparser_on_the_seed_annotation(dateparser_baseline):
    table = dateparser_baseline.set_index("system")
    kit, baseline = table.loc["kit (chronology rules)"], table.loc["dateparser.search_dates"]

    def part(value: str) -> int:
        return int(value.split("/")[0])

    for column in ("found", "exact span", "resolved (same dates)", "dates inside the gold span"):
        assert part(kit[column]) >= part(baseline[column]), column
    assert kit["not dates caught"] == "0/17"
    assert int(kit["rows not in the gold file"]) <= int(baseline["rows not in the gold file"])


def test_reach_gives_each_documents_earliest_and_latest_event(seeds):
    reach = chronology.reach(chronology.events(seeds)).set_index("doc_id")
    assert reach.earliest[HERALD] == "1950-01-01" and reach.latest[HERALD] == "2018-05-31"
    assert reach.events.sum() == len(chronology.events(seeds))
