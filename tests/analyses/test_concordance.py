"""kit.analyses.concordance: KWIC of any pattern, sorted as AntConc sorts, checked against hand-written lines and nltk."""

import pandas as pd
import pytest
from nltk.text import ConcordanceIndex

from kit.analyses import concordance
from kit.analyses.concordance import Selection
from kit.errors import KitError
from tests.concordance_corpus import prepared

# Five sentences, one "sanctions" each. The lines below are written out by hand from AntConc's documented rules:
# R1/L1 are the nearest word tokens (punctuation skipped: the R1 of "sanctions, which" is "which"), compared
# without case, ties in corpus order.
STORY = (
    "New sanctions bite hard. The sanctions, which Beijing opposed, stayed. Old sanctions bite again. "
    "Sanctions end. Even after sanctions bite hard."
)
# (left, match, right) of each line with a window of 3 tokens, in corpus order.
LINES = [
    ("New", "sanctions", "bite hard."),
    ("The", "sanctions", ", which Beijing"),
    ("Old", "sanctions", "bite again."),
    ("", "Sanctions", "end."),
    ("Even after", "sanctions", "bite hard."),
]
# R1 then R2: bite/again, bite/hard (line 1 before line 5: a tie keeps corpus order), end/"", which/Beijing.
BY_R1_R2 = [2, 0, 4, 3, 1]
# L1: "" (the sentence starts), after, New, Old, The — case ignored ("after" before "New").
BY_L1 = [3, 4, 0, 2, 1]


@pytest.fixture(scope="module")
def story():
    return prepared({"d1": STORY})


def _triples(lines: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(lines.left, lines.match, lines.right, strict=True))


def test_lines_in_corpus_order_match_the_hand_written_ones(story):
    lines = concordance.concord(story, "sanctions", window=3)
    assert _triples(lines) == LINES
    assert list(lines.R1) == ["bite", "which", "bite", "end", "bite"]
    assert list(lines.L1) == ["New", "The", "Old", "", "after"]
    assert all(STORY[s:e] == m for s, e, m in zip(lines.start, lines.end, lines.match, strict=True))


@pytest.mark.parametrize(
    ("sort", "order"),
    [("R1,R2", BY_R1_R2), (["1R", "2R"], BY_R1_R2), ("L1", BY_L1), ("KW", [0, 1, 2, 3, 4]), ("", [0, 1, 2, 3, 4])],
)
def test_sort_follows_antconc(story, sort, order):
    lines = concordance.concord(story, "sanctions", window=3, sort=sort)
    assert _triples(lines) == [LINES[k] for k in order]


def test_sort_refuses_an_unknown_position(story):
    with pytest.raises(KitError, match="'R4' is not one of"):
        concordance.concord(story, "sanctions", sort="R1,R4")


def test_regex_hits_are_widened_to_whole_tokens(story):
    lines = concordance.concord(story, r"sanction(?=s,)|bite\s+ag", regex=True, window=1)
    assert list(lines.match) == ["sanctions", "bite again"]
    assert list(lines.pattern) == [r"sanction(?=s,)|bite\s+ag"] * 2
    with pytest.raises(KitError, match="regular expression"):
        concordance.concord(story, "sanction(", regex=True)
    assert concordance.concord(story, "SANCTIONS", case_sensitive=True).empty


def test_globs_and_phrases_use_the_dictionary_matcher(story):
    assert list(concordance.concord(story, "sanction* bite").match) == ["sanctions bite"] * 3
    assert list(concordance.concord(story, "bei*").match) == ["Beijing"]


def test_filters_by_outlet_period_and_metadata():
    corpus = prepared(
        {"a": "Sanctions bite.", "b": "Sanctions hold.", "c": "Sanctions fail."},
        outlet={"a": "Herald", "b": "Post", "c": "Post"},
        published={"a": "2018-03-28", "b": "2019-01-02", "c": "2018-05-01"},
        section={"a": "world", "b": "world", "c": "business"},
    )
    assert list(concordance.concord(corpus, "sanctions", selection=Selection(outlets=("Post",))).doc_id) == ["b", "c"]
    assert list(concordance.concord(corpus, "sanctions", selection=Selection(periods=("2018",))).doc_id) == ["a", "c"]
    chosen = Selection(outlets=("Post",), where=(("section", "world"),))
    lines = concordance.concord(corpus, "sanctions", selection=chosen, columns=["outlet", "section"])
    assert lines[["doc_id", "outlet", "section"]].values.tolist() == [["b", "Post", "world"]]
    with pytest.raises(KitError, match="no outlet 'Times'"):
        concordance.concord(corpus, "sanctions", selection=Selection(outlets=("Times",)))
    with pytest.raises(KitError, match="no documents column 'desk'"):
        concordance.concord(corpus, "sanctions", selection=Selection(where=(("desk", "x"),)))


def test_voice_comes_from_the_quotes_table():
    body = 'Sanctions bite. "Sanctions must go," Wang said.'
    corpus = prepared({"a": body})
    start = body.index('"') + 1
    quotes = pd.DataFrame(
        {
            "doc_id": ["a"],
            "start": [start],
            "end": [body.index(',"')],
            "kind": ["speech"],
            "speaker_group": ["official_prc"],
        }
    )
    lines = concordance.concord(corpus, "sanctions", quotes=quotes)
    assert list(lines.voice) == ["narration", "official_prc"]
    chosen = concordance.concord(corpus, "sanctions", quotes=quotes, selection=Selection(voices=("official_prc",)))
    assert list(chosen.start) == [start]
    with pytest.raises(KitError, match="no voice 'pundit'"):
        concordance.concord(corpus, "sanctions", quotes=quotes, selection=Selection(voices=("pundit",)))


@pytest.mark.parametrize("pattern", ["sanctions", "north korea", "china"])
def test_unsorted_lines_are_nltks_concordance_on_the_same_tokens(seeds, pattern):
    """nltk's ConcordanceIndex over each seed document's tokens finds the same hits, in the same order, with the
    same context: its left context is ``width // 4`` tokens (w), its right w - n tokens for a phrase of n
    (tokens[i + n : i + w]), so the right context is compared with ours at that window."""
    window = 6
    ours = concordance.concord(seeds, pattern, window=window, sentence_bounded=False)
    shorter = concordance.concord(seeds, pattern, window=window - len(pattern.split()), sentence_bounded=False)
    theirs = []
    for doc_id, tokens in seeds.tokens.sort_values(["doc_id", "token_id"]).groupby("doc_id", sort=True):
        index = ConcordanceIndex(tokens.token.tolist(), key=lambda word: word.lower())
        for line in index.find_concordance(pattern.split(), width=4 * window):
            theirs.append((doc_id, line.offset, "".join(line.left), line.query.replace(" ", ""), "".join(line.right)))
    assert len(theirs) >= 5
    mine = [
        (d, first, left.replace(" ", ""), match.replace(" ", ""), right.replace(" ", ""))
        for d, first, left, match, right in zip(
            ours.doc_id, ours.first_token, ours.left, ours.match, shorter.right, strict=True
        )
    ]
    assert mine == theirs


def test_voices_are_extracted_when_asked_for_without_a_quotes_table(seeds):
    every = concordance.concord(seeds, "said")
    narration = concordance.concord(seeds, "said", selection=Selection(voices=("narration",)))
    quoted = concordance.concord(seeds, "china", selection=Selection(voices=("official_prc", "analyst")))
    assert 0 < len(narration) < len(every) and set(narration.voice) == {"narration"}
    assert len(quoted) > 0 and set(quoted.voice) <= {"official_prc", "analyst"}
