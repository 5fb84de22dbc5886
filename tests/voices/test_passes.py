"""kit.voices.passes: echoes found through an index, so an article of many quotations stays linear."""

from kit.pipeline import prepare
from kit.types import REQUIRED_MANIFEST_COLUMNS
from kit.voices import actors, attribution, cues, mentions, records
from tests.scaling import doubling_ratio
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
    table = __import__("kit.voices", fromlist=["extract_quotes"]).extract_quotes(prepare(folder))
    echo = table[table.quote == "deepen their friendship"].iloc[0]
    assert (echo.kind, echo.speaker, echo.rule) == ("fragment", "Kim Jong Un", "echo")


def test_attribution_grows_linearly_with_the_number_of_quoted_paragraphs(tmp_path):
    registry = actors.load_registry()

    def article(n: int) -> tuple[records.DocView, list[records.Cue], mentions.Memory]:
        folder = tmp_path / f"corpus{n}"
        folder.mkdir(exist_ok=True)
        (folder / f"n{n}.txt").write_text("A Test Headline\n\n" + paragraphs(n), encoding="utf-8")
        row = {**dict.fromkeys(REQUIRED_MANIFEST_COLUMNS, ""), **ROW, "doc_id": f"n{n}", "file": f"n{n}.txt"}
        (folder / "manifest.csv").write_text(",".join(row) + "\n" + ",".join(row.values()) + "\n", encoding="utf-8")
        prepared = prepare(folder)
        prepared_doc = prepared.documents[prepared.documents.doc_id == f"n{n}"].iloc[0]
        keep = prepared.sentences.doc_id == f"n{n}"
        view = records.build_view(
            f"n{n}",
            prepared_doc.text,
            prepared.sentences[keep],
            prepared.paragraphs[prepared.paragraphs.doc_id == f"n{n}"],
            actors.mentions(prepared, registry).query("doc_id == @prepared_doc.doc_id"),
        )
        found, memory = cues.find_cues(view, mentions.build(view, registry), registry)
        return view, found, memory

    def step(data: object) -> object:
        view, found, memory = data  # type: ignore[misc]
        return attribution.attribute(view, found, memory, registry)

    assert doubling_ratio(step, article, 200) < 2.6
