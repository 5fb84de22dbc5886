"""Theme frequency (kit.analyses.themes): hand-counted hits on the seeds, dictionary files, counts and top themes."""

import csv
import dataclasses
import io
import re
import shutil

import pandas as pd
import pytest
import yaml

from kit import cli, config
from kit.analyses import kwic, themes
from kit.compute import archive
from kit.errors import KitError
from kit.ingest import importer
from kit.preprocess import lookup
from kit.preprocess.pipeline import prepare
from tests.exports import write_foreign_export
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, SCMP

FIXTURES = config.ROOT / "tests" / "fixtures"
YEARS_2018 = [DIPLOMAT_2018, SCMP, HERALD]
SUMMIT_VS_RECENT = ["2018 summit=2018-01-01", "2024–2025=2024-01-01"]


@pytest.fixture(scope="module")
def default():
    return themes.load_dictionary()


@pytest.fixture(scope="module")
def by_document(seeds, default):
    return themes.count(seeds, default)


def hits(table, doc_id, theme, column="hits"):
    row = table[(table.doc_id == doc_id) & (table.theme == theme)]
    assert len(row) == 1
    return row[column].iloc[0]


# ---------------------------------------------------------------- the dictionary


def test_default_dictionary_has_the_issue_themes(default):
    assert default.names == [
        "alliance",
        "denuclearisation",
        "sanctions",
        "economy",
        "russia",
        "united_states",
        "security",
    ]
    assert str(default.source) == "kit/data/themes.yaml"
    assert all(t.label and t.description for t in default.themes)
    table = default.table()
    assert list(table.columns) == ["theme", "label", "pattern", "weight", "case_sensitive", "exclude"]
    assert "nuclear physics" in table.exclude.tolist()


def test_a_dictionary_file_is_parsed_once(monkeypatch):
    # A repeated theme used to be found by composing the file a second time before loading it.
    composed = []
    monkeypatch.setattr(yaml, "compose", lambda *args, **kwargs: composed.append(args))
    assert themes.load_dictionary().names[0] == "alliance"
    assert composed == []


def test_user_dictionary_replaces_the_default(seeds):
    user = themes.load_dictionary(FIXTURES / "themes_user.yaml")
    assert user.names == ["leaders"]
    table = themes.count(seeds, user)
    assert table.theme.unique().tolist() == ["leaders"]
    # Korea Herald: "Xi Jinping" ×3 (one match each, not also "Xi"), "Xi" ×3, "Kim Jong-un" ×2 at weight 2.
    assert hits(table, HERALD, "leaders") == 8
    assert hits(table, HERALD, "leaders", "weighted") == 10.0
    found = themes.matches(seeds, user)
    herald = found[found.doc_id == HERALD]
    assert (herald.pattern == "Xi Jinping").sum() == 3 and (herald.pattern == "Xi").sum() == 3


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "themes_bad_unknown_key.yaml",
            "tests/fixtures/themes_bad_unknown_key.yaml: theme 'russia', entry 'Moscow': unknown key(s) wieght "
            "(allowed: case_sensitive, exclude, pattern, weight)",
        ),
        (
            "themes_bad_weight.yaml",
            "tests/fixtures/themes_bad_weight.yaml: theme 'sanctions', entry 'maximum pressure': "
            "weight 'heavy' is not a number",
        ),
        (
            "themes_bad_empty_pattern.yaml",
            "tests/fixtures/themes_bad_empty_pattern.yaml: theme 'economy', entry '  ': pattern is empty",
        ),
        (
            "themes_bad_duplicate_theme.yaml",
            "tests/fixtures/themes_bad_duplicate_theme.yaml line 10: duplicate theme 'russia' (first defined at line 2)",
        ),
        (
            "themes_bad_theme_key.yaml",
            "tests/fixtures/themes_bad_theme_key.yaml: theme 'russia': unknown key(s) descripton "
            "(allowed: description, entries, label)",
        ),
    ],
)
def test_bad_dictionary_files_name_the_file_theme_and_entry(name, message):
    with pytest.raises(KitError) as err:
        themes.load_dictionary(FIXTURES / name)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("themes: {}\n", "'themes' must map theme names to themes"),
        ("themes:\n  a:\n    entries: []\n", "theme 'a': 'entries' must be a non-empty list"),
        ("themes:\n  a:\n    entries: [x, x]\n", "theme 'a', entry 'x': listed twice"),
        ("themes:\n  9a:\n    entries: [x]\n", "theme '9a': theme name must start with a letter"),
        ("version: 2\nthemes:\n  a:\n    entries: [x]\n", "unknown top-level key(s) version"),
        ("themes:\n  a: [x]\n", "theme 'a': expected a mapping"),
        ("themes: [\n", "not valid YAML"),
        ("themes:\n  a:\n    entries:\n      - pattern: x\n        pattern: y\n", "line 5: duplicate key 'pattern'"),
    ],
)
def test_other_dictionary_mistakes_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KitError) as err:
        themes.load_dictionary(path)
    assert str(path) in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_dictionary_file_and_unknown_theme(tmp_path, default):
    with pytest.raises(KitError, match="theme dictionary not found"):
        themes.load_dictionary(tmp_path / "none.yaml")
    with pytest.raises(KitError, match=r"kit/data/themes.yaml: no theme 'rusia' \(themes: alliance, "):
        default.subset(["rusia"])


def _dictionary_of(path, n):
    lines = ["themes:", "  t:", "    entries:", *(f"      - word{i}" for i in range(n))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class _CountedPattern(str):
    """A pattern that counts how often it is hashed or compared: the work of the duplicate check."""

    operations = 0

    def __hash__(self):
        _CountedPattern.operations += 1
        return str.__hash__(self)

    def __eq__(self, other):
        _CountedPattern.operations += 1
        return str.__eq__(self, other)


def test_checking_entries_for_repeats_grows_linearly(tmp_path, monkeypatch):
    # An operation count, not a time: doubling the entries doubles the work (a pairwise check, as before,
    # quadruples it — 50,000 entries took four minutes).
    parse_entry = lookup.parse_entry

    def counted(raw, **kwargs):
        entry = parse_entry(raw, **kwargs)
        return dataclasses.replace(entry, pattern=_CountedPattern(entry.pattern))

    monkeypatch.setattr(lookup, "parse_entry", counted)

    def operations(n):
        _CountedPattern.operations = 0
        loaded = themes.load_dictionary(_dictionary_of(tmp_path / f"{n}.yaml", n))
        assert len(loaded.themes[0].entries) == n
        return _CountedPattern.operations

    small, large = operations(1000), operations(2000)
    assert 1000 <= small <= 3 * 1000
    assert large <= 2.1 * small


def test_a_repeated_entry_is_found_among_many(tmp_path):
    path = _dictionary_of(tmp_path / "many.yaml", 5000)
    path.write_text(path.read_text(encoding="utf-8") + "      - word17\n", encoding="utf-8")
    with pytest.raises(KitError, match="theme 't', entry 'word17': listed twice"):
        themes.load_dictionary(path)


# ---------------------------------------------------------------- hand counts on the seeds


def test_russia_is_absent_in_2018_and_present_in_both_later_articles(by_document):
    # Counted by hand in the cleaned texts: ChosunBiz "Russia" ×6 + "North-Russia"; The Diplomat 2024
    # "Russia" ×9 (the standfirst with two more is furniture), Russian, Moscow, Putin, Shoigu.
    for doc_id in YEARS_2018:
        assert hits(by_document, doc_id, "russia") == 0
    assert hits(by_document, CHOSUN, "russia") == 7
    assert hits(by_document, DIPLOMAT_2024, "russia") == 13


def test_russia_matches_agree_with_a_plain_regex_over_the_cleaned_text(seeds, default):
    pattern = re.compile(r"(?<![\w-])(?:North-Russia|Russia\w*|Moscow|Putin|Shoigu|Kremlin)(?![\w-])")
    found = themes.matches(seeds, default, themes=["russia"])
    for doc in seeds.documents.itertuples():
        expected = [m.span() for m in pattern.finditer(doc.text)]
        mine = found[found.doc_id == doc.doc_id]
        assert list(zip(mine.start, mine.end, strict=True)) == expected


def test_both_spellings_of_denuclearisation_are_counted(seeds, default):
    found = themes.matches(seeds, default, themes=["denuclearisation"])
    glob = found[found.pattern == "denucleari*"]
    assert glob.groupby("doc_id").size().to_dict() == {DIPLOMAT_2018: 2, SCMP: 1, HERALD: 7}
    assert sorted(set(glob.match.str.lower())) == [
        "denuclearisation",
        "denuclearization",
        "denuclearize",
        "denuclearized",
    ]


def test_a_glob_theme_counts_hyphenated_words_by_their_parts_and_kwic_shows_each(make_corpus, tmp_path):
    # Issue 12: "japan*" silently missed "anti-Japan" (a hyphenated word is one token).
    body = "An anti-Japan rally drew crowds. Japan-based firms and Japanese envoys watched. Kim Jong-un spoke.\n"
    folder = make_corpus({"a1.txt": body})
    path = tmp_path / "japan.yaml"
    path.write_text("themes:\n  japan:\n    entries: [japan*]\n  un:\n    entries: [un]\n", encoding="utf-8")
    dictionary = themes.load_dictionary(path)
    prepared = prepare(folder)
    counted = themes.count(prepared, dictionary)
    assert hits(counted, "a1", "japan") == 3
    assert hits(counted, "a1", "un") == 0  # a plain word matches whole tokens: never the "un" of Jong-un
    lines = kwic.kwic(prepared, dictionary, theme="japan")
    assert lines.match.tolist() == ["anti-Japan", "Japan-based", "Japanese"]


def test_denuclearisation_theme_counts_weights_and_the_nuclear_physics_exclusion(by_document, seeds, default):
    # SCMP: denuclearisation (weight 2), nuclear test, nuclear tests ×2, missile launches; not "nuclear physics".
    assert hits(by_document, SCMP, "denuclearisation") == 5
    assert hits(by_document, SCMP, "denuclearisation", "weighted") == 6.0
    found = themes.matches(seeds, default, themes=["denuclearisation"])
    texts = dict(zip(seeds.documents.doc_id, seeds.documents.text, strict=True))
    physics = texts[SCMP].index("nuclear physics")
    assert physics not in found[found.doc_id == SCMP].start.tolist()
    # The Diplomat 2018: denuclearization ×2 (weight 2) and nuclear-free.
    assert hits(by_document, DIPLOMAT_2018, "denuclearisation", "weighted") == 5.0


def test_a_multiword_entry_is_not_also_counted_as_its_parts(by_document, seeds, default):
    # Korea Herald: sanctions ×4, "maximum pressure" once, "the US' pressure" once (weight 0.5).
    assert hits(by_document, HERALD, "sanctions") == 6
    assert hits(by_document, HERALD, "sanctions", "weighted") == 5.5
    lines = kwic.kwic(seeds, default, theme="sanctions")
    herald = lines[lines.doc_id == HERALD]
    assert herald.pattern.value_counts().to_dict() == {"sanction*": 4, "maximum pressure": 1, "pressure": 1}
    maximum = herald[herald.pattern == "maximum pressure"].iloc[0]
    overlapping = herald[(herald.start < maximum.end) & (herald.end > maximum.start)]
    assert len(overlapping) == 1


def test_case_sensitive_us_and_the_washington_exclusion(by_document, seeds, default):
    # The Diplomat 2018: U.S., Trump ×2, United States ×2; "Washington, DC-based Center" is excluded.
    assert hits(by_document, DIPLOMAT_2018, "united_states") == 5
    found = themes.matches(seeds, default, themes=["united_states"])
    assert "Washington" not in found.match.tolist()
    # Korea Herald: US ×21, United States, Trump, Bolton, Pompeo, Tillerson, Pyongyang-Washington.
    assert hits(by_document, HERALD, "united_states") == 27
    assert (found[found.doc_id == HERALD].pattern == "US").sum() == 21


def test_count_table_columns_tokens_and_rate(by_document, seeds):
    assert list(by_document.columns) == themes.COUNT_COLUMNS
    assert len(by_document) == 5 * 7
    words = seeds.tokens[~seeds.tokens.is_punct].groupby("doc_id").size()
    assert dict(zip(by_document.doc_id, by_document.tokens, strict=False)) == words.to_dict()
    chosun_economy = by_document[(by_document.doc_id == CHOSUN) & (by_document.theme == "economy")].iloc[0]
    assert chosun_economy.per_1k == round(chosun_economy.weighted / chosun_economy.tokens * 1000, 4)
    assert by_document.doc_id.tolist() == sorted(by_document.doc_id)


def test_every_count_expands_to_its_kwic_lines(by_document, seeds, default):
    lines = kwic.kwic(seeds, default, window=3)
    per_cell = lines.groupby(["doc_id", "theme"]).size()
    for row in by_document.itertuples():
        assert per_cell.get((row.doc_id, row.theme), 0) == row.hits


def test_counts_by_outlet_and_period_are_sums(seeds, default, by_document):
    by_outlet = themes.count(seeds, default, by="outlet")
    assert list(by_outlet.columns) == ["outlet", *themes.GROUP_COUNT_COLUMNS]
    assert by_outlet.hits.sum() == by_document.hits.sum()
    diplomat = by_outlet[by_outlet.outlet == "The Diplomat (Features)"].set_index("theme")
    assert diplomat.loc["russia", "hits"] == 13
    by_period = themes.count(seeds, default, by="period", periods=SUMMIT_VS_RECENT)
    assert by_period.period.unique().tolist() == ["2018 summit", "2024–2025"]
    russia = by_period[by_period.theme == "russia"].set_index("period")
    assert russia.hits.to_dict() == {"2018 summit": 0, "2024–2025": 20}
    assert russia.documents.to_dict() == {"2018 summit": 3, "2024–2025": 2}
    assert russia.loc["2024–2025", "per_1k"] == round(20 / russia.loc["2024–2025", "tokens"] * 1000, 4)


# ---------------------------------------------------------------- top themes


def test_top_theme_by_period(seeds, default):
    by_period = themes.count(seeds, default, by="period", periods=SUMMIT_VS_RECENT)
    top = themes.top_themes(by_period, unit="period")
    assert dict(zip(top.period, top.theme, strict=True)) == {"2018 summit": "united_states", "2024–2025": "economy"}


# ---------------------------------------------------------------- command line


def test_cli_themes_and_kwic_tables(capsys):
    assert cli.main(["table", "themes"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert list(rows[0]) == themes.COUNT_COLUMNS
    russia = {r["doc_id"]: int(r["hits"]) for r in rows if r["theme"] == "russia"}
    assert russia == {CHOSUN: 7, DIPLOMAT_2018: 0, SCMP: 0, HERALD: 0, DIPLOMAT_2024: 13}
    assert cli.main(["table", "kwic", "--theme", "russia", "--window", "4"]) == 0
    lines = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len(lines) == 20
    assert list(lines[0])[:7] == ["doc_id", "sentence_id", "start", "end", "theme", "pattern", "left"]


def test_cli_keyness_and_bad_dictionary(capsys):
    assert cli.main(["table", "keyness", "--periods", "2018", "2024", "--format", "json"]) == 0
    assert '"item": "united_states"' in capsys.readouterr().out
    bad = str(FIXTURES / "themes_bad_weight.yaml")
    assert cli.main(["table", "themes", "--dictionary", bad]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("error: tests/fixtures/themes_bad_weight.yaml: theme 'sanctions'") and err.count("\n") == 1


# ---------------------------------------------------------------- the notebook


@pytest.mark.enable_socket
def test_themes_notebook_records_values_and_tables(run_notebook, tmp_path):
    values = run_notebook("03-themes", period_boundaries=SUMMIT_VS_RECENT)
    assert values["theme_hits"]["russia"] == {CHOSUN: 7, DIPLOMAT_2018: 0, SCMP: 0, HERALD: 0, DIPLOMAT_2024: 13}
    assert values["top_theme_by_period"] == {"2018 summit": "united_states", "2024–2025": "economy"}
    assert values["kwic_lines_equal_hits"] is True
    assert values["keyness_g2"]["russia"] > 0 > values["keyness_g2"]["united_states"]
    out = tmp_path / "03-themes"
    for name in ["themes_by_document", "themes_by_period", "keyness_themes", "keyness_words", "kwic"]:
        assert (out / f"{name}.csv").is_file()
    kwic = pd.read_csv(out / "kwic.csv")
    assert len(kwic) == values["kwic_lines"]


@pytest.mark.enable_socket
def test_a_user_dictionary_with_a_new_theme_shows_up_in_the_report(run_notebook, tmp_path):
    mine = tmp_path / "my-themes.yaml"
    shutil.copy(config.THEMES, mine)
    data = yaml.safe_load(mine.read_text(encoding="utf-8"))
    data["themes"]["cooperation"] = {
        "label": "Cooperation",
        "description": "Cooperation between the two countries.",
        "entries": ["cooperat*", {"pattern": "joint ventures", "weight": 2}],
    }
    mine.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    values = run_notebook("03-themes", dictionary=str(mine))
    assert values["themes"][-1] == "cooperation"
    assert values["theme_hits"]["cooperation"][DIPLOMAT_2024] == 14
    table = pd.read_csv(tmp_path / "03-themes" / "themes_by_document.csv")
    assert "cooperation" in set(table.theme)


def test_with_theme_adds_a_theme_as_the_file_would_define_it(seeds):
    default = themes.load_dictionary()
    mine = themes.with_theme(default, "cooperation", ["cooperat*", "joint venture*", "exchange*"], label="Cooperation")
    assert mine.names == [*default.names, "cooperation"] and default.names[-1] != "cooperation"
    counts = themes.count(seeds, mine, by="document", themes=["cooperation"])
    assert counts.hits.sum() == len(kwic.kwic(seeds, mine, theme="cooperation"))
    with pytest.raises(KitError, match="theme 'alliance' is already defined"):
        themes.with_theme(default, "alliance", ["ally"])
    with pytest.raises(KitError, match="'entries' must be a non-empty list"):
        themes.with_theme(default, "empty", [])


# --- grouping by any metadata column of the manifest ------------------------------------------------------------


def imported_export(tmp_path):
    return importer.import_corpus(write_foreign_export(tmp_path / "export.csv"), tmp_path / "corpus")


def test_kit_table_themes_groups_by_a_metadata_column_of_an_imported_export(tmp_path, capsys):
    corpus = imported_export(tmp_path)
    assert cli.main(["table", "themes", "--corpus", str(corpus), "--by", "outlet_type", "--no-progress"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns) == ["outlet_type", "documents", "theme", "hits", "weighted", "tokens", "per_1k"]
    documents = table.drop_duplicates("outlet_type").set_index("outlet_type").documents
    assert documents.to_dict() == {"agency": 13, "magazine": 13, "newspaper": 14}
    alliance = table[table.theme == "alliance"].set_index("outlet_type")
    assert (alliance.hits == alliance.documents).all()  # "traditional friendship" once in every article


def test_count_by_a_metadata_column_matches_the_outlet_grouping_it_mirrors(tmp_path):
    prepared = prepare(imported_export(tmp_path))
    dictionary = themes.load_dictionary()
    by_country = themes.count(prepared, dictionary, by="country")
    by_outlet = themes.count(prepared, dictionary, by="outlet")
    countries = {"Seoul Daily": "KR", "Tokyo Wire": "JP", "Beijing Review": "CN"}
    by_outlet["country"] = by_outlet.outlet.map(countries)
    expected = by_outlet.drop(columns="outlet").sort_values(["country"], kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(by_country, expected[list(by_country.columns)])


def test_an_unknown_group_column_is_one_line_naming_the_columns_there_are(tmp_path, capsys, monkeypatch):
    corpus = imported_export(tmp_path)
    monkeypatch.setattr(archive, "opened", lambda *_: pytest.fail("the articles were read before --by was checked"))
    assert cli.main(["table", "themes", "--corpus", str(corpus), "--by", "region", "--no-progress"]) == 2
    assert capsys.readouterr().err == (
        "error: --by 'region': no such column; group by document, period or one of doc_id, outlet, headline, "
        "published, published_precision, timezone, author, url, outlet_type, country\n"
    )


def test_keyness_refuses_an_unknown_group_column_before_reading_an_article(tmp_path, capsys, monkeypatch):
    corpus = imported_export(tmp_path)
    monkeypatch.setattr(archive, "opened", lambda *_: pytest.fail("the articles were read before --by was checked"))
    assert cli.main(["table", "keyness", "--corpus", str(corpus), "--by", "document", "--no-progress"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: --by 'document': no such column; group by period or one of doc_id"
    )
