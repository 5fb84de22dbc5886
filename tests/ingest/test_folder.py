"""Writing a corpus folder: staged in a hidden sibling, renamed into place only when complete."""

import pytest

from kit.ingest import folder


def test_an_error_inside_leaves_no_folder_and_no_staging(tmp_path):
    with pytest.raises(RuntimeError), folder.staged(tmp_path / "corpus") as staging:
        (staging / "a.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_manifest_rows_get_every_column_in_order(tmp_path):
    with folder.staged(tmp_path / "corpus") as staging, folder.manifest(staging) as manifest:
        manifest.write({"doc_id": "a1", "file": "a1.txt", "published": "2018-03-28", "published_precision": "day"})
    assert (tmp_path / "corpus" / "manifest.csv").read_bytes() == (
        b"doc_id,file,outlet,headline,published,published_precision,timezone,author,url,notes\n"
        b"a1,a1.txt,,,2018-03-28,day,,,,\n"
    )


def test_an_unknown_column_is_a_programming_error(tmp_path):
    with pytest.raises(ValueError), folder.staged(tmp_path / "corpus") as staging, folder.manifest(staging) as m:
        m.write({"doc_id": "a1", "colour": "red"})


def test_the_seeds_and_the_source_are_never_replaced_even_with_force(tmp_path):
    from kit import config
    from kit.errors import KitError

    source = tmp_path / "source"
    (source / "inner").mkdir(parents=True)
    for out, sources in ((config.SEEDS, []), (source, [source]), (tmp_path, [source / "inner"])):
        with (
            pytest.raises(KitError, match="holds the articles this is made from"),
            folder.staged(out, force=True, sources=sources),
        ):
            pass
    assert (source / "inner").is_dir()
