"""The concordancer's commands: ``python -m kit concord``, ``collocates``, ``ngrams``, ``trend``.

Options become keyword arguments and a :class:`kit.analyses.concordance.Selection` (:mod:`kit.analyses.concordance`,
:mod:`kit.analyses.collocates`, :mod:`kit.presentation.dispersion`); each prints a table, CSV or JSON, as
``kit table`` does.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kit.cli import add_corpus_options, render
from kit.errors import KitError
from kit.preprocess.pipeline import prepare

CONCORDANCE_COMMANDS = ("concord", "collocates", "ngrams", "trend")


def add_concordance_commands(commands: Any) -> None:
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
    add_corpus_options(parser)
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


def concordance_command(args: argparse.Namespace) -> int:
    """Run one of :data:`CONCORDANCE_COMMANDS`: options become keyword arguments and a Selection."""
    from kit.analyses import collocates, concordance
    from kit.presentation import dispersion

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
