"""An unseen domain (a passenger ferry that sank: an article and two news items) read the way a
careful fact-checker reads it. Laid down, launched and commissioned are three events of one
ship; the sister ship is named with its own launch date and its own IMO number; the day-after
report's "at least 40 survivors" is a lower bound that the final 52 meets; the captain's given
name is written two ways; a salvage is only scheduled; "the ship's third voyage" is an ordinal.
The sources really disagree on one thing: the day the ferry sank (14 October in the article and
"Tuesday" in the day-after report, 13 October in the report of 20 November).

The news items name the ship without its prefix ("the passenger ferry Kestrava Dawn", "The
Kestrava Dawn, which sank"): a name right after a kind noun, or between "the" and ", which", is
a named thing's (not a person's), and a name that drops the capital prefix of exactly one other
name ("MV") joins it, while the sister ship, whose name differs, stays apart. So the sinking day
of each source is the ship's, and the one disagreement is found."""

from __future__ import annotations

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "ship"


def report():
    return reconcile.check([str(PROBE)])


def test_no_false_alarm():
    r = report()
    alarms = [(f.rule, f.predicate) for f in r.findings if f.severity != "info"]
    assert set(alarms) <= {("value-conflict", "sinking")}, alarms
    notes = [(f.rule, {e.text for e in f.evidence}) for f in r.findings if f.severity == "info"]
    assert notes == [("spelling-variant", {"Andrei Sorokhin", "Andrey Sorokhin"})]


def test_the_real_disagreement_the_day_it_sank():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "sinking")]
    assert "13 October" in {e.text for e in alarms[0].evidence}


def test_the_ship_its_sister_and_its_captain():
    r = report()
    ship = next(e for e in r.entities if e.name == "MV Kestrava Dawn")
    sister = next(e for e in r.entities if e.name == "MV Kestrava Tide")
    # laid down, launched, commissioned and sank: four events, each on its own day
    own = {(c.predicate, c.value.iso()) for c in r.claims if c.subject == ship.id
           and c.source == "ferry" and c.predicate in ("construction", "launch", "sinking")}
    assert own == {("construction", "2027-02-09"), ("launch", "2027-11-22"),
                   ("sinking", "2031-10-14")}
    assert [c.span.text for c in r.claims if c.subject == ship.id
            and c.predicate == "commissioned"] == ["3 June 2028"]
    # the sister ship keeps its own launch and entry into service
    theirs = {(c.predicate, c.value.iso()) for c in r.claims if c.subject == sister.id
              and hasattr(c.value, "iso")}
    assert theirs == {("launch", "2028-05-05"), ("opening", "2029")}
    # and each ship its own IMO number, in the article's infobox and prose and in the news
    codes = sorted((c.source, c.subject == ship.id, c.value) for c in r.claims
                   if c.predicate == "imo")
    assert codes == [("ferry", False, "9731857"), ("ferry", True, "9731845"),
                     ("news2", False, "9731857"), ("news2", True, "9731845")]
    captain = [e for e in r.entities if "Sorokhin" in e.name]
    assert [e.name for e in captain] == ["Andrei Sorokhin"] and captain[0].type == "person"


def test_the_traps_are_not_misread():
    r = report()
    # "Salvage ... is scheduled for 2035" states nothing that happened
    assert not [c for c in r.claims if c.span.text == "2035" and c.modality == "stated"]
    # "the ship's third voyage" ranks nothing
    assert not [c for c in r.claims if c.predicate == "rank"]
    # "at least 40 survivors" is not read as a count against the final 52
    assert not [c for c in r.claims if c.source == "news1" and c.predicate == "survivors"]


def test_the_news_name_the_ship_without_its_prefix():
    r = report()
    sinking = {(c.source, c.span.text, c.value.iso(), c.subject) for c in r.claims
               if c.source != "ferry" and c.predicate == "sinking"}
    assert sinking == {("news1", "Tuesday", "2031-10-14", "other:mv-kestrava-dawn"),
                       ("news2", "13 October", "2031-10-13", "other:mv-kestrava-dawn")}
    ships = {e.name: set(e.variants) for e in r.entities if "Kestrava" in e.name}
    assert ships == {"MV Kestrava Dawn": {"MV Kestrava Dawn", "Kestrava Dawn"},
                     "MV Kestrava Tide": {"MV Kestrava Tide", "Kestrava Tide"}}
    # a role word before a lower-case noun describes the noun ("passenger ferry", "sister
    # ship"), so the ship names after them are not people
    assert {e.name for e in r.entities if e.type == "person"} == {"Andrei Sorokhin"}
