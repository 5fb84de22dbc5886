"""kit.preprocess.clean.reading: whether a line reads as prose, a date, a menu, a lead, or runs on into the next."""

from __future__ import annotations

import pytest

from kit.preprocess.clean import reading


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The talks ended. Both sides said they would meet again", True),  # two sentences
        ("“We will never forget their heroic service to the two countries", True),  # a quotation
        ("x" * 151, True),
        ("Kim Jong-il greets China's Wen Jiabao in Pyongyang", False),
        ("1. Inhalt", False),  # a numbered menu item is not two sentences
        ("U.S. President Donald Trump", False),  # nor is an abbreviation
        ("Rodong Sinmun Slams U.S. Talk about “China Responsible” for DPRK’s Step", False),  # a scare quote
    ],
)
def test_reads_as_prose(text, prose):
    assert reading.reads_as_prose(text) is prose


@pytest.mark.parametrize(
    "text",
    [
        "17:08, April 12, 2010",
        "May 22, 2012 at 6:14 AM",
        "October 10, 2020 at 08:30 JST",
        "Xinhua) 13:06, October 09, 2025",
        "5- 19.06.2024, 17:10",
        "Pyongyang, December 22 (KCNA)",
        "Saturday, October 10, 2015, 18:12",
    ],
)
def test_a_line_that_is_only_a_time_stamped_dateline(text):
    assert reading.is_dateline(text)


@pytest.mark.parametrize(
    "text",
    ["In 2019 the two leaders met five times", "China is the North's only major ally.", "Six-Party Talks"],
)
def test_sentences_with_dates_are_not_datelines(text):
    assert not reading.is_dateline(text)


@pytest.mark.parametrize(
    ("text", "navigation"),
    [
        ("PrintPrint CiteCite", True),
        ("Style: MLAAPAChicago Close", True),
        ("Text size Aa Aa", True),
        ("share with facebook", True),
        ("Share this on", True),
        ("Print the text of the treaty", False),
        ("aa" * 200, False),  # a long run-together word is not tried split by split
    ],
)
def test_navigation_strips(text, navigation):
    assert reading.is_navigation(text) is navigation


# Body sentences that start like furniture must stay body.
@pytest.mark.parametrize(
    ("text", "after", "runs_on"),
    [
        ("A senior Chinese official visiting North Korea said", "yesterday that the nuclear standoff", True),
        ("China's No. 2", "leader Wu Bangguo, left, talks with Kim Yong Nam", True),  # lower case goes on
        ("[AP] | China's second-ranking official,", "National People's Congress Chairman", True),  # a comma
        ("The three-way talks, including N. Korea, the United States and host China in", "April, and the", True),
        ("Former President Jiang Zemin visited Pyongyang in September", "2001.", True),  # a digit goes on
        ("Kim visits Beijing", "North Korean leader Kim Jong Un arrived on Monday.", False),  # a headline
        ("The talks ended.", "yesterday was the last day", False),  # a sentence ends
    ],
)
def test_a_hard_wrapped_line_runs_on(text, after, runs_on):
    assert reading.runs_on(text, after) is runs_on


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("SEOUL, March 5 (Yonhap) -- North Korea fired a missile.", True),  # a dateline
        ("BEIJING (Reuters) - China said it opposed new sanctions.", True),
        ("North Korean leader Kim Jong Un arrived in Beijing on Tuesday.", True),  # the day of the event
        ("China said yesterday it would resume talks.", True),
        ("Ri Su Yong delivered a personal letter from Kim Jong Un.", False),  # standfirsts of the corpora
        ("Beijing is cautious about deepening cooperation between Russia and North Korea.", False),
    ],
)
def test_a_line_that_reads_as_a_lead(text, lead):
    assert reading.reads_as_lead(text) is lead


@pytest.mark.parametrize(
    "text",
    ["BEIJING, Oct. 10, Kyodo", "Seoul, March 5 (Yonhap News)", "Pyongyang, December 22 (KCNA)"],
)
def test_a_place_day_and_agency_line(text):
    assert reading.PLACE_DATELINE.match(text)


def test_a_short_path_of_sections_is_no_menu():
    assert not reading.is_menu("Features | Diplomacy | East Asia")  # a section label, as before
    assert reading.is_menu("Education  |  Music  |  Weather  |  Bulletin Board  |  Photo Gallery")


def test_straight_changes_only_curly_quotes_and_no_break_spaces():
    line = "“Talks,” he said\u00a0— ‘soon’ — ½ \u2019s"
    assert reading.straight(line) == "\"Talks,\" he said — 'soon' — ½ 's"
    assert len(reading.straight(line)) == len(line)


# The patterns searched through every paragraph behind a look-ahead for their first characters, and the same
# patterns without it: the look-ahead must change no match.


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Kim waves to the crowd in Pyongyang.", True),  # told in the present: a caption
        ("Kim Jong Un at the rally", True),  # no sentence
        ("The two leaders discussed trade.", False),  # told in the past: a paragraph
        ("Analysts say the meeting matters.", False),  # reported
    ],
)
def test_the_line_above_a_photo_credit_may_be_its_caption(text, caption):
    assert reading.may_be_caption(text) is caption


@pytest.mark.parametrize(
    ("text", "navigation"),
    [
        ("Show comments", True),
        ("Terms of use | Privacy policy", True),
        ("Report an error", True),
        ("of the report.", False),  # the end of a sentence wrapped over lines
        ("support of the", False),  # common words only: a wrapped line of body text
        ("See more of this on page 12.", False),
        ("Back to the Table", False),
    ],
)
def test_a_navigation_strip_needs_a_word_of_its_own_and_no_sentence_end(text, navigation):
    assert reading.is_navigation(text) is navigation
