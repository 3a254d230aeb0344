"""What the marathon probe (tests/test_probe_race.py) taught, tried in other domains:
- how many finished ("412 swimmers finished", the infobox key "Finishers") is a count of the
  occasion, checked across sources; those who entered or started, or finished within a time,
  are other counts, and so are the finishers of another race told by its kind ("The junior race,
  held on the same morning, ..., and 96 swimmers finished it");
- "finished fourth", "ended 12th" is a placing in a race or a table, not the end of anything;
- "3 hours and 20 minutes" is one span of time (200 minutes), not its first part;
- "a chasing group of four" or "a rescue team of 12" is part of the whole or another group, no
  size of the subject; "a crew of three" still is;
- a name in an infobox field of an individual's title ("Women's champion") is a person without
  a given name the name list knows; a bare "Winner" may be a team, and stays a name;
- a role noun with its determiner, a comma, then a name ("The team captain, Ngozi Eze, said")
  names a person;
- a news item's count told sentences after the one occasion it names is that occasion's, unless
  its sentence names another time ("In 2029, a crowd of 28,000 watched"); a count in the same
  sentence as "the 2029 match" is that match's, not the article's;
- a final vowel some romanisations drop ("Faye"/"Fay", "Alemaye"/"Alemay") leaves one given
  name."""

from __future__ import annotations

import pytest

from reconcile.align.names import same_person
from reconcile.align.skeleton import skeleton
from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.extract.numbers import find_numbers
from reconcile.read import read_text

SWIM = """= 2030 Lindvik Open Water Festival =

- Date: 6 July 2030
- Finishers: 412
- Women's champion: Olumide Adeyemi

The 2030 Lindvik Open Water Festival was held on 6 July 2030 in the harbour of Lindvik. \
The race was won by Olumide Adeyemi. In all, 412 swimmers finished the race. The junior race, \
held on the same morning, was won by Ada Lund, and 96 swimmers finished it.
"""


def news(text: str, date: str = "2030-07-08", name: str = "n") -> object:
    return read_text(f" date {date} Local\n{text}\n", f"{name}.txt", name)


def claims(text: str, head: str = "= Kessel Rowing Club =\n\nKessel Rowing Club is a club.\n\n"):
    doc = read_text(head + text + "\n", "doc.txt", "doc")
    return [(c.predicate, c.span.text) for c in extract(doc).claims]


def test_finishers_are_checked_across_sources():
    r = check_documents([read_text(SWIM, "a.txt", "a"), news(
        "Swimmers fight the cold at Lindvik\nOrganisers of the Lindvik Open Water Festival said "
        "that 421 swimmers finished the race on Saturday.")])
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "finishers")]
    assert sorted(e.text for e in alarms[0].evidence) == [
        "412", "412 swimmers finished", "421 swimmers finished"]


@pytest.mark.parametrize("sentence", [
    "At the Lindvik Open Water Festival, 530 swimmers started and 412 swimmers finished within "
    "the time limit.",
    "At the Lindvik Open Water Festival, 530 swimmers entered, of whom 412 swimmers finished "
    "under two hours.",
])
def test_finishers_within_a_limit_are_a_part(sentence):
    assert not [p for p, _ in claims(sentence) if p == "finishers"]


@pytest.mark.parametrize("sentence", [
    "The club finished fourth in the 2029 league.",
    "The club ended 12th in 2029.",
    "Kessel Rowing Club finished second at the regatta in 2029.",
])
def test_a_placing_is_no_end(sentence):
    assert not [p for p, _ in claims(sentence) if p == "end"]


@pytest.mark.parametrize("sentence, date", [
    ("The rebuilding of the boathouse finished in 2029.", "2029"),
    ("The rebuilding of the boathouse was completed ahead of schedule in 2029.", "2029"),
])
def test_an_end_stays_an_end(sentence, date):
    assert ("end", date) in claims(sentence)


def test_an_end_last_year_stays_an_end():
    told = claims("The rebuilding of the Kessel boathouse ended last year.",
                  head=" date 2030-05-02 Local news\nBoathouse reopens\n")
    assert ("end", "last year") in told


@pytest.mark.parametrize("text, value, unit", [
    ("the hearing lasted 3 hours and 20 minutes", 200.0, "minute"),
    ("a crossing of 2 days, 7 hours", 55.0, "hour"),
    ("after 1 year and 4 months", 16.0, "month"),
    ("in 1 hour 2 minutes 3 seconds", 3723.0, "second"),
])
def test_compound_spans_of_time(text, value, unit):
    (n,) = find_numbers(text)
    assert (n.value.value, n.value.unit) == (value, unit)


@pytest.mark.parametrize("text", ["3 hours, 90 minutes", "2 days and 5 days"])
def test_lists_of_spans_stay_apart(text):
    assert len(find_numbers(text)) == 2


def test_a_part_of_the_group_is_no_size():
    assert not [p for p, _ in claims("A chasing group of four rowers passed the bridge.")
                if p == "member_count"]
    assert not [p for p, _ in claims("A rescue team of 12 reached Kessel Rowing Club.")
                if p == "member_count"]
    assert ("member_count", "crew of three") in claims(
        "Kessel Rowing Club sent a crew of three.")


def test_a_champion_field_names_a_person():
    doc = read_text(SWIM, "a.txt", "a")
    people = {m.surface for m in extract(doc).mentions if m.kind == "person"}
    assert "Olumide Adeyemi" in people
    team = read_text(SWIM.replace("Women's champion: Olumide Adeyemi", "Winner: Selby Rovers"),
                     "b.txt", "b")
    assert "Selby Rovers" not in {m.surface for m in extract(team).mentions if m.kind == "person"}


def test_a_dropped_final_vowel_is_one_given_name():
    assert skeleton("faye", exact_short=False) == skeleton("fay", exact_short=False)
    assert same_person("Alemaye Worku", "Alemay Worku")[0]
    assert skeleton("kaye") != skeleton("kay")  # a short surname still needs an exact match
    assert not same_person("Abebe Worku", "Abeba Worku")[0]


@pytest.mark.parametrize("sentence, person", [
    ("The team captain, Ngozi Eze, said the club would appeal.", True),
    ("Her coach, Ngozi Eze.", True),
    ("The defending champions, Selby Rovers, won again.", False),
    ("For the captain, Osten Hall was too small.", False),
    ("Like every captain, Osten Hall hosts the dinner.", False),
])
def test_a_role_set_off_by_a_comma(sentence, person):
    doc = read_text(" date 2030-05-02 News\n" + sentence + "\n", "doc.txt", "doc")
    found = {m.surface for m in extract(doc).mentions if m.kind == "person"}
    assert (found == {"Ngozi Eze"}) if person else not found


CUP = """= 2030 Harlow Cup final =

- Date: 12 May 2030
- Attendance: 31,000

The 2030 Harlow Cup final was played on 12 May 2030. The 2029 match, which drew a crowd of \
27,500, was replayed.
"""


def attendance(r):
    return sorted((c.source, c.value.value) for c in r.claims if c.predicate == "attendance")


def test_counts_of_the_one_occasion_a_news_item_names():
    r = check_documents([read_text(CUP, "a.txt", "a"), news(
        "Harlow wins the cup\nHarlow won the Harlow Cup final on Sunday. The winning goal came "
        "late in the second half. A crowd of 31,000 watched. In 2029, a crowd of 28,000 watched.",
        date="2030-05-13")])
    assert attendance(r) == [("a", 31000.0), ("n", 31000.0)]
    assert [f for f in r.findings if f.severity != "info"] == []
