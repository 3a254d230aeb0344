"""One source stating two different values for one fact."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Agreement, Finding, RuleInfo
from . import Context, finding
from .value_conflict import common_unit, describe, pairs

RULE = RuleInfo(
    id="self-contradiction", code="RC202", severity="error",
    summary="A single source gives two different values for the same fact.",
    help="The same event of the same entity dated twice differently in one article (for "
         "example the infobox against the prose). Planned, aborted and future dates are not "
         "stated dates and never take part.",
)
SCOPE = "entity"  # claims of one subject compared with each other


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for subject, predicate, results in pairs(ctx, same_source=True):
        bad = [(a, b) for a, b, r in results if r == "differ"]
        if not bad:
            continue
        claims = {c.id: c for ab in bad for c in ab}.values()
        source = next(iter(claims)).source
        unit = common_unit(list(claims))
        yield finding(ctx, RULE, subject, predicate,
                      f"{ctx.label(source)} gives the {predicate} of {ctx.name(subject)} two ways: "
                      + "; ".join(sorted({describe(ctx, c, unit).split(': ', 1)[1] for c in claims})) + ".",
                      [ctx.evidence(c) for c in claims])
