"""Whole counts in prose ("all 26 concerts", "a total of 9 stages", "30 matches in all"): the
predicate is the counted noun, as an infobox key names it, so that "| concerts = 24" is checked
against it. A number without a word saying it is the whole, an ordinal, a unit or an amount is
not a whole count."""

from __future__ import annotations

import pytest

import reconcile
from reconcile.extract import extract
from reconcile.read import read_text


def counts(sentence: str) -> set[tuple[str, str, float]]:
    doc = read_text(" date 2030-05-02 News\n" + sentence + "\n", "doc.txt", "doc")
    return {(c.predicate, c.span.text, c.value.value) for c in extract(doc).claims
            if c.predicate not in ("member_count", "total", "part", "duration") and hasattr(c.value, "unit")
            and c.subject_mention}


@pytest.mark.parametrize("sentence, expected", [
    ("The Arvel Quartet finished all 26 concerts of the Coastal Tour on Sunday.",
     {("concerts", "all 26 concerts", 26.0)}),
    ("The Brindle Cup was played over a total of nine stages.",
     {("stages", "a total of nine stages", 9.0)}),
    ("The Coastal Tour had 30 matches in all.", {("matches", "30 matches in all", 30.0)}),
    # a part, an ordinal, an amount or a unit is not a whole count
    ("The Coastal Tour played six concerts in Osten.", set()),
    ("The Coastal Tour played all six concerts in Osten.", set()),
    ("The Coastal Tour gave a total of six concerts at the Brindle Hall.", set()),
    ("The Coastal Tour's 12th concert was broadcast.", set()),
    ("The Coastal Tour sold more than 40,000 tickets.", set()),
    ("The Coastal Tour lasted all 12 weeks.", set()),
])
def test_whole_counts(sentence: str, expected: set) -> None:
    assert counts(sentence) == expected


def test_a_whole_count_is_checked_against_an_infobox_field(tmp_path):
    (tmp_path / "tour.wiki").write_text(
        "{{Infobox concert tour\n| name = Coastal Tour\n| concerts = 24\n}}\n\n"
        "The '''Coastal Tour''' was a concert tour by the [[Arvel Quartet]].\n", encoding="utf-8")
    (tmp_path / "news.txt").write_text(
        " date 2030-05-02\nQuartet ends tour\nThe Arvel Quartet came home after all 26 concerts "
        "of the Coastal Tour.\n", encoding="utf-8")
    r = reconcile.check([str(tmp_path)])
    alarms = [(f.rule, f.predicate, sorted(e.text for e in f.evidence)) for f in r.findings
              if f.severity != "info"]
    assert alarms == [("value-conflict", "concerts", ["24", "all 26 concerts"])]
