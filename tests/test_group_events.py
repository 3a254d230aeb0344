"""Groups as sources tell them, tried in domains other than the climbing probe's:
- a group size with a name or an adjective of origin between its number and its noun ("the
  five-member Danish crew") is a size, checked against the member list like "a five-member crew";
- "expedition" names an occasion: "the Varn Sound expedition" in a news item of 2030 is the
  article's "2030 Varn Sound expedition", never another year's;
- an event whose clause opens with an indefinite group or kind noun ("a French crew set off",
  "another company announced") is some other, unnamed thing's, not the article subject's;
- "reached the summit" dates a climb's summit, not an arrival; a building "topped out" is no
  summit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.read import read_text

ROWING = """= 2030 Varn Sound expedition =

- Start date: 12 December 2030
- Crew: Ida Holm, Nils Berg, Karin Lund, Oskar Dahl

The 2030 Varn Sound expedition was an ocean rowing crossing by four Danish rowers.
"""


def news(text: str, date: str = "2030-12-20", name: str = "n") -> object:
    return read_text(f" date {date} Local\n{text}\n", f"{name}.txt", name)


def claims(text: str, head: str = "= Kessel Rowing Club =\n\nKessel Rowing Club is a club.\n\n"):
    doc = read_text(head + text + "\n", "doc.txt", "doc")
    return [(c.predicate, c.value.iso() if hasattr(c.value, "iso") else c.value,
             c.subject_mention is not None) for c in extract(doc).claims if c.value is not None]


def test_a_named_group_size_is_checked_against_the_crew_list():
    r = check_documents([read_text(ROWING, "a.txt", "a"),
                         news("The five-member Varn Sound expedition landed in Tarrant.")])
    [f] = [f for f in r.findings if f.rule == "derived-count"]
    assert [e.text for e in f.evidence if e.source == "n"] == ["five-member Varn Sound expedition"]
    agreed = check_documents([read_text(ROWING, "a.txt", "a"),
                              news("The four-member Danish crew of the Varn Sound expedition "
                                   "landed in Tarrant.")])
    assert not [f for f in agreed.findings if f.rule == "derived-count"]


def test_another_years_expedition_is_not_this_one():
    r = check_documents([read_text(ROWING, "a.txt", "a"),
                         news("The five-member Varn Sound expedition set off.", "2027-05-01")])
    assert not [f for f in r.findings if f.rule == "derived-count"]


def test_a_lower_case_word_after_the_number_is_no_group_name():
    # "a four-member crew" as before; "a five-member household" counts no group of the club's
    assert ("member_count", None, True) not in claims("A five-member household rowed.")
    got = [c for c in claims("The club sent a four-member crew.") if c[0] == "member_count"]
    assert [c[2] for c in got] == [True]


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 12),
       names=st.lists(st.sampled_from(["Danish", "Varn", "Sound", "Kessel", "Polish"]),
                      max_size=3),
       noun=st.sampled_from(["crew", "team", "squad", "expedition", "delegation"]))
def test_the_size_is_read_whatever_names_stand_between(n, names, noun):
    words = "two three four five six seven eight nine ten eleven twelve".split()
    text = f"The club sent a {words[n - 2]}-member {' '.join(names + [noun])} to Tarrant."
    sizes = [c[1] for c in claims(text) if c[0] == "member_count"]
    assert [q.value for q in sizes] == [float(n)]


def test_an_indefinite_group_is_not_the_article_subject():
    assert claims("In December, a French crew set off from Tarrant on 3 December 2030.") == \
        [("departure", "2030-12-03", False)]
    assert claims("In 2030, another company announced its results on 3 May 2030.") == \
        [("announcement", "2030-05-03", False)]
    # the article's own crew, told with a definite article, keeps its subject
    assert claims("The crew set off from Tarrant on 3 December 2030.") == \
        [("departure", "2030-12-03", True)]
    # an indefinite noun that is no group or kind ("a storm") leaves the subject alone
    assert claims("After a storm, the club was founded on 3 May 1921.") == \
        [("founding", "1921-05-03", True)]


def test_a_summit_is_its_own_event_and_a_topped_out_building_is_none():
    head = "= Mount Arvel =\n\nMount Arvel is a volcano.\n\n"
    assert [c[:2] for c in claims("The survey team reached the summit on 9 June 2031.", head)] \
        == [("summit", "2031-06-09")]
    assert not [c for c in claims("The tower was topped out on 9 June 2031.", head)
                if c[0] == "summit"]
