"""An unseen domain (a mayoral election: an article and two news items) read the way a careful
fact-checker reads it. Nothing in it disagrees; every trap is one a checker falls into:
- the infobox repeats Candidate / Party / Popular vote once per candidate: two vote counts are
  two candidates' rows, not the election stating its vote two ways;
- "took the lead in Sunday's mayoral election" (the first round, 9 May) is the election's day,
  not the day the leader was elected (declared elected on 15 May, after the runoff was dropped);
- "Vaskova withdrew ..., and Danylenko was declared elected the next day. He took office ...":
  "He" is Danylenko, not the first-named Petra Vaskova;
- the election-night count "with 90 percent of ballots counted" and the final count differ;
- the winner's given name is written Danylenko and Danilenko (one person, a note);
- the three candidates' votes add up to the total (shown as checked and consistent), and the
  later report names only two of them against the same total (no sum to check)."""

from __future__ import annotations

from conftest import dated_rows, probe_report


def report():
    return probe_report("election")


def test_no_alarm_and_one_spelling_note():
    r = report()
    assert [f for f in r.findings if f.severity != "info"] == []
    notes = [(f.rule, {e.text for e in f.evidence}) for f in r.findings]
    assert notes == [("spelling-variant", {"Mykola Danylenko", "Mykola Danilenko"})]


def test_repeated_infobox_keys_are_rows_of_their_candidates():
    r = report()
    names = {e.id: e.name for e in r.entities}
    votes = sorted((names.get(c.subject), c.value.value) for c in r.claims
                   if c.predicate == "popular_vote")
    assert votes == [("Mykola Danylenko", 48213.0), ("Petra Vaskova", 39870.0)]


def test_whose_election_and_who_took_office():
    dated = dated_rows(report(), lambda c: c.predicate in ("election", "inauguration",
                                                          "occurrence"))
    assert dated == [
        ("election", "", "2032-05-09", "Sunday"),
        ("election", "Mykola Danylenko", "2032-05-15", "the next day"),
        ("inauguration", "Mykola Danylenko", "2032-06-01", "1 June"),
        ("inauguration", "Mykola Danylenko", "2032-06-01", "1 June 2032"),
        # the infobox's Date and "was held on": the day the election itself happened
        ("occurrence", "2032 Velmora mayoral election", "2032-05-09", "9 May 2032"),
        ("occurrence", "2032 Velmora mayoral election", "2032-05-09", "9 May 2032"),
    ]


def test_the_parts_are_checked_against_the_total():
    r = report()
    assert [(a.rule, {e.text for e in a.evidence}) for a in r.agreements] == [
        ("derived-count", {"102,400", "48,213", "39,870", "14,317"})]
