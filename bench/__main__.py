"""``make bench``: time and memory of each pipeline stage on the seeds and on larger synthetic corpora.

The larger corpora repeat the seed articles under new doc_ids (k copies each), so the text is real
press language and the numbers scale with corpus size. Timings are the best of ``--repeat`` runs
(wall clock, ``time.perf_counter``); memory is the peak of Python allocations (``tracemalloc``) in
one run. Results are printed and written to ``bench/results/pipeline.json`` (not committed: they
describe the machine, not the code). Nothing here is asserted: tests never check timings.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench.record import write_results
from bench.stages import STAGES
from kit import config


def replicate_seeds(copies: int, folder: Path) -> Path:
    """A corpus folder holding each seed article ``copies`` times under distinct doc_ids."""
    folder.mkdir(parents=True, exist_ok=True)
    with (config.SEEDS / config.MANIFEST_NAME).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    out_rows = []
    for k in range(copies):
        for row in rows:
            doc_id = f"{row['doc_id']}_c{k:03d}"
            shutil.copyfile(config.SEEDS / row["file"], folder / f"{doc_id}.txt")
            out_rows.append({**row, "doc_id": doc_id, "file": f"{doc_id}.txt"})
    with (folder / config.MANIFEST_NAME).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out_rows)
    return folder


def measure(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall time (s) over ``repeat`` runs and peak traced memory (MiB) of one run."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--copies", type=int, nargs="+", default=[1, 10, 40], help="corpus sizes, in copies of the seeds"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best time is kept")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for copies in args.copies:
            folder = replicate_seeds(copies, Path(tmp) / f"x{copies}")
            state: dict[str, Any] = {"corpus_dir": folder}
            for name, stage in STAGES:
                seconds, peak_mib = measure(partial(stage, state), args.repeat)
                state[name] = stage(state)
                row = {"copies": copies, "documents": 5 * copies, "stage": name}
                results.append({**row, "seconds": round(seconds, 4), "peak_mib": round(peak_mib, 1)})
                print(f"{copies:>4}x  {5 * copies:>5} docs  {name:<12} {seconds:8.3f} s  {peak_mib:8.1f} MiB peak")
    write_results("pipeline", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
