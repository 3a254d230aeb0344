"""Mechanisms the medicine probe forced, tried on other domains (a rail line, an antiviral in an
outbreak, a city's trams):
- an approval is told apart by the body that gives it: two bodies' days never conflict, one
  body's two days do ("the Kessel Rail Authority approved", "approved by the KRA", an infobox
  key "KRA approval");
- lower-case coined names with a medicine's ending ("lomavir") are named things;
- a middle initial ("Jon P. Ekdahl") is no acronym: the name is a person's;
- "X began a survey in May" dates the survey's start, not X's ("began operations": X's own);
- "said the first trams would run in May" ranks nothing."""

from __future__ import annotations

from reconcile.api import check_documents
from reconcile.extract.claims import body_initials
from reconcile.read import read_text

ARTICLE = """= Dunmore Tramway =

- Operator: Dunmore Transit
- KRA approval: 3 May 2030

The Dunmore Tramway is a tram line in Dunmore. The Kessel Rail Authority approved the tramway on 3 May 2030, and the Ministry of Transport approved it on 21 May 2030. Dunmore Transit began a passenger survey in June 2030. The company began operations on 2 September 2030.
"""

NEWS = """ date 2030-06-04
Rail authority backs Dunmore tram line
The KRA approved the Dunmore Tramway on 3 June 2030, its chair said. The mayor, Jon P. Ekdahl, said the first trams would run in September. Ekdahl said the city had waited ten years.
"""


def _report(news: str = NEWS):
    return check_documents([read_text(ARTICLE, "dunmore.txt", "dunmore"),
                            read_text(news, "news1.txt", "news1")])


def test_one_bodys_two_days_conflict_and_another_bodys_day_does_not():
    r = _report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate) for f in alarms] == [("value-conflict", "approval")]
    assert sorted(e.text for e in alarms[0].evidence) == [
        "3 June 2030", "3 May 2030", "3 May 2030"]
    qualifiers = sorted((c.qualifier or "", c.value.iso()) for c in r.claims
                        if c.predicate == "approval")
    assert qualifiers == [("KRA", "2030-05-03"), ("KRA", "2030-05-03"), ("KRA", "2030-06-03"),
                          ("MT", "2030-05-21")]


def test_the_same_day_by_the_same_body_agrees():
    r = _report(NEWS.replace("3 June 2030", "3 May 2030"))
    assert [f for f in r.findings if f.severity != "info"] == []


def test_initials_of_a_body():
    assert body_initials("US Kessel Rail Authority") == "KRA"
    assert body_initials("K.R.A.") == "KRA"
    assert body_initials("Ministry of Transport") == "MT"
    assert body_initials("The Senate") is None  # one common word: no name to tell bodies by
    assert body_initials("Regulators") is None


def test_starts_of_what_a_verb_acts_on_and_of_the_thing_itself():
    r = _report()
    names = {e.id: e.name for e in r.entities}
    starts = sorted((names.get(c.subject, ""), c.value.iso()) for c in r.claims
                    if c.predicate == "start")
    assert starts == [("", "2030-06"), ("Dunmore Tramway", "2030-09-02")]


def test_a_middle_initial_and_a_plan_of_trams():
    r = _report()
    assert [(e.name, e.variants) for e in r.entities if e.type == "person"] == [
        ("Jon P. Ekdahl", ("Ekdahl", "Jon P. Ekdahl"))]
    assert not [c for c in r.claims if c.predicate == "rank"]


def test_a_coined_medicine_name_in_lower_case_is_a_named_thing():
    article = """= Lomavir =

Lomavir is an antiviral drug. The Kessel Medicines Board approved lomavir on 2 March 2031.
"""
    news = """ date 2031-08-02
Antiviral used in outbreak
Doctors in Varno have given lomavir to 300 patients. The KMB approved lomavir on 2 April 2031.
Patients take a tablet twice a day; the concept is simple.
"""
    r = check_documents([read_text(article, "lomavir.txt", "lomavir"),
                         read_text(news, "news1.txt", "news1")])
    assert [e.name for e in r.entities if e.type != "person"] == ["lomavir"]
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.predicate, sorted(e.text for e in f.evidence)) for f in alarms] == [
        ("approval", ["2 April 2031", "2 March 2031"])]
