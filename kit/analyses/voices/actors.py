"""The actor registry: who can speak in the coverage, under which names, and for which side.

The registry is a YAML file (default ``kit/data/actors.yaml``; the format is described at the top of that
file). Each actor has a canonical name, a group (:data:`GROUPS`), a kind (person or body), aliases —
entries for the kit's one dictionary matcher (:mod:`kit.preprocess.lookup`), so "Kim Jong-un" and "Kim Jong Un" are
matched exactly as theme words are — and, for a person, an optional surname. A bare surname ("Kim",
"Xi") is only a *candidate*: :mod:`kit.analyses.voices` decides which person it means (the surname rule).

    load_registry → mentions (alias and surname matches in the tokens) → kit.analyses.voices
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kit import config, yamlfile
from kit.analyses.voices import roles
from kit.errors import KitError
from kit.preprocess import lookup, text
from kit.types import Prepared

# Who speaks for whom. "unknown" is for speakers the kit could not place; the registry may not use it.
GROUPS = (
    "official_prc",
    "official_dprk",
    "official_other",
    "analyst",
    "media",
    "business",
    "public",
    "ngo",
    "unnamed_source",
    "unknown",
)
# The groups that speak for a state: a quotation moved between these, or between one of these and any other
# group, has crossed sides (``unknown`` is no side).
OFFICIAL_GROUPS = ("official_prc", "official_dprk", "official_other")
ACTOR_KINDS = ("person", "body")
# An actor id: a letter, then letters, digits, "_" or "-", e.g. "kim_jong_un".
ACTOR_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
ACTOR_KEYS = {"name", "group", "kind", "type", "surname", "aliases", "note"}
# What a body is, so "the newspaper said" finds it; inferred from the name when a body has no ``type``.
BODY_TYPES = ("agency", "broadcaster", "newspaper", "ministry", "party", "council", "government", "think_tank", "other")
# The category surname matches carry in the matcher: "surname:Kim".
SURNAME_PREFIX = "surname:"
MENTION_COLUMNS = ["doc_id", "sentence_id", "start", "end", "match", "actor_id", "surname"]


@dataclass(frozen=True)
class Actor:
    """One registry entry.

    Attributes:
        id: the YAML key, e.g. ``kim_jong_un``.
        name: the canonical name reported in tables ("Kim Jong Un").
        group: one of :data:`GROUPS` (not ``unknown``).
        kind: ``person`` or ``body`` (a ministry, an agency, a government, a think tank).
        surname: for a person, the family name alone ("Kim"); empty when a bare surname must never
            resolve to this person.
        aliases: matcher entries, the canonical name first.
        body_type: for a body, one of :data:`BODY_TYPES` (empty: inferred from its name when needed).
        note: one line saying who this is.
    """

    id: str
    name: str
    group: str
    kind: str
    surname: str
    aliases: tuple[lookup.Entry, ...]
    note: str = ""
    body_type: str = ""

    @property
    def is_person(self) -> bool:
        """True for a person (a pronoun "he"/"she" may refer to them)."""
        return self.kind == "person"


@dataclass(frozen=True)
class Registry:
    """A loaded actor registry; ``source`` is the file it came from."""

    source: str
    actors: tuple[Actor, ...]

    def __getitem__(self, actor_id: str) -> Actor:
        return self._by_id[actor_id]

    @functools.cached_property
    def _by_id(self) -> dict[str, Actor]:
        # Built once per registry (not per look-up): the voices stages look an actor up for every mention.
        return {actor.id: actor for actor in self.actors}

    def body_type_of(self, actor_id: str) -> str:
        """A body's type: from the registry, else read from its name and aliases ("" for a person)."""
        return self._body_types.get(actor_id, "")

    @functools.cached_property
    def _body_types(self) -> dict[str, str]:
        # Read once per registry: the voices stages ask for every mention of a body.
        return {
            a.id: a.body_type or roles.body_type(" ".join([a.name, *(e.pattern for e in a.aliases)]))
            for a in self.actors
            if not a.is_person
        }

    def with_surname(self, surname: str) -> list[Actor]:
        """The registry's persons with this surname, in file order."""
        return [a for a in self.actors if a.surname and a.surname == surname]

    def entries(self) -> list[lookup.Entry]:
        """Matcher entries: every alias (category = actor id) and every surname (``surname:Kim``)."""
        entries = [alias for actor in self.actors for alias in actor.aliases]
        surnames = sorted({a.surname for a in self.actors if a.surname})
        entries += [lookup.Entry(s, f"{SURNAME_PREFIX}{s}", case_sensitive=True) for s in surnames]
        return entries

    def names_of(self, actor_id: str) -> set[str]:
        """Every way of writing the actor, normalised: canonical name, aliases, surname."""
        actor = self[actor_id]
        forms = {actor.name, *(a.pattern for a in actor.aliases), *([actor.surname] if actor.surname else [])}
        return {_normalised(form) for form in forms}

    def table(self) -> pd.DataFrame:
        """The registry as a readable table: actor_id, name, group, kind, surname, aliases, note."""
        rows = [
            {
                "actor_id": a.id,
                "name": a.name,
                "group": a.group,
                "kind": a.kind,
                "surname": a.surname,
                "aliases": "; ".join(e.pattern for e in a.aliases),
                "note": a.note,
            }
            for a in self.actors
        ]
        return pd.DataFrame(rows, columns=["actor_id", "name", "group", "kind", "surname", "aliases", "note"])


def _normalised(form: str) -> str:
    return " ".join(text.normalise(form).replace("-", " ").split())


def load_registry(path: str | Path | None = None) -> Registry:
    """Read and validate an actor registry (default: the kit's ``kit/data/actors.yaml``).

    A user's file replaces the default entirely (copy the default to extend it).

    Raises:
        KitError: one line naming the file, the actor and the field: missing or unreadable file, bad YAML,
            an actor given twice, a bad actor id, an unknown key, a missing name, an unknown group or
            kind, a surname that is not one word, a bad alias, the same alias for two actors.
    """
    raw_actors, source = yamlfile.load_mapping(
        Path(path) if path else config.ACTORS, what="actor registry", top="actors"
    )
    actors = [_parse_actor(actor_id, raw, source) for actor_id, raw in raw_actors.items()]
    owners: dict[tuple[str, bool], str] = {}
    for actor in actors:
        for alias in actor.aliases:
            key = (alias.pattern if alias.case_sensitive else _normalised(alias.pattern), alias.case_sensitive)
            if key in owners and owners[key] != actor.id:
                raise KitError(
                    f"{source}: actor {actor.id!r}, alias {alias.pattern!r}: already an alias of {owners[key]!r}"
                )
            owners[key] = actor.id
    return Registry(str(source), tuple(actors))


def _parse_actor(actor_id: object, raw: object, source: Path) -> Actor:
    where = f"{source}: actor {actor_id!r}"
    if not isinstance(actor_id, str) or not ACTOR_ID.match(actor_id):
        raise KitError(f"{where}: actor id must start with a letter and use letters, digits, '_' or '-'")
    raw = yamlfile.check_mapping(raw, where=where, allowed=ACTOR_KEYS, expected="name, group and aliases")
    name = raw.get("name")
    if not isinstance(name, str) or not _is_one_line(name):
        raise KitError(f"{where}: 'name' must be one line of text")
    group = raw.get("group")
    if group not in GROUPS[:-1]:
        raise KitError(f"{where}: group {group!r} is not one of {', '.join(GROUPS[:-1])}")
    kind = raw.get("kind", "person")
    if kind not in ACTOR_KINDS:
        raise KitError(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
    body_type = raw.get("type", "")
    if body_type and (kind != "body" or body_type not in BODY_TYPES):
        raise KitError(f"{where}: type {body_type!r} must be one of {', '.join(BODY_TYPES)}, and only a body has one")
    surname = raw.get("surname", "")
    if surname and (kind != "person" or not isinstance(surname, str) or len(text.split_tokens(surname)) != 1):
        raise KitError(f"{where}: surname {surname!r} must be one word, and only a person has one")
    note = raw.get("note", "")
    if note and not _is_one_line(note):
        raise KitError(f"{where}: 'note' must be one line of text")
    raw_aliases = raw.get("aliases", [])
    if not isinstance(raw_aliases, list):
        raise KitError(f"{where}: 'aliases' must be a list of names")
    aliases: list[lookup.Entry] = []
    for raw_alias in [name.strip(), *raw_aliases]:
        alias = lookup.parse_entry(raw_alias, category=actor_id, where=where)
        lookup.pattern_words(alias.pattern, case_sensitive=alias.case_sensitive)  # compiles, or says why not
        if any((a.pattern, a.case_sensitive) == (alias.pattern, alias.case_sensitive) for a in aliases):
            raise KitError(f"{where}, alias {alias.pattern!r}: listed twice (the name counts as an alias)")
        aliases.append(alias)
    return Actor(
        actor_id, name.strip(), group, kind, surname.strip() if surname else "", tuple(aliases), note.strip(), body_type
    )


def _is_one_line(value: object) -> bool:
    """True for a non-empty string without line breaks."""
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value.strip()


def mentions(prepared: Prepared, registry: Registry) -> pd.DataFrame:
    """Every place an actor is named: full aliases, and bare surnames that are not part of a full name.

    Full-alias matches never overlap: at each place the longest alias wins, whichever actor it belongs
    to ("China's foreign ministry" is one mention, not also "China"). A surname match inside a full
    alias ("Kim" in "Kim Jong-un") is dropped.

    Returns:
        doc_id, sentence_id, start, end, match (as written), actor_id (empty for a bare surname),
        surname (for a bare surname) — ordered by document and position.
    """
    texts = dict(zip(prepared.documents.doc_id, prepared.documents.text, strict=True))
    found = lookup.find(prepared.tokens, lookup.compile_entries(registry.entries()), texts=texts)
    is_surname = found.category.str.startswith(SURNAME_PREFIX)
    full = _longest_across_actors(found[~is_surname])
    surnames = found[is_surname]
    covered = {(d, i) for d, s, e in zip(full.doc_id, full.start, full.end, strict=True) for i in range(s, e)}
    inside = [(d, s) in covered for d, s in zip(surnames.doc_id, surnames.start, strict=True)]
    surnames = surnames[~pd.Series(inside, index=surnames.index, dtype=bool)]
    rows = pd.concat(
        [
            full.assign(actor_id=full.category, surname=""),
            surnames.assign(actor_id="", surname=surnames.category.str.slice(len(SURNAME_PREFIX))),
        ]
    )
    rows = rows.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    return rows[MENTION_COLUMNS]


def _longest_across_actors(found: pd.DataFrame) -> pd.DataFrame:
    """Across actors, keep at each place the longest match (ties: the actor id that sorts first)."""
    doc_ids, starts, ends = found.doc_id.tolist(), found.start.tolist(), found.end.tolist()
    # Per document, by start and longest first; a stable sort keeps the matcher's order (actor id) for ties.
    # Plain lists and one sort, not a pandas group per document: this runs on every registry mention.
    order = sorted(range(len(doc_ids)), key=lambda row: (doc_ids[row], starts[row], starts[row] - ends[row]))
    keep: list[int] = []
    document, reach = None, -1
    for row in order:
        if doc_ids[row] != document:
            document, reach = doc_ids[row], -1
        if starts[row] >= reach:
            keep.append(row)
            reach = ends[row]
    return found.iloc[sorted(keep)]
