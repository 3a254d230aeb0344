"""A bare year inside an aside ("The museum, founded in 1921, ...") dates that aside only: a
year-less date later in the sentence takes its year from the story, not from the aside. A year
that opens the sentence ("In 2019, ...") or one inside the same aside still lends its year."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract.dates import find_dates

ANCHOR = dt.date(2034, 3, 11)


@pytest.mark.parametrize("text, expected", [
    ("The museum, founded in 1921, will close on 22 April.", {"1921", "2034-04-22"}),
    ("The museum (founded in 1921) closes on 22 April.", {"1921", "2034-04-22"}),
    ("In 2019, the bridge closed on 3 May.", {"2019", "2019-05-03"}),
    ("The bridge, built in 1890 and closed on 3 May, was rebuilt.", {"1890", "1890-05-03"}),
    ("Built in 1890, the bridge closed on 3 May.", {"1890", "1890-05-03"}),
])
def test_a_year_in_an_aside_dates_the_aside_only(text: str, expected: set) -> None:
    assert {d.value.iso() for d in find_dates(text, anchor=ANCHOR)} == expected
