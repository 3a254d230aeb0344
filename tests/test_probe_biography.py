"""An unseen domain (a scientist's life: an encyclopedia article, an obituary, and a later
revision of the article) read the way a careful fact-checker reads it. Traps:
- infobox values that open with a date and go on ("2 February 2016 (aged 84), Uppsala,
  Sweden") state that date, quoted alone;
- "Her father, the chemist Karel Novak, died in 1970" is the father's death, not hers;
- "Born in Brno in 1931, she came to Sweden in 1956 and married the physicist Otto Lind a year
  later": born and married are hers ("she" after the opening phrase), "married" takes "a year
  later" (1957), not 1956, and Otto Lind's own death in 2009 stays his;
- the obituary's "died on Tuesday" is resolved against its date (2 February 2016);
- two sources share a title (an article and its revision): messages name their files;
- names are written with and without diacritics (notes, not alarms).
The sources really disagree on two things: the revision moves her death to 3 February in its
prose (against its own infobox, the article and the obituary), and the obituary dates the
marriage a year before the article does (1957 against 1958)."""

from __future__ import annotations

from conftest import ROOT, dated_rows, probe_report

PROBE = ROOT / "fixtures" / "probes" / "biography"


def report():
    return probe_report("biography")


def test_the_real_disagreements_and_nothing_else():
    r = report()
    alarms = sorted((f.rule, f.predicate, frozenset(e.text for e in f.evidence))
                    for f in r.findings if f.severity != "info")
    assert alarms == [
        ("self-contradiction", "death", frozenset({"2 February 2016", "3 February 2016"})),
        ("value-conflict", "death", frozenset({"2 February 2016", "3 February 2016",
                                               "Tuesday"})),
        ("value-conflict", "marriage", frozenset({"1958", "a year later"})),
    ]
    notes = sorted(frozenset(e.text for e in f.evidence) for f in r.findings
                   if f.severity == "info")
    assert notes == [frozenset({"Jirina Novakova", "Jiřina Nováková"}),
                     frozenset({"Karel Novak", "Karel Novák"})]


def test_same_titled_sources_are_told_apart_by_file():
    r = report()
    conflict = next(f for f in r.findings if f.rule == "value-conflict" and
                    f.predicate == "death")
    assert "(novakova.txt): 2 February 2016" in conflict.message
    assert "(revision.txt): 3 February 2016" in conflict.message
    assert "“Jirina Novakova, crystallographer, dies at 84”: 2 February 2016" in conflict.message


def test_who_each_dated_event_belongs_to():
    obituary = dated_rows(report(), lambda c: c.source.startswith("obituary"))
    assert obituary == [
        ("appointment", "Jiřina Nováková", "1974", "1974"),
        ("birth", "Jiřina Nováková", "1931", "1931"),
        ("death", "Jiřina Nováková", "2016-02-02", "Tuesday"),
        ("death", "Karel Novák", "1970", "1970"),
        ("death", "Otto Lind", "2009", "2009"),
        ("marriage", "Jiřina Nováková", "1957", "a year later"),
    ]


def test_an_infobox_date_followed_by_more_is_the_date():
    r = report()
    fields = sorted((c.predicate, c.value.iso(), c.span.text) for c in r.claims
                    if c.field and c.source.startswith("novakova") and
                    c.predicate in ("birth", "death"))
    assert fields == [("birth", "1931-03-12", "12 March 1931"),
                      ("death", "2016-02-02", "2 February 2016")]


def test_the_edit_is_gated_on_what_it_introduced():
    from reconcile.gate import edit_documents, gate
    from reconcile.read import read_text

    old_text = (PROBE / "novakova.txt").read_text(encoding="utf-8")
    new_text = (PROBE / "revision.txt").read_text(encoding="utf-8")
    old, new = edit_documents(old_text, new_text, str(PROBE / "revision.txt"), "article")
    obituary = PROBE / "obituary.txt"
    context = [read_text(obituary.read_text(encoding="utf-8"), str(obituary), "obituary")]
    result = gate(old, new, context)
    assert sorted((f.rule, f.predicate) for f in result.introduced) == [
        ("self-contradiction", "death"), ("value-conflict", "death")]
    conflict = next(f for f in result.introduced if f.rule == "value-conflict")
    # the article's infobox and lead still say 2 February: the odd one out is its 3 February
    assert conflict.message.endswith("2 of 2 sources back 2 February 2016 (1.8 of 1.8 by "
                                     "source weight).")
