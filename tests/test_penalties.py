"""Penalties and whose they are, in texts of other domains (sport, banking, a dissident's life, a
bridge): a span of time someone is sentenced to, jailed or banned for is that person's penalty
([penalties] in the packs), not how long anything lasted; one asked for or threatened is none.
And three general rules of whom an event word is about: the name right after a person's event
verb ("the board appointed X") is whom it happens to; "his"/"her" before one is the person
last named; a sentence opening "That <kind noun>" is about another thing than the article."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.read import read_text
from reconcile.vocab import vocabulary

NEWS = " date 2031-03-20\nCourt report\n"


def claims(text: str, *predicates: str) -> list[tuple[str | None, str, str, str]]:
    """(subject surface, predicate, value, quoted words) of each claim of the predicates."""
    doc = read_text(text, "t.txt", "t")
    x = extract(doc, vocabulary())
    surface = {m.id: m.surface for m in x.mentions}
    return [(surface.get(c.subject_mention or ""), c.predicate,
             c.value.iso() if hasattr(c.value, "iso") else c.value.human(), c.span.text)
            for c in x.claims if c.predicate in predicates]


def test_a_ban_is_the_athletes_and_no_duration():
    text = NEWS + "The cyclist Marta Vidal was banned for four years after a failed test.\n"
    assert claims(text, "suspension", "duration", "sentence") == [
        ("Marta Vidal", "suspension", "4 years", "four years")]


def test_each_defendant_keeps_their_own_sentence():
    text = NEWS + ("The former bank chief Tomas Berg was jailed for six years on Monday. "
                   "His deputy, Ana Ruiz, received an 18-month suspended sentence.\n")
    assert claims(text, "sentence", "duration") == [
        ("Tomas Berg", "sentence", "6 years", "six years"),
        ("Ana Ruiz", "sentence", "18 months", "18-month")]


def test_the_judge_after_by_is_not_sentenced():
    text = NEWS + "Tomas Berg was sentenced by Judge Karen Olsen to six years in prison.\n"
    assert claims(text, "sentence") == [("Tomas Berg", "sentence", "6 years", "six years")]
    text = NEWS + "On Monday Judge Karen Olsen sentenced Tomas Berg to six years.\n"
    assert claims(text, "sentence") == [("Tomas Berg", "sentence", "6 years", "six years")]


def test_a_pronoun_takes_the_sentence_of_whom_it_means():
    text = NEWS + "Tomas Berg was convicted of fraud. He was sentenced to six years.\n"
    assert claims(text, "sentence") == [("Tomas Berg", "sentence", "6 years", "six years")]


def test_a_sentence_asked_for_or_threatened_is_none():
    text = NEWS + ("Prosecutors had sought 15 years in prison for Tomas Berg. "
                   "Ana Ruiz faces up to 20 years in prison if convicted. "
                   "The strike at the bank lasted three weeks.\n")
    assert claims(text, "sentence", "suspension") == []
    assert [c[2] for c in claims(text, "duration")] == ["3 weeks"]


def test_time_served_is_no_sentence():
    text = NEWS + ("Tomas Berg was released in May after eight years in prison. Ana Ruiz spent "
                   "three years in jail before her appeal.\n")
    assert claims(text, "sentence", "suspension") == []


def test_two_accounts_of_a_sentence_disagree():
    article = ("= Pavel Dorn =\n\nPavel Dorn (1931 – 2004) was a Czech poet. In 1972 he was "
               "sentenced to seven years in a labour camp for his poems.\n")
    obituary = (" date 2004-06-02\nPavel Dorn, poet, dies at 72\nThe poet Pavel Dorn, who was "
                "sentenced to eight years in a labour camp in 1972, has died.\n")
    r = check_documents([read_text(article, "dorn.txt", "dorn"),
                         read_text(obituary, "obit.txt", "obit")])
    alarms = [(f.rule, f.predicate) for f in r.findings if f.severity != "info"]
    assert alarms == [("value-conflict", "sentence")]


def test_the_object_of_a_persons_event_verb_is_whom_it_happens_to():
    text = NEWS + "On 3 March 2019 the board appointed Lena Varga as chief executive.\n"
    assert claims(text, "appointment") == [
        ("Lena Varga", "appointment", "2019-03-03", "3 March 2019")]


def test_his_or_her_before_an_event_noun_is_the_person_last_named():
    text = NEWS + ("Lena Varga led the bank from 2019. The scandal ended in her resignation "
                   "on 2 May 2024.\n")
    assert claims(text, "resignation") == [
        ("Lena Varga", "resignation", "2024-05-02", "2 May 2024")]


def test_that_kind_noun_is_another_thing_than_the_article():
    text = ("= Halden Bridge =\n\nHalden Bridge is a road bridge over the Tista. It opened on "
            "4 May 1998, replacing an older crossing. That bridge opened on 2 June 1891.\n")
    openings = claims(text, "opening")
    assert ("Halden Bridge", "opening", "1998-05-04", "4 May 1998") in openings
    assert (None, "opening", "1891-06-02", "2 June 1891") in openings


def test_a_fine_is_the_persons_in_either_currency_form():
    text = NEWS + ("The referee Nils Aune was banned for two years. The league also fined him "
                   "40,000 euros. A second official, Eva Lind, received a €5,000 fine. The club "
                   "lost €2 million in sponsorship.\n")
    assert claims(text, "fine", "suspension") == [
        ("Nils Aune", "suspension", "2 years", "two years"),
        ("Nils Aune", "fine", "€40,000", "40,000 euros"),
        ("Eva Lind", "fine", "€5,000", "€5,000")]


def test_a_fine_of_a_span_of_time_or_a_sentence_of_money_is_none():
    text = NEWS + ("Nils Aune was fined for three weeks of misconduct and sentenced to 40,000 "
                   "euros.\n")
    assert claims(text, "fine", "sentence") == []


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999), st.sampled_from(["", " thousand", " million"]),
       st.sampled_from([("euros", "EUR"), ("euro", "EUR"), ("dollars", "USD"), ("yen", "JPY")]))
def test_an_amount_named_after_the_number_has_its_currency(n, scale, currency):
    from reconcile.extract.numbers import find_numbers

    word, code = currency
    text = f"They paid {n}{scale} {word} on Monday."
    found = find_numbers(text)
    factor = {"": 1, " thousand": 1_000, " million": 1_000_000}[scale]
    assert [(f.value.value, f.value.unit) for f in found] == [(n * factor, code)]
    assert text[found[0].start:found[0].end] == f"{n}{scale} {word}"
    assert found[0].value.human()  # an amount in millions prints


NAMES = st.sampled_from(["Tomas Berg", "Ana Ruiz", "Marta Vidal"])
SPANS = st.tuples(st.integers(2, 30), st.sampled_from(["years", "months"]))
CUES = st.sampled_from(["was sentenced to {n} {u}", "was jailed for {n} {u}",
                        "was imprisoned for {n} {u}", "was banned for {n} {u}"])


@settings(max_examples=40, deadline=None)
@given(NAMES, SPANS, CUES)
def test_a_penalty_is_always_the_named_persons_and_never_a_duration(name, span, cue):
    n, unit = span
    text = NEWS + f"{name} {cue.format(n=n, u=unit)} on Monday.\n"
    found = claims(text, "sentence", "suspension", "duration")
    assert len(found) == 1
    who, predicate, value, quoted = found[0]
    assert who == name and predicate in ("sentence", "suspension")
    assert re.fullmatch(rf"{n} {unit}", value) and quoted == f"{n} {unit}"
