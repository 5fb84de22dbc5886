"""Project rules that hold for the whole package: offline, one nltk wrapper, one module of paths."""

import ast
import re
import socket
import subprocess
import sys

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


def test_only_kit_preprocess_text_imports_nltk():
    importers = [
        p.relative_to(config.PACKAGE).as_posix()
        for p in SOURCES
        if re.search(r"^\s*(from|import) nltk", p.read_text(), re.MULTILINE)
    ]
    assert importers == ["preprocess/text.py"]


def test_only_kit_config_builds_paths_from_file():
    users = [p.relative_to(config.PACKAGE).as_posix() for p in SOURCES if "__file__" in p.read_text(encoding="utf-8")]
    assert users == ["config.py"]


def test_tests_import_no_bench_module_and_no_names_from_conftest():
    tests = sorted((config.ROOT / "tests").rglob("*.py"))
    for path in tests:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) bench\b", source, re.MULTILINE), path
        assert not re.search(r"^\s*from tests(\.\w+)*\.conftest import", source, re.MULTILINE), path


def test_only_the_command_line_imports_argparse():
    """The library takes settings (kit.compute.settings), never the command line's Namespace."""
    importers = [
        p.relative_to(config.PACKAGE).as_posix()
        for p in SOURCES
        if re.search(r"^\s*(from|import) argparse\b", p.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert importers and all(p.startswith("cli/") for p in importers), importers


def test_the_notebooks_archive_imports_neither_the_command_line_nor_its_table_registry():
    code = "import sys, kit.compute.archive; print(sorted(m for m in sys.modules if m in ('kit.cli', 'kit.compute.tables')))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=config.ROOT, check=True)
    assert found.stdout.strip() == "[]"


# Names the report notebooks call in two modules: renaming either would change a report's executed notebook.
SAME_NAME_ALLOWED = {"timeline"}  # explore.timeline (the chronology's explorer) and formulas.timeline (by year)


def _public_definitions(path) -> set[str]:
    """The module-level names a module defines (def, class, assignment), those starting with _ left out."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {name for target in targets for name in _bound(target)}
    return {name for name in names if not name.startswith("_")}


def _bound(target: ast.expr) -> list[str]:
    """The names an assignment target binds (``A``, ``A, B``, ``*A``); ``x.y`` and ``x[k]`` bind none."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _bound(element)]
    return _bound(target.value) if isinstance(target, ast.Starred) else []


def test_each_public_name_is_defined_in_one_module_only():
    """One meaning per name: a name two modules define (not one importing the other's) means two things."""
    homes: dict[str, list[str]] = {}
    for path in SOURCES:
        for name in _public_definitions(path):
            homes.setdefault(name, []).append(path.relative_to(config.PACKAGE).as_posix())
    twice = {name: paths for name, paths in sorted(homes.items()) if len(paths) > 1 and name not in SAME_NAME_ALLOWED}
    assert not twice, "defined in more than one module: " + "; ".join(f"{n} ({', '.join(p)})" for n, p in twice.items())


# The stage folders in pipeline order: a folder imports only the root modules and the folders before it, so an
# arrow never runs back up the pipeline (docs/design/modules.md draws the same order).
LAYERS = ["ingest", "preprocess", "analyses", "presentation", "teaching", "validation", "compute", "report", "cli"]
ROOT_MODULES = {"config", "errors", "types", "yamlfile", "days"}


def _imported_modules(path) -> set[str]:
    """Every module a source file imports (``from kit.analyses import tone`` counts as kit.analyses.tone), at any depth."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules |= {f"{node.module}.{alias.name}" for alias in node.names}
    return modules


@pytest.mark.parametrize("module", ["engine.py", "chunks.py", "dask_engine.py"])
def test_the_engines_import_no_analysis(module):
    imported = _imported_modules(config.PACKAGE / "compute" / module)
    assert not {m for m in imported if m == "kit.analyses" or m.startswith("kit.analyses.")}
    assert "kit.compute.stages" not in imported  # the registry is handed in, never read by the engine itself


def _folder(module: str) -> str | None:
    """The stage folder (or "root") a ``kit.…`` module belongs to; None for a module outside the kit."""
    parts = module.split(".")
    if parts[0] != "kit" or len(parts) == 1:
        return None
    return "root" if parts[1] in ROOT_MODULES else parts[1]


def test_the_stage_folders_are_the_layers():
    folders = {p.name for p in config.PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert folders == {*LAYERS}
    roots = {p.stem for p in config.PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert roots == ROOT_MODULES


@pytest.mark.parametrize(
    "path", [p for p in SOURCES if p.name != "__main__.py"], ids=lambda p: p.relative_to(config.PACKAGE).as_posix()
)
def test_no_import_runs_back_up_the_pipeline(path):
    relative = path.relative_to(config.PACKAGE)
    own = relative.parts[0] if len(relative.parts) > 1 else "root"
    allowed = {"root", own} | ({*LAYERS[: LAYERS.index(own)]} if own != "root" else set())
    imported = {_folder(m) for m in _imported_modules(path)} - {None}
    assert imported <= allowed, f"{relative} imports {sorted(imported - allowed)}"
