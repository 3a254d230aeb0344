"""Review decisions (issue: rule catalogue): reconcile review, .reconcile-baseline.json, and
suppressed findings in every report format — shown with their decision, never counted."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from test_render_sarif import SCHEMA as SARIF_SCHEMA
from test_rule_settings import write_example

from reconcile.cli import cli
from reconcile.model import Evidence, Finding
from reconcile.review import fingerprint

REASON = "The almanac <b>misprints</b> the date & we know it"


def run(*args: str):
    return CliRunner().invoke(cli, [*map(str, args)])


@pytest.fixture
def docs(tmp_path, monkeypatch):
    """The value-conflict page's example (14 vs 21 June 1982) in tmp_path/docs; cwd tmp_path."""
    monkeypatch.chdir(tmp_path)
    return write_example("value-conflict", tmp_path / "docs")


def conflict_id(docs) -> str:
    report = json.loads(run("check", docs, "--format", "json").stdout)
    [f] = [f for f in report["findings"] if f["rule"] == "value-conflict"]
    return f["id"]


def decide(docs, ref, *extra):
    return run("review", ref, docs, "--as", "false-positive", "--reason", REASON, "--by", "ana",
               "--date", "2024-03-05", *extra)


def test_review_suppresses_and_check_keeps_it_in_the_report(docs, tmp_path, validate_report):
    fid = conflict_id(docs)
    assert run("check", docs, "--format", "json").exit_code == 1
    result = decide(docs, fid.split(":")[1][:6])  # a unique start of the hash is enough
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"reconcile: {fid} recorded as false-positive in " \
                            ".reconcile-baseline.json\n"
    stored = json.loads((tmp_path / ".reconcile-baseline.json").read_text(encoding="utf-8"))
    [entry] = stored["decisions"]
    assert entry["fingerprint"] == fid and entry["by"] == "ana" and entry["date"] == "2024-03-05"
    assert {q["text"] for q in entry["quotes"]} >= {"14 June 1982", "21 June 1982"}
    assert not list(tmp_path.glob(".reconcile-*.tmp"))
    checked = run("check", docs, "--format", "json")  # picked up from the working directory
    assert checked.exit_code == 0
    report = json.loads(checked.stdout)
    validate_report(report)
    [f] = [f for f in report["findings"] if f["id"] == fid]
    assert f["suppression"] == {"decision": "false-positive", "reason": REASON, "by": "ana",
                                "date": "2024-03-05", "fingerprint": fid}
    assert report["summary"]["error"] == 0 and report["summary"]["suppressed"] == 1
    # a second decision on the same finding replaces the first
    again = run("review", fid, docs, "--as", "accepted", "--reason", "fine", "--by", "bo",
                "--date", "2024-04-01")
    assert again.exit_code == 0
    stored = json.loads((tmp_path / ".reconcile-baseline.json").read_text(encoding="utf-8"))
    assert [(d["decision"], d["by"]) for d in stored["decisions"]] == [("accepted", "bo")]


def test_edit_elsewhere_keeps_the_suppression_and_a_new_value_reopens(docs):
    decide(docs, conflict_id(docs))
    almanac = docs / "almanac.txt"
    text = almanac.read_text(encoding="utf-8")
    moved = text.replace("- Opened:", "- Length: 1,056 metres\n- Opened:").replace(
        "The bridge carried", "Tolls were lifted in 1991. The bridge carried")
    almanac.write_text(moved, encoding="utf-8")
    assert run("check", docs, "--format", "json").exit_code == 0  # offsets moved: still decided
    almanac.write_text(moved.replace("21 June 1982", "28 June 1982"), encoding="utf-8")
    reopened = run("check", docs, "--format", "json")
    assert reopened.exit_code == 1
    [f] = [f for f in json.loads(reopened.stdout)["findings"] if f["rule"] == "value-conflict"]
    assert "suppression" not in f


def test_every_format_shows_suppressed_findings(docs, tmp_path):
    fid = conflict_id(docs)
    decide(docs, fid)
    sarif = json.loads(run("check", docs, "--format", "sarif").stdout)
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(sarif)
    [res] = [r for r in sarif["runs"][0]["results"]
             if r["partialFingerprints"]["reconcileFindingId/v1"] == fid]
    assert res["suppressions"] == [{"kind": "external", "status": "accepted",
                                    "justification": REASON,
                                    "properties": {"decision": "false-positive", "by": "ana",
                                                   "date": "2024-03-05"}}]
    junit = run("check", docs, "--format", "junit").stdout
    assert ('<skipped message="false-positive: The almanac &lt;b&gt;misprints&lt;/b&gt; the '
            'date &amp; we know it (ana, 2024-03-05)"') in junit
    assert 'skipped="1"' in junit
    md = run("check", docs, "--format", "markdown").stdout
    head, _, folded = md.partition("### Suppressed")
    assert "0 errors" in head and "value-conflict" not in head
    assert "<details>" in folded and "**false-positive**" in folded and "(ana, 2024-03-05)" in folded
    assert "&lt;b&gt;misprints&lt;/b&gt;" in folded and "<b>misprints" not in md
    result = run("check", docs, "--output", tmp_path / "r.html")
    assert result.exit_code == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    section = html.split('<section id="suppressed"', 1)[1].split("</section>", 1)[0]
    assert "<details>" in section and "<b>false-positive</b>" in section
    assert "&lt;b&gt;misprints&lt;/b&gt; the date &amp; we know it" in section
    assert "ana, 2024-03-05" in section and f'id="s-{fid}"' in section
    assert '<a href="#suppressed">Suppressed</a>' in html
    findings = html.split('<section id="findings"', 1)[1].split("</section>", 1)[0]
    assert fid not in findings


def test_jupyter_view_marks_suppressed_findings(docs):
    import reconcile
    from reconcile.review import load_decisions, suppress

    fid = conflict_id(docs)
    decide(docs, fid)
    report = reconcile.check([docs])
    with open(".reconcile-baseline.json", encoding="utf-8") as fh:  # cwd: the fixture's folder
        decisions = load_decisions(json.load(fh))
    compact = suppress(report, decisions)._repr_html_()
    assert "(suppressed: false-positive, The almanac &lt;b&gt;misprints&lt;/b&gt;" in compact


def test_baseline_from_configuration_or_flag(docs, tmp_path):
    fid = conflict_id(docs)
    assert decide(docs, fid, "--baseline", tmp_path / "decided.json").exit_code == 0
    assert not (tmp_path / ".reconcile-baseline.json").exists()
    assert run("check", docs, "--format", "json").exit_code == 1
    assert run("check", docs, "--format", "json", "--baseline",
               tmp_path / "decided.json").exit_code == 0
    (tmp_path / "reconcile.toml").write_text('baseline = "decided.json"\n', encoding="utf-8")
    assert run("check", docs, "--format", "json").exit_code == 0


@pytest.mark.parametrize("args, message", [
    (["review", "value-conflict:000000000000", "docs", "--as", "accepted", "--reason", "x"],
     "value-conflict:000000000000: no such finding in docs"),
    (["review", "X", "docs", "--as", "accepted", "--reason", "  "], "give a reason"),
    (["review", "X", "docs", "--as", "accepted", "--reason", "x", "--date", "May"],
     "'May' is not a date"),
    (["review", "X", "docs", "--as", "maybe", "--reason", "x"], "'maybe' is not one of"),
])
def test_review_errors(docs, args, message):
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_find_takes_the_id_or_a_unique_start():
    from reconcile.report import Report
    from reconcile.review import find

    ev = (Evidence("a", 0, 1, "x"),)
    a = Finding("value-conflict:abc111", "value-conflict", "error", None, None, "m", ev)
    b = Finding("value-conflict:abd222", "value-conflict", "error", None, None, "m",
                (Evidence("a", 0, 1, "y"),))
    report = Report((), (), (), (a, b))
    assert find(report, "value-conflict:abc111") == [a]
    assert find(report, "abd") == [b] and find(report, "value-conflict:abc") == [a]
    assert find(report, "ab") == [a, b] and find(report, "zz") == []
    assert find(report, fingerprint(b)) == [b]


@pytest.mark.parametrize("content", ['{"decisions": [{"decision": "accepted"}]}', "[1]", "{"])
def test_a_bad_decision_file_stops_check_and_review(docs, tmp_path, content):
    (tmp_path / ".reconcile-baseline.json").write_text(content, encoding="utf-8")
    for args in (["check", docs, "--format", "json"],
                 ["review", "x", docs, "--as", "accepted", "--reason", "x"]):
        result = run(*args)
        assert result.exit_code == 2 and result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and ".reconcile-baseline.json: cannot use as baseline" in lines[0]


evidence = st.builds(Evidence, st.sampled_from(["a", "b", "c"]), st.integers(0, 10**6),
                     st.integers(0, 10**6), st.text(min_size=1, max_size=20))


@given(st.lists(evidence, min_size=1, max_size=4), st.integers(-1000, 1000), st.text(max_size=10))
def test_fingerprint_is_content_not_place(evs, shift, other):
    f = Finding("x", "value-conflict", "error", "mission:a", "launch", "m", tuple(evs))
    moved = replace(f, evidence=tuple(replace(e, start=e.start + shift, end=e.end + shift)
                                      for e in reversed(evs)), message="reworded", id="y")
    assert fingerprint(f) == fingerprint(moved) == fingerprint(json.loads(json.dumps(f.to_json())))
    changed = replace(f, evidence=(replace(evs[0], text=evs[0].text + "!"), *evs[1:]))
    if {(e.source, e.text) for e in changed.evidence} != {(e.source, e.text) for e in evs}:
        assert fingerprint(changed) != fingerprint(f)


def test_schema_allows_a_suppression_and_checks_its_keys(seed_json, validate_report):
    doc = json.loads(json.dumps(seed_json))
    entry = {"decision": "accepted", "reason": "r", "by": "b", "date": "2024-01-02",
             "fingerprint": doc["findings"][0]["id"]}
    doc["findings"][0]["suppression"] = entry
    doc["summary"]["suppressed"] = 1
    validate_report(doc)
    for key, bad in (("decision", "ignored"), ("date", "2 Jan 2024"), ("reason", "")):
        doc["findings"][0]["suppression"] = {**entry, key: bad}
        with pytest.raises(AssertionError, match="suppression"):
            validate_report(doc)


def test_diff_keeps_a_decided_finding_suppressed_and_passes(docs, tmp_path):
    """An edit that brings back a contradiction a reviewer has already judged does not fail
    the gate; the finding is still listed, marked suppressed."""
    almanac = Path(docs) / "almanac.txt"
    new = almanac.read_text(encoding="utf-8")
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text(new.replace("21 June 1982", "14 June 1982"), encoding="utf-8")
    new_file.write_text(new, encoding="utf-8")
    context = tmp_path / "context"
    context.mkdir()
    (context / "encyclopedia.txt").write_text(
        (Path(docs) / "encyclopedia.txt").read_text(encoding="utf-8"), encoding="utf-8")
    args = ("diff", old_file, new_file, "--context", context, "--format", "json")
    before = run(*args)
    assert before.exit_code == 1, before.output
    [introduced] = json.loads(before.stdout)["introduced"]
    fid = introduced["id"]
    decided = run("review", fid, new_file, context, "--as", "false-positive", "--reason", REASON,
                  "--by", "ana", "--date", "2024-03-05")
    assert decided.exit_code == 0, decided.output  # judged on the new revision and its context
    after = run(*args)
    assert after.exit_code == 0, after.output
    [still] = json.loads(after.stdout)["introduced"]
    assert still["id"] == fid and still["suppression"]["decision"] == "false-positive"
    assert "Contradict" not in run(*args[:-1], "wikitext").stdout
