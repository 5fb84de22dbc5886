"""Execute one report, then publish it.

Papermill runs the notebook in a private staging folder, with a kernel environment fixed for reproducibility and a
kernel that ends with the process that started it; the process holding the site's lock then puts the set in place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit import config
from kit.compute import lifetime
from kit.errors import first_line, shorten
from kit.report import publish, site
from kit.report.layout import (
    FAILED,
    NOTEBOOK_NAME,
    STAGING,
    VALUES_FILE,
    failed_folder,
    relative_to_root,
    report_folder,
    shown,
)
from kit.report.parameters import declared_parameters
from kit.report.plan import Run
from kit.report.render import find_unsafe_markup, normalise_notebook, render_html
from kit.report.site import SiteRecord

if TYPE_CHECKING:
    from nbformat import NotebookNode

# The project kernel (installed into .venv by make); every notebook names it in its metadata too.
KERNEL = "presskit"
# The kernel's environment: fixed hash seed (set and dict orders) and a fixed "now" for tools that honour it; and
# where a report page reaches the reader pages, so its tables link to them (kit.presentation.display.READER_ENV).
KERNEL_ENV = {"SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0", "PRESSKIT_READER": "../reader/"}
# A notebook's exception message, as the FAILED line and the index show it (the executed copy has it whole).
FAILURE_LIMIT = 200


@dataclass(frozen=True)
class Outcome:
    """What happened to one run: ``failure`` is ``""`` on success, else a one-line reason."""

    name: str
    failure: str = ""
    failed_copy: str = ""


@dataclass(frozen=True)
class Staged:
    """A report executed into its staging folder, for the process holding the site's lock to publish.

    Attributes:
        name: the report (``<notebook-stem>__<slug>``).
        failure: ``""`` on success, else a one-line reason.
        folder: the staging folder with the set to publish (the report, or the failed run's copy); None when
            there is nothing to publish (the notebook was not executed).
    """

    name: str
    failure: str = ""
    folder: Path | None = None


def execute(
    run: Run,
    *,
    reports_dir: Path,
    corpus: str | None = None,
    show_code: bool = False,
    timeout: int | None = None,
    given: Mapping[str, Any] | None = None,
) -> Staged:
    """Execute one report into its staging folder, ``reports_dir/.staging/<name>/``, writing nothing else.

    Never raises for a notebook that fails: the reason is in the returned :class:`Staged`, and the staging folder
    then holds the executed copy to keep in ``failed/``. :func:`publish` puts either in place.
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    staging = reports_dir / STAGING / run.name
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    executed = staging / NOTEBOOK_NAME
    kernels = reports_dir / STAGING / publish.KERNELS
    kernels.mkdir(exist_ok=True)
    # A killed run leaves the kernel's connection file (ports and key) here, where the next run removes it.
    kernel_config = Config({"KernelManager": {"connection_file": str(kernels / f"{run.name}.json")}})
    declared = declared_parameters(run.notebook)
    chosen = {name: value for name, value in (given or {}).items() if name in declared}  # the runner's options
    parameters = {**run.overrides, **({"corpus_dir": corpus} if corpus is not None else {}), **chosen}
    parameters["output_dir"] = relative_to_root(staging)
    failure = ""
    try:
        with kernel_environment(), quiet_after_interrupt():
            papermill.execute_notebook(
                str(run.notebook),
                str(executed),
                parameters=parameters,
                kernel_name=KERNEL,
                kernel_manager_class=kernel_manager_class(),
                cwd=str(config.ROOT),
                progress_bar=False,
                # Saved when it ends (or fails) and every 30 s of a long cell, not after every cell: writing the
                # whole notebook after each of ~50 cells was a third of the runner's own time.
                request_save_on_cell_execute=False,
                execution_timeout=timeout,
                config=kernel_config,
            )
    except PapermillExecutionError as err:
        failure = f"{failure_reason(err.ename, err.evalue)} (cell In [{err.exec_count}])"
    except OSError as err:
        if err.errno in publish.UNWRITABLE:  # papermill writing the executed notebook: every report would fail
            shutil.rmtree(staging, ignore_errors=True)
            raise
        failure = failure_reason(type(err).__name__, str(err))
    except Exception as err:  # a dead kernel, a timeout, an unreadable notebook: still one report's failure
        failure = failure_reason(type(err).__name__, str(err))
    try:
        source_notebook: NotebookNode = nbformat.read(str(run.notebook), as_version=4)
        source_ids = {cell.get("id") for cell in source_notebook.cells}
        notebook: NotebookNode | None
        try:
            notebook = nbformat.read(str(executed), as_version=4) if executed.exists() else None
        except ValueError:  # cut short while papermill was writing it
            notebook = None
        if notebook is None:
            shutil.rmtree(staging, ignore_errors=True)
            return Staged(run.name, failure or "the notebook was not executed")
        notebook = normalise_notebook(notebook, source_ids=source_ids, input_path=relative_to_root(run.notebook))
        files = own_files(staging)
        page = render_html(
            notebook, run=run, parameters=parameters, show_code=show_code, failed=bool(failure), files=files
        )
        unsafe = find_unsafe_markup(page)
        if not failure and unsafe:
            failure = f"unsafe markup in an output ({unsafe[0]}): display article text as text, not HTML"
        if failure:
            publish.stage_failed(notebook, page if not unsafe else None, staging)
        else:
            publish.stage_report(notebook, page, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Staged(run.name, failure, staging)


def publish_staged(staged: Staged, reports_dir: Path, record: SiteRecord) -> tuple[Outcome, SiteRecord]:
    """Put a staged report in place (by the process holding the site's lock), keeping the files the kit did not
    write in its folder; returns what happened and the site's record, updated and written.
    """
    if staged.folder is None:
        return Outcome(staged.name, staged.failure), record
    report = report_folder(reports_dir, staged.name)
    target = failed_folder(reports_dir, staged.name) if staged.failure else report
    try:
        if staged.failure:
            record = publish.ignored_by_git(target.parent, reports_dir, record)
        record, clashes = publish.install(staged.folder, target, reports_dir, record)
    finally:
        # An interrupted switch keeps its staged folder: the next run finishes it from the journal.
        if not publish.journal_path(reports_dir, target).exists():
            shutil.rmtree(staged.folder, ignore_errors=True)
    if clashes:
        where = shown(target / clashes[0].rstrip("/"))
        return Outcome(staged.name, f"{where} is not the kit's and this report writes it too; move it away"), record
    if staged.failure:
        return Outcome(staged.name, staged.failure, shown(target / NOTEBOOK_NAME)), record
    # The run succeeded: an earlier run's failed copy is out of date.
    return Outcome(staged.name), site.remove_kit_files(reports_dir, f"{FAILED}/{staged.name}", record)


def own_files(staging: Path) -> list[str]:
    """The files a report's page links to: its notebook, recorded values and tables, by their real names."""
    tables = sorted(path.name for path in staging.glob("*.csv"))
    return [NOTEBOOK_NAME, VALUES_FILE, *tables]


@cache
def kernel_manager_class() -> type:
    """jupyter_client's kernel manager, its kernels started to end with the process that starts them (a worker,
    or ``kit report`` itself): :func:`kit.compute.lifetime.kernel_preexec`.
    """
    from jupyter_client.manager import AsyncKernelManager

    class KernelManager(AsyncKernelManager):
        # AsyncKernelManager's start_kernel is a coroutine function (typed as KernelManager's, which is not).
        async def start_kernel(self, **kw: Any) -> None:  # type: ignore[override]
            kw.setdefault("preexec_fn", lifetime.kernel_preexec(os.getpid()))
            await super().start_kernel(**kw)

    return KernelManager


@contextlib.contextmanager
def quiet_after_interrupt() -> Iterator[None]:
    """On Ctrl-C, drop the errors of the tasks an interrupted notebook leaves in this thread's event loop.

    nbclient's cell task ends, while the kernel is shut down, with the kernel's own KeyboardInterrupt, and asyncio
    would print it (some 80 lines) when the task is collected: the run ends with one line instead.
    """
    try:
        yield
    except KeyboardInterrupt:
        from jupyter_core.utils import ensure_event_loop

        ensure_event_loop().set_exception_handler(lambda loop, context: None)
        raise


def failure_reason(kind: str, message: str) -> str:
    """``"ValueError: first line of the message"``, the message cut at :data:`FAILURE_LIMIT` characters."""
    return f"{kind}: {shorten(first_line(message), FAILURE_LIMIT)}"


@contextlib.contextmanager
def kernel_environment() -> Iterator[None]:
    """Set :data:`KERNEL_ENV` (and clear ``$PRESSKIT_CORPUS``) for kernels started inside the block, restoring the
    environment afterwards.
    """
    saved = {name: os.environ.get(name) for name in [*KERNEL_ENV, config.CORPUS_ENV]}
    os.environ.update(KERNEL_ENV)
    os.environ.pop(config.CORPUS_ENV, None)  # a report reads the runner's --corpus, never a Lab session's corpus
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
