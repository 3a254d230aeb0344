"""An unseen domain (a film: an article and a news item). A festival premiere, a general
release and a US opening are three events on three days; "took four years to finance" is not
the length of the shoot; "Mira Solvay's drama" names Mira Solvay; "The Glass Harbour" in the
title and "The Glass Harbour" opening a sentence are one film."""

from __future__ import annotations

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "film"


def test_no_alarm_and_no_note_on_a_consistent_story():
    report = reconcile.check([str(PROBE)])
    assert [(f.rule, f.message) for f in report.findings] == []


def test_premiere_and_release_are_their_own_events():
    report = reconcile.check([str(PROBE)])
    got = {(c.predicate, c.value.iso()) for c in report.claims
           if c.source == "film" and c.predicate in ("premiere", "release", "opening")}
    assert got == {("premiere", "2029-02-02"), ("release", "2029-03-14")}


def test_one_film_one_director():
    report = reconcile.check([str(PROBE)])
    films = [e for e in report.entities if "Glass Harbour" in e.name]
    assert len(films) == 1 and {m.span.source for m in films[0].mentions} == {"film", "news"}
    solvay = [e for e in report.entities if "Solvay" in e.name]
    assert [e.name for e in solvay] == ["Mira Solvay"]
    assert "Mira Solvay's" not in solvay[0].variants
