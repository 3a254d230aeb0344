"""Facts several rules derive from claims: an entity's own span of dates, a person's stay."""

from __future__ import annotations

from ..model import Claim, DateValue
from ..vocab import normalise_key
from . import Context


def first_dated(ctx: Context, entity: str, predicate: str, prefer_source: str | None = None) -> Claim | None:
    """The stated day-precision date of an event, preferring the given source."""
    cs = [c for c in ctx.dated(entity, predicate)
          if isinstance(c.value, DateValue) and c.value.as_date()]
    if not cs:
        return None
    return min(cs, key=lambda c: (c.source != prefer_source, c.source, c.span.start))


def entity_span(ctx: Context, entity: str, prefer_source: str | None = None) -> tuple[Claim, Claim] | None:
    """(start, end) claims of an entity's own duration: launch to landing, start to end, ..."""
    # not birth-death: "served for 8 years" is never a lifetime, and ages are another fact
    for begin, finish in (("launch", "landing"), ("start", "end"), ("opening", "closing"),
                          ("founding", "closing"), ("construction", "opening")):
        a = first_dated(ctx, entity, begin, prefer_source)
        b = first_dated(ctx, entity, finish, prefer_source)
        if a and b:
            return a, b
    return None


def listed_in(ctx: Context, person: str, keys: frozenset[str]) -> list[str]:
    """Entities whose list field (crew launching, crew landing, ...) names this person."""
    out = set()
    for c in ctx.claims:
        if c.predicate != "members" or not c.subject or normalise_key(c.qualifier or "") not in keys:
            continue
        if any(ctx.entity_of.get(m.id) == person for m in ctx.mentions_in(c.span)):
            out.add(c.subject)
    return sorted(out)


def person_stay(ctx: Context, person: str) -> tuple[Claim, Claim] | None:
    """A crew member's stay: the launch of the flight they went up on to the landing of the
    flight they came down on (these can be two different flights)."""
    ups = listed_in(ctx, person, ctx.vocab.crew_up)
    downs = listed_in(ctx, person, ctx.vocab.crew_down)
    if len(ups) != 1 or len(downs) != 1:
        return None
    a = first_dated(ctx, ups[0], "launch")
    b = first_dated(ctx, downs[0], "landing")
    return (a, b) if a and b else None


def days_between(a: Claim, b: Claim) -> int | None:
    da = a.value.as_date() if isinstance(a.value, DateValue) else None
    db = b.value.as_date() if isinstance(b.value, DateValue) else None
    return (db - da).days if da and db else None
