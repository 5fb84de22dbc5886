import pandas as pd
import pytest

from kit.preprocess import clean
from tests.scaling import assert_linear
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, SCMP

# (paragraphs, first body sentence starts, last body sentence ends) per seed, checked by hand.
EXPECTED = {
    CHOSUN: (10, "With Kim Jong Un, the Chairperson", "regarding North-China economic cooperation."),
    DIPLOMAT_2018: (15, "After days of intense speculation", "(which Yang also participated in)."),
    SCMP: (29, "North Korean leader Kim Jong-un said during", "without China’s support,” he said."),
    HERALD: (23, "North Korean leader Kim Jong-un’s meeting", "as well as a regime change."),
    DIPLOMAT_2024: (23, "A Chinese party and government delegation", "make the most of that opportunity."),
}


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_body_paragraphs_and_first_and_last_sentence(seeds, doc_id):
    n_paragraphs, first, last = EXPECTED[doc_id]
    assert (seeds.paragraphs.doc_id == doc_id).sum() == n_paragraphs
    sentences = seeds.sentences[seeds.sentences.doc_id == doc_id].text
    assert sentences.iloc[0].startswith(first)
    assert sentences.iloc[-1].endswith(last)


def test_removed_kinds_per_seed(seeds):
    kinds = {doc_id: group.kind.value_counts().to_dict() for doc_id, group in seeds.removed.groupby("doc_id")}
    assert CHOSUN not in kinds  # nothing to remove
    assert kinds[DIPLOMAT_2018] == {"headline": 3, "section_label": 3, "standfirst": 1, "caption": 1, "credit": 1}
    assert kinds[SCMP] == {
        "related_story": 5,
        "date_line": 2,
        "section_label": 1,
        "headline": 1,
        "standfirst": 1,
        "additional_reporting": 1,
    }
    assert kinds[HERALD] == {"caption": 2, "section_label": 1, "headline": 1, "byline": 1}
    assert kinds[DIPLOMAT_2024] == {"headline": 3, "section_label": 2, "standfirst": 1, "caption": 1, "credit": 1}


def test_removal_log_names_line_and_text(seeds):
    removed = seeds.removed.set_index(["doc_id", "line"])
    assert removed.loc[(SCMP, 7), "kind"] == "date_line"
    assert removed.loc[(SCMP, 7), "text"] == "PUBLISHED : Wednesday, 28 March, 2018, 9:45pm"
    assert removed.loc[(HERALD, 54), "text"] == "By Ock Hyun-ju\u00a0("  # logged as written
    assert removed.loc[(DIPLOMAT_2018, 17), "kind"] == "credit"
    assert (
        removed.loc[(SCMP, 22), "text"]
        == "Kim and Xi share wine and smiles during North Korean leader’s landmark visit"
    )


def test_no_body_paragraph_is_removed(seeds):
    # Every removed line is short furniture or a standfirst/caption, never a quoted or attributed paragraph.
    assert not seeds.removed.text.str.contains(r"\bsaid\b|“", regex=True).any()


def test_real_subheading_is_kept(seeds):
    paragraphs = seeds.paragraphs
    subheadings = paragraphs[paragraphs.kind == "subheading"]
    assert subheadings.text.tolist() == ["The Possibility of Wide-ranging Collaboration Between North Korea and China"]
    assert subheadings.doc_id.tolist() == [DIPLOMAT_2024]


def test_paragraph_offsets_point_into_the_cleaned_text(seeds):
    texts = dict(zip(seeds.documents.doc_id, seeds.documents.text, strict=True))
    for p in seeds.paragraphs.itertuples():
        assert texts[p.doc_id][p.start : p.end] == p.text
    assert "\u00a0" not in "".join(texts.values())


def test_cleaning_does_not_touch_raw_text(seeds):
    assert seeds.documents.raw_text.str.contains("Credit: AP Photo").any()


NEW_ARTICLE = """World

Leaders Meet Again in Pyongyang

A short standfirst line about the meeting and what it means.

PUBLISHED : Monday, 1 April, 2019, 8:00am

The two leaders met on Monday, officials said.

Why the summit matters more than ever

“We are friends,” the minister said.

A photograph released on Monday shows the leaders shaking hands. (Reuters)

Regional Outlook

Analysts expect more visits this year.

Additional reporting by A. Writer"""


def test_a_new_article_from_the_same_outlets_is_cleaned_by_rule():
    lines = clean.classify_lines(NEW_ARTICLE, headline="Leaders meet again in Pyongyang")
    kinds = {ln.text: ln.kind for ln in lines}
    assert kinds["World"] == "section_label"
    assert kinds["Leaders Meet Again in Pyongyang"] == "headline"
    assert kinds["A short standfirst line about the meeting and what it means."] == "standfirst"
    assert kinds["PUBLISHED : Monday, 1 April, 2019, 8:00am"] == "date_line"
    assert kinds["Why the summit matters more than ever"] == "related_story"
    assert kinds["A photograph released on Monday shows the leaders shaking hands. (Reuters)"] == "caption"
    assert kinds["Regional Outlook"] == "subheading"
    assert kinds["Additional reporting by A. Writer"] == "additional_reporting"
    body = [ln.text for ln in lines if ln.kind == "paragraph"]
    assert body == [
        "The two leaders met on Monday, officials said.",
        "“We are friends,” the minister said.",
        "Analysts expect more visits this year.",
    ]


def test_without_a_header_everything_is_body():
    lines = clean.classify_lines("First paragraph here.\n\nSecond paragraph here.")
    assert [ln.kind for ln in lines] == ["paragraph", "paragraph"]


def test_paragraphs_record_where_they_start_in_the_raw_text():
    raw = "Headline here\n\n  First paragraph, with words.\n\u00a0Second one ends here.\n"
    documents = pd.DataFrame([{"doc_id": "d", "headline": "Headline here", "raw_text": raw}])
    _, _, paragraphs = clean.clean(documents)
    for row in paragraphs.itertuples(index=False):
        assert raw[row.raw_start : row.raw_start + len(row.text)] == row.text
    first = raw.index("paragraph")
    assert clean.cleaned_span(paragraphs, first, first + 9) == (6, 15)
    assert clean.cleaned_span(paragraphs, 0, 8) is None  # the headline is not in the body


# ---------------------------------------------------------------- cleaning never eats the article


def _clean_one(raw: str, headline: str = "") -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    documents = pd.DataFrame([{"doc_id": "d", "headline": headline, "raw_text": raw}])
    return clean.clean(documents)


def _kinds(raw: str, headline: str = "") -> dict[str, str]:
    return {ln.text: ln.kind for ln in clean.classify_lines(raw, headline=headline)}


LONG_SENTENCE = (
    "The two sides agreed that the talks on the nuclear issue would resume after the summer, officials in Seoul and "
    "Beijing said on Monday, without giving a date"
)


@pytest.mark.parametrize(
    "line",
    [
        LONG_SENTENCE,  # more than 150 characters, no full stop
        "The talks ended. Both sides said they would meet again",  # several sentences
        "“We will never forget their heroic service to the two countries",  # a quotation
    ],
)
def test_a_line_that_reads_as_prose_is_never_furniture_whatever_its_last_character(line):
    raw = f"Leaders Meet\n\nThe first paragraph, which says what happened.\n\n{line}\n\nAnother paragraph follows here."
    assert _kinds(raw, "Leaders Meet")[line] == "paragraph"


def test_a_truncated_last_paragraph_stays():
    raw = "Leaders Meet\n\nThe leaders met on Monday.\n\nOfficials said the talks would resume in the"
    assert _kinds(raw, "Leaders Meet")["Officials said the talks would resume in the"] == "paragraph"


@pytest.mark.parametrize(
    ("line", "kept", "cut"),
    [
        ("The North is desperately poor. (Yonhap)", "The North is desperately poor.", "(Yonhap)"),
        ("Talks will resume, he said. — Reuters", "Talks will resume, he said.", "— Reuters"),
        (
            "Beijing said it was not informed. kld (AFP, Reuters)",
            "Beijing said it was not informed.",
            "kld (AFP, Reuters)",
        ),
        (
            "Trade fell 10 percent in May. (Reporting by Jane Doe; Editing by John Roe)",
            "Trade fell 10 percent in May.",
            "(Reporting by Jane Doe; Editing by John Roe)",
        ),
        (
            "Socialism will always emerge victorious, the article stresses. -0-",
            "Socialism will always emerge victorious, the article stresses.",
            "-0-",
        ),
    ],
)
def test_agency_sign_offs_are_cut_as_a_suffix_and_logged(line, kept, cut):
    raw = f"The leaders met on Monday in Pyongyang.\n\n{line}"
    cleaned, removed, paragraphs = _clean_one(raw)
    assert paragraphs.text.tolist()[-1] == kept
    row = removed.iloc[-1]
    assert (row.line, row.part, row.text, bool(row.suspect)) == (3, "suffix", cut, False)
    assert cleaned.text.iloc[0].endswith(kept)


@pytest.mark.parametrize(
    ("line", "kept", "cut", "kind"),
    [
        (
            " date 2019-06-21 SEOUL: Kim and Xi agreed to deepen ties.",
            "SEOUL: Kim and Xi agreed to deepen ties.",
            "date 2019-06-21 ",
            "date_line",
        ),
        (
            "[Anchor] “We will meet again soon,” the minister said.",
            "“We will meet again soon,” the minister said.",
            "[Anchor] ",
            "script_label",
        ),
    ],
)
def test_a_prefix_is_cut_and_the_paragraph_still_maps_to_the_raw_text(line, kept, cut, kind):
    raw = f"{line}\n\nThe second paragraph is here."
    _, removed, paragraphs = _clean_one(raw)
    first = paragraphs.iloc[0]
    assert first.text == kept
    assert raw[first.raw_start : first.raw_start + len(kept)] == kept
    assert removed[["part", "kind", "text"]].iloc[0].tolist() == ["prefix", kind, cut.strip()]


GENERAL_FURNITURE = [
    ("By Jane Doe", "byline"),
    ("By: Jane Doe", "byline"),
    ("By Agencies", "byline"),
    ("By Simon Martin, AFP", "byline"),
    ("Author: Scott Snyder, Senior Fellow for Korea Studies", "byline"),
    ("Continue reading…", "related_story"),
    ("Read more: Can China break the deadlock?", "related_story"),
    ("Email | Print | Subscribe | Comments", "navigation"),
    ("share with facebook", "navigation"),
    ("Home > Asia", "navigation"),
    ("[Anchor]", "script_label"),
    ("[Reporter]", "script_label"),
    ("Xinhua) 09:15, March 3, 2021", "date_line"),
    ("Updated: 2021-07-11 10:46 AM", "date_line"),
    ("Posted February. 21, 2012 00:52,", "date_line"),
    ("Copyright 2010 The Associated Press. All rights reserved.", "copyright"),
    ("Advertisement", "section_label"),
    ("(Web editor: Zhang Kaiwei)", "credit"),
    ("Reporting by Ben Blanchard; Editing by Tony Munroe", "additional_reporting"),
    ("kld/sms (AFP, Reuters)", "agency_signoff"),
    ("3 Min Read", "navigation"),
]


@pytest.mark.parametrize(("line", "kind"), GENERAL_FURNITURE)
def test_general_furniture_is_recognised_in_the_middle_of_the_body(line, kind):
    raw = f"The leaders met on Monday in Pyongyang.\n\n{line}\n\nThey agreed to meet again next year."
    assert _kinds(raw)[line] == kind


def test_a_standfirst_that_repeats_the_lead_is_removed():
    raw = (
        "China Resumes Talks\n\nPUBLISHED : Monday, 1 April, 2019\n\n- 10,250\n\n"
        "Beijing is cautious about deepening cooperation between Russia and North Korea.\n\n"
        "China reacted cautiously as Russia and North Korea deepened their cooperation. Beijing avoids any pact.\n\n"
        "Officials said more talks were planned."
    )
    kinds = _kinds(raw, "China Resumes Talks")
    assert kinds["Beijing is cautious about deepening cooperation between Russia and North Korea."] == "standfirst"
    assert kinds["Officials said more talks were planned."] == "paragraph"


def test_a_long_removal_is_flagged_suspect_and_warned_about():
    caption = "A photograph released on Monday shows " + "the leaders shaking hands at the airport " * 4 + "(Reuters)"
    with pytest.warns(clean.CleaningWarning, match=r"d line 3: removed \d+ characters as caption .*'A photograph"):
        _, removed, _ = _clean_one(f"The leaders met on Monday.\n\n{caption}\n\nThey agreed to meet again.")
    assert removed[["line", "kind", "part"]].iloc[0].tolist() == [3, "caption", "whole"]
    assert bool(removed.suspect.iloc[0])


def test_seed_removals_over_150_characters_are_the_four_captions(seeds):
    suspect = seeds.removed[seeds.removed.suspect.astype(bool)]
    assert suspect.kind.tolist() == ["caption"] * 4
    assert sorted(zip(suspect.doc_id, suspect.line, strict=True)) == [
        (DIPLOMAT_2018, 15),
        (HERALD, 21),
        (HERALD, 22),
        (DIPLOMAT_2024, 13),
    ]
    assert (seeds.removed.part == "whole").all()  # no seed line is cut in part


def test_a_text_of_repeated_lines_keeps_one_copy():
    raw = "\n".join(["The talks will resume on Monday, officials said."] * 1000)
    _, removed, paragraphs = _clean_one(raw)
    assert paragraphs.text.tolist() == ["The talks will resume on Monday, officials said."]
    assert len(removed) == 999 and set(removed.kind) == {"repeated_line"}


def test_an_article_cleaned_to_nothing_is_a_warning():
    with pytest.warns(clean.CleaningWarning, match="d: cleaning kept no line of the article"):
        _, _, paragraphs = _clean_one("Share\n\nPrint\n\nAdvertisement")
    assert paragraphs.empty


def test_cleaning_time_grows_linearly_with_the_article():
    # Four times the article takes about four times the CPU time (a quadratic step would take sixteen times).
    block = "By Jane Doe\n\nThe talks ended. (Yonhap)\n\nShare\n\n“We will meet again,” he said. -0-\n\n"

    def article(copies: int) -> str:
        raw = "".join(f"Paragraph {i} of the article, officials said.\n\n{block}" for i in range(copies))
        return raw + "A  " + " " * (10 * copies) + "b -0-"  # a long run of spaces before a sign-off

    assert_linear(lambda raw: clean.classify_lines(raw, headline="Leaders Meet in Pyongyang Again"), article, 300)


def test_list_items_a_body_line_introduces_are_kept_without_full_stops():
    raw = (
        "Trade Slumps\n\nThe review indicates the following:\n\n- Exports rose 10 percent\n- Imports fell\n\n"
        "Analysts expect more.\n\nMost read\n\n• Kim visits Russia\n\n• Xi meets Biden"
    )
    kinds = _kinds(raw, "Trade Slumps")
    assert kinds["- Exports rose 10 percent"] == kinds["- Imports fell"] == "paragraph"
    assert kinds["• Kim visits Russia"] == kinds["• Xi meets Biden"] == "related_story"  # a box of links, not a list


# ---------------------------------------------------------------- issue #22: kinds kept before, and leads and subheadings


# A radio script hard-wrapped at 55 characters (devcorpus2 001, VOA): every line is body, whatever it ends with.
WRAPPED_SCRIPT = """Find a Security Clearance Job!

Weapons of Mass Destruction (WMD)

INTRO:  China has acknowledged that reclusive North
Korean leader Kim Jong-il visited Beijing earlier this
week on his first known foreign trip in 17 years.
TEXT:  Kim Jong-il came to Beijing just days before he
is to meet with South Korean President Kim Dae-jung in
an unprecedented summit.
/// INTERPRETER ACT ///
General Secretary Mr. Kim Jong-il expressed and
told the Chinese side that the (North Korean)
side is building (North Korean) style socialism
/// END ACT ///
Reports on Mr. Kim's surprise visit had him arriving
in Beijing and departing the Chinese"""


def test_hard_wrapped_lines_are_body_and_script_labels_are_cut():
    lines = clean.classify_lines(WRAPPED_SCRIPT)
    kinds = {ln.number: ln.kind for ln in lines}
    assert kinds[1] == "promotion" and kinds[3] == "section_label"
    assert [kinds[n] for n in (5, 6, 7, 8, 9, 10, 12, 13, 14, 16, 17)] == ["paragraph"] * 11
    assert kinds[11] == kinds[15] == "script_label"
    cuts = {ln.number: [(c.kind, c.text) for c in ln.cuts] for ln in lines if ln.cuts}
    assert cuts == {5: [("script_label", "INTRO:  ")], 8: [("script_label", "TEXT:  ")]}


def test_a_wrapped_caption_is_removed_line_by_line_and_the_wrapped_lead_kept():
    raw = (  # devcorpus2 011 (China Daily, 2003): a hard-wrapped page without blank lines
        "A senior Chinese official visiting North Korea said\n"
        "yesterday that the nuclear standoff must be\n"
        "solved through talks.\n"
        "China's No. 2\n"
        "leader Wu Bangguo, left, talks with Kim Yong Nam, head of the Presidium of\n"
        "the Supreme People's Assembly, in Pyongyang on Wednesday October 29, 2003.\n"
        "[AP] | China's second-ranking official,\n"
        "National People's Congress Chairman Wu Bangguo, continued Thursday a\n"
        "high-profile mission to North Korea."
    )
    lines = clean.classify_lines(raw)
    assert [ln.kind for ln in lines] == ["paragraph"] * 3 + ["caption"] * 3 + ["paragraph"] * 3
    assert lines[6].text == "China's second-ranking official," and lines[6].cuts[0].text == "[AP] | "


# An invented hard-wrapped wire story: every line filled to about 60 characters, no blank lines.
HARD_WRAPPED = (
    "Talks resume in Beijing\n"
    "The foreign ministers of the two countries met in Beijing on\n"
    "Tuesday and agreed to resume talks on the nuclear issue, a \n"
    "spokesman for the ministry said at a regular briefing, adding\n"
    "that the next round would be held before the end of the year\n"
    "in the Chinese capital. The spokesman did not say who would\n"
    "lead the delegation of the North, which has boycotted talks\n"
    "since 2019, according to officials in Seoul and Minister Kim\n"
    "Sung-ho of the South's unification ministry.\n"
    "A second paragraph starts on its own line.\n"
)


def test_the_lines_of_a_hard_wrapped_paragraph_make_one_paragraph():
    documents, _, paragraphs = _clean_one(HARD_WRAPPED, "Talks resume in Beijing")
    assert paragraphs.text.str.startswith(("The foreign ministers", "A second paragraph")).tolist() == [True, True]
    first = paragraphs.iloc[0]
    assert "met in Beijing on Tuesday and agreed" in first.text and "Minister Kim Sung-ho" in first.text
    assert "\n" not in first.text  # the line breaks (and the space before one) are spaces
    for row in paragraphs.itertuples(index=False):  # a raw offset still maps by adding a constant
        assert len(row.text) == len(HARD_WRAPPED[row.raw_start : row.raw_start + len(row.text)])
    start = HARD_WRAPPED.index("Tuesday")
    found = clean.cleaned_span(paragraphs, start, start + len("Tuesday"))
    assert found is not None and documents.text[0][found[0] : found[1]] == "Tuesday"


def test_lines_of_a_page_that_is_not_hard_wrapped_stay_apart():
    raw = (
        "North Korea and China signed a trade agreement in Pyongyang on Monday, state media said.\n"
        "Officials said the deal covers electricity, fuel and fertiliser but not food.\n"
        "iPhones and other electronics smuggled across the border are not part of it.\n"  # lower case after a full stop
        "The ministry gave no figures for the value of the agreement.\n"
    )
    _, _, paragraphs = _clean_one(raw)
    assert len(paragraphs) == 4  # every line ends a sentence: none runs on


def test_a_one_sentence_lead_in_the_header_is_not_a_standfirst():
    raw = (
        "Leaders Meet in Pyongyang\n\nNorth Korean leader Kim Jong Un met Chinese Premier Li Qiang on Thursday.\n\n"
        "PUBLISHED : Friday, 10 October, 2025, 9:45pm\n\nThe two sides signed three agreements."
    )
    kinds = _kinds(raw, "Leaders Meet in Pyongyang")
    assert kinds["North Korean leader Kim Jong Un met Chinese Premier Li Qiang on Thursday."] == "paragraph"
    standfirst = raw.replace("met Chinese Premier Li Qiang on Thursday", "meets a Chinese premier")
    assert _kinds(standfirst, "Leaders Meet in Pyongyang")[
        "North Korean leader Kim Jong Un meets a Chinese premier."
    ] == ("standfirst")


def test_a_teaser_printed_again_below_is_removed_at_the_top_and_kept_in_the_body():
    teaser = (  # devcorpus2 029 (The Hindu): the teaser under the headline is the fourth paragraph
        "The official Xinhua News Agency says Li Yuanchao spoke to Mr. Kim on Monday about the countries’ strong "
        "ties. Mr. Li is head of the Chinese Communist Party’s organization department."
    )
    raw = (
        f"North Korean leader meets senior Chinese official\n\n{teaser}\n\nJune 13, 2011 06:37 pm | Updated "
        "November 28, 2021 09:18 pm IST - SEOUL, South Korea\n\nChina’s state news agency says Kim has met a senior "
        f"Chinese official.\n\n{teaser}\n\nChina is North Korea’s most important supporter."
    )
    lines = clean.classify_lines(raw, headline="North Korean leader meets senior Chinese official")
    assert [(ln.number, ln.kind) for ln in lines if ln.text == teaser] == [(3, "standfirst"), (9, "paragraph")]
    assert lines[2].kind == "date_line"


def test_a_teaser_that_opens_with_the_lead_is_removed():
    lead = "On the morning of Dec. 27, a North Korean soldier fleeing his country crossed into China."
    raw = (  # devcorpus2 043 (War Is Boring)
        "A North Korean Defector Murdered Four Chinese Villagers\n\nUncategorized January 6, 2015 0\n\n"
        f"{lead} He raided... A North Korean Defector Murdered Four Chinese Villagers\n\n{lead}\n\n"
        "He raided the homes of several villagers and killed four people."
    )
    kinds = [
        ln.kind for ln in clean.classify_lines(raw, headline="A North Korean Defector Murdered Four Chinese Villagers")
    ]
    assert kinds == ["headline", "date_line", "standfirst", "paragraph", "paragraph"]


def test_a_sentence_of_the_paragraph_above_printed_again_is_a_repeated_line():
    raw = (  # devcorpus2 080 (Sputnik): two paragraphs run together, then printed again one by one
        "Xi sent Kim congratulations on Monday.\n\n"
        "Earlier on the day, KCNA reported Kim's re-election to the post.The Chinese president called the "
        "congress a matter of great significance.\n\nEarlier on the day, KCNA reported Kim's re-election to the post.\n\n"
        '"Comrade Kim Jong-un\'s re-election reflects the high trust," Xi said.'
    )
    kinds = [ln.kind for ln in clean.classify_lines(raw)]
    assert kinds == ["paragraph", "paragraph", "repeated_line", "paragraph"]


def test_a_masthead_slogan_and_a_menu_column_are_not_subheadings():
    raw = (
        "North Korea Leadership Watch\n\nResearch and Analysis on the DPRK Leadership\n\nKJI Meets with PRC Delegation\n\n"
        "News\nSports\nDhaka Today\nAsk a Doctor\n\nJanuary 18, 2001\n\nKim Jong Il met a PRC delegation on Monday."
    )
    kinds = _kinds(raw, "KJI Meets with PRC Delegation")
    assert kinds["Research and Analysis on the DPRK Leadership"] == "section_label"
    assert {kinds[t] for t in ("News", "Sports", "Dhaka Today", "Ask a Doctor")} == {"section_label"}


def test_a_short_exclamation_above_the_body_is_a_promotion_but_not_in_the_body():
    raw = "Change Your Life!\n\nKim Visits China\n\nKim arrived on Monday.\n\nLong live the friendship!"
    kinds = _kinds(raw, "Kim Visits China")
    assert kinds["Change Your Life!"] == "promotion"
    assert kinds["Long live the friendship!"] == "paragraph"


@pytest.mark.parametrize("subheading", ["Trade ties deepen", "A bigger role for Beijing"])
def test_a_sentence_case_subheading_between_paragraphs_is_kept(subheading):
    raw = f"The leaders met on Monday.\n\n{subheading}\n\nTrade rose 10 percent last year, customs data showed."
    assert _kinds(raw)[subheading] == "subheading"


def test_a_place_and_day_line_is_the_leads_dateline_above_it_and_a_sign_off_at_the_end():
    raw = (  # devcorpus2 049 (Kyodo) and 019 (Hankyoreh)
        "China congratulates N. Korea\n\nBEIJING, Oct. 10, Kyodo\n\nChina said Monday it has sent a message.\n\n"
        "The spokesman did not elaborate.\n\nSeoul, March 5 (Yonhap News)"
    )
    kinds = _kinds(raw, "China congratulates N. Korea")
    assert kinds["BEIJING, Oct. 10, Kyodo"] == "paragraph"
    assert kinds["Seoul, March 5 (Yonhap News)"] == "agency_signoff"


def test_a_last_paragraph_cut_off_mid_word_after_a_caption_stays():
    raw = (  # devcorpus2 002 (BBC, 2000)
        "The agency gave few details.\n\nPresident Kim Dae-Jung\n"
        "South Korea's Kim Dae-Jung: Set to meet Kim Jong-Il in June\n"
        "Diplomats say they believe Mr Kim was seeking to shore up his r"
    )
    kinds = _kinds(raw)
    assert kinds["Diplomats say they believe Mr Kim was seeking to shore up his r"] == "paragraph"
    assert kinds["South Korea's Kim Dae-Jung: Set to meet Kim Jong-Il in June"] == "related_story"


@pytest.mark.parametrize(
    "line",
    [
        "Lips and teeth: Repairing China-North Korea relations · GLOBAL CHINA LIPS AND TEETH: REPAIRING...",
        " date 2020-05-04 Lips and teeth: Repairing China-North Korea relations. May. 04, 2020 07:50. by Wan-Jun Yun "
        "zeitung@donga.com.",
    ],
)
def test_a_headline_with_a_site_name_or_a_byline_on_its_line_is_removed_whole(line):
    lines = clean.classify_lines(
        f"{line}\n\nThe bridge will open soon.", headline="Lips and teeth: Repairing China-North Korea relations"
    )
    assert lines[0].kind in {"headline", "byline"} and lines[0].text == line.strip()
