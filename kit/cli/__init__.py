"""The command line: ``python -m kit table NAME``, ``validate WHAT``, ``report``, ``import SOURCE``, ``synth``.

The concordancer adds ``concord``, ``collocates``, ``ngrams`` and ``trend``.

This module parses and runs every command, and turns options into the library's settings
(:mod:`kit.compute.settings`); the options and runners of ``import``, ``synth`` and ``report`` are in
:mod:`kit.cli.corpora`, the concordancer's in :mod:`kit.cli.concordance`. No other module of the kit
imports argparse.

Bad input ends with one line on stderr naming the file (and line or field) and a non-zero exit;
a table is computed in full before anything is written to stdout. Every other error is one line too: a bad
option (argparse's usage is left out: ``--help`` shows it), a file the system cannot read or write, and an
error of the kit itself. ``--debug`` (or ``PRESSKIT_DEBUG=1``) shows the traceback instead.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Any, NoReturn

import pandas as pd

from kit.compute import tables
from kit.compute.chunks import ENGINES, Settings, capped_jobs
from kit.compute.settings import AnalysisSettings, CheckSettings
from kit.compute.stages import STAGES
from kit.compute.store import STORE_ENV, StoreError
from kit.errors import KitError, KitWarning, first_line
from kit.preprocess.pipeline import prepare
from kit.validation import split

# Exit code for bad input (argparse uses 2 for bad usage as well).
EXIT_BAD_INPUT = 2
# Exit code for an error of the kit itself (sysexits' EX_SOFTWARE).
EXIT_INTERNAL = 70
# An error line is at most this long (a message that would be longer is cut, ending in "…").
MAX_ERROR_LINE = 499
# Set (to anything but "" or "0"), errors show their traceback, as --debug does.
DEBUG_ENV = "PRESSKIT_DEBUG"


class Parser(argparse.ArgumentParser):
    """argparse's parser with ``--debug``, its errors one line (``error: python -m kit report: argument …``), exit 2.

    The parsers of the subcommands are of this class too (argparse makes them of their parent's class).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # SUPPRESS: a subcommand's default would otherwise undo `python -m kit --debug report`.
        self.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=f"show an error's traceback ({DEBUG_ENV}=1)"
        )

    def error(self, message: str) -> NoReturn:
        """Print one error line naming the command, then exit 2 (argparse prints the usage first)."""
        _fail(f"{self.prog}: {message} (see {self.prog} --help)", EXIT_BAD_INPUT)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = Parser(prog="python -m kit", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    table = commands.add_parser("table", help="print a tidy table to stdout")
    names = table.add_subparsers(dest="table", required=True, metavar="NAME")
    for name, spec in tables.TABLES.items():
        sub = names.add_parser(name, help=spec.help, description=spec.help)
        add_corpus_options(sub)
        sub.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default csv)")
        _add_run_options(sub)
        for option in spec.options:
            sub.add_argument(*option.flags, **option.kwargs)

    validate = commands.add_parser("validate", help="score the kit against a hand-coded gold CSV")
    checks = validate.add_subparsers(dest="check", required=True, metavar="WHAT")
    for name, check in tables.VALIDATORS.items():
        sub = checks.add_parser(name, help=check.help, description=check.help)
        add_corpus_options(sub)
        sub.add_argument("--gold", required=True, help="hand-coded CSV (format: docs/reference/gold.md)")
        sub.add_argument(
            "--half",
            choices=split.HALVES,
            default=None,
            help="score one half of the corpus only (split by a hash of each doc_id; see kit.validation.split)",
        )
        for option in check.options:
            sub.add_argument(*option.flags, **option.kwargs)

    report = commands.add_parser("report", help="execute the notebooks into reports/ (see kit.report)")
    from kit.cli import concordance, corpora  # they import this module's helpers: loaded once it is whole

    corpora.add_report_options(report)
    corpora.add_import_options(commands.add_parser("import", help="make a corpus folder from CSV, JSON Lines or .txt"))
    corpora.add_synth_options(
        commands.add_parser("synth", help="write a synthetic corpus recombined from real paragraphs")
    )
    concordance.add_concordance_commands(commands)
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options of the chunked run: ``--store``, ``--jobs``, ``--engine``, ``--scheduler``, ``--no-progress``."""
    parser.add_argument(
        "--store",
        default=None,
        help=f"folder or fsspec URL (s3://…) of prepared tables (default ${STORE_ENV} or ~/.cache/presskit/store)",
    )
    parser.add_argument("--jobs", type=int, default=None, metavar="N", help="processes (default: every core)")
    parser.add_argument("--engine", choices=ENGINES, default="local", help="local processes (default) or Dask")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """``--corpus``: the corpus folder a command reads."""
    parser.add_argument("--corpus", default=None, help="corpus folder with manifest.csv (default: seeds/)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Bad input, a bad option and a file the system refuses are one ``error:`` line (under 500 characters) and
    exit 2; any other error is one line and exit :data:`EXIT_INTERNAL`; with ``--debug`` or ``PRESSKIT_DEBUG=1``
    an error is raised instead (a bad option still exits 2). Ctrl-C propagates as KeyboardInterrupt, so an
    in-process caller sees it; ``python -m kit`` turns it into one line and exit 130.
    """
    args = build_parser().parse_args(argv)
    debug = bool(getattr(args, "debug", False)) or os.environ.get(DEBUG_ENV, "") not in ("", "0")
    # Warnings (an unlisted file, a long line cleaning removed) are printed after a run that succeeds;
    # bad input gets its one error line alone.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = _run(args, debug=debug)
    if code != EXIT_BAD_INPUT:
        for warning in caught:  # the kit's own warnings only: third-party deprecations are not the user's to fix
            if issubclass(warning.category, KitWarning):
                print(f"warning: {warning.message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace, *, debug: bool) -> int:
    """Run the command; an error (any, but Ctrl-C and a closed stdout) becomes one line, or with ``debug`` is raised."""
    try:
        if args.command == "table":
            return _table(args)
        if args.command == "validate":
            return _validate(args)
        from kit.cli import concordance, corpora

        if args.command == "import":
            return corpora.import_command(args)
        if args.command == "synth":
            handler: Callable[[argparse.Namespace], int] = args.handler
            return handler(args)
        if args.command in concordance.CONCORDANCE_COMMANDS:
            return concordance.concordance_command(args)
        return corpora.report_command(args)
    except BrokenPipeError:  # the reader closed stdout (`| head`): python -m kit ends quietly
        raise
    except Exception as err:
        if debug:
            raise
        return _fail(*_error_line(err))


def _error_line(err: Exception) -> tuple[str, int]:
    """The one line (and exit code) an error of a command is reported as."""
    if isinstance(err, KitError):
        return str(err), EXIT_BAD_INPUT
    if isinstance(err, RecursionError):
        return "an input file is nested too deeply to read", EXIT_BAD_INPUT
    if isinstance(err, MemoryError):
        return "out of memory (is one input file far larger than intended?)", EXIT_BAD_INPUT
    if isinstance(err, OSError):  # a full disk, a file without permission, a folder that went away
        where = f"{err.filename}: " if err.filename else ""
        return f"{where}{err.strerror or first_line(err) or type(err).__name__}", EXIT_BAD_INPUT
    reason = first_line(err)
    return (
        f"internal error ({type(err).__name__}{': ' + reason if reason else ''}); "
        f"run again with --debug (or {DEBUG_ENV}=1) for the traceback",
        EXIT_INTERNAL,
    )


def _fail(message: str, code: int) -> int:
    """Print ``error: message`` as one line cut to fit :data:`MAX_ERROR_LINE`; returns ``code``."""
    line = "error: " + " ".join(message[:MAX_ERROR_LINE].split("\n"))
    if len(line) > MAX_ERROR_LINE:
        line = line[: MAX_ERROR_LINE - 1] + "…"
    print(line, file=sys.stderr)
    return code


def analysis_settings(args: argparse.Namespace) -> AnalysisSettings:
    """The settings a table's options give (options the table does not have keep their defaults)."""
    given: dict[str, Any] = {}
    for name in (f.name for f in fields(AnalysisSettings) if hasattr(args, f.name)):
        value = getattr(args, name)
        given[name] = tuple(value) if isinstance(value, list) else value  # repeatable options: frozen
    return AnalysisSettings(**given)


def check_settings(args: argparse.Namespace) -> CheckSettings:
    """The settings a check's options give (options the check does not have keep their defaults)."""
    return CheckSettings(**{f.name: getattr(args, f.name) for f in fields(CheckSettings) if hasattr(args, f.name)})


def run_settings(args: argparse.Namespace) -> Settings:
    """The engine's settings a table's options give: store, processes, engine, progress and data files (and the
    kit's stages, :data:`kit.compute.stages.STAGES`).

    Raises:
        KitError: ``--jobs`` below 1, or ``--scheduler`` without ``--engine dask``.
    """
    if args.jobs is not None and args.jobs < 1:
        raise KitError(f"--jobs {args.jobs}: give at least 1 process")
    if args.scheduler and args.engine != "dask":
        raise KitError("--scheduler names a Dask scheduler: give it with --engine dask")
    jobs = None if args.jobs is None or args.scheduler else capped_jobs(args.jobs)  # a cluster's workers are its own
    data = analysis_settings(args).data_files()
    return Settings(args.store, jobs, args.engine, args.scheduler, not args.no_progress, data=data, stages=STAGES)


def _table(args: argparse.Namespace) -> int:
    try:
        frame = tables.command_table(args.table, args.corpus, analysis=analysis_settings(args), run=run_settings(args))
    except StoreError as err:  # `kit table` chooses its store with --store too
        raise err.choosing(f"--store or ${STORE_ENV}") from None
    sys.stdout.write(render(frame, args.format))
    return 0


def _validate(args: argparse.Namespace) -> int:
    spec = tables.VALIDATORS[args.check]
    if args.half is None:
        prepared = prepare(args.corpus)
    else:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            whole = prepare(args.corpus)
        for warning in split.warnings_of_half(caught, whole, args.half):  # none about the other half's documents
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
        prepared = split.subset(whole, args.half)
    sys.stdout.write(spec.run(prepared, check_settings(args)))
    return 0


def render(frame: pd.DataFrame, fmt: str) -> str:
    """A table as CSV (``\\n`` line ends) or as a JSON list of records, ready to write."""
    if fmt == "json":
        records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
