import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.dates import DateMatch, find_dates, guess_dayfirst, leading_date, parse_date
from reconcile.model import DateValue

ANCHOR = dt.date(2024, 4, 7)  # a Sunday
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def one(text: str, **kw: object) -> DateMatch:
    found = find_dates(text, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def span(text: str, m: DateMatch) -> str:
    return text[m.start:m.end]


@pytest.mark.parametrize("text, iso", [
    ("15 September 2023", "2023-09-15"),
    ("September 15, 2023", "2023-09-15"),
    ("Sept. 15, 2023", "2023-09-15"),
    ("Sep 15 2023", "2023-09-15"),
    ("15th September 2023", "2023-09-15"),
    ("September 15th, 2023", "2023-09-15"),
    ("the 15th of September 2023", "2023-09-15"),
    ("2023-09-15", "2023-09-15"),
    ("SEPTEMBER 15, 2023", "2023-09-15"),
    ("15 march 2024", "2024-03-15"),
    ("Saturday, 6 April 2024", "2024-04-06"),
    ("Sat, 6 Apr 2024", "2024-04-06"),
    ("Saturday, April 6, 2024", "2024-04-06"),
])
def test_absolute_day_dates(text: str, iso: str) -> None:
    m = one(text)
    assert m.value.iso() == iso
    assert m.value.precision == "day"
    assert not m.relative
    assert span(text, m) == text
    framed = f"It launched on {text}, from Baikonur."
    assert span(framed, one(framed)) == text


def test_weekday_prefix_is_part_of_the_match() -> None:
    text = "It landed on Saturday, 6 April 2024."
    m = one(text, anchor=ANCHOR)
    assert span(text, m) == "Saturday, 6 April 2024"
    assert not m.relative


@pytest.mark.parametrize("text, iso, precision, covered", [
    ("in mid-September 2023", "2023-09", "month", "mid-September 2023"),
    ("September 2023", "2023-09", "month", "September 2023"),
    ("by the end of 2023", "2023", "year", "the end of 2023"),
    ("in early 2024", "2024", "year", "early 2024"),
    ("It happened in 2023.", "2023", "year", "2023"),
    ("since 1998", "1998", "year", "1998"),
    ("the summer of 2023", "2023", "year", "summer of 2023"),
    ("May 2024", "2024-05", "month", "May 2024"),
])
def test_partial_precision(text: str, iso: str, precision: str, covered: str) -> None:
    m = one(text)
    assert m.value.iso() == iso
    assert m.value.precision == precision
    assert span(text, m) == covered


@pytest.mark.parametrize("text", [
    "No. 1040", "1,111 days", "Boeing 737", "15000-066", "a total of 1040 days", "Soyuz MS-24",
    "2023 was busy", "troops march 15 km", "it may be", "you may 2024", "march 2024",
    "31 February 2024", "30/02/2024", "the 35th of May", "Apollo 11", "07:30:08 UTC",
    "Site 31/6", "ISS 70S", "1,000, and 1,100 days", "by the 1990s", "in the 1960's",
    "the 1500 people", "finished 14 months later than planned",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text, anchor=ANCHOR) == []


def test_numeric_dates() -> None:
    assert one("21.06.2017").value == DateValue(2017, 6, 21)
    assert one("21/06/2017").value == DateValue(2017, 6, 21)
    m = one("06/21/2017")
    assert m.value == DateValue(2017, 6, 21) and not m.dayfirst_assumed
    m = one("05/06/2017")
    assert m.value == DateValue(2017, 6, 5) and m.dayfirst_assumed
    m = one("05/06/2017", dayfirst=False)
    assert m.value == DateValue(2017, 5, 6) and not m.dayfirst_assumed
    # dotted dates are day-first by convention, even in a month-first document
    m = one("07.04.2024", dayfirst=False)
    assert m.value == DateValue(2024, 4, 7) and not m.dayfirst_assumed
    assert one("05/05/2017").dayfirst_assumed is False


def test_times_and_zones() -> None:
    text = "He broke the record on February 4, 2024 at 07:30:08 UTC."
    m = one(text)
    assert span(text, m) == "February 4, 2024 at 07:30:08 UTC"
    assert m.value == DateValue(2024, 2, 4, "07:30:08", "UTC")
    text = "Launch at 18:02 UTC on 15 September 2023"
    m = one(text)
    assert span(text, m) == "18:02 UTC on 15 September 2023"
    assert m.value == DateValue(2023, 9, 15, "18:02", "UTC")
    text = "15:40 GMT 07.04.2024\nOn Saturday"
    m = find_dates(text)[0]
    assert span(text, m) == "15:40 GMT 07.04.2024"
    assert m.value == DateValue(2024, 4, 7, "15:40", "GMT")
    m = one("2023-09-15T18:02:00Z")
    assert m.value == DateValue(2023, 9, 15, "18:02:00", "UTC")
    assert one("7:30 p.m. UTC on 6 April 2024").value.time == "19:30"
    assert one("15 September 2023, 15:34:23 UTC").value.time == "15:34:23"


def test_ranges() -> None:
    m = one("21-23 March 2024")
    assert (m.value, m.end_value) == (DateValue(2024, 3, 21), DateValue(2024, 3, 23))
    text = "between 3 and 5 May 2024"
    m = one(text)
    assert (m.value, m.end_value) == (DateValue(2024, 5, 3), DateValue(2024, 5, 5))
    assert span(text, m) == text
    m = one("March 21–23, 2024")
    assert m.end_value == DateValue(2024, 3, 23)
    m = one("21 March – 3 April 2024")
    assert (m.value, m.end_value) == (DateValue(2024, 3, 21), DateValue(2024, 4, 3))
    m = one("28 December – 3 January 2024")
    assert (m.value, m.end_value) == (DateValue(2023, 12, 28), DateValue(2024, 1, 3))
    m = one("from 2019 to 2023")
    assert (m.value, m.end_value) == (DateValue(2019), DateValue(2023))


def test_and_without_between_is_two_dates() -> None:
    text = "on 3 and 5 May 2024"
    a, b = find_dates(text)
    assert (span(text, a), a.value) == ("3", DateValue(2024, 5, 3))
    assert (span(text, b), b.value) == ("5 May 2024", DateValue(2024, 5, 5))
    assert a.end_value is None and b.end_value is None


def test_list_of_dates() -> None:
    text = "on 25 February 2024, 4 June 2024, and 12 September 2024 respectively"
    assert [m.value.iso() for m in find_dates(text)] == ["2024-02-25", "2024-06-04", "2024-09-12"]


def test_year_from_context() -> None:
    assert find_dates("on Sep 15") == []  # no year anywhere: skipped
    m = one("on Sep 15", anchor=ANCHOR)
    assert m.value == DateValue(2023, 9, 15)  # the past is preferred over the future
    assert "document date" in (m.resolution or "")
    m = one("on 25 March", anchor=ANCHOR)
    assert m.value == DateValue(2024, 3, 25)
    text = "launched on 15 September 2023, docked on 17 Sept"
    a, b = find_dates(text)
    assert b.value == DateValue(2023, 9, 17) and "preceding" in (b.resolution or "")
    m = one("on September 17th", previous=DateValue(2022, 1, 1))
    assert m.value == DateValue(2022, 9, 17)


def test_weekday_alone() -> None:
    text = "On Saturday the capsule landed."
    m = one(text, anchor=ANCHOR)
    assert m.value == DateValue(2024, 4, 6) and m.relative
    assert m.resolution == "Saturday before 2024-04-07 (Sunday)"
    assert span(text, m) == "Saturday"
    assert one("on Sunday", anchor=ANCHOR).value == DateValue(2024, 4, 7)
    assert one("last Sunday", anchor=ANCHOR).value == DateValue(2024, 3, 31)
    assert one("next Monday", anchor=ANCHOR).value == DateValue(2024, 4, 8)
    assert one("on Monday", anchor=ANCHOR).value == DateValue(2024, 4, 1)
    assert find_dates("On Saturday", anchor=None) == []


def test_relative_words() -> None:
    assert one("yesterday", anchor=ANCHOR).value == DateValue(2024, 4, 6)
    assert one("Today", anchor=ANCHOR).value == DateValue(2024, 4, 7)
    assert one("tomorrow", anchor=ANCHOR).value == DateValue(2024, 4, 8)
    m = one("earlier this month", anchor=ANCHOR)
    assert m.value == DateValue(2024, 4) and m.value.precision == "month" and m.relative
    assert one("last year", anchor=ANCHOR).value == DateValue(2023)
    assert one("last month", anchor=DateValue(2024, 1, 5).as_date()).value == DateValue(2023, 12)
    assert find_dates("last week", anchor=ANCHOR) == []  # no week precision: skipped
    assert find_dates("yesterday") == []


def test_weekday_told_as_still_to_come() -> None:
    assert one("A day of mourning will be held on Monday.", anchor=ANCHOR).value == \
        DateValue(2024, 4, 8)
    m = one("The ward, which opens at 08:00 UTC on Monday, is expected to", anchor=ANCHOR)
    assert m.value == DateValue(2024, 4, 8, "08:00", "UTC")
    # "will" before a comma, or in the clause after "that", is not about the weekday
    assert one("It will play 9 concerts, the band said on Monday.", anchor=ANCHOR).value == \
        DateValue(2024, 4, 1)
    assert one("He said on Monday that he will stay.", anchor=ANCHOR).value == \
        DateValue(2024, 4, 1)
    # the present tense of a timetable is still to come; the past tense is not
    assert one("Rehearsals begin on Monday.", anchor=ANCHOR).value == DateValue(2024, 4, 8)
    assert one("Rehearsals began on Monday.", anchor=ANCHOR).value == DateValue(2024, 4, 1)


def test_time_before_a_weekday() -> None:
    text = "The quake struck at 03:42 local time on Saturday."
    m = one(text, anchor=ANCHOR)
    assert m.value == DateValue(2024, 4, 6, "03:42") and span(text, m) == "03:42 local time on Saturday"


@pytest.mark.parametrize("text, value, covered", [
    ("The 2022–23 season was", DateValue(2022), "2022–23"),
    ("the 2017 estimate", DateValue(2017), "2017"),
    ("A planned 2021 tour of", DateValue(2021), "2021"),
    ("the 1979-built ferry", DateValue(1979), "1979"),
    ("The orchestra's 1974 farewell concert", DateValue(1974), "1974"),
])
def test_years_as_modifiers(text: str, value: DateValue, covered: str) -> None:
    m = one(text)
    assert m.value == value and span(text, m) == covered


@settings(max_examples=200, deadline=None)
@given(year=st.integers(1000, 2198), noun=st.sampled_from(["estimate", "tour", "inspection"]),
       det=st.sampled_from(["the", "a", "its", "the club's", "a planned"]))
def test_years_as_modifiers_round_trip(year: int, noun: str, det: str) -> None:
    assert one(f"{det} {year} {noun}").value == DateValue(year)
    season = one(f"the {year}–{(year + 1) % 100:02d} season")
    if year % 100 != 99:  # "1999–00" is no range
        assert season.value == DateValue(year) and season.end_value == DateValue(year + 1)
    assert one("in 2019-21").end_value == DateValue(2021)


def test_years_and_months_later() -> None:
    text = "She retired in 1975. Two years later she completed a requiem."
    assert [d.value for d in find_dates(text)] == [DateValue(1975), DateValue(1977)]
    assert one("3 months later", previous=DateValue(2020, 11, 5)).value == DateValue(2021, 2)
    assert find_dates("3 months later", previous=DateValue(2020)) == []  # no month to count from
    text = "Talks began in 2006 but collapsed in October of that year."
    assert [d.value for d in find_dates(text)] == [DateValue(2006), DateValue(2006, 10)]


def test_year_from_an_earlier_sentence_yields_to_the_document_date() -> None:
    # a year carried from an earlier sentence is kept near the document date, not far from it
    assert one("on 1 November", anchor=dt.date(2023, 10, 16), previous=DateValue(2011)).value \
        == DateValue(2023, 11, 1)
    assert one("on 18 January", anchor=dt.date(2024, 9, 5), previous=DateValue(2025, 2, 9)).value \
        == DateValue(2025, 1, 18)


def test_relative_to_previous_date() -> None:
    text = "It launched on 6 April 2024. Two days later it docked. The next day the hatch opened."
    a, b, c = find_dates(text)
    assert b.value == DateValue(2024, 4, 8) and b.relative
    assert "2024-04-06" in (b.resolution or "")
    assert c.value == DateValue(2024, 4, 9)
    m = one("a week later", previous=DateValue(2024, 1, 30))
    assert m.value == DateValue(2024, 2, 6)
    assert one("the day before.", previous=DateValue(2024, 3, 1)).value == DateValue(2024, 2, 29)
    assert find_dates("the day before the launch", previous=DateValue(2024, 3, 1)) == []
    assert find_dates("two days later") == []


def test_sample_news_item() -> None:
    text = (" date 2024-04-07 International\nOn Saturday the descent vehicle landed. "
            "They were delivered on March 25, 2024.\n15:40 GMT 07.04.2024\n")
    found = find_dates(text, anchor=ANCHOR)
    assert [m.value.iso() for m in found] == ["2024-04-07", "2024-04-06", "2024-03-25",
                                              "2024-04-07"]


def test_parse_date() -> None:
    assert parse_date("15 September 2023") == DateValue(2023, 9, 15)
    assert parse_date(" 2023 ") == DateValue(2023)
    assert parse_date("15 September 2023, 15:34:23 UTC") == DateValue(2023, 9, 15, "15:34:23",
                                                                      "UTC")
    assert parse_date("15 September 2023 (2023-09-15)") == DateValue(2023, 9, 15)
    assert parse_date("September 2023") == DateValue(2023, 9)
    assert parse_date("05/06/2017", dayfirst=False) == DateValue(2017, 5, 6)
    assert parse_date("UTC") is None
    assert parse_date("") is None
    assert parse_date("Baikonur Site 31/6") is None
    assert parse_date("Soyuz MS-25 No. 755") is None


def test_guess_dayfirst() -> None:
    assert guess_dayfirst("on 25/03/2024 and 01/02/2024") is True
    assert guess_dayfirst("on 03/25/2024") is False
    assert guess_dayfirst("on March 25, 2024") is False
    assert guess_dayfirst("on 25 March 2024") is True
    assert guess_dayfirst("nothing here, 07.04.2024") is None
    assert guess_dayfirst("") is None


def test_linear_on_near_matches() -> None:
    for text in ["15 Sept" * 100_000, "1,1," * 250_000, "On On " * 170_000,
                 "Saturday, " * 100_000, "15 September " * 80_000, "2023-" * 200_000,
                 " " * 1_000_000 + "15", "between 3 and " * 70_000, "12:30 " * 170_000,
                 "in " * 330_000, "the next " * 110_000, "1" * 1_000_000]:
        t0 = time.thread_time()  # CPU time: a loaded machine must not fail a linear scan
        find_dates(text, anchor=ANCHOR)
        assert time.thread_time() - t0 < 5, text[:20]


# ---- properties -----------------------------------------------------------------------------

FORMATS = {
    "dmy": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "dmy_ordinal": lambda d: f"{d.day}{_suffix(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "mdy": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "mdy_abbr": lambda d: f"{_abbr(d.month)} {d.day}, {d.year}",
    "iso": lambda d: d.isoformat(),
    "dotted": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "slashed": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "weekday": lambda d: f"{d.strftime('%A')}, {d.day} {MONTHS[d.month - 1]} {d.year}",
}


def _abbr(month: int) -> str:
    name = MONTHS[month - 1]
    return "Sept." if month == 9 else name if month == 5 else name[:3] + "."


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2199, 12, 31))


@settings(max_examples=300, deadline=None)
@given(d=dates, fmt=st.sampled_from(sorted(FORMATS)),
       before=st.sampled_from(["", "It happened on ", "(", "Launched "]),
       after=st.sampled_from(["", ".", " and then", ", when"]))
def test_rendered_dates_round_trip(d: dt.date, fmt: str, before: str, after: str) -> None:
    rendered = FORMATS[fmt](d)
    text = before + rendered + after
    found = find_dates(text)
    assert len(found) == 1, (text, found)
    m = found[0]
    assert text[m.start:m.end] == rendered
    assert m.value == DateValue(d.year, d.month, d.day)
    assert m.value.precision == "day"


@settings(max_examples=200, deadline=None)
@given(year=st.integers(1000, 2199), month=st.integers(1, 12))
def test_rendered_months_round_trip(year: int, month: int) -> None:
    text = f"in {MONTHS[month - 1]} {year}."
    m = one(text)
    assert text[m.start:m.end] == f"{MONTHS[month - 1]} {year}"
    assert m.value == DateValue(year, month)


_ALPHABET = st.sampled_from(list("0123456789 ,.-/:–SsMmaJjyYdDoOnNtTh\n") + [
    "September ", "May ", "Saturday", "2024", "in ", "the next day", "later", "UTC", "12:30",
    "between ", " and ", "mid-", "last ", "yesterday", "a week", "°", "%", "th", "days"])


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(_ALPHABET, max_size=40),
       anchor=st.one_of(st.none(), st.dates(min_value=dt.date(1001, 1, 1),
                                            max_value=dt.date(2198, 12, 31))),
       dayfirst=st.booleans())
def test_arbitrary_text_is_safe(parts: list[str], anchor: dt.date | None,
                                dayfirst: bool) -> None:
    text = "".join(parts)
    found = find_dates(text, anchor=anchor, dayfirst=dayfirst)
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        last_end = m.end
        assert isinstance(m.value, DateValue)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_unicode_is_safe(text: str) -> None:
    found = find_dates(text, anchor=ANCHOR)
    assert all(0 <= m.start < m.end <= len(text) for m in found)
    parse_date(text)
    guess_dayfirst(text)


def test_date_order_is_only_guessed_when_it_can_matter() -> None:
    from reconcile.extract.dates import needs_dayfirst

    assert needs_dayfirst("on 03/25/2024") and needs_dayfirst("on 3-4-24")
    assert not needs_dayfirst("on March 25, 2024 and 25 March 2024, 07.04.2024")
    # a month-first source is still read month-first when it has an ambiguous date
    from reconcile.extract import extract
    from reconcile.read import read_text

    doc = read_text(" date 2024-04-01\nThe probe launched on 03/04/2024 and landed on 03/25/2024.\n",
                    "us.txt", "us")
    dates = sorted(c.value.iso() for c in extract(doc).claims if c.predicate in ("launch", "landing"))
    assert dates == ["2024-03-04", "2024-03-25"]


@settings(max_examples=200, deadline=None)
@given(d=dates, fmt=st.sampled_from(sorted(FORMATS)),
       rest=st.sampled_from(["", ", Brno, Czechoslovakia", " (aged 84), Uppsala", "; buried at sea",
                             " in Lyon"]))
def test_an_infobox_value_opening_with_a_date_states_it(d: dt.date, fmt: str, rest: str) -> None:
    rendered = FORMATS[fmt](d)
    found = leading_date(rendered + rest)
    assert found is not None and found.value == DateValue(d.year, d.month, d.day)
    assert (rendered + rest)[found.start:found.end] == rendered


def test_a_value_that_does_not_open_with_a_date_states_none() -> None:
    assert leading_date("Uppsala, 2 February 2016") is None
    assert leading_date("2 February 2016 births") is None
    assert leading_date("yesterday, in Lyon") is None
