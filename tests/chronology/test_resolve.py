"""kit.chronology.resolve: one sentence's expressions as rows, and the clock times that qualify them."""

from datetime import date

from kit import chronology

MARCH_28 = date(2018, 3, 28)  # a Wednesday


def test_clock_times_qualify_the_nearest_day():
    sentence = "He arrived at 4 p.m. on the 26th and left at 10:30 a.m. on the 27th."
    found = chronology.resolve_sentence(sentence, MARCH_28, MARCH_28)
    times = chronology.clock_times(sentence, found)
    assert [(found[i].expression, t) for i, t in sorted(times.items())] == [
        ("the 26th", "16:00"),
        ("the 27th", "10:30"),
    ]
