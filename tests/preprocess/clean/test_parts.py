"""kit.preprocess.clean.parts: the prefixes and suffixes cut from a line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.preprocess.clean import parts


def test_cut_parts_cuts_prefixes_and_suffixes_outermost_first():
    text = "date 2019-06-21 SEOUL: The talks ended. (Yonhap)"
    start, rest, cuts = parts.cut_parts(text, "")
    assert (start, rest) == (16, "SEOUL: The talks ended.")
    assert [(c.part, c.kind, c.text) for c in cuts] == [
        ("prefix", "date_line", "date 2019-06-21 "),
        ("suffix", "agency_signoff", " (Yonhap)"),
    ]
    assert text[start : start + len(rest)] == rest


@pytest.mark.parametrize(
    ("text", "kind", "cut"),
    [
        ("[The Financial News] Signs of strain are emerging", "credit", "[The Financial News] "),
        ("[AP] | China's second-ranking official,", "credit", "[AP] | "),
        ("MENAFN - UkrinForm) The cooperation between North Korea and Russia", "credit", "MENAFN - UkrinForm) "),
        ("INTRO:  China has acknowledged that reclusive North", "script_label", "INTRO:  "),
    ],
)
def test_a_credit_or_script_label_opening_the_lead_is_cut(text, kind, cut):
    start, rest, cuts = parts.cut_parts(text, "")
    assert [(c.part, c.kind, c.text) for c in cuts] == [("prefix", kind, cut)]
    assert rest == text[len(cut) :] and start == len(cut)


def test_speaker_labels_of_a_transcript_are_not_cut():
    assert parts.cut_parts("REPORTER: Will the talks resume?", "")[2] == ()


def test_a_videos_running_time_is_cut_as_a_suffix():
    text = "A full transcript can be found at the bottom of this page. (1 hr., 23 min.)"
    _, rest, cuts = parts.cut_parts(text, "")
    assert rest == "A full transcript can be found at the bottom of this page."
    assert [(c.kind, c.text) for c in cuts] == [("navigation", " (1 hr., 23 min.)")]


def test_a_line_that_starts_with_the_headline_has_it_cut():
    headline = "North Korean trade with China halted by COVID outbreak"
    start, rest, cuts = parts.cut_parts(f"{headline} A train crosses the bridge in this file photo.", headline)
    assert start == len(headline) + 1
    assert rest == "A train crosses the bridge in this file photo." and cuts[0].kind == "headline"
    assert parts.cut_parts("The North is poor (WPK)", "")[1] == "The North is poor (WPK)"  # no sentence end before


@pytest.mark.parametrize("pattern", list(parts.SUFFIX_ENDINGS), ids=lambda p: p.pattern[:30])
def test_a_line_holding_a_suffix_ends_as_its_pattern_needs(pattern):
    # cut_parts skips a suffix on a line not ending so: strings built from the pattern must all end so.
    @settings(max_examples=200, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def check(line):
        if "\n" not in line and pattern.search(line):
            assert line.endswith(parts.SUFFIX_ENDINGS[pattern]), line

    check()
