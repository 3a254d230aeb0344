"""An unseen domain (a telecommunications tower: an article with an infobox and two news items)
read for its measurements. The article gives the height in metres with feet in brackets and
again in the prose; the anniversary report gives it in feet (1,083 ft is 330.1 m: the same
height); the report of a lift fault says 1,150 feet (350.5 m): the one real disagreement. The
traps: a 42 m foundation ring, a deck at 276 m, a hill 20 km from the city, a 5 km drive, a
20-minute walk, a strike that lasted 3 days, fire crews that drove 20 km and a 40 m ladder truck
are none of them a dimension of the tower."""

from __future__ import annotations

from conftest import ROOT

import reconcile
from reconcile.vocab import vocabulary

PROBE = ROOT / "fixtures" / "probes" / "tower"
MEASURES = set(vocabulary().measure_dimensions)


def test_the_one_real_disagreement_and_nothing_else():
    r = reconcile.check([str(PROBE)])
    assert [(f.rule, f.severity, f.predicate) for f in r.findings] == [
        ("value-conflict", "error", "height")]
    f = r.findings[0]
    assert sorted(e.text for e in f.evidence) == [
        "1,083 ft tall", "1,150 feet tall", "330 m (1,083 ft)", "330 metres tall"]
    # every value in one unit; the feet of the first report are the article's metres
    assert "330 m (1,083 ft)" in f.message and ": 1,083 ft;" in f.message
    assert ": 1,150 ft." in f.message and "2 of 3 sources back" in f.message


def test_metres_and_feet_agree():
    r = reconcile.check([str(PROBE / "tower.txt"), str(PROBE / "news1.txt")])
    assert r.findings == [] or all(f.severity == "info" for f in r.findings)
    height = [a for a in r.agreements if a.predicate == "height"]
    assert [sorted(e.text for e in a.evidence) for a in height] == [
        ["1,083 ft tall", "330 m (1,083 ft)", "330 metres tall"]]


def test_the_traps_are_not_measurements_of_the_tower():
    r = reconcile.check([str(PROBE)])
    tower = next(e for e in r.entities if e.name == "Kelmsdal Tower")
    measured = sorted((c.source, c.predicate, c.span.text) for c in r.claims
                      if c.predicate in MEASURES)
    assert measured == [("news1", "height", "1,083 ft tall"),
                        ("news2", "height", "1,150 feet tall"),
                        ("tower", "height", "330 m (1,083 ft)"),
                        ("tower", "height", "330 metres tall")]
    assert all(c.subject == tower.id for c in r.claims if c.predicate in MEASURES)
    # the strike's three days stay a duration, not a length
    assert [(c.predicate, c.value.unit) for c in r.claims if c.span.text == "3 days"] == [
        ("duration", "day")]
