"""Which date a relative date counts from, and which event word a date before an aside dates:
"police said on Monday" dates a statement, not the story, so "two days later" in the next
sentence counts from the story's last date; "Two days later, the X, which opened in 1974, was
closed" dates the closing, not the aside's opening."""

from __future__ import annotations

from test_event_dates import events


def test_an_aside_after_the_date_keeps_its_event_word():
    got = events("Two days later, the old mill, which opened in 1890, was closed.", "2030-05-20")
    assert ("opening", "1890", "1890", "stated") in got
    assert not [e for e in got if e[0] == "opening" and e[1] != "1890"]
    got = events("On 3 May 2030, the old mill, which opened in 1890, was closed.")
    assert got == {("opening", "1890", "1890", "stated"),
                   ("closing", "3 May 2030", "2030-05-03", "stated")}


def test_the_day_of_a_statement_is_no_anchor_for_days_later():
    got = events("The dam failed on 3 May, officials said on Monday. Two days later, the old "
                 "mill was closed.", "2030-05-28")
    assert ("closing", "Two days later", "2030-05-05", "stated") in got
