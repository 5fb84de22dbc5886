"""Self-checks: right, not yet (saying what the answer suggests), or not answered — never the answer itself."""

import datetime
import hashlib

import numpy as np
import pandas as pd
import pytest

from kit.teaching import selfcheck


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
    assert selfcheck.normalise_answer(answer) == normal


def test_the_fingerprint_is_salted_and_short():
    assert selfcheck.fingerprint(11) == "ef8b358295b9"
    assert selfcheck.fingerprint("11") == selfcheck.fingerprint(11.0)
    assert selfcheck.fingerprint(11) != hashlib.sha256(b"11").hexdigest()[:12], "salted"


def test_right_answer_in_any_accepted_form():
    expected = (selfcheck.fingerprint("The Korea Herald"), selfcheck.fingerprint("003_80d4a5ff23514f6a"))
    assert selfcheck.check("the korea herald", *expected).right is True
    assert selfcheck.check("003_80d4a5ff23514f6a", *expected).message == "right"


@pytest.mark.parametrize("variant", ["Korea Herald", "The Korea Herald", "the  korea herald", "THE KOREA HERALD"])
def test_a_name_is_right_with_or_without_the(variant):
    expected = selfcheck.fingerprint("The Korea Herald", kind="name")
    assert selfcheck.check(variant, expected, kind="name").right is True
    assert selfcheck.check("Herald", expected, kind="name").right is False


@pytest.mark.parametrize(
    "variant",
    [
        "2025-09-03",
        "3 September 2025",
        "September 3, 2025",
        "3rd Sept 2025",
        "Wednesday, 3 September 2025",
        datetime.date(2025, 9, 3),
        datetime.datetime(2025, 9, 3, 16, 0),
        pd.Timestamp("2025-09-03"),
        np.datetime64("2025-09-03"),
    ],
    ids=str,
)
def test_a_day_is_right_in_any_form_the_kit_reads(variant):
    expected = selfcheck.fingerprint("2025-09-03", kind="date")
    assert selfcheck.check(variant, expected, kind="date").right is True


@pytest.mark.parametrize("variant", ["2017-11", "November 2017", "Nov 2017", datetime.date(2017, 11, 1), "2017-11-30"])
def test_a_month_is_right_as_a_month_or_any_day_of_it(variant):
    expected = selfcheck.fingerprint("2017-11", kind="month")
    assert selfcheck.check(variant, expected, kind="month").right is True
    assert selfcheck.check("2018-11", expected, kind="month").right is False


def test_a_number_may_be_typed_as_text():
    expected = selfcheck.fingerprint(11, kind="number")
    assert selfcheck.check("11", expected, kind="number").right is True
    assert selfcheck.check(np.int64(11), expected, kind="number").right is True


def test_wrong_answer_says_what_it_suggests_and_not_the_answer():
    verdict = selfcheck.check(12, selfcheck.fingerprint(11), hint="a larger number counts a line twice")
    assert verdict.right is False
    assert repr(verdict) == "not yet: a larger number counts a line twice"
    assert "11" not in verdict.message


def test_a_known_mistake_is_explained_by_its_own_message():
    mistakes = {selfcheck.fingerprint(5, kind="number"): "5 is the related-story headlines alone: count every kind"}
    expected = selfcheck.fingerprint(11, kind="number")
    verdict = selfcheck.check(5, expected, kind="number", hint="count every kind", mistakes=mistakes)
    assert verdict.message == "not yet: 5 is the related-story headlines alone: count every kind"
    assert selfcheck.check(7, expected, kind="number", hint="count every kind", mistakes=mistakes).message == (
        "not yet: count every kind"
    )


@pytest.mark.parametrize(
    ("kind", "answer", "says"),
    [
        ("number", pd.DataFrame({"a": [1, 2]}), "this asks for one number; you gave a DataFrame"),
        ("number", "eleven", "this asks for one number; you gave 'eleven'"),
        ("date", "the 3rd", "this asks for a day; 'the 3rd' is not one the check can read"),
        ("date", "03/09/2025", "write it like 2025-09-03 or 3 September 2025"),
        ("month", "November", "this asks for a month; 'November' is not one"),
    ],
)
def test_an_answer_of_the_wrong_shape_says_which_shape_is_wanted(kind, answer, says):
    verdict = selfcheck.check(answer, selfcheck.fingerprint("2025-09-03", kind=kind), kind=kind)
    assert verdict.right is False and says in verdict.message


def test_without_a_hint_a_wrong_answer_says_look_again():
    assert selfcheck.check("x", selfcheck.fingerprint("y")).message == "not yet: look again"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind must be one of"):
        selfcheck.fingerprint(1, kind="colour")


@pytest.mark.parametrize("empty", [None, "", [], ()])
def test_an_empty_answer_is_not_answered_yet(empty):
    verdict = selfcheck.check(empty, selfcheck.fingerprint(11))
    assert verdict.right is None and verdict.message.startswith("not answered yet")


def test_zero_is_an_answer():
    assert selfcheck.check(0, selfcheck.fingerprint(0)).right is True
