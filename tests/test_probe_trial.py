"""An unseen domain (a new medicine: its pivotal trial and its approvals): an encyclopedia article
with an infobox, the results-day story, the approval-day story and a safety report a year later,
read the way a careful fact-checker reads it. The sources really disagree on one thing: the day
the US agency approved the drug, 14 March 2031 in the article (infobox and prose) and in the
approval-day story ("on Friday"), 14 April 2031 in the safety report.
What must not be flagged:
- the European Commission approved it on 28 April 2031 ("EU approval" in the infobox): another
  body's approval, a few weeks after the US one, no conflict with either US date;
- "Approval of velorimab by the European Commission is expected by June 2031" on approval day
  is a plan, not a stated date;
- the rival antibody sarnelimab, approved by the FDA on 2 November 2029 ("in November 2029" in
  the results story), is another drug with its own date;
- the phase 2 trial (begun June 2027, 310 patients) and the phase 3 trial VELORA-3 (begun
  February 2029, 1,240 patients, "about 1,200" on results day): their starts are the trials',
  not the drug's, and they stay apart;
- "62%" and "62 percent", the identifier NCT05512345 written alike in two sources, the dosing
  "every four weeks" (no duration of anything);
- the lead investigator written "Dr. Ana Suárez" and "Ana M. Suarez": one person (a note)."""

from __future__ import annotations

import pytest
from conftest import dated_rows, probe_report


def report():
    return probe_report("trial")


def test_the_us_approval_date_disagreement_and_nothing_else():
    r = report()
    alarms = [f for f in r.findings if f.severity != "info"]
    assert [(f.rule, f.severity, f.predicate) for f in alarms] == [
        ("value-conflict", "error", "approval")]
    assert sorted((e.source, e.text) for e in alarms[0].evidence) == [
        ("news2", "Friday"), ("news3", "14 April 2031"),
        ("velorimab", "14 March 2031"), ("velorimab", "14 March 2031")]
    assert "2 of 3 sources back 14 March 2031" in alarms[0].message


def test_the_investigator_is_one_person_written_two_ways():
    r = report()
    notes = [(f.rule, sorted(e.text for e in f.evidence)) for f in r.findings
             if f.severity == "info"]
    assert notes == [("spelling-variant", ["Ana M. Suarez", "Ana Suárez"])]
    assert [e.variants for e in r.entities if e.type == "person" and "Suarez" in e.name] == [
        ("Ana M. Suarez", "Ana Suárez")]


def test_the_drug_its_rival_and_its_trial_stay_apart():
    r = report()
    sources = {e.name: sorted({m.span.source for m in e.mentions}) for e in r.entities}
    assert sources["velorimab"] == ["news1", "news2", "news3", "velorimab"]
    assert sources["sarnelimab"] == ["news1", "velorimab"]
    assert sources["VELORA-3"] == ["news1", "news2", "news3", "velorimab"]


def test_each_body_approves_on_its_own_day_and_the_plan_is_no_date():
    r = report()
    names = {e.id: e.name for e in r.entities}
    rows = sorted((names.get(c.subject, ""), c.qualifier or "", c.value.iso(), c.modality, c.source)
                  for c in r.claims if c.predicate == "approval")
    assert rows == [
        ("sarnelimab", "", "2029-11", "stated", "news1"),
        ("sarnelimab", "FDA", "2029-11-02", "stated", "velorimab"),
        ("velorimab", "EC", "2031-04-28", "stated", "velorimab"),
        ("velorimab", "EC", "2031-06", "planned", "news2"),
        ("velorimab", "EU", "2031-04-28", "stated", "velorimab"),
        ("velorimab", "FDA", "2031-03-14", "stated", "news2"),
        ("velorimab", "FDA", "2031-03-14", "stated", "velorimab"),
        ("velorimab", "FDA", "2031-03-14", "stated", "velorimab"),
        ("velorimab", "FDA", "2031-04-14", "stated", "news3"),
    ]


def test_the_trials_start_their_own_way():
    r = report()
    assert dated_rows(r, lambda c: c.predicate == "start") == [
        ("start", "", "2027-06", "June 2027"), ("start", "", "2027-06", "June 2027"),
        ("start", "VELORA-3", "2029-02", "February 2029"),
        ("start", "VELORA-3", "2029-02", "February 2029")]


def test_dosing_and_percentages_state_nothing_to_compare():
    r = report()
    assert not any("four weeks" in c.span.text or "62" in c.span.text for c in r.claims)


@pytest.mark.xfail(strict=True, reason=(
    "'The trial lasted 52 weeks' in the article is the trial's (a definite kind noun, 'the "
    "trial', that is not the article's subject), but a duration without a name before its verb "
    "goes to the article's subject. Telling 'the <noun>' apart from the subject needs the "
    "subject's kind, which a bare drug name does not carry; ships ('the ship') and missions "
    "('the crew') rely on the fallback."))
def test_the_trials_length_is_not_the_drugs():
    r = report()
    drug = next(e.id for e in r.entities if e.name == "velorimab")
    assert not any(c.predicate == "duration" and c.subject == drug and c.value.value == 52
                   for c in r.claims)
