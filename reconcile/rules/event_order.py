"""An event dated before one it must follow: landing before launch, death before birth."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Agreement, Claim, Finding, RuleInfo
from . import Context, finding
from ._facts import days_between

RULE = RuleInfo(
    id="event-order", code="RC702", severity="error",
    summary="An event is dated before an event it must follow.",
    help="Uses the event order of the vocabulary packs (birth before death, launch before "
         "docking before landing, construction before opening). Dates are compared at day "
         "precision; a one-day slip with a stated time zone is tolerated.",
)
SCOPE = "entity"  # dated claims of one entity


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    stated: dict[str | None, set[str]] = defaultdict(set)  # which predicates each entity has
    for subject, predicate in ctx.fact_keys():
        stated[subject].add(predicate)
    events = ctx.vocab.events
    order = [(first, then, events[first]) for first, then in ctx.vocab.order
             if first in events and then in events]
    for ent in sorted(ctx.entities.values(), key=lambda e: e.id):
        has = stated.get(ent.id)
        if not has:
            continue
        for first, then, event in order:
            if first not in has or then not in has:
                continue
            if ent.type == "person" and event.subject == "vehicle":
                continue  # a person launches and lands many times
            firsts, thens = ctx.dated(ent.id, first), ctx.dated(ent.id, then)
            grouped: dict[tuple, list[Claim]] = {}
            for a in firsts:
                for b in thens:
                    if not _out_of_order(a, b):
                        continue
                    if a.source != b.source and (_in_order_within(b.source, firsts, thens)
                                                 or _in_order_within(a.source, firsts, thens)):
                        continue  # each source is in order itself: a value conflict, told there
                    key = (a.source, b.source, a.value, b.value)
                    grouped.setdefault(key, [])
                    grouped[key] += [c for c in (a, b) if c not in grouped[key]]
            for (sa, sb, va, vb), claims in grouped.items():
                gap = (vb.as_date() - va.as_date()).days
                yield finding(ctx, RULE, ent.id, then,
                              f"{ent.name}: the {then} ({vb.human()}, {ctx.label(sb)}) "
                              f"is dated {-gap} day{'s' if gap != -1 else ''} before the {first} "
                              f"({va.human()}, {ctx.label(sa)}).",
                              [ctx.evidence(c) for c in claims])


def _out_of_order(a: Claim, b: Claim) -> bool:
    """b, which must follow a, is dated before it (a day's slack when a time zone is in play)."""
    gap = days_between(a, b)
    return gap is not None and gap < 0 and not (gap == -1 and (a.value.tz or b.value.tz))  # type: ignore[union-attr]


def _in_order_within(source: str, firsts: list[Claim], thens: list[Claim]) -> bool:
    """The source dates both events itself, and in order."""
    mine_a = [a for a in firsts if a.source == source]
    mine_b = [b for b in thens if b.source == source]
    return bool(mine_a and mine_b) and not any(_out_of_order(a, b) for a in mine_a for b in mine_b)
