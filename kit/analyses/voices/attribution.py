"""Who speaks each quotation, and what kind of quotation it is.

    own cues (this module: a cue right after or before, the sentence's cues, the paragraph's
    "According to X,") → the passes of :mod:`kit.analyses.voices.passes` (shared side-by-side quotations,
    continuations, participles, relays and channels, then kinds, echoes and inherited channels)

**Kinds.** ``speech`` is set off as a statement: it opens its sentence, or a cue stands right before it
(``Kim stated, “…``) or right after it (``…,” he said``), or it is a whole sentence in sentence case
(``the public is vocal that “China is not a country which …”``). Any other quotation sits inside the
journalist's sentence: a ``fragment`` when a source is in play (a cue in its sentence: ``Xi denounced the
“bullying” of …``) and a ``term`` otherwise (scare quotes). A title-case name (“My Companion”), a
quotation after "named", "called", "dubbed", "known as", and a single-quoted span that is not speech are
terms. Terms have no speaker.

**Relays.** ``via`` names the channel when it differs from the speaker: "…,” according to Xinhua";
"Kim was quoted as saying by Xinhua"; "KCNA quoted him as saying"; "Kim “said …,” Xinhua reported";
"…,” Xinhua added" after the same person's words; an "According to X," opening an earlier sentence of
the paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kit.analyses.voices import labels, mentions, roles, speakers
from kit.analyses.voices.actors import OFFICIAL_GROUPS, Registry
from kit.analyses.voices.kinds import opens_sentence
from kit.analyses.voices.marks import QuoteSpan
from kit.analyses.voices.mentions import Memory
from kit.analyses.voices.passes import (
    MEDIA,
    continued,
    finished,
    media_channels,
    named_later,
    paragraph_openers,
    participles,
    relayed,
    shared,
    with_attribution,
)
from kit.analyses.voices.records import NO_ATTRIBUTION, Attribution, Cue, DocView, Quoted, Speaker


@dataclass(frozen=True)
class CueIndex:
    """A document's cues by sentence, and its registry mentions by where they end: look-ups per quotation
    then cost what one sentence holds, not what the whole article holds.
    """

    by_sentence: Mapping[int, list[Cue]]
    mention_ending_at: Mapping[int, tuple[int, int, str, str]]
    frame_before: Mapping[int, Cue]

    @classmethod
    def of(cls, view: DocView, cues: list[Cue]) -> CueIndex:
        """The index of one document's cues (in reading order), registry mentions and paragraph frames."""
        by_sentence: dict[int, list[Cue]] = defaultdict(list)
        for cue in cues:
            by_sentence[cue.sentence].append(cue)
        ending: dict[int, tuple[int, int, str, str]] = {}
        for mention in view.registry_mentions:
            ending.setdefault(mention[1], mention)
        return cls(by_sentence, ending, _frames(view, by_sentence))

    def in_sentences(self, first: int, last: int) -> list[Cue]:
        """The cues of sentences ``first``..``last``, in reading order."""
        return [cue for sentence in range(first, last + 1) for cue in self.by_sentence.get(sentence, [])]


def attribute(view: DocView, cues: list[Cue], memory: Memory, registry: Registry) -> list[Quoted]:
    """Every quotation of one document, attributed and given its kind (the passes of the module docstring)."""
    index = CueIndex.of(view, cues)
    found = [own_cues(view, index, memory, registry, span) for span in view.spans]
    found = shared(view, found)
    found = continued(view, found)
    found = participles(view, memory, found)
    found = paragraph_openers(view, index.in_sentences, found)
    found = relayed(view, found)
    found = media_channels(index.in_sentences, found)
    found = named_later(view, memory, found)
    found = labelled(view, memory, registry, found)
    found = introduced(view, index, found)
    return finished(view, found)


def introduced(view: DocView, index: CueIndex, found: list[Quoted]) -> list[Quoted]:
    """Unquoted speech after "…, he said, adding:" is the speaker of the cue that ends the introducing paragraph.

    (:func:`kit.analyses.voices.turns.introduced_spans`), through its channel; with no speaker there, nobody's.
    """
    in_runs = {q.paragraph for q in found if q.span.mark == "colon"}
    result = []
    for quote in found:
        if quote.span.mark == "colon":
            paragraph = quote.paragraph
            while paragraph - 1 in in_runs:
                paragraph -= 1  # the run's first paragraph: its introducer stands just before it
            attribution = _introducer(view, index, paragraph - 1)
            quote = replace(quote, attribution=attribution, fallback=None, set_off=True)
        result.append(quote)
    return result


def _introducer(view: DocView, index: CueIndex, paragraph: int) -> Attribution:
    """The last cue with a speaker in the last sentence of a paragraph, as an attribution ("introduced")."""
    last = bisect_right(view.sentence_paragraph, paragraph) - 1  # paragraphs rise with sentences
    if last < 0 or view.sentence_paragraph[last] != paragraph:
        return NO_ATTRIBUTION
    cue = next((c for c in reversed(index.in_sentences(last, last)) if c.speaker is not None), None)
    return Attribution(cue.speaker, cue.via, cue, "introduced") if cue is not None else NO_ATTRIBUTION


def labelled(view: DocView, memory: Memory, registry: Registry, found: list[Quoted]) -> list[Quoted]:
    """A transcript's turns ("Hua Chunying: …", "Q: “…”") are the labelled speaker's
    (:mod:`kit.analyses.voices.labels`); an answer label with no spokesperson named before it leaves the turn to nobody
    rather than guess.
    """
    result = []
    for quote in found:
        label = labels.label_of(view, quote.span)
        if label is not None:
            speaker = labels.speaker_of(view, memory, registry, *label)
            quote = replace(quote, attribution=Attribution(speaker, None, None, "label"), fallback=None, set_off=True)
        result.append(quote)
    return result


def own_cues(view: DocView, index: CueIndex, memory: Memory, registry: Registry, span: QuoteSpan) -> Quoted:
    """Speaker and channel from the quotation's own cues, in order of precedence."""
    first = view.sentence_at(span.open_at)
    last = view.sentence_at(max(span.end - 1, span.start))
    quote = Quoted(span, first, last, view.sentence_paragraph[first] if view.sentence_paragraph else 0)
    after, before = _cue_after(view, index, span, last), _cue_before(view, index, span, first)
    quote = replace(quote, set_off=after is not None or before is not None, adjacent=after or before)
    in_sentence = [c for c in index.in_sentences(first, last) if c not in (after, before)]
    according = next(
        (c for c in (after, before, *in_sentence) if c is not None and c.kind == "according" and c.has_speaker), None
    )
    frame = _frame(view, index, first)
    channel = according.speaker if according is not None else (frame.speaker if frame is not None else None)
    # 1. A cue with a subject right after or right before the quotation.
    for cue, rule in ((after, "cue after"), (before, "cue before")):
        if cue is not None and cue.kind != "according" and cue.has_speaker:
            speaker, via = cue.speaker, cue.via
            relay = _actor_right_before(view, index, memory, registry, span.open_at) if cue is after else None
            if relay is None and cue is after and speaker is not None and speaker.body_type in MEDIA:
                relay = _speech_before(view, in_sentence, span)  # Xi said the ties were “…,” KCNA reported
            if relay is not None and speaker is not None and relay.name != speaker.name:
                speaker, via = relay, speaker  # Kim “said …,” Xinhua reported
            return with_attribution(quote, Attribution(speaker, via or channel, cue, rule))
    named_after = _name_after(view, memory, registry, span, last)
    if named_after is not None:  # "“…,” Ryoo Kihl-jae, South Korean Unification Minister."
        return with_attribution(quote, Attribution(named_after, channel, None, "name after"))
    # 2. "…,” according to X": the subject of the sentence's verb speaks, through X.
    if according is not None and according in (after, before):
        verb = _best(in_sentence, span, kinds=("verb", "relayed", "quoted_as"))
        if verb is not None:
            return with_attribution(quote, Attribution(verb.speaker, verb.via or channel, verb, "sentence"))
        rule = "cue after" if according is after else "cue before"
        return with_attribution(quote, Attribution(according.speaker, None, according, rule))
    # 3. The sentence's other cues, then its "according to", then the paragraph's frame.
    best = _best(in_sentence, span, kinds=("verb", "relayed", "quoted_as", "source_noun"))
    rival = _rival_side(in_sentence, best, span)
    if best is not None:
        # A cue of another official side in the same sentence, and none beside the quotation: the sentence's weak
        # evidence is not enough, so the quotation keeps its kind but is left to nobody (kit.analyses.voices._row)
        best = _reporting(view, in_sentence, best)
        choice: Attribution | None = Attribution(best.speaker, best.via or channel, best, "sentence", abstained=rival)
    elif according is not None:
        choice = Attribution(according.speaker, None, according, "sentence")
    elif frame is not None:
        choice = Attribution(frame.speaker, None, frame, "frame")
    else:
        choice = None
    if (
        quote.set_off
        or span.unclosed
        or (choice is not None and choice.rule == "frame" and opens_sentence(view, quote))
    ):
        # "…, adding, “…" or a quotation opening its sentence: a neighbour or the quotation before may
        # speak for it; the sentence's cues are only the fallback.
        return replace(quote, fallback=choice)
    return with_attribution(quote, choice) if choice is not None else quote


def _rival_side(in_sentence: list[Cue], best: Cue | None, span: QuoteSpan) -> str:
    """Why the sentence's best cue is not enough: another reporting cue of the sentence names a speaker of a
    different official side, or a reporting cue nearer the quotation names someone else (an unresolved "Kim"
    after a named "Xi"); "" when no rival competes.
    """
    if best is None or best.speaker is None:
        return ""
    chosen = best.speaker.group
    for cue in in_sentence:
        if cue is best or cue.speaker is None or cue.kind not in ("verb", "quoted_as"):
            continue
        if cue.speaker.body_type in MEDIA or speakers.fragment_reason(cue.speaker.name):
            continue  # "Xi …, the North's state media reported": a channel; and a clause fragment is nobody
        other = cue.speaker.group
        if chosen in OFFICIAL_GROUPS and other in OFFICIAL_GROUPS and other != chosen:
            return f"two sides compete in the sentence: {best.speaker.name} ({chosen}) and {cue.speaker.name} ({other})"
        if best.end <= cue.start and cue.end <= span.open_at and cue.speaker.name != best.speaker.name:
            return f"a nearer cue names someone else: {cue.speaker.name} ({other}), not {best.speaker.name}"
    return ""


def _cue_after(view: DocView, index: CueIndex, span: QuoteSpan, sentence: int) -> Cue | None:
    """A cue right after the closing mark, in the same sentence: "…,” he said", "…,” according to X"."""
    sentence_end = view.sentence_spans[sentence][1]
    following = [c for c in index.by_sentence.get(sentence, []) if span.outer_end <= c.start < sentence_end]
    # The nearest by where its words start: a subject before a relative clause starts before the clause's verb.
    cue = min(following, key=lambda c: c.start, default=None)
    if cue is None:
        return None
    return cue if re.fullmatch(r"[\s,]*", view.masked[span.outer_end : cue.start]) else None


def _cue_before(view: DocView, index: CueIndex, span: QuoteSpan, sentence: int) -> Cue | None:
    """A cue right before the opening mark: "Kim stated, “…", "Xi noted that “…", "adding, “…"."""
    start = view.sentence_spans[sentence][0]
    for cue in reversed(index.by_sentence.get(sentence, [])):
        if start <= cue.start and cue.verb_end and cue.verb_end <= span.open_at:
            gap = view.masked[cue.verb_end : span.open_at]
            return cue if re.fullmatch(r"\s*(?:that\s*)?[,:]?\s*", gap, re.IGNORECASE) else None
    return None


def _best(cues: list[Cue], span: QuoteSpan, *, kinds: tuple[str, ...]) -> Cue | None:
    """The sentence's cue for a quotation without an adjacent one: a verb's subject before a source noun ("a
    report from Reuters"), a named speaker before a description, a cue before the quotation before one after
    it, then the nearest.
    """
    usable = [c for c in cues if c.kind in kinds and c.speaker is not None]

    def rank(cue: Cue) -> tuple[int, int, int, int, int]:
        speaker = cue.speaker
        named = speaker is not None and speaker.resolved and bool(speaker.actor_id or speaker.is_person)
        before = cue.end <= span.open_at
        distance = span.open_at - cue.end if before else cue.start - span.outer_end
        # "a report from Reuters" names where the words were read, so any verb's subject outranks it
        return (1 if cue.kind == "source_noun" else 0, 0 if named else 1, 0 if before else 1, distance, cue.start)

    return min(usable, key=rank) if usable else None


def _frame(view: DocView, index: CueIndex, sentence: int) -> Cue | None:
    """The latest "According to X," opening an earlier sentence of the same paragraph."""
    return index.frame_before.get(sentence)


def _frames(view: DocView, by_sentence: Mapping[int, list[Cue]]) -> dict[int, Cue]:
    """Sentence → the latest "According to X," that opens an earlier sentence of its paragraph.

    One pass over the document: a quotation never walks back over its paragraph, so any paragraph's shape is linear.
    """
    frames: dict[int, Cue] = {}
    paragraph, latest = -1, None
    for sentence, (opening, _end) in enumerate(view.sentence_spans):
        if view.sentence_paragraph[sentence] != paragraph:
            paragraph, latest = view.sentence_paragraph[sentence], None
        if latest is not None:
            frames[sentence] = latest
        opening_frames = [
            c
            for c in by_sentence.get(sentence, [])
            if c.kind == "according" and c.has_speaker and not view.masked[opening : c.start].strip(" (")
        ]
        latest = opening_frames[-1] if opening_frames else latest
    return frames


def _reporting(view: DocView, in_sentence: list[Cue], cue: Cue) -> Cue:
    """The outer speaker of reported speech: "Xi said Beijing and Pyongyang agreed … “an inevitable trend”".

    A cue whose subject follows another's speech verb ("said [that] …") is part of what that speaker said,
    unless the outer speaker is a medium ("KCNA said Ri told …": Ri speaks, through KCNA).
    """
    for outer in in_sentence:
        if outer is cue or outer.speaker is None or outer.end > cue.start:
            continue
        between = view.masked[outer.end : cue.start]
        spoken = roles.SPEECH_VERBS.search(view.text[outer.start : outer.end])
        if spoken and re.fullmatch(r"\s*(?:that\s+)?", between) and outer.speaker.body_type not in MEDIA:
            return outer
    return cue


def _speech_before(view: DocView, in_sentence: list[Cue], span: QuoteSpan) -> Speaker | None:
    """A person's speech cue earlier in the sentence: "Xi said the friendship, “sealed in blood” …"."""
    for cue in reversed(in_sentence):
        spoken = roles.SPEECH_VERBS.search(view.text[cue.start : cue.end])
        if cue.end <= span.open_at and cue.speaker is not None and cue.speaker.is_person and spoken:
            return cue.speaker
    return None


def _name_after(view: DocView, memory: Memory, registry: Registry, span: QuoteSpan, sentence: int) -> Speaker | None:
    """A person named right after the closing mark, with nothing but a role before the sentence ends."""
    if view.sentence_spans[sentence][1] - span.outer_end > _NAME_AFTER_CHARS:
        return None  # more than a name and a role follow (and a long sentence of quotations stays linear)
    rest = view.text[span.outer_end : view.sentence_spans[sentence][1]]
    words = rest.replace(",", " ").rstrip(" .").split()
    cut = next((i for i, word in enumerate(words) if not roles.is_name_word(word)), len(words))
    name, role = " ".join(words[:cut]), " ".join(words[cut:])
    if not 2 <= cut <= 4 or (role and not roles.has_role_words(role)) or re.search(r"[;:]", rest):
        return None
    known = memory.latest_named(name, len(view.text))
    if known is not None:
        return known
    position = span.outer_end + rest.index(name)
    found = [m for m in view.registry_mentions if m[0] == position and m[2]]
    if found:
        return mentions.registered(registry, found[0][2])
    return Speaker(name, roles.classify_role(role, named=True) if role else "unknown", role=role, is_person=True)


# At most this many characters of a name and its role after a closing mark: "…,” Ryoo Kihl-jae, South Korean
# Unification Minister." (an appositive has at most 16 words: kit.analyses.voices.names.is_appositive).
_NAME_AFTER_CHARS = 200


def _actor_right_before(
    view: DocView, index: CueIndex, memory: Memory, registry: Registry, open_at: int
) -> Speaker | None:
    """A registry actor written right before the opening mark, on its line: Kim “said …,” Xinhua reported."""
    end = open_at
    while end > 0 and view.text[end - 1] in " \t":
        end -= 1
    mention = index.mention_ending_at.get(end)
    if mention is None:
        return None
    start, _end, actor_id, surname = mention
    if re.search(r"\band\s+$", view.text[max(0, start - 8) : start]):
        return None  # "Xi and Kim “had a candid exchange …,” Xinhua reported": the agency's summary of both
    return (
        mentions.registered(registry, actor_id) if actor_id else mentions.resolve_name(memory, start, surname, registry)
    )
