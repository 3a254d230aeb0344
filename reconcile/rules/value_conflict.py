"""The same fact about the same entity stated differently by different sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from ..model import Agreement, Claim, DateValue, Finding, Quantity, RuleInfo
from ..units import dimension
from . import Context, agreement, finding
from ._facts import days_between

RULE = RuleInfo(
    id="value-conflict", code="RC201", severity="error",
    summary="Two sources give different values for the same fact of the same entity.",
    help="Dates are compared at the precision each source gives (March 2024 agrees with "
         "23 March 2024); a one-day difference where a time zone is stated is only a note; "
         "numbers agree within their written precision or stated approximation.",
)
SCOPE = "entity"  # claims of one subject compared with each other

# Predicates that may hold several true values at once, or that need a qualifier to be one fact.
NEEDS_QUALIFIER = frozenset({"record", "milestone", "start", "end", "members"})
COMPARED_TEXT = frozenset({"serial"})
# Running tallies: a count that only grows as a story unfolds (the dead of a disaster). An
# earlier report's lower count is superseded by a later report's, not contradicted.
TALLIES = frozenset({"deaths", "injuries"})


def comparable(ctx: Context, subject: str | None, predicate: str) -> bool:
    if subject is None or predicate in ("duration", "total_duration", "crew_nationality"):
        return False
    ent = ctx.entities.get(subject)
    event = ctx.vocab.events.get(predicate)
    if ent is not None and event is not None:
        if event.subject == "vehicle" and ent.type == "person":
            return False  # a person flies many times; a flight launches once
        if event.subject == "person" and ent.type != "person":
            return False
    return True


def facts(ctx: Context, subject: str, predicate: str) -> list[Claim]:
    out = []
    claims = ctx.claims_for(subject, predicate)
    # "at least 41" in a source makes its own bare 41 a lower bound too ("Fatalities: 41")
    floors = {(c.source, c.value.value) for c in claims
              if c.modality == "minimum" and isinstance(c.value, Quantity)}
    # "21:50 UTC on 8 June 2020" in a source gives its own bare "8 June 2020" that time too
    timed = {(c.source, c.value.iso()): c.value for c in claims
             if isinstance(c.value, DateValue) and c.value.day and (c.value.time or c.value.tz)}
    for c in claims:
        if c.modality == "stated" and isinstance(c.value, Quantity) \
                and (c.source, c.value.value) in floors:
            c = replace(c, modality="minimum")
        if isinstance(c.value, DateValue) and not (c.value.time or c.value.tz) \
                and (at := timed.get((c.source, c.value.iso()))) is not None:
            c = replace(c, value=replace(c.value, time=at.time, tz=at.tz))
        if c.modality not in ("stated", "approximate", "minimum"):
            continue
        if (predicate in NEEDS_QUALIFIER or ctx.vocab.money_period.get(predicate) == "required") \
                and not c.qualifier:
            continue  # revenue with no year: of which year?
        if isinstance(c.value, (DateValue, Quantity)) or c.value and (
                predicate in COMPARED_TEXT or predicate in ctx.vocab.identifier_predicates):
            out.append(c)
    return out


def _commensurable(a: Claim, b: Claim) -> bool:
    """Two amounts of money in different currencies are not one fact told twice (they are never
    converted): neither a disagreement nor an agreement, nor backing for each other."""
    va, vb = a.value, b.value
    return not (isinstance(va, Quantity) and isinstance(vb, Quantity) and va.unit != vb.unit
                and (va.unit or "").isupper() and (vb.unit or "").isupper())


def compare(a: Claim, b: Claim) -> str:
    """'same', 'near' (one day apart with a time zone in play) or 'differ'."""
    if a.qualifier != b.qualifier:
        return "same"  # different facts, nothing to compare
    va, vb = a.value, b.value
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        if va.compatible(vb):
            return "same"
        da, db = va.as_date(), vb.as_date()
        if da and db and abs((da - db).days) == 1 and (va.tz or vb.tz or va.time or vb.time):
            return "near"
        return "differ"
    if isinstance(va, Quantity) and isinstance(vb, Quantity) and "minimum" in (a.modality, b.modality):
        # a lower bound ("at least 9") holds any value at or above it, often a later count
        if not va.comparable(vb) or a.modality == b.modality:
            return "same"
        floor, other = (va, vb) if a.modality == "minimum" else (vb, va)
        if floor.unit != other.unit:
            other = other.converted(floor.unit or "")
        return "same" if other.ends()[1] + other.tolerance() + 1e-9 >= floor.value else "differ"
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        # across units of one dimension too: 140 m agrees with 459 ft, 330 m differs from 300 m
        return "same" if va.agrees(vb) or not va.comparable(vb) else "differ"
    if type(va) is not type(vb):
        return "same"
    return "same" if _code(va) == _code(vb) else "differ"


def _code(value: object) -> str:
    """A text value as compared: "LN-RKE", "ln rke" and "LNRKE" are one code."""
    return re.sub(r"[\s\-‐-―]+", "", str(value)).lower()


# Dates of a recurring event (an election) further apart than this are different occurrences.
RECURRING_DAYS = 60


def _occurrences_apart(a: Claim, b: Claim) -> bool:
    gap = days_between(a, b)
    if gap is not None:
        return abs(gap) > RECURRING_DAYS
    ya, yb = (getattr(c.value, "year", None) for c in (a, b))
    return ya is not None and yb is not None and ya != yb  # "2009" and "2013": two elections


def _superseded(ctx: Context, a: Claim, b: Claim) -> str | None:
    """'update' when two dated reports give a running tally and the earlier one is lower."""
    if a.predicate not in TALLIES or not isinstance(a.value, Quantity) \
            or not isinstance(b.value, Quantity):
        return None
    da, db = ctx.docs[a.source].published, ctx.docs[b.source].published
    if da is None or db is None or da == db:
        return None
    early, late = (a, b) if da < db else (b, a)
    assert isinstance(early.value, Quantity) and isinstance(late.value, Quantity)
    return "update" if early.value.value < late.value.value else None


def pairs(ctx: Context, same_source: bool) -> Iterator[tuple[str, str, list[tuple[Claim, Claim, str]]]]:
    for subject, predicate in ctx.fact_keys():
        if len(ctx.claims_for(subject, predicate)) < 2 or not comparable(ctx, subject, predicate):
            continue
        cs = facts(ctx, subject, predicate)  # type: ignore[arg-type]
        event = ctx.vocab.events.get(predicate)
        recurring = event is not None and event.recurring
        out = [(a, b, _superseded(ctx, a, b) or compare(a, b)) for a, b in combinations(cs, 2)
               if (a.source == b.source) == same_source and a.qualifier == b.qualifier
               and not (recurring and _occurrences_apart(a, b)) and _commensurable(a, b)]
        if out:
            yield subject, predicate, out  # type: ignore[misc]


def describe(ctx: Context, c: Claim, unit: str | None = None) -> str:
    """ "news1: 1,083 ft (330.1 m)": a measurement in another unit than `unit` is also given in
    it, so that the values of a finding can be read side by side."""
    from ..model import value_human

    text = value_human(c.value)
    if c.modality == "minimum" and isinstance(c.value, Quantity):
        text = "at least " + text  # "more than 18,000" is a floor, not the value 18,000
    if unit and isinstance(c.value, Quantity) and c.value.unit != unit:
        text += f" ({c.value.converted(unit).human()})"
    return f"{ctx.label(c.source)}: {text}"


def common_unit(claims: list[Claim]) -> str | None:
    """The unit most of the claims are in (the first one's on a tie), when they mix units of
    one dimension; None when there is nothing to convert."""
    units = [c.value.unit for c in claims if isinstance(c.value, Quantity)]
    if len(set(units)) < 2 or dimension(units[0]) is None \
            or len({dimension(u) for u in units}) > 1:
        return None
    return max(units, key=lambda u: (units.count(u), -units.index(u)))


def backing(ctx: Context, claims: list[Claim]) -> str:
    """Which value the sources back, each source weighted by its kind (`[sources.weights]` in
    the packs: an encyclopedia article over a news report over a bare claim record)."""
    from ..model import value_human

    # a lower bound ("at least 25") is no value of its own; it backs the values it holds with
    # only when it rules another out ("more than 18,000" backs 18,420 against 14,820, "at
    # least 90" backs neither 214 nor 241)
    exact = [c for c in claims if c.modality != "minimum"] or claims
    support = {c.id: {d.source for d in exact if compare(c, d) == "same"} for c in exact}
    for bound in (c for c in claims if c not in exact):
        holds = [c for c in exact if compare(c, bound) == "same"]
        for c in holds if len(holds) < len(exact) else ():
            support[c.id].add(bound.source)
    claims = exact
    weight = {s: ctx.vocab.source_weights.get(ctx.docs[s].kind, 1.0)
              for s in sorted({s for backers in support.values() for s in backers}
                              | {c.source for c in claims})}
    precision = {"day": 2, "month": 1}
    _, best = max(enumerate(claims), key=lambda kc: (
        sum(weight[s] for s in support[kc[1].id]), len(support[kc[1].id]),
        precision.get(getattr(kc[1].value, "precision", ""), 0), -kc[0]))
    behind, total = sum(weight[s] for s in support[best.id]), sum(weight.values())
    n = len(support[best.id])
    if n > 1 and 2 * behind > total:
        return (f"{n} of {len(weight)} sources back {value_human(best.value)} "
                f"({behind:g} of {total:g} by source weight).")
    heaviest = sorted(weight.values())
    if n == 1 and len(heaviest) > 1 and heaviest[-1] > heaviest[-2]:
        return (f"Each source gives its own value; by kind, {ctx.label(best.source)} weighs more "
                f"({heaviest[-1]:g} against {heaviest[-2]:g}).")
    return "At most one of them can be right." if n == 1 else "They cannot all be right."


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for subject, predicate, results in pairs(ctx, same_source=False):
        name = ctx.name(subject)
        # evidence quotes each claim as read (not with the time its source gives elsewhere)
        read = {c.id: c for c in ctx.claims_for(subject, predicate)}
        bad = [(a, b) for a, b, r in results if r == "differ"]
        near = [(a, b) for a, b, r in results if r == "near"]
        good = [(a, b) for a, b, r in results if r == "same"]
        if bad:
            claims = {c.id: c for ab in bad for c in ab}.values()
            unit = common_unit(list(claims))
            values = sorted({describe(ctx, c, unit) for c in claims})
            # who backs which value counts every claim of the fact, also a source's claims
            # that agree with the others beside the one that does not (an edit that changed
            # one mention of a date and left the infobox's)
            stated = [c for c in facts(ctx, subject, predicate)
                      if any(c.qualifier == d.qualifier and _commensurable(c, d) for d in claims)]
            yield finding(ctx, RULE, subject, predicate,
                          f"Sources disagree on the {predicate} of {name}: " + "; ".join(values)
                          + ". " + backing(ctx, stated),
                          [ctx.evidence(read.get(c.id, c)) for c in claims])
        # one note per two sources, however many times each states the day
        notes: dict[tuple[str, ...], list[Claim]] = {}
        for a, b in near:
            got = notes.setdefault(tuple(sorted((a.source, b.source))), [])
            got.extend(c for c in (a, b) if c not in got)
        for got in notes.values():
            a, b = got[0], got[1]  # the first pair, as found
            yield finding(ctx, RULE, subject, predicate,
                          f"The {predicate} of {name} is one day apart ({describe(ctx, a)}; "
                          f"{describe(ctx, b)}); with a time stated this can be the same moment "
                          "in different time zones.", [ctx.evidence(read.get(c.id, c)) for c in got],
                          severity="info", confidence=0.5)
        if good and not bad:
            claims = {c.id: c for ab in good for c in ab}.values()
            sources = sorted({c.source for c in claims})
            yield agreement(RULE, subject, predicate,
                            f"{len(sources)} sources agree on the {predicate} of {name}.",
                            [ctx.evidence(read.get(c.id, c)) for c in claims])
