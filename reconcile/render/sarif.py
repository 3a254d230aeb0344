"""SARIF 2.1.0 view: findings as static-analysis results, for code-scanning UIs and CI.

One run; each finding becomes a result whose primary location is its first evidence quote and
whose related locations are the other quotes, so a reviewer can jump between the sources that
disagree. Regions carry both character offsets (exact) and line/column (for display), with
columns counted in Unicode code points, which is what Python string offsets count.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Evidence, RuleInfo
from ..report import Report
from ._common import LineIndex, entity_name, source_uri

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(report: Report) -> str:
    """The report as a SARIF 2.1.0 log (a JSON string, deterministic)."""
    doc_index = {d.id: i for i, d in enumerate(report.sources)}
    lines: dict[str, LineIndex] = {}
    rules: list[RuleInfo] = list(report.rules)
    known = {r.id for r in rules}
    for f in report.findings:  # a rule a finding names but the report does not describe
        if f.rule not in known:
            known.add(f.rule)
            rules.append(RuleInfo(f.rule, f.rule, f.severity, f.rule))
    rule_index = {r.id: i for i, r in enumerate(rules)}
    names: dict = {}

    def location(ev: Evidence, loc_id: int | None = None) -> dict[str, Any]:
        doc = report.source(ev.source)
        if ev.source not in lines:
            lines[ev.source] = LineIndex(doc.text)
        idx = lines[ev.source]
        sl, sc = idx.position(ev.start)
        el, ec = idx.position(ev.end)
        loc: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": {"uri": source_uri(doc.path), "index": doc_index[doc.id]},
                "region": {
                    "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                    "charOffset": ev.start, "charLength": ev.end - ev.start,
                    "snippet": {"text": ev.text},
                },
            }
        }
        if loc_id is not None:
            loc["id"] = loc_id
        if ev.note:
            loc["message"] = {"text": ev.note}
        return loc

    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": f.message or f.rule},
            "partialFingerprints": {"reconcileFindingId/v1": f.id},
            "properties": {"confidence": round(f.confidence, 3),
                           "entity": entity_name(report, f.subject, names)},
        }
        if f.predicate:
            result["properties"]["predicate"] = f.predicate
        if f.suppression is not None:  # SARIF's own way: viewers hide it but keep it listed
            s = f.suppression
            result["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": s.reason,
                                       "properties": {"decision": s.decision, "by": s.by,
                                                      "date": s.date}}]
        if f.evidence:
            result["locations"] = [location(f.evidence[0])]
            if len(f.evidence) > 1:
                result["relatedLocations"] = [location(ev, i)
                                              for i, ev in enumerate(f.evidence[1:], 1)]
        results.append(result)

    notifications = [
        {"level": "error", "message": {"text": p.message},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": source_uri(p.path)}}}]}
        for p in report.problems
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "reconcile",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_descriptor(r) for r in rules],
        }},
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": notifications}],
        "artifacts": [
            {"location": {"uri": source_uri(d.path)}, "mimeType": "text/plain",
             **({"description": {"text": d.title}} if d.title else {})}
            for d in report.sources
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    help_text = rule.help or rule.summary
    out: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary or rule.id},
        "fullDescription": {"text": help_text or rule.id},
        "help": {"text": help_text or rule.id},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"code": rule.code},
    }
    if rule.tags:
        out["properties"]["tags"] = list(rule.tags)
    return out
