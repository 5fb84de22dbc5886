"""A concordancer: KWIC lines of any word, phrase, glob or regular expression, sorted and filtered as in AntConc.

    documents (selected by outlet, period, metadata) → hits (kit.preprocess.lookup, or a regex) → voices
    (kit.analyses.voices' quotations, optional) → KWIC lines (kit.analyses.kwic.context) with their sort words
    → sorted lines

**What a line is** follows quanteda's ``kwic``: ``window`` tokens of context each side (punctuation counts as a
token, as in quanteda's tokens), stopping at the sentence's ends unless ``sentence_bounded=False``.

**Sorting** follows AntConc's KWIC Sort (the AntConc manual: sorting "at three different levels. 0 is the search
word, 1L, 2L... are words to the left of the target word, 1R, 2R... are words to the right"; WordSmith's Concord
manual says the same of its L1…R5 and that a second sort only breaks the ties of the first). Here a key is one of
:data:`SORT_POSITIONS` (L3, L2, L1, KW, R1, R2, R3; AntConc's "0" is read as KW, "1R" as R1). Sort words are the
kit's word tokens: punctuation is skipped, so the R1 of "sanctions, which" is "which" — in AntConc and
WordSmith a word is made of letters (WordSmith's manual: "valid characters" are letters, so ";" is no word),
and punctuation is never a sort word (numbers are, being word tokens of the kit). Words are compared as
:func:`kit.preprocess.text.normalise` gives them (lower case, curly quotes straightened): AntConc's sort with "Treat
case in sort" off. A line with no word at a position (the sentence ends first) sorts first. Ties keep corpus order
(the sort is stable), and lines are in corpus order (document, then position) before any sort, as nltk's
ConcordanceIndex and quanteda's kwic give them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kit.analyses import kwic, voices
from kit.analyses.tone.scoring import NARRATION, VOICES
from kit.errors import KitError
from kit.ingest import periods
from kit.preprocess import lookup, text
from kit.types import Prepared

# The positions a line can be sorted by: three words left, the match itself (KW), three words right.
SORT_POSITIONS = ("L3", "L2", "L1", "KW", "R1", "R2", "R3")
# AntConc's names for the same positions ("0" the search term, "1R" the first word to the right).
_ANTCONC_NAMES = {"0": "KW", **{f"{n}{side}": f"{side}{n}" for n in (1, 2, 3) for side in "LR"}}
# The columns of a line, before any asked for (documents columns, voice) and the sort words.
CONCORD_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "first_token",
    "last_token",
    "pattern",
    "left",
    "match",
    "right",
]
SORT_WORD_COLUMNS = ["L3", "L2", "L1", "R1", "R2", "R3"]
# The voice of a hit outside every quotation (as kit.analyses.tone names the journalist's own sentences).


@dataclass(frozen=True)
class Selection:
    """Which documents and hits count: every field empty means every one.

    Attributes:
        outlets: documents of these outlets.
        periods: documents of these periods (labels of :func:`kit.ingest.periods.assign`: years, or named boundaries).
        boundaries: the period boundaries ``periods`` names (empty: publication years).
        voices: hits inside quotations of these speaker groups (``narration``: outside every quotation;
            ``unknown``: a quotation without a speaker), as :mod:`kit.analyses.tone` assigns voices.
        where: (column, value) pairs of the documents table a document must match, all of them.
    """

    outlets: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    boundaries: tuple[str, ...] = ()
    voices: tuple[str, ...] = ()
    where: tuple[tuple[str, str], ...] = ()


EVERYTHING = Selection()


def select_documents(prepared: Prepared, selection: Selection = EVERYTHING) -> Prepared:
    """The corpus restricted to the documents the selection's outlets, periods and metadata choose.

    Raises:
        KitError: a column the documents table does not have, or an outlet or period no document has.
    """
    documents = prepared.documents
    keep = pd.Series(True, index=documents.index)
    for column, value in selection.where:
        if column not in documents.columns:
            raise KitError(f"no documents column {column!r} (columns: {', '.join(map(str, documents.columns))})")
        keep &= documents[column].astype(str) == value
    if selection.outlets:
        _check_known("outlet", selection.outlets, documents.outlet)
        keep &= documents.outlet.isin(selection.outlets)
    if selection.periods:
        assigned = periods.assign_documents(documents, list(selection.boundaries) or "year")
        _check_known("period", selection.periods, assigned.period)
        keep &= assigned.period.isin(selection.periods).to_numpy()
    if bool(keep.all()):
        return prepared
    chosen = set(documents.doc_id[keep])
    return Prepared(*(frame[frame.doc_id.isin(chosen)] for frame in _frames(prepared)))


def _frames(prepared: Prepared) -> tuple[pd.DataFrame, ...]:
    return prepared.documents, prepared.removed, prepared.paragraphs, prepared.sentences, prepared.tokens


def _check_known(what: str, wanted: Iterable[str], known: Iterable[Any]) -> None:
    names = sorted({str(name) for name in known})
    for name in wanted:
        if name not in names:
            raise KitError(f"no {what} {name!r} in the corpus (known: {', '.join(names)})")


def find_pattern(
    prepared: Prepared, pattern: str, *, regex: bool = False, case_sensitive: bool = False
) -> pd.DataFrame:
    """Every hit of a pattern, as :func:`kit.preprocess.lookup.find` gives matches
    (:data:`kit.preprocess.lookup.MATCH_COLUMNS`).

    Args:
        prepared: the prepared corpus.
        pattern: a word, phrase or glob in kit.preprocess.lookup's syntax ("sanction*", "maximum pressure"), or with
            ``regex`` a Python regular expression.
        regex: search the pattern as a regular expression in each sentence's text; a hit is widened to the whole
            tokens it touches ("sanction" finds "sanctions"), and a hit that overlaps the one before is dropped.
            A hit never crosses a sentence boundary, as the matcher's never do.
        case_sensitive: match case as written (default: ignore case).

    Raises:
        KitError: an empty pattern, or a regular expression Python cannot compile.
    """
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    if not regex:
        entry = lookup.parse_entry({"pattern": pattern, "case_sensitive": case_sensitive}, category="", where="pattern")
        return lookup.find(prepared.tokens, [entry], texts=texts)
    if not pattern:
        raise KitError("empty regular expression")
    try:
        compiled = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as err:
        raise KitError(f"regular expression {pattern!r}: {err}") from None
    return _regex_hits(prepared, compiled, texts)


def _regex_hits(prepared: Prepared, compiled: re.Pattern[str], texts: Mapping[str, str]) -> pd.DataFrame:
    rows = []
    tokens = prepared.tokens.sort_values(["doc_id", "token_id"], kind="stable")
    sentences = {doc_id: group for doc_id, group in prepared.sentences.groupby("doc_id", sort=False)}
    for doc_id, doc_tokens in tokens.groupby("doc_id", sort=True):
        body = texts[str(doc_id)]
        starts, ends = doc_tokens.start.tolist(), doc_tokens.end.tolist()
        ids, sentence_ids = doc_tokens.token_id.tolist(), doc_tokens.sentence_id.tolist()
        spans = sentences[doc_id]
        last_taken = -1
        for sentence_start, sentence_end in zip(spans.start, spans.end, strict=True):
            for found in compiled.finditer(body, sentence_start, sentence_end):
                # The tokens the match touches: the first ending after its start, the last starting before its end.
                first = bisect.bisect_right(ends, found.start())
                last = bisect.bisect_left(starts, found.end()) - 1
                if found.end() == found.start() or first > last or first <= last_taken:
                    continue
                last_taken = last
                rows.append(
                    {
                        "doc_id": doc_id,
                        "sentence_id": sentence_ids[first],
                        "start": starts[first],
                        "end": ends[last],
                        "first_token": ids[first],
                        "last_token": ids[last],
                        "match": body[starts[first] : ends[last]],
                        "category": "",
                        "pattern": compiled.pattern,
                        "weight": 1.0,
                    }
                )
    return pd.DataFrame(rows, columns=lookup.MATCH_COLUMNS)


def hits(
    prepared: Prepared,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    selection: Selection = EVERYTHING,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The hits of :func:`find` in the selected documents, in corpus order, with their ``voice`` when the selection
    names voices or a quotes table is given (:func:`kit.analyses.voices.extract_quotes`'s; extracted here when voices
    are asked for without one).
    """
    _check_known("voice", selection.voices, VOICES)
    chosen = select_documents(prepared, selection)
    found = find_pattern(chosen, pattern, regex=regex, case_sensitive=case_sensitive)
    if selection.voices or quotes is not None:
        found = with_voices(chosen, found, quotes)
        if selection.voices:
            found = found[found.voice.isin(selection.voices)]
    return found.reset_index(drop=True)


# Every voice a hit can have: the registry's speaker groups, a quotation without a speaker, the narration.


def with_voices(prepared: Prepared, found: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """``found`` with a ``voice`` column: the speaker group of the quotation around each hit ("unknown" without a
    speaker), or "narration" outside every speech or fragment quotation (a scare-quoted term is narration, as in
    :mod:`kit.analyses.tone`).
    """
    table = voices.extract_quotes(prepared) if quotes is None else quotes
    spoken = table[table.kind != "term"]
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, start, end, group in zip(spoken.doc_id, spoken.start, spoken.end, spoken.speaker_group, strict=True):
        by_doc.setdefault(str(doc_id), []).append((int(start), int(end), str(group or "unknown")))
    found_voices = []
    for doc_id, start, end in zip(found.doc_id, found.start, found.end, strict=True):
        around = [group for a, b, group in by_doc.get(str(doc_id), []) if a <= start and end <= b]
        found_voices.append(around[0] if around else NARRATION)
    return found.assign(voice=pd.Series(found_voices, index=found.index, dtype=object))


def concord(
    prepared: Prepared,
    pattern: str,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    sort: str | Sequence[str] = (),
    window: int = 5,
    sentence_bounded: bool = True,
    selection: Selection = EVERYTHING,
    quotes: pd.DataFrame | None = None,
    columns: Sequence[str] = (),
) -> pd.DataFrame:
    """KWIC lines of a pattern, sorted by positions around the match (see the module's notes on sorting).

    Args:
        prepared: the prepared corpus.
        pattern: a word, phrase or glob (kit.preprocess.lookup's syntax), or with ``regex`` a regular expression
            (:func:`find`).
        regex: read the pattern as a regular expression.
        case_sensitive: match case as written.
        sort: positions among :data:`SORT_POSITIONS` ("R1,R2" or ["R1", "R2"]); empty keeps corpus order.
        window: tokens of context shown each side (punctuation included, as quanteda's window).
        sentence_bounded: context and sort words stop at the sentence's ends (default).
        selection: documents and voices to keep (:class:`Selection`).
        quotes: the corpus's quotations, to give each line its voice.
        columns: documents columns to add to each line (e.g. "outlet", "published").

    Returns:
        doc_id, sentence_id, start, end (offsets of the match in the cleaned text), first_token, last_token (its
        token_ids, quanteda's from/to), the ``columns`` asked for,
        voice (with voices or quotes), pattern, left, match, right, and the sort words L3, L2, L1, R1, R2, R3 as
        written ("" where the sentence ends first).

    Raises:
        KitError: a bad pattern, window or sort position, a selection naming what the corpus lacks, an unknown column.
    """
    keys = sort_positions(sort)
    if window < 0:
        raise KitError(f"window {window} must be 0 or more tokens")
    found = hits(prepared, pattern, regex=regex, case_sensitive=case_sensitive, selection=selection, quotes=quotes)
    renamed = found.rename(columns={"category": "theme"})
    lines = kwic.context(prepared, renamed, window=window, sentence_bounded=sentence_bounded)
    lines = lines.assign(first_token=found.first_token.to_numpy(), last_token=found.last_token.to_numpy())
    frame = pd.concat([lines[CONCORD_COLUMNS], sort_words(prepared, found, sentence_bounded=sentence_bounded)], axis=1)
    if "voice" in found.columns:
        frame.insert(6, "voice", found.voice.to_numpy())
    documents = prepared.documents.set_index("doc_id")
    for n, column in enumerate(columns):
        if column not in documents.columns:
            raise KitError(f"no documents column {column!r} (columns: {', '.join(map(str, documents.columns))})")
        frame.insert(6 + n, column, frame.doc_id.map(documents[column]).to_numpy())
    return sort_lines(frame, keys)


def sort_positions(sort: str | Sequence[str]) -> tuple[str, ...]:
    """Sort keys as :data:`SORT_POSITIONS` names: "R1,R2" → ("R1", "R2"); AntConc's "1R" and "0" are read too.

    Raises:
        KitError: a position that is not one of them.
    """
    names = [name.strip() for name in (sort.split(",") if isinstance(sort, str) else sort) if name.strip()]
    keys = []
    for name in names:
        key = _ANTCONC_NAMES.get(name.upper(), name.upper())
        if key not in SORT_POSITIONS:
            raise KitError(f"sort position {name!r} is not one of {', '.join(SORT_POSITIONS)}")
        keys.append(key)
    return tuple(keys)


def sort_lines(lines: pd.DataFrame, sort: str | Sequence[str]) -> pd.DataFrame:
    """Lines ordered by the sort positions, first key first, words compared as :func:`kit.preprocess.text.normalise`
    gives them; lines equal on every key keep their order (a stable sort).
    """
    columns = ["match" if key == "KW" else key for key in sort_positions(sort)]
    if not columns or lines.empty:
        return lines.reset_index(drop=True)
    values = [[text.normalise(str(value)) for value in lines[column]] for column in columns]
    order = sorted(range(len(lines)), key=lambda row: tuple(keyed[row] for keyed in values))
    return lines.iloc[order].reset_index(drop=True)


def sort_words(prepared: Prepared, found: pd.DataFrame, *, sentence_bounded: bool = True) -> pd.DataFrame:
    """The three word tokens (punctuation skipped) left and right of each hit, as written: L3, L2, L1, R1, R2, R3.

    A position past the sentence's end (or the document's, when not ``sentence_bounded``) is "".
    """
    tokens = prepared.tokens[~prepared.tokens.is_punct.astype(bool)].sort_values(["doc_id", "token_id"], kind="stable")
    by_doc = {
        str(doc_id): (group.token_id.tolist(), group.sentence_id.tolist(), group.token.tolist())
        for doc_id, group in tokens.groupby("doc_id", sort=False)
    }
    rows = []
    for doc_id, sentence_id, first, last in zip(
        found.doc_id, found.sentence_id, found.first_token, found.last_token, strict=True
    ):
        ids, sentences, written = by_doc.get(str(doc_id), ([], [], []))
        before = bisect.bisect_left(ids, first)
        after = bisect.bisect_right(ids, last)
        same = [not sentence_bounded or s == sentence_id for s in sentences[max(0, before - 3) : after + 3]]
        offset = max(0, before - 3)
        left = [k for k in range(offset, before) if same[k - offset]]
        right = [k for k in range(after, min(len(ids), after + 3)) if same[k - offset]]
        left_words = [""] * (3 - len(left)) + [written[k] for k in left]
        right_words = [written[k] for k in right] + [""] * (3 - len(right))
        rows.append(dict(zip(SORT_WORD_COLUMNS, [*left_words, *right_words], strict=True)))
    return pd.DataFrame(rows, columns=SORT_WORD_COLUMNS, index=found.index).reset_index(drop=True)
