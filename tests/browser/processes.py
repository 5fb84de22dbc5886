"""Starting and stopping the browser and server processes a browser test runs, so that none outlives its test.

Chromium forks helpers (zygote, renderers, crash handler) that keep writing into the profile folder for a moment
after the main process exits; removing the folder while they do fails with "Directory not empty". So each
process runs in a session (process group) of its own, and a folder it used is removed only once that whole group
is gone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

GRACE_SECONDS = 20


def stop_group(process: subprocess.Popen) -> None:
    """SIGTERM to the process's group, SIGKILL to what is left after the grace period; returns once it is gone."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    _wait_group_gone(process.pid)


def _wait_group_gone(group: int) -> None:
    # Helpers left in the group get half the grace period to exit on the SIGTERM they were sent, then SIGKILL.
    started = time.monotonic()
    killed = False
    while time.monotonic() - started < GRACE_SECONDS:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        if not killed and time.monotonic() - started > GRACE_SECONDS / 2:
            killed = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
        time.sleep(0.1)
    # Zombies a container's init never reaps still answer signal 0; they write nothing, so carry on.


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A temporary folder, removed on leaving even if a stray helper adds a file while it is being removed."""
    folder = Path(tempfile.mkdtemp(prefix="kit-browser-"))
    try:
        yield folder
    finally:
        for _ in range(20):
            try:
                shutil.rmtree(folder)
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.25)
        shutil.rmtree(folder, ignore_errors=True)


def run_in_group(command: list[str], timeout: float) -> subprocess.CompletedProcess:
    """``subprocess.run`` in a session of its own; returns after every process of that session has stopped."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        stop_group(process)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
