"""kit.analyses.chronology.resolve: one sentence's expressions as rows, and the clock times that qualify them."""

from datetime import date

from kit.analyses import chronology

MARCH_28 = date(2018, 3, 28)  # a Wednesday


def test_clock_times_qualify_the_nearest_day():
    sentence = "He arrived at 4 p.m. on the 26th and left at 10:30 a.m. on the 27th."
    found = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)
    times = chronology.clock_times(sentence, found)
    assert [(found[i].expression, t) for i, t in sorted(times.items())] == [
        ("the 26th", "16:00"),
        ("the 27th", "10:30"),
    ]


def test_generated_sentences_never_raise_and_rows_reproduce_their_text():
    # A seeded generator of sentences made of date words, numbers and punctuation, published anywhere from
    # year 1 to 9999: every call returns rows whose offsets give back their expression, or no row.
    import random

    vocabulary = (
        "in on the last next this past early late mid end of since until after before a day week month year years "
        "ago later earlier previous same that weekend tonight yesterday tomorrow now Christmas New Year's Day "
        "January February March May Sept. Oct. 9 29 30 31 1st 3rd 2018 1999 2000s 1950-53 0001 9999 , . -- "
        "will was said would summit visit he Monday Sunday to and two three few quarter first months"
    )
    words = vocabulary.split()
    generator = random.Random(20251201)
    publications = [date(1, 1, 1), date(9999, 12, 31), date(2020, 2, 29), MARCH_28]
    for _ in range(1500):
        sentence = " ".join(generator.choice(words) for _ in range(generator.randint(1, 14)))
        published = generator.choice(publications)
        for row in chronology.resolve_sentence(sentence, published, published):
            assert sentence[row.start : row.end] == row.expression
            assert (row.span.first is None) == (row.span.last is None)
            assert row.span.first is None or row.span.first <= row.span.last
