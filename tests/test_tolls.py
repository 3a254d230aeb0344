"""Casualty counts in prose ("Twelve people were killed and 27 were injured", "the death toll
stands at 43") are the `deaths` and `injuries` an infobox states. "At least 9" is a lower bound:
an early report's "at least 9" and a final 12 agree, a final 8 does not; a source whose own
prose says "at least 41" gives its bare 41 as a bound too."""

from __future__ import annotations

from reconcile.api import check_documents
from reconcile.extract import extract
from reconcile.read import read_text


def tolls(sentence: str) -> set[tuple[str, str, float, str]]:
    doc = read_text(f" date 2030-05-04 News\nHeadline\n{sentence}\n", "n.txt", "n")
    return {(c.predicate, c.span.text, c.value.value, c.modality) for c in extract(doc).claims
            if c.predicate in ("deaths", "injuries")}


def test_counts_of_the_dead_and_injured():
    assert tolls("At least 9 people were killed and more than 20 injured when the dam failed.") == {
        ("deaths", "At least 9 people were killed", 9, "minimum"),
        ("injuries", "more than 20 injured", 20, "minimum")}
    assert tolls("Four people died and eleven were injured.") == {
        ("deaths", "Four people died", 4, "stated"), ("injuries", "eleven were injured", 11, "stated")}
    assert tolls("The wall fell, killing four people and injuring about 40.") == {
        ("deaths", "killing four people", 4, "stated"),
        ("injuries", "injuring about 40", 40, "approximate")}
    assert tolls("The blast killed 12 people and injured 30.") == {
        ("deaths", "killed 12 people", 12, "stated"), ("injuries", "injured 30", 30, "stated")}
    assert tolls("The death toll from the collapse rose to 13.") == {
        ("deaths", "death toll from the collapse rose to 13", 13, "stated")}
    assert tolls("The fire left at least 9 dead and 20 injured.") == {
        ("deaths", "at least 9 dead", 9, "minimum"), ("injuries", "20 injured", 20, "stated")}
    assert tolls("They found 9 dead trees.") == set()
    assert tolls("The death toll has risen to 13.") == {("deaths", "death toll has risen to 13", 13,
                                                         "stated")}


def test_a_part_of_the_toll_is_not_the_toll():
    assert tolls("Of those, 29 people died in the harbour district.") == set()
    assert tolls("29 people died in Puerto Alto.") == set()
    assert tolls("He paid 12 people.") == set()


ARTICLE = """= Orvel Dam =

- Deaths: {deaths}

The Orvel Dam failed on 9 April 2030.
"""
EARLY = """ date 2030-04-10 Local
Dam fails
At least 9 people were killed when the Orvel Dam failed on Tuesday.
"""
LATE = """ date 2030-05-02 Local
Dam toll
Thirteen people died when the Orvel Dam failed.
"""


def conflicts(*texts: str) -> list[set[str]]:
    report = check_documents([read_text(t, f"d{i}.txt", f"d{i}") for i, t in enumerate(texts)])
    return [{e.text for e in f.evidence} for f in report.findings
            if f.rule == "value-conflict" and f.predicate == "deaths"]


def test_a_lower_bound_agrees_with_any_count_above_it():
    assert conflicts(ARTICLE.format(deaths=12), EARLY) == []
    assert conflicts(ARTICLE.format(deaths=8), EARLY) == [{"8", "At least 9 people were killed"}]
    assert conflicts(ARTICLE.format(deaths=12), LATE) == [{"12", "Thirteen people died"}]
    # the article's own "at least 12" makes its 12 a bound that 13 does not break
    bounded = ARTICLE.format(deaths=12) + "At least 12 people died.\n"
    assert conflicts(bounded, LATE) == []


def test_an_earlier_report_lower_count_is_superseded_not_contradicted():
    early_exact = EARLY.replace("At least 9", "Nine")
    assert conflicts(early_exact, LATE) == []
    # a later report with fewer dead than an earlier one does disagree
    assert conflicts(early_exact.replace("2030-04-10", "2030-05-10"), LATE) == [
        {"Nine people were killed", "Thirteen people died"}]
    # an undated article is not ordered against a report
    assert conflicts(ARTICLE.format(deaths=9), LATE) == [{"9", "Thirteen people died"}]


def test_a_claim_record_may_state_a_lower_bound(tmp_path):
    import reconcile

    records = tmp_path / "claims.jsonl"
    records.write_text('{"source": "desk", "subject": "Orvel Dam", "predicate": "deaths", '
                       '"value": {"value": 9}, "modality": "minimum", "text": "at least 9"}\n',
                       encoding="utf-8")
    article = tmp_path / "dam.txt"
    article.write_text(ARTICLE.format(deaths=12), encoding="utf-8")
    report = reconcile.check([str(records), str(article)])
    assert not [f for f in report.findings if f.rule == "value-conflict"]
    assert any(a.predicate == "deaths" for a in report.agreements)
    article.write_text(ARTICLE.format(deaths=8), encoding="utf-8")
    report = reconcile.check([str(records), str(article)])
    assert [f.predicate for f in report.findings if f.rule == "value-conflict"] == ["deaths"]
