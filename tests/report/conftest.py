"""The fixture reports, built once per session for the read-only tests of tests/report/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.helpers import kit_report, make_tree


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """The fixture reports, built once for the read-only tests (each marked enable_socket: the kernel)."""
    tree = make_tree(tmp_path_factory.mktemp("built"))
    assert kit_report(tree) == 0
    return tree
