"""The browser check's marker and switch: ``browser`` tests run only when selected (``make test-browser``)."""

from __future__ import annotations

import os
import shutil

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: renders the HTML reports in headless Chromium (make test-browser)")


def pytest_collection_modifyitems(config, items):
    # Plain `make test` stays fast and needs no browser; `-m browser` (make test-browser) selects these.
    if "browser" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="browser check: run `make test-browser`")
    for item in items:
        # The marker, not the keyword: every test in this folder has "browser" among its keywords.
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary (``$CHROMIUM`` or the first on PATH); skipped locally when absent, a failure in CI."""
    found = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get when CI is set")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium); CI runs this check")
    return found
