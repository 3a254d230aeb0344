"""An unseen domain (a railway tunnel opening: an article, two plain news items and an HTML page)
read the way a careful fact-checker reads it.

The news items name the tunnel in their headlines and then, as news does, call it "the tunnel":
"Skarvik Tunnel opens after four years of digging / The tunnel opened to passenger trains on 19
September 2031". A reader takes the headline's one named thing as what "the tunnel" of the
opening sentences is, because the kind word agrees ("tunnel", the name's own kind noun). So the
day-after report's opening day and construction start are the Skarvik Tunnel's, and the HTML
page's "The tunnel is 9.4 km long" under the headline "Skarvik Tunnel breakthrough ..." too.
Where the reader cannot tell, nothing is attributed: the headline "Brenna Tunnel closes as
Skarvik Tunnel takes over" names two tunnels, so its "The tunnel opened in 1902" is no one's
(it is not the new tunnel's, which opened in 2031); on the HTML page the body names the Brenna
Tunnel before its "The tunnel opened in 1902", so that tunnel is not the headline's either.

The first news item is wrapped at 72 columns, as plain-text news and mail are. A line break
inside a paragraph does not end a sentence: "opened to passenger trains on 19 September 2031,
four years / after construction began on 4 April 2027" is one sentence, "the Brenna / Tunnel,
which opened in 1902, closed on 13 September 2031" names the Brenna Tunnel whole (the line after
the break opens with a capitalised word that is no sentence start), and its closing day is the
Brenna Tunnel's. A blank line, and a list after an unfinished line ("... confirmed by the
ministry / - the Vassby Tunnel from 2 March 2032"), still end the sentence: the list's dates are
no tunnel's closing.

The sources really disagree on one thing: the day the Skarvik Tunnel opened (12 September 2031
in the article, 19 September 2031 in the report of 20 September). They agree on its construction
start, its length, and on the Brenna Tunnel's opening and closing."""

from __future__ import annotations

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "tunnel"


def report():
    return reconcile.check([str(PROBE)])


def test_the_one_real_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "opening")]
    assert {e.text for e in alarms[0].evidence} == {"12 September 2031", "19 September 2031"}
    assert {e.source for e in alarms[0].evidence} == {"tunnel", "news1"}
    assert not [f for f in r.findings if f.severity == "info"]


def test_the_headline_names_what_the_tunnel_is():
    r = report()
    skarvik = next(e for e in r.entities if e.name == "Skarvik Tunnel")
    own = {(c.source, c.predicate, c.span.text) for c in r.claims
           if c.subject == skarvik.id and c.source != "tunnel"}
    assert own == {("news1", "opening", "19 September 2031"),
                   ("news1", "construction", "4 April 2027"),
                   ("news2", "length", "9.4 km long")}
    agreed = {a.predicate for a in r.agreements if a.subject == skarvik.id}
    assert agreed == {"construction", "length"}


def test_where_the_reader_cannot_tell_nothing_is_attributed():
    r = report()
    brenna = next(e for e in r.entities if e.name == "Brenna Tunnel")
    # two tunnels in the headline, or another tunnel named first: "The tunnel opened in 1902"
    # is no one's in particular
    unnamed = [(c.source, c.predicate) for c in r.claims if c.span.text == "1902"
               and c.subject is None]
    assert sorted(unnamed) == [("news2", "opening"), ("news3", "opening")]
    # where a source names it, the Brenna Tunnel keeps its own days, across a line break too
    theirs = {(c.source, c.predicate, c.value.iso()) for c in r.claims
              if c.subject == brenna.id and c.value is not None}
    assert theirs == {("tunnel", "opening", "1902"), ("tunnel", "closing", "2031-09-13"),
                      ("news1", "opening", "1902"), ("news1", "closing", "2031-09-13")}
    assert {a.predicate for a in r.agreements if a.subject == brenna.id} == {"opening",
                                                                             "closing"}


def test_a_line_break_inside_a_paragraph_does_not_cut_the_sentence():
    r = report()
    news1 = [c for c in r.claims if c.source == "news1"]
    # the closing day sits on the line after "closed on": one sentence, and its span is the
    # raw text exactly
    closing = next(c for c in news1 if c.predicate == "closing" and c.value is not None)
    assert closing.span.text == "13 September 2031"
    # the name broken by the wrap is one mention, quoted as written
    brenna = [m for e in r.entities for m in e.mentions
              if m.span.source == "news1" and m.surface == "Brenna Tunnel"]
    assert [m.span.text for m in brenna] == ["Brenna\nTunnel"]
    # the list after the unfinished line is no part of its sentence
    assert not [c for c in news1 if c.span.text in ("2 March 2032", "4 May 2032")
                and c.value is not None]
