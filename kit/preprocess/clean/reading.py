"""Reading a line of an article: does it read as prose, a date, a label, a lead; does it run on into the next.

The measures here (how long prose is, what a date or a menu looks like) are shared by the whole-line patterns
(:mod:`kit.preprocess.clean.patterns`), the parts cut from a line (:mod:`kit.preprocess.clean.parts`) and the rules
that read a line by its place (:mod:`kit.preprocess.clean.header`).
"""

from __future__ import annotations

import functools
import re

# A line longer than this reads as prose; removing one is a warning.
PROSE_CHARS = 150

# A menu of sections separated by "|", three items or more of a few words: "News | Web Resources | Yellow Pages".
MENU_SEPARATOR = re.compile(r"\s*[|•·]\s*")
# Words a share/print/navigation strip is made of: "Email | Print | Subscribe", "Text size Aa Aa", "PrintPrint",
# "Font size A- A A+", "Skip to main content", "Report an error", "Terms of use | Privacy policy", "Show comments".
NAVIGATION_WORDS = frozenset({
    "a", "aa", "about", "advertise", "advertisement", "an", "apa", "article", "back", "blog", "bookmark",
    "breaking", "by", "caption", "chicago", "cite", "click", "close", "comment", "comments", "contact", "content",
    "contents", "copy", "correction", "corrections", "decrease", "dictionary", "disqus", "donate", "download",
    "editor", "editors", "email", "enlarge", "error", "facebook", "feedback", "font", "fontsize", "forum",
    "friendly", "go", "hide", "home", "image", "in", "increase", "journalism", "kakaotalk", "large", "larger",
    "like", "line", "link", "linkedin", "listen", "live", "load", "log", "login", "mail", "main", "medium", "menu",
    "mla", "more", "navigation", "new", "next", "of", "on", "opens", "our", "page", "pdf", "picks",
    "policy", "powered", "prev", "previous", "print", "privacy", "reddit", "report", "republish", "reset", "reuse",
    "save", "search", "see", "send", "share", "show", "sign", "size", "skip", "small", "smaller", "story", "style",
    "subscribe", "support", "tags", "telegram", "terms", "text", "the", "this", "to", "toggle", "top", "topics",
    "tweet", "twitter", "up", "us", "use", "via", "view", "watch", "wechat", "weibo", "whatsapp", "window", "with",
    "x", "your",
})  # fmt: skip
# Navigation words that are common English too: a strip needs one word besides them ("Show comments", but not a
# wrapped line of body text "support of the" or a heading "Back to the Table").
COMMON_NAVIGATION_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "by", "with", "up", "this", "us", "our", "your", "more", "see", "show",
    "like", "new", "use", "report", "support", "live", "watch", "view", "top", "back", "next", "story", "article",
    "page", "line", "link", "main", "save", "close", "copy", "send", "sign", "log", "go", "home", "style", "search",
    "menu", "x", "about", "open", "window", "image", "contact",
})  # fmt: skip

# ---------------------------------------------------------------- reading a line
# A sentence ends: ".", "?", "!", "…", ":" or ";" possibly followed by closing quotes or brackets.
TERMINAL = re.compile(r"[.?!…:;][\"”’')\]]*$")
# Two sentences meet: "… Pyongyang. The two …".
SENTENCE_BREAK = re.compile(r"(?:[a-z]{2}|\d{2}|[)”\"’])[.?!][\"”’]?\s+[\"“‘]?[A-Z]")
# A quotation: a line opening with a double quote, or a quoted stretch of four words or more.
QUOTATION = re.compile(r"^[\"“]|[\"“](?:[^\"”\s]+\s+){3,}")
MONTH_OR_WEEKDAY_WORD = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$"
)
NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}")
# A clock time, e.g. "10:12".
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
# A calendar date, e.g. "2024-03-04", "March 4", "4 Mar".
CALENDAR_DATE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|"
    r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
# How many capitalised words (an app's or site's name) a time-stamped dateline may hold beside its date.
SITE_NAME_WORDS = 5
# A field of a line joined by "|" is at most this many words; a menu item, this many.
FIELD_WORDS = 10
MENU_ITEM_WORDS = 4
DATE_FILLER = {"at", "am", "pm", "a", "p", "m", "on", "the", "of", "date", "updated", "published", "posted", "time"}
# Words a Title Case heading leaves in lower case.
MINOR_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "via", "into", "over", "under", "per", "than", "up", "off", "out",
}  # fmt: skip
# A list item: "• Exports rose", "- Imports fell", "* Trade halted".
BULLET = re.compile(r"^[•·▪*\-–]\s+\S")
# How a sentence (or a paragraph cut off mid-sentence) starts: a capital, a digit, a quote or a bracket.
SENTENCE_START = re.compile(r"[\"“‘'(A-Z0-9]")
WORD = re.compile(r"[^\W\d_][\w’'\-]*")
# Content words compared between a standfirst and the lead: four letters or more.
CONTENT_WORD = re.compile(r"[a-z][a-z’'\-]{3,}")

# A section label is at most this many words.
LABEL_WORDS = 5
# A subheading in sentence case ("Trade ties deepen") is at most this many words; a related-story headline is longer.
SUBHEADING_WORDS = 6
# A short exclamation above the body is a promotion ("Find a Security Clearance Job!") up to this many words.
PROMOTION_WORDS = 6

# A sentence told in the past or reported: a body paragraph's verbs ("said", "told", "discussed"), not a caption's.
REPORTED = re.compile(r"\b(?:say|said|says|told|according|was|were|had|would|could|[a-z]{3,}ed)\b")

# ---------------------------------------------------------------- lines that run on (hard-wrapped text)
# Words a line cannot end a heading or a sentence with: a line ending so runs on into the next one.
RUN_ON_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
    "into", "than", "that", "which", "who", "whose", "his", "her", "its", "their", "our", "is", "are", "was", "were",
    "be", "been", "has", "have", "had", "will", "would", "said", "says",
})  # fmt: skip
# The last word of a line, to see whether the line runs on: "… visiting North Korea said".
LAST_WORD = re.compile(r"([A-Za-z’']+)$")

# ---------------------------------------------------------------- datelines and leads
# A month name, full or abbreviated ("Oct.", "October"): shared with the notices' date patterns.
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A place, a day and an agency alone on a line: "BEIJING, Oct. 10, Kyodo", "Seoul, March 5 (Yonhap News)". Above
# the lead it is the lead's dateline (body); after the last paragraph it is the agency's sign-off.
PLACE_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){{0,2}},\s+{MONTH_NAME}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?:,\s*|\()"
    r"[A-Z][\w .&\-]{1,30}\)?$"
)
# A news lead opens with its dateline, "SEOUL, March 5 (Yonhap) --", "BEIJING (Reuters) -", "PYONGYANG:".
LEAD_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:,[^()\n]{1,30}?)?\s*(?:\([^()]{2,40}\))?\s*(?:--|—|–|-|:)\s"
)
# A news lead names the day of the event: "on Tuesday", "yesterday", "this morning", "Oct. 9", "9 October".
EVENT_DAY = re.compile(
    rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight|"
    rf"(?:this|last) (?:morning|afternoon|evening|night|week|month)|{MONTH_NAME} \d{{1,2}}|"
    rf"\d{{1,2}} {MONTH_NAME}(?=\W|$))\b"
)
# The rest of a line after the headline that makes it a page title: "Headline · Site name", "Headline | Outlet".
TITLE_TAIL = re.compile(r"^[|·•–—\-]\s")


def reads_as_prose(text: str) -> bool:
    """A line that reads as article text: longer than PROSE_CHARS, several sentences, or a quotation."""
    return len(text) > PROSE_CHARS or bool(SENTENCE_BREAK.search(text)) or bool(QUOTATION.search(text))


def is_dateline(text: str) -> bool:
    """A short line that is only a date or time stamp: "17:08, April 12, 2010", "Xinhua) 13:06, October 09, 2025".

    With both a clock time and a calendar date, an app's or site's name may stand beside them (up to
    SITE_NAME_WORDS capitalised words): "The Korea Herald App 10:12 March 4, 2024".
    """
    if len(text) > 80 or not has_date(text):
        return False
    words = re.findall(r"[A-Za-z]+", text)
    other = [
        w
        for w in words
        if not MONTH_OR_WEEKDAY_WORD.match(w.lower()) and w.lower() not in DATE_FILLER and not w.isupper()
    ]
    if len(text) <= 60 and len(other) <= 2:
        return True
    stamped = bool(CLOCK.search(text)) and bool(CALENDAR_DATE.search(text))
    return stamped and len(other) <= SITE_NAME_WORDS and all(w[0].isupper() for w in other)


def is_date_fields(text: str) -> bool:
    """Short fields joined by "|", one of them a date: "James Reynolds | 11:17 UK time, Wednesday, 10 September 2008",
    "June 13, 2011 06:37 pm | Updated November 28, 2021 09:18 pm IST - SEOUL, South Korea".
    """
    fields = [f for f in (f.strip() for f in text.split("|")) if f]
    if len(fields) < 2 or not any(has_date(f) for f in fields):
        return False
    return all(len(WORD.findall(f)) <= FIELD_WORDS and not re.search(r"[a-z]{2}[.?!]$", f) for f in fields)


def is_menu(text: str) -> bool:
    """Three or more section names separated by "|", "•" or "·": "News | Web Resources | Yellow Pages | Chat"."""
    items = [i for i in MENU_SEPARATOR.split(text) if i]
    if len(items) < 3 or ("|" not in text and len(items) < 4) or is_label(text):
        return False  # a short path of sections ("Features | Diplomacy | East Asia") is a section label
    return all(len(WORD.findall(i)) <= MENU_ITEM_WORDS and not TERMINAL.search(i) and not has_date(i) for i in items)


def has_date(text: str) -> bool:
    """A number with a month or weekday name, or a numeric date or clock time."""
    if not re.search(r"\d", text):
        return False
    return bool(NUMERIC_DATE.search(text)) or any(
        MONTH_OR_WEEKDAY_WORD.match(w.lower()) for w in re.findall(r"[A-Za-z]+", text)
    )


def is_navigation(text: str) -> bool:
    """A strip of share/print/navigation words, e.g. "Email | Print | Subscribe", "PrintPrint CiteCite"."""
    words = re.findall(r"[a-z]+", text.lower())
    if re.search(r"(?<!\.\.)[.?!][\"”’')]*$", text):
        return (
            False  # a sentence, or the end of one wrapped over lines: "See more of this on page 12.", "of the report."
        )
    return any(w not in COMMON_NAVIGATION_WORDS for w in words) and all(navigation_word(w) for w in words)


@functools.lru_cache(maxsize=4096)
def navigation_word(word: str) -> bool:
    """A navigation word, or navigation words run together ("printprint", "mlaapachicago")."""
    if word in NAVIGATION_WORDS:
        return True
    if len(word) > 24:
        return False
    return any(word[:i] in NAVIGATION_WORDS and navigation_word(word[i:]) for i in range(2, len(word) - 1))


def reads_as_lead(text: str) -> bool:
    """A line that reads like a news lead: it opens with a dateline or names the day of the event."""
    return bool(LEAD_DATELINE.match(text) or EVENT_DAY.search(text))


def runs_on(text: str, after: str) -> bool:
    """A line of hard-wrapped text that runs on into the line below it (no sentence end, then a lower-case word, or a
    comma, hyphen or function word at its end): "A senior Chinese official visiting North Korea said" / "yesterday …".
    """
    if not after or TERMINAL.search(text):
        return False
    if after[0].islower() or after[0].isdigit() or text.endswith((",", "-")):
        return True
    last = LAST_WORD.search(text)
    return last is not None and last.group(1).lower() in RUN_ON_WORDS


def may_be_caption(text: str) -> bool:
    """A line that can be the caption above a photo credit: not prose, and no sentence told in the past or reported
    ("Kim waves to the crowd in Pyongyang." is a caption; "The two leaders discussed trade." and "Analysts said …"
    are paragraphs, which a photo placed between paragraphs may have above its credit).
    """
    if reads_as_prose(text):
        return False
    return not is_sentence(text) or not REPORTED.search(text)


def is_title_case(text: str) -> bool:
    """Every word capitalised but the minor ones: "The Possibility of Wide-ranging Collaboration"."""
    words = WORD.findall(text)
    return bool(words) and all(w[0].isupper() or w.lower() in MINOR_WORDS for w in words)


def is_sentence(text: str) -> bool:
    """Two words or more ending like a sentence."""
    return bool(TERMINAL.search(text)) and len(WORD.findall(text)) >= 2


def is_label(text: str) -> bool:
    """A short line with no sentence punctuation, e.g. "China Power" or "Features | Diplomacy"."""
    return not TERMINAL.search(text) and len(WORD.findall(text)) <= LABEL_WORDS


_STRAIGHT = {"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "}


def straight(text: str) -> str:
    """Curly quotes straightened, character for character (so match offsets still hold)."""
    # str.replace per character, not str.translate: translate looks each character up in a dict, ten times slower.
    for curly, plain in _STRAIGHT.items():
        text = text.replace(curly, plain)
    return text


def fold(text: str) -> str:
    """Compare lines loosely: curly quotes straightened, spaces collapsed, case ignored."""
    return " ".join(straight(text).split()).casefold()
