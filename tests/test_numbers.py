import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.dates import find_dates
from reconcile.extract.numbers import NumberMatch, duration_days, find_numbers, parse_number
from reconcile.model import Quantity


def one(text: str) -> NumberMatch:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


def covered(text: str, m: NumberMatch) -> str:
    return text[m.start:m.end]


@pytest.mark.parametrize("text, value, unit, decimals, approximate, span", [
    ("1,111 days", 1111, "day", 0, False, "1,111 days"),
    ("a total of 2,944 orbits", 2944, "orbit", 0, False, "2,944 orbits"),
    ("15000", 15000, None, 0, False, "15000"),
    ("Orbit Inclination: 51.659°", 51.659, "degree", 3, False, "51.659°"),
    ("51.66 degrees", 51.66, "degree", 2, False, "51.66 degrees"),
    ("eleven", 11, None, 0, False, "eleven"),
    ("twenty-one people", 21, "person", 0, False, "twenty-one people"),
    ("Twenty one", 21, None, 0, False, "Twenty one"),
    ("a dozen", 12, None, 0, False, "a dozen"),
    ("one hundred", 100, None, 0, False, "one hundred"),
    ("two hundred and fifty", 250, None, 0, False, "two hundred and fifty"),
    ("one million two hundred thousand", 1_200_000, None, 0, False,
     "one million two hundred thousand"),
    ("remained for a year", 1, "year", 0, False, "a year"),
    ("in a week", 1, "week", 0, False, "a week"),
    ("six months", 6, "month", 0, False, "six months"),
    ("a one year long mission", 1, "year", 0, False, "one year"),
    ("approximately 13 days", 13, "day", 0, True, "approximately 13 days"),
    ("about 5 km", 5, "km", 0, True, "about 5 km"),
    ("around 400 km", 400, "km", 0, True, "around 400 km"),
    ("nearly 200 people", 200, "person", 0, True, "nearly 200 people"),
    ("almost 3 hours", 3, "hour", 0, True, "almost 3 hours"),
    ("roughly 7 tonnes", 7, "tonne", 0, True, "roughly 7 tonnes"),
    ("some 300 persons", 300, "person", 0, True, "some 300 persons"),
    ("over 90 minutes", 90, "minute", 0, True, "over 90 minutes"),
    ("more than 1,000 kg", 1000, "kg", 0, True, "more than 1,000 kg"),
    ("less than 10 seconds", 10, "second", 0, True, "less than 10 seconds"),
    ("12%", 12, "percent", 0, False, "12%"),
    ("12 per cent", 12, "percent", 0, False, "12 per cent"),
    ("7.5 percent", 7.5, "percent", 1, False, "7.5 percent"),
    ("a 374-day mission", 374, "day", 0, False, "374-day"),
    ("5km", 5, "km", 0, False, "5km"),
    ("1.5 million people", 1_500_000, "person", -5, False, "1.5 million people"),
    ("~30 min", 30, "minute", 0, True, "~30 min"),
    ("c. 500", 500, None, 0, True, "c. 500"),
    ("three and a half hours", 3.5, "hour", 1, False, "three and a half hours"),
    ("took 2 and a half years", 2.5, "year", 1, False, "2 and a half years"),
    ("a 48 m section", 48, "m", 0, False, "48 m"),
    ("a top speed of 22.3 kn", 22.3, "knot", 1, False, "22.3 kn"),
    ("96 nmi long", 96, "nmi", 0, False, "96 nmi"),
    ("delayed by a week", 1, "week", 0, False, "a week"),
    ("cost £386 million", 386_000_000, "GBP", -6, False, "£386 million"),
    ("about €61 million more", 61_000_000, "EUR", -6, True, "about €61 million"),
    ("priced at $35", 35, "USD", 0, False, "$35"),
    ("moved over three days", 3, "day", 0, False, "three days"),  # across, not more than
    ("lasted over 20 years", 20, "year", 0, True, "over 20 years"),
])
def test_quantities(text: str, value: float, unit: str | None, decimals: int,
                    approximate: bool, span: str) -> None:
    m = one(text)
    assert m.value == Quantity(value, unit, decimals, approximate)
    assert covered(text, m) == span
    assert not m.ordinal


@pytest.mark.parametrize("text", [
    "Soyuz-2.1a", "Soyuz MS-24", "No. 755", "Site 31/6", "at 07:30:08", "2023-09-15",
    "15000-066", "ISS 70S", "the 1990s", "one of the crew", "It is a year", "a week later",
    "version 1.2.3", "",
])
def test_not_quantities(text: str) -> None:
    assert find_numbers(text) == []


def test_ordinals() -> None:
    m = one("members of the 21st expedition")
    assert m.ordinal and m.value.value == 21 and m.value.unit is None
    assert one("the 71st long-duration expedition").ordinal
    assert one("3rd").value.value == 3


def test_list_shares_unit() -> None:
    text = "the first person to stay 900, 1,000, and 1,100 days in space"
    found = find_numbers(text)
    assert [covered(text, m) for m in found] == ["900", "1,000", "1,100 days"]
    assert [(m.value.value, m.value.unit) for m in found] == [(900, "day"), (1000, "day"),
                                                              (1100, "day")]
    found = find_numbers("12 to 14 days")
    assert [(m.value.value, m.value.unit) for m in found] == [(12, "day"), (14, "day")]
    found = find_numbers("12-14 days")
    assert [(m.value.value, m.value.unit) for m in found] == [(12, "day"), (14, "day")]
    found = find_numbers("Expedition 70 and 71")
    assert [(m.value.value, m.value.unit) for m in found] == [(70, None), (71, None)]


def test_skip_spans_from_dates() -> None:
    text = "on 25 February 2024, after 1,111 days and 21st place, 12:30 UTC"
    skip = [(d.start, d.end) for d in find_dates(text)]
    found = find_numbers(text, skip=skip)
    assert [covered(text, m) for m in found] == ["1,111 days", "21st"]
    # without skip, the day and year of a date are plain numbers
    assert [m.value.value for m in find_numbers("25 February 2024")] == [25, 2024]


def test_parse_number() -> None:
    assert parse_number("51.659°") == Quantity(51.659, "degree", 3)
    assert parse_number(" 374 days ") == Quantity(374, "day")
    assert parse_number("approximately 13 days") == Quantity(13, "day", 0, True)
    assert parse_number("Soyuz MS-24") is None
    assert parse_number("12 and 13") is None
    assert parse_number("") is None
    # a counted noun or a parenthesised qualifier may follow the number of a field
    assert parse_number("1,650 passengers") == Quantity(1650)
    assert parse_number("7,800 (2023)") == Quantity(7800)
    assert parse_number("€2.9 billion (2023)") == Quantity(2.9e9, "EUR", -8)
    assert parse_number("Henrik Asmussen (m. 1938)") is None
    assert parse_number("3 and 4 passengers") is None


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 10**7), symbol=st.sampled_from(sorted("£€$")),
       before=st.sampled_from(["", "cost ", "about ", "(", "worth some "]),
       scale=st.sampled_from(["", " million", " billion"]))
def test_money_keeps_its_currency(n: int, symbol: str, before: str, scale: str) -> None:
    text = f"{before}{symbol}{n:,}{scale} in all"
    m = one(text)
    factor = {"": 1, " million": 10**6, " billion": 10**9}[scale]
    assert m.value.value == n * factor
    assert m.value.unit == {"£": "GBP", "€": "EUR", "$": "USD"}[symbol]
    assert m.value.approximate == (before.strip() in ("about", "worth some"))
    assert covered(text, m).endswith(f"{symbol}{n:,}{scale}")


def test_duration_days() -> None:
    low, high = duration_days(Quantity(13, "day", 0, True))  # type: ignore[misc]
    assert low <= 12 and high >= 14
    assert duration_days(Quantity(374, "day")) == (373.5, 374.5)
    low, high = duration_days(Quantity(1, "year"))  # type: ignore[misc]
    assert low < 374 < high
    low, high = duration_days(Quantity(6, "month"))  # type: ignore[misc]
    assert low < 6 * 30.44 < high
    assert duration_days(Quantity(3, "week")) == (2.5 * 7, 3.5 * 7)
    assert duration_days(Quantity(51.6, "degree", 1)) is None
    assert duration_days(Quantity(5)) is None


def test_linear_on_near_matches() -> None:
    for text in ["1,1," * 250_000, "1," * 500_000, "1" * 1_000_000, "one " * 250_000,
                 "one-" * 250_000, "about " * 170_000, "1.1." * 250_000, "1-" * 500_000,
                 "twenty and " * 90_000, "a " * 500_000, "15 Sept" * 100_000]:
        t0 = time.perf_counter()
        find_numbers(text)
        assert time.perf_counter() - t0 < 5, text[:20]


# ---- properties -----------------------------------------------------------------------------

_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _words(n: int) -> str:
    """English words for 0 <= n < 1,000,000."""
    if n < 20:
        return _SMALL[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + _SMALL[n % 10])
    if n < 1000:
        rest = n % 100
        return _SMALL[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words(rest))
    rest = n % 1000
    return _words(n // 1000) + " thousand" + ("" if rest == 0 else " " + _words(rest))


UNITS = {"days": "day", "weeks": "week", "km": "km", "kg": "kg", "people": "person",
         "degrees": "degree", "%": "percent", "": None}


@settings(max_examples=300, deadline=None)
@given(n=st.integers(0, 10**9), grouped=st.booleans(), unit=st.sampled_from(sorted(UNITS)),
       before=st.sampled_from(["", "It took ", "(", "a total of "]),
       after=st.sampled_from(["", ".", " in space", ", and"]))
def test_rendered_integers_round_trip(n: int, grouped: bool, unit: str, before: str,
                                      after: str) -> None:
    num = f"{n:,}" if grouped else str(n)
    rendered = num + ("" if not unit else unit if unit == "%" else " " + unit)
    text = before + rendered + after
    m = one(text)
    assert covered(text, m) == rendered
    assert m.value == Quantity(n, UNITS[unit])


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(0, 99_999), frac=st.text("0123456789", min_size=1, max_size=4),
       unit=st.sampled_from(["°", " degrees", " km", ""]))
def test_rendered_decimals_round_trip(whole: int, frac: str, unit: str) -> None:
    text = f"{whole}.{frac}{unit}"
    m = one(text)
    assert covered(text, m) == text
    assert m.value.decimals == len(frac)
    assert m.value.value == pytest.approx(float(f"{whole}.{frac}"))


@settings(max_examples=300, deadline=None)
@given(n=st.integers(2, 999_999), unit=st.sampled_from(["", " days", " people"]),
       cap=st.booleans())
def test_rendered_words_round_trip(n: int, unit: str, cap: bool) -> None:
    words = _words(n)
    words = words[0].upper() + words[1:] if cap else words
    text = "They counted " + words + unit + "."
    m = one(text)
    assert covered(text, m) == words + unit
    assert m.value.value == n


_ALPHABET = st.sampled_from(list("0123456789 ,.-/:–°%aAsSkmt\n") + [
    "one", "twenty", "-", "hundred", " and ", "days", "about ", "No. ", "st", "million",
    "a ", "year", "%", "°", "per cent"])


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(_ALPHABET, max_size=40))
def test_arbitrary_text_is_safe(parts: list[str]) -> None:
    text = "".join(parts)
    found = find_numbers(text)
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        last_end = m.end


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200),
       skip=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=4))
def test_any_unicode_is_safe(text: str, skip: list[tuple[int, int]]) -> None:
    skip = [(a, b) for a, b in skip if a < b]
    found = find_numbers(text, skip=skip)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert not any(a < m.end and m.start < b for a, b in skip)
    parse_number(text)
