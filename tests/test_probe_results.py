"""An unseen domain (a company: an article with an infobox about a food maker, the story of its
new chief executive, its annual results and, a year later, a takeover it agreed) read the way a
careful fact-checker reads it. The sources really disagree on one thing: the year the company
was founded, 1987 in the article (infobox and prose) against 1978 in the takeover story
("Brannock, which was founded in 1978 by ...": the firm's short name, and the founders after
"by" are who founded it, not what was founded).
What must not be flagged:
- Brannock Holdings, the family firm that owned the company until 2004 (founded 1961): another
  firm with a name of the same first word, kept apart;
- Ellery Dairies (founded 1952, bought in 2028) and Sellin Bakeries (founded 1923, to be bought):
  other firms with their own founding years, not people;
- the outgoing chief executive stepping down on 30 June 2029 and the incoming one appointed in
  May and taking office on 1 July 2029: two people, three events;
- fiscal 2030 "which ended on 31 March 2030" (the end of a fiscal year, not of the company) and
  "The acquisition was completed on 14 November 2028" (the end of the takeover);
- about 9,000 employees in 2025 and 12,400 in 2030: a firm that grew; the 2,600 employees the
  takeover added: no count of the whole staff; revenue "€2.1 billion (fiscal 2030)" and "2.1
  billion euros for fiscal 2030" (one sum, which agrees), 2.3 billion euros in fiscal 2031
  (another year, never compared); the prices paid for two firms ("for €410 million"): no sum
  of the buyer's;
- "in 2026 it agreed a five-year supply contract": no duration of anything;
- a deal "expected to close in the second half of 2031": a plan, no date of anything;
- the finance chief "Tom Hall" (in the infobox "Tom Hall (CFO)"), a person whose surname is a
  common noun, not a hall; a founder named "Renshaw" alone in later sentences."""

from __future__ import annotations

from conftest import dated_rows, probe_report


def report():
    return probe_report("results")


def test_the_founding_year_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.severity, f.predicate, f.subject) for f in alarms] == [
        ("value-conflict", "error", "founding", "other:brannock-foods")]
    assert sorted((e.source, e.text) for e in alarms[0].evidence) == [
        ("brannock", "1987"), ("brannock", "1987"), ("news3", "1978")]
    message = alarms[0].message
    assert "the article “Brannock Foods”: 1987" in message
    assert "the news item “Brannock Foods agrees to buy Sellin Bakeries”: 1978" in message
    assert [f for f in r.findings if f.severity == "info"] == []


def test_firms_are_kept_apart_and_not_taken_for_people():
    r = report()
    firms = {e.name: {(m.span.source, m.surface) for m in e.mentions} for e in r.entities
             if e.type != "person"}
    assert set(firms) == {"Brannock Foods", "Brannock Holdings", "Ellery Dairies",
                          "Sellin Bakeries"}
    assert firms["Brannock Foods"] == {
        ("brannock", "Brannock Foods"), ("news1", "Brannock Foods"),
        ("news2", "Brannock Foods"), ("news3", "Brannock Foods"), ("news3", "Brannock")}
    assert firms["Brannock Holdings"] == {("brannock", "Brannock Holdings"),
                                          ("news1", "Brannock Holdings")}


def test_people_and_their_own_events():
    r = report()
    people = {e.name for e in r.entities if e.type == "person"}
    assert people == {"Aldo Renshaw", "Marit Gunnarsen", "Paul Hendry", "Helena Marsh",
                      "Tom Hall"}
    hall = next(e for e in r.entities if e.name == "Tom Hall")
    assert {m.span.source for m in hall.mentions} == {"brannock", "news2"}
    rows = dated_rows(r, lambda c: c.predicate in ("appointment", "inauguration", "resignation"))
    assert rows == [("appointment", "Helena Marsh", "2029-05", "May 2029"),
                    ("inauguration", "Helena Marsh", "2029-07-01", "1 July 2029"),
                    ("resignation", "Paul Hendry", "2029-06-30", "30 June 2029")]


def test_other_firms_foundings_and_ends_that_are_no_one_s():
    r = report()
    rows = dated_rows(r, lambda c: c.predicate in ("founding", "end"))
    assert rows == [("end", "", "2028-11-14", "14 November 2028"),
                    ("end", "", "2030-03-31", "31 March"),
                    ("end", "", "2030-03-31", "31 March 2030"),
                    ("founding", "Brannock Foods", "1978", "1978"),
                    ("founding", "Brannock Foods", "1987", "1987"),
                    ("founding", "Brannock Foods", "1987", "1987"),
                    ("founding", "Brannock Holdings", "1961", "1961"),
                    ("founding", "Ellery Dairies", "1952", "1952"),
                    ("founding", "Sellin Bakeries", "1923", "1923")]


def test_the_planned_closing_is_no_stated_date():
    r = report()
    planned = [(c.predicate, c.modality, c.span.text) for c in r.claims if c.source == "news3"
               and c.predicate == "closing"]
    assert planned == [("closing", "future", "2031")]


def test_staff_counts_of_one_year_agree_and_of_other_years_are_not_compared():
    r = report()
    names = {e.id: e.name for e in r.entities}
    counts = sorted((names.get(c.subject or ""), c.qualifier, c.source, c.span.text)
                    for c in r.claims if c.predicate == "employees")
    assert counts == [
        ("Brannock Foods", "2025", "brannock", "employed about 9,000"),
        ("Brannock Foods", "2030", "brannock", "12,400 (2030)"),
        ("Brannock Foods", "2030", "brannock", "employed 12,400"),
        ("Brannock Foods", "2030", "news2", "employs 12,400"),
        ("Sellin Bakeries", "2031", "news3", "employs 1,900")]  # not "added about 2,600 employees"
    assert sorted((a.predicate, a.subject) for a in r.agreements) == [
        ("employees", "other:brannock-foods"), ("revenue", "other:brannock-foods")]


def test_the_revenue_written_two_ways_agrees_and_another_year_is_not_compared():
    r = report()
    names = {e.id: e.name for e in r.entities}
    revenue = sorted((c.source, names.get(c.subject or ""), c.qualifier, c.value.human(),
                      c.span.text) for c in r.claims if c.predicate == "revenue")
    # the article's "Brannock reported revenue of €2.1 billion" is no one's: the bare
    # "Brannock" of a document naming two Brannock firms is left unresolved
    assert revenue == [
        ("brannock", "Brannock Foods", "2030", "€2.1 billion", "€2.1 billion (fiscal 2030)"),
        ("news2", "Brannock Foods", "2030", "€2.1 billion", "revenue of 2.1 billion euros"),
        ("news3", "Brannock Foods", "2031", "€2.3 billion", "revenue rose to 2.3 billion euros")]
    # an operating profit with no year written in its sentence is compared with nothing
    profit = [(c.source, c.qualifier) for c in r.claims if c.predicate == "operating_profit"]
    assert profit == [("news2", None)]
