"""The tense of the clause an expression stands in, which decides which November "in November" is."""

from __future__ import annotations

import re

# Tense cues, looked for in the clause around an expression (see :func:`tense`).
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|upcoming|planned|plans?|scheduled|expected|set\s+to|to\s+be\s+held|in\s+the\s+works|"
    r"ahead\s+of|going\s+to|is\s+to|are\s+to|would\s+like)\b",
    re.I,
)
IRREGULAR_PAST = frozenset(
    "was were had did came went took made met held said told saw gave sent began became left led won "  # noqa: SIM905
    "broke ran rose fell kept spoke wrote chose brought bought thought felt found got stood".split()
)
NOT_PAST_ED = {"need", "speed", "seed", "feed", "red", "bed", "united", "indeed", "exceed", "proceed", "succeed"}


def tense(sentence: str, start: int, end: int) -> str:
    """The tense of the clause around ``sentence[start:end]``: "future", "past" or "present".

    The clause is the text between the punctuation marks (, ; : – —) around the expression; when it has
    no cue, the whole sentence is read. Future cues ("will", "upcoming", "in the works", "ahead of"…)
    win over past cues ("was", "had", verbs in -ed and common irregular past forms).
    """
    bounds = [0, *(m.end() for m in re.finditer(r"[,;:–—()]", sentence)), len(sentence) + 1]
    left = max(b for b in bounds if b <= start)
    right = min(b for b in bounds if b >= end)
    for scope in (sentence[left:right], sentence):
        if FUTURE_CUES.search(scope):
            return "future"
        words = re.findall(r"[a-z]+", scope)
        if any(w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 3 and w not in NOT_PAST_ED) for w in words):
            return "past"
    return "present"
