"""JUnit XML view: findings as failing tests, so any CI system shows them without a plugin.

One <testsuite> per rule, not per source: a rule is the "test" a CI dashboard understands
("date-conflict failed 3 times"), and a finding that cites two sources would otherwise be
counted twice. Each finding is a <testcase>; errors and warnings carry a <failure>, info
findings pass with their text in <system-out> (they are worth reading, not worth a red build).
Agreements are passing testcases of their rule, so the count of checks is honest. Unreadable
inputs go to a final "input" suite as <error>s. XML is built with ElementTree, never by hand.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Agreement, Finding
from ..report import Report
from ._common import entity_name, rule_ids, source_label, xml_safe


def render_junit(report: Report) -> str:
    """The report as a JUnit XML document (a string, deterministic)."""
    names: dict = {}
    order = rule_ids(report)
    root = ET.Element("testsuites", name="reconcile")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for rule_id in order:
        findings = [f for f in report.findings if f.rule == rule_id]
        agreements = [a for a in report.agreements if a.rule == rule_id]
        if not findings and not agreements:
            continue
        suite = ET.SubElement(root, "testsuite", name=xml_safe(rule_id))
        failures = skipped = 0
        for f in findings:
            case = _case(suite, report, f, names)
            detail = _evidence_text(report, f)
            if f.suppression is not None:  # shown as skipped, with the decision
                skipped += 1
                s = f.suppression
                ET.SubElement(case, "skipped", message=xml_safe(
                    f"{s.decision}: {s.reason} ({s.by}, {s.date})")).text = xml_safe(
                    f"{f.message}\n{detail}")
            elif f.severity in ("error", "warning"):
                failures += 1
                fail = ET.SubElement(case, "failure", message=xml_safe(f.message),
                                     type=f.severity)
                fail.text = xml_safe(detail)
            else:
                ET.SubElement(case, "system-out").text = xml_safe(f"{f.message}\n{detail}")
        for a in agreements:
            case = _case(suite, report, a, names)
            ET.SubElement(case, "system-out").text = xml_safe(
                f"consistent: {a.message}\n{_evidence_text(report, a)}")
        _count(suite, len(findings) + len(agreements), failures, 0, totals, skipped)
    if report.problems:
        suite = ET.SubElement(root, "testsuite", name="input")
        for p in report.problems:
            case = ET.SubElement(suite, "testcase", classname="reconcile.input",
                                 name=xml_safe(p.path))
            ET.SubElement(case, "error", message=xml_safe(p.message),
                          type="InputProblem").text = xml_safe(p.line())
        _count(suite, len(report.problems), 0, len(report.problems), totals)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _case(suite: ET.Element, report: Report, item: Finding | Agreement,
          names: dict) -> ET.Element:
    ent = entity_name(report, item.subject, names)
    label = f"{ent}: {item.predicate}" if item.predicate else ent
    return ET.SubElement(suite, "testcase", classname=xml_safe(f"reconcile.{item.rule}"),
                         name=xml_safe(f"{label} [{item.id}]"))


def _count(suite: ET.Element, tests: int, failures: int, errors: int, totals: dict,
           skipped: int = 0) -> None:
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    totals["tests"] += tests
    totals["failures"] += failures
    totals["errors"] += errors
    totals["skipped"] += skipped


def _evidence_text(report: Report, item: Finding | Agreement) -> str:
    lines = []
    for ev in item.evidence:
        doc = report.source(ev.source)
        note = f" ({ev.note})" if ev.note else ""
        lines.append(f"{source_label(doc)} [{doc.path}:{ev.start}-{ev.end}]: "
                     f"\"{ev.text}\"{note}")
    return "\n".join(lines)
