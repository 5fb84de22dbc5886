"""A catalogue of furniture from news sites the kit was not built on, and of body lines that look like it.

Every line here is invented (typical of wire services, Korean, Japanese and Chinese English-language outlets, state
media, broadcasters, think tanks, aggregators and PDF reports), none copied from an article. Each furniture line is
placed above the lead, between two paragraphs and after the last one, and must be removed in all three places while
the three paragraphs around it stay; each body line must be kept wherever it stands.
"""

from __future__ import annotations

import pytest

from kit.preprocess import clean
from kit.preprocess.clean import notices
from kit.preprocess.clean.header import BODY_KINDS
from tests.preprocess.clean.catalogue import FURNITURE
from tests.preprocess.clean.catalogue_body import BODY_SENTENCES, SUBHEADINGS
from tests.preprocess.clean.catalogue_more import FURNITURE_MORE

HEADLINE = "Kim and Xi Pledge Closer Ties"
LEAD = (
    "North Korean leader Kim Jong Un and Chinese President Xi Jinping pledged closer ties at talks in Beijing on "
    "Monday, state media said."
)
SECOND = "The two leaders discussed trade, security and the stalled nuclear talks, according to the official agency."
LAST = "Analysts said the meeting showed that Beijing wanted to keep its influence over Pyongyang."
PARAGRAPHS = (LEAD, SECOND, LAST)

# Where a line is put in the article, and its line number there (lines are separated by blank lines).
PLACES = {
    "top": (f"{HEADLINE}\n\n{{line}}\n\n{LEAD}\n\n{SECOND}\n\n{LAST}", 3),
    "middle": (f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{{line}}\n\n{LAST}", 7),
    "end": (f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{LAST}\n\n{{line}}", 9),
}


def _classified(line: str, where: str) -> tuple[str, dict[str, str]]:
    """The kind of ``line`` put at ``where`` in the article, and the kinds of the three paragraphs around it."""
    template, number = PLACES[where]
    lines = clean.classify_lines(template.format(line=line), headline=HEADLINE)
    kind = next(ln.kind for ln in lines if ln.number == number)
    return kind, {ln.text: ln.kind for ln in lines if ln.text in PARAGRAPHS}


@pytest.mark.parametrize("where", list(PLACES))
@pytest.mark.parametrize("line", FURNITURE + FURNITURE_MORE)
def test_furniture_of_news_sites_is_removed_wherever_it_stands(line, where):
    kind, around = _classified(line, where)
    assert kind not in BODY_KINDS
    assert around == dict.fromkeys(PARAGRAPHS, "paragraph")  # and the paragraphs around it stay


@pytest.mark.parametrize("where", list(PLACES))
@pytest.mark.parametrize("line", BODY_SENTENCES)
def test_body_sentences_that_look_like_furniture_are_kept_wherever_they_stand(line, where):
    kind, around = _classified(line, where)
    assert kind == "paragraph"
    assert around == dict.fromkeys(PARAGRAPHS, "paragraph")


@pytest.mark.parametrize("line", SUBHEADINGS)
def test_a_subheading_between_paragraphs_is_kept(line):
    assert _classified(line, "middle")[0] == "subheading"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Reporting by Jane Doe", "additional_reporting"),
        ("(With inputs from agencies)", "additional_reporting"),
        ("Copyright © The Korea Herald", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("This article was first published on The Conversation.", "credit"),
        ("Getty Images", "caption"),
        ("Editor: Li Ming", "credit"),
        ("By Jane Doe in Seoul", "byline"),
        ("Updated 3 hours ago", "date_line"),
        ("People's Daily Online, October 10, 2016", "date_line"),
        ("Tags: China, North Korea", "navigation"),
        ("Page 3 of 12", "navigation"),
        ("We use cookies to improve your experience on our site.", "site_notice"),
        ("MOST VIEWED", "related_story"),
        ("Write to Jane Doe at jane.doe@example.com", "byline"),
        ("(KCNA) --", "agency_signoff"),
        ("Get the latest news on your phone", "promotion"),
    ],
)
def test_notice_kinds(text, kind):
    assert notices.notice_kind(text) == kind


@pytest.mark.parametrize("text", [t for t in BODY_SENTENCES if not t.startswith(("“", "SEOUL", "PYONG", "Pyong"))])
def test_body_sentences_are_no_notices(text):
    assert notices.notice_kind(text) == ""


def test_a_notice_says_what_the_long_note_is_and_nothing_longer_is_read():
    note = "The following is the full text of the editorial published by the newspaper on Monday under the headline "
    assert notices.notice_kind(note + "“Talks must resume” at its website.") == "credit"
    assert notices.notice_kind("We use cookies on our site.") == "site_notice"
    assert notices.notice_kind("We use cookies on our site. " + "The talks went on. " * 12) == ""  # a paragraph
