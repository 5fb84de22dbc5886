"""A report's recorded values (its ``values.json``) as the index shows them: small readable tables, not JSON.

Keys that are document ids are shown as the document's outlet, date and short headline; long mappings and
lists are cut with a note saying how many more the JSON file holds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.errors import shorten

# How much of a value the index shows; the JSON file beside the report has all of it.
MAX_ROWS = 12
MAX_COLUMNS = 8
MAX_TEXT = 160


@dataclass(frozen=True)
class ValueView:
    """One recorded value: ``text`` for a scalar or list, else a table of ``columns`` × ``rows``."""

    name: str
    text: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    more: str = ""  # e.g. "and 30 more in values.json"

    @property
    def label(self) -> str:
        """The name as a reader reads it: "per_1k_by_period" → "Per 1,000 tokens by period"."""
        words = [_WORDS.get(word, word) for word in self.name.split("_") if word]
        text = " ".join(words)
        return text[:1].upper() + text[1:]


# Words of value names that read otherwise in a label.
_WORDS = {"1k": "1,000 tokens", "g2": "G2", "kwic": "KWIC", "n": "number of"}


def read_views(path: Path, labels: Mapping[str, str]) -> list[ValueView]:
    """The values of ``path`` (a report's ``values.json``), in name order; ``[]`` when it cannot be read."""
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(values, dict):
        return [ValueView("values", text=_text(values))]
    # values.json also carries the notebook's document_labels (for a reader of the file); the index labels
    # documents from the manifest, the same way (kit.presentation.display.document_labels).
    names = sorted(name for name in values if name != "document_labels")
    return [view(str(name), values[name], labels, source=path.name) for name in names]


def view(name: str, value: Any, labels: Mapping[str, str], *, source: str = "values.json") -> ValueView:
    """How one value reads: a scalar or list as text, a mapping as a two-column table, a mapping of mappings
    as a matrix (outer keys are rows, inner keys columns).
    """
    if not isinstance(value, dict) or not value:
        return ValueView(name, text=_text(value, labels))
    keys = list(value)
    shown_keys = keys[:MAX_ROWS]
    more_rows = len(keys) - len(shown_keys)
    if all(isinstance(value[key], dict) for key in keys):
        inner = list(dict.fromkeys(column for key in keys for column in value[key]))  # first-seen order
        columns = inner[:MAX_COLUMNS]
        rows = tuple(
            (_label(key, labels), *(_text(value[key].get(column, "")) for column in columns)) for key in shown_keys
        )
        notes = [f"{more_rows} more rows"] if more_rows else []
        notes += [f"{len(inner) - len(columns)} more columns"] if len(inner) > len(columns) else []
        return ValueView(
            name,
            columns=("", *(_label(column, labels) for column in columns)),
            rows=rows,
            more=f"and {', '.join(notes)} in {source}" if notes else "",
        )
    rows = tuple((_label(key, labels), _text(value[key], labels)) for key in shown_keys)
    more = f"and {more_rows} more in {source}" if more_rows else ""
    return ValueView(name, columns=("", "value"), rows=rows, more=more)


def _label(key: str, labels: Mapping[str, str]) -> str:
    return labels.get(key, key)


def _text(value: Any, labels: Mapping[str, str] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return shorten((labels or {}).get(value, value), MAX_TEXT - 1)
    if isinstance(value, list):
        if not value:
            return "(none)"
        items = [_text(item, labels) for item in value[:MAX_ROWS]]
        more = f" … and {len(value) - MAX_ROWS} more" if len(value) > MAX_ROWS else ""
        return "; ".join(items) + more
    if isinstance(value, float):
        return f"{value:g}" if abs(value) >= 1e-4 or value == 0 else f"{value:.2e}"
    if isinstance(value, int):
        return str(value)
    return shorten(json.dumps(value, ensure_ascii=False, sort_keys=True), MAX_TEXT - 1)
