"""The commands that make or publish a corpus: ``python -m kit import``, ``synth`` and ``report``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kit import config
from kit.compute.chunks import available_cores


def add_synth_options(parser: argparse.ArgumentParser) -> None:
    """The ``synth`` subcommand's options."""
    parser.add_argument("--n", type=int, required=True, help="number of articles to write")
    parser.add_argument("--out", required=True, help="the corpus folder to write (must be new or empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--from", dest="source", default=None, help="corpus folder to recombine (default: seeds/)")
    parser.add_argument("--force", action="store_true", help="replace --out if it is not empty")
    parser.set_defaults(handler=_synth)


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m kit import`` (see :mod:`kit.ingest.importer`)."""
    from kit.ingest.import_columns import DEFAULT_COLUMNS

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


def import_command(args: argparse.Namespace) -> int:
    """``python -m kit import``: the options as :class:`kit.ingest.importer.ImportSettings`, then the import."""
    from kit.ingest import importer
    from kit.ingest.import_columns import DEFAULT_COLUMNS

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


def add_report_options(parser: argparse.ArgumentParser) -> None:
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
    parser.add_argument(
        "--params",
        type=Path,
        default=config.PARAMS,
        metavar="DIR",
        help="folder of parameter sets, one <notebook>.yaml each (default notebooks/params/; copy it to start)",
    )
    own = parser.add_argument_group(
        "your data files (every report whose notebook takes one uses it, over its parameter set's)"
    )
    from kit.report.parameters import RUNNER_FILES, RUNNER_OPTIONS

    for flag in RUNNER_FILES:
        own.add_argument(
            f"--{flag}", metavar="FILE", help=f"your {flag} YAML (notebook parameter {RUNNER_OPTIONS[flag]})"
        )
    own.add_argument(
        "--periods",
        nargs="+",
        metavar="BOUNDARY",
        help="period boundaries for every report with periods, e.g. 2018 2024 or 'recent=2024-01-01'",
    )
    parser.add_argument(
        "--out",
        "--reports",
        dest="reports",
        type=Path,
        default=config.REPORTS,
        metavar="SITE",
        help="folder for the report site (default reports/, which is for the seeds only)",
    )


def _synth(args: argparse.Namespace) -> int:
    from kit.validation import synth

    out = synth.synthesise(args.n, args.out, seed=args.seed, source_dir=args.source, force=args.force)
    print(f"wrote {args.n} articles to {out}")
    return 0


def report_command(args: argparse.Namespace) -> int:
    """``python -m kit report``: :func:`kit.report.run` with the options."""
    from kit import report  # papermill and nbconvert load only when a report runs
    from kit.report.parameters import RUNNER_OPTIONS

    given: dict[str, Any] = {flag: getattr(args, flag) for flag in RUNNER_OPTIONS if getattr(args, flag)}
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
        options=given,
    )
