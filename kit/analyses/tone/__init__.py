"""Tone of each voice: VADER scores of every quotation and every narration sentence, with the words behind them.

    quotes (kit.analyses.voices) → units (quotations + narration outside them) → score_units (VADER, optional
    diplomatic lexicon) → select_units, summarise by voice / outlet / period, compare_lexicon, extremes

**Units.** Every speech or fragment quotation is one unit, its voice the speaker's group (one of
:data:`kit.analyses.voices.actors.GROUPS`; ``unknown`` when no speaker was found). Every sentence is a
``narration`` unit too, scored on its words *outside* those quotations (scare-quoted terms stay: they
are the journalist's words); a sentence with fewer than :data:`MIN_NARRATION_WORDS` words left is skipped.

**Scores.** The reference VADER, ``vaderSentiment``'s ``SentimentIntensityAnalyzer`` (see
:mod:`kit.analyses.sentiment`): compound (-1…+1), and the pos/neu/neg proportions. For each score the drivers are
the words with a non-zero valence after VADER's negation, booster and "but" rules.

**The diplomatic lexicon** (:mod:`kit.analyses.diplomatic`) adds words, phrases and globs with the valence they
carry in official language. Matches are found with the kit's matcher (:mod:`kit.preprocess.lookup`) and each match
is handed to VADER as ONE word carrying the entry's valence (the phrase's words are joined into a single
token before scoring), so "traditional friendship" counts once, not also as "friendship", and VADER's
negation and booster rules still apply to it. With ``lexicon=None`` the text goes to VADER unchanged and
the scores are plain VADER's, exactly. :func:`score_texts` scores any texts the same way (one unit each).

**Structure VADER cannot see** (:mod:`kit.analyses.tone.structure`, with the lexicon only): a condition clause
("if …", "as long as …", "unless …") leaves the scored text, so a conditional offer or threat is scored as
what it offers or threatens; a positive word called "so-called" or refused ("firmly opposes …") counts
against; curly quotes are straightened, so a scare-quoted word inside official speech keeps its valence.
The ``structure`` column of every unit says what was left out and what was counted against.
"""

from kit.analyses.diplomatic import load_lexicon
from kit.analyses.tone.scoring import (
    NARRATION,
    OFFICIAL,
    SCORE_COLUMNS,
    TONE_COLUMNS,
    UNIT_COLUMNS,
    VOICE_NOTES,
    VOICES,
    score_texts,
    score_units,
    select_units,
    units,
)
from kit.analyses.tone.summary import COMPARE_COLUMNS, SUMMARY_COLUMNS, by_voice, compare_lexicon, extremes, summarise

__all__ = [
    "COMPARE_COLUMNS",
    "NARRATION",
    "OFFICIAL",
    "SCORE_COLUMNS",
    "SUMMARY_COLUMNS",
    "TONE_COLUMNS",
    "UNIT_COLUMNS",
    "VOICES",
    "VOICE_NOTES",
    "by_voice",
    "compare_lexicon",
    "extremes",
    "load_lexicon",
    "score_texts",
    "score_units",
    "select_units",
    "summarise",
    "units",
]
