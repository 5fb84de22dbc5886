"""Error-message helpers (kit.errors): bounded previews of offending values."""

from __future__ import annotations

import datetime

import pytest

from kit.errors import first_line, preview, repr_prefix, shorten

VALUES = [
    1,
    "a'b\"c",
    [],
    [1],
    (1,),
    (),
    (1, "two"),
    {},
    {"a": [1, (2,)], "b": None},
    set(),
    {3},
    frozenset(),
    frozenset({1}),
    [None, True, 1.5, datetime.date(2018, 3, 28)],
    {"outlets": ["The Diplomat (China Power blog)", "South China Morning Post"] * 20},
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("size", [1, 7, 61, 10_000])
def test_repr_prefix_is_the_start_of_repr(value, size):
    assert repr_prefix(value, size) == repr(value)[:size]


def test_a_container_inside_itself_is_shown_as_python_shows_it():
    loop: list = []
    loop.append(loop)
    mapping: dict = {}
    mapping["self"] = mapping
    assert repr_prefix(loop, 100) == "[[...]]"
    assert repr_prefix(mapping, 100) == "{'self': {...}}"


def test_preview_cuts_at_80_characters_with_an_ellipsis():
    assert preview("x" * 500) == "'" + "x" * 79 + "…"
    assert preview("short") == "'short'"
    assert preview("y" * 78) == "'" + "y" * 78 + "'"  # exactly 80: not cut


def test_preview_of_an_alias_bomb_costs_only_its_preview():
    bomb: list = ["lol"] * 9
    for _ in range(40):  # 9**40 leaves: repr() would never finish
        bomb = [bomb] * 9
    assert preview(bomb) == "[" * 41 + "'lol', " * 5 + "'lol…"


def test_shorten_and_first_line():
    assert shorten("abc", 2) == "ab…" and shorten("abc", 3) == "abc"
    assert first_line("\n  \n  KeyError: 'x'  \nmore") == "KeyError: 'x'"
    assert first_line("") == ""
