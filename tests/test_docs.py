"""The manual (docs/, mkdocs.yml) and the README: the strict build link-checks the pages, and every command a page
shows names a `make` target and a `python -m kit` subcommand that exist.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit import config

PAGES = [config.ROOT / "README.md", *sorted((config.ROOT / "docs").rglob("*.md")), config.ROOT / "bench" / "RESULTS.md"]


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project's mkdocs.yml into ``site`` (what `make docs` runs)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml")]
    return subprocess.run([*command, "--site-dir", str(site)], capture_output=True, text=True, check=False)


def test_the_manual_builds_strict_with_every_page_in_nav_and_every_link_found(tmp_path):
    result = build(config.ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(config.ROOT / "docs").with_suffix(".html").as_posix()
                   for p in (config.ROOT / "docs").rglob("*.md"))  # fmt: skip
    assert all((tmp_path / "site" / page).is_file() for page in pages)


@pytest.mark.parametrize(
    ("page", "append", "warning"),
    [
        ("how-to/develop.md", "[a page](no-such-page.md)", "no-such-page.md"),
        ("how-to/develop.md", "[a section](../methods/tone.md#no-such-section)", "no-such-section"),
        ("stray.md", "# A page nobody listed", "stray.md"),
    ],
)
def test_the_strict_build_fails_on_a_broken_link_a_missing_anchor_or_a_page_left_out_of_nav(
    tmp_path, page, append, warning
):
    project = tmp_path / "project"
    shutil.copytree(config.ROOT / "docs", project / "docs")
    shutil.copy(config.ROOT / "mkdocs.yml", project / "mkdocs.yml")
    target = project / "docs" / page
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(text + "\n" + append + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert warning in result.stderr


def test_the_readme_stays_short_and_points_into_the_manual():
    readme = (config.ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    for link in re.findall(r"\]\((docs/[^)#]+)", readme):
        assert (config.ROOT / link).is_file(), link


def code(text: str) -> str:
    """The fenced blocks and inline code spans of a Markdown text, one after another."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    outside = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return "\n".join([*fenced, *re.findall(r"`([^`\n]+)`", outside)])


def named(pattern: str) -> dict[str, set[str]]:
    """{word: pages} of what ``pattern`` captures in the code of every page."""
    found: dict[str, set[str]] = {}
    for path in PAGES:
        for word in re.findall(pattern, code(path.read_text(encoding="utf-8"))):
            found.setdefault(word, set()).add(path.relative_to(config.ROOT).as_posix())
    return found


def test_every_make_target_a_page_shows_is_in_the_makefile():
    makefile = (config.ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-zA-Z][\w-]*):", makefile, re.MULTILINE))
    # `make lab LAB_PORT=8888`, `make PIP_QUIET= test`: the words that are not assignments are targets.
    shown = named(r"(?<![\w-])make((?:[ \t]+(?:[A-Z_]+=\S*|[a-z][\w-]*))+)")
    words: dict[str, set[str]] = {}
    for run, pages in shown.items():
        for word in run.split():
            if "=" not in word:
                words.setdefault(word, set()).update(pages)
    assert {"report", "test", "docs", "lab"} <= set(words)
    assert {word: pages for word, pages in words.items() if word not in targets} == {}


def test_every_kit_subcommand_a_page_shows_is_one_kit_help_lists():
    result = subprocess.run(
        [sys.executable, "-m", "kit", "--help"], capture_output=True, text=True, cwd=config.ROOT, check=True
    )
    usage = re.search(r"\{([\w,]+)\}", result.stdout)
    assert usage, result.stdout
    subcommands = set(usage.group(1).split(","))
    shown = named(r"python -m kit ([a-z]\w*)")
    assert {"import", "report", "table", "validate"} <= set(shown)
    assert {word: pages for word, pages in shown.items() if word not in subcommands} == {}
