"""``python -m kit validate quotes --gold FILE``: extracted quotations against a hand-coded file.

The gold file has one row per quotation: doc_id, quote (its first words), speaker, group; optional kind
and via (extra columns such as ``note`` are ignored). A quotation is matched by its words, so the file
does not depend on the cleaning rules' offsets.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kit.analyses.voices import GROUPS, KINDS, Registry, extract_quotes, load_registry
from kit.analyses.voices.actors import OFFICIAL_GROUPS
from kit.analyses.voices.passes import comparable
from kit.errors import KitError
from kit.types import Prepared
from kit.validation import Figure, Finding, Report, gold

GOLD_COLUMNS = ("doc_id", "quote", "speaker", "group")


def read_quote_gold(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """Read a hand-coded quotes file: doc_id, quote (its first words), speaker, group; optional kind, via.

    A row whose kind is ``term`` leaves speaker and group empty (a term has no speaker).

    Raises:
        KitError: one line naming the file, line and column: see :func:`kit.validation.gold.read_csv`, plus a
            missing speaker or group column, an empty speaker or group on a row that is not a term, an
            unknown group or kind.
    """
    rows = gold.read_csv(
        path,
        required=("doc_id", "quote"),
        optional=(*GOLD_COLUMNS[2:], "kind", "via"),
        in_header=GOLD_COLUMNS[2:],
        doc_ids=set(prepared.documents.doc_id),
    )
    for row in rows.itertuples(index=False):
        if row.kind and row.kind not in KINDS:
            raise KitError(f"{path} line {row.line}: column 'kind' is {row.kind!r}, expected one of {', '.join(KINDS)}")
        for column in GOLD_COLUMNS[2:]:
            if row.kind != "term" and not getattr(row, column):
                raise KitError(f"{path} line {row.line}: column {column!r} is empty (only a term has no speaker)")
        if row.group and row.group not in GROUPS:
            raise KitError(
                f"{path} line {row.line}: column 'group' is {row.group!r}, expected one of {', '.join(GROUPS)}"
            )
    return rows


def score_quotes(
    quotes_table: pd.DataFrame, gold_rows: pd.DataFrame, registry: Registry | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compare extracted quotations with hand-coded ones.

    A gold row is *found* when a quotation of the same document starts with its words (case, quote
    marks and punctuation ignored). The speaker is right when the gold name is the kit's speaker or one
    of the registry's names for it; the group, kind and via are compared as written. A gold term (kind
    ``term``, no speaker) is right when the kit also reads it as a term.

    Returns:
        ``(per_gold, extra)``: the gold rows with found, kit_speaker, kit_group, speaker_ok, group_ok,
        kind_ok, via_ok (``<NA>`` where the gold leaves kind or via empty), start, end; and the kit's
        speech and fragment quotations no gold row matched.
    """
    registry = registry or load_registry()
    by_doc: dict[str, list[tuple[int, str]]] = {}
    for i, (doc_id, quoted) in enumerate(zip(quotes_table.doc_id, quotes_table.quote, strict=True)):
        by_doc.setdefault(doc_id, []).append((i, comparable(quoted)))
    used: set[int] = set()
    records = []
    for row in gold_rows.to_dict("records"):
        words = comparable(row["quote"])
        match = next(
            (i for i, quoted in by_doc.get(row["doc_id"], []) if i not in used and words and quoted.startswith(words)),
            None,
        )
        record = {**row, "found": match is not None, "kit_speaker": "", "kit_group": "", "speaker_ok": False}
        record.update({"group_ok": False, "wrong_side": False, "kind_ok": pd.NA, "via_ok": pd.NA})
        record.update({"start": -1, "end": -1})
        if match is not None:
            used.add(match)
            kit = quotes_table.iloc[match]
            record.update(
                {
                    "kit_speaker": kit.speaker,
                    "kit_group": kit.speaker_group,
                    "speaker_ok": _same_actor(row["speaker"], kit.speaker, kit.speaker_id, registry),
                    "group_ok": row["group"] == kit.speaker_group,
                    "wrong_side": crossed_sides(row["group"], kit.speaker_group),
                    "kind_ok": pd.NA if not row["kind"] else row["kind"] == kit.kind,
                    "via_ok": pd.NA if not row["via"] else _same_actor(row["via"], kit.via, kit.via_id, registry),
                    "start": int(kit.start),
                    "end": int(kit.end),
                }
            )
        records.append(record)
    columns = [*gold_rows.columns, "found", "kit_speaker", "kit_group", "speaker_ok", "group_ok", "wrong_side"]
    columns.append("kind_ok")
    per_gold = pd.DataFrame.from_records(records, columns=[*columns, "via_ok", "start", "end"])
    voices = quotes_table[quotes_table.kind != "term"]
    extra = voices[[i not in used for i in voices.index]]
    return per_gold, extra.reset_index(drop=True)


def crossed_sides(gold_group: str, kit_group: str) -> bool:
    """True when the kit moved a quotation across sides: an official's words given to another state's side
    or to a non-official voice (analyst, media, business, public, NGO), or such a voice's words given to an
    official. ``unknown`` and ``unnamed_source`` say nothing of a side, so they never cross (an abstention
    is a gap, not an error of side); a term (no group) never crosses.
    """
    sideless = {"", "unknown", "unnamed_source"}
    if gold_group in sideless or kit_group in sideless or gold_group == kit_group:
        return False
    return gold_group in OFFICIAL_GROUPS or kit_group in OFFICIAL_GROUPS


def _same_actor(gold_name: str, kit_name: str, kit_id: str, registry: Registry) -> bool:
    """The kit names the gold speaker: the same words (an article aside), one of the registry's names for the
    kit's actor, or a name of two or more words that the other one holds whole — the same speaker named in
    fewer words ("Public Security Department" for "Public Security Department of Liaoning province",
    "Zhang Jun" for "Chinese Ambassador to the U.N. Zhang Jun"). A single word never counts by containment
    ("Kim" is not "Kim Jong Un").
    """
    wanted = _without_article(comparable(gold_name))
    if wanted == _without_article(comparable(kit_name)):
        return True  # "the Russian Foreign Ministry" is "Russian Foreign Ministry"; a term has no speaker on both sides
    forms = {_without_article(comparable(kit_name))}
    if kit_id:
        forms |= {_without_article(comparable(form)) for form in registry.names_of(kit_id)}
    return any(form == wanted or _holds(wanted, form) or _holds(form, wanted) for form in forms if form)


def _holds(longer: str, shorter: str) -> bool:
    """``shorter`` (two or more words) stands whole inside ``longer``."""
    return len(shorter.split()) >= 2 and f" {shorter} " in f" {longer} "


def _without_article(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def quote_figures(per_gold: pd.DataFrame, extra: pd.DataFrame) -> tuple[Figure, ...]:
    """Found; speaker and group right of the found and of all gold quotations; kind and via; extra quotations."""
    found = per_gold[per_gold.found]
    result = [
        Figure("found", len(found), len(per_gold)),
        Figure("speaker right (of found)", int(found.speaker_ok.sum()), len(found)),
        Figure("group right (of found)", int(found.group_ok.sum()), len(found)),
        Figure("speaker right (of all gold quotations)", int(found.speaker_ok.sum()), len(per_gold)),
        Figure("group right (of all gold quotations)", int(found.group_ok.sum()), len(per_gold)),
        Figure("given to the wrong side (of all gold quotations)", int(found.wrong_side.sum()), len(per_gold)),
    ]
    for column, label in (("kind_ok", "kind right"), ("via_ok", "via right")):
        coded = found[found[column].notna()]
        if len(coded):
            result.append(Figure(f"{label} (of found and coded)", int(coded[column].astype(bool).sum()), len(coded)))
    result.append(Figure("speech or fragment quotations not in gold", len(extra)))
    return tuple(result)


def quote_summary(per_gold: pd.DataFrame, extra: pd.DataFrame) -> dict[str, str]:
    """The :func:`quote_figures` as printable ``{name: "part/whole = %"}`` strings."""
    return {figure.name: figure.text for figure in quote_figures(per_gold, extra)}


def quote_report(prepared: Prepared, gold_path: str) -> Report:
    """The kit's agreement with a hand-coded file: figures, then every miss and disagreement."""
    gold_rows = read_quote_gold(gold_path, prepared)
    per_gold, extra = score_quotes(extract_quotes(prepared), gold_rows)
    found = per_gold[per_gold.found]
    speaker_ok = found.speaker_ok.astype(bool)
    findings = [Finding("missed", str(r.doc_id), repr(r.quote)) for r in per_gold[~per_gold.found].itertuples()]
    findings += [
        Finding("speaker", str(r.doc_id), f"{r.quote!r}: gold {r.speaker!r}, kit {r.kit_speaker!r}")
        for r in found[~speaker_ok].itertuples()
    ]
    findings += [
        Finding("group", str(r.doc_id), f"{r.quote!r}: gold {r.group!r}, kit {r.kit_group!r}")
        for r in found[speaker_ok & ~found.group_ok.astype(bool)].itertuples()
    ]
    findings += [
        Finding("wrong side", str(r.doc_id), f"{r.quote!r}: gold {r.group!r}, kit {r.kit_group!r} ({r.kit_speaker!r})")
        for r in found[found.wrong_side.astype(bool)].itertuples()
    ]
    findings += [
        Finding("kind", str(r.doc_id), f"{r.quote!r}: gold {r.kind!r}")
        for r in found[found.kind_ok.astype("boolean") == False].itertuples()  # noqa: E712
    ]
    findings += [
        Finding("not in gold", str(r.doc_id), f"{r.start}-{r.end} {r.kind} {' '.join(str(r.quote).split()[:8])!r}")
        for r in extra.itertuples()
    ]
    return Report(
        gold_path=gold_path,
        noun="quotations",
        rows=len(gold_rows),
        documents=int(gold_rows.doc_id.nunique()),
        figures=quote_figures(per_gold, extra),
        findings=tuple(findings),
    )


def validate_quotes(prepared: Prepared, gold_path: str) -> str:
    """``python -m kit validate quotes --gold FILE``: the kit's agreement with a hand-coded file, as text."""
    return quote_report(prepared, gold_path).render()
