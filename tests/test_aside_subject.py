"""An event told in an aside after the noun that opens the sentence ("The orchestra, founded in
1921, ...") is that noun's: not a thing named later in the sentence, and the article's subject
only when the noun is its own kind."""

from __future__ import annotations

from reconcile.extract import extract
from reconcile.read import read_text


def dated(title: str, sentence: str) -> list[tuple[str, str | None]]:
    doc = read_text(f"= {title} =\n\nThe {title} was a thing.\n\n{sentence}\n", "doc.txt", "doc")
    out = extract(doc)
    names = {m.id: m.surface for m in out.mentions}
    return [(c.predicate, names.get(c.subject_mention or "")) for c in out.claims if c.value]


def test_an_aside_after_the_opening_noun_belongs_to_that_noun():
    assert dated("Coastal Tour", "The orchestra, founded in 1921, had last toured on the "
                 "Harbour Lights Tour.") == [("founding", None)]
    # the article's own kind keeps the article's subject
    assert dated("Coastal Tour", "The tour, which opened on 3 May 2030, ended in Osten.") == [
        ("opening", "Coastal Tour")]
    # no aside: as before
    assert dated("Coastal Tour", "The Harbour Lights Tour opened on 3 May 2030.") == [
        ("opening", "Harbour Lights Tour")]
