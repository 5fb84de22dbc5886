"""kit.preprocess.wordstart: the letters word alternatives start with, looked ahead for; the same matches, sooner."""

import re

import pytest

from kit.analyses.voices import cues, roles
from kit.preprocess import wordstart


def test_the_letters_are_read_off_the_alternatives_and_the_groups_they_start_with():
    assert wordstart.starting_letters("said|noted|used the (?:analogy|metaphor)|Told") == "Tnsu"
    assert re.fullmatch(wordstart.words("Xinhua|KCNA"), "KCNA") and not re.search(wordstart.words("KCNA"), "kcna")
    assert wordstart.starting_letters("(?:read|aired) on|(?P<verb>quoted|cited) by|according to") == "acqr"
    assert wordstart.starting_letters(r"a[|(]b|c\|d") == "ac"  # a bar in a class or escaped is no alternative


@pytest.mark.parametrize(
    ("alternatives", "message"),
    [
        ("said|(re)told", "starts with '\\('"),
        ("said|(?:re)?told", "starts with an optional group"),
        (r"said|\w+ly", "starts with '\\\\\\\\'"),
        ("said|[Tt]old", "starts with '\\['"),
        ("said|(?:told", "does not close"),
    ],
)
def test_alternatives_whose_first_letters_cannot_be_told_are_refused(alternatives, message):
    with pytest.raises(ValueError, match=message):
        wordstart.words(alternatives)


def test_the_look_ahead_changes_no_match():
    text = "Unsaid, he SAID; they Pointed Out (as quoted by KCNA) a report from Xinhua, said to be cited."
    for pattern in (roles.REPORTING_VERBS, cues.ACCORDING, cues.SOURCE_NOUN, cues.QUOTED_AS, cues.RELAYED):
        plain = re.compile(re.sub(r"\(\?=\[[a-z]+\]\)", "", pattern.pattern, count=1), re.IGNORECASE)
        assert plain.pattern != pattern.pattern
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in roles.REPORTING_VERBS.finditer(text)] == ["SAID", "Pointed Out", "said"]
