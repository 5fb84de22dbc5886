"""Reading the site's pages back with the standard library's HTML parser: marked spans, ids and links."""

from __future__ import annotations

import html.parser
from dataclasses import dataclass, field


@dataclass
class Marked:
    """What a reader page's text holds: the whole text, each sentence's text and each mark's kind, offsets, text."""

    text: str = ""
    sentences: dict[str, str] = field(default_factory=dict)
    marks: dict[str, tuple[str, int, int, str]] = field(default_factory=dict)


class _SpanReader(html.parser.HTMLParser):
    """Collects the text inside each ``span``: sentences by id, marks (their pieces put together) by data-mark."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = []  # ("s", id) / ("m", data-mark) / ("", "") per open span
        self.found = Marked()
        self.pieces: dict[str, list[str]] = {}
        self.sentence_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "span":
            return
        values = {name: value or "" for name, value in attrs}
        if "data-mark" in values:
            key = values["data-mark"]
            kind = values["class"].removeprefix("kit-")
            self.found.marks.setdefault(key, (kind, int(values["data-start"]), int(values["data-end"]), ""))
            self.open.append(("m", key))
        elif "kit-s" in values.get("class", "") and "id" in values:
            self.sentence_ids.append(values["id"])
            self.open.append(("s", values["id"]))
        else:
            self.open.append(("", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.found.text += data
        for kind, key in self.open:
            if kind == "m":
                self.pieces.setdefault(key, []).append(data)
            elif kind == "s":
                self.found.sentences[key] = self.found.sentences.get(key, "") + data


def marked_spans(markup: str) -> Marked:
    """The text of ``markup`` (a reader page's marked text), its sentences and its marks with their pieces' text."""
    reader = _SpanReader()
    reader.feed(markup)
    reader.close()
    assert len(reader.sentence_ids) == len(set(reader.sentence_ids)), "a sentence id twice"
    marks = {key: (*found[:3], "".join(reader.pieces.get(key, []))) for key, found in reader.found.marks.items()}
    return Marked(reader.found.text, reader.found.sentences, marks)


def text_of_page(page: str) -> str:
    """The marked text of a reader page: what is inside its ``<div class="kit-text">``."""
    start = page.index('<div class="kit-text">') + len('<div class="kit-text">')
    return page[start : page.index("</div>", start)]


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))
        if values.get("id"):
            self.ids.add(str(values["id"]))


def links_and_ids(page: str) -> tuple[list[str], set[str]]:
    """The ``href`` of every link of a page, and every ``id`` in it."""
    parser = _Links()
    parser.feed(page)
    parser.close()
    return parser.hrefs, parser.ids
