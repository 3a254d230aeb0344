"""A possessive "first" ("held its first hearing", "admitted its first patients") counts the
holder's own occasions, not a rank among others: two bodies each holding "its first hearing"
never contradict each other. "The first", or a possessive after a copula ("became its first
president"), still ranks."""

from __future__ import annotations

from reconcile.extract import extract
from reconcile.read import read_text


def ranks(sentence: str) -> set[str]:
    doc = read_text(f"= Orvel Commission =\n\n{sentence}\n", "a.txt", "a")
    return {c.span.text for c in extract(doc).claims if c.predicate == "rank"}


def test_a_possessive_first_without_a_copula_is_no_rank():
    assert ranks("The commission, chaired by Helga Sundqvist, held its first hearing on Friday.") == set()
    assert ranks("The Orvel Hospital admitted its first patients on 2 May 2024.") == set()


def test_the_first_and_a_copula_still_rank():
    assert ranks("Helga Sundqvist became its first elected chairwoman in 2020.") == {
        "its first elected chairwoman"}
    assert ranks("Helga Sundqvist was the first woman to chair the Orvel Commission.") != set()
