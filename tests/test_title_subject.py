"""An article titled for what happened to a named thing ("Orvel Dam failure") is about the
thing: its infobox dates the thing's events, and news naming the thing joins it."""

from __future__ import annotations

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.read import read_text

ARTICLE = """= Orvel Dam failure =

- Opened: 2 May 1950
- Failure date: 9 April 2030

The Orvel Dam opened on 2 May 1950.
"""

NEWS = """ date 2030-04-10 Local
Orvel Dam gives way
The Orvel Dam, which opened on 2 May 1950, gave way on Tuesday.
"""


def subject_of(text: str) -> str:
    doc = read_text(text, "a.txt", "a")
    [subject] = [m for m in extract(doc).mentions if m.role == "subject"]
    return subject.surface


def test_the_subject_is_the_named_thing_before_the_lower_case_words():
    assert subject_of(ARTICLE) == "Orvel Dam"
    report = check_documents([read_text(ARTICLE, "a.txt", "a"), read_text(NEWS, "n.txt", "n")])
    dams = [e for e in report.entities if e.name == "Orvel Dam"]
    assert len(dams) == 1 and {m.span.source for m in dams[0].mentions} == {"a", "n"}
    assert any(a.predicate == "opening" and a.subject == dams[0].id for a in report.agreements)


def test_other_titles_are_kept_whole():
    # no kind word before the lower-case words, or no lower-case words: the title as it is
    assert subject_of("= Halvorsen–Brekke merger =\n\nText.\n") == "Halvorsen–Brekke merger"
    assert subject_of("= Orvel Dam =\n\nText.\n") == "Orvel Dam"
    assert subject_of("= Dam failure =\n\nText.\n") == "Dam failure"


def test_an_unnamed_inquiry_opening_is_not_its_chairs():
    # "inquiry" is a kind of named thing ("the Orvel Dam Inquiry"): "A public inquiry chaired
    # by X was opened" tells of some inquiry, not of X
    text = "= Orvel Dam =\n\nA public inquiry chaired by the judge Helga Sundqvist was opened on 3 May 2030.\n"
    doc = read_text(text, "a.txt", "a")
    opened = [c for c in extract(doc).claims if c.predicate == "opening"]
    assert [(c.span.text, c.subject_mention) for c in opened] == [("3 May 2030", None)]
