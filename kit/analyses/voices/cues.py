"""Attribution cues: the words that say who is speaking, and the speaker each names.

A cue is a reporting verb (said, stated, noted, added, told, warned, denounced, highlighted, called for…)
with its subject — before the verb ("Xi said", "Koh Yu-hwan, a professor at Dongguk University, shared
the view") or after it ("said Hong") — or "according to X", "X was quoted as saying (by Y)", "Y quoted X as
saying", or a statement noun ("a summary from Xinhua", "a report by KCNA"). A relay names a channel the way
"according to" names a source: "as quoted by Yonhap", "in a statement read on state television", "in an
article carried by South Korean newspapers".

The subject stands before what may come between it and its verb: an acronym in brackets ("the Korean
Central News Agency (KCNA) said"), adverbs and auxiliaries ("Reuters also added"), a relative clause ("one
diplomat, who asked not to be named, told"); a participle after "a letter from X" is X's ("Ri delivered a
letter from Kim expressing …"); two names joined by "and" are no single voice.

A subject resolves, first match wins: a registry actor named by an alias; a pronoun, a definite
description ("the spokesman", "the newspaper") or a bare name ("Wang", "Ambassador Lee") through the
:class:`~kit.analyses.voices.mentions.Memory`; a capitalised name not in the registry (with the role written
around it); otherwise a description ("a diplomatic source in Beijing"), classified by its words.

:func:`find_cues` reads sentences in order; every speaker it resolves joins the memory, so a "he said"
later finds the person quoted before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kit.analyses.voices import mentions, names, phrases, roles
from kit.analyses.voices.actors import Registry
from kit.analyses.voices.mentions import Memory
from kit.analyses.voices.phrases import Head, Reader, noun_phrase, with_roles
from kit.analyses.voices.records import MASK, Cue, DocView, Speaker
from kit.analyses.voices.roles import MEDIA_TYPES as MEDIA
from kit.preprocess import wordstart

# "according to X" and the relays that name a channel alike, e.g. "According to a news release from Xinhua",
# "…,” KCNA said, as quoted by South Korea's Yonhap news agency", "…,” the party said in a statement read on
# state television", "in an article that was carried by South Korean newspapers".
ACCORDING = re.compile(
    wordstart.words(
        r"according to|as (?:quoted|cited|carried|relayed) by|(?:quoted|cited|carried|relayed) by|"
        r"(?:read|broadcast|aired) on|(?:carried|published) (?:by|in)"
    )
    + r"\s+",
    re.IGNORECASE,
)
# The relays among them: they name a channel, never the voice a later "it" or "the report" means.
CHANNEL_ONLY = re.compile(r"(?!according)", re.IGNORECASE)
# "X was quoted as saying (by Y)", e.g. "Kim was quoted as saying by China's Xinhua Agency".
QUOTED_AS = re.compile(
    wordstart.words("was|were|is|are|has been|had been")
    + r"\s+(?:quoted|cited)\s+as\s+(?:saying|telling)\b(?:\s+by\s+)?",
    re.IGNORECASE,
)
# "Y paraphrased/quoted X as saying", e.g. "KCNA quoted him as saying", "quoting him as hailing …",
# "state media reported Xi's letter as saying": the speaker is X (the writer of a letter or message), via Y.
RELAYED = re.compile(
    wordstart.words("quoted|quoting|paraphrased|paraphrasing|cited|citing|reported|reporting|carried|carrying")
    + r"\s+(?P<who>[^,.;]{1,60}?)\s+as\s+(?:saying|telling|stating|noting|adding|warning|urging|stressing|"
    r"praising|calling|describing|hailing|denouncing|condemning|critici[sz]ing|welcoming|accusing|expressing|"
    r"emphasi[sz]ing|vowing|pledging|promising|insisting|declaring|asking|wishing|congratulating)\b",
    re.IGNORECASE,
)
# The writer of a text relayed: "Xi's letter", "Kim's New Year message" → Xi, Kim.
_WRITER_OF = re.compile(
    r"(?P<owner>.+?)['’]s?\s+(?:[\w-]+\s+){0,3}?(?:letter|message|statement|speech|remarks|greeting|card|reply|"
    r"telegram|cable|address|article|note)s?\s*$",
    re.IGNORECASE,
)
# A statement noun with its source, e.g. "summary from Xinhua", "a report by the Korean Central News Agency".
_TEXT_AND_SOURCE = (
    r"(?:news release|release|summary|statement|report|readout|communiqu[eé]|announcement|commentary|"
    r"editorial|dispatch|article)s?\s+(?:from|by|of|issued by|carried by|published by|in)\s+"
)
SOURCE_NOUN = re.compile(wordstart.words(_TEXT_AND_SOURCE), re.IGNORECASE)
# A text named before its source inside "according to …", e.g. "a report from ", "the latest statement by ".
_DOCUMENT_OF = re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?" + _TEXT_AND_SOURCE, re.IGNORECASE)
# Words that open a clause before its subject: "As Xinhua emphasized", "and warned".
_LEADING = re.compile(
    r"^(?:(?:and|but|as|while|when|although|though|which|who|so|then|yet|also|with)\b\s*)+", re.IGNORECASE
)
# Verbs whose subject may follow them after a quotation or a comma: "…,” said Hong.
_SAY = re.compile(r"said|says|added|adds|noted|notes|stated|wrote|writes|explained|told|asked|replied", re.I)
# A written message and its author right before a participle, e.g. "a personal letter from Kim Jong Un".
_MESSAGE_FROM = re.compile(
    r"\b(?:letter|message|telegram|cable|note|greetings?)\s+(?:from|by)\s+(?P<author>[^,;]+?)\s*$", re.IGNORECASE
)
# A relative clause between a subject and its verb, e.g. ", who asked not to be named,".
_RELATIVE = re.compile(r"(?:who|which)\s", re.IGNORECASE)
# Adverbs and auxiliaries between a subject and its verb, e.g. " also", " has repeatedly", " reportedly".
_BETWEEN_SUBJECT_AND_VERB = re.compile(
    r"(?:\s+(?:also|further|later|again|then|once|earlier|previously|recently|often|frequently|has|have|had|"
    r"would|will|may|might|could|can|[a-z]+(?:edly|ally|ately|ently|ously|ntly|rly|tly)))+\s*$"
)
# A short parenthesis right before a verb: an acronym or an aside, e.g. "(KCNA) ", "(pictured) ".
_PARENTHESIS_BEFORE = re.compile(r"\s*\([^()\u2591]{1,30}\)\s*$")
# A passive reporting verb names no speaker: "the visit was described as “unofficial”".
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# … but its agent right after the quotation does: "was described as “unofficial” by the foreign ministry".
_AGENT_AFTER_QUOTE = re.compile(r"(?:\s+as)?(?:\s+(?:an?|the))?\s*" + MASK + r"+\s*,?\s*by\s+", re.IGNORECASE)


def find_cues(view: DocView, memory: Memory, registry: Registry) -> tuple[list[Cue], Memory]:
    """Every cue of a document in reading order, and the memory grown by the speakers they name."""
    cues: list[Cue] = []
    for index, (start, end) in enumerate(view.sentence_spans):
        for kind, match in _matches(view, start, end):
            cue = _cue(Reader(view, memory, registry), kind, match, index, start, end)
            if cue is None:
                continue
            cues.append(cue)
            if cue.kind == "according" and CHANNEL_ONLY.match(view.text, cue.start):
                continue  # "as quoted by Yonhap": a channel, not the voice a later "the report said" means
            if cue.speaker is not None and cue.speaker.resolved and cue.speaker.name:
                memory.remember(mentions.speaking_mention(view, cue.start, cue.end, cue.speaker))
    return cues, memory


def _matches(view: DocView, start: int, end: int) -> list[tuple[str, re.Match[str]]]:
    """The cue patterns of one sentence, earlier kinds taking their words first, in text order."""
    found: list[tuple[int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in (
        ("quoted_as", QUOTED_AS),
        ("relayed", RELAYED),
        ("according", ACCORDING),
        ("source_noun", SOURCE_NOUN),
        ("verb", roles.REPORTING_VERBS),
    ):
        for match in pattern.finditer(view.masked, start, end):
            if kind == "verb" and match.group()[:1].isupper() and view.masked[start : match.start()].strip():
                continue  # "the United States", "Said Hassan": a capital mid-sentence is a name, not a verb
            if not any(a < match.end() and match.start() < b for a, b in taken):
                found.append((match.start(), kind, match))
                taken.append(match.span())
    return [(kind, match) for _, kind, match in sorted(found, key=lambda f: f[0])]


def _cue(reader: Reader, kind: str, match: re.Match[str], index: int, start: int, end: int) -> Cue | None:
    if kind in ("according", "source_noun"):
        document = _DOCUMENT_OF.match(reader.view.masked, match.end(), end) if kind == "according" else None
        # "according to a report from Reuters": the report's source is the source
        source = _after(reader, document.end() if document else match.end(), end, allow_prepositions=True)
        channel_only = kind == "according" and CHANNEL_ONLY.match(reader.view.text, match.start()) is not None
        if source is not None and channel_only and not (source.speaker.actor_id or source.speaker.body_type):
            source = None  # "broadcast on Monday", "published in 2019": a channel is a medium or nothing
        if source is None:
            return Cue(match.start(), match.end(), kind, index, None, verb_end=match.end())
        return Cue(match.start(), source.end, kind, index, source.speaker, verb_end=source.end)
    if kind == "relayed":
        channel = _before(reader, start, match.start(), index)
        writer = _WRITER_OF.match(match.group("who"))
        who_end = match.start("who") + writer.end("owner") if writer else match.end("who")
        who = _after(reader, match.start("who"), who_end, allow_prepositions=False)
        cue_start = min(channel.start, match.start()) if channel else match.start()
        speaker = who.speaker if who else None
        return Cue(cue_start, match.end(), kind, index, speaker, _speaker_of(channel), match.end())
    if kind == "verb" and _PASSIVE.search(reader.view.masked, max(start, match.start() - 20), match.start()):
        # "the visit was described as “unofficial”": no speaker, unless its agent follows the quotation ("… by KCNA")
        by = _AGENT_AFTER_QUOTE.match(reader.view.masked, match.end(), end)
        agent = _after(reader, by.end(), end, allow_prepositions=False) if by else None
        if agent is not None:
            return Cue(match.start(), agent.end, kind, index, agent.speaker, verb_end=match.end())
        return Cue(match.start(), match.end(), kind, index, None, verb_end=match.end())
    subject = _before(reader, start, match.start(), index)
    if kind == "quoted_as":
        by = re.search(r"\bby\s*$", match.group())
        channel = _after(reader, match.end(), end, allow_prepositions=True) if by else None
        cue_start = subject.start if subject else match.start()
        cue_end = channel.end if channel else match.end()
        return Cue(cue_start, cue_end, kind, index, _speaker_of(subject), _speaker_of(channel), cue_end)
    if subject is not None:
        via = _medium_told(reader, match, end)
        return Cue(subject.start, match.end(), kind, index, subject.speaker, via, match.end(), subject.anaphoric)
    if _SAY.fullmatch(match.group()):
        inverted = _after(reader, match.end(), end, allow_prepositions=False, inverted=True)
        if inverted is not None:
            return Cue(
                match.start(), inverted.end, kind, index, inverted.speaker, None, match.end(), inverted.anaphoric
            )
    return Cue(match.start(), match.end(), kind, index, None, verb_end=match.end())


def bare_participle(view: DocView, cue: Cue) -> bool:
    """A subjectless participle cue: "…,” adding, “…" (nothing but a quotation, a comma or "and" before it)."""
    if cue.speaker is not None or not view.text[cue.start : cue.end].lower().endswith("ing"):
        return False
    sentence_start = view.sentence_spans[cue.sentence][0]
    before = view.masked[clause_start(view.masked, sentence_start, cue.start) : cue.start].strip(" ,")
    return not before or before.lower() in ("and", "while")


def _speaker_of(head: Head | None) -> Speaker | None:
    return head.speaker if head is not None else None


def clause_start(masked: str, sentence_start: int, position: int) -> int:
    """Where the clause ending at ``position`` begins: after a quotation, ';', ':' or a dash."""
    for i in range(position - 1, sentence_start - 1, -1):
        if masked[i] in (MASK, ";", ":", "—", "–", "(", ")"):
            return i + 1
    return sentence_start


def segments(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of ``masked[start:end]`` as (start, end) offsets; at least one."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if masked[i] == ",":
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return pieces


def _before(reader: Reader, sentence_start: int, verb_start: int, index: int) -> Head | None:
    """The subject of a reporting verb.

    "Xi said" (the words before the verb), "Koh Yu-hwan, a professor at …, shared the view" (a name
    before appositives), "North Korea has … criticised China …, and warned" (a coordinated verb shares
    the clause's subject).
    """
    masked = reader.view.masked
    aside = _PARENTHESIS_BEFORE.search(masked, sentence_start, verb_start)
    if aside is not None and aside.start() > sentence_start:
        verb_start = aside.start()  # "the Korean Central News Agency (KCNA) said": the subject stands before it
    clause = clause_start(masked, sentence_start, verb_start)
    pieces = segments(masked, clause, verb_start)
    own_start, own_end = pieces[-1]
    own = masked[own_start:own_end]
    adverbs = _BETWEEN_SUBJECT_AND_VERB.search(own)
    if adverbs is not None:  # "Reuters also added", "Kim has repeatedly said": the subject ends before them
        own = own[: adverbs.start()]
    stripped = _LEADING.sub("", own.strip())
    coordinated = re.search(r"(?:^|\s)(?:and|but)$", own.strip(), re.IGNORECASE) is not None
    participle = not stripped and masked[verb_start : verb_start + 30].split()[0].lower().endswith("ing")
    if coordinated or participle:
        # "North Korea … criticised China …, and warned"; "Xi denounced the “bullying” … and highlighted";
        # "the ministry issued condolences, praising …": the verb shares the main clause's subject.
        return _main_subject(reader, sentence_start, verb_start, index)
    message = _MESSAGE_FROM.search(own)
    if message is not None and masked[verb_start : verb_start + 30].split()[0].lower().endswith("ing"):
        # "Ri delivered a letter from Kim Jong Un expressing …": the letter expresses what its author wrote
        return noun_phrase(reader, own_start + message.start("author"), own_start + len(own.rstrip()), index)
    if stripped and len(pieces) > 1 and names.is_appositive(stripped) and _DESCRIPTION_START.match(stripped):
        # "Lee Jung-hoon, a professor at Yonsei University says": the name before the appositive speaks
        name_start, name_end = pieces[-2]
        piece = masked[name_start:name_end]
        start = name_start + len(piece) - len(piece.lstrip())
        head = noun_phrase(reader, start, name_start + len(piece.rstrip()), index, strict=True)
        if head is not None and not head.described:
            return replace(head, speaker=with_roles(head.speaker, [stripped]))
    if own.strip().lower() in ("who", "which") and len(pieces) > 1:
        # "… billed as a “friendship performance” by KCNA, which praised the …": the pronoun's antecedent speaks
        return phrases.antecedent(reader, pieces[-2], index)
    if stripped:
        if stripped.split()[0].lower() in names.PREPOSITIONS:
            return None  # "of small countries": no subject
        np_start = own_start + (len(own) - len(own.lstrip())) + (len(own.strip()) - len(stripped))
        earlier = list(roles.REPORTING_VERBS.finditer(masked, np_start, verb_start))
        if earlier:  # "KCNA said Ri told": the subject of "told" starts after "said"
            np_start = (
                earlier[-1].end()
                + len(masked[earlier[-1].end() : verb_start])
                - len(masked[earlier[-1].end() : verb_start].lstrip())
            )
        return noun_phrase(reader, np_start, own_start + len(own.rstrip()), index)
    found_roles: list[str] = []
    for number, (seg_start, seg_end) in enumerate(reversed(pieces[:-1])):
        piece = masked[seg_start:seg_end]
        if number == 0 and _RELATIVE.match(piece.strip()) and len(pieces) > 2:
            # "one diplomat, who asked not to be named, told": the subject stands before the relative clause
            return phrases.relative_subject(reader, pieces[-3], piece.strip(), index)
        name_start = seg_start + len(piece) - len(piece.lstrip(" \t\n" + MASK))  # after the quotation it follows
        head = (
            noun_phrase(reader, name_start, seg_start + len(piece.rstrip()), index, strict=True)
            if found_roles
            else None
        )
        if head is not None and not head.described:  # the named speaker before their appositives
            return replace(head, speaker=with_roles(head.speaker, found_roles))
        if names.is_appositive(piece.strip()) or (number == 0 and _PLAIN_APPOSITIVE.fullmatch(piece.strip())):
            found_roles.insert(0, piece.strip())
            continue
        if found_roles:
            if head is not None:
                return replace(head, speaker=with_roles(head.speaker, found_roles))
            return _acronym_body(piece.strip(), name_start, found_roles)
        break
    return None


# "told Agence France-Presse", "wrote in Global Times", "said in an interview with the BBC", "told reporters from
# Reuters": the medium a speaker spoke to or wrote in is the quotation's channel.
_TOLD = re.compile(r"(?:told|tells|telling|wrote|writes|writing|said|says|saying)$", re.IGNORECASE)
_TO_MEDIUM = re.compile(
    r"\s+(?:in\s+(?:an?\s+)?(?:interview|article|op-ed|column|commentary)\s+(?:with|for|in|published by)\s+|"
    r"in\s+(?=the\s+[A-Z]|[A-Z])|to\s+|)",
)


def _medium_told(reader: Reader, match: re.Match[str], sentence_end: int) -> Speaker | None:
    """The medium right after "told" / "wrote in" / "said in an interview with", when there is one."""
    if not _TOLD.search(match.group()):
        return None
    gap = _TO_MEDIUM.match(reader.view.masked, match.end(), sentence_end)
    if gap is None:
        return None
    if not gap.group().strip() and not re.match(r"told|tells|telling", match.group(), re.IGNORECASE):
        return None  # "said Reuters" names the speaker, not a channel
    head = _after(reader, gap.end(), sentence_end, allow_prepositions=False)
    if head is None or head.speaker.body_type not in MEDIA:
        return None
    named = bool(head.speaker.actor_id) or re.search(r"[A-Z]", head.speaker.name) is not None
    return head.speaker if named else None  # "told reporters", "told local media": no channel named


def _acronym_body(piece: str, start: int, found_roles: list[str]) -> Head | None:
    """A body written as its acronym before an appositive that says what it is.

    "NHK, Japan's public broadcaster," → NHK, a broadcaster (its group from the appositive's words, never guessed).
    """
    kind = roles.body_type(found_roles[0])
    if not re.fullmatch(r"[A-Z][A-Z0-9&-]{1,7}", piece) or not kind:
        return None
    return Head(Speaker(piece, roles.body_group(found_roles[0], kind), body_type=kind), start, start + len(piece))


# An appositive right before the verb that names no role but says which one: "the National Centre for the
# Performing Arts, one of the venues of the concert, said" — a short noun phrase with no verb.
_PLAIN_APPOSITIVE = re.compile(r"(?:one of|a|an|another)\s+[^,;:()]{2,60}", re.IGNORECASE)
# An appositive's opening: "a professor …", "the head of …", "an expert …".
_DESCRIPTION_START = re.compile(r"(?:a|an|the|one|another)\s", re.IGNORECASE)


def _main_subject(reader: Reader, sentence_start: int, verb_start: int, index: int) -> Head | None:
    """The named subject opening the sentence (a description of a whole clause does not count)."""
    for piece_start, piece_end in segments(reader.view.masked, sentence_start, verb_start):
        head = noun_phrase(reader, piece_start, piece_end, index, strict=True, subject=True)
        if head is not None:
            return None if head.described else head
    return None


def _after(
    reader: Reader, position: int, sentence_end: int, *, allow_prepositions: bool, inverted: bool = False
) -> Head | None:
    """The name or description after a cue: "said Shin Beom-chul, a professor at …", "according to X"."""
    masked = reader.view.masked
    stop = sentence_end
    for i in range(position, sentence_end):
        if masked[i] in (",", ";", ":", MASK, "(") or (masked[i] == "." and _ends_sentence(masked, i)):
            stop = i
            break
    phrase = masked[position:stop]
    if not phrase.strip():
        return None
    if inverted and stop < sentence_end and masked[stop] == MASK:
        return None  # "said this CCTV report “appears …”": the phrase is the object, not a subject after the verb
    start = position + len(phrase) - len(phrase.lstrip())
    end = position + len(phrase.rstrip())
    index = reader.view.sentence_at(start)
    head = noun_phrase(reader, start, end, index, allow_prepositions=allow_prepositions, strict=inverted)
    if head is not None and inverted:
        found_roles = _roles_after(masked, end, sentence_end)
        if found_roles:
            head = replace(head, speaker=with_roles(head.speaker, found_roles))
    return head


def _ends_sentence(masked: str, i: int) -> bool:
    return i + 1 >= len(masked) or masked[i + 1].isspace()


def _roles_after(masked: str, position: int, sentence_end: int) -> list[str]:
    """Appositives after an inverted name: "said Shin Beom-chul, a professor at …"."""
    found = []
    while position < sentence_end and masked[position] == ",":
        following = segments(masked, position + 1, sentence_end)[0]
        piece = masked[following[0] : following[1]].strip().rstrip(".")
        if not names.is_appositive(piece):
            break
        found.append(piece)
        position = following[1]
    return found
