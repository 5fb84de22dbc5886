"""Names as a reader meets them: a person written with a title or an appositive, a body by its type.

    "Chinese Foreign Ministry spokesman Hong Lei" → Hong Lei, official_prc, role "Chinese Foreign Ministry spokesman"
    "Kang Chol, North Korea's vice foreign minister," → Kang Chol, official_dprk
    "the Foreign Ministry" → a body of type ministry

A capitalised run is a person only with a role, so places and events ("the Yalu River", "Victory Day")
are not taken for people. :mod:`kit.analyses.voices.mentions` remembers what these functions find.
"""

from __future__ import annotations

import re

from kit.analyses.voices import roles
from kit.analyses.voices.records import DocView, Speaker

# A person's name not in the registry: two to four capitalised words (initials allowed), e.g.
# "Boo Seung-chan", "Chad O’Carroll", "Scott A. Snyder".
# Letters beyond ASCII count (Latin-1 and Latin Extended-A): "Lü Chao", "Sönke", "Łukasz".
_UP, _LOW = "A-ZÀ-ÖØ-ÞĀ-ſ", "a-zß-öø-ÿĀ-ſ"
_WORD = rf"(?:[{_UP}][{_LOW}]*['’][{_UP}][{_LOW}]+|Mc[{_UP}][{_LOW}]+|[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)?)"
NAME = re.compile(rf"\b{_WORD}(?:\s+(?:[A-Z]\.\s+)?{_WORD}){{1,3}}\b")
# Last words that make a capitalised run a place, an event or a thing, not a person.
_NOT_PERSON_ENDS = {
    "province", "river", "city", "county", "district", "region", "island", "islands", "sea", "strait",
    "bridge", "street", "square", "hall", "station", "mountain", "mountains", "zone", "line", "day", "week",
    "games", "war", "summit", "forum", "treaty", "agreement", "declaration", "initiative", "road", "airport",
    "port", "peninsula", "border", "village", "park", "hotel", "house", "palace", "museum", "festival",
    "olympics", "cup", "era", "revolution", "plan", "program", "programme", "act", "law", "resolution",
    "council", "committee", "office", "service", "union", "association", "bank", "company", "group",
    "corporation", "airlines", "railway", "railways", "express", "korea", "china", "japan", "russia",
}  # fmt: skip
PREPOSITIONS = {"in", "at", "from", "of", "by", "with", "for", "to", "on", "about", "against", "between", "among"}
# Connecting words a role may hold before a name: "Ambassador to China Lee", "head of the party Kim".
_ROLE_GLUE = {"of", "to", "for", "at", "the", "and", "'s", "’s"}


# A body named with "of" or "for": "Ministry of Public Security", "Public Security Department of Liaoning",
# "Korea Institute for National Unification" — the head noun says it is a body, the rest is its name.
_BODY_OF = re.compile(
    rf"\b(?:{_WORD}\s+){{0,3}}(?:Ministry|Department|Bureau|Office|Committee|Commission|Academy|Institute|"
    rf"Council|Embassy|Consulate|Administration|Agency|Centre|Center|University|Federation|Association|"
    rf"Union|Assembly|Congress)\s+(?:of|for)\s+(?:the\s+)?{_WORD}(?:\s+{_WORD}){{0,4}}\b"
)


# A body's kind written in lower case after its name: "the Dandong Hongxiang company", "the Global Times newspaper".
_KIND_NOUN = re.compile(
    r"[ \t]+(?:company|firm|corporation|conglomerate|group|newspaper|daily|news agency|agency|broadcaster)\b"
)


def _with_kind_noun(text: str, end: int) -> int:
    """Where a name run ends once a lower-case kind noun after it is taken in."""
    kind = _KIND_NOUN.match(text, end)
    return kind.end() if kind else end


def names(view: DocView, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Capitalised runs that are not registry mentions, outside quotations, as (start, end).

    Registry mentions are blanked first, so "ambassador to China Lee Kyu-hyung" yields "Lee Kyu-hyung". A body
    named with "of" ("Ministry of Public Security") is one run, not two.
    """
    end = len(view.masked) if end is None else end
    blanked = list(view.masked[start:end])
    for s, e, actor_id, _surname in view.mentions_within(start, end):
        if actor_id:
            blanked[s - start : e - start] = _BLANK * (e - s)
    text = "".join(blanked)
    bodies = [(m.start(), m.end()) for m in _BODY_OF.finditer(text)]
    runs = [
        (m.start(), _with_kind_noun(text, m.end()))
        for m in NAME.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in bodies)
    ]
    return [(start + s, start + e) for s, e in sorted(bodies + runs)]


_BLANK = "▒"
POSSESSIVE = ("'s", "’s", "`s")


def name_speaker(view: DocView, start: int, end: int) -> Speaker | None:
    """A capitalised run not in the registry as a person (with its role) or a body; None when it is neither.

    A person needs a role: a title before the name ("spokesman Hong Lei") or an appositive after it
    ("Kang Chol, North Korea's vice foreign minister"), so places and events are not taken for people.
    """
    run = view.text[start:end]
    words = run.split()
    if words[0] in roles.FIRST_NOT_NAME and len(words) == 2:
        return None
    kind = roles.body_type(run)
    if kind:
        return Speaker(
            _without_article(run), roles.body_group(owner_before(view, start) + " " + run, kind), body_type=kind
        )
    title, name = roles.split_title(run)
    if len(name.split()) < 2 or name.split()[-1].lower() in _NOT_PERSON_ENDS:
        return None
    role = " ".join(part for part in (role_before(view, start), title) if part)
    appositive = role_after(view, end)
    role = ", ".join(part for part in (role, appositive) if part)
    if not role:
        return None
    return Speaker(name, roles.classify_role(role, named=True), role=role, is_person=True)


def _without_article(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def owner_before(view: DocView, start: int) -> str:
    """The words that say whose a body is, right before its name: "China's", "the North Korean"."""
    before = view.masked[max(0, start - 30) : start]
    return re.split(r"[,;:()\u2591.—–]|\b(?:to|in|of|at|for|from|with|by|and|on|toward|towards)\b", before)[-1]


def role_before(view: DocView, start: int) -> str:
    """The role words right before a name: "Chinese Foreign Ministry spokesman" before "Hong Lei"."""
    before = view.masked[max(0, start - 100) : start]
    before = re.split(r"[,;:()\u2591.—–]|\b(?:said|says|told|and|but|that|who|when|as)\b", before)[-1]
    words = before.split()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.lower().strip("'’")
        if bare in roles.TITLE_WORDS or word[:1].isupper() or bare in _ROLE_GLUE or word.endswith(("'s", "’s")):
            kept.insert(0, word)
            continue
        break
    while kept and kept[0].lower() in _ROLE_GLUE:
        kept.pop(0)
    if not any(w.lower().strip(".") in roles.TITLE_WORDS for w in kept):
        return ""
    return " ".join(kept)


def role_after(view: DocView, end: int) -> str:
    """An appositive right after a name: ", North Korea's vice foreign minister," → that role."""
    rest = view.masked[end : end + 160]
    match = re.match(r"\s*,\s*([^,;:\u2591()]{3,120}?)\s*(?:[,;:()\u2591]|\.\s|\.$|$)", rest)
    if match is None:
        return ""
    piece = match.group(1).strip()
    return piece if is_appositive(piece) else ""


def is_appositive(piece: str) -> bool:
    """True for a piece that says who someone is or what a body is.

    "a professor at Dongguk University", "a think tank", "Japan's public broadcaster", "the party's newspaper".
    """
    if not piece or len(piece.split()) > 16 or roles.REPORTING_VERBS.search(piece):
        return False
    described_body = bool(re.match(r"(?:a|an|the|\S+['’]s)\s", piece)) and bool(roles.body_type(piece))
    return roles.has_role_words(piece) or described_body
