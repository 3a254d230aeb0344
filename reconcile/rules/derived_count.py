"""A stated count that the same sources' own parts contradict: "a crew of three" against a list
of four members, "a total of 5,300 votes" against parts that add up to 5,200."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Agreement, Claim, Finding, Quantity, RuleInfo
from . import Context, agreement, finding

RULE = RuleInfo(
    id="derived-count", code="RC302", severity="warning",
    summary="A stated group size or total does not match the members or parts the sources list.",
    help="A group size ('a crew of three', 'a four-person crew') is compared with every member "
         "list given for the same entity (fields such as 'Crew' or 'Members'); it fires only "
         "when no list has that many names. A total followed in its sentence by its parts "
         "('a total of 5,300 votes: 2,100 in ..., 1,900 in ...') is compared with their sum.",
)
SCOPE = "corpus"  # counts of one entity, totals of one sentence: no single grouping


def _lists(ctx: Context, subject: str, noun: str) -> list[Claim]:
    """Member lists of the entity, those whose field names the group noun first."""
    lists = [c for c in ctx.claims_for(subject, "members") if isinstance(c.value, tuple) and c.value]
    named = [c for c in lists if noun in (c.qualifier or c.field or "").lower()]
    return named or lists


def _word(n: int) -> str:
    words = "zero one two three four five six seven eight nine ten eleven twelve".split()
    return words[n] if n < len(words) else f"{n:,}"


def _sizes(ctx: Context) -> Iterator[Finding | Agreement]:
    for c in ctx.claims:
        if c.predicate != "member_count" or not c.subject or not isinstance(c.value, Quantity):
            continue
        n = int(c.value.value)
        lists = _lists(ctx, c.subject, c.qualifier or "")
        if not lists:
            continue
        name = ctx.name(c.subject)
        matching = [m for m in lists if len(m.value) == n]  # type: ignore[arg-type]
        if matching:
            yield agreement(RULE, c.subject, "member_count",
                            f"“{c.span.text}” ({ctx.label(c.source)}) matches the {n} names "
                            f"listed for {name}.", [ctx.evidence(c), ctx.evidence(matching[0])])
            continue
        shown = "; ".join(f"{_word(len(m.value))} in {ctx.label(m.source)} "  # type: ignore[arg-type]
                          f"(“{m.field or m.qualifier}”: {', '.join(m.value)})" for m in lists)  # type: ignore[arg-type]
        yield finding(ctx, RULE, c.subject, "member_count",
                      f"“{c.span.text}” is said of {name} in {ctx.label(c.source)}, but the "
                      f"members listed for it are {shown}.",
                      [ctx.evidence(c, f"{n}")] + [ctx.evidence(m, f"{len(m.value)} names")  # type: ignore[arg-type]
                                                   for m in lists], confidence=0.8)


def _quantity(c: Claim) -> Quantity:
    """The value of a claim that _totals grouped only because it is a Quantity."""
    assert isinstance(c.value, Quantity)
    return c.value


def _totals(ctx: Context) -> Iterator[Finding | Agreement]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in ctx.claims:
        if c.predicate in ("total", "part") and isinstance(c.value, Quantity):
            groups[(c.source, c.context)].append(c)
    for (source, _), claims in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or (0, 0))):
        totals = [c for c in claims if c.predicate == "total"]
        parts = [c for c in claims if c.predicate == "part"]
        if len(totals) != 1 or len(parts) < 2:
            continue
        total, total_q = totals[0], _quantity(totals[0])
        added = sum(_quantity(p).value for p in parts)
        stated = total_q.value
        evidence = [ctx.evidence(total, "total")] + [ctx.evidence(p, "part") for p in parts]
        sum_text = " + ".join(p.span.text for p in parts)
        if abs(added - stated) <= total_q.tolerance():
            yield agreement(RULE, None, "total", f"The parts {sum_text} add up to the total "
                            f"{total.span.text} stated in {ctx.label(source)}.", evidence)
            continue
        yield finding(ctx, RULE, None, "total",
                      f"A total of {total.span.text} is stated in {ctx.label(source)}, but the "
                      f"parts it lists ({sum_text}) add up to {added:,.{total_q.decimals}f}.",
                      evidence, confidence=0.9)


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    yield from _sizes(ctx)
    yield from _totals(ctx)
