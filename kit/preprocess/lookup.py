"""The one dictionary matcher: theme dictionaries, actor aliases and lexicon entries all use it.

An entry is a word ("sanctions"), a phrase ("traditional friendship", "Kim Jong-un"), or a glob
("denucleari*" matches denuclearization and denuclearisation), with a weight, a case rule and
optional exclusions (phrases inside which the entry must not count). Patterns are tokenised with the
kit's own tokenizer, so a pattern matches exactly the token sequences the text was split into.

Hyphenated words are one token ("anti-Japan", "Kim Jong-un"). A glob word without a hyphen also matches
a hyphenated token when it matches one of its parts: ``japan*`` finds "anti-Japan" and "Japan-based",
``sanction*`` finds "non-sanctioned"; the match is the whole token. A plain word matches whole tokens only
(``un`` never matches "Jong-un"): to reach a part with a plain word, write it as a glob or hyphenated.

Within one category (a theme, an actor) matches never overlap: at each place the longest entry wins,
so "maximum pressure" is counted once and not also as "pressure". Different categories are matched
independently (a token may count for two themes).
"""

from __future__ import annotations

import fnmatch
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kit import yamlfile
from kit.errors import KitError, preview
from kit.preprocess import text, wordtrie
from kit.preprocess.wordtrie import HYPHEN, Word  # the unit of a compiled pattern, walked by the trie

# The glob characters of a pattern word (the hyphen the tokenizer keeps inside a word is
# kit.preprocess.wordtrie.HYPHEN).
GLOB_MARKS = "*?"
# Every character fnmatch gives a meaning to (a "[…]" set as well as the globs).
FNMATCH_MARKS = "*?["

MATCH_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "first_token",
    "last_token",
    "match",
    "category",
    "pattern",
    "weight",
]


@dataclass(frozen=True)
class Entry:
    """One dictionary entry.

    Attributes:
        pattern: a word, phrase or glob (``*`` any characters, ``?`` one character) per word.
        category: what a match counts for (theme name, actor id…).
        weight: how much one match counts.
        case_sensitive: match the token as written (default: compare lower-cased, quotes straightened).
        exclude: phrases (same syntax); a match of this entry that overlaps one of them does not count.
    """

    pattern: str
    category: str
    weight: float = 1.0
    case_sensitive: bool = False
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Compiled:
    entry: Entry
    words: tuple[Word, ...]
    exclusions: tuple[tuple[Word, ...], ...] = field(default=())


def pattern_words(pattern: str, *, case_sensitive: bool = False) -> tuple[Word, ...]:
    """Compile a pattern into one :class:`Word` per token, e.g. ``"denucleari* talks"`` → 2 words.

    Raises:
        KitError: when the pattern is empty or has no word in it.
    """
    spans = text.split_tokens(pattern)
    if not pattern.strip() or not spans:
        raise KitError(f"empty pattern {preview(pattern)}")
    words = []
    for start, end in _merge_glob_spans(pattern, spans):
        word = pattern[start:end] if case_sensitive else text.normalise(pattern[start:end])
        flags = 0 if case_sensitive else re.IGNORECASE
        is_glob = any(mark in word for mark in GLOB_MARKS)
        regex = re.compile(fnmatch.translate(word), flags)
        # fnmatch also reads "[…]" as a set of characters: only a word with none of its marks is literal
        literal = "" if any(mark in word for mark in FNMATCH_MARKS) else word
        words.append(Word(regex, matches_parts=is_glob and HYPHEN not in word, literal=literal))
    return tuple(words)


def _merge_glob_spans(pattern: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a glob one word: "denucleari*", "anti-*" and "*-based" are split by the tokenizer, a glob must not be.

    Touching token spans (no space between them) form a run; a run with ``*`` or ``?`` in it is one word,
    any other run keeps its tokens ("Russia's" stays "Russia" + "'s", as in the text).
    """
    runs: list[list[tuple[int, int]]] = []
    for start, end in spans:
        if runs and runs[-1][-1][1] == start:
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
    merged: list[tuple[int, int]] = []
    for run in runs:
        first, last = run[0][0], run[-1][1]
        is_glob = any(mark in pattern[first:last] for mark in GLOB_MARKS)
        merged.extend([(first, last)] if is_glob else run)
    return merged


def compile_entries(entries: Iterable[Entry]) -> list[_Compiled]:
    """Compile entries once, to match many texts."""
    return [
        _Compiled(
            entry,
            _words(entry.pattern, bool(entry.case_sensitive)),
            tuple(_words(x, bool(entry.case_sensitive)) for x in entry.exclude),
        )
        for entry in entries
    ]


# How many compiled patterns are kept between calls: every pattern of the kit's dictionaries, with room to spare.
PATTERNS_KEPT = 4096


@functools.lru_cache(maxsize=PATTERNS_KEPT)
def _words(pattern: str, case_sensitive: bool) -> tuple[Word, ...]:
    """:func:`pattern_words`, kept by the pattern and case rule: the engine compiles a registry once per chunk."""
    return pattern_words(pattern, case_sensitive=case_sensitive)


def find(
    tokens: pd.DataFrame,
    entries: Sequence[Entry] | Sequence[_Compiled],
    *,
    texts: Mapping[str, str],
) -> pd.DataFrame:
    """Every non-overlapping match of the entries in a token table.

    Args:
        tokens: the kit's token table (doc_id, sentence_id, token_id, start, end, token, norm).
        entries: dictionary entries (or the result of :func:`compile_entries`).
        texts: doc_id → cleaned text, to report the matched text exactly as written.

    Returns:
        One row per match (MATCH_COLUMNS): offsets into the cleaned text, first/last token_id, the
        matched text, the entry's category, pattern and weight; ordered by doc, position, category.
        A match never crosses a sentence boundary.
    """
    compiled = [e if isinstance(e, _Compiled) else compile_entries([e])[0] for e in entries]
    trie = wordtrie.trie_for(tuple((c.words, bool(c.entry.case_sensitive)) for c in compiled))
    # The sentences in (doc_id, sentence_id) order, as plain lists: slicing them costs far less than a
    # pandas group per sentence, which matters for an article of a million sentences.
    ordered = tokens.sort_values(["doc_id", "sentence_id"], kind="stable")
    doc_ids, sentence_ids = ordered.doc_id.tolist(), ordered.sentence_id.tolist()
    written, norms = ordered.token.tolist(), ordered.norm.tolist()
    token_ids, token_starts, token_ends = ordered.token_id.tolist(), ordered.start.tolist(), ordered.end.tolist()
    first_words = _first_steps(written, norms, trie)
    rows = []
    for first_row, end_row in _sentence_slices(ordered):
        if not any(first_words[first_row:end_row]):
            continue
        doc_id, sentence_id = doc_ids[first_row], sentence_ids[first_row]
        by_category: dict[str, list[tuple[_Compiled, int, int]]] = {}
        sentence = slice(first_row, end_row)
        for candidate in _candidates(written[sentence], norms[sentence], first_words[sentence], trie, compiled):
            by_category.setdefault(candidate[0].entry.category, []).append(candidate)
        for category in sorted(by_category):
            for c, i, n in _longest_first(by_category[category]):
                first, last = first_row + i, first_row + i + n - 1
                rows.append(
                    {
                        "doc_id": doc_id,
                        "sentence_id": sentence_id,
                        "start": int(token_starts[first]),
                        "end": int(token_ends[last]),
                        "first_token": int(token_ids[first]),
                        "last_token": int(token_ids[last]),
                        "match": texts[doc_id][token_starts[first] : token_ends[last]],
                        "category": category,
                        "pattern": c.entry.pattern,
                        "weight": c.entry.weight,
                    }
                )
    frame = pd.DataFrame.from_records(rows, columns=MATCH_COLUMNS)
    return frame.sort_values(["doc_id", "start", "category"], kind="stable").reset_index(drop=True)


def _first_steps(written: list[str], norms: list[str], trie: wordtrie.WordTrie) -> list[tuple[int, ...]]:
    """Per token, the trie nodes it leads to from the root (where an entry can start there).

    Looked up once per distinct (token, norm) pair, since a corpus repeats its words; a sentence where no
    entry starts is then skipped without reading its words again.
    """
    pairs = list(zip(written, norms, strict=True))
    steps = {pair: trie.step(wordtrie.ROOT_NODE, *pair) for pair in set(pairs)}
    return [steps[pair] for pair in pairs]


def _sentence_slices(ordered: pd.DataFrame) -> Iterable[tuple[int, int]]:
    """(first row, end row) of each run of equal (doc_id, sentence_id) in a token table sorted by them."""
    doc_ids, sentence_ids = ordered.doc_id.to_numpy(), ordered.sentence_id.to_numpy()
    changes = np.flatnonzero((doc_ids[1:] != doc_ids[:-1]) | (sentence_ids[1:] != sentence_ids[:-1])) + 1
    bounds = [0, *changes.tolist(), len(ordered)] if len(ordered) else []
    return itertools.pairwise(bounds)


def _candidates(
    written: list[str],
    norms: list[str],
    first_words: list[tuple[int, ...]],
    trie: wordtrie.WordTrie,
    compiled: list[_Compiled],
) -> list[tuple[_Compiled, int, int]]:
    """(entry, first token index, length) for every place an entry matches and no exclusion covers.

    ``first_words[i]`` holds the trie nodes token ``i`` leads to from the root; found in entry order per token.
    """
    found = []
    for i, nodes in enumerate(first_words):
        if not nodes:
            continue
        matched: list[tuple[int, int]] = []  # (entry position, length)
        length = 1
        while nodes:
            matched += [(position, length) for node in nodes for position in trie.ends(node)]
            if i + length == len(written):
                break
            nodes = tuple(child for node in nodes for child in trie.step(node, written[i + length], norms[i + length]))
            length += 1
        for position, n in sorted(matched):
            c = compiled[position]
            if c.exclusions and _excluded(written if c.entry.case_sensitive else norms, c.exclusions, i, n):
                continue
            found.append((c, i, n))
    return found


def _excluded(tokens: list[str], exclusions: tuple[tuple[Word, ...], ...], first: int, length: int) -> bool:
    """True when an exclusion phrase occurs over any of the tokens ``first`` … ``first + length - 1``.

    Only the places where such an occurrence could start are tried (it must reach the match), so the cost
    does not grow with the sentence.
    """
    for words in exclusions:
        span = len(words)
        for start in range(max(0, first - span + 1), min(first + length, len(tokens) - span + 1)):
            if all(words[k].matches(tokens[start + k]) for k in range(span)):
                return True
    return False


def _longest_first(candidates: list[tuple[_Compiled, int, int]]) -> list[tuple[_Compiled, int, int]]:
    """Greedy left-to-right, longest first at each place; a taken token is never counted again."""
    ordered = sorted(candidates, key=lambda c: (c[1], -c[2], c[0].entry.pattern))
    taken: set[int] = set()
    kept = []
    for c, i, n in ordered:
        span = range(i, i + n)
        if not taken.isdisjoint(span):
            continue
        taken.update(span)
        kept.append((c, i, n))
    return kept


ENTRY_KEYS = {"pattern", "weight", "case_sensitive", "exclude"}


def parse_entry(raw: object, *, category: str, where: str) -> Entry:
    """Build an :class:`Entry` from a YAML value: a plain string, or a mapping with ``pattern`` and
    optional ``weight`` (number), ``case_sensitive`` (bool) and ``exclude`` (list of phrases).

    Args:
        raw: the YAML value.
        category: the theme or actor the entry belongs to.
        where: the file and place, for the error message (e.g. ``"themes.yaml: theme 'trade'"``).

    Raises:
        KitError: one line naming ``where`` and the entry: unknown key, non-numeric weight, empty
            pattern, non-boolean case rule, bad exclusion.
    """
    if isinstance(raw, str):
        raw = {"pattern": raw}
    if not isinstance(raw, dict):
        raise KitError(f"{where}: entry {preview(raw)} must be a string or a mapping with 'pattern'")
    label = f"{where}, entry {preview(raw.get('pattern'))}"
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise KitError(
            f"{label}: unknown key(s) {yamlfile.keys_preview(unknown)} (allowed: {', '.join(sorted(ENTRY_KEYS))})"
        )
    pattern = raw.get("pattern")
    if not isinstance(pattern, str) or not pattern.strip() or not text.split_tokens(pattern):
        raise KitError(f"{label}: pattern is empty")
    weight = raw.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)):
        raise KitError(f"{label}: weight {preview(weight)} is not a number")
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise KitError(f"{label}: case_sensitive {preview(case_sensitive)} must be true or false")
    exclude = raw.get("exclude", [])
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(x, str) and x.strip() for x in exclude):
        raise KitError(f"{label}: exclude must be a list of non-empty phrases")
    return Entry(pattern.strip(), category, float(weight), case_sensitive, tuple(x.strip() for x in exclude))
