"""The report as tables: the frames hold exactly what the JSON holds, and Parquet round-trips."""

from __future__ import annotations

import io
import json

import pandas as pd

from reconcile.render.tables import csv_text, write_parquet


def test_frames_match_the_json(seed_report, seed_json):
    findings = seed_report.findings_frame()
    assert findings["id"].tolist() == [f["id"] for f in seed_json["findings"]]
    assert findings["quotes"].tolist() == [[e["text"] for e in f["evidence"]]
                                           for f in seed_json["findings"]]
    claims = seed_report.claims_frame()
    assert [json.loads(v) for v in claims["value"]] == [c["value"] for c in seed_json["claims"]]
    assert (claims["start"].tolist(), claims["end"].tolist()) == (
        [c["start"] for c in seed_json["claims"]], [c["end"] for c in seed_json["claims"]])
    entities = seed_report.entities_frame()
    assert entities["name"].tolist() == [e["name"] for e in seed_json["entities"]]


def test_parquet_round_trip(seed_report, tmp_path):
    frame = seed_report.findings_frame()
    path = tmp_path / "findings.parquet"
    write_parquet(frame, str(path))
    back = pd.read_parquet(path, dtype_backend="pyarrow")
    assert back["id"].tolist() == frame["id"].tolist()
    assert back["quotes"].tolist() == frame["quotes"].tolist()


def test_csv_keeps_every_finding_and_neutralises_formulas(seed_report):
    frame = seed_report.findings_frame()
    frame.loc[0, "message"] = "=HYPERLINK(1)"
    text = csv_text(frame)
    back = pd.read_csv(io.StringIO(text))
    assert back["id"].tolist() == frame["id"].tolist()
    assert back.loc[0, "message"].startswith("'=")


def test_claims_written_in_batches_read_back_as_one_table(seed_report, tmp_path):
    """An audit writes claims.parquet a batch at a time; batches of 7 rows (the seed report has
    dozens of claims) must give back exactly the table built whole, in order."""
    import pyarrow.parquet as pq

    from reconcile.render import tables

    whole = tables.claims_table(seed_report)
    batches = list(tables._batches(seed_report.claims, tables._claim_columns(), 7))
    assert len(batches) == -(-len(seed_report.claims) // 7) > 1
    path = tmp_path / "claims.parquet"
    write_parquet(iter(batches), str(path))
    back = pq.read_table(path)
    assert back.equals(whole)
    assert pq.ParquetFile(path).num_row_groups == len(batches)


def test_no_claims_still_writes_a_table_with_its_columns(tmp_path):
    from reconcile.render import tables

    path = tmp_path / "claims.parquet"
    write_parquet(tables._batches([], tables._claim_columns()), str(path))
    back = pd.read_parquet(path)
    assert len(back) == 0 and list(back.columns)[:3] == ["id", "source", "subject"]
