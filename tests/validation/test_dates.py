"""kit.validation.dates: the kit's date expressions scored against hand-coded gold files."""

import pandas as pd
import pytest

from kit import config
from kit.analyses import chronology
from kit.errors import KitError
from kit.validation import dates as validation
from tests.devcorpus import DEVCORPUS, DEVCORPUS2, needs_devcorpus, needs_devcorpus2
from tests.seeds import CHOSUN


@pytest.fixture(scope="module")
def dates(seeds):
    return chronology.date_expressions(seeds)


def rows_of(dates, doc_id, expression):
    return dates[(dates.doc_id == doc_id) & (dates.expression == expression)]


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
    per_gold, extra = validation.score_dates(dates, validation.read_date_gold(gold, seeds))
    assert per_gold.found.tolist() == [True, True, False]
    assert per_gold.exact_span.tolist() == [True, False, False]
    assert per_gold.resolved.tolist()[:2] == [True, False] and pd.isna(per_gold.resolved.iloc[2])
    assert len(extra) == len(dates[dates.doc_id == CHOSUN]) - 1
    report = validation.validate(seeds, str(gold))
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
        validation.read_date_gold(gold, seeds)


GOLD_DATES = config.ROOT / "tests" / "fixtures" / "gold" / "dates.csv"


def test_the_seed_annotation_scores_as_recorded(seeds):
    # tests/fixtures/gold/dates.csv was coded from the text alone, by an annotator who never read the rules.
    report = validation.validate(seeds, str(GOLD_DATES))
    # Before the rules for vague and event-anchored expressions: found 53/63, exact 51/63, no extra row.
    assert "found: 58/63 = 92.1%" in report
    assert "exact span: 56/63 = 88.9%" in report
    assert "resolved (same dates): 43/45 = 95.6%" in report
    # "Previously" (three times) is a vague row the seed annotator left out; the devcorpus annotator marks it.
    # So is "Since then" (after "2014": 2014 to publication), which the devcorpus2 annotators mark.
    assert "rows not in the gold file: 4" in report
    # An event-anchored expression is now a row (basis "anchored", no span); the gold gives it a day.
    assert 'resolved differently: 000_7466fcb0830044d8 1359-1388 "the day following Kim\'s visit"' in report
    # Misses: an event named without "after"/"before", and vague ones outside the list.
    assert 'missed: 000_7466fcb0830044d8 798-833 "the day Kim\'s private train arrived"' in report
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


# ---------------------------------------------------------------- raw offsets (gold coded on the raw files)

RAW_HEADER = "doc_id,expression,raw_start,raw_end,date_start,date_end\n"


def test_raw_offsets_map_into_the_cleaned_text_and_furniture_counts_as_not_found(tmp_path, seeds, dates):
    raw = seeds.documents.set_index("doc_id").raw_text[CHOSUN]
    the_3rd = raw.index("the 3rd")
    diplomat = seeds.documents.set_index("doc_id").raw_text["001_a3cbdfdd8623fa68"]
    caption = diplomat.index("People walk past")  # a caption cleaning removes
    gold = tmp_path / "raw.csv"
    gold.write_text(
        RAW_HEADER
        + f"{CHOSUN},the 3rd,{the_3rd},{the_3rd + 7},2025-09-03,2025-09-03\n"
        + f"001_a3cbdfdd8623fa68,People,{caption},{caption + 6},,\n",
        encoding="utf-8",
    )
    rows = validation.read_date_gold(gold, seeds)
    kit_row = rows_of(dates, CHOSUN, "the 3rd").iloc[0]
    assert (rows.start[0], rows.end[0]) == (kit_row.start, kit_row.end) and rows.in_body.tolist() == [True, False]
    assert pd.isna(rows.start[1])
    report = validation.date_report(seeds, str(gold))
    assert report.figure("found").text == "1/2 = 50.0%"
    assert report.figure("gold rows in furniture cleaning removed").part == 1
    assert report.figure("found (of the rows cleaning kept)").rate == 1.0
    assert (
        f"missed (in removed furniture): 001_a3cbdfdd8623fa68 raw {caption}-{caption + 6} 'People'" in report.render()
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("doc_id,expression,date_start\n", "missing columns 'start','end' .* or 'raw_start','raw_end'"),
        (RAW_HEADER + f"{CHOSUN},Without,0,7,,\n", "line 2: the raw text of .* at 0-7 is .*, not 'Without'"),
        (RAW_HEADER + f"{CHOSUN},x,a,4,,\n", "line 2: column 'raw_start' is 'a', expected a whole number"),
    ],
)
def test_bad_raw_gold_files_are_one_line_errors(tmp_path, seeds, rows, message):
    gold = tmp_path / "gold.csv"
    gold.write_text(rows, encoding="utf-8")
    with pytest.raises(KitError, match=message):
        validation.read_date_gold(gold, seeds)


def test_not_dates_taken_for_dates(seeds, dates):
    not_dates = validation.read_not_dates(GOLD_DATES.with_name("not_dates.csv"), seeds)
    taken = validation.taken_for_dates(dates, not_dates)
    assert len(taken) == 17 and not taken.any()


# ---------------------------------------------------------------- the development corpus (../shared/devcorpus)

DEV_GOLD = config.ROOT / "tests" / "fixtures" / "gold" / "devcorpus"


@pytest.fixture(scope="module")
def devcorpus():
    from kit.preprocess.pipeline import prepare

    return prepare(DEVCORPUS)


@needs_devcorpus
def test_the_devcorpus_annotation_scores_at_least_as_recorded(devcorpus):
    # 188 expressions in 40 articles from 36 outlets, coded on the raw files by a helper who never read the rules.
    # Before the rules of issue #11: found 131/188, resolved 110/155, and 21 gold rows lie in lines cleaning
    # removed then (cleaning now keeps all but 0 of them); the kept-row figures measure the date rules alone.
    # Before the anaphoric rules (the same period of 2016, in the month, from a year ago), a quoted "today"
    # counted from the day reported on, anchored expressions beside a day and "a year earlier" after a day:
    # found 185, exact 176, resolved 137/155. Before the holiday calendar (issue #22): resolved 146/155 ("Labor
    # Day" and "Victory Day" then had no day). Thresholds sit at today's figures.
    report = validation.date_report(devcorpus, str(DEV_GOLD / "dates.csv"))
    assert report.rows == 188
    assert report.figure("found").rate >= 188 / 188
    assert report.figure("exact span").rate >= 184 / 188
    assert report.figure("resolved (same dates)").rate >= 148 / 155
    # Event-anchored expressions whose event the article dates elsewhere or not at all ("shortly after the
    # Asian Games") get no invented span: 5 of the 7 misses.
    if report.figures[-1].name.startswith("resolved (of the dated rows"):
        assert report.figure("found (of the rows cleaning kept)").rate >= 0.99  # 188/188
        assert report.figure("resolved (of the dated rows cleaning kept)").rate >= 0.95  # 148/155
    assert report.figure("rows not in the gold file").part <= 13


@needs_devcorpus
def test_the_devcorpus_non_dates_are_not_taken_for_dates(devcorpus):
    not_dates = validation.read_not_dates(DEV_GOLD / "not_dates.csv", devcorpus)
    taken = validation.taken_for_dates(chronology.date_expressions(devcorpus), not_dates[not_dates.in_body])
    assert len(not_dates) == 66 and int(taken.sum()) == 0


@needs_devcorpus
def test_validate_dates_on_the_devcorpus_from_the_command_line(capsys):
    from kit.cli import main

    assert main(["validate", "dates", "--corpus", str(DEVCORPUS), "--gold", str(DEV_GOLD / "dates.csv")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"gold: {DEV_GOLD / 'dates.csv'} (188 expressions in 39 documents)\nfound: ")


# ---------------------------------------------------------------- the second development corpus, development half
# Rules are tuned on this half only (kit.validation.split); the locked half is scored when a round of work is
# scored, never by the test suite while rules are tuned.

DEV2_GOLD = config.ROOT / "tests" / "fixtures" / "gold" / "devcorpus2" / "development"


@pytest.fixture(scope="module")
def devcorpus2_development():
    from kit.preprocess.pipeline import prepare
    from kit.validation import split

    return split.subset(prepare(DEVCORPUS2, warn_cleaning=False), "development")


@needs_devcorpus2
def test_the_devcorpus2_development_half_scores_at_least_as_recorded(devcorpus2_development):
    # 201 expressions in 40 documents, coded on the raw files by annotators who never read the rules; 10 of them
    # stand in lines cleaning removes. Before the rules of issue #22 step 6 (holidays, anniversaries, New Year,
    # visits, weekdays and tense, "since then", "so far this year", centuries…): found 155/201, exact 143,
    # resolved 125/168; of the rows cleaning kept, found 155/191 and resolved 125/159.
    report = validation.date_report(devcorpus2_development, str(DEV2_GOLD / "dates.csv"))
    assert report.rows == 201
    # With the cleaning of step 6, which keeps more body (178 found without), then 184/201, exact 175, resolved
    # 154/168, with 3 gold rows "in removed furniture": two of them only spanned a line break of hard-wrapped
    # text. Since the lines of a hard-wrapped paragraph make one paragraph, every gold row lies in the body.
    assert report.figure("found").part >= 188
    assert report.figure("exact span").part >= 178
    assert report.figure("resolved (same dates)").part >= 156  # of 168
    assert "gold rows in furniture cleaning removed" not in [figure.name for figure in report.figures]
    assert report.figure("rows not in the gold file").part <= 16
    # Left alone on purpose: an anniversary with its count ("the 71st anniversary of the foundation of its
    # ruling party"), which the devcorpus codes as a count and not a date.
    missed = [line for line in report.render().splitlines() if line.startswith("missed: 049_kyodo_2016")]
    assert [line.split(" ", 3)[3] for line in missed] == [
        "'the 71st anniversary of the foundation of its ruling party'"
    ]


@needs_devcorpus2
def test_the_devcorpus2_development_half_non_dates_are_not_taken_for_dates(devcorpus2_development):
    not_dates = validation.read_not_dates(DEV2_GOLD / "not_dates.csv", devcorpus2_development)
    taken = validation.taken_for_dates(
        chronology.date_expressions(devcorpus2_development), not_dates[not_dates.in_body]
    )
    assert len(not_dates) == 95 and int(taken.sum()) == 0
