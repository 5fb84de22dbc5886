"""The parameters a notebook declares (its cell tagged ``parameters``) and the checks on a run's overrides."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kit.errors import KitError, preview, repr_prefix
from kit.report.layout import shown
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


def declared_parameters(notebook: Path) -> dict[str, dict[str, Any]]:
    """The notebook's ``parameters`` cell as papermill reads it: name → {inferred_type_name, default, help}."""
    from papermill.inspection import inspect_notebook

    declared: dict[str, dict[str, Any]] = inspect_notebook(str(notebook))
    return declared


def check_parameters(run: Run, declared: Mapping[str, Mapping[str, Any]], extra: Mapping[str, Any]) -> None:
    """Refuse overrides the notebook does not declare, and values of the wrong type.

    Args:
        run: the report; its ``overrides`` come from ``run.params_file``.
        declared: :func:`declared_parameters` of the notebook.
        extra: parameters the runner adds (``corpus_dir`` from ``--corpus``).

    Raises:
        KitError: one line naming the params file, the parameter set and the parameter.
    """
    where = f"{shown(run.params_file)}: parameter set {run.slug!r}" if run.params_file else f"{run.stem}"
    for name in RUNNER_PARAMETERS:
        if name not in declared:
            raise KitError(f"{shown(run.notebook)}: the parameters cell must declare {name} (the runner sets it)")
        if name in run.overrides:
            raise KitError(f"{where}: {name} is set by the report runner; remove it")
    for name, value in {**run.overrides, **extra}.items():
        if name not in declared:
            known = ", ".join(sorted(declared))
            raise KitError(f"{where}: unknown parameter {preview(name)} for {run.notebook.name} (known: {known})")
        expected = _expected_type(declared[name])
        if expected is not None and not _has_type(value, expected):
            raise KitError(
                f"{where}: parameter {name!r} must be {expected}, got {type(value).__name__} {preview(value)}"
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
