"""The reports pipeline: notebooks × parameter sets → ``reports/`` (notebook, HTML, JSON sidecar, CSVs, index).

    plan (notebooks/*.ipynb × notebooks/params/<stem>.yaml) → check parameters → execute (papermill,
    one staging folder per report) → normalise (no timestamps, ids or paths) → render HTML (no scripts)
    → publish (the report's files switched as one set, see :mod:`~kit.report.publish`) → ``reports/index.html``

One module per step: :mod:`~kit.report.plan`, :mod:`~kit.report.parameters`, :mod:`~kit.report.execute`,
:mod:`~kit.report.render`, :mod:`~kit.report.publish`, :mod:`~kit.report.index`; :func:`run` strings them
together for ``python -m kit report``.

A report that fails leaves its executed copy in ``reports/failed/`` and the previous good report in
place; the run goes on and ends with a non-zero exit and one line per failure. Two runs on the same
inputs write the same bytes.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit import config
from kit.chunks import capped_jobs
from kit.errors import KitError, preview
from kit.report.execute import Outcome, execute, failure_reason
from kit.report.index import prune, summarise_corpus, write_index
from kit.report.layout import STAGING, relative_to_root, shown
from kit.report.parameters import check_parameters, declared_parameters
from kit.report.plan import Run, bound_corpus, for_corpus, plan, select_runs
from kit.report.publish import UNWRITABLE, exclusive, recover, writing_reports

__all__ = ["EXIT_FAILED", "Outcome", "Run", "plan", "run", "select_runs"]

EXIT_FAILED = 1
# The longest --timeout a cell may have, in seconds (a week): a larger number is a typo, and a huge one
# overflows the timers that wait for the kernel.
MOST_TIMEOUT = 7 * 24 * 60 * 60
# The index page's body class (kit/report/templates/index.html.j2): how a site the kit wrote is recognised.
INDEX_MARK = '<body class="kit-index">'


def run(
    *,
    notebooks_dir: Path = config.NOTEBOOKS,
    params_dir: Path = config.PARAMS,
    reports_dir: Path = config.REPORTS,
    only: Sequence[str] | None = None,
    jobs: int = 1,
    show_code: bool = False,
    corpus: str | None = None,
    timeout: int | None = None,
    progress: bool = True,
) -> int:
    """Produce the reports and the index; returns 0, or 1 when any report failed.

    Raises:
        KitError: bad params files, unknown or mistyped parameters, an unknown ``--only`` name, ``jobs`` below 1
            (more than the cores is capped at them, with a warning), a ``timeout`` of zero seconds or less or over
            :data:`MOST_TIMEOUT`, a missing ``--corpus`` folder, or another run holding
            ``reports/``: nothing runs then. CorpusError: a bad manifest row or article, found while the store is
            filled: the site is not touched. A full disk or a read-only reports folder (``ReportsUnwritable``):
            the run stops, the report being written keeps its previous files and its staging is removed.
    """
    if jobs < 1:
        raise KitError(f"--jobs {jobs}: must be 1 or more")
    jobs = capped_jobs(jobs)
    skip_iri_grammars()
    if timeout is not None and not 0 < timeout <= MOST_TIMEOUT:
        raise KitError(f"--timeout {preview(timeout)}: must be a positive number of seconds, at most {MOST_TIMEOUT:,}")
    runs = plan(notebooks_dir, params_dir)
    chosen = select_runs(runs, only)
    extra: dict[str, Any] = {}
    folder = _corpus_folder(corpus, reports_dir)
    if corpus is not None:
        extra["corpus_dir"] = corpus = relative_to_root(folder)
        runs = for_corpus(runs, folder)  # a set bound to another corpus (corpus_dir: seeds) is left out
        for item in [item for item in chosen if item not in runs]:
            where = f"parameter set {item.slug!r} in {shown(item.params_file)}"
            print(f"left out {item.name}: {where} is for the corpus {shown(bound_corpus(item))}", file=sys.stderr)
        chosen = [item for item in chosen if item in runs]
    declared_by_notebook: dict[Path, dict[str, dict[str, Any]]] = {}
    for item in chosen:
        if item.notebook not in declared_by_notebook:
            declared_by_notebook[item.notebook] = declared_parameters(item.notebook)
        check_parameters(item, declared_by_notebook[item.notebook], extra)

    options = {"reports_dir": reports_dir, "corpus": corpus, "show_code": show_code, "timeout": timeout}
    from kit.archive import fill_report_tables  # the store's engine loads only for a run that executes

    fill_report_tables(folder, jobs=jobs, progress=progress)  # a bad article: refused before the site is touched
    with writing_reports(reports_dir):
        reports_dir.mkdir(parents=True, exist_ok=True)
        with exclusive(reports_dir):
            for name in recover(reports_dir):
                print(f"finished publishing {name}, interrupted in an earlier run", file=sys.stderr)
            outcomes = _execute_all(chosen, jobs=jobs, progress=progress, options=options)
            if not only:
                for path in prune(runs, reports_dir):
                    print(f"removed stale report file {shown(path)}", file=sys.stderr)
            index = write_index(runs, reports_dir, outcomes, summarise_corpus(folder))

    failures = [outcome for outcome in outcomes.values() if outcome.failure]
    for outcome in failures:
        kept = f" (executed copy: {outcome.failed_copy})" if outcome.failed_copy else ""
        print(f"FAILED {outcome.name}: {outcome.failure}{kept}", file=sys.stderr)
    done = len(outcomes) - len(failures)
    print(f"{done} of {len(outcomes)} reports written; index: {shown(index)}", file=sys.stderr)
    return EXIT_FAILED if failures else 0


def skip_iri_grammars() -> None:
    """Leave out a module the runner never uses and that costs each of its processes 0.7 s to import.

    nbformat imports jsonschema, and jsonschema's format checkers import ``rfc3987_syntax`` when it is installed
    (jupyter-events, a JupyterLab dependency, brings it), which builds 38 Lark grammars for an "iri" format check
    that neither nbformat (it validates with fastjsonschema) nor the kit asks for. Marked absent in this process
    before anything imports jsonschema, so jsonschema goes without that checker; called by :func:`run` and in
    each worker it starts, never in a notebook's kernel. A process that imported it already keeps it.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None: "import raises ImportError"


def _corpus_folder(corpus: str | None, reports_dir: Path) -> Path:
    """The corpus folder of a run, refusing a site folder that would mix corpora or write into a corpus.

    ``reports/`` holds the seed reports only: another corpus's site goes to a folder of its own (``--out``).
    """
    folder = Path(corpus).resolve() if corpus is not None else config.SEEDS.resolve()
    if not (folder / config.MANIFEST_NAME).is_file():
        raise KitError(f"--corpus {corpus}: no {config.MANIFEST_NAME} in that folder")
    site = reports_dir.resolve()
    seeds = config.SEEDS.resolve()
    if folder != seeds and site == config.REPORTS.resolve():
        raise KitError(f"--corpus {corpus}: give the site a folder of its own with --out SITE (reports/ is the seeds')")
    for raw in {folder, seeds}:
        if site == raw or raw in site.parents:
            raise KitError(f"--out {shown(reports_dir)}: inside the corpus folder {shown(raw)}; choose another folder")
    _check_site(reports_dir)
    return folder


def _check_site(reports_dir: Path) -> None:
    """Refuse a site path that is a file, or a folder holding other things than a report site (its files could be
    overwritten or pruned): a new or empty folder, ``reports/``, or a site the kit wrote earlier is fine.
    """
    if reports_dir.exists() and not reports_dir.is_dir():
        raise KitError(f"--out {shown(reports_dir)}: not a folder; name a new or empty folder for the site")
    if not reports_dir.is_dir() or reports_dir.resolve() == config.REPORTS.resolve():
        return
    index = reports_dir / config.REPORT_INDEX_NAME
    written_by_kit = (reports_dir / STAGING).is_dir() or (
        index.is_file() and INDEX_MARK in index.read_text(encoding="utf-8", errors="replace")
    )
    if any(reports_dir.iterdir()) and not written_by_kit:
        raise KitError(
            f"--out {shown(reports_dir)}: the folder holds files that are not a report site; "
            "name a new or empty folder for the site"
        )


def _execute_all(chosen: Sequence[Run], *, jobs: int, progress: bool, options: dict[str, Any]) -> dict[str, Outcome]:
    from tqdm import tqdm

    outcomes: dict[str, Outcome] = {}
    bar = tqdm(
        total=len(chosen), desc="reports", unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True
    )
    with bar:
        if jobs == 1 or len(chosen) == 1:
            for item in chosen:
                bar.set_postfix_str(item.name)
                outcomes[item.name] = execute(item, **options)
                bar.update()
            return outcomes
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=skip_iri_grammars
        ) as pool:
            pending = {pool.submit(execute, item, **options): item for item in chosen}
            bar.set_postfix_str(", ".join(item.name for item in chosen[:jobs]))
            for future in concurrent.futures.as_completed(pending):
                item = pending[future]
                try:
                    outcomes[item.name] = future.result()
                except Exception as err:
                    if isinstance(err, OSError) and err.errno in UNWRITABLE:
                        pool.shutdown(cancel_futures=True)  # a full or read-only disk: the others would fail too
                        raise
                    # a worker that died: that report failed, the others go on
                    outcomes[item.name] = Outcome(item.name, failure_reason(type(err).__name__, str(err)))
                running = [i.name for f, i in pending.items() if not f.done()][:jobs]
                bar.set_postfix_str(", ".join(running) or item.name)
                bar.update()
    return outcomes
