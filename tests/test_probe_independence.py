"""Unrelated corpora checked together give exactly the findings each gives alone: nothing of
one domain (a name, a date, an identifier) may join, contradict or hide anything of another.
The probes are a dozen unseen domains; checking their folders as one corpus is the test."""

from __future__ import annotations

from conftest import ROOT, probe_report

import reconcile

PROBES = ROOT / "fixtures" / "probes"


def key(f) -> tuple:
    """What a finding says, apart from source ids (which a shared corpus may rename)."""
    return f.rule, f.severity, f.predicate or "", tuple(sorted({e.text for e in f.evidence}))


def test_the_probes_together_give_what_each_gives_alone():
    alone = sorted(key(f) for p in sorted(PROBES.iterdir()) for f in probe_report(p.name).findings)
    together = sorted(key(f) for f in reconcile.check([str(PROBES)]).findings)
    assert len(alone) >= 12
    assert together == alone
