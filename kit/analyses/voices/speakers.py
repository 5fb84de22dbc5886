"""What may stand in the speaker column: a noun phrase that names someone, never a piece of a clause.

A speaker is a name ("Hua Chunying"), a title and name, a role phrase ("the North Korean leader", "a trader in
North Pyongan", "the ministry's spokesman"), an organisation or a medium ("the Russian Foreign Ministry",
"KCNA") — or a pronoun that the reader's memory resolved to one of these. Anything else that the rules
happen to pick up is a fragment of the sentence around the cue ("whereupon the leader", "where he",
"criticism of the ministry which", "a rift between the neighbours"), and a quotation given to a fragment is
worse than one given to nobody: it reaches the tables with a made-up voice. :func:`fragment_reason` says why a
candidate is not a speaker; :func:`kit.analyses.voices.extract_quotes` then leaves the speaker empty, the group
``unknown``, and writes the reason in the ``abstained`` column.

    fragment_reason("Foreign Ministry spokesman Geng Shuang") → ""
    fragment_reason("whereupon the leader")                   → "starts with 'whereupon'"
    fragment_reason("criticism of the ministry which")        → "ends with 'which'"
"""

from __future__ import annotations

import re

from kit.analyses.voices import roles

# Words that open or close a clause or a prepositional phrase, never a noun phrase: relative pronouns and
# adverbs, conjunctions, prepositions (a phrase may hold them inside: "a trader in Dandong", never at an edge).
_EDGE_WORDS = {
    "who", "whom", "whose", "which", "that", "where", "when", "whereupon", "whereby", "wherein", "whereas",
    "while", "whilst", "and", "or", "but", "nor", "if", "because", "although", "though", "since", "unless",
    "as", "than", "so", "then", "of", "in", "at", "on", "to", "from", "by", "with", "for", "about", "into",
    "onto", "upon", "after", "before", "during", "between", "among", "against", "through", "under", "over",
    "not", "also", "only", "even", "just", "there", "here", "is", "was", "were", "are", "be", "been",
    "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "did", "does", "do",
    "amid", "amidst", "despite", "following", "toward", "towards", "via", "per", "like", "including",
    "regarding", "concerning", "across", "within", "without", "throughout", "until", "till", "whether",
}  # fmt: skip
# Words that may close a phrase though they look like edges ("the Ministry of Foreign Affairs" ends in a name).
_ARTICLES = {"the", "a", "an"}
# Pronouns: a speaker only once resolved, and then the table shows the name, not the pronoun.
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "we", "i", "you", "his", "its", "their"}
_MAX_WORDS = 14
_QUANTIFIERS = {"one", "two", "three", "some", "many", "several", "most", "all", "each", "any", "none", "both"}
# Words that end a noun phrase's head: prepositions and relative words ("a source in Beijing").
_HEAD_ENDS = {
    "in", "at", "of", "from", "with", "for", "on", "about", "against", "between", "among", "under", "who",
    "which", "that", "to",
}  # fmt: skip


def fragment_reason(speaker: str) -> str:
    """Why ``speaker`` is not a noun phrase naming someone; "" when it is one (or is empty: no speaker).

    Refused: a relative pronoun, conjunction, preposition or auxiliary at either edge, an article at the end,
    a reporting verb anywhere, a bare pronoun (left unresolved), quotation marks or clause punctuation inside,
    more than fourteen words, and a phrase with neither a capitalised name, nor a role, nor a kind of body
    ("a rift between the neighbours").
    """
    phrase = " ".join(speaker.split())
    if not phrase:
        return ""
    words = [word.strip(",.()'’\"") for word in phrase.split()]
    words = [word for word in words if word] or [phrase]
    first, last = words[0].lower(), words[-1].lower()
    if len(words) == 1 and first in _PRONOUNS:
        return f"an unresolved pronoun {words[0]!r}"
    if first in _EDGE_WORDS or first in _PRONOUNS - {"his", "its", "their", "her"}:
        return f"starts with {words[0]!r}"
    if last in _EDGE_WORDS or last in _ARTICLES or last in _PRONOUNS - {"him", "her", "them"}:
        return f"ends with {words[-1]!r}"
    if re.search(r"[\"“”«»;:—]|\s[–-]\s", phrase):
        return "holds clause punctuation or a quotation mark"
    if len(words) > _MAX_WORDS:
        return f"{len(words)} words: longer than a noun phrase"
    verb = roles.REPORTING_VERBS.search(phrase)
    if verb is not None and not _role_noun(phrase, verb.group()):
        return f"holds the verb {verb.group()!r}"
    if not _names_someone(words, phrase):
        return "names no person, role or body"
    return ""


def _role_noun(phrase: str, verb: str) -> bool:
    """A reporting-verb form that is a noun or an adjective in a role: "the general's statement", "remarks"."""
    return verb.lower() in {"states", "reports", "notes", "spoken", "writes", "speaks"} and bool(
        re.search(r"\b(?:united states|member states|reports?|notes?)\b", phrase, re.IGNORECASE)
    )


def _names_someone(words: list[str], phrase: str) -> bool:
    """The phrase's head — its words before a preposition or a relative word — holds a capitalised word past
    the first (or a capitalised first word that is not just sentence case), a role word, a person noun or a
    kind of body: "a trader in North Pyongan" (trader), never "troops in Russia's war" (the name is in the PP).
    """
    partitive = len(words) > 2 and words[0].lower() in _QUANTIFIERS and words[1].lower() == "of"  # "one of the …"
    cut = next((i for i, word in enumerate(words) if i > partitive and word.lower() in _HEAD_ENDS), len(words))
    words, phrase = words[:cut], " ".join(words[:cut])
    if any(word[:1].isupper() for word in words[1:]) or (words[0][:1].isupper() and len(words) == 1):
        return True
    if words[0][:1].isupper() and words[0].lower() not in _ARTICLES | {"one", "two", "some", "several", "other"}:
        return True
    lowered = {word.lower() for word in words}
    return (
        roles.has_role_words(phrase)
        or bool(roles.body_type(phrase))
        or bool(lowered & set(roles.PERSON_NOUNS))
        or bool(lowered & {"people", "public", "officials", "diplomats", "sources", "analysts", "experts"})
    )
