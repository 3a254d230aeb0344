"""An unseen domain (a passenger ferry that sank: an article and two news items) read the way a
careful fact-checker reads it. Laid down, launched and commissioned are three events of one
ship; the sister ship is named with its own launch date and its own IMO number; the day-after
report's "at least 40 survivors" is a lower bound that the final 52 meets; the captain's given
name is written two ways; a salvage is only scheduled; "the ship's third voyage" is an ordinal.
The sources really disagree on one thing: the day the ferry sank (14 October in the article and
"Tuesday" in the day-after report, 13 October in the report of 20 November).

What the checker says today: it reads the sister ship's launch ("Her sister ship, MV Kestrava
Tide (...), was launched on 5 May 2028") as a second launch date of the article's ship, and it
has no sinking event, so it misses the real disagreement."""

from __future__ import annotations

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "ship"


def report():
    return reconcile.check([str(PROBE)])


def test_what_the_checker_says_today():
    r = report()
    alarms = [(f.rule, f.predicate, {e.text for e in f.evidence})
              for f in r.findings if f.severity != "info"]
    assert alarms == [("self-contradiction", "launch",
                       {"22 November 2027", "5 May 2028"})]
    notes = [(f.rule, {e.text for e in f.evidence}) for f in r.findings if f.severity == "info"]
    assert notes == [("spelling-variant", {"Andrei Sorokhin", "Andrey Sorokhin"})]


def test_the_ship_and_its_captain():
    r = report()
    ship = next(e for e in r.entities if e.name == "MV Kestrava Dawn")
    own = {(c.predicate, c.value.iso()) for c in r.claims
           if c.subject == ship.id and c.field and c.predicate in ("construction", "launch")}
    assert own == {("construction", "2027-02-09"), ("launch", "2027-11-22")}
    captain = [e for e in r.entities if "Sorokhin" in e.name]
    assert [e.name for e in captain] == ["Andrei Sorokhin"] and captain[0].type == "person"
    # "Salvage ... is scheduled for 2035" states nothing that happened
    assert not [c for c in r.claims if c.span.text == "2035" and c.modality == "stated"]
    # "the ship's third voyage" ranks nothing
    assert not [c for c in r.claims if c.predicate == "rank"]
