"""The reader's memory of an article: the people and bodies named so far, and what later words refer to.

A reader meets "Foreign Ministry spokesman Hong Lei" and later reads "Hong said", "the spokesman added",
"he said": each refers back to the most recent compatible mention. :func:`build_memory` collects the mentions
an article introduces — registry actors, names written with a title or an appositive ("Kang Chol, North
Korea's vice foreign minister"), bodies by name ("the Foreign Ministry", "Rodong Sinmun") — in reading
order; :class:`Memory` answers the look-backs:

* :meth:`Memory.person_before` — "he"/"she": the latest person, not a possessor ("Xi's") nor inside a
  prepositional phrase ("met with Xi"), within the passage (this paragraph and the few before it);
* :meth:`Memory.described_before` — "the spokesman", "the official", "the newspaper", "the agency":
  the latest person whose role or name has that noun, or the latest body of that type ("the publication":
  any medium; "the report", "the statement": the body quoted last in the passage);
* :meth:`Memory.named_before` — a bare name or surname ("Wang", "Ambassador Lee"): the person named in
  full earlier with that word in their name; two such people with neither the current speaker leaves it
  unresolved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kit.analyses.voices import roles
from kit.analyses.voices.actors import Registry
from kit.analyses.voices.names import POSSESSIVE, PREPOSITIONS, name_speaker, names, role_after, role_before
from kit.analyses.voices.records import MASK as MASK_CHAR
from kit.analyses.voices.records import DocView, Speaker

# How many mentions back a name, a role or a body type is looked for (a long article's reader forgets too).
LOOKBACK = 400
# How far back "he said" looks: this paragraph and this many before it (never across a subheading).
PASSAGE_PARAGRAPHS = 3


@dataclass(frozen=True)
class Mention:
    """One place a person or body is named.

    Attributes:
        start / end: offsets of the name in the cleaned text.
        speaker: who is named (registry actor, a named person with their role, a body, a description).
        paragraph: index of the paragraph.
        salient: the mention could be the subject a pronoun refers back to (not a possessor, not after a
            preposition, not inside a quotation).
        speaking: the mention is the subject of an attribution cue (the person quoted).
        subject: the mention opens its sentence's first clause ("North Korean leader Kim Jong Un visited …").
    """

    start: int
    end: int
    speaker: Speaker
    paragraph: int
    salient: bool = True
    speaking: bool = False
    subject: bool = False


class Memory:
    """The mentions of one article in reading order, growing as the article is read (:meth:`remember`).

    Every look-up reads only the mentions before a position, so a mention remembered later never changes
    an earlier answer. Look-backs stop at the passage ("he", "it", the current speaker) or after
    :data:`LOOKBACK` mentions (a name, a role, a type), so each costs what a reader keeps in mind, not what
    the article holds.
    """

    def __init__(self, view: DocView) -> None:
        self.view = view
        self._mentions: list[Mention] = []

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every mention remembered so far, in reading order."""
        return tuple(self._mentions)

    def remember(self, mention: Mention) -> None:
        """Add a mention in its place (one at the same characters is replaced: a name becomes a speaker)."""
        i = bisect_left(self._mentions, _place(mention), key=_place)
        if i < len(self._mentions) and _place(self._mentions[i]) == _place(mention):
            self._mentions[i] = mention
        else:
            self._mentions.insert(i, mention)

    def _index(self, start: int) -> int:
        """How many mentions start before ``start``."""
        return bisect_left(self._mentions, (start, -1), key=_place)

    def before(self, position: int, *, limit: int = 0) -> Iterator[Mention]:
        """The mentions ending at or before ``position``, latest first (at most ``limit`` when given)."""
        count = 0
        for i in range(self._index(position) - 1, -1, -1):
            mention = self._mentions[i]
            if mention.end <= position:
                yield mention
                count += 1
                if count == limit:
                    return

    def _in_passage_before(self, position: int) -> Iterator[Mention]:
        """The mentions of the passage before ``position``, latest first."""
        for mention in self.before(position):
            if not self.in_passage(mention, position):
                return
            yield mention

    def latest_named(self, name: str, position: int) -> Speaker | None:
        """The speaker of the latest mention written ``name`` that starts at or before ``position``."""
        latest = self._index(position + 1) - 1
        for i in range(latest, max(-1, latest - LOOKBACK), -1):
            if self._mentions[i].speaker.name == name:
                return self._mentions[i].speaker
        return None

    def after(self, position: int, *, paragraphs: int) -> Iterator[Mention]:
        """The mentions starting after ``position`` within the next ``paragraphs`` paragraphs, in order."""
        last = self.view.paragraph_of(position) + paragraphs
        for i in range(self._index(position + 1), len(self._mentions)):
            mention = self._mentions[i]
            if mention.paragraph > last:
                return
            yield mention

    def in_passage(self, mention: Mention, position: int) -> bool:
        """True when ``mention`` lies in the passage of ``position`` (no subheading between them)."""
        here = self.view.paragraph_of(position)
        between = self.view.paragraph_kinds[mention.paragraph : here + 1]
        return here - mention.paragraph <= PASSAGE_PARAGRAPHS and "subheading" not in between

    def person_before(self, position: int) -> Speaker | None:
        """Who "he"/"she" at ``position`` refers to, within the passage.

        The person quoted last, unless another person has since opened a sentence as its subject
        ("Kim toured the plant. “…,” he said"); with nobody quoted, the latest salient person. A name in
        passing ("a quote by the late leader Mao Zedong") does not take "he" from the speaker.
        """
        people = [
            m for m in self._in_passage_before(position) if m.speaker.is_person and m.speaker.resolved and m.salient
        ]
        speaking = next((m for m in people if m.speaking), None)
        subject = next((m for m in people if m.subject), None)
        if speaking is not None and (subject is None or subject.start <= speaking.start):
            return speaking.speaker
        if subject is not None:
            return subject.speaker
        return people[0].speaker if people else None

    def body_before(self, position: int) -> Speaker | None:
        """Who "it said" refers to: the latest organisation quoted, else the latest one named as a subject."""
        chosen = self.body_mention_before(position)
        return chosen.speaker if chosen is not None else None

    def body_mention_before(self, position: int) -> Mention | None:
        """The mention "it" or "its" refers to (see :meth:`body_before`), for where and how it is written."""
        bodies = [
            m
            for m in self._in_passage_before(position)
            if not m.speaker.is_person and m.salient and m.speaker.body_type
        ]
        return next((m for m in bodies if m.speaking), bodies[0] if bodies else None)

    def body_quoted_before(self, position: int) -> Speaker | None:
        """Whose text "the report" or "the statement" is: the latest organisation quoted, within the passage."""
        for mention in self._in_passage_before(position):
            if mention.speaking and not mention.speaker.is_person and mention.speaker.body_type:
                return mention.speaker
        return None

    def speaker_before(self, position: int) -> Mention | None:
        """The latest person quoted (a cue's subject) before ``position`` in the passage."""
        for mention in self._in_passage_before(position):
            if mention.speaking and mention.speaker.is_person:
                return mention
        return None

    def described_before(self, position: int, noun: str) -> Speaker | None:
        """Who "the <noun>" refers to: the latest body of that type or person with that noun in their role."""
        noun = noun.lower()
        if noun in roles.DOCUMENT_NOUNS:
            return self.body_quoted_before(position)
        if noun in roles.BODY_NOUNS:
            wanted = roles.BODY_NOUNS[noun]
            accepted = roles.MEDIA_TYPES if wanted == roles.ANY_MEDIUM else {wanted}
            for mention in self.before(position, limit=LOOKBACK):
                if not mention.speaker.is_person and mention.speaker.body_type in accepted:
                    return mention.speaker
            return None
        stem = roles.PERSON_NOUNS.get(noun, noun)
        for mention in self.before(position, limit=LOOKBACK):
            speaker = mention.speaker
            if not speaker.is_person or not speaker.resolved:
                continue
            by_group = roles.NOUN_GROUPS.get(noun)
            known_as = f"{speaker.role} {speaker.name}".lower()
            if stem is None or any(word in known_as for word in stem.split("|")) or speaker.group == by_group:
                return speaker
        return None

    def named_before(self, position: int, word: str) -> list[Speaker]:
        """The distinct people named earlier whose name has ``word``, latest first."""
        found: list[Speaker] = []
        for mention in self.before(position, limit=LOOKBACK):
            speaker = mention.speaker
            full_name = speaker.is_person and speaker.resolved and len(speaker.name.split()) > 1
            if full_name and word in roles.name_parts(speaker.name) and speaker.name not in {s.name for s in found}:
                found.append(speaker)
        return found


def _place(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def resolve_name(memory: Memory, position: int, word: str, registry: Registry) -> Speaker:
    """A bare name or surname at ``position``: the person it refers back to (module docstring).

    With nobody of that name earlier, a registry person who is the only one with that surname;
    otherwise the word itself, unresolved (group ``unknown``).
    """
    candidates = memory.named_before(position, word)
    if len(candidates) > 1:
        speaking = memory.speaker_before(position)
        if speaking is not None and speaking.speaker.name in {c.name for c in candidates}:
            others = {c.name for c in candidates} - {speaking.speaker.name}
            named_since = any(
                m.speaker.name in others for m in memory.before(position, limit=LOOKBACK) if speaking.start < m.start
            )
            if not named_since:
                return speaking.speaker
        in_play = [c for c in candidates if _in_play(memory, c, position)]
        if len(in_play) == 1:
            return in_play[0]
        return Speaker(word, "unknown", is_person=True, resolved=False)
    if candidates:
        return candidates[0]
    registered = registry.with_surname(word)
    if len(registered) == 1:
        actor = registered[0]
        return Speaker(actor.name, actor.group, actor.id, is_person=True)
    return Speaker(word, "unknown", is_person=True, resolved=False)


def _in_play(memory: Memory, speaker: Speaker, position: int) -> bool:
    """Named in the lead, or in this or the previous paragraph, before ``position``."""
    here = memory.view.paragraph_of(position)
    nearby = {memory.view.lead, here - 1, here}
    recent = any(
        m.speaker.name == speaker.name and m.paragraph in nearby for m in memory.before(position, limit=LOOKBACK)
    )
    in_lead = any(
        m.speaker.name == speaker.name and m.end <= position for m in memory.after(-1, paragraphs=memory.view.lead)
    )
    return recent or in_lead


def build_memory(view: DocView, registry: Registry) -> Memory:
    """The mentions an article introduces, before any attribution: registry actors, names with a title
    or an appositive, and bodies named by their type ("the Foreign Ministry").
    """
    memory = Memory(view)
    for start, end, actor_id, _surname in view.registry_mentions:
        if actor_id:
            speaker = registered(registry, actor_id)
            if speaker.is_person:  # "China's foreign ministry spokesman Hong Lei": "the spokesman" finds him later
                written = ", ".join(r for r in (role_before(view, start), role_after(view, end)) if r)
                speaker = replace(speaker, role=written)
            memory.remember(_mention(view, start, end, speaker))
    for start, end in names(view):
        named = name_speaker(view, start, end)
        if named is not None:
            memory.remember(_mention(view, start, end, _with_think_tank(view, registry, start, end, named)))
    return memory


def _with_think_tank(view: DocView, registry: Registry, start: int, end: int, named: Speaker) -> Speaker:
    """A person whose role names a registered analysts' body is an analyst: "NK Pro founder Chad O’Carroll",
    "Tong Zhao of the Carnegie Endowment" (the role's words alone do not say so).
    """
    if not named.is_person or named.group != "unknown" or not named.role:
        return named
    near = view.mentions_within(max(0, start - len(named.role) - 4), end + len(named.role) + 4)
    for s, e, actor_id, _surname in near:
        actor = registry[actor_id] if actor_id else None
        if actor is not None and not actor.is_person and actor.group == "analyst" and view.text[s:e] in named.role:
            return replace(named, group="analyst")
    return named


def _mention(view: DocView, start: int, end: int, speaker: Speaker, *, speaking: bool = False) -> Mention:
    paragraph = view.paragraph_of(start)
    return Mention(start, end, speaker, paragraph, salient(view, start, end), speaking, opens_clause(view, start))


def opens_clause(view: DocView, start: int) -> bool:
    """True when only a title, a side or a short opener stands before ``start`` in its sentence.

    "North Korean leader Kim Jong Un visited …", "On Tuesday, Xi …"; not "… a quote by Mao Zedong".
    """
    sentence_start = view.sentence_spans[view.sentence_at(start)][0] if view.sentence_spans else 0
    before = view.masked[sentence_start:start]
    if MASK_CHAR in before:
        return False
    words = before.replace(",", " ").split()
    return len(words) <= 6 and not (words and words[-1].lower() in PREPOSITIONS)


def speaking_mention(view: DocView, start: int, end: int, speaker: Speaker) -> Mention:
    """The mention of a cue's subject: the person or body quoted."""
    return _mention(view, start, end, speaker, speaking=True)


def registered(registry: Registry, actor_id: str) -> Speaker:
    """The speaker of a registry actor (its body type from the registry or its name)."""
    actor = registry[actor_id]
    return Speaker(
        actor.name, actor.group, actor.id, is_person=actor.is_person, body_type=registry.body_type_of(actor.id)
    )


def salient(view: DocView, start: int, end: int) -> bool:
    """A mention a pronoun may refer to: not a possessor ("Xi's"), not after a preposition, not quoted."""
    after = view.text[end : end + 2]
    if after[:2] in POSSESSIVE or view.inside_quote(start):
        return False
    before = view.text[max(0, start - 20) : start].split()
    return not (before and before[-1].lower() in PREPOSITIONS)
