"""What a role says about a speaker: speaker group, kind of body, and where a name starts after its title.

These rules read English news in general, not one outlet: a role's words say the side ("China's",
"North Korean", "Pyongyang's") and the function ("spokesperson", "professor", "source"); a body's name
says what it is ("… Daily" is a newspaper, "… News Agency" an agency, "… Ministry" a ministry).

    classify_role("a spokesperson for China's foreign ministry")  → official_prc
    classify_role("Kang Chol, North Korea's vice foreign minister") → official_dprk
    classify_role("a professor at Renmin University")             → analyst
    classify_role("a resident of the city")                       → public
    body_type("Rodong Sinmun") → newspaper;  body_type("Korean Central News Agency") → agency
"""

from __future__ import annotations

import calendar
import functools
import re

from kit.preprocess import wordstart

# Capitalised words that start a sentence or a clause, not a name: "The", "According", "Monday", "March".
FIRST_NOT_NAME = {
    "The", "A", "An", "In", "On", "At", "As", "But", "And", "This", "That", "These", "Those", "It", "He",
    "She", "They", "We", "If", "When", "While", "According", "Both", "Since", "After", "Before", "During",
    *calendar.day_name, *(month for month in calendar.month_name if month),
}  # fmt: skip

# Reporting verbs, e.g. "said", "noting", "pointed out", and the verbs that frame a quoted fragment:
# "denounced the 'bullying'", "highlighted the 'invincibility'", "called for 'restraint'".
# Every verb starts a word, with one of a few letters: the look-ahead for them (kit.preprocess.wordstart) lets the
# regex pass every other place without trying each verb there; it never changes a match.
_VERBS = (
    r"said|says|say|saying|stated|states|stating|noted|notes|noting|added|adds|adding|told|tells|"
    r"reported|reports|wrote|writes|explained|explains|insisted|argued|argues|warned|warns|warn|warning|stressed|"
    r"stresses|emphasi[sz]ed|emphasi[sz]es|agreed|agrees|declared|announced|remarked|commented|acknowledged|"
    r"asserted|claimed|vowed|pledged|expressed|expressing|affirmed|affirming|referenced|referred to|"
    r"pointed out|shared the view|urged|urging|denounced|condemned|criticised|criticized|praised|hailed|"
    r"highlighted|called for|called on|described|lauded|welcomed|accused|slammed|blasted|labell?ed|branded|"
    r"promised|reiterated|underlined|underscored|lamented|voiced|conveyed|wished|quipped|recalled|asked|"
    r"replied|responded|answered|confirmed|denied|predicted|believes|believed|thinks|suggested|praising|calling|describing|hailing|denouncing|condemning|"
    r"criticising|criticizing|welcoming|accusing|stressing|emphasi[sz]ing|highlighting|vowing|pledging|promising|"
    r"reiterating|insisting|claiming|declaring|lauding|blasting|slamming|cautioned|cautions|cautioning|arguing|"
    r"telling|writing|explaining|announcing|asserting|acknowledging|pointing out|recalling|"
    r"proclaimed|proclaims|proclaiming|threatened|threatens|threatening|spoke|spoken|speaks|likened|likens|"
    r"tweeted|tweets|posted|posts|"
    r"used the (?:analogy|metaphor|image|expression)"
)


REPORTING_VERBS = re.compile(wordstart.words(_VERBS) + r"\b", re.IGNORECASE)

# Anonymity: "a source", "insiders", "who asked not to be named".
_SOURCE = re.compile(
    r"\b(?:sources?|insiders?|anonymity|declined to be (?:named|identified)|asked not to be (?:named|identified)|"
    r"requested anonymity|spoke on background)\b",
    re.IGNORECASE,
)
# Expertise: "a professor at …", "a senior fellow", "analysts", "a think tank".
_ANALYST = re.compile(
    r"\b(?:professor|researcher|research fellow|fellow|analysts?|experts?|scholars?|economists?|lecturer|"
    r"academics?|think[- ]tank|institute|university|academy|studies|observers?|specialists?|commentators?)\b",
    re.IGNORECASE,
)
# Offices of a state: a role with one of these words is an official whatever else it says.
_STATE_OFFICE = re.compile(
    r"\b(?:ministers?|ministry|ministries|spokes(?:person|man|woman|people|men|women)|ambassadors?|envoys?|"
    r"diplomats?|consul|lawmakers?|legislators?|parliament\w*|president|premier|prime minister|"
    r"secretary|governments?|authorities|embassy|military|army|navy|generals?|vice[- ]chairman|"
    r"state council|politburo|central committee|foreign affairs|(?:permanent )?representatives?|"
    r"delegates?|delegations?|mayor|governor|senators?|congressman|congresswoman|chancellor|king|"
    r"head of state|regime)\b",
    re.IGNORECASE,
)
# Civil society: a role in a non-governmental body is no office of a state, whatever country it works on
# ("head of Seoul-based rights NGO Justice for North Korea").
_CIVIL = re.compile(
    r"\b(?:NGOs?|non-?governmental|rights (?:group|organi[sz]ation)s?|human rights|activists?|charity|charities|"
    r"missionar(?:y|ies)|advocacy|campaigners?|humanitarian (?:group|organi[sz]ation)s?)\b",
    re.IGNORECASE,
)
# Words that make a description one of a person (or a few): "an official", "a man", "a staff member".
_A_PERSON = re.compile(
    r"\b(?:officials?|person|persons|people|man|men|woman|women|members?|staff(?:er|ers)?|employees?|insiders?|"
    r"someone|somebody|fishermen|fisherman|agents?|officers?|representatives?|spokes\w*|diplomats?|sources?|"
    r"partners?|guides?|guards?|soldiers?|police(?:man|men|woman)?|managers?|owners?|clerks?|teachers?|doctors?)\b",
    re.IGNORECASE,
)
# Business: "a trader in Dandong", "a spokesman for the company", "Chinese businessmen".
_BUSINESS = re.compile(
    r"\b(?:traders?|business(?:man|men|woman|women|people|person)|merchants?|entrepreneurs?|executives?|CEO|"
    r"chief executive|shop ?(?:keeper|owner)s?|store owners?|vendors?|dealers?|smugglers?|investors?|"
    r"compan(?:y|ies)|firms?|conglomerates?|manufacturers?|exporters?|importers?|tour operators?|"
    r"(?:travel|tour) agen(?:t|ts|cy|cies))\b",
    re.IGNORECASE,
)
# A body of a state, which keeps a business word from making its staff business people ("the commerce ministry").
_GOVERNMENT_BODY = re.compile(r"\b(?:ministry|ministries|government|embassy|consulate|state council)\b", re.IGNORECASE)
# Journalists speaking for their outlet: "a reporter", "the newspaper's editor", "a KBS correspondent".
_JOURNALIST = re.compile(
    r"\b(?:journalists?|reporters?|correspondents?|editors?|columnists?|anchor(?:man|men|woman|women)?s?|bloggers?)\b",
    re.IGNORECASE,
)
# Private people: "a resident of Dandong", "Chinese tourists", "a North Korean defector".
_PUBLIC = re.compile(
    r"\b(?:residents?|citizens?|villagers?|locals?|tourists?|travell?ers?|passengers?|defectors?|refugees?|"
    r"students?|workers?|farmers?|fisherm[ae]n|eyewitness(?:es)?|witness(?:es)?|passers?-by|relatives?|"
    r"visitors?|shoppers?|customers?|pensioners?|housewi(?:fe|ves)|drivers?)\b",
    re.IGNORECASE,
)
# Party names whose words are no private person's ("Workers' Party").
_PARTY_NAMES = re.compile(r"\bWorkers['’] Party\b")
# States and international bodies other than the PRC and the DPRK.
_OTHER_STATE = re.compile(
    r"\b(?:U\.S\.|US|USA|United States|America|American|Americans|Washington|White House|Pentagon|"
    r"State Department|Russia|Russian|Russians|Moscow|Kremlin|Japan|Japanese|Tokyo|South Korea|South Korean|"
    r"Seoul|Republic of Korea|ROK|Blue House|UN|U\.N\.|United Nations|Security Council|IAEA|EU|European|"
    r"Britain|British|UK|France|French|Germany|German|Ukraine|Ukrainian|Kyiv|Taiwan|Taiwanese|Mongolia|"
    r"Mongolian|Vietnam|Vietnamese|India|Indian|Pakistan|Pakistani|Australia|Australian|Canada|Canadian)"
    r"(?:['’]s)?(?![\w.])"
)
# Generic posts that make an official only with a side named: "a Chinese official", "a senior official".
_POST = re.compile(
    r"\b(?:officials?|director|head|chief|chairman|chairwoman|commander|party|leaders?)\b", re.IGNORECASE
)
# A side is named by the state, its capital, its party or agency — or a province or border city of the
# China–North Korea coverage ("the Public Security Department of Liaoning province", "officials in Sinuiju").
_PRC = re.compile(
    r"\b(?:China|China['’`]s|Chinese|PRC|Beijing|Communist Party of China|CCP|CPC|Xinhua|Liaoning|Jilin|"
    r"Heilongjiang|Dandong|Shenyang|Yanbian|Hunchun|Tumen City)\b"
)
_DPRK = re.compile(
    r"\b(?:North Korean?s?|North Korea['’`]s|DPRK|Pyongyang|Workers['’] Party|the North(?:['’`]s)?|KCNA|"
    r"Sinuiju|Rason|Kaesong|Hamhung|Chongjin|Hyesan|Nampo|North Pyongan|South Pyongan|Ryanggang|Jagang)\b"
)
# Where an office is posted, not whose it is: "ambassador to China", "a diplomat in Beijing".
_DESTINATION = re.compile(r"\b(?:to|in|toward|towards|visiting)\s+(?:the\s+)?(?:[A-Z][\w'’`.-]*\s*)+")
# A description of one unnamed person: "a resident", "one of the released fishermen", "another travel agent".
_ONE_PERSON = re.compile(r"^(?:a|an|one|another)\b", re.IGNORECASE)

# A body's type from its name; the first pattern that matches wins.
_BODY_TYPES = (
    (
        "agency",
        re.compile(
            r"\b(?:news agency|agency|Xinhua|KCNA|Yonhap|Reuters|AFP|Agence France-Presse|Associated Press|Kyodo|"
            r"TASS|Bloomberg|Ukrinform|Interfax|Sputnik)\b",
            re.I,
        ),
    ),
    ("media", re.compile(r"\b(?:state media|media|press|news outlets?|mouthpiece)\b", re.I)),
    ("broadcaster", re.compile(r"\b(?:television|TV|broadcast\w*|radio|CCTV|KCTV|KBS|MBC|NHK|BBC|CNN)\b", re.I)),
    (
        "newspaper",
        re.compile(
            r"\b(?:newspapers?|papers?|daily|dailies|times|post|herald|sinmun|ilbo|journals?|tribune|gazette)\b", re.I
        ),
    ),
    ("ministry", re.compile(r"\b(?:ministry|ministries|department)\b", re.I)),
    ("party", re.compile(r"\b(?:party|central committee|politburo)\b", re.I)),
    ("council", re.compile(r"\b(?:council|assembly|congress|parliament)\b", re.I)),
    (
        "company",
        re.compile(r"\b(?:company|companies|firm|corporation|conglomerate|enterprise|Co\.|Ltd|Inc|airlines?)\b", re.I),
    ),
    ("government", re.compile(r"\b(?:government|administration|authorities|cabinet|state|regime)\b", re.I)),
    ("think_tank", re.compile(r"\b(?:institute|center|centre|foundation|think[- ]tank|university)\b", re.I)),
)
# Body types that publish others' words: their "added" or "reported" after a person's words relays them.
MEDIA_TYPES = {"agency", "broadcaster", "newspaper", "media"}
# Body types that are part of a state when a side is named: "Chinese state media", "North Korea's foreign ministry".
STATE_TYPES = {"agency", "broadcaster", "newspaper", "media", "ministry", "party", "council", "government"}
# Verbs of speaking (not of agreeing or describing): "Xi said … , KCNA reported" is Xi's speech via KCNA.
SPEECH_VERBS = re.compile(
    r"\b(?:said|says|told|tells|stated|states|noted|notes|added|adds|stressed|stresses|emphasi[sz]ed|remarked|"
    r"declared|asserted|explained|warned|urged|insisted|argued|saying|telling|adding|noting|stressing)\b",
    re.IGNORECASE,
)
# What "the publication" refers back to: a body of any of the MEDIA_TYPES.
ANY_MEDIUM = "any medium"
# Nouns of "the newspaper said", mapped to the body type they refer back to.
BODY_NOUNS = {
    "newspaper": "newspaper", "paper": "newspaper", "daily": "newspaper", "editorial": "newspaper",
    "agency": "agency", "news agency": "agency", "wire service": "agency",
    "broadcaster": "broadcaster", "television": "broadcaster", "channel": "broadcaster", "station": "broadcaster",
    "ministry": "ministry", "foreign ministry": "ministry", "department": "ministry", "media": "media",
    "party": "party", "council": "council", "government": "government", "administration": "government",
    "publication": ANY_MEDIUM, "outlet": ANY_MEDIUM, "news outlet": ANY_MEDIUM,
    "company": "company", "firm": "company", "corporation": "company",
}  # fmt: skip
# Nouns of a text a body issued: "the report said", "added the report", "the statement said" refer back to
# the body quoted last (else the body last named as a subject) in the passage.
DOCUMENT_NOUNS = {"report", "statement", "dispatch", "commentary", "article", "readout", "communique", "communiqué"}
# Groups a definite description may refer back to by group alone: "the source" after "a resident who asked
# not to be named", "the expert" after "a professor at Renmin University".
NOUN_GROUPS = {"source": "unnamed_source", "analyst": "analyst", "expert": "analyst", "official": ""}
# Nouns of "the spokesman said" that refer back to a person, with the words ("|" between them) one of which the
# person's role or name must hold; None: any person ("the official"). "The diplomat" is anyone in a foreign service:
# an ambassador, an envoy, a foreign ministry's spokesperson.
PERSON_NOUNS = {
    "spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes", "official": None,
    "minister": "minister", "ambassador": "ambassador", "envoy": "envoy",
    "diplomat": "diplomat|ambassador|envoy|consul|foreign ministry|foreign minister|foreign affairs",
    "president": "president", "premier": "premier", "leader": "leader", "source": "source",
    "analyst": "analyst", "expert": "expert", "professor": "professor", "researcher": "researcher",
    "resident": "resident", "agent": "agent", "man": None, "woman": None, "fisherman": "fisherm",
    "businessman": "businessm", "trader": "trader", "director": "director", "chairman": "chairman",
    "secretary": "secretary", "scholar": "scholar", "activist": "activist", "defector": "defector",
    "general": "general", "commander": "commander", "representative": "representative",
}  # fmt: skip

# Words that stand before a name as a title or a role ("Foreign Minister", "spokesman", "Dr.").
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "president", "premier", "chairman", "chairwoman", "minister",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "secretary", "general", "gen", "lt",
    "col", "admiral", "leader", "vice", "deputy", "foreign", "prime", "former", "senior", "chief", "director",
    "founder", "head", "official", "analyst", "researcher", "fellow", "expert", "editor", "correspondent",
    "senator", "sen", "rep", "governor", "mayor", "marshal", "comrade", "supreme", "first", "state",
    "defense", "defence", "unification", "trade", "commerce", "finance", "representative", "permanent",
    "councillor", "councilor", "counselor", "lawmaker", "diplomat", "commander", "general-secretary",
    "lecturer", "scholar", "economist", "activist", "pastor", "reverend", "rev", "king", "queen",
    "anchor", "anchorwoman", "anchorman", "reporter", "journalist", "columnist", "businessman", "businesswoman",
    "trader", "defector", "resident", "entrepreneur", "executive", "ceo", "chairperson", "commentator",
}  # fmt: skip
# Place and side words that are never part of a person's name ("China Lee Kyu-hyung" → "Lee Kyu-hyung").
PLACE_WORDS = {
    "china", "chinese", "korea", "korean", "north", "south", "dprk", "prc", "rok", "us", "u.s.", "usa",
    "america", "american", "japan", "japanese", "russia", "russian", "beijing", "pyongyang", "seoul",
    "tokyo", "moscow", "washington", "un", "u.n.", "taiwan", "taiwanese", "mongolia", "vietnam", "the",
    "british", "britain", "european", "eu", "german", "french", "india", "indian", "asia", "asian",
    "sino", "inter-korean", "u.n", "u.s", "u.k", "korea's", "china's", "north's", "south's", "koreans",
    "americans", "russians",
}  # fmt: skip


def classify_role(description: str, *, named: bool = False) -> str:
    """The speaker group a role or description points to (the taxonomy is :data:`kit.analyses.voices.actors.GROUPS`).

    In order: anonymity words → ``unnamed_source``; expertise → ``analyst``; a role in civil society (an
    NGO, a rights group, a mission) → ``ngo``; a role in business (a trader, a company's spokesman) →
    ``business``; a state office, or a generic post with a state named → that state's side
    (``official_dprk``, ``official_prc``, ``official_other``), and ``unknown`` when no state is named —
    "the foreign ministry spokesman" alone says no side, and a guess could cross sides; a journalist →
    ``media`` (or the side, for PRC and DPRK state media); a private person (a resident, a tourist, a
    defector) → ``public``; another description of one unnamed person ("an official at a travel agency")
    → ``unnamed_source`` (not for a ``named`` person's role: a name is no anonymity); anything else →
    ``unknown``.
    """
    if _SOURCE.search(description):
        return "unnamed_source"
    if _ANALYST.search(description):
        return "analyst"
    if _CIVIL.search(description):
        return "ngo"
    if _BUSINESS.search(description) and not _GOVERNMENT_BODY.search(description):
        return "business"
    if _STATE_OFFICE.search(description) or (_POST.search(description) and state_side(description)):
        # no state named: an unnamed person in an office ("one diplomat") is an unnamed source; a named one or a
        # body ("the foreign ministry spokesman") is unknown — no side is guessed
        anonymous = _ONE_PERSON.match(description.strip()) is not None and not named
        return state_side(description) or ("unnamed_source" if anonymous else "unknown")
    if _JOURNALIST.search(description):
        return side(description) or "unknown"  # whose journalist is not guessed: state media speak for a side
    if _PUBLIC.search(_PARTY_NAMES.sub(" ", description)):
        return "public"
    if _ONE_PERSON.match(description.strip()) and _A_PERSON.search(description) and not named:
        return "unnamed_source"  # "an official at a travel agency" — but not "Zhang Wei, a man at …", nor "a rift"
    return "unknown"


def state_side(description: str, *, seat: bool = False) -> str:
    """The side of a state named in a description: DPRK and PRC first (:func:`side`), then any other state
    or international body ("Russian", "the U.S.", "South Korea's", "the UN") → ``official_other``; "" when no
    state is named. Where an office is posted is not its side ("the US ambassador to China" is the US's).
    """
    if seat:  # a ministry "in Beijing" sits in its own capital: there a place is a side
        sided = "official_dprk" if _DPRK.search(description) else "official_prc" if _PRC.search(description) else ""
        return sided or ("official_other" if _OTHER_STATE.search(description) else "")
    sided = side(description)
    if sided:
        return sided
    return "official_other" if _OTHER_STATE.search(_DESTINATION.sub(" ", description)) else ""


def body_group(words: str, kind: str) -> str:
    """The group of a body not in the registry, from the words that name it and its :func:`body_type`.

    PRC and DPRK newspapers, agencies and broadcasters are state media (generic "media" only when the words
    say state or official: "Chinese media" may be any outlet); other outlets are ``unknown`` unless the
    registry knows them (an outlet's name rarely says whose it is); a think tank
    as ``analyst``; a ministry, party, council or government takes the state named (:func:`state_side`),
    else ``unknown`` (no side is guessed).
    """
    if kind in MEDIA_TYPES:
        sided = side(words)
        of_a_state = re.search(r"\b(?:state|state-run|state-owned|official|party|government)\b", words, re.IGNORECASE)
        if sided and (kind != "media" or of_a_state or sided == "official_dprk"):
            return sided  # North Korea has no media but the state's: "Pyongyang's media" speak for it
        # "Chinese media" may be any outlet, "state media" any state's, and an outlet named without a side
        # may be a state's (KCNA is the "Korean Central News Agency"): none is guessed. Outlets the registry
        # knows have their group there.
        return "unknown"
    if kind == "think_tank":
        return "analyst"
    if kind == "company":
        return "business"
    if kind in STATE_TYPES:
        return state_side(words, seat=kind in ("ministry", "government", "party", "council")) or "unknown"
    return "unknown"


def has_role_words(piece: str) -> bool:
    """True when a piece names a function: an office, a post, expertise, anonymity, or a private role (a
    trader, a resident, a reporter, an activist).
    """
    return any(
        pattern.search(piece)
        for pattern in (_SOURCE, _ANALYST, _STATE_OFFICE, _POST, _CIVIL, _BUSINESS, _JOURNALIST, _PUBLIC)
    )


def side(description: str) -> str:
    """``official_dprk`` or ``official_prc`` when the words name that side (North Korea first), else "".

    A destination is not a side: "South Korea's ambassador to China" names no PRC official.
    """
    description = _DESTINATION.sub(" ", description)
    if _DPRK.search(description):
        return "official_dprk"
    if _PRC.search(description):
        return "official_prc"
    return ""


@functools.lru_cache(maxsize=4096)  # the same registry names and phrases are typed again in every article
def body_type(name: str) -> str:
    """What kind of body a name is: agency, broadcaster, newspaper, ministry, party, council, government,
    think_tank — or "" when the name does not say.
    """
    for kind, pattern in _BODY_TYPES:
        if pattern.search(name):
            return kind
    return ""


def split_title(phrase: str) -> tuple[str, str]:
    """Split a name written after its title or role: ``(role, name)``.

    ``"Chinese Foreign Ministry spokesman Hong Lei"`` → ``("Chinese Foreign Ministry spokesman", "Hong Lei")``;
    ``"Ambassador Lee"`` → ``("Ambassador", "Lee")``; a phrase without a title → ``("", phrase)``.
    The name is the longest run of words at the end that are neither title nor place words.
    """
    words = phrase.split()
    cut = len(words)
    while cut > 0 and is_name_word(words[cut - 1]):
        cut -= 1
    if cut == len(words) or cut == 0:
        return "", phrase.strip()
    return " ".join(words[:cut]), " ".join(words[cut:])


def is_name_word(word: str) -> bool:
    """A capitalised word that is neither a title ("Minister") nor a place or side ("Chinese")."""
    bare = word.strip(",.;:()").lower()
    return bool(word[:1].isupper()) and bare not in TITLE_WORDS and bare not in PLACE_WORDS


@functools.lru_cache(maxsize=4096)
def name_parts(name: str) -> frozenset[str]:
    """The words a person may be called by alone: every word of the name, hyphenated parts kept whole.

    ``"Lee Kyu-hyung"`` → {"Lee", "Kyu-hyung"}; ``"Chad O’Carroll"`` → {"Chad", "O’Carroll", "O'Carroll"}.
    """
    parts = set()
    for word in name.split():
        parts.add(word)
        parts.add(word.replace("’", "'"))
    return frozenset(parts)
