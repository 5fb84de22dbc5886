"""kit.analyses.voices.roles: what a role says about a speaker's group, what a body's name says about its type."""

import pytest

from kit.analyses.voices import roles


@pytest.mark.parametrize(
    ("description", "group"),
    [
        ("a spokesperson for China's foreign ministry", "official_prc"),
        ("North Korea's vice foreign minister", "official_dprk"),
        ("Chinese Foreign Ministry spokesman", "official_prc"),
        ("a professor at Renmin University", "analyst"),
        ("director at the Korea Institute for National Unification", "analyst"),
        ("the US president", "official_other"),
        ("South Korea's ambassador to China", "official_other"),  # posted to China, not China's
        ("China's permanent representative to the United Nations", "official_prc"),
        ("a diplomatic source in Beijing", "unnamed_source"),
        ("a resident of the city", "public"),
        ("an official at a Dandong-based travel agency", "business"),  # not a state official
        ("Foreign Ministry spokesman", "unknown"),  # an office with no state named: no side is guessed
        ("one diplomat", "unnamed_source"),  # an unnamed person in an office of no named state
        ("the Russian Foreign Ministry", "official_other"),
        ("a State Department official", "official_other"),
        ("South Korea's unification minister", "official_other"),
        ("a trader in North Pyongan", "business"),
        ("a North Korean defector living in Seoul", "public"),
        ("a reporter for the Korea Herald", "unknown"),  # outlets are placed by the registry, not guessed
        ("a KCNA reporter", "official_dprk"),
        ("a Xinhua correspondent", "official_prc"),  # a state medium's journalist speaks for its side
        ("a Workers' Party official", "official_dprk"),
        ("a senior Chinese official", "official_prc"),
        ("The two leaders", "unknown"),  # no side named
        ("Chinese tour firms", "business"),
        ("head of Seoul-based rights NGO Justice for North Korea", "ngo"),  # an NGO's head holds no office
        ("an activist with a Chinese human rights group", "ngo"),
        ("another travel agent in Dandong", "business"),
    ],
)
def test_classify_role(description, group):
    assert roles.classify_role(description) == group


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Rodong Sinmun", "newspaper"),
        ("Global Times", "newspaper"),
        ("Korean Central News Agency", "agency"),
        ("Yonhap", "agency"),
        ("Korean Central Television", "broadcaster"),
        ("the Foreign Ministry", "ministry"),
        ("Workers' Party of Korea", "party"),
        ("UN Security Council", "council"),
        ("Carnegie Endowment for International Peace", ""),
    ],
)
def test_body_type(name, kind):
    assert roles.body_type(name) == kind


@pytest.mark.parametrize(
    ("phrase", "split"),
    [
        ("Chinese Foreign Ministry spokesman Hong Lei", ("Chinese Foreign Ministry spokesman", "Hong Lei")),
        ("Ambassador Lee", ("Ambassador", "Lee")),
        ("NK Pro founder Chad O’Carroll", ("NK Pro founder", "Chad O’Carroll")),
        ("Wang Yi", ("", "Wang Yi")),
        ("China Lee Kyu-hyung", ("China", "Lee Kyu-hyung")),
    ],
)
def test_split_title(phrase, split):
    assert roles.split_title(phrase) == split


def test_name_parts_keep_hyphenated_given_names_whole():
    assert roles.name_parts("Lee Kyu-hyung") == {"Lee", "Kyu-hyung"}
    assert {"O'Carroll", "O’Carroll"} <= roles.name_parts("Chad O’Carroll")


def test_reporting_verbs_are_found_whatever_their_case_and_only_as_words():
    text = "He SAID so; they Pointed Out that she used the metaphor; unsaid, sayings and Sayid are not verbs."
    assert [m.group() for m in roles.REPORTING_VERBS.finditer(text)] == ["SAID", "Pointed Out", "used the metaphor"]
