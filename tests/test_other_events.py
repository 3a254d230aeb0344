"""Events that are not the article's, and counts that are no one's death, in domains other than
the earthquake probe's: a sentence opening with an indefinite kind noun ("A temporary bridge",
"A 2,000-tonne ferry") is about some other, unnamed thing, and so is an "It" right after it,
unless the noun is the subject's own kind ("A magnitude 7.8 earthquake" in an earthquake's);
"killed 12 people" tells how many died, no one's death; "the deadliest since 1952, when 40
people died" gives the year and the toll of what it is compared with; the year of a name ("the 2027 Harbour
Gala") dates nothing else; a source that gives a day with a time gives its bare mentions of
that day the time too; a lower bound ("at least 40") backs no count."""

from __future__ import annotations

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.model import DateValue
from reconcile.read import read_text
from reconcile.vocab import vocabulary


def claims(text: str, predicate: str) -> list[tuple[str | None, str, str]]:
    """(subject surface, value, quoted words) of each claim of the predicate."""
    x = extract(read_text(text, "t.txt", "t"), vocabulary())
    surface = {m.id: m.surface for m in x.mentions}
    return [(surface.get(c.subject_mention or ""),
             c.value.iso() if isinstance(c.value, DateValue) else c.value, c.span.text)
            for c in x.claims if c.predicate == predicate]


def test_an_indefinite_kind_noun_and_its_it_are_another_thing():
    text = ("= Harrow Viaduct =\n\nThe Harrow Viaduct opened on 2 June 1931. During repairs, "
            "traffic used a detour. A temporary bridge, built beside the viaduct, opened on 4 May "
            "1990. It closed in 1994.\n")
    assert claims(text, "opening") == [("Harrow Viaduct", "1931-06-02", "2 June 1931"),
                                       (None, "1990-05-04", "4 May 1990")]
    assert claims(text, "closing") == [(None, "1994", "1994")]


def test_the_subject_s_own_kind_told_indefinitely_may_be_the_subject():
    text = ("= 2020 Orlen earthquake =\n\nA magnitude 7.8 earthquake struck the Orlen valley on "
            "9 June 2020, killing 30 people.\n")
    assert claims(text, "occurrence") == [("2020 Orlen earthquake", "2020-06-09", "9 June 2020")]
    assert [(who, q.value) for who, q, _ in claims(text, "deaths")] == [
        ("2020 Orlen earthquake", 30.0)]


def test_a_measure_before_the_kind_noun_keeps_it_indefinite():
    text = ("= MV Tarn Belle =\n\nThe MV Tarn Belle sank on 2 June 2030 off Skerry Point. "
            "A 2,000-tonne ferry sank near the same reef on 9 June 2030.\n")
    assert claims(text, "sinking") == [("MV Tarn Belle", "2030-06-02", "2 June 2030"),
                                       (None, "2030-06-09", "9 June 2030")]


def test_a_casualty_count_is_no_one_s_death():
    text = ("= Harlow Mill fire =\n\nThe Harlow Mill fire, which killed 12 people on 3 June 1911, "
            "destroyed the mill. The mill owner Jane Orwell died on 5 June 1911.\n")
    assert claims(text, "death") == [("Jane Orwell", "1911-06-05", "5 June 1911")]
    assert [(who, q.value) for who, q, _ in claims(text, "deaths")] == [("Harlow Mill fire", 12.0)]


def test_the_year_of_a_name_dates_nothing():
    text = ("= 2030 Tarrow Folk Festival =\n\nThe 2030 Tarrow Folk Festival took place on 18 July "
            "2030, three years after the 2027 Harbour Gala took place.\n")
    assert claims(text, "occurrence") == [
        ("2030 Tarrow Folk Festival", "2030-07-18", "18 July 2030")]


def test_a_comparison_since_a_year_dates_and_counts_nothing_of_the_subject():
    text = ("= 2030 Lorne flood =\n\nThe 2030 Lorne flood struck on 3 March 2030 and was the "
            "deadliest in the valley since 1952, when 40 people died in a flood near Carrow.\n")
    assert [v for _, v, _ in claims(text, "occurrence")] == ["2030-03-03"]
    assert claims(text, "deaths") == []


FINAL = """= 2031 Tarrow Shield final =

- Date: 12 March 2031
- Venue: Kelby Park

The 2031 Tarrow Shield final was played at 23:30 UTC on 12 March 2031 at Kelby Park.
"""


def test_a_day_with_a_time_gives_the_source_s_bare_day_its_time():
    late = read_text(" date 2031-03-14\nShield report\nThe Tarrow Shield final was played on "
                     "13 March at Kelby Park.\n", "n.txt", "n")
    r = check_documents([read_text(FINAL, "a.txt", "a"), late])
    found = [(f.severity, sorted(e.text for e in f.evidence)) for f in r.findings]
    assert found == [("info", ["12 March 2031", "13 March", "23:30 UTC on 12 March 2031"])]


def test_a_lower_bound_backs_no_count():
    article = read_text("= MV Tarn Belle =\n\n- Deaths: 112\n\nThe MV Tarn Belle sank on 2 June "
                        "2030, and 112 people were killed.\n", "a.txt", "a")
    day = read_text(" date 2030-06-02\nFerry sinks\nAt least 40 people were killed when the MV "
                    "Tarn Belle sank.\n", "n1.txt", "n1")
    later = read_text(" date 2030-06-02\nFerry toll\nThe MV Tarn Belle sinking killed 121 "
                      "people.\n", "n2.txt", "n2")
    r = check_documents([article, day, later])
    [alarm] = [f for f in r.findings if f.severity != "info"]
    assert sorted(e.text for e in alarm.evidence) == ["112", "112 people were killed",
                                                      "killed 121 people"]
    assert "1 of 2 sources" not in alarm.message and "back 40" not in alarm.message
