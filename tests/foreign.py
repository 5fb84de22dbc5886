"""A foreign site, built as a new user builds one: a news database's export of the development corpus's 40 articles
(outlets and years the seeds do not have) as the database writes it — semicolons, day-first dates, a
``Publication`` column and two metadata columns of the researcher's (``outlet_type``, ``country``) — then
``kit import`` → ``kit report --corpus … --out … --params …`` with tone and themes compared by ``outlet_type``.

The CSV is written at test time from ``../shared/devcorpus`` (its texts stay outside the project).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from kit import cli, config
from tests.devcorpus import DEVCORPUS

ARTICLES = 40
# The researcher's own coding of each outlet, by a word of its name: state media of either side, the South
# Korean press, or anyone else; and the country it publishes from.
OUTLET_TYPES = (
    ("KCNA", "state media", "KP"),
    ("NK Aggregator", "state media", "KP"),
    ("People's Daily", "state media", "CN"),
    ("Global Times", "state media", "CN"),
    ("China Daily", "state media", "CN"),
    ("CGTN", "state media", "CN"),
    ("ECNS", "state media", "CN"),
    ("Yonhap", "South Korean press", "KR"),
    ("KBS", "South Korean press", "KR"),
    ("JoongAng", "South Korean press", "KR"),
    ("Chosun", "South Korean press", "KR"),
    ("Dong-A", "South Korean press", "KR"),
    ("Korea Herald", "South Korean press", "KR"),
)
GROUP_BY = "outlet_type"


def coding(outlet: str) -> tuple[str, str]:
    """The researcher's outlet type and country of an outlet."""
    return next(((kind, country) for word, kind, country in OUTLET_TYPES if word in outlet), ("other", "other"))


def day_first(published: str) -> str:
    """A manifest date as the database writes it: ``2009-10-04`` → ``04/10/2009`` (a time kept, a month as is)."""
    if len(published) < 10:
        return published
    year, month, day = published[:10].split("-")
    return f"{day}/{month}/{year}{published[10:].replace('T', ' ')}"


def write_export(path: Path, articles: int = ARTICLES) -> Path:
    """The export of the first ``articles`` development articles (Title; Publication; Pub Date; … ; Body)."""
    with (DEVCORPUS / config.MANIFEST_NAME).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:articles]
    header = ["Title", "Publication", "Pub Date", "Byline", "URL", "outlet_type", "country", "Body"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            text = (DEVCORPUS / row["file"]).read_text(encoding="utf-8")
            kind, country = coding(row["outlet"])
            dated = day_first(row["published"])
            writer.writerow([row["headline"], row["outlet"], dated, row["author"], row["url"], kind, country, text])
    return path


def grouped_params(folder: Path) -> Path:
    """A copy of the kit's parameter sets with tone and themes compared by the researcher's ``outlet_type``."""
    shutil.copytree(config.PARAMS, folder)
    for name, slug in (("02-official-tone.yaml", "lexicon-on"), ("03-themes.yaml", "by-year")):
        path = folder / name
        text = path.read_text(encoding="utf-8").replace(f"{slug}: {{}}", f"{slug}: {{group_by: {GROUP_BY}}}")
        path.write_text(text, encoding="utf-8")
    return folder


def build_site(base: Path) -> dict[str, Path]:
    """Import the export and report on it; returns the export, corpus, parameter and site folders."""
    export = write_export(base / "export.csv")
    corpus, site, params = base / "my-corpus", base / "my-site", grouped_params(base / "my-params")
    assert cli.main(["import", str(export), "--out", str(corpus)]) == 0
    command = ["report", "--corpus", str(corpus), "--out", str(site), "--params", str(params), "--no-progress"]
    assert cli.main(command) == 0
    return {"export": export, "corpus": corpus, "site": site, "params": params}
