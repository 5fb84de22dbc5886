"""Publishing (kit.report.publish): a staged report switched into reports/ as one set, and what a killed run leaves."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from kit import cli
from kit.errors import KitError
from kit.report import publish
from kit.report.layout import FILE_MODE
from tests.report.helpers import kit_report, make_tree, snapshot, write_params


@pytest.mark.enable_socket
def test_interrupted_publish_leaves_whole_files_only(tmp_path, monkeypatch):
    tree = make_tree(tmp_path)
    assert kit_report(tree, "--only", "00-tiny__all") == 0
    reports = tree["reports"]
    old = snapshot(reports)
    write_params(tree, "all: {scale: 7}\ndoubled: {}\n")
    real_replace = publish.os.replace
    calls = []

    def interrupt_on_second_file(source, target):
        if Path(target).parent == reports:  # publishing; renames inside the staging folder go through
            calls.append(target)
            if len(calls) == 2:
                raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(publish.os, "replace", interrupt_on_second_file)
    with pytest.raises(KeyboardInterrupt):
        kit_report(tree, "--only", "00-tiny__all")
    monkeypatch.undo()

    now = snapshot(reports)
    assert set(now) == set(old)  # no temporary or partial file left in reports/
    changed = [name for name in now if now[name] != old[name]]
    assert changed == ["00-tiny__all.ipynb"]  # the one file moved before the interruption, complete
    nbformat.reads(now["00-tiny__all.ipynb"].decode(), as_version=4)
    assert not any(p.name.endswith(".tmp") for p in reports.rglob("*"))


def test_atomic_move_never_exposes_a_partial_target(tmp_path, monkeypatch):
    target = tmp_path / "reports" / "a.json"
    target.parent.mkdir()
    target.write_text('{"old": 1}\n')
    staged = tmp_path / "staged.json"
    staged.write_text('{"new": 2}\n')
    seen = []
    monkeypatch.setattr(publish.os, "replace", lambda s, t: seen.append((Path(s), Path(t))) or shutil.move(s, t))
    publish.move(staged, target)
    assert seen == [(staged, target)]
    assert target.read_text() == '{"new": 2}\n' and (target.stat().st_mode & 0o777) == FILE_MODE


class Killed(BaseException):
    """Stands for SIGKILL: no ``except Exception`` handler sees it."""


def report_set(folder: Path, name: str) -> dict[str, bytes]:
    return {
        path: data
        for path, data in snapshot(folder).items()
        if path.split("/")[-1].startswith(f"{name}.") or path.startswith(f"{name}__")
    }


@pytest.fixture(scope="module")
def old_site(tmp_path_factory) -> Path:
    """A reports folder holding the first fixture report (scale 2), built once."""
    tree = make_tree(tmp_path_factory.mktemp("old"))
    assert kit_report(tree, "--only", "00-tiny__all") == 0
    return tree["reports"]


@pytest.mark.enable_socket
@pytest.mark.parametrize("renames_before_kill", [None, 0, 1, 3])
def test_a_killed_publish_leaves_the_set_wholly_old_or_the_next_run_makes_it_wholly_new(
    tmp_path, monkeypatch, capsys, old_site, renames_before_kill
):
    """None: killed while writing the journal (before the commit point); k: killed after k of the 4 renames."""
    tree = make_tree(tmp_path)
    shutil.copytree(old_site, tree["reports"])
    reports = tree["reports"]
    (reports / ".staging" / ".lock").unlink(missing_ok=True)
    old = report_set(reports, "00-tiny__all")
    write_params(tree, "all: {scale: 7}\ndoubled: {}\n")
    real_replace = publish.os.replace
    renames = []

    def kill(source, target):
        if renames_before_kill is None and str(target).endswith(publish.JOURNAL_SUFFIX):
            raise Killed
        if Path(target).parent == reports:
            if len(renames) == renames_before_kill:
                raise Killed
            renames.append(target)
        real_replace(source, target)

    monkeypatch.setattr(publish.os, "replace", kill)
    with pytest.raises(Killed):
        kit_report(tree, "--only", "00-tiny__all")
    monkeypatch.undo()
    committed = renames_before_kill is not None
    assert publish.journal_path(reports, "00-tiny__all").exists() == committed

    assert publish.recover(reports) == (["00-tiny__all"] if committed else [])

    assert sorted(p.name for p in (reports / ".staging").iterdir()) == [".lock"]  # staging and journal gone
    recovered = report_set(reports, "00-tiny__all")
    if not committed:
        assert recovered == old
        return
    assert set(recovered) == set(old) and all(recovered[name] != old[name] for name in old)  # every file new
    assert json.loads(recovered["00-tiny__all.json"])["total"] == 42
    # the same set an uninterrupted run writes
    capsys.readouterr()
    assert kit_report(tree, "--only", "00-tiny__all") == 0
    assert report_set(reports, "00-tiny__all") == recovered


def test_the_next_run_finishes_a_journal_and_removes_staging_kernel_and_temporary_files(tmp_path):
    reports = tmp_path / "reports"
    staging = reports / ".staging"
    (staging / "00-tiny__all").mkdir(parents=True)
    (staging / "kernels").mkdir()
    (staging / "kernels" / "00-tiny__all.json").write_text('{"key": "secret"}')
    (staging / "00-tiny__gone").mkdir()
    (staging / "00-tiny__gone" / "counts.csv").write_text("half")
    (reports / ".index.html.x1y2.tmp").write_text("half")
    (reports / "00-tiny__all.html").write_text("old page")
    (reports / "00-tiny__all.json").write_text("old values")
    (reports / "00-tiny__all__dropped.csv").write_text("old table")
    # interrupted after the page was moved: the values are still staged
    (staging / "00-tiny__all" / "values.json").write_text("new values")
    journal = {
        "moves": [
            {"staged": ".staging/00-tiny__all/00-tiny__all.html", "target": "00-tiny__all.html"},
            {"staged": ".staging/00-tiny__all/values.json", "target": "00-tiny__all.json"},
        ],
        "removals": ["00-tiny__all__dropped.csv"],
    }
    publish.journal_path(reports, "00-tiny__all").write_text(json.dumps(journal))
    (reports / "00-tiny__all.html").write_text("new page")  # the rename done before the kill

    assert publish.recover(reports) == ["00-tiny__all"]

    assert {p.name: p.read_text() for p in reports.iterdir() if p.is_file()} == {
        "00-tiny__all.html": "new page",
        "00-tiny__all.json": "new values",
    }
    assert list(staging.iterdir()) == []


@pytest.mark.parametrize(
    ("journal", "problem"),
    [
        ("{not json", "unreadable publish journal (JSONDecodeError); remove it"),
        ('{"moves": []}', "unreadable publish journal (KeyError); remove it"),
        (
            '{"moves": [{"staged": "../../x", "target": "a.html"}], "removals": []}',
            "publish journal names a path outside the reports folder; remove it",
        ),
    ],
)
def test_a_journal_the_kit_did_not_write_is_refused(tmp_path, journal, problem):
    reports = tmp_path / "reports"
    (reports / ".staging").mkdir(parents=True)
    path = publish.journal_path(reports, "00-tiny__all")
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
@pytest.mark.parametrize("failing_write", ["00-tiny__all.html", publish.JOURNAL_SUFFIX])
def test_a_full_disk_stops_the_run_with_one_line_keeping_the_previous_site(
    tmp_path, monkeypatch, capsys, old_site, failing_write
):
    tree = make_tree(tmp_path)
    shutil.copytree(old_site, tree["reports"])
    reports = tree["reports"]
    old = snapshot(reports)
    write_params(tree, "all: {scale: 7}\ndoubled: {}\n")
    real_write = publish.write_atomic

    def disk_full_at(path, data):
        if str(path).endswith(failing_write):
            raise no_space(path.parent / f".{path.name}.k2j4.tmp")  # write_atomic fails on its temporary file
        real_write(path, data)

    monkeypatch.setattr(publish, "write_atomic", disk_full_at)
    capsys.readouterr()
    assert kit_report(tree, "--only", "00-tiny__all") == cli.EXIT_BAD_INPUT
    target = publish.journal_path(reports, "00-tiny__all")
    if failing_write != publish.JOURNAL_SUFFIX:
        target = reports / ".staging" / "00-tiny__all" / failing_write
    assert capsys.readouterr().err == f"error: {target.resolve().as_posix()}: cannot write (No space left on device)\n"
    assert snapshot(reports) == old  # every report and the index as they were
    assert sorted(p.name for p in (reports / ".staging").iterdir()) == [".lock", "kernels"]  # staging removed


@pytest.mark.enable_socket
def test_a_rename_refused_after_the_commit_point_is_finished_by_the_next_run(tmp_path, monkeypatch, capsys, old_site):
    tree = make_tree(tmp_path)
    shutil.copytree(old_site, tree["reports"])
    reports = tree["reports"]
    write_params(tree, "all: {scale: 7}\ndoubled: {}\n")
    real_replace = publish.os.replace

    def read_only_html(source, target):
        if Path(target) == reports / "00-tiny__all.html":
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(source), None, str(target))
        real_replace(source, target)

    monkeypatch.setattr(publish.os, "replace", read_only_html)
    capsys.readouterr()
    assert kit_report(tree, "--only", "00-tiny__all") == cli.EXIT_BAD_INPUT
    page = (reports / "00-tiny__all.html").resolve().as_posix()
    assert capsys.readouterr().err == f"error: {page}: cannot write (Read-only file system)\n"
    monkeypatch.undo()

    assert publish.recover(reports) == ["00-tiny__all"]
    assert json.loads((reports / "00-tiny__all.json").read_text())["total"] == 42
    assert "<dd>42</dd>" not in (reports / "index.html").read_text()  # the index is the next run's
    assert b"42" in (reports / "00-tiny__all.html").read_bytes()


def test_a_reports_folder_that_cannot_be_created_is_one_line(tmp_path, monkeypatch, capsys):
    tree = make_tree(tmp_path)
    real_mkdir = os.mkdir

    def read_only(path, *args, **kwargs):
        if Path(path) == tree["reports"]:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", read_only)
    assert kit_report(tree) == cli.EXIT_BAD_INPUT
    reports = tree["reports"].resolve().as_posix()
    assert capsys.readouterr().err == f"error: {reports}: cannot write (Read-only file system)\n"
