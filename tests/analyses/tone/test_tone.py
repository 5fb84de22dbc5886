"""kit.analyses.tone: VADER per voice with its drivers, the diplomatic lexicon on and off, summaries and the notebook."""

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from kit.analyses import formulas, sentiment, tone, voices
from kit.analyses.intervals import mean_interval
from kit.cli import main
from kit.errors import KitError
from kit.ingest import importer
from kit.preprocess.pipeline import prepare
from tests.exports import write_foreign_export
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, ROW, SCMP, sentence_of


@pytest.fixture(scope="module")
def quoted(seeds):
    return voices.extract_quotes(seeds)


@pytest.fixture(scope="module")
def lexicon():
    return tone.load_lexicon()


@pytest.fixture(scope="module")
def plain(seeds, quoted):
    return tone.score_units(seeds, quotes_table=quoted)


@pytest.fixture(scope="module")
def diplomatic(seeds, quoted, lexicon):
    return tone.score_units(seeds, lexicon=lexicon, quotes_table=quoted)


def row_of(scores, doc_id, first_words, kind=None):
    rows = scores[(scores.doc_id == doc_id) & scores.text.str.startswith(first_words)]
    if kind:
        rows = rows[rows.kind == kind]
    assert len(rows) == 1, f"{len(rows)} rows of {doc_id} start with {first_words!r}"
    return rows.iloc[0]


# ---------------------------------------------------------------- plain VADER, exactly


def test_lexicon_off_reproduces_the_reference_vader_exactly(plain):
    reference = SentimentIntensityAnalyzer()  # vaderSentiment's own, with its packaged lexicon
    for row in plain.itertuples(index=False):
        expected = reference.polarity_scores(row.text)
        assert (row.compound, row.pos, row.neu, row.neg) == (
            expected["compound"],
            expected["pos"],
            expected["neu"],
            expected["neg"],
        ), row.text
    assert set(plain.lexicon) == {"vader"}
    # A repeated word is read in its own context (nltk's port read it in the context of its first occurrence
    # and gave -0.5875 here).
    sentence = "It is not good. It is good."
    assert sentiment.vader(()).explain(sentence)[0] == reference.polarity_scores(sentence)
    assert sentiment.vader(()).explain(sentence)[0]["compound"] == 0.1265


def test_any_text_is_scored_as_one_unit_with_the_lexicon(lexicon):
    texts = ["The two sides reaffirmed their traditional friendship.", "Relations were not stormy.", ""]
    plain, diplomatic = tone.score_texts(texts), tone.score_texts(texts, lexicon=lexicon)
    assert plain.text_id.tolist() == [0, 1, 2] and plain.lexicon.tolist() == ["vader"] * 3
    assert plain.drivers.tolist() == ["friendship +1.90", "", ""]
    assert diplomatic.drivers.tolist() == ["traditional friendship +2.00", "stormy +0.74", ""]
    assert diplomatic.diplomatic.tolist() == ["traditional friendship", "stormy", ""]
    assert diplomatic.compound.iloc[2] == 0.0


# ---------------------------------------------------------------- units: voices apart, narration outside quotes


def test_every_voice_is_scored_separately_with_counts(diplomatic, seeds):
    by_voice = tone.summarise(diplomatic, seeds)
    assert by_voice.voice.tolist() == [
        "official_prc",
        "official_dprk",
        "analyst",
        "unnamed_source",
        "unknown",
        "narration",
    ]
    assert by_voice.units.tolist() == [16, 12, 15, 2, 1, 187]
    assert by_voice.documents.tolist() == [2, 4, 2, 1, 1, 5]
    assert (by_voice.positive + by_voice.neutral + by_voice.negative).tolist() == by_voice.units.tolist()
    official = by_voice.set_index("voice")
    assert official.loc["official_dprk", "mean_compound"] == 0.3345
    assert official.loc["official_prc", "mean_compound"] == 0.2852
    # The conditional offer's "peace" is in its condition, left out (kit.analyses.tone.structure): friendship leads.
    assert official.loc["official_dprk", "top_words"].startswith("friendship +7.60; friendly +4.40")


def test_every_voice_is_a_row_saying_what_it_holds_with_n_and_an_interval(diplomatic, seeds):
    table = tone.by_voice(diplomatic, seeds)
    assert table.voice.tolist() == list(tone.VOICES)  # unnamed sources, unknown speakers and narration included
    assert list(table.columns) == ["voice", "holds", *tone.SUMMARY_COLUMNS]
    rows = table.set_index("voice")
    assert rows.units.to_dict() == {
        "official_prc": 16,
        "official_dprk": 12,
        "official_other": 0,
        "analyst": 15,
        "media": 0,
        "business": 0,
        "public": 0,
        "ngo": 0,
        "unnamed_source": 2,
        "unknown": 1,
        "narration": 187,
    }
    assert rows.loc["unnamed_source", "holds"].startswith("Quotations of sources whose identity is withheld")
    assert rows.loc["narration", "holds"].startswith("The journalist's words")
    # A 95% bootstrap interval around each mean; one unit has none (low = high); no unit, no mean.
    assert rows.loc["narration", "ci_low"] < rows.loc["narration", "mean_compound"] < rows.loc["narration", "ci_high"]
    assert rows.loc["unknown", ["mean_compound", "ci_low", "ci_high"]].tolist() == [0.6369] * 3
    assert rows.loc["media", ["mean_compound", "ci_low", "ci_high"]].isna().all()
    assert rows.loc["media", "top_words"] == ""
    assert set(tone.VOICE_NOTES) == set(tone.VOICES)


def test_summary_intervals_are_the_charts_intervals(diplomatic, seeds):
    by_voice = tone.summarise(diplomatic, seeds, by="voice").set_index("voice")
    prc = diplomatic[diplomatic.voice == "official_prc"].compound
    _, low, high = mean_interval(prc.to_numpy())
    assert (by_voice.loc["official_prc", "ci_low"], by_voice.loc["official_prc", "ci_high"]) == (
        round(low, 4),
        round(high, 4),
    )


def test_narration_is_the_sentence_outside_its_quotations(diplomatic, seeds):
    stated = sentence_of(seeds, CHOSUN, "Kim stated")
    narration = diplomatic[(diplomatic.doc_id == CHOSUN) & (diplomatic.sentence_id == stated)]
    assert narration.kind.tolist() == ["narration", "speech", "speech"]
    assert narration.text.iloc[0] == "At this event, Kim stated, adding,"
    assert narration.compound.iloc[0] == 0.0
    # Scare-quoted terms are the journalist's words: they stay in the narration.
    big_brother = sentence_of(seeds, DIPLOMAT_2024, "big brother")
    rows = diplomatic[(diplomatic.doc_id == DIPLOMAT_2024) & (diplomatic.sentence_id == big_brother)]
    assert rows.kind.tolist() == ["narration"] and "“big brother”" in rows.text.iloc[0]
    # A sentence that is all quotation has no narration row.
    continuation = sentence_of(seeds, DIPLOMAT_2018, "This should not and will not change")
    rows = diplomatic[(diplomatic.doc_id == DIPLOMAT_2018) & (diplomatic.sentence_id == continuation)]
    assert rows.kind.tolist() == ["speech"] and rows.voice.tolist() == ["official_prc"]


def test_units_keep_offsets_into_the_cleaned_text(diplomatic, seeds):
    texts = seeds.documents.set_index("doc_id").text
    quotes = diplomatic[diplomatic.kind != "narration"]
    assert all(texts[r.doc_id][r.start : r.end] == r.text for r in quotes.itertuples())
    sentences = seeds.sentences.set_index(["doc_id", "sentence_id"])
    for r in diplomatic[diplomatic.kind == "narration"].itertuples():
        assert (sentences.loc[(r.doc_id, r.sentence_id)].start, sentences.loc[(r.doc_id, r.sentence_id)].end) == (
            r.start,
            r.end,
        )


# ---------------------------------------------------------------- the diplomatic lexicon


def test_a_phrase_counts_once_as_one_word(plain, diplomatic):
    before = row_of(plain, DIPLOMAT_2018, "traditional friendship", "fragment")
    after = row_of(diplomatic, DIPLOMAT_2018, "traditional friendship", "fragment")
    assert (before.compound, before.drivers) == (0.4404, "friendship +1.90")
    assert (after.compound, after.drivers, after.diplomatic) == (
        0.4588,
        "traditional friendship +2.00",
        "traditional friendship",
    )
    assert after.lexicon == "vader+diplomatic"


def test_lexicon_entries_unknown_to_vader_and_misread_by_it(plain, diplomatic):
    unshakable = row_of(diplomatic, DIPLOMAT_2018, "The DPRK-China friendship")
    assert unshakable.top_words == "unshakable +2.00; friendship +1.90; nurtured +1.90"
    assert row_of(plain, DIPLOMAT_2018, "The DPRK-China friendship").compound == 0.7003
    assert unshakable.compound == 0.8316
    critical = row_of(diplomatic, SCMP, "critical moment")
    assert (critical.compound, row_of(plain, SCMP, "critical moment").compound) == (0.0, -0.3182)
    win_win = row_of(diplomatic, HERALD, "It is a win-win for China")
    assert "win-win +2.00" in win_win.top_words
    pressure = row_of(diplomatic, HERALD, "The US has led a maximum pressure campaign")
    assert pressure.top_words.startswith("maximum pressure -2.00")
    assert "pressure -1.20" in row_of(plain, HERALD, "The US has led a maximum pressure campaign").drivers


def test_globs_show_the_words_as_written(diplomatic):
    setbacks = row_of(diplomatic, SCMP, "North Korean leader Kim Jong-un said", "narration")
    assert "setbacks -1.00" in setbacks.drivers and setbacks.diplomatic == "setbacks"


def test_vader_rules_still_apply_to_a_phrase(make_corpus, lexicon):
    body = "Analysts said the two countries are not blood allies any more, after years of rift.\n"
    folder = make_corpus({"a1.txt": body}, [{**ROW, "doc_id": "a1", "file": "a1.txt"}])
    (row,) = tone.score_units(prepare(folder), lexicon=lexicon).itertuples(index=False)
    assert row.drivers == "blood allies -1.11; rift -1.50"  # "not" flips the phrase: 1.5 × -0.74


def test_how_much_the_lexicon_moves_each_voice(plain, diplomatic):
    moved = tone.compare_lexicon(plain, diplomatic).set_index("voice")
    assert moved.loc["official_dprk", ["mean_compound_vader", "mean_compound_diplomatic", "change"]].tolist() == [
        0.4055,
        0.3345,
        -0.071,
    ]
    assert moved.loc["official_prc", "change"] == 0.1572
    assert moved.loc["analyst", "change"] == -0.1351
    assert moved.loc["narration", "change"] == -0.0369
    assert moved.units_changed.to_dict() == {
        "official_prc": 9,
        "official_dprk": 7,
        "analyst": 8,
        "unnamed_source": 0,
        "unknown": 1,
        "narration": 59,
    }


def test_extremes_of_official_voices(diplomatic):
    ends = tone.extremes(diplomatic, n=2)
    assert ends.side.tolist() == ["most positive", "most positive", "most negative"]
    assert ends.speaker.tolist() == ["Kim Jong Un", "Kim Jong Un", "North Korean government"]
    assert ends.compound.tolist() == [0.9022, 0.8658, -0.6486]
    assert ends.doc_id.tolist() == [DIPLOMAT_2018, DIPLOMAT_2018, SCMP]
    assert ends.text.iloc[0].startswith("he would like to join hands")


def test_summaries_by_outlet_and_period_show_counts(diplomatic, seeds):
    by_period = tone.summarise(diplomatic, seeds, by=["period", "voice"])
    assert by_period[["period", "voice", "units"]].head(4).values.tolist() == [
        ["2018", "official_prc", 16],
        ["2018", "official_dprk", 10],
        ["2018", "analyst", 15],
        ["2018", "narration", 102],
    ]
    by_outlet = tone.summarise(diplomatic, seeds, by="outlet")
    assert by_outlet.units.sum() == len(diplomatic) and by_outlet.documents.tolist() == [1, 1, 1, 1, 1]
    assert tone.summarise(diplomatic, seeds, by="author").units.sum() == len(diplomatic)  # a manifest column
    with pytest.raises(KitError, match="summarise by 'region'"):
        tone.summarise(diplomatic, seeds, by="region")


def test_select_voices_outlets_and_short_quotes(diplomatic, seeds):
    chosen = tone.select_units(
        diplomatic, seeds, voices=["official_prc"], outlets=["South China Morning Post"], min_quote_words=3
    )
    assert chosen.text.tolist() == [
        "frequent high-level exchanges",
        "a strategic choice and the only right choice for the sides to make based on history and reality",
        "This should not and will not change because of any single event at a particular time",
    ]
    with pytest.raises(KitError, match="outlet 'Nope' is not in the corpus"):
        tone.select_units(diplomatic, seeds, outlets=["Nope"])
    with pytest.raises(KitError, match="voice 'officials' is not one of"):
        tone.select_units(diplomatic, seeds, voices=["officials"])


# ---------------------------------------------------------------- the lexicon file


def test_default_lexicon_has_a_reason_for_every_entry(lexicon):
    table = lexicon.table().set_index("pattern")
    assert {"unshak*able", "traditional friendship", "win-win", "blood allies", "provocat*", "hostile"} <= set(
        table.index
    )
    assert {"maximum pressure", "lips and teeth", "only right choice", "Security Council"} <= set(table.index)
    assert table.reason.str.len().min() > 20
    assert table.loc["hostile", ["valence", "vader_valence", "example"]].tolist() == [
        -2.0,
        -1.6,
        "its increasingly hostile neighbor North Korea",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "lexicon:\n  calm:\n    valence: 9\n    reason: too much\n",
            "entry 'calm': valence 9 must be a number from -4 to 4",
        ),
        ("lexicon:\n  calm:\n    valence: high\n    reason: why\n", "entry 'calm': valence 'high' must be a number"),
        ("lexicon:\n  calm:\n    valence: 1\n", "entry 'calm': 'reason' must be one line"),
        ("lexicon:\n  calm:\n    valence: 1\n    reason: x\n    weight: 2\n", "entry 'calm': unknown key(s) weight"),
        (
            "lexicon:\n  calm:\n    valence: 1\n    reason: x\n  calm:\n    valence: 2\n    reason: y\n",
            "line 5: duplicate key",
        ),
        ("lexicon:\n  calm: 1\n", "entry 'calm': expected a mapping with valence and reason"),
        ("words: {}\n", "expected a mapping with 'lexicon:'"),
    ],
)
def test_bad_lexicon_files_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "lexicon.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KitError) as err:
        tone.load_lexicon(path)
    assert message in str(err.value) and str(path) in str(err.value) and "\n" not in str(err.value)


def test_cli_table_tone_with_and_without_the_lexicon(capsys):
    assert main(["table", "tone", "--no-lexicon", "--format", "json"]) == 0
    plain_out = capsys.readouterr().out
    assert '"lexicon": "vader"' in plain_out and "vader+diplomatic" not in plain_out
    assert main(["table", "tone", "--lexicon", "kit/data/diplomatic_lexicon.yaml"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.split(",")[4:15] == [
        "voice",
        "kind",
        "speaker",
        "via",
        "text",
        "compound",
        "pos",
        "neu",
        "neg",
        "lexicon",
        "top_words",
    ]


def test_cli_bad_lexicon_is_exit_2(tmp_path, capsys):
    path = tmp_path / "lexicon.yaml"
    path.write_text("lexicon:\n  calm:\n    valence: 9\n    reason: x\n", encoding="utf-8")
    assert main(["table", "tone", "--lexicon", str(path)]) == 2
    assert capsys.readouterr().err.startswith("error: ")


# ---------------------------------------------------------------- the notebook, lexicon on and off


def test_notebook_with_the_diplomatic_lexicon(run_notebook):
    values = run_notebook("02-official-tone")
    assert values["lexicon"] == "vader+diplomatic"
    assert values["quotations"] == 55
    assert values["quotations_by_kind"] == {"fragment": 17, "speech": 29, "term": 9}
    # Every voice is shown, those the compared voices leave out (and those without a unit) too.
    assert values["units_by_voice"] == {
        "official_prc": 16,
        "official_dprk": 12,
        "official_other": 0,
        "analyst": 15,
        "media": 0,
        "business": 0,
        "public": 0,
        "ngo": 0,
        "unnamed_source": 2,
        "unknown": 1,
        "narration": 187,
    }
    assert values["mean_compound_by_voice"] == {
        "official_prc": 0.2852,
        "official_dprk": 0.3345,
        "analyst": 0.1171,
        "unnamed_source": 0.5303,
        "unknown": 0.6369,
        "narration": 0.1216,
    }
    low, high = values["interval_by_voice"]["narration"]
    assert low < 0.1216 < high
    assert values["most_positive_official"][0].startswith("he would like to join hands with Xi")
    assert values["most_negative_official"] == [
        "dangerous move of collapsing the pillar of North Korea-China relations"
    ]
    assert values["unregistered_speakers"] == []
    assert values["lexicon_change_by_voice"]["official_dprk"] == -0.071
    assert values["formula_occurrences"] == {
        "denuclearization_of_the_peninsula": 5,
        "dual_suspension": 1,
        "lips_and_teeth": 1,
        "sealed_in_blood": 1,
        "traditional_friendship": 1,
    }


def test_notebook_saves_the_formulas_behind_the_chart(run_notebook, tmp_path):
    run_notebook("02-official-tone", outlets=["The Korea Herald"])
    out = tmp_path / "02-official-tone"
    found = pd.read_csv(out / "formula_occurrences.csv", keep_default_na=False)
    assert set(found.doc_id) == {HERALD}  # the outlets parameter narrows the formulas too
    years = pd.read_csv(out / "formulas_by_year.csv")
    assert set(years.year) == {2018} and set(years.articles) == {1}
    by_voice = pd.read_csv(out / "formulas_by_year_voice.csv")
    assert by_voice.occurrences.sum() == len(found)
    assert pd.read_csv(out / "formulas.csv").formula.tolist() == formulas.load_formulas().names


def test_notebook_saves_every_unit_behind_the_means(run_notebook, tmp_path):
    values = run_notebook("02-official-tone")
    units = pd.read_csv(tmp_path / "02-official-tone" / "tone_units.csv")
    assert {"doc_id", "sentence_id", "start", "end", "voice", "compound", "top_words"} <= set(units.columns)
    heard = {voice: n for voice, n in values["units_by_voice"].items() if n}
    assert units.groupby("voice").size().to_dict() == heard
    assert {"unnamed_source", "unknown", "narration"} <= set(units.voice)
    by_voice = pd.read_csv(tmp_path / "02-official-tone" / "tone_by_voice.csv", keep_default_na=False)
    assert by_voice.voice.tolist() == list(tone.VOICES)
    assert {"holds", "units", "documents", "mean_compound", "ci_low", "ci_high"} <= set(by_voice.columns)


def test_notebook_with_plain_vader(run_notebook):
    values = run_notebook("02-official-tone", use_diplomatic_lexicon=False)
    assert values["lexicon"] == "vader"
    assert {
        v: values["mean_compound_by_voice"][v] for v in ("official_prc", "official_dprk", "analyst", "narration")
    } == {
        "official_prc": 0.128,
        "official_dprk": 0.4055,
        "analyst": 0.2522,
        "narration": 0.1585,
    }
    # The comparison table does not depend on the switch.
    assert values["lexicon_change_by_voice"]["official_dprk"] == -0.071


def test_notebook_parameters_narrow_outlets_voices_and_short_quotations(run_notebook):
    herald = run_notebook(
        "02-official-tone", outlets=["The Korea Herald"], min_quote_words=4, compare_voices=["official_dprk", "analyst"]
    )
    # Herald's DPRK voice: Kim's statement (kept) and two four-word echoes "progressive and synchronous measures".
    # The compared voices narrow the panels only: tone by voice still shows every voice.
    heard = {voice: n for voice, n in herald["units_by_voice"].items() if n}
    assert heard == {"official_dprk": 3, "analyst": 9, "narration": 27}


def test_tone_summarises_by_a_metadata_column_of_the_manifest(tmp_path):
    prepared = prepare(importer.import_corpus(write_foreign_export(tmp_path / "export.csv"), tmp_path / "corpus"))
    scores = tone.score_units(prepared)
    by_type = tone.summarise(scores, prepared, by=["outlet_type", "voice"])
    assert set(by_type.outlet_type) == {"agency", "magazine", "newspaper"}
    assert by_type.groupby("outlet_type").documents.max().to_dict() == {"agency": 13, "magazine": 13, "newspaper": 14}
    with pytest.raises(KitError, match=r"^summarise by 'region': expected voice, period or a column of the documents"):
        tone.summarise(scores, prepared, by="region")


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        # Condemnation and warning the register has used for decades, VADER reads as neutral or praise.
        ("The spokesman called the drills a reckless plot by hegemonic forces and their lackeys.", "negative"),
        ("The aggressors will pay dearly and face resolute countermeasures.", "negative"),
        ("The ministry voiced grave concern over the sanctions.", "negative"),
        # Endorsement formulas VADER reads as neutral.
        ("Both sides pledged mutually beneficial cooperation and a constructive dialogue.", "positive"),
        ("The two parties hailed their unbreakable, good-neighbourly ties.", "positive"),
    ],
)
def test_the_register_in_general_not_only_the_development_texts(lexicon, sentence, side):
    plain_score = tone.score_texts([sentence]).compound[0]
    score = tone.score_texts([sentence], lexicon=lexicon).compound[0]
    if side == "negative":
        assert score <= -0.05 and score < plain_score
    else:
        assert score >= 0.05 and score > plain_score


def test_intensifiers_and_prepositions_are_no_praise(lexicon):
    """VADER scores "strongly" +1.1, "truly" +1.9, "like" +1.5 and "play" +1.4; in news they intensify, compare or
    take a part."""
    sentences = [
        "It strongly condemns the launch.",
        "The results were truly awful.",
        "Countries like Japan object.",
        "Seoul wants Beijing to play a role.",
    ]
    plain_scores = tone.score_texts(sentences).compound.tolist()
    scores = tone.score_texts(sentences, lexicon=lexicon).compound.tolist()
    assert all(s < p for s, p in zip(scores, plain_scores, strict=True))
    assert scores[2] == scores[3] == 0.0  # "object" is no feeling either; nor is playing a role
    # A ritual "issues of common concern" is not alarm; "concern" alone is.
    talks, alarm = tone.score_texts(
        ["They discussed issues of common concern.", "They voiced concern."], lexicon=lexicon
    ).compound
    assert talks == 0.0 and alarm < 0
