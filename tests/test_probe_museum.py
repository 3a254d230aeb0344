"""An unseen domain (a museum built over budget: an article with an infobox and three news items,
at the start of the works, at the opening and two years on) read the way a careful fact-checker
reads it, for its sums of money.

The sources really disagree on one thing: what the museum cost, £48.3 million in the article's
infobox and "about £48 million" in its prose (the two agree: a figure rounded to the million
holds 48.3) against £53 million in the report of the opening.
What must not be flagged:
- "is expected to cost £36 million" at the start of the works: a forecast, not what it cost;
- the budget of £36 million (infobox, and the first news item): a budget is no cost, and the two
  budgets agree;
- "roughly £55 million in today's money" (the cost restated for inflation), "Cost overruns of
  £12 million" (a part of the cost) and "almost £17 million more than its original budget" (a
  difference): no cost of anything;
- "Adult tickets cost £14", "Tickets to the museum cost £14": a price per visitor;
- the Wendal Art Gallery across the harbour, "which cost £75 million": a rival's figure in the
  same sentence as the museum, the gallery's own (both sources give £75 million);
- "cost 56 million euros to build": the same cost in another currency, which is no
  disagreement (currencies are never converted);
- revenue of £3.4 million in 2032 and of £4.1 million for 2033, an operating budget of
  £3.2 million in its first year and of £3.9 million for 2034: figures of different years,
  each carrying its year.
"""

from __future__ import annotations

from conftest import probe_report


def report():
    return probe_report("museum")


def money_rows(r):
    names = {e.id: e.name for e in r.entities}
    return sorted((c.source, c.predicate, names.get(c.subject or "", ""), c.value.human(),
                   c.modality, c.qualifier or "", c.span.text)
                  for c in r.claims if getattr(c.value, "unit", None) in ("GBP", "EUR"))


def test_the_cost_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.predicate, f.subject) for f in alarms] == [
        ("value-conflict", "cost", "other:saltmere-maritime-museum")]
    assert sorted((e.source, e.text) for e in alarms[0].evidence) == [
        ("news2", "cost £53 million"), ("saltmere", "cost about £48 million"),
        ("saltmere", "£48.3 million")]
    message = alarms[0].message
    assert "the news item “Saltmere Maritime Museum opens a year late”: £53 million" in message
    assert "the article “Saltmere Maritime Museum”: £48.3 million" in message
    assert [f for f in r.findings if f.severity == "info"] == []


def test_what_agrees():
    r = report()
    agreed = sorted((a.predicate, a.subject) for a in r.agreements)
    assert agreed == [("budget", "other:saltmere-maritime-museum"),
                      ("cost", "other:wendal-art-gallery"),
                      ("opening", "other:saltmere-maritime-museum")]


def test_every_sum_read_with_its_owner_mood_and_year():
    museum = "Saltmere Maritime Museum"
    assert money_rows(report()) == [
        ("news1", "budget", museum, "£36 million", "stated", "", "budget of £36 million"),
        ("news1", "cost", museum, "£36 million", "future", "", "cost £36 million"),
        ("news2", "cost", museum, "£53 million", "stated", "", "cost £53 million"),
        ("news2", "cost", "Wendal Art Gallery", "£75 million", "stated", "", "cost £75 million"),
        ("news3", "cost", museum, "€56 million", "stated", "", "cost 56 million euros"),
        ("news3", "operating_budget", museum, "£3.9 million", "stated", "2034",
         "operating budget is £3.9 million"),
        ("news3", "revenue", museum, "£4.1 million", "stated", "2033",
         "revenue of £4.1 million"),
        ("saltmere", "budget", museum, "£36 million", "stated", "", "£36 million"),
        ("saltmere", "cost", museum, "approximately £48 million", "approximate", "",
         "cost about £48 million"),
        ("saltmere", "cost", museum, "£48.3 million", "stated", "", "£48.3 million"),
        ("saltmere", "cost", "Wendal Art Gallery", "£75 million", "stated", "",
         "cost £75 million"),
        ("saltmere", "operating_budget", museum, "£3.2 million", "stated", "first year",
         "operating budget of £3.2 million"),
        ("saltmere", "revenue", museum, "£3.4 million", "stated", "2032",
         "revenue was £3.4 million"),
        ("saltmere", "revenue", museum, "£3.4 million", "stated", "2032", "£3.4 million (2032)"),
    ]
