"""A foreign site, built as a new user builds one: a CSV export of a dozen articles from the development corpus
(outlets and years the seeds do not have) → ``kit import`` → ``kit report --corpus … --out …``.

The CSV is written at test time from ``../shared/devcorpus`` (its texts stay outside the project).
"""

from __future__ import annotations

import csv
from pathlib import Path

from kit import cli, config
from tests.devcorpus import DEVCORPUS

ARTICLES = 12


def write_export(path: Path, articles: int = ARTICLES) -> Path:
    """A news-database style CSV (text, title, date, outlet, author, url) of the first ``articles`` articles."""
    with (DEVCORPUS / config.MANIFEST_NAME).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:articles]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["title", "date", "outlet", "author", "url", "text"])
        writer.writeheader()
        for row in rows:
            text = (DEVCORPUS / row["file"]).read_text(encoding="utf-8")
            fields = {"title": row["headline"], "date": row["published"], "outlet": row["outlet"]}
            writer.writerow({**fields, "author": row["author"], "url": row["url"], "text": text})
    return path


def build_site(base: Path) -> dict[str, Path]:
    """Import the export and report on it; returns the export, corpus and site folders."""
    export = write_export(base / "export.csv")
    corpus, site = base / "my-corpus", base / "my-site"
    assert cli.main(["import", str(export), "--out", str(corpus)]) == 0
    assert cli.main(["report", "--corpus", str(corpus), "--out", str(site), "--no-progress"]) == 0
    return {"export": export, "corpus": corpus, "site": site}
