"""Identifiers in prose after a cue of the packs ("registration LN-RKE", "registered as
N512AX", "IMO 9387421"), owned by the named thing before them, compared as codes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract import extract
from reconcile.read import read_text
from reconcile.rules.value_conflict import _code
from reconcile.vocab import vocabulary


def codes(text: str) -> list[tuple[str, str, str | None]]:
    x = extract(read_text(" date 2030-01-05\nFleet news\n" + text + "\n", "n.txt", "n"),
                vocabulary())
    surface = {m.id: m.surface for m in x.mentions}
    return [(c.predicate, c.value, surface.get(c.subject_mention or ""))
            for c in x.claims if c.predicate in vocabulary().identifier_predicates]


def test_the_code_belongs_to_the_thing_named_before_it():
    assert codes("Flight 612, an Embraer 190 registered PH-EZK, landed safely.") == [
        ("registration", "PH-EZK", "Flight 612")]
    assert codes("The tanker Holm Bay (IMO number 9387421) ran aground.") == [
        ("imo", "9387421", "Holm Bay")]


def test_words_after_a_cue_are_no_code():
    assert codes("The charity was registered as a company in Leeds in 2004.") == []
    assert codes("Flight 612 was registered in Oslo. The registration of voters ended.") == []
    assert codes("The IMO said on Monday that Flight 612 was late.") == []


CODE = st.from_regex(r"[A-Z]{1,2}-[A-Z]{3}|N[0-9]{3}[A-Z]{2}|[0-9]{7}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(code=CODE, cue=st.sampled_from(["registered", "registration", "registered as",
                                       "tail number", "IMO", "IMO number"]))
def test_every_written_code_reads_back(code: str, cue: str) -> None:
    found = codes(f"Flight 612, {cue} {code}, was inspected on 3 May 2029.")
    assert [(value, owner) for _, value, owner in found] == [(code, "Flight 612")]


@given(code=CODE)
def test_a_code_compares_alike_however_spaced(code: str) -> None:
    assert _code(code) == _code(code.replace("-", " ").lower()) == _code(code.replace("-", ""))
