"""An unseen domain (a criminal case: an encyclopedia article with an infobox, the verdict-day
news item and an HTML story on the appeal) read the way a careful fact-checker reads it. Traps:
- the co-defendant's "two years, suspended for three years" (and "a two-year suspended
  sentence", "who was sentenced to two years, suspended") is his sentence, not the main
  defendant's, and the three years it is suspended for are no sentence and no duration;
- "The trial, which lasted 14 weeks" is how long the trial took, not anyone's sentence;
- the earlier case: "That trial began on 4 March 2026 and ended in his acquittal on 19 June
  2026" is another trial (its start is not this trial's) and his acquittal, five years before
  this conviction, is no conflict with it ("was acquitted in a separate case in 2026");
- "appealed on Friday" in a story of Saturday 15 May 2032 is the infobox's 14 May 2032, and
  "sentenced ... on Friday" in the verdict-day item is the article's 12 December 2031;
- "the court convicted Kovačević" is his conviction (the object of the verb), "He was
  sentenced to 12 years" his sentence (the pronoun), "ended in his acquittal" his acquittal;
- names with and without diacritics (Kovačević, Kovacevic; Radić, Radic) are notes;
- "fined him 2.4 million euros" (him: the man named before) and "a fine of €2.4 million"
  agree; the port's €31 million loss is no fine; "His lawyer said he would appeal" states no
  appeal.
The sources really disagree on two things: the appeal story dates his conviction 11 December
2031 (the article: 12 December, as the verdict-day item's "on Friday" has his sentencing) and
gives his sentence as 13 years (the article and the verdict-day item: 12 years)."""

from __future__ import annotations

from conftest import dated_rows, probe_report


def report():
    return probe_report("court")


def test_the_two_disagreements_and_nothing_else():
    r = report()
    alarms = sorted((f.rule, f.predicate, frozenset(e.text for e in f.evidence))
                    for f in r.findings if f.severity != "info")
    assert alarms == [
        ("value-conflict", "conviction", frozenset({"11 December 2031", "12 December 2031"})),
        ("value-conflict", "sentence", frozenset({"12 years", "13 years"})),
    ]
    notes = sorted(frozenset(e.text for e in f.evidence) for f in r.findings
                   if f.severity == "info")
    assert notes == [frozenset({"Dragan Kovacevic", "Dragan Kovačević"}),
                     frozenset({"Ivo Radic", "Ivo Radić"})]
    sentence = next(f for f in r.findings if f.predicate == "sentence")
    assert "Dragan Kovačević" in sentence.message
    assert "2 of 3 sources back 12 years" in sentence.message


def test_each_sentence_is_its_own_persons():
    r = report()
    names = {e.id: e.name for e in r.entities}
    rows = sorted((names.get(c.subject, ""), c.predicate, c.value.human(), c.span.text,
                   c.source.split(":")[0][:6]) for c in r.claims
                  if c.predicate in ("sentence", "suspension", "duration") and not c.field)
    assert [row[:4] for row in rows] == [
        ("", "duration", "14 weeks", "14 weeks"),
        ("Dragan Kovačević", "sentence", "12 years", "12 years"),
        ("Dragan Kovačević", "sentence", "12 years", "12 years"),
        ("Dragan Kovačević", "sentence", "13 years", "13 years"),
        ("Ivo Radić", "sentence", "2 years", "two years"),
        ("Ivo Radić", "sentence", "2 years", "two years"),
        ("Ivo Radić", "sentence", "2 years", "two-year"),
        ("Ivo Radić", "suspension", "3 years", "three years"),
    ]


def test_who_each_court_event_belongs_to():
    court = ("indictment", "conviction", "acquittal", "sentencing", "appeal")
    rows = dated_rows(report(), lambda c: c.predicate in court and not c.field)
    assert rows == [
        ("acquittal", "Dragan Kovačević", "2026", "2026"),
        ("acquittal", "Dragan Kovačević", "2026-06-19", "19 June 2026"),
        ("appeal", "Dragan Kovačević", "2032-05-14", "14 May 2032"),
        ("appeal", "Dragan Kovačević", "2032-05-14", "Friday"),
        ("conviction", "Dragan Kovačević", "2031-12-11", "11 December 2031"),
        ("conviction", "Dragan Kovačević", "2031-12-12", "12 December 2031"),
        ("indictment", "Dragan Kovačević", "2031-02-03", "3 February 2031"),
        ("indictment", "Dragan Kovačević", "2031-02-03", "3 February 2031"),
        ("sentencing", "Dragan Kovačević", "2031-12-12", "Friday"),
    ]


def test_the_fine_agrees_across_currency_forms_and_the_loss_is_no_fine():
    r = report()
    names = {e.id: e.name for e in r.entities}
    fines = sorted((names.get(c.subject, ""), c.value.value, c.value.unit, c.span.text)
                   for c in r.claims if c.predicate == "fine")
    assert fines == [("Dragan Kovačević", 2400000.0, "EUR", "2.4 million euros"),
                     ("Dragan Kovačević", 2400000.0, "EUR", "€2.4 million")]
    assert "fine" in [a.predicate for a in r.agreements]


def test_the_earlier_trial_is_not_this_one():
    r = report()
    names = {e.id: e.name for e in r.entities}
    starts = sorted((names.get(c.subject, ""), c.value.iso()) for c in r.claims
                    if c.predicate == "start" and c.source.startswith("case"))
    assert starts == [("", "2026-03-04"), ("State v. Kovačević", "2031-09-09"),
                      ("State v. Kovačević", "2031-09-09")]
