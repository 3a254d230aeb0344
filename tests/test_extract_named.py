"""Named things without digits ("… Bridge", "… Orchestra") join across sources by their exact
spelling, so news can be checked against an article about them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.read import read_text

ARTICLE = """= Kessock Narrows Bridge =

- Opened: 14 June 1982
- Location: Kessock

The Kessock Narrows Bridge opened on 14 June 1982 after four years of construction.
"""

NEWS_WRONG = """ date 2022-06-15 Local
The Kessock Narrows Bridge, which opened on 14 July 1982, celebrated its 40th year.
"""

NEWS_RIGHT = """ date 2022-06-15 Local
The Kessock Narrows Bridge, which opened on June 14, 1982, celebrated its 40th year.
"""


def run(*texts):
    docs = [read_text(t, f"doc{i}.txt", f"doc{i}") for i, t in enumerate(texts)]
    return check_documents(docs)


def test_named_thing_is_one_entity_across_sources():
    report = run(ARTICLE, NEWS_RIGHT)
    bridges = [e for e in report.entities if e.name == "Kessock Narrows Bridge"]
    assert len(bridges) == 1 and bridges[0].type == "other"
    assert {m.span.source for m in bridges[0].mentions} == {"doc0", "doc1"}
    assert not [f for f in report.findings if f.rule == "value-conflict"]
    assert any(a.predicate == "opening" for a in report.agreements)


def test_news_contradicting_article_on_a_named_thing():
    report = run(ARTICLE, NEWS_WRONG)
    [hit] = [f for f in report.findings if f.rule == "value-conflict"]
    assert hit.severity == "error"
    assert {e.text for e in hit.evidence} >= {"14 June 1982", "14 July 1982"}


def test_a_name_never_joins_a_similar_name():
    report = run(ARTICLE, NEWS_RIGHT.replace("Kessock Narrows", "Kessock Narrow"))
    names = sorted(e.name for e in report.entities if e.type == "other")
    assert "Kessock Narrow Bridge" in names and "Kessock Narrows Bridge" in names


def test_biography_title_is_a_person():
    doc = read_text("= Margit Halloran =\n\n- Born: 12 January 1931\n\nMargit Halloran was "
                    "a politician.\n", "b.txt", "b")
    [subject] = [m for m in extract(doc).mentions if m.role == "subject"]
    assert subject.kind == "person"


def _surname_regex(surnames):
    """The pattern the word scan replaced: kept here as its specification."""
    import re

    return re.compile(r"(?<![\w'’\-–—])(?:" + "|".join(
        re.escape(n) for n in sorted(surnames, key=lambda n: (-len(n), n))) + r")(?![\w\-–—]|['’]\w\w)")


_PIECES = ["Dyson", "Caldwell-Dyson", "Caldwell", "O'Hara", "Chub", "Chubb", "'s", "’s", "'", "-",
           "–", " ", ", ", ".", "2", "_", "led", "s", "é", "Dysons", "O'Hara's", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_surname_scan_matches_the_pattern_it_replaced(text):
    from reconcile.extract.mentions import _surname_hits

    names = {"Dyson", "Caldwell-Dyson", "Caldwell", "O'Hara", "Chub"}
    expected = [(m.start(), m.end()) for m in _surname_regex(names).finditer(text)]
    assert list(_surname_hits(text, names)) == expected


def test_a_score_is_not_a_designator():
    doc = read_text(" date 2024-05-05\nHarrowgate beat Selby Rovers 2–1 and Kettering Town 3-0 "
                    "after Apollo 13 was shown at half-time.\n", "r.txt", "r")
    found = {m.surface for m in extract(doc).mentions if m.kind == "designator"}
    assert found == {"Apollo 13"}


def test_a_role_word_before_another_noun_does_not_make_a_person() -> None:
    """"the passenger ferry Tarn Aldra": "passenger" describes the ferry, and the name after it
    is no person; "the retired judge Mara Fenn" and "NASA astronaut Jo Kell" still are."""
    doc = read_text(" date 2030-01-02 News\nThe passenger ferry Tarn Aldra sailed late. "
                    "Her sister ship Tarn Belle stayed in port. The retired judge Mara Fenn "
                    "and NASA astronaut Jo Kell spoke.\n", "n.txt", "n")
    people = {doc.text[m.span.start:m.span.end] for m in extract(doc).mentions
              if m.kind == "person"}
    assert people == {"Mara Fenn", "Jo Kell"}


def kinds(text: str) -> dict[str, str]:
    doc = read_text(" date 2031-03-20\nNames\n" + text + "\n", "k.txt", "k")
    return {m.surface: m.kind for m in extract(doc).mentions}


def test_a_surname_that_is_a_kind_noun_is_a_person_where_a_role_or_title_says_so():
    # "Park", "Hall": kind nouns of places, and common surnames
    assert kinds("The work went on under the chief designer Jae-won Park.") == {
        "Jae-won Park": "person"}
    assert kinds("Mayor Emma Hall spoke.") == {"Emma Hall": "person"}
    assert kinds("The chief designer, Jaewon Park, said so.") == {"Jaewon Park": "person"}


def test_without_a_role_the_kind_noun_names_a_place():
    assert kinds("Fans gathered in Victoria Park.") == {"Victoria Park": "name"}
    assert kinds("The director of Victoria Park resigned.") == {"Victoria Park": "name"}
    assert kinds("MS Verran Star, which was nearby, took on its crew.") == {
        "MS Verran Star": "name"}  # "MS" in capitals is a ship's prefix, not "Ms"


CODED = ["tovalimab", "Tovalimab", "velorimab-Kessler", "xmab", "omeprazole", "Ab-tovalimab",
         "9tovalimab", "éxyzmab", "April", "propranolol", "ABCmab", "aBcmab"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CODED) | st.text(alphabet="abmnoxAT-_ 9é.", max_size=9),
                max_size=8))
def test_coined_names_are_the_words_the_whole_word_pattern_finds(words):
    # the scan from the ending finds exactly what a pattern over the whole word found
    import re
    import tomllib
    from pathlib import Path

    from reconcile.extract.mentions import coined_names
    from reconcile.vocab import _words_re, vocabulary

    pack = tomllib.loads((Path(__file__).parents[1] / "reconcile/packs/default.toml").read_text())
    whole = re.compile(r"(?<![\w\-])[A-Za-z][a-z]{2,}(?:" + _words_re(
        pack["names"]["coined_endings"]) + r")(?![\w\-])")
    text = " ".join(words)
    assert list(coined_names(text, vocabulary())) == [m.span() for m in whole.finditer(text)]
