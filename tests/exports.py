"""A researcher's own export, written at test time: what ``kit import`` must take as it comes."""

from __future__ import annotations

import csv
from pathlib import Path

FOREIGN_HEADER = ["Title", "Publication", "Pub Date", "Byline", "Body", "outlet_type", "country"]


def write_foreign_export(path: Path, rows: int = 40, *, delimiter: str = ";") -> Path:
    """A news-database export as a researcher gets it: ``Publication``, day-first dates, two metadata columns."""
    outlets = [("Seoul Daily", "newspaper", "KR"), ("Tokyo Wire", "agency", "JP"), ("Beijing Review", "magazine", "CN")]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(FOREIGN_HEADER)
        for number in range(rows):
            outlet, kind, country = outlets[number % 3]
            day = 1 + number % 28  # rows 13… have days above 12: the column can only be day-first
            text = f"Report {number}: the traditional friendship was praised; sanctions; denuclearization talks."
            when = f"{day:02d}/{1 + number % 12:02d}/2019"
            writer.writerow([f"Story {number}", outlet, when, "A. Writer", text, kind, country])
    return path
