"""Theme frequency: weighted theme dictionaries, their matches, and counts by document, outlet and period.

A theme dictionary is a YAML file (default ``kit/data/themes.yaml``; the format is described at the top
of that file). Every entry goes through the kit's one dictionary matcher (:mod:`kit.preprocess.lookup`), so
themes follow the same rules as the actor registry: words, phrases and globs, case-insensitive unless
an entry asks otherwise, exclusions, and within one theme the longest entry wins and no token counts
twice. Different themes are matched independently: one token may count for two themes.

    load_dictionary (with_theme) → matches → count (document / outlet / period), top_themes

"Tokens" everywhere below means word tokens: the kit's tokens that are not punctuation (numbers count).
Every count can be expanded to its KWIC lines: ``count(...).hits`` for a document and theme equals the
number of rows :func:`kit.analyses.kwic.kwic` returns for them. Keyness of themes or words is
:mod:`kit.analyses.keyness`; periods are :mod:`kit.ingest.periods`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from kit import config, yamlfile
from kit.errors import KitError
from kit.ingest.periods import assign_documents
from kit.preprocess import lookup
from kit.types import Prepared, metadata_columns

# A theme name: a letter, then letters, digits, "_" or "-", e.g. "united_states".
THEME_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
TOP_KEYS = {"themes"}
THEME_KEYS = {"label", "description", "entries"}

# The columns of a theme hit (matches): lookup's match columns, the category named theme, in this order.
THEME_HIT_COLUMNS = ["doc_id", "sentence_id", "start", "end", "first_token", "last_token", "theme", "pattern", "match"]
THEME_HIT_COLUMNS += ["weight"]
COUNT_COLUMNS = ["doc_id", "outlet", "published", "theme", "hits", "weighted", "tokens", "per_1k"]
GROUP_COUNT_COLUMNS = ["documents", "theme", "hits", "weighted", "tokens", "per_1k"]
DICTIONARY_COLUMNS = ["theme", "label", "pattern", "weight", "case_sensitive", "exclude"]


@dataclass(frozen=True)
class Theme:
    """One theme of a dictionary: its name, label, one-line description and matcher entries."""

    name: str
    label: str
    description: str
    entries: tuple[lookup.Entry, ...]


@dataclass(frozen=True)
class Dictionary:
    """A loaded theme dictionary; ``source`` is the file it came from."""

    source: str
    themes: tuple[Theme, ...]

    @property
    def names(self) -> list[str]:
        """Theme names in file order."""
        return [theme.name for theme in self.themes]

    def subset(self, names: Sequence[str] | None) -> Dictionary:
        """The dictionary restricted to ``names`` (in that order); ``None`` or empty keeps every theme.

        Raises:
            KitError: a name the dictionary does not define.
        """
        if not names:
            return self
        known = {theme.name: theme for theme in self.themes}
        unknown = [name for name in names if name not in known]
        if unknown:
            raise KitError(f"{self.source}: no theme {unknown[0]!r} (themes: {', '.join(self.names)})")
        return Dictionary(self.source, tuple(known[name] for name in dict.fromkeys(names)))

    def entries(self) -> list[lookup.Entry]:
        """Every entry of every theme, for :func:`kit.preprocess.lookup.find`."""
        return [entry for theme in self.themes for entry in theme.entries]

    def table(self) -> pd.DataFrame:
        """The dictionary as a readable table: theme, label, pattern, weight, case_sensitive, exclude."""
        rows = [
            {
                "theme": t.name,
                "label": t.label,
                "pattern": e.pattern,
                "weight": e.weight,
                "case_sensitive": e.case_sensitive,
                "exclude": "; ".join(e.exclude),
            }
            for t in self.themes
            for e in t.entries
        ]
        return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)


# ---------------------------------------------------------------- the dictionary file


def load_dictionary(path: str | Path | None = None) -> Dictionary:
    """Read and validate a theme dictionary (default: the kit's ``kit/data/themes.yaml``).

    A user's file replaces the default entirely (copy the default to extend it).

    Returns:
        The themes in file order, each entry parsed by :func:`kit.preprocess.lookup.parse_entry`.

    Raises:
        KitError: one line naming the file, the theme and the entry: missing or unreadable file, bad
            YAML, a theme given twice, an unknown key, a bad theme name, no entries, an empty pattern,
            a non-numeric weight, a bad exclusion, the same entry twice in a theme.
    """
    path = Path(path) if path else config.THEMES
    source = yamlfile.shown_path(path)
    raw = yamlfile.read_text(path, "theme dictionary")
    try:
        data = yamlfile.parse(raw, source)  # refuses a key given twice at any level, naming its line
    except KitError as err:
        # Only a refused file is read again, to word a repeated theme as a theme rather than as a key.
        raise _duplicate_theme(raw, source) or err from None
    if not isinstance(data, dict) or "themes" not in data:
        raise KitError(f"{source}: expected a mapping with 'themes:' (see kit/data/themes.yaml)")
    unknown = sorted(map(str, set(data) - TOP_KEYS))
    if unknown:
        raise KitError(f"{source}: unknown top-level key(s) {', '.join(unknown)} (allowed: themes)")
    if not isinstance(data["themes"], dict) or not data["themes"]:
        raise KitError(f"{source}: 'themes' must map theme names to themes, and define at least one")
    return Dictionary(
        str(source), tuple(_parse_theme(name, raw_theme, source) for name, raw_theme in data["themes"].items())
    )


def _duplicate_theme(raw: str, source: Path) -> KitError | None:
    """The error for a theme name given twice under ``themes:``, or None when no theme is repeated."""
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value != "themes" or not isinstance(value, yaml.MappingNode):
            continue
        first: dict[str, int] = {}
        for name, _ in value.value:
            line = name.start_mark.line + 1
            if name.value in first:
                return KitError(
                    f"{source} line {line}: duplicate theme {name.value!r} (first defined at line {first[name.value]})"
                )
            first[name.value] = line
    return None


def _parse_theme(name: object, raw: object, source: Path) -> Theme:
    where = f"{source}: theme {name!r}"
    if not isinstance(name, str) or not THEME_NAME.match(name):
        raise KitError(f"{where}: theme name must start with a letter and use letters, digits, '_' or '-'")
    raw = yamlfile.check_mapping(raw, where=where, allowed=THEME_KEYS, expected="label, description and entries")
    label = raw.get("label", name)
    description = raw.get("description", "")
    for key, value in (("label", label), ("description", description)):
        if not isinstance(value, str) or "\n" in value.strip():
            raise KitError(f"{where}: {key} must be one line of text")
    raw_entries = raw.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise KitError(f"{where}: 'entries' must be a non-empty list of words, phrases or globs")
    entries: list[lookup.Entry] = []
    seen: set[tuple[str, bool]] = set()  # a set, so checking n entries costs n look-ups, not n² comparisons
    for raw_entry in raw_entries:
        entry = lookup.parse_entry(raw_entry, category=name, where=where)
        lookup.pattern_words(entry.pattern, case_sensitive=entry.case_sensitive)  # compiles, or says why not
        if (entry.pattern, entry.case_sensitive) in seen:
            raise KitError(f"{where}, entry {entry.pattern!r}: listed twice")
        seen.add((entry.pattern, entry.case_sensitive))
        entries.append(entry)
    return Theme(name, label.strip(), description.strip(), tuple(entries))


def with_theme(
    dictionary: Dictionary, name: str, entries: Sequence[object], *, label: str = "", description: str = ""
) -> Dictionary:
    """The dictionary with one theme more, read as if it stood in the dictionary's file: a theme of one's own
    without writing a YAML file (a workbook's quick route; a study keeps its themes in a file).

    Args:
        dictionary: from :func:`load_dictionary`.
        name: the new theme's name (a letter, then letters, digits, ``_`` or ``-``).
        entries: words, phrases or globs, or entry mappings, as the file's ``entries:`` list takes them.
        label: a one-line label (default: the name).
        description: one line saying what the theme is about.

    Raises:
        KitError: a name the dictionary already has, or anything :func:`load_dictionary` refuses in a theme.
    """
    if name in dictionary.names:
        defined = ", ".join(dictionary.names)
        raise KitError(f"{dictionary.source}: theme {name!r} is already defined (themes: {defined})")
    raw = {"label": label or name, "description": description, "entries": list(entries)}
    theme = _parse_theme(name, raw, Path(dictionary.source))
    return Dictionary(dictionary.source, (*dictionary.themes, theme))


# ---------------------------------------------------------------- matches and counts


def matches(prepared: Prepared, dictionary: Dictionary, *, themes: Sequence[str] | None = None) -> pd.DataFrame:
    """Every theme match in the corpus: the rows every count is made of.

    Args:
        prepared: the prepared corpus.
        dictionary: from :func:`load_dictionary`.
        themes: restrict to these theme names (default: all).

    Returns:
        doc_id, sentence_id, start, end (character offsets into the cleaned text), first_token,
        last_token, theme, pattern (the entry that matched), match (the text as written), weight —
        ordered by document, position, theme. Within a theme no token is matched twice.
    """
    chosen = dictionary.subset(themes)
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    found = lookup.find(prepared.tokens, lookup.compile_entries(chosen.entries()), texts=texts)
    found = found.rename(columns={"category": "theme"})
    return found[THEME_HIT_COLUMNS].reset_index(drop=True)


def word_tokens(prepared: Prepared) -> pd.Series:
    """Word tokens (tokens that are not punctuation) per doc_id, 0 for a document without any."""
    tokens = prepared.tokens
    sizes = tokens[~tokens.is_punct].groupby("doc_id").size()
    return sizes.reindex(prepared.documents.doc_id, fill_value=0).astype(int)


def count(
    prepared: Prepared,
    dictionary: Dictionary,
    *,
    by: str = "document",
    themes: Sequence[str] | None = None,
    periods: str | Sequence[str] = "year",
) -> pd.DataFrame:
    """Theme counts with a rate per 1,000 word tokens, one row per unit and theme (zeros included).

    Args:
        prepared: the prepared corpus.
        dictionary: from :func:`load_dictionary`.
        by: ``"document"``, ``"period"`` or a column of the documents to group by: ``"outlet"`` or a manifest
            metadata column (``"outlet_type"``, ``"country"``…).
        themes: restrict to these theme names, in this order (default: the dictionary's order).
        periods: for ``by="period"``: ``"year"`` or period boundaries (see :func:`kit.ingest.periods.assign`).

    Returns:
        ``by="document"``: doc_id, outlet, published, theme, hits, weighted, tokens, per_1k.
        ``by="outlet"`` / ``"period"`` / a column: outlet (or period, or the column), documents, theme, hits,
        weighted, tokens, per_1k — sums over the group's documents, the rate computed from the sums.
        ``hits`` counts matches, ``weighted`` sums their weights, ``tokens`` is the number of word
        tokens (punctuation excluded) and ``per_1k`` = weighted / tokens × 1000 (0 for no tokens).
        Sorted by the unit (doc_id, outlet name or column value, period order), then the dictionary's theme order.

    Raises:
        KitError: an unknown ``by`` (naming the columns there are), an unknown theme, bad period boundaries.
    """
    check_group(by, prepared.documents)
    chosen = dictionary.subset(themes)
    return tally(document_sums(prepared, chosen), prepared.documents, chosen, by=by, periods=periods)


def document_sums(prepared: Prepared, dictionary: Dictionary, *, found: pd.DataFrame | None = None) -> pd.DataFrame:
    """What every count is summed from: per document and theme, hits, weighted (unrounded) and word tokens.

    A document's rows come from that document alone, so the rows of chunks of a corpus put together are the
    rows of the whole corpus (the store keeps them per chunk; :func:`tally` counts from them).

    Args:
        prepared: the prepared corpus.
        dictionary: from :func:`load_dictionary`.
        found: :func:`matches` of the same corpus and dictionary, when already at hand (default: found now).

    Returns:
        doc_id, outlet, published, theme, hits, weighted, tokens — documents in the table's order, themes in
        the dictionary's.
    """
    found = matches(prepared, dictionary) if found is None else found
    documents = prepared.documents[["doc_id", "outlet", "published"]].reset_index(drop=True)
    grid = documents.merge(pd.DataFrame({"theme": dictionary.names}), how="cross")
    sums = found.groupby(["doc_id", "theme"]).agg(hits=("weight", "size"), weighted=("weight", "sum"))
    sums = sums.astype({"hits": int, "weighted": float})  # typed even when nothing matched
    table = grid.join(sums, on=["doc_id", "theme"]).fillna({"hits": 0, "weighted": 0.0})
    table["hits"] = table.hits.astype(int)
    table["tokens"] = table.doc_id.map(word_tokens(prepared)).astype(int)
    return table


def tally(
    sums: pd.DataFrame,
    documents: pd.DataFrame,
    dictionary: Dictionary,
    *,
    by: str = "document",
    periods: str | Sequence[str] = "year",
) -> pd.DataFrame:
    """:func:`count` from :func:`document_sums` rows (of these themes or more) and the documents table.

    Args:
        sums: :func:`document_sums` of the corpus, in doc_id order.
        documents: doc_id, published, published_precision of every document (the documents or sizes table).
        dictionary: the themes to count, in order (a subset of the themes ``sums`` has).
        by: ``"document"``, ``"period"`` or a column of ``documents``, as :func:`count`.
        periods: for ``by="period"``, as :func:`count`.

    Raises:
        KitError: an unknown ``by``, bad period boundaries.
    """
    check_group(by, documents)
    order = {name: i for i, name in enumerate(dictionary.names)}
    table = sums[sums.theme.isin(order)].reset_index(drop=True)
    if by == "document":
        table = table.sort_values(["doc_id", "theme"], key=_theme_key(order), kind="stable")
        return _with_rate(table)[COUNT_COLUMNS].reset_index(drop=True)
    if by == "period":
        assigned = assign_documents(documents, periods)
        table = table.merge(assigned, on="doc_id", how="left")
        unit, unit_order = "period", "period_order"
    else:
        unit, unit_order = by, None
        if by not in table.columns:  # the sums carry the outlet; another column comes from the documents
            table = table.merge(documents[["doc_id", by]], on="doc_id", how="left")
    keys = [unit, unit_order] if unit_order else [unit]
    grouped = table.groupby([*keys, "theme"], sort=False).agg(
        documents=("doc_id", "nunique"), hits=("hits", "sum"), weighted=("weighted", "sum"), tokens=("tokens", "sum")
    )
    grouped = grouped.reset_index().sort_values([keys[-1], "theme"], key=_theme_key(order), kind="stable")
    return _with_rate(grouped)[[unit, *GROUP_COUNT_COLUMNS]].reset_index(drop=True)


def check_group(by: str, documents: pd.DataFrame, *, units: Sequence[str] = ("document", "period")) -> None:
    """Refuse a ``by`` that is neither one of ``units`` nor a column of the documents to group by.

    Raises:
        KitError: one line naming ``by`` and the columns there are (the manifest's facts and metadata).
    """
    columns = [c for c in metadata_columns(documents) if c not in ("theme", *GROUP_COUNT_COLUMNS)]
    if by not in (*units, *columns):
        raise KitError(f"--by {by!r}: no such column; group by {', '.join(units)} or one of {', '.join(columns)}")


def top_themes(table: pd.DataFrame, *, unit: str = "period") -> pd.DataFrame:
    """The theme with the highest per_1k in each unit of a :func:`count` table (ties: dictionary order).

    Args:
        table: ``count(..., by=unit)`` (or ``by="document"`` with ``unit="doc_id"``).
        unit: the column naming the unit: ``"period"``, ``"outlet"`` or ``"doc_id"``.

    Returns:
        unit, theme, hits, per_1k — one row per unit, in the table's unit order; a unit where no theme
        has a hit is left out.
    """
    hit = table[table.hits > 0]
    best = hit.sort_values("per_1k", ascending=False, kind="stable").drop_duplicates(unit)
    order = {value: i for i, value in enumerate(dict.fromkeys(table[unit]))}
    best = best.sort_values(unit, key=lambda column: column.map(order), kind="stable")
    return best[[unit, "theme", "hits", "per_1k"]].reset_index(drop=True)


def _theme_key(order: Mapping[str, int]) -> Callable[[pd.Series], pd.Series]:
    """A sort key that puts themes in dictionary order and leaves other columns as they are."""
    return lambda column: column.map(order) if column.name == "theme" else column


def _with_rate(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["weighted"] = table.weighted.astype(float).round(6)
    rate = np.where(table.tokens > 0, table.weighted / table.tokens.where(table.tokens > 0, 1) * 1000, 0.0)
    table["per_1k"] = np.round(rate, 4)
    return table
