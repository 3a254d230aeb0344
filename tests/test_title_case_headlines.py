"""A headline in title case names its thing as a sentence-case one does.

"Harrow Point Lighthouse Reopens After Two Years" is one capitalised run: its name is the part
of the run that ends in a kind noun (or a designator), cut at the headline's verbs and function
words ("Reopens", "After", "To", "Is", "Hails"), never the whole headline. With it, "The
lighthouse reopened on 3 May 2024" of the body is the lighthouse's, as under "Harrow Point
Lighthouse reopens after two years". Two things in the headline, or none, give no subject."""

from __future__ import annotations

import pytest

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.extract.mentions import headline_thing
from reconcile.read import read_text
from reconcile.vocab import vocabulary


def news(headline: str, body: str) -> str:
    return f" date 2024-05-04 Regional\n{headline}\n{body}\n"


def thing(headline: str) -> str | None:
    doc = read_text(news(headline, "Crowds gathered on Saturday."), "n.txt", "n")
    found = headline_thing(doc, vocabulary())
    if found is not None:
        assert doc.text[found.span.start:found.span.end] == found.span.text
    return found.surface if found is not None else None


@pytest.mark.parametrize("headline, name", [
    ("Harrow Point Lighthouse Reopens After Two Years", "Harrow Point Lighthouse"),
    ("Tessel Ferry Terminal Opens To Passengers", "Tessel Ferry Terminal"),
    ("Mayor Hails Tessel Ferry Terminal", "Tessel Ferry Terminal"),
    ("Work Starts On Tessel Ferry Terminal", "Tessel Ferry Terminal"),
    ("Tessel Ferry Terminal Is Named Best In Region", "Tessel Ferry Terminal"),
    ("Wells Cathedral Reopens After Fire", "Wells Cathedral"),
    ("Kings Cross Station Reopens After Fire", "Kings Cross Station"),
    ("Flight 90 Lands Safely After Engine Fault", "Flight 90"),
    ("Hurricane Odile Hits Baja Verde", "Hurricane Odile"),
])
def test_the_name_is_cut_from_the_headline(headline, name):
    assert thing(headline) == name


@pytest.mark.parametrize("headline", [
    "Brenna Lighthouse Closes As Harrow Point Lighthouse Takes Over",  # two things
    "Storm Damages Harbour Wall In Tessel",  # no kind noun ends a name
    "New Bridge Is Named After Local Hero",  # no proper word before the kind noun
])
def test_no_thing_or_two(headline):
    assert thing(headline) is None


def test_the_body_takes_the_title_case_headlines_thing():
    text = news("Harrow Point Lighthouse Reopens After Two Years",
                "The lighthouse reopened on 3 May 2024, two years after a storm. It is 31 m tall.")
    x = extract(read_text(text, "n.txt", "n"))
    surface = {m.id: m.surface for m in x.mentions}
    assert [(c.predicate, c.span.text, surface.get(c.subject_mention or ""))
            for c in x.claims if c.value is not None] == [
        ("opening", "3 May 2024", "Harrow Point Lighthouse"),
        ("height", "31 m tall", "Harrow Point Lighthouse")]


def test_an_article_and_a_title_case_story_disagree_on_the_day():
    article = ("= Harrow Point Lighthouse =\n\n- Opened: 1 May 2024\n\nThe Harrow Point Lighthouse "
               "is a lighthouse on the Tessel coast.\n")
    story = news("Harrow Point Lighthouse Reopens After Two Years",
                 "The lighthouse reopened on 3 May 2024.")
    report = check_documents([read_text(article, "a.txt", "a"), read_text(story, "n.txt", "n")])
    conflicts = [f for f in report.findings if f.rule == "value-conflict"]
    assert [(f.predicate, sorted(e.text for e in f.evidence)) for f in conflicts] == [
        ("opening", ["1 May 2024", "3 May 2024"])]


def test_a_title_case_name_alone_is_a_wikitext_pages_subject():
    doc = read_text("== Tessel Ferry Terminal ==\nThe terminal opened on 3 May 2024.\n",
                    "t.wiki", "t")
    assert headline_thing(doc, vocabulary()) is None  # the heading is the page's subject
