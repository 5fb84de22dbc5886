"""Marking spans on a text (kit.report.markup): nested elements, pieces that put together give the span's text."""

from __future__ import annotations

from kit.report.markup import Highlight, marked_text
from tests.report.pages import marked_spans


def test_spans_that_cross_are_cut_into_pieces_that_put_together_give_each_span():
    text = "He said: <we are close> and left. Then she spoke."
    highlights = [
        Highlight("sentence", 0, 33, "s0"),
        Highlight("sentence", 34, len(text), "s1"),
        Highlight("quote", 9, 40, "q0", "quotation: Xi", (("data-note", "Xi · official_prc"),)),
        Highlight("theme", 12, 23, "t0", "theme alliance"),
        Highlight("date", 15, 28, "d0"),
    ]
    page = marked_text(text, highlights)
    found = marked_spans(page)
    assert found.text == text
    assert found.sentences == {"s0": text[0:33], "s1": text[34:]}
    assert found.marks == {
        "q0": ("quote", 9, 40, text[9:40]),
        "t0": ("theme", 12, 23, text[12:23]),
        "d0": ("date", 15, 28, text[15:28]),
    }
    assert page.count('data-note="Xi · official_prc"') == 1  # the first piece only
    assert "&lt;" in page and "&gt;" in page and "<we" not in page
    assert '<span class="kit-s" id="s1"><a id="c34"></a>' in page


def test_a_span_outside_the_text_or_empty_is_left_out():
    page = marked_text("abc", [Highlight("date", 2, 9, "d0"), Highlight("theme", 1, 1, "t0")])
    assert page == "abc"


def test_attributes_are_escaped():
    page = marked_text("ab", [Highlight("quote", 0, 2, "q0", 'a "title" <b>', (("data-note", "x' onmouseover='y"),))])
    assert 'title="a &quot;title&quot; &lt;b&gt;"' in page and 'data-note="x&#x27; onmouseover=&#x27;y"' in page
