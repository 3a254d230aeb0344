"""Occasions named with and without their year ("2030 Tarrow Folk Festival" / "the Tarrow Folk
Festival"), and counts a phrase of the packs introduces ("a crowd of 48,000" is attendance).

A year-less occasion name joins the year-led one only when its source dates it (published in
that year, "of 2030", "last year's"); another year, or no date at all, joins nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.align import align
from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.model import Mention, Span
from reconcile.read import read_text

FESTIVAL = """= 2030 Tarrow Folk Festival =

- Date: 18 July 2030
- Venue: Kelby Meadows
- Attendance: 48,000

The 2030 Tarrow Folk Festival was held at Kelby Meadows on 18 July 2030. It closed in front of
a crowd of 48,000.
"""


def news(text: str, date: str | None = "2030-07-20", name: str = "n") -> object:
    head = f" date {date} Local\n" if date else ""
    return read_text(head + text + "\n", f"{name}.txt", name)


def check(*docs):
    return check_documents([read_text(FESTIVAL, "a.txt", "a"), *docs])


def owner(report, source: str) -> str | None:
    """The entity the source's occasion mention belongs to."""
    [e] = [e for e in report.entities if any(m.span.source == source for m in e.mentions)
           and "Festival" in e.name]
    return e.name


def alarms(report):
    return [(f.rule, f.predicate, sorted(e.text for e in f.evidence)) for f in report.findings
            if f.severity != "info"]


def test_a_dated_report_names_this_year_s_festival_and_its_crowd_disagrees():
    r = check(news("Folk fans pack the meadows\nThe Tarrow Folk Festival ended on Sunday. "
                   "An attendance of 52,000 was recorded."))
    assert owner(r, "n") == "2030 Tarrow Folk Festival"
    assert alarms(r) == [("value-conflict", "attendance",
                          ["48,000", "An attendance of 52,000", "a crowd of 48,000"])]


def test_another_year_or_no_date_joins_nothing():
    for date in ("2029-07-20", None):
        r = check(news("The Tarrow Folk Festival ended on Sunday in front of 52,000 "
                       "spectators.", date))
        assert owner(r, "n") == "Tarrow Folk Festival"
        assert alarms(r) == []


def test_the_text_s_own_year_wins_over_the_source_s_date():
    r = check(news("Organisers looked back on the Tarrow Folk Festival of 2029."))
    assert owner(r, "n") == "Tarrow Folk Festival"
    r = check(news("Last year's Tarrow Folk Festival was a success.", "2031-03-01"))
    assert owner(r, "n") == "2030 Tarrow Folk Festival"


def test_a_relative_clause_that_dates_it_wins_over_the_source_s_date():
    r = check(news("A year on, organisers looked back on the Tarrow Folk Festival, which was held "
                   "in July 2030.", "2031-07-20"))
    assert owner(r, "n") == "2030 Tarrow Folk Festival"
    r = check(news("Organisers looked back on the Tarrow Folk Festival, which was held in "
                   "2029.", "2030-07-20"))
    assert owner(r, "n") == "Tarrow Folk Festival"


def test_last_year_s_edition_and_a_later_event_are_not_this_one():
    r = check(news("The Tarrow Folk Festival ended on Sunday. Last year's festival drew a "
                   "crowd of 39,000, and the 2028 festival 35,000 spectators. The winners will "
                   "play the Harbour Gala on 2 August, where a crowd of 9,000 is expected."))
    assert owner(r, "n") == "2030 Tarrow Folk Festival"
    assert [c for c in r.claims if c.predicate == "attendance" and c.source == "n"] == []
    assert alarms(r) == []


def test_two_editions_named_with_their_years_stay_two():
    r = check(news("The 2030 Tarrow Folk Festival drew a crowd of 48,000, after the 2029 "
                   "Tarrow Folk Festival had drawn 41,000 spectators."))
    names = {e.name for e in r.entities}
    assert {"2030 Tarrow Folk Festival", "2029 Tarrow Folk Festival"} <= names
    crowds = {(c.subject, c.value.value) for c in r.claims if c.predicate == "attendance"
              and c.source == "n"}
    assert crowds == {("mission:2030-tarrow-folk-festival", 48000.0),
                      ("mission:2029-tarrow-folk-festival", 41000.0)}
    assert alarms(r) == []


# ---- a referendum and a marathon: a lower-case occasion noun after the name ----

REFERENDUM = """= 2032 Osterlund constitutional referendum =

- Date: 4 April 2032

The 2032 Osterlund constitutional referendum was held on 4 April 2032. Voters in the
Osterlund Islands were asked to approve a new charter.
"""


def test_a_name_and_a_lower_case_occasion_noun_is_the_occasion():
    doc = news("Voters turned out in the Osterlund constitutional referendum on Sunday.",
               "2032-04-05")
    [m] = [m for m in extract(doc).mentions if "referendum" in m.surface]
    assert (m.surface, m.year) == ("Osterlund constitutional referendum", 2032)
    r = check_documents([read_text(REFERENDUM, "a.txt", "a"), doc])
    [e] = [e for e in r.entities if "referendum" in e.name]
    assert e.name == "2032 Osterlund constitutional referendum"
    assert {m.span.source for m in e.mentions} == {"a", "n"}


def test_what_is_no_occasion_name():
    doc = news("Marten won election to the council. It was Brenmoor's final. The final "
               "was played on Saturday, before the Osterlund vote. Presidential elections "
               "follow.")
    assert [m.surface for m in extract(doc).mentions if m.kind == "name"] == []


MARATHON = """= 2026 Brenmoor Marathon =

- Date: 11 October 2026
- Attendance: 120,000

The 2026 Brenmoor Marathon was held on 11 October 2026. The winners will race in the Harbour
Mile on 2 August 2027.
"""


def test_a_marathon_s_approximate_crowd_agrees_and_a_later_race_is_another_event():
    r = check_documents([read_text(MARATHON, "a.txt", "a"),
                         news("Some 120,000 spectators lined the streets for the Brenmoor "
                              "Marathon on Sunday.", "2026-10-12")])
    assert alarms(r) == []
    assert any(a.predicate == "attendance" for a in r.agreements)
    dated = sorted((c.predicate, c.span.text) for c in r.claims
                   if c.subject == "mission:2026-brenmoor-marathon" and hasattr(c.value, "iso"))
    assert dated == [("occurrence", "11 October 2026"), ("occurrence", "11 October 2026")]


def test_a_capacity_is_no_attendance():
    doc = news("The Brenmoor Marathon finish at Kelby Stadium, which holds 30,000 spectators, "
               "was full.", "2026-10-12")
    assert [c for c in extract(doc).claims if c.predicate == "attendance"] == []


# ---- alignment property: the year is part of an occasion's key ----

NAMES = st.sampled_from(["Tarrow Shield final", "Osterlund constitutional referendum", "Brenmoor Marathon",
                         "Tarrow Folk Festival", "Kelby derby"])
YEARS = st.integers(1990, 2040)


@settings(max_examples=60, deadline=None)
@given(NAMES, YEARS, YEARS, st.one_of(st.none(), YEARS))
def test_adding_or_removing_a_year_never_joins_two_years(name, y1, y2, hint):
    titled = [f"{y1} {name}", f"{y2} {name}"]
    mentions = [Mention(f"s{i}:m1", Span(f"s{i}", 0, len(t), t), "designator", t)
                for i, t in enumerate(titled)]
    mentions.append(Mention("x:m1", Span("x", 0, len(name), name), "name", name, year=hint))
    got = align(mentions)
    entity = got.entity_of
    assert (entity["s0:m1"] == entity["s1:m1"]) == (y1 == y2)
    joined = [m for m in ("s0:m1", "s1:m1") if entity[m] == entity["x:m1"]]
    assert joined == ([] if hint not in (y1, y2) else
                      [m for m, y in (("s0:m1", y1), ("s1:m1", y2)) if y == hint])


def test_another_count_is_added_by_the_pack_alone():
    """A pack section maps a predicate to the phrases of its count: no code for a new one."""
    import tomllib
    from importlib import resources

    from reconcile.vocab import PackError, _build, _merge

    default = tomllib.loads((resources.files("reconcile") / "packs" / "default.toml")
                            .read_text(encoding="utf-8"))
    extra = {"counts": {"votes_cast": {"phrases": ["# votes were cast"]}}}
    vocab = _build(_merge([default, extra]))
    doc = news("In the Osterlund constitutional referendum, 81,200 votes were cast.",
               "2032-04-05")
    [c] = [c for c in extract(doc, vocab).claims if c.predicate == "votes_cast"]
    assert (c.span.text, c.value.value) == ("81,200 votes were cast", 81200.0)
    try:
        _build(_merge([default, {"counts": {"bad": {"phrases": ["votes # cast"]}}}]))
    except PackError as exc:
        assert "'#'" in str(exc)
    else:
        raise AssertionError("a phrase with '#' inside was accepted")


def test_a_crowd_is_no_person_s():
    doc = read_text("= Marta Kelby =\n\n- Born: 2 May 1990\n\nMarta Kelby made her debut in "
                    "front of 30,000 spectators.\n", "b.txt", "b")
    assert [c for c in extract(doc).claims if c.predicate == "attendance"] == []


def test_a_rank_of_another_kind_is_not_the_occasion_s():
    doc = news("Ola Marten won the award for best actor at the Tarrow festival, the first "
               "Norwegian-language award for a British actor.")
    x = extract(doc)
    surface = {m.id: m.surface for m in x.mentions}
    assert "Tarrow festival" in surface.values()
    assert [surface[c.subject_mention] for c in x.claims if c.predicate == "rank"] == ["Ola Marten"]


def test_a_numbered_name_is_not_the_occasion():
    # "the Carrow mayoral election 12" names something numbered; cut before its number it
    # would join every other "Carrow mayoral election" of the year
    doc = news("The 2030 Carrow mayoral election 12 was held on 3 May 2030.")
    surfaces = {m.surface for m in extract(doc).mentions}
    assert "2030 Carrow mayoral election" not in surfaces
