"""Child processes end with their parent (kit.compute.lifetime): real processes, really killed; deadlines, never timings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from kit import config

DEADLINE = 120


def python(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=config.ROOT,
    )


def gone(process: psutil.Process) -> bool:
    try:
        return not process.is_running() or process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@pytest.mark.parametrize("context", ["fork", "spawn"])  # the engine's workers fork, the report runner's spawn
def test_the_workers_of_a_pool_end_when_their_parent_is_killed_with_kill_9(context):
    parent = python(f"""
        import multiprocessing, os, time
        from kit.compute.lifetime import worker_pool

        if __name__ == "__main__":
            with worker_pool(2, context=multiprocessing.get_context({context!r})) as pool:
                for _ in range(2):
                    pool.submit(time.sleep, 600)
                print("busy", flush=True)
                time.sleep(600)
    """)
    try:
        assert parent.stdout is not None and parent.stdout.readline() == "busy\n", parent.stderr
        main = psutil.Process(parent.pid)
        wait_until(
            lambda: len([c for c in main.children() if "resource_tracker" not in " ".join(c.cmdline())]) == 2,
            "no workers",
        )
        children = {child: " ".join(child.cmdline()) for child in main.children(recursive=True)}
    finally:
        os.kill(parent.pid, signal.SIGKILL)
        parent.communicate()
    for child, command in children.items():
        wait_until(lambda child=child: gone(child), f"{command} still runs after its parent was killed")


def test_a_child_whose_parent_ended_before_it_asked_ends_at_once():
    child = python("""
        import os
        from kit.compute.lifetime import die_with_parent

        die_with_parent(os.getppid() + 1_000_000)  # not its parent: as if the parent had ended meanwhile
        print("still here")
    """)
    out, _ = child.communicate(timeout=DEADLINE)
    assert (child.returncode, out) == (-signal.SIGKILL, "")


def test_ctrl_c_stops_the_workers_of_a_pool_without_waiting_for_their_tasks():
    parent = python("""
        import time
        from kit.compute.lifetime import worker_pool

        if __name__ == "__main__":
            try:
                with worker_pool(2) as pool:
                    futures = [pool.submit(time.sleep, 600) for _ in range(2)]
                    time.sleep(0.5)  # the tasks started (or not: either way Ctrl-C must not wait for them)
                    raise KeyboardInterrupt
            except KeyboardInterrupt:
                print("stopped", flush=True)
    """)
    out, err = parent.communicate(timeout=DEADLINE)
    assert (parent.returncode, out, err) == (0, "stopped\n", "")
