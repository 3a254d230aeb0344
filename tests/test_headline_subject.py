"""A headline that names one thing tells what "the <kind>" of the opening sentences is.

"Pellow Dam opens after six years / The dam opened on 3 May 2024": a reader takes the dam of
the body for the headline's, because the kind noun agrees ("dam", the name's own). Not when the
headline names two things, or no thing (a person is no dam), nor once the body has named
another thing, nor for a noun of another kind ("The weir", "The dam workers"). The headline
reads the same way in a plain news item, an HTML page and a wikitext page that opens with a
heading instead of a bold name."""

from __future__ import annotations

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.read import read_text

ARTICLE = """= Pellow Dam =

- Opened: 3 May 2024
- Construction began: 2018

The Pellow Dam is a gravity dam on the river Esk. It opened on 3 May 2024.
"""


def owners(text: str, path: str = "n.txt") -> list[tuple[str, str, str | None]]:
    """(predicate, quoted words, the subject's surface) of each claim with a value."""
    doc = read_text(text, path, "n")
    x = extract(doc)
    surface = {m.id: m.surface for m in x.mentions}
    return [(c.predicate, c.span.text, surface.get(c.subject_mention or ""))
            for c in x.claims if c.value is not None]


def news(headline: str, body: str) -> str:
    return f" date 2024-05-04 Regional\n{headline}\n{body}\n"


def test_the_kind_noun_of_the_headlines_one_thing():
    text = news("Pellow Dam opens after six years",
                "The dam opened on 3 May 2024, six years after work began. It is 42 m tall.")
    assert owners(text) == [("opening", "3 May 2024", "Pellow Dam"),
                            ("height", "42 m tall", "Pellow Dam")]
    doc = read_text(text, "n.txt", "n")
    [headline] = [m for m in extract(doc).mentions if m.role == "headline"]
    assert (headline.id, headline.span.text) == ("n:m0", "Pellow Dam")
    assert doc.text[headline.span.start:headline.span.end] == "Pellow Dam"


def test_the_headline_joins_the_article_and_its_dates_are_compared():
    story = news("Pellow Dam opens after six years", "The dam opened on 5 May 2024.")
    report = check_documents([read_text(ARTICLE, "a.txt", "a"), read_text(story, "n.txt", "n")])
    [dam] = [e for e in report.entities if e.name == "Pellow Dam"]
    assert {m.span.source for m in dam.mentions} == {"a", "n"}
    conflicts = [f for f in report.findings if f.severity != "info"]
    assert {e.text for f in conflicts for e in f.evidence} >= {"3 May 2024", "5 May 2024"}


def test_an_unused_headline_thing_is_no_mention():
    # the body names nothing the headline's thing could be: the mention ids stay as they were
    text = news("Pellow Dam opens after six years", "Anglers were back on 3 May 2024.")
    assert not [m for m in extract(read_text(text, "n.txt", "n")).mentions if m.role]


def test_a_verb_acting_on_the_kind_noun():
    text = news("Pellow Dam opens after six years",
                "Mayor Ines Varga opened the dam on 3 May 2024.")
    assert owners(text) == [("opening", "3 May 2024", "Pellow Dam")]


def test_a_headline_of_two_things_or_none_gives_no_subject():
    body = "The dam opened on 3 May 2024."
    assert owners(news("Pellow Dam opens as Arlen Weir closes", body)) == [
        ("opening", "3 May 2024", None)]
    # a person is named, but no dam: the person is not what opened
    assert owners(news("Mayor Ines Varga hails new dam", body)) == [
        ("opening", "3 May 2024", None)]


def test_another_kind_or_another_noun_is_not_the_headlines_thing():
    headline = "Pellow Dam opens after six years"
    for body in ("The weir opened on 3 May 2024.",
                 "The dam workers went back on 3 May 2024 and opened the gates.",
                 "The Arlen dam opened on 3 May 2024."):
        assert [o[2] for o in owners(news(headline, body))] in ([], [None]), body


def test_once_the_body_names_another_thing_the_kind_noun_may_be_that_one():
    text = news("Pellow Dam opens after six years",
                "The Arlen Weir, downstream, was built in the same years. The dam opened in 1930.")
    assert ("opening", "1930", None) in owners(text)
    # a place or an agent named on the way ("at", "by") is no other subject
    text = news("Pellow Dam opens after six years",
                "The dam, built by Esk Works, opened on 3 May 2024.")
    assert owners(text) == [("opening", "3 May 2024", "Pellow Dam")]


def test_it_continues_only_right_after_the_thing():
    text = news("Pellow Dam opens after six years",
                "Anglers came back on Friday. It opened on 3 May 2024.")
    assert owners(text) == [("opening", "3 May 2024", None)]


def test_a_designator_by_a_word_of_its_name():
    text = news("Flight 212 returns after engine fault",
                "The flight departed on 3 May 2024 and turned back an hour later.")
    assert owners(text) == [("departure", "3 May 2024", "Flight 212")]


def test_an_html_headline():
    page = ("<html><body><article><h1>Pellow Dam opens after six years</h1>"
            "<p>The dam opened on 3 May 2024.</p></article></body></html>")
    assert owners(page, "n.html") == [("opening", "3 May 2024", "Pellow Dam")]


def test_a_wikitext_page_that_opens_with_a_headline():
    page = "== Pellow Dam opens after six years ==\nThe dam opened on 3 May 2024.\n"
    assert owners(page, "n.wiki") == [("opening", "3 May 2024", "Pellow Dam")]
    # a heading that is one name and nothing else is the page's subject, as a bold name is
    named = "== Pellow Dam ==\nThe reservoir behind it was filled in 1931, and it opened in 1931.\n"
    doc = read_text(named, "n.wiki", "n")
    assert [m.surface for m in extract(doc).mentions if m.role == "subject"] == ["Pellow Dam"]
    # a heading that names nothing is no one's title
    doc = read_text("== Early years ==\nIt opened on 3 May 1931.\n", "n.wiki", "n")
    assert not [m for m in extract(doc).mentions if m.role]
