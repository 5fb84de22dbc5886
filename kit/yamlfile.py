"""Reading the kit's YAML files: theme dictionaries, the actor registry, the diplomatic lexicon, parameter sets.

One reader for every YAML file a user may replace: PyYAML's safe loader, a key given twice is an
error (PyYAML would silently keep the last), anchors and aliases (``&name`` / ``*name``) are refused
outright — they have no use in these files, and an alias "bomb" expands to gigabytes — and every
problem is one line naming the file and line, showing values only as a bounded preview.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from kit import config
from kit.errors import KitError, preview


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a mapping key given twice and any anchor or alias."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # Refused while composing, before any value is built: an alias is never followed.
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _AnchorOrAlias(event)
        return super().compose_node(parent, index)


class _AnchorOrAlias(Exception):
    def __init__(self, event: yaml.Event):
        super().__init__(event)
        self.kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
        self.sign = "*" if self.kind == "alias" else "&"
        self.name: str = getattr(event, "anchor", None) or ""
        self.mark = event.start_mark


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first: int):
        super().__init__(key, line, first)
        self.key, self.line, self.first = key, line, first


def _construct_unique_mapping(
    loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[object, object]:
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise _DuplicateKey(key, line, seen[key])
        seen[key] = line
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


def shown_path(path: Path) -> Path:
    """The path relative to the repository when it lies inside it (stable across machines), else as given."""
    try:
        return path.resolve().relative_to(config.ROOT)
    except ValueError:
        return path


def read_text(path: Path, what: str) -> str:
    """The file's text; a missing or unreadable file is a one-line error saying what the file was for."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KitError(f"{shown_path(path)}: {what} not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise KitError(f"{shown_path(path)}: cannot read ({err})") from None


def parse(raw: str, source: Path | str) -> object:
    """Parse YAML text with the safe loader; duplicate keys, anchors, aliases and syntax errors name the line.

    Raises:
        KitError: e.g. ``themes.yaml line 4, column 12: YAML alias '*a' is not allowed (…)``.
    """
    try:
        return yaml.load(raw, Loader=_UniqueKeyLoader)  # a SafeLoader subclass: no arbitrary objects
    except _AnchorOrAlias as ref:
        raise KitError(
            f"{source}{_at(ref.mark)}: YAML {ref.kind} "
            f"{preview(ref.sign + ref.name)} is not allowed (anchors and aliases are refused; write the value out)"
        ) from None
    except _DuplicateKey as dup:
        raise KitError(
            f"{source} line {dup.line}: duplicate key {preview(dup.key)} (first at line {dup.first})"
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise KitError(f"{source}{where}: not valid YAML ({problem[:200]})") from None
    except RecursionError:
        raise KitError(f"{source}: not valid YAML (nested too deeply)") from None
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        raise KitError(f"{source}: not valid YAML ({str(err)[:200]})") from None


def _at(mark: object) -> str:
    """`` line L, column C`` of a YAML mark (nothing when PyYAML gives none)."""
    line, column = getattr(mark, "line", None), getattr(mark, "column", None)
    return f" line {line + 1}, column {column + 1}" if isinstance(line, int) and isinstance(column, int) else ""


def load_mapping(path: Path, *, what: str, top: str) -> tuple[dict[str, Any], Path]:
    """Read a YAML file whose top level is a mapping with the single key ``top`` (e.g. ``themes:``).

    Returns:
        ``(data[top], shown path)``.

    Raises:
        KitError: missing or unreadable file, bad YAML, a duplicate key, another top-level key, an empty
            or non-mapping ``top``.
    """
    source = shown_path(path)
    data = parse(read_text(path, what), source)
    if not isinstance(data, dict) or top not in data:
        raise KitError(f"{source}: expected a mapping with '{top}:'")
    unknown = set(data) - {top}
    if unknown:
        raise KitError(f"{source}: unknown top-level key(s) {keys_preview(unknown)} (allowed: {top})")
    if not isinstance(data[top], dict) or not data[top]:
        raise KitError(f"{source}: '{top}' must be a mapping with at least one item")
    return data[top], source


def check_mapping(raw: object, *, where: str, allowed: set[str], expected: str) -> dict[str, Any]:
    """One item of a data file (a theme, an actor, a lexicon entry): a mapping with known keys only.

    Args:
        raw: the item's YAML value.
        where: the file and item, for the message (``"themes.yaml: theme 'trade'"``).
        allowed: the keys the item may have.
        expected: what the mapping should hold, for the message ("label, description and entries").

    Raises:
        KitError: the item is not a mapping, or has a key outside ``allowed``.
    """
    if not isinstance(raw, dict):
        raise KitError(f"{where}: expected a mapping with {expected}")
    unknown = set(raw) - allowed
    if unknown:
        raise KitError(f"{where}: unknown key(s) {keys_preview(unknown)} (allowed: {', '.join(sorted(allowed))})")
    return raw


def keys_preview(keys: Iterable[object], *, most: int = 5) -> str:
    """Keys for a message: sorted, each cut to 40 characters, at most ``most`` of them, then "(+N more)"."""
    names = sorted(preview(key if isinstance(key, str) else preview(key), 40).strip("'") for key in keys)
    shown = ", ".join(names[:most])
    return shown if len(names) <= most else f"{shown} (+{len(names) - most} more)"
