"""Who a noun phrase names: the subject of a cue, resolved as a reader resolves it.

The head of a phrase is the first registry mention, surname, pronoun, definite description ("the
spokesman", "the newspaper") or capitalised name that is neither a possessor ("China's …") nor inside a
prepositional phrase or a modifier ("a source in Beijing", "sources working to rescue North Koreans").
Anaphoric heads resolve through the :class:`~kit.analyses.voices.mentions.Memory`; a body before a titled person
("Chinese Foreign Ministry spokesman Hong Lei") or a role noun ("the US president") is a modifier; a
phrase without a head is a description ("a diplomatic source in Beijing"), classified by its words.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from kit.analyses.voices import mentions, names, roles
from kit.analyses.voices.actors import Registry
from kit.analyses.voices.mentions import Memory
from kit.analyses.voices.records import MASK, DocView, Speaker

# A definite description that refers back: "the spokesman", "the country's foreign ministry", "the paper".
_DEFINITE = re.compile(
    r"^(?:the|this|that)\s+(?:same\s+|[\w’'-]+\s+){0,3}?(?P<noun>news agency|foreign ministry|"
    + "|".join(
        sorted(
            {*roles.PERSON_NOUNS, *roles.BODY_NOUNS, *roles.DOCUMENT_NOUNS} - {"news agency", "foreign ministry"},
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"(he|she|it)\b", re.IGNORECASE)
# Candidate kinds inside a noun phrase.
_ACTOR, _SURNAME, _PRON, _THE, _PART, _NAMED = "actor", "surname", "pronoun", "definite", "part", "named"


@dataclass(frozen=True)
class Head:
    """The speaker a noun phrase names, where the phrase starts and where its head ends."""

    speaker: Speaker
    start: int
    end: int
    anaphoric: bool = False
    described: bool = False  # no name in the phrase: the speaker is the phrase itself ("a diplomatic source")


@dataclass(frozen=True)
class Reader:
    """What resolving a phrase needs: the document, the memory so far, the registry."""

    view: DocView
    memory: Memory
    registry: Registry


def noun_phrase(
    reader: Reader,
    start: int,
    end: int,
    index: int,
    *,
    allow_prepositions: bool = False,
    strict: bool = False,
    subject: bool = False,
) -> Head | None:
    """Resolve the speaker a noun phrase names.

    The head is the first registry mention, surname, pronoun, definite description or capitalised name
    that is neither a possessor ("China's …") nor inside a prepositional phrase ("a source in Beijing").
    Without one, the phrase is a description, classified by its words; ``strict`` refuses descriptions.
    ``subject`` reads only the phrase's first words (the subject of a whole clause).
    """
    view = reader.view
    phrase = view.text[start:end]
    if not phrase.strip() or (len(phrase.split()) > 12 and not (allow_prepositions or subject)):
        return None
    candidates = _candidates(reader, start, end, phrase)
    for i, (s, e, what, value) in enumerate(candidates):
        before = view.text[start:s].split()
        after = view.text[e : e + 2]
        owner = after[:2] in names.POSSESSIVE or (after[:1] in ("'", "’", "`") and view.text[e - 1] == "s")
        if (
            owner and e < end
        ):  # a possessor inside the phrase ("China's foreign ministry"); at its end, the caller cut it
            continue
        titled_name = what in (_NAMED, _ACTOR) and _name_after_title(view.text[start:end], view.text[s:e])
        if not allow_prepositions and _after_preposition(before) and not titled_name:
            continue  # "a source in Beijing" — but "Chinese Ambassador to the U.N. Zhang Jun" ends in his name
        if any(w.lower() in _CLAUSE_WORDS or (w.islower() and w.endswith("ing")) for w in before[1:]):
            continue  # inside a modifier: "sources working to rescue North Koreans"
        if subject and len(before) > 3:
            return None
        if not allow_prepositions and _joined_by_and(view.text, e, candidates[i + 1 :]):
            return None  # "Kim Jong Un and Chinese President Xi Jinping agreed": two voices, not one
        speaker = _resolve(reader, s, e, what, value)
        if not speaker.is_person and _titled_person_follows(reader, candidates[i + 1 :], e):
            continue  # "Chinese Foreign Ministry spokesman Hong Lei": the person is the head
        if not speaker.is_person and _person_noun_follows(view.text[e:end]):
            continue  # "the US president", "a Chinese foreign ministry spokesperson": a role, described
        return Head(speaker, start, e, what in (_PRON, _THE, _PART, _SURNAME))
    if strict and not _DESCRIPTION.match(phrase.strip()):
        return None
    if strict and not roles.has_role_words(phrase):
        return None
    return Head(describe(_owner_named(reader, start, phrase.strip())), start, end, described=True)


def _owner_named(reader: Reader, start: int, phrase: str) -> str:
    """A description opening with "its" written with the body it refers to: "Its official media" after
    "North Korea has …" → "North Korea's official media" (so its side is known).
    """
    possessive = re.match(r"its\s+", phrase, re.IGNORECASE)
    owner = reader.memory.body_mention_before(start) if possessive else None
    if possessive is None or owner is None:
        return phrase
    # A quoted body's mention spans its whole cue ("North Korea has often used …"): its name is the first alias.
    written = next(
        (reader.view.text[s:e] for s, e, _id, _surname in reader.view.mentions_within(owner.start, owner.end)), ""
    )
    return f"{written or owner.speaker.name}'s {phrase[possessive.end() :]}"


# A time written after a description: "state media Thursday", "the agency on Monday", "officials last week".
_TRAILING_TIME = re.compile(
    r"\s+(?:on\s+|last\s+|this\s+)?(?:" + "|".join(calendar.day_name) + "|today|"
    r"yesterday|tonight|week|month|year|night|morning|evening)$"
)
# A medium's proper name before its kind written in lower case, e.g. "South Korea's Yonhap news agency",
# "the Russian state-run TASS news agency", "China's state-run Global Times newspaper".
_NAME_BEFORE_KIND = re.compile(r"((?:[A-Z][\w’'-]*\s+)+)(?:news agency|agency|newspaper|daily|broadcaster)$")
# A body's complement naming a place or a state: " of Liaoning province", " of the DPRK", " in Beijing".
_OF_NAME = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|province|city|county|region))*")
# Words that open a relative clause inside a noun phrase.
_CLAUSE_WORDS = {"who", "that", "which", "whose", "whom"}
# A description of someone: "an official at a Dandong-based travel agency", "the source", "two diplomats".
_DESCRIPTION = re.compile(r"^(?:a|an|one|the|two|three|several|some|many|other|another)\s+\w", re.IGNORECASE)


# Words between a preposition and the name it governs: "at the J.M. Missionary Union", "in a U.S. city".
_DETERMINER_OR_INITIALS = re.compile(r"(?:the|a|an|(?:[A-Z]\.)+)", re.IGNORECASE)


def _after_preposition(before: list[str]) -> bool:
    """True when the words before a name end in a preposition, articles and initials aside."""
    words = list(before)
    while words and _DETERMINER_OR_INITIALS.fullmatch(words[-1]):
        words.pop()
    return bool(words) and words[-1].lower() in names.PREPOSITIONS


def _medium_name(phrase: str) -> str:
    """The proper name in a medium's description ("South Korea's Yonhap news agency" → "Yonhap"), or ""."""
    found = _NAME_BEFORE_KIND.search(phrase)
    words = found.group(1).split() if found else []
    while words and (not roles.is_name_word(words[0]) or words[0].endswith(names.POSSESSIVE)):
        words.pop(0)  # the owner or the side: "Russian", "Japan's"
    return " ".join(words)


def _name_after_title(phrase: str, name: str) -> bool:
    """True when a phrase is a title or role ending in this name: "Chinese Ambassador to the U.N. Zhang Jun"."""
    title, last = roles.split_title(phrase.strip())
    return last == name and len(name.split()) >= 2 and not roles.body_type(name) and roles.has_role_words(title)


def _joined_by_and(text: str, end: int, later: list[tuple[int, int, str, str]]) -> bool:
    """True when another name follows the head after "and" (titles and sides between allowed)."""
    joined = re.match(r"\s+and\s+", text[end:])
    if joined is None:
        return False
    for s, _e, what, _value in later:
        between = text[end + joined.end() : s].split()
        if what in (_ACTOR, _SURNAME, _NAMED, _PART) and all(
            w[:1].isupper() or w.lower() in roles.TITLE_WORDS for w in between
        ):
            return True
    return False


def _person_noun_follows(rest: str) -> bool:
    """True when a person's role noun follows a body in its phrase: "[US] president", "[ministry] spokesman"."""
    for word in rest.split():
        bare = word.strip(",.;:()").lower()
        if bare in roles.PERSON_NOUNS and bare not in ("man", "woman"):
            return True
        if bare in _CLAUSE_WORDS or bare in names.PREPOSITIONS:
            return False
    return False


def _titled_person_follows(reader: Reader, later: list[tuple[int, int, str, str]], end: int) -> bool:
    """True when a person's name follows a body after a title: "Foreign Ministry spokesman Hong Lei"."""
    for s, _e, what, value in later:
        between = reader.view.text[end:s].lower().split()
        titled = any(w.strip(",.") in roles.TITLE_WORDS for w in between)
        if titled and what in (_NAMED, _ACTOR, _SURNAME, _PART):
            if what == _ACTOR:
                return reader.registry[value].is_person
            return True
    return False


def _candidates(reader: Reader, start: int, end: int, phrase: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, value) of every possible head of a phrase, in text order."""
    view = reader.view
    found: list[tuple[int, int, str, str]] = [
        (s, e, _ACTOR if actor_id else _SURNAME, actor_id or surname)
        for s, e, actor_id, surname in view.mentions_within(start, end)
    ]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b, _, _ in found)

    definite = _DEFINITE.match(phrase)
    if definite and free(start, start + definite.end()):
        # "the Public Security Department of Liaoning province": the body's complement names whose it is
        complement = (
            _OF_NAME.match(phrase, definite.end()) if definite.group("noun").lower() in roles.BODY_NOUNS else None
        )
        found.append((start, start + (complement or definite).end(), _THE, definite.group("noun")))
    for s, e in names.names(view, start, end):
        words = view.text[s:e].split()
        if words[0] not in roles.FIRST_NOT_NAME and any(map(roles.is_name_word, words)) and free(s, e):
            found.append((s, e, _NAMED, view.text[s:e]))
    pronoun = _PRONOUN.match(phrase)
    if pronoun:
        found.append((start, start + pronoun.end(), _PRON, pronoun.group()))
    for match in re.finditer(r"\b[A-Z][\w’'-]+\b", phrase):
        s, e = start + match.start(), start + match.end()
        if free(s, e) and reader.memory.named_before(s, match.group()):
            found.append((s, e, _PART, match.group()))
    return sorted(found)


def _resolve(reader: Reader, start: int, end: int, what: str, value: str) -> Speaker:
    """The speaker one head candidate refers to (see the module docstring)."""
    memory, written = reader.memory, reader.view.text[start:end]
    if what == _ACTOR:  # with the role written around this mention, as the memory holds it
        named = mentions.registered(reader.registry, value)
        return memory.latest_named(named.name, start) or named
    if what in (_SURNAME, _PART):
        return mentions.resolve_name(memory, start, value, reader.registry)
    if what == _PRON and written.lower() == "it":
        return memory.body_before(start) or Speaker(written, "unknown", resolved=False)
    if what == _PRON:
        return memory.person_before(start) or Speaker(written, "unknown", is_person=True, resolved=False)
    if what == _THE:
        found = memory.described_before(start, value)
        named_side = roles.state_side(written)
        if found is not None and (not named_side or found.group == named_side):
            return found  # "the Russian Foreign Ministry" is not the foreign ministry named before, if that was China's
        noun = value.lower()
        if noun in roles.BODY_NOUNS:
            kind = roles.BODY_NOUNS[noun]
            kind = "media" if kind == roles.ANY_MEDIUM else kind
            return Speaker(written, roles.body_group(written, kind), body_type=kind)
        return describe(written)
    kind = roles.body_type(value)
    # A body's group from its name and its owner before it: "China's Ministry of Public Security".
    group = roles.body_group(names.owner_before(reader.view, start) + " " + value, kind) if kind else ""
    if kind and roles.body_type(roles.split_title(value)[1]) == kind:
        # A body's name is never a surname: "Foreign Ministry" (before "spokesman Geng Shuang") is not "Ministry".
        return memory.latest_named(value, start) or Speaker(value, group, body_type=kind)
    title, name = roles.split_title(value)
    if len(name.split()) == 1:
        return mentions.resolve_name(memory, start, name, reader.registry)
    same = memory.latest_named(name, start)
    if same is not None:
        return same
    if kind:
        return Speaker(value, group, body_type=kind)
    speaker = Speaker(name, "unknown", is_person=True)
    return with_roles(speaker, [title]) if title and roles.has_role_words(title) else speaker


def with_roles(speaker: Speaker, found_roles: list[str]) -> Speaker:
    """The speaker with its appositives; a name not in the registry takes its group from them. An unnamed source
    stays one whatever its appositive says ("the source, an academic at a think tank"): anonymity is what a reader
    of the quotation cannot check.
    """
    role = ", ".join([*([speaker.role] if speaker.role else []), *(r for r in found_roles if r not in speaker.role)])
    keeps_group = speaker.actor_id or speaker.body_type or speaker.group == "unnamed_source"
    group = speaker.group if keeps_group else roles.classify_role(role, named=speaker.is_person)
    return replace(speaker, role=role, group=group)


def describe(phrase: str) -> Speaker:
    """A description as a speaker: "A diplomatic source in Beijing", "Analysts", "others".

    Only a singular description with a role ("a diplomatic source", "an official") can be "he" later.
    A time after it is not part of it: "state media Thursday" → "state media".
    """
    phrase = _TRAILING_TIME.sub("", phrase) or phrase
    kind = roles.body_type(phrase)
    named = _medium_name(phrase) if kind in roles.MEDIA_TYPES else ""
    if kind and not _person_noun_follows(phrase):
        return Speaker(named or phrase, roles.body_group(phrase, kind), body_type=kind)
    group = roles.classify_role(phrase)
    singular = re.match(r"(?:a|an|one)\b", phrase, re.IGNORECASE) is not None
    return Speaker(phrase, group, is_person=singular and group != "unknown")


def relative_subject(reader: Reader, piece: tuple[int, int], clause: str, index: int) -> Head | None:
    """The subject before a relative clause, with the clause as its role when it says who they are."""
    text = reader.view.masked[piece[0] : piece[1]]
    start = piece[0] + len(text) - len(text.lstrip())
    head = noun_phrase(reader, start, piece[0] + len(text.rstrip()), index)
    if head is None or not roles.has_role_words(clause) or head.speaker.actor_id:
        return head
    return replace(head, speaker=with_roles(head.speaker, [clause]))


def antecedent(reader: Reader, piece: tuple[int, int], index: int) -> Head | None:
    """The noun phrase a subject "which" or "who" stands for: the whole piece before its comma, after a quotation
    and a preposition ("by North Korea's KCNA agency, which"); a clause there ("Xi met Kim, who") names nobody.
    """
    text = reader.view.masked[piece[0] : piece[1]]
    lead = re.match(r"[\s" + MASK + r"”\"’]*(?:(?:by|from|of|with|to|for)\s+)?", text, re.IGNORECASE)
    start = piece[0] + (lead.end() if lead else 0)
    if _FINITE_VERB.search(reader.view.masked, start, piece[1]):
        return None
    return noun_phrase(reader, start, piece[0] + len(text.rstrip()), index, strict=True)


# A verb that makes a piece a clause, not a noun phrase: "Xi met Kim at the airport, which …" (lower case only: a name
# such as "Ted" or "United" is no verb; "the armed forces" is refused too, an abstention and not a wrong speaker).
_FINITE_VERB = re.compile(
    r"\b(?:[a-z]+ed|met|meets|is|was|are|were|has|had|have|held|holds|saw|sees|told|gave|gives|made|makes|went|goes|"
    r"took|takes|sent|sends|said|says|visited|arrived|left|came|comes)\b"
)
