"""Structure VADER cannot see, read only with the diplomatic lexicon on (plain VADER reads the text as it is).

Three rules, applied to one unit's words before VADER scores them (:func:`kit.analyses.tone.score_units` says in the
unit's ``structure`` column what each did):

* **Conditions** (:func:`conditions`). "so long as …", "as long as …", "provided that …", "on condition
  that …", "if … (then) …", "unless …": a conditional offer or threat is scored as what it offers or
  threatens. The condition clause leaves the scored text and the consequence stays. A condition that opens
  its clause ("If X, Y", "…, and if X, Y", "he said that if X, Y") runs to its first comma or "then"; without
  one, where the consequence starts cannot be told and nothing is left out. A condition after its
  consequence ("Y if X", "Y, unless X") runs to the end of the sentence or to a semicolon. Not conditions:
  "even if", "as if", "what if", "if only", an "if" after a verb of asking or knowing ("asked if", "unclear
  if": it means whether), "on condition of anonymity".
* **So-called and refusal** (:func:`counted_against`). A positive word the speaker calls "so-called" or
  refuses — after "oppose", "reject", "refuse", or "never"/"not" with "accept", "tolerate", "allow",
  "permit", "recognise" — counts against: after VADER's rules its positive valence is multiplied by VADER's
  own negation factor (:meth:`kit.analyses.sentiment.ExplainedVader.explain`). The scope is the words after the cue,
  at most :data:`SCOPE_WORDS`, up to the end of the clause (a comma or stop, or a word that opens another
  clause: "is", "will", "which", "but" …), and it stops at a negative word: what is refused is then that
  negative thing ("reject any attempt to undermine peace" keeps "peace" positive).
* **Quotation marks** (:func:`straightened`). Curly quotes and apostrophes become straight ones. VADER strips
  only straight marks from a word, so a scare-quoted word inside official speech (“… ‘collapse’ is just a
  matter of time”) had no valence at all, and “isn’t” did not negate; the speaker's own words now keep
  their valence, as they do when typed with straight marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kit.preprocess import text


def _word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words of one string (lists of function words read best as a line)."""
    return frozenset(words.split())


# At most this many words after a cue of "so-called" or of refusal are in its scope.
SCOPE_WORDS = 8

# The markers of a condition; longest first, so "as long as" is not read as "as" + "long" + "as".
_CONDITION = re.compile(
    r"\b(?:so long as|as long as|provided that|providing that|on the condition that|on condition that|"
    r"only if|if|unless)\b",
    re.IGNORECASE,
)
# The word before "if" that makes it something else: "even if" and "as if" (concessive, comparison), "what
# if", and verbs of asking and knowing, after which "if" means whether ("asked if", "unclear if").
_NOT_A_CONDITION_AFTER = _word_set(
    "even as what ask asks asked asking wonder wonders wondered wondering know knows knew knowing see saw "
    "seen unclear clear sure unsure doubt doubts doubtful check checked checking decide decided determine "
    "determined tell tells told say says said confirm confirmed"
)
# The word after "if" that makes it no condition: "if only" (a wish).
_NOT_A_CONDITION_BEFORE = frozenset({"only"})
# Words that join a new clause, so a condition right after them opens its clause ("and if X, Y").
_JOINERS = _word_set("and but or so that then yet because while whereas although though however")
# Where a condition after its consequence ends, short of the sentence's end: a semicolon; a comma before a
# word that opens another clause (", as the US is …", ", but …"); a comma before an auxiliary, which closes
# a condition set in the middle ("A test, if conducted now, will be …"); "and" before one ("would be
# disappointed if X and would take action").
_CLOSING_END = re.compile(
    r";|,\s+(?=(?:as|because|while|but|and|so|which|although|though|whereas|since|yet)\b)"
    r"|(?:,\s+(?:and\s+)?|\s+and\s+)(?=(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had)\b)",
    re.IGNORECASE,
)
# The words of a stretch, for telling whether only joiners come before a condition ("So, if …").
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# The last word before a position: "resolved, if" → "resolved".
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)\W*$")
# Where an opening condition ends: its first comma, or "then".
_OPENING_END = re.compile(r",|\bthen\b", re.IGNORECASE)
# Marks around words that say nothing about where a clause starts.
_OPENING_MARKS = " \t\"'“”‘’([—–-"
# Punctuation that ends a sentence's last word, kept when a closing condition is left out.
_CLOSING_MARKS = ".!?…\"'”’) "

# Curly quotes and apostrophes, and the straight marks VADER strips.
_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})

# Cues of refusal, each one word (or one lexicon match) as written: "oppose(s/d)", "firmly opposes",
# "rejects", "refused", "never tolerate" …
_REFUSES = re.compile(
    r"^(?:(?:firmly|resolutely|strongly|categorically) )?(?:oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"refus(?:e|es|ed|ing))$|^(?:never|not) (?:accept|tolerat|allow|permit|recogni[sz])\w*$"
)
# The verbs that refuse when "never" or "not" comes before them ("will never accept", "cannot allow").
_REFUSED_VERB = re.compile(r"^(?:accept|tolerat|allow|permit|recogni[sz])\w*$")
# Words that open another clause, so a cue's scope stops before them.
_CLAUSE_WORDS = _word_set(
    "is are was were be been being am has have had will would shall should can could may might must "
    "which who whom whose that but because while whereas although though if unless when where yet"
)
# The punctuation that ends a clause, on a word's end (closing marks stripped first): "spies," ends one.
_CLAUSE_END = re.compile(r"[,.;:!?…]$")
_EDGE_MARKS = "\"'“”‘’()[]"


def straightened(written: str) -> str:
    """``written`` with curly quotes and apostrophes made straight: ‘collapse’ → 'collapse', isn’t → isn't."""
    return written.translate(_STRAIGHT)


def conditions(body: str, pieces: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The condition clauses inside a unit's pieces of ``body``, as (start, end) offsets into ``body``.

    Returns:
        The spans to leave out of the scored text, in order; the consequences stay. An opening condition
        with no comma or "then" after it, and the markers that are no condition (see the module), give none.
    """
    spans: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        segment = body[piece_start:piece_end]
        if not _CONDITION.search(segment):  # most units: no marker, no sentence splitting
            continue
        for sentence_start, sentence_end in text.split_sentences(segment):
            position = sentence_start
            for marker in _CONDITION.finditer(segment, sentence_start, sentence_end):
                if marker.start() < position:
                    continue
                span = _condition(segment, marker, sentence_start, sentence_end)
                if span is not None:
                    spans.append((piece_start + span[0], piece_start + span[1]))
                    position = span[1]
    return spans


def _condition(segment: str, marker: re.Match[str], sentence_start: int, sentence_end: int) -> tuple[int, int] | None:
    """The span of one condition clause in ``segment`` (its sentence given), or None when it is none."""
    before = segment[sentence_start : marker.start()]
    last = _LAST_WORD.search(before)
    previous = last.group(1).lower() if last else ""
    if marker.group().lower() == "if":
        after = segment[marker.end() : sentence_end].split()
        if previous in _NOT_A_CONDITION_AFTER or (after and after[0].lower() in _NOT_A_CONDITION_BEFORE):
            return None
    stripped = before.strip(_OPENING_MARKS)
    joiners_only = all(word.lower() in _JOINERS for word in _WORDS.findall(before))
    opening = joiners_only or stripped.endswith(":") or (previous in _JOINERS and not before.rstrip().endswith(","))
    if opening:
        end = _OPENING_END.search(segment, marker.end(), sentence_end)
        if end is None:
            return None
        stop = end.end()
        while stop < sentence_end and segment[stop] == " ":
            stop += 1
        return marker.start(), stop
    end = _CLOSING_END.search(segment, marker.end(), sentence_end)
    stop = sentence_end if end is None else end.start()
    while stop > marker.end() and segment[stop - 1] in _CLOSING_MARKS:
        stop -= 1
    return marker.start(), stop


def counted_against(words: Sequence[str], valences: Sequence[float]) -> dict[int, str]:
    """The words whose positive valence counts against, each with its rule: "so-called" or "refused".

    Args:
        words: the unit's words as VADER reads them, each as written (a lexicon match: its words, joined
            by spaces).
        valences: each word's valence before VADER's rules (0 when it has none).

    Returns:
        position → rule, for the positive words in the scope of "so-called" or of a refusal (see the module).
    """
    lowered = [word.strip(_EDGE_MARKS + ",.;:!?…").lower() for word in words]
    result: dict[int, str] = {}
    for i, word in enumerate(lowered):
        following = lowered[i + 1] if i + 1 < len(lowered) else ""
        if word == "so-called":
            start, rule = i + 1, "so-called"
        elif word == "so" and following == "called":
            start, rule = i + 2, "so-called"
        elif _REFUSES.match(word):
            start, rule = i + 1, "refused"
        elif (word in ("never", "not", "cannot") or word.endswith("n't")) and _REFUSED_VERB.match(following):
            start, rule = i + 2, "refused"
        else:
            continue
        if _ends_clause(words[start - 1]):
            continue
        for j in _scope(words, lowered, valences, start):
            if valences[j] > 0:
                result.setdefault(j, rule)
    return result


def _scope(words: Sequence[str], lowered: Sequence[str], valences: Sequence[float], start: int) -> list[int]:
    """The positions a cue reaches from ``start``: to the clause's end, at most SCOPE_WORDS, before a negative word."""
    reached = []
    for j in range(start, min(len(words), start + SCOPE_WORDS)):
        if lowered[j] in _CLAUSE_WORDS or valences[j] < 0:
            break
        reached.append(j)
        if _ends_clause(words[j]):
            break
    return reached


def _ends_clause(word: str) -> bool:
    return bool(_CLAUSE_END.search(word.rstrip(_EDGE_MARKS)))
