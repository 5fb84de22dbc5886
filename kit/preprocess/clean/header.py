"""Where the body starts: the header block above it, the lead and teasers, datelines, hard-wrapped sentences.

These rules read a line by its place among the others, so each guards a body paragraph — above all the lead —
against removal for its position alone: a header block ends at the last anchor (headline, date line, credit,
caption, byline); a teaser is removed only when a later paragraph repeats it; a dateline is the lead's above
it and a sign-off after the body. :func:`kit.preprocess.clean.classify_lines` calls them in its pipeline.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from kit.preprocess.clean.patterns import pattern_kind
from kit.preprocess.clean.reading import (
    CONTENT_WORD,
    PLACE_DATELINE,
    PROMOTION_WORDS,
    TERMINAL,
    WORD,
    fold,
    is_sentence,
    is_title_case,
    reads_as_lead,
    reads_as_prose,
    runs_on,
)

BODY_KINDS = ("paragraph", "subheading")

if TYPE_CHECKING:
    from kit.preprocess.clean import Line

# How many unclassified lines may sit between two header anchors (a standfirst is one line).
HEADER_GAP = 2
# The first header anchor must be among this many non-empty lines at the top.
HEADER_START = 3
# Kinds that anchor the header block above the body.
HEADER_ANCHORS = ("headline", "date_line", "credit", "caption", "byline")
# A short line before the lead repeats it when this share of its words recur in the first two paragraphs.
LEAD_OVERLAP = 0.6
# A teaser above the body repeats a later paragraph as its opening; the rest of its words must recur this much
# in that paragraph, the two after it and the headline.
TEASER_OVERLAP = 0.8
# Lines this short (in words) are not compared as copies of a paragraph ("He said." is in many).
COPY_WORDS = 8


def wrapped_sentences(lines: list[Line], kinds: list[str]) -> dict[int, str]:
    """Lines of hard-wrapped text: each line of a sentence that runs on over several lines, with the kind it reads as.

    Lines run on when they are consecutive in the raw file and the upper one ends without a sentence end while the
    lower one goes on in lower case (or the upper one ends with a comma or a word like "the", "of", "said"); a
    sentence-case line of five words or more runs on into a line that itself runs on. A run reads as ``caption``
    when one of its lines or the whole run is one, and as ``paragraph`` when it ends a sentence, reads as prose,
    ends the article or goes on in lower case; otherwise its lines are left to the other rules.
    """

    def joinable(i: int) -> bool:
        return kinds[i] in ("", "caption") and i + 1 < len(lines) and lines[i + 1].number == lines[i].number + 1

    strong = [joinable(i) and kinds[i + 1] in ("", "caption") and runs_on(ln.text, lines[i + 1].text)
              for i, ln in enumerate(lines)]  # fmt: skip
    joins = list(strong)
    for i, ln in enumerate(lines):
        words = WORD.findall(ln.text)
        if not joins[i] and joinable(i) and i + 1 < len(strong) and strong[i + 1] and ln.text[-1:].isalpha():
            joins[i] = len(words) >= 5 and not is_title_case(ln.text) and not TERMINAL.search(ln.text)
    result: dict[int, str] = {}
    i = 0
    while i < len(lines):
        j = i
        while joins[j]:
            j += 1
        if j > i:
            run = range(i, j + 1)
            text = " ".join(lines[k].text for k in run)
            lower = any(lines[k + 1].text[0].islower() for k in run if k < j)
            if any(kinds[k] == "caption" for k in run) or pattern_kind(text, 1, "", first_copy=True) == "caption":
                result.update(dict.fromkeys(run, "caption"))
            elif is_sentence(text) or reads_as_prose(text) or j == len(lines) - 1 or lower:
                result.update({k: "paragraph" for k in run if kinds[k] == ""})
        i = j + 1
    return result


def first_body(kinds: list[str], prose: list[bool], texts: list[str]) -> int:
    """Index of the first line without a pattern that reads as body (prose, or a sentence of four words or more)."""
    return next(
        (
            i
            for i, kind in enumerate(kinds)
            if kind == "" and (prose[i] or (len(WORD.findall(texts[i])) >= 4 and bool(TERMINAL.search(texts[i]))))
        ),
        len(kinds),
    )


def is_promotion(text: str) -> bool:
    """A short exclamation that is no quotation: "Change Your Life!", "Find a Security Clearance Job!"."""
    return text.endswith("!") and len(WORD.findall(text)) <= PROMOTION_WORDS and not text.startswith(('"', "“"))


def mark_teasers(lines: list[Line], kinds: list[str], first_body: int) -> None:
    """The first body-like line below a header, when a later paragraph repeats it (whole or as its opening), is a
    teaser: a standfirst.

    The later copy is kept (it stands in the body); nothing of the teaser is lost, for the rest of its words recur
    in that paragraph, the two after it or the headline.
    """
    if first_body >= len(lines) or not any(k in HEADER_ANCHORS for k in kinds[:first_body]):
        return
    teaser = fold(lines[first_body].text)
    headline_words = {w[:5] for ln, k in zip(lines, kinds, strict=True) if k == "headline"
                      for w in CONTENT_WORD.findall(ln.text.lower())}  # fmt: skip
    for j in range(first_body + 1, len(lines)):
        copy = fold(lines[j].text)
        if kinds[j] not in ("", "repeated_line") or len(WORD.findall(copy)) < COPY_WORDS:
            continue
        if copy == teaser or (teaser.startswith(copy) and recurs(teaser[len(copy) :], lines, j, headline_words)):
            kinds[first_body], kinds[j] = "standfirst", ""
            return


def recurs(rest: str, lines: list[Line], j: int, headline_words: set[str]) -> bool:
    """The content words of ``rest`` recur in line ``j``, the two lines after it or the headline."""
    words = {w[:5] for w in CONTENT_WORD.findall(rest)}
    near = {w[:5] for ln in lines[j : j + 3] for w in CONTENT_WORD.findall(ln.text.lower())} | headline_words
    return len(words & near) >= TEASER_OVERLAP * len(words)


def place_datelines(texts: list[str], kinds: list[str]) -> None:
    """A place, a day and an agency on a line ("BEIJING, Oct. 10, Kyodo"): the dateline of a paragraph below it,
    or the agency's sign-off after the last paragraph.
    """
    last_body = max((i for i, k in enumerate(kinds) if k in BODY_KINDS), default=-1)
    for i, text in enumerate(texts):
        if not PLACE_DATELINE.match(text):
            continue
        if i + 1 < len(kinds) and kinds[i + 1] == "paragraph":
            kinds[i] = "paragraph"
        elif i >= last_body:
            kinds[i] = "agency_signoff"


def header_end(kinds: list[str], prose: list[bool], texts: list[str]) -> int:
    """Index of the last line of the header block above the body, or -1 when there is none.

    The header is a run of anchors (headline, date line, credit, caption, byline) starting near the top,
    with at most HEADER_GAP unexplained lines (standfirsts) between consecutive anchors; it reaches at
    least down to the headline when no line above it reads as prose or as a sentence (site furniture above it).
    """
    end = -1
    anchors = [i for i, k in enumerate(kinds) if k in HEADER_ANCHORS]
    if anchors and anchors[0] < HEADER_START:
        end = anchors[0]
        for i in anchors[1:]:
            unexplained = [j for j in range(end + 1, i) if kinds[j] == ""]
            # A paragraph of prose ends the header, unless the headline is printed again below it; so do two
            # sentences (a standfirst is one: two are the lead and the paragraph after it, above a caption).
            sentences = sum(len(WORD.findall(texts[j])) >= 4 and bool(TERMINAL.search(texts[j])) for j in unexplained)
            ends_body = any(prose[j] for j in unexplained) or sentences > 1
            if len(unexplained) > HEADER_GAP or (ends_body and kinds[i] != "headline"):
                break
            end = i
    for i, kind in enumerate(kinds):
        if kind == "" and (prose[i] or (len(WORD.findall(texts[i])) >= 4 and TERMINAL.search(texts[i]))):
            break
        if kind == "headline":
            end = max(end, i)
    return end


def is_lead(text: str, kinds_above: list[str]) -> bool:
    """A one-sentence line in the header that is the lead, not a standfirst: it reads like a news lead (a dateline,
    the day of the event), or it is a sentence of four words or more below the headline and a byline or date line
    ("By Jane Doe" / "Oct. 10, 2016" / "North Korea fired a missile." / a photo credit / the next paragraph).
    """
    if reads_as_lead(text):
        return True
    signed = "headline" in kinds_above and any(k in ("date_line", "byline") for k in kinds_above)
    return signed and len(WORD.findall(text)) >= 4 and bool(TERMINAL.search(text))


def repeats_lead(lines: list[Line], sentence_rows: list[int], i: int) -> bool:
    """A short line before the first paragraphs whose words recur in them: a standfirst repeating the lead."""
    after = bisect.bisect_right(sentence_rows, i)
    following = [lines[j].text for j in sentence_rows[after : after + 2]]
    words = {w[:5] for w in CONTENT_WORD.findall(lines[i].text.lower())}
    lead = {w[:5] for text in following for w in CONTENT_WORD.findall(text.lower())}
    return len(words) >= 4 and len(words & lead) >= LEAD_OVERLAP * len(words)
