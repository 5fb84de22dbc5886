"""What a researcher writes by hand, the yardstick of ``make bench``: read each article file, split it into
sentences with Punkt, each sentence into NLTK word tokens, and score every sentence with VADER.

Punkt runs untrained (nltk's trained English model is a data download, not on PyPI); VADER is nltk's
``SentimentIntensityAnalyzer`` reading the lexicon the ``vaderSentiment`` package ships. One process, no
cleaning, no offsets, nothing kept: the least a hand-written script does with a corpus folder.

    python -m bench.baseline CORPUS_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import vaderSentiment
from nltk.sentiment.vader import SentimentIntensityAnalyzer
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktSentenceTokenizer

LEXICON = Path(vaderSentiment.__file__).resolve().parent / "vader_lexicon.txt"


def run(folder: Path) -> dict[str, int]:
    """Sentences, word tokens and scored sentences of every ``*.txt`` file in ``folder``."""
    sentences, words = PunktSentenceTokenizer(), NLTKWordTokenizer()
    vader = SentimentIntensityAnalyzer(lexicon_file=LEXICON.as_uri())
    counts = {"articles": 0, "sentences": 0, "tokens": 0}
    for path in sorted(folder.glob("*.txt")):
        counts["articles"] += 1
        for sentence in sentences.tokenize(path.read_text(encoding="utf-8")):
            counts["sentences"] += 1
            counts["tokens"] += len(words.tokenize(sentence))
            vader.polarity_scores(sentence)
    return counts


if __name__ == "__main__":
    print(run(Path(sys.argv[1])))
