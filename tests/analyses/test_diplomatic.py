"""kit.analyses.diplomatic: the lexicon file — every entry with its valence, a reason and one real example."""

import csv

import pytest

from kit import config
from kit.analyses import diplomatic, sentiment
from kit.errors import KitError
from kit.validation import split
from tests.devcorpus import DEVCORPUS, DEVCORPUS2, needs_devcorpus, needs_devcorpus2


@pytest.fixture(scope="module")
def lexicon():
    return diplomatic.load_lexicon()


def flat(words):
    return " ".join(words.split())


def development_texts():
    """The texts an example may quote: the seeds, devcorpus, and devcorpus2's development half — a locked
    document is never opened (kit.validation.split)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(config.SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DEVCORPUS.glob("*.txt"))]
    with open(DEVCORPUS2 / config.MANIFEST_NAME, encoding="utf-8") as manifest:
        for row in csv.DictReader(manifest):
            if split.half_of(row["doc_id"]) == "development":
                texts.append((DEVCORPUS2 / row["file"]).read_text(encoding="utf-8"))
    return [flat(t) for t in texts]


@needs_devcorpus
@needs_devcorpus2
def test_every_example_quotes_a_real_use_from_the_development_texts(lexicon):
    """An example, where an entry gives one, is found word for word; an entry of the register these texts do
    not use ("hegemonism", "pay dearly") has none, rather than being left out (issue 23: a lexicon of only the
    words the development texts use did not carry over to new text)."""
    texts = development_texts()
    quoted = [e for e in lexicon.entries if e.example]
    assert len(quoted) >= 100
    not_found = [(e.pattern, e.example) for e in quoted if not any(flat(e.example) in t for t in texts)]
    assert not_found == []
    assert max(len(e.example.split()) for e in quoted) <= diplomatic.EXAMPLE_WORDS


def test_the_lexicon_is_official_language_in_general(lexicon):
    table = lexicon.table().set_index("pattern")
    # Praise, endorsement, condemnation, warning, refusal, and names VADER misreads.
    assert table.loc["only right choice", "valence"] > 0 and table.loc["strategic communication", "valence"] > 0
    assert table.loc["despicable", "valence"] < 0 and table.loc["undesir* consequences", "valence"] < 0
    assert table.loc["firmly oppos*", "valence"] < 0
    assert table.loc[["Security Council", "public security", "Korean War"], "valence"].tolist() == [0.0, 0.0, 0.0]
    assert table.loc[["hegemon*", "pay* dearly", "reckless*", "lackey*"], "valence"].max() < 0
    assert table.loc[["mutually beneficial", "constructive", "cooperat*", "unbreakable"], "valence"].min() > 0
    assert len(table) >= 200


def test_formulas_with_their_own_negation_are_read_as_written(lexicon):
    written = {e.pattern for e in lexicon.entries if e.token in lexicon.as_written()}
    assert written == {"will not change", "never forget*", "no limits", "never tolerate*"}
    assert lexicon.analyzer() is sentiment.vader(lexicon.vader_items(), lexicon.as_written())


def test_an_example_is_optional_in_your_own_file(tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text("lexicon:\n  calm:\n    valence: 1\n    reason: why\n", encoding="utf-8")
    (entry,) = diplomatic.load_lexicon(path).entries
    assert entry.example == ""
    path.write_text(
        "lexicon:\n  imperialis*:\n    valence: -2\n    reason: why\n    example: the American imperialists want\n",
        encoding="utf-8",
    )
    assert diplomatic.load_lexicon(path).table().example.tolist() == ["the American imperialists want"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("    example: 3\n", "'example' must be one line quoting a real use"),
        ("    example: |\n      two\n      lines\n", "'example' must be one line quoting a real use"),
        (
            "    example: one two three four five six seven eight nine ten eleven twelve calm\n",
            "'example' has 13 words; quote at most 12",
        ),
        ("    example: keep your head\n", "example 'keep your head' does not contain the entry"),
        # The example's only "calm" is inside a phrase the entry excludes.
        ("    example: a calm sea\n    exclude: [calm sea]\n", "example 'a calm sea' does not contain the entry"),
    ],
)
def test_bad_examples_are_one_line_errors(tmp_path, entry, message):
    path = tmp_path / "lexicon.yaml"
    path.write_text(f"lexicon:\n  calm:\n    valence: 1\n    reason: why\n{entry}", encoding="utf-8")
    with pytest.raises(KitError) as err:
        diplomatic.load_lexicon(path)
    assert message in str(err.value) and "entry 'calm'" in str(err.value) and str(path) in str(err.value)
    assert "\n" not in str(err.value)
