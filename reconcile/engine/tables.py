"""The audit's outputs: Parquet and CSV tables, summary.json, an HTML index with a page per
entity group. Tables are pandas frames with Arrow-backed columns."""

from __future__ import annotations

import html
import json
import os
import re
from collections import defaultdict

import pandas as pd
import pyarrow as pa

from ..cli import write_atomic
from ..model import value_to_json
from ..report import Report

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _frame(columns: dict[str, tuple[pa.DataType, list]]) -> pd.DataFrame:
    table = pa.table({name: pa.array(values, type=t) for name, (t, values) in columns.items()})
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def findings_frame(report: Report) -> pd.DataFrame:
    fs = report.findings
    codes = {r.id: r.code for r in report.rules}
    names = {e.id: e.name for e in report.entities}
    s, lst = pa.string(), pa.list_(pa.string())
    return _frame({
        "id": (s, [f.id for f in fs]),
        "rule": (s, [f.rule for f in fs]),
        "code": (s, [codes.get(f.rule) for f in fs]),
        "severity": (s, [f.severity for f in fs]),
        "subject": (s, [f.subject for f in fs]),
        "subject_name": (s, [names.get(f.subject or "") for f in fs]),
        "predicate": (s, [f.predicate for f in fs]),
        "message": (s, [f.message for f in fs]),
        "confidence": (pa.float64(), [f.confidence for f in fs]),
        "sources": (lst, [sorted({e.source for e in f.evidence}) for f in fs]),
        "quotes": (lst, [[e.text for e in f.evidence] for f in fs]),
        "evidence": (s, [json.dumps([e.to_json() for e in f.evidence], ensure_ascii=False)
                         for f in fs]),
    })


def claims_frame(report: Report) -> pd.DataFrame:
    cs = report.claims
    s, i = pa.string(), pa.int64()
    return _frame({
        "id": (s, [c.id for c in cs]),
        "source": (s, [c.source for c in cs]),
        "subject": (s, [c.subject for c in cs]),
        "predicate": (s, [c.predicate for c in cs]),
        "value": (s, [json.dumps(value_to_json(c.value), ensure_ascii=False) for c in cs]),
        "text": (s, [c.span.text for c in cs]),
        "start": (i, [c.span.start for c in cs]),
        "end": (i, [c.span.end for c in cs]),
        "modality": (s, [c.modality for c in cs]),
        "qualifier": (s, [c.qualifier for c in cs]),
        "field": (s, [c.field for c in cs]),
    })


def entities_frame(report: Report) -> pd.DataFrame:
    es = report.entities
    s = pa.string()
    return _frame({
        "id": (s, [e.id for e in es]),
        "type": (s, [e.type for e in es]),
        "name": (s, [e.name for e in es]),
        "variants": (pa.list_(s), [list(e.variants) for e in es]),
        "mentions": (pa.int64(), [len(e.mentions) for e in es]),
        "sources": (pa.int64(), [len({m.span.source for m in e.mentions}) for e in es]),
    })


def neutralise(value: object) -> object:
    """Keep a spreadsheet from reading a cell as a formula: prefix a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(frame: pd.DataFrame, path: str) -> None:
    out = pd.DataFrame({
        col: [neutralise("; ".join(v) if isinstance(v, list) else v)
              for v in frame[col].tolist()]
        for col in frame.columns
    }, columns=frame.columns)
    write_atomic(path, out.to_csv(index=False, lineterminator="\n"))


def write_parquet(frame: pd.DataFrame, path: str) -> None:
    """Plain Arrow schema, no pandas metadata: pandas cannot read back its own ArrowDtype list
    metadata; read with pd.read_parquet(path, dtype_backend="pyarrow")."""
    import pyarrow.parquet as pq

    tmp = path + ".tmp"
    table = pa.Table.from_pandas(frame, preserve_index=False).replace_schema_metadata(None)
    pq.write_table(table, tmp)
    os.replace(tmp, path)


# ---- HTML: an index and one small page per entity group ---------------------------------------

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1a1a1a}}table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ccc;
padding:.3rem .5rem;text-align:left;vertical-align:top}}.error{{color:#a00000}}
.warning{{color:#7a4d00}}.info{{color:#1f4e79}}q{{background:#fff3b0}}small{{color:#555}}
</style></head><body>{body}</body></html>
"""


def _esc(text: object) -> str:
    return html.escape("" if text is None else str(text))


def slug(text: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "group"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def write_html(report: Report, out_dir: str, summary: dict) -> int:
    """index.html plus entities/<slug>.html per entity with findings; returns the page count."""
    names = {e.id: e for e in report.entities}
    groups: dict[str, list] = defaultdict(list)
    for f in report.findings:
        key = f.subject if f.subject in names else \
            "source:" + (f.evidence[0].source if f.evidence else "none")
        groups[key].append(f)
    os.makedirs(os.path.join(out_dir, "entities"), exist_ok=True)
    used: set[str] = set()
    rows = []
    rank = {"error": 0, "warning": 1, "info": 2}
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        fs = sorted(groups[key], key=lambda f: (rank[f.severity], f.rule, f.id))
        ent = names.get(key)
        title = ent.name if ent else f"Source {key[7:]}"
        page = slug(f"{title}-{key}", used) + ".html"
        items = []
        for f in fs:
            quotes = "".join(f"<li><small>{_esc(e.source)}</small> <q>{_esc(e.text)}</q></li>"
                             for e in f.evidence)
            items.append(f"<tr><td class='{f.severity}'>{f.severity}</td><td>{_esc(f.rule)}</td>"
                         f"<td>{_esc(f.message)}<ul>{quotes}</ul></td></tr>")
        extra = f"<p>Also written: {_esc(', '.join(ent.variants))}</p>" if ent and \
            len(ent.variants) > 1 else ""
        body = (f"<p><a href='../index.html'>All entities</a></p><h1>{_esc(title)}</h1>{extra}"
                f"<table><tr><th>Severity</th><th>Rule</th><th>Finding</th></tr>"
                f"{''.join(items)}</table>")
        with open(os.path.join(out_dir, "entities", page), "w", encoding="utf-8") as fh:
            fh.write(PAGE.format(title=_esc(title), body=body))  # index.html is written last
        counts = {s: sum(f.severity == s for f in fs) for s in rank}
        rows.append(f"<tr><td><a href='entities/{page}'>{_esc(title)}</a></td>"
                    f"<td>{counts['error']}</td><td>{counts['warning']}</td>"
                    f"<td>{counts['info']}</td></tr>")
    problems = "".join(f"<li>{_esc(p['path'])}: {_esc(p['message'])}</li>"
                       for p in summary["problems"][:1000])
    body = (f"<h1>Audit of {summary['documents']:,} documents</h1>"
            f"<p>{summary['findings']:,} findings: {summary['by_severity']['error']:,} errors, "
            f"{summary['by_severity']['warning']:,} warnings, {summary['by_severity']['info']:,} "
            f"notes, about {len(groups):,} entities and sources. Tables: "
            "<a href='findings.csv'>findings.csv</a>, findings.parquet, claims.parquet, "
            "entities.parquet, <a href='summary.json'>summary.json</a>.</p>"
            + (f"<h2>Unreadable inputs</h2><ul>{problems}</ul>" if problems else "")
            + "<table><tr><th>Entity</th><th>Errors</th><th>Warnings</th><th>Notes</th></tr>"
            + "".join(rows) + "</table>")
    write_atomic(os.path.join(out_dir, "index.html"), PAGE.format(title="reconcile audit",
                                                                  body=body))
    return len(groups)
