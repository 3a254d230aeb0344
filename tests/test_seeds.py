"""The sample documents: what a careful reader finds, and what must not be reported."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SEEDS

SOURCE = {"000": "000_5aad77612f524626", "001": "001_5c08b23959696cf2",
          "002": "002_591bf5aba4f25233", "003": "003_b615d5b365ee9544"}


def texts(f):
    return [e["text"] for e in f["evidence"]]


def sources(f):
    return {e["source"] for e in f["evidence"]}


def find(report, rule, *needles, severity=None):
    out = []
    for f in report["findings"]:
        joined = "\n".join(texts(f))
        if f["rule"] == rule and all(n in joined for n in needles) and (
                severity is None or f["severity"] == severity):
            out.append(f)
    return out


def test_gold_scorer_passes(seed_report, tmp_path):
    out = tmp_path / "r.json"
    out.write_text(seed_report.to_json(), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests/tools/gold_score.py"), "--gold", str(SEEDS / "gold.json"),
         "--group", "soyuz-ms24", "--report", str(out), "--corpus", str(SEEDS),
         "--min-recall", "1.0", "--min-precision", "1.0"],
        capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "entity accuracy: 19/19" in proc.stdout


def test_seed_json_follows_schema(seed_json, validate_report):
    validate_report(seed_json)


def test_no_errors_on_seeds(seed_json):
    assert seed_json["summary"]["error"] == 0, [f["message"] for f in seed_json["findings"]
                                                if f["severity"] == "error"]


def test_within_source_transliteration_is_a_warning(seed_json):
    hits = find(seed_json, "spelling-variant", "Maryna Vasileuskaya", "Marina Vasilevskaya",
                severity="warning")
    assert [sources(f) for f in hits] == [{SOURCE["000"]}]


def test_cross_source_variants_are_notes(seed_json):
    hits = find(seed_json, "spelling-variant", "Tracy Caldwell Dyson", "Tracy Caldwell-Dyson",
                "Tracy Dyson", severity="info")
    assert len(hits) == 1
    assert sources(hits[0]) == {SOURCE["000"], SOURCE["001"], SOURCE["002"]}


def test_spacecraft_field_naming_next_mission(seed_json):
    [hit] = find(seed_json, "identifier-conflict", "Spacecraft: Soyuz MS-25 No. 755")
    assert hit["severity"] == "warning"
    assert "No. 756" in texts(hit)
    assert "Next Mission" in hit["message"]


def test_launch_and_arrival_are_a_note_never_a_conflict(seed_json):
    [hit] = find(seed_json, "cross-event", "23 March 2024", "March 25, 2024")
    assert hit["severity"] == "info"
    assert "different events" in hit["message"]


def test_anachronism_in_dated_news(seed_json):
    [hit] = find(seed_json, "anachronism", "will transport", "2023-11-17", "15 September 2023")
    assert hit["severity"] == "warning"


def test_374_days_is_a_stay_not_a_flight(seed_json):
    hits = [f for f in seed_json["findings"] if any("374 days" in t for t in texts(f))]
    assert hits and all(f["severity"] == "info" for f in hits)
    assert all("Oleg Kononenko" in f["message"] for f in hits)


def test_empty_fields_cite_the_whole_line(seed_json):
    lines = {t for f in seed_json["findings"] if f["rule"] == "field-quality" for t in texts(f)}
    assert {"Launch Date: UTC", "Landing Date: UTC", "Docking: UTC", "Apsis: gee",
            "Landing Site: Kazakh Steppe, Kazakhstan ()"} <= lines


def test_aborted_date_is_not_a_launch_date(seed_json):
    launches = [c for c in seed_json["claims"] if c["predicate"] == "launch" and c["text"] == "21 March 2024"]
    assert launches and all(c.get("modality") == "planned" for c in launches)


def test_saturday_resolves_against_the_date_line(seed_json):
    [sat] = {(c["value"], c.get("resolution")) for c in seed_json["claims"] if c["text"] == "Saturday"}
    assert sat[0] == "2024-04-06" and "2024-04-07" in sat[1]


def test_agreements_are_reported(seed_json):
    messages = [a["message"] for a in seed_json["agreements"]]
    assert any("agree on the landing of Soyuz MS-24" in m for m in messages)
    assert any("approximately 13 days" in m for m in messages)


def test_offsets_are_exact(seed_json):
    text = {s["id"]: (ROOT / s["path"]).read_text(encoding="utf-8") for s in seed_json["sources"]}
    spans = [c for c in seed_json["claims"]] + [e for f in seed_json["findings"] for e in f["evidence"]]
    spans += [m for e in seed_json["entities"] for m in e["mentions"]]
    for s in spans:
        assert text[s["source"]][s["start"]:s["end"]] == s["text"]


def test_same_input_same_bytes(seed_report):
    import reconcile

    again = reconcile.check([str(p) for p in sorted(SEEDS.glob("*.txt"), reverse=True)])
    assert again.to_json() == seed_report.to_json()
