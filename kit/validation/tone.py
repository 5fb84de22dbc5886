"""``python -m kit validate tone --gold FILE``: the kit's tone of quotations against readers' ratings.

The gold file has one row per rated quotation: doc_id, quote (its first words, as in the quotes gold), rating
(a reader's tone, −4 … +4, the scale of VADER's own raters; the mean when several readers rated), and
optionally group, kind and one column per reader (``rater_1``, ``rater_2`` …) for their agreement. A row is
matched to the kit's quotation that starts with its words (:func:`kit.validation.quotes.score_quotes`), and the
kit's score is that quotation's ``compound`` (−1 … +1), with the diplomatic lexicon and with plain VADER.

What a reviewer asks of a tone measure, each printed with the number of rated quotations behind it:

* **Correlation**: Pearson and Spearman r between the readers' rating and the kit's compound, each with a
  95% bootstrap interval (pairs resampled, :data:`BOOTSTRAP_RESAMPLES` times, seeded: the same file gives the same
  figures), for every rated quotation and for officials' quotations alone; the lexicon's r beside plain
  VADER's on the same quotations.
* **Sign**: positive, neutral or negative on both sides, per speaker group. The neutral bands: a rating
  within ±:data:`NEUTRAL_RATING` (two readers' 1 and 0 average to 0.5: neutral), a compound within VADER's
  own ±0.05.
* **Readers' agreement**: Pearson r between every two reader columns, and how often they differ by at most
  one point — a ceiling for any measure.
* **Largest disagreements**: the quotations where the rating (÷4) and the compound differ most.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kit.analyses.diplomatic import Lexicon, load_lexicon
from kit.analyses.tone import score_units
from kit.analyses.voices import extract_quotes
from kit.analyses.voices.actors import OFFICIAL_GROUPS
from kit.errors import KitError
from kit.types import Prepared
from kit.validation import Figure, Finding, Measure, Report, gold
from kit.validation import quotes as quote_validation

# A sample of numbers, as numpy holds it.
Vector = np.ndarray[Any, Any]
RATERS = tuple(f"rater_{i}" for i in range(1, 10))
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20261207
NEUTRAL_RATING = 0.5
NEUTRAL_COMPOUND = 0.05
LARGEST = 10


def read_tone_ratings(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """Read a rated-quotations file: doc_id, quote, rating; optional group, kind, rater_1 … rater_9.

    Raises:
        KitError: one line naming the file, line and column (see :func:`kit.validation.gold.read_csv`), plus a rating or
            a reader's value that is not a number from −4 to 4.
    """
    rows = gold.read_csv(
        path,
        required=("doc_id", "quote", "rating"),
        optional=("group", "kind", *RATERS),
        doc_ids=set(prepared.documents.doc_id),
    )
    for column in ("rating", *RATERS):
        for line, value in zip(rows.line, rows[column], strict=True):
            if value and not _on_scale(value):
                raise KitError(f"{path} line {line}: column {column!r} is {value!r}, expected a number from -4 to 4")
    rows["rating"] = rows.rating.astype(float)
    return rows


def _on_scale(value: str) -> bool:
    try:
        number = float(value)
    except ValueError:
        return False
    return -4 <= number <= 4


def score_tone(prepared: Prepared, gold_rows: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """The gold rows with the kit's tone of the quotation each matches.

    Returns:
        The gold rows plus found, kit_group, start, end, compound (with the lexicon) and plain (plain VADER);
        NaN scores for a quotation the kit did not find.
    """
    quotes_table = extract_quotes(prepared)
    per_gold, _extra = quote_validation.score_quotes(quotes_table, gold_rows.assign(speaker="", via=""))
    keyed = {
        name: _quotation_scores(prepared, quotes_table, chosen)
        for name, chosen in (("compound", lexicon), ("plain", None))
    }
    result = gold_rows.assign(found=per_gold.found, kit_group=per_gold.kit_group, start=per_gold.start)
    for name, scores in keyed.items():
        index = pd.MultiIndex.from_arrays([result.doc_id, result.start])
        result[name] = scores[~scores.index.duplicated()].reindex(index).to_numpy()
    return result


def _quotation_scores(prepared: Prepared, quotes_table: pd.DataFrame, lexicon: Lexicon | None) -> pd.Series:
    """The compound of every quotation unit, by (doc_id, start) (narration units left out)."""
    units = score_units(prepared, lexicon=lexicon, quotes_table=quotes_table)
    return units[units.kind != "narration"].set_index(["doc_id", "start"]).compound


def correlations(
    x: Sequence[float] | pd.Series, y: Sequence[float] | pd.Series
) -> dict[str, tuple[float, float, float]]:
    """Pearson and Spearman r of two paired samples, each with a 95% bootstrap interval (pairs resampled).

    Returns:
        ``{"pearson": (r, low, high), "spearman": (r, low, high)}``; NaN where fewer than three pairs or a
        sample without spread.
    """
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    paired = ~(np.isnan(a) | np.isnan(b))
    a, b = a[paired], b[paired]
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    picks = rng.integers(0, len(a), size=(BOOTSTRAP_RESAMPLES, len(a))) if len(a) >= 3 else np.empty((0, 0), dtype=int)
    result = {}
    for name, transform in (("pearson", _identity), ("spearman", _ranks)):
        r = _pearson(transform(a), transform(b))
        boot = np.array([_pearson(transform(a[p]), transform(b[p])) for p in picks])
        boot = boot[~np.isnan(boot)]
        low, high = np.percentile(boot, [2.5, 97.5]) if boot.size else (np.nan, np.nan)
        result[name] = (r, float(low), float(high))
    return result


def _identity(values: Vector) -> Vector:
    return values


def _ranks(values: Vector) -> Vector:
    return pd.Series(values).rank(method="average").to_numpy()


def _pearson(a: Vector, b: Vector) -> float:
    if len(a) < 3 or np.std(a) == 0 or np.std(b) == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def sign(values: pd.Series, band: float) -> pd.Series:
    """``positive``, ``neutral`` or ``negative``: beyond ±band, or within it."""
    return pd.Series(np.where(values > band, "positive", np.where(values < -band, "negative", "neutral")), values.index)


def tone_figures(scored: pd.DataFrame) -> tuple[Figure | Measure, ...]:
    """Found; r of every rated and of officials' quotations (lexicon and plain); sign right; readers' agreement.

    Sign right is given overall, for officials' quotations and per group.
    """
    found = scored[scored.found]
    result: list[Figure | Measure] = [Figure("found", len(found), len(scored))]
    official = found[found.group.isin(OFFICIAL_GROUPS)]
    for label, rows in (("all rated quotations", found), ("official quotations", official)):
        for column, kind in (("compound", "with the lexicon"), ("plain", "plain VADER")):
            for method, (r, low, high) in correlations(rows.rating, rows[column]).items():
                result.append(Measure(f"{method} r, {label}, {kind}", r, low, high, len(rows)))
    right = sign(found.rating, NEUTRAL_RATING) == sign(found.compound, NEUTRAL_COMPOUND)
    result.append(Figure("sign right (all rated quotations)", int(right.sum()), len(found)))
    result.append(Figure("sign right (official quotations)", int(right[official.index].sum()), len(official)))
    for group in sorted(set(found.group) - {""}):
        rows = found[found.group == group]
        result.append(Figure(f"sign right ({group})", int(right[rows.index].sum()), len(rows)))
    result += _agreement(scored)
    return tuple(result)


def _agreement(scored: pd.DataFrame) -> list[Figure | Measure]:
    """Pearson r and within-one-point agreement of every two reader columns, on the rows both rated."""
    present = [c for c in RATERS if c in scored and (scored[c] != "").any()]
    result: list[Figure | Measure] = []
    for first, second in combinations(present, 2):
        both = scored[(scored[first] != "") & (scored[second] != "")]
        a, b = both[first].astype(float), both[second].astype(float)
        r, low, high = correlations(a, b)["pearson"]
        result.append(Measure(f"readers' agreement, pearson r ({first} and {second})", r, low, high, len(both)))
        result.append(
            Figure(f"readers within one point ({first} and {second})", int(((a - b).abs() <= 1).sum()), len(both))
        )
    return result


def tone_report(prepared: Prepared, gold_path: str, lexicon_path: str | None = None) -> Report:
    """The kit's tone against a rated file: figures, then the missed quotations and the largest disagreements."""
    gold_rows = read_tone_ratings(gold_path, prepared)
    scored = score_tone(prepared, gold_rows, load_lexicon(lexicon_path))
    found = scored[scored.found]
    gap = (found.rating / 4 - found.compound).abs().sort_values(ascending=False, kind="stable")
    findings = [Finding("missed", str(r.doc_id), repr(r.quote)) for r in scored[~scored.found].itertuples()]
    findings += [
        Finding(
            "disagreement",
            str(found.doc_id[i]),
            f"{found.quote[i]!r} ({found.group[i] or 'no group'}): rating {found.rating[i]:+g}, "
            f"kit {found.compound[i]:+.2f} (plain {found.plain[i]:+.2f})",
        )
        for i in gap.index[:LARGEST]
    ]
    return Report(
        gold_path=gold_path,
        noun="rated quotations",
        rows=len(gold_rows),
        documents=int(gold_rows.doc_id.nunique()),
        figures=tone_figures(scored),
        findings=tuple(findings),
    )


def validate_tone(prepared: Prepared, gold_path: str, lexicon_path: str | None = None) -> str:
    """``python -m kit validate tone --gold FILE``: the kit's tone against readers' ratings, as text."""
    return tone_report(prepared, gold_path, lexicon_path).render()
