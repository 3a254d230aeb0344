"""A person's name in running prose is found from its given name also when the name carries
accents the given-name list writes without: the same person spelt "Tomáš" in one source and
"Tomas" in another is found in both, and aligned."""

from __future__ import annotations

import pytest

from reconcile.extract import extract
from reconcile.read import read_text


def people(sentence: str) -> list[str]:
    doc = read_text(" date 2030-05-02 News\n" + sentence + "\n", "doc.txt", "doc")
    return [doc.text[m.span.start:m.span.end] for m in extract(doc).mentions if m.kind == "person"]


@pytest.mark.parametrize("sentence, expected", [
    ("The concerto was played under Tomáš Brevik.", ["Tomáš Brevik"]),
    ("The concerto was played under Tomas Brevik.", ["Tomas Brevik"]),
    ("Zoë Marrant opened the season.", ["Zoë Marrant"]),
    # an accented word that is no given name stays what it was
    ("The ferry left Ærø Harbour at noon.", []),
])
def test_accented_given_names(sentence: str, expected: list[str]) -> None:
    assert people(sentence) == expected
