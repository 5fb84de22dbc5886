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
import io
import json
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


def _split(command: str) -> list[str]:
    return shlex.split(command)


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
    rows = list(csv.DictReader((config.SEEDS / config.MANIFEST_NAME).open(encoding="utf-8", newline="")))
    texts = {row["doc_id"]: (config.SEEDS / row["file"]).read_text(encoding="utf-8") for row in rows}
    _write_csv(project / "my-export.csv", ["id", "Publication", "Date", "Title", "URL", "Body"], rows, texts)
    shutil.copy(project / "my-export.csv", project / "export.csv")
    _write_csv(project / "other-export.csv", ["id", "Paper", "PubDate", "Title", "URL", "Body"], rows, texts)
    with (project / "export.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            record = {
                "id": row["doc_id"],
                "outlet": row["outlet"],
                "date": row["published"],
                "text": texts[row["doc_id"]],
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    (project / "articles").mkdir()
    for row in [row for row in rows if len(row["published"]) >= 10]:  # the day in the name, as the manual asks
        name = f"{row['doc_id']} {row['published'][:10]}.txt"
        (project / "articles" / name).write_text(texts[row["doc_id"]], encoding="utf-8")
    for mine, kits in [("themes", "themes"), ("actors", "actors"), ("lexicon", "diplomatic_lexicon")]:
        shutil.copy(config.DATA / f"{kits}.yaml", project / f"my-{mine}.yaml")
    shutil.copy(config.DATA / "formulas.yaml", project / "my-formulas.yaml")
    shutil.copytree(config.PARAMS, project / "my-params")
    gold = config.ROOT / "tests/fixtures/gold"
    for mine, kits in [("my-dates.csv", "dates.csv"), ("my-quotes.csv", "quotes.csv")]:
        shutil.copy(gold / kits, project / mine)
    for name in ("furniture.csv", "body_lines.csv"):
        shutil.copy(gold / name, project / name)
    shutil.copytree(config.SEEDS, project / "my-corpus")
    shutil.copytree(config.SEEDS, project / "path/to/my-corpus")
    manifest = project / "path/to/my-corpus" / config.MANIFEST_NAME  # the date the reference shows refused
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(csv.reader(lines[3:4]))
    header = next(csv.reader(lines[:1]))
    row[header.index("published")], row[header.index("published_precision")] = "2018-13-01", "day"
    lines[3] = _csv_line(row)
    manifest.write_text("".join(lines), encoding="utf-8")
    _kit(project, "synth", "--n", "40", "--out", "big-corpus", "--seed", "1")
    (base / "home").mkdir()
    return project


def _write_csv(path: Path, header: list[str], rows: list[dict[str, str]], texts: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                [row["doc_id"], row["outlet"], row["published"], row["headline"], row["url"], texts[row["doc_id"]]]
            )


def _csv_line(row: list[str]) -> str:
    with io.StringIO() as buffer:
        csv.writer(buffer, lineterminator="\n").writerow(row)
        return buffer.getvalue()


def _environment(project: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESSKIT_")}
    env |= {"HOME": str(project.parent / "home"), "XDG_CACHE_HOME": str(project.parent / "home/.cache")}
    env["PATH"] = f"{Path(sys.prefix) / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def _kit(project: Path, *arguments: str) -> None:
    subprocess.run([sys.executable, "-m", "kit", *arguments], cwd=project, check=True, capture_output=True)


def _reason(example: Example) -> str | None:
    return next((why for part, why in NOT_RUN.items() if part in example.command), None)


def test_the_pages_show_commands_and_every_reason_not_to_run_one_is_still_needed():
    assert len(EXAMPLES) > 40
    for part in NOT_RUN:
        assert any(part in example.command for example in EXAMPLES), f"no page shows {part!r} any more"


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_command_runs_as_written(example: Example, scratch: Path) -> None:
    words = _split(example.command)
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
