"""Furniture that news sites in general print around an article, beyond the outlets the kit was built on.

Written from a catalogue of invented lines typical of wire services, English-language outlets of Korea, Japan and
China, state media, broadcasters, think tanks, aggregators and PDF reports (tests/preprocess/clean/test_notices.py),
not from any one text. Each pattern says what the line *is* — a credit, a rights notice, a reading time, a page
number — and is held to a short line that does not read as a body sentence, so a paragraph that merely starts with
the same word ("Reporting by state media could not be verified.", "Copyright law is weak.") stays body.
:func:`notice_kind` is asked by :func:`kit.preprocess.clean.patterns.pattern_kind` after its own patterns.
"""

from __future__ import annotations

import re

from kit.preprocess.clean.parts import AGENCY_NAMES
from kit.preprocess.clean.reading import MONTH_NAME, TERMINAL, WORD

# Notices are short: at most this many characters (a rights notice or a disclaimer is a sentence or two).
NOTICE_CHARS = 200

_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|de|van|von|bin|al))*"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*(?:\s+in\s+{_NAME})?"
_CREDIT_ROLE = r"(?:Additional |Further )?(?:Reporting|Writing|Editing|Written|Edited|Compiled|Produced|Translated|" \
    r"Research|Graphics|Fact-checking|Reported)"  # fmt: skip
# Wire credits, alone or in brackets: "Reporting by Jane Doe", "(Reporting by Jane Doe in Seoul; additional
# reporting by Li Wei)", "Compiled by Jane Doe" — names only after "by" ("Reporting by state media …" is body).
WIRE_CREDIT = re.compile(
    rf"^\(?(?i:{_CREDIT_ROLE})\s+by\s+{_NAMES}(?:\s*[;,]\s*(?:and\s+)?(?i:{_CREDIT_ROLE})\s+by\s+{_NAMES})*\.?\)?\.?$"
)
# An agency or colleague credited at the end: "The Associated Press contributed to this report.".
CONTRIBUTED = re.compile(
    r"^(?:[A-Z][\w.&'’\-]*\s+){1,6}(?:also\s+)?contributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\.?$"
)
# Copyright without a year, or with "(c)": "Copyright © The Korea Herald", "© China Daily", "(C) 2017 JoongAng Ilbo".
COPYRIGHT_LINE = re.compile(
    r"^(?:Copyrights?\s*(?:[©ⓒ]|\([cC]\))?|[©ⓒ]|\([cC]\)(?=\s*\d{4}))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?:[Bb]y\s+)?[A-Z0-9©ⓒ][^.!?]*\.?$"
)
# Rights notices: "This material may not be published, broadcast, rewritten or redistributed.", "Unauthorized
# reproduction and redistribution prohibited.".
RIGHTS = re.compile(
    r"^(?:This|The|All) (?:material|article|story|content|contents)(?: on this (?:site|page|website))? may not be "
    r"(?:published|reproduced|copied|republished|redistributed)\b|\brewritten,? or redistributed\b|"
    r"^(?:Unauthori[sz]ed|No) (?:reproduction|redistribution|copying|republication)\b|"
    r"^(?:Reproduction|Redistribution)\b.{0,40}\b(?:prohibited|forbidden|not permitted)\b",
    re.IGNORECASE,
)
# Where the article was published first: "This article was first published on The Conversation.", "A version of
# this article appeared in print on Oct. 10, 2015.", "This story has been published from a wire agency feed".
FIRST_PUBLISHED = re.compile(
    r"^(?:(?:Reprinted|Republished|Adapted)(?: with permission)? from\b|Originally (?:published|appeared|posted)\b|"
    r"Read the original (?:article|story|post)\b|"
    r"(?:This|A version of this|An earlier version of this) (?:article|story|piece|post|commentary|op-ed|column|"
    r"essay|content)\b.{0,80}?\b(?:(?:first|originally) (?:published|appeared|posted|ran)|"
    r"appeared (?:first |originally )?(?:in print|on page|in the)|(?:is|was) republished|has been (?:published|"
    r"auto-generated) from)\b)"
)
# A newsroom's note introducing a document printed in full: "The following is the full text of the editorial …",
# "Following is an unofficial translation of the statement:" (a long line, as it names the source).
TEXT_FOLLOWS = re.compile(
    r"^(?:The )?[Ff]ollowing (?:is|are) (?:the |an? )?(?:full |complete |unofficial |official |English )*"
    r"(?:text|transcript|translation|excerpts?)\b"
)
# Disclaimers: "The views expressed are the author's own.", "Disclaimer: …".
DISCLAIMER = re.compile(
    r"^(?:Disclaimer\b|(?:The )?(?:views|opinions)(?: and opinions| and views)? expressed (?:here|in this \w+|"
    r"(?:are|in this \w+ are) (?:solely |entirely )?(?:the|those of the) (?:author|writer)))",
    re.IGNORECASE,
)
# A photo credit alone on a line: "Getty Images", "AFP via Getty Images", "AP Photo/Ahn Young-joon",
# "EPA-EFE/JEON HEON-KYUN", "Yonhap file photo", "(File photo)", "Photo courtesy of the Ministry".
PHOTO_LINE = re.compile(
    r"^\(?(?:(?:[A-Z][\w.&'\-]*(?:\s+|\s*/\s*)){0,3}(?:via\s+)?Getty Images|"
    r"(?:[A-Z][\w.&'\-]*\s+){0,3}(?i:file|handout|archive|stock|undated) (?i:photos?|images?|pictures?)|"
    r"(?:[A-Z]{2,}[\w.&\-]*|" + AGENCY_NAMES + r"|[A-Z][\w.&\-]*\s+(?:Photo|Images?|Pool))"
    r"(?:\s+(?:Photo|Images?|Pool))?"
    r"(?:\s*/\s*[A-Z][\w.'\-]*(?:[ \-][A-Z][\w.'\-]*){0,3}){1,3}|"
    r"(?:Courtesy(?: of)?|Screenshot(?: from| of)?|Screen ?(?:grab|capture)(?: from| of)?|Video grab from|Still from|"
    r"Pool photo(?: via)?)\s*:?\s*[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,4}|Pool photo|"
    r"(?:[A-Z]{2,}[\w\-]*|" + AGENCY_NAMES + r") (?:footage|video|TV|television)|"
    r"(?:Photo|Image|Picture)s?\s+(?:courtesy|provided|supplied)\s+(?:of|by)\s+\S.*|"
    r"[A-Z][\w.&'\-]*(?: [A-Z][\w.&'\-]*){0,3}\s*/?\s*via\s+(?:[A-Z]{2,}[\w\-]*|" + AGENCY_NAMES + r")|"
    r"(?:Image|Photo|Picture|Video|Media) (?:source|caption|copyright)\s*[,:]\s*\S.*)\)?\.?$"
)
# Editors and sources signed as fields: "Editor: Li Ming", "Web editor: Zhang Kaiwei, Bianji", "Source: Xinhua".
FIELD_CREDIT = re.compile(
    r"^(?:(?:(?:Web |Chief |Executive |Responsible |Copy )?(?i:editors?)|Translators?|Proofreader|Sources?|Via|Maps?|"
    r"Charts?|Data|Design|Videos?)\s*[:：]|(?:Illustration|Graphic|Map|Chart|Design|Video)s? by)\s*[A-Z][^.!?]{0,60}$"
)
# A byline naming an agency or in capitals: "Jane Doe, Reuters", "BY JANE DOE".
BYLINE_AGENCY = re.compile(
    rf"^{_NAME}\s*[,|/]\s*(?:{AGENCY_NAMES}|(?:Staff|Senior|Contributing|Special) (?:Writer|Reporter|Correspondent))$|"
    r"^BY:?\s+[A-Z][A-Z’'.\-]*(?:\s+[A-Z][A-Z’'.\-]*)*$"
)
_NOT_NAME = r"(?!(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|" \
    r"September|October|November|December|Then|Now|Next|Last|This|That|Early|Late|Mid)\b)"  # fmt: skip
# A byline with the writers' places: "By Jane Doe in Seoul", "By Jane Doe in Seoul and John Roe in Beijing" ("By
# Tuesday in Seoul …" is body).
BYLINE_PLACE = re.compile(
    rf"^(?:By|BY):?\s+{_NOT_NAME}{_NAME}\s+in\s+{_NAME}(?:(?:\s*,\s*|\s+and\s+){_NAME}(?:\s+in\s+{_NAME})?)*$"
)
_DATE = (
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:{MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_NAME},?\s+\d{{4}}|"
    r"\d{4}[./-]\d{1,2}[./-]\d{1,2})(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?"
)
# An outlet's name and the date: "People's Daily Online, October 10, 2016", "Korea JoongAng Daily 2016-10-10".
OUTLET_DATE = re.compile(rf"^(?:[A-Z][\w.'’&\-]*,?\s+){{1,5}}{_DATE}$")
# An agency credited for inputs: "(With inputs from agencies)", "With inputs from Reuters", "— With AFP".
INPUTS = re.compile(
    rf"^\(?(?:[—–-]+\s*)?[Ww]ith (?:(?:additional )?inputs? from (?:agencies|[A-Z][\w.&'\-]*"
    rf"(?:,? (?:and )?[A-Z][\w.&'\-]*){{0,3}})|{AGENCY_NAMES}(?:(?:,| and) {AGENCY_NAMES})*)\)?\.?$"
)
# Notices to readers who are not signed in or whose browser blocks scripts: "Already a subscriber? Log in",
# "Please enable JavaScript to view the comments."
READER_NOTICE = re.compile(
    r"^Already (?:a )?(?:subscriber|member|registered|have an account)\b|^(?:Please )?(?:enable|turn on|activate) "
    r"(?:JavaScript|cookies)\b",
    re.IGNORECASE,
)
# How long ago the page changed: "Updated 3 hours ago", "Published: 5 mins ago".
AGO = re.compile(
    r"^(?:(?:Updated|Published|Posted|Last updated|Modified)\s*:?\s*)?(?:\d+|an?|one)\s+"
    r"(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\.?\s+ago$",
    re.IGNORECASE,
)
# Reading and listening times: "4 min read", "4-minute read", "Reading time: 4 minutes", "Listen (3 min)".
READING_TIME = re.compile(
    r"^(?:(?:Estimated )?(?:reading|listening) time\s*:?\s*\d+\s*(?:min|minutes?)\.?|\d+[\s\-]*(?:min|mins|minutes?)"
    r"\.?\s+(?:read|listen)|Listen(?: to this (?:article|story))?\s*\(?\d+\s*(?:min|mins|minutes?)\.?\)?)$",
    re.IGNORECASE,
)
# Tag and topic lists: "Tags: China, North Korea", "Keywords: trade", "Filed under: Asia".
TAGS = re.compile(r"^(?:Tags?|Topics?|Keywords?|Related (?:topics|tags)|Filed under|Categories|Category)\s*[:：]\s*\S")
# A breadcrumb without "Home": "World > Asia Pacific", "News » Politics".
BREADCRUMB = re.compile(r"^[A-Z][\w&'’\-]*(?: [\w&'’\-]+){0,3}(?:\s*[>»›]\s*[A-Z][\w&'’\-]*(?: [\w&'’\-]+){0,3})+$")
# A document download: "Download PDF", "Download the full report (PDF, 2 MB)".
DOWNLOAD = re.compile(r"^(?:Download|View|Open|Read)\b.{0,50}\bPDF\b.{0,20}$", re.IGNORECASE)
# Page numbers and running heads of a PDF report: "Page 3 of 12", "- 12 -", "12", "3 | Korea Economic Institute".
PAGE_NUMBER = re.compile(
    r"^(?:(?:Page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]?\s*\d{1,3}\s*[-–—]?|"
    r"\d{1,3}\s*[|]\s*[A-Z][^|.!?]{1,60}|[A-Z][^|.!?]{1,60}[|]\s*\d{1,3})$",
    re.IGNORECASE,
)
# Cookie notices: "We use cookies to improve your experience.", "Accept all cookies", "Cookie settings".
COOKIES = re.compile(
    r"^(?:We|This (?:site|website)|Our (?:site|website)) uses? cookies\b|\bour use of cookies\b|"
    r"^(?:accept|reject|manage)(?: all)? cookies\b|^cookie (?:policy|settings|preferences)\b",
    re.IGNORECASE,
)
# Stream and page widgets: "Scroll to continue", "Story continues below advertisement", "Loading...", "Open in app".
WIDGET = re.compile(
    r"^(?:Scroll (?:down )?to (?:continue|read)\b.*|(?:Story|Article|Text) continues (?:below|after)\b.*|"
    r"Loading\s*(?:\.{2,}|…)?|Please wait\s*(?:\.{2,}|…)?|Open in (?:the )?app|Sponsored(?: content)?|Ad|Ads|"
    r"Promoted|Paid (?:content|post)|-+\s*Advertisement\s*-+|Table of contents|About the authors?|"
    r"Media playback is unsupported on your device|Like this\s*:|Breaking news|"
    r"(?:See|Load|Show|View) more|Watch live|Live|Tags|Topics|Keywords|Related tags|"
    r"Join the (?:conversation|discussion|debate)|Contact us|"
    r"Printer[\s\-]friendly(?: version| page)?|Send to (?:a )?friend)$",
    re.IGNORECASE,
)
# Lists of other stories under a heading of their own: "MOST VIEWED", "More in Asia", "Next Article: …",
# "What to read next", "Read the full story".
RELATED_HEADING = re.compile(
    r"^(?:(?:most (?:viewed|shared|commented|emailed|watched)|latest(?: news| stories| articles| videos)?|popular|"
    r"what to read next|read next|up next|in case you missed it|you may have missed|don't miss|must read|"
    r"recommended for you|around the web|top news|editors'? picks|from the web|more news|more headlines|"
    r"further reading|related news|"
    r"related topics|related links|related content|related stories|read (?:the )?full (?:story|article)|"
    r"(?:next|previous|prev) (?:article|story|post))(?:\s*(?:[:|>»…]|\.{2,}).*)?|"
    r"(?:watch|video|videos|gallery|photos|in pictures|listen|podcast)\s*:\s*[A-Z\"“‘'].*|"
    r"more (?:in|from|on) [A-Z][\w&'’\-]*(?: [A-Z&][\w&'’\-]*){0,3})$",
    re.IGNORECASE,
)
# The outlet asking for news tips or giving the writer's address: "Write to Jane Doe at jane@example.com",
# "Contact the writer at …", "Have a news tip? Email us at …", or the address alone.
_EMAIL = r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
CONTACT = re.compile(
    rf"^(?:(?:Write to|Contact|E-?mail|Reach|Send|Tips?|Have a (?:news )?tip\b)\b[^@]{{0,60}}{_EMAIL}\.?|"
    rf"[(<]?{_EMAIL}[)>]?|{_NAME}\s+@\w{{2,}})$",
    re.IGNORECASE,
)
# An agency's dateline left alone on a line: "(KCNA) --", "(Yonhap) —".
AGENCY_DASH = re.compile(rf"^(?:\(?{AGENCY_NAMES}\)?\s*(?:--|—|–|-)|(?:--|—|–|-)\s*{AGENCY_NAMES}|/{AGENCY_NAMES}/)$")
# Markers of a story's end or of a break between its parts, alone on a line: "ENDS", "###", "***", "-30-".
END_MARK = re.compile(r"^(?:#{3,}|(?:\*\s*){3,}|[-_=~]{3,}|ENDS?|\(ENDS?\)|-30-|\(END\)|\[END\])$")
# Promotion of the outlet's news service: "Get the latest news on your phone", "Get breaking news alerts".
NEWS_PROMOTION = re.compile(
    r"^(?:Get|Receive|Stay up to date with) (?:the latest|breaking|our|daily|top)\b.{0,40}\b(?:news|updates|headlines|"
    r"alerts|newsletter)\b.{0,30}$",
    re.IGNORECASE,
)
# A short note alone in brackets, with no sentence in it: "[Yonhap]", "(Source: Xinhua)", "[Graphics by Kim Min-ji]",
# "<Photo=Yonhap>", "(Photo = Yonhap)" (a bracketed sentence, "(The talks were later cancelled.)", is body).
BRACKETED = re.compile(r"^[(\[<][A-Z][^()\[\]<>.!?]{0,50}[)\]>]$")
# A web or social address alone: "www.example.org", "https://…", "example.org", "@KoreaHerald".
ADDRESS = re.compile(r"^(?:https?://\S+|www\.\S+|[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|kr|jp|cn|int|gov|edu|info)"
                     r"(?:\.[a-z]{2})?(?:/\S*)?|@\w{2,})$")  # fmt: skip
# The page talking to its reader: a control's label ("Play video", "Go to top", "Add a comment", "Tap to read full
# story", "Get it on Google Play") or a question about the page ("Was this article helpful?").
CONTROL = re.compile(
    r"^(?:(?:Play|Watch|Listen to|Go to|Go|Return to|Back to|Tap to|Click to|Enter|Submit|Add|Post|Rate|Open|Read)"
    r"(?: (?:a|an|the|this|your|our|in))? (?:video|videos|podcast|audio|comments?|thoughts|top|back|home|app|"
    r"article|story|full story|e-?mail|email address|read (?:the )?full (?:story|article))|"
    r"Share your (?:thoughts|views|comments)|Get it on Google Play|"
    r"Download on the App Store|(?:Was|Is) this (?:(?:article|story|page|information) )?(?:helpful|useful)\??|"
    r"Did you find this (?:article |story |page )?(?:helpful|useful)\??|(?:Your )?e-?mail address|"
    r"Thank you for (?:subscribing|signing up|registering|your feedback)!?|(?:Video )?[Dd]uration\s*:?\s*\d.*|"
    r"(?:\d+\s+){2,}(?:Next|»|›)?)$",
    re.IGNORECASE,
)
# Who wrote it, said without "By": "Posted by Jane Doe", "Story by …", "Jane Doe reports from Seoul", "Our
# correspondent", "Staff and agencies".
WRITER = re.compile(
    rf"^(?:(?:Posted|Written|Story|Words|Text|Reported|Interview) by\s+{_NAME}|{_NAME} reports? from [A-Z][\w\-]*|"
    r"(?i:(?:from )?our (?:own )?(?:correspondents?|reporters?)(?: in [A-Z][\w\-]*)?|staff and agencies))$"
)
# Notes of a broadcast transcript, a report's citation and its numbers: "This is a rush transcript.", "Copy may not
# be in its final form.", "Suggested citation: …", "ISSN 2345-6789" (a speaker's label, "ANCHOR:", stays).
APPARATUS = re.compile(
    r"^(?:This is a rush transcript\b|Copy may not be in its final form\b|"
    r"(?i:suggested citation|how to cite|cite as)\b|"
    r"(?:ISSN|ISBN|DOI)\b[\s:]*[\dX][\dX\-:./]*$)"
)
# A newsletter's sign-up box: "Get the best of our journalism in your inbox.", "Enter your email".
INBOX = re.compile(
    r"^(?:Get|Receive|Have|Sign up)\b.{0,60}\b(?:in|to) your inbox\b|^Enter your e-?mail\b", re.IGNORECASE
)
# Wire agencies named together or in full alone on a line: "AFP-JIJI", "AP, Reuters", "Xinhua News Agency".
_WIRE = (
    r"(?:" + AGENCY_NAMES + r"|Jiji(?: Press)?|JIJI|Kyodo News|KYODO NEWS|Yonhap News(?: Agency)?|Xinhua News Agency)"
)
WIRE_NAMES = re.compile(rf"^{_WIRE}(?:\s*(?:[-/,]|and)\s*{_WIRE})*$")

# (kind, pattern): a line the pattern matches from its start is furniture of that kind.
NOTICES = (
    ("additional_reporting", WIRE_CREDIT),
    ("additional_reporting", CONTRIBUTED),
    ("copyright", COPYRIGHT_LINE),
    ("copyright", RIGHTS),
    ("credit", FIRST_PUBLISHED),
    ("credit", DISCLAIMER),
    ("caption", PHOTO_LINE),
    ("credit", FIELD_CREDIT),
    ("byline", BYLINE_AGENCY),
    ("byline", BYLINE_PLACE),
    ("date_line", OUTLET_DATE),
    ("additional_reporting", INPUTS),
    ("site_notice", READER_NOTICE),
    ("date_line", AGO),
    ("navigation", READING_TIME),
    ("navigation", TAGS),
    ("navigation", BREADCRUMB),
    ("navigation", DOWNLOAD),
    ("navigation", PAGE_NUMBER),
    ("site_notice", COOKIES),
    ("navigation", WIDGET),
    ("related_story", RELATED_HEADING),
    ("byline", CONTACT),
    ("agency_signoff", AGENCY_DASH),
    ("navigation", END_MARK),
    ("promotion", NEWS_PROMOTION),
    ("credit", BRACKETED),
    ("navigation", ADDRESS),
    ("navigation", CONTROL),
    ("byline", WRITER),
    ("credit", APPARATUS),
    ("promotion", INBOX),
    ("agency_signoff", WIRE_NAMES),
)
# Patterns that say what a line is wherever they occur in it; the others must match from its start.
ANYWHERE = (RIGHTS, COOKIES)
# A notice of one of these kinds may be a full sentence; the others are not sentences ("Source: The ministry did not
# say how many were sent." is body).
SENTENCE_KINDS = {
    RIGHTS, COOKIES, READER_NOTICE, FIRST_PUBLISHED, DISCLAIMER, CONTRIBUTED, CONTACT, WIRE_CREDIT, CONTROL, APPARATUS,
    INBOX,
}  # fmt: skip


def notice_kind(text: str) -> str:
    """The furniture kind of a short notice line (credits, rights, reading times, page numbers …), or ""."""
    if TEXT_FOLLOWS.match(text) and len(text) <= 2 * NOTICE_CHARS:
        return "credit"
    if len(text) > NOTICE_CHARS:
        return ""
    sentence = bool(TERMINAL.search(text)) and len(WORD.findall(text)) >= 4
    for kind, pattern in NOTICES:
        if sentence and pattern not in SENTENCE_KINDS:
            continue
        if (pattern.search(text) if pattern in ANYWHERE else pattern.match(text)) is not None:
            return kind
    return ""
