"""One rank given to two entities: "the first Belarusian in space" said of two people, or
"is the longest bridge in Europe" said of two bridges."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..extract.dates import find_dates
from ..model import Agreement, Claim, DateValue, Evidence, Finding, RuleInfo
from . import Context, agreement, finding

RULE = RuleInfo(
    id="first-claim", code="RC802", severity="warning",
    summary="Two entities are each said to be the first (only, or present-tense largest...) of "
            "the same kind.",
    help="Compares rank claims ('the first woman to ...', 'the only ...', 'is the longest ...') "
         "across and within sources by their phrase, without articles and case. When the "
         "sentences are dated, the message names the earlier instance, which the later claim "
         "contradicts. Superlatives told in the past tense ('was the tallest when it opened') "
         "change hands over time and are not compared.",
)
SCOPE = "corpus"  # one rank across entities


def _when(ctx: Context, c: Claim) -> DateValue | None:
    """The first absolute day-precise date of the claim's own sentence, if it gives one."""
    doc = ctx.docs[c.source]
    sentence = ctx.sentence(c)
    for d in find_dates(sentence.text, anchor=doc.published, dayfirst=doc.dayfirst):
        if not d.relative and d.value.as_date():
            return d.value
    return None


def _quote(ctx: Context, c: Claim, note: str) -> Evidence:
    """The rank with its holder's name when the name stands next to it: "Name, the first ..."."""
    holder = ctx.mentions.get(c.subject_mention or "")
    span = c.span
    if holder is not None and holder.span.source == c.source and \
            abs(holder.span.start - c.span.start) < 120 and abs(holder.span.end - c.span.end) < 120:
        span = ctx.span(c.source, min(holder.span.start, c.span.start),
                        max(holder.span.end, c.span.end))
    return Evidence.of(span, c.id, note)


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    holders: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in ctx.claims:
        if c.predicate == "rank" and c.subject and isinstance(c.value, str) and c.qualifier:
            holders[(c.qualifier, c.value)][c.subject].append(c)
    for (rank, _phrase), by_entity in sorted(holders.items()):
        evidence_of = {e: cs[0] for e, cs in by_entity.items()}
        if len(by_entity) == 1:
            (entity, claims), = by_entity.items()
            sources = sorted({c.source for c in claims})
            if len(sources) > 1:
                yield agreement(RULE, entity, "rank",
                                f"{len(sources)} sources agree that {ctx.name(entity)} is "
                                f"“{claims[0].span.text}”.", [ctx.evidence(c) for c in claims])
            continue
        dated = {e: _when(ctx, c) for e, c in evidence_of.items()}
        named = "; ".join(f"{ctx.name(e)} ({ctx.label(c.source)}"
                          + (f", {when.human()}" if (when := dated[e]) else "") + ")"
                          for e, c in sorted(evidence_of.items()))
        words = min(evidence_of.values(), key=lambda c: (c.source, c.span.start)).span.text
        message = f"“{words}” is said of {len(by_entity)} different entities: {named}."
        known = sorted((day, e) for e, d in dated.items() if d and (day := d.as_date()))
        if rank == "first" and len(known) >= 2 and known[0][0] < known[1][0]:
            message += (f" {ctx.name(known[0][1])} is dated earlier, so the later claim cannot "
                        "hold as written.")
        else:
            message += " At most one can hold, unless the phrases mean different things."
        yield finding(ctx, RULE, None, "rank", message,
                      [_quote(ctx, c, ctx.name(e)) for e, c in sorted(evidence_of.items())],
                      confidence=0.8)
