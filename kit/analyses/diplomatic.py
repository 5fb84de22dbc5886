"""The diplomatic lexicon: words, phrases and globs with the valence they carry in official language.

A YAML file (default ``kit/data/diplomatic_lexicon.yaml``; its format is described at the top of that
file) read through :mod:`kit.yamlfile`. Entries are matched with the kit's one matcher (:mod:`kit.preprocess.lookup`);
:mod:`kit.analyses.tone` hands each match to VADER as one token carrying the entry's valence. Each entry has a
one-line reason and, where the kit's development texts use it, an example: a short real use, in which the
loader checks that the entry matches.

    load_lexicon → Lexicon.find (matches per document) → kit.analyses.tone
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from kit import config, yamlfile
from kit.analyses import sentiment
from kit.errors import KitError
from kit.preprocess import lookup, text

LEXICON_TABLE_COLUMNS = ["pattern", "valence", "vader_valence", "reason", "example"]
VALENCE_RANGE = (-4.0, 4.0)
LEXICON_KEYS = {"valence", "reason", "example", "case_sensitive", "exclude"}
LEXICON_CATEGORY = "diplomatic"
# An example is a short span quoted from real text: at most this many words.
EXAMPLE_WORDS = 12


@dataclass(frozen=True)
class LexiconEntry:
    """One diplomatic entry.

    Attributes:
        entry: the matcher entry; its weight is the valence.
        reason: one line saying why.
        token: the single token the matched words become before VADER scores them.
        example: a short real use of the entry, quoted ("" when the file gives none).
    """

    entry: lookup.Entry
    reason: str
    token: str
    example: str = ""

    @property
    def pattern(self) -> str:
        """The word, phrase or glob."""
        return self.entry.pattern

    @property
    def valence(self) -> float:
        """The valence on VADER's scale (-4…+4)."""
        return self.entry.weight


@dataclass(frozen=True)
class Lexicon:
    """A loaded diplomatic lexicon; ``source`` is the file it came from."""

    source: str
    entries: tuple[LexiconEntry, ...]

    def vader_items(self) -> tuple[tuple[str, float], ...]:
        """``(token, valence)`` pairs for :func:`kit.analyses.sentiment.vader`, sorted."""
        return tuple(sorted((e.token, e.valence) for e in self.entries))

    def as_written(self) -> tuple[str, ...]:
        """The tokens of entries that carry their own negation ("will not change", "never forget*", "no
        limits"), sorted: VADER must not negate them again, so :func:`kit.analyses.sentiment.vader` reads them
        as written.
        """
        return tuple(sorted(e.token for e in self.entries if any(map(sentiment.is_negation, e.pattern.split()))))

    def analyzer(self) -> sentiment.ExplainedVader:
        """The cached VADER with this lexicon's tokens added and its negated formulas read as written."""
        return sentiment.vader(self.vader_items(), self.as_written())

    def table(self) -> pd.DataFrame:
        """pattern, valence, vader_valence (VADER's own value of a single word, NaN when it has none), reason,
        example.
        """
        plain = sentiment.vader(()).lexicon
        rows = [
            {
                "pattern": e.pattern,
                "valence": e.valence,
                "vader_valence": plain.get(e.pattern.lower(), float("nan")),
                "reason": e.reason,
                "example": e.example,
            }
            for e in self.entries
        ]
        return pd.DataFrame(rows, columns=LEXICON_TABLE_COLUMNS)

    def find(self, tokens: pd.DataFrame, texts: dict[str, str]) -> dict[str, list[LexiconMatch]]:
        """Every match of the lexicon in ``tokens``, per doc_id, in text order (longest entry first, no
        token matched twice); ``texts`` maps doc_id to the text the token offsets point into.
        """
        by_pattern = {e.pattern: e for e in self.entries}
        found = lookup.find(tokens, lookup.compile_entries([e.entry for e in self.entries]), texts=texts)
        by_doc: dict[str, list[LexiconMatch]] = {}
        matches: Iterable[Any] = found.itertuples(index=False)  # pandas types each field as any scalar
        for m in matches:
            by_doc.setdefault(str(m.doc_id), []).append(LexiconMatch(int(m.start), int(m.end), by_pattern[m.pattern]))
        return by_doc


@dataclass(frozen=True)
class LexiconMatch:
    """Where a diplomatic entry matched: character offsets into the cleaned text, and the entry."""

    start: int
    end: int
    entry: LexiconEntry


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a diplomatic lexicon (default: the kit's ``kit/data/diplomatic_lexicon.yaml``).

    Raises:
        KitError: one line naming the file and the entry: missing or unreadable file, bad YAML, an entry
            given twice, an unknown key, a valence that is not a number from -4 to 4, a missing or
            multi-line reason, an empty pattern, a bad exclusion, an example that is not one line of at most
            :data:`EXAMPLE_WORDS` words or in which the entry does not match.
    """
    raw_entries, source = yamlfile.load_mapping(
        Path(path) if path else config.DIPLOMATIC_LEXICON, what="diplomatic lexicon", top="lexicon"
    )
    entries: list[LexiconEntry] = []
    tokens: set[str] = set()
    for pattern, raw in raw_entries.items():
        where = f"{source}: entry {pattern!r}"
        if not isinstance(pattern, str) or not pattern.strip() or not text.split_tokens(pattern):
            raise KitError(f"{where}: pattern is empty")
        yamlfile.check_mapping(raw, where=where, allowed=LEXICON_KEYS, expected="valence and reason")
        valence = raw.get("valence")
        low, high = VALENCE_RANGE
        if isinstance(valence, bool) or not isinstance(valence, (int, float)) or not low <= valence <= high:
            raise KitError(f"{where}: valence {valence!r} must be a number from {low:g} to {high:g}")
        reason = raw.get("reason")
        if not isinstance(reason, str) or not reason.strip() or "\n" in reason.strip():
            raise KitError(f"{where}: 'reason' must be one line saying why the entry has this valence")
        example = raw.get("example", "")
        if not isinstance(example, str) or "\n" in example.strip() or (example and not example.strip()):
            raise KitError(f"{where}: 'example' must be one line quoting a real use of the entry")
        if len(example.split()) > EXAMPLE_WORDS:
            raise KitError(f"{where}: 'example' has {len(example.split())} words; quote at most {EXAMPLE_WORDS}")
        options = {k: raw[k] for k in ("case_sensitive", "exclude") if k in raw}
        # One category for every entry: where entries overlap, the matcher keeps the longest ("hostile policy"
        # over "hostile"), and no word is counted twice.
        raw_entry = {"pattern": pattern, "weight": valence, **options}
        entry = lookup.parse_entry(raw_entry, category=LEXICON_CATEGORY, where=where)
        lookup.pattern_words(entry.pattern, case_sensitive=entry.case_sensitive)  # compiles, or says why not
        token = _token_for(entry.pattern, tokens)
        tokens.add(token)
        entries.append(LexiconEntry(entry, reason.strip(), token, " ".join(example.split())))
    _check_examples(entries, source)
    return Lexicon(str(source), tuple(entries))


def _check_examples(entries: list[LexiconEntry], source: Path) -> None:
    """Refuse an example in which its own entry does not match (all examples matched in one pass).

    Raises:
        KitError: ``FILE: entry 'X': example '…' does not contain the entry``, for the first such entry.
    """
    examples = {str(n): e.example for n, e in enumerate(entries) if e.example}
    if not examples:
        return
    # Each entry is its own category here, so entries that overlap in an example never hide each other.
    own = [replace(entries[int(n)].entry, category=n) for n in examples]
    found = lookup.find(text.tokens_of_texts(examples), own, texts=examples)
    matched = set(zip(found.doc_id, found.category, strict=True))
    for n, example in examples.items():
        if (n, n) not in matched:
            pattern = entries[int(n)].pattern
            raise KitError(f"{source}: entry {pattern!r}: example {example!r} does not contain the entry")


def _token_for(pattern: str, taken: set[str]) -> str:
    """The single token a match becomes: "traditional friendship" → "dipl_traditional_friendship"."""
    base = "dipl_" + (re.sub(r"[^0-9a-z]+", "_", text.normalise(pattern)).strip("_") or "entry")
    token, n = base, 2
    while token in taken:
        token, n = f"{base}_{n}", n + 1
    return token
