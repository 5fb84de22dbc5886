"""The reports pipeline: notebooks × parameter sets → ``reports/`` (notebook, HTML, JSON sidecar, CSVs, index).

    plan (notebooks/*.ipynb × notebooks/params/<stem>.yaml) → reader pages (a page per article, switched as one
    set, see :mod:`~kit.report.reader`) → check parameters → execute (papermill, one staging folder per report)
    → normalise (no timestamps, ids or paths) → render HTML (no scripts) → publish (the report's files switched
    as one set, see :mod:`~kit.report.publish`) → ``reports/index.html``

One module per step: :mod:`~kit.report.plan`, :mod:`~kit.report.parameters`, :mod:`~kit.report.execute`,
:mod:`~kit.report.render`, :mod:`~kit.report.publish`, :mod:`~kit.report.index`, :mod:`~kit.report.reader`;
:func:`run` strings them together for ``python -m kit report``.

A report that fails leaves its executed copy in ``reports/failed/`` and the previous good report in
place; the run goes on and ends with a non-zero exit and one line per failure. Two runs on the same
inputs write the same bytes. A site is a folder the kit made; it removes only what its record
(:mod:`~kit.report.site`) says it wrote there.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kit import config
from kit.compute.chunks import capped_jobs
from kit.compute.lifetime import worker_pool
from kit.errors import KitError, preview
from kit.report import site
from kit.report.execute import Outcome, Staged, execute, failure_reason, publish_staged
from kit.report.index import regenerate_command, summarise_corpus, write_index
from kit.report.layout import relative_to_root, shown
from kit.report.parameters import check_parameters, declared_parameters, runner_parameters
from kit.report.plan import Run, bound_corpus, for_corpus, plan, select_runs
from kit.report.publish import UNWRITABLE, exclusive, recover, writing_reports
from kit.report.site import SiteRecord

__all__ = ["EXIT_FAILED", "Outcome", "Run", "plan", "run", "select_runs"]

EXIT_FAILED = 1
# The longest --timeout a cell may have, in seconds (a week): a larger number is a typo, and a huge one
# overflows the timers that wait for the kernel.
MOST_TIMEOUT = 7 * 24 * 60 * 60


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
    options: Mapping[str, Any] | None = None,
) -> int:
    """Produce the reports and the index; returns 0, or 1 when any report failed.

    ``options`` are the runner's own (:data:`kit.report.parameters.RUNNER_OPTIONS`: ``dictionary``, ``registry``,
    ``lexicon``, ``formulas``, ``periods``): each sets its notebook parameter in every report whose notebook
    declares it, over the parameter set's value; a file's relative path starts at the working folder.

    Raises:
        KitError: bad params files, unknown or mistyped parameters, an unknown ``--only`` name, ``jobs`` below 1
            (more than the cores is capped at them, with a warning), a ``timeout`` of zero seconds or less or over
            :data:`MOST_TIMEOUT`, a missing ``--corpus`` folder, a site folder the kit did not make
            (:func:`kit.report.site.check_site`), ``only`` on a site made from another corpus, or another run
            holding ``reports/``: nothing runs then. CorpusError: a bad manifest row or article, found while the
            store is filled: the site is not touched. A full disk or a read-only reports folder (``ReportsUnwritable``):
            the run stops, the report being written keeps its previous files and its staging is removed.
    """
    if jobs < 1:
        raise KitError(f"--jobs {jobs}: must be 1 or more")
    # From the working folder, as the command line reads a path; kernels run in the project folder, so every path
    # the runner hands on is absolute (a relative --out once sent them looking in the project folder).
    notebooks_dir, params_dir, reports_dir = (Path(p).absolute() for p in (notebooks_dir, params_dir, reports_dir))
    jobs = capped_jobs(jobs)
    skip_iri_grammars()
    if timeout is not None and not 0 < timeout <= MOST_TIMEOUT:
        raise KitError(f"--timeout {preview(timeout)}: must be a positive number of seconds, at most {MOST_TIMEOUT:,}")
    runs = plan(notebooks_dir, params_dir)
    chosen = select_runs(runs, only)
    extra: dict[str, Any] = {}
    folder = _corpus_folder(corpus, reports_dir, only=bool(only))
    if corpus is not None:
        extra["corpus_dir"] = corpus = relative_to_root(folder)
        runs = for_corpus(runs, folder)  # a set bound to another corpus (corpus_dir: seeds) is left out
        for item in [item for item in chosen if item not in runs]:
            where = f"parameter set {item.slug!r} in {shown(item.params_file)}"
            print(f"left out {item.name}: {where} is for the corpus {shown(bound_corpus(item))}", file=sys.stderr)
        chosen = [item for item in chosen if item in runs]
    given = runner_parameters(options or {})
    declared_by_notebook: dict[Path, dict[str, dict[str, Any]]] = {}
    for item in chosen:
        if item.notebook not in declared_by_notebook:
            declared_by_notebook[item.notebook] = declared_parameters(item.notebook)
        declared = declared_by_notebook[item.notebook]
        check_parameters(item, declared, {**extra, **{k: v for k, v in given.items() if k in declared}})

    settings: dict[str, Any] = {"reports_dir": reports_dir, "corpus": corpus, "show_code": show_code}
    settings |= {"timeout": timeout, "given": given}
    from kit.compute.archive import fill_report_tables  # the store's engine loads only for a run that executes
    from kit.report.reader import publish_reader

    fill_report_tables(folder, jobs=jobs, progress=progress)  # a bad article: refused before the site is touched
    this_corpus = relative_to_root(folder)
    with writing_reports(reports_dir):
        reports_dir.mkdir(parents=True, exist_ok=True)
        with exclusive(reports_dir):
            record = site.open_record(reports_dir, corpus=this_corpus, only=bool(only))
            rebuilding = not record.corpus  # a full run on another corpus than the site's: rebuilt whole
            for name in recover(reports_dir):
                print(f"finished publishing {name}, interrupted in an earlier run", file=sys.stderr)
            # The reader pages first, so that a report's links to them hold as soon as it is published.
            record, reader_failure = publish_reader(folder, reports_dir, record)
            outcomes, record = _execute_all(chosen, jobs=jobs, progress=progress, options=settings, record=record)
            if not only:
                succeeded = [name for name, outcome in outcomes.items() if not outcome.failure]
                reports = succeeded if rebuilding else [item.name for item in runs]  # not another corpus's old set
                pruned, record = site.prune(reports_dir, record, reports=reports, failed=[item.name for item in runs])
                for path in pruned:
                    print(f"removed stale report {shown(path)}", file=sys.stderr)
            regenerate = regenerate_command(folder, reports_dir, params_dir, options)
            index, record = write_index(runs, reports_dir, outcomes, summarise_corpus(folder), record, regenerate)
            if rebuilding:
                site.write_record(reports_dir, site.SiteRecord(this_corpus, record.files))

    failures = [outcome for outcome in outcomes.values() if outcome.failure]
    if reader_failure:
        print(f"FAILED reader pages: {reader_failure}", file=sys.stderr)
    for outcome in failures:
        kept = f" (executed copy: {outcome.failed_copy})" if outcome.failed_copy else ""
        print(f"FAILED {outcome.name}: {outcome.failure}{kept}", file=sys.stderr)
    done = len(outcomes) - len(failures)
    print(f"{done} of {len(outcomes)} reports written; index: {shown(index)}", file=sys.stderr)
    return EXIT_FAILED if failures or reader_failure else 0


def skip_iri_grammars() -> None:
    """Leave out a module the runner never uses and that costs each of its processes 0.7 s to import.

    nbformat imports jsonschema, and jsonschema's format checkers import ``rfc3987_syntax`` when it is installed
    (jupyter-events, a JupyterLab dependency, brings it), which builds 38 Lark grammars for an "iri" format check
    that neither nbformat (it validates with fastjsonschema) nor the kit asks for. Marked absent in this process
    before anything imports jsonschema, so jsonschema goes without that checker; called by :func:`run` and in
    each worker it starts, never in a notebook's kernel. A process that imported it already keeps it.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None: "import raises ImportError"


def _corpus_folder(corpus: str | None, reports_dir: Path, *, only: bool) -> Path:
    """The corpus folder of a run, refusing a site folder that would mix corpora or write into a corpus.

    ``reports/`` holds the seed reports only: another corpus's site goes to a folder of its own (``--out``).
    """
    folder = Path(corpus).resolve() if corpus is not None else config.SEEDS.resolve()
    if not (folder / config.MANIFEST_NAME).is_file():
        raise KitError(f"--corpus {corpus}: no {config.MANIFEST_NAME} in that folder")
    out = reports_dir.resolve()
    seeds = config.SEEDS.resolve()
    if folder != seeds and out == config.REPORTS.resolve():
        raise KitError(f"--corpus {corpus}: give the site a folder of its own with --out SITE (reports/ is the seeds')")
    for raw in {folder, seeds}:
        if out == raw or raw in out.parents:
            raise KitError(f"--out {shown(reports_dir)}: inside the corpus folder {shown(raw)}; choose another folder")
    site.check_site(reports_dir, corpus=relative_to_root(folder), only=only)
    return folder


def _execute_all(
    chosen: Sequence[Run], *, jobs: int, progress: bool, options: dict[str, Any], record: SiteRecord
) -> tuple[dict[str, Outcome], SiteRecord]:
    """Execute the reports (in worker processes when ``jobs`` > 1), each published here as it ends."""
    from tqdm import tqdm

    reports_dir: Path = options["reports_dir"]
    outcomes: dict[str, Outcome] = {}
    bar = tqdm(
        total=len(chosen), desc="reports", unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True
    )
    with bar:
        if jobs == 1 or len(chosen) == 1:
            for item in chosen:
                bar.set_postfix_str(item.name)
                outcomes[item.name], record = publish_staged(execute(item, **options), reports_dir, record)
                bar.update()
            return outcomes, record
        context = multiprocessing.get_context("spawn")
        with worker_pool(jobs, context=context, initializer=skip_iri_grammars) as pool:
            pending = {pool.submit(execute, item, **options): item for item in chosen}
            bar.set_postfix_str(", ".join(item.name for item in chosen[:jobs]))
            for future in concurrent.futures.as_completed(pending):
                item = pending[future]
                try:
                    staged = future.result()
                except Exception as err:
                    if isinstance(err, OSError) and err.errno in UNWRITABLE:
                        raise  # a full or read-only disk: the others would fail too
                    # a worker that died: that report failed, the others go on
                    staged = Staged(item.name, failure_reason(type(err).__name__, str(err)))
                outcomes[item.name], record = publish_staged(staged, reports_dir, record)
                running = [i.name for f, i in pending.items() if not f.done()][:jobs]
                bar.set_postfix_str(", ".join(running) or item.name)
                bar.update()
    return outcomes, record
