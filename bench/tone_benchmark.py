"""``make tone-benchmark``: the kit's tone scores against human ratings of 5,190 New York Times editorial snippets.

The snippets and their ratings (the mean of 20 raters, -4…+4) are the NYT set of the VADER paper
(Hutto & Gilbert 2014; ``bench/data/``). Each snippet is scored whole with :func:`kit.analyses.tone.score_texts`,
once with plain VADER and once with the diplomatic lexicon on top, and the Pearson correlation of
compound with the human rating is printed (the paper reports r = 0.492 for its VADER; the reference
package of today gives 0.503). With ``--entries`` it also lists, for every lexicon entry that matches,
how much r drops when only that entry is left out — the entries that pull the scores away from the raters.

Nothing is asserted: it is a measurement, written to ``bench/results/tone_benchmark.json``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kit.analyses import tone
from kit.analyses.diplomatic import Lexicon
from kit.presentation.outputs import write_atomic

DATA = Path(__file__).resolve().parent / "data" / "nytEditorialSnippets_GroundTruth.txt"
RESULTS = Path(__file__).resolve().parent / "results"


def read_snippets(path: Path = DATA) -> pd.DataFrame:
    """id, rating, text — one row per snippet (the file is tab-separated, CRLF, no header)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            snippet_id, rating, text = line.split("\t", 2)
            rows.append({"id": snippet_id, "rating": float(rating), "text": text.strip()})
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def pearson(ratings: pd.Series, compound: pd.Series) -> float:
    """Pearson's r, rounded to 4 places."""
    return round(float(np.corrcoef(ratings.to_numpy(float), compound.to_numpy(float))[0, 1]), 4)


def entry_effects(snippets: pd.DataFrame, lexicon: Lexicon, with_lexicon: pd.DataFrame) -> pd.DataFrame:
    """For each entry that matches a snippet: matches, and r with the lexicon minus r without that entry."""
    full = pearson(snippets.rating, with_lexicon.compound)
    rows = []
    for entry in lexicon.entries:
        matched = with_lexicon.diplomatic.str.len() > 0
        without = replace(lexicon, entries=tuple(e for e in lexicon.entries if e is not entry))
        touched = snippets[matched]
        rescored = tone.score_texts(touched.text.tolist(), lexicon=without).compound.to_numpy()
        compound = with_lexicon.compound.to_numpy(float).copy()
        compound[matched.to_numpy()] = rescored
        changed = int((compound != with_lexicon.compound.to_numpy(float)).sum())
        if changed:
            r_without = pearson(snippets.rating, pd.Series(compound))
            rows.append({"pattern": entry.pattern, "snippets_changed": changed, "r_gain": round(full - r_without, 4)})
    return pd.DataFrame(rows, columns=["pattern", "snippets_changed", "r_gain"]).sort_values("r_gain", kind="stable")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.tone_benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", default=None, help="diplomatic lexicon YAML (default: the kit's)")
    parser.add_argument("--entries", action="store_true", help="also list how much each matching entry moves r")
    args = parser.parse_args(argv)
    snippets = read_snippets()
    lexicon = tone.load_lexicon(args.lexicon)
    plain = tone.score_texts(snippets.text.tolist())
    with_lexicon = tone.score_texts(snippets.text.tolist(), lexicon=lexicon)
    result: dict[str, Any] = {
        "snippets": len(snippets),
        "r_plain": pearson(snippets.rating, plain.compound),
        "r_lexicon": pearson(snippets.rating, with_lexicon.compound),
        "snippets_with_a_lexicon_match": int((with_lexicon.diplomatic.str.len() > 0).sum()),
    }
    print(f"NYT editorial snippets (Hutto & Gilbert 2014): {result['snippets']}")
    print(f"Pearson r, plain VADER:                  {result['r_plain']:.4f}")
    print(f"Pearson r, with the diplomatic lexicon:  {result['r_lexicon']:.4f}")
    print(f"snippets the lexicon touches:            {result['snippets_with_a_lexicon_match']}")
    if args.entries:
        effects = entry_effects(snippets, lexicon, with_lexicon)
        print(effects.to_string(index=False))
        result["entries"] = effects.to_dict(orient="records")
    RESULTS.mkdir(exist_ok=True)
    write_atomic(RESULTS / "tone_benchmark.json", json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
