"""An unseen domain in wikitext and HTML (a cup final: an article with an infobox and a match
report) read the way a careful fact-checker reads it. Traps:
- the infobox's date and "It was played ... on 24 May 2031" are the day the final itself
  happened (an occurrence), quoted as written ("{{Start date|2031|5|24|df=y}}");
- "took the lead after 34 minutes" is a moment in the match, not how long anything lasted;
- "Wierzba, who joined Kessel in 2027, was named man of the match": 2027 stays in its aside,
  and no one was appointed to anything;
- "Łukasz" is a given name (the name list writes letters beyond Latin-1 as UTF-8);
- the previous final (18 May 2019) and the next match (2 August) are other events.
The report's "A crowd of 64,182" against the article's 61,482 is the one real disagreement: the
report's "the Northern Cup final", published in 2031, is the article's "2031 Northern Cup final",
and "a crowd of" states its attendance, as the infobox key does."""

from __future__ import annotations

from conftest import dated_rows, probe_report


def report():
    return probe_report("final")


def test_no_false_alarm():
    """Nothing but the attendance (the test at the end) is alarmed, and no note is made."""
    assert [f for f in report().findings if f.predicate != "attendance"] == []


def test_the_final_s_own_day_and_nothing_else_dated():
    rows = dated_rows(report(), lambda c: hasattr(c.value, "iso"))
    assert rows == [("occurrence", "2031 Northern Cup final", "2031-05-24", "24 May 2031"),
                    ("occurrence", "2031 Northern Cup final", "2031-05-24",
                     "{{Start date|2031|5|24|df=y}}")]


def test_no_duration_and_the_scorer_is_a_person():
    r = report()
    assert not [c for c in r.claims if "duration" in c.predicate]
    assert "Łukasz Wierzba" in {e.name for e in r.entities if e.type == "person"}


def test_the_attendance_disagreement():
    alarms = [f for f in report().findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "attendance")]
