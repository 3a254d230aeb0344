"""SARIF view: schema-valid, positions right, every quote reachable, stable ids."""

import json
from pathlib import Path

import jsonschema
import pytest
from render_sample import sample_report

from reconcile import __version__
from reconcile.model import Document, Evidence, Finding
from reconcile.render._common import LineIndex, source_uri
from reconcile.render.sarif import render_sarif
from reconcile.report import Report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def validate(text: str) -> dict:
    log = json.loads(text)
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    return log


def region_text(doc_text: str, region: dict) -> str:
    """Slice the document by line/column the way a SARIF viewer would."""
    idx = LineIndex(doc_text)
    start = idx.starts[region["startLine"] - 1] + region["startColumn"] - 1
    end = idx.starts[region["endLine"] - 1] + region["endColumn"] - 1
    return doc_text[start:end]


def test_sample_is_valid_and_complete():
    report = sample_report()
    log = validate(render_sarif(report))
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "reconcile" and driver["version"] == __version__
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {"date-conflict": "error", "spelling-variant": "warning",
                      "unsourced-claim": "note"}
    dc = driver["rules"][0]
    assert dc["shortDescription"]["text"] == "Two sources give different dates."
    assert "press release" in dc["help"]["text"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "wiki/Soyuz%20MS-25.txt", "news/crew-heads.txt", "web/fan%3Cpage%3E.txt"]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    launch = results[0]
    assert launch["partialFingerprints"] == {"reconcileFindingId/v1": "f-launch-1"}
    assert len(launch["relatedLocations"]) == 2
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["level"] == "error" and "binary" in notes[0]["message"]["text"]


def test_regions_point_at_the_quotes():
    report = sample_report()
    run = validate(render_sarif(report))["runs"][0]
    for finding, result in zip(report.findings, run["results"], strict=True):
        locs = result["locations"] + result.get("relatedLocations", [])
        for ev, loc in zip(finding.evidence, locs, strict=True):
            phys = loc["physicalLocation"]
            doc = report.sources[phys["artifactLocation"]["index"]]
            region = phys["region"]
            assert doc.id == ev.source
            assert region["charOffset"] == ev.start
            assert region["charLength"] == len(ev.text)
            assert region_text(doc.text, region) == ev.text


def test_columns_count_code_points_and_crlf():
    text = "Ünïcödé 🚀 line\r\nsecond 🚀 launch 1 May\rthird"
    doc = Document("s", "dir\\sub dir/f#1.txt", text, "news", "plain")
    start = text.index("launch")
    ev = Evidence("s", start, start + 12, text[start:start + 12])
    report = Report((doc,), (), (), (Finding("x", "r", "warning", None, None, "m", (ev,)),))
    region = validate(render_sarif(report))["runs"][0]["results"][0]["locations"][0][
        "physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 10)
    assert (region["endLine"], region["endColumn"]) == (2, 22)
    assert LineIndex(text).position(text.index("third")) == (3, 1)


@pytest.mark.parametrize("path,uri", [
    ("a b/c.txt", "a%20b/c.txt"),
    ("win\\dir\\x.txt", "win/dir/x.txt"),
    ("/abs/p q.txt", "file:///abs/p%20q.txt"),
    ("C:\\data\\x.txt", "file:///C:/data/x.txt"),
    ("ünï#?.txt", "%C3%BCn%C3%AF%23%3F.txt"),
])
def test_source_uri(path, uri):
    assert source_uri(path) == uri


def test_deterministic_and_empty():
    assert render_sarif(sample_report()) == render_sarif(sample_report())
    empty = validate(render_sarif(Report((), (), (), ())))
    assert empty["runs"][0]["results"] == []


def test_finding_with_unknown_rule_gets_a_descriptor():
    report = sample_report()
    extra = Finding("z", "brand-new-rule", "info", None, None, "m", report.findings[0].evidence)
    report = Report(report.sources, report.entities, report.claims, (extra,), (), (),
                    report.rules)
    run = validate(render_sarif(report))["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids[run["results"][0]["ruleIndex"]] == "brand-new-rule"


def test_seed_corpus(seed_report):
    run = validate(render_sarif(seed_report))["runs"][0]
    assert len(run["results"]) == len(seed_report.findings)
    for finding, result in zip(seed_report.findings, run["results"], strict=True):
        locs = result["locations"] + result.get("relatedLocations", [])
        for ev, loc in zip(finding.evidence, locs, strict=True):
            region = loc["physicalLocation"]["region"]
            doc = seed_report.source(ev.source)
            assert region_text(doc.text, region) == ev.text
