"""The student and teacher packs (notebooks/teaching/pack.py) and the student environment they ship.

The student pack holds no answers; a workbook runs from it with the pack's own kit and nothing installed but the
packages of requirements.txt, which are only what the workbooks import.
"""

import ast
import importlib.metadata
import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile

import papermill
import pytest

from kit import config

WORKBOOKS = sorted(config.TEACHING.glob("*.ipynb"))
PACK_FILES = config.TEACHING / "pack"


def load_pack():
    spec = importlib.util.spec_from_file_location("teaching_pack", config.TEACHING / "pack.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pack():
    return load_pack()


@pytest.fixture(scope="module")
def built(pack, tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    student = pack.build(pack.STUDENT, list(pack.student_files()), dist)
    teacher = pack.build(pack.TEACHER, list(pack.teacher_files()), dist)
    return dist, student, teacher


def files_of(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_student_pack_has_workbooks_articles_handouts_set_up_and_the_kit(built):
    _, (folder, _), _ = built
    files = files_of(folder)
    assert {"README.md", "requirements.txt", "requirements-lab.txt", "requirements-colab.txt"} <= files
    assert {w.name for w in WORKBOOKS} <= files
    assert {f"seeds/{p.name}" for p in config.SEEDS.iterdir()} <= files
    for name in ("manifest.csv", "SOURCES.md", "002_d36a6144ef540899.txt"):
        assert (folder / "seeds" / name).read_bytes() == (config.SEEDS / name).read_bytes()
    assert {"handouts/index.html", "handouts/sources.html", *(f"handouts/{w.stem}.html" for w in WORKBOOKS)} <= files
    assert {"kit/__init__.py", "kit/config.py", "kit/data/themes.yaml", "kit/data/actors.yaml"} <= files
    assert not any("__pycache__" in name for name in files)


def test_the_student_pack_holds_no_answers(built):
    _, (folder, _), _ = built
    files = files_of(folder)
    assert not [name for name in files if "solution" in name.lower() or "guide" in name.lower()]
    assert not [name for name in files if name.startswith(("teacher", "handouts/guide"))]
    solved = {(config.SOLUTIONS / w.name).read_bytes() for w in WORKBOOKS}
    assert not [name for name in files if name.endswith(".ipynb") and (folder / name).read_bytes() in solved]
    for name in sorted(files):
        if name.endswith((".ipynb", ".html", ".md")):
            text = (folder / name).read_text(encoding="utf-8")
            assert "drop = [5, 13, 14]" not in text, f"{name}: a solution"
            assert "Expected answers and discussion" not in text, f"{name}: the guide"


def test_the_teacher_pack_adds_the_guide_solutions_and_teacher_pages(built):
    _, (student, _), (teacher, _) = built
    files = files_of(teacher)
    assert files_of(student) <= files
    assert {"TEACHERS_GUIDE.md", "teacher-pages/guide.html", *(f"{w.stem}.solutions.ipynb" for w in WORKBOOKS)} <= files
    assert {f"teacher-pages/{w.stem}.html" for w in WORKBOOKS} <= files


def test_the_zips_hold_the_folders_and_are_the_same_bytes_on_every_build(pack, built, tmp_path):
    _, (folder, archive), _ = built
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert names == sorted(names)
        assert {name.removeprefix(f"{pack.STUDENT}/") for name in names} == files_of(folder)
        assert zipped.read(f"{pack.STUDENT}/seeds/manifest.csv") == (config.SEEDS / "manifest.csv").read_bytes()
    _, again = pack.build(pack.STUDENT, list(pack.student_files()), tmp_path)
    assert again.read_bytes() == archive.read_bytes()


def test_a_pack_without_handouts_is_refused(pack, tmp_path, monkeypatch):
    monkeypatch.setattr(pack, "HANDOUTS", tmp_path / "nothing")
    with pytest.raises(SystemExit, match="run `make seminar` first"):
        pack.build(pack.STUDENT, list(pack.student_files()), tmp_path)


def test_a_workbook_runs_from_the_student_pack_with_the_packs_own_kit(built):
    _, (folder, _), _ = built
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    where = subprocess.run(
        [sys.executable, "-c", "import kit; print(kit.__file__)"], cwd=folder, env=env, capture_output=True, text=True
    )
    assert where.stdout.strip() == str(folder / "kit" / "__init__.py")
    executed = papermill.execute_notebook(
        str(folder / "00-seminar.ipynb"),
        str(folder / "out.ipynb"),
        kernel_name=None,
        cwd=str(folder),
        progress_bar=False,
    )
    outputs = json.dumps(executed["cells"])
    assert "not answered yet" in outputs and "Traceback" not in outputs
    assert (folder / "my-work" / "alliance-first-five-precision.csv").is_file()


# ---------------------------------------------------------------- the student environment


def requirement_names(path):
    """The distributions a requirements file names (``-r`` followed), lower case, markers dropped."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            names += requirement_names(path.parent / line[3:].strip())
        elif line:
            names.append(re.split(r"[=<>;! ]", line)[0].lower())
    return names


def pins(path):
    """{name: version} of the exact pins of a requirements file (without environment markers)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^;\s]+)\s*", line.split("#")[0])
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def module_level_imports(path):
    """Top-level module names a source file imports when it is imported (not inside functions or TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for inner in ast.walk(node) if isinstance(node, ast.Try | ast.If) else [node]:
            if isinstance(inner, ast.Import):
                found |= {alias.name for alias in inner.names}
            elif isinstance(inner, ast.ImportFrom) and inner.level == 0 and inner.module:
                found.add(inner.module)
                found |= {f"{inner.module}.{alias.name}" for alias in inner.names}
    return found


def kit_module_path(name):
    parts = name.split(".")[1:]
    base = config.PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def workbook_imports():
    found = set()
    for path in [*WORKBOOKS, *sorted(config.SOLUTIONS.glob("*.ipynb"))]:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                source = "\n".join(ln for ln in "".join(cell["source"]).splitlines() if not ln.startswith(("%", "!")))
                found |= module_level_imports_of_source(source)
    return found


def module_level_imports_of_source(source):
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def third_party_imports_of_the_workbooks():
    """Every third-party top-level module the workbooks import, directly or through the kit modules they import."""
    todo, seen, third_party = list(workbook_imports()), set(), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        top = name.split(".")[0]
        if top == "kit":
            path = kit_module_path(name)
            if path is not None:
                todo += sorted(module_level_imports(path))
        elif top not in sys.stdlib_module_names and top != "__future__":
            third_party.add(top)
    return third_party


def distribution_closure(names):
    """The distributions ``names`` install, with their dependencies (as installed here), lower case."""
    todo, closure = [name.lower() for name in names], set()
    while todo:
        name = todo.pop()
        if name in closure:
            continue
        closure.add(name)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if "extra ==" not in requirement:
                todo.append(re.split(r"[=<>;!\[ (~]", requirement)[0].lower().replace("_", "-"))
    return closure


def test_the_student_environment_covers_every_import_of_the_workbooks():
    modules = third_party_imports_of_the_workbooks()
    assert modules == {"nltk", "numpy", "pandas", "vaderSentiment", "yaml"}, "what the workbooks import"
    closure = distribution_closure(requirement_names(PACK_FILES / "requirements.txt"))
    for module in sorted(modules):
        assert distributions_of(module) & closure, f"{module}: no requirement installs it"


def distributions_of(module):
    """The installed distributions providing ``module``, lower case: from their file lists, else the one named as the
    module (an installer need not record a file list, and then ``packages_distributions`` does not know the module)."""
    listed = importlib.metadata.packages_distributions().get(module)
    if listed:
        return {name.lower() for name in listed}
    try:
        return {importlib.metadata.distribution(module).metadata["Name"].lower()}
    except importlib.metadata.PackageNotFoundError:
        return set()


def test_the_student_environment_holds_only_what_the_workbooks_import_and_a_kernel():
    names = requirement_names(PACK_FILES / "requirements.txt")
    assert sorted(set(names)) == ["ipykernel", "nltk", "numpy", "pandas", "pyyaml", "vadersentiment"]
    assert requirement_names(PACK_FILES / "requirements-lab.txt") == [*names, "jupyterlab"]
    assert not {"pyarrow", "dask", "matplotlib", "papermill", "pytest", "mypy", "ruff"} & set(names)


def test_the_student_pins_are_the_projects_where_the_project_has_wheels():
    locked = pins(config.ROOT / "requirements.lock")
    student = pins(PACK_FILES / "requirements.txt") | pins(PACK_FILES / "requirements-lab.txt")
    for name, version in student.items():
        assert locked[name] == version, f"{name}: {version} in the student environment, {locked[name]} in the lock"
    markers = (PACK_FILES / "requirements.txt").read_text(encoding="utf-8")
    assert 'numpy==2.2.6; python_version < "3.14"' in markers, "the lock's numpy where it has wheels"


def test_colab_installs_only_what_it_lacks_with_ranges_the_kit_accepts():
    names = requirement_names(PACK_FILES / "requirements-colab.txt")
    assert "numpy" not in names and "ipykernel" not in names, "never replace Colab's numpy or kernel"
    assert set(names) <= set(requirement_names(PACK_FILES / "requirements.txt"))


def test_the_pack_readme_has_every_route_and_what_to_do_when_an_install_fails():
    readme = (PACK_FILES / "README.md").read_text(encoding="utf-8")
    for heading in (
        "## Route A · Your lab's JupyterHub",
        "## Route B · Your laptop: Windows",
        "## Route C · Your laptop: macOS (or Linux)",
        "## Route D · Zero install: Google Colab",
        "## When the install fails",
    ):
        assert heading in readme
    for name in re.findall(r"-r (requirements[\w-]*\.txt)", readme):
        assert (PACK_FILES / name).is_file(), name
    assert not re.search(r"^\s*(make|wsl)\b", readme, re.MULTILINE | re.IGNORECASE), "no make, no WSL in any route"
    assert "handouts/index.html" in readme
