"""kit.analyses.chronology.timeline: the corpus tables — every date expression of the seeds, events, reach, filters."""

import pandas as pd
import pytest

from kit.analyses import chronology
from kit.cli import main
from kit.errors import KitError
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, SCMP, sentence_of


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
    assert set(window[window.doc_id == SCMP].expression) == {"last year", "September 3 last year", "November"}
    # A span overlapping the window counts: "Since then" after "2014" runs to the Diplomat's publication.
    assert window[window.doc_id != SCMP].expression.tolist() == ["Since then"]
    herald = chronology.filter_events(events, outlets=["The Korea Herald"], granularities=["part_of_month"])
    assert list(herald.expression) == ["earlier this month", "the end of April", "the end of May"]
    with pytest.raises(KitError, match="date_from='2017'"):
        chronology.filter_events(events, date_from="2017")
    with pytest.raises(KitError, match="unknown \\['weekly'\\]"):
        chronology.filter_events(events, granularities=["weekly"])
    with pytest.raises(KitError, match="not in the corpus"):
        chronology.filter_events(events, outlets=["The Times"])


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


def test_reach_gives_each_documents_earliest_and_latest_event(seeds):
    reach = chronology.reach(chronology.events(seeds)).set_index("doc_id")
    assert reach.earliest[HERALD] == "1950-01-01" and reach.latest[HERALD] == "2018-05-31"
    assert reach.events.sum() == len(chronology.events(seeds))


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_a_publication_date_at_the_calendar_edges_is_refused_in_one_line(make_corpus, capsys, published):
    """The manifest refuses years the analyses cannot represent, so the dates tables never overflow.

    (Resolution itself never raises at any publication date: tests/analyses/chronology/test_resolve.py.)
    """
    row = {"doc_id": "a1", "file": "a1.txt", "outlet": "Test Outlet", "published": published}
    folder = make_corpus(
        {"a1.txt": "Kim arrived yesterday and will leave tomorrow."}, rows=[{**row, "published_precision": "day"}]
    )
    for table in ("dates", "events"):
        assert main(["table", table, "--corpus", str(folder)]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.count("\n") == 1 and err.startswith("error: ") and "published" in err and published in err


def test_the_day_an_article_reports_on_is_its_first_day_within_the_week_up_to_publication():
    from datetime import date

    from kit.analyses.chronology.timeline import reported_day

    published = date(2016, 12, 1)
    assert reported_day(date(2016, 11, 30), published, published) == date(2016, 11, 30)
    assert reported_day(date(2016, 11, 24), published, published) == date(2016, 11, 24)
    assert reported_day(date(2016, 11, 23), published, published) is None  # more than a week back
    assert reported_day(date(2016, 12, 2), published, published) is None  # after publication
    assert reported_day(None, published, published) is None


def test_a_quoted_today_is_the_day_the_lead_reports_on(make_corpus):
    from kit.preprocess.pipeline import prepare

    text = (
        "The UN Security Council on Monday adopted a resolution on the DPRK.\n\n"
        '"The resolution adopted by the council today shows unity," said the ambassador.\n\n'
        "The council will meet again today."
    )
    dates = chronology.date_expressions(prepare(make_corpus({"a1.txt": text})))  # published 2018-03-28
    assert dates[["expression", "date_start"]].values.tolist() == [
        ["Monday", "2018-03-26"],
        ["today", "2018-03-26"],
        ["today", "2018-03-28"],
    ]


ERA_ARTICLES = {
    "q1.txt": "Qing troops invaded Joseon in 1636, and the king surrendered in January 1637.\n\n"
    "Historians said on Monday that the invasion of 1636 still shapes how Seoul sees Beijing.\n",
    "e1.txt": "The envoy arrived last year, officials said on Monday.\n\nHe will return next year, the court said.\n",
    "f1.txt": "The council was founded last year, officials said on Monday.\n\nIt will meet again next year, the governor said.\n",
}
ERA_ROWS = [
    {
        "doc_id": "q1",
        "file": "q1.txt",
        "outlet": "Korea Times",
        "published": "2018-03-28",
        "published_precision": "day",
    },
    {
        "doc_id": "e1",
        "file": "e1.txt",
        "outlet": "Old Gazette",
        "published": "1678-01-05",
        "published_precision": "day",
    },
    {"doc_id": "f1", "file": "f1.txt", "outlet": "Far Daily", "published": "2261-12", "published_precision": "month"},
]


def test_the_chronology_notebook_runs_on_dates_of_any_era_and_keeps_every_date(run_notebook, make_corpus, tmp_path):
    """1636 (the Qing invasion), "last year" from 1678 and "next year" from 2261 lie outside pandas' nanosecond
    timestamps (1677-09-21 to 2262-04-11): the tables keep them and the charts draw them.
    """
    folder = make_corpus(ERA_ARTICLES, rows=[{"headline": "", "author": "", "url": "", **row} for row in ERA_ROWS])
    values = run_notebook("01-chronology", corpus_dir=str(folder))
    assert values["earliest_event"] == {"e1": "1677-01-01", "f1": "2260-01-01", "q1": "1636-01-01"}
    assert values["latest_event"] == {"e1": "1679-12-31", "f1": "2262-12-31", "q1": "2018-03-26"}
    events = pd.read_csv(tmp_path / "01-chronology" / "events.csv", dtype=str)
    assert {"1636-01-01", "1637-01-01", "1677-01-01", "2262-01-01"} <= set(events.date_start)
    assert (tmp_path / "01-chronology" / "01-chronology.ipynb").read_text(encoding="utf-8").count("image/svg+xml") >= 3


# ---------------------------------------------------------------- another publication date


def test_if_published_a_week_later_no_chosunbiz_date_moves_a_month_later_the_days_and_last_month_do(seeds):
    week = chronology.if_published(seeds, CHOSUN, "2025-09-12")
    assert len(week) == len(chronology.date_expressions(seeds).query("doc_id == @CHOSUN")) and not week.moves.any()
    month = chronology.if_published(seeds, CHOSUN, "5 October 2025")
    moved = month[month.moves]
    assert set(moved.expression) == {"the 2nd", "the 3rd", "the 4th", "last month"}
    assert moved.set_index("expression").date_start_if["the 3rd"] == "2025-10-03"
    assert not month[month.expression == "2024"].moves.any(), "an explicit year never moves"


def test_if_published_takes_a_month_and_refuses_what_it_cannot_read(seeds):
    assert not chronology.if_published(seeds, DIPLOMAT_2024, "2024-05").moves.any()
    with pytest.raises(KitError, match="no article 'nope'"):
        chronology.if_published(seeds, "nope", "2024-05")
    with pytest.raises(KitError, match="ambiguous"):
        chronology.if_published(seeds, CHOSUN, "03/04/2018")
