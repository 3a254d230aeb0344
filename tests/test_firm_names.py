"""Firms and whose event a word is, in texts of other domains than the company probe: a firm's
name ending in a firm word ("Tarrow Motors") is a named thing, and its first word alone is that
firm where the text names no other firm and no person with that word; a name with its role in
brackets ("Lena Park (director)") is a person; names listed after an agent's "by" are all
agents; an event noun opening a sentence ("The takeover was completed ...") owns the event; a
relative clause's event is what the clause hangs on; a speaker's "announced" after a comma tells
the doer that opens the sentence."""

from __future__ import annotations

from reconcile.extract import extract
from reconcile.read import read_text
from reconcile.vocab import vocabulary

NEWS = " date 2031-03-20\nCar maker news\n"


def _extract(text: str):
    doc = read_text(text, "t.txt", "t")
    return extract(doc, vocabulary())


def dated(text: str, predicate: str) -> list[tuple[str | None, str, str]]:
    """(subject surface, ISO date, quoted words) of each claim of the predicate."""
    x = _extract(text)
    surface = {m.id: m.surface for m in x.mentions}
    return [(surface.get(c.subject_mention or ""), c.value.iso(), c.span.text)
            for c in x.claims if c.predicate == predicate and c.value is not None]


def mentions(text: str) -> list[tuple[str, str, bool, str | None]]:
    x = _extract(text)
    surface = {m.id: m.surface for m in x.mentions}
    return [(m.surface, m.kind, m.short, surface.get(m.alias_of or "")) for m in x.mentions]


def test_a_firm_s_first_word_alone_is_the_firm():
    text = NEWS + ("Tarrow Motors will build a plant in Oskby. Tarrow, which was founded in 1952 "
                   "by Ida Moen, makes buses.\n")
    assert ("Tarrow", "name", True, "Tarrow Motors") in mentions(text)
    assert dated(text, "founding") == [("Tarrow", "1952", "1952")]


def test_two_firms_with_one_first_word_leave_it_to_no_one():
    text = NEWS + ("Tarrow Motors and Tarrow Holdings report results. Tarrow said sales rose.\n")
    assert [m for m in mentions(text) if m[0] == "Tarrow"] == []


def test_a_word_inside_a_longer_name_or_a_person_s_surname_is_no_firm():
    text = NEWS + ("Tarrow Motors merged into Tarrow Vell. Eskil Brand of Brand Shipping said "
                   "Brand would grow.\n")
    found = mentions(text)
    assert not [m for m in found if m[0] == "Tarrow" and m[1] == "name"]
    assert ("Brand", "person", True, None) in found


def test_a_role_in_brackets_makes_a_person():
    text = "= Oskby Art Museum =\n\n- Key people: Lena Park (director)\n\nThe museum opened in 1990.\n"
    assert ("Lena Park", "person", False, None) in mentions(text)


def test_names_listed_after_by_are_all_agents():
    text = NEWS + "The charity was established in 1990 by Ida Moen and Per Lunde.\n"
    assert dated(text, "founding") == [(None, "1990", "1990")]


def test_an_event_noun_opening_a_sentence_owns_the_event():
    text = ("= Oskby Rovers =\n\n- Founded: 1901\n\nOskby Rovers is a football club. In 2019 "
            "it was bought by a group of fans. The takeover was completed on 3 May 2019.\n")
    assert dated(text, "end") == [(None, "2019-05-03", "3 May 2019")]


def test_a_relative_clause_s_event_is_what_it_hangs_on():
    text = ("= Oskby Rovers =\n\nOskby Rovers is a football club. In the 2030 season, which "
            "ended on 12 May 2030, the club won the league.\n")
    assert dated(text, "end") == [(None, "2030-05-12", "12 May 2030")]


def test_a_speaker_s_word_tells_the_doer_that_opens_the_sentence():
    text = NEWS + ("Kessock Group will close the Arden Bridge, its director Jo Lind announced "
                   "on 3 March 2031.\n")
    assert dated(text, "announcement") == [("Kessock Group", "2031-03-03", "3 March 2031")]


HOSPITAL = """= Oskby General Hospital =

- Type: Public hospital
- Employees: 3,100 (2024)

Oskby General Hospital is a public hospital in Oskby. By 2010 it employed about 2,000 people. In
2019 the hospital added 300 employees for its new wing.
"""


def _check(tmp_path, news: str):
    import reconcile

    (tmp_path / "hospital.txt").write_text(HOSPITAL, encoding="utf-8")
    (tmp_path / "news.txt").write_text(" date 2024-06-02\nHospital grows\n" + news,
                                       encoding="utf-8")
    return reconcile.check([str(tmp_path)])


def test_a_staff_count_is_compared_only_with_counts_of_its_year(tmp_path):
    r = _check(tmp_path, "Oskby General Hospital now employs 3,800 people, against 2,000 in "
                         "2010.\n")
    counts = sorted((c.source, c.span.text, c.qualifier) for c in r.claims
                    if c.predicate == "employees")
    assert counts == [("hospital", "3,100 (2024)", "2024"),
                      ("hospital", "employed about 2,000", "2010"),
                      ("news", "employs 3,800", "2024")]
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate, sorted(e.text for e in f.evidence)) for f in alarms] == [
        ("value-conflict", "employees", ["3,100 (2024)", "employs 3,800"])]


def test_a_staff_count_of_another_year_is_no_conflict(tmp_path):
    r = _check(tmp_path, "Oskby General Hospital now employs 3,100 people. In 2015 it "
                         "employed 2,600.\n")
    assert [f for f in r.findings if f.severity != "info"] == []
    assert [a.predicate for a in r.agreements] == ["employees"]
