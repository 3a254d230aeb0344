"""Claim records in JSON Lines: other tools' claims checked beside prose sources, spans true to
the file, broken lines reported by number, and any record read back as written."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import reconcile
from reconcile.cli import cli
from reconcile.extract import extract
from reconcile.read import detect_format, read_paths

FORMATS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def _spans_true(report_json: dict, paths: dict[str, str]) -> None:
    for c in report_json["claims"]:
        text = Path(paths[c["source"]]).read_text(encoding="utf-8")
        assert text[c["start"]:c["end"]] == c["text"], c


def test_records_join_prose_sources_and_conflict(validate_report):
    paths = [str(FORMATS / "bridge_claims.jsonl"), str(FORMATS / "bridge_collapse.wiki")]
    out = json.loads(reconcile.check(paths).to_json())
    validate_report(out)
    _spans_true(out, {s["id"]: s["path"] for s in out["sources"]})
    kinds = {s["id"]: s["kind"] for s in out["sources"]}
    assert kinds == {"bridge_claims.river-herald": "claims", "bridge_claims.wire-desk": "claims",
                     "bridge_collapse": "wiki"}
    conflicts = [f for f in out["findings"] if f["rule"] == "value-conflict"]
    assert [f["predicate"] for f in conflicts] == ["opening"]
    quoted = {(e["source"], e["text"]) for e in conflicts[0]["evidence"]}
    assert ("bridge_claims.river-herald", "opened in June 1986") in quoted
    assert ("bridge_collapse", "{{Start date|1987|6|21|df=yes}}") in quoted
    assert "2 of 3 sources back 21 June 1987" in conflicts[0]["message"]
    # "collapsed in March 2019" is the same fact at month precision: no finding on it
    assert not [f for f in out["findings"] if f["predicate"] == "collapse"]


def test_escaped_quote_is_cited_as_written():
    docs, problems = read_paths([str(FORMATS / "bridge_claims.jsonl")])
    report = reconcile.api.check_documents(docs, problems)
    death = next(c for c in report.claims if c.predicate == "death")
    assert death.span.text == 'Cardoso died on 5 December 2000, \\"aged 87\\"'
    assert death.value.iso() == "2000-12-05"


def test_broken_lines_are_reported_by_number_and_the_rest_is_read(tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text(
        '{"source": "a", "subject": "Lake Orto Dam", "predicate": "opening", "value": "1961"}\n'
        '{"source": "a", "subject": "Lake Orto Dam", "predicate": "opening", "value": \n'
        '{"source": "a", "subject": "Lake Orto Dam", "value": "1962"}\n'
        '{"source": "b", "subject": "Lake Orto Dam", "predicate": "opening", "value": true}\n'
        '{"source": "b", "subject": "Lake Orto Dam", "predicate": "opening", "value": "1963"}\n',
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    out = json.loads(result.stdout)
    assert result.exit_code == 2  # some input failed, the rest was still checked
    reasons = [line[line.index("claims.jsonl: ") + 14:] for line in result.stderr.splitlines()
               if "claims.jsonl: line " in line]
    assert any(r.startswith("line 2: not JSON") for r in reasons), reasons
    assert any(r == 'line 3: no "predicate"' for r in reasons), reasons
    assert any(r.startswith('line 4: "value" must be') for r in reasons), reasons
    assert sorted(c["value"] for c in out["claims"]) == ["1961", "1963"]
    assert [f["rule"] for f in out["findings"]] == ["value-conflict"]


def test_detected_by_content_not_name(tmp_path):
    record = '{"subject": "Orto Dam", "predicate": "opening", "value": "1961"}\n'
    assert detect_format(record, "notes.txt") == "claims"
    assert detect_format('{"id": 1, "text": "a document"}\n', "docs.jsonl") != "claims"
    (tmp_path / "notes.txt").write_text(record, encoding="utf-8")
    docs, problems = read_paths([str(tmp_path / "notes.txt")])
    assert not problems and [d.kind for d in docs] == ["claims"] and docs[0].id == "notes"


_subjects = st.sampled_from(["Orto Dam", "Lena Kovač", "Flight 9", "the “Reds”", 'A "quoted" name'])
_dates = st.dates().map(lambda d: d.isoformat()) | st.integers(1000, 2999).map(str) \
    | st.dates().map(lambda d: d.isoformat()[:7])
_numbers = st.integers(-10**9, 10**9) | st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 3))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["x", "y"]), _subjects,
                          st.one_of(st.tuples(st.just("opening"), _dates),
                                    st.tuples(st.just("length"), _numbers))),
                min_size=1, max_size=6))
def test_any_record_reads_back_as_written(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("claims") / "c.jsonl"
    lines = [json.dumps({"source": s, "subject": subj, "predicate": p, "value": v, "text": f"{v}"},
                        ensure_ascii=bool(len(subj) % 2)) for s, subj, (p, v) in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = read_paths([str(path)])
    assert not problems
    claims = [c for d in docs for c in extract(d).claims]
    assert len(claims) == len(rows)
    text = path.read_text(encoding="utf-8")
    for c in claims:
        assert text[c.span.start:c.span.end] == c.span.text
    back = sorted((c.predicate, json.dumps(_plain(c.value))) for c in claims)
    assert back == sorted((p, json.dumps(v)) for _, _, (p, v) in rows)


def _plain(value):
    from reconcile.model import DateValue, Quantity

    if isinstance(value, DateValue):
        return value.iso()
    if isinstance(value, Quantity):
        return int(value.value) if value.decimals == 0 else value.value
    return value


def test_a_money_range_reads_back_as_a_report_writes_it(tmp_path):
    record = ('{"subject": "Orto Dam", "predicate": "cost", "value": {"value": 3000000, '
              '"high": 4000000, "unit": "USD"}, "modality": "estimated"}\n')
    (tmp_path / "costs.jsonl").write_text(record, encoding="utf-8")
    [doc], problems = read_paths([str(tmp_path / "costs.jsonl")])
    [claim] = extract(doc).claims
    assert claim.to_json()["value"] == {"value": 3000000, "high": 4000000, "unit": "USD"}
    assert claim.modality == "estimated"
