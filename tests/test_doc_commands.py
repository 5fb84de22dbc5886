"""Every command the README and the manual show, run as written.

The commands are read from the ``sh``/``bash`` blocks of ``README.md``, ``docs/`` and ``bench/RESULTS.md`` (a line
ending in a backslash goes on), and from ``console`` blocks, where a command follows ``$ `` and the lines after it are
what it prints: those lines must be printed (an ``error:`` line with a non-zero exit). Each runs in a scratch project folder, in the order the pages give them, with the
files the pages assume a reader has: ``my-export.csv`` (the seeds as a database export), ``my-corpus``,
``big-corpus``, ``my-themes.yaml``… The folder links the project's ``.venv``, ``tests/`` and ``bench/``, and
``../shared`` when the development corpora are there. ``HOME`` is the scratch folder, so the store and caches stay
in it.

- ``make X``: ``make --dry-run X`` in the project folder (running ``make test`` inside the tests would recurse).
- A synopsis (``kit table NAME [--corpus DIR]``): ``python -m kit SUB --help``, which must name every option shown.
- :data:`NOT_RUN`: commands this machine cannot run as written, each with its reason; a reason no page needs any
  more fails too.
"""

from __future__ import annotations

import csv
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kit import config
from kit.ingest import corpus
from tests.csvtext import csv_text

pytestmark = pytest.mark.slow

PAGES = [config.ROOT / "README.md", *sorted((config.ROOT / "docs").rglob("*.md")), config.ROOT / "bench/RESULTS.md"]
BLOCK = re.compile(r"^```(sh|bash|shell|console)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SHARED = config.ROOT.parent / "shared"
# Commands that cannot run here as written, by a part of their text: why not.
NOT_RUN = {
    "--scheduler tcp://": "needs a Dask scheduler listening at that address",
    "-m bench.": "a benchmark (make bench and its kin run them; they measure, they are not tests)",
    "xdg-open ": "opens the page in the desktop's browser",
}
# Subcommands whose options belong to a named table or check: the one whose help stands for all in a synopsis.
SUBSUB = {"table": "documents", "validate": "dates"}
# A word in capitals standing alone, or an option in brackets: a synopsis, not an example.
SYNOPSIS = re.compile(r"\[--|\b[A-Z]{3,}\b(?![=:])")


@dataclass(frozen=True)
class Example:
    """One command of one page: where it is and what it says."""

    page: str
    line: int
    command: str
    prints: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.page}:{self.line}"


def examples() -> list[Example]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in BLOCK.finditer(text):
            first = text.count("\n", 0, block.start(2)) + 1
            lines = block.group(2).splitlines()
            console = block.group(1) == "console"
            index = 0
            while index < len(lines):
                start, command = index, lines[index]
                index += 1
                if console and not command.startswith("$ "):
                    continue
                while command.rstrip().endswith("\\") and index < len(lines):
                    command = command.rstrip()[:-1] + " " + lines[index].strip()
                    index += 1
                prints: list[str] = []
                while console and index < len(lines) and not lines[index].startswith("$ "):
                    prints.append(lines[index])
                    index += 1
                command = _without_comment(command.removeprefix("$ "))
                if command:
                    where = page.relative_to(config.ROOT).as_posix()
                    found.append(Example(where, first + start, command, tuple(prints)))
    return found


def _without_comment(command: str) -> str:
    """The command without a trailing ``# …`` comment (a ``#`` inside quotes or a word stays)."""
    quote = ""
    for at, char in enumerate(command):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (at == 0 or command[at - 1].isspace()):
            return command[:at].strip()
    return command.strip()


EXAMPLES = examples()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder with what the pages assume: the seeds as exports, data files to edit, two corpora."""
    base = tmp_path_factory.mktemp("reader")
    project = base / "project"
    project.mkdir()
    (project / ".venv").symlink_to(Path(sys.prefix))
    for name in ("tests", "bench"):
        (project / name).symlink_to(config.ROOT / name)
    if SHARED.is_dir():
        (base / "shared").symlink_to(SHARED)
    seeds = corpus.load(config.SEEDS)
    fields = ["doc_id", "outlet", "published", "headline", "url", "raw_text"]
    rows = [list(row) for row in seeds[fields].itertuples(index=False)]
    for name, columns in [("my-export.csv", ["Publication", "Date"]), ("other-export.csv", ["Paper", "PubDate"])]:
        header = ["id", *columns, "Title", "URL", "Body"]  # the second names its columns the kit's own way does not
        (project / name).write_text(csv_text([header, *rows]), encoding="utf-8")
    shutil.copy(project / "my-export.csv", project / "export.csv")
    records = seeds.rename(columns={"doc_id": "id", "published": "date", "raw_text": "text"})
    records[["id", "outlet", "date", "text"]].to_json(
        project / "export.jsonl", orient="records", lines=True, force_ascii=False
    )
    (project / "articles").mkdir()
    for row in seeds[seeds.published.str.len() >= 10].itertuples():  # the day in the file name, as the manual asks
        (project / "articles" / f"{row.doc_id} {row.published[:10]}.txt").write_text(row.raw_text, encoding="utf-8")
    data = {
        "themes": config.THEMES,
        "actors": config.ACTORS,
        "lexicon": config.DIPLOMATIC_LEXICON,
        "formulas": config.FORMULAS,
    }
    for mine, kits in data.items():
        shutil.copy(kits, project / f"my-{mine}.yaml")
    shutil.copytree(config.PARAMS, project / "my-params")
    gold = config.ROOT / "tests/fixtures/gold"
    for mine, kits in {"my-dates.csv": "dates.csv", "my-quotes.csv": "quotes.csv", "furniture.csv": "furniture.csv",
                       "body_lines.csv": "body_lines.csv"}.items():  # fmt: skip
        shutil.copy(gold / kits, project / mine)
    shutil.copytree(config.SEEDS, project / "my-corpus")
    shutil.copytree(config.SEEDS, project / "path/to/my-corpus")
    manifest = project / "path/to/my-corpus" / config.MANIFEST_NAME  # row 4 carries the date the reference refuses
    table = list(csv.reader(manifest.open(encoding="utf-8", newline="")))
    table[3][table[0].index("published")], table[3][table[0].index("published_precision")] = "2018-13-01", "day"
    manifest.write_text(csv_text(table), encoding="utf-8")
    command = [sys.executable, "-m", "kit", "synth", "--n", "40", "--out", "big-corpus", "--seed", "1"]
    subprocess.run(command, cwd=project, check=True, capture_output=True)
    (base / "home").mkdir()
    return project


def _environment(project: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESSKIT_")}
    env |= {"HOME": str(project.parent / "home"), "XDG_CACHE_HOME": str(project.parent / "home/.cache")}
    env["PATH"] = f"{Path(sys.prefix) / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def _reason(example: Example) -> str | None:
    return next((why for part, why in NOT_RUN.items() if part in example.command), None)


def test_the_pages_show_commands_and_every_reason_not_to_run_one_is_still_needed():
    assert len(EXAMPLES) > 40
    for part in NOT_RUN:
        assert any(part in example.command for example in EXAMPLES), f"no page shows {part!r} any more"


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_command_runs_as_written(example: Example, scratch: Path) -> None:
    words = shlex.split(example.command)
    reason = _reason(example)
    if reason:
        assert "-m" not in words or _help_lists(example, words), f"{example}: an option shown is not in --help"
        pytest.skip(f"{example}: {reason}")
    if "../shared/" in example.command and not SHARED.is_dir():
        pytest.skip(f"{example}: the development corpora are not beside the project")
    if words[0] == "make":
        _run(example, ["make", "--dry-run", *words[1:]], config.ROOT, _environment(scratch))
        return
    if SYNOPSIS.search(example.command):
        assert _help_lists(example, words), f"{example}: an option of the synopsis is not in --help"
        return
    if "--out" in words and {"import", "synth"} & set(words):  # a new corpus folder: each example stands alone
        shutil.rmtree(scratch / words[words.index("--out") + 1], ignore_errors=True)
    printed = _run(example, ["bash", "-c", example.command], scratch, _environment(scratch), fails=bool(example.prints))
    for line in example.prints:
        assert line in printed.splitlines(), f"{example}: `{example.command}` did not print {line!r}: {printed[-300:]}"


def _help_lists(example: Example, words: list[str]) -> bool:
    """The command's --help runs and names every option the synopsis or example shows."""
    after = words[words.index("-m") + 1 :]
    path = [after[0]]
    if after[0] == "kit":  # the subcommand, and a table's or check's name when one is given
        path += [word for word in after[1:3] if re.fullmatch(r"[a-z][\w-]*", word)][: 2 if after[1] in SUBSUB else 1]
        if path[1:] == [after[1]] and after[1] in SUBSUB:
            path.append(SUBSUB[after[1]])  # NAME stands for any of them: each takes the common options
    shown = _run(example, [sys.executable, "-m", *path, "--help"], config.ROOT, _environment(config.ROOT))
    return all(option in shown for option in re.findall(r"(?<![\w-])--[a-z][\w-]*", example.command))


def _run(example: Example, command: list[str], folder: Path, env: dict[str, str], *, fails: bool = False) -> str:
    """What the command printed (stdout, then stderr); it must exit 0, or with ``fails`` (an error shown) 1 or 2."""
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    last = (done.stderr.strip().splitlines() or [""])[-1]
    if fails:
        assert done.returncode in (1, 2), f"{example}: `{example.command}` exited {done.returncode}, not with its error"
    else:
        assert done.returncode == 0, f"{example}: `{example.command}` exited {done.returncode}: {last}"
    return done.stdout + done.stderr
