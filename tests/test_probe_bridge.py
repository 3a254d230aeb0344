"""An unseen domain (a bridge collapse: an article and two news items) read the way a careful
fact-checker reads it. The article is titled for what happened to the bridge ("Varnholt Bridge
collapse") and is about the bridge; the day-after report's "at least 9 people were killed" is a
lower bound that the final 12 meets; the span is given in metres with feet in brackets;
construction began in 1957 and the bridge opened in 1961; another bridge is named with its own
dates; the designer's surname is written two ways; a reopening is only expected; "two days
later" counts from the collapse, not from the day the police spoke. The sources really disagree
on one thing: the death toll (12 in the article, 13 in the report of 29 March)."""

from __future__ import annotations

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "bridge"


def report():
    return reconcile.check([str(PROBE)])


def test_the_one_real_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "deaths")]
    quoted = {e.text for e in alarms[0].evidence}
    assert quoted == {"12", "Twelve people were killed", "Thirteen people died"}
    notes = [(f.rule, {e.text for e in f.evidence}) for f in r.findings if f.severity == "info"]
    assert notes == [("spelling-variant", {"Aurel Kostadinov", "Aurel Kostadinow"})]


def test_the_bridge_is_one_entity_across_sources_and_its_collapse_agrees():
    r = report()
    bridge = next(e for e in r.entities if e.name == "Varnholt Bridge")
    assert {m.span.source for m in bridge.mentions} == {"bridge", "news1", "news2"}
    assert not [e for e in r.entities if e.name == "Varnholt Bridge collapse"]
    collapse = {(c.source, c.value.iso()) for c in r.claims
                if c.predicate == "collapse" and c.subject == bridge.id}
    assert collapse == {("bridge", "2032-03-03"), ("news1", "2032-03-03"), ("news2", "2032-03-03")}
    agreed = {a.predicate for a in r.agreements if a.subject == bridge.id}
    assert {"collapse", "injuries"} <= agreed
    designer = [e for e in r.entities if "Kostadin" in e.name]
    assert [e.name for e in designer] == ["Aurel Kostadinov"] and designer[0].type == "person"


def test_the_traps_are_not_misread():
    r = report()
    bridge = next(e for e in r.entities if e.name == "Varnholt Bridge")
    toverell = next(e for e in r.entities if e.name == "Toverell Bridge")
    # "at least 9" the day after is a lower bound, not a count against the final 12
    early = [c for c in r.claims if c.source == "news1" and c.predicate == "deaths"]
    assert [(c.span.text, c.value.value, c.modality) for c in early] == [
        ("At least 9 people were killed", 9, "minimum")]
    # 140 m (460 ft): one span, in metres, once in the infobox and once in the prose (the
    # feet in brackets are the same measurement, quoted with it)
    spans = [(c.source, c.value.value, c.value.unit, c.span.text) for c in r.claims
             if c.predicate == "main_span"]
    assert spans == [("bridge", 140, "m", "140 m (460 ft)"),
                     ("bridge", 140, "m", "main span of 140 m (460 ft)")]
    # construction and opening are two events; the comparison bridge keeps its own dates
    own = {(c.predicate, c.value.iso()) for c in r.claims
           if c.subject == bridge.id and c.source == "bridge" and c.predicate in (
               "construction", "opening")}
    assert own == {("construction", "1957"), ("opening", "1961-06-14")}
    other = {(c.source, c.predicate, c.value.iso()) for c in r.claims if c.subject == toverell.id}
    # "Two days later" counts from the collapse on 3 March, not from "said on Monday"
    assert other == {("bridge", "opening", "1974"), ("news2", "opening", "1974"),
                     ("news2", "closing", "2032-03-05")}
    # "is expected to reopen in 2033" states nothing that happened
    assert not [c for c in r.claims if c.span.text == "2033" and c.modality == "stated"]
    # the inquiry's opening is no one's event in particular, and not its chair's
    opened = [c for c in r.claims if c.span.text.startswith("10 March")]
    assert opened and all(c.subject is None for c in opened)
    # "held its first hearing on Friday" is the inquiry's own first hearing, no rank
    assert not [c for c in r.claims if c.predicate == "rank"]
