"""kit.analyses.voices: quotations on the seeds (kinds, speakers, relays, continuations) and each attribution rule."""

import re

import pandas as pd
import pytest

from kit import config
from kit.analyses import voices
from kit.analyses.voices import actors
from kit.cli import main
from kit.errors import KitError
from kit.preprocess.pipeline import prepare
from kit.validation import quotes as quote_validation
from tests.seeds import CHOSUN, DIPLOMAT_2018, DIPLOMAT_2024, HERALD, ROW, SCMP, sentence_of

GOLD = "tests/fixtures/gold/quotes.csv"


@pytest.fixture(scope="module")
def quoted(seeds):
    return voices.extract_quotes(seeds)


def quote(table, doc_id, first_words):
    rows = table[(table.doc_id == doc_id) & table.quote.str.startswith(first_words)]
    assert len(rows) == 1, f"{len(rows)} quotations of {doc_id} start with {first_words!r}"
    return rows.iloc[0]


def who(row):
    return (row.kind, row.speaker, row.speaker_group, row.via)


# ---------------------------------------------------------------- the seeds: every quotation, offsets


def test_every_quotation_of_the_seeds_is_found_with_offsets_into_the_cleaned_text(quoted, seeds):
    assert quoted.groupby("doc_id").size().to_dict() == {
        CHOSUN: 7,
        DIPLOMAT_2018: 16,
        SCMP: 13,
        HERALD: 13,
        DIPLOMAT_2024: 6,
    }
    texts = seeds.documents.set_index("doc_id").text
    sentences = seeds.sentences.set_index(["doc_id", "sentence_id"])
    for row in quoted.itertuples(index=False):
        assert texts[row.doc_id][row.start : row.end] == row.quote
        sentence = sentences.loc[(row.doc_id, row.sentence_id)]
        assert sentence.start <= row.start < sentence.end
    assert list(quoted.columns[:10]) == [
        "doc_id", "sentence_id", "start", "end", "quote", "kind", "speaker", "speaker_group", "via", "cue",
    ]  # fmt: skip


def test_no_quotation_runs_past_its_closing_mark(quoted, seeds):
    texts = seeds.documents.set_index("doc_id").text
    for row in quoted.itertuples(index=False):
        text = texts[row.doc_id]
        marks = '“”"' if row.mark == "double" else "'’‘"
        inside = row.quote.replace("’s", "").replace("'s", "").replace("n't", "").replace("’ ", " ")
        assert not any(m in inside for m in marks if row.mark == "double" or m not in "’'"), row.quote
        if not row.unclosed:
            after = re.match(r"[,;: ]*(.)", text[row.end :]).group(1)
            assert after in marks, (row.quote, after)


def test_scare_quoted_terms_are_not_speech(quoted):
    diplomat_2024 = quoted[quoted.doc_id == DIPLOMAT_2024]
    assert dict(zip(diplomat_2024.quote, diplomat_2024.kind, strict=True)) == {
        "war economy": "term",
        "government business.": "term",
        "20×10 regional development policy": "term",
        "big brother": "term",
        "Korean Wave": "term",
        "My Companion": "term",
    }
    assert (diplomat_2024.speaker == "").all() and (diplomat_2024.speaker_group == "").all()
    assert who(quote(quoted, CHOSUN, "Year of North-China Friendship"))[0] == "term"
    assert who(quote(quoted, CHOSUN, "footprint plaque"))[0] == "term"
    assert quote(quoted, HERALD, "blood allies").kind == "term"


def test_fragments_are_phrases_inside_the_journalists_sentence(quoted):
    assert who(quote(quoted, SCMP, "frequent high-level exchanges")) == (
        "fragment", "China's foreign ministry", "official_prc", "",
    )  # fmt: skip
    assert who(quote(quoted, DIPLOMAT_2018, "traditional friendship")) == ("fragment", "Xinhua", "official_prc", "")
    assert who(quote(quoted, SCMP, "meet President Xi Jinping often"))[:3] == (
        "fragment",
        "Kim Jong Un",
        "official_dprk",
    )
    assert who(quote(quoted, DIPLOMAT_2018, "keep frequent contacts")) == (
        "fragment",
        "Xi Jinping",
        "official_prc",
        "Xinhua",
    )


# ---------------------------------------------------------------- the seeds: speakers


def test_diplomat_2018_xi_statement_and_its_continuation(quoted, seeds):
    before = quote(quoted, DIPLOMAT_2018, "is a strategic choice")
    assert who(before) == ("speech", "Xi Jinping", "official_prc", "") and before.cue == "Xi said"
    after = quote(quoted, DIPLOMAT_2018, "This should not and will not change")
    assert who(after) == ("speech", "Xi Jinping", "official_prc", "")
    assert after.rule == "continuation"
    assert after.quote == "This should not and will not change because of any single event at a particular time."
    assert after.sentence_id == sentence_of(seeds, DIPLOMAT_2018, "This should not and will not change")


def test_diplomat_2018_relays_through_xinhua(quoted):
    agreed = quote(quoted, DIPLOMAT_2018, "The DPRK-China friendship")
    assert who(agreed) == ("speech", "Kim Jong Un", "official_dprk", "Xinhua") and agreed.cue == "Kim agreed"
    assert who(quote(quoted, DIPLOMAT_2018, "he would like to join hands")) == (
        "speech", "Kim Jong Un", "official_dprk", "Xinhua",
    )  # fmt: skip
    reported = quote(quoted, DIPLOMAT_2018, "said the fact that he chose China")
    assert who(reported) == ("speech", "Kim Jong Un", "official_dprk", "Xinhua") and reported.cue == "Xinhua reported"
    assert who(quote(quoted, DIPLOMAT_2018, "supports the WPK")) == (
        "speech",
        "Chinese government",
        "official_prc",
        "Xinhua",
    )
    paraphrased = quote(quoted, DIPLOMAT_2018, "in person [on] the situation")
    assert who(paraphrased) == ("fragment", "Kim Jong Un", "official_dprk", "Xinhua")
    assert paraphrased.cue == "Xinhua also paraphrased Kim as saying"
    # "According to a news release from Xinhua, …" frames the paragraph's quoted words.
    framed = quote(quoted, DIPLOMAT_2018, "unofficial")
    assert (framed.kind, framed.speaker, framed.rule) == ("fragment", "Xinhua", "frame")


def test_korea_herald_analyst_kim_is_not_kim_jong_un(quoted):
    row = quote(quoted, HERALD, "Both Kim and Xi Jinping needed")
    assert who(row) == ("speech", "Kim Dong-yub", "analyst", "") and row.cue == "he said"
    assert row.speaker_id == "kim_dong_yub"


def test_korea_herald_he_said_continues_the_analyst_introduced_just_before(quoted):
    given = quote(quoted, HERALD, "Given its traditional alliance")
    assert who(given) == ("speech", "Koh Yu-hwan", "analyst", "") and given.cue == "he said"
    # The next quotation opens with a straight mark and closes with a curly one, a sentence later.
    talks = quote(quoted, HERALD, "If its talks with the US turn out well")
    assert who(talks) == ("speech", "Koh Yu-hwan", "analyst", "")
    assert talks.quote.endswith("North Korea still needs China to ease up on sanctions.")
    assert (talks.rule, talks.unclosed, talks.last_sentence_id - talks.sentence_id) == ("continuation", False, 1)
    shin = quote(quoted, HERALD, "I think North Korea wanted")
    assert (shin.speaker, shin.role, shin.cue) == (
        "Shin Beom-chul", "a professor at the Korea National Diplomatic Academy", "said Shin Beom-chul",
    )  # fmt: skip
    assert quote(quoted, HERALD, "North Korea appears to be sending").speaker == "Hong Min"  # "said Hong."
    assert quote(quoted, HERALD, "North Korea probably wanted China").speaker == "Park Won-gon"  # "Park said."


def test_korea_herald_kim_quoted_as_saying_by_xinhua(quoted):
    row = quote(quoted, HERALD, "The issue of denuclearization")
    assert who(row) == ("speech", "Kim Jong Un", "official_dprk", "Xinhua")
    assert row.cue == "Kim was quoted as saying by China’s Xinhua Agency"
    # Kim's phrase repeated later is still Kim's phrase, whoever mentions it.
    echoes = quoted[(quoted.doc_id == HERALD) & (quoted.quote == "progressive and synchronous measures")]
    assert echoes.speaker.tolist() == ["Kim Jong Un", "Kim Jong Un"] and set(echoes.rule) == {"echo"}


def test_scmp_unbalanced_quotation_is_flagged_and_swallows_nothing(quoted, seeds):
    first = quote(quoted, SCMP, "Whether it’s true or not")
    second = quote(quoted, SCMP, "the messaging is pretty clear")
    assert first.unclosed and not second.unclosed
    assert first.quote == "Whether it’s true or not" and first.end < second.start
    assert who(first) == who(second) == ("speech", "Nick Bisley", "analyst", "")
    assert first.sentence_id == second.sentence_id == sentence_of(seeds, SCMP, "Whether it")
    tong = quote(quoted, SCMP, "If North Korea has a strong relationship")  # the next paragraph is its own quotation
    assert who(tong) == ("speech", "Tong Zhao", "analyst", "")


def test_scmp_analysts_and_officials(quoted):
    boo = quote(quoted, SCMP, "Kim knows that the US")
    assert who(boo) == ("speech", "Boo Seung-chan", "analyst", "")
    assert boo.role == "a research fellow at Yonsei Institute of North Korean Studies in Seoul"
    assert quote(quoted, SCMP, "He wants his ally").speaker == "Boo Seung-chan"
    assert who(quote(quoted, SCMP, "This should not and will not change")) == (
        "speech",
        "Xi Jinping",
        "official_prc",
        "",
    )
    assert who(quote(quoted, SCMP, "dangerous move of collapsing")) == (
        "fragment", "North Korean government", "official_dprk", "",
    )  # fmt: skip


def test_chosunbiz_kim_stated_adding_and_a_diplomatic_source_over_two_sentences(quoted, seeds):
    stated = quote(quoted, CHOSUN, "What hasn't changed")
    adding = quote(quoted, CHOSUN, "I deeply felt")
    assert who(stated) == who(adding) == ("speech", "Kim Jong Un", "official_dprk", "")
    assert stated.cue == "Kim stated" and adding.rule == "shared"
    source = quote(quoted, CHOSUN, "China tends to have diplomatic relations")
    assert who(source) == ("speech", "A diplomatic source in Beijing", "unnamed_source", "")
    assert source.last_sentence_id == source.sentence_id + 1
    assert source.quote.endswith("as if there had never been tension")
    assert quote(quoted, CHOSUN, "This time, through").speaker == "A diplomatic source in Beijing"


def test_gold_file_scores_on_the_seeds(capsys):
    assert main(["validate", "quotes", "--gold", GOLD]) == 0
    out = capsys.readouterr().out
    assert "found: 55/55 = 100.0%" in out
    assert "speaker right (of found): 55/55 = 100.0%" in out
    assert "kind right (of found and coded): 55/55 = 100.0%" in out
    assert "speech or fragment quotations not in gold: 0" in out


# ---------------------------------------------------------------- each attribution rule on a small article


def article(make_corpus, body, registry=None):
    folder = make_corpus({"a1.txt": body}, [{**ROW, "doc_id": "a1", "file": "a1.txt"}])
    return voices.extract_quotes(prepare(folder), registry)


LEAD = "Kim Jong-un and Xi Jinping met in Beijing on Tuesday after months of tension.\n\n"


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ("“We will stand together,” Xi said.", "Xi Jinping", "Xi said"),
        ("“We will stand together,” said President Xi.", "Xi Jinping", "said President Xi"),
        ("Xi noted that “we will stand together.”", "Xi Jinping", "Xi noted"),
        ("Xi added that “we will stand together.”", "Xi Jinping", "Xi added"),
        ("Kim stated, “We will stand together.”", "Kim Jong Un", "Kim stated"),
        ("“We will stand together,” according to Xinhua.", "Xinhua", "according to Xinhua"),
        (
            "“We will stand together,” according to a report from Reuters.",
            "Reuters",
            "according to a report from Reuters",
        ),
        (
            "“We will stand together,” China’s foreign ministry said.",
            "China's foreign ministry",
            "China’s foreign ministry said",
        ),
        ("“We will stand together,” Kim was quoted as saying.", "Kim Jong Un", "Kim was quoted as saying"),
    ],
)
def test_attribution_patterns(make_corpus, sentence, speaker, cue):
    (row,) = article(make_corpus, LEAD + sentence + "\n").itertuples(index=False)
    assert (row.kind, row.speaker, row.cue) == ("speech", speaker, cue)


def test_a_subject_which_or_who_speaks_for_its_antecedent(make_corpus):
    body = LEAD + (
        "The concert was billed as a “friendship gala” by the Korean Central News Agency, which praised the “peerless "
        "singers” of the troupe.\n\n"
        "Xi met Kim at the airport, which hailed the “new era” of ties.\n"  # a clause before "which": nobody
    )
    rows = article(make_corpus, body)
    first, second, third = (quote(rows, "a1", words) for words in ("friendship gala", "peerless", "new era"))
    assert who(first)[1:3] == who(second)[1:3] == ("KCNA", "official_dprk")  # the registry's name
    assert third.speaker == ""


def test_a_passive_verb_with_its_agent_after_the_quotation(make_corpus):
    body = LEAD + (
        "The visit was described as “unofficial” by China’s foreign ministry.\n\n"
        "The talks were described as “candid” in a later account.\n"  # no agent: nobody
    )
    rows = article(make_corpus, body)
    assert quote(rows, "a1", "unofficial").speaker_group == "official_prc"
    assert quote(rows, "a1", "candid").speaker == ""


def test_the_diplomat_is_the_foreign_ministry_spokesperson_named_before(make_corpus):
    body = LEAD + (
        "Chinese Foreign Ministry spokesperson Li Mingde told a briefing that China “supports dialogue.”\n\n"
        "Asked about troops, a trader in Dandong said “business is slow.”\n\n"
        "“We have no information,” the diplomat said.\n"
    )
    row = quote(article(make_corpus, body), "a1", "We have no information")
    assert (row.speaker, row.speaker_group) == ("Li Mingde", "official_prc")


def test_an_unnamed_source_stays_one_whatever_its_appositive_says(make_corpus):
    body = LEAD + (
        "China sent an envoy to explain the arrest, a government source told reporters.\n\n"
        "“They sent someone after the arrest,” said the source, an academic at a think tank in Beijing.\n"
    )
    row = quote(article(make_corpus, body), "a1", "They sent someone")
    assert row.speaker_group == "unnamed_source"


def test_relays_keep_the_speaker_and_the_channel_apart(make_corpus):
    body = (
        LEAD + "Kim agreed that “the friendship is unshakable,” according to Xinhua.\n\n"
        "“Ties will grow,” Kim was quoted as saying by KCNA.\n\n"
        "Xi “hopes for peace,” Xinhua reported.\n"
    )
    table = article(make_corpus, body)
    assert [(r.speaker, r.via) for r in table.itertuples()] == [
        ("Kim Jong Un", "Xinhua"),
        ("Kim Jong Un", "KCNA"),
        ("Xi Jinping", "Xinhua"),
    ]
    assert table.via_id.tolist() == ["xinhua", "kcna", "xinhua"]


def test_an_unregistered_analyst_is_classified_by_the_appositive_and_continued_by_he_said(make_corpus):
    body = (
        LEAD + "Lee Min-ho, a research fellow at the Asan Institute, said the meeting mattered.\n\n"
        "“It is a signal,” he said. “Beijing wants calm.”\n"
    )
    table = article(make_corpus, body)
    assert table[["speaker", "speaker_group", "registered", "speaker_id"]].values.tolist() == [
        ["Lee Min-ho", "analyst", False, ""],
        ["Lee Min-ho", "analyst", False, ""],
    ]
    assert table.role.tolist() == ["a research fellow at the Asan Institute"] * 2
    assert table.rule.tolist() == ["cue after", "continuation"]
    unregistered = voices.unregistered_speakers(table)
    assert unregistered[["speaker", "speaker_group", "quotes"]].values.tolist() == [["Lee Min-ho", "analyst", 2]]


def test_a_user_registry_without_an_analyst_reports_him_unregistered(seeds, tmp_path):
    text = config.ACTORS.read_text(encoding="utf-8")
    trimmed = re.sub(r"\n  boo_seung_chan:\n(?:    .*\n)+", "\n", text)
    path = tmp_path / "actors.yaml"
    path.write_text(trimmed, encoding="utf-8")
    table = voices.extract_quotes(seeds, actors.load_registry(path))
    boo = quote(table, SCMP, "Kim knows that the US")
    assert (boo.speaker, boo.speaker_group, boo.registered) == ("Boo Seung-chan", "analyst", False)
    assert voices.unregistered_speakers(table).speaker.tolist() == ["Boo Seung-chan"]


def test_surname_rule_two_kims_in_play_leave_the_speaker_unresolved(make_corpus):
    body = (
        "Kim Jong-un met Kim Yo-jong in Pyongyang on Tuesday.\n\n"
        "Kim Dong-yub, a professor at Kyungnam University, said the talks mattered.\n\n"
        "“Both sides need calm,” Kim said.\n\n"
        "The visit was reported widely across the region by state media on the day.\n\n"
        "Later, Kim Yong-chol and Kim Duk-hoon joined the delegation in the capital.\n\n"
        "“We welcome the guests,” Kim said.\n"
    )
    table = article(make_corpus, body)
    # The analyst has the floor: "Kim said" is him. Later two other Kims are in play and nobody has the floor.
    assert table[["speaker", "speaker_group"]].values.tolist() == [["Kim Dong-yub", "analyst"], ["Kim", "unknown"]]


def test_a_quote_without_a_closing_mark_is_flagged_and_stops_at_its_paragraph(make_corpus):
    body = LEAD + "“It is a signal, he said, and then the article goes on.\n\nThe next paragraph is narration.\n"
    (row,) = article(make_corpus, body).itertuples(index=False)
    assert row.unclosed and row.quote == "It is a signal, he said, and then the article goes on."


def test_bad_gold_files_are_one_line_errors(seeds, tmp_path):
    path = tmp_path / "gold.csv"
    cases = [
        (f"doc_id,quote,speaker\n{SCMP},He wants,Boo Seung-chan\n", "missing column 'group'"),
        (f"doc_id,quote,speaker,group\n{SCMP},He wants,Boo Seung-chan,expert\n", "line 2: column 'group' is 'expert'"),
        (f"doc_id,quote,speaker,group\n{SCMP},He wants,,analyst\n", "line 2: column 'speaker' is empty"),
        ("doc_id,quote,speaker,group\nnope,He wants,Boo,analyst\n", "line 2: doc_id 'nope' is not in the corpus"),
    ]
    for content, message in cases:
        path.write_text(content, encoding="utf-8")
        with pytest.raises(KitError) as err:
            quote_validation.read_quote_gold(path, seeds)
        assert message in str(err.value) and str(path) in str(err.value) and "\n" not in str(err.value)


def test_cli_table_quotes(capsys):
    assert main(["table", "quotes", "--format", "json"]) == 0
    rows = pd.read_json(__import__("io").StringIO(capsys.readouterr().out))
    assert len(rows) == 55 and set(rows.kind) == {"speech", "fragment", "term"}


# ---------------------------------------------------------------- speakers as a reader resolves them (issue examples)


def rows_of(make_corpus, body):
    table = article(make_corpus, body)
    return [(r.quote.split()[0], r.kind, r.speaker, r.speaker_group, r.via) for r in table.itertuples()]


def test_roles_give_unregistered_speakers_their_group(make_corpus):
    body = (
        "Kang Chol, North Korea's vice foreign minister, said “Pyongyang will not yield.”\n\n"
        "“Sanctions are a dead end,” said Liu Wei, a professor at Renmin University.\n\n"
        "“We oppose any unilateral move,” a spokesperson for China's foreign ministry said.\n\n"
        "“It is over,” the US president said.\n"
    )
    assert rows_of(make_corpus, body) == [
        ("Pyongyang", "speech", "Kang Chol", "official_dprk", ""),
        ("Sanctions", "speech", "Liu Wei", "analyst", ""),
        ("We", "speech", "a spokesperson for China's foreign ministry", "official_prc", ""),
        ("It", "speech", "the US president", "official_other", ""),
    ]
    unregistered = voices.unregistered_speakers(article(make_corpus, body))
    assert unregistered[["speaker", "speaker_group"]].values.tolist() == [
        ["Kang Chol", "official_dprk"],
        ["Liu Wei", "analyst"],
    ]


def test_later_references_resolve_to_the_most_recent_compatible_mention(make_corpus):
    body = (
        "Foreign Minister Wang Yi met the envoy. Rodong Sinmun ran an editorial on Monday.\n\n"
        "“Friendship endures,” Wang said.\n\n"
        "“The allies are plotting,” the newspaper said.\n\n"
        "“We will respond,” the ministry said in a statement, after China's foreign ministry was named.\n"
    )
    rows = rows_of(make_corpus, body)
    assert rows[0][2:4] == ("Wang Yi", "official_prc")
    assert rows[1][2:4] == ("Rodong Sinmun", "official_dprk")


def test_a_fragment_inside_an_attribution_is_the_speakers(make_corpus):
    body = LEAD + "Xi denounced the “bullying” of small countries and highlighted the “invincibility” of the party.\n"
    assert rows_of(make_corpus, body) == [
        ("bullying", "fragment", "Xi Jinping", "official_prc", ""),
        ("invincibility", "fragment", "Xi Jinping", "official_prc", ""),
    ]


def test_a_medium_adding_words_after_a_persons_relays_them(make_corpus):
    body = LEAD + "Kim said, “The visit was a success.” “We will meet again,” KCNA added.\n"
    assert [r[2:] for r in rows_of(make_corpus, body)] == [
        ("Kim Jong Un", "official_dprk", ""),
        ("Kim Jong Un", "official_dprk", "KCNA"),
    ]


def test_a_subjectless_adding_in_a_new_paragraph_is_the_current_speaker(make_corpus):
    body = (
        "South Korea's ambassador to China Lee Kyu-hyung spoke on Monday.\n\n"
        "“Beijing is silent,” Lee said.\n\n"
        "His remarks were unusual.\n\n"
        "“We are checking,” adding, “we cannot know.”\n"
    )
    speakers = [r[2] for r in rows_of(make_corpus, body)]
    assert speakers == ["Lee Kyu-hyung", "Lee Kyu-hyung", "Lee Kyu-hyung"]


def test_an_indefinite_body_is_the_body_of_that_type_named_next(make_corpus):
    body = (
        "A state-run newspaper urged Beijing to “strike back hard” on Monday.\n\n"
        "The Global Times, a tabloid close to the party, ran the editorial.\n"
    )
    assert rows_of(make_corpus, body)[0][2:4] == ("Global Times", "official_prc")


def test_a_time_after_a_description_is_not_part_of_the_speaker(make_corpus):
    body = LEAD + "North Korea gave a “warm welcome” to the delegation, according to state media Thursday.\n"
    assert rows_of(make_corpus, body)[0][2] == "state media"


def test_the_spokesman_refers_back_to_a_registered_person_introduced_with_that_role(make_corpus):
    body = (
        "“They are illegal border crossers,” China’s foreign ministry spokesman Hong Lei said Tuesday. "
        "China opposes “the internationalization of this issue,” the spokesman added.\n"
    )
    rows = rows_of(make_corpus, body)
    assert [r[2:4] for r in rows] == [("Hong Lei", "official_prc"), ("Hong Lei", "official_prc")]


def test_an_acronym_in_brackets_an_as_quoted_by_channel_and_the_report_that_refers_back(make_corpus):
    body = (
        LEAD + "“Xi welcomed the visit warmly,” the Korean Central News Agency (KCNA) said in an English report, "
        "as quoted by South Korea’s Yonhap news agency.\n\n"
        "“He noted with pleasure that they met twice,” added the report.\n"
    )
    assert [r[2:] for r in rows_of(make_corpus, body)] == [
        ("KCNA", "official_dprk", "Yonhap"),
        ("KCNA", "official_dprk", "Yonhap"),  # the report's channel carries on
    ]


def test_an_adverb_is_not_part_of_the_subject_and_the_publication_is_the_medium_named_before(make_corpus):
    body = (
        "China reacted cautiously, Reuters writes.\n\n"
        "The publication recalled that trade resumed last year.\n\n"
        "“Kim made his first trip to Russia last year.”\n\n"
        "“Trade has recovered,” Reuters also added.\n"
    )
    assert [r[2] for r in rows_of(make_corpus, body)] == ["Reuters", "Reuters"]


def test_two_leaders_joined_by_and_are_no_single_voice_and_state_media_is_the_sides_agency(make_corpus):
    body = (
        "North Korean leader Kim Jong Un and Chinese President Xi Jinping agreed that amid “serious and "
        "complicated” affairs their ties matter, North Korean state media said on Friday.\n\n"
        "Kim said the talks were useful, KCNA said.\n\n"
        "Xi and Kim “had a candid and in-depth exchange of views,” Xinhua reported.\n\n"
        "Beijing and Pyongyang agreed on a “new era” of ties, Chinese state media said.\n"
    )
    assert [r[2:] for r in rows_of(make_corpus, body)] == [
        ("KCNA", "official_dprk", ""),  # named in the next paragraph
        ("Xinhua", "official_prc", ""),
        ("Chinese state media", "official_prc", ""),  # Xinhua named before may be one of several outlets
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("China proclaimed a “no limits” relationship with Russia in 2022.", ("Chinese government", "official_prc")),
        (
            "Pyongyang abruptly threatened to pull out over US demands for “unilateral nuclear abandonment.”",
            ("North Korean government", "official_dprk"),
        ),
        (
            "North Korea has often used the analogy of ties as close as “lips and teeth.”",
            ("North Korean government", "official_dprk"),
        ),
    ],
)
def test_verbs_of_proclaiming_threatening_and_likening_frame_the_subjects_fragment(make_corpus, sentence, speaker):
    ((_first, kind, who, group, _via),) = rows_of(make_corpus, LEAD + sentence + "\n")
    assert (kind, (who, group)) == ("fragment", speaker)


def test_its_media_is_the_media_of_the_body_just_quoted(make_corpus):
    body = (
        LEAD + "North Korea has often used the analogy of ties as close as “lips and teeth.” Its official media has "
        "frequently spoken of the “deep trust in the fraternal people of China.”\n"
    )
    assert [r[2:4] for r in rows_of(make_corpus, body)] == [
        ("North Korean government", "official_dprk"),
        ("North Korea's official media", "official_dprk"),
    ]


def test_a_participle_after_a_letter_from_someone_is_the_authors(make_corpus):
    body = (
        LEAD + "In Beijing, Ri delivered a personal letter from Kim Jong Un expressing his wish to “strengthen” "
        "relations, Yonhap reported.\n"
    )
    assert rows_of(make_corpus, body) == [("strengthen", "fragment", "Kim Jong Un", "official_dprk", "Yonhap")]


def test_a_statement_read_on_television_and_an_article_carried_by_newspapers_name_their_channels(make_corpus):
    body = (
        "China mourned.\n\n“We believe the people will carry forward his will,” the Communist Party's Central "
        "Committee said in a statement read on state television.\n\n"
        "“China and South Korea must jointly respond,” said Xi, in an article that was carried by South Korean "
        "newspapers on Thursday.\n\n"
        "“We will win,” Kim Jong Un said in a speech broadcast on Monday.\n"
    )
    assert [r[2:] for r in rows_of(make_corpus, body)] == [
        ("CPC Central Committee", "official_prc", "state television"),
        ("Xi Jinping", "official_prc", "South Korean newspapers"),
        ("Kim Jong Un", "official_dprk", ""),  # a day is no channel
    ]


def test_a_person_whose_role_names_a_registered_think_tank_is_an_analyst(make_corpus):
    body = LEAD + "“The descriptions are far less exuberant this year,” NK Pro founder Chad O’Carroll wrote.\n"
    assert [r[2:4] for r in rows_of(make_corpus, body)] == [("Chad O’Carroll", "analyst")]


# ------------------------------------------------- rules written for English news in general (issue #22)


@pytest.mark.parametrize(
    ("body", "speaker", "group", "via"),
    [
        # a body's name is never a surname, and the registered spokesman after it speaks
        ("“We are friendly neighbours,” Foreign Ministry spokesman Geng Shuang told a briefing.", "Geng Shuang",
         "official_prc", ""),
        # an office or a body with no state named: no side is guessed
        ("“We urge restraint,” the foreign ministry said.", "the foreign ministry", "unknown", ""),
        ("“We urgently appeal to the government,” the Russian Foreign Ministry said.", "the Russian Foreign Ministry",
         "official_other", ""),
        # roles outside the registry and outside the state
        ("“Business is bad,” said Wang Lin, a trader in Dandong.", "Wang Lin", "business", ""),
        ("“We are worried,” said a resident of Sinuiju.", "a resident of Sinuiju", "public", ""),
        # names beyond ASCII
        ("Lü Chao, an expert at the Liaoning Academy of Social Sciences, spoke.\n\n“Villagers are careful,” Lü said.",
         "Lü Chao", "analyst", ""),
        # relays: the writer of a letter speaks, through the medium
        ("State media reported Xi's letter as saying “the friendship will be carried forward.”", "Xi Jinping",
         "official_prc", "State media"),
        # a title before a name holding a preposition
        ("Chinese Ambassador to the U.N. Zhang Jun called for “stopping military exercises”.", "Zhang Jun",
         "official_prc", ""),
        # a name before its appositive speaks
        ("Lee Jung-hoon, a professor at Yonsei University says, “There was some pressure from Beijing.”",
         "Lee Jung-hoon", "analyst", ""),
        # a participle shares the subject of its clause; a body named with "of" keeps its owner's side
        ("China's Ministry of Public Security declined to comment, saying “the information is sensitive.”",
         "Ministry of Public Security", "official_prc", ""),
        # the medium spoken to is the channel
        ("“Collapse is a matter of time,” Lt. Gen. Wang Hongguang wrote in Global Times.", "Wang Hongguang",
         "unknown", "Global Times"),
        # typewriter quotes
        ("``China is our friend,'' Kim Jong Un said.", "Kim Jong Un", "official_dprk", ""),
        # a body's "of" complement says whose it is
        ("The Public Security Department of Liaoning province said it found “serious economic crimes.”",
         "The Public Security Department of Liaoning province", "official_prc", ""),
        # a report's source is where the words were read, not who said them: the verb's subject speaks
        ("A state-run newspaper called on Beijing to “strike back hard,” according to a report from Reuters.",
         "A state-run newspaper", "unknown", "Reuters"),
        # a named person with a role before the name, later "she"
        ("CCTV interviewed the star, anchorwoman Ri Chun Hui, on Monday. Asked about it, she told CCTV that “she is "
         "subject to that bias.”", "Ri Chun Hui", "unknown", "China Central Television"),
        # a company is a body: "the company said" finds it, and it speaks for business
        ("The Dandong Hongxiang company was named in the case.\n\n“We did nothing wrong,” the company said.",
         "Dandong Hongxiang company", "business", ""),
        # a ministry sits in its own capital: "in Beijing" names its side (an ambassador "in Beijing" would not)
        ("The Foreign Ministry in Beijing refused to confirm the reports, saying only it had “frequent” contacts.",
         "The Foreign Ministry in Beijing", "official_prc", ""),
        # a tweet is speech
        ("US President Donald Trump tweeted that “North Korea is looking for trouble.”", "Donald Trump",
         "official_other", ""),
    ],
)  # fmt: skip
def test_general_attribution_rules(make_corpus, body, speaker, group, via):
    table = article(make_corpus, LEAD + body + "\n")
    (row,) = table[table.kind != "term"].itertuples(index=False)
    assert (row.speaker, row.speaker_group, row.via) == (speaker, group, via)


def test_a_government_source_is_an_unnamed_source_not_the_government(make_corpus):
    (row,) = article(make_corpus, LEAD + "“They sent someone,” a Beijing government source told AFP.\n").itertuples()
    assert (row.speaker, row.speaker_group) == ("a Beijing government source", "unnamed_source")


def test_an_object_after_said_is_no_inverted_subject_and_no_continuation(make_corpus):
    body = (
        LEAD
        + "“Ties are strong,” Xi said.\n\nNHK, Japan's public broadcaster, said this report “appears to be aimed at viewers.”\n"
    )
    rows = article(make_corpus, body)
    assert list(rows.speaker) == ["Xi Jinping", "NHK"]


def test_labelled_turns_of_a_transcript(make_corpus):
    body = (
        "Foreign Ministry spokeswoman Hua Chunying held a briefing in Beijing on Monday.\n\n"
        "Q: Can you confirm the reports about the visit?\n\n"
        "A: I have no information on that.\n\n"
        "Hua Chunying: China's position is consistent.\n\n"
        "SEOUL: North Korea fired a missile on Monday.\n"
    )
    rows = article(make_corpus, body)
    assert [(r.speaker, r.speaker_group, r.kind, r.rule, r.mark) for r in rows.itertuples()] == [
        ("a reporter", "unknown", "speech", "label", "label"),
        ("Hua Chunying", "official_prc", "speech", "label", "label"),
        ("Hua Chunying", "official_prc", "speech", "label", "label"),
    ]
    assert all(body[r.start : r.end] == r.quote for r in rows.itertuples())


def test_an_answer_with_no_spokesperson_named_is_left_to_nobody(make_corpus):
    rows = article(make_corpus, "Officials met on Monday.\n\nA: We have no comment.\n")
    assert [(r.speaker, r.speaker_group, r.rule) for r in rows.itertuples()] == [("", "unknown", "none")]


def test_unquoted_speech_after_a_colon_is_the_introducers_until_someone_is_reported(make_corpus):
    body = (
        "Kim Jong Un sent a message to Xi Jinping on Friday.\n\n"
        "The session made it possible to promote the cause, Kim said in the message, adding:\n\n"
        "Our Party, government and people are rejoiced over the successes.\n\n"
        "We are sure that the Chinese people will achieve a fresh victory.\n\n"
        "Expressing the belief that the relations would develop, he wished Xi good health.\n"
    )
    rows = article(make_corpus, body)
    assert [(r.quote.split()[0], r.speaker, r.kind, r.rule, r.mark) for r in rows.itertuples()] == [
        ("Our", "Kim Jong Un", "speech", "introduced", "colon"),
        ("We", "Kim Jong Un", "speech", "introduced", "colon"),
    ]


def test_a_colon_before_third_person_narration_introduces_nothing(make_corpus):
    body = LEAD + "The agency said the following:\n\nThe two leaders discussed trade and the border.\n"
    assert article(make_corpus, body).empty


def test_two_sides_in_one_sentence_leave_the_quotation_to_nobody(make_corpus):
    body = (
        LEAD + "Xi urged restraint on Monday while Kim said the drills were “a dangerous provocation” of the enemy.\n"
    )
    (row,) = article(make_corpus, body).itertuples()
    assert (row.kind, row.speaker, row.speaker_group) == ("fragment", "", "unknown")
    assert row.abstained.startswith("two sides compete in the sentence: Kim Jong Un (official_dprk) and Xi Jinping")


def test_a_nearer_unresolved_cue_leaves_the_quotation_to_nobody(make_corpus):
    body = (
        "Officials met.\n\nXi urged restraint on Monday while Kim said the drills were “a provocation” of the enemy.\n"
    )
    (row,) = article(make_corpus, body).itertuples()
    assert (row.speaker, row.abstained[:31]) == ("", "a nearer cue names someone else")


def test_a_medium_reporting_is_a_channel_not_a_rival(make_corpus):
    body = LEAD + "Xi said he was “greatly pleased” with the talks, North Korea's state media reported.\n"
    (row,) = article(make_corpus, body).itertuples()
    assert (row.speaker, row.abstained) == ("Xi Jinping", "")
