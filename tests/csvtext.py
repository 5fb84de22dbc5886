"""CSV text for fixtures, written by hand: every field quoted, so a NUL or a newline in a field survives on every
Python (3.10's csv writer refuses a NUL).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """The rows as CSV with ``\\n`` line ends, every field in double quotes (inner quotes doubled)."""
    return "".join(",".join('"' + str(value).replace('"', '""') + '"' for value in row) + "\n" for row in rows)
