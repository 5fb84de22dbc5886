"""Theme frequency: weighted theme dictionaries, counts by document, outlet and period, keyness and KWIC.

A theme dictionary is a YAML file (default ``kit/data/themes.yaml``; the format is described at the top
of that file). Every entry goes through the kit's one dictionary matcher (:mod:`kit.lookup`), so
themes follow the same rules as the actor registry: words, phrases and globs, case-insensitive unless
an entry asks otherwise, exclusions, and within one theme the longest entry wins and no token counts
twice. Different themes are matched independently: one token may count for two themes.

    load_dictionary → matches → count (document / outlet / period) → keyness, kwic, collocations

"Tokens" everywhere below means word tokens: the kit's tokens that are not punctuation (numbers count).
Every count can be expanded to its KWIC lines: ``count(...).hits`` for a document and theme equals the
number of rows :func:`kwic` returns for them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from kit import config, corpus, lookup, text, yamlfile
from kit.errors import KitError
from kit.types import Prepared

# A theme name: a letter, then letters, digits, "_" or "-", e.g. "united_states".
THEME_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
TOP_KEYS = {"themes"}
THEME_KEYS = {"label", "description", "entries"}

MATCH_COLUMNS = ["doc_id", "sentence_id", "start", "end", "first_token", "last_token", "theme", "pattern", "match"]
MATCH_COLUMNS = [*MATCH_COLUMNS, "weight"]
COUNT_COLUMNS = ["doc_id", "outlet", "published", "theme", "hits", "weighted", "tokens", "per_1k"]
GROUP_COUNT_COLUMNS = ["documents", "theme", "hits", "weighted", "tokens", "per_1k"]
KWIC_COLUMNS = ["doc_id", "sentence_id", "start", "end", "theme", "pattern", "left", "match", "right"]
KEYNESS_COLUMNS = [
    "item",
    "target_count",
    "reference_count",
    "target_per_1k",
    "reference_per_1k",
    "g2",
    "p_value",
    "log_ratio",
    "use",
]
PERIOD_COLUMNS = ["doc_id", "period", "period_order"]
RATES = ("weighted", "hits")
# Hardie (2014): a zero frequency is replaced by 0.5 before taking the log ratio.
ZERO_SMOOTHING = 0.5


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

    def select(self, names: Sequence[str] | None) -> Dictionary:
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
        """Every entry of every theme, for :func:`kit.lookup.find`."""
        return [entry for theme in self.themes for entry in theme.entries]

    def table(self) -> pd.DataFrame:
        """The dictionary as a readable table: theme, label, pattern, weight, case_sensitive, exclude."""
        rows = [
            (t.name, t.label, e.pattern, e.weight, e.case_sensitive, "; ".join(e.exclude))
            for t in self.themes
            for e in t.entries
        ]
        return pd.DataFrame(rows, columns=["theme", "label", "pattern", "weight", "case_sensitive", "exclude"])


# ---------------------------------------------------------------- the dictionary file


def load_dictionary(path: str | Path | None = None) -> Dictionary:
    """Read and validate a theme dictionary (default: the kit's ``kit/data/themes.yaml``).

    A user's file replaces the default entirely (copy the default to extend it).

    Returns:
        The themes in file order, each entry parsed by :func:`kit.lookup.parse_entry`.

    Raises:
        KitError: one line naming the file, the theme and the entry: missing or unreadable file, bad
            YAML, a theme given twice, an unknown key, a bad theme name, no entries, an empty pattern,
            a non-numeric weight, a bad exclusion, the same entry twice in a theme.
    """
    path = Path(path) if path else config.THEMES
    source = yamlfile.shown(path)
    raw = yamlfile.read_text(path, "theme dictionary")
    _refuse_duplicate_themes(raw, source)
    data = yamlfile.parse(raw, source)
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


def _refuse_duplicate_themes(raw: str, source: Path) -> None:
    """A theme name given twice under ``themes:`` (YAML would silently keep the second)."""
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return  # yamlfile.parse says what is wrong
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if key.value != "themes" or not isinstance(value, yaml.MappingNode):
            continue
        first: dict[str, int] = {}
        for name, _ in value.value:
            line = name.start_mark.line + 1
            if name.value in first:
                raise KitError(
                    f"{source} line {line}: duplicate theme {name.value!r} (first defined at line {first[name.value]})"
                )
            first[name.value] = line


def _parse_theme(name: object, raw: object, source: Path) -> Theme:
    where = f"{source}: theme {name!r}"
    if not isinstance(name, str) or not THEME_NAME.match(name):
        raise KitError(f"{where}: theme name must start with a letter and use letters, digits, '_' or '-'")
    yamlfile.check_mapping(raw, where=where, allowed=THEME_KEYS, expected="label, description and entries")
    label = raw.get("label", name)
    description = raw.get("description", "")
    for key, value in (("label", label), ("description", description)):
        if not isinstance(value, str) or "\n" in value.strip():
            raise KitError(f"{where}: {key} must be one line of text")
    raw_entries = raw.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise KitError(f"{where}: 'entries' must be a non-empty list of words, phrases or globs")
    entries: list[lookup.Entry] = []
    for raw_entry in raw_entries:
        entry = lookup.parse_entry(raw_entry, category=name, where=where)
        lookup.pattern_words(entry.pattern, case_sensitive=entry.case_sensitive)  # compiles, or says why not
        twin = next(
            (e for e in entries if (e.pattern, e.case_sensitive) == (entry.pattern, entry.case_sensitive)), None
        )
        if twin is not None:
            raise KitError(f"{where}, entry {entry.pattern!r}: listed twice")
        entries.append(entry)
    return Theme(name, label.strip(), description.strip(), tuple(entries))


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
    chosen = dictionary.select(themes)
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    found = lookup.find(prepared.tokens, lookup.compile_entries(chosen.entries()), texts=texts)
    found = found.rename(columns={"category": "theme"})
    return found[MATCH_COLUMNS].reset_index(drop=True)


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
        by: ``"document"``, ``"outlet"`` or ``"period"``.
        themes: restrict to these theme names, in this order (default: the dictionary's order).
        periods: for ``by="period"``: ``"year"`` or period boundaries (see :func:`assign_periods`).

    Returns:
        ``by="document"``: doc_id, outlet, published, theme, hits, weighted, tokens, per_1k.
        ``by="outlet"`` / ``"period"``: outlet (or period), documents, theme, hits, weighted, tokens,
        per_1k — sums over the group's documents, the rate computed from the sums.
        ``hits`` counts matches, ``weighted`` sums their weights, ``tokens`` is the number of word
        tokens (punctuation excluded) and ``per_1k`` = weighted / tokens × 1000 (0 for no tokens).
        Sorted by the unit (doc_id, outlet name, period order), then the dictionary's theme order.

    Raises:
        KitError: an unknown ``by``, an unknown theme, bad period boundaries.
    """
    if by not in ("document", "outlet", "period"):
        raise KitError(f"by={by!r}: expected document, outlet or period")
    chosen = dictionary.select(themes)
    found = matches(prepared, chosen)
    documents = prepared.documents[["doc_id", "outlet", "published"]].reset_index(drop=True)
    grid = documents.merge(pd.DataFrame({"theme": chosen.names}), how="cross")
    sums = found.groupby(["doc_id", "theme"]).agg(hits=("weight", "size"), weighted=("weight", "sum"))
    table = grid.join(sums, on=["doc_id", "theme"]).fillna({"hits": 0, "weighted": 0.0})
    table["hits"] = table.hits.astype(int)
    table["tokens"] = table.doc_id.map(word_tokens(prepared)).astype(int)
    order = {name: i for i, name in enumerate(chosen.names)}
    if by == "document":
        table = table.sort_values(["doc_id", "theme"], key=_theme_key(order), kind="stable")
        return _with_rate(table)[COUNT_COLUMNS].reset_index(drop=True)
    if by == "outlet":
        unit, unit_order = "outlet", None
    else:
        assigned = assign_periods(prepared, periods)
        table = table.merge(assigned, on="doc_id", how="left")
        unit, unit_order = "period", "period_order"
    keys = [unit, unit_order] if unit_order else [unit]
    grouped = table.groupby([*keys, "theme"], sort=False).agg(
        documents=("doc_id", "nunique"), hits=("hits", "sum"), weighted=("weighted", "sum"), tokens=("tokens", "sum")
    )
    grouped = grouped.reset_index().sort_values([keys[-1], "theme"], key=_theme_key(order), kind="stable")
    return _with_rate(grouped)[[unit, *GROUP_COUNT_COLUMNS]].reset_index(drop=True)


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


def _theme_key(order: Mapping[str, int]):
    return lambda column: column.map(order) if column.name == "theme" else column


def _with_rate(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["weighted"] = table.weighted.astype(float).round(6)
    rate = np.where(table.tokens > 0, table.weighted / table.tokens.where(table.tokens > 0, 1) * 1000, 0.0)
    table["per_1k"] = np.round(rate, 4)
    return table


# ---------------------------------------------------------------- periods


def parse_boundaries(boundaries: Sequence[str]) -> list[tuple[str, pd.Timestamp]]:
    """Period boundaries → ``(label, first day)`` pairs, in date order.

    Each item starts a period and is a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), optionally with
    a label: ``"2018 summit=2018-01-01"``. Without a label the period is named after its years
    (``"2018–2023"``, ``"2024–"``). Documents before the first boundary fall in a period named
    ``"before <date>"``.

    Raises:
        KitError: no boundaries, an unreadable date, boundaries out of order or repeated, a label twice.
    """
    if isinstance(boundaries, str) or not boundaries:
        raise KitError(
            f"period boundaries {boundaries!r}: expected a list of dates such as ['2018-01-01', '2024-01-01'] or 'year'"
        )
    parsed = []
    for item in boundaries:
        label, _, date = str(item).rpartition("=")
        parsed.append((label.strip(), _parse_day(date.strip(), item)))
    for (_, earlier), (_, later) in pairwise(parsed):
        if later <= earlier:
            raise KitError(f"period boundaries {list(boundaries)!r}: dates must be in increasing order, each once")
    named = []
    for i, (label, first) in enumerate(parsed):
        last = parsed[i + 1][1] - pd.Timedelta(days=1) if i + 1 < len(parsed) else None
        named.append((label or _period_name(first, last), first))
    labels = [label for label, _ in named]
    if len(set(labels)) != len(labels) or any(label.startswith("before ") for label in labels):
        raise KitError(
            f"period boundaries {list(boundaries)!r}: two periods would share a name; label them 'NAME=DATE'"
        )
    return named


def _period_name(first: pd.Timestamp, last: pd.Timestamp | None) -> str:
    """Names: "2018", "2018–2023", "2024–" for whole years; "2018-03-28 – 2024-03-31", "2024-04-01 –" otherwise."""
    whole_years = (first.month, first.day) == (1, 1) and (last is None or (last.month, last.day) == (12, 31))
    if not whole_years:
        return f"{first.date()} – {last.date()}" if last is not None else f"{first.date()} –"
    if last is None:
        return f"{first.year}–"
    return str(first.year) if last.year == first.year else f"{first.year}–{last.year}"


def _parse_day(value: str, item: object) -> pd.Timestamp:
    for shape in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return pd.Timestamp(datetime.strptime(value, shape))
        except ValueError:
            continue
    raise KitError(f"period boundary {item!r}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, optionally 'LABEL=DATE'")


def assign_periods(prepared: Prepared, periods: str | Sequence[str] = "year") -> pd.DataFrame:
    """The period of each document, from its publication date and the date's precision.

    Args:
        prepared: the prepared corpus.
        periods: ``"year"`` (the publication year), or boundaries (see :func:`parse_boundaries`).

    Returns:
        doc_id, period (label), period_order (0, 1, … in date order).

    Raises:
        KitError: bad boundaries, or a boundary that falls inside a document's publication period
            (e.g. ``2024-04-15`` for a document dated ``2024-04`` at month precision).
    """
    documents = prepared.documents
    spans = list(corpus.publication_periods(documents).values())
    if isinstance(periods, str):
        if periods != "year":
            raise KitError(f"periods={periods!r}: expected 'year' or a list of boundary dates")
        years = [str(first.year) for first, _ in spans]
        order = {year: i for i, year in enumerate(sorted(set(years)))}
        return pd.DataFrame({"doc_id": documents.doc_id, "period": years, "period_order": [order[y] for y in years]})
    named = parse_boundaries(periods)
    labels, orders = [], []
    for doc_id, published, (first, last) in zip(documents.doc_id, documents.published, spans, strict=True):
        index_first = sum(start <= first for _, start in named)
        index_last = sum(start <= last for _, start in named)
        if index_first != index_last:
            boundary = named[index_last - 1][1].date()
            raise KitError(
                f"period boundary {boundary} falls inside the publication period of {doc_id} ({published}); "
                "move the boundary to the start of a month"
            )
        labels.append(named[index_first - 1][0] if index_first else f"before {named[0][1].date()}")
        orders.append(index_first)
    return pd.DataFrame({"doc_id": documents.doc_id, "period": labels, "period_order": orders})


# ---------------------------------------------------------------- keyword in context


def kwic(
    prepared: Prepared,
    dictionary: Dictionary | None = None,
    *,
    theme: str | None = None,
    word: str | None = None,
    window: int = 8,
    sentence_bounded: bool = True,
) -> pd.DataFrame:
    """Keyword-in-context lines for one theme's matches, or for a word / phrase / glob.

    Args:
        prepared: the prepared corpus.
        dictionary: needed with ``theme`` (default: the kit's dictionary).
        theme: a theme name; its rows are exactly the hits :func:`count` adds up. With neither a
            theme nor a word: every theme of the dictionary.
        word: instead of a theme, any pattern the matcher accepts ("sanction*", "maximum pressure").
        window: tokens (punctuation included) shown on each side.
        sentence_bounded: stop the context at the sentence's ends (default); ``False`` lets it run
            into neighbouring sentences of the same document.

    Returns:
        doc_id, sentence_id, start, end (offsets of the match in the cleaned text), theme ("" for a
        word), pattern, left, match, right — context with runs of whitespace shown as one space.
        Ordered by document and position.

    Raises:
        KitError: both ``theme`` and ``word``, an unknown theme, an empty pattern,
            a negative window.
    """
    if theme is not None and word is not None:
        raise KitError("kwic: give a theme or a word, not both")
    if window < 0:
        raise KitError(f"kwic: window {window} must be 0 or more tokens")
    if word is None:
        found = matches(prepared, dictionary or load_dictionary(), themes=[theme] if theme else None)
    else:
        entry = lookup.parse_entry(word, category="", where="kwic --word")
        texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
        found = lookup.find(prepared.tokens, [entry], texts=texts).rename(columns={"category": "theme"})
    return _context(prepared, found, window=window, sentence_bounded=sentence_bounded)


def _context(prepared: Prepared, found: pd.DataFrame, *, window: int, sentence_bounded: bool) -> pd.DataFrame:
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    by_doc = {doc_id: group for doc_id, group in prepared.tokens.groupby("doc_id", sort=False)}
    rows = []
    for hit in found.itertuples(index=False):
        tokens = by_doc[hit.doc_id]
        if sentence_bounded:
            tokens = tokens[tokens.sentence_id == hit.sentence_id]
        before = tokens[tokens.token_id < hit.first_token].tail(window)
        after = tokens[tokens.token_id > hit.last_token].head(window)
        body = texts[hit.doc_id]
        left = body[int(before.start.iloc[0]) : hit.start] if window and len(before) else ""
        right = body[hit.end : int(after.end.iloc[-1])] if window and len(after) else ""
        rows.append(
            (
                hit.doc_id,
                hit.sentence_id,
                hit.start,
                hit.end,
                hit.theme,
                hit.pattern,
                _one_line(left),
                hit.match,
                _one_line(right),
            )
        )
    return pd.DataFrame.from_records(rows, columns=KWIC_COLUMNS)


def _one_line(context: str) -> str:
    return re.sub(r"\s+", " ", context).strip()


# ---------------------------------------------------------------- keyness


def log_likelihood(
    target: np.ndarray, reference: np.ndarray, target_total: float, reference_total: float
) -> np.ndarray:
    """Dunning's log-likelihood G2 for a 2×2 table (item vs rest, target vs reference), unsigned.

    ``0 · ln 0`` is taken as 0, so an item absent from one side still gets a finite score.
    """
    a, b = np.asarray(target, dtype=float), np.asarray(reference, dtype=float)
    c, d = float(target_total), float(reference_total)
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        term_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        term_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    return 2 * (term_a + term_b)


def log_ratio(target: np.ndarray, reference: np.ndarray, target_total: float, reference_total: float) -> np.ndarray:
    """Hardie's (2014) log ratio: log2 of the ratio of relative frequencies; a zero count becomes 0.5.

    +1 means twice as frequent in the target, -1 half as frequent.
    """
    a = np.where(np.asarray(target, dtype=float) == 0, ZERO_SMOOTHING, target)
    b = np.where(np.asarray(reference, dtype=float) == 0, ZERO_SMOOTHING, reference)
    return np.log2((a / float(target_total)) / (b / float(reference_total)))


def keyness(
    prepared: Prepared,
    dictionary: Dictionary | None = None,
    *,
    unit: str = "theme",
    by: str = "period",
    periods: str | Sequence[str] = "year",
    target: str | Sequence[str] | None = None,
    reference: str | Sequence[str] | None = None,
    min_count: int = 3,
) -> pd.DataFrame:
    """Which themes (or words) are over- or under-used in one group of documents against another.

    Args:
        prepared: the prepared corpus.
        dictionary: for ``unit="theme"`` (default: the kit's dictionary).
        unit: ``"theme"`` (theme hits; weights are ignored because G2 needs counts) or ``"word"``
            (normalised word tokens, stopwords and numbers left out).
        by: group documents by ``"period"`` or ``"outlet"``.
        periods: for ``by="period"``: ``"year"`` or boundaries (see :func:`parse_boundaries`).
        target: the group label(s) under study (default: the latest period, or the first outlet).
        reference: the group label(s) to compare with (default: every other document).
        min_count: for words, leave out words seen fewer times in both groups together.

    Returns:
        item, target_count, reference_count, target_per_1k, reference_per_1k (per 1,000 word tokens of
        the group), g2 (signed: positive = more frequent in the target), p_value (chi-squared, 1 df),
        log_ratio (Hardie 2014, zeros smoothed to 0.5), use ("over", "under" or "same") — sorted by
        |g2|, then item. ``frame.attrs`` holds the target and reference labels and their token totals.

    Raises:
        KitError: an unknown unit or grouping, a label no document has, groups that overlap or are empty.
    """
    if unit not in ("theme", "word"):
        raise KitError(f"unit={unit!r}: expected theme or word")
    if by == "period":
        groups = assign_periods(prepared, periods).sort_values(["period_order", "doc_id"], kind="stable")
        labels = dict(zip(groups.doc_id, groups.period, strict=True))
        default_target = groups.period.iloc[-1]
    elif by == "outlet":
        labels = dict(zip(prepared.documents.doc_id, prepared.documents.outlet, strict=True))
        default_target = sorted(labels.values())[0]
    else:
        raise KitError(f"by={by!r}: expected period or outlet")
    target_labels = _as_labels(target, default_target)
    known = sorted(set(labels.values()))
    for label in target_labels + _as_labels(reference, None):
        if label not in known:
            raise KitError(f"keyness: no {by} {label!r} (known: {', '.join(known)})")
    target_docs = sorted(d for d, label in labels.items() if label in target_labels)
    reference_labels = _as_labels(reference, None) or [label for label in known if label not in target_labels]
    if set(reference_labels) & set(target_labels):
        raise KitError(f"keyness: {by} {sorted(set(reference_labels) & set(target_labels))[0]!r} is in both groups")
    reference_docs = sorted(d for d, label in labels.items() if label in reference_labels)
    if not target_docs or not reference_docs:
        raise KitError(f"keyness: both groups need documents (target {target_labels}, reference {reference_labels})")
    sizes = word_tokens(prepared)
    target_total, reference_total = int(sizes[target_docs].sum()), int(sizes[reference_docs].sum())
    if unit == "theme":
        chosen = dictionary or load_dictionary()
        found = matches(prepared, chosen)
        items = chosen.names
        counted = found.groupby(["theme", "doc_id"]).size()
        counts = {
            side: [int(sum(counted.get((name, d), 0) for d in docs)) for name in items]
            for side, docs in (("target", target_docs), ("reference", reference_docs))
        }
    else:
        tokens = prepared.tokens
        words = tokens[~tokens.is_punct & ~tokens.is_stop & tokens.norm.str.match(r"^[^\W\d_]")]
        table = pd.crosstab(words.norm, words.doc_id.isin(target_docs) * 1 + words.doc_id.isin(reference_docs) * 2)
        table = table.reindex(columns=[1, 2], fill_value=0)
        table = table[table.sum(axis=1) >= min_count]
        items = table.index.tolist()
        counts = {"target": table[1].tolist(), "reference": table[2].tolist()}
    frame = _score(items, counts["target"], counts["reference"], target_total, reference_total)
    frame.attrs.update(
        target=target_labels, reference=reference_labels, target_tokens=target_total, reference_tokens=reference_total
    )
    return frame


def _as_labels(value: str | Sequence[str] | None, default: str | None) -> list[str]:
    if value is None or (not isinstance(value, str) and not value):
        return [default] if default is not None else []
    return [value] if isinstance(value, str) else list(value)


def _score(
    items: list[str], target: list[int], reference: list[int], target_total: int, reference_total: int
) -> pd.DataFrame:
    a, b = np.array(target, dtype=float), np.array(reference, dtype=float)
    g2 = log_likelihood(a, b, target_total, reference_total)
    more = a / max(target_total, 1) > b / max(reference_total, 1)
    less = a / max(target_total, 1) < b / max(reference_total, 1)
    signed = np.where(less, -g2, g2)
    frame = pd.DataFrame(
        {
            "item": items,
            "target_count": a.astype(int),
            "reference_count": b.astype(int),
            "target_per_1k": np.round(a / max(target_total, 1) * 1000, 4),
            "reference_per_1k": np.round(b / max(reference_total, 1) * 1000, 4),
            "g2": np.round(signed, 4),
            "p_value": [round(math.erfc(math.sqrt(max(g, 0.0) / 2)), 6) for g in g2],
            "log_ratio": np.round(log_ratio(a, b, target_total, reference_total), 4),
            "use": np.where(more, "over", np.where(less, "under", "same")),
        }
    )
    frame["_abs"] = frame.g2.abs()
    frame = frame.sort_values(["_abs", "item"], ascending=[False, True], kind="stable").drop(columns="_abs")
    return frame[KEYNESS_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------- collocations


def collocations(
    prepared: Prepared,
    dictionary: Dictionary | None = None,
    *,
    theme: str,
    window: int = 5,
    min_freq: int = 2,
    top: int = 15,
) -> pd.DataFrame:
    """Words that keep company with a theme: each theme match becomes one node token and nltk's
    bigram finder scores its neighbours within ``window`` tokens, sentence by sentence.

    Stopwords, punctuation and numbers are left out before windows are counted.

    Returns:
        collocate, side ("left"/"right" of the theme match), freq, score (likelihood ratio) — best first.
    """
    chosen = (dictionary or load_dictionary()).select([theme])
    found = matches(prepared, chosen)
    node = f"<{theme}>"
    starts = {(r.doc_id, r.first_token): r.last_token for r in found.itertuples(index=False)}
    sentences = []
    for _, sentence in prepared.tokens.groupby(["doc_id", "sentence_id"], sort=True):
        words: list[str] = []
        skip_to = -1
        for token in sentence.itertuples(index=False):
            if token.token_id <= skip_to:
                continue
            if (token.doc_id, token.token_id) in starts:
                words.append(node)
                skip_to = starts[(token.doc_id, token.token_id)]
            elif not token.is_punct and not token.is_stop and re.match(r"^[^\W\d_]", token.norm):
                words.append(token.norm)
        sentences.append(words)
    return text.node_collocations(sentences, node, window_size=window, min_freq=min_freq, top=top)
