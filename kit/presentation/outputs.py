"""What a notebook hands to the report: recorded values, tidy tables, deterministic figures.

A notebook's ``parameters`` cell has ``output_dir = ""``; the report runner sets it to a staging
folder. With ``""`` (a reader exploring in JupyterLab) nothing is written. Files are written
atomically (temporary file, then rename) so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell

VALUES_NAME = "values.json"
# Fixed so that SVG element ids, and so the report's bytes, are the same on every run.
SVG_HASH_SALT = "kit"


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Recorded(dict[str, Any]):
    """The values a report recorded; a page shows them folded, as the file holds them (a dict in any other use)."""

    def as_json(self) -> str:
        """The values as ``values.json`` holds them."""
        return json.dumps(self, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"

    def _repr_html_(self) -> str:
        summary = f"{VALUES_NAME}: {len(self)} value{'' if len(self) == 1 else 's'}, for other tools (click to open)"
        body = f"<summary>{html.escape(summary)}</summary>\n<pre>{html.escape(self.as_json())}</pre>"
        return f'<details class="kit-recorded">\n{body}\n</details>'


def record(values: Mapping[str, Any], output_dir: str) -> Recorded:
    """Record headline values for the report's JSON sidecar (merged with values recorded earlier).

    Args:
        values: JSON-serialisable values, e.g. ``{"documents": 5, "tokens_per_document": {...}}``.
        output_dir: the notebook's ``output_dir`` parameter; ``""`` writes nothing.

    Returns:
        All values recorded so far in this folder (or just ``values`` when nothing is written); on a page they
        show folded under one summary line, not as a dictionary a quarter of a page long.
    """
    merged = Recorded(values)
    if output_dir:
        path = Path(output_dir) / VALUES_NAME
        if path.exists():
            merged = Recorded({**json.loads(path.read_text(encoding="utf-8")), **values})
        write_atomic(path, merged.as_json())
    return merged


def save_table(frame: pd.DataFrame, name: str, output_dir: str) -> pd.DataFrame:
    """Save the tidy table behind a figure as ``<name>.csv``; returns the frame unchanged."""
    if output_dir:
        write_atomic(Path(output_dir) / f"{name}.csv", frame.to_csv(index=False, lineterminator="\n"))
    return frame


def setup_plots() -> None:
    """Make figures byte-identical across runs: SVG output, fixed hash salt, no dates in metadata."""
    import matplotlib as mpl

    mpl.rcParams["svg.hashsalt"] = SVG_HASH_SALT
    mpl.rcParams["svg.fonttype"] = "path"
    mpl.rcParams["figure.dpi"] = 96
    mpl.rcParams["figure.figsize"] = (8, 4)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the kit's dependencies
        return
    shell: InteractiveShell | None = get_ipython()
    if shell is not None:
        shell.run_line_magic("config", "InlineBackend.figure_formats = ['svg']")
        shell.run_line_magic(
            "config", "InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight', 'metadata': {'Date': None}}"
        )
