"""Sentiment scores: the reference VADER (``vaderSentiment``), explained word by word.

The analyzer is the ``vaderSentiment`` package's own ``SentimentIntensityAnalyzer`` (Hutto & Gilbert 2014),
reading the lexicon file and emoji descriptions that package installs: nothing is downloaded. The kit adds
these on top, none of which changes a plain score:

* :meth:`ExplainedVader.explain` runs the same steps as ``polarity_scores`` and also returns each word's
  valence after VADER's negation, booster, idiom and "but" rules, so a score can be traced to its words;
* ``extra_lexicon`` entries (word → valence), e.g. the diplomatic lexicon's single tokens
  (:mod:`kit.analyses.tone`), are added to VADER's lexicon, replacing VADER's value for the same word;
* ``as_written`` words (formulas that carry their own negation, "will not change") keep their valence:
  VADER's negation, booster and "least" checks do not apply to them;
* ``explain(text, against=…)``: the words at those positions count against — a positive valence, after
  VADER's rules, is multiplied by VADER's own negation factor (``N_SCALAR``, -0.74).

With none of them, ``explain(text)[0] == polarity_scores(text)`` exactly (a test checks every seed unit).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE, SentimentIntensityAnalyzer, SentiText

Drivers = list[tuple[str, float]]


def vader_lexicon_path() -> Path:
    """The ``vader_lexicon.txt`` installed by the ``vaderSentiment`` package (from PyPI)."""
    return Path(str(resources.files("vaderSentiment").joinpath("vader_lexicon.txt")))


class ExplainedVader(SentimentIntensityAnalyzer):  # type: ignore[misc]  # vaderSentiment ships no types
    """The reference VADER that also reports the valence each word contributed.

    ``extra_lexicon`` entries (word → valence) are added on top of the packaged lexicon, replacing
    VADER's own value for the same word (keys are lower-cased, as VADER looks words up lower-cased);
    ``as_written`` words (lower-cased) keep their lexicon valence whatever precedes them.
    """

    def __init__(self, extra_lexicon: Mapping[str, float] | None = None, as_written: Iterable[str] = ()):
        super().__init__()
        self.lexicon.update({word.lower(): float(valence) for word, valence in (extra_lexicon or {}).items()})
        self._as_written = frozenset(word.lower() for word in as_written)
        # The characters polarity_scores replaces by a description (it looks text up one character at a time).
        self._emoji_characters = frozenset(key for key in self.emojis if len(key) == 1)

    def explain(self, text: str, *, against: Collection[int] = ()) -> tuple[dict[str, float], Drivers]:
        """Score ``text`` and list the words that drove the score.

        Args:
            text: what to score.
            against: positions of words (in ``text.split()``, after emojis are described: see
                :meth:`described`) whose positive valence counts against, as a negated word's does.

        Returns:
            ``(scores, drivers)``: VADER's ``neg``/``neu``/``pos``/``compound``, identical to
            :meth:`polarity_scores` when nothing is ``against`` and no word is ``as_written``, and
            ``(word, valence)`` for every word with a non-zero valence after VADER's rules, in text order.
        """
        text = self.described(text)
        sentitext = SentiText(text)
        words = sentitext.words_and_emoticons
        sentiments: list[float] = []
        # The loop of vaderSentiment's polarity_scores, step for step, so the valences it leaves per word
        # are the ones its score is computed from.
        for i, item in enumerate(words):
            lowered = item.lower()
            if lowered in BOOSTER_DICT or (i < len(words) - 1 and lowered == "kind" and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            if lowered not in self.lexicon:  # sentiment_valence would add the 0 it was given, and do nothing else
                sentiments.append(0)
                continue
            if lowered in self._as_written:  # a formula with its own negation: read as written
                sentiments.append(self.lexicon[lowered])
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        for i in against:
            if sentiments[i] > 0:
                sentiments[i] *= N_SCALAR
        sentiments = self._but_check(words, sentiments)
        drivers = [(word, round(float(v), 4)) for word, v in zip(words, sentiments, strict=True) if v]
        scores: dict[str, float] = self.score_valence(sentiments, text)
        return scores, drivers

    def described(self, text: str) -> str:
        """``text`` as VADER reads it: each emoji replaced by its description, spaced as ``polarity_scores``
        spaces it, and stripped; VADER's words are then ``described(text).split()``.
        """
        if self._emoji_characters.isdisjoint(text):  # most texts: nothing to replace, one pass in C
            return text.strip()
        described = []
        prev_space = True
        for character in text:
            if character in self.emojis:
                if not prev_space:
                    described.append(" ")
                described.append(self.emojis[character])
                prev_space = False
            else:
                described.append(character)
                prev_space = character == " "
        return "".join(described).strip()

    # VADER's negation and idiom checks lower-case every word of the text each time they look at the three
    # words before one; given only those words (and the two after), they return the same, in time that does
    # not grow with the sentence. Every index they read is i-3..i+2 and never below 0 (they run for i > start_i).
    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
        first = max(0, i - 3)
        return _negation_check(
            [str(w).lower() for w in words_and_emoticons[first : i + 1]], valence, start_i, i - first
        )

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: list[str], i: int) -> float:
        first = max(0, i - 3)
        window = words_and_emoticons[first : i + 3]
        return SentimentIntensityAnalyzer._special_idioms_check(valence, window, i - first)  # type: ignore[no-any-return]


# VADER's negation words: its negated() of one word tests each of them in turn; a set tests them at once.
_NEGATE = frozenset(NEGATE)


def _negates(word: str) -> bool:
    """What VADER's ``negated([word])`` answers for a lower-cased word."""
    return word in _NEGATE or "n't" in word


def lookup_form(word: str) -> str:
    """The form in which VADER looks up one whitespace-separated word: its edge punctuation stripped (unless
    that leaves two characters or fewer, an emoticon), lower-cased.
    """
    return str(SentiText._strip_punc_if_word(word)).lower()


def is_negation(word: str) -> bool:
    """A word VADER reads as negating what follows: its negation words, any "n't", and "no"."""
    lowered = word.lower()
    return lowered == "no" or _negates(lowered)


def _negation_check(lower: list[str], valence: float, start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` step for step, on lower-cased words, with :func:`_negates` for its negated()."""
    if start_i == 0 and _negates(lower[i - 1]):  # 1 word preceding the lexicon word
        valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negates(lower[i - 2]):  # 2 words preceding
            valence = valence * N_SCALAR
    if start_i == 2:
        if (
            # as VADER has it: "never so"/"never this" three words back, or "so"/"this" right before
            (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this"))
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negates(lower[i - 3]):  # 3 words preceding
            valence = valence * N_SCALAR
    return valence


@cache
def vader(extra_items: tuple[tuple[str, float], ...] = (), as_written: tuple[str, ...] = ()) -> ExplainedVader:
    """A cached analyzer; pass the extra lexicon as sorted ``(word, valence)`` pairs, and the words read as
    written (see :class:`ExplainedVader`) as a sorted tuple.
    """
    return ExplainedVader(dict(extra_items), as_written)
