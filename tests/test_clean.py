import pandas as pd
import pytest

from kit import clean
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
