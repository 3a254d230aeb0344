"""HTML view: one self-contained page a fact-checker can open from disk and read in seconds.

The page is built from a Jinja2 template with autoescape on; everything from a source, a file
name or a message goes through it (or through markupsafe.escape in the two helpers that build
markup in Python for speed: the timeline SVG and the per-source text). A Content-Security-Policy
forbids every network fetch; the one inline script and style are allowed by their sha256
hashes, computed here. Large reports stay fast: only the first `page` findings are rendered as
elements, the others travel as pre-escaped HTML strings in a JSON block and become elements
when the reader filters or asks for more.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace as NS
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from .. import __version__
from ..model import SEVERITY_RANK, Claim, DateValue, Finding, value_human
from ..report import Report
from ._common import (
    SEVERITIES,
    majority_note,
    norm_note,
    quote_context,
    rule_ids,
    source_label,
    sources_of,
)

TEMPLATES = Path(__file__).parent / "templates"
PAGE = 150  # findings rendered as elements up front, and shown per "show more"
DOC_CAP = 20_000  # characters of each source shown in the per-source view
MATRIX_CAP = 30  # sources in the agreement matrix
AGREEMENT_CAP = 3_000
PALETTE = 8


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["script_json"] = script_json
    return env


@lru_cache(maxsize=4)
def _asset(name: str) -> tuple[str, str]:
    """An inline asset's text and its CSP hash source ('sha256-...')."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return text, f"'sha256-{digest}'"


def script_json(value: Any) -> Markup:
    """JSON that is safe inside <script>: no `</script>`, `<!--` or line separators.

    Script data ends only at `</` + "script" and changes state only at `<!--`, so escaping `</`
    and `<!` is enough; escaping every `<` and `>` (as \\u003c) made the lazily shown cards
    of a large report half as big again, and the page slower to open.
    """
    text = json.dumps(str(value) if isinstance(value, Markup) else value,
                      ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("</", "<\\/"), ("<!", "\\u003c!"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return Markup(text)


def render_html(report: Report, page: int = PAGE) -> str:
    """The full interactive report as one HTML document (deterministic bytes)."""
    css, css_hash = _asset("report.css")
    js, js_hash = _asset("report.js")
    csp = (f"default-src 'none'; style-src {css_hash}; script-src {js_hash}; "
           "base-uri 'none'; form-action 'none'")
    page = max(1, page)
    suppressed = report.suppressed()
    if suppressed:  # they get their own folded section: the findings list is what is open
        report = replace(report, findings=report.open_findings())
    view = _View(report)
    groups, order = view.groups()
    cards = [view.card(f, i) for i, f in enumerate(order)]
    for c in cards[:page]:
        groups[c.group]["cards"].append(c)
    first_page = min(page, len(cards))
    data = {
        "page": first_page,
        "step": page,
        "f": [[c.id, c.severity, c.rule_index, c.source_index, c.group, c.search]
              for c in cards],
    }
    card = _env().get_template("_card.html.j2").module.card  # type: ignore[attr-defined]
    lazy = script_json([str(card(c)) for c in cards[first_page:]])
    # a group with no card on the first page draws its timeline only when first shown: a
    # large report has thousands of groups, and their SVG was most of the page's start-up
    timeline = _env().get_template("_timeline.html.j2").module.timeline  # type: ignore[attr-defined]
    timelines = script_json({str(g["index"]): str(timeline(g)) for g in groups
                             if g.get("timeline") and not g["cards"]})
    return _env().get_template("report.html.j2").render(
        r=report, version=__version__, csp=csp, css=Markup(css), js=Markup(js),
        groups=groups, lazy=lazy, timelines=timelines, data=data,
        summary=view.summary(), docs=view.documents(), entities=view.entities(),
        agreements=view.agreements(), severities=SEVERITIES,
        suppressed=[NS(f=f, s=f.suppression, entity=view.name(f.subject),
                       quotes=[(source_label(view.docs[e.source]), e.text) for e in f.evidence])
                    for f in suppressed],
    )


def render_html_compact(report: Report) -> str:
    """A short summary and a findings table, no script: for Jupyter's _repr_html_."""
    view = _View(report)
    rows = [{"f": f, "entity": view.name(f.subject),
             "quotes": [(source_label(report.source(e.source)), e.text) for e in f.evidence]}
            for f in sorted(report.findings, key=lambda f: (f.suppression is not None,
                                                            -SEVERITY_RANK[f.severity]))[:200]]
    return _env().get_template("compact.html.j2").render(
        r=report, counts=report.counts(), rows=rows, rest=max(0, len(report.findings) - 200))


class _View:
    """Indexes over a Report, computed once, that the template reads."""

    def __init__(self, report: Report) -> None:
        self.r = report
        self.src_index = {d.id: i for i, d in enumerate(report.sources)}
        self.rule_ids = rule_ids(report)
        self.rule_index = {r: i for i, r in enumerate(self.rule_ids)}
        self.rules = {r.id: r for r in report.rules}
        self.ents = {e.id: e for e in report.entities}
        self.docs = {d.id: d for d in report.sources}
        self._ctx: dict[tuple[str, int, int], Any] = {}

    def name(self, entity_id: str | None) -> str:
        ent = self.ents.get(entity_id) if entity_id else None
        return ent.name if ent else ("General" if entity_id is None else entity_id)

    # -- findings --------------------------------------------------------------------------
    def groups(self) -> tuple[list[dict], list[Finding]]:
        """Findings grouped by entity, worst groups first; "General" (no subject) last."""
        by: dict[str | None, list[Finding]] = defaultdict(list)
        for f in self.r.findings:
            by[f.subject].append(f)

        def key(item: tuple[str | None, list[Finding]]) -> tuple:
            subject, fs = item
            worst = max(SEVERITY_RANK[f.severity] for f in fs)
            return (subject is None, -worst, -len(fs), self.name(subject).casefold(),
                    subject or "")

        dates = self._date_claims()
        groups: list[dict] = []
        order: list[Finding] = []
        self._group_of: dict[str | None, int] = {}
        for k, (subject, fs) in enumerate(sorted(by.items(), key=key)):
            fs = sorted(fs, key=lambda f: -SEVERITY_RANK[f.severity])
            ent = self.ents.get(subject) if subject else None
            groups.append({
                "index": k, "name": self.name(subject), "type": ent.type if ent else "",
                "entity": ent.id if ent else None,
                "counts": Counter(f.severity for f in fs), "n": len(fs), "cards": [],
                "timeline": (timeline_svg(dates.get(subject, []), self,
                                          f"Dates stated for {self.name(subject)}")
                             if subject else None),
            })
            order.extend(fs)
            self._group_of[subject] = k
        return groups, order

    def card(self, f: Finding, i: int) -> NS:
        """What one finding's card shows (a namespace: plain attribute access is fastest in
        Jinja, and this runs 10,000 times for a big report)."""
        major = majority_note(f.evidence)
        quotes, search = [], [f.message, self.name(f.subject), f.rule]
        for ev in f.evidence:
            doc = self.docs[ev.source]
            key = (ev.source, ev.start, ev.end)
            ctx = self._ctx.get(key)
            if ctx is None:  # one claim is often cited by several findings
                ctx = self._ctx[key] = quote_context(doc.text, ev.start, ev.end)
            at = f"at-{self.src_index[doc.id]}-{ev.start}" if ev.start < DOC_CAP else None
            quotes.append(NS(doc=doc, colour=self.src_index[doc.id] % PALETTE, ctx=ctx, at=at,
                             note=ev.note,
                             majority=bool(major and ev.note and norm_note(ev.note) == major)))
            search += [ctx.before, ctx.quote, ctx.after, ev.note or "", source_label(doc)]
        rule = self.rules.get(f.rule)
        return NS(
            i=i, id=f.id, severity=f.severity, rule=f.rule,
            rule_index=self.rule_index[f.rule], code=rule.code if rule else "",
            rule_summary=rule.summary if rule else "", message=f.message,
            confidence=round(f.confidence * 100), quotes=quotes,
            source_index=sorted({self.src_index[s] for s in sources_of(f)}),
            group=self._group_of[f.subject], predicate=f.predicate,
            search=" ".join(search).lower(),
        )

    def _date_claims(self) -> dict[str | None, list[Claim]]:
        out: dict[str | None, list[Claim]] = defaultdict(list)
        for c in self.r.claims:
            if isinstance(c.value, DateValue) and c.subject:
                out[c.subject].append(c)
        return out

    # -- summary ---------------------------------------------------------------------------
    def summary(self) -> dict:
        r = self.r
        per_rule: dict[str, Counter] = defaultdict(Counter)
        for f in r.findings:
            per_rule[f.rule][f.severity] += 1
        agree_rule = Counter(a.rule for a in r.agreements)
        rules = [{"id": rid, "info": self.rules.get(rid), "counts": per_rule.get(rid, Counter()),
                  "agreements": agree_rule.get(rid, 0)} for rid in self.rule_ids]
        c_src = Counter(c.source for c in r.claims)
        f_src: Counter[int] = Counter()
        a_src: Counter[int] = Counter()
        pair_f: Counter[tuple[int, int]] = Counter()
        pair_a: Counter[tuple[int, int]] = Counter()
        for items, single, pair in ((r.findings, f_src, pair_f), (r.agreements, a_src, pair_a)):
            for item in items:
                ids = sorted({self.src_index[s] for s in sources_of(item)})
                single.update(ids)
                for x in range(len(ids)):
                    for y in range(x + 1, len(ids)):
                        pair[ids[x], ids[y]] += 1
        sources = [{"doc": d, "i": i, "colour": i % PALETTE, "claims": c_src[d.id],
                    "findings": f_src[i], "agreements": a_src[i]}
                   for i, d in enumerate(r.sources)]
        busiest = sorted(range(len(sources)), key=lambda i: (-f_src[i], -a_src[i], i))
        top_ids = sorted(busiest[:MATRIX_CAP])
        top = [sources[i] for i in top_ids]
        matrix = []
        for i in top_ids:
            row: list[dict[str, object] | None] = []
            for j in top_ids:
                if i == j:
                    row.append(None)
                    continue
                key = (min(i, j), max(i, j))
                nf, na = pair_f[key], pair_a[key]
                cls = ("m-mixed" if nf and na else "m-conflict" if nf else "m-agree" if na
                       else "m-none")
                row.append({"f": nf, "a": na, "cls": cls})
            matrix.append({"src": sources[i], "cells": row})
        return {"counts": r.counts(), "rules": rules, "sources": sources, "matrix": matrix,
                "matrix_cols": top, "matrix_cut": len(sources) - len(top)}

    # -- per-source text -------------------------------------------------------------------
    def documents(self) -> list[dict]:
        claims: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for c in self.r.claims:
            claims[c.source].append((c.span.start, c.span.end, "c",
                                     f"{c.predicate}: {value_human(c.value)}"))
        for f in self.r.findings:
            for ev in f.evidence:
                claims[ev.source].append((ev.start, ev.end, "f", f.id))
        out = []
        for i, d in enumerate(self.r.sources):
            out.append({"doc": d, "i": i, "colour": i % PALETTE,
                        "html": highlight(d.text, claims.get(d.id, []), DOC_CAP, str(i)),
                        "cut": max(0, len(d.text) - DOC_CAP),
                        "published": d.published.isoformat() if d.published else None})
        return out

    # -- entities and agreements -----------------------------------------------------------
    def entities(self) -> list[dict]:
        return [{"e": e, "mentions": len(e.mentions),
                 "sources": len({m.span.source for m in e.mentions})}
                for e in sorted(self.r.entities, key=lambda e: (e.name.casefold(), e.id))]

    def agreements(self) -> dict:
        by: dict[str | None, list] = defaultdict(list)
        shown = self.r.agreements[:AGREEMENT_CAP]
        for a in shown:
            by[a.subject].append({
                "a": a, "quotes": [(self.docs[e.source], e) for e in a.evidence]})
        groups = sorted(by.items(), key=lambda kv: (kv[0] is None, self.name(kv[0]).casefold()))
        return {"groups": [{"name": self.name(k), "items": v} for k, v in groups],
                "cut": len(self.r.agreements) - len(shown)}


def highlight(text: str, spans: list[tuple[int, int, str, str]], cap: int,
              anchor: str = "") -> Markup:
    """Text with claim spans in <mark> and finding evidence as stronger links, flattened.

    Spans may nest or overlap (an infobox line and the value inside it); cutting the text at
    every span boundary gives segments that each carry the set of spans covering them, so the
    markup never interleaves. Evidence wins over a plain claim and links to its finding; where
    evidence starts, the segment gets id="at-<anchor>-<offset>" so a finding can link back.
    """
    text = text[:cap]
    points = {0, len(text)}
    for s, e, _, _ in spans:
        if s < len(text) and e > s:
            points.update((s, min(e, len(text))))
    cuts = sorted(points)
    starts: dict[int, list] = defaultdict(list)
    for sp in spans:
        if sp[0] < len(text) and sp[1] > sp[0]:
            starts[sp[0]].append(sp)
    active: list[tuple[int, int, str, str]] = []
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [sp for sp in active if sp[1] > a] + starts.get(a, [])
        chunk = escape(text[a:b])
        if not active:
            out.append(chunk)
            continue
        finds = [sp[3] for sp in active if sp[2] == "f"]
        notes = sorted({sp[3] for sp in active if sp[2] == "c"})
        title = escape("; ".join(notes) or "cited by a finding")
        if finds:
            fid = min(finds)
            starts_here = anchor and any(sp[0] == a and sp[2] == "f" for sp in active)
            ident = Markup(' id="at-{}-{}"').format(anchor, a) if starts_here else ""
            out.append(Markup('<a class="ev"{} href="#f-{}" title="{}">{}</a>').format(
                ident, fid, Markup(title), chunk))
        else:
            out.append(Markup('<mark class="cl" title="{}">{}</mark>').format(Markup(title),
                                                                            chunk))
    return Markup("").join(out)


# -- timeline ----------------------------------------------------------------------------

_W, _LEFT, _RIGHT, _ROW, _TOP = 640, 130, 625, 28, 10


@lru_cache(maxsize=4096)
def _range(v: DateValue) -> tuple[int, int]:
    """First and last day (ordinals) a date of this precision covers."""
    if v.month and v.day:
        d = dt.date(v.year, v.month, v.day).toordinal()
        return d, d
    if v.month:
        first = dt.date(v.year, v.month, 1)
        nxt = dt.date(v.year + (v.month == 12), v.month % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    return dt.date(v.year, 1, 1).toordinal(), dt.date(v.year, 12, 31).toordinal()


def _ticks(lo: float, hi: float) -> list[tuple[int, str]]:
    """At most about six axis ticks on round dates (days, months or years apart)."""
    span = hi - lo
    first, last = dt.date.fromordinal(int(lo) + 1), dt.date.fromordinal(int(hi))
    for step in (1, 2, 7, 14):
        if span / step <= 6:
            return [(d, dt.date.fromordinal(d).isoformat())
                    for d in range(int(lo) + 1, int(hi) + 1, step)]
    for months in (1, 2, 3, 6):
        if span / (30.4 * months) <= 6:
            out: list[tuple[int, str]] = []
            y, m = first.year, first.month
            while True:
                m += 1
                if m > 12:
                    y, m = y + 1, 1
                if (m - 1) % months:
                    continue
                d = dt.date(y, m, 1)
                if d > last:
                    return out
                out.append((d.toordinal(), f"{y:04d}-{m:02d}"))
    step = next((s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if span / 365 / s <= 6),
                2000)
    return [(dt.date(y, 1, 1).toordinal(), f"{y:04d}")
            for y in range((first.year // step + 1) * step, last.year + 1, step)]


def _date(c: Claim) -> DateValue:
    """The value of a claim from _View._date_claims, which holds only DateValue claims."""
    assert isinstance(c.value, DateValue)
    return c.value


def timeline_svg(claims: list[Claim], view: _View, label: str) -> dict | None:
    """One row per predicate, one mark per source at its date: conflicts show as a spread.

    Day-precise dates are dots; a month or a year is drawn as a bar over the days it covers,
    so "March 2024" visibly agrees with "23 March 2024". Planned or aborted dates are hollow.
    """
    claims = [c for c in claims if 1 <= _date(c).year <= 9999]
    if not claims:
        return None
    rows: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        rows[c.predicate].append(c)
    names = sorted(rows, key=lambda p: min(_range(c.value)[0] for c in rows[p]))[:12]
    lo: float = min(_range(c.value)[0] for p in names for c in rows[p])
    hi: float = max(_range(c.value)[1] for p in names for c in rows[p])
    if hi - lo < 6:
        lo, hi = lo - 3, hi + 3
    pad = (hi - lo) * 0.04
    lo, hi = max(1, lo - pad), min(dt.date.max.toordinal() - 1, hi + pad)

    def x(day: float) -> float:
        return round(_LEFT + (day - lo) * (_RIGHT - _LEFT) / (hi - lo), 1)

    height = _TOP + len(names) * _ROW + 30
    out = [f'<svg viewBox="0 0 {_W} {height}" role="img" aria-label="{escape(label)}">']
    axis_y = _TOP + len(names) * _ROW
    for day, text in _ticks(lo, hi):
        tx = x(day)
        out.append(f'<line class="grid" x1="{tx}" y1="{_TOP}" x2="{tx}" y2="{axis_y}"/>'
                   f'<text x="{tx}" y="{axis_y + 16}" text-anchor="middle">{text}</text>')
    out.append(f'<line class="axis" x1="{_LEFT}" y1="{axis_y}" x2="{_RIGHT}" y2="{axis_y}"/>')
    for row, pred in enumerate(names):
        cy = _TOP + row * _ROW + _ROW / 2
        values = {_date(c).iso() for c in rows[pred]}
        cls = "row conflict" if len(values) > 1 else "row"
        out.append(f'<g class="{cls}" data-predicate="{escape(pred)}"><text class="lab" '
                   f'x="{_LEFT - 8}" y="{cy + 4}" '
                   f'text-anchor="end">{escape(pred[:18])}</text>')
        placed: list[float] = []
        seen: set[tuple] = set()
        for c in sorted(rows[pred], key=lambda c: (_range(c.value), view.src_index[c.source])):
            if (c.source, c.value, c.modality) in seen:  # an infobox and prose saying the same
                continue
            seen.add((c.source, c.value, c.modality))
            a, b = _range(c.value)
            xa, xb = x(a), x(b + 1) if b > a else x(a)
            near = sum(1 for p in placed if abs(p - xa) < 7)
            placed.append(xa)
            near = min(near, 4)  # 0, -6, +6, -12, +12: stacked marks stay apart
            dy = (near + 1) // 2 * 6 * (1 if near % 2 == 0 else -1)
            colour = view.src_index[c.source] % PALETTE
            doc = view.docs[c.source]
            tip = escape(f"{source_label(doc)}: {value_human(c.value)} — “{c.span.text}”"
                         + (f" ({c.modality})" if c.modality != "stated" else ""))
            hollow = " hollow" if c.modality in ("planned", "aborted", "future") else ""
            hook = f'data-date="{_date(c).iso()}" data-source="{view.src_index[c.source]}"'
            if b > a:
                out.append(f'<rect class="range c{colour}{hollow}" {hook} x="{xa}" '
                           f'y="{cy - 5 + dy}" width="{max(xb - xa, 3)}" height="10" rx="3">'
                           f'<title>{tip}</title></rect>')
            else:
                out.append(f'<circle class="c{colour}{hollow}" {hook} cx="{xa}" '
                           f'cy="{cy + dy}" r="5"><title>{tip}</title></circle>')
        out.append("</g>")
    out.append("</svg>")
    present = sorted({view.src_index[c.source] for p in names for c in rows[p]})
    legend = [(i % PALETTE, source_label(view.r.sources[i])) for i in present]
    return {"svg": Markup("".join(out)), "legend": legend}
