import hashlib
import shutil

import pytest

from kit import config
from kit.errors import CorpusError
from kit.ingest import corpus
from kit.preprocess.pipeline import prepare
from tests.seeds import CHOSUN, DIPLOMAT_2024, HERALD, ROW, SCMP

GOOD = "A sentence about Beijing. Another one about Pyongyang."


def test_seed_documents_carry_the_sources_md_facts(seeds):
    docs = seeds.documents.set_index("doc_id")
    assert list(docs.index) == sorted(docs.index) and len(docs) == 5
    assert docs.loc[CHOSUN, "outlet"] == "ChosunBiz (English edition)"
    assert docs.loc[CHOSUN, "headline"] == ""  # unknown stays unknown
    assert docs.loc[CHOSUN, "url"].startswith("https://biz.chosun.com/en/")
    assert (docs.loc[SCMP, "published"], docs.loc[SCMP, "published_precision"]) == ("2018-03-28T21:45", "minute")
    assert docs.loc[HERALD, "author"] == "Ock Hyun-ju"
    assert (docs.loc[DIPLOMAT_2024, "published"], docs.loc[DIPLOMAT_2024, "published_precision"]) == (
        "2024-04",
        "month",
    )
    assert (docs.author == "").sum() == 4


def test_sha256_is_of_the_raw_bytes(seeds):
    for doc in seeds.documents.itertuples():
        assert doc.sha256 == hashlib.sha256((config.SEEDS / doc.file).read_bytes()).hexdigest()


def test_seeds_are_byte_identical_to_the_shared_originals():
    shared = config.ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for original in sorted(shared.glob("*.txt")):
        assert (config.SEEDS / original.name).read_bytes() == original.read_bytes()


def test_bom_and_crlf_are_accepted_and_normalised(make_corpus):
    folder = make_corpus({"a1.txt": "\ufeffFirst paragraph here.\r\n\r\nSecond paragraph here.\r\n".encode()})
    docs = corpus.load(folder)
    assert docs.raw_text[0] == "First paragraph here.\n\nSecond paragraph here.\n"


@pytest.mark.parametrize(
    ("files", "rows", "message"),
    [
        ({}, [{**ROW}], "manifest.csv:2: field file 'a1.txt': file does not exist"),
        ({"a1.txt": GOOD}, [{**ROW}, {**ROW}], "manifest.csv:3: doc_id 'a1' duplicates line 2"),
        (
            {"a1.txt": GOOD},
            [{**ROW, "file": "../x.txt"}],
            "manifest.csv:2: field file '../x.txt' escapes the corpus folder",
        ),
        (
            {"a1.txt": GOOD},
            [{**ROW, "file": "/etc/passwd"}],
            "manifest.csv:2: field file '/etc/passwd' escapes the corpus",
        ),
        ({"a1.txt": GOOD}, [{**ROW, "published": "2018-13-45"}], "manifest.csv:2: field published '2018-13-45'"),
        ({"a1.txt": GOOD}, [{**ROW, "published": "2018-03"}], "is not a valid day-precision date"),
        ({"a1.txt": GOOD}, [{**ROW, "published_precision": "week"}], "field published_precision 'week' must be one of"),
        ({"a1.txt": b"caf\xe9 au lait"}, None, "a1.txt: not UTF-8 (byte 0xe9 at offset 3)"),
        ({"a1.txt": b""}, None, "a1.txt: file is empty"),
        ({"a1.txt": b"  \n\n"}, None, "a1.txt: file is empty"),
        ({"a1.txt": b"\x89PNG\r\n\x1a\n\x00\x00"}, None, "a1.txt: binary file (NUL byte at offset 8)"),
        ({"a1.txt": GOOD}, [{**ROW, "doc_id": ""}], "manifest.csv:2: field doc_id '' is empty"),
    ],
)
def test_bad_input_is_one_clear_line(make_corpus, files, rows, message):
    folder = make_corpus(files, rows)
    with pytest.raises(CorpusError) as err:
        corpus.load(folder)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_manifest_column_is_named(make_corpus):
    folder = make_corpus({"a1.txt": GOOD}, raw_manifest="doc_id,file\na1,a1.txt\n")
    with pytest.raises(CorpusError, match=r"manifest.csv:1: missing column\(s\) outlet, headline, published"):
        corpus.load(folder)


def test_unlisted_file_warns_but_loads(make_corpus):
    folder = make_corpus({"a1.txt": GOOD, "stray.txt": GOOD}, [{**ROW}])
    with pytest.warns(corpus.CorpusWarning, match=r"stray.txt: not listed in manifest.csv; ignored"):
        docs = corpus.load(folder)
    assert list(docs.doc_id) == ["a1"]


def test_a_link_to_a_listed_file_is_not_reported_as_unlisted(make_corpus, recwarn):
    folder = make_corpus({"a1.txt": GOOD}, [{**ROW}])
    (folder / "alias.txt").symlink_to(folder / "a1.txt")
    (folder / "stray.txt").symlink_to(folder / "manifest.csv")
    assert list(corpus.load(folder).doc_id) == ["a1"]
    assert [str(w.message).rsplit("/", 1)[-1] for w in recwarn.list] == [
        "stray.txt: not listed in manifest.csv; ignored"
    ]


def test_a_full_run_leaves_the_seeds_untouched(tmp_path):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(config.SEEDS.iterdir())}
    copy = tmp_path / "seeds"
    shutil.copytree(config.SEEDS, copy)
    prepare(copy)
    prepare()
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(config.SEEDS.iterdir())}
    assert after == before


MANIFEST_HEADER = "doc_id,file,outlet,headline,published,published_precision,author,url"


def test_metadata_columns_beyond_the_kits_are_kept_in_the_documents_under_their_names(make_corpus):
    manifest = (
        f"{MANIFEST_HEADER},outlet_type,country,\n"  # a trailing comma: a column without a name is left out
        "a1,a1.txt,O,H,2018-03-28,day,,,newspaper,KR,\n"
        "a2,a2.txt,O,H,2018-03-29,day,,,agency, JP ,\n"
    )
    folder = make_corpus({"a1.txt": GOOD, "a2.txt": GOOD}, raw_manifest=manifest)
    documents = corpus.load(folder)
    assert list(documents.columns)[-4:] == ["raw_text", "sha256", "outlet_type", "country"]
    assert list(documents.country) == ["KR", "JP"]
    assert list(prepare(folder).documents.outlet_type) == ["newspaper", "agency"]


def test_seeds_documents_have_the_kits_columns_only(seeds):
    assert "outlet_type" not in seeds.documents.columns
    assert list(corpus.load().columns) == [*corpus.DOCUMENT_COLUMNS]


@pytest.mark.parametrize("name", ["text", "n_tokens", "sha256"])
def test_a_metadata_column_named_as_a_column_the_kit_adds_is_one_line(make_corpus, name):
    manifest = f"{MANIFEST_HEADER},{name}\na1,a1.txt,O,H,2018-03-28,day,,,x\n"
    folder = make_corpus({"a1.txt": GOOD}, raw_manifest=manifest)
    with pytest.raises(CorpusError) as refused:
        corpus.load(folder)
    assert str(refused.value) == (
        f"{folder / 'manifest.csv'}:1: column '{name}' has the name of a column the kit adds to the documents "
        "(the article's text, hash and sizes); rename it"
    )
