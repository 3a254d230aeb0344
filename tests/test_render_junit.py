"""JUnit view: parses back, one suite per rule, failures for errors and warnings."""

import xml.etree.ElementTree as ET

from render_sample import sample_report

from reconcile.model import Document, Evidence, Finding
from reconcile.render.junit import render_junit
from reconcile.report import Report


def test_structure():
    root = ET.fromstring(render_junit(sample_report()))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["date-conflict", "spelling-variant", "unsourced-claim", "input"]
    dc = suites["date-conflict"]
    assert dc.get("tests") == "2" and dc.get("failures") == "1"
    cases = dc.findall("testcase")
    failure = cases[0].find("failure")
    assert failure.get("type") == "error"
    assert "24 March 2024" in failure.get("message")
    assert '"23 March 2024"' in failure.text and "news/crew-heads.txt" in failure.text
    assert cases[1].find("failure") is None  # the agreement passes
    assert "consistent" in cases[1].find("system-out").text
    info = suites["unsourced-claim"].find("testcase")
    assert info.find("failure") is None and "<b>bold</b>" in info.find("system-out").text
    problem = suites["input"].find("testcase/error")
    assert problem.get("message") == "not a text file (binary content)"
    assert root.get("tests") == "5" and root.get("failures") == "2" and root.get("errors") == "1"


def test_escaping_round_trips_hostile_text():
    out = render_junit(sample_report())
    assert "<script>" not in out and "<img" not in out
    root = ET.fromstring(out)
    texts = " ".join(e.text or "" for e in root.iter())
    assert '"><img src=x onerror=alert(1)>' in texts


def test_control_characters_do_not_break_xml():
    text = "bad \x00\x0b\x1b byte and 23 May"
    doc = Document("s", "p.txt", text, "news", "plain")
    ev = Evidence("s", 0, 10, text[:10])
    f = Finding("x", "r", "error", None, None, "msg \x07 here", (ev,))
    root = ET.fromstring(render_junit(Report((doc,), (), (), (f,))))
    assert root.find("testsuite/testcase/failure").get("message") == "msg \ufffd here"


def test_deterministic():
    assert render_junit(sample_report()) == render_junit(sample_report())


def test_seed_corpus(seed_report):
    root = ET.fromstring(render_junit(seed_report))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(seed_report.findings) + len(seed_report.agreements)
    failing = sum(f.severity != "info" for f in seed_report.findings)
    assert int(root.get("failures")) == failing
