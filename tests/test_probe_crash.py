"""An unseen domain (an air crash: an article, a day-after report and the final-report story)
read the way a careful fact-checker reads it. Traps:
- "Flight 418" (the cancelled return) and "Flight 471" (another flight that landed safely) are
  other flights, kept apart from Flight 417;
- the day-after "At least 60 people were killed" is a lower bound the final 71 meets;
- "Crew: 6" is how many, not a crew list of one member called "6";
- "during its approach to Tromvik Airport": the airport is where, not what crashed;
- the registration is written in the infobox, in an aside of the article ("registration
  LN-RKE") and in the later story ("registered LN-RKF").
The sources really disagree on one thing: the aircraft's registration (LN-RKE against LN-RKF)."""

from __future__ import annotations

from conftest import probe_report


def report():
    return probe_report("crash")


def test_the_registration_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "registration")]
    assert sorted(e.text for e in alarms[0].evidence) == ["LN-RKE", "LN-RKE", "LN-RKF"]
    assert "the news item “Crew error caused Tromvik crash, report finds”: LN-RKF" in \
        alarms[0].message


def test_other_flights_stay_apart():
    r = report()
    flights = {e.name: {m.surface for m in e.mentions} for e in r.entities
               if "Flight" in e.name}
    assert flights == {"Norvik Air Flight 417": {"Norvik Air Flight 417", "Flight 417"},
                       "Flight 418": {"Flight 418"}, "Flight 471": {"Flight 471"}}


def test_counts_and_places():
    r = report()
    names = {e.id: e.name for e in r.entities}
    assert [(names.get(c.subject), c.value.value) for c in r.claims
            if c.predicate == "member_count"] == [("Norvik Air Flight 417", 6.0)]
    assert not [c for c in r.claims if c.predicate == "members"]
    assert {names.get(c.subject) for c in r.claims if c.predicate == "occurrence"} == \
        {"Norvik Air Flight 417"}
    assert [a.predicate for a in r.agreements if a.rule == "value-conflict"] == ["deaths"]
