"""A word trie: dictionary entries as paths of words, walked one token at a time (the core of
:mod:`kit.preprocess.lookup`).

Entries that share their first words ("Kim", "Kim Jong Un", "Kim Yo Jong") share a path, so a token is
compared with each distinct next word once, not once per entry; a literal word is found by a dictionary
look-up rather than a regex. A step answers with node numbers and an entry's path ends in its position in
the entry list, so the trie says *where* entries match and the caller keeps *which* entries they are.

    trie_for(entry words) → step(ROOT_NODE, token, norm) → step(node, next token, …) → ends(node)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

# The hyphen the tokenizer keeps inside a word ("Jong-un"): a glob word may match one of its parts.
HYPHEN = "-"


@dataclass(frozen=True)
class Word:
    """One word of a compiled pattern: its regex, and whether it may match a part of a hyphenated token.

    ``literal`` is the word itself when it has no glob character (``""`` for a glob): the token it matches
    can then be found by a dictionary look-up instead of a regex (see :class:`WordTrie`).
    """

    regex: re.Pattern[str]
    matches_parts: bool = False
    literal: str = ""

    def matches(self, token: str) -> bool:
        """The token is this word, or (for a glob without a hyphen) one of the token's hyphen-joined parts is."""
        if self.regex.fullmatch(token):
            return True
        if not self.matches_parts or HYPHEN not in token:
            return False
        return any(self.regex.fullmatch(part) for part in token.split(HYPHEN))


# How many entry sets keep their trie between calls (themes, actors, the lexicon, a few more), and how
# many steps one trie remembers before it starts afresh: a long process cannot grow them.
TRIES_KEPT = 8
STEPS_KEPT = 200_000
# The node every entry's path starts from.
ROOT_NODE = 0


@functools.lru_cache(maxsize=TRIES_KEPT)
def trie_for(entry_words: tuple[tuple[tuple[Word, ...], bool], ...]) -> WordTrie:
    """The trie of an entry set, kept between calls.

    Keyed on what the trie reads (each entry's words and case rule), and answering with positions in the
    entry list, so entry sets that share a trie never lend each other their weight or category. The engine
    calls :func:`kit.preprocess.lookup.find` once per chunk of documents with the same entries, and a chunk's tokens
    mostly recur in the next; what a trie remembers never changes what it answers.
    """
    return WordTrie(entry_words)


@dataclass
class _Node:
    """One trie node: the words leaving it, sorted by how a token finds them, and the entries ending in it."""

    exact: dict[str, list[tuple[Word, int]]] = field(default_factory=dict)  # case-sensitive literal
    folded: dict[str, list[tuple[Word, int]]] = field(default_factory=dict)  # ASCII literal, case ignored
    tested: list[tuple[Word, bool, int]] = field(default_factory=list)  # globs, other literals
    ends: list[int] = field(default_factory=list)  # positions of the entries whose last word leads here


class WordTrie:
    """The entries as paths of words: entries that share their first words ("Kim", "Kim Jong") share a path,
    so a token is compared with each distinct next word once, not once per entry.

    A literal word (no glob) is found by a dictionary look-up: exactly as written when the case counts,
    lower-cased when it does not. Lower-case equality is what a case-insensitive regex means for ASCII text
    only (outside it "ſ", the long s, matches "s"), so a token outside ASCII is tested against every
    case-insensitive literal; globs and literals outside ASCII are always tested. Every word found is
    confirmed by its regex: the look-ups only decide which words are worth testing.
    """

    def __init__(self, entry_words: tuple[tuple[tuple[Word, ...], bool], ...]):
        self._nodes = [_Node()]
        children: dict[tuple[int, Word, bool], int] = {}
        for position, (words, case_sensitive) in enumerate(entry_words):
            node = ROOT_NODE
            for word in words:
                key = (node, word, case_sensitive)
                if key not in children:
                    children[key] = len(self._nodes)
                    self._nodes.append(_Node())
                    self._add_edge(self._nodes[node], word, case_sensitive, children[key])
                node = children[key]
            self._nodes[node].ends.append(position)
        self._steps: dict[tuple[int, str, str], tuple[int, ...]] = {}

    @staticmethod
    def _add_edge(parent: _Node, word: Word, case_sensitive: bool, child: int) -> None:
        if word.literal and case_sensitive:
            parent.exact.setdefault(word.literal, []).append((word, child))
        elif word.literal and word.literal.isascii():
            parent.folded.setdefault(word.literal.lower(), []).append((word, child))
        else:
            parent.tested.append((word, case_sensitive, child))

    def ends(self, node: int) -> list[int]:
        """Positions of the entries whose path ends at ``node``."""
        return self._nodes[node].ends

    def step(self, node: int, written: str, norm: str) -> tuple[int, ...]:
        """The nodes a token (as written, and normalised) leads to from ``node``."""
        key = (node, written, norm)
        found = self._steps.get(key)
        if found is None:
            if len(self._steps) >= STEPS_KEPT:
                self._steps.clear()
            found = self._steps[key] = self._follow(self._nodes[node], written, norm)
        return found

    @staticmethod
    def _follow(parent: _Node, written: str, norm: str) -> tuple[int, ...]:
        if norm.isascii():
            folded = parent.folded.get(norm.lower(), [])
        else:
            folded = [edge for same in parent.folded.values() for edge in same]
        return tuple(
            [child for word, child in parent.exact.get(written, []) if word.matches(written)]
            + [child for word, child in folded if word.matches(norm)]
            + [
                child
                for word, case_sensitive, child in parent.tested
                if word.matches(written if case_sensitive else norm)
            ]
        )
