"""``python -m kit synth``: a synthetic corpus of any size, recombined from the paragraphs of a real one.

Each synthetic article is a lead (the first body paragraph of some source article) followed by a few body
paragraphs of other source articles, in the order they had in their own articles (early paragraphs first),
under the lead article's headline and, for some, a ``PUBLISHED :`` line for cleaning to remove. Outlets are
drawn from the source manifest and from :data:`SYNTHETIC_OUTLETS`; publication dates are spread over the
source corpus's own date range, at day, minute or month precision. Every paragraph is real text, so dates,
quotations, themes and tone all have real work.

Only ``random.Random(seed)`` decides anything: the same source, ``n`` and seed give a byte-identical folder.
Articles and manifest rows are written as they are made, so memory does not grow with ``n``.
"""

from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kit import config
from kit.errors import CorpusError, KitError, preview
from kit.ingest import corpus
from kit.ingest import folder as corpus_folder
from kit.ingest.periods import publication_periods
from kit.preprocess import clean

# Outlets no source has, so a synthetic corpus has more outlets than its source.
SYNTHETIC_OUTLETS = (
    "The Pacific Ledger",
    "Northern Star Daily",
    "Harbour Times",
    "Continental Review",
    "The Capital Observer",
    "East Asia Wire",
    "Morning Monitor",
    "The Border Gazette",
)
# Body paragraphs after the lead, inclusive bounds.
BODY_PARAGRAPHS = (3, 7)
# Shares of articles dated to the month only, and to the minute (the rest to the day).
MONTH_SHARE, MINUTE_SHARE = 0.1, 0.3
# Share of articles with a "PUBLISHED :" line, and with an author from the source manifest.
DATE_LINE_SHARE, AUTHOR_SHARE = 0.3, 0.5
# A source spanning fewer days than this gets a year of dates ending on its last day.
MIN_RANGE_DAYS = 30
# The most articles one run writes (a hundred times the largest corpus the kit is measured on).
MOST_ARTICLES = 10_000_000
# What a file takes on disk at least (a block), and a manifest row at most, in bytes, for the room a run needs.
FILE_BLOCK, MANIFEST_ROW = 4096, 1024


@dataclass(frozen=True)
class SourceParagraph:
    """A body paragraph of a source article: its document, its place in it (0 = first, 1 = last), its text."""

    doc_id: str
    position: float
    text: str
    headline: str = ""


@dataclass(frozen=True)
class Source:
    """What synthetic articles are made of: leads, body paragraphs, outlets, authors and the date range."""

    leads: tuple[SourceParagraph, ...]
    bodies: tuple[SourceParagraph, ...]
    outlets: tuple[str, ...]
    authors: tuple[str, ...]
    first_day: date
    last_day: date

    def article_bytes(self) -> int:
        """About how many bytes a synthetic article takes: a lead, the mean number of body paragraphs, a headline."""
        mean = sum(BODY_PARAGRAPHS) / 2
        leads = sum(len(p.text.encode("utf-8")) + len(p.headline.encode("utf-8")) for p in self.leads) / len(self.leads)
        bodies = sum(len(p.text.encode("utf-8")) for p in self.bodies) / len(self.bodies)
        return round(leads + mean * bodies)


def synthesise(
    n: int, out: str | Path, *, seed: int = 0, source_dir: str | Path | None = None, force: bool = False
) -> Path:
    """Write ``n`` synthetic articles and their manifest into the new corpus folder ``out``.

    Raises:
        CorpusError: ``n`` below 1, a bad source corpus, or a source with no article of two body paragraphs.
        KitError: ``out`` exists and is not empty (unless ``force``), lies inside the seeds or a corpus folder, or
            its file system has no room for ``n`` articles; a write fails (a full disk): nothing is left behind.
    """
    if not 1 <= n <= MOST_ARTICLES:
        raise CorpusError(f"--n {preview(n)}: must be a whole number from 1 to {MOST_ARTICLES:,}")
    source = read_source(source_dir)
    check_room(n, source.article_bytes(), Path(out))
    rng = random.Random(seed)
    width = max(6, len(str(n - 1)))
    with (
        corpus_folder.staged(out, force=force, sources=[Path(source_dir or config.SEEDS)]) as staging,
        corpus_folder.manifest(staging) as manifest,
    ):
        for index in range(n):
            doc_id = f"synth_{index:0{width}d}"
            row, text = _article(rng, source, doc_id, seed)
            corpus_folder.write_article(staging, row["file"], text)
            manifest.write(row)
    return Path(out)


def check_room(n: int, article_bytes: int, out: Path) -> None:
    """Refuse, before anything is written, ``n`` articles of about ``article_bytes`` each that the file system
    holding ``out`` has no room (or no free file entries) for.

    Raises:
        KitError: naming ``--n``, the room needed and the room there is.
    """
    where = out.absolute()
    while not where.exists() and where != where.parent:
        where = where.parent
    blocks = -(-max(article_bytes, 1) // FILE_BLOCK)
    needed = n * (blocks * FILE_BLOCK + MANIFEST_ROW)
    free = shutil.disk_usage(where).free
    if needed > free:
        raise KitError(
            f"--n {n:,}: about {_size(needed)} of articles, more than the {_size(free)} free at {where}; "
            "give a smaller --n or another --out"
        )
    if hasattr(os, "statvfs"):
        files = os.statvfs(where)
        if files.f_files and n + 2 > files.f_favail:  # a file system that counts its entries (inodes)
            raise KitError(
                f"--n {n:,}: {n + 2:,} files, more than the {files.f_favail:,} the file system at {where} "
                "can still make; give a smaller --n or another --out"
            )


def _size(count: int) -> str:
    """A byte count for a message, e.g. "1.5 GB"."""
    if count < 1000:
        return f"{count} bytes"
    power = min((len(str(count)) - 1) // 3, 4)
    return f"{count / 1000**power:.1f} {('kB', 'MB', 'GB', 'TB')[power - 1]}"


def read_source(source_dir: str | Path | None = None) -> Source:
    """The paragraphs, outlets, authors and date range of a corpus folder (default: the seeds), cleaned by
    kit.preprocess.clean.
    """
    folder = Path(source_dir) if source_dir is not None else config.SEEDS
    documents = corpus.load(folder)
    _, _, paragraphs = clean.clean(documents)
    paragraphs = paragraphs[paragraphs.kind == "paragraph"]
    headlines = dict(zip(documents.doc_id, documents.headline, strict=True))
    leads: list[SourceParagraph] = []
    bodies: list[SourceParagraph] = []
    for group_key, rows in paragraphs.groupby("doc_id", sort=True):
        doc_id = str(group_key)
        texts: list[str] = rows.sort_values("paragraph_id").text.tolist()
        leads.append(SourceParagraph(doc_id, 0.0, texts[0], headlines[doc_id]))
        bodies.extend(SourceParagraph(doc_id, i / len(texts), text) for i, text in enumerate(texts[1:], start=1))
    if not leads or not bodies:
        raise CorpusError(f"{folder}: no article with two body paragraphs to recombine")
    periods = publication_periods(documents).values()
    first_day, last_day = min(p[0] for p in periods).date(), max(p[1] for p in periods).date()
    if (last_day - first_day).days < MIN_RANGE_DAYS:
        first_day = last_day - timedelta(days=365)
    return Source(
        leads=tuple(leads),
        bodies=tuple(bodies),
        outlets=(*sorted({o for o in documents.outlet if o}), *SYNTHETIC_OUTLETS),
        authors=tuple(sorted({a for a in documents.author if a})),
        first_day=first_day,
        last_day=last_day,
    )


def _article(rng: random.Random, source: Source, doc_id: str, seed: int) -> tuple[dict[str, str], str]:
    """One synthetic article: its manifest row and its text (the draws happen in a fixed order)."""
    lead = rng.choice(source.leads)
    count = min(rng.randint(*BODY_PARAGRAPHS), len(source.bodies))
    body = sorted(rng.sample(source.bodies, count), key=lambda p: (p.position, p.doc_id))
    outlet = rng.choice(source.outlets)
    day = source.first_day + timedelta(days=rng.randrange((source.last_day - source.first_day).days + 1))
    published, precision = _published(rng, day)
    author = rng.choice(source.authors) if source.authors and rng.random() < AUTHOR_SHARE else ""
    header = [lead.headline] if lead.headline else []
    if precision != "month" and rng.random() < DATE_LINE_SHARE:
        header.append(f"PUBLISHED : {day:%A, %d %B, %Y}")
    text = "\n\n".join([*header, lead.text, *(p.text for p in body)]) + "\n"
    others = ", ".join(sorted({p.doc_id for p in body}))
    row = {
        "doc_id": doc_id,
        "file": f"{doc_id}.txt",
        "outlet": outlet,
        "headline": lead.headline,
        "published": published,
        "published_precision": precision,
        "author": author,
        "notes": f"synthetic (kit synth, seed {seed}): lead from {lead.doc_id}; body from {others}",
    }
    return row, text


def _published(rng: random.Random, day: date) -> tuple[str, str]:
    """A publication date on ``day`` at month, minute or day precision."""
    draw = rng.random()
    if draw < MONTH_SHARE:
        return f"{day:%Y-%m}", "month"
    if draw < MONTH_SHARE + MINUTE_SHARE:
        return f"{day:%Y-%m-%d}T{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}", "minute"
    return f"{day:%Y-%m-%d}", "day"
