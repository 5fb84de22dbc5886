"""kit.analyses.keyness: log-likelihood and log ratio of themes and words, checked against hand computations."""

import math

import pytest

from kit.analyses import keyness, themes
from kit.errors import KitError
from kit.ingest import importer
from kit.preprocess.pipeline import prepare
from tests.exports import write_foreign_export

SUMMIT_VS_RECENT = ["2018 summit=2018-01-01", "2024–2025=2024-01-01"]


@pytest.fixture(scope="module")
def default():
    return themes.load_dictionary()


def test_theme_keyness_matches_a_hand_computed_log_likelihood(seeds, default):
    table = keyness.keyness(seeds, default, periods=SUMMIT_VS_RECENT).set_index("item")
    assert table.attrs["target"] == ["2024–2025"] and table.attrs["reference"] == ["2018 summit"]
    target_total, reference_total = table.attrs["target_tokens"], table.attrs["reference_tokens"]
    # Russia: 20 hits vs 0. G2 = 2·a·ln(a / E_a), the zero side contributes 0.
    expected_a = target_total * 20 / (target_total + reference_total)
    g2 = 2 * 20 * math.log(20 / expected_a)
    assert table.loc["russia", "g2"] == pytest.approx(g2, abs=1e-4)
    assert table.loc["russia", "log_ratio"] == pytest.approx(
        math.log2((20 / target_total) / (0.5 / reference_total)), abs=1e-4
    )
    assert table.loc["russia", "use"] == "over"
    # The United States: 1 vs 45 — under-used, so G2 is negative.
    a, b = 1, 45
    ea = target_total * (a + b) / (target_total + reference_total)
    eb = reference_total * (a + b) / (target_total + reference_total)
    assert table.loc["united_states", "g2"] == pytest.approx(
        -2 * (a * math.log(a / ea) + b * math.log(b / eb)), abs=1e-4
    )
    assert table.loc["united_states", "use"] == "under"
    assert list(table.reset_index().columns) == keyness.KEYNESS_COLUMNS


def test_log_likelihood_of_equal_rates_is_zero_and_p_values_follow_chi_squared():
    assert keyness.log_likelihood([10], [20], 1000, 2000)[0] == pytest.approx(0.0)
    frame = keyness._score(["x"], [30], [10], 1000, 1000)
    assert frame.p_value.iloc[0] == pytest.approx(math.erfc(math.sqrt(frame.g2.iloc[0] / 2)), abs=1e-6)


def test_word_keyness_and_outlet_groups(seeds, default):
    words = keyness.keyness(seeds, unit="word", periods=SUMMIT_VS_RECENT).set_index("item")
    assert words.loc["cooperation", ["target_count", "reference_count"]].tolist() == [15, 0]
    assert words.loc["cooperation", "use"] == "over"
    outlets = keyness.keyness(seeds, default, by="outlet", target="The Korea Herald")
    assert outlets.attrs["target"] == ["The Korea Herald"]
    assert outlets.set_index("item").loc["denuclearisation", "target_count"] == 15
    with pytest.raises(KitError, match="keyness: no outlet 'Nope'"):
        keyness.keyness(seeds, default, by="outlet", target="Nope")


def test_keyness_groups_by_a_metadata_column_and_names_the_columns_for_an_unknown_one(tmp_path):
    prepared = prepare(importer.import_corpus(write_foreign_export(tmp_path / "export.csv"), tmp_path / "corpus"))
    table = keyness.keyness(prepared, themes.load_dictionary(), by="outlet_type", target="agency")
    assert table.attrs["target"] == ["agency"] and table.attrs["reference"] == ["magazine", "newspaper"]
    with pytest.raises(
        KitError, match=r"^--by 'region': no such column; group by period or one of doc_id, .*, country$"
    ):
        keyness.choose_sides(prepared, by="region")
