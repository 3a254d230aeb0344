"""Different events of one flight on different days: a launch and the arrival that follows.

Never a conflict: the note tells a reader who sees two dates that they belong to two events.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Agreement, Finding, RuleInfo
from . import Context, agreement, finding
from ._facts import days_between

RULE = RuleInfo(
    id="cross-event", code="RC701", severity="info",
    summary="Two different events of one entity (launch, arrival) are dated on different days.",
    help="A launch and the docking or arrival that follows it are different events and may "
         "fall on different days. The note makes that visible so that a reader does not take "
         "the two dates for a conflict; arrival before launch is an event-order error instead.",
    options=(("max-gap-days", 60),),
)
SCOPE = "entity"  # dated claims of one entity

FOLLOWERS = ("docking", "arrival")


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    max_gap = ctx.option(RULE, "max-gap-days")
    for ent in ctx.entities.values():
        if ent.type == "person":
            continue
        launches = [c for c in ctx.dated(ent.id, "launch") if c.value.as_date()]  # type: ignore[union-attr]
        if not launches:
            continue
        launch = min(launches, key=lambda c: (c.source, c.span.start))
        for event in FOLLOWERS:
            seen: set[int] = set()
            for c in sorted(ctx.dated(ent.id, event), key=lambda c: (c.source, c.span.start)):
                gap = days_between(launch, c)
                if gap is None or gap < 0 or gap > max_gap or gap in seen:
                    continue
                seen.add(gap)
                ev = [ctx.evidence(launch, f"launch: {launch.value.human()}"),  # type: ignore[union-attr]
                      ctx.evidence(c, f"{event}: {c.value.human()}")]  # type: ignore[union-attr]
                if gap == 0:
                    yield agreement(RULE, ent.id, event,
                                    f"{ent.name}: {event} on the day of launch.", ev)
                    continue
                if c.source == launch.source:
                    # one source naming both events keeps them apart itself: checked, in order
                    yield agreement(RULE, ent.id, event,
                                    f"{ent.name}: {event} {gap} day{'s' if gap != 1 else ''} "
                                    f"after launch in {ctx.label(c.source)}.", ev)
                    continue
                yield finding(ctx, RULE, ent.id, event,
                              f"{ent.name} launched on {launch.value.human()} "  # type: ignore[union-attr]
                              f"({ctx.label(launch.source)}) and its {event} is dated "
                              f"{c.value.human()} ({ctx.label(c.source)}): {gap} day"  # type: ignore[union-attr]
                              f"{'s' if gap != 1 else ''} later. These are different events, "
                              "not a conflict.", ev, confidence=0.9)
