"""HTML entities and similar residue left in a text that is not HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.entities import html5

from ..model import Agreement, Finding, RuleInfo
from . import Context, finding

RULE = RuleInfo(
    id="text-residue", code="RC502", severity="info",
    summary="Encoded characters (&quot;, &#x27;) left in plain text.",
    help="An HTML entity in a plain-text or wikitext source shows that the text was scraped "
         "without decoding; readers see '&quot;' where a quote mark belongs.",
)
SCOPE = "source"  # one document's text

ENTITY = re.compile(r"&(?:#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});")
KNOWN = frozenset(html5)  # "amp;", "quot;", ...: "&word;" that HTML does not define is just text
MAX_CITED = 5


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for doc in ctx.docs.values():
        if doc.format in ("html", "wikitext"):
            continue  # entities are legitimate markup there; residue means plain text
        hits = [m for m in ENTITY.finditer(ctx.text(doc.id))
                if m.group()[1] == "#" or m.group()[1:] in KNOWN]
        if not hits:
            continue
        kinds = sorted({m.group() for m in hits})
        first: dict[str, re.Match[str]] = {}
        for m in hits:
            first.setdefault(m.group(), m)
        ev = [ctx.span(doc.id, m.start(), m.end()) for m in list(first.values())[:MAX_CITED]]
        from ..model import Evidence

        yield finding(ctx, RULE, None, None,
                      f"{ctx.label(doc.id)} holds {len(hits)} undecoded HTML entit"
                      f"{'y' if len(hits) == 1 else 'ies'} ({', '.join(kinds)}).",
                      [Evidence.of(s, note="undecoded entity") for s in ev])
