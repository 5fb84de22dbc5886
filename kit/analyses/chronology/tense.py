"""The tense of the clause an expression stands in, which decides which November "in November" is.

The tense comes from the verb of the expression's own clause: the tense cue nearest the expression on its
left (the verb a date follows: "Kim *travelled* to Beijing in November"), else the nearest on its right
("In November, Kim *will* travel…"). A clause is the text between punctuation marks (, ; : – — -- and
brackets). A phrase fronted before the main clause takes that clause's first cue ("In November, Kim *will*
travel…"). Any other clause without a verb cue ("…and even talk of a meeting in May, the absence…") has no tense:
"present", and the nearest occurrence is taken. The rest of the sentence is not read: its verbs belong to
other clauses, and the reporting verb ("…," an official said) tells when something was said, not when the
things spoken of happen.

"Ahead of" alone is no future cue ("talks on Monday, which came ahead of the summit" are past: "came"
decides); it counts only in a clause with no verb at all ("…bargaining power ahead of summits at the end of
April"). "Would" is a future cue (the future seen from a past report: "the ban would be effective until
Dec. 31").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# Words and phrases that put a clause in the future; each match is one cue.
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|would(?!\s+have)|upcoming|planned|plans?|scheduled|expected|set\s+(?:to|for)|"
    r"to\s+be\s+held|in\s+the\s+works|going\s+to|is\s+to|are\s+to|(?:is|are)\s+due|likely\s+to)\b",
    re.I,
)
# An intention, promise or proposal looks forward from when it was made, like "would": "Kim vowed to visit
# Seoul in September", "invited Xi to visit in October", "proposed talks in May". Not for a weekday, which in
# news dates the reported act itself: "Pyongyang threatened to pull out Tuesday".
INTENT_CUES = re.compile(
    r"\b(?:(?:vow|agree|pledge|promise|decide|hope|want|aim|intend|seek|offer|threaten|prepare)(?:s|d|ed)?\s+to"
    r"|(?:invit|ask|urg)(?:es|ed|e|s)?\s+(?:[\w.’'-]+\s+){1,3}?to|propos(?:es|ed|e|al|als)|suggest(?:s|ed)?)\b",
    re.I,
)
# A scheduled event told in the simple present looks forward: "Xi departs for Pyongyang on Monday", "the talks
# begin on March 3". Only verbs of a timetable: "meets" or "visits" also tell a past event in a headline, and the
# base forms that are nouns too ("the end of", "his return") count only with -s.
SCHEDULED_PRESENT = re.compile(
    r"\b(?:(?:depart|leave|arrive|return|begin|start|open|close|end|resume|convene|expire|conclude)s"
    r"|(?:kick|take|wrap|get)s\s+(?:off|place|up|under\s+way)"
    r"|(?<!\bto\s)(?<!\bnot\s)(?<!n't\s)(?<!\bdid\s)(?<!\bnever\s)"
    r"(?:depart|arrive|begin|resume|convene|expire|conclude|(?:kick|take|get)\s+(?:off|place|under\s+way)))\b"
)
# A future cue seen from a past moment ("talks would be held on Monday", "the meeting was scheduled for Monday",
# "they have scheduled talks on Monday") does not say the day is still to come when the article appears.
PLANNED = re.compile(r"\b(?:planned|scheduled|expected|set|due|going)\b", re.I)
PAST_AUXILIARY_BEFORE = re.compile(
    r"\b(?:was|were|had|has|have)(?:\s+(?:been|not|already|also|just|now|instead|\w+ly))*\s+$", re.I
)
WEEKDAY_NAME = re.compile("|".join(calendar.day_name))
# Present-tense verbs and modals that, nearest an expression, mean the clause is not past.
# Case matters: "May" is a month; a modal "may" is lower case.
PRESENT_CUES = re.compile(r"\b(?:[Ii]s|[Aa]re|am|[Cc]an|may|[Mm]ust|[Dd]oes|[Dd]o|[Rr]emains?)\b")
IRREGULAR_PAST = frozenset(
    "was were had did came went took made met held said told saw gave sent began became left led "  # noqa: SIM905
    "broke ran rose fell kept spoke wrote chose brought bought thought felt found got stood fought lost "
    "paid sought struck spent flew drew grew threw knew ago".split()
)
NOT_PAST_ED = {"need", "speed", "seed", "feed", "red", "bed", "united", "indeed", "exceed", "proceed", "succeed"}
NOT_PAST_ED |= {"hundred", "embed", "shed", "bred", "breed", "weed", "greed", "creed", "steed", "bleed"}
# Punctuation between clauses; not the comma or colon inside a number ("28,500", "6:57 a.m.").
CLAUSE_BOUNDARY = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;–—()\[\]]|--")
# A participle after an auxiliary takes the auxiliary's tense: "will be held", "is to be lifted" are future,
# "is held" present ("was held", "has been held" stay past). Group "future" or "present".
AUXILIARY_BEFORE = re.compile(
    r"\b(?:(?P<future>will|would|shall|'ll|to)\s+(?:not\s+)?(?:be|have\s+been|get)|(?P<present>is|are|am)"
    r"(?:\s+being)?)\s+(?:\w+ly\s+)?$",
    re.I,
)
# "Ahead of" and "in the run-up to" put the expression after the clause's own time: a future cue only in a
# clause with no verb cue ("…power ahead of summits at the end of April"), never elsewhere in the sentence.
WEAK_FUTURE_CUES = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run[\s-]up\s+to|in\s+preparation\s+for)\b", re.I)


@dataclass(frozen=True)
class TenseCue:
    """A word or phrase that marks a clause's tense, with its offsets in the sentence."""

    start: int
    end: int
    tense: str


def _cues(text: str, offset: int, *, intent: bool = True) -> list[TenseCue]:
    """Every tense cue of ``text``, its offsets shifted by ``offset`` (where ``text`` starts in the sentence);
    with ``intent``, the :data:`INTENT_CUES` too.
    """
    cues = [TenseCue(offset + m.start(), offset + m.end(), "future") for m in FUTURE_CUES.finditer(text)]
    if intent:
        cues += [TenseCue(offset + m.start(), offset + m.end(), "future") for m in INTENT_CUES.finditer(text)]
    cues += [TenseCue(offset + m.start(), offset + m.end(), "present") for m in PRESENT_CUES.finditer(text)]
    cues += [TenseCue(offset + m.start(), offset + m.end(), "future") for m in SCHEDULED_PRESENT.finditer(text)]
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m[0].lower()
        if word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 3 and word not in NOT_PAST_ED):
            auxiliary = AUXILIARY_BEFORE.search(text, max(0, m.start() - 40), m.start())
            verb_tense = "past" if not auxiliary else "future" if auxiliary["future"] else "present"
            cues.append(TenseCue(offset + m.start(), offset + m.end(), verb_tense))
    return cues


def has_verb(text: str) -> bool:
    """Whether ``text`` holds a tense cue (a verb or modal): two phrases with none between share a clause."""
    return bool(_cues(text, 0))


def _nearest_cue(cues: list[TenseCue], start: int, end: int) -> TenseCue | None:
    """The cue nearest ``start..end``: the nearest on the left, else the nearest on the right."""
    left = [c for c in cues if c.end <= start]
    if left:
        return max(left, key=lambda c: c.end)
    right = [c for c in cues if c.start >= end]
    if right:
        return min(right, key=lambda c: c.start)
    return None


def tense(sentence: str, start: int, end: int) -> str:
    """The tense of the clause around ``sentence[start:end]``: "future", "past" or "present" (see the module)."""
    deciding = _deciding(sentence, start, end)
    return deciding if isinstance(deciding, str) else deciding.tense


def future_in_past(sentence: str, start: int, end: int) -> bool:
    """Whether the clause's future comes from a past moment: its deciding cue is "would" or a plan told in a
    past or perfect tense ("was scheduled", "were expected", "have scheduled"). Then a weekday may already be
    past when the article appears ("talks would be held on Monday" in a Wednesday paper).
    """
    cue = _deciding(sentence, start, end)
    if isinstance(cue, str) or cue.tense != "future":
        return False
    words = sentence[cue.start : cue.end]
    if words.lower() == "would":
        return True
    return bool(PLANNED.match(words) and PAST_AUXILIARY_BEFORE.search(sentence, max(0, cue.start - 40), cue.start))


def _deciding(sentence: str, start: int, end: int) -> TenseCue | str:
    """The cue that decides the tense around ``sentence[start:end]``, or the tense itself when no single cue of
    the clause does (a weak future cue, or none: "present").
    """
    bounds = [0, *(m.end() for m in CLAUSE_BOUNDARY.finditer(sentence)), len(sentence) + 1]
    left = max(b for b in bounds if b <= start)
    right = min(b for b in bounds if b >= end)
    intent = not WEEKDAY_NAME.search(sentence, start, end)
    clause = _cues(sentence[left:right], left, intent=intent)
    found = _nearest_cue(clause, start, end)
    if found:
        return found
    if WEAK_FUTURE_CUES.search(sentence[left:right]):
        return "future"
    if left == 0 and right <= len(sentence):
        # A phrase fronted before the main clause ("In November, Kim will travel…") takes its verb.
        following = [b for b in bounds if b > right]
        main = _cues(sentence[right : following[0] if following else len(sentence)], right, intent=intent)
        if main:
            return min(main, key=lambda c: c.start)
    return "present"
