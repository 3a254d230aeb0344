"""An unseen domain (a company merger: an article and two news items) read the way a careful
fact-checker reads it: announcement, approval and completion are three events; "said on
Thursday that ..." dates the statement; "Halvorsen–Brekke" is not the surname Brekke."""

from __future__ import annotations

from conftest import ROOT

import reconcile

PROBE = ROOT / "fixtures" / "probes" / "merger"


def claims(report, predicate):
    return {(c.source, c.value.iso() if hasattr(c.value, "iso") else c.value) for c in report.claims
            if c.predicate == predicate}


def test_no_alarm_on_a_consistent_story():
    report = reconcile.check([str(PROBE)])
    assert [f for f in report.findings if f.severity != "info"] == []


def test_each_date_goes_to_its_own_event():
    report = reconcile.check([str(PROBE)])
    assert ("merger", "2021-02-03") in claims(report, "announcement")
    assert ("merger", "2021-08-12") in claims(report, "approval")
    assert ("news1", "2021-08-12") in claims(report, "approval")
    assert ("merger", "2021-09-30") in claims(report, "end")
    # "said on Thursday that ... had been completed": Thursday is when it was said
    assert not [c for c in report.claims if c.span.text == "Thursday"]


def test_dashed_compound_is_not_a_surname():
    report = reconcile.check([str(PROBE)])
    brekke = next(e for e in report.entities if e.name == "Jonas Brekke")
    assert all(m.surface != "Brekke" or "–" not in m.span.text for m in brekke.mentions)
    texts = {m.span.source + ":" + str(m.span.start) for m in brekke.mentions}
    doc = next(d for d in report.sources if d.id == "merger")
    dashed = doc.text.index("Halvorsen–Brekke") + len("Halvorsen–")
    assert f"merger:{dashed}" not in texts
