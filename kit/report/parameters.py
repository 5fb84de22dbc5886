"""The parameters a notebook declares (its cell tagged ``parameters``) and the checks on the values it runs with.

Each parameter has a type (its annotation) and, at the end of its comment, a note saying which values are
allowed (``[1..50]``, ``[per_1k | weighted | hits]``, ``[outlet]``…; see :mod:`kit.report.allowed`).
``kit report`` checks every report's values before any notebook runs (:func:`check_parameters`); each
notebook checks its own values again in the cell after its parameters (:func:`check_notebook`), so a
notebook run by papermill or in JupyterLab stops at the same one-line error.
"""

from __future__ import annotations

import ast
import io
import json
import tokenize
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kit import config
from kit.errors import KitError, preview, repr_prefix
from kit.report.allowed import DAY_FORMAT, Setting, corpus_documents, parse_note, problem
from kit.report.layout import relative_to_root, shown
from kit.report.plan import Run

# Set by the runner for every report; a parameter set may not set them.
RUNNER_PARAMETERS = ("output_dir",)

_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


# The report runner's options that set one notebook parameter in every report whose notebook declares it, over the
# parameter set's value (``kit report --dictionary my-themes.yaml``); a file's path is taken from the working folder.
RUNNER_OPTIONS = {
    "dictionary": "dictionary",
    "registry": "registry_file",
    "lexicon": "lexicon_file",
    "formulas": "formulas_file",
    "periods": "period_boundaries",
}
RUNNER_FILES = tuple(name for name in RUNNER_OPTIONS if name != "periods")  # the options naming a file


def declared_parameters(notebook: Path) -> dict[str, dict[str, Any]]:
    """The notebook's ``parameters`` cell as papermill's ``inspect_notebook`` reads it: name → {name,
    inferred_type_name, default, help}, in cell order.

    Read with :mod:`json` and :mod:`ast` rather than papermill, which imports nbformat and its schema validation:
    over a second in every kernel that checks its own parameters (a test holds the two readers equal).
    Each ``name: type = value  # help`` (or ``name = value``) statement of the cell is a parameter.
    """
    source = _parameters_source(Path(notebook))
    if source is None:
        return {}
    try:
        statements = ast.parse(source).body
    except SyntaxError as err:
        raise KitError(f"{shown(notebook)}: the parameters cell is not valid Python (line {err.lineno})") from None
    comments = {  # the source parses, so it tokenizes
        token.start[0]: token.string.lstrip("#").strip()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    declared: dict[str, dict[str, Any]] = {}
    for statement in statements:
        target: ast.expr
        if isinstance(statement, ast.AnnAssign):
            target, annotation = statement.target, ast.get_source_segment(source, statement.annotation)
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, annotation = statement.targets[0], "None"
        else:
            continue
        if isinstance(target, ast.Name) and statement.value is not None:
            declared[target.id] = {
                "name": target.id,
                "inferred_type_name": annotation,
                "default": ast.get_source_segment(source, statement.value),
                "help": comments.get(statement.end_lineno or statement.lineno, ""),
            }
    return declared


def _parameters_source(notebook: Path) -> str | None:
    """The source of the notebook's first cell tagged ``parameters`` (None: no such cell).

    Raises:
        KitError: the file cannot be read or is not a notebook (naming the line and column of bad JSON).
    """
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
        tagged = [cell for cell in cells if "parameters" in cell.get("metadata", {}).get("tags", [])]
        if not tagged:
            return None
        source = tagged[0]["source"]
        return "".join(source) if isinstance(source, list) else str(source)
    except OSError as err:
        raise KitError(f"{shown(notebook)}: cannot read the notebook ({err.strerror})") from None
    except UnicodeDecodeError:
        raise KitError(f"{shown(notebook)}: not a notebook (not UTF-8 text)") from None
    except json.JSONDecodeError as err:
        where = f"line {err.lineno} column {err.colno}"
        raise KitError(f"{shown(notebook)}: not a notebook (bad JSON at {where})") from None
    except (AttributeError, KeyError, TypeError):
        raise KitError(f"{shown(notebook)}: not a notebook (no list of cells with metadata and source)") from None


def runner_parameters(options: Mapping[str, Any]) -> dict[str, Any]:
    """The notebook parameters the runner's ``options`` set (:data:`RUNNER_OPTIONS`), files named from the project
    folder as the kernels open them.

    Raises:
        KitError: an option the runner does not have.
    """
    given: dict[str, Any] = {}
    for name, value in options.items():
        if name not in RUNNER_OPTIONS:
            raise KitError(f"kit report: no option {preview(name)} (known: {', '.join(RUNNER_OPTIONS)})")
        given[RUNNER_OPTIONS[name]] = relative_to_root(Path(value)) if name in RUNNER_FILES else list(value)
    return given


def check_parameters(run: Run, declared: Mapping[str, Mapping[str, Any]], extra: Mapping[str, Any]) -> None:
    """Refuse overrides the notebook does not declare, values of the wrong type and values its notes do not allow.

    Args:
        run: the report; its ``overrides`` come from ``run.params_file``.
        declared: :func:`declared_parameters` of the notebook.
        extra: parameters the runner adds (``corpus_dir`` from ``--corpus``).

    Raises:
        KitError: one line naming the params file, the parameter set, the parameter and what is allowed
            (a notebook default that its own note refuses names the notebook).
    """
    where = f"{shown(run.params_file)}: parameter set {run.slug!r}" if run.params_file else f"{run.stem}"
    for name in RUNNER_PARAMETERS:
        if name not in declared:
            raise KitError(f"{shown(run.notebook)}: the parameters cell must declare {name} (the runner sets it)")
        if name in run.overrides:
            raise KitError(f"{where}: {name} is set by the report runner; remove it")
    given = {**run.overrides, **extra}
    for name, value in given.items():
        if name not in declared:
            known = ", ".join(sorted(declared))
            raise KitError(f"{where}: unknown parameter {preview(name)} for {run.notebook.name} (known: {known})")
        _check_type(where, name, value, declared[name])
    values = {**_defaults(declared), **given}
    places = {name: where if name in given else f"{shown(run.notebook)}: parameters cell" for name in values}
    _check_allowed(run.notebook, declared, values, places, _setting(config.ROOT, values))


def check_notebook(notebook: str | Path, namespace: Mapping[str, Any]) -> None:
    """Check the values a notebook runs with (in the cell after its parameters: ``check_notebook(stem, globals())``).

    The same checks as :func:`check_parameters` (types, then each parameter's note), for a notebook run by
    papermill or by hand. Relative paths start at the project folder, as the notebooks open them
    (:func:`kit.config.project_path`), whatever folder the kernel runs in; an empty ``corpus_dir`` is
    ``$PRESSKIT_CORPUS`` if set (:func:`kit.config.notebook_corpus`).

    Args:
        notebook: the notebook's path, or its stem for a notebook in ``notebooks/`` (``"03-themes"``).
        namespace: the notebook's variables (``globals()``).

    Raises:
        KitError: one line naming the notebook, the parameter and what is allowed.
    """
    path = Path(notebook) if str(notebook).endswith(".ipynb") else config.NOTEBOOKS / f"{notebook}.ipynb"
    declared = declared_parameters(path)
    values = {name: namespace[name] for name in declared if name in namespace}
    where = shown(path)
    for name, value in values.items():
        _check_type(where, name, value, declared[name])
    _check_allowed(path, declared, values, dict.fromkeys(values, where), _setting(config.ROOT, values))


def derived_periods(corpus_dir: str = "") -> list[str]:
    """Period boundaries derived from a corpus's publication dates (:func:`kit.ingest.periods.derived_boundaries`).

    For a notebook whose ``period_boundaries`` is empty: ``period_boundaries or derived_periods(corpus_dir)``.
    """
    from kit.ingest import periods

    return periods.derived_boundaries(corpus_documents(config.notebook_corpus(corpus_dir)))


def _setting(base: Path, values: Mapping[str, Any]) -> Setting:
    corpus_dir, dictionary = values.get("corpus_dir", ""), values.get("dictionary", "")
    return Setting(
        base, corpus_dir if isinstance(corpus_dir, str) else "", dictionary if isinstance(dictionary, str) else ""
    )


def _defaults(declared: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    defaults = {}
    for name, parameter in declared.items():
        try:
            defaults[name] = ast.literal_eval(str(parameter.get("default")))
        except (ValueError, SyntaxError):
            continue  # a default that is an expression: the notebook computes it
    return defaults


def _check_type(where: str, name: str, value: Any, parameter: Mapping[str, Any]) -> None:
    expected = _expected_type(parameter)
    if expected is not None and not _has_type(value, expected):
        raise KitError(f"{where}: parameter {name!r} must be {expected}, got {type(value).__name__} {preview(value)}")


def _check_allowed(
    notebook: Path,
    declared: Mapping[str, Mapping[str, Any]],
    values: Mapping[str, Any],
    places: Mapping[str, str],
    setting: Setting,
) -> None:
    """Each value against its parameter's note, in the cell's order; then date_from on or before date_to."""
    notes = {}
    for name, parameter in declared.items():
        try:
            notes[name] = parse_note(str(parameter.get("help") or ""))
        except KitError as err:
            raise KitError(f"{shown(notebook)}: parameter {name!r}: {err}") from None
    for name, note in notes.items():
        if note is None or name not in values:
            continue
        reason = problem(note, values[name], setting)
        if reason:
            joint = "; " if reason.startswith("allowed:") else ": "
            raise KitError(f"{places[name]}: parameter {name!r} is {value_literal(values[name])}{joint}{reason}")
    first, last = values.get("date_from"), values.get("date_to")
    kinds = {name: note.kind for name, note in notes.items() if note is not None}
    dated = kinds.get("date_from") == kinds.get("date_to") == DAY_FORMAT
    if dated and isinstance(first, str) and isinstance(last, str) and first and last and first > last:
        place = places["date_from"] if places["date_from"] == places["date_to"] else places["date_to"]
        raise KitError(
            f"{place}: parameter 'date_from' {first!r} is after 'date_to' {last!r}; allowed: a window whose "
            "first day is on or before its last"
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
        if (
            base == "list"
            and isinstance(value, list)
            and inner in _TYPES
            and not all(_has_type(item, inner) for item in value)
        ):
            continue
        return True
    return False


def value_literal(value: Any) -> str:
    """A parameter value as the report pages and messages show it: its Python literal, cut at 60 characters."""
    text = repr_prefix(value, 61)
    return text if len(text) <= 60 else text[:57] + "..."
