"""Publishing (kit.report.publish): a staged report switched into reports/ as one set, and what a killed run leaves."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from kit import cli
from kit.errors import KitError
from kit.report import publish
from kit.report.layout import FILE_MODE
from tests.report.helpers import kit_report, make_tree, snapshot, write_params


class Killed(BaseException):
    """Stands for SIGKILL: no ``except Exception`` handler sees it."""


NAME = "00-tiny__all"


def report_set(folder: Path, name: str = NAME) -> dict[str, bytes]:
    """The files of one report set (its folder), by path."""
    return {path: data for path, data in snapshot(folder).items() if path.startswith(f"{name}/")}


@pytest.fixture(scope="module")
def old_site(tmp_path_factory) -> Path:
    """A reports folder holding the first fixture report (scale 2), built once."""
    tree = make_tree(tmp_path_factory.mktemp("old"))
    assert kit_report(tree, "--only", NAME) == 0
    return tree["reports"]


def site_from(old_site: Path, tmp_path: Path) -> dict[str, Path]:
    """A private copy of ``old_site`` whose next run (scale 7) gives every file of the report new bytes."""
    tree = make_tree(tmp_path)
    shutil.copytree(old_site, tree["reports"])
    (tree["reports"] / ".staging" / ".lock").unlink(missing_ok=True)
    write_params(tree, "all: {scale: 7}\ndoubled: {}\n")
    return tree


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, text in ((first, "A"), (second, "B")):
        folder.mkdir()
        (folder / "x.txt").write_text(text)
    if not publish.exchange(first, second):
        pytest.skip("this system cannot exchange two folders (the journalled fallback is tested below)")
    assert (first / "x.txt").read_text() == "B" and (second / "x.txt").read_text() == "A"


@pytest.mark.slow
@pytest.mark.enable_socket
@pytest.mark.parametrize("killed", ["before the exchange", "after the exchange"])
def test_a_report_killed_around_the_exchange_is_wholly_old_or_wholly_new(tmp_path, old_site, killed):
    tree = site_from(old_site, tmp_path)
    reports = tree["reports"]
    old = report_set(reports)
    real_exchange = publish.exchange
    if not real_exchange(tmp_path / "notebooks", tmp_path / "params"):
        pytest.skip("this system cannot exchange two folders")
    real_exchange(tmp_path / "notebooks", tmp_path / "params")  # swapped back

    def kill(first, second):
        if killed == "after the exchange":
            assert real_exchange(first, second)
        raise Killed

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(publish, "exchange", kill)
        with pytest.raises(Killed):
            kit_report(tree, "--only", NAME)
    now = report_set(reports)
    assert set(now) == set(old)
    if killed == "before the exchange":
        assert now == old
    else:
        assert all(now[path] != old[path] for path in old)  # every file new
        assert json.loads(now[f"{NAME}/values.json"])["total"] == 42
    assert publish.recover(reports) == []  # nothing to finish: the old set, if any, is only left in staging
    assert sorted(p.name for p in (reports / ".staging").iterdir()) == [".lock"]


@pytest.mark.slow
@pytest.mark.enable_socket
@pytest.mark.parametrize("renames_before_kill", [None, 0, 1])
def test_without_the_exchange_a_killed_switch_is_never_mixed_and_the_next_run_finishes_it(
    tmp_path, monkeypatch, capsys, old_site, renames_before_kill
):
    """None: killed while writing the journal (before the commit point); k: killed after k of the 2 renames."""
    tree = site_from(old_site, tmp_path)
    reports = tree["reports"]
    old = report_set(reports)
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    real_write, real_rename = publish.write_file, publish.os.rename
    renames = []

    def kill_writing_journal(path, data):
        if renames_before_kill is None and publish.JOURNALS in Path(path).parts:
            raise Killed
        real_write(path, data)

    def kill_renaming(source, target):
        if len(renames) == renames_before_kill:
            raise Killed
        renames.append(target)
        real_rename(source, target)

    monkeypatch.setattr(publish, "write_file", kill_writing_journal)
    monkeypatch.setattr(publish.os, "rename", kill_renaming)
    with pytest.raises(Killed):
        kit_report(tree, "--only", NAME)
    monkeypatch.undo()
    committed = renames_before_kill is not None
    journal = publish.journal_path(reports, reports / NAME)
    assert journal.exists() == committed
    now = report_set(reports)
    assert now == (old if renames_before_kill in (None, 0) else {})  # old, or absent between the renames

    if renames_before_kill == 1:  # the next run of any report finishes the switch first
        capsys.readouterr()
        assert kit_report(tree, "--only", "01-xss") == 0
        assert capsys.readouterr().err.startswith(f"finished publishing {NAME}, interrupted in an earlier run\n")
    else:
        assert publish.recover(reports) == ([NAME] if committed else [])

    leftovers = sorted(p.name for p in (reports / ".staging").iterdir())
    assert leftovers == ([".lock", "kernels"] if renames_before_kill == 1 else [".lock"])  # staging, journal gone
    recovered = report_set(reports)
    if not committed:
        assert recovered == old
        return
    assert set(recovered) == set(old) and all(recovered[path] != old[path] for path in old)  # every file new
    assert json.loads(recovered[f"{NAME}/values.json"])["total"] == 42
    # the same set an uninterrupted run writes
    capsys.readouterr()
    assert kit_report(tree, "--only", NAME) == 0
    assert report_set(reports) == recovered


def test_atomic_move_never_exposes_a_partial_target(tmp_path, monkeypatch):
    target = tmp_path / "reports" / "index.html"
    target.parent.mkdir()
    target.write_text("old\n")
    staged = tmp_path / "staged.html"
    staged.write_text("new\n")
    seen = []
    monkeypatch.setattr(publish.os, "replace", lambda s, t: seen.append((Path(s), Path(t))) or shutil.move(s, t))
    publish.move(staged, target)
    assert seen == [(staged, target)]
    assert target.read_text() == "new\n" and (target.stat().st_mode & 0o777) == FILE_MODE


def test_the_next_run_finishes_a_journal_and_removes_staging_kernel_and_temporary_files(tmp_path):
    reports = tmp_path / "reports"
    staging = reports / ".staging"
    (staging / NAME).mkdir(parents=True)
    (staging / "kernels").mkdir()
    (staging / "kernels" / f"{NAME}.json").write_text('{"key": "secret"}')
    (staging / "00-tiny__gone").mkdir()
    (staging / "00-tiny__gone" / "counts.csv").write_text("half")
    (reports / ".index.html.x1y2.tmp").write_text("half")
    (staging / NAME / "report.html").write_text("new page")
    (staging / NAME / "values.json").write_text("new values")
    journal = publish.journal_path(reports, reports / NAME)
    journal.parent.mkdir(parents=True)
    journal.write_text(json.dumps({"staged": f".staging/{NAME}", "target": NAME}))
    # interrupted after the old set was put aside
    aside = staging / publish.ASIDE / NAME
    aside.mkdir(parents=True)
    (aside / "report.html").write_text("old page")

    assert publish.recover(reports) == [NAME]

    assert {p.name: p.read_text() for p in (reports / NAME).iterdir()} == {
        "report.html": "new page",
        "values.json": "new values",
    }
    assert sorted(p.name for p in reports.iterdir()) == [".staging", NAME]
    assert list(staging.iterdir()) == []


@pytest.mark.parametrize(
    ("journal", "problem"),
    [
        ("{not json", "unreadable publish journal (JSONDecodeError); remove it"),
        ('{"staged": ".staging/x"}', "unreadable publish journal (KeyError); remove it"),
        (
            '{"staged": "../../x", "target": "a"}',
            "publish journal names a path outside the reports folder; remove it",
        ),
    ],
)
def test_a_journal_the_kit_did_not_write_is_refused(tmp_path, journal, problem):
    reports = tmp_path / "reports"
    path = publish.journal_path(reports, reports / NAME)
    path.parent.mkdir(parents=True)
    path.write_text(journal)
    with pytest.raises(KitError) as refused:
        publish.recover(reports)
    assert str(refused.value) == f"{path.resolve().as_posix()}: {problem}"


@pytest.mark.enable_socket
def test_kernel_connection_files_are_written_in_staging_and_removed_after_the_run(tmp_path, monkeypatch):
    import jupyter_client.connect

    written = []
    real_write = jupyter_client.connect.write_connection_file

    def recording(fname=None, **kwargs):
        written.append(Path(fname))
        return real_write(fname, **kwargs)

    monkeypatch.setattr(jupyter_client.connect, "write_connection_file", recording)
    tree = make_tree(tmp_path)
    assert kit_report(tree, "--only", "00-tiny__all") == 0
    kernels = tree["reports"] / ".staging" / "kernels"
    assert written == [kernels / "00-tiny__all.json"]
    assert list(kernels.iterdir()) == []


def no_space(path):
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


@pytest.mark.enable_socket
@pytest.mark.parametrize("failing_write", ["report.html", "journal"])
def test_a_full_disk_stops_the_run_with_one_line_keeping_the_previous_site(
    tmp_path, monkeypatch, capsys, old_site, failing_write
):
    tree = site_from(old_site, tmp_path)
    reports = tree["reports"]
    old = snapshot(reports)
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)  # so that a journal is written
    real_write = publish.write_atomic
    journal = publish.journal_path(reports, reports / NAME)
    target = journal if failing_write == "journal" else reports / ".staging" / NAME / failing_write

    def disk_full_at(path, data):
        if Path(path) == target:
            raise no_space(path.parent / f".{path.name}.k2j4.tmp")  # write_atomic fails on its temporary file
        real_write(path, data)

    monkeypatch.setattr(publish, "write_atomic", disk_full_at)
    capsys.readouterr()
    assert kit_report(tree, "--only", NAME) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == f"error: {target.resolve().as_posix()}: cannot write (No space left on device)\n"
    assert snapshot(reports) == old  # every report and the index as they were
    assert sorted(p.name for p in (reports / ".staging").iterdir()) == [".lock", "kernels"]  # staging removed


@pytest.mark.enable_socket
def test_a_rename_refused_after_the_commit_point_is_finished_by_the_next_run(tmp_path, monkeypatch, capsys, old_site):
    tree = site_from(old_site, tmp_path)
    reports = tree["reports"]
    old = report_set(reports)
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    real_rename = publish.os.rename

    def read_only_site(source, target):
        if Path(target) == reports / NAME:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(source), None, str(target))
        real_rename(source, target)

    monkeypatch.setattr(publish.os, "rename", read_only_site)
    capsys.readouterr()
    assert kit_report(tree, "--only", NAME) == cli.EXIT_BAD_INPUT
    folder = (reports / NAME).resolve().as_posix()
    assert capsys.readouterr().err == f"error: {folder}: cannot write (Read-only file system)\n"
    assert report_set(reports) == {}  # the old set was put aside: absent, never mixed
    monkeypatch.undo()

    assert publish.recover(reports) == [NAME]
    recovered = report_set(reports)
    assert set(recovered) == set(old)
    assert json.loads(recovered[f"{NAME}/values.json"])["total"] == 42
    assert "<dd>42</dd>" not in (reports / "index.html").read_text()  # the index is the next run's
    assert b"42" in recovered[f"{NAME}/report.html"]


def test_a_reports_folder_that_cannot_be_created_is_one_line(tmp_path, monkeypatch, capsys):
    tree = make_tree(tmp_path)
    real_mkdir = Path.mkdir

    def read_only(path, *args, **kwargs):
        if Path(path) == tree["reports"]:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)  # pathlib binds os.mkdir at import on Python 3.10
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    reports = tree["reports"].resolve().as_posix()
    assert capsys.readouterr().err == f"error: {reports}: cannot write (Read-only file system)\n"
