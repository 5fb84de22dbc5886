"""Scale: the kit against a hand-written baseline, a cold run against a warm rerun, and the report command against
papermill running empty notebooks; each figure printed beside its target (issue #13) and written to
``bench/results/scale.json``. Nothing here is asserted: timings are noisy, tests never check them.

For each size N a synthetic corpus is written (``kit synth --n N --seed 1``). Measured in child processes:

- **baseline** (smallest size): :mod:`bench.baseline`, one process;
- **kit cold / warm**: the per-document stages every report reads (prepare, then theme hits and sums, dates,
  quotes, tone units and sizes) through :func:`kit.compute.engine.build` on ``--jobs`` processes into an empty store,
  then again on the same store (smallest size only). Nothing is read back whole, as a report reads chunk by chunk;
- **report**: ``python -m kit report`` on the seeds into a scratch site, against papermill executing as many
  one-empty-cell notebooks on the same kernel, both one notebook at a time.

Wall time is ``time.perf_counter``; CPU time that of the child and its workers (``getrusage``); peak memory the
highest sum of their resident set sizes, sampled every 50 ms with psutil (which comes with ipykernel).

    python -m bench.scale --sizes 10000 100000 [--jobs N] [--no-report]
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from bench.record import write_results
from kit import config
from kit.compute import engine
from kit.compute.stages import STAGES
from kit.preprocess.clean import CleaningWarning
from kit.report.plan import plan
from kit.validation import synth

TABLES = ["sizes", "dates", "quotes", "tone", "theme_hits", "theme_sums"]


@dataclass(frozen=True)
class Target:
    """One figure of issue #13: its name, the most it may be, and how it is printed."""

    name: str
    limit: float
    unit: str = "×"


TARGETS = {
    "wall_ratio": Target("kit wall time ÷ baseline wall time, {small} articles, --jobs {jobs}", 1.2),
    "cpu_ratio": Target("kit CPU time ÷ baseline CPU time, {small} articles", 2.5),
    "growth": Target("time({large}) ÷ time({small})", 10.5),
    "peak_gib": Target("peak RSS at {large} articles", 1.5, " GiB"),
    "warm_ratio": Target("warm rerun ÷ cold run, unchanged corpus, {small} articles", 0.1),
    "report_ratio": Target("kit report on the seeds ÷ papermill running {sets} empty notebooks", 2.0),
    "iteration": Target("one report again after one parameter change (03-themes, seeds, store filled)", 15.0, " s"),
}


def measure(command: list[str]) -> dict[str, float]:
    """Run ``command``; its wall seconds, CPU seconds and peak RSS (MiB).

    CPU time is user + system of the child and every process it waited for (its workers), from
    ``getrusage(RUSAGE_CHILDREN)`` before and after; peak RSS the highest sum over the live process tree.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = psutil.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    while child.poll() is None:
        with contextlib.suppress(psutil.NoSuchProcess):  # a worker that ended between listing and reading
            peak = max(peak, sum(p.memory_info().rss for p in [child, *child.children(recursive=True)]))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: failed (exit {child.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "peak_mib": round(peak / 2**20)}


def kit_child(corpus: str, store: str, jobs: str) -> int:
    """The kit's per-document stages into ``store`` (the child a measurement runs)."""
    warnings.simplefilter("ignore", CleaningWarning)  # the seeds' long captions, once per source paragraph
    settings = engine.Settings(stages=STAGES, store=Path(store), jobs=int(jobs), progress=False)
    _, chunks = engine.build(corpus, TABLES, settings)
    print(f"{sum(len(chunk.entries) for chunk in chunks)} documents in {len(chunks)} chunks")
    return 0


def empty_child(count: str, folder: str) -> int:
    """Papermill executing ``count`` notebooks of one empty code cell, one after the other, on the kit's kernel."""
    import nbformat
    import papermill

    from kit.report.execute import KERNEL, kernel_environment

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("")]
    source = Path(folder) / "empty.ipynb"
    nbformat.write(notebook, source)
    with kernel_environment():
        for i in range(int(count)):
            papermill.execute_notebook(
                str(source), str(Path(folder) / f"out{i}.ipynb"), kernel_name=KERNEL, progress_bar=False
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["--kit"]:
        return kit_child(*arguments[1:4])
    if arguments[:1] == ["--empty"]:
        return empty_child(*arguments[1:3])
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000], help="articles per corpus")
    parser.add_argument("--jobs", type=int, default=engine.Settings().workers(), help="processes (default: cores)")
    parser.add_argument("--no-report", action="store_true", help="leave out the report figure")
    args = parser.parse_args(arguments)
    sizes = sorted(set(args.sizes))
    rows: dict[int, dict[str, Any]] = {}
    python = [sys.executable, "-m"]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", CleaningWarning)  # synth cleans the articles it recombines
                corpus = synth.synthesise(n, Path(tmp) / f"synth{n}", seed=1)
            store = Path(tmp) / f"store{n}"
            kit = [*python, "bench.scale", "--kit", str(corpus), str(store), str(args.jobs)]
            row: dict[str, Any] = {"articles": n, "text_mb": round(_size(corpus.glob("*.txt")) / 1e6, 1)}
            row["cold"] = measure(kit)
            row["store_mb"] = round(_size(store.rglob("*.parquet")) / 1e6, 1)
            if n == sizes[0]:
                row["warm"] = measure(kit)
                row["baseline"] = measure([*python, "bench.baseline", str(corpus)])
            rows[n] = row
            _print_size(row, args.jobs)
            shutil.rmtree(corpus)  # the next size's corpus needs the disk, not this one
        report = None if args.no_report else _report_figures(Path(tmp))
    figures = _figures(rows, sizes, args.jobs, report)
    write_results("scale", [{"jobs": args.jobs, "sizes": list(rows.values()), "report": report}, *figures])
    return 0


def _report_figures(tmp: Path) -> dict[str, Any]:
    sets = len(plan(config.NOTEBOOKS, config.PARAMS))
    site, scratch = tmp / "site", tmp / "empty"
    scratch.mkdir()
    report = measure([sys.executable, "-m", "kit", "report", "--out", str(site), "--no-progress"])
    empty = measure([sys.executable, "-m", "bench.scale", "--empty", str(sets), str(scratch)])
    # A researcher's loop: one parameter changed in a copy of the parameter sets, one report run again.
    params = tmp / "params"
    shutil.copytree(config.PARAMS, params)
    themes = params / "03-themes.yaml"
    themes.write_text(themes.read_text(encoding="utf-8").replace("by-year: {}", "by-year: {kwic_window: 5}"), "utf-8")
    again = [sys.executable, "-m", "kit", "report", "--out", str(site), "--params", str(params)]
    iteration = measure([*again, "--only", "03-themes__by-year", "--no-progress"])
    print(
        f"kit report on the seeds ({sets} sets): {report['seconds']:.1f} s;"
        f" {sets} empty notebooks: {empty['seconds']:.1f} s; one report after one change: {iteration['seconds']:.1f} s"
    )
    return {"sets": sets, "kit_report": report, "empty_notebooks": empty, "iteration": iteration}


def _figures(
    rows: dict[int, dict[str, Any]], sizes: list[int], jobs: int, report: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """Each figure of issue #13 that this run measured, beside its target; printed as a table too."""
    small, large = rows[sizes[0]], rows[sizes[-1]]
    values: dict[str, float] = {
        "wall_ratio": small["cold"]["seconds"] / small["baseline"]["seconds"],
        "cpu_ratio": small["cold"]["cpu_seconds"] / small["baseline"]["cpu_seconds"],
        "warm_ratio": small["warm"]["seconds"] / small["cold"]["seconds"],
        "peak_gib": large["cold"]["peak_mib"] / 1024,
    }
    if len(sizes) > 1:
        values["growth"] = large["cold"]["seconds"] / small["cold"]["seconds"]
    if report:
        values["report_ratio"] = report["kit_report"]["seconds"] / report["empty_notebooks"]["seconds"]
        values["iteration"] = report["iteration"]["seconds"]
    names = {"small": f"{sizes[0]:,}", "large": f"{sizes[-1]:,}", "jobs": jobs, "sets": report and report["sets"]}
    figures = []
    print(f"\n{'figure':<72} {'measured':>10} {'target':>10}  met")
    for key, target in TARGETS.items():
        if key not in values:
            continue
        name = target.name.format(**names)
        value = round(values[key], 3)
        met = value <= target.limit
        figures.append({"figure": name, "value": value, "target": target.limit, "met": met})
        print(f"{name:<72} {str(value) + target.unit:>10} {'≤ ' + str(target.limit):>10}  {'yes' if met else 'NO'}")
    return figures


def _print_size(row: dict[str, Any], jobs: int) -> None:
    cold = row["cold"]
    line = (
        f"{row['articles']:>7,} articles ({row['text_mb']:.1f} MB text, store {row['store_mb']:.0f} MB):"
        f" kit --jobs {jobs} "
        f"cold {cold['seconds']:.1f} s (CPU {cold['cpu_seconds']:.1f} s, peak {cold['peak_mib']:.0f} MiB)"
    )
    if "warm" in row:
        line += f", warm {row['warm']['seconds']:.1f} s; baseline {row['baseline']['seconds']:.1f} s"
        line += f" (CPU {row['baseline']['cpu_seconds']:.1f} s)"
    print(line)


def _size(paths: Any) -> int:
    return sum(path.stat().st_size for path in paths)


if __name__ == "__main__":
    raise SystemExit(main())
