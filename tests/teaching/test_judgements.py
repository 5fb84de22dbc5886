"""Judgements: a reader's keep/drop verdicts on KWIC lines, recorded, give precision and recall."""

import pandas as pd
import pytest

from kit.analyses import kwic, themes
from kit.teaching import judgements


@pytest.fixture
def alliance(seeds):
    return judgements.numbered(kwic.kwic(seeds, themes.load_dictionary(), theme="alliance", window=6))


def test_lines_are_numbered_from_one(alliance):
    assert list(alliance.columns[:2]) == ["line", "doc_id"]
    assert alliance.line.tolist() == list(range(1, len(alliance) + 1))


def test_precision_is_kept_over_judged_and_the_record_has_a_keep_column(alliance, tmp_path):
    found = judgements.precision(alliance, drop=[1, 2], theme="alliance", folder=tmp_path)
    assert (found.lines, found.kept) == (len(alliance), len(alliance) - 2)
    assert found.value == pytest.approx((len(alliance) - 2) / len(alliance))
    assert repr(found).startswith(f"you kept {len(alliance) - 2} of {len(alliance)} lines: precision")
    record = pd.read_csv(tmp_path / "alliance-precision.csv")
    assert record.keep.tolist()[:3] == ["no", "no", "yes"]
    assert list(record.columns) == judgements.RECORD_COLUMNS


def test_not_judged_yet_writes_nothing(alliance, tmp_path):
    found = judgements.precision(alliance, drop=None, theme="alliance", folder=tmp_path)
    assert found.value is None and repr(found).startswith("not judged yet")
    assert not list(tmp_path.iterdir())
    assert judgements.recall(found, alliance, keep=[1], theme="alliance", folder=tmp_path).value is None


def test_a_line_number_that_is_not_listed_is_refused(alliance, tmp_path):
    with pytest.raises(
        ValueError, match=f"line 99 is not in the list \\(the lines are numbered 1 to {len(alliance)}\\)"
    ):
        judgements.precision(alliance, drop=[99], theme="alliance", folder=tmp_path)
    with pytest.raises(ValueError, match="number the lines first"):
        judgements.precision(alliance.drop(columns="line"), drop=[], theme="alliance", folder=tmp_path)


def test_candidates_leave_out_what_the_theme_already_counts(seeds):
    dictionary = themes.load_dictionary()
    every = kwic.kwic(seeds, word="ally", window=6)
    assert len(every) and judgements.candidates(seeds, ["ally"], dictionary, theme="alliance").empty
    ties = judgements.candidates(seeds, ["ties", "ties"], dictionary, theme="alliance")
    assert len(ties) == len(kwic.kwic(seeds, word="ties")), "a place two words find is one line"


def test_recall_is_found_over_found_and_missed(alliance, seeds, tmp_path):
    found = judgements.precision(alliance, drop=[], theme="alliance", folder=tmp_path)
    missed = judgements.numbered(judgements.candidates(seeds, ["ties"], theme="alliance"))
    result = judgements.recall(found, missed, keep=[1, 2], theme="alliance", folder=tmp_path)
    assert result.value == pytest.approx(len(alliance) / (len(alliance) + 2))
    assert "recall at most" in repr(result)
    assert pd.read_csv(tmp_path / "alliance-recall.csv").keep.tolist()[:3] == ["yes", "yes", "no"]
    assert judgements.recall(3, missed, keep=None, theme="alliance", folder=tmp_path).message.startswith("not judged")


def test_a_theme_name_is_made_safe_for_a_file_name(alliance, tmp_path):
    found = judgements.precision(alliance, drop=[], theme="my theme/2", folder=tmp_path)
    assert found.record.endswith("my-theme-2-precision.csv")
