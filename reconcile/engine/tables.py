"""The audit's outputs: the report's tables (see `reconcile.render.tables`), summary.json and
an HTML index with a page per entity group."""

from __future__ import annotations

import html
import os
import re
from collections import defaultdict

from ..cli import write_atomic
from ..render.tables import (
    claims_batches,
    entities_table,
    findings_table,
    write_csv,
    write_parquet,
)
from ..report import Report
from .forked import run_shared

# The tables and pages are written on two cores from this many claims on (about 3,500 generated
# documents). Measured on two free cores: at 10,000 documents (58,000 claims) the write took
# 0.74-1.09 s on one core and 0.57-1.01 s on two (medians 0.96 and 0.67 s); at 3,000 0.29-0.34
# and 0.20-0.28 s; at 1,000 0.07-0.12 s either way: fewer claims, and the fork eats the gain.
FORK_CLAIMS = 20_000


def write_all(report: Report, out_dir: str, summary: dict, jobs: int = 1) -> int:
    """The tables and the pages, shared by `jobs` processes (forked.run_shared) when the
    report is large; returns the page count. Four pieces, the longest first: at 10,000
    documents pages 0.27 s, findings 0.24 s, claims 0.23 s, entities 0.06 s."""
    def piece(k: int) -> int:
        if k == 0:
            return write_html(report, out_dir, summary)
        if k == 1:
            findings = findings_table(report)
            write_parquet(findings, os.path.join(out_dir, "findings.parquet"))
            write_csv(findings, os.path.join(out_dir, "findings.csv"))
        elif k == 2:
            write_parquet(claims_batches(report), os.path.join(out_dir, "claims.parquet"))
        else:
            write_parquet(entities_table(report), os.path.join(out_dir, "entities.parquet"))
        return 0

    return run_shared(piece, 4, jobs if len(report.claims) >= FORK_CLAIMS else 1)[0]


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


def _quotes(evidence: tuple) -> str:
    return "".join(f"<li><small>{_esc(e.source)}</small> <q>{_esc(e.text)}</q></li>"
                   for e in evidence)


def write_html(report: Report, out_dir: str, summary: dict) -> int:
    """index.html plus entities/<slug>.html per entity with findings; returns the page count.
    A page shows what disagrees and, below it, what was checked about the entity and found
    consistent, each with the words of every source."""
    names = {e.id: e for e in report.entities}
    groups: dict[str, list] = defaultdict(list)
    for f in report.findings:
        key = f.subject if f.subject in names else \
            "source:" + (f.evidence[0].source if f.evidence else "none")
        groups[key].append(f)
    agreed: dict[str, list] = defaultdict(list)
    for a in report.agreements:
        if a.subject in groups:
            agreed[a.subject].append(a)
    os.makedirs(os.path.join(out_dir, "entities"), exist_ok=True)
    used: set[str] = set()
    rows = []
    rank = {"error": 0, "warning": 1, "info": 2}
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        fs = sorted(groups[key], key=lambda f: (rank[f.severity], f.rule, f.id))
        ent = names.get(key)
        title = ent.name if ent else f"Source {key[7:]}"
        page = slug(f"{title}-{key}", used) + ".html"
        items = [f"<tr><td class='{f.severity}'>{f.severity}</td><td>{_esc(f.rule)}</td>"
                 f"<td>{_esc(f.message)}<ul>{_quotes(f.evidence)}</ul></td></tr>" for f in fs]
        consistent = "".join(f"<tr><td>{_esc(a.rule)}</td><td>{_esc(a.message)}"
                             f"<ul>{_quotes(a.evidence)}</ul></td></tr>"
                             for a in sorted(agreed.get(key, ()), key=lambda a: (a.rule, a.id)))
        extra = f"<p>Also written: {_esc(', '.join(ent.variants))}</p>" if ent and \
            len(ent.variants) > 1 else ""
        body = (f"<p><a href='../index.html'>All entities</a></p><h1>{_esc(title)}</h1>{extra}"
                f"<table><tr><th>Severity</th><th>Rule</th><th>Finding</th></tr>"
                f"{''.join(items)}</table>"
                + (f"<h2>Checked and consistent</h2><table><tr><th>Rule</th><th>Agreement</th>"
                   f"</tr>{consistent}</table>" if consistent else ""))
        with open(os.path.join(out_dir, "entities", page), "w", encoding="utf-8") as fh:
            fh.write(PAGE.format(title=_esc(title), body=body))  # index.html is written last
        counts = {s: sum(f.severity == s for f in fs) for s in rank}
        rows.append(f"<tr><td><a href='entities/{page}'>{_esc(title)}</a></td>"
                    f"<td>{counts['error']}</td><td>{counts['warning']}</td>"
                    f"<td>{counts['info']}</td><td>{len(agreed.get(key, ()))}</td></tr>")
    problems = "".join(f"<li>{_esc(p['path'])}: {_esc(p['message'])}</li>"
                       for p in summary["problems"][:1000])
    body = (f"<h1>Audit of {summary['documents']:,} documents</h1>"
            f"<p>{summary['findings']:,} findings: {summary['by_severity']['error']:,} errors, "
            f"{summary['by_severity']['warning']:,} warnings, {summary['by_severity']['info']:,} "
            f"notes, about {len(groups):,} entities and sources. Tables: "
            "<a href='findings.csv'>findings.csv</a>, findings.parquet, claims.parquet, "
            "entities.parquet, <a href='summary.json'>summary.json</a>.</p>"
            + (f"<h2>Unreadable inputs</h2><ul>{problems}</ul>" if problems else "")
            + f"<p>{summary['agreements']:,} facts were checked and found consistent; an "
            "entity's page lists those about it under its findings.</p>"
            + "<table><tr><th>Entity</th><th>Errors</th><th>Warnings</th><th>Notes</th>"
            "<th>Consistent</th></tr>"
            + "".join(rows) + "</table>")
    write_atomic(os.path.join(out_dir, "index.html"), PAGE.format(title="reconcile audit",
                                                                  body=body))
    return len(groups)
