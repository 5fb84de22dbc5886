"""``python -m bench.hostile``: ``kit table sentences`` on one huge article, and what doubling it costs.

Two shapes the adversarial sweep found quadratic (issue #16): one article of many megabytes in ordinary
paragraphs, and one article of a million one-line paragraphs. Each is generated in a temporary folder at
half and at full size; the command line runs as a user would run it (a subprocess, stdout discarded),
and the wall time, peak memory (max RSS) and the full/half time ratio are printed and written to
``bench/results/hostile.json``. A linear pipeline gives a ratio near 2; the target is under a minute for
the full sizes (50 MB, 1,000,000 lines) on a 2-core machine. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.record import write_results
from kit import config

HEADER = "doc_id,file,outlet,headline,published,published_precision,author,url\n"
SENTENCES = (
    "Kim Jong-un met Xi Jinping in Beijing on March 28, 2018.",
    "The talks were described as “traditional friendship” by officials.",
    "Trade across the Yalu River rose by 2.7 percent, the U.S. said.",
)


def paragraphs_article(megabytes: float) -> str:
    """About ``megabytes`` MB of distinct five-sentence paragraphs separated by blank lines."""
    paragraphs, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        paragraph = " ".join(f"{SENTENCES[(i + k) % 3]} Item {i}-{k}." for k in range(5))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(paragraphs) + "\n"


def lines_article(lines: int) -> str:
    """``lines`` distinct one-sentence lines, each its own paragraph."""
    return "".join(f"Line {i} says the talks went on.\n" for i in range(lines))


def write_corpus(folder: Path, text: str) -> Path:
    """A one-article corpus folder holding ``text``."""
    folder.mkdir(parents=True)
    (folder / "big.txt").write_text(text, encoding="utf-8")
    (folder / config.MANIFEST_NAME).write_text(f"{HEADER}big,big.txt,Bench,Big,2018-03-28,day,,\n", encoding="utf-8")
    return folder


def run_sentences(folder: Path) -> dict[str, float | int]:
    """Wall seconds, peak memory (MiB) and exit code of ``python -m kit table sentences --corpus folder``."""
    start = time.perf_counter()
    kit = subprocess.Popen(
        [sys.executable, "-m", "kit", "table", "sentences", "--corpus", str(folder)],
        stdout=subprocess.DEVNULL,
        cwd=config.ROOT,
    )
    _, status, usage = os.wait4(kit.pid, 0)
    seconds = time.perf_counter() - start
    exit_code = os.waitstatus_to_exitcode(status)
    return {"seconds": round(seconds, 2), "peak_mib": round(usage.ru_maxrss / 1024, 1), "exit": exit_code}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50, help="full size of the paragraphs article (MB)")
    parser.add_argument("--lines", type=int, default=1_000_000, help="full size of the one-line-paragraphs article")
    args = parser.parse_args(argv)
    shapes = {
        "paragraphs": (paragraphs_article, args.megabytes, "MB"),
        "lines": (lines_article, args.lines, "lines"),
    }
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for shape, (make, full, unit) in shapes.items():
            timed = {}
            for label, size in (("half", full / 2 if unit == "MB" else full // 2), ("full", full)):
                folder = write_corpus(Path(tmp) / f"{shape}-{label}", make(size))
                timed[label] = run_sentences(folder)
                row = {"shape": shape, "size": size, "unit": unit, **timed[label]}
                results.append(row)
                measured = f"{row['seconds']:8.2f} s  {row['peak_mib']:8.1f} MiB  exit {row['exit']}"
                print(f"{shape:<10} {size:>10,} {unit:<5} {measured}")
            ratio = timed["full"]["seconds"] / max(timed["half"]["seconds"], 1e-9)
            results.append({"shape": shape, "doubling_ratio": round(ratio, 2)})
            print(f"{shape:<10} doubling the input costs {ratio:.2f}× the time (linear ≈ 2)")
    write_results("hostile", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
