"""Publishing (kit.report.publish): a staged report moved into reports/."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

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
