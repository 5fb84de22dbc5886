"""kit.analyses.voices.cues: attribution words and the speaker each names, on one sentence at a time."""

import pytest

from kit.analyses.voices import cues, mentions


def cues_of(view_of, registry, body):
    view = view_of(body)
    found, _ = cues.find_cues(view, mentions.build_memory(view, registry), registry)
    return [(view.text[c.start : c.end], c.speaker.name if c.speaker else None) for c in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "“We hope for stability,” said Chinese Foreign Ministry spokesman Hong Lei.",
            ("said Chinese Foreign Ministry spokesman Hong Lei", "Hong Lei"),
        ),
        ("The visit was described as “unofficial.”", ("described", None)),  # passive: no speaker
        (
            "China's Foreign Ministry issued condolences, praising him as “a great leader.”",
            ("China's Foreign Ministry issued condolences, praising", "China's foreign ministry"),
        ),
        ("Peter Jung, head of an NGO in Seoul, told reporters the talks failed.", None),
    ],
)
def test_cue_speakers(view_of, registry, body, expected):
    found = cues_of(view_of, registry, body)
    if expected is None:
        (cue,) = found
        assert cue[1] == "Peter Jung"  # a Western-order name is not the registry's Jung Jae-hung
    else:
        assert expected in found


def test_united_states_is_not_the_verb_states(view_of, registry):
    assert cues_of(view_of, registry, "Pyongyang warned of consequences if the United States is not flexible.") == [
        ("Pyongyang warned", "North Korean government")
    ]


def test_a_surname_opening_a_longer_name_is_that_name(view_of, registry):
    body = "Zhang Jun, China's permanent representative to the United Nations, said the vote was wrong."
    assert cues_of(view_of, registry, body) == [
        ("Zhang Jun, China's permanent representative to the United Nations, said", "Zhang Jun")
    ]
