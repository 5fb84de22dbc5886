"""The line patterns of cleaning: what a line of furniture looks like on its own, and the parts cut from a line.

Each pattern gets a comment saying what it matches, with an example. :func:`pattern_kind` is the kind a line
has on its own (or "" when position must decide, see :mod:`kit.clean`); :func:`cut_parts` cuts the prefixes
and suffixes that are furniture from a line whose rest is judged on its own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kit import wordstart

# A line longer than this reads as prose; removing one is a warning.
PROSE_CHARS = 150

# ---------------------------------------------------------------- whole-line patterns
# Labelled date lines, e.g. "PUBLISHED : Wednesday, 28 March, 2018, 9:45pm", "Posted: Dec 19, 2011 10:17 AM".
DATE_LINE = re.compile(r"^(?:PUBLISHED|UPDATED|POSTED|Published|Updated|Posted|Last updated|First published)\b\s*:?\s*")
# Photo and graphics credit lines, e.g. "Credit: AP Photo/Eugene Hoshiko", "Photo : Xinhua / Yonhap News",
# "Graphics: GT".
CREDIT = re.compile(
    r"^(?:Credit|Photo credit|Image credit|Photos?|Images?|Photograph|Graphics?|Infographic|Illustration)\s*:\s*\S",
    re.IGNORECASE,
)
# e.g. "Additional reporting by Sarah Zheng and Jeongho Lee".
ADDITIONAL_REPORTING = re.compile(r"^Additional reporting by\b", re.IGNORECASE)
# Wire credits on their own line: "Reporting by Ben Blanchard; Editing by Tony Munroe".
WIRE_CREDITS = re.compile(
    r"^(?:Reporting|Writing|Editing) by [A-Z][^;]*(?:;\s*(?:Additional )?(?:reporting|writing|editing) by\b.*)+$",
    re.IGNORECASE,
)
# A byline on its own line, possibly cut off: "By Ock Hyun-ju (", "By: Jane Doe", "By Simon Martin ,AFP".
# (A space or comma between names is required, so a long run of capitals cannot be split in many ways.)
BYLINE = re.compile(
    r"^By:?\s+[A-Z][\w’'.\-]*(?:(?:\s+|\s*,\s*)(?:[A-Z][\w’'.\-]*|and|de|van|von|bin|al|&))*\s*(?:\([^)]*\)?)?$"
)
_NAME = r"[A-Z][\w’'.\-]*(?:[ \-][A-Z][\w’'.\-]*){0,3}"
_EMAIL = r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
# A byline with labelled fields after the name: "By Liu Sha Source:Global Times Published: 2015-1-6 0:43:01",
# "By Kim Tong-hyung Posted : 2019-06-20 17:00 Updated : 2019-06-20 18:30" (a line that also has a date).
BYLINE_FIELDS = re.compile(
    rf"^By:?\s+{_NAME}\s*(?:[|,·•–—\-]\s*)?(?:Source|Published|Posted|Updated|Last updated|Date|Created|Modified)\s*:"
)
# A clock time, a stop, then the byline: "May. 04, 2020 07:50. by Wan-Jun Yun zeitung@donga.com." ("signed on
# March 5 by Kim Jong Un." is body).
DATE_THEN_BYLINE = re.compile(
    rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?|[AaPp]\.?[Mm]\.?)\s*[.,|]\s+[Bb]y:?\s+{_NAME}(?:,?\s+{_EMAIL})?\.?$"
)
# A name with the writer's e-mail address: "Kim Tong-hyung (khtong@heraldcorp.com)", "By Jane Doe jane@example.com".
NAME_EMAIL = re.compile(rf"^(?:By:?\s+)?{_NAME},?\s*[(<]?{_EMAIL}[)>]?\.?$")
# The writer's role on the line below the byline: "Staff Reporter", "Senior Correspondent", "Contributing Writer".
BYLINE_ROLE = re.compile(
    r"^(?:(?:Staff|Senior|Chief|Foreign|Special|Political|Diplomatic|Business|Defen[cs]e|National|International|"
    r"Contributing|Associate|Deputy|Managing|Executive|News|Economic|Investigative|Regional|Asia|China|Korea|"
    r"Beijing|Seoul|Tokyo|Washington)\s+)+(?:Reporter|Writer|Correspondent|Editor|Columnist|Contributor|Journalist)s?$"
)
# A labelled byline or an author note: "Author: Scott A. Snyder, Senior Fellow", "The writer is a professor …".
AUTHOR = re.compile(
    r"^(?:(?:Authors?|Written by|Story by|Writer|Reporter)\s*:\s*[A-Z]|The (?:author|writer)s? (?:is|are)\b)"
)
# Copyright lines: "Copyright 2010 The Associated Press", "© 2024 Reuters. All rights reserved."
_COPYRIGHT = r"^(?:Copyright|©)\s*(?:©\s*|\(c\)\s*)?\d{4}|\bAll rights reserved\b"
COPYRIGHT = re.compile(wordstart.ahead("c©a", _COPYRIGHT), re.IGNORECASE)  # what a match starts with, looked for first
# Pointers to other stories: "Read more: …", "SEE ALSO: …", "Continue reading...", "For More Information, Please…".
RELATED = re.compile(
    r"^(?i:read more|read also|also read|see also|related(?: posts| stories| articles| coverage)?|more from|"
    r"more on this|recommended|continue reading|most popular|most read|you (?:may|might) also like|top stories|"
    r"more stories|editor'?s picks|trending(?: now| stories)?|latest news|"
    r"for more (?:information|details|news)(?:,? (?:please )?(?:visit|see|go to|click))?)"
    r"(?:\s*(?:[:|>»…]|\.{2,})|\s*$|\s+(?=[A-Z]))"
)
# Breadcrumbs, comment prompts, reading times: "Home > Asia", "Do you have anything to say?", "3 Min Read".
SITE_PATH = re.compile(
    r"^(?:•\s*)?(?:home\s*[>›»|/]|do you have anything to say|have your say|leave a (?:comment|reply)|post a comment|"
    r"\d+\s*min(?:ute)?s?\s+read$)",
    re.IGNORECASE,
)
# Notices about the reader's browser: "… is no longer accessible on Internet Explorer … use another browser".
_SITE_NOTICE = (
    r"\b(?:[Yy]our browser|[Tt]his browser|another browser|JavaScript|cookies)\b.*\b(?:enable|update|upgrade|support)"
)
SITE_NOTICE = re.compile(wordstart.ahead("YyTtaJc", _SITE_NOTICE))
# Subscription, sign-in and comment notices: "Sign in to unlock member-only benefits!", "or register to comment.",
# "Comments are closed.", "This site uses Akismet to reduce spam. Learn how your comment data is processed."
# ("Signed in 1961, the treaty …" and "declined to add comment" are body.)
ACCOUNT_NOTICE = re.compile(
    r"^(?:or\s+|please\s+)?(?:sign[\s\-]?(?:in|up)|log[\s\-]?in|register|subscribe|become a (?:member|subscriber))\b"
    r"(?!\s+(?:in|on|at|as|with|of)\b)|"
    r"\b(?:logged in|signed in|log in|sign in|register|subscribe)\b.{0,20}"
    r"\bto (?:post |leave |add |write )?(?:a )?comments?\b|"
    r"\bcomments? (?:are|is) (?:closed|moderated)\b|^comments? (?:have to|must|should)\b|"
    r"\bmember-only\b|\bsubscriber-only\b|\bsubscribers? only\b|"
    r"\bfree (?:articles?|stories) (?:left|remaining|this month|every month|per month)\b|"
    r"\bcomment data is processed\b",
    re.IGNORECASE,
)
# The outlet promoting its own channels, apps and newsletters: "Follow us on Twitter", "Download our app",
# "Join NK News on Telegram", "Get the Yonhap app", "Click here to get the latest news".
PROMOTION = re.compile(
    r"^(?:Follow|Like|Join|Subscribe to|Sign up (?:for|to)|Download|Install|Get|Listen to|Watch|Add|Read|Check out)\s+"
    r"(?:us|our)\b|"
    r"^(?:Follow|Join|Subscribe to)\s+(?:\S+\s+){1,4}?(?:on|via)\s+(?:Twitter|X|Facebook|Instagram|Telegram|WhatsApp|"
    r"YouTube|LinkedIn|Google News|Threads|KakaoTalk|WeChat)\b|"
    r"^(?:Download|Install|Get)\s+the\s+(?:\S+\s+){0,3}?app\b|^(?:Click|Tap) here\b",
    re.IGNORECASE,
)
# A menu of sections separated by "|", three items or more of a few words: "News | Web Resources | Yellow Pages".
MENU_SEPARATOR = re.compile(r"\s*[|•·]\s*")
# A broadcast script's markers alone on a line: "/// INTERPRETER ACT ///", "/// END ACT ///".
SCRIPT_MARKER = re.compile(r"^/{2,}\s*[A-Z][A-Z0-9 '\-]*\s*/{2,}$")
# A tweet embedded in the page: "… https://t.co/l7RXJD3Aoe …", "pic.twitter.com/…", "— Jane Doe (@jdoe) May 5, 2019".
EMBED = re.compile(
    r"https?://t\.co/|\bpic\.twitter\.com/|^[—–-]\s*[^()]{1,60}\(@\w+\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}$"
)
# A newsroom note about the text, alone in brackets: "(EDITORIAL from Korea Times on Nov. 24)", "(Begin text)".
SOURCE_NOTE = re.compile(
    r"^\((?:EDITORIAL|EDITOR'?S NOTE|OPINION|COMMENTARY|NEWS ANALYSIS|NEWS FOCUS|INTERVIEW|FEATURE|LEAD|URGENT|"
    r"CORRECTED|UPDATED?|REPRINTED?)\b[^()]*\)$|^\((?i:(?:begin|end) (?:text|transcript|excerpts?|quote))\)$"
)
# Words a share/print/navigation strip is made of: "Email | Print | Subscribe", "Text size Aa Aa", "PrintPrint",
# "Font size A- A A+", "Skip to main content".
NAVIGATION_WORDS = frozenset({
    "a", "aa", "advertise", "advertisement", "apa", "back", "blog", "bookmark", "by", "chicago", "cite", "close",
    "comment", "comments", "content", "contents", "copy", "decrease", "dictionary", "disqus", "email", "facebook",
    "font", "fontsize", "forum", "go", "home", "in", "increase", "kakaotalk", "large", "larger", "line", "link",
    "linkedin", "listen", "log", "login", "mail", "main", "medium", "menu", "mla", "more", "navigation", "next",
    "on", "page", "powered", "prev", "previous", "print", "reddit", "reset", "save", "search", "send", "share",
    "sign", "size", "skip", "small", "smaller", "story", "style", "subscribe", "telegram", "text", "this", "to",
    "top", "tweet", "twitter", "up", "us", "wechat", "weibo", "whatsapp", "with", "x",
})  # fmt: skip
# Site navigation that can turn up anywhere, e.g. "Back To Top" (kept as section labels, as before).
NAVIGATION = {"back to top", "advertisement", "recent features", "related", "read more", "most popular"}

# ---------------------------------------------------------------- captions
# A photo credit inside a line: "Photograph: Xinhua/Reuters", "File Photo by Stephen Shaver/UPI | License Photo",
# "Image | NKIN file.", "Source: Reuters /Kevin Lamarque", "[KOREAN CENTRAL TELEVISION]" (at the end).
_PHOTO_CREDIT = (
    r"\b(?i:photograph|photo|image|picture)s?\s*[:|]\s*\S|\b(?:File )?Photo by [A-Z]|\|\s*License Photo\b|"
    r"\bSource:\s*[A-Z][\w.]*\s*/\s*[A-Z]|\[[A-Z][A-Z0-9 .,&/'-]{2,}\]$"
)
# Searched through every paragraph: the characters a match starts with are looked for first ("İ" and "ı" are
# what "(?i:i)" matches besides "i" and "I"), which passes most places at once (kit.wordstart).
PHOTO_CREDIT = re.compile(wordstart.ahead("FPSpiI|[\u0130\u0131", _PHOTO_CREDIT))
# Caption phrasing: "In this Oct 10, 2015 image made from video, …", "… in this file photo.", "A photograph released …".
CAPTION_PHRASE = re.compile(
    r"^In this\b.{0,40}?\b(?:photo|image|picture|photograph|handout)\b|\bin this (?:\w+ )?(?:photo|image|picture)\b|"
    r"^(?:an? |the )?(?:file |handout )?(?:photo|photograph|picture|image)s? (?:released|provided|taken|distributed)\b",
    re.IGNORECASE,
)
# A caption ending in an agency credit, e.g. "... VR goggles in Beijing. (Yonhap)".
AGENCY_CREDIT = re.compile(r"\((?:[A-Z][A-Za-z]*(?:[ /][A-Z][A-Za-z]*){0,2})\)\.?$")
# A photo credit in brackets, alone or at the end (a slash, "via" or "Photo" marks a picture): "(Xinhua/Hang Xingwei)",
# "[Yonhap Photo]", "(Photo: Reuters)".
PHOTO_PAREN = re.compile(
    r"(?:^|(?<=[.?!\"”’] ))[(\[](?=[^()\[\]]*(?:/|\bvia\b|\b[Pp]hotos?\b|\bPHOTO\b|\bVideo\b))"
    r"[A-Z][^()\[\]]{1,60}[)\]]$"
)
# Where a person stands in the picture, after a name: "Wu Bangguo, left, talks with …", "Xi Jinping (right) and …".
CAPTION_POSITION = re.compile(
    r"\b[A-Z][\w.'’\-]*(?:,? \((?:left|right|center|centre|(?:second|third) (?:from )?(?:left|right))\)|"
    r", (?:left|right|center|centre|(?:second|third) from (?:left|right)),) [a-z]"
)
# A screen capture credited at the end of a caption: "… last year. Korean Central Television (KCTV) screen capture."
SCREEN_CAPTURE = re.compile(r"(?:^|(?<=[.!?] ))(?:[A-Z(][\w()/.\-]*\s+){1,5}(?:[Ss]creen ?(?:capture|grab|shot))\.?$")
# Words that mark a line as describing a picture.
PICTURE_WORDS = re.compile(r"\b(?:photo|photograph|picture|image|footage|shows|pictured)\b", re.IGNORECASE)

# ---------------------------------------------------------------- parts cut from a line
_AGENCY = r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}"
# Agencies and desks that sign off a story: "— Reuters", "-- AP".
AGENCY_NAMES = (
    r"(?:Reuters|AP|AFP|Yonhap|Xinhua|KCNA|dpa|DPA|Kyodo|Bloomberg|UPI|EFE|TASS|Tass|Bernama|PTI|IANS|ANI|"
    r"Agencies|Agence France-Presse|(?:The )?Associated Press|AP News|Sputnik|Interfax|Antara|Global Times)"
)
_AFTER_SENTENCE = r"(?<=[.?!\"”’])"
# An agency credit in brackets, after an editor's initials: "(Yonhap)", "kld (AFP, Reuters)".
_SIGNOFF = rf"(?:[a-z]{{2,4}}(?:/[a-z]{{2,4}})*\s*)?\({_AGENCY}(?:(?:, ?| and |; ?){_AGENCY})*\)"
SUFFIXES = (
    # KCNA's end-of-story marker and Yonhap's "(END)".
    ("agency_signoff", re.compile(r"(?<!\s)\s*(?:-0-|\(END\))$")),  # (?<!\s): enter a run of spaces once
    # "… on the North. (Yonhap)", "… said. kld/sms (AFP, Reuters)".
    ("agency_signoff", re.compile(r"(?:^|" + _AFTER_SENTENCE + r")\s*" + _SIGNOFF + "$")),
    # "(Reporting by …; Editing by …)", "(Web editor: Zhang Kaiwei)".
    ("credit", re.compile(r"(?:^|" + _AFTER_SENTENCE + r")\s*\((?:Reporting|Writing|Editing|Additional reporting|"
                          r"Compiled|Edited|Translated|Web editor|Editor)\b[^()]*\)$", re.IGNORECASE)),
    # "… the talks. — Reuters".
    ("agency_signoff", re.compile(r"(?:^|" + _AFTER_SENTENCE + rf")\s*(?:—|–|--)\s*{AGENCY_NAMES}$")),
    # A video's running time after the text: "… at the bottom of this page. (1 hr., 23 min.)".
    ("navigation", re.compile(_AFTER_SENTENCE + r"\s*\((?:\d+\s*(?:hrs?|hours?)\.?,?\s*)?\d+\s*(?:min|mins|minutes)\.?"
                              r"(?:,?\s*\d+\s*(?:sec|secs|seconds)\.?)?\)$")),
)  # fmt: skip
# Broadcast script labels: "[Anchor]", "[Reporter]", "[Sound bite]: …".
SCRIPT_LABEL = re.compile(
    r"^\[(?:anchor(?: lead)?|reporter|narration|narrator|presenter|host|correspondent|interviewer|interviewee|"
    r"sound ?bite|voice-?over|vo|sot|stand-?up|interview|pkg|package|lead)\]\s*:?\s*",
    re.IGNORECASE,
)
PREFIXES = (
    # A page store's " date 2015-03-14 " before the text.
    ("date_line", re.compile(r"^date \d{4}-\d{2}-\d{2}\b\s*")),
    ("script_label", SCRIPT_LABEL),
    # A radio script's part labels in capitals: "INTRO:  China has …", "TEXT:  Kim Jong-il came …".
    # (Speaker labels such as "REPORTER:" stay: they say who speaks in a transcript.)
    ("script_label", re.compile(r"^(?:INTRO|TEXT|TAG|OUTRO|LEAD-?IN)\s*:\s+")),
    # An outlet or agency in brackets opening the lead: "[The Financial News] Signs of strain …", "[AP] | China's …".
    ("credit", re.compile(r"^\[(?:[Tt]he )?[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,3}\]\s*(?:\|\s*)?(?=[A-Z\"“‘'])")),
    # A syndicator's credit opening the lead, its opening bracket sometimes lost: "(MENAFN - UkrinForm) The …".
    ("credit", re.compile(r"^\(?[A-Z][A-Za-z.&]+ ?[\-–] ?[A-Z][\w.&' ]{1,30}\)\s+(?=[A-Z\"“])")),
)  # fmt: skip

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
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A place, a day and an agency alone on a line: "BEIJING, Oct. 10, Kyodo", "Seoul, March 5 (Yonhap News)". Above
# the lead it is the lead's dateline (body); after the last paragraph it is the agency's sign-off.
PLACE_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){{0,2}},\s+{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?:,\s*|\()"
    r"[A-Z][\w .&\-]{1,30}\)?$"
)
# A news lead opens with its dateline, "SEOUL, March 5 (Yonhap) --", "BEIJING (Reuters) -", "PYONGYANG:".
LEAD_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:,[^()\n]{1,30}?)?\s*(?:\([^()]{2,40}\))?\s*(?:--|—|–|-|:)\s"
)
# A news lead names the day of the event: "on Tuesday", "yesterday", "this morning", "Oct. 9", "9 October".
EVENT_DAY = re.compile(
    rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight|"
    rf"(?:this|last) (?:morning|afternoon|evening|night|week|month)|{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH}(?=\W|$))\b"
)
# The rest of a line after the headline that makes it a page title: "Headline · Site name", "Headline | Outlet".
TITLE_TAIL = re.compile(r"^[|·•–—\-]\s")


@dataclass(frozen=True)
class Cut:
    """A part cut from the start (``prefix``) or end (``suffix``) of a line whose rest is judged on its own."""

    part: str
    kind: str
    text: str


def reads_as_prose(text: str) -> bool:
    """A line that reads as article text: longer than PROSE_CHARS, several sentences, or a quotation."""
    return len(text) > PROSE_CHARS or bool(SENTENCE_BREAK.search(text)) or bool(QUOTATION.search(text))


def cut_parts(text: str, headline: str) -> tuple[int, str, tuple[Cut, ...]]:
    """Cut recognised prefixes (page-store date, script label, the headline) and suffixes (sign-offs).

    Returns:
        ``(start, rest, cuts)``: where the rest starts in ``text``, the rest, and the parts cut (outermost first).
    """
    offset, cuts = 0, []
    prefixes = [*PREFIXES]
    headline_prefix = _headline_prefix(headline)
    if headline_prefix is not None:
        prefixes.append(("headline", headline_prefix))
    straightened = straight(text)  # straight() keeps offsets, so a cut slices both alike
    for kind, pattern in prefixes:
        match = pattern.match(straightened)
        if match and match.end() < len(text):
            cuts.append(Cut("prefix", kind, text[: match.end()]))
            text, offset = text[match.end() :], offset + match.end()
            straightened = straightened[match.end() :]
    for kind, pattern in SUFFIXES:
        if not text.endswith(SUFFIX_ENDINGS.get(pattern, "")):  # a suffix that cannot end the line: not scanned
            continue
        match = pattern.search(text)
        if match and match.start() > 0:
            cuts.append(Cut("suffix", kind, text[match.start() :]))
            text = text[: match.start()].rstrip()
    return offset, text, tuple(cuts)


# A line's last characters that some suffixes need (each ends its pattern with "$", and a line holds no "\n");
# a line not ending so cannot hold the suffix, and is not scanned for it.
SUFFIX_ENDINGS: dict[re.Pattern[str], tuple[str, ...]] = {
    SUFFIXES[0][1]: ("-0-", "(END)"),
    SUFFIXES[1][1]: (")",),
    SUFFIXES[2][1]: (")",),
    SUFFIXES[4][1]: (")",),
}


@functools.lru_cache(maxsize=1024)
def _headline_prefix(headline: str) -> re.Pattern[str] | None:
    """The pattern of a headline printed at the start of a line (headlines of four words or more), per headline."""
    if len(WORD.findall(headline)) < 4:
        return None
    return re.compile(re.escape(straight(headline)) + r"[.:!?]?\s+", re.IGNORECASE)


def pattern_kind(text: str, count: int, folded_headline: str, *, first_copy: bool) -> str:
    """The kind a line has on its own (pattern or repetition); "" when that alone does not tell."""
    folded = fold(text)
    short = len(text) <= PROSE_CHARS
    if folded_headline and folded == folded_headline:
        return "headline"
    if (DATE_LINE.match(text) and short and has_date(text)) or is_dateline(text) or (short and is_date_fields(text)):
        return "date_line"
    if CREDIT.match(text) or any(p.fullmatch(text) for k, p in SUFFIXES if k == "credit"):
        return "credit"
    if ADDITIONAL_REPORTING.match(text) or (short and WIRE_CREDITS.match(text)):
        return "additional_reporting"
    if short and (BYLINE.match(text) or AUTHOR.match(text) or NAME_EMAIL.match(text) or BYLINE_ROLE.match(text)):
        return "byline"
    if short and (BYLINE_FIELDS.match(text) or DATE_THEN_BYLINE.search(text)) and has_date(text):
        return "byline"
    if short and COPYRIGHT.search(text):
        return "copyright"
    if folded in NAVIGATION:
        return "section_label"
    if short and (SITE_PATH.match(text) or is_navigation(text)):
        return "navigation"
    if short and is_menu(text):
        return "navigation"
    if short and RELATED.match(text):
        return "related_story"
    if short and PROMOTION.match(text):
        return "promotion"
    if (len(text) <= 4 * PROSE_CHARS and SITE_NOTICE.search(text)) or (short and ACCOUNT_NOTICE.search(text)):
        return "site_notice"
    if EMBED.search(text):
        return "embed"
    if SOURCE_NOTE.match(text):
        return "credit"
    if any(p.fullmatch(text) for k, p in SUFFIXES if k == "agency_signoff") or re.fullmatch(AGENCY_NAMES, text, re.I):
        return "agency_signoff"
    if SCRIPT_LABEL.fullmatch(text) or SCRIPT_MARKER.match(text):
        return "script_label"
    if PHOTO_CREDIT.search(text) or CAPTION_PHRASE.search(text) or PHOTO_PAREN.search(text):
        return "caption"
    if CAPTION_POSITION.search(text) or SCREEN_CAPTURE.search(text):
        return "caption"
    if AGENCY_CREDIT.search(text) and (count > 1 or PICTURE_WORDS.search(text)):
        return "caption"
    if count > 1:
        if is_label(text):
            return "section_label"
        if TERMINAL.search(text) or reads_as_prose(text):
            return "" if first_copy else "repeated_line"  # keep one copy of a repeated sentence
        return "headline"
    return ""


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
    return bool(words) and all(navigation_word(w) for w in words)


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
