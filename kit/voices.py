"""Official voices: direct quotations, what kind each is, and who is speaking — through whom.

    quotes.find_spans (marks → spans) → cues (attribution words) → speakers (registry, surname rule,
    continuations) → extract_quotes: one row per quotation

**Kinds.** A quotation is ``speech`` when it is set off as a statement: it opens its sentence, or an
attribution cue stands right before it (``Kim stated, “…``, ``Xi noted that “…``) or right after it
(``…,” he said``, ``…,” according to Xinhua``). Any other quotation sits inside the journalist's own
sentence: it is a ``fragment`` (someone's words: ``vowed to hold “frequent high-level exchanges”``) when
a source is in play — an attribution cue in its sentence, or an "According to X," earlier in its
paragraph — and a ``term`` otherwise (scare quotes: a “big brother”, a “war economy”). A title-case name
(“My Companion”), a quotation after "named", "called", "dubbed", "known as", and a single-quoted span
that is not speech are always terms. Terms have no speaker: they are the journalist's words.

**Cues.** An attribution cue is a reporting verb (said, stated, noted, added, told, reported, warned,
agreed, expressed, referred to, pointed out …) with its subject — before the verb ("Xi said", "Koh
Yu-hwan, a professor at Dongguk University, shared the view") or after it ("said Hong") — or "according
to X", "X was quoted as saying (by Y)", "Y paraphrased X as saying", or a statement noun ("a summary
from Xinhua", "a report by KCNA").

**Speakers.** A cue's subject resolves, in this order, to: a registry actor named by an alias; a bare
surname by the surname rule (below); "he"/"she" → the person named most recently as speaking in the
passage (this paragraph and the three before, not across a subheading); a capitalised name not in the
registry, classified by its appositive ("a professor at" → analyst) and reported with ``registered``
False so users can add it; a description ("a diplomatic source in Beijing" → unnamed_source,
"analysts" → analyst, anything else → unknown).

**The surname rule.** A bare surname resolves (1) to the current speaker of the passage when they carry
that surname and no other registry person with it has been named since ("…,” said Hong." after "Hong
Min, director at …"); else (2) to the one registry person
with that surname *in play* — named in full in the article's first paragraph or in this or the previous
paragraph before the surname; else (3) when nobody with that surname is in play, to the registry's only
person with that surname. Two or more candidates leave the speaker unresolved (group ``unknown``):
in these articles "Kim" may be Kim Jong Un, Kim Dong-yub, Kim Il-sung or Kim Yong-chol.

**Relays.** ``via`` names the channel when it differs from the speaker: "Kim agreed that “…,” according
to Xinhua" → speaker Kim Jong Un, via Xinhua; "…,” Kim was quoted as saying by China's Xinhua Agency";
"Kim “said …,” Xinhua reported" (an actor right before the quotation, the channel after it); and an
"According to X," that opens an earlier sentence of the paragraph.

**Continuations.** A quotation that opens its sentence with no cue continues the speech quotation of
the sentence (or two) before, in this or the previous paragraph ("…,” Xi said. “This should not …”).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from kit import actors, gold, quotes, text
from kit.actors import Registry
from kit.errors import KitError
from kit.types import Prepared

QUOTE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "start",
    "end",
    "quote",
    "kind",
    "speaker",
    "speaker_group",
    "via",
    "cue",
    "speaker_id",
    "via_id",
    "registered",
    "role",
    "rule",
    "unclosed",
    "mark",
    "paragraph_id",
    "last_sentence_id",
]
KINDS = ("speech", "fragment", "term")
# How far back "he said" looks for the person speaking: this paragraph and this many before it.
PASSAGE_PARAGRAPHS = 3
# A continuation quotation follows the speech quotation at most this many sentences back.
CONTINUATION_SENTENCES = 2
# A quotation that opens its sentence counts as speech from this many words.
MIN_SPEECH_WORDS = 3
_MASK = "\u2591"

# Reporting verbs, e.g. "said", "noting", "pointed out", "shared the view".
_VERBS = re.compile(
    r"\b(?:said|says|say|saying|stated|states|stating|noted|notes|noting|added|adds|adding|told|tells|"
    r"reported|reports|wrote|writes|explained|explains|insisted|argued|argues|warned|warns|warn|warning|stressed|"
    r"stresses|emphasi[sz]ed|emphasi[sz]es|agreed|agrees|declared|announced|remarked|commented|acknowledged|"
    r"asserted|claimed|vowed|pledged|expressed|expressing|affirmed|affirming|referenced|referred to|"
    r"pointed out|shared the view|urged)\b",
    re.IGNORECASE,
)
# "according to X", e.g. "According to a news release from Xinhua".
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
# "X was quoted as saying (by Y)", e.g. "Kim was quoted as saying by China's Xinhua Agency".
_QUOTED_AS = re.compile(
    r"\b(?:was|were|is|are|has been|had been)\s+(?:quoted|cited)\s+as\s+(?:saying|telling)\b(?:\s+by\s+)?",
    re.IGNORECASE,
)
# "Y paraphrased/quoted X as saying", e.g. "Xinhua also paraphrased Kim as saying".
_RELAYED = re.compile(
    r"\b(?:quoted|paraphrased|cited)\s+(?P<who>[^,.;]{1,60}?)\s+as\s+(?:saying|telling)\b", re.IGNORECASE
)
# A statement noun with its source, e.g. "summary from Xinhua", "a report by the Korean Central News Agency".
_SOURCE_NOUN = re.compile(
    r"\b(?:news release|release|summary|statement|report|readout|communiqu[eé]|announcement|commentary|"
    r"editorial|dispatch)s?\s+(?:from|by|of|issued by)\s+",
    re.IGNORECASE,
)
# Words that open a clause before its subject: "As Xinhua emphasized", "and warned".
_LEADING = re.compile(
    r"^(?:(?:and|but|as|while|when|although|though|which|who|so|then|yet|also|with)\b\s*)+", re.IGNORECASE
)
# Verbs whose subject may follow them after a quotation or a comma: "…,” said Hong.
_SAY = re.compile(r"said|says|added|adds|noted|notes|stated|wrote|writes|explained|told", re.IGNORECASE)
# Markers for the candidates of a noun phrase that are not names: "he"/"she", a word of the current speaker's name.
_PRONOUN_MARK, _TURN_MARK = "<pronoun>", "<turn>"
_PREPOSITIONS = {"in", "at", "from", "of", "by", "with", "for", "to", "on", "about", "against", "between", "among"}
# A name not in the registry: two to four capitalised words, e.g. "Boo Seung-chan", "Nick Bisley".
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,3}\b")
_NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "As", "But", "And", "This", "That", "These", "Those", "It", "He",
    "She", "They", "We", "If", "When", "While", "North", "South", "East", "West", "President", "Premier",
    "Chairman", "Minister", "Foreign", "Chinese", "Korean", "According", "Both", "Since", "After", "Before",
}  # fmt: skip
# What makes an appositive or a description say who someone is.
_ROLE_SOURCE = re.compile(r"\b(?:sources?|insiders?|on condition of anonymity|declined to be named)\b", re.I)
_ROLE_ANALYST = re.compile(
    r"\b(?:professor|researcher|research fellow|fellow|analysts?|experts?|scholars?|economist|lecturer|"
    r"academic|think[- ]tank|institute|university|academy|studies|observers?)\b",
    re.IGNORECASE,
)
_ROLE_OFFICIAL = re.compile(
    r"\b(?:officials?|minister|ministry|spokes(?:person|man|woman)|ambassador|envoy|diplomats?|lawmakers?|"
    r"president|secretary|government|authorities|leader|premier|chairman|director|head|chief)\b",
    re.IGNORECASE,
)
_PRC = re.compile(r"\b(?:China|Chinese|PRC|Beijing|Communist Party of China|CCP|CPC)\b")
_DPRK = re.compile(r"\b(?:North Korean?|DPRK|Pyongyang|Workers['’] Party)\b")
# Words before a quotation that make it a name or a term: named the 'Year of …'.
_NAMING = re.compile(
    r"\b(?:named|called|dubbed|titled|entitled|known as|so-called|the term|the word|the phrase|slogan|motto)"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "de"}


@dataclass(frozen=True)
class Speaker:
    """Who a cue names: a registry actor, a name not in the registry, or a description."""

    name: str
    group: str
    actor_id: str = ""
    role: str = ""
    is_person: bool = False
    resolved: bool = True  # False for "he" with nobody in the passage, or an ambiguous surname


@dataclass(frozen=True)
class Cue:
    """Attribution words in a sentence: their span, what kind of cue, who speaks and through whom."""

    start: int
    end: int
    kind: str  # "verb", "according", "quoted_as", "relayed", "source_noun"
    sentence: int
    speaker: Speaker | None
    via: Speaker | None = None
    verb_end: int = 0  # where the reporting words end (a quotation right after them is set off)
    anaphoric: bool = False  # the speaker is "he"/"she" or the current speaker's surname

    @property
    def has_speaker(self) -> bool:
        """True when the cue names somebody."""
        return self.speaker is not None


@dataclass(frozen=True)
class _Head:
    """The speaker a noun phrase names, where the phrase starts and where its head ends."""

    speaker: Speaker
    start: int
    end: int
    anaphoric: bool = False


def _speaker_of(head: _Head | None) -> Speaker | None:
    return head.speaker if head is not None else None


@dataclass
class _Quote:
    span: quotes.Span
    sentence: int
    last_sentence: int
    paragraph: int
    kind: str = ""
    speaker: Speaker | None = None
    via: Speaker | None = None
    cue: Cue | None = None
    rule: str = ""
    set_off: bool = False  # a cue stands right before or after the quotation
    fallback: tuple | None = None  # (speaker, via, cue, rule) when neither sharing nor continuation applies


def extract_quotes(prepared: Prepared, registry: Registry | None = None) -> pd.DataFrame:
    """Every direct quotation of the corpus, with its kind, speaker, speaker group, channel and cue.

    Args:
        prepared: the prepared corpus.
        registry: the actor registry (default: :func:`kit.actors.load_registry`).

    Returns:
        One row per quotation (:data:`QUOTE_COLUMNS`): doc_id, sentence_id (where it opens), start/end
        (the quoted words: ``text[start:end]``, marks and a trailing comma left out), quote, kind
        (speech/fragment/term), speaker, speaker_group, via, cue (the attribution words as written),
        speaker_id / via_id (registry ids, empty when not registered), registered, role (the
        appositive: "a professor at Dongguk University"), rule (how the speaker was found: "cue after",
        "cue before", "shared", "sentence", "frame", "continuation", "echo", "none"), unclosed, mark (double or
        single), paragraph_id, last_sentence_id — ordered by document and position.
    """
    registry = registry or actors.load_registry()
    found = actors.mentions(prepared, registry)
    rows = []
    sentences_by_doc = dict(iter(prepared.sentences.groupby("doc_id", sort=False)))
    paragraphs_by_doc = dict(iter(prepared.paragraphs.groupby("doc_id", sort=False)))
    mentions_by_doc = dict(iter(found.groupby("doc_id", sort=False)))
    for doc in prepared.documents.itertuples(index=False):
        document = _Document(
            doc.doc_id,
            doc.text,
            sentences_by_doc.get(doc.doc_id, prepared.sentences.iloc[:0]),
            paragraphs_by_doc.get(doc.doc_id, prepared.paragraphs.iloc[:0]),
            mentions_by_doc.get(doc.doc_id, found.iloc[:0]),
            registry,
        )
        rows += document.rows()
    frame = pd.DataFrame.from_records(rows, columns=QUOTE_COLUMNS)
    frame = frame.astype({"registered": bool, "unclosed": bool})
    return frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


class _Document:
    """One article: its quotations, cues and mentions, resolved in reading order."""

    def __init__(
        self,
        doc_id: str,
        body: str,
        sentences: pd.DataFrame,
        paragraphs: pd.DataFrame,
        mentions: pd.DataFrame,
        registry: Registry,
    ):
        self.doc_id, self.text, self.registry = doc_id, body, registry
        self.sentence_ids = sentences.sentence_id.tolist()
        self.sentence_spans = list(zip(sentences.start.tolist(), sentences.end.tolist(), strict=True))
        self.sentence_starts = [s for s, _ in self.sentence_spans]
        self.sentence_paragraph = sentences.paragraph_id.tolist()
        self.paragraph_ids = paragraphs.paragraph_id.tolist()
        self.paragraph_spans = list(zip(paragraphs.start.tolist(), paragraphs.end.tolist(), strict=True))
        self.paragraph_kinds = paragraphs.kind.tolist()
        self.lead = next((i for i, kind in enumerate(self.paragraph_kinds) if kind == "paragraph"), 0)
        self.mentions = list(mentions[["start", "end", "actor_id", "surname"]].itertuples(index=False, name=None))
        self.spans = quotes.find_spans(body, self.paragraph_spans, self.sentence_spans)
        masked = list(body)
        for span in self.spans:
            if span.mark == "double":
                masked[span.open_at : span.outer_end] = _MASK * (span.outer_end - span.open_at)
        self.masked = "".join(masked)
        # (cue position, person, paragraph index) for every person named as speaking, in reading order.
        self.people: list[tuple[int, Speaker, int]] = []
        self.cues = self._cues()

    # ------------------------------------------------------------ positions

    def sentence_at(self, offset: int) -> int:
        """Index (into this document's sentences) of the sentence holding ``offset``."""
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    def paragraph_index(self, sentence: int) -> int:
        """Index (into this document's paragraphs) of a sentence's paragraph."""
        return self.paragraph_ids.index(self.sentence_paragraph[sentence])

    # ------------------------------------------------------------ cues and their speakers

    def _cues(self) -> list[Cue]:
        cues: list[Cue] = []
        for index, (start, end) in enumerate(self.sentence_spans):
            cues += self._sentence_cues(index, start, end)
        return cues

    def _sentence_cues(self, index: int, start: int, end: int) -> list[Cue]:
        """Cues of one sentence, speakers resolved left to right (so "he" sees the speakers before it)."""
        found: list[tuple[int, str, re.Match[str]]] = []
        taken: list[tuple[int, int]] = []
        for kind, pattern in (
            ("quoted_as", _QUOTED_AS),
            ("relayed", _RELAYED),
            ("according", _ACCORDING),
            ("source_noun", _SOURCE_NOUN),
            ("verb", _VERBS),
        ):
            for match in pattern.finditer(self.masked, start, end):
                if not any(a < match.end() and match.start() < b for a, b in taken):
                    found.append((match.start(), kind, match))
                    taken.append(match.span())
        cues = []
        for _, kind, match in sorted(found, key=lambda f: f[0]):
            cue = self._cue(kind, match, index, start, end)
            if cue is not None:
                cues.append(cue)
                if cue.speaker is not None and cue.speaker.is_person and cue.speaker.resolved:
                    self.people.append((cue.start, cue.speaker, self.paragraph_index(index)))
        return cues

    def _cue(self, kind: str, match: re.Match[str], index: int, start: int, end: int) -> Cue | None:
        if kind in ("according", "source_noun"):
            source = self._after(match.end(), end, allow_prepositions=True)
            if source is None:
                return Cue(match.start(), match.end(), kind, index, None, verb_end=match.end())
            return Cue(match.start(), source.end, kind, index, source.speaker, verb_end=source.end)
        if kind == "relayed":
            channel = self._before(start, match.start(), index)
            who = self._after(match.start("who"), match.end("who"), allow_prepositions=False)
            cue_start = min(channel.start, match.start()) if channel else match.start()
            return Cue(
                cue_start, match.end(), kind, index, who.speaker if who else None, _speaker_of(channel), match.end()
            )
        subject = self._before(start, match.start(), index)
        if kind == "quoted_as":
            by = re.search(r"\bby\s*$", match.group())
            channel = self._after(match.end(), end, allow_prepositions=True) if by else None
            cue_start = subject.start if subject else match.start()
            cue_end = channel.end if channel else match.end()
            return Cue(cue_start, cue_end, kind, index, _speaker_of(subject), _speaker_of(channel), cue_end)
        if subject is not None:
            return Cue(subject.start, match.end(), kind, index, subject.speaker, None, match.end(), subject.anaphoric)
        if _SAY.fullmatch(match.group()):
            inverted = self._after(match.end(), end, allow_prepositions=False, inverted=True)
            if inverted is not None:
                speaker = inverted.speaker
                return Cue(match.start(), inverted.end, kind, index, speaker, None, match.end(), inverted.anaphoric)
        return Cue(match.start(), match.end(), kind, index, None, verb_end=match.end())

    def _clause_start(self, sentence_start: int, position: int) -> int:
        """Where the clause ending at ``position`` begins: after a quotation, ';', ':' or a dash."""
        clause = sentence_start
        for i in range(position - 1, sentence_start - 1, -1):
            if self.masked[i] in (_MASK, ";", ":", "—", "–", "(", ")"):
                clause = i + 1
                break
        return clause

    def _before(self, sentence_start: int, verb_start: int, index: int) -> _Head | None:
        """The subject of a reporting verb.

        "Xi said" (the words before the verb), "Koh Yu-hwan, a professor at …, shared the view" (a name
        before appositives), "North Korea has … criticised China …, and warned" (a coordinated verb
        shares the clause's subject).
        """
        clause = self._clause_start(sentence_start, verb_start)
        segments = _segments(self.masked, clause, verb_start)
        own_start, own_end = segments[-1]
        own = self.masked[own_start:own_end]
        stripped = _LEADING.sub("", own.strip())
        if stripped:
            np_start = own_start + (len(own) - len(own.lstrip())) + (len(own.strip()) - len(stripped))
            return self._noun_phrase(np_start, own_start + len(own.rstrip()), index)
        if re.fullmatch(r"\s*(?:and|but)\s*", own, re.IGNORECASE) and len(segments) > 1:
            first_start, first_end = segments[0]
            return self._noun_phrase(first_start, first_end, index, strict=True, subject=True)
        roles = []
        for seg_start, seg_end in reversed(segments[:-1]):
            piece = self.masked[seg_start:seg_end]
            if _is_appositive(piece.strip()):
                roles.insert(0, piece.strip())
                continue
            if roles:
                name_start = seg_start + len(piece) - len(piece.lstrip())
                head = self._noun_phrase(name_start, seg_start + len(piece.rstrip()), index, strict=True)
                if head is not None:
                    return replace(head, speaker=_with_roles(head.speaker, roles))
            break
        return None

    def _after(
        self, position: int, sentence_end: int, *, allow_prepositions: bool, inverted: bool = False
    ) -> _Head | None:
        """The name or description after a cue: "said Shin Beom-chul, a professor at …", "according to X"."""
        stop = sentence_end
        for i in range(position, sentence_end):
            if self.masked[i] in (",", ";", ":", _MASK, "(") or (
                self.masked[i] == "." and _ends_sentence(self.masked, i)
            ):
                stop = i
                break
        phrase = self.masked[position:stop]
        if not phrase.strip():
            return None
        start = position + len(phrase) - len(phrase.lstrip())
        end = position + len(phrase.rstrip())
        head = self._noun_phrase(
            start, end, self.sentence_at(start), allow_prepositions=allow_prepositions, strict=inverted
        )
        if head is not None and inverted:
            roles = self._roles_after(end, sentence_end)
            if roles:
                head = replace(head, speaker=_with_roles(head.speaker, roles))
        return head

    def _roles_after(self, position: int, sentence_end: int) -> list[str]:
        """Appositives after an inverted name: "said Shin Beom-chul, a professor at …"."""
        roles = []
        while position < sentence_end and self.masked[position] == ",":
            following = _segments(self.masked, position + 1, sentence_end)[0]
            piece = self.masked[following[0] : following[1]].strip().rstrip(".")
            if not _is_appositive(piece):
                break
            roles.append(piece)
            position = following[1]
        return roles

    def _noun_phrase(
        self,
        start: int,
        end: int,
        index: int,
        *,
        allow_prepositions: bool = False,
        strict: bool = False,
        subject: bool = False,
    ) -> _Head | None:
        """Resolve the speaker a noun phrase names.

        The head is the first registry mention, surname, pronoun or capitalised name that is neither a
        possessor ("China's …") nor inside a prepositional phrase ("a source in Beijing"). Without one,
        the phrase is a description, classified by its words; ``strict`` refuses descriptions.
        ``subject`` reads only the phrase's first words (the subject of a whole clause).
        """
        phrase = self.text[start:end]
        if not phrase.strip() or (len(phrase.split()) > 12 and not (allow_prepositions or subject)):
            return None
        candidates: list[tuple[int, int, str, str]] = [
            (s, e, actor_id, surname) for s, e, actor_id, surname in self.mentions if start <= s and e <= end
        ]
        for match in _NAME.finditer(phrase):
            s, e = start + match.start(), start + match.end()
            if match.group().split()[0] in _NOT_NAMES:
                continue
            if not any(a < e and s < b for a, b, _, _ in candidates):
                candidates.append((s, e, "", ""))
        pronoun = re.match(r"(he|she)\b", phrase, re.IGNORECASE)
        if pronoun:
            candidates.append((start, start + pronoun.end(), "", _PRONOUN_MARK))
        turn_word = self._turn_word(phrase, start)
        if turn_word is not None and not any(a <= turn_word[0] < b for a, b, _, _ in candidates):
            candidates.append((*turn_word, "", _TURN_MARK))
        for s, e, actor_id, surname in sorted(candidates):
            before = self.text[start:s].split()
            after = self.text[e : e + 2]
            if after[:2] in ("'s", "’s") or (after[:1] in ("'", "’") and self.text[e - 1] == "s"):
                continue
            if not allow_prepositions and before and before[-1].lower() in _PREPOSITIONS:
                continue
            if subject and len(before) > 3:
                return None
            speaker = self._speaker(s, e, actor_id, surname, index)
            return _Head(speaker, start, e, surname in (_PRONOUN_MARK, _TURN_MARK))
        if strict:
            return None
        return _Head(_describe(phrase.strip()), start, end)

    def _turn_word(self, phrase: str, start: int) -> tuple[int, int] | None:
        """A single capitalised word that is part of the current speaker's name ("said Hong")."""
        turn = self._turn(start)
        if turn is None:
            return None
        words = set(turn.name.replace("-", " ").split())
        for match in re.finditer(r"\b[A-Z][a-z]+\b", phrase):
            if match.group() in words:
                return start + match.start(), start + match.end()
        return None

    def _speaker(self, start: int, end: int, actor_id: str, surname: str, index: int) -> Speaker:
        if actor_id:
            return _registered(self.registry[actor_id])
        if surname == _PRONOUN_MARK:
            turn = self._turn(start)
            return (
                turn if turn is not None else Speaker(self.text[start:end], "unknown", is_person=True, resolved=False)
            )
        if surname == _TURN_MARK:
            return self._turn(start) or Speaker(self.text[start:end], "unknown", is_person=True, resolved=False)
        if surname:
            return self._surname(surname, start, index)
        return Speaker(self.text[start:end], "unknown", is_person=True)

    def _turn(self, position: int) -> Speaker | None:
        """The person named most recently as speaking before ``position``, within the passage."""
        entry = self._turn_entry(position)
        return entry[1] if entry is not None else None

    def _turn_entry(self, position: int) -> tuple[int, Speaker] | None:
        earlier = [(at, speaker, paragraph) for at, speaker, paragraph in self.people if at < position]
        if not earlier:
            return None
        at, speaker, paragraph = earlier[-1]
        here = self.paragraph_index(self.sentence_at(position))
        between = self.paragraph_kinds[paragraph : here + 1]
        if here - paragraph > PASSAGE_PARAGRAPHS or "subheading" in between:
            return None
        return at, speaker

    def _surname(self, surname: str, position: int, index: int) -> Speaker:
        """The surname rule (see the module docstring)."""
        candidates = self.registry.with_surname(surname)
        entry = self._turn_entry(position)
        if entry is not None:
            since, turn = entry
            others = {c.id for c in candidates if c.id != turn.actor_id}
            named_since = any(since < s < position and actor_id in others for s, _, actor_id, _ in self.mentions)
            if not named_since and (
                (turn.actor_id and turn.actor_id in {c.id for c in candidates})
                or (not turn.actor_id and surname in turn.name.replace("-", " ").split())
            ):
                return turn
        here = self.paragraph_index(index)
        nearby = {self.lead, here - 1, here}
        in_play = [
            candidate
            for candidate in candidates
            if any(
                actor_id == candidate.id and s < position and self.paragraph_index(self.sentence_at(s)) in nearby
                for s, _, actor_id, _ in self.mentions
            )
        ]
        if len(in_play) == 1:
            return _registered(in_play[0])
        if not in_play and len(candidates) == 1:
            return _registered(candidates[0])
        return Speaker(surname, "unknown", is_person=True, resolved=False)

    # ------------------------------------------------------------ quotations

    def rows(self) -> list[tuple]:
        """The document's quotations as table rows."""
        found = [self._attribute(span) for span in self.spans]
        self._share(found)
        self._continue(found)
        for i, quote in enumerate(found):
            if quote.speaker is None and quote.fallback is not None:
                self._set(quote, quote.fallback)
            quote.kind = self._kind(quote)
            if quote.kind != "speech":
                self._echo(quote, found[:i])
            if quote.via is None and quote.cue is not None and quote.cue.anaphoric:
                self._inherit_via(quote, found[:i])
            if quote.kind == "term":
                quote.speaker, quote.via, quote.cue, quote.rule = None, None, None, ""
            elif quote.speaker is None:
                quote.rule = "none"
        return [self._row(q) for q in found]

    def _attribute(self, span: quotes.Span) -> _Quote:
        """Speaker and channel from the quotation's own cues, in order of precedence (module docstring)."""
        first = self.sentence_at(span.open_at)
        last = self.sentence_at(max(span.end - 1, span.start))
        quote = _Quote(span, first, last, self.paragraph_index(first))
        after = self._cue_after(span, last)
        before = self._cue_before(span, first)
        quote.set_off = after is not None or before is not None
        in_sentence = [c for c in self.cues if first <= c.sentence <= last and c not in (after, before)]
        according = next(
            (c for c in (after, before, *in_sentence) if c is not None and c.kind == "according" and c.has_speaker),
            None,
        )
        frame = self._frame(first)
        channel = according.speaker if according is not None else (frame.speaker if frame is not None else None)
        # 1. A cue with a subject right after or right before the quotation.
        for cue, rule in ((after, "cue after"), (before, "cue before")):
            if cue is not None and cue.kind != "according" and cue.has_speaker:
                speaker, via = cue.speaker, cue.via
                relay = self._actor_right_before(span.open_at) if cue is after else None
                if relay is not None and relay.name != cue.speaker.name:  # Kim “said …,” Xinhua reported
                    speaker, via = relay, cue.speaker
                return self._set(quote, (speaker, via or channel, cue, rule))
        # 2. "…,” according to X": the subject of the sentence's verb speaks, through X.
        if according is not None and according in (after, before):
            verb = self._best(in_sentence, span, kinds=("verb", "relayed", "quoted_as"))
            if verb is not None:
                return self._set(quote, (verb.speaker, verb.via or channel, verb, "sentence"))
            rule = "cue after" if according is after else "cue before"
            return self._set(quote, (according.speaker, None, according, rule))
        # 3. The sentence's other cues, then its "according to", then the paragraph's frame.
        best = self._best(in_sentence, span, kinds=("verb", "relayed", "quoted_as", "source_noun"))
        if best is not None:
            choice = (best.speaker, best.via or channel, best, "sentence")
        elif according is not None:
            choice = (according.speaker, None, according, "sentence")
        elif frame is not None:
            choice = (frame.speaker, None, frame, "frame")
        else:
            choice = None
        if (
            quote.set_off
            or span.unclosed
            or (choice is not None and choice[3] == "frame" and self._opens_sentence(quote))
        ):
            # "…, adding, “…" or a quotation opening its sentence: a neighbour or the quotation before
            # may speak for it; the sentence's cues are only the fallback.
            quote.cue, quote.fallback = after or before, choice
            return quote
        return self._set(quote, choice) if choice is not None else quote

    def _echo(self, quote: _Quote, earlier: list[_Quote]) -> None:
        """A phrase repeating words of an earlier speech quotation is that speaker's phrase.

        Hong Min said that the “progressive and synchronous measures” …: Kim's words, quoted earlier.
        """
        words = _comparable(self.text[quote.span.start : quote.span.end])
        if len(words.split()) < 2:
            return
        for source in reversed(earlier):
            said = _comparable(self.text[source.span.start : source.span.end])
            if source.kind == "speech" and source.speaker is not None and f" {words} " in f" {said} ":
                quote.speaker, quote.via, quote.cue, quote.rule = source.speaker, source.via, source.cue, "echo"
                quote.kind = self._kind(quote)
                return

    def _inherit_via(self, quote: _Quote, earlier: list[_Quote]) -> None:
        """The channel of a "he said" continues: "Kim agreed that “…,” according to Xinhua. He added …"."""
        for source in reversed(earlier):
            if quote.paragraph - source.paragraph > 1:
                return
            if source.speaker is not None and quote.speaker is not None and source.speaker.name == quote.speaker.name:
                quote.via = source.via
                return

    def _set(self, quote: _Quote, choice: tuple) -> _Quote:
        speaker, via, cue, rule = choice
        quote.speaker, quote.cue, quote.rule = speaker, cue, rule
        if via is not None and speaker is not None and via.name != speaker.name:
            quote.via = via
        return quote

    def _cue_after(self, span: quotes.Span, sentence: int) -> Cue | None:
        """A cue right after the closing mark, in the same sentence: "…,” he said", "…,” according to X"."""
        sentence_end = self.sentence_spans[sentence][1]
        for cue in self.cues:
            if span.outer_end <= cue.start < sentence_end:
                gap = self.masked[span.outer_end : cue.start]
                return cue if re.fullmatch(r"[\s,]*", gap) else None
        return None

    def _cue_before(self, span: quotes.Span, sentence: int) -> Cue | None:
        """A cue right before the opening mark: "Kim stated, “…", "Xi noted that “…", "adding, “…"."""
        start = self.sentence_spans[sentence][0]
        for cue in reversed(self.cues):
            if start <= cue.start and cue.verb_end and cue.verb_end <= span.open_at:
                gap = self.masked[cue.verb_end : span.open_at]
                return cue if re.fullmatch(r"\s*(?:that\s*)?[,:]?\s*", gap, re.IGNORECASE) else None
        return None

    def _best(self, cues: list[Cue], span: quotes.Span, *, kinds: tuple[str, ...]) -> Cue | None:
        """The sentence's cue for a quotation without an adjacent one: named speakers before descriptions,
        then the nearest cue before the quotation, then the nearest after.
        """
        usable = [c for c in cues if c.kind in kinds and c.speaker is not None]
        if not usable:
            return None

        def rank(cue: Cue) -> tuple:
            speaker = cue.speaker
            named = speaker is not None and speaker.resolved and bool(speaker.actor_id or speaker.is_person)
            distance = span.open_at - cue.end if cue.end <= span.open_at else cue.start - span.outer_end + 10_000
            return (0 if named else 1, distance, cue.start)

        return min(usable, key=rank)

    def _frame(self, sentence: int) -> Cue | None:
        """The latest "According to X," opening an earlier sentence of the same paragraph."""
        paragraph = self.sentence_paragraph[sentence]
        frames = [
            c
            for c in self.cues
            if c.kind == "according"
            and c.has_speaker
            and c.sentence < sentence
            and self.sentence_paragraph[c.sentence] == paragraph
            and not self.masked[self.sentence_spans[c.sentence][0] : c.start].strip(" (")
        ]
        return frames[-1] if frames else None

    def _actor_right_before(self, open_at: int) -> Speaker | None:
        """A registry actor written right before the opening mark: Kim “said …,” Xinhua reported."""
        for start, end, actor_id, surname in self.mentions:
            if end <= open_at and not self.text[end:open_at].strip():
                return self._speaker(start, end, actor_id, surname, self.sentence_at(start))
        return None

    def _share(self, found: list[_Quote]) -> None:
        """Quotations side by side in a sentence share a speaker: "Kim stated, “…,” adding, “…”" and an
        unclosed first part ("“Whether it's true or not, “the messaging is pretty clear,” he said").
        """
        for _ in range(2):
            for i, quote in enumerate(found):
                if quote.speaker is not None or (not quote.set_off and not quote.span.unclosed):
                    continue
                for j in (i - 1, i + 1):
                    if not 0 <= j < len(found) or found[j].speaker is None:
                        continue
                    first, second = (found[j], quote) if j < i else (quote, found[j])
                    if first.last_sentence != second.sentence:
                        continue
                    gap = self.masked[first.span.outer_end : second.span.open_at]
                    if re.fullmatch(r"[\s,]*(?:(?:and\s+)?(?:adding|added|he added|she added)\b)?[\s,:]*", gap):
                        other = found[j]
                        quote.speaker, quote.via, quote.cue, quote.rule = other.speaker, other.via, other.cue, "shared"
                        break

    def _continue(self, found: list[_Quote]) -> None:
        """A quotation opening its sentence without a cue continues the speech quotation just before."""
        for i, quote in enumerate(found):
            if quote.speaker is not None or quote.set_off or not self._opens_sentence(quote):
                continue
            previous = next((q for q in reversed(found[:i]) if q.span.mark == "double"), None)
            if previous is None or previous.speaker is None:
                continue
            if not (previous.set_off or self._opens_sentence(previous)):
                continue
            close = quote.sentence - previous.last_sentence <= CONTINUATION_SENTENCES
            if close and quote.paragraph - previous.paragraph <= 1:
                quote.speaker, quote.via, quote.cue, quote.rule = previous.speaker, previous.via, None, "continuation"

    def _opens_sentence(self, quote: _Quote) -> bool:
        sentence_start = self.sentence_spans[quote.sentence][0]
        return not self.masked[sentence_start : quote.span.open_at].strip()

    def _kind(self, quote: _Quote) -> str:
        span = quote.span
        words = re.findall(r"\w+", self.text[span.start : span.end])
        opens = self._opens_sentence(quote) and len(words) >= MIN_SPEECH_WORDS
        if quote.set_off or opens:
            return "speech"
        if span.mark == "single" or self._name_like(span):
            return "term"
        return "fragment" if quote.speaker is not None else "term"

    def _name_like(self, span: quotes.Span) -> bool:
        """A title-case name ("My Companion") or a quotation after "named", "called", "dubbed"…"""
        sentence_start = self.sentence_spans[self.sentence_at(span.open_at)][0]
        if _NAMING.search(self.text[sentence_start : span.open_at]):
            return True
        words = self.text[span.start : span.end].rstrip(".").split()
        if not words or len(words) > 6:
            return False
        capitalised = [w[:1].isupper() for w in words]
        return any(capitalised) and all(
            cap or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for cap, w in zip(capitalised, words, strict=True)
        )

    def _row(self, quote: _Quote) -> tuple:
        span, speaker, via = quote.span, quote.speaker, quote.via
        shown = quote.cue is not None and quote.rule not in ("continuation", "none")
        cue_text = self.text[quote.cue.start : quote.cue.end] if shown else ""
        group = "" if quote.kind == "term" else (speaker.group if speaker is not None else "unknown")
        return (
            self.doc_id,
            self.sentence_ids[quote.sentence],
            span.start,
            span.end,
            self.text[span.start : span.end],
            quote.kind,
            speaker.name if speaker is not None else "",
            group,
            via.name if via is not None else "",
            " ".join(cue_text.split()),
            speaker.actor_id if speaker is not None else "",
            via.actor_id if via is not None else "",
            bool(speaker is not None and speaker.actor_id),
            speaker.role if speaker is not None else "",
            quote.rule,
            span.unclosed,
            span.mark,
            self.paragraph_ids[quote.paragraph],
            self.sentence_ids[quote.last_sentence],
        )


def _segments(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of ``masked[start:end]`` as (start, end) offsets; at least one."""
    pieces, piece_start = [], start
    for i in range(start, end):
        if masked[i] == ",":
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return pieces


def _ends_sentence(masked: str, i: int) -> bool:
    return i + 1 >= len(masked) or masked[i + 1].isspace()


def _is_appositive(piece: str) -> bool:
    """True for a piece that says who someone is: "a professor at Dongguk University", "a think tank"."""
    if not piece or len(piece.split()) > 16 or _VERBS.search(piece):
        return False
    return bool(_ROLE_ANALYST.search(piece) or _ROLE_SOURCE.search(piece) or _ROLE_OFFICIAL.search(piece))


def classify_role(description: str) -> str:
    """The speaker group an appositive or description points to.

    ``"a diplomatic source in Beijing"`` → unnamed_source; ``"a professor at Dongguk University"``,
    ``"director at the Korea Institute for National Unification"``, ``"analysts"`` → analyst;
    ``"a Chinese foreign ministry spokesperson"`` → official_prc; a North Korean official →
    official_dprk; other officials → official_other; anything else → unknown.
    """
    if _ROLE_SOURCE.search(description):
        return "unnamed_source"
    if _ROLE_ANALYST.search(description):
        return "analyst"
    if _ROLE_OFFICIAL.search(description):
        if _DPRK.search(description):
            return "official_dprk"
        if _PRC.search(description):
            return "official_prc"
        return "official_other"
    return "unknown"


def _with_roles(speaker: Speaker, roles: list[str]) -> Speaker:
    """The speaker with its appositives; a name not in the registry takes its group from them."""
    role = ", ".join(roles)
    return replace(speaker, role=role, group=speaker.group if speaker.actor_id else classify_role(role))


def _describe(phrase: str) -> Speaker:
    """A description as a speaker: "A diplomatic source in Beijing", "Analysts", "others".

    Only a singular description with a role ("a diplomatic source", "an official") can be "he" later.
    """
    group = classify_role(phrase)
    singular = re.match(r"(?:a|an|one)\b", phrase, re.IGNORECASE) is not None
    return Speaker(phrase, group, is_person=singular and group != "unknown")


def _registered(actor: actors.Actor) -> Speaker:
    return Speaker(actor.name, actor.group, actor.id, is_person=actor.is_person)


# ---------------------------------------------------------------- views


def unregistered_speakers(quotes_table: pd.DataFrame) -> pd.DataFrame:
    """Named speakers the registry does not know, to copy into a registry file.

    Returns:
        speaker, speaker_group (from the appositive), role, quotes (how many), doc_ids — sorted by name.
        Descriptions ("a diplomatic source …") and unresolved pronouns or surnames are left out.
    """
    voices = quotes_table[(quotes_table.kind != "term") & ~quotes_table.registered & (quotes_table.speaker != "")]
    voices = voices[voices.speaker.str.match(r"^[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,3}$")]
    rows = []
    for speaker, group in voices.groupby("speaker", sort=True):
        roles = [r for r in group.role if r]
        rows.append(
            (
                speaker,
                group.speaker_group.iloc[0],
                roles[0] if roles else "",
                len(group),
                ", ".join(sorted(set(group.doc_id))),
            )
        )
    return pd.DataFrame(rows, columns=["speaker", "speaker_group", "role", "quotes", "doc_ids"])


# ---------------------------------------------------------------- validation against a hand-coded file

GOLD_COLUMNS = ("doc_id", "quote", "speaker", "group")


def read_gold(path: str | Path, prepared: Prepared) -> pd.DataFrame:
    """Read a hand-coded quotes file: doc_id, quote (its first words), speaker, group; optional kind, via.

    A row whose kind is ``term`` leaves speaker and group empty (a term has no speaker).

    Raises:
        KitError: one line naming the file, line and column: see :func:`kit.gold.read_csv`, plus a
            missing speaker or group column, an empty speaker or group on a row that is not a term, an
            unknown group or kind.
    """
    rows = gold.read_csv(
        path,
        required=("doc_id", "quote"),
        optional=(*GOLD_COLUMNS[2:], "kind", "via"),
        in_header=GOLD_COLUMNS[2:],
        doc_ids=set(prepared.documents.doc_id),
    )
    for row in rows.itertuples(index=False):
        if row.kind and row.kind not in KINDS:
            raise KitError(f"{path} line {row.line}: column 'kind' is {row.kind!r}, expected one of {', '.join(KINDS)}")
        for column in GOLD_COLUMNS[2:]:
            if row.kind != "term" and not getattr(row, column):
                raise KitError(f"{path} line {row.line}: column {column!r} is empty (only a term has no speaker)")
        if row.group and row.group not in actors.GROUPS:
            groups = ", ".join(actors.GROUPS)
            raise KitError(f"{path} line {row.line}: column 'group' is {row.group!r}, expected one of {groups}")
    return rows


def _comparable(value: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.normalise(value)).split())


def score(
    quotes_table: pd.DataFrame, gold_rows: pd.DataFrame, registry: Registry | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compare extracted quotations with hand-coded ones.

    A gold row is *found* when a quotation of the same document starts with its words (case, quote
    marks and punctuation ignored). The speaker is right when the gold name is the kit's speaker or one
    of the registry's names for it; the group, kind and via are compared as written.

    Returns:
        ``(per_gold, extra)``: the gold rows with found, kit_speaker, speaker_ok, group_ok, kind_ok,
        via_ok (``<NA>`` where the gold leaves kind or via empty), start, end; and the kit's speech and
        fragment quotations no gold row matched.

        A gold term (kind ``term``, no speaker) is right when the kit also reads it as a term.
    """
    registry = registry or actors.load_registry()
    quote_texts = [_comparable(q) for q in quotes_table.quote]
    used: set[int] = set()
    records = []
    for row in gold_rows.itertuples(index=False):
        words = _comparable(row.quote)
        match = next(
            (
                i
                for i, (doc_id, quoted) in enumerate(zip(quotes_table.doc_id, quote_texts, strict=True))
                if doc_id == row.doc_id and i not in used and words and quoted.startswith(words)
            ),
            None,
        )
        if match is None:
            records.append((*row, False, "", "", False, False, pd.NA, pd.NA, -1, -1))
            continue
        used.add(match)
        kit = quotes_table.iloc[match]
        speaker_ok = _same_actor(row.speaker, kit.speaker, kit.speaker_id, registry)
        via_ok = pd.NA if not row.via else _same_actor(row.via, kit.via, kit.via_id, registry)
        kind_ok = pd.NA if not row.kind else row.kind == kit.kind
        records.append(
            (
                *row,
                True,
                kit.speaker,
                kit.speaker_group,
                speaker_ok,
                row.group == kit.speaker_group,
                kind_ok,
                via_ok,
                int(kit.start),
                int(kit.end),
            )
        )
    columns = [
        *gold_rows.columns,
        "found",
        "kit_speaker",
        "kit_group",
        "speaker_ok",
        "group_ok",
        "kind_ok",
        "via_ok",
        "start",
        "end",
    ]
    per_gold = pd.DataFrame.from_records(records, columns=columns)
    voices = quotes_table[quotes_table.kind != "term"]
    extra = voices[voices.index.to_series().map(lambda i: i not in used).astype(bool)]
    return per_gold, extra.reset_index(drop=True)


def _same_actor(gold_name: str, kit_name: str, kit_id: str, registry: Registry) -> bool:
    wanted = _comparable(gold_name)
    if wanted == _comparable(kit_name):
        return True
    return bool(kit_id) and wanted in {_comparable(form) for form in registry.names_of(kit_id)}


def summary(per_gold: pd.DataFrame, extra: pd.DataFrame) -> dict[str, str]:
    """Agreement rates as printable strings: found, speaker, group, kind, via, and quotations not in gold."""
    found = per_gold[per_gold.found]
    lines = {
        "found": gold.rate(len(found), len(per_gold)),
        "speaker right (of found)": gold.rate(int(found.speaker_ok.sum()), len(found)),
        "group right (of found)": gold.rate(int(found.group_ok.sum()), len(found)),
    }
    for column, label in (("kind_ok", "kind right"), ("via_ok", "via right")):
        coded = found[found[column].notna()]
        if len(coded):
            lines[f"{label} (of found and coded)"] = gold.rate(int(coded[column].astype(bool).sum()), len(coded))
    lines["speech or fragment quotations not in gold"] = str(len(extra))
    return lines


def validate(prepared: Prepared, gold_path: str) -> str:
    """``python -m kit validate quotes --gold FILE``: the kit's agreement with a hand-coded file, as text."""
    gold_rows = read_gold(gold_path, prepared)
    per_gold, extra = score(extract_quotes(prepared), gold_rows)
    lines = [f"gold: {gold_path} ({len(gold_rows)} quotations in {gold_rows.doc_id.nunique()} documents)"]
    lines += [f"{name}: {value}" for name, value in summary(per_gold, extra).items()]
    for row in per_gold[~per_gold.found].itertuples(index=False):
        lines.append(f"missed: {row.doc_id} {row.quote!r}")
    for row in per_gold[per_gold.found & ~per_gold.speaker_ok.astype(bool)].itertuples(index=False):
        lines.append(f"speaker: {row.doc_id} {row.quote!r}: gold {row.speaker!r}, kit {row.kit_speaker!r}")
    for row in per_gold[per_gold.found & per_gold.speaker_ok.astype(bool) & ~per_gold.group_ok.astype(bool)].itertuples(
        index=False
    ):
        lines.append(f"group: {row.doc_id} {row.quote!r}: gold {row.group!r}, kit {row.kit_group!r}")
    wrong_kind = per_gold[per_gold.found & (per_gold.kind_ok.astype("boolean") == False)]  # noqa: E712
    for row in wrong_kind.itertuples(index=False):
        lines.append(f"kind: {row.doc_id} {row.quote!r}: gold {row.kind!r}")
    for row in extra.itertuples(index=False):
        lines.append(f"not in gold: {row.doc_id} {row.start}-{row.end} {row.kind} {' '.join(row.quote.split()[:8])!r}")
    return "\n".join(lines) + "\n"
