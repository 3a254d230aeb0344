"""Review decisions: a finding recorded as accepted, a false positive or intentional.

Decisions live in a baseline file (default `.reconcile-baseline.json`) keyed by the finding's
fingerprint: the hash of its content identity (reconcile.gate.identity: rule, entity, predicate,
and the source and words of each quote; the same hash as the finding id). Offsets play no part,
so a decision survives re-runs, moved text and edits elsewhere in a source; changing a quoted
value makes a different finding, which is open again. A suppressed finding stays in every
report, marked with its decision; it only stops counting for the exit status.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .gate import identity
from .model import Finding, Suppression
from .report import Report

DEFAULT_FILE = ".reconcile-baseline.json"
DECISIONS = ("accepted", "false-positive", "intentional")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fingerprint(finding: Finding | dict[str, Any]) -> str:
    from .rules import content_id

    rule, subject, predicate, quotes = identity(finding)
    return content_id(rule, subject, predicate, quotes)


def is_decision_file(data: object) -> bool:
    """A baseline of decisions (review), not a stored JSON report (check --baseline)."""
    return isinstance(data, dict) and "decisions" in data


def load_decisions(data: object) -> dict[str, Suppression]:
    """Fingerprint -> decision; a malformed entry raises ValueError naming its position."""
    entries = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError("not a decision baseline (no decisions list)")
    out: dict[str, Suppression] = {}
    for n, d in enumerate(entries, 1):
        fields = [d.get(k) for k in ("decision", "reason", "by", "date", "fingerprint")] \
            if isinstance(d, dict) else []
        texts = [v for v in fields if isinstance(v, str) and v]
        if not (len(texts) == 5 and texts[0] in DECISIONS and _DATE.match(texts[3])):
            raise ValueError(f"decision {n}: needs fingerprint, decision "
                             f"({', '.join(DECISIONS)}), reason, by and date YYYY-MM-DD")
        out[texts[4]] = Suppression(*texts)
    return out


def mark(findings: tuple[Finding, ...], decisions: Mapping[str, Suppression]) -> tuple[Finding, ...]:
    """Each finding a decision covers, marked suppressed; none removed."""
    return tuple(replace(f, suppression=decisions[fp]) if (fp := fingerprint(f)) in decisions
                 else f for f in findings)


def suppress(report: Report, decisions: Mapping[str, Suppression]) -> Report:
    """The report with each finding a decision covers marked suppressed (none removed)."""
    if not decisions:
        return report
    return replace(report, findings=mark(report.findings, decisions))


def find(report: Report, ref: str) -> list[Finding]:
    """The findings a reference names: the whole id, or the start of it or of its hash."""
    exact = [f for f in report.findings if ref in (f.id, fingerprint(f))]
    if exact:
        return exact
    return [f for f in report.findings
            if f.id.startswith(ref) or f.id.partition(":")[2].startswith(ref)]


def record(data: object, finding: Finding, decision: str, reason: str, by: str,
           date: str) -> str:
    """The baseline text with this decision added, or replacing one for the same finding.

    Entries are sorted by fingerprint and keep the finding's content (rule, entity, predicate,
    quotes, message) so that a reader of the file sees what was decided."""
    entries = ({d["fingerprint"]: d for d in data["decisions"]}  # type: ignore[index]
               if is_decision_file(data) else {})
    fp = fingerprint(finding)
    entries[fp] = {
        "fingerprint": fp, "decision": decision, "reason": reason, "by": by, "date": date,
        "rule": finding.rule, "subject": finding.subject, "predicate": finding.predicate,
        "quotes": [{"source": s, "text": t} for s, t in sorted(identity(finding)[3])],
        "message": finding.message,
    }
    out = {"reconcile_baseline": 1, "decisions": [entries[k] for k in sorted(entries)]}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
