"""Child processes that end with the process that started them: pool workers and notebook kernels.

A run killed with ``kill -9`` runs no cleanup of its own, so its children must notice by themselves, or they go
on computing and writing (into the store, into a report site whose lock died with their parent):

- on Linux a child asks the kernel to send it SIGKILL when its parent ends (``prctl(PR_SET_PDEATHSIG)``, set in
  the child: after the fork for a kernel, in the pool's initializer for a worker); elsewhere a worker's thread
  looks for its parent every second, and a Jupyter kernel has ipykernel's own poller;
- a child whose parent ended before the request was made ends at once (its parent id is no longer the one
  it was given);
- a pool's workers ignore Ctrl-C: the parent is interrupted and stops them (:func:`worker_pool`), so a
  terminal's Ctrl-C, which reaches every process of the foreground group, prints no traceback per worker.

The chain holds for grandchildren too: ``kit report`` → a worker → its notebook's kernel.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from multiprocessing.context import BaseContext

# prctl(2): the signal a process gets when its parent ends.
_PR_SET_PDEATHSIG = 1
# Where prctl is missing: how often a worker looks for its parent, in seconds.
POLL_SECONDS = 1.0


@cache
def _prctl() -> Callable[..., int] | None:
    """The C library's prctl, or None off Linux (looked up before a fork: the child then only calls it)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]  # type: ignore[attr-defined]
    return prctl


def die_with_parent(parent: int) -> None:
    """In a child process: end (SIGKILL) when process ``parent``, which started it, ends; at once if it has.

    Linux sends the signal itself; elsewhere a daemon thread looks for the parent every :data:`POLL_SECONDS`.
    """
    prctl = _prctl()
    if prctl is None or prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()
    if os.getppid() != parent:  # the parent ended before the request: nothing would ever send the signal
        os.kill(os.getpid(), signal.SIGKILL)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os.kill(os.getpid(), signal.SIGKILL)


def kernel_preexec(parent: int) -> Callable[[], None]:
    """A ``preexec_fn`` for ``subprocess.Popen``: the child (a notebook's kernel) ends when ``parent`` ends.

    Runs between fork and exec, so it starts no thread: where prctl is missing, ipykernel's own poller
    (``JPY_PARENT_PID``, which jupyter_client sets) is what ends the kernel.
    """
    prctl = _prctl()

    def preexec() -> None:
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)

    return preexec


def start_worker(parent: int, then: Callable[[], None] | None = None) -> None:
    """A pool worker's initializer: die with ``parent``, leave Ctrl-C to it, then run ``then`` (if given)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    if then is not None:
        then()


@contextlib.contextmanager
def worker_pool(
    workers: int, *, context: BaseContext | None = None, initializer: Callable[[], None] | None = None
) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers end with this process (:func:`start_worker`).

    Left by an exception (Ctrl-C included), the workers are killed rather than waited for: a worker may be in
    the middle of a long notebook, and Ctrl-C must stop the run now. ``initializer`` (a module-level function,
    so that a spawned worker can import it) runs in each worker after that set-up.
    """
    before = {child.pid for child in multiprocessing.active_children()}
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=start_worker, initargs=(os.getpid(), initializer)
    )
    try:
        yield pool
    except BaseException:
        for child in multiprocessing.active_children():
            if child.pid not in before:  # this pool's workers, not another pool's
                child.kill()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
