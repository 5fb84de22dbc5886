"""kit.analyses.voices.actors: the registry file, its one-line errors, and actor mentions through the shared matcher."""

import pytest

from kit.analyses.voices import actors
from kit.errors import KitError
from tests.seeds import HERALD


@pytest.fixture(scope="module")
def registry():
    return actors.load_registry()


def test_default_registry_covers_the_seed_voices(registry):
    table = registry.table().set_index("actor_id")
    assert table.loc["kim_jong_un", ["name", "group", "surname"]].tolist() == ["Kim Jong Un", "official_dprk", "Kim"]
    assert (
        "Kim Jong-un" in table.loc["kim_jong_un", "aliases"] and "Chairman Kim" in table.loc["kim_jong_un", "aliases"]
    )
    assert table.loc["xi_jinping", ["group", "surname"]].tolist() == ["official_prc", "Xi"]
    assert table.loc["xinhua", ["group", "kind"]].tolist() == ["official_prc", "body"]
    assert table.loc["kcna", "group"] == "official_dprk"
    assert table.loc["prc_foreign_ministry", "group"] == "official_prc"
    assert table.loc["donald_trump", "group"] == "official_other"
    assert table.loc["kim_dong_yub", ["group", "surname"]].tolist() == ["analyst", "Kim"]
    assert {a.id for a in registry.with_surname("Kim")} >= {"kim_jong_un", "kim_dong_yub", "kim_il_sung"}


def test_mentions_longest_alias_wins_and_surnames_inside_full_names_are_dropped(seeds, registry):
    found = actors.mentions(seeds, registry)
    herald = found[found.doc_id == HERALD]
    text = seeds.documents.set_index("doc_id").text[HERALD]
    assert all(text[s:e] == m for s, e, m in zip(herald.start, herald.end, herald.match, strict=True))
    foreign_ministry = herald[herald.match == "China’s Foreign Ministry"]
    assert foreign_ministry.actor_id.tolist() == ["prc_foreign_ministry"]
    assert not (herald.start == int(foreign_ministry.start.iloc[0])).sum() > 1  # not also "China"
    assert "kim_dong_yub" in set(herald.actor_id)
    kims = herald[herald.surname == "Kim"]
    assert len(kims) and all(m == "Kim" for m in kims.match)  # "Kim" in "Kim Dong-yub" is not a bare surname


def write(tmp_path, content):
    path = tmp_path / "actors.yaml"
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("actors:\n  xi:\n    name: Xi Jinping\n    group: leader\n", "actor 'xi': group 'leader' is not one of"),
        ("actors:\n  xi:\n    group: official_prc\n", "actor 'xi': 'name' must be one line of text"),
        ("actors:\n  xi:\n    name: Xi\n    group: official_prc\n    rank: 1\n", "actor 'xi': unknown key(s) rank"),
        ("actors:\n  xi:\n    name: Xi\n    group: official_prc\n    kind: robot\n", "kind 'robot' is not one of"),
        (
            "actors:\n  xinhua:\n    name: Xinhua\n    group: official_prc\n    kind: body\n    surname: X\n",
            "actor 'xinhua': surname 'X' must be one word, and only a person has one",
        ),
        (
            "actors:\n  a:\n    name: Kim Jong Un\n    group: official_dprk\n"
            "  b:\n    name: Kim Dong-yub\n    group: analyst\n    aliases: [kim jong un]\n",
            "actor 'b', alias 'kim jong un': already an alias of 'a'",
        ),
        (
            "actors:\n  a:\n    name: A B\n    group: analyst\n  a:\n    name: C D\n    group: analyst\n",
            "line 5: duplicate key 'a' (first at line 2)",
        ),
        (
            "actors:\n  a:\n    name: A B\n    group: analyst\n    aliases: ['']\n",
            "actor 'a', entry '': pattern is empty",
        ),
        ("actors:\n  1a:\n    name: A B\n    group: analyst\n", "actor '1a': actor id must start with a letter"),
        ("people: {}\n", "expected a mapping with 'actors:'"),
    ],
)
def test_bad_registry_files_are_one_line_errors_naming_file_actor_and_field(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(KitError) as err:
        actors.load_registry(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_registry_file(tmp_path):
    with pytest.raises(KitError, match="actor registry not found"):
        actors.load_registry(tmp_path / "nope.yaml")
