"""A stated duration against the dates it must span.

Know whose duration it is first: "the mission lasted 374 days" in a flight's article may be a
crew member's stay (up on one flight, down on the next), which the dates confirm. When the
sentence does not name whose duration it is and names someone else who could own it, a mismatch
is only a note on the wording; with nobody else in the sentence it is the subject's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract.numbers import duration_days
from ..model import Agreement, Claim, Finding, Quantity, RuleInfo
from . import Context, agreement, finding
from ._facts import days_between, entity_span, person_stay

RULE = RuleInfo(
    id="derived-duration", code="RC301", severity="warning",
    summary="A stated duration does not match the dates it should span.",
    help="Checks 'lasted N days', 'spent N months' against the launch/landing (start/end) "
         "dates of the same entity, and a crew member's stay against the flights that list "
         "them. Approximations ('approximately 13 days') are honoured.",
)
SCOPE = "corpus"  # a person's stay comes from other entities' crew lists


# A duration followed by what it was spent on ("to finance", "to build") measures that task.
PURPOSE_AFTER = re.compile(r"[ \t]?(?:to|in order to) [a-z]")


def _span_of(ctx: Context, entity: str, source: str) -> tuple[Claim, Claim] | None:
    ent = ctx.entities.get(entity)
    if ent is None:
        return None
    return person_stay(ctx, entity) if ent.type == "person" else entity_span(ctx, entity, source)


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for c in ctx.claims:
        if c.predicate != "duration" or not isinstance(c.value, Quantity) or c.subject is None:
            continue
        bounds = duration_days(c.value)
        if bounds is None or PURPOSE_AFTER.match(ctx.text(c.source), c.span.end):
            continue  # "took four years to finance": the time of another task, not of the span
        low, high = bounds
        candidates = [c.subject]
        if c.inferred_subject and c.context:
            for m in ctx.mentions_in(ctx.sentence(c)):
                e = ctx.entity_of.get(m.id)
                if e and e not in candidates and m.kind == "person":
                    candidates.append(e)
        spans = {e: s for e in candidates if (s := _span_of(ctx, e, c.source))}
        if not spans:
            continue
        said = c.span.text
        fits = {e: s for e, s in spans.items()
                if (d := days_between(*s)) is not None and low - 1 <= d <= high + 1}

        def show(e: str, spans: dict = spans) -> str:
            a, b = spans[e]
            return (f"{ctx.name(e)}: {a.value.human()} to {b.value.human()} = "
                    f"{days_between(a, b)} days")

        evidence = [ctx.evidence(c, f"{c.value.human()} (stated)")]
        if c.subject in fits:
            a, b = fits[c.subject]
            yield agreement(RULE, c.subject, "duration",
                            f"“{said}” matches {show(c.subject)}.",
                            evidence + [ctx.evidence(a), ctx.evidence(b)])
            continue
        if fits:
            e = sorted(fits)[0]
            a, b = fits[e]
            other = f"; {show(c.subject)}" if c.subject in spans else ""
            yield finding(ctx, RULE, c.subject, "duration",
                          f"“{said}” does not say whose duration it is. It matches {show(e)}, "
                          f"not the article's subject{other}. Consider naming who.",
                          evidence + [ctx.evidence(a), ctx.evidence(b)], confidence=0.6,
                          severity="info")
            continue
        if c.subject not in spans:
            continue
        a, b = spans[c.subject]
        # "The tour lasted 40 days" in the tour's own article: nobody else in the sentence
        # could own the duration, so it is the subject's; with other candidates it is a note.
        vague = c.inferred_subject and len(candidates) > 1
        yield finding(ctx, RULE, c.subject, "duration",
                      f"“{said}” contradicts the dates: {show(c.subject)}.",
                      evidence + [ctx.evidence(a), ctx.evidence(b)],
                      severity="info" if vague else None,
                      confidence=0.5 if vague else 0.7 if c.inferred_subject else 0.9)
