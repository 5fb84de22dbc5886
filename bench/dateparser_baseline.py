"""``make dates-baseline``: the kit's date rules vs dateparser's ``search_dates`` on hand-annotated seeds.

Both systems read the same cleaned sentences. dateparser gets the article's publication day as
``RELATIVE_BASE`` (the first possible day at month precision) and English as its language; every
string it returns is located in its sentence to get character offsets. Both are scored against the
hand-annotated gold file (``tests/fixtures/gold/dates.csv``) with :func:`kit.validation.dates.score_dates`:

* found — a system expression overlaps the gold expression;
* exact span — same start and end characters;
* resolved — same date_start and date_end as the gold span (dateparser returns one datetime, so it
  can only be right for one-day spans);
* inside gold span — the system's dates fall inside the gold span (the fair test for dateparser:
  "last year" → 2017-03-28 counts as inside 2017);
* not dates caught — system rows overlapping a hand-listed non-date (``not_dates.csv``: durations,
  clock times, quantities), which should be 0;
* rows not in gold — everything else a system reports that the annotator did not mark.

The comparison is printed as a table and written to ``bench/results/dateparser_baseline.csv`` (``--output``). It is a
measurement, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from kit import config
from kit.analyses import chronology
from kit.preprocess.pipeline import prepare
from kit.presentation.outputs import write_atomic
from kit.types import Prepared
from kit.validation import dates as dates_validation

RESULTS = Path(__file__).resolve().parent / "results"
GOLD = config.ROOT / "tests" / "fixtures" / "gold"


def dateparser_rows(prepared: Prepared) -> pd.DataFrame:
    """dateparser's ``search_dates`` over every sentence, as rows with offsets and a one-day span."""
    from dateparser.search import search_dates

    first_days = chronology.publications(prepared).set_index("doc_id").first_day
    rows = []
    sentences: Iterable[Any] = prepared.sentences.itertuples(index=False)  # pandas types each field as any scalar
    for sentence in sentences:
        first = datetime.fromisoformat(first_days[sentence.doc_id])
        settings = {"RELATIVE_BASE": datetime(first.year, first.month, first.day), "RETURN_AS_TIMEZONE_AWARE": False}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(sentence.text, languages=["en"], settings=settings) or []
        position = 0
        for expression, moment in found:
            at = sentence.text.find(expression, position)
            if at < 0:
                continue
            position = at + len(expression)
            day = moment.date().isoformat()
            start = sentence.start + at
            rows.append(
                {
                    "doc_id": sentence.doc_id,
                    "sentence_id": sentence.sentence_id,
                    "start": start,
                    "end": start + len(expression),
                    "expression": expression,
                    "date_start": day,
                    "date_end": day,
                }
            )
    columns = ["doc_id", "sentence_id", "start", "end", "expression", "date_start", "date_end"]
    return pd.DataFrame.from_records(rows, columns=columns)


def compare(prepared: Prepared, gold_path: Path, not_dates_path: Path | None) -> pd.DataFrame:
    """One row per system with the rates described in the module docstring."""
    gold_rows = dates_validation.read_date_gold(gold_path, prepared)
    not_dates = None
    if not_dates_path is not None and not_dates_path.exists():
        not_dates = dates_validation.read_not_dates(not_dates_path, prepared)
    systems = {
        "kit (chronology rules)": chronology.date_expressions(prepared),
        "dateparser.search_dates": dateparser_rows(prepared),
    }
    results = []
    for name, rows in systems.items():
        per_gold, extra = dates_validation.score_dates(rows, gold_rows)
        result = {"system": name, **dates_validation.date_summary(per_gold, extra)}
        if not_dates is not None:
            # Only rows the annotator did not mark as dates count: a non-date inside a gold date is no error.
            caught = int(dates_validation.taken_for_dates(extra, not_dates).sum())
            result["not dates caught"] = f"{caught}/{len(not_dates)}"
        results.append(result)
    return pd.DataFrame(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dateparser_baseline", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD / "dates.csv", help="hand-annotated date expressions")
    parser.add_argument("--not-dates", type=Path, default=GOLD / "not_dates.csv", help="hand-listed non-dates")
    parser.add_argument("--corpus", default=None, help="corpus folder (default: seeds/)")
    parser.add_argument(
        "--output", type=Path, default=RESULTS / "dateparser_baseline.csv", help="where the CSV is written"
    )
    args = parser.parse_args(argv)
    table = compare(prepare(args.corpus), args.gold, args.not_dates)
    print(f"gold: {args.gold}")
    print(table.set_index("system").T.to_string())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(args.output, table.to_csv(index=False, lineterminator="\n"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
