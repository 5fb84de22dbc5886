"""kit.analyses.voices.phrases: what a noun phrase names, and descriptions as speakers."""

import pytest

from kit.analyses.voices import mentions, phrases


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        (
            "an official at a Dandong-based travel agency",
            ("an official at a Dandong-based travel agency", "business", True, ""),
        ),
        ("a diplomatic source in Beijing", ("a diplomatic source in Beijing", "unnamed_source", True, "")),
        ("Analysts", ("Analysts", "analyst", False, "")),
        ("a state-run newspaper", ("a state-run newspaper", "unknown", False, "newspaper")),
        ("North Korean state media", ("North Korean state media", "official_dprk", False, "media")),
        ("state media Thursday", ("state media", "unknown", False, "media")),  # a time is not part of it
        ("the US president", ("the US president", "official_other", False, "")),
        ("South Korea’s Yonhap news agency", ("Yonhap", "unknown", False, "agency")),  # an outlet's side is not guessed
        ("China's state-run Global Times newspaper", ("Global Times", "official_prc", False, "newspaper")),
        ("the Korean Central News Agency", ("the Korean Central News Agency", "unknown", False, "agency")),
    ],
)
def test_describe(phrase, speaker):
    found = phrases.describe(phrase)
    assert (found.name, found.group, found.is_person, found.body_type) == speaker


def test_with_roles_keeps_the_first_role_and_takes_the_group_from_the_roles():
    speaker = phrases.describe("Lee Min-ho")
    found = phrases.with_roles(speaker, ["a research fellow at the Asan Institute"])
    assert (found.role, found.group) == ("a research fellow at the Asan Institute", "analyst")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "“The talks are over for now,” a researcher at the Asan Institute told reporters.",
            "a researcher at the Asan Institute",
        ),
        (
            "“The talks are over for now,” an official at the J.M. Missionary Union said.",
            "an official at the J.M. Missionary Union",
        ),
    ],
)
def test_a_name_after_a_preposition_and_its_article_or_initials_is_not_the_head(view_of, registry, sentence, speaker):
    view = view_of(sentence)
    reader = phrases.Reader(view, mentions.build_memory(view, registry), registry)
    start = view.text.index(speaker)
    head = phrases.noun_phrase(reader, start, start + len(speaker), 0)
    assert (head.speaker.name, head.described) == (speaker, True)
