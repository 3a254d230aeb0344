"""Markdown view: a pull-request or talk-page comment a reviewer reads top to bottom.

A heading with the counts, one table row per finding, then each finding's quotes as
blockquotes. Source text is escaped for Markdown and inline HTML (a quote must never turn
into a link, an image or a broken table). Info findings fold into a <details> block, and the
list stops at `limit` findings because comment hosts cap comment size (GitHub: 65,536 chars).
"""

from __future__ import annotations

import re

from ..model import Finding
from ..report import Report
from ._common import (
    entity_name,
    majority_note,
    norm_note,
    quote_context,
    severity_order,
    source_label,
)

ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_BLOCK_START = re.compile(r"^(\s*\d*)([#+\-=.)])")


def md_escape(text: str, line_start: bool = False) -> str:
    """Escape text so Markdown and HTML read it literally, on one line.

    With line_start, also escape what would open a block there ("# x", "- x", "1. x").
    """
    text = re.sub(r"\s+", " ", text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if line_start:
        text = _BLOCK_START.sub(r"\1\\\2", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    """A file name as inline code; a backtick in the name would end the span early."""
    return "`" + re.sub(r"\s+", " ", text).replace("`", "'") + "`"


def render_markdown(report: Report, limit: int = 200) -> str:
    """The report as a Markdown comment (deterministic)."""
    counts = report.counts()
    names: dict = {}
    n_src = len(report.sources)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
             for s in ("error", "warning", "info")]
    out = [f"## reconcile: {', '.join(parts)} across {n_src} source{'s' * (n_src != 1)}", ""]
    out.append(f"{len(report.agreements)} fact(s) checked and found consistent; "
               f"{len(report.claims)} claims from {n_src} source(s).")
    out.append("")
    if report.problems:
        out.append("**Inputs that could not be read:**")
        out.append("")
        out += [f"- {_code(p.path)}: {md_escape(p.message)}"
                for p in report.problems]
        out.append("")
    ordered = severity_order(report.open_findings())
    shown, rest = ordered[:limit], len(ordered) - limit
    if shown:
        out += ["| | Severity | Rule | Entity | Message |", "|---|---|---|---|---|"]
        for i, f in enumerate(shown, 1):
            out.append(f"| {i} | {ICON.get(f.severity, '')} {f.severity} | `{f.rule}` | "
                       f"{md_escape(entity_name(report, f.subject, names))} | "
                       f"{md_escape(f.message)} |")
        out.append("")
    major = [f for f in shown if f.severity != "info"]
    minor = [f for f in shown if f.severity == "info"]
    for i, f in enumerate(major, 1):
        out += _finding(report, f, i, names)
    if minor:
        out += ["<details>", f"<summary>{len(minor)} info finding(s)</summary>", ""]
        for i, f in enumerate(minor, len(major) + 1):
            out += _finding(report, f, i, names)
        out += ["</details>", ""]
    if rest > 0:
        out += [f"_…and {rest} more finding(s); see the HTML or JSON report._", ""]
    if not ordered:
        out += ["No disagreements found.", ""]
    out += _suppressed(report, names)
    return "\n".join(out).rstrip() + "\n"


def _suppressed(report: Report, names: dict) -> list[str]:
    """The suppressed findings, folded, each with its decision: shown, never counted."""
    found = report.suppressed()
    if not found:
        return []
    out = ["### Suppressed", "", "<details>",
           f"<summary>{len(found)} finding(s) suppressed by review decisions</summary>", ""]
    for f in found:
        s = f.suppression
        assert s is not None
        quotes = "; ".join(f"“{md_escape(e.text)}”" for e in f.evidence)
        out.append(f"- {f.severity} `{f.rule}` {md_escape(entity_name(report, f.subject, names))}"
                   f": {md_escape(f.message)} — **{s.decision}**: {md_escape(s.reason)} "
                   f"({md_escape(s.by)}, {s.date}); {quotes}")
    return [*out, "", "</details>", ""]


def _finding(report: Report, f: Finding, n: int, names: dict) -> list[str]:
    head = (f"### {n}. {ICON.get(f.severity, '')} {md_escape(entity_name(report, f.subject, names))}"
            f" — `{f.rule}`")
    out = [head, "", md_escape(f.message, True), ""]
    major = majority_note(f.evidence)
    for ev in f.evidence:
        doc = report.source(ev.source)
        ctx = quote_context(doc.text, ev.start, ev.end, 240)
        quote = ("…" if ctx.cut_left else "") + md_escape(ctx.before, not ctx.cut_left) + \
            "**" + md_escape(ctx.quote.strip()) + "**" + md_escape(ctx.after) + \
            ("…" if ctx.cut_right else "")
        note = ""
        if ev.note:
            note = f" — {md_escape(ev.note)}"
            if major and norm_note(ev.note) == major:
                note += " (most sources)"
        out.append(f"> **{md_escape(source_label(doc))}** ({_code(doc.path)}){note}")
        out.append(f"> {quote.strip()}")
        out.append("")
    return out
