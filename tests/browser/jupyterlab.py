"""A JupyterLab started with ``make lab`` on loopback for one test, its URL and token, and kernel code run over REST.

Only 127.0.0.1 is ever contacted; start-up, every request and the shutdown are bounded in time.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import websocket

from kit import config
from tests.browser.processes import scratch_folder, stop_group

# The environment the tests run in (.venv, or .venv-3.12 when CI tests another Python): `make lab` uses it too.
VENV = Path(sys.prefix).relative_to(config.ROOT).as_posix() if config.ROOT in Path(sys.prefix).parents else ".venv"

STARTUP_SECONDS = 90
# The line jupyter prints once it serves: http://127.0.0.1:8899/lab?token=0123abcd...
SERVING = re.compile(r"http://127\.0\.0\.1:(\d+)/lab\?token=([0-9a-f]+)")


@dataclass(frozen=True)
class Lab:
    """A running server: where it is, its token, and everything it printed so far."""

    base: str
    token: str
    log: list[str]

    def get(self, path: str) -> dict:
        request = urllib.request.Request(f"{self.base}{path}", headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def post(self, path: str, body: dict, method: str = "POST") -> dict:
        request = urllib.request.Request(
            f"{self.base}{path}",
            data=json.dumps(body).encode(),
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def execute(self, kernel_id: str, code: str, timeout: float = 60) -> str:
        """Run ``code`` in a kernel through the server's channels websocket; its stdout, or the error raised."""
        url = f"{self.base.replace('http', 'ws', 1)}/api/kernels/{kernel_id}/channels?token={self.token}"
        channel = websocket.create_connection(url, timeout=timeout)
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": msg_id}
        header |= {"date": "", "version": "5.3"}
        content = {"code": code, "silent": False, "store_history": False, "allow_stdin": False}
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}
        channel.send(json.dumps(message))
        printed: list[str] = []
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                reply = json.loads(channel.recv())
                if reply.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = reply["header"]["msg_type"]
                if kind == "stream" and reply["content"]["name"] == "stdout":  # warnings go to stderr
                    printed.append(reply["content"]["text"])
                elif kind == "error":
                    return f"error: {reply['content']['ename']}: {reply['content']['evalue']}"
                elif kind == "status" and reply["content"]["execution_state"] == "idle":
                    return "".join(printed)
        finally:
            channel.close()
        raise TimeoutError(f"no reply from kernel {kernel_id} within {timeout}s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_lab(*extra_args: str, folder: Path | None = None) -> Iterator[Lab]:
    """``make lab`` on 127.0.0.1 and a free port, without a browser, opening ``folder`` (default: the notebooks);
    stopped (with its kernels) on leaving.
    """
    args = " ".join(["--no-browser", "--ip=127.0.0.1", f"--port={free_port()}", *extra_args])
    with scratch_folder() as scratch:
        # A private Jupyter config and runtime folder: no user settings leak in, no connection files left behind.
        env = os.environ | {"JUPYTER_CONFIG_DIR": str(scratch / "config"), "JUPYTER_RUNTIME_DIR": str(scratch)}
        process = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"VENV={VENV}", f"LAB_ARGS={args}"]
            + ([f"LAB_DIR={folder}"] if folder else []),
            cwd=config.ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        log: list[str] = []
        found = threading.Event()
        threading.Thread(target=_read, args=(process, log, found), daemon=True).start()
        try:
            if not found.wait(STARTUP_SECONDS) or not SERVING.search("".join(log)):
                raise TimeoutError(
                    f"make lab exited or printed no URL within {STARTUP_SECONDS}s:\n{''.join(log)[-3000:]}"
                )
            port, token = SERVING.search("".join(log)).groups()
            _wait_listening(int(port))
            yield Lab(base=f"http://127.0.0.1:{port}", token=token, log=log)
        finally:
            stop_group(process)


def _wait_listening(port: int) -> None:
    # Jupyter prints its URL just before its event loop binds the port: wait for the bind.
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        with contextlib.suppress(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} within {STARTUP_SECONDS}s")


def _read(process: subprocess.Popen, log: list[str], found: threading.Event) -> None:
    for line in process.stdout:
        log.append(line)
        if SERVING.search(line):
            found.set()
    found.set()  # the server stopped printing: it has exited
