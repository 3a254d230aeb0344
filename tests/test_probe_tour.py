"""An unseen domain (an orchestra's concert tour) in three formats: a wikitext article with an
infobox (`{{Start date|...}}`, piped links, `<ref>`s), an HTML news page (a nav menu and a
related-stories box that name other dates and another orchestra) and a plain news item. The
sources really disagree on one thing: the number of concerts (24 in the infobox, "all 26
concerts" in the HTML report). What must not be flagged: "the tour's 12th concert" (an
ordinal), "more than 40,000 tickets" against "about 42,000" (overlapping intervals), the
Lindmark concert postponed from 2 April to 4 April (the planned date is not a date of the
concert), the premiere of a concerto at the opening concert (the work's event, not the
tour's), the conductor with and without his diacritic (one person; an info note at most), the
orchestra's founding year, a previous tour with its own dates, and the related-stories box."""

from __future__ import annotations

import re

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "tour"


def report():
    return reconcile.check([str(PROBE)])


def test_the_one_real_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "concerts")]
    assert {(e.source, e.text) for e in alarms[0].evidence} == {
        ("tour", "24"), ("review", "all 26 concerts")}
    notes = [(f.rule, f.subject) for f in r.findings if f.severity == "info"]
    assert notes == [("spelling-variant", "person:tomas-brevik")]


def test_spans_point_into_the_raw_wikitext_and_html():
    r = report()
    raw = {s: (PROBE / name).read_text(encoding="utf-8")
           for s, name in (("tour", "tour.wiki"), ("review", "review.html"), ("news", "news.txt"))}
    for f in r.findings:
        for e in f.evidence:
            assert raw[e.source][e.start:e.end] == e.text
    for c in r.claims:
        assert raw[c.source][c.span.start:c.span.end] == c.span.text


def test_the_tour_and_its_people_are_one_entity_each_across_sources():
    r = report()
    by_name = {e.name: e for e in r.entities}
    tour = by_name["Northern Lights Tour"]
    assert {m.span.source for m in tour.mentions} == {"tour", "review", "news"}
    brevik = by_name["Tomáš Brevik"]
    assert {m.span.source for m in brevik.mentions} == {"tour", "review", "news"}
    assert {m.span.source for m in by_name["Ilse Wendhaar"].mentions} == {"tour", "review", "news"}
    opening = {(c.source, c.value.iso()) for c in r.claims
               if c.predicate == "opening" and c.subject == tour.id}
    assert opening == {("tour", "2034-03-09"), ("review", "2034-03-09"), ("news", "2034-03-09")}
    assert any(a.predicate == "opening" and a.subject == tour.id for a in r.agreements)


def test_the_traps_are_not_misread():
    r = report()
    tour = next(e for e in r.entities if e.name == "Northern Lights Tour")
    about_tour = [c for c in r.claims if c.subject == tour.id]
    # the postponed concert's dates, the ordinal, the previous tour's and the related box's
    # dates are not dates or counts of the tour
    for words in ("2 April", "4 April", "12th", "4 May", "30 May 2031", "6 May 2031",
                  "12 March 2034", "1 May 2034", "30 concerts", "40,000", "42,000"):
        assert not [c for c in about_tour if re.search(rf"(?<!\d){words}", c.span.text)], words
    # the related-stories box and the nav menu are not read at all
    assert not [c for c in r.claims if c.source == "review" and "2031" in c.span.text]
    assert not [e for e in r.entities if "Ostrand" in e.name]
    # the premiere is the concerto's event, not a date the tour began or ended
    assert not [c for c in about_tour if c.predicate == "premiere"]
    # "The second leg began in Port Ashby on 28 March": the leg's start, not the tour's
    assert {c.value.iso() for c in about_tour if c.predicate == "start"} == {"2034-03-09"}
    # "The orchestra, founded in 1921, will give ... before the tour closes on 22 April": the
    # founding year is not the closing's year
    assert {c.value.iso() for c in r.claims if c.predicate == "closing"} == {"2034-04-22"}
    # "The orchestra, founded in 1921, had last toured ... on the Harbour Lights Tour": the
    # orchestra's founding, neither the previous tour's nor this one's
    assert [c.subject for c in r.claims if c.predicate == "founding"] == [None, None]
