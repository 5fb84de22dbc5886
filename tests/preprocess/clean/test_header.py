"""kit.preprocess.clean.header: the header block above the body never takes the lead or the paragraph after it."""

from __future__ import annotations

import pytest

from kit.preprocess import clean


def _kinds(raw: str, headline: str = "") -> dict[str, str]:
    return {ln.text: ln.kind for ln in clean.classify_lines(raw, headline=headline)}


SHORT_PARAGRAPH = "The two leaders discussed trade and the stalled nuclear talks, the agency said."
LAST_PARAGRAPH = "Analysts said Beijing wanted to keep its influence over Pyongyang."


@pytest.mark.parametrize("anchor", ["Posted: Oct. 10, 2016", "By Jane Doe", "Photo: AFP", "Updated 3 hours ago"])
def test_two_sentences_above_an_anchor_end_the_header(anchor):
    # A standfirst is one sentence: the lead and the paragraph after it are not pulled into the header by a date
    # line, a byline or a credit printed below them.
    raw = f"Leaders Meet\n\nThe leaders met in Beijing.\n\n{SHORT_PARAGRAPH}\n\n{anchor}\n\n{LAST_PARAGRAPH}"
    kinds = _kinds(raw, "Leaders Meet")
    assert kinds["The leaders met in Beijing."] == kinds[SHORT_PARAGRAPH] == kinds[LAST_PARAGRAPH] == "paragraph"
    assert kinds[anchor] not in ("paragraph", "subheading")


@pytest.mark.parametrize(("above", "kind"), [(SHORT_PARAGRAPH, "paragraph"), ("Kim waves to the crowd.", "caption")])
def test_the_line_above_a_photo_credit_is_its_caption_unless_it_is_told_in_the_past(above, kind):
    raw = f"Leaders Meet\n\nThe leaders met in Beijing on Monday.\n\n{above}\n\nPhoto: AFP\n\n{LAST_PARAGRAPH}"
    assert _kinds(raw, "Leaders Meet")[above] == kind


@pytest.mark.parametrize("below_credit", ["Photo: AFP", "Kim waves to the crowd.\n\nPhoto: AFP"])
def test_a_sentence_below_the_byline_and_date_is_the_lead_even_above_a_photo(below_credit):
    lead = "North Korea fired a missile."
    raw = f"Missile Launch\n\nBy Jane Doe\n\nOct. 10, 2016\n\n{lead}\n\n{below_credit}\n\n{LAST_PARAGRAPH}"
    assert _kinds(raw, "Missile Launch")[lead] == "paragraph"


def test_a_standfirst_above_the_byline_is_still_removed():
    standfirst = "Pyongyang tests Beijing's patience again."
    raw = f"Missile Launch\n\n{standfirst}\n\nBy Jane Doe\n\n{SHORT_PARAGRAPH}\n\n{LAST_PARAGRAPH}"
    assert _kinds(raw, "Missile Launch")[standfirst] == "standfirst"


def test_a_hard_wrapped_line_that_opens_like_a_list_of_stories_is_body():
    raw = f"{SHORT_PARAGRAPH}\nLatest figures from the customs office show that\nexports fell 5 percent.\n\n{LAST_PARAGRAPH}"
    assert _kinds(raw)["Latest figures from the customs office show that"] == "paragraph"


@pytest.mark.parametrize(("last", "kind"), [("Asia Pacific", "section_label"), ("In Seoul, So", "paragraph")])
def test_a_title_case_name_after_the_last_paragraph_is_no_paragraph_cut_off(last, kind):
    raw = f"Leaders Meet\n\n{SHORT_PARAGRAPH}\n\n{LAST_PARAGRAPH}\n\n{last}"
    assert _kinds(raw, "Leaders Meet")[last] == kind


def test_the_lines_of_a_hard_wrapped_paragraph_made_of_common_words_stay():
    raw = f"{SHORT_PARAGRAPH}\nThe ministry said officials would wait\nto see the new\nreport.\n\n{LAST_PARAGRAPH}"
    kinds = _kinds(raw)
    assert kinds["to see the new"] == kinds["report."] == "paragraph"
