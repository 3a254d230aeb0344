"""A dated source that tells a past event as still to come, or a future one as done."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from ..model import Agreement, Claim, DateValue, Evidence, Finding, RuleInfo
from . import Context, finding
from ._facts import first_dated

RULE = RuleInfo(
    id="anachronism", code="RC601", severity="warning",
    summary="A source speaks of an event in the wrong tense for its own publication date.",
    help="A news item dated after an event that says it 'will' happen (or 'is launching'), or "
         "that reports as done an event dated after its publication. The event's date comes "
         "from the corpus; the publication date from the source's date line or metadata.",
    options=(("grace-days", 1),),  # time zones and late-evening filing
)
SCOPE = "entity"  # a claim against dated claims of its own subject


def _earlier_event(ctx: Context, c: Claim, published: dt.date) -> Claim | None:
    dated = first_dated(ctx, c.subject, c.predicate)  # type: ignore[arg-type]
    if dated is None:
        return None
    day = dated.value.as_date()  # type: ignore[union-attr]
    return dated if day and (published - day).days > ctx.option(RULE, "grace-days") else None


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    grace = ctx.option(RULE, "grace-days")
    by_doc: dict[tuple[str, str], list[tuple[Claim, Claim]]] = defaultdict(list)
    for c in ctx.claims:
        doc = ctx.docs[c.source]
        if doc.published is None or not c.subject or c.predicate not in ctx.vocab.events:
            continue
        if c.modality in ("future", "present") and c.value is None:
            past = _earlier_event(ctx, c, doc.published)
            if past is not None:
                by_doc[(c.source, c.subject)].append((c, past))
        elif c.modality == "stated" and isinstance(c.value, DateValue) and c.value.as_date():
            day = c.value.as_date()
            if day and (day - doc.published).days > grace and not c.resolution:
                yield finding(ctx, RULE, c.subject, c.predicate,
                              f"{ctx.label(c.source)}, published {doc.published.isoformat()}, "
                              f"reports the {c.predicate} of {ctx.name(c.subject)} on "
                              f"{c.value.human()}, after its own publication date.",
                              [ctx.evidence(c), Evidence.of(doc.published_span, note="published")]
                              if doc.published_span else [ctx.evidence(c)])
    for (source, subject), items in sorted(by_doc.items()):
        doc = ctx.docs[source]
        future = [c for c, _ in items if c.modality == "future"]
        shown = (future or [c for c, _ in items])[:4]
        past = items[0][1]
        words = ", ".join(f"“{c.span.text}”" for c in shown)
        told: dict[tuple[int, int], list[Claim]] = defaultdict(list)
        for c in shown:  # one quote per sentence, naming every event it tells
            told[(ctx.sentence(c).start, ctx.sentence(c).end)].append(c)
        ev = [Evidence.of(ctx.sentence(cs[0]), cs[0].id,
                          "; ".join(f"{c.predicate} told as {c.modality}" for c in cs))
              for cs in told.values()]
        ev.append(ctx.evidence(past, f"{past.predicate}: {past.value.human()}"))  # type: ignore[union-attr]
        if doc.published_span:
            ev.append(Evidence.of(doc.published_span, note="published"))
        yield finding(ctx, RULE, subject, past.predicate,
                      f"{ctx.label(source)} is dated {doc.published.isoformat()} but tells the "  # type: ignore[union-attr]
                      f"{past.predicate} of {ctx.name(subject)} as still to come ({words}); "
                      f"{ctx.label(past.source)} dates it {past.value.human()}, before publication.",  # type: ignore[union-attr]
                      ev, severity=None if future else "info", confidence=0.8 if future else 0.5)
