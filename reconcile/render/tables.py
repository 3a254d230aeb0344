"""A report as tables: findings, claims and entities as Arrow tables (written as CSV with
spreadsheet formulas neutralised, or Parquet, with no pandas round trip) and as pandas frames
with Arrow-backed columns for callers who want frames.

pandas and pyarrow are an optional extra (`pip install reconcile[tables]`); nothing else in a
check imports this module."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Any

import pandas as pd
import pyarrow as pa

from ..cli import write_atomic
from ..model import DateValue, Value, value_to_json
from ..report import Report

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


BATCH_ROWS = 65_536

Column = tuple[str, pa.DataType, Callable[[Any], object]]


def _batches(rows: Sequence[Any], columns: list[Column],
             size: int = BATCH_ROWS) -> Iterator[pa.RecordBatch]:
    """The rows as record batches of `size`: the cells of a million-row table exist as Python
    objects a batch at a time (whole, they were an eighth of a 100k-document audit's peak)."""
    schema = pa.schema([(name, t) for name, t, _ in columns])
    for at in range(0, len(rows), size):
        part = rows[at:at + size]
        yield pa.record_batch([pa.array([get(r) for r in part], type=t)
                               for _, t, get in columns], schema=schema)
    if not rows:
        yield pa.record_batch([pa.array([], type=t) for _, t, _ in columns], schema=schema)


def _table(rows: Sequence[Any], columns: list[Column]) -> pa.Table:
    return pa.Table.from_batches(list(_batches(rows, columns)))


def _frame(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _as_table(data: pa.Table | pd.DataFrame) -> pa.Table:
    return data if isinstance(data, pa.Table) else pa.Table.from_pandas(data, preserve_index=False)


def findings_frame(report: Report) -> pd.DataFrame:
    return _frame(findings_table(report))


def claims_frame(report: Report) -> pd.DataFrame:
    return _frame(claims_table(report))


def entities_frame(report: Report) -> pd.DataFrame:
    return _frame(entities_table(report))


def findings_table(report: Report) -> pa.Table:
    codes = {r.id: r.code for r in report.rules}
    names = {e.id: e.name for e in report.entities}
    s, lst = pa.string(), pa.list_(pa.string())
    return _table(report.findings, [
        ("id", s, attrgetter("id")), ("rule", s, attrgetter("rule")),
        ("code", s, lambda f: codes.get(f.rule)), ("severity", s, attrgetter("severity")),
        ("subject", s, attrgetter("subject")),
        ("subject_name", s, lambda f: names.get(f.subject or "")),
        ("predicate", s, attrgetter("predicate")), ("message", s, attrgetter("message")),
        ("confidence", pa.float64(), attrgetter("confidence")),
        ("sources", lst, lambda f: sorted({e.source for e in f.evidence})),
        ("quotes", lst, lambda f: [e.text for e in f.evidence]),
        ("evidence", s, lambda f: json.dumps([e.to_json() for e in f.evidence],
                                             ensure_ascii=False)),
    ])


def _value_json(value: Value) -> str:
    if isinstance(value, DateValue):  # most values: an ISO date has nothing to escape
        return f'"{value.iso()}"'
    return json.dumps(value_to_json(value), ensure_ascii=False)


def _claim_columns() -> list[Column]:
    s, i = pa.string(), pa.int64()
    return [("id", s, attrgetter("id")), ("source", s, attrgetter("source")),
            ("subject", s, attrgetter("subject")), ("predicate", s, attrgetter("predicate")),
            ("value", s, lambda c: _value_json(c.value)), ("text", s, attrgetter("span.text")),
            ("start", i, attrgetter("span.start")), ("end", i, attrgetter("span.end")),
            ("modality", s, attrgetter("modality")), ("qualifier", s, attrgetter("qualifier")),
            ("field", s, attrgetter("field"))]


def claims_batches(report: Report) -> Iterator[pa.RecordBatch]:
    """The claims table a batch at a time, for writing a large audit's claims.parquet."""
    return _batches(report.claims, _claim_columns())


def claims_table(report: Report) -> pa.Table:
    return _table(report.claims, _claim_columns())


def entities_table(report: Report) -> pa.Table:
    s = pa.string()
    return _table(report.entities, [
        ("id", s, attrgetter("id")), ("type", s, attrgetter("type")),
        ("name", s, attrgetter("name")),
        ("variants", pa.list_(s), lambda e: list(e.variants)),
        ("mentions", pa.int64(), lambda e: len(e.mentions)),
        ("sources", pa.int64(), lambda e: len({m.span.source for m in e.mentions})),
    ])


def neutralise(value: object) -> object:
    """Keep a spreadsheet from reading a cell as a formula: prefix a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell(value: object) -> object:
    if isinstance(value, list):
        return neutralise("; ".join(value))
    if value is None or value is pd.NA or isinstance(value, float) and value != value:
        return ""  # a missing value, as pandas wrote it
    return neutralise(value)


def _csv_parts(data: pa.Table | pd.DataFrame) -> Iterator[str]:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    # Arrow lists the columns' values several times faster than the pandas Series does; a
    # few thousand rows at a time, so that neither the cells nor the text of a large table
    # ever exist whole
    table = _as_table(data)
    out.writerow(table.column_names)
    for batch in table.to_batches(max_chunksize=4096):
        values = [c.to_pylist() for c in batch.columns]
        out.writerows([_cell(v) for v in row] for row in zip(*values, strict=True))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def csv_text(frame: pa.Table | pd.DataFrame) -> str:
    """The frame as CSV, lists joined with '; ' and formula-like cells neutralised.

    Written with the csv module pandas' to_csv uses, with the same dialect, but without
    building a second frame of the cells first (most of the time of a large audit's CSV)."""
    return "".join(_csv_parts(frame))


def write_csv(frame: pa.Table | pd.DataFrame, path: str) -> None:
    write_atomic(path, _csv_parts(frame))


def write_parquet(frame: pa.Table | pd.DataFrame | Iterator[pa.RecordBatch], path: str) -> None:
    """Plain Arrow schema, no pandas metadata: pandas cannot read back its own ArrowDtype list
    metadata; read with pd.read_parquet(path, dtype_backend="pyarrow"). Batches are written as
    they come, one row group each, so a large table never exists whole."""
    import pyarrow.parquet as pq

    tmp = path + ".tmp"
    if isinstance(frame, (pa.Table, pd.DataFrame)):
        pq.write_table(_as_table(frame).replace_schema_metadata(None), tmp)
    else:
        first = next(frame)
        with pq.ParquetWriter(tmp, first.schema) as out:
            out.write_batch(first)
            for batch in frame:
                out.write_batch(batch)
    os.replace(tmp, path)


