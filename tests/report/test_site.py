"""The site's record (kit.report.site): which folder is a site, which of its files are the kit's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kit import cli, config
from kit.errors import KitError
from kit.report import site
from kit.report.layout import relative_to_root, shown
from kit.report.site import SiteRecord
from tests.report.helpers import kit_report, make_tree, snapshot, write_params


def write(folder, names):
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x")


def test_prune_removes_only_the_kit_files_of_reports_no_longer_run(tmp_path):
    kit_files = [
        "00-tiny__all/report.html",
        "00-tiny__all/counts.csv",
        "00-tiny__gone/report.html",
        "00-tiny__gone/counts.csv",
        "99-old__default/values.json",
        "failed/.gitignore",
        "failed/99-old__default/report.ipynb",
        "failed/00-tiny__all/report.ipynb",
        "index.html",
    ]
    mine = [
        "00-tiny__gone/my_annotations.txt",  # inside a report folder that goes: the folder stays for it
        "notes__mine/notes.txt",
        "coding__round2.csv",  # beside the reports, named like the earlier layout's files
        "01-xss__xss.html",
        "corpus__2019/manifest.csv",
        "README.md",
    ]
    write(tmp_path, kit_files + mine)
    record = SiteRecord("seeds", frozenset(kit_files))
    removed, record = site.prune(tmp_path, record, reports=["00-tiny__all"], failed=["00-tiny__all"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in removed) == [
        "00-tiny__gone",
        "99-old__default",
        "failed/99-old__default",
    ]
    assert sorted(record.files) == ["00-tiny__all/counts.csv", "00-tiny__all/report.html", "failed/.gitignore",
                                    "failed/00-tiny__all/report.ipynb", "index.html"]  # fmt: skip
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == sorted([*record.files, *mine])
    assert not (tmp_path / "99-old__default").exists()


def test_prune_never_follows_a_link_the_user_put_in_a_report_folders_place(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere, ["report.html"])
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "00-tiny__gone").symlink_to(elsewhere)
    record = SiteRecord("seeds", frozenset({"00-tiny__gone/report.html"}))
    site.prune(site_dir, record, reports=[], failed=[])
    assert (elsewhere / "report.html").read_text() == "x"


def test_user_files_of_a_report_folder_are_linked_into_its_new_set(tmp_path):
    target, staged = tmp_path / "target", tmp_path / "staged"
    write(target, ["report.html", "my_annotations.txt", "coding/round2.csv"])
    (target / "empty").mkdir()
    write(staged, ["report.html", "values.json"])
    assert site.keep_user_entries(target, staged, {"report.html"}) == []
    assert site.user_entries(staged, {"report.html", "values.json"}) == [
        "coding/round2.csv",
        "empty/",
        "my_annotations.txt",
    ]
    assert (staged / "my_annotations.txt").stat().st_ino == (target / "my_annotations.txt").stat().st_ino


def test_a_user_file_the_new_set_would_overwrite_is_a_clash_and_nothing_is_linked(tmp_path):
    target, staged = tmp_path / "target", tmp_path / "staged"
    write(target, ["counts.csv", "notes.txt", "values.json/mine.txt"])
    write(staged, ["counts.csv", "values.json"])
    assert site.keep_user_entries(target, staged, set()) == ["counts.csv", "values.json/mine.txt"]
    assert sorted(p.name for p in staged.iterdir()) == ["counts.csv", "values.json"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{not json", "not a site record kit report wrote (JSONDecodeError); remove it"),
        ('{"corpus": "seeds"}', "not a site record kit report wrote (KeyError); remove it"),
        ('{"corpus": "seeds", "files": [1]}', "not a site record kit report wrote (TypeError); remove it"),
        ('{"corpus": "seeds", "files": ["../x"]}', "the site record names a path outside the site ('../x'); remove it"),
        (
            '{"corpus": "seeds", "files": ["/etc/x"]}',
            "the site record names a path outside the site ('/etc/x'); remove it",
        ),
    ],
)
def test_a_record_the_kit_did_not_write_is_refused_in_one_line(tmp_path, text, problem):
    (tmp_path / site.MARKER).write_text(text)
    with pytest.raises(KitError) as refused:
        site.read_record(tmp_path)
    assert str(refused.value) == f"{(tmp_path / site.MARKER).as_posix()}: {problem}"


def test_the_record_is_sorted_json_readable_by_everyone(tmp_path):
    site.write_record(tmp_path, SiteRecord("seeds", frozenset({"b/x.csv", "a/report.html"})))
    path = tmp_path / site.MARKER
    assert json.loads(path.read_text())["files"] == ["a/report.html", "b/x.csv"]
    assert path.stat().st_mode & 0o777 == 0o644
    assert site.read_record(tmp_path) == SiteRecord("seeds", frozenset({"b/x.csv", "a/report.html"}))


# ---------------------------------------------------------------- real runs on a site holding the user's files


@pytest.fixture(scope="module")
def old_site(tmp_path_factory) -> Path:
    """A site of the tiny notebook with two sets, ``all`` and ``gone``, made from the seeds; built once."""
    tree = make_tree(tmp_path_factory.mktemp("old"))
    write_params(tree, "all: {}\ngone: {scale: 3}\n")
    assert kit_report(tree, "--only", "00-tiny") == 0
    return tree["reports"]


def site_tree(old_site: Path, tmp_path: Path, params: str) -> dict[str, Path]:
    tree = make_tree(tmp_path)
    shutil.copytree(old_site, tree["reports"])
    write_params(tree, params)
    (tree["params"] / "01-xss.yaml").unlink()
    (tree["notebooks"] / "01-xss.ipynb").unlink()
    return tree


MINE = {
    "00-tiny__all/my_annotations.txt": "coded by hand",
    "00-tiny__all/notes/round1.txt": "first round",
    "00-tiny__gone/my_annotations.txt": "kept though the report goes",
    "coding__round2.csv": "doc_id,code\na1,x\n",
    ".staging/my-draft.txt": "mine, in a folder the kit uses",
}


def files_of(folder: Path, names) -> dict[str, str]:
    return {name: (folder / name).read_text() for name in names if (folder / name).is_file()}


@pytest.mark.enable_socket
def test_a_full_run_keeps_every_file_the_kit_did_not_write(old_site, tmp_path, capsys):
    tree = site_tree(old_site, tmp_path, "all: {scale: 5}\n")  # `gone` is no longer a parameter set
    reports = tree["reports"]
    for name, text in MINE.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text(text)
    capsys.readouterr()
    assert kit_report(tree) == 0
    assert f"removed stale report {shown(reports / '00-tiny__gone')}" in capsys.readouterr().err
    assert files_of(reports, MINE) == MINE
    assert json.loads((reports / "00-tiny__all" / "values.json").read_text())["total"] == 30  # the new set
    assert sorted(p.name for p in (reports / "00-tiny__gone").iterdir()) == ["my_annotations.txt"]
    record = site.read_record(reports)
    assert record is not None and record.corpus == "seeds" and not set(MINE) & record.files
    index = (reports / "index.html").read_text()
    assert "my_annotations" not in index and "coding__round2" not in index and "round1" not in index
    assert 'href="00-tiny__all/counts.csv"' in index
    assert kit_report(tree, "--only", "00-tiny__all") == 0  # again, the notes now in the set it replaces
    assert files_of(reports, MINE) == MINE


@pytest.mark.enable_socket
def test_a_file_of_the_users_that_a_new_report_would_overwrite_fails_that_report_and_stays(old_site, tmp_path, capsys):
    tree = site_tree(old_site, tmp_path, "all: {}\nnew: {scale: 4}\n")
    mine = tree["reports"] / "00-tiny__new" / "counts.csv"
    mine.parent.mkdir()
    mine.write_text("my own counts")
    capsys.readouterr()
    assert kit_report(tree, "--only", "00-tiny__new") == 1
    err = capsys.readouterr().err
    assert f"FAILED 00-tiny__new: {shown(mine)} is not the kit's and this report writes it too; move it away\n" in err
    assert sorted(p.name for p in mine.parent.iterdir()) == ["counts.csv"] and mine.read_text() == "my own counts"


@pytest.mark.enable_socket
def test_a_site_rebuilt_for_another_corpus_keeps_that_corpus_inside_it_and_refuses_only_for_the_first(
    old_site, tmp_path, capsys
):
    tree = site_tree(old_site, tmp_path, "all: {fail: true}\n")
    reports = tree["reports"]
    corpus = reports / "my-corpus"  # a corpus folder placed inside the site
    shutil.copytree(config.SEEDS, corpus)
    articles = snapshot(corpus)
    capsys.readouterr()
    assert kit_report(tree, "--corpus", str(corpus)) == 1  # `all` fails on purpose
    assert snapshot(corpus) == articles
    assert not (reports / "00-tiny__all").exists()  # the seeds' set is not left beside my-corpus's
    assert (reports / "failed" / "00-tiny__all" / "report.ipynb").is_file()
    record = site.read_record(reports)
    assert record is not None and record.corpus == relative_to_root(corpus)

    before = snapshot(reports)
    capsys.readouterr()
    assert kit_report(tree, "--only", "00-tiny__all") == cli.EXIT_BAD_INPUT  # the seeds, on my-corpus's site
    assert capsys.readouterr().err == (
        f"error: --only: {shown(reports)} was made from the corpus {shown(corpus)}, not {shown(config.SEEDS)}; "
        "run without --only to rebuild it whole, or give another --out\n"
    )
    assert snapshot(reports) == before
