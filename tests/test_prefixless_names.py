"""A vessel named without its prefix: "the container ship Verran Star" in the news is the
article's "MS Verran Star", found as a named thing (not a person) and joined to the one prefixed
name it leaves; a different ship, a company after "ferry operator" and two prefixed namesakes
stay apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.align import align
from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.extract.mentions import _cap_runs, kind_named
from reconcile.model import Mention, Span
from reconcile.read import read_text
from reconcile.vocab import vocabulary

ARTICLE = """= MS Verran Star =

- Operator: Aldmoor Cruise Lines
- Maiden voyage: 4 April 2031
- Length: 290 m

MS Verran Star is a cruise ship operated by Aldmoor Cruise Lines. She set sail on her maiden voyage from Brenport on 4 April 2031.
"""

NEWS = """ date 2031-04-07
Cruise ship sails
The container ship Verran Star set sail on her maiden voyage from Brenport on 5 April 2031, the ferry operator Tarn Lines said. Ms Jo Kell, a passenger, said the weather was calm.
"""

# another ship, named without a prefix, beside the article's ship named with one
TRAP = """ date 2031-06-10
Tanker sinks off Brenport
The tanker Holm Bay sank off Brenport on 9 June 2031. MS Verran Star, which was nearby, took on its crew. Aboard the ship Captain Ines Varga stayed on the bridge.
"""


def run(*texts):
    return check_documents([read_text(t, f"doc{i}.txt", f"doc{i}") for i, t in enumerate(texts)])


def surfaces(text, kind):
    doc = read_text(text, "n.txt", "n")
    return {m.surface for m in extract(doc).mentions if m.kind == kind}


def test_the_prefixless_name_is_the_prefixed_ship_and_its_day_disagrees():
    r = run(ARTICLE, NEWS)
    [ship] = [e for e in r.entities if "Verran" in e.name]
    assert ship.name == "MS Verran Star" and set(ship.variants) == {"MS Verran Star", "Verran Star"}
    [hit] = [f for f in r.findings if f.rule == "value-conflict"]
    assert hit.predicate == "departure" and hit.subject == ship.id
    assert {e.text for e in hit.evidence} >= {"4 April 2031", "5 April 2031"}


def test_the_kind_noun_is_no_part_of_the_name_and_no_company_or_person_is_a_ship():
    assert surfaces(NEWS, "name") == {"Verran Star"}
    assert surfaces(NEWS, "person") == {"Jo Kell"}  # "Ms" in lower case is a title, not "MS"
    assert surfaces(TRAP, "name") == {"Holm Bay", "MS Verran Star"}
    assert surfaces(TRAP, "person") == {"Ines Varga"}  # "the ship Captain ...": a person


def test_a_different_ship_without_a_prefix_stays_apart():
    r = run(ARTICLE, NEWS, TRAP)
    names = {e.name: set(e.variants) for e in r.entities if e.type == "other"}
    assert names["Holm Bay"] == {"Holm Bay"}
    assert names["MS Verran Star"] == {"MS Verran Star", "Verran Star"}
    [sank] = [c for c in r.claims if c.predicate == "sinking"]
    assert sank.subject == "other:holm-bay"
    assert [f.predicate for f in r.findings if f.rule == "value-conflict"] == ["departure"]


def test_the_ship_name_before_which():
    assert surfaces(" date 2031-06-10\nThe Holm Bay, which sank in June, was raised.\n",
                    "name") == {"Holm Bay"}
    # a person is named without "the"; "the ferry operator" names a company, not a ship
    assert not surfaces(" date 2031-06-10\nIona Brant, which is odd, spoke. The ferry operator "
                        "Tarn Lines, which runs it, spoke.\n", "name")


def mention(mid: str, source: str, surface: str) -> Mention:
    return Mention(mid, Span(source, 0, len(surface), surface), "name", surface, False, None)


def entity_of(mentions: list[Mention]) -> dict[str, str]:
    return dict(align(mentions).entity_of)


def test_two_prefixed_namesakes_leave_the_bare_name_alone_unless_its_source_says():
    ms = [mention("a1", "a", "MV Orla Bay"), mention("b1", "b", "HMS Orla Bay"),
          mention("c1", "c", "Orla Bay"), mention("a2", "a", "Orla Bay")]
    got = entity_of(ms)
    assert len({got["a1"], got["b1"], got["c1"]}) == 3
    assert got["a2"] == got["a1"]  # its own source names the prefixed ship


NAMES = ["Verran Star", "Verran Starr", "Holm Bay", "Orla Bay", "Orla"]
PREFIXES = ["", "MV ", "MS ", "HMS "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PREFIXES), st.sampled_from(NAMES),
                          st.sampled_from("abc")), min_size=1, max_size=10))
def test_prefixes_join_only_one_name(rows):
    ms = [mention(f"m{i}", src, prefix + name) for i, (prefix, name, src) in enumerate(rows)]
    got = entity_of(ms)
    prefixed = {(p, n) for p, n, _ in rows if p}
    for i, (p, n, _) in enumerate(rows):
        for j, (q, o, _) in enumerate(rows):
            same = got[f"m{i}"] == got[f"m{j}"]
            if n != o or p and q and p != q:
                assert not same, (rows[i], rows[j])  # other names, or two prefixes: two ships
            elif len({x for x in prefixed if x[1] == n}) <= 1 or p and p == q:
                assert same  # one spelling, or the only prefixed ship of that name


WORDS = ["the ", "The ", "its ", "ship ", "tanker ", "ferry ", "operator ", "Verran ", "Star",
         "Holm ", "Bay's ", "Captain ", ", which ", ". ", "sank ", "Tuesday ", "MV ", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=20).map("".join))
def test_kind_named_spans_are_capitalised_names_after_a_kind_noun_or_before_which(text):
    vocab = vocabulary()
    for s, e in kind_named(text, vocab, _cap_runs(text)):
        name = text[s:e]
        assert name and all(w[:1].isupper() for w in name.split()), name
        assert not name.endswith("'s") and not set(name.lower().split()) & vocab.name_kinds
        before = text[:s].split()[-1:]
        assert before and before[0] in vocab.name_kinds or text.startswith(", which", e) \
            or text.startswith("'s, which", e), (text, name)
