"""Project rules that hold for the whole package: offline, one nltk wrapper, one module of paths."""

import re
import socket

import pytest
from pytest_socket import SocketBlockedError, SocketConnectBlockedError

from kit import config

SOURCES = sorted(config.PACKAGE.rglob("*.py"))  # sub-packages (voices/, chronology/, report/ …) included


def test_network_sockets_are_blocked_in_tests():
    with pytest.raises((SocketBlockedError, SocketConnectBlockedError)):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_nothing_downloads_at_run_time():
    for path in [*SOURCES, *config.NOTEBOOKS.glob("*.ipynb")]:
        assert "nltk.download" not in path.read_text(encoding="utf-8"), path


def test_only_kit_text_imports_nltk():
    importers = [
        p.relative_to(config.PACKAGE).as_posix()
        for p in SOURCES
        if re.search(r"^\s*(from|import) nltk", p.read_text(), re.MULTILINE)
    ]
    assert importers == ["text.py"]


def test_only_kit_config_builds_paths_from_file():
    users = [p.relative_to(config.PACKAGE).as_posix() for p in SOURCES if "__file__" in p.read_text(encoding="utf-8")]
    assert users == ["config.py"]


def test_tests_import_no_bench_module_and_no_names_from_conftest():
    tests = sorted((config.ROOT / "tests").rglob("*.py"))
    for path in tests:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) bench\b", source, re.MULTILINE), path
        assert not re.search(r"^\s*from tests(\.\w+)*\.conftest import", source, re.MULTILINE), path
