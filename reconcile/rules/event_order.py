"""An event dated before one it must follow: landing before launch, death before birth."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Agreement, Finding, RuleInfo
from . import Context, finding
from ._facts import days_between

RULE = RuleInfo(
    id="event-order", code="RC702", severity="error",
    summary="An event is dated before an event it must follow.",
    help="Uses the event order of the vocabulary packs (birth before death, launch before "
         "docking before landing, construction before opening). Dates are compared at day "
         "precision; a one-day slip with a stated time zone is tolerated.",
)


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for ent in sorted(ctx.entities.values(), key=lambda e: e.id):
        for first, then in ctx.vocab.order:
            events = (ctx.vocab.events.get(first), ctx.vocab.events.get(then))
            if any(e is None for e in events):
                continue
            if ent.type == "person" and events[0].subject == "vehicle":  # type: ignore[union-attr]
                continue  # a person launches and lands many times
            for a in ctx.dated(ent.id, first):
                for b in ctx.dated(ent.id, then):
                    gap = days_between(a, b)
                    if gap is None or gap >= -1 and (gap >= 0 or a.value.tz or b.value.tz):  # type: ignore[union-attr]
                        continue
                    yield finding(ctx, RULE, ent.id, then,
                                  f"{ent.name}: the {then} ({b.value.human()}, {ctx.label(b.source)}) "  # type: ignore[union-attr]
                                  f"is dated {-gap} days before the {first} "
                                  f"({a.value.human()}, {ctx.label(a.source)}).",  # type: ignore[union-attr]
                                  [ctx.evidence(a), ctx.evidence(b)])
