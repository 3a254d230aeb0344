"""Sums of money: the amount grammar (symbols, codes, currency names, scales, ranges,
approximations) and the claims prose and infoboxes make of them (a cost, a budget, revenue of a
year, a price, prize money), in domains other than the museum probe's: a film, a shipping firm, a
festival, a pier. A forecast, a part, a restatement, a rate, another thing's sum in the
same sentence and an amount in another currency are none of the thing's."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.extract.money import money_named, money_sign
from reconcile.extract.numbers import find_numbers
from reconcile.model import Quantity
from reconcile.read import read_text

# ---- the amount grammar ------------------------------------------------------------------------


@pytest.mark.parametrize("text, value, unit, decimals, quote", [
    ("The pier cost £48 million.", 48e6, "GBP", -6, "£48 million"),
    ("a budget of $1.2bn", 1.2e9, "USD", -8, "$1.2bn"),
    ("revenue of €310m in 2023", 310e6, "EUR", -6, "€310m"),
    ("fined 2.5 million euros", 2.5e6, "EUR", -5, "2.5 million euros"),
    ("a prize of US$50,000", 50_000, "USD", 0, "US$50,000"),
    ("(about ¥3 billion)", 3e9, "JPY", -9, "about ¥3 billion"),
    ("worth A$5 million", 5e6, "AUD", -6, "A$5 million"),
    ("worth C$2.5bn", 2.5e9, "CAD", -8, "C$2.5bn"),
    ("worth HK$300 million", 300e6, "HKD", -6, "HK$300 million"),
    ("worth NOK 4.2 billion", 4.2e9, "NOK", -8, "NOK 4.2 billion"),
    ("worth EUR 3.5m", 3.5e6, "EUR", -5, "EUR 3.5m"),
    ("worth 48 million USD", 48e6, "USD", -6, "48 million USD"),
    ("cost 48 million pounds", 48e6, "GBP", -6, "48 million pounds"),
    ("a $5k bonus", 5_000, "USD", -3, "$5k"),
    ("1.2 billion roubles", 1.2e9, "RUB", -8, "1.2 billion roubles"),
])
def test_an_amount_and_its_currency(text, value, unit, decimals, quote):
    money = [n for n in find_numbers(text) if n.value.unit == unit]
    assert len(money) == 1
    n = money[0]
    assert (n.value.value, n.value.decimals, text[n.start:n.end]) == (value, decimals, quote)


@pytest.mark.parametrize("text", [
    "The 12m span", "weighs 2 million pounds of thrust", "a 300 pound stone", "Z$5 notes",
    "the 2.1a variant"])
def test_no_money_where_there_is_none(text):
    assert not [n for n in find_numbers(text) if (n.value.unit or "").isupper()]


def test_a_code_alone_is_read_where_the_sentence_has_numbers_anyway():
    """No sign or name in the document: the code is seen by the number grammar, which reads
    this sentence for its span of time (a sentence with neither is not read for money)."""
    found = sums("Keld Shipping reported revenue of NOK 4.2 billion for the year 2031.")
    assert {(s[0], s[1], s[3], s[5]) for s in found} == {
        ("revenue", "revenue of NOK 4.2 billion", "NOK", "2031")}


def test_a_range_is_in_one_currency_and_scale():
    found = find_numbers("It cost $3–4 million.")
    assert [(n.value.value, n.value.unit) for n in found] == [(3e6, "USD"), (4e6, "USD")]


# forms an amount may be written in: (before the number, after it, the currency code)
FORMS = [("£", "", "GBP"), ("€", "", "EUR"), ("$", "", "USD"), ("¥", "", "JPY"),
         ("US$", "", "USD"), ("A$", "", "AUD"), ("C$", "", "CAD"), ("HK$", "", "HKD"),
         ("NZ$", "", "NZD"), ("EUR ", "", "EUR"), ("CHF ", "", "CHF"), ("", " euros", "EUR"),
         ("", " dollars", "USD"), ("", " yen", "JPY"), ("", " USD", "USD"),
         ("", " Swiss francs", "CHF")]
# scales: (as written, power of ten, whether a symbol or code before is needed)
SCALES = [("", 0, False), (" thousand", 3, False), (" million", 6, False),
          (" billion", 9, False), ("m", 6, True), ("bn", 9, True), ("k", 3, True)]
APPROX = ["", "about ", "nearly ", "some ", "roughly "]
CODES = {code for _, _, code in FORMS}


@settings(max_examples=300, deadline=None)
@given(whole=st.integers(1, 999_999), frac=st.sampled_from(["", "5", "25", "3"]),
       form=st.sampled_from(FORMS), scale=st.sampled_from(SCALES),
       approx=st.sampled_from(APPROX), lead=st.sampled_from(["It cost ", "", "(", "a fee of "]))
def test_every_written_amount_reads_back(whole, frac, form, scale, approx, lead):
    """Whatever form the generator writes an amount in, it reads back as the same value,
    currency and precision, quoted from the approximation word to its last character."""
    before, after, code = form
    word, power, glued = scale
    if glued and not before or after == " pounds" and not power:
        return  # "12m" alone is metres; "300 pounds" may weigh
    digits = f"{whole:,}" + (f".{frac}" if frac else "")
    amount = f"{approx}{before}{digits}{word}{after}"
    text = f"{lead}{amount} in the end."
    money = [n for n in find_numbers(text) if n.value.unit == code]
    assert len(money) == 1, (text, find_numbers(text))
    n = money[0]
    expected = float(digits.replace(",", "")) * 10 ** power
    assert n.value.value == pytest.approx(expected, rel=1e-12)
    assert n.value.decimals == len(frac) - power
    assert n.value.approximate == bool(approx)
    assert text[n.start:n.end] == amount
    # the first test that lets a sentence's numbers be read for money lets this one through,
    # unless only a code tells the currency (read where the sentence's numbers are anyway)
    assert money_sign(text) or money_named(text.lower()) or before.strip() in CODES \
        or after.strip() in CODES


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("£€$¥US AC$kmbn0123456789.,–-to andbetween"
                                              "EURCHF million billion costrevenue")),
               max_size=80) | st.text(max_size=80))
def test_arbitrary_text_never_raises_and_spans_stay_inside(text):
    found = find_numbers(text)
    assert all(0 <= n.start < n.end <= len(text) for n in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    doc = read_text(f"= Keld Shipping =\n\n{text}\n", "k.txt", "k")
    for c in extract(doc).claims:
        assert doc.text[c.span.start:c.span.end] == c.span.text


# ---- claims ------------------------------------------------------------------------------------


def sums(prose: str, title: str = "Keld Shipping") -> set[tuple]:
    """(predicate, quote, value, currency, modality, qualifier, owner's surface) of the sums of
    money an article states."""
    doc = read_text(f"= {title} =\n\n{prose}\n", "a.txt", "a")
    ex = extract(doc)
    surface = {m.id: m.surface for m in ex.mentions}
    return {(c.predicate, c.span.text, c.value.value, c.value.unit, c.modality, c.qualifier,
             surface.get(c.subject_mention or ""))
            for c in ex.claims if isinstance(c.value, Quantity) and (c.value.unit or "").isupper()
            and c.field is None}


K = "Keld Shipping"


@pytest.mark.parametrize("prose, expected", [
    ("Keld Shipping reported revenue of €310m in 2031.",
     {("revenue", "revenue of €310m", 310e6, "EUR", "stated", "2031", K)}),
    ("In fiscal 2031, which ended in March, Keld Shipping reported sales of €310m.",
     {("revenue", "sales of €310m", 310e6, "EUR", "stated", "2031", K)}),
    ("Its revenue rose to €340 million in 2032 from €310 million a year earlier.",
     {("revenue", "revenue rose to €340 million", 340e6, "EUR", "stated", "2032", K)}),
    ("Keld Shipping posted €52 million in operating profit for 2031.",
     {("operating_profit", "€52 million in operating profit", 52e6, "EUR", "stated", "2031",
       K)}),
    ("Keld Shipping, which bought the Varne Line in 2029, had revenue of €310m in 2031.",
     {("revenue", "revenue of €310m", 310e6, "EUR", "stated", "2031", K)}),
    ("Keld Shipping bought Varne Line and reported revenue of €310m in 2031.",
     {("revenue", "revenue of €310m", 310e6, "EUR", "stated", "2031", K)}),
])
def test_a_firms_revenue_carries_its_year(prose, expected):
    assert sums(prose) == expected


@pytest.mark.parametrize("prose", [
    "Tickets cost €25 per crossing.",
    "Keld Shipping said fares cost €25 a head.",
    "Cost overruns of €12 million were met by the state.",
    "Keld Shipping spent €12 million more than planned.",
    "The new terminal cost €40 million, or €52 million in today's money.",
    "A refurbishment of the Keld Shipping fleet costing €9 million ended in May.",
    "Keld Shipping reported revenue of €80 million from its freight division in 2031.",
])
def test_no_sum_of_the_firm(prose):
    assert {s for s in sums(prose) if s[-1] == K} == set()


def test_a_forecast_is_kept_but_not_stated():
    found = sums("Keld Shipping was expected to cost €40 million to set up. The Varne Line would "
                 "cost an estimated €9 million.")
    assert {(s[0], s[2], s[4]) for s in found} == {("cost", 40e6, "planned"),
                                                  ("cost", 9e6, "estimated")}


def test_a_rivals_figure_in_the_same_sentence_is_the_rivals():
    found = sums("The Keld Pier cost £4 million, while the Varne Pier, which "
                 "opened in 2029, cost £6 million.", title="Keld Pier")
    assert {(s[2], s[-1]) for s in found} == {(4e6, "Keld Pier"),
                                              (6e6, "Varne Pier")}


@pytest.mark.parametrize("prose", [
    "A new pier head of the Keld Pier cost £12 million.",
    "The Keld Pier's new cafe cost £1 million.",
    "A new cafe on the pier cost £1 million.",
    "The pier cafe cost £1 million.",
])
def test_a_part_of_the_thing_or_a_thing_of_it_is_not_the_thing(prose):
    assert sums(prose, title="Keld Pier") == set()


@pytest.mark.parametrize("prose, quote", [
    ("The pier finally cost £4 million.", "cost £4 million"),
    ("In its first year, the pier had an operating budget of £1 million.",
     "operating budget of £1 million"),
    ("The pier's total cost was £4 million.", "total cost was £4 million"),
    ("The total cost of the pier was £4 million.", "total cost of the pier was £4 million"),
])
def test_the_thing_itself(prose, quote):
    assert {(s[1], s[-1]) for s in sums(prose, title="Keld Pier")} == {(quote, "Keld Pier")}


def test_a_relative_clause_after_a_place_is_no_sum_of_the_place():
    # the clause hangs on "A new hall in Varne Park", whose hall is unnamed
    assert sums("A new hall in Varne Park, which cost £5 million, opened in 2031.",
                title="Keld Pier") == set()


def test_bounds_and_ranges():
    found = sums("The pier cost more than £4 million. The pier cost up to £5 million. The "
                 "pier cost £3–4 million.", title="Keld Pier")
    assert {(s[1], s[4]) for s in found} == {("cost more than £4 million", "minimum"),
                                            ("cost up to £5 million", "maximum"),
                                            ("cost £3–4 million", "stated")}


# ---- findings ----------------------------------------------------------------------------------


def run(*texts: str):
    return check_documents([read_text(t, f"d{i}.txt", f"d{i}") for i, t in enumerate(texts)])


FILM = ("= The Salt Road =\n\n- Directed by: Ana Vesely\n- Budget: $12 million\n\n"
        "The Salt Road is a 2031 drama film directed by Ana Vesely.\n")


def test_a_film_budget_disagreement_quotes_both_sources():
    r = run(FILM, " date 2031-09-02\nThe Salt Road opens in cinemas\nThe Salt Road, made on a "
                  "budget of $15 million, opened in 300 cinemas on Friday.\n")
    alarms = [f for f in r.findings if f.rule == "value-conflict"]
    assert [(f.predicate, sorted(e.text for e in f.evidence)) for f in alarms] == [
        ("budget", ["$12 million", "budget of $15 million"])]
    assert "$12 million" in alarms[0].message and "$15 million" in alarms[0].message


@pytest.mark.parametrize("news", [
    "The Salt Road, made on a budget of about $12.4 million, opened on Friday.",  # rounding
    "The Salt Road, made on a budget of $11–13 million, opened on Friday.",  # a range holding it
    "The Salt Road, made on a budget of A$18 million, opened on Friday.",  # another currency
    "The Salt Road was expected to have a budget of $9 million.",  # a forecast
])
def test_no_budget_disagreement(news):
    r = run(FILM, f" date 2031-09-02\nThe Salt Road opens in cinemas\n{news}\n")
    assert [f for f in r.findings if f.rule == "value-conflict"] == []


def test_an_infobox_range_holds_what_prose_says():
    film = FILM.replace("- Budget: $12 million", "- Budget: $30–35 million")
    held = run(film, " date 2031-09-02\nThe Salt Road opens\nThe Salt Road, made on a budget "
                     "of $32 million, opened on Friday.\n")
    assert [f for f in held.findings if f.rule == "value-conflict"] == []
    assert [a.predicate for a in held.agreements] == ["budget"]
    outside = run(film, " date 2031-09-02\nThe Salt Road opens\nThe Salt Road, made on a "
                        "budget of $42 million, opened on Friday.\n")
    assert [(f.predicate, sorted(e.text for e in f.evidence)) for f in outside.findings
            if f.rule == "value-conflict"] == [
        ("budget", ["$30–35 million", "budget of $42 million"])]
    assert "$30–35 million" in outside.findings[0].message


@pytest.mark.parametrize("field, year", [("€310 million (FY2031)", "2031"),
                                         ("€310 million (fiscal 2031)", "2031"),
                                         ("€310 million", None)])
def test_an_infobox_revenue_takes_its_year_from_its_brackets(field, year):
    doc = read_text(f"= Keld Shipping =\n\n- Revenue: {field}\n\nKeld Shipping is a firm.\n",
                    "a.txt", "a")
    [claim] = [c for c in extract(doc).claims if c.predicate == "revenue"]
    assert (claim.value.value, claim.qualifier) == (310e6, year)


def test_a_sum_so_far_is_on_its_way():
    assert {(s[0], s[4]) for s in sums("The pier has cost £4 million so far.", title="Keld Pier")} \
        == {("cost", "estimated")}


def test_revenue_of_two_years_is_never_compared_and_of_one_year_is():
    article = ("= Keld Shipping =\n\n- Revenue: €310 million (2031)\n\nKeld Shipping is a ferry "
               "company.\n")
    other_year = run(article, " date 2033-03-01\nKeld Shipping results\nKeld Shipping reported "
                              "revenue of €340 million for 2032.\n")
    assert [f for f in other_year.findings if f.rule == "value-conflict"] == []
    same_year = run(article, " date 2032-03-01\nKeld Shipping results\nKeld Shipping reported "
                             "revenue of €330 million for 2031.\n")
    assert [(f.predicate, sorted(e.text for e in f.evidence)) for f in same_year.findings
            if f.rule == "value-conflict"] == [
        ("revenue", ["revenue of €330 million", "€310 million (2031)"])]


def test_prize_money_serialises_within_the_contract(validate_report):
    r = run("= Tarrow Open =\n\nThe Tarrow Open is a tennis tournament. Its prize money is "
            "$2–2.5 million.\n")
    data = json.loads(r.to_json())
    validate_report(data)
    [claim] = [c for c in data["claims"] if c["predicate"] == "prize_money"]
    assert claim["value"] == {"value": 2000000.0, "high": 2500000.0, "unit": "USD"}
    assert claim["text"] == "prize money is $2–2.5 million"
