"""The parts cut from a line: prefixes (a page store's date, script labels, the headline) and suffixes (sign-offs,
credits, running times) that are furniture on a line whose rest is judged on its own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kit.preprocess.clean.reading import WORD, straight

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


@dataclass(frozen=True)
class Cut:
    """A part cut from the start (``prefix``) or end (``suffix``) of a line whose rest is judged on its own."""

    part: str
    kind: str
    text: str


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
