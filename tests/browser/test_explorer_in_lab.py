"""An explorer in a running JupyterLab, in headless Chromium: its widgets appear, and changing a selection
refreshes the KWIC lines.

Chromium is driven over its DevTools protocol (a websocket on 127.0.0.1); JupyterLab comes from `make lab`
on loopback with ``window.jupyterapp`` exposed, so the test can run the notebook's cells as a person's
"Run All" would. A screenshot of the refreshed explorer goes to tests/browser/out/screenshots/.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
import websocket

from kit.analyses import kwic, themes
from kit.preprocess.pipeline import prepare
from tests.browser.jupyterlab import free_port, running_lab
from tests.browser.processes import scratch_folder, stop_group
from tests.browser.test_reports_in_browser import FLAGS, SCREENSHOTS

PROBE_CODE = """\
from kit.presentation import explore
from kit.analyses import kwic, themes
from kit.preprocess.pipeline import prepare

corpus = prepare(None, warn_cleaning=False)
dictionary = themes.load_dictionary(None)
lines = kwic.kwic(corpus, dictionary)
explore.themes(lines, themes.count(corpus, dictionary, by="outlet"), corpus.documents)"""
# The panel's heading, once the explorer is drawn, and what the test reads from the page.
PANEL = "document.querySelector('.widget-html-content h4')"
# Headless Chromium has no focused tab, so the notebook panel is found and activated before "Run All".
RUN_ALL = """(async () => {
  const app = window.jupyterapp;
  const panel = [...app.shell.widgets('main')].find(widget => widget.sessionContext);
  await panel.sessionContext.ready;
  app.shell.activateById(panel.id);
  await app.commands.execute('notebook:run-all-cells');
  return panel.sessionContext.session.kernel.name;
})()"""
PICK_THEME = """(() => {
  const select = document.querySelector('.widget-dropdown select');
  const index = [...select.options].findIndex(option => option.textContent === %s);
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  return index;
})()"""


class DevTools:
    """The smallest DevTools client a test needs: send a command, wait for its answer."""

    def __init__(self, url: str) -> None:
        self.channel = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.ids = itertools.count(1)

    def call(self, method: str, **params: object) -> dict:
        call_id = next(self.ids)
        self.channel.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.channel.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result["result"].get("value")

    def wait_for(self, expression: str, seconds: float) -> object:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.5)
        raise TimeoutError(f"not true within {seconds}s: {expression}")


@contextlib.contextmanager
def headless_chromium(binary: str):
    """Chromium with a fresh profile and DevTools on a loopback port; its first page's DevTools client."""
    port = free_port()
    with scratch_folder() as profile:
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", f"--remote-debugging-port={port}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            pages = _devtools_pages(port)
            yield DevTools(pages[0]["webSocketDebuggerUrl"])
        finally:
            stop_group(process)


def _devtools_pages(port: int) -> list[dict]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                pages = [target for target in json.load(response) if target["type"] == "page"]
            if pages:
                return pages
        time.sleep(0.2)
    raise TimeoutError("Chromium opened no DevTools page within 30s")


def write_probe(folder: Path) -> str:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "presskit", "display_name": "Python (presskit)", "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell(PROBE_CODE)]
    nbformat.write(notebook, folder / "explorer-probe.ipynb")
    return "explorer-probe.ipynb"


@pytest.mark.browser
@pytest.mark.enable_socket
def test_theme_explorer_refreshes_in_jupyterlab(chromium):
    corpus = prepare(None, warn_cleaning=False)
    lines = kwic.kwic(corpus, themes.load_dictionary(None))
    expected = {theme: int((lines.theme == theme).sum()) for theme in ("alliance", "sanctions")}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SCREENSHOTS / "lab__theme-explorer.png"
    screenshot.unlink(missing_ok=True)

    with scratch_folder() as notebooks:
        probe = write_probe(notebooks)
        with (
            running_lab("--LabApp.expose_app_in_browser=True", folder=notebooks) as lab,
            headless_chromium(chromium) as page,
        ):
            page.call("Page.navigate", url=f"{lab.base}/lab/tree/{probe}?token={lab.token}")
            page.wait_for("!!(window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell'))", 90)
            page.call("Page.bringToFront")
            assert page.evaluate(RUN_ALL) == "presskit"
            first = page.wait_for(f"{PANEL}?.textContent", 120)
            assert first == f"alliance: {expected['alliance']} KWIC lines"

            assert page.evaluate(PICK_THEME % json.dumps("sanctions")) == 2  # alliance, denuclearisation, sanctions
            refreshed = page.wait_for(f"{PANEL}?.textContent.startsWith('sanctions') && {PANEL}.textContent", 30)
            assert refreshed == f"sanctions: {expected['sanctions']} KWIC lines"
            assert page.evaluate("!!document.querySelector('.widget-html-content svg')"), "the outlet chart is drawn"

            shot = page.call("Page.captureScreenshot", format="png")
            screenshot.write_bytes(base64.b64decode(shot["data"]))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {screenshot}")
