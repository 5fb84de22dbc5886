"""The reports pipeline: notebooks × parameter sets → ``reports/`` (notebook, HTML, JSON sidecar, CSVs, index).

    plan (notebooks/*.ipynb × notebooks/params/<stem>.yaml) → check parameters → execute (papermill,
    one staging folder per report) → normalise (no timestamps, ids or paths) → render HTML (no scripts)
    → publish (one ``os.replace`` per file) → ``reports/index.html``

A report that fails leaves its executed copy in ``reports/failed/`` and the previous good report in
place; the run goes on and ends with a non-zero exit and one line per failure. Two runs on the same
inputs write the same bytes.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import contextlib
import functools
import html.parser
import json
import multiprocessing
import os
import re
import shutil
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit import config, yamlfile
from kit.errors import KitError
from kit.outputs import VALUES_NAME, write_atomic

# A parameter-set slug becomes part of a file name: letters, digits, dot, dash, underscore; no "__".
SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DEFAULT_SLUG = "default"
SEPARATOR = "__"
KERNEL = "python3"
# The kernel's environment: fixed hash seed (set and dict orders) and a fixed "now" for tools that honour it.
KERNEL_ENV = {"SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0"}
RUNNER_PARAMETERS = ("output_dir",)
REPORT_SUFFIXES = (".ipynb", ".html", ".json", ".csv")
FILE_MODE = 0o644
EXIT_FAILED = 1
# Folder names inside any reports folder (the real one is config.REPORTS; tests use their own).
STAGING = config.REPORTS_STAGING.name
FAILED = config.FAILED_REPORTS.name


@dataclass(frozen=True)
class Run:
    """One report to produce: a notebook executed with one parameter set."""

    notebook: Path
    slug: str
    overrides: Mapping[str, Any] = field(default_factory=dict)
    params_file: Path | None = None

    @property
    def stem(self) -> str:
        """The notebook's file name without ``.ipynb`` (e.g. ``01-chronology``)."""
        return self.notebook.stem

    @property
    def name(self) -> str:
        """The report's base name, ``<notebook-stem>__<slug>``."""
        return f"{self.stem}{SEPARATOR}{self.slug}"


@dataclass(frozen=True)
class Outcome:
    """What happened to one run: ``failure`` is ``""`` on success, else a one-line reason."""

    name: str
    failure: str = ""
    failed_copy: str = ""


# ---------------------------------------------------------------- plan


def plan(notebooks_dir: Path, params_dir: Path) -> list[Run]:
    """Every notebook × its parameter sets, in file-name order then YAML order.

    Raises:
        KitError: a params file that is not valid YAML, is not a mapping of slug → parameters,
            has a bad slug, or names no notebook.
    """
    notebooks = sorted(notebooks_dir.glob("*.ipynb"))
    if not notebooks:
        raise KitError(f"{_shown(notebooks_dir)}: no notebooks (*.ipynb) to run")
    stems = {path.stem for path in notebooks}
    for path in sorted(params_dir.glob("*.y*ml")) if params_dir.is_dir() else []:
        if path.suffix in (".yaml", ".yml") and path.stem not in stems:
            raise KitError(f"{_shown(path)}: no notebook {path.stem}.ipynb in {_shown(notebooks_dir)}")
    runs = []
    for notebook in notebooks:
        params_file = _params_file(params_dir, notebook.stem)
        if params_file is None:
            runs.append(Run(notebook, DEFAULT_SLUG))
            continue
        for slug, overrides in load_parameter_sets(params_file).items():
            runs.append(Run(notebook, slug, overrides, params_file))
    return runs


def _params_file(params_dir: Path, stem: str) -> Path | None:
    found = [
        params_dir / f"{stem}{suffix}" for suffix in (".yaml", ".yml") if (params_dir / f"{stem}{suffix}").is_file()
    ]
    if len(found) > 1:
        raise KitError(f"{_shown(found[0])}: both .yaml and .yml exist for {stem}; keep one")
    return found[0] if found else None


def load_parameter_sets(path: Path) -> dict[str, dict[str, Any]]:
    """Read ``notebooks/params/<stem>.yaml``: a mapping of slug → parameter overrides (``{}`` or empty = defaults).

    Raises:
        KitError: one line naming the file (and line) for bad YAML, a bad slug or a non-mapping value.
    """
    data = yamlfile.parse(yamlfile.read_text(path, "parameter-set file"), _shown(path))
    if not isinstance(data, dict) or not data:
        raise KitError(
            f"{_shown(path)}: expected a mapping of parameter-set name → parameters, e.g. 'all-outlets: {{}}'"
        )
    sets: dict[str, dict[str, Any]] = {}
    for slug, overrides in data.items():
        slug_text = str(slug)
        if not isinstance(slug, str) or not SLUG.match(slug_text) or SEPARATOR in slug_text:
            raise KitError(
                f"{_shown(path)}: parameter-set name {slug_text!r} must be letters, digits, '.', '-' or '_' "
                f"(no '{SEPARATOR}'), e.g. '2018-only'"
            )
        if overrides is None:
            overrides = {}
        if not isinstance(overrides, dict) or not all(isinstance(key, str) for key in overrides):
            raise KitError(f"{_shown(path)}: parameter set {slug!r} must map parameter names to values")
        sets[slug] = dict(overrides)
    return sets


def select(runs: Sequence[Run], only: Sequence[str] | None) -> list[Run]:
    """The runs ``--only`` names: a notebook stem (``01-chronology``), its name (``chronology``) or number
    (``01``), or one report (``01-chronology__2018-only``).

    Raises:
        KitError: a name that matches nothing.
    """
    if not only:
        return list(runs)
    chosen: list[Run] = []
    for wanted in only:
        matches = [run for run in runs if wanted in _names_of(run)]
        if not matches:
            known = ", ".join(sorted({run.stem for run in runs}))
            raise KitError(f"--only {wanted}: no such notebook or report (notebooks: {known})")
        chosen.extend(run for run in matches if run not in chosen)
    return [run for run in runs if run in chosen]


def _names_of(run: Run) -> set[str]:
    number, _, rest = run.stem.partition("-")
    names = {run.stem, run.name, f"{run.stem}.ipynb"}
    if rest and number.isdigit():
        names |= {number, rest}
    return names


# ---------------------------------------------------------------- parameters


_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


def declared_parameters(notebook: Path) -> dict[str, dict[str, Any]]:
    """The notebook's ``parameters`` cell as papermill reads it: name → {inferred_type_name, default, help}."""
    from papermill.inspection import inspect_notebook

    return inspect_notebook(str(notebook))


def check_parameters(run: Run, declared: Mapping[str, Mapping[str, Any]], extra: Mapping[str, Any]) -> None:
    """Refuse overrides the notebook does not declare, and values of the wrong type.

    Args:
        run: the report; its ``overrides`` come from ``run.params_file``.
        declared: :func:`declared_parameters` of the notebook.
        extra: parameters the runner adds (``corpus_dir`` from ``--corpus``).

    Raises:
        KitError: one line naming the params file, the parameter set and the parameter.
    """
    where = f"{_shown(run.params_file)}: parameter set {run.slug!r}" if run.params_file else f"{run.stem}"
    for name in RUNNER_PARAMETERS:
        if name not in declared:
            raise KitError(f"{_shown(run.notebook)}: the parameters cell must declare {name} (the runner sets it)")
        if name in run.overrides:
            raise KitError(f"{where}: {name} is set by the report runner; remove it")
    for name, value in {**run.overrides, **extra}.items():
        if name not in declared:
            known = ", ".join(sorted(declared))
            raise KitError(f"{where}: unknown parameter {name!r} for {run.notebook.name} (known: {known})")
        expected = _expected_type(declared[name])
        if expected is not None and not _has_type(value, expected):
            raise KitError(
                f"{where}: parameter {name!r} must be {expected}, got {type(value).__name__} {_literal(value)}"
            )


def _expected_type(parameter: Mapping[str, Any]) -> str | None:
    annotation = str(parameter.get("inferred_type_name") or "None").strip()
    if annotation == "None":
        try:
            default = ast.literal_eval(str(parameter.get("default")))
        except (ValueError, SyntaxError):
            return None
        return type(default).__name__ if type(default).__name__ in _TYPES else None
    return annotation


def _has_type(value: Any, annotation: str) -> bool:
    alternatives = [part.strip() for part in annotation.replace("Optional[", "None | ").rstrip("]").split("|")]
    for alternative in alternatives:
        if alternative == "None" and value is None:
            return True
        base, _, inner = alternative.partition("[")
        base = base.strip().lower()
        if base not in _TYPES:
            return True  # an annotation the runner does not know: papermill and the notebook decide
        if isinstance(value, bool) and bool not in _TYPES[base]:
            continue
        if not isinstance(value, _TYPES[base]):
            continue
        inner = inner.rstrip("]").strip()
        if base == "list" and inner in _TYPES and not all(_has_type(item, inner) for item in value):
            continue
        return True
    return False


def _literal(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ---------------------------------------------------------------- execute one report


def execute(
    run: Run,
    *,
    reports_dir: Path,
    corpus: str | None = None,
    show_code: bool = False,
    timeout: int | None = None,
) -> Outcome:
    """Execute one report in its staging folder, then publish it into ``reports_dir`` (or ``reports_dir/failed``).

    Never raises for a notebook that fails: the reason is in the returned :class:`Outcome`.
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    staging = reports_dir / STAGING / run.name
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    executed = staging / f"{run.name}.ipynb"
    parameters = {**run.overrides, **({"corpus_dir": corpus} if corpus is not None else {})}
    parameters["output_dir"] = _shown(staging)
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
                execution_timeout=timeout,
            )
    except PapermillExecutionError as err:
        failure = f"{err.ename}: {_one_line(err.evalue)} (cell In [{err.exec_count}])"
    except Exception as err:  # a dead kernel, a timeout, an unreadable notebook: still one report's failure
        failure = f"{type(err).__name__}: {_one_line(str(err))}"
    source_ids = {cell.get("id") for cell in nbformat.read(str(run.notebook), as_version=4).cells}
    notebook = nbformat.read(str(executed), as_version=4) if executed.exists() else None
    try:
        if notebook is None:
            return Outcome(run.name, failure or "the notebook was not executed")
        notebook = normalise(notebook, source_ids=source_ids, input_path=_shown(run.notebook))
        page = render_html(notebook, run=run, parameters=parameters, show_code=show_code, failed=bool(failure))
        unsafe = find_unsafe_markup(page)
        if not failure and unsafe:
            failure = f"unsafe markup in an output ({unsafe[0]}): display article text as text, not HTML"
        if failure:
            return _keep_failed(run, notebook, page if not unsafe else None, failure, reports_dir, staging)
        _publish_success(run, notebook, page, reports_dir, staging)
        return Outcome(run.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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


def _publish_success(run: Run, notebook: Any, page: str, reports_dir: Path, staging: Path) -> None:
    import nbformat

    write_atomic(staging / f"{run.name}.ipynb", nbformat.writes(notebook) + "\n")
    write_atomic(staging / f"{run.name}.html", page)
    values = staging / VALUES_NAME
    if not values.exists():
        write_atomic(values, "{}\n")
    moves = {
        staging / f"{run.name}.ipynb": reports_dir / f"{run.name}.ipynb",
        staging / f"{run.name}.html": reports_dir / f"{run.name}.html",
        values: reports_dir / f"{run.name}.json",
    }
    for table in sorted(staging.glob("*.csv")):
        moves[table] = reports_dir / f"{run.name}{SEPARATOR}{table.stem}.csv"
    # Tables this run no longer writes would otherwise linger beside the new report.
    stale = set(reports_dir.glob(f"{run.name}{SEPARATOR}*.csv")) - set(moves.values())
    for source, target in moves.items():
        _move(source, target)
    for path in sorted(stale):
        path.unlink(missing_ok=True)
    for path in (reports_dir / FAILED).glob(f"{run.name}.*"):
        path.unlink(missing_ok=True)


def _keep_failed(run: Run, notebook: Any, page: str | None, failure: str, reports_dir: Path, staging: Path) -> Outcome:
    import nbformat

    failed_dir = reports_dir / FAILED
    failed_dir.mkdir(parents=True, exist_ok=True)
    # Failed copies are for inspection, never for committing.
    if not (failed_dir / ".gitignore").exists():
        write_atomic(failed_dir / ".gitignore", "*\n")
    target = failed_dir / f"{run.name}.ipynb"
    write_atomic(staging / "failed.ipynb", nbformat.writes(notebook) + "\n")
    _move(staging / "failed.ipynb", target)
    (failed_dir / f"{run.name}.html").unlink(missing_ok=True)
    if page is not None:
        write_atomic(staging / "failed.html", page)
        _move(staging / "failed.html", failed_dir / f"{run.name}.html")
    return Outcome(run.name, failure, _shown(target))


def _move(source: Path, target: Path) -> None:
    os.chmod(source, FILE_MODE)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


# ---------------------------------------------------------------- normalise and render


def normalise(notebook: Any, *, source_ids: set[str], input_path: str) -> Any:
    """Drop what changes from run to run: papermill timings and paths, execution timestamps, random cell ids.

    Cell ids from the source notebook are kept; cells papermill adds get ids from their position.
    ``language_info.version`` goes too: the Python patch release is the machine's, not the analysis's.
    """
    papermill_meta = notebook.metadata.get("papermill", {})
    kept = {"input_path": input_path, "parameters": papermill_meta.get("parameters", {})}
    if papermill_meta.get("exception"):
        kept["exception"] = True
    kept["version"] = papermill_meta.get("version")
    notebook.metadata["papermill"] = kept
    notebook.metadata.get("language_info", {}).pop("version", None)
    for position, cell in enumerate(notebook.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "id" in cell and cell.id not in source_ids:
            tags = cell.metadata.get("tags", [])
            cell.id = "injected-parameters" if "injected-parameters" in tags else f"kit-{position}"
    return notebook


def render_html(
    notebook: Any, *, run: Run, parameters: Mapping[str, Any], show_code: bool = False, failed: bool = False
) -> str:
    """The report page: code hidden unless ``show_code``, no scripts, every output shown as data."""
    exporter = _exporter(show_code)
    shown = [(name, _literal(value)) for name, value in parameters.items() if name != "output_dir"]
    resources = {
        "metadata": {"name": run.name},
        "kit": {
            "title": f"{_title(notebook) or run.stem} · {run.slug}",
            "notebook": run.stem,
            "slug": run.slug,
            "parameters": shown,
            "index_href": ("../" if failed else "") + config.REPORT_INDEX_NAME,
        },
    }
    page, _ = exporter.from_notebook_node(notebook, resources=resources)
    return page.rstrip() + "\n"


def _exporter(show_code: bool) -> Any:
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    settings = Config()
    settings.TemplateExporter.exclude_input = not show_code
    settings.TemplateExporter.exclude_input_prompt = not show_code
    settings.TemplateExporter.exclude_output_prompt = not show_code
    exporter = HTMLExporter(config=settings, template_name="report", extra_template_basedirs=[str(config.TEMPLATES)])
    exporter.register_filter("markdown_as_data", markdown_as_data)
    return exporter


def markdown_as_data(source: str) -> str:
    """Markdown a notebook *computed* (it may quote article text) as HTML: raw HTML is escaped, and a link
    with a script scheme (``[x](javascript:...)``) is shown as its source text instead of a link.
    """
    from nbconvert.filters.markdown_mistune import MarkdownWithMath

    renderer = _data_renderer_class()(escape=True, allow_harmful_protocols=False, exclude_anchor_links=True)
    return MarkdownWithMath(renderer=renderer).render(source)


@functools.cache
def _data_renderer_class() -> type:
    """The Markdown renderer of nbconvert, with script-scheme links kept as text (built on first use: nbconvert is slow
    to import and ``python -m kit table`` never needs it).
    """
    from html import escape

    from nbconvert.filters.markdown_mistune import IPythonRenderer

    class DataRenderer(IPythonRenderer):
        def link(self, text: str, url: str, title: str | None = None) -> str:
            if self.safe_url(url) == "#harmful-link":
                return f"[{text}]({escape(url, quote=False)})"
            return super().link(text, url, title)

        def image(self, text: str, url: str, title: str | None = None) -> str:
            if self.safe_url(url) == "#harmful-link":
                return f"![{escape(text, quote=False)}]({escape(url, quote=False)})"
            return super().image(text, url, title)

    return DataRenderer


def _title(notebook: Any) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
            return ""
    return ""


class _ActiveContent(html.parser.HTMLParser):
    """Collects what could run in a browser: script-like elements, ``on*`` handlers, script URLs."""

    ELEMENTS = frozenset({"script", "iframe", "object", "embed", "frame", "frameset", "base"})
    URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})
    # Browsers ignore ASCII whitespace and control characters inside a URL scheme ("java\tscript:").
    IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.ELEMENTS:
            self.found.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name} attribute on <{tag}>")
            elif name in self.URL_ATTRIBUTES and value is not None:
                url = self.IGNORED_IN_SCHEME.sub("", value).lower()
                if url.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.found.append(f"{url.split(':')[0]}: URL in {name} of <{tag}>")

    handle_startendtag = handle_starttag


def find_unsafe_markup(page: str) -> list[str]:
    """What in an HTML page could execute (the report template itself has none); ``[]`` for a safe page."""
    parser = _ActiveContent()
    parser.feed(page)
    parser.close()
    return parser.found


# ---------------------------------------------------------------- index


def write_index(runs: Sequence[Run], reports_dir: Path, outcomes: Mapping[str, Outcome]) -> Path:
    """Write ``reports/index.html``: every report with its parameters, headline values and relative links."""
    import jinja2

    notebooks: dict[str, dict[str, Any]] = {}
    for run in runs:
        entry = notebooks.setdefault(
            run.stem, {"stem": run.stem, "title": _notebook_title(run.notebook), "reports": []}
        )
        entry["reports"].append(_index_row(run, reports_dir, outcomes.get(run.name)))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(config.TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    page = environment.get_template("index.html.j2").render(
        notebooks=list(notebooks.values()),
        reports=list(runs),
        css=(config.TEMPLATES / "report" / "kit.css").read_text(encoding="utf-8"),
    )
    staging = reports_dir / STAGING / config.REPORT_INDEX_NAME
    write_atomic(staging, page)
    target = reports_dir / config.REPORT_INDEX_NAME
    _move(staging, target)
    return target


def _index_row(run: Run, reports_dir: Path, outcome: Outcome | None) -> dict[str, Any]:
    from urllib.parse import quote

    links: list[tuple[str, str]] = []
    has_report = (reports_dir / f"{run.name}.html").exists()
    if has_report:
        links += [("report (HTML)", f"{run.name}.html"), ("notebook (.ipynb)", f"{run.name}.ipynb")]
        links.append(("recorded values (JSON)", f"{run.name}.json"))
        for table in sorted(reports_dir.glob(f"{run.name}{SEPARATOR}*.csv")):
            links.append((f"table {table.stem[len(run.name) + len(SEPARATOR) :]} (CSV)", table.name))
    failure = outcome.failure if outcome else ""
    if failure:
        for suffix, label in ((".html", "failed run (HTML)"), (".ipynb", "failed run (.ipynb)")):
            if (reports_dir / FAILED / f"{run.name}{suffix}").exists():
                links.append((label, f"{FAILED}/{run.name}{suffix}"))
    return {
        "name": run.name,
        "slug": run.slug,
        "overrides": [(name, _literal(value)) for name, value in run.overrides.items()],
        "headline_values": _headline_values(reports_dir / f"{run.name}.json") if has_report else [],
        "files": [(label, quote(href)) for label, href in links],
        "failure": failure,
        "has_report": has_report,
    }


def _headline_values(sidecar: Path) -> list[tuple[str, str]]:
    try:
        values = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(values, dict):
        return [("values", _short(json.dumps(values, ensure_ascii=False)))]
    rows = []
    for name in sorted(values):
        value = values[name]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
        rows.append((str(name), _short(text)))
    return rows


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _notebook_title(notebook: Path) -> str:
    import nbformat

    try:
        return _title(nbformat.read(str(notebook), as_version=4))
    except Exception:  # the index still lists a notebook whose file cannot be read
        return ""


def prune(runs: Sequence[Run], reports_dir: Path) -> list[Path]:
    """Delete report files of notebooks or parameter sets that no longer exist; returns what was removed."""
    names = {run.name for run in runs}
    removed = []
    candidates = [*reports_dir.glob(f"*{SEPARATOR}*"), *(reports_dir / FAILED).glob(f"*{SEPARATOR}*")]
    for path in sorted(candidates):
        if not path.is_file() or path.suffix not in REPORT_SUFFIXES:
            continue
        parts = path.name.split(SEPARATOR)
        slug = parts[1][: -len(path.suffix)] if len(parts) == 2 else parts[1]
        name = f"{parts[0]}{SEPARATOR}{slug}"
        if name not in names:
            path.unlink()
            removed.append(path)
    return removed


# ---------------------------------------------------------------- the command


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
        KitError: bad params files, unknown or mistyped parameters, an unknown ``--only`` name,
            a missing ``--corpus`` folder, or another run holding ``reports/``. Nothing runs then.
    """
    from tqdm import tqdm

    if jobs < 1:
        raise KitError(f"--jobs {jobs}: must be 1 or more")
    runs = plan(notebooks_dir, params_dir)
    chosen = select(runs, only)
    extra: dict[str, Any] = {}
    if corpus is not None:
        folder = Path(corpus).resolve()
        if not (folder / config.MANIFEST_NAME).is_file():
            raise KitError(f"--corpus {corpus}: no {config.MANIFEST_NAME} in that folder")
        extra["corpus_dir"] = corpus = _shown(folder)
    declared_by_notebook: dict[Path, dict[str, dict[str, Any]]] = {}
    for item in chosen:
        if item.notebook not in declared_by_notebook:
            declared_by_notebook[item.notebook] = declared_parameters(item.notebook)
        check_parameters(item, declared_by_notebook[item.notebook], extra)

    reports_dir.mkdir(parents=True, exist_ok=True)
    options = {"reports_dir": reports_dir, "corpus": corpus, "show_code": show_code, "timeout": timeout}
    outcomes: dict[str, Outcome] = {}
    with (
        _exclusive(reports_dir),
        tqdm(
            total=len(chosen), desc="reports", unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True
        ) as bar,
    ):
        if jobs == 1 or len(chosen) == 1:
            for item in chosen:
                bar.set_postfix_str(item.name)
                outcomes[item.name] = execute(item, **options)
                bar.update()
        else:
            context = multiprocessing.get_context("spawn")
            with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                pending = {pool.submit(execute, item, **options): item for item in chosen}
                bar.set_postfix_str(", ".join(item.name for item in chosen[:jobs]))
                for future in concurrent.futures.as_completed(pending):
                    item = pending[future]
                    try:
                        outcomes[item.name] = future.result()
                    except Exception as err:  # a worker that died: that report failed, the others go on
                        outcomes[item.name] = Outcome(item.name, f"{type(err).__name__}: {_one_line(str(err))}")
                    running = [i.name for f, i in pending.items() if not f.done()][:jobs]
                    bar.set_postfix_str(", ".join(running) or item.name)
                    bar.update()
        if not only:
            for path in prune(runs, reports_dir):
                print(f"removed stale report file {_shown(path)}", file=sys.stderr)
        index = write_index(runs, reports_dir, outcomes)

    failures = [outcome for outcome in outcomes.values() if outcome.failure]
    for outcome in failures:
        kept = f" (executed copy: {outcome.failed_copy})" if outcome.failed_copy else ""
        print(f"FAILED {outcome.name}: {outcome.failure}{kept}", file=sys.stderr)
    done = len(outcomes) - len(failures)
    print(f"{done} of {len(outcomes)} reports written; index: {_shown(index)}", file=sys.stderr)
    return EXIT_FAILED if failures else 0


@contextlib.contextmanager
def _exclusive(reports_dir: Path) -> Iterator[None]:
    """Hold a lock on ``reports/.staging`` so two runs never share staging folders."""
    staging = reports_dir / STAGING
    staging.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock, runs must not overlap
        yield
        return
    with (staging / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise KitError(f"{_shown(reports_dir)}: another report run is in progress") from None
        yield


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m kit report``."""
    parser.description = "Execute every notebook with each of its parameter sets into reports/, then write the index."
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run one notebook (00-corpus, corpus or 00) or one report "
        "(01-chronology__2018-only); repeatable; other reports stay as they are",
    )
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="run N notebooks in parallel (default 1)")
    parser.add_argument("--show-code", action="store_true", help="keep code cells in the HTML reports")
    parser.add_argument("--corpus", default=None, help="corpus folder with manifest.csv (default: seeds/)")
    parser.add_argument("--timeout", type=int, default=600, metavar="SECONDS", help="limit per cell (default 600)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--notebooks", type=Path, default=config.NOTEBOOKS, help=argparse.SUPPRESS)
    parser.add_argument("--params", type=Path, default=config.PARAMS, help=argparse.SUPPRESS)
    parser.add_argument("--reports", type=Path, default=config.REPORTS, help=argparse.SUPPRESS)


def run_from_args(args: argparse.Namespace) -> int:
    """Run ``python -m kit report`` from parsed arguments; returns the exit code."""
    return run(
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


# ---------------------------------------------------------------- helpers


def _shown(path: Path | None) -> str:
    """A path as reports and messages show it: relative to the repository root when inside it."""
    if path is None:
        return ""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(config.ROOT).as_posix()
    except ValueError:
        return resolved.as_posix()


def _one_line(text: str) -> str:
    lines = [line.strip() for line in str(text).strip().splitlines() if line.strip()]
    return lines[0] if lines else ""
