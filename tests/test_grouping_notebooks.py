"""A researcher's own column as the grouping of the tone and themes reports: an export with ``outlet_type``,
imported, then 02-official-tone and 03-themes with ``group_by: outlet_type``."""

from __future__ import annotations

import pandas as pd
import pytest

from kit import cli
from kit.errors import KitError
from kit.report.parameters import check_notebook
from tests.exports import write_foreign_export


@pytest.fixture
def typed_corpus(tmp_path):
    export = write_foreign_export(tmp_path / "export.csv")
    corpus = tmp_path / "my-corpus"
    assert cli.main(["import", str(export), "--out", str(corpus)]) == 0
    return corpus


@pytest.mark.enable_socket
def test_themes_and_tone_are_compared_by_a_column_of_the_users_export(run_notebook, typed_corpus, tmp_path):
    run_notebook("03-themes", corpus_dir=str(typed_corpus), group_by="outlet_type")
    by_type = pd.read_csv(tmp_path / "03-themes" / "themes_by_outlet_type.csv")
    assert set(by_type.outlet_type) == {"newspaper", "agency", "magazine"}
    assert by_type.groupby("outlet_type").documents.first().to_dict() == {"agency": 13, "magazine": 13, "newspaper": 14}
    run_notebook("02-official-tone", corpus_dir=str(typed_corpus), group_by="outlet_type")
    tone = pd.read_csv(tmp_path / "02-official-tone" / "tone_by_outlet_type.csv")
    assert set(tone.outlet_type) == {"newspaper", "agency", "magazine"}


def test_a_column_the_manifest_lacks_is_one_line_naming_the_columns_there_are(typed_corpus):
    namespace = {"corpus_dir": str(typed_corpus), "group_by": "region"}
    with pytest.raises(
        KitError, match=r"'group_by' is 'region'; allowed: columns of .*: outlet, .*, outlet_type, country$"
    ):
        check_notebook("03-themes", namespace)
