"""kit.analyses.voices.marks: quotation marks paired into spans, never past a closing mark or a paragraph's end."""

from kit.analyses.voices import marks as quotes


def spans_of(text, paragraphs=None, sentences=None):
    paragraphs = paragraphs or [(0, len(text))]
    sentences = sentences or paragraphs
    return [(text[s.start : s.end], s.mark, s.unclosed) for s in quotes.find_spans(text, paragraphs, sentences)]


def test_curly_and_straight_marks_pair_in_any_mix():
    text = '“Given its alliance,” he said. "If its talks fail, it needs China.”'
    assert spans_of(text) == [
        ("Given its alliance", "double", False),
        ("If its talks fail, it needs China.", "double", False),
    ]


def test_a_trailing_comma_inside_the_marks_is_left_out():
    text = "“This should not change,” Xi said."
    (span,) = quotes.find_spans(text, [(0, len(text))], [(0, len(text))])
    assert text[span.start : span.end] == "This should not change"
    assert text[span.close_at] == "”" and span.outer_end == span.close_at + 1


def test_an_opening_mark_without_a_closing_one_stops_at_its_paragraph_end():
    text = 'He said: "The regime wants talks.\n\nThe next paragraph is narration.'
    paragraphs = [(0, 33), (35, len(text))]
    assert spans_of(text, paragraphs) == [("The regime wants talks.", "double", True)]


def test_a_second_opening_mark_ends_the_first_quotation_unclosed():
    text = "“Whether it’s true or not, “the messaging is pretty clear,” he said."
    assert spans_of(text) == [
        ("Whether it’s true or not", "double", True),
        ("the messaging is pretty clear", "double", False),
    ]


def test_single_quotes_inside_double_quotes_belong_to_the_quotation():
    text = "“North Korea wanted to have ‘insurance’ against the summit,” said Shin."
    assert spans_of(text) == [("North Korea wanted to have ‘insurance’ against the summit", "double", False)]


def test_single_quoted_terms_and_apostrophes():
    text = "Last year, named the 'Year of Friendship,' a 'footprint plaque' was removed; Kim's train hasn't left."
    assert spans_of(text) == [("Year of Friendship", "single", False), ("footprint plaque", "single", False)]


def test_an_apostrophe_that_never_closes_is_not_a_quotation():
    assert spans_of("Music of the '90s was loud") == []


def test_stray_closing_marks_and_empty_quotations_are_skipped():
    assert spans_of('A stray ” mark and an empty "" pair.') == []
