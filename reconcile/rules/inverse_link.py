"""Links that must hold both ways: A's next is B only if B's previous is A."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Agreement, Claim, Finding, RuleInfo
from . import Context, agreement, finding

RULE = RuleInfo(
    id="inverse-link", code="RC402", severity="warning",
    summary="A next/previous link is not matched by the inverse link of the other entity.",
    help="If one article names B as the next mission (successor), B's own previous "
         "(predecessor) must name the first article's subject.",
)
SCOPE = "corpus"  # the linked entity's own claims


def _targets(ctx: Context, c: Claim) -> set[str]:
    return {e for m in ctx.mentions_in(c.span) if (e := ctx.entity_of.get(m.id)) and e != c.subject}


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for forward, backward in (("next", "previous"), ("previous", "next")):
        for c in ctx.claims:
            if c.predicate != forward or not c.subject:
                continue
            for b in sorted(_targets(ctx, c)):
                back = ctx.claims_for(b, backward)
                if not back:
                    continue
                named = set().union(*(_targets(ctx, x) for x in back))
                if c.subject in named:
                    if forward == "next":
                        yield agreement(RULE, c.subject, forward,
                                        f"{ctx.name(c.subject)} → {ctx.name(b)}: both articles agree on the order.",
                                        [ctx.evidence(c), ctx.evidence(back[0])])
                elif named:
                    yield finding(ctx, RULE, c.subject, forward,
                                  f"{ctx.name(c.subject)} names {ctx.name(b)} as {forward}, but "
                                  f"{ctx.name(b)} names {', '.join(ctx.name(n) for n in sorted(named))} "
                                  f"as {backward}.", [ctx.evidence(c), ctx.evidence(back[0])])
