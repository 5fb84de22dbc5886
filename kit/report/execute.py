"""Execute one report: papermill in a private staging folder, with a kernel environment fixed for reproducibility."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kit import config
from kit.errors import first_line, shorten
from kit.report import publish
from kit.report.layout import NOTEBOOK_NAME, STAGING, VALUES_FILE, failed_folder, relative_to_root, report_folder, shown
from kit.report.plan import Run
from kit.report.render import find_unsafe_markup, normalise, render_html

if TYPE_CHECKING:
    from nbformat import NotebookNode

# The project kernel (installed into .venv by make); every notebook names it in its metadata too.
KERNEL = "presskit"
# The kernel's environment: fixed hash seed (set and dict orders) and a fixed "now" for tools that honour it.
KERNEL_ENV = {"SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0"}
# A notebook's exception message, as the FAILED line and the index show it (the executed copy has it whole).
FAILURE_LIMIT = 200


@dataclass(frozen=True)
class Outcome:
    """What happened to one run: ``failure`` is ``""`` on success, else a one-line reason."""

    name: str
    failure: str = ""
    failed_copy: str = ""


def execute(
    run: Run,
    *,
    reports_dir: Path,
    corpus: str | None = None,
    show_code: bool = False,
    timeout: int | None = None,
) -> Outcome:
    """Execute one report in its staging folder, then publish it into ``reports_dir`` (or ``reports_dir/failed``).

    Never raises for a notebook that fails: the reason is in the returned :class:`Outcome`. The report's files
    are switched as one set (:mod:`kit.report.publish`).
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
    parameters = {**run.overrides, **({"corpus_dir": corpus} if corpus is not None else {})}
    parameters["output_dir"] = relative_to_root(staging)
    failure = ""
    try:
        with kernel_environment():
            papermill.execute_notebook(
                str(run.notebook),
                str(executed),
                parameters=parameters,
                kernel_name=KERNEL,
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
    source_notebook: NotebookNode = nbformat.read(str(run.notebook), as_version=4)
    source_ids = {cell.get("id") for cell in source_notebook.cells}
    notebook: NotebookNode | None
    try:
        notebook = nbformat.read(str(executed), as_version=4) if executed.exists() else None
    except ValueError:  # cut short while papermill was writing it
        notebook = None
    try:
        if notebook is None:
            return Outcome(run.name, failure or "the notebook was not executed")
        notebook = normalise(notebook, source_ids=source_ids, input_path=relative_to_root(run.notebook))
        files = own_files(staging)
        page = render_html(
            notebook, run=run, parameters=parameters, show_code=show_code, failed=bool(failure), files=files
        )
        unsafe = find_unsafe_markup(page)
        if not failure and unsafe:
            failure = f"unsafe markup in an output ({unsafe[0]}): display article text as text, not HTML"
        if failure:
            target = failed_folder(reports_dir, run.name)
            publish.stage_failed(notebook, page if not unsafe else None, staging)
            publish.ignored_by_git(target.parent)
            publish.switch(staging, target, reports_dir)
            return Outcome(run.name, failure, shown(target / NOTEBOOK_NAME))
        publish.stage_report(notebook, page, staging)
        publish.switch(staging, report_folder(reports_dir, run.name), reports_dir)
        # The run succeeded: an earlier run's failed copy is out of date.
        shutil.rmtree(failed_folder(reports_dir, run.name), ignore_errors=True)
        return Outcome(run.name)
    finally:
        # An interrupted switch keeps its staged folder: the next run finishes it from the journal.
        targets = (report_folder(reports_dir, run.name), failed_folder(reports_dir, run.name))
        if not any(publish.journal_path(reports_dir, target).exists() for target in targets):
            shutil.rmtree(staging, ignore_errors=True)


def own_files(staging: Path) -> list[str]:
    """The files a report's page links to: its notebook, recorded values and tables, by their real names."""
    tables = sorted(path.name for path in staging.glob("*.csv"))
    return [NOTEBOOK_NAME, VALUES_FILE, *tables]


def failure_reason(kind: str, message: str) -> str:
    """``"ValueError: first line of the message"``, the message cut at :data:`FAILURE_LIMIT` characters."""
    return f"{kind}: {shorten(first_line(message), FAILURE_LIMIT)}"


@contextlib.contextmanager
def kernel_environment() -> Iterator[None]:
    """Set :data:`KERNEL_ENV` for kernels started inside the block, restoring the environment afterwards."""
    saved = {name: os.environ.get(name) for name in KERNEL_ENV}
    os.environ.update(KERNEL_ENV)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
