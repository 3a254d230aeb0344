"""An unseen domain (a hurricane: an article and two news items) read the way a careful
fact-checker reads it. The article's title carries a year in brackets, the storm is named kind
noun first ("Hurricane Odile"), a comparison names another storm and year ("the strongest
since Hurricane Lidia in 2017"), a place looks like a person's name ("Isla Morena"), and the
sources really disagree on one thing: the day the state of emergency was declared (13
September in the article, "Friday", the 12th, in a report dated Monday 15 September)."""

from __future__ import annotations

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "storm"


def report():
    return reconcile.check([str(PROBE)])


def test_the_one_real_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "announcement")]
    quoted = {e.text for e in alarms[0].evidence}
    assert quoted == {"13 September", "Friday"}


def test_the_storm_is_one_entity_across_sources_and_its_landfall_agrees():
    r = report()
    odile = next(e for e in r.entities if e.name == "Hurricane Odile")
    assert {m.span.source for m in odile.mentions} >= {"storm", "news2"}
    landfall = {(c.source, c.value.iso()) for c in r.claims
                if c.predicate == "landfall" and c.subject == odile.id}
    assert landfall == {("storm", "2031-09-14"), ("news1", "2031-09-14")}
    assert any(a.predicate == "landfall" and a.subject == odile.id for a in r.agreements)


def test_a_comparison_and_a_place_are_not_misread():
    r = report()
    odile = next(e for e in r.entities if e.name == "Hurricane Odile")
    # "since Hurricane Lidia in 2017": Lidia's year, not Odile's landfall
    assert not [c for c in r.claims if c.subject == odile.id and c.span.text == "2017"]
    assert not [e for e in r.entities if e.type == "person" and "Morena" in e.name]
    # "declared ... on 13 September": the year is the story's, not the comparison's 2017
    declared = [c for c in r.claims if c.source == "storm" and c.span.text == "13 September"]
    assert [c.value.iso() for c in declared] == ["2031-09-13"]
