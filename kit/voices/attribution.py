"""Who speaks each quotation, and what kind of quotation it is.

    own cues (a cue right after or before, the sentence's cues, the paragraph's "According to X,")
    → shared (side-by-side quotations of one sentence) → continued (a quotation opening its sentence
    continues the speech just before) → relayed ("…,” Xinhua added" after Kim's words) → kinds, echoes
    and inherited channels → one row per quotation

**Kinds.** ``speech`` is set off as a statement: it opens its sentence, or a cue stands right before it
(``Kim stated, “…``) or right after it (``…,” he said``). Any other quotation sits inside the
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
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import pairwise

from kit import text
from kit.voices import cues, mentions, roles
from kit.voices.actors import Registry
from kit.voices.marks import QuoteSpan
from kit.voices.mentions import Memory
from kit.voices.records import NO_ATTRIBUTION, Attribution, Cue, DocView, Speaker

# A continuation quotation follows the speech quotation at most this many sentences back.
CONTINUATION_SENTENCES = 2
# A quotation that opens its sentence counts as speech from this many words.
MIN_SPEECH_WORDS = 3
# An echo is looked for among this many earlier speech quotations sharing its first two words (a bound:
# the look-up stays linear however many quotations an article has).
ECHO_CANDIDATES = 50
# Bodies whose "added"/"reported" after a person's words is a relay, not their own statement.
MEDIA = roles.MEDIA_TYPES
# A medium's verbs that pass on someone else's words ("said" is its own statement: "KCNA said in a commentary").
_RELAY_WORDS = re.compile(r"\b(?:added|adds|reported|reports|quoted|carried|cited)\b", re.I)
# Words before a quotation that make it a name or a term: named the 'Year of …'.
_NAMING = re.compile(
    r"\b(?:named|called|dubbed|titled|entitled|known as|so-called|the term|the word|the phrase|slogan|motto)"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "de"}
# Between two quotations that share a speaker: nothing, a comma, or "adding".
_SHARED_GAP = re.compile(r"[\s,]*(?:(?:and\s+)?(?:adding|added|he added|she added)\b)?[\s,:]*")


@dataclass(frozen=True)
class Quoted:
    """One quotation on its way through the passes.

    Attributes:
        span: where it is.
        sentence / last_sentence / paragraph: indexes of its first and last sentence and its paragraph.
        attribution: speaker, via, cue and rule decided so far.
        set_off: a cue stands right before or after it.
        adjacent: that cue (shown in the table even when it names nobody).
        fallback: the sentence's own attribution, used when neither sharing nor continuation applies.
        kind: speech, fragment or term (decided last).
    """

    span: QuoteSpan
    sentence: int
    last_sentence: int
    paragraph: int
    attribution: Attribution = NO_ATTRIBUTION
    set_off: bool = False
    adjacent: Cue | None = None
    fallback: Attribution | None = None
    kind: str = ""

    @property
    def speaker(self) -> Speaker | None:
        """The speaker decided so far."""
        return self.attribution.speaker


def attribute(view: DocView, cues: list[Cue], memory: Memory, registry: Registry) -> list[Quoted]:
    """Every quotation of one document, attributed and given its kind (the passes of the module docstring)."""
    found = [own_cues(view, cues, memory, registry, span) for span in view.spans]
    found = shared(view, found)
    found = continued(view, found)
    found = participles(view, memory, found)
    found = relayed(view, found)
    found = media_channels(cues, found)
    found = named_later(view, memory, found)
    return finished(view, found)


def own_cues(view: DocView, cues: list[Cue], memory: Memory, registry: Registry, span: QuoteSpan) -> Quoted:
    """Speaker and channel from the quotation's own cues, in order of precedence."""
    first = view.sentence_at(span.open_at)
    last = view.sentence_at(max(span.end - 1, span.start))
    quote = Quoted(span, first, last, view.sentence_paragraph[first] if view.sentence_paragraph else 0)
    after, before = _cue_after(view, cues, span, last), _cue_before(view, cues, span, first)
    quote = replace(quote, set_off=after is not None or before is not None, adjacent=after or before)
    in_sentence = [c for c in cues if first <= c.sentence <= last and c not in (after, before)]
    according = next(
        (c for c in (after, before, *in_sentence) if c is not None and c.kind == "according" and c.has_speaker), None
    )
    frame = _frame(view, cues, first)
    channel = according.speaker if according is not None else (frame.speaker if frame is not None else None)
    # 1. A cue with a subject right after or right before the quotation.
    for cue, rule in ((after, "cue after"), (before, "cue before")):
        if cue is not None and cue.kind != "according" and cue.has_speaker:
            speaker, via = cue.speaker, cue.via
            relay = _actor_right_before(view, memory, registry, span.open_at) if cue is after else None
            if relay is None and cue is after and speaker is not None and speaker.body_type in MEDIA:
                relay = _speech_before(view, in_sentence, span)  # Xi said the ties were “…,” KCNA reported
            if relay is not None and speaker is not None and relay.name != speaker.name:
                speaker, via = relay, speaker  # Kim “said …,” Xinhua reported
            return _with(quote, Attribution(speaker, via or channel, cue, rule))
    named_after = _name_after(view, memory, registry, span, last)
    if named_after is not None:  # "“…,” Ryoo Kihl-jae, South Korean Unification Minister."
        return _with(quote, Attribution(named_after, channel, None, "name after"))
    # 2. "…,” according to X": the subject of the sentence's verb speaks, through X.
    if according is not None and according in (after, before):
        verb = _best(in_sentence, span, kinds=("verb", "relayed", "quoted_as"))
        if verb is not None:
            return _with(quote, Attribution(verb.speaker, verb.via or channel, verb, "sentence"))
        rule = "cue after" if according is after else "cue before"
        return _with(quote, Attribution(according.speaker, None, according, rule))
    # 3. The sentence's other cues, then its "according to", then the paragraph's frame.
    best = _best(in_sentence, span, kinds=("verb", "relayed", "quoted_as", "source_noun"))
    if best is not None:
        best = _reporting(view, in_sentence, best)
        choice: Attribution | None = Attribution(best.speaker, best.via or channel, best, "sentence")
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
    return _with(quote, choice) if choice is not None else quote


def _with(quote: Quoted, choice: Attribution) -> Quoted:
    """The quotation with an attribution; a channel that is the speaker itself is dropped."""
    via = choice.via
    if via is not None and (choice.speaker is None or via.name == choice.speaker.name):
        via = None
    return replace(quote, attribution=replace(choice, via=via))


def _cue_after(view: DocView, cues: list[Cue], span: QuoteSpan, sentence: int) -> Cue | None:
    """A cue right after the closing mark, in the same sentence: "…,” he said", "…,” according to X"."""
    sentence_end = view.sentence_spans[sentence][1]
    for cue in cues:
        if span.outer_end <= cue.start < sentence_end:
            gap = view.masked[span.outer_end : cue.start]
            return cue if re.fullmatch(r"[\s,]*", gap) else None
    return None


def _cue_before(view: DocView, cues: list[Cue], span: QuoteSpan, sentence: int) -> Cue | None:
    """A cue right before the opening mark: "Kim stated, “…", "Xi noted that “…", "adding, “…"."""
    start = view.sentence_spans[sentence][0]
    for cue in reversed(cues):
        if start <= cue.start and cue.verb_end and cue.verb_end <= span.open_at:
            gap = view.masked[cue.verb_end : span.open_at]
            return cue if re.fullmatch(r"\s*(?:that\s*)?[,:]?\s*", gap, re.IGNORECASE) else None
    return None


def _best(cues: list[Cue], span: QuoteSpan, *, kinds: tuple[str, ...]) -> Cue | None:
    """The sentence's cue for a quotation without an adjacent one: a named speaker before a description,
    then a cue before the quotation before one after it, then the nearest.
    """
    usable = [c for c in cues if c.kind in kinds and c.speaker is not None]

    def rank(cue: Cue) -> tuple[int, int, int, int]:
        speaker = cue.speaker
        named = speaker is not None and speaker.resolved and bool(speaker.actor_id or speaker.is_person)
        before = cue.end <= span.open_at
        distance = span.open_at - cue.end if before else cue.start - span.outer_end
        return (0 if named else 1, 0 if before else 1, distance, cue.start)

    return min(usable, key=rank) if usable else None


def _frame(view: DocView, cues: list[Cue], sentence: int) -> Cue | None:
    """The latest "According to X," opening an earlier sentence of the same paragraph."""
    paragraph = view.sentence_paragraph[sentence]
    frames = [
        c
        for c in cues
        if c.kind == "according"
        and c.has_speaker
        and c.sentence < sentence
        and view.sentence_paragraph[c.sentence] == paragraph
        and not view.masked[view.sentence_spans[c.sentence][0] : c.start].strip(" (")
    ]
    return frames[-1] if frames else None


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
    rest = view.text[span.outer_end : view.sentence_spans[sentence][1]]
    words = rest.replace(",", " ").rstrip(" .").split()
    cut = next((i for i, word in enumerate(words) if not roles.is_name_word(word)), len(words))
    name, role = " ".join(words[:cut]), " ".join(words[cut:])
    if not 2 <= cut <= 4 or (role and not roles.has_role_words(role)) or re.search(r"[;:]", rest):
        return None
    known = [m.speaker for m in memory.mentions if m.speaker.name == name]
    if known:
        return known[-1]
    position = span.outer_end + rest.index(name)
    found = [m for m in view.registry_mentions if m[0] == position and m[2]]
    if found:
        return mentions.registered(registry, found[0][2])
    return Speaker(name, roles.classify_role(role) if role else "unknown", role=role, is_person=True)


def _actor_right_before(view: DocView, memory: Memory, registry: Registry, open_at: int) -> Speaker | None:
    """A registry actor written right before the opening mark: Kim “said …,” Xinhua reported."""
    for start, end, actor_id, surname in view.registry_mentions:
        gap = view.text[end:open_at]
        if end <= open_at and not gap.strip() and "\n" not in gap:
            if actor_id:
                return mentions.registered(registry, actor_id)
            return memory.resolve_name(start, surname, registry)
    return None


def shared(view: DocView, found: list[Quoted]) -> list[Quoted]:
    """Quotations side by side in a sentence share a speaker: "Kim stated, “…,” adding, “…”" and an
    unclosed first part ("“Whether it's true or not, “the messaging is pretty clear,” he said").

    Repeated until nothing changes, so a speaker passes along a chain of three or more quotations.
    """
    found = list(found)
    changed = True
    while changed:
        changed = False
        for i, quote in enumerate(found):
            if quote.speaker is not None or (not quote.set_off and not quote.span.unclosed):
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(found) or found[j].speaker is None:
                    continue
                first, second = (found[j], quote) if j < i else (quote, found[j])
                if first.last_sentence != second.sentence:
                    continue
                if _SHARED_GAP.fullmatch(view.masked[first.span.outer_end : second.span.open_at]):
                    found[i] = replace(quote, attribution=replace(found[j].attribution, rule="shared"))
                    changed = True
                    break
    return found


def continued(view: DocView, found: list[Quoted]) -> list[Quoted]:
    """A quotation opening its sentence without a cue continues the speech quotation just before."""
    result: list[Quoted] = []
    for quote in found:
        if quote.speaker is None and not quote.set_off and opens_sentence(view, quote):
            previous = next((q for q in reversed(result) if q.span.mark == "double"), None)
            if (
                previous is not None
                and previous.speaker is not None
                and (previous.set_off or opens_sentence(view, previous))
                and quote.sentence - previous.last_sentence <= CONTINUATION_SENTENCES
                and quote.paragraph - previous.paragraph <= 1
            ):
                quote = replace(quote, attribution=replace(previous.attribution, cue=None, rule="continuation"))
        result.append(quote)
    return result


def participles(view: DocView, memory: Memory, found: list[Quoted]) -> list[Quoted]:
    """A quotation set off only by a subjectless "adding," / "saying," is the person being quoted.

    ("“…,” adding, “…" in a paragraph of its own, after the speaker was introduced.)
    """
    result = []
    for quote in found:
        cue = quote.adjacent
        if quote.speaker is None and cue is not None and cues.bare_participle(view, cue):
            current = memory.speaker_before(cue.start)
            if current is not None:
                quote = replace(quote, attribution=Attribution(current.speaker, None, cue, "current speaker"))
        result.append(quote)
    return result


def relayed(view: DocView, found: list[Quoted]) -> list[Quoted]:
    """A medium's "…,” Xinhua added" after a person's words in the same paragraph relays them.

    The person speaks, through the medium: a news agency, newspaper or broadcaster adds no words of its own.
    """
    result: list[Quoted] = []
    for quote in found:
        speaker, cue = quote.speaker, quote.attribution.cue
        if (
            speaker is not None
            and speaker.body_type in MEDIA
            and quote.attribution.rule == "cue after"
            and cue is not None
            and cue.kind == "verb"
            and _RELAY_WORDS.search(view.text[cue.start : cue.end])
        ):
            previous = next((q for q in reversed(result) if q.speaker is not None), None)
            if (
                previous is not None
                and previous.speaker is not None
                and previous.speaker.is_person
                and quote.paragraph == previous.paragraph
                and (previous.attribution.via is None or previous.attribution.via.name == speaker.name)
            ):
                quote = replace(quote, attribution=Attribution(previous.speaker, speaker, cue, "relayed"))
        result.append(quote)
    return result


def media_channels(cues: list[Cue], found: list[Quoted]) -> list[Quoted]:
    """A person quoted in a sentence that also has a medium's cue speaks through it.

    "Kim said the talks were “crucial,” KCNA said" → Kim Jong Un via KCNA.
    """
    result = []
    for quote in found:
        speaker = quote.speaker
        if speaker is not None and speaker.is_person and quote.attribution.via is None:
            medium = next(
                (
                    c.speaker
                    for c in cues
                    if quote.sentence <= c.sentence <= quote.last_sentence
                    and c.speaker is not None
                    and c.speaker.body_type in MEDIA
                    and c.speaker.name != speaker.name
                ),
                None,
            )
            if medium is not None:
                quote = replace(quote, attribution=replace(quote.attribution, via=medium))
        result.append(quote)
    return result


def named_later(view: DocView, memory: Memory, found: list[Quoted]) -> list[Quoted]:
    """An indefinite body ("a state-run newspaper said …") is the body of that type the article names next,
    in the same or the next paragraph: "… The Global Times, a publication many view as …".
    """
    result = []
    for quote in found:
        speaker = quote.speaker
        if speaker is not None and speaker.body_type and not speaker.actor_id and _ONE.match(speaker.name):
            later = next(
                (
                    m.speaker
                    for m in memory.mentions
                    if m.start > quote.span.outer_end
                    and m.paragraph - quote.paragraph <= 1
                    and m.speaker.body_type == speaker.body_type
                    and not _ONE.match(m.speaker.name)
                ),
                None,
            )
            if later is not None:
                quote = replace(quote, attribution=replace(quote.attribution, speaker=later))
        result.append(quote)
    return result


_ONE = re.compile(r"^(?:a|an|one)\s", re.IGNORECASE)


def finished(view: DocView, found: list[Quoted]) -> list[Quoted]:
    """Fallbacks applied, kinds decided, echoes and channels carried; terms lose their speaker."""
    echoes = _EchoIndex()
    result: list[Quoted] = []
    for quote in found:
        if quote.speaker is None and quote.fallback is not None:
            quote = _with(quote, quote.fallback)
        quote = replace(quote, kind=kind_of(view, quote))
        if quote.kind != "speech":
            source = echoes.source_of(view, quote)
            if source is not None:
                quote = replace(quote, attribution=replace(source.attribution, rule="echo"))
                quote = replace(quote, kind=kind_of(view, quote))
        cue = quote.attribution.cue
        if quote.attribution.via is None and cue is not None and cue.anaphoric:
            quote = _inherit_via(quote, result)
        if quote.kind == "term":
            quote = replace(quote, attribution=NO_ATTRIBUTION)
        elif quote.speaker is None:
            quote = replace(quote, attribution=replace(quote.attribution, rule="none"))
        if quote.kind == "speech" and quote.speaker is not None:
            echoes.add(view, quote)
        result.append(quote)
    return result


class _EchoIndex:
    """Earlier speech quotations by their word pairs, so a repeated phrase finds its speaker in linear time.

    Hong Min said that the “progressive and synchronous measures” …: Kim's words, quoted earlier.
    """

    def __init__(self) -> None:
        self._by_pair: dict[tuple[str, str], list[tuple[str, Quoted]]] = defaultdict(list)

    def add(self, view: DocView, quote: Quoted) -> None:
        words = comparable(view.text[quote.span.start : quote.span.end]).split()
        said = f" {' '.join(words)} "
        for pair in set(pairwise(words)):
            self._by_pair[pair].append((said, quote))

    def source_of(self, view: DocView, quote: Quoted) -> Quoted | None:
        words = comparable(view.text[quote.span.start : quote.span.end]).split()
        if len(words) < 2:
            return None
        phrase = f" {' '.join(words)} "
        for said, source in reversed(self._by_pair.get((words[0], words[1]), [])[-ECHO_CANDIDATES:]):
            if phrase in said:
                return source
        return None


def _inherit_via(quote: Quoted, earlier: list[Quoted]) -> Quoted:
    """The channel of a "he said" continues: "Kim agreed that “…,” according to Xinhua. He added …"."""
    for source in reversed(earlier):
        if quote.paragraph - source.paragraph > 1:
            break
        if source.speaker is not None and quote.speaker is not None and source.speaker.name == quote.speaker.name:
            return replace(quote, attribution=replace(quote.attribution, via=source.attribution.via))
    return quote


def opens_sentence(view: DocView, quote: Quoted) -> bool:
    """True when nothing but spaces stands between the sentence's start and the opening mark."""
    sentence_start = view.sentence_spans[quote.sentence][0]
    return not view.masked[sentence_start : quote.span.open_at].strip()


def kind_of(view: DocView, quote: Quoted) -> str:
    """speech, fragment or term (module docstring)."""
    span = quote.span
    words = re.findall(r"\w+", view.text[span.start : span.end])
    opens = opens_sentence(view, quote) and len(words) >= MIN_SPEECH_WORDS
    if quote.set_off or opens:
        return "speech"
    if span.mark == "single" or _name_like(view, span):
        return "term"
    return "fragment" if quote.speaker is not None else "term"


def _name_like(view: DocView, span: QuoteSpan) -> bool:
    """A title-case name ("My Companion") or a quotation after "named", "called", "dubbed"…"""
    sentence_start = view.sentence_spans[view.sentence_at(span.open_at)][0]
    if _NAMING.search(view.text[sentence_start : span.open_at]):
        return True
    words = view.text[span.start : span.end].rstrip(".").split()
    if not words or len(words) > 6:
        return False
    capitalised = [w[:1].isupper() for w in words]
    return any(capitalised) and all(
        cap or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for cap, w in zip(capitalised, words, strict=True)
    )


def comparable(value: str) -> str:
    """Words only, lower case: quote marks, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.normalise(value)).split())
