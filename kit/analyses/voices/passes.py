"""The passes over one document's quotations after each has its own cues: neighbours, continuations,
relays and channels, then kinds (:mod:`kit.analyses.voices.kinds`), echoes and inherited channels.

    shared → continued → participles → paragraph_openers → relayed → media_channels → named_later → finished

Each pass takes the list of :class:`~kit.analyses.voices.records.Quoted` records and returns a new one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from kit.analyses.voices import cues, roles
from kit.analyses.voices.kinds import MIN_SENTENCE_WORDS, MIN_SPEECH_WORDS, kind_of, opens_sentence, stands_alone
from kit.analyses.voices.mentions import Memory
from kit.analyses.voices.records import NO_ATTRIBUTION, Attribution, Cue, DocView, Quoted, Speaker
from kit.preprocess import text

# A continuation quotation follows the speech quotation at most this many sentences back.
CONTINUATION_SENTENCES = 2
# An echo is looked for among this many earlier speech quotations sharing its first two words (a bound:
# the look-up stays linear however many quotations an article has).
ECHO_CANDIDATES = 50
# Bodies whose "added"/"reported" after a person's words is a relay, not their own statement.
MEDIA = roles.MEDIA_TYPES
# A medium's verbs that pass on someone else's words ("said" is its own statement: "KCNA said in a commentary").
_RELAY_WORDS = re.compile(r"\b(?:added|adds|reported|reports|quoted|carried|cited)\b", re.I)
# Between two quotations that share a speaker: nothing, a comma, or "adding".
_SHARED_GAP = re.compile(r"[\s,]*(?:(?:and\s+)?(?:adding|added|he added|she added)\b)?[\s,:]*")


def with_attribution(quote: Quoted, choice: Attribution) -> Quoted:
    """The quotation with an attribution; a channel that is the speaker itself is dropped."""
    via = choice.via
    if via is not None and (choice.speaker is None or via.name == choice.speaker.name):
        via = None
    return replace(quote, attribution=replace(choice, via=via))


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
    """A quotation opening its sentence without a cue continues the speech quotation just before.

    So does a clause quoted to the end of a sentence that names nobody ("The cooler language “indicates a
    palpable distance in the once-warm relationship.”" after "“…,” O'Carroll wrote"): a scare quote is a
    word or a name, not the rest of a sentence.
    """
    result: list[Quoted] = []
    for quote in found:
        clause = not opens_sentence(view, quote) and _quoted_clause(view, quote) and not _reported(view, quote)
        if quote.speaker is None and not quote.set_off and (opens_sentence(view, quote) or clause):
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


def _reported(view: DocView, quote: Quoted) -> bool:
    """A reporting verb earlier in the quotation's sentence: someone else is being reported there.

    ("NHK … said this CCTV report “appears …”"): the clause is not the previous speaker's continuation.
    """
    sentence_start = view.sentence_spans[quote.sentence][0]
    verbs = view.reporting_verb_starts
    first = bisect_left(verbs, sentence_start)
    return first < len(verbs) and verbs[first] < quote.span.open_at


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


def _quoted_clause(view: DocView, quote: Quoted) -> bool:
    """Lower-case words, at least :data:`MIN_SENTENCE_WORDS` of them, running to the end of their sentence."""
    quoted = view.text[quote.span.start : quote.span.end]
    words = re.findall(r"\w+", quoted)
    return (
        quote.fallback is None
        and len(words) >= MIN_SENTENCE_WORDS
        and quoted[:1].islower()
        and stands_alone(view, quote)
    )


def paragraph_openers(view: DocView, cues_of: Callable[[int, int], list[Cue]], found: list[Quoted]) -> list[Quoted]:
    """A paragraph that opens with a quotation and names nobody continues the last voice of the paragraph before.

    News writing gives a new paragraph of quoted words to the source just reported: "Liu noted that …" /
    "“China urges the parties …" ; "…, the source said." / "“Additionally, …". The voice is the subject of
    the last reporting verb of the previous paragraph (a body as well as a person: "The publication
    recalled that …").
    """
    result = []
    for quote in found:
        if (
            quote.speaker is None
            and (quote.fallback is None or quote.fallback.speaker is None)
            and quote.span.mark == "double"
            and _opens_paragraph(view, quote)
            and not cues_of(quote.sentence, quote.last_sentence)
            and stands_alone(view, quote)
            and quote.paragraph > 0
            and view.paragraph_kinds[quote.paragraph - 1] == "paragraph"
            and len(re.findall(r"\w+", view.text[quote.span.start : quote.span.end])) >= MIN_SPEECH_WORDS
        ):
            voice = _last_voice(view, cues_of, quote.paragraph - 1)
            if voice is not None:
                quote = replace(quote, attribution=Attribution(voice.speaker, voice.via, voice, "paragraph before"))
        result.append(quote)
    return result


def _opens_paragraph(view: DocView, quote: Quoted) -> bool:
    """True when nothing but spaces stands between the paragraph's start and the opening mark."""
    return not view.text[view.paragraph_spans[quote.paragraph][0] : quote.span.open_at].strip()


def _last_voice(view: DocView, cues_of: Callable[[int, int], list[Cue]], paragraph: int) -> Cue | None:
    """The voice of a paragraph's last sentence that reports someone: its closing attribution ("…, the
    source said.") or else its first reporting verb ("Xi said Kim told him …": Xi, not Kim).
    """
    sentences = [i for i, p in enumerate(view.sentence_paragraph) if p == paragraph]
    for sentence in reversed(sentences):
        verbs = [
            c
            for c in cues_of(sentence, sentence)
            if c.kind in ("verb", "quoted_as", "relayed") and c.speaker is not None and c.speaker.resolved
        ]
        closing = [c for c in verbs if view.masked[view.sentence_spans[sentence][0] : c.start].rstrip().endswith(",")]
        if closing or verbs:
            return closing[-1] if closing else min(verbs, key=lambda c: c.start)
    return None


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


def media_channels(cues_of: Callable[[int, int], list[Cue]], found: list[Quoted]) -> list[Quoted]:
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
                    for c in cues_of(quote.sentence, quote.last_sentence)
                    if c.speaker is not None and c.speaker.body_type in MEDIA and c.speaker.name != speaker.name
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

    A side's state media ("North Korean state media said", "the North's state media reported") is that
    side's medium the article names next, within two paragraphs ("… KCNA said"). Unsided "state media"
    stays as written.
    """
    result = []
    for quote in found:
        attribution = quote.attribution
        speaker = _sided_medium(memory, quote.span.open_at, attribution.speaker) or attribution.speaker
        via = _sided_medium(memory, quote.span.open_at, attribution.via) or attribution.via
        quote = replace(quote, attribution=replace(attribution, speaker=speaker, via=via))
        speaker = quote.speaker
        if speaker is not None and speaker.body_type and not speaker.actor_id and _ONE.match(speaker.name):
            later = next(
                (
                    m.speaker
                    for m in memory.after(quote.span.outer_end - 1, paragraphs=1)
                    if m.speaker.body_type == speaker.body_type and not _ONE.match(m.speaker.name)
                ),
                None,
            )
            if later is not None:
                quote = replace(quote, attribution=replace(quote.attribution, speaker=later))
        result.append(quote)
    return result


_ONE = re.compile(r"^(?:a|an|one)\s", re.IGNORECASE)
# A side's media described, not named: "North Korean state media", "the North's state-run media", "official media".
_STATE_MEDIA = re.compile(r"\b(?:state|state-run|state-controlled|official)\s+media\b", re.IGNORECASE)


def _sided_medium(memory: Memory, position: int, described: Speaker | None) -> Speaker | None:
    """The named medium of a side's described media that the article names next, within two paragraphs.

    Only forward: the article names the source it has just described ("North Korean state media said …
    KCNA said"); a medium named before may be one of several ("… KCNA reported. Its official media has
    often spoken of …" speaks of the media in general).

    None when ``described`` is not a side's media described ("North Korean state media") or no medium fits.
    """
    if described is None or described.actor_id or not _STATE_MEDIA.search(described.name):
        return None
    if described.group not in ("official_dprk", "official_prc"):
        return None

    def fits(candidate: Speaker) -> bool:
        named = bool(candidate.actor_id) and not _STATE_MEDIA.search(candidate.name)
        return named and candidate.body_type in MEDIA and candidate.group == described.group

    return next((m.speaker for m in memory.after(position, paragraphs=2) if fits(m.speaker)), None)


def finished(view: DocView, found: list[Quoted]) -> list[Quoted]:
    """Fallbacks applied, kinds decided, echoes and channels carried; terms lose their speaker."""
    echoes = _EchoIndex()
    result: list[Quoted] = []
    for quote in found:
        if quote.speaker is None and quote.fallback is not None:
            quote = with_attribution(quote, quote.fallback)
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


def comparable(value: str) -> str:
    """Words only, lower case: quote marks, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.normalise(value)).split())
