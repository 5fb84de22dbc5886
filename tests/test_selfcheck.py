"""Self-checks: right, not yet, or not answered — never the answer itself."""

import hashlib

import pytest

from kit import selfcheck


@pytest.mark.parametrize(
    ("answer", "normal"),
    [
        (11, "11"),
        (11.0, "11"),
        (0.4464, "0.45"),
        ("  The Korea   Herald ", "the korea herald"),
        ("Kim Jong-un’s", "kim jong-un's"),
        (["b", "A"], "a|b"),
        (True, "true"),
    ],
)
def test_normalise(answer, normal):
    assert selfcheck.normalise(answer) == normal


def test_the_fingerprint_is_salted_and_short():
    assert selfcheck.fingerprint(11) == "ef8b358295b9"
    assert selfcheck.fingerprint("11") == selfcheck.fingerprint(11.0)
    assert selfcheck.fingerprint(11) != hashlib.sha256(b"11").hexdigest()[:12], "salted"


def test_right_answer_in_any_accepted_form():
    expected = (selfcheck.fingerprint("The Korea Herald"), selfcheck.fingerprint("003_80d4a5ff23514f6a"))
    assert selfcheck.check("the korea herald", *expected).right is True
    assert selfcheck.check("003_80d4a5ff23514f6a", *expected).message == "right"


def test_wrong_answer_says_not_yet_with_the_hint_and_not_the_answer():
    verdict = selfcheck.check(12, selfcheck.fingerprint(11), hint="count every kind")
    assert verdict.right is False
    assert repr(verdict) == "not yet: look again (count every kind)"
    assert "11" not in verdict.message


@pytest.mark.parametrize("empty", [None, "", [], ()])
def test_an_empty_answer_is_not_answered_yet(empty):
    verdict = selfcheck.check(empty, selfcheck.fingerprint(11))
    assert verdict.right is None and verdict.message.startswith("not answered yet")


def test_zero_is_an_answer():
    assert selfcheck.check(0, selfcheck.fingerprint(0)).right is True
