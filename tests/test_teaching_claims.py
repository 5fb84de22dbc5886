"""Every claim the teacher's guide, the solutions and the data card make about the data, checked against the data.

Each test computes the facts of one exercise with the kit and checks that the guide (or a notebook, or the data
card) states them in the words listed in ``PHRASES``. A changed rule that breaks a claim fails here; so does a new
number in the guide's answers that no test checks (:func:`test_every_number_in_the_answers_is_a_checked_claim`).
"""

import json
import re
from datetime import date

import pytest

from kit import config
from kit.analyses import chronology, keyness, kwic, overview, themes, tone, voices
from kit.analyses.voices import actors
from kit.preprocess import text
from kit.teaching import judgements, selfcheck
from kit.validation import dates as dates_validation
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, SCMP


def flat(value):
    return " ".join(value.split())


GUIDE = flat((config.TEACHING / "TEACHERS_GUIDE.md").read_text(encoding="utf-8"))
DATA_CARD = flat((config.SEEDS / "SOURCES.md").read_text(encoding="utf-8"))


def notebook_text(path):
    """Every cell's source, flattened, comments without their "#": markdown and code comments read alike."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = [re.sub(r"^\s*# ?", "", line) for cell in cells for line in "".join(cell["source"]).splitlines()]
    return flat(" ".join(lines))


SOLUTIONS = {path.stem: notebook_text(path) for path in sorted(config.SOLUTIONS.glob("*.ipynb"))}

# The words each claim is stated in, by the test that checks it (flattened: line breaks do not matter).
PHRASES = {
    # the data card and the guide's opening
    "three dates": "three from 28 March 2018, the day Kim Jong-un's first visit to Beijing was confirmed; one from April 2024; one from September 2025",
    # part 1 / workbook 1, exercise 1
    "scmp removed": 'The kit removes 11 lines from the SCMP article: 5 related-story headlines, 2 date lines, a section label, the headline, the standfirst and the "Additional reporting by" line',
    "herald removed": 'From The Korea Herald it removes 5 lines: the section label "Back To Top", the headline, a photo caption printed twice (two lines) and the truncated byline',
    "diplomat removed": "From the 2024 Diplomat article it removes 8: the headline 3 times, 2 section labels, the standfirst, a photo caption and its credit line",
    # part 2 / workbook 2, exercise 2
    "sanctions densest": 'The Korea Herald is the most dense in sanctions words (6 hits, weighted 5.5: "pressure" counts half)',
    "economy equal": "The Diplomat (2018) and The Korea Herald have 4 hits each, but the Herald is shorter (981 against 1,230 word tokens), so its rate is higher (4.1 against 3.3 per 1,000)",
    "lengths": "(919 to 1,342 word tokens)",
    "russia": "For Russia both measures agree: 7 hits in ChosunBiz (933 word tokens, 7.5 per 1,000) and 13 in the 2024 Diplomat article (1,342 word tokens, 9.7 per 1,000); zero in every 2018 article",
    # precision
    "alliance lines": "The alliance theme counts 25 lines",
    "first five": 'The worked example keeps 4 of the first 5 (precision 0.80), dropping the staging line "to foster a friendly atmosphere"',
    "one reading": 'One full reading drops 3 lines — the staging (line 5), the title "Comrade Chairman" (line 13) and "comrades of the DPRK", party language for North Koreans (line 14) — for a precision of 22/25 = 0.88; "its nominal ally" (line 15) doubts the alliance but is about it',
    "differ": 'Pairs will differ on lines 13, 15 and the ironic "big brother" (line 25)',
    "one reading 2": "One reading drops 3 lines (5, 13 and 14) for a precision of 22/25 = 0.88",
    # recall
    "ties": '"Ties" and "partner" find 10 lines the alliance theme does not count; 3 of them are not about the alliance (lines 1 and 10 are North Korea\'s ties with Russia, line 8 is trade: "biggest trading partner"), 7 are. With every counted line kept, recall is at most 25/32 = 0.78',
    "ties 2": '"Ties" and "partner" find 10 lines the alliance theme does not count; 7 are about the alliance (lines 1 and 10 are ties with Russia, line 8 is trade), so recall is at most 25/32 = 0.78',
    "cooperation": 'Their own `cooperation` theme (`cooperat*`, `joint venture*`, `exchange*`) counts 25 lines, among them "weapons in exchange for food" (line 13, a trade of goods) and military cooperation between Pyongyang and Moscow (line 12); one reading keeps 23',
    "cooperation missed": 'Words it lacks find 9 more lines, among them economic "assistance" and a subheading on "Collaboration"; keeping 5 gives a recall of at most 23/28 = 0.82',
    "cooperation 2": 'Their own `cooperation` theme counts 25 lines (the self-check: 24 means a glob without its `*`, 18 means `exchange` without `*`), among them "weapons in exchange for food" (line 13) and military cooperation between Pyongyang and Moscow (line 12)',
    "cooperation missed 2": 'Words it lacks ("assistance", "collaboration", "help", "investment"…) find 9 more lines; keeping 5 gives a recall of at most 23/28 = 0.82',
    "extension": "the doc_id from the file name, no outlet, the month alone where the file name has no day",
    # workbook 1
    "related story": 'Without its full stop, the short paragraph "Analysts expect more visits this year" between two paragraphs becomes a `related_story` and is removed. Dropped from the *last* paragraph, the full stop changes nothing: the rules keep a last paragraph cut off mid-sentence as a `paragraph`',
    "abbreviations": '"4 p.m." (ChosunBiz) and "U.S." (The Diplomat, 2018) stay inside their sentences because the kit ships its own abbreviation list (`kit/data/abbreviations.txt`). "Adm." and "Sgt." are in the list; "Amb." is not, and "Amb. Lee arrived on Monday." is cut after "Amb.".',
    "tokens": '"Kim Jong-un’s" becomes 3 tokens (`Kim`, `Jong-un`, `’s`); "Kim Jong Un" is 3 other tokens',
    "six kims": 'The token "Kim" names six people here: Kim Jong Un, Kim Jong Il, Kim Il Sung, Kim Yong Chol, Kim Duk Hoon and the analyst Kim Dong-yub',
    "content words": 'Across the corpus "north", "korea" and "china" lead, "kim" next; but each outlet differs: the 2018 Diplomat article\'s most frequent content word is "kim", and The Korea Herald has "us" (the United States) among its top four. "russia" appears only in the 2024 and 2025 articles',
    # workbook 2
    "us warm-up": 'The Korea Herald is the most about the United States (27 hits). The entry `US` is case-sensitive because lower-case "us" is a pronoun: it does not occur in these five articles',
    "sanctions entries": '`sanctions` has 5 entries: the glob `sanction*`, "maximum pressure", "pressure" (weight 0.5, because "pressure" alone is often not about sanctions), "ban" and `circumvent*`. The alliance theme has 13 entries',
    "keyness periods": "Comparing 2024–2025 with 2018",
    "keyness": 'the largest effect is the United States, under-used (1 hit against 45, G2 −41.3); then Russia over-used (20 hits against 0) and denuclearisation under-used (0 against 23). Among words, "us" (0 against 27) leads',
    # workbook 3
    "chosun dates": 'The ChosunBiz article has 15 expressions: "the 2nd" (arrival, with the time 16:00, and a report published the same day), "the 3rd" (the military parade, 2025-09-03), "the 4th" (departure, 22:00), "last month" (August 2025), "last year" (2024, twice), "this year", "the previous year" (2023, counted back from "last year"), the explicit "2024", and vague ones ("Previously", "the future") with no span',
    "what if": 'A week later nothing moves: "the 3rd" is still the 3rd of the nearest month. A month later (5 October 2025) 6 move — every "the 2nd", "the 3rd", "the 4th" and "last month" — while "last year" and "2024" do not. For the 2018 Diplomat article, whose date is inferred, one day later (29 March) moves only the end of "Since then" (from 2014 to publication), and 2 April moves "this week" too',
    "tense": '"travelled … in November" in an article of 28 March 2018 is November 2017; "will travel … in November" is November 2018',
    "no cue": '"In November, talks resume." (a timetable in the simple present) looks forward — November 2018',
    "inferred": "two of the five were not printed but inferred from the events described, the 2018 Diplomat article's and the 2024 Diplomat article's",
    "month precision": 'With a publication dated only "2024-04"',
    "unknown day": '"last year" is exactly 2023, but "yesterday" could be any day from 31 March to 29 April',
    "not dates": '"6 years and 8 months", "16-day" and "28,500" are in the text and produce no rows. The rules do take "1998 defections" for a year, because "defections" is not in the list of quantity nouns',
    "gold": 'The two expressions of the worked example score 2/2 and leave 6 rows "not in gold"; with "earlier this month" (1 to 27 March 2018) added, 3/3 and 5 rows: "the end of April", "the end of May", "recent years" and "recently" twice',
    "warm-up 3": 'The text says only "on the 2nd"; the answer needs the publication date (5 September 2025) from the manifest',
    # workbook 4
    "groups": "in these five articles the quotations fall into five of them (16 official_prc, 15 analyst, 12 official_dprk, 2 unnamed_source, 1 unknown) and 9 are terms without a speaker. The `abstained` column, which says why the rules refused a candidate speaker, is empty for every quotation here",
    "terms": 'The 2024 Diplomat article has no speech at all: its 6 quotations ("war economy", "government business", "20×10 regional development policy", "big brother", "Korean Wave", "My Companion") are terms',
    "fragment": "SCMP's \"frequent high-level exchanges\" is a fragment of China's foreign ministry",
    "xi": "the same Xi sentence is *speech* in The Diplomat",
    "kims": "The registry lists 10 Kims: Kim Jong Un, Kim Jong Il, Kim Il Sung, Kim Yo Jong, Kim Yong Chol, Kim Duk Hoon, Kim Yong Nam, Kim Kye Gwan, Kim Song Nam and Kim Dong-yub",
    "he said": 'In the Herald, "he said" in sentence 15 is the analyst Kim Dong-yub (rule `cue after`), not Kim Jong Un; "Kim was quoted as saying by China\'s Xinhua Agency" is Kim Jong Un via Xinhua',
    "extremes": 'The most positive official unit is Kim\'s "join hands … noble will … friendship … a new high" (+0.90): praise by diplomatic formula, not warmth. The most negative is North Korea\'s "dangerous move of collapsing the pillar of North Korea-China relations" (−0.65), driven by "dangerous" (−2.10) and "collapsing" (−1.20)',
    "lexicon": "The largest move is PRC officials, +0.157 (9 of 16 units move), just ahead of the `unknown` voice, +0.143 — on a single unit. DPRK officials move the other way, −0.071 (7 of 12: a conditional offer's words leave the scored text), analysts −0.135 (8 of 15), narration −0.037 (59 of 187)",
    "boo": 'Without Boo Seung-chan in the registry his 2 quotations are still attributed (from "a research fellow at Yonsei Institute of North Korean Studies in Seoul", group analyst)',
    "via": "Kim agreed that “…,” according to Xinhua",
}
# Claims the solutions make in their comments (and the worked examples, which workbooks and solutions share).
NOTEBOOK_PHRASES = {
    "first five": 'Lines 1-4 are about the two countries\' friendship (Kim\'s "our Chinese comrades", "unchanging friendly relations"): keep. Line 5 is about state media staging the meeting ("to foster a friendly atmosphere"), not about the relationship: drop.',
    "one reading": 'One reading: drop the staging (5), the title "Comrade Chairman" (13) and "comrades of the DPRK", party language for North Koreans (14). "Its nominal ally" (15) doubts the alliance but is about it: keep.',
    "ties": 'Lines 1 and 10 are North Korea\'s ties with Russia, not with China; line 8 is trade ("biggest trading partner"): not the alliance theme.',
    "cooperation": 'Line 12 is military cooperation between Pyongyang and Moscow; line 13 is "weapons in exchange for food", a trade of goods, not an exchange between the countries: drop both.',
    "cooperation missed": 'Economic assistance (4), the subheading on "Collaboration" (5), helping and help (6, 7) and investment (9) are cooperation the dictionary missed.',
    "month only": "A file whose name has no day takes `published`: the 2024 article is known to the month only.",
}


def stated(name, where=GUIDE):
    phrase = flat(PHRASES[name])
    assert phrase in where, f"the guide no longer says: {phrase}"


def stated_in_notebooks(name, *stems):
    phrase = flat(NOTEBOOK_PHRASES[name])
    for stem in stems:
        assert phrase in SOLUTIONS[stem], f"{stem} no longer says: {phrase}"


@pytest.fixture(scope="module")
def dictionary():
    return themes.load_dictionary()


@pytest.fixture(scope="module")
def counts(seeds, dictionary):
    return themes.count(seeds, dictionary, by="document").set_index(["doc_id", "theme"])


@pytest.fixture(scope="module")
def alliance(seeds, dictionary):
    return judgements.numbered(kwic.kwic(seeds, dictionary, theme="alliance", window=6)).set_index("line")


@pytest.fixture(scope="module")
def sentence(seeds):
    texts = seeds.sentences.set_index(["doc_id", "sentence_id"]).text
    return lambda row: texts[(row.doc_id, row.sentence_id)]


# ---------------------------------------------------------------- the corpus and the data card


def test_the_corpus_is_as_the_guide_and_the_data_card_say(seeds):
    documents = seeds.documents.set_index("doc_id")
    published = documents.published.str[:10]
    assert sorted(published) == ["2018-03-28"] * 3 + ["2024-04", "2025-09-05"]
    stated("three dates")


def test_the_data_card_names_every_article_its_url_and_how_its_date_was_established(seeds):
    for row in seeds.documents.itertuples():
        assert f"`{row.file}` | {row.outlet} |" in DATA_CARD, row.file
        assert (f"<{row.url}>" if row.url else "not recorded") in DATA_CARD.split(f"`{row.file}`")[1].split("|")[4]
        date_row = DATA_CARD.split(f"`{row.file}` | {row.published} | {row.published_precision} |")
        assert len(date_row) == 2, f"{row.file}: the dates table must give {row.published} ({row.published_precision})"
        inferred = "inferred" in row.notes
        assert date_row[1].split("\n")[0].rstrip().split("|")[1].strip().startswith("**yes**" if inferred else "no")
    assert sum("inferred" in notes for notes in seeds.documents.notes) == 2, "two dates are inferred"
    assert "Terms of use for teaching" in DATA_CARD


# ---------------------------------------------------------------- cleaning


def test_what_cleaning_removes(seeds):
    scmp = seeds.removed[seeds.removed.doc_id == SCMP].kind.value_counts().to_dict()
    assert scmp == {
        "related_story": 5,
        "date_line": 2,
        "section_label": 1,
        "headline": 1,
        "standfirst": 1,
        "additional_reporting": 1,
    }
    herald = overview.article_lines(seeds, HERALD)
    removed = herald[~herald.kept]
    assert removed.kind.tolist() == ["section_label", "headline", "caption", "caption", "byline"]
    assert removed.text.iloc[0] == "Back To Top" and removed.text.iloc[2] == removed.text.iloc[3]
    diplomat = seeds.removed[seeds.removed.doc_id == DIPLOMAT_2024].kind.value_counts().to_dict()
    assert diplomat == {"headline": 3, "section_label": 2, "standfirst": 1, "caption": 1, "credit": 1}
    for name in ("scmp removed", "herald removed", "diplomat removed"):
        stated(name)


def test_a_full_stop_dropped_between_paragraphs_makes_a_related_story_but_not_at_the_end():
    article = (
        "World\n\nLeaders Meet in Beijing\n\nA photograph released on Monday shows the leaders. (Reuters)\n\n"
        "The two leaders met on Monday, officials said.\n\n"
        "Kim and Xi share wine and smiles during landmark visit\n\n"
        "Analysts expect more visits this year.\n\n"
        "Trade between the two countries rose, customs figures show."
    )

    def kinds(value):
        return {line.text[:8]: line.kind for line in clean_lines(value)}

    assert kinds(article)["Analysts"] == "paragraph" and kinds(article)["Kim and "] == "related_story"
    assert kinds(article.replace("this year.", "this year"))["Analysts"] == "related_story"
    assert kinds(article.removesuffix("."))["Trade be"] == "paragraph"
    stated("related story")


def clean_lines(value):
    from kit.preprocess import clean

    return clean.classify_lines(value, headline="Leaders Meet in Beijing")


def test_abbreviations_and_sentences(seeds):
    known = text.abbreviations()
    assert {"adm", "sgt"} <= known and "amb" not in known
    sample = "Amb. Lee arrived on Monday. Talks began."
    first_start, first_end = text.split_sentences(sample)[0]
    assert sample[first_start:first_end] == "Amb."
    sentences = seeds.sentences
    assert set(sentences[sentences.text.str.contains("p.m.", regex=False)].doc_id) == {CHOSUN}
    assert set(sentences[sentences.text.str.contains("U.S.", regex=False)].doc_id) == {DIPLOMAT_2018}
    stated("abbreviations")


def test_tokens_and_the_people_called_kim(seeds):
    def tokens(value):
        return [value[a:b] for a, b in text.split_tokens(value)]

    assert tokens("Kim Jong-un’s") == ["Kim", "Jong-un", "’s"] and len(tokens("Kim Jong Un")) == 3
    all_tokens = seeds.tokens.reset_index(drop=True)
    after = set(all_tokens.shift(-1)[all_tokens.norm == "kim"].token)
    given_names = {"Jong-un", "Jong", "Jong-il", "Il-sung", "Yong-chol", "Duk-hoon", "Dong-yub"}
    assert given_names <= after, "Jong-un and Jong Un are one person: six people in all"
    assert not {name for name in after if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", name)} - given_names
    stated("tokens")
    stated("six kims")


def test_content_words(seeds):
    top = overview.content_words(seeds, top=4).norm.tolist()
    assert top == ["north", "korea", "china", "kim"]
    words = seeds.tokens[~seeds.tokens.is_stop & ~seeds.tokens.is_punct]
    words = words.merge(seeds.documents[["doc_id", "outlet", "published"]], on="doc_id")
    by_outlet = words.groupby(["outlet", "norm"]).size().rename("count").reset_index()
    by_outlet = by_outlet.sort_values(["outlet", "count", "norm"], ascending=[True, False, True])
    assert by_outlet[by_outlet.outlet == "The Diplomat (China Power blog)"].norm.iloc[0] == "kim"
    assert "us" in by_outlet[by_outlet.outlet == "The Korea Herald"].norm.head(4).tolist()
    assert sorted(words[words.norm == "russia"].published.str[:4].unique()) == ["2024", "2025"]
    stated("content words")


# ---------------------------------------------------------------- themes


def test_the_dictionary_and_the_rates(seeds, dictionary, counts):
    entries = dictionary.table()
    sanctions = entries[entries.theme == "sanctions"]
    assert sanctions.pattern.tolist() == ["sanction*", "maximum pressure", "pressure", "ban", "circumvent*"]
    assert sanctions.set_index("pattern").weight.to_dict()["pressure"] == 0.5
    assert (entries.theme == "alliance").sum() == 13
    stated("sanctions entries")
    sanctions_counts = counts.xs("sanctions", level="theme")
    assert sanctions_counts.per_1k.idxmax() == HERALD
    assert (sanctions_counts.hits[HERALD], sanctions_counts.weighted[HERALD]) == (6, 5.5)
    stated("sanctions densest")
    economy = counts.xs("economy", level="theme")
    assert economy.hits[DIPLOMAT_2018] == economy.hits[HERALD] == 4
    assert economy.hits.duplicated(keep=False).sum() == 2, "exactly two articles with the same economy hits"
    assert (economy.tokens[HERALD], economy.tokens[DIPLOMAT_2018]) == (981, 1230)
    assert (round(economy.per_1k[HERALD], 1), round(economy.per_1k[DIPLOMAT_2018], 1)) == (4.1, 3.3)
    stated("economy equal")
    assert (economy.tokens.min(), economy.tokens.max()) == (919, 1342)
    stated("lengths")
    russia = counts.xs("russia", level="theme")
    assert (russia.hits[CHOSUN], russia.tokens[CHOSUN], round(russia.per_1k[CHOSUN], 1)) == (7, 933, 7.5)
    assert (russia.hits[DIPLOMAT_2024], russia.tokens[DIPLOMAT_2024], round(russia.per_1k[DIPLOMAT_2024], 1)) == (
        13,
        1342,
        9.7,
    )
    assert russia.hits[[DIPLOMAT_2018, SCMP, HERALD]].sum() == 0
    stated("russia")
    united_states = counts.xs("united_states", level="theme")
    assert united_states.hits.idxmax() == HERALD and united_states.hits[HERALD] == 27
    assert not (seeds.tokens.token == "us").any()
    stated("us warm-up")


def test_precision_of_the_alliance_theme_as_the_guide_and_solutions_judge_it(alliance, sentence, tmp_path):
    assert len(alliance) == 25
    stated("alliance lines")
    assert "foster a friendly atmosphere" in sentence(alliance.loc[5])
    assert judgements.precision(alliance.head(5).reset_index(), drop=[5], theme="a", folder=tmp_path).value == 0.8
    stated("first five")
    assert "Comrade Chairman" in sentence(alliance.loc[13]) and alliance.loc[13].match == "Comrade"
    assert alliance.loc[14].match == "comrades" and "comrades of the DPRK" in sentence(alliance.loc[14])
    assert "its nominal ally" in sentence(alliance.loc[15]) and alliance.loc[25].match == "big brother"
    found = judgements.precision(alliance.reset_index(), drop=[5, 13, 14], theme="a", folder=tmp_path)
    assert (found.kept, found.lines) == (22, 25)
    for name in ("one reading", "differ", "one reading 2"):
        stated(name)
    stated_in_notebooks("first five", "00-seminar", "02-counting-themes")
    stated_in_notebooks("one reading", "00-seminar", "02-counting-themes")


def test_recall_of_the_alliance_theme_with_ties_and_partner(seeds, dictionary, sentence, tmp_path):
    missed = judgements.numbered(judgements.candidates(seeds, ["ties", "partner*"], dictionary, theme="alliance"))
    missed = missed.set_index("line")
    assert len(missed) == 10
    russian = [line for line in missed.index if "Russia" in sentence(missed.loc[line])]
    assert russian == [1, 10], "lines 1 and 10 are ties with Russia"
    assert missed.loc[8].match == "partner" and "trading partner" in sentence(missed.loc[8])
    result = judgements.recall(25, missed.reset_index(), keep=[2, 3, 4, 5, 6, 7, 9], theme="a", folder=tmp_path)
    assert round(result.value, 2) == 0.78 and "25/32" in result.message
    stated("ties")
    stated("ties 2")
    stated_in_notebooks("ties", "00-seminar", "02-counting-themes")


def test_a_cooperation_theme_of_ones_own(seeds, dictionary, sentence, tmp_path):
    mine = themes.with_theme(dictionary, "cooperation", ["cooperat*", "joint venture*", "exchange*"])
    lines = judgements.numbered(kwic.kwic(seeds, mine, theme="cooperation", window=6)).set_index("line")
    assert len(lines) == 25
    assert "weapons in exchange for food" in sentence(lines.loc[13])
    assert "Russian President" in sentence(lines.loc[12]) and "military" in sentence(lines.loc[12])
    found = judgements.precision(lines.reset_index(), drop=[12, 13], theme="c", folder=tmp_path)
    assert found.kept == 23
    for entries, hits in (
        (["cooperat*", "joint venture", "exchange*"], 24),
        (["cooperation", "joint venture*", "exchange*"], 24),
        (["cooperat*", "joint venture*", "exchange"], 18),
    ):
        assert len(kwic.kwic(seeds, themes.with_theme(dictionary, "c", entries), theme="c")) == hits
    words = ["aid", "assistance", "help*", "together", "partner*", "collaborat*", "invest*"]
    missed = judgements.numbered(judgements.candidates(seeds, words, mine, theme="cooperation")).set_index("line")
    assert len(missed) == 9
    assert [missed.loc[line].match for line in (4, 5, 6, 7, 9)] == [
        "assistance",
        "Collaboration",
        "helping",
        "help",
        "investment",
    ]
    result = judgements.recall(found, missed.reset_index(), keep=[4, 5, 6, 7, 9], theme="c", folder=tmp_path)
    assert round(result.value, 2) == 0.82 and "23/28" in result.message
    for name in ("cooperation", "cooperation missed", "cooperation 2", "cooperation missed 2"):
        stated(name)
    stated_in_notebooks("cooperation", "00-seminar", "02-counting-themes")
    stated_in_notebooks("cooperation missed", "00-seminar", "02-counting-themes")


def test_the_imported_example_keeps_a_month_and_no_outlet(seeds, tmp_path):
    from kit.ingest import importer

    source = tmp_path / "articles"
    source.mkdir()
    raw = seeds.documents.set_index("doc_id").raw_text
    (source / "herald-2018-03-28.txt").write_text(raw[HERALD], encoding="utf-8")
    (source / "diplomat-2024.txt").write_text(raw[DIPLOMAT_2024], encoding="utf-8")
    folder = importer.import_corpus(source, tmp_path / "corpus", importer.ImportSettings(published="2024-04"))
    manifest = (folder / "manifest.csv").read_text(encoding="utf-8")
    assert "diplomat-2024,diplomat-2024.txt,,,2024-04,month" in manifest
    assert "herald-2018-03-28,herald-2018-03-28.txt,,,2018-03-28,day" in manifest
    assert seeds.documents.set_index("doc_id").published_precision[DIPLOMAT_2024] == "month"
    stated("extension")
    stated_in_notebooks("month only", "00-seminar", "02-counting-themes")


def test_keyness(seeds, dictionary):
    key = keyness.keyness(seeds, dictionary, unit="theme", by="period", periods=["2018", "2024"]).set_index("item")
    largest = key.g2.abs().sort_values(ascending=False)
    assert largest.index[:3].tolist() == ["united_states", "russia", "denuclearisation"]
    assert (key.target_count["united_states"], key.reference_count["united_states"]) == (1, 45)
    assert round(key.g2["united_states"], 1) == -41.3
    assert (key.target_count["russia"], key.reference_count["russia"]) == (20, 0)
    assert (key.target_count["denuclearisation"], key.reference_count["denuclearisation"]) == (0, 23)
    words = keyness.keyness(seeds, dictionary, unit="word", by="period", periods=["2018", "2024"])
    assert (words.item.iloc[0], words.target_count.iloc[0], words.reference_count.iloc[0]) == ("us", 0, 27)
    assert sorted(seeds.documents.published.str[:4].unique()) == ["2018", "2024", "2025"]
    stated("keyness periods")
    stated("keyness")


# ---------------------------------------------------------------- dates


def test_chosunbiz_dates_and_what_another_publication_date_moves(seeds):
    dates = chronology.date_expressions(seeds)
    chosun = dates[dates.doc_id == CHOSUN]
    assert len(chosun) == 15
    by_expression = chosun.groupby("expression").agg(list)
    assert by_expression.time["the 2nd"][0] == "16:00" and by_expression.time["the 4th"][0] == "22:00"
    assert by_expression.date_start["the 3rd"] == ["2025-09-03"]
    assert by_expression.date_start["last month"] == ["2025-08-01"]
    assert by_expression.date_start["last year"] == ["2024-01-01", "2024-01-01"]
    assert by_expression.date_start["the previous year"] == ["2023-01-01"]
    assert set(chosun[chosun.date_start.isna()].expression) == {
        "the day following Kim's visit",
        "Previously",
        "the future",
    }
    stated("chosun dates")
    assert not chronology.if_published(seeds, CHOSUN, "2025-09-12").moves.any()
    month = chronology.if_published(seeds, CHOSUN, "2025-10-05")
    assert month.moves.sum() == 6
    assert set(month[month.moves].expression) == {"the 2nd", "the 3rd", "the 4th", "last month"}
    assert not month[month.expression.isin(["last year", "2024"])].moves.any()
    day = chronology.if_published(seeds, DIPLOMAT_2018, "2018-03-29")
    assert day[day.moves].expression.tolist() == ["Since then"]  # it runs to publication
    later = chronology.if_published(seeds, DIPLOMAT_2018, "2018-04-02")
    assert later[later.moves].expression.tolist() == ["Since then", "this week"]
    stated("what if")
    stated("warm-up 3")
    inferred = seeds.documents[seeds.documents.notes.str.contains("inferred")]
    assert inferred.doc_id.tolist() == [DIPLOMAT_2018, DIPLOMAT_2024]
    stated("inferred")
    published = seeds.documents.set_index("doc_id")
    assert (published.published[DIPLOMAT_2024], published.published_precision[DIPLOMAT_2024]) == ("2024-04", "month")
    stated("month precision")


def test_tense_unknown_days_and_what_is_not_a_date(seeds):
    def first(sentence, start, end):
        return chronology.resolve_sentence(sentence, start, end)[0].span

    day = date(2018, 3, 28)
    assert first("The envoy travelled to Pyongyang in November.", day, day).first == date(2017, 11, 1)
    assert first("The envoy will travel to Pyongyang in November.", day, day).first == date(2018, 11, 1)
    stated("tense")
    assert first("In November, talks resume.", day, day).first == date(2018, 11, 1)  # a timetable looks forward
    assert first("In November, talks resumed.", day, day).first == date(2017, 11, 1)
    stated("no cue")
    april = (date(2024, 4, 1), date(2024, 4, 30))
    assert (first("Trade fell last year.", *april).first, first("Trade fell last year.", *april).last) == (
        date(2023, 1, 1),
        date(2023, 12, 31),
    )
    yesterday = first("He arrived yesterday.", *april)
    assert (yesterday.first, yesterday.last) == (date(2024, 3, 31), date(2024, 4, 29))
    stated("unknown day")
    dates = chronology.date_expressions(seeds)
    for phrase in ["6 years and 8 months", "16-day", "28,500"]:
        assert seeds.sentences.text.str.contains(phrase, regex=False).any()
        assert not dates.expression.str.contains(phrase, regex=False).any()
    assert first("The ministry counted 1998 defections.", day, day).first == date(1998, 1, 1)
    assert "defections" not in chronology.QUANTITY_NOUNS
    stated("not dates")


def test_scoring_the_dates_against_a_hand_coded_file(seeds, tmp_path):
    herald = seeds.documents.set_index("doc_id").text[HERALD]

    def scored(rows):
        lines = ["doc_id,expression,start,end,date_start,date_end"]
        for expression, first, last in rows:
            start = herald.find(expression)
            lines.append(f"{HERALD},{expression},{start},{start + len(expression)},{first},{last}")
        gold = tmp_path / "gold.csv"
        gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return dates_validation.validate(seeds, str(gold))

    two = [("Sunday to Wednesday", "2018-03-25", "2018-03-28"), ("1950-53", "1950-01-01", "1953-12-31")]
    report = scored(two)
    assert "found: 2/2" in report and "rows not in the gold file: 6" in report
    report = scored([*two, ("earlier this month", "2018-03-01", "2018-03-27")])
    assert "found: 3/3" in report and "resolved (same dates): 3/3" in report
    missing = re.findall(r"not in gold: \S+ \S+ '([^']+)'", report)
    assert missing == ["the end of April", "the end of May", "recent years", "recently", "recently"]
    stated("gold")


# ---------------------------------------------------------------- voices and tone


@pytest.fixture(scope="module")
def quotes(seeds):
    return voices.extract_quotes(seeds)


def test_speaker_groups_and_kinds(quotes):
    assert actors.GROUPS == (
        "official_prc",
        "official_dprk",
        "official_other",
        "analyst",
        "media",
        "business",
        "public",
        "ngo",
        "unnamed_source",
        "unknown",
    )
    assert quotes.speaker_group.value_counts().to_dict() == {
        "official_prc": 16,
        "analyst": 15,
        "official_dprk": 12,
        "": 9,
        "unnamed_source": 2,
        "unknown": 1,
    }
    assert (quotes[quotes.speaker_group == ""].kind == "term").all()
    assert (quotes.abstained == "").all()
    stated("groups")
    features = quotes[quotes.doc_id == DIPLOMAT_2024]
    assert (features.kind == "term").all() and len(features) == 6
    assert features["quote"].str.rstrip(".").tolist() == [
        "war economy",
        "government business",
        "20×10 regional development policy",
        "big brother",
        "Korean Wave",
        "My Companion",
    ]
    stated("terms")
    scmp = quotes[quotes.doc_id == SCMP].set_index("quote")
    assert (scmp.kind["frequent high-level exchanges"], scmp.speaker["frequent high-level exchanges"]) == (
        "fragment",
        "China's foreign ministry",
    )
    stated("fragment")
    strategic = quotes[quotes["quote"].str.contains("a strategic choice and the only right choice", regex=False)]
    assert strategic.set_index("doc_id").kind.to_dict() == {DIPLOMAT_2018: "speech", SCMP: "fragment"}
    stated("xi")
    diplomat = quotes[(quotes.doc_id == DIPLOMAT_2018) & (quotes.cue == "Kim agreed")]
    assert diplomat.via.tolist() == ["Xinhua"]
    stated("via")


def test_which_kim(quotes):
    kims = [actor.name for actor in actors.load_registry().with_surname("Kim")]
    assert len(kims) == 10
    assert kims == [
        "Kim Jong Un",
        "Kim Jong Il",
        "Kim Il Sung",
        "Kim Yo Jong",
        "Kim Yong Chol",
        "Kim Duk Hoon",
        "Kim Yong Nam",
        "Kim Kye Gwan",
        "Kim Song Nam",
        "Kim Dong-yub",
    ]
    herald = quotes[quotes.doc_id == HERALD]
    row = herald[herald.sentence_id == 15].iloc[0]
    assert (row.speaker, row.rule, row.cue) == ("Kim Dong-yub", "cue after", "he said")
    xinhua = herald[herald.cue == "Kim was quoted as saying by China’s Xinhua Agency"]
    assert set(xinhua.speaker) == {"Kim Jong Un"} and set(xinhua.via) == {"Xinhua"}
    stated("kims")
    stated("he said")


def test_tone_extremes_and_the_lexicon(seeds, quotes):
    diplomatic = tone.score_units(seeds, lexicon=tone.load_lexicon(), quotes_table=quotes)
    plain = tone.score_units(seeds, lexicon=None, quotes_table=quotes)
    extremes = tone.extremes(diplomatic, n=2).set_index("side")
    positive = extremes.loc["most positive"].iloc[0]
    assert positive.speaker == "Kim Jong Un" and round(positive.compound, 2) == 0.90
    assert all(word in positive.top_words for word in ("noble", "friendship", "new high", "join"))
    negative = extremes.loc[["most negative"]].iloc[0]
    assert round(negative.compound, 2) == -0.65 and negative.top_words == "dangerous -2.10; collapsing -1.20"
    assert negative.text.startswith("dangerous move of collapsing the pillar of North Korea-China relations")
    stated("extremes")
    compared = tone.compare_lexicon(plain, diplomatic).set_index("voice")
    assert compared.change.abs().idxmax() == "official_prc" and compared.units["unknown"] == 1
    # The change unrounded (the table shows it to 4 decimals): the mean with the lexicon less the mean without.
    change = diplomatic.groupby("voice").compound.mean() - plain.groupby("voice").compound.mean()
    assert round(change["unknown"], 3) == 0.143
    expected = {"official_prc": (0.157, 9, 16), "official_dprk": (-0.071, 7, 12), "analyst": (-0.135, 8, 15)}
    expected["narration"] = (-0.037, 59, 187)
    for voice, (moved, changed, units) in expected.items():
        assert (round(change[voice], 3), compared.units_changed[voice], compared.units[voice]) == (
            moved,
            changed,
            units,
        ), voice
    stated("lexicon")


def test_a_registry_without_boo_seung_chan(seeds, tmp_path):
    lines = config.ACTORS.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("  boo_seung_chan:"))
    last = next(i for i in range(first + 1, len(lines)) if not lines[i].startswith("    "))
    path = tmp_path / "actors.yaml"
    path.write_text("".join(lines[:first] + lines[last:]), encoding="utf-8")
    unregistered = voices.unregistered_speakers(voices.extract_quotes(seeds, actors.load_registry(path)))
    row = unregistered.set_index("speaker").loc["Boo Seung-chan"]
    assert (row.quotes, row.speaker_group) == (2, "analyst")
    assert row.role == "a research fellow at Yonsei Institute of North Korean Studies in Seoul"
    stated("boo")


# ---------------------------------------------------------------- self-checks accept variants and explain mistakes


def self_check(stem, question_start):
    """The check call of the workbook's self-check whose question starts so (the answer line left out)."""
    cells = json.loads((config.TEACHING / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        lines = "".join(cell["source"]).splitlines()
        if lines and lines[0].startswith(f"# Self-check: {question_start}"):
            return "\n".join(lines[2:])
    raise AssertionError(f"{stem}: no self-check asking {question_start!r}")


def verdict(stem, question_start, answer):
    return eval(
        self_check(stem, question_start), {"selfcheck": selfcheck, "answer": answer}
    )  # the cell's own check call, as the student runs it


@pytest.mark.parametrize(
    ("stem", "question", "answer", "says"),
    [
        ("00-seminar", "how many lines did cleaning remove from The Korea Herald", 5, "right"),
        ("00-seminar", "how many lines did cleaning remove from The Korea Herald", "5", "right"),
        (
            "00-seminar",
            "how many lines did cleaning remove from The Korea Herald",
            11,
            "not yet: 11 is the SCMP article",
        ),
        ("00-seminar", "how many lines did cleaning remove from The Korea Herald", 4, "not yet: a different count"),
        ("00-seminar", "of the two articles with the same economy hits", "Korea Herald", "right"),
        ("00-seminar", "of the two articles with the same economy hits", "the korea herald", "right"),
        ("00-seminar", "of the two articles with the same economy hits", HERALD, "right"),
        (
            "00-seminar",
            "of the two articles with the same economy hits",
            "The Diplomat (China Power blog)",
            "not yet: that article has the same hits but more words",
        ),
        ("03-reading-dates", "to which day does the ChosunBiz", "3 September 2025", "right"),
        ("03-reading-dates", "to which day does the ChosunBiz", "September 3, 2025", "right"),
        ("03-reading-dates", "to which day does the ChosunBiz", date(2025, 9, 3), "right"),
        ("03-reading-dates", "to which day does the ChosunBiz", "2025-10-03", "not yet: that is the 3rd a month later"),
        ("03-reading-dates", "to which day does the ChosunBiz", "the 3rd", "not yet: this asks for a day"),
        ("03-reading-dates", "which month is", "November 2018", "right"),
        ("03-reading-dates", "which month is", "2017-11", "not yet: that is the past-tense sentence"),
        ("01-from-page-to-tokens", "what kind does the paragraph", "related story", "right"),
        (
            "01-from-page-to-tokens",
            "what kind does the paragraph",
            "paragraph",
            "not yet: that is what it gets with its full stop",
        ),
        ("01-from-page-to-tokens", "does the kit's abbreviation list know", "no", "right"),
        ("01-from-page-to-tokens", "how many tokens does", 2, "not yet: the possessive ’s is a token of its own"),
        ("02-counting-themes", "how many hits does your theme cooperation", 24, "not yet: one entry misses a form"),
        (
            "02-counting-themes",
            "which theme has the largest keyness",
            "russia",
            "not yet: russia is the largest over-use",
        ),
        (
            "04-who-speaks",
            "who speaks the Korea Herald quotation",
            "Kim Jong Un",
            "not yet: Kim Jong Un is quoted later",
        ),
        (
            "04-who-speaks",
            "which voice's mean moves most",
            "official_dprk",
            "not yet: official_dprk moves the other way",
        ),
        ("04-who-speaks", "which voice's mean moves most", "unknown", "not yet: unknown moves almost as much"),
    ],
)
def test_self_checks_accept_variants_and_explain_mistakes(stem, question, answer, says):
    assert repr(verdict(stem, question, answer)).startswith(says)


# ---------------------------------------------------------------- nothing stated goes unchecked


def answer_sections(guide_text):
    """The guide's answers and warm-up notes: from each "**Warm-up notes.**" to the next section, without the
    numbers of a numbered list.
    """
    sections = re.findall(r"\*\*Warm-up notes\.\*\*(.*?)(?=\n## )", guide_text, flags=re.DOTALL)
    return [re.sub(r"^\d+\. ", "", section, flags=re.MULTILINE) for section in sections]


# Numbers that are not claims about the data: which workbook, exercise or part; the unit of a rate.
STRUCTURE = re.compile(r"\b(?:[Ww]orkbooks? \d|[Ee]xercises? \d|[Pp]arts? \d(?: and \d)?|per 1,000|\(\d\)|1,000 words)")


def without_code(value):
    """Flattened, with code spans and links left out: an identifier or a URL is not a claim about the data."""
    return flat(re.sub(r"`[^`]*`|<https?://[^>]*>", " ", flat(value)))


def unchecked_numbers(passage, phrases):
    passage = without_code(passage)
    covered = [
        (m.start(), m.end()) for phrase in phrases for m in re.finditer(re.escape(without_code(phrase)), passage)
    ]
    covered += [(m.start(), m.end()) for m in STRUCTURE.finditer(passage)]
    return [
        m.group()
        for m in re.finditer(r"(?<![A-Za-z])(?:[−+-]?\d[\d,.:/×]*\d|\d)", passage)
        if not any(start <= m.start() and m.end() <= end for start, end in covered)
    ]


def test_every_number_in_the_answers_is_a_checked_claim():
    raw = (config.TEACHING / "TEACHERS_GUIDE.md").read_text(encoding="utf-8")
    sections = answer_sections(raw)
    assert len(sections) == 5, "the seminar and four workbooks, each with warm-up notes and answers"
    phrases = list(PHRASES.values())
    for section in sections:
        unchecked = unchecked_numbers(section, phrases)
        assert unchecked == [], f"{unchecked} in: {section[:80]}"


def test_every_number_in_the_solutions_comments_is_a_checked_claim():
    phrases = list(NOTEBOOK_PHRASES.values())
    for path in sorted(config.SOLUTIONS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] != "code" or source.startswith("# Self-check"):
                continue
            comments = " ".join(line.strip()[1:] for line in source.splitlines() if line.strip().startswith("#"))
            assert unchecked_numbers(comments, phrases) == [], f"{path.stem}: {comments[:120]}"
