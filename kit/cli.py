"""The command line: ``python -m kit table NAME``, ``validate WHAT``, ``report``, ``import SOURCE``, ``synth``.

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
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from kit import config, tables
from kit.chunks import ENGINES, Settings, available_cores, capped_jobs
from kit.errors import KitError, KitWarning, first_line
from kit.pipeline import prepare
from kit.settings import AnalysisSettings, CheckSettings
from kit.stages import STAGES
from kit.store import STORE_ENV, StoreError
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
        _add_corpus_options(sub)
        sub.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default csv)")
        _add_run_options(sub)
        for option in spec.options:
            sub.add_argument(*option.flags, **option.kwargs)

    validate = commands.add_parser("validate", help="score the kit against a hand-coded gold CSV")
    checks = validate.add_subparsers(dest="check", required=True, metavar="WHAT")
    for name, check in tables.VALIDATORS.items():
        sub = checks.add_parser(name, help=check.help, description=check.help)
        _add_corpus_options(sub)
        sub.add_argument("--gold", required=True, help="hand-coded CSV (format in the README)")
        sub.add_argument(
            "--half",
            choices=split.HALVES,
            default=None,
            help="score one half of the corpus only (split by a hash of each doc_id; see kit.validation.split)",
        )
        for option in check.options:
            sub.add_argument(*option.flags, **option.kwargs)

    report = commands.add_parser("report", help="execute the notebooks into reports/ (see kit.report)")
    _add_report_options(report)

    _add_import_options(commands.add_parser("import", help="make a corpus folder from CSV, JSON Lines or .txt"))
    _add_synth_options(commands.add_parser("synth", help="write a synthetic corpus recombined from real paragraphs"))
    _add_concordance_commands(commands)
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


def _add_synth_options(parser: argparse.ArgumentParser) -> None:
    """The ``synth`` subcommand's options."""
    parser.add_argument("--n", type=int, required=True, help="number of articles to write")
    parser.add_argument("--out", required=True, help="the corpus folder to write (must be new or empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--from", dest="source", default=None, help="corpus folder to recombine (default: seeds/)")
    parser.add_argument("--force", action="store_true", help="replace --out if it is not empty")
    parser.set_defaults(handler=_synth)


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", default=None, help="corpus folder with manifest.csv (default: seeds/)")


def _add_import_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m kit import`` (see :mod:`kit.importer`)."""
    from kit.import_columns import DEFAULT_COLUMNS

    parser.add_argument("source", help="a CSV (comma, semicolon or tab) or JSON Lines export, or a folder of .txt")
    parser.add_argument("--out", required=True, help="the corpus folder to write (must be new or empty)")
    parser.add_argument("--format", choices=["csv", "jsonl", "txt"], default=None, help="default: from the source")
    for key, names in DEFAULT_COLUMNS.items():
        found = ", ".join(names)
        parser.add_argument(f"--{key}", metavar="COL", help=f"column of the {key} (default: the one of {found})")
    parser.add_argument("--published", metavar="DATE", help="publication date for rows or files that have none")
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="date_order",
        action="store_const",
        const="dayfirst",
        help="read numeric dates with the year last day first (03/04/2019 is 3 April)",
    )
    order.add_argument(
        "--monthfirst",
        dest="date_order",
        action="store_const",
        const="monthfirst",
        help="read them month first (03/04/2019 is March 4)",
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="set refused rows (no date, no text…) aside in OUT/rejects.csv with row, line and reason; import the rest",
    )
    parser.add_argument("--rejects", metavar="FILE", type=Path, help="where --skip-bad lists refused rows (implies it)")
    parser.add_argument("--force", action="store_true", help="replace --out if it is not empty")


def _import(args: argparse.Namespace) -> int:
    from kit import importer
    from kit.import_columns import DEFAULT_COLUMNS

    settings = importer.ImportSettings(
        fmt=args.format,
        columns={key: getattr(args, key) for key in DEFAULT_COLUMNS},
        published=args.published,
        date_order=args.date_order,
        skip_bad=args.skip_bad,
        rejects=args.rejects,
        force=args.force,
    )
    print(importer.run_import(args.source, args.out, settings).summary())
    return 0


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m kit report``."""
    parser.description = "Execute every notebook with each parameter set into the site folder, then write the index."
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run one notebook (00-corpus, corpus or 00) or one report "
        "(01-chronology__2018-only); repeatable; other reports stay as they are",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=available_cores(),
        metavar="N",
        help="run N notebooks in parallel (default: every core this process may use)",
    )
    parser.add_argument("--show-code", action="store_true", help="keep code cells in the HTML reports")
    parser.add_argument("--corpus", default=None, help="corpus folder with manifest.csv (default: seeds/)")
    parser.add_argument("--timeout", type=int, default=600, metavar="SECONDS", help="limit per cell (default 600)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--notebooks", type=Path, default=config.NOTEBOOKS, help=argparse.SUPPRESS)
    parser.add_argument("--params", type=Path, default=config.PARAMS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--out",
        "--reports",
        dest="reports",
        type=Path,
        default=config.REPORTS,
        metavar="SITE",
        help="folder for the report site (default reports/, which is for the seeds only)",
    )


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
        if args.command == "import":
            return _import(args)
        if args.command == "synth":
            handler: Callable[[argparse.Namespace], int] = args.handler
            return handler(args)
        if args.command in CONCORDANCE_COMMANDS:
            return _concordance_command(args)
        return _report(args)
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
    kit's stages, :data:`kit.stages.STAGES`).

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


def _synth(args: argparse.Namespace) -> int:
    from kit import synth

    out = synth.synthesise(args.n, args.out, seed=args.seed, source_dir=args.source, force=args.force)
    print(f"wrote {args.n} articles to {out}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from kit import report  # papermill and nbconvert load only when a report runs

    return report.run(
        notebooks_dir=args.notebooks,
        params_dir=args.params,
        reports_dir=args.reports,
        only=args.only,
        jobs=args.jobs,
        show_code=args.show_code,
        corpus=args.corpus,
        timeout=args.timeout,
        progress=not args.no_progress,
    )


def render(frame: pd.DataFrame, fmt: str) -> str:
    """A table as CSV (``\\n`` line ends) or as a JSON list of records, ready to write."""
    if fmt == "json":
        records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


# --- The concordancer: kit concord, collocates, ngrams, trend (kit.concordance, kit.collocates, kit.dispersion) ---

CONCORDANCE_COMMANDS = ("concord", "collocates", "ngrams", "trend")


def _add_concordance_commands(commands: Any) -> None:
    """The concordancer's subcommands; each prints a table (CSV or JSON) like ``kit table``."""
    concord = commands.add_parser("concord", help="KWIC lines of any word, phrase, glob or regex, sortable by L3…R3")
    _add_search_options(concord, pattern=True)
    concord.add_argument(
        "--sort",
        default="",
        metavar="KEYS",
        help="positions to sort by, the first first: L3,L2,L1,KW,R1,R2,R3 (AntConc's 1R, 2L, 0 too); "
        "words without case, punctuation skipped, ties in corpus order (default: corpus order)",
    )
    concord.add_argument("--window", type=int, default=5, metavar="N", help="tokens of context each side (default 5)")
    concord.add_argument("--across-sentences", action="store_true", help="let context and sort words cross sentences")
    concord.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="COLUMN",
        help="add this documents column to each line (repeatable)",
    )
    collocates = commands.add_parser("collocates", help="words near any word or phrase, with G2, MI and their counts")
    _add_search_options(collocates, pattern=True)
    collocates.add_argument("--window", type=int, default=5, metavar="N", help="words counted each side (default 5)")
    collocates.add_argument("--left", type=int, default=None, metavar="N", help="words before a hit (default --window)")
    collocates.add_argument("--right", type=int, default=None, metavar="N", help="words after a hit (default --window)")
    collocates.add_argument("--measure", choices=["g2", "mi"], default="g2", help="rank by (default g2; both shown)")
    collocates.add_argument("--min-count", type=int, default=2, metavar="N", help="least times near a hit (default 2)")
    ngrams = commands.add_parser("ngrams", help="sequences of 2 to 5 words within sentences, counts and documents")
    _add_search_options(ngrams, pattern=False)
    ngrams.add_argument("--n", type=int, default=2, help="words per n-gram, 2 to 5 (default 2)")
    ngrams.add_argument("--min-count", type=int, default=1, metavar="N", help="least count (default 1)")
    trend = commands.add_parser("trend", help="hits of any word or phrase per month or year and group, per 1,000 words")
    _add_search_options(trend, pattern=True)
    trend.add_argument("--by", default="outlet", metavar="COLUMN", help="documents column to group by, or none")
    trend.add_argument("--per", choices=["month", "year"], default="month", help="publication month or year")


def _add_search_options(parser: argparse.ArgumentParser, *, pattern: bool) -> None:
    if pattern:
        parser.add_argument(
            "pattern", metavar="PATTERN", help="a word, phrase or glob ('sanction*'), or with --regex a regex"
        )
        parser.add_argument(
            "--regex", action="store_true", help="PATTERN is a regular expression, searched per sentence"
        )
        parser.add_argument("--case-sensitive", action="store_true", help="match PATTERN's case as written")
        parser.add_argument(
            "--voice", action="append", default=[], help="hits in quotations of this speaker group, or narration"
        )
    _add_corpus_options(parser)
    parser.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default csv)")
    parser.add_argument("--outlet", action="append", default=[], help="only this outlet's documents (repeatable)")
    parser.add_argument(
        "--period", action="append", default=[], help="only this period's documents (a year by default)"
    )
    parser.add_argument("--periods", nargs="+", default=[], help="period boundaries --period names, e.g. 2018 2024")
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="COLUMN=VALUE",
        help="only documents with this value (repeatable)",
    )


def _concordance_command(args: argparse.Namespace) -> int:
    """Run one of :data:`CONCORDANCE_COMMANDS`: options become keyword arguments and a Selection."""
    from kit import collocates, concordance, dispersion

    wheres = []
    for condition in args.where:
        column, equals, value = condition.partition("=")
        if not equals or not column:
            raise KitError(f"--where {condition!r}: expected COLUMN=VALUE")
        wheres.append((column, value))
    selection = concordance.Selection(
        outlets=tuple(args.outlet),
        periods=tuple(args.period),
        boundaries=tuple(args.periods),
        voices=tuple(getattr(args, "voice", [])),
        where=tuple(wheres),
    )
    prepared = prepare(args.corpus)
    if args.command == "ngrams":
        frame = collocates.ngrams(prepared, n=args.n, min_count=args.min_count, selection=selection)
    else:
        search = {"regex": args.regex, "case_sensitive": args.case_sensitive, "selection": selection}
        if args.command == "concord":
            frame = concordance.concord(
                prepared,
                args.pattern,
                **search,
                sort=args.sort,
                window=args.window,
                sentence_bounded=not args.across_sentences,
                columns=args.by,
            )
        elif args.command == "collocates":
            left = args.window if args.left is None else args.left
            right = args.window if args.right is None else args.right
            frame = collocates.collocates(
                prepared, args.pattern, **search, left=left, right=right, measure=args.measure, min_count=args.min_count
            )
        else:
            by = None if args.by == "none" else args.by
            frame = dispersion.trend(prepared, args.pattern, **search, by=by, per=args.per)
    sys.stdout.write(render(frame, args.format))
    return 0
