"""A real ``kit report`` process stopped in the middle of a notebook: by ``kill -9``, or by Ctrl-C.

Its workers and kernels end with it, nothing writes to the site afterwards, Ctrl-C prints one line, and the
next run takes the lock and recovers. Every wait polls with a generous deadline: no test measures a time.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from kit import config
from tests.report.helpers import kit_report, make_tree, snapshot, write_params

pytestmark = pytest.mark.slow  # minutes of end-to-end runs: `make test-slow`, and CI

# Generous: a kernel starting on a busy two-core machine takes seconds, not minutes.
DEADLINE = 300
NAMES = ("00-tiny__all", "00-tiny__doubled")


@pytest.fixture(scope="module")
def old_site(tmp_path_factory) -> Path:
    """A site of the tiny notebook's two reports, built once (copied by each test)."""
    tree = make_tree(tmp_path_factory.mktemp("old"))
    write_params(tree, "all: {}\ndoubled: {scale: 4}\n")
    assert kit_report(tree, "--only", "00-tiny") == 0
    return tree["reports"]


def paused_tree(old_site: Path, tmp_path: Path) -> dict[str, Path]:
    """A copy of ``old_site`` whose next run waits (10 minutes) in each report's notebook."""
    tree = make_tree(tmp_path)
    shutil.copytree(old_site, tree["reports"])
    write_params(tree, "all: {pause: 600}\ndoubled: {scale: 4, pause: 600}\n")
    (tree["params"] / "01-xss.yaml").unlink()
    (tree["notebooks"] / "01-xss.ipynb").unlink()
    return tree


def start(tree: dict[str, Path], jobs: int) -> subprocess.Popen[str]:
    """``python -m kit report`` on ``tree``, in a process group of its own (as a terminal's job)."""
    folders = [f"--{name}={path}" for name, path in tree.items()]
    return subprocess.Popen(
        [sys.executable, "-m", "kit", "report", *folders, "--no-progress", "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=config.ROOT,
        start_new_session=True,
        # A background job may start with SIGINT ignored; Ctrl-C reaches a terminal's job with the default.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def wait_until_paused(kit: subprocess.Popen[str], tree: dict[str, Path], jobs: int) -> list[psutil.Process]:
    """Wait until ``jobs`` notebooks are in their waiting cell; the kit's processes then (it, workers, kernels)."""
    staging = tree["reports"] / ".staging"
    deadline = time.monotonic() + DEADLINE
    while sum((staging / name / "paused").exists() for name in NAMES) < jobs:
        assert kit.poll() is None, kit.communicate()
        assert time.monotonic() < deadline, "no notebook reached its waiting cell"
        time.sleep(0.2)
    processes = psutil.Process(kit.pid).children(recursive=True)
    kernels = [p for p in processes if "ipykernel_launcher" in " ".join(p.cmdline())]
    assert len(kernels) == jobs
    return processes


def still_running(processes: list[psutil.Process]) -> list[psutil.Process]:
    running = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                running.append(process)
        except psutil.NoSuchProcess:
            pass
    return running


def wait_for_the_end(processes: list[psutil.Process]) -> None:
    deadline = time.monotonic() + DEADLINE
    while still_running(processes):
        assert time.monotonic() < deadline, f"still running: {[p.cmdline() for p in still_running(processes)]}"
        time.sleep(0.2)


@pytest.mark.enable_socket
@pytest.mark.parametrize("jobs", [1, 2])
def test_kill_9_of_the_runner_ends_its_workers_and_kernels_and_the_site_stays_as_it_was(old_site, tmp_path, jobs):
    tree = paused_tree(old_site, tmp_path)
    before = snapshot(tree["reports"])
    kit = start(tree, jobs)
    try:
        children = wait_until_paused(kit, tree, jobs)
    finally:
        os.kill(kit.pid, signal.SIGKILL)
        kit.communicate()
    wait_for_the_end(children)
    assert snapshot(tree["reports"]) == before  # nothing published, by the runner or by an orphan
    write_params(tree, "all: {}\ndoubled: {scale: 4}\n")
    assert kit_report(tree, "--only", "00-tiny__all") == 0  # the lock died with the runner
    assert sorted(p.name for p in (tree["reports"] / ".staging").iterdir()) == [".lock", "kernels"]


@pytest.mark.enable_socket
@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_during_a_notebook_is_one_line_and_ends_every_process(old_site, tmp_path, jobs):
    tree = paused_tree(old_site, tmp_path)
    before = snapshot(tree["reports"])
    kit = start(tree, jobs)
    try:
        children = wait_until_paused(kit, tree, jobs)
        os.killpg(kit.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to every process of the job
        out, err = kit.communicate(timeout=DEADLINE)
    finally:
        if kit.poll() is None:
            os.killpg(kit.pid, signal.SIGKILL)
    assert (kit.returncode, out, err) == (130, "", "error: interrupted (Ctrl-C)\n")
    wait_for_the_end(children)
    assert snapshot(tree["reports"]) == before
