"""An unseen domain (a city marathon: an article with an infobox about one edition, the race-day
report, a report four days later and a preview of the next edition a year on) read the way a
careful fact-checker reads it. The sources really disagree on one thing: how many runners
finished, 18,420 in the article (infobox "Finishers: 18,420" and "A record 18,420 runners
finished the race") against the later report's "14,820 runners finished Sunday's race".
What must not be flagged:
- the previous edition (held on 20 October 2030, won by another runner in 2:06:58) and the next
  (17 October 2032, previewed by the last news item, which calls it only "the Kerrovan
  Marathon"): other events, with their own dates;
- the men's and the women's race on the same day, with different winners and times;
- the winning time written "2:05:41" and "2 hours 5 minutes 41 seconds" (one time, and no time
  of day), the start "at 08:30 local time" / "at 8:30 a.m.";
- "more than 18,000 runners finished" on race day (told sentences after the race was named),
  which the article's 18,420 meets and the later 14,820 does not: a floor on the article's side of
  the one disagreement, not a third value;
- "the 2030 race, which had 16,100 finishers" (the article) and the preview's "Last year a record
  18,420 runners finished": counts of other editions than the one named, or of no named one;
- those who registered (21,300) and started (19,050): other counts than the finishers, and the
  half marathon held the same morning ("9,800 runners finished it") is another race;
- "She had finished fourth in the 2030 race": a placing, not the end of anything;
- "A leading group of six men": part of the field, no size of anything;
- "the course had been open for six hours and 42 minutes": one span of 402 minutes, not six
  hours;
- the course record of 2:04:55 set by another runner in 2027;
- the winners' names transliterated two ways ("Tsegaye"/"Tsegay", "Iuliia"/"Yuliya"): one
  person each, a spelling note at most."""

from __future__ import annotations

import pytest
from conftest import dated_rows, probe_report


def report():
    return probe_report("race")


def test_the_finishers_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate, f.subject) for f in alarms] == [
        ("value-conflict", "finishers", "mission:2031-kerrovan-marathon")]
    assert sorted((e.source, e.text) for e in alarms[0].evidence) == [
        ("marathon", "18,420"), ("marathon", "18,420 runners finished"),
        ("news1", "more than 18,000 runners finished"), ("news2", "14,820 runners finished")]
    message = alarms[0].message
    assert "the article “2031 Kerrovan Marathon”: 18,420" in message
    assert "the news item “Alemu and Barsukova win Kerrovan Marathon”: at least 18,000" in message
    assert "the news item “Kerrovan Marathon had record number of finishers, organisers say”: " \
        "14,820" in message
    assert "2 of 3 sources back 18,420" in message


def test_transliterated_names_are_one_person_each():
    r = report()
    people = {e.name: {m.surface for m in e.mentions} for e in r.entities if e.type == "person"
              and ("Alemu" in e.name or "Barsukova" in e.name)}
    assert people == {
        "Tsegaye Alemu": {"Tsegaye Alemu", "Tsegay Alemu", "Alemu"},
        "Iuliia Barsukova": {"Iuliia Barsukova", "Yuliya Barsukova", "Barsukova"}}
    alemu = next(e for e in r.entities if e.name == "Tsegaye Alemu")
    assert {m.span.source for m in alemu.mentions} == {"marathon", "news2"}  # see the xfail
    notes = sorted((f.rule, f.subject) for f in r.findings if f.severity == "info")
    assert notes == [("spelling-variant", "person:iuliia-barsukova"),
                     ("spelling-variant", "person:tsegaye-alemu")]


def test_editions_are_kept_apart_with_their_own_days():
    r = report()
    editions = {e.name: {(m.span.source, m.surface) for m in e.mentions} for e in r.entities
                if "Marathon" in e.name}
    assert editions["2031 Kerrovan Marathon"] == {
        ("marathon", "2031 Kerrovan Marathon"), ("news1", "Kerrovan Marathon"),
        ("news2", "Kerrovan Marathon")}
    assert editions["2032 Kerrovan Marathon"] == {
        ("marathon", "2032 Kerrovan Marathon"), ("news3", "Kerrovan Marathon")}
    assert editions["2030 Kerrovan Marathon"] == {("marathon", "2030 Kerrovan Marathon")}
    rows = dated_rows(r, lambda c: c.predicate == "occurrence")
    assert rows == [("occurrence", "2030 Kerrovan Marathon", "2030-10-20", "20 October 2030"),
                    ("occurrence", "2031 Kerrovan Marathon", "2031-10-19", "19 October 2031"),
                    ("occurrence", "2031 Kerrovan Marathon", "2031-10-19", "19 October 2031"),
                    ("occurrence", "2032 Kerrovan Marathon", "2032-10-17", "17 October 2032")]


def test_placings_groups_and_times_are_not_misread():
    r = report()
    # "finished fourth in the 2030 race" ends nothing; the record's year dates nothing here
    assert not [c for c in r.claims if c.predicate == "end" and c.source == "marathon"]
    assert not [c for c in r.claims if c.subject and "2027" in c.span.text]
    # "a leading group of six men" is no size of the race
    assert not [c for c in r.claims if c.predicate == "member_count"]
    # the course was open for one span of 402 minutes; the winning times are no durations
    durations = [(c.span.text, c.value.value, c.value.unit) for c in r.claims
                 if "duration" in c.predicate]
    assert durations == [("six hours and 42 minutes", 402.0, "minute")]
    # registered and started are not finished; another edition's finishers are no one's here
    assert sorted((c.source, c.value.value) for c in r.claims if c.predicate == "finishers") == [
        ("marathon", 18420.0), ("marathon", 18420.0), ("news1", 18000.0), ("news2", 14820.0)]


@pytest.mark.xfail(strict=True, reason=(
    "'Tsegaye Alemu of Ethiopia won' (race-day report) and 'The defending champion, Tsegay "
    "Alemu,' (preview) have no given name the name list knows and no role word before them "
    "('champion' is no role word: a champion is often a team); names are found per document, "
    "so a runner named as a person only in other sources is no person here."))
def test_every_mention_of_the_men_s_winner_is_found():
    r = report()
    alemu = next(e for e in r.entities if e.name == "Tsegaye Alemu")
    assert {m.span.source for m in alemu.mentions} == {"marathon", "news1", "news2", "news3"}
