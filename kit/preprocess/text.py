"""Stage 3 of the pipeline: sentences and tokens with character offsets — the one module that imports nltk.

Nothing here downloads anything. Punkt runs with kit-owned parameters (``kit/data/abbreviations.txt``),
the stopword list is the kit's own (``kit/data/stopwords.txt``), and the collocation finders need no
data at all. Swapping the NLP library is a change to this file only. (Sentiment is the reference VADER
of the ``vaderSentiment`` package, not nltk's: see :mod:`kit.analyses.sentiment`.)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.probability import FreqDist
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from kit import config
from kit.types import SENTENCE_COLUMNS, TOKEN_COLUMNS


class _CurlyQuoteVars(PunktLanguageVars):  # type: ignore[misc]  # nltk ships no type information
    """Punkt's English settings, plus curly closing quotes kept with the sentence they close."""

    re_boundary_realignment = re.compile(r"[\"”’')\]}]+?(?:\s+|(?=--)|$)", re.MULTILINE)
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,“”‘]"

    @property
    def _re_non_word_chars(self) -> str:
        return r"(?:[)\";}\]\*:@\'\({\[“”‘’?!])"


def _read_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations (lower case, no final period) that never end a sentence: "p.m", "u.s", "gen"…"""
    return _read_list(config.ABBREVIATIONS)


@cache
def stopwords() -> frozenset[str]:
    """The kit's English stopword list (normalised forms, see :func:`normalise`)."""
    return _read_list(config.STOPWORDS)


class _KitPunkt(PunktSentenceTokenizer):  # type: ignore[misc]  # nltk ships no type information
    """Punkt with two corrections for news text.

    - Initials with internal periods ("J.M. Missionary Union", "H.R. McMaster") are abbreviations, like the
      listed "U.S.": without a trained model Punkt would end a sentence after every one.
    - A break is decided by the token before the candidate's next word only. Punkt checks whether *any* token
      but the last of "<word>. <next word>" ends a sentence, and a next word that tokenises in two ("9.”")
      made "on Oct. 9.”" end a sentence after "Oct.".
    """

    INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")

    def _first_pass_annotation(self, aug_tok: Any) -> None:
        super()._first_pass_annotation(aug_tok)
        if self.INITIALS.fullmatch(aug_tok.tok):
            aug_tok.abbr, aug_tok.sentbreak = True, False

    def _slices_from_text(self, text: str) -> Iterable[slice]:
        last_break = 0
        for match, context in self._match_potential_end_contexts(text):
            head = context[: len(context) - len(match.group("after_tok"))]
            candidates = len(list(self._tokenize_words(head)))
            annotated = list(self._annotate_tokens(self._tokenize_words(context)))
            if len(annotated) > candidates and any(tok.sentbreak for tok in annotated[:candidates]):
                yield slice(last_break, match.end())
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        yield slice(last_break, len(text.rstrip()))


@cache
def _sentence_splitter() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return _KitPunkt(params, lang_vars=_CurlyQuoteVars())


# One token, tried in this order:
#   "U.S." / "p.m."           letters with internal periods;
#   "Gen." / "Jan."           a kit abbreviation with its period (added at runtime, see _token_pattern);
#   "2.7", "1950-53", "3rd"   numbers, with decimals, ranges, ordinals and hyphenated units ("10-lane");
#   "Kim Jong-un" → "Jong-un" words with internal hyphens or apostrophes (not a possessive "’s");
#   "’s"                      a possessive or "is" clitic, split from its word;
#   anything else             one non-space character (punctuation, symbols).
_TOKEN_TEMPLATE = r"""
    (?:[A-Za-z]\.){{2,}}(?![A-Za-z])
  | (?:{abbrev})\.(?=\s)
  | \d+(?:[.,:]\d+)*(?:st|nd|rd|th)?(?:[-–]\w+)*
  | [^\W\d_][^\W_]*(?:(?:-|['’](?![sS]\b))[^\W_]+)*
  | ['’][sS]\b
  | [^\s]
"""


@cache
def _token_pattern() -> re.Pattern[str]:
    titled = sorted((a for a in abbreviations() if "." not in a), key=lambda a: (-len(a), a))
    alternation = "|".join(re.escape(a.capitalize()) for a in titled)
    return re.compile(_TOKEN_TEMPLATE.format(abbrev=alternation), re.VERBOSE)


def normalise(token: str) -> str:
    """The comparison form of a token: lower case, curly quotes and apostrophes straightened."""
    return token.translate(_STRAIGHTEN).lower()


_STRAIGHTEN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


def is_punct(token: str) -> bool:
    """True when every character is punctuation or a symbol."""
    return all(unicodedata.category(ch)[0] in "PS" for ch in token)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``; a sentence never crosses a blank line."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        for start, end in _sentence_splitter().span_tokenize(para.group()):
            spans.append((para.start() + start, para.start() + end))
    return spans


def split_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans (start, end) in ``text[start:end]``, as offsets into ``text``."""
    pattern = _token_pattern()
    return [m.span() for m in pattern.finditer(text, start, len(text) if end is None else end)]


def sentences(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of each cleaned text.

    Args:
        documents: cleaned documents (doc_id, text).
        paragraphs: the paragraph table from :func:`kit.preprocess.clean.clean`.

    Returns:
        doc_id, sentence_id (0-based within the document), paragraph_id, start, end, text —
        ``text`` equals ``documents.text[start:end]``. The cost is linear in the text's length: each
        sentence finds its paragraph by bisecting the document's paragraph starts.
    """
    starts_by_doc = {
        doc_id: (group.start.tolist(), group.paragraph_id.tolist())
        for doc_id, group in paragraphs.sort_values(["doc_id", "start"], kind="stable").groupby("doc_id", sort=False)
    }
    # Built column by column (a dict keyed by column): a million sentences need no million row objects.
    columns: dict[str, list[object]] = {name: [] for name in SENTENCE_COLUMNS}
    for doc_id, doc_text in zip(documents.doc_id, documents.text, strict=True):
        para_starts, para_ids = starts_by_doc.get(doc_id, ([], []))
        spans = split_sentences(doc_text)
        columns["doc_id"] += [doc_id] * len(spans)
        columns["sentence_id"] += range(len(spans))
        for start, end in spans:
            # The paragraph is the last one starting at or before the sentence (0 before the first).
            k = bisect.bisect_right(para_starts, start) - 1
            columns["paragraph_id"].append(para_ids[k] if k >= 0 else 0)
            columns["start"].append(start)
            columns["end"].append(end)
            columns["text"].append(doc_text[start:end])
    dtypes = {name: object if name in ("doc_id", "text") else np.int64 for name in SENTENCE_COLUMNS}
    return pd.DataFrame({name: np.asarray(values, dtype=dtypes[name]) for name, values in columns.items()})


def tokens(documents: pd.DataFrame, sentence_table: pd.DataFrame) -> pd.DataFrame:
    """One row per token, numbered within the document (token_id 0, 1, …).

    Returns:
        doc_id, sentence_id, token_id, start, end, token, norm, is_stop, is_punct —
        ``token`` equals ``documents.text[start:end]``. The table is built column by column, so the
        cost is linear in the text's length.
    """
    texts = dict(zip(documents.doc_id, documents.text, strict=True))
    pattern = _token_pattern()
    doc_ids: list[str] = []
    doc_sizes: list[int] = []
    sentence_ids: list[int] = []
    spans: list[tuple[int, int]] = []
    written: list[str] = []
    for doc_id, group in sentence_table.groupby("doc_id", sort=True):
        text = texts[doc_id]
        before = len(spans)
        for sentence_id, start, end in zip(group.sentence_id, group.start, group.end, strict=True):
            found = [m.span() for m in pattern.finditer(text, start, end)]
            spans += found
            sentence_ids += [sentence_id] * len(found)
        written += [text[a:b] for a, b in spans[before:]]
        doc_ids.append(str(doc_id))
        doc_sizes.append(len(spans) - before)
    bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    sizes = np.asarray(doc_sizes, dtype=np.int64)
    first_row = np.repeat(np.cumsum(sizes) - sizes, sizes)
    # Norm, stopword and punctuation flags are worked out once per distinct token, then spread by code.
    codes, distinct = pd.factorize(pd.Series(written, dtype=object), sort=False)
    norms = np.asarray([normalise(t) for t in distinct], dtype=object)
    stop = stopwords()
    columns = {
        "doc_id": np.repeat(np.asarray(doc_ids, dtype=object), sizes),
        "sentence_id": np.asarray(sentence_ids, dtype=np.int64),
        "token_id": np.arange(len(spans), dtype=np.int64) - first_row,
        "start": bounds[:, 0],
        "end": bounds[:, 1],
        "token": np.asarray(written, dtype=object),
        "norm": norms[codes],
        "is_stop": np.asarray([n in stop for n in norms], dtype=bool)[codes],
        "is_punct": np.asarray([is_punct(t) for t in distinct], dtype=bool)[codes],
    }
    return pd.DataFrame(columns, columns=TOKEN_COLUMNS)


def tokens_of_texts(texts: dict[str, str]) -> pd.DataFrame:
    """The token table (:func:`tokens`) of loose texts, keyed by an id of the caller's choosing: each text is
    split into sentences (:func:`split_sentences`) and tokenised as a cleaned document would be.
    """
    sentence_rows = [
        {"doc_id": text_id, "sentence_id": n, "start": start, "end": end}
        for text_id, body in texts.items()
        for n, (start, end) in enumerate(split_sentences(body))
    ]
    sentence_table = pd.DataFrame(sentence_rows, columns=["doc_id", "sentence_id", "start", "end"])
    documents = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    return tokens(documents, sentence_table)


# --- Collocations: nltk's finders over the kit's tokens ------------------------------------------------


def bigram_collocations(
    words: Iterable[str], *, min_freq: int = 2, window_size: int = 2, top: int = 20
) -> pd.DataFrame:
    """Bigram collocations ranked by likelihood ratio (nltk's BigramCollocationFinder).

    Args:
        words: normalised tokens in text order (filter stopwords/punctuation beforehand as wanted).
        min_freq: drop pairs seen fewer times.
        window_size: 2 = adjacent words; larger values count pairs within that window.
        top: how many pairs to return.

    Returns:
        word1, word2, freq, score — sorted by score, then the words (stable across runs).
    """
    finder = BigramCollocationFinder.from_words(list(words), window_size=window_size)
    finder.apply_freq_filter(min_freq)
    scored = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    rows = [
        {"word1": w1, "word2": w2, "freq": finder.ngram_fd[(w1, w2)], "score": round(score, 6)}
        for (w1, w2), score in scored
    ]
    frame = pd.DataFrame(rows, columns=["word1", "word2", "freq", "score"])
    frame = frame.sort_values(["score", "word1", "word2"], ascending=[False, True, True], kind="stable")
    return frame.head(top).reset_index(drop=True)


# --- Node collocations: nltk's bigram finder around one node word, counted within sentences ----------


def node_collocations(
    sentences: Iterable[list[str]], node: str, *, window_size: int = 5, min_freq: int = 2, top: int = 15
) -> pd.DataFrame:
    """Words that co-occur with ``node`` within ``window_size`` words, ranked by likelihood ratio.

    Windows are counted inside each sentence (never across one), as nltk's
    ``BigramCollocationFinder.from_words`` counts them along a single word list.

    Args:
        sentences: lists of words in text order (filter stopwords/punctuation beforehand as wanted).
        node: the word whose collocates are wanted (e.g. a theme marker).
        window_size: 2 = adjacent words; larger values count pairs within that window.
        min_freq: drop pairs seen fewer times.
        top: how many collocates to return.

    Returns:
        collocate, side ("left" or "right" of the node), freq, score — sorted by score, then collocate.
    """
    counts = node_counts(sentences, node, window_size=window_size)
    return rank_node_pairs(counts, node, window_size=window_size, min_freq=min_freq, top=top)


def node_counts(sentences: Iterable[list[str]], node: str, *, window_size: int = 5) -> pd.DataFrame:
    """What :func:`rank_node_pairs` scores: every word's count (``second`` empty) and the count of each pair
    (first, second) within ``window_size`` words that has ``node`` on one side, as rows first, second, count.

    Counts of separate batches of sentences add up, so a corpus's counts can be summed chunk by chunk; pairs
    without the node are never scored, so they are not counted (a corpus's pairs would not fit in memory).
    """
    word_fd: Counter[str] = Counter()
    pair_fd: Counter[tuple[str, str]] = Counter()
    for words in sentences:
        words = list(words)
        word_fd.update(words)
        for i in [i for i, word in enumerate(words) if word == node]:  # only pairs with the node are scored
            for left in words[max(0, i - window_size + 1) : i]:
                if left != node:
                    pair_fd[(left, node)] += 1
            for right in words[i + 1 : i + window_size]:
                if right != node:
                    pair_fd[(node, right)] += 1
    rows = [{"first": w, "second": "", "count": n} for w, n in word_fd.items()]
    rows += [{"first": w1, "second": w2, "count": n} for (w1, w2), n in pair_fd.items()]
    return pd.DataFrame(rows, columns=["first", "second", "count"])


def rank_node_pairs(
    counts: pd.DataFrame, node: str, *, window_size: int = 5, min_freq: int = 2, top: int = 15
) -> pd.DataFrame:
    """The collocates of :func:`node_collocations` from :func:`node_counts` rows (summed here when repeated)."""
    summed = counts.groupby(["first", "second"], sort=True)["count"].sum()
    word_fd, pair_fd = FreqDist(), FreqDist()
    for first, second, n in zip(
        summed.index.get_level_values(0), summed.index.get_level_values(1), summed, strict=True
    ):
        if second:
            pair_fd[(first, second)] = int(n)
        else:
            word_fd[first] = int(n)
    finder = BigramCollocationFinder(word_fd, pair_fd, window_size=window_size)
    finder.apply_freq_filter(min_freq)
    rows = [
        {
            "collocate": w2 if w1 == node else w1,
            "side": "right" if w1 == node else "left",
            "freq": finder.ngram_fd[(w1, w2)],
            "score": round(score, 6),
        }
        for (w1, w2), score in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    ]
    frame = pd.DataFrame(rows, columns=["collocate", "side", "freq", "score"])
    frame = frame.sort_values(["score", "collocate", "side"], ascending=[False, True, True], kind="stable")
    return frame.head(top).reset_index(drop=True)
