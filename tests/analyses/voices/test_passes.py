"""kit.analyses.voices.passes: echoes found through an index, so an article of many quotations stays linear."""

from collections.abc import Callable
from pathlib import Path

import pytest

from kit.analyses import voices
from kit.analyses.voices import actors, records
from kit.preprocess.pipeline import prepare
from kit.types import REQUIRED_MANIFEST_COLUMNS
from tests.scaling import assert_linear
from tests.seeds import ROW

PARAGRAPH = (
    "“The two countries will deepen their friendship in field {i},” Kim Jong Un said in Beijing. "
    "Xi welcomed the pledge to “deepen their friendship” on visit {i}.\n\n"
)


def paragraphs(n: int) -> str:
    """n distinct quoted paragraphs (identical ones would be cleaned to one copy)."""
    return "".join(PARAGRAPH.format(i=i) for i in range(n))


def test_echoes_name_the_earlier_speaker(make_corpus):
    folder = make_corpus({"a1.txt": "A Test Headline\n\n" + paragraphs(1)})
    table = voices.extract_quotes(prepare(folder))
    echo = table[table.quote == "deepen their friendship"].iloc[0]
    assert (echo.kind, echo.speaker, echo.rule) == ("fragment", "Kim Jong Un", "echo")


def test_a_paragraph_opening_with_a_quotation_continues_the_last_voice_of_the_paragraph_before(make_corpus):
    body = (
        "A Test Headline\n\nChina's ambassador Liu Jieyi spoke at the council on Friday.\n\n"
        "Liu noted that the talks must resume as soon as possible.\n\n"
        "“China urges the parties to show restraint.”\n\n"
        "The vote was unanimous.\n\n"
        "“Sanctions alone will not work.”\n\n"
        "Liu noted that the vote was close.\n\n"
        "“The vote was close,” one diplomat at the council, who asked not to be named, told reporters.\n\n"
        "Liu noted that more talks would follow.\n\n"
        "“More talks are needed,” in the words of one envoy.\n\n"
        "Liu said that Kim Jong Un told him the talks went well.\n\n"
        "“We will meet again before the end of the year.”\n"
    )
    table = voices.extract_quotes(prepare(make_corpus({"a1.txt": body})))
    assert [(r.speaker, r.rule) for r in table.itertuples()] == [
        ("Liu Jieyi", "paragraph before"),
        ("", "none"),  # the paragraph before reports nobody
        ("one diplomat at the council", "cue after"),  # its own sentence names its voice, before a relative clause
        ("", "none"),  # words after it may name its voice: not the paragraph before's
        ("Liu Jieyi", "paragraph before"),  # the reporting voice, not the one reported
    ]


def _view_of(folder: Path, body: str, registry: actors.Registry) -> records.DocView:
    """The document view of a one-article corpus written into ``folder``."""
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("A Test Headline\n\n" + body, encoding="utf-8")
    row = {**dict.fromkeys(REQUIRED_MANIFEST_COLUMNS, ""), **ROW, "doc_id": "a", "file": "a.txt"}
    (folder / "manifest.csv").write_text(",".join(row) + "\n" + ",".join(row.values()) + "\n", encoding="utf-8")
    prepared = prepare(folder)
    doc = prepared.documents.iloc[0]
    return records.build_view(
        str(doc.doc_id), str(doc.text), prepared.sentences, prepared.paragraphs, actors.mentions(prepared, registry)
    )


def _attribute_all(registry: actors.Registry) -> Callable[[object], object]:
    def step(view: object) -> object:
        assert isinstance(view, records.DocView)
        return voices.document_quotes(view, registry)

    return step


def test_quotations_of_one_article_grow_linearly_with_its_quoted_paragraphs(tmp_path):
    """Memory, cues and attribution of one long article: twice the paragraphs, about twice the time."""
    registry = actors.load_registry()
    assert_linear(_attribute_all(registry), lambda n: _view_of(tmp_path / f"corpus{n}", paragraphs(n), registry), 150)


def test_a_clause_quoted_to_the_end_of_an_uncued_sentence_continues_the_voice_just_quoted(make_corpus):
    body = (
        "A Test Headline\n\nDescriptions of the relationship “are less exuberant,” NK Pro founder Chad O’Carroll wrote.\n\n"
        "The cooler language in letters “indicates a palpable distance in the once-warm relationship.”\n\n"
        "The two countries have long been “blood allies.”\n"
    )
    table = voices.extract_quotes(prepare(make_corpus({"a1.txt": body})))
    assert [(r.kind, r.speaker, r.rule) for r in table.itertuples()] == [
        ("fragment", "Chad O’Carroll", "cue after"),
        ("fragment", "Chad O’Carroll", "continuation"),
        ("term", "", ""),  # a scare quote, not the rest of a sentence
    ]


@pytest.mark.parametrize(
    "shape",
    [
        "The delegates spoke of “the phrase number {i}” at length.",  # one paragraph of many sentences
        "“a{i}” “b{i}”",  # one sentence of many quotations
        "Officials described “item {i}” again; according to Xinhua, “talks {i}” went well.",  # frames
    ],
)
def test_quotations_of_one_long_paragraph_grow_linearly(tmp_path, shape):
    """No quotation walks back over every earlier sentence of its paragraph, nor over its whole sentence."""
    registry = actors.load_registry()

    def paragraph(n: int) -> records.DocView:
        return _view_of(tmp_path / f"para{n}", " ".join(shape.format(i=i) for i in range(n)) + "\n", registry)

    assert_linear(_attribute_all(registry), paragraph, 300)
