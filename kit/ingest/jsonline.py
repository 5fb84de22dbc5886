"""One line of JSON read strictly: what a JSON parser would take loosely or with a traceback is one line.

Python's ``json`` module takes a key given twice (the last one wins), ``NaN`` and ``Infinity`` (not JSON), and
raises ValueError or RecursionError for a number of more than 4,300 digits or a value nested too deeply. A line
read here refuses each with a :class:`~kit.errors.CorpusError` naming where it is.
"""

from __future__ import annotations

import json

from kit.errors import CorpusError, preview


def read_object(line: str, where: str) -> dict[str, object]:
    """One JSON object, e.g. a line of a JSON Lines export.

    Args:
        line: the JSON text.
        where: the file, line and row, for the message (``export.jsonl:3: row 2``).

    Raises:
        CorpusError: not JSON, not an object, a key twice in any object, ``NaN`` or ``Infinity``, a number with
            more digits than Python converts, nesting deeper than Python recurses.
    """
    try:
        value = json.loads(line, object_pairs_hook=_without_repeats, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise CorpusError(f"{where}: not JSON ({err.msg} at column {err.colno})") from None
    except ValueError as err:  # a key twice, NaN, a number of more digits than Python converts
        reason = "a number with too many digits" if "digits" in str(err) else str(err)
        raise CorpusError(f"{where}: not readable as JSON ({reason})") from None
    except RecursionError:
        raise CorpusError(f"{where}: not readable as JSON (nested too deeply)") from None
    if not isinstance(value, dict):
        raise CorpusError(f"{where}: not a JSON object")
    return value


def _without_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    value: dict[str, object] = {}
    for key, item in pairs:
        if key in value:
            raise ValueError(f"key {preview(key)} appears twice in one object")
        value[key] = item
    return value


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")
