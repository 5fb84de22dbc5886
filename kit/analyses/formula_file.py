"""A formulas file (default ``kit/data/formulas.yaml``; its format is at the top of that file): read, validated, held.

load_formulas → Formulas (each Formula: name, label, note, original, variants as matcher entries) — what
:mod:`kit.analyses.formulas` finds in a corpus and counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kit import config, yamlfile
from kit.errors import KitError, preview
from kit.preprocess import lookup

# A formula's name: a letter, then letters, digits, "_" or "-" (e.g. "lips_and_teeth").
FORMULA_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
FORMULA_KEYS = {"label", "note", "original", "variants"}
# A variant is a matcher entry; a weight has no meaning here (every occurrence counts one).
VARIANT_KEYS = lookup.ENTRY_KEYS - {"weight"}


@dataclass(frozen=True)
class Formula:
    """One formula of the file.

    Attributes:
        name: its key, e.g. ``lips_and_teeth``.
        label: how tables and charts name it ("As close as lips and teeth").
        note: one line saying what its use signals.
        original: the formula in the language it was coined in ("" when the file gives none).
        variants: matcher entries, each with ``category`` = ``name``.
    """

    name: str
    label: str
    note: str
    original: str
    variants: tuple[lookup.Entry, ...]


@dataclass(frozen=True)
class Formulas:
    """A loaded formulas file; ``source`` is the file it came from (relative to the repository when inside it)."""

    source: str
    formulas: tuple[Formula, ...]

    @property
    def names(self) -> list[str]:
        """The formulas' names, in file order."""
        return [f.name for f in self.formulas]

    def labels(self) -> dict[str, str]:
        """Each formula's label by its name, in file order."""
        return {f.name: f.label for f in self.formulas}

    def entries(self) -> list[lookup.Entry]:
        """Every variant of every formula, for :func:`kit.preprocess.lookup.find`."""
        return [entry for f in self.formulas for entry in f.variants]

    def table(self) -> pd.DataFrame:
        """formula, label, original, variants (joined by " | "), note — one row per formula, in file order."""
        rows = [
            {
                "formula": f.name,
                "label": f.label,
                "original": f.original,
                "variants": " | ".join(e.pattern for e in f.variants),
                "note": f.note,
            }
            for f in self.formulas
        ]
        return pd.DataFrame(rows, columns=["formula", "label", "original", "variants", "note"])


def load_formulas(path: str | Path | None = None) -> Formulas:
    """Read and validate a formulas file (default: the kit's ``kit/data/formulas.yaml``).

    A user's file replaces the default entirely (copy the default to extend it).

    Raises:
        KitError: one line naming the file, the formula and the variant: missing or unreadable file, bad YAML,
            a formula given twice (a duplicate key, with its line), a bad name, an unknown key, a missing or
            multi-line label or note, no variants, an empty pattern, a weight, a bad case rule or exclusion, the
            same variant twice in a formula.
    """
    raw_formulas, source = yamlfile.load_mapping(
        Path(path) if path else config.FORMULAS, what="formulas file", top="formulas"
    )
    return Formulas(str(source), tuple(_parse_formula(name, raw, source) for name, raw in raw_formulas.items()))


def _parse_formula(name: object, raw: object, source: Path) -> Formula:
    where = f"{source}: formula {preview(name)}"
    if not isinstance(name, str) or not FORMULA_NAME.match(name):
        raise KitError(f"{where}: a formula's name must start with a letter and use letters, digits, '_' or '-'")
    raw = yamlfile.check_mapping(raw, where=where, allowed=FORMULA_KEYS, expected="label, note and variants")
    lines = {}
    for key in ("label", "note", "original"):
        value = raw.get(key, "")
        if not isinstance(value, str) or "\n" in value.strip() or (key != "original" and not value.strip()):
            wanted = "one line of text" if key == "original" else "one line of text, not empty"
            raise KitError(f"{where}: {key} must be {wanted}")
        lines[key] = value.strip()
    raw_variants = raw.get("variants")
    if not isinstance(raw_variants, list) or not raw_variants:
        raise KitError(f"{where}: 'variants' must be a non-empty list of words, phrases or globs")
    variants: list[lookup.Entry] = []
    seen: set[tuple[str, bool]] = set()
    for raw_variant in raw_variants:
        unknown = set(raw_variant) - VARIANT_KEYS if isinstance(raw_variant, dict) else set()
        if unknown:
            # A weight is refused by name: every occurrence counts one, whatever the variant.
            why = "a variant has no weight (every occurrence counts one)" if "weight" in unknown else "unknown key(s)"
            shown = "" if "weight" in unknown else f" {yamlfile.keys_preview(unknown)}"
            raise KitError(
                f"{where}, variant {preview(raw_variant.get('pattern'))}: {why}{shown} "
                f"(allowed: {', '.join(sorted(VARIANT_KEYS))})"
            )
        entry = lookup.parse_entry(raw_variant, category=name, where=where)
        lookup.pattern_words(entry.pattern, case_sensitive=entry.case_sensitive)  # compiles, or says why not
        if (entry.pattern, entry.case_sensitive) in seen:
            raise KitError(f"{where}, variant {preview(entry.pattern)}: listed twice")
        seen.add((entry.pattern, entry.case_sensitive))
        variants.append(entry)
    return Formula(name, lines["label"], lines["note"], lines["original"], tuple(variants))
