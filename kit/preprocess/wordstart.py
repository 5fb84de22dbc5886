"""Regex alternatives behind a look-ahead for the characters they start with, so a search skips quickly over
the places where none of them can start.

An alternation searched through a text tries every alternative at every place; Python's ``re`` does not look
at the first character by itself when the pattern starts with ``\\b`` or a case-insensitive word. A look-ahead
in front, ``\\b(?=[acs])(?:said|according to|…)``, passes a place whose character starts no alternative with
one test; the matches are the same as those of the pattern without it.

    words("said|noted|(?:read|aired) on") → r"\\b(?=[anrs])(?:said|noted|(?:read|aired) on)"
    ahead("Pp|[", r"\\bPhoto by|\\[[A-Z]+\\]$")  → the characters given by hand, where they cannot be read off
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A group this module can read the first letters of: a plain non-capturing or a named group.
_GROUP_OPENINGS = ("(?:", "(?P<")
# What may follow a group and leave it optional, so that an alternative could start after it.
_OPTIONAL = ("?", "*", "{")


def words(alternatives: str) -> str:
    """``\\b``, a look-ahead for the letters the alternatives start with, and the alternatives as a group.

    Raises:
        ValueError: an alternative starts with something other than a letter or a group of such alternatives
            (a character class, an escape, an optional group), whose first letters this cannot tell.
    """
    return rf"\b(?=[{starting_letters(alternatives)}])(?:{alternatives})"


def ahead(characters: str, pattern: str) -> str:
    """``pattern`` behind a look-ahead for ``characters``, which every match of it must start with.

    For patterns whose first characters :func:`starting_letters` cannot read (anchors, escapes, case rules that
    change inside the pattern): the module that uses it tests that the look-ahead changes no match.
    """
    return f"(?=[{''.join(re.escape(character) for character in characters)}])(?:{pattern})"


def starting_letters(alternatives: str) -> str:
    """The letters, as written and sorted, that the top-level alternatives of a regex start with.

    As written: a pattern compiled with ``re.IGNORECASE`` matches them in either case, one without as written.
    """
    letters: set[str] = set()
    for alternative in _split(alternatives):
        if alternative[:1].isalpha():
            letters.add(alternative[0])
        elif alternative.startswith(_GROUP_OPENINGS):
            end = _closing(alternative)
            if alternative[end + 1 : end + 2] in _OPTIONAL:
                raise ValueError(f"an alternative starts with an optional group: {alternative[:40]!r}")
            inside = alternative[alternative.index(">") + 1 if alternative.startswith("(?P<") else 3 : end]
            letters.update(starting_letters(inside))
        else:
            raise ValueError(f"an alternative starts with {alternative[:1]!r}, not a letter: {alternative[:40]!r}")
    return "".join(sorted(letters))


def _split(alternatives: str) -> list[str]:
    """The top-level alternatives of a regex (``|`` outside every group and character class)."""
    cuts = [i for i, character, depth in _structure(alternatives) if character == "|" and depth == 0]
    return [alternatives[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(alternatives)], strict=True)]


def _closing(alternative: str) -> int:
    """Where the group that ``alternative`` opens with closes."""
    for i, character, depth in _structure(alternative):
        if character == ")" and depth == 0:
            return i
    raise ValueError(f"a group that does not close: {alternative[:40]!r}")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(place, character, group depth after it) of each character outside escapes and character classes."""
    depth, escaped, in_class = 0, False, False
    for i, character in enumerate(pattern):
        if escaped:  # the character after a backslash
            escaped = False
        elif character == "\\":
            escaped = True
        elif in_class:  # inside [...]
            in_class = character != "]"
        elif character == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(character, 0)
            yield i, character, depth
