"""Checking the kit against a researcher's hand coding: one report shape for every ``kit validate`` check.

``python -m kit validate WHAT --gold FILE`` reads a hand-coded CSV (:mod:`kit.validation.gold`), scores the kit's rows
against it (one module per check: :mod:`kit.validation.dates`, ``quotes``, ``furniture``) and prints a
:class:`Report`. The contract every check keeps:

* **Reading.** ``kit.validation.gold.read_csv`` reads the file (one-line errors naming file, line and column);
  ``kit.validation.gold.offset_columns`` and ``kit.validation.gold.locate`` accept offsets into the cleaned text
  (``start``, ``end``) or into the raw file (``raw_start``, ``raw_end``) and give every row cleaned ``start``/``end``
  plus ``in_body`` (False when the words lie in furniture that cleaning removed).
* **Scoring.** ``score(kit_rows, gold_rows) -> (per_gold, extra)``: ``per_gold`` has one row per gold row with
  boolean columns (``found`` first; ``<NA>`` where the gold leaves a judgement out), ``extra`` the kit's rows
  that no gold row matched, in the gold's documents only. A gold row outside the body is not found.
* **Reporting.** ``report(...) -> Report``: :class:`Figure` lines (a rate ``part/whole`` or a count) in a fixed
  order, then :class:`Finding` lines (``missed: DOC …``). ``Report.render()`` is what the command prints;
  tests and notebooks read numbers from ``Report.figure(name)`` instead of parsing text.

Every figure's name is fixed per check, so a test may pin ``report.figure("found").rate >= 0.90``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kit.validation.gold import rate


@dataclass(frozen=True)
class Figure:
    """One headline number of a report: ``part`` of ``whole`` (a rate), or a plain count (``whole`` None).

    Attributes:
        name: the label printed before the colon ("found", "exact span", "rows not in the gold file").
        part: how many rows passed (or the count).
        whole: how many rows were judged; None for a count.
        as_share: print ``"part of whole"`` (a loss counted against its total) instead of a rate.
    """

    name: str
    part: int
    whole: int | None = None
    as_share: bool = False

    @property
    def rate(self) -> float | None:
        """``part / whole`` (None for a count or an empty whole)."""
        return self.part / self.whole if self.whole else None

    @property
    def text(self) -> str:
        """The value as printed: ``"12/15 = 80.0%"``, ``"0 of 293"`` (as a share), or ``"3"`` for a count."""
        if self.whole is None:
            return str(self.part)
        return f"{self.part} of {self.whole}" if self.as_share else rate(self.part, self.whole)

    def __str__(self) -> str:
        return f"{self.name}: {self.text}"


@dataclass(frozen=True)
class Measure:
    """A headline number that is no count: a correlation with its interval and the n behind it.

    Attributes:
        name: the label printed before the colon ("pearson r, official quotations, with the lexicon").
        value: the number (NaN when it cannot be computed, e.g. fewer than three pairs).
        low / high: its 95% interval.
        n: how many rows it rests on.
    """

    name: str
    value: float
    low: float
    high: float
    n: int

    @property
    def rate(self) -> float:
        """The value (so a test reads every figure's number the same way)."""
        return self.value

    @property
    def text(self) -> str:
        """``"0.62 [0.48, 0.73] (n=82)"``; ``"n/a (n=2)"`` when it cannot be computed."""
        if math.isnan(self.value):
            return f"n/a (n={self.n})"
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}] (n={self.n})"

    def __str__(self) -> str:
        return f"{self.name}: {self.text}"


@dataclass(frozen=True)
class Finding:
    """One gold row (or kit row) worth a look: ``kind`` ("missed", "not in gold"…), its document, and a detail."""

    kind: str
    doc_id: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.doc_id} {self.detail}"


@dataclass(frozen=True)
class Report:
    """What ``kit validate`` prints: which file, how many gold rows, the figures, then the findings.

    Attributes:
        gold_path: the gold file as given on the command line.
        noun: what the rows are, plural ("expressions", "quotations", "lines").
        rows: how many gold rows were scored.
        documents: in how many documents.
        figures: the headline numbers, in print order.
        findings: the rows worth a look, in print order.
    """

    gold_path: str
    noun: str
    rows: int
    documents: int
    figures: tuple[Figure | Measure, ...]
    findings: tuple[Finding, ...] = ()
    also_read: tuple[str, ...] = ()  # further gold files, one header line each ("body: FILE (…)")

    def figure(self, name: str) -> Figure | Measure:
        """The figure called ``name``.

        Raises:
            KeyError: no figure has that name (the message lists the names there are).
        """
        for figure in self.figures:
            if figure.name == name:
                return figure
        raise KeyError(f"no figure {name!r}; the report has {[f.name for f in self.figures]}")

    def render(self) -> str:
        """The report as printed: a header line, one line per figure, one per finding."""
        lines = [f"gold: {self.gold_path} ({self.rows} {self.noun} in {self.documents} documents)"]
        lines += list(self.also_read)
        lines += [str(figure) for figure in self.figures]
        lines += [str(finding) for finding in self.findings]
        return "\n".join(lines) + "\n"
