"""kit.analyses.formulas: the formulas file, every occurrence placed in a quotation or the narration, counts by year and voice."""

import json

import pandas as pd
import pytest

from kit import cli, config
from kit.analyses import formulas
from kit.errors import KitError
from kit.preprocess.pipeline import prepare
from tests.devcorpus import DEVCORPUS, needs_devcorpus
from tests.seeds import HERALD, ROW, SCMP

# Real sentences from the press (the development corpus's articles named beside each), one article a year.
STATEMENTS = {
    # 2019: Xinhua and a PRC foreign-ministry briefing (devcorpus2 066_shine_2022 has Zhao's words).
    "a1.txt": (
        "Xi said Kim’s visit to China “reflected the importance of strategic communication between the two "
        "countries and the two parties,” according to Xinhua.\n\n"
        "The two leaders agreed to have close strategic communication and deepen cooperation in various fields, "
        "KCNA said.\n\n"
        '"China and the DPRK are friendly neighbors linked by mountains and rivers. The two sides enjoy the fine '
        'tradition of mutual assistance," said spokesman Zhao Lijian.\n'
    ),
    # 2005: Asia Times on the lost alliance.
    "b1.txt": (
        "Pyongyang-Beijing ties used to be characterized as being “as close as lips and teeth,” but that phrase "
        "no longer applies to the relationship.\n"
    ),
    # 2018: devcorpus 021_asiancorrespondent_2018_friendship-sealed-in-blood.
    "c1.txt": (
        "“Welcoming the friendship group’s visit to China, Xi Jinping said that China is attaching very importance "
        "to the work to propel the traditional friendship between the two countries sealed in blood to a higher "
        "stage as required by the new era,” the Korean Central News Agency (KCNA) said in an English report, as "
        "quoted by South Korea’s Yonhap news agency.\n"
    ),
}
PUBLISHED = {"a1": "2019-06-21", "b1": "2005-02-10", "c1": "2018-10-02"}


@pytest.fixture(scope="module")
def book():
    return formulas.load_formulas()


@pytest.fixture
def statements(make_corpus):
    rows = [{**ROW, "doc_id": d, "file": f"{d}.txt", "published": day} for d, day in PUBLISHED.items()]
    return prepare(make_corpus(STATEMENTS, rows))


@pytest.fixture
def found(statements, book):
    return formulas.occurrences(statements, formulas=book)


def test_the_default_file_names_the_formulas_of_the_literature(book):
    assert book.source == "kit/data/formulas.yaml"
    assert 15 <= len(book.formulas) <= 25
    assert {
        "lips_and_teeth",
        "sealed_in_blood",
        "traditional_friendship",
        "strategic_communication",
        "denuclearization_of_the_peninsula",
        "hostile_policy",
        "no_limits",
        "good_neighbourliness",
        "friendly_neighbours",
        "comrades_in_arms",
        "one_family",
    } <= set(book.names)
    table = book.table().set_index("formula")
    assert table.note.str.len().min() > 40 and (table.label != "").all()
    assert "blood-sealed" in table.loc["sealed_in_blood", "variants"]
    assert table.loc["lips_and_teeth", "original"] == "唇齿相依"


def test_each_occurrence_is_placed_in_its_quotation_or_the_narration(found):
    rows = found[["doc_id", "formula", "match", "voice", "quoted", "quote_kind", "speaker", "via", "year"]]
    assert rows.values.tolist() == [
        ["a1", "strategic_communication", "strategic communication", "official_prc", True, "speech", "Xi Jinping",
         "Xinhua", 2019],
        # Reported speech has no quotation marks: the journalist's narration, not KCNA's words.
        ["a1", "strategic_communication", "strategic communication", "narration", False, "", "", "", 2019],
        ["a1", "friendly_neighbours", "friendly neighbors", "official_prc", True, "speech", "Zhao Lijian", "", 2019],
        ["a1", "mountains_and_rivers", "linked by mountains and rivers", "official_prc", True, "speech",
         "Zhao Lijian", "", 2019],
        # Within a formula the longest variant wins: one occurrence, not also "lips and teeth". Scare quotes
        # are the journalist's words.
        ["b1", "lips_and_teeth", "as close as lips and teeth", "narration", False, "term", "", "", 2005],
        # Two formulas in one sentence: each counts; KCNA's report of Xi, relayed by Yonhap.
        ["c1", "traditional_friendship", "traditional friendship", "official_dprk", True, "speech", "KCNA",
         "Yonhap", 2018],
        ["c1", "sealed_in_blood", "sealed in blood", "official_dprk", True, "speech", "KCNA", "Yonhap", 2018],
    ]  # fmt: skip
    assert list(found.columns) == formulas.OCCURRENCE_COLUMNS
    first = found.iloc[0]
    assert (first.left, first.right) == (
        "Xi said Kim’s visit to China “reflected the importance of",
        "between the two countries and the two parties,” according to Xinhua.",
    )


def offsets_give_back_the_match(prepared, found):
    texts = prepared.documents.set_index("doc_id").text
    sentences = prepared.sentences.set_index(["doc_id", "sentence_id"])
    for row in found.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.match, row
        sentence = sentences.loc[(row.doc_id, row.sentence_id)]
        assert sentence.start <= row.start < row.end <= sentence.end
        assert row.left == " ".join(texts[row.doc_id][sentence.start : row.start].split())
        assert row.right == " ".join(texts[row.doc_id][row.end : sentence.end].split())


def test_every_rows_offsets_give_back_the_matched_text(statements, found, seeds, book):
    offsets_give_back_the_match(statements, found)
    on_seeds = formulas.occurrences(seeds, formulas=book)
    assert len(on_seeds) >= 5
    offsets_give_back_the_match(seeds, on_seeds)


@needs_devcorpus
def test_every_rows_offsets_give_back_the_matched_text_on_the_development_corpus(book):
    prepared = prepare(DEVCORPUS, warn_cleaning=False)
    found = formulas.occurrences(prepared, formulas=book)
    assert found.formula.nunique() >= 10
    offsets_give_back_the_match(prepared, found)


def test_the_seeds_formulas_and_their_speakers(seeds, book):
    found = formulas.occurrences(seeds, formulas=book).set_index("formula")
    lips = found.loc["lips_and_teeth"]
    assert (lips.doc_id, lips.voice, lips.speaker) == (SCMP, "analyst", "Nick Bisley")
    blood = found.loc["sealed_in_blood"]
    assert (blood.doc_id, blood.match, blood.quote_kind, blood.voice) == (HERALD, "blood allies", "term", "narration")
    denuclearization = found.loc["denuclearization_of_the_peninsula"]
    assert sorted(denuclearization.voice) == ["narration"] * 3 + ["official_dprk"] * 2
    assert "denuclearisation of the Korean peninsula" in set(denuclearization.match)  # either spelling


def test_counts_by_year_and_voice(found, book):
    table = formulas.counts(found, book, by=["year", "voice"])
    assert list(table.columns) == ["formula", "label", "year", "voice", "occurrences", "documents", "quoted"]
    assert table[["formula", "year", "voice", "occurrences"]].values.tolist() == [
        ["lips_and_teeth", 2005, "narration", 1],
        ["sealed_in_blood", 2018, "official_dprk", 1],
        ["traditional_friendship", 2018, "official_dprk", 1],
        ["strategic_communication", 2019, "official_prc", 1],
        ["strategic_communication", 2019, "narration", 1],
        ["friendly_neighbours", 2019, "official_prc", 1],
        ["mountains_and_rivers", 2019, "official_prc", 1],
    ]
    by_voice = formulas.counts(found, book, by="voice").set_index(["formula", "voice"])
    assert by_voice.loc[("strategic_communication", "official_prc"), "quoted"] == 1
    with pytest.raises(KitError, match="formula counts by 'speaker': expected year, voice or outlet"):
        formulas.counts(found, book, by="speaker")


def test_the_timeline_keeps_every_year_with_articles(found, statements, book):
    table = formulas.timeline(found, statements.documents, book)
    assert list(table.columns) == formulas.TIMELINE_COLUMNS
    assert len(table) == 3 * len(book.formulas)  # every formula in 2005, 2018 and 2019, zeros kept
    lips = table[table.formula == "lips_and_teeth"]
    assert lips[["year", "articles", "documents", "share", "occurrences"]].values.tolist() == [
        [2005, 1, 1, 1.0, 1],
        [2018, 1, 0, 0.0, 0],
        [2019, 1, 0, 0.0, 0],
    ]


def test_the_summary_has_a_row_per_formula_with_its_sides_and_years(found, book):
    table = formulas.summary(found, book).set_index("formula")
    assert list(table.index) == book.names
    strategic = table.loc["strategic_communication"]
    assert strategic[["occurrences", "documents", "official_prc", "narration", "first_year"]].tolist() == [
        2,
        1,
        1,
        1,
        2019,
    ]
    assert pd.isna(table.loc["hostile_policy", "first_year"]) and table.loc["hostile_policy", "occurrences"] == 0


def test_the_evidence_is_ordered_as_the_chart_draws_it(found, book):
    lines = formulas.evidence(found, book)
    assert lines.label.tolist()[:2] == ["As close as lips and teeth", "Friendship sealed in blood"]
    strategic = lines[lines.label == "Strategic communication"]
    assert strategic.side.tolist() == ["PRC officials", "narration"]


def test_a_corpus_without_formulas_gives_empty_tables_with_their_columns(make_corpus, book):
    prepared = prepare(make_corpus({"a1.txt": "The weather in Seoul was mild on Tuesday.\n"}))
    found = formulas.occurrences(prepared, formulas=book)
    assert found.empty and list(found.columns) == formulas.OCCURRENCE_COLUMNS
    assert formulas.counts(found, book).empty
    assert formulas.timeline(found, prepared.documents, book).occurrences.sum() == 0
    assert formulas.summary(found, book).occurrences.sum() == 0


# ---------------------------------------------------------------- a researcher's own file


def test_a_file_of_ones_own_is_read_without_touching_code(tmp_path, capsys):
    mine = tmp_path / "my-formulas.yaml"
    mine.write_text(
        "formulas:\n"
        "  maximum_pressure:\n"
        "    label: Maximum pressure\n"
        "    note: The US formula of sanctions first, 2017 onwards.\n"
        "    variants: [maximum pressure, pattern: max pressure]\n",
        encoding="utf-8",
    )
    assert cli.main(["table", "formulas", "--formulas", str(mine), "--format", "json", "--no-progress"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["doc_id"], r["formula"], r["match"]) for r in rows} == {(HERALD, "maximum_pressure", "maximum pressure")}
    assert cli.main(["table", "formulas", "--formulas", str(mine), "--by", "year", "--no-progress"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "maximum_pressure,Maximum pressure,2018,3,1,0.3333,1,0",
        "maximum_pressure,Maximum pressure,2024,1,0,0.0,0,0",
        "maximum_pressure,Maximum pressure,2025,1,0,0.0,0,0",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "formulas:\n  lips:\n    label: Lips\n    note: x\n    variants:\n      - pattern: lips and teeth\n"
            "        weight: 2\n",
            "formula 'lips', variant 'lips and teeth': a variant has no weight",
        ),
        (
            "formulas:\n  lips:\n    label: Lips\n    note: x\n    variants: [lips and teeth, lips and teeth]\n",
            "formula 'lips', variant 'lips and teeth': listed twice",
        ),
        (
            "formulas:\n  lips:\n    label: Lips\n    note: x\n    variants:\n      - pattern: lips\n        case: yes\n",
            "formula 'lips', variant 'lips': unknown key(s) case (allowed: case_sensitive, exclude, pattern)",
        ),
        ("formulas:\n  lips:\n    label: Lips\n    note: x\n    variants: []\n", "formula 'lips': 'variants' must be"),
        ("formulas:\n  lips:\n    label: Lips\n    variants: [lips]\n", "formula 'lips': note must be one line"),
        (
            "formulas:\n  lips:\n    label: Lips\n    note: x\n    signals: y\n    variants: [lips]\n",
            "formula 'lips': unknown key(s) signals",
        ),
        ("formulas:\n  2lips:\n    label: Lips\n    note: x\n    variants: [lips]\n", "formula '2lips': a formula's"),
        (
            "formulas:\n  lips:\n    label: A\n    note: x\n    variants: [a]\n  lips:\n    label: B\n    note: y\n"
            "    variants: [b]\n",
            "line 6: duplicate key 'lips' (first at line 2)",
        ),
        ("themes:\n  lips: {}\n", "expected a mapping with 'formulas:'"),
    ],
    ids=["weight", "twice", "unknown-key", "no-variants", "no-note", "formula-key", "name", "duplicate", "top"],
)
def test_a_bad_formulas_file_is_one_line_naming_file_formula_and_variant(tmp_path, content, message):
    path = tmp_path / "formulas.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KitError) as err:
        formulas.load_formulas(path)
    assert message in str(err.value) and str(path) in str(err.value) and "\n" not in str(err.value)


def test_the_command_refuses_a_bad_file_before_reading_any_article(tmp_path, capsys):
    path = tmp_path / "formulas.yaml"
    path.write_text("formulas:\n  lips:\n    label: Lips\n    note: x\n    variants: []\n", encoding="utf-8")
    missing = tmp_path / "no-corpus"  # never read: the file is refused first
    assert cli.main(["table", "formulas", "--formulas", str(path), "--corpus", str(missing)]) == cli.EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(path) in error and "formula 'lips'" in error


def test_the_default_file_is_the_one_config_names():
    assert formulas.load_formulas(config.FORMULAS).names == formulas.load_formulas().names
