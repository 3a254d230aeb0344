"""Load and run the per-rule case tables in fixtures/rules/<rule-id>/*.toml.

A case file holds `[[case]]` tables: `name`, `domain`, `fires` (false for a must-not-fire
case), `silent_at` (for must-not cases: "info" means no finding of the rule at all, "warning"
means none at warning or above; default "info"), `[[case.doc]]` sources (`id`, `text`) and, for
cases that fire, `[[case.expect]]` findings (`severity`, `evidence`: strings that must each
occur in the finding's evidence texts). Expected findings are matched as a subset.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from reconcile.api import check_documents
from reconcile.model import SEVERITY_RANK, Finding
from reconcile.read import read_text

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "rules"


def load_cases(rule: str) -> list[dict]:
    out = []
    for path in sorted((CASES / rule).glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            out.append({**case, "file": path.name})
    return out


def run_case(case: dict) -> list[Finding]:
    docs = [read_text(d["text"], f"{d['id']}.txt", d["id"]) for d in case["doc"]]
    return list(check_documents(docs).findings)


def matches(f: Finding, rule: str, expect: dict) -> bool:
    joined = "\n".join(e.text for e in f.evidence)
    return (f.rule == rule and f.severity == expect.get("severity", f.severity)
            and all(s in joined for s in expect.get("evidence", ()))
            and expect.get("message", "") in f.message)


def problems(rule: str, case: dict, findings: list[Finding]) -> list[str]:
    """What is wrong with the findings for this case (empty when the case passes)."""
    mine = [f for f in findings if f.rule == rule]
    if case.get("fires", True):
        if not case.get("expect"):
            return ["a firing case needs [[case.expect]]"]
        return [f"missing {e}; got {[(f.severity, f.message) for f in mine]}"
                for e in case["expect"] if not any(matches(f, rule, e) for f in mine)]
    floor = SEVERITY_RANK[case.get("silent_at", "info")]
    loud = [f for f in mine if SEVERITY_RANK[f.severity] >= floor]
    return [f"must not fire: {f.severity} {f.message}" for f in loud]
