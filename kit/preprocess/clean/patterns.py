"""The line patterns of cleaning: what a line of furniture (or a caption) looks like on its own.

Each pattern gets a comment saying what it matches, with an example. :func:`pattern_kind` is the kind a line
has on its own (or "" when position must decide, see :mod:`kit.preprocess.clean`). The parts cut from a line are in
:mod:`kit.preprocess.clean.parts`; the measures of reading a line (prose, dates, labels, leads) in
:mod:`kit.preprocess.clean.reading`.
"""

from __future__ import annotations

import re

from kit.preprocess import wordstart
from kit.preprocess.clean.notices import notice_kind
from kit.preprocess.clean.parts import AGENCY_NAMES, SCRIPT_LABEL, SUFFIXES
from kit.preprocess.clean.reading import (
    PROSE_CHARS,
    TERMINAL,
    fold,
    has_date,
    is_date_fields,
    is_dateline,
    is_label,
    is_menu,
    is_navigation,
    reads_as_prose,
)

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
    r"(?!\s+(?:in|on|at|as|with|of|the|a|an|this|that)\b)|"
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
# A broadcast script's markers alone on a line: "/// INTERPRETER ACT ///", "/// END ACT ///".
SCRIPT_MARKER = re.compile(r"^/{2,}\s*[A-Z][A-Z0-9 '\-]*\s*/{2,}$")
# A tweet embedded in the page: "… https://t.co/l7RXJD3Aoe …", "pic.twitter.com/…", "— Jane Doe (@jdoe) May 5, 2019".
EMBED = re.compile(
    r"https?://t\.co/|\bpic\.twitter\.com/|^(?:[—–-]\s*)?[^()]{1,60}\(@\w+\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}$"
)
# A newsroom note about the text, alone in brackets: "(EDITORIAL from Korea Times on Nov. 24)", "(Begin text)".
SOURCE_NOTE = re.compile(
    r"^\((?:EDITORIAL|EDITOR'?S NOTE|OPINION|COMMENTARY|NEWS ANALYSIS|NEWS FOCUS|INTERVIEW|FEATURE|LEAD|URGENT|"
    r"CORRECTED|UPDATED?|REPRINTED?)\b[^()]*\)$|^\((?i:(?:begin|end) (?:text|transcript|excerpts?|quote))\)$"
)
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
# what "(?i:i)" matches besides "i" and "I"), which passes most places at once (kit.preprocess.wordstart).
PHOTO_CREDIT = re.compile(wordstart.ahead("FPSpiI|[\u0130\u0131", _PHOTO_CREDIT))
# Caption phrasing: "In this Oct 10, 2015 image made from video, …", "… in this file photo.", "A photograph released …".
CAPTION_PHRASE = re.compile(
    r"^In this\b.{0,40}?\b(?:photo|image|picture|photograph|handout)\b|\bin this (?:\w+ )?(?:photo|image|picture)\b|"
    r"^(?:an? |the |this |these )?(?:file |handout |undated )?(?:photo|photograph|picture|image)s? "
    r"(?:released|provided|taken|distributed)\b(?!.*\b(?:showed|appeared|were|was)\b)",
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
    r", (?:left|right|center|centre|(?:second|third) from (?:left|right)),) (?![a-z]+ed\b)[a-z]"
)
# A screen capture credited at the end of a caption: "… last year. Korean Central Television (KCTV) screen capture."
SCREEN_CAPTURE = re.compile(r"(?:^|(?<=[.!?] ))(?:[A-Z(][\w()/.\-]*\s+){1,5}(?:[Ss]creen ?(?:capture|grab|shot))\.?$")
# Words that mark a line as describing a picture.
PICTURE_WORDS = re.compile(r"\b(?:photo|photograph|picture|image|footage|shows|pictured)\b", re.IGNORECASE)


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
    if kind := notice_kind(text):
        return kind
    if count > 1:
        if is_label(text):
            return "section_label"
        if TERMINAL.search(text) or reads_as_prose(text):
            return "" if first_copy else "repeated_line"  # keep one copy of a repeated sentence
        return "headline"
    return ""
