"""Measurements (a dimension of a thing with a unit) and their comparison across units.

Prose frames: "a main span of 140 m", "330 metres tall", "40 m in diameter", "the 1,200-metre-
long bridge"; infobox keys named by the same nouns. A distance in another frame ("20 km from
the city"), a trip ("a 5 km drive", "a 20-minute walk"), a duration ("lasted 3 days"), a part
of the thing ("Its mast is 40 m tall") or a thing of another clause is not a dimension of the
subject. Values are compared in a common unit at the coarser written precision."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.model import Quantity
from reconcile.read import read_text
from reconcile.units import SIZES, convert_value
from reconcile.vocab import vocabulary

MEASURES = set(vocabulary().measure_dimensions)


def measures(prose: str, title: str = "Arnholm Tower") -> set[tuple]:
    """(predicate, quote, value, unit, subject's surface) of an article's measurements."""
    doc = read_text(f"= {title} =\n\n{prose}\n", "a.txt", "a")
    ex = extract(doc)
    surface = {m.id: m.surface for m in ex.mentions}
    return {(c.predicate, c.span.text, c.value.value, c.value.unit, surface[c.subject_mention])
            for c in ex.claims if c.predicate in MEASURES}


T = "Arnholm Tower"


@pytest.mark.parametrize("prose, expected", [
    ("The tower is 330 metres tall.", {("height", "330 metres tall", 330, "m", T)}),
    ("The Arnholm Tower stands 1,083 ft tall.", {("height", "1,083 ft tall", 1083, "ft", T)}),
    ("It has a height of about 330 m.",
     {("height", "height of about 330 m", 330, "m", T)}),
    ("Its height is 330 m.", {("height", "height is 330 m", 330, "m", T)}),
    ("The tower, which stands 1,083 feet (330 m) tall, opened in 1971.",
     {("height", "1,083 feet (330 m) tall", 1083, "ft", T)}),
    ("The tower is 330 m tall and 40 m in diameter.",
     {("height", "330 m tall", 330, "m", T), ("diameter", "40 m in diameter", 40, "m", T)}),
    ("Crews repainted the 330-metre-tall Arnholm Tower in 2019.",
     {("height", "330-metre-tall", 330, "m", T)}),
    # a trip, a distance from somewhere, a time span: no dimension of the tower
    ("Visitors reach the tower by a 5 km drive or a 20-minute walk.", set()),
    ("The tower stands on a hill 20 km from the city.", set()),
    ("A strike at the tower lasted 3 days.", set()),
    # a part of the tower, a thing of another clause, another thing, a range
    ("Its antenna mast is 40 m tall.", set()),
    ("The tower mast is 45 m tall.", set()),
    ("The tower opened in 1971, and the access tunnel is 2 km long.", set()),
    ("A 2 km long tunnel leads to the tower.", set()),
    ("Storms whipped up 5 m high waves near the Arnholm Tower.", set()),
    ("The tower is between 300 and 330 m tall.", set()),
    # a length is no area
    ("The tower has an area of 5 km.", set()),
    # only planned
    ("The tower will be 360 m tall after the new mast is fitted.", set()),
])
def test_tower_prose(prose: str, expected: set) -> None:
    assert measures(prose) == expected


D = "Brevik Dam"


@pytest.mark.parametrize("prose, expected", [
    ("The dam is 96 metres high and 1,150 m long.",
     {("height", "96 metres high", 96, "m", D), ("length", "1,150 m long", 1150, "m", D)}),
    ("The Brevik Dam has a crest length of 1.2 km.", {("length", "length of 1.2 km", 1.2, "km", D)}),
    ("Its reservoir covers an area of 12 km².", set()),
    ("The reservoir has a capacity of 2.5 million cubic metres.", set()),
    ("The 1,150-metre-long dam was finished in 1971.", {("length", "1,150-metre-long", 1150, "m", D)}),
])
def test_dam_prose(prose: str, expected: set) -> None:
    assert measures(prose, D) == expected


def test_ship_speed_and_infobox_keys() -> None:
    doc = read_text("= MV Orla Kest =\n\n- Length overall: 118 m\n- Beam: 21 m\n"
                    "- Maximum speed: 21 knots\n\nMV Orla Kest is a ferry. She has a top speed of "
                    "21 knots (39 km/h). Her draught is 5.2 m.\n", "s.txt", "s")
    got = {(c.predicate, c.span.text, c.value.value, c.value.unit) for c in extract(doc).claims
           if c.predicate in MEASURES}
    assert got == {("length", "118 m", 118, "m"), ("beam", "21 m", 21, "m"),
                   ("top_speed", "21 knots", 21, "knot"),
                   ("top_speed", "top speed of 21 knots (39 km/h)", 21, "knot"),
                   ("draught", "draught is 5.2 m", 5.2, "m")}


# ---- comparison ----------------------------------------------------------------------------


def q(value: float, unit: str, decimals: int = 0, approximate: bool = False) -> Quantity:
    return Quantity(value, unit, decimals, approximate)


@pytest.mark.parametrize("a, b, same", [
    (q(140, "m"), q(459, "ft"), True),  # 459 ft is 139.9 m
    (q(140, "m"), q(460, "ft"), True),  # 140.2 m
    (q(330, "m"), q(1083, "ft"), True),
    (q(330, "m"), q(300, "m"), False),
    (q(330, "m"), q(1150, "ft"), False),  # 350.5 m
    # 1.2 km stands for whatever rounds to it, 1,150 m to 1,250 m: the coarser precision decides
    (q(1.2, "km", 1), q(1200, "m"), True),
    (q(1.2, "km", 1), q(1150, "m"), True),
    (q(1.2, "km", 1), q(1250, "m"), True),
    (q(1.2, "km", 1), q(1140, "m"), False),
    (q(1200, "m"), q(1150, "m"), False),
    (q(1200, "m", approximate=True), q(1150, "m"), True),
    (q(26, "mile"), q(42, "km"), True),  # 41.8 km
    (q(5000, "tonne"), q(11_023_000, "lb"), True),  # 4,999.98 t
    (q(5000, "tonne"), q(11_000_000, "lb"), False),  # 4,989.5 t
    (q(5000, "tonne"), q(10_000_000, "lb"), False),
    (q(30, "knot"), q(56, "km/h"), True),  # 55.6 km/h
    (q(30, "knot"), q(35, "mph"), True),  # 34.5 mph
    (q(30, "knot"), q(60, "km/h"), False),
    (q(140, "m"), q(140, "kg"), False),  # different things: never equal
    (q(3, "day"), q(3, "km"), False),
])
def test_agreement_across_units(a: Quantity, b: Quantity, same: bool) -> None:
    assert a.agrees(b) is same and b.agrees(a) is same


UNITS = sorted(SIZES)
values = st.floats(min_value=0.001, max_value=1e7, allow_nan=False, allow_infinity=False)


@given(values, st.sampled_from(UNITS), st.sampled_from(UNITS), st.integers(0, 3))
def test_a_conversion_written_back_agrees_with_itself(value, unit, into, decimals) -> None:
    """Converting a value into another unit of its dimension, written at any precision, and back
    again, agrees with the value."""
    there = convert_value(value, unit, into)
    if there is None:
        assert SIZES[unit][0] != SIZES[into][0]
        return
    original = q(value, unit, 3)
    written = q(round(there, decimals), into, decimals)
    assert written.agrees(original) and original.agrees(written)
    back = q(round(convert_value(written.value, into, unit), 3), unit, 3)  # type: ignore[arg-type]
    assert back.agrees(written)


@given(values, values, st.sampled_from(UNITS), st.sampled_from(UNITS), st.integers(0, 3),
       st.integers(0, 3), st.booleans(), st.booleans())
def test_agreement_is_symmetric(x, y, u, v, dx, dy, ax, ay) -> None:
    a, b = q(x, u, dx, ax), q(y, v, dy, ay)
    assert a.agrees(b) == b.agrees(a)


@given(values, st.sampled_from(UNITS), st.integers(0, 3))
def test_converted_agrees_with_its_source(value, unit, decimals) -> None:
    a = q(round(value, decimals), unit, decimals)
    for into in UNITS:
        if SIZES[into][0] == SIZES[unit][0]:
            assert a.converted(into).agrees(a)


# ---- findings ------------------------------------------------------------------------------


def run(*texts: str):
    docs = [read_text(t, f"d{i}.txt", f"d{i}") for i, t in enumerate(texts)]
    return check_documents(docs)


def test_tower_in_metres_and_feet_is_one_height() -> None:
    r = run("= Arnholm Tower =\n\n- Height: 330 m\n\nThe Arnholm Tower is a radio tower. "
            "The tower is 330 metres tall.\n",
            " date 2030-05-02 Arnholm Tower repainted\nThe Arnholm Tower, which stands 1,083 ft "
            "tall, was repainted.\n")
    assert [f for f in r.findings if f.rule == "value-conflict"] == []
    agreed = [a for a in r.agreements if a.predicate == "height"]
    assert len(agreed) == 1
    assert {e.text for e in agreed[0].evidence} == {"330 m", "330 metres tall", "1,083 ft tall"}


def test_dam_height_differs_between_infobox_and_news() -> None:
    r = run("= Brevik Dam =\n\n- Height: 96 m\n- Length: 1.2 km\n\nThe Brevik Dam is a gravity "
            "dam. The dam is 1,150 m long.\n",
            " date 2030-05-02 Cracks found in Brevik Dam\nEngineers found cracks in the "
            "310-foot-tall Brevik Dam on Tuesday. The Brevik Dam, which is 1.2 km long, holds "
            "back the river.\n")
    found = [f for f in r.findings if f.rule == "value-conflict"]
    assert [(f.predicate, sorted(e.text for e in f.evidence)) for f in found] == [
        ("height", ["310-foot-tall", "96 m"])]
    # both values in one unit
    assert "96 m" in found[0].message and "310 ft (94.5 m)" in found[0].message
    # 1.2 km (+-50 m) holds 1,150 m: the lengths agree
    assert [a.predicate for a in r.agreements if a.predicate == "length"] == ["length"]


def test_wikitext_infobox_and_convert_template() -> None:
    doc = read_text("{{Infobox tower\n| name = Arnholm Tower\n| height = {{convert|330|m|ft}}\n"
                    "| length = 1,200 m\n}}\n'''Arnholm Tower''' is a radio tower. It has a height "
                    "of {{convert|1083|ft|m}}.\n", "t.wiki", "t")
    got = {(c.predicate, c.span.text, c.value.value, c.value.unit) for c in extract(doc).claims
           if c.predicate in MEASURES}
    assert got == {("height", "{{convert|330|m|ft}}", 330, "m"), ("length", "1,200 m", 1200, "m"),
                   ("height", "height of {{convert|1083|ft|m}}", 1083, "ft")}


def test_a_year_like_number_with_a_unit_is_no_year() -> None:
    assert measures("The tower is 1500 ft tall.") == {("height", "1500 ft tall", 1500, "ft", T)}
