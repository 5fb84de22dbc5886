"""The command line: ``python -m kit table NAME``, ``python -m kit validate WHAT``, ``python -m kit report``.

Bad input ends with one line on stderr naming the file (and line or field) and a non-zero exit;
a table is computed in full before anything is written to stdout.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import warnings
from collections.abc import Sequence

import pandas as pd

from kit import tables
from kit.errors import KitError
from kit.pipeline import prepare

# Exit code for bad input (argparse uses 2 for bad usage as well).
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="python -m kit", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    table = commands.add_parser("table", help="print a tidy table to stdout")
    names = table.add_subparsers(dest="table", required=True, metavar="NAME")
    for name, spec in tables.TABLES.items():
        sub = names.add_parser(name, help=spec.help, description=spec.help)
        _add_corpus_options(sub)
        sub.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default csv)")
        for option in spec.options:
            sub.add_argument(*option.flags, **option.kwargs)

    validate = commands.add_parser("validate", help="score the kit against a hand-coded gold CSV")
    checks = validate.add_subparsers(dest="check", required=True, metavar="WHAT")
    for name, spec in tables.VALIDATORS.items():
        sub = checks.add_parser(name, help=spec.help, description=spec.help)
        _add_corpus_options(sub)
        sub.add_argument("--gold", required=True, help="hand-coded CSV (format in the README)")

    report = commands.add_parser("report", help="execute the notebooks into reports/ (see kit.report)")
    from kit import report as report_module

    report_module.add_arguments(report)

    from kit import importer, synth

    importer.add_arguments(commands.add_parser("import", help="make a corpus folder from CSV, JSON Lines or .txt"))
    synth.add_arguments(commands.add_parser("synth", help="write a synthetic corpus recombined from real paragraphs"))
    return parser


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", default=None, help="corpus folder with manifest.csv (default: seeds/)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = _show_warning
            if args.command == "table":
                return _table(args)
            if args.command == "validate":
                return _validate(args)
            if args.command in ("import", "synth"):
                return args.handler(args)
            from kit import report

            return report.run_from_args(args)
    except KitError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _table(args: argparse.Namespace) -> int:
    frame = tables.TABLES[args.table].build(prepare(args.corpus), args)
    sys.stdout.write(render(frame, args.format))
    return 0


def _validate(args: argparse.Namespace) -> int:
    spec = tables.VALIDATORS[args.check]
    sys.stdout.write(spec.run(prepare(args.corpus), args.gold))
    return 0


def render(frame: pd.DataFrame, fmt: str) -> str:
    """A table as CSV (``\\n`` line ends) or as a JSON list of records, ready to write."""
    if fmt == "json":
        records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {message}", file=sys.stderr)
