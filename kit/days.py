"""Days of any year as values to draw and to count with: the one place that turns ISO days into timestamps.

pandas' default timestamps count nanoseconds and end at 1677-09-21 and 2262-04-11, but the date rules name
years from 1600 and a relative date reaches past the publication years (1678–2261): "last year" in a 1678
article is 1677, "next year" in a 2261 one is 2262, and an article may mention the Qing invasion of 1636. So
every day here is a timestamp that counts seconds (its range is some 292 billion years either way), and every
step between days is a timedelta in seconds too: adding a nanosecond ``pd.Timedelta`` to such a timestamp would
turn it back into nanoseconds and overflow. The tables keep ISO day strings (``"1636-01-01"``); only charts and
period arithmetic use these values.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

UNIT: Final[Literal["s"]] = "s"
DTYPE = f"datetime64[{UNIT}]"


def days(values: Iterable[object]) -> pd.Series:
    """ISO days (``YYYY-MM-DD``, or a timestamp) as a Series of second-resolution timestamps, numbered from 0; a
    missing value (None, NaN) is NaT, which a chart leaves out.

    Raises:
        ValueError: a value that is not a day (the tables the kit writes hold none).
    """
    parsed = [np.datetime64("NaT") if _missing(value) else np.datetime64(str(value)[:10], "D") for value in values]
    return pd.Series(np.asarray(parsed, dtype=DTYPE))


def _missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def day(value: object) -> pd.Timestamp:
    """One ISO day (``"1636-01-01"``) or date as a second-resolution timestamp."""
    return pd.Timestamp(np.datetime64(str(value)[:10], "D")).as_unit(UNIT)


def year_start(year: int) -> pd.Timestamp:
    """1 January of ``year`` (any year from 1 to 9999), e.g. ``year_start(1677)``."""
    return pd.Timestamp(np.datetime64(f"{year:04d}-01-01", "D")).as_unit(UNIT)


def span(count: float) -> pd.Timedelta:
    """``count`` days as a timedelta in seconds, which a day of any year can take."""
    return pd.Timedelta(days=count).as_unit(UNIT)


def drawable(values: pd.Series | pd.Index) -> np.ndarray[Any, np.dtype[np.datetime64]]:
    """Timestamps as numpy values for matplotlib (its own converter takes any year; pandas' would cast to ns)."""
    return np.asarray(values.to_numpy(), dtype=DTYPE)
