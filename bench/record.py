"""Where benchmark results go: ``bench/results/NAME.json`` with the machine they were measured on."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from kit.presentation.outputs import write_atomic

RESULTS = Path(__file__).resolve().parent / "results"


def write_results(name: str, results: list[dict[str, Any]]) -> Path:
    """Write ``results`` (one dict per measured row) to ``bench/results/NAME.json``; returns the path."""
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    write_atomic(path, json.dumps({"machine": machine, "results": results}, indent=1) + "\n")
    print(f"written {path}")
    return path
