"""An unseen domain (a consumer product: an article with an infobox about a phone, the launch
day story, a sales report and a recall story) read the way a careful fact-checker reads it.
Traps:
- the Orbit 7 Pro (on sale 6 October 2029, $999), the Orbit 7 Plus (on sale in China on 1
  September), last year's Orbit 6 (released 20 September 2028, 9 million sold) and the coming
  Orbit 8 are other products, kept apart from the Orbit 7; in "It was announced ... alongside
  the larger Orbit 7 Pro, and went on sale on 22 September 2029" the date is the Orbit 7's;
- "will go on sale on 22 September" on launch day is a plan the article's 22 September meets,
  and the announcement "on Tuesday" is the article's 11 September;
- "more than 10 million" sold meets the infobox's 10.4 million; "about 120,000" recalled
  phones meet "some 118,000";
- the chief designer is written "Jae-won Park" and "Jaewon Park": one person (a note);
- "Veltra opened a new assembly plant in March 2029": the plant's opening, not the phone's;
  "Work on the phone began in 2027 under the chief designer ...": not the designer's start
  of anything that could contradict a career date.
The sources really disagree on one thing: the day the Orbit 7 went on sale (22 September in the
article and the launch story, 29 September in the sales report)."""

from __future__ import annotations

from conftest import dated_rows, probe_report


def report():
    return probe_report("phone")


def test_the_release_date_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.severity, f.predicate) for f in alarms] == [
        ("value-conflict", "error", "release")]
    assert sorted(e.text for e in alarms[0].evidence) == [
        "22 September 2029", "22 September 2029", "29 September 2029"]
    assert "the news item “Orbit 7 sales top 10 million”: 29 September 2029" in alarms[0].message


def test_the_designer_is_one_person_written_two_ways():
    r = report()
    notes = [f for f in r.findings if f.severity == "info"]
    assert [(f.rule, sorted(e.text for e in f.evidence)) for f in notes] == [
        ("spelling-variant", ["Jae-won Park", "Jaewon Park"])]
    people = [e for e in r.entities if e.type == "person"]
    assert [(e.name, e.variants) for e in people] == [("Jae-won Park", ("Jae-won Park", "Jaewon Park"))]


def test_other_models_stay_apart_with_their_own_days():
    r = report()
    assert {e.name for e in r.entities if e.type != "person"} == {
        "Orbit 7", "Orbit 7 Pro", "Orbit 7 Plus", "Veltra Orbit 6", "Veltra Orbit 8", "VX-2907"}
    rows = dated_rows(r, lambda c: c.predicate == "release")
    assert [(name, day) for _, name, day, _ in rows] == [
        ("Orbit 7", "2029-09-22"), ("Orbit 7", "2029-09-22"), ("Orbit 7", "2029-09-29"),
        ("Orbit 7 Plus", "2029-09-01"), ("Orbit 7 Pro", "2029-10-06"),
        ("Veltra Orbit 6", "2028-09-20")]


def test_the_announcement_agrees_and_the_plant_is_not_the_phone():
    r = report()
    assert [a.predicate for a in r.agreements] == ["announcement"]
    rows = dated_rows(r, lambda c: c.predicate in ("release", "announcement", "opening"))
    assert ("opening", "", "2029-03", "March 2029") in rows  # the plant's, no named thing's
    assert ("release", "Veltra Orbit 6", "2028-09-20", "20 September 2028") in rows
    assert not any(name == "Orbit 7" and pred == "opening" for pred, name, _, _ in rows)
