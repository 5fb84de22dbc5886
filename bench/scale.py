"""Streaming and the store at scale: wall time, CPU time and peak memory of a cold run and a warm rerun.

For each size N a synthetic corpus is written (``kit synth --n N --seed 1``); the per-document stages the
report needs (sizes, dates, quotes, tone units, theme hits) then run through :func:`kit.engine.run` in a child
process, once on an empty store (cold) and once more on the same store (warm). Peak memory is the highest sum
of the resident set sizes of that process and its workers, sampled every 50 ms (psutil). Results are printed
and written to ``bench/results/scale.json``; nothing here is asserted. psutil comes with ipykernel.

    python -m bench.scale --sizes 1000 4000 --jobs 2 [--whole]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import psutil

from bench.record import write_results
from kit import chronology, engine, overview, synth, themes, tone, voices
from kit.clean import CleaningWarning
from kit.pipeline import prepare

TABLES = ["sizes", "dates", "quotes", "tone", "theme_hits"]


def run_once(corpus: Path, store: Path | None, jobs: int) -> dict[str, Any]:
    """Run the stages in a child process (without a store: the whole corpus at once, in memory, as before the
    store); its wall and CPU seconds (workers included) and peak RSS (MiB).
    """
    command = [sys.executable, "-m", "bench.scale", "--child", str(corpus), str(store or "whole"), str(jobs)]
    start = time.perf_counter()
    child = psutil.Popen(command, stdout=subprocess.DEVNULL)
    peak, cpu = 0, 0.0
    seen: dict[int, float] = {}
    while child.poll() is None:
        try:
            tree = [child, *child.children(recursive=True)]
            rss = 0
            for process in tree:
                with process.oneshot():
                    rss += process.memory_info().rss
                    times = process.cpu_times()
                    seen[process.pid] = times.user + times.system
            peak = max(peak, rss)
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"the run failed (exit {child.returncode})")
    cpu = sum(seen.values())
    return {"seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "peak_mib": round(peak / 2**20, 1)}


def child(corpus: str, store: str, jobs: str) -> int:
    warnings.simplefilter("ignore", CleaningWarning)  # the seeds' long captions, once per source paragraph
    if store == "whole":
        prepared = prepare(corpus)
        quotes = voices.extract_quotes(prepared)
        tables = {"sizes": overview.documents(prepared), "dates": chronology.date_expressions(prepared)}
        tables |= {
            "quotes": quotes,
            "tone": tone.score_units(prepared, lexicon=tone.load_lexicon(), quotes_table=quotes),
        }
        tables["theme_hits"] = themes.matches(prepared, themes.load_dictionary())
    else:
        tables = engine.run(corpus, TABLES, engine.Settings(store=Path(store), jobs=int(jobs), progress=False))
    print({name: len(frame) for name, frame in tables.items()})
    return 0


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["--child"]:
        return child(*arguments[1:4])
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000], help="articles per synthetic corpus")
    parser.add_argument("--jobs", type=int, default=engine.Settings().workers(), help="processes (default: cores)")
    parser.add_argument("--whole", action="store_true", help="also the whole corpus in memory, without the store")
    args = parser.parse_args(arguments)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", CleaningWarning)  # synth cleans the seeds it recombines
                corpus = synth.synthesise(n, Path(tmp) / f"synth{n}", seed=1)
            text_mb = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
            store = Path(tmp) / f"store{n}"
            cold, warm = run_once(corpus, store, args.jobs), run_once(corpus, store, args.jobs)
            store_mb = sum(p.stat().st_size for p in store.rglob("*.parquet")) / 1e6
            row = {"articles": n, "text_mb": round(text_mb, 1), "jobs": args.jobs, "store_mb": round(store_mb, 1)}
            row |= {f"cold_{k}": v for k, v in cold.items()} | {f"warm_{k}": v for k, v in warm.items()}
            row["warm_over_cold"] = round(warm["seconds"] / cold["seconds"], 3)
            if args.whole:
                whole = run_once(corpus, None, 1)
                row |= {f"whole_{k}": v for k, v in whole.items()}
                print(
                    f"{n:>7} articles, whole corpus in memory: {whole['seconds']:.1f} s,"
                    f" peak {whole['peak_mib']:.0f} MiB"
                )
            results.append(row)
            print(
                f"{n:>7} articles ({text_mb:.1f} MB text, store {store_mb:.0f} MB, --jobs {args.jobs}): "
                f"cold {cold['seconds']:.1f} s (CPU {cold['cpu_seconds']:.1f} s, peak {cold['peak_mib']:.0f} MiB), "
                f"warm {warm['seconds']:.1f} s (peak {warm['peak_mib']:.0f} MiB), warm/cold {row['warm_over_cold']:.3f}"
            )
    write_results("scale", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
