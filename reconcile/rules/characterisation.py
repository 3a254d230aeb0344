"""A group described by one nationality ("a team of Russian cosmonauts") while the sources
list a member described otherwise ("NASA astronaut ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Agreement, Evidence, Finding, Mention, RuleInfo
from . import Context, finding

RULE = RuleInfo(
    id="characterisation", code="RC801", severity="warning",
    summary="A group is described by a nationality that one of its listed members does not share.",
    help="Compares 'a team of <demonym> <role>s' with the members listed for the same entity "
         "and the role words sources put before each member's name ('NASA astronaut').",
)


def affiliation(ctx: Context, m: Mention) -> str | None:
    if not m.descriptor:
        return None
    for word in m.descriptor.split():
        if word in ctx.vocab.affiliations:
            return ctx.vocab.affiliations[word]
        if word.lower() in ctx.vocab.demonyms:
            return word.lower().rstrip("s")
    return None


def _quote(ctx: Context, m: Mention) -> Evidence:
    """The member's name with the words that describe them: "NASA astronaut Loral O'Hara"."""
    doc = ctx.docs[m.span.source]
    at = doc.text.rfind(m.descriptor.split()[0], max(0, m.span.start - 80), m.span.start) \
        if m.descriptor else -1
    start = at if at >= 0 else m.span.start
    return Evidence.of(doc.span(start, m.span.end), note=m.descriptor)


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for c in ctx.claims:
        if c.predicate != "crew_nationality" or not c.subject:
            continue
        said = str(c.value).rstrip("s")
        members = set()
        for lst in ctx.claims_for(c.subject, "members"):
            members |= {e for m in ctx.mentions_in(lst.span) if (e := ctx.entity_of.get(m.id))}
        for person in sorted(members):
            described = [(m, a) for m in ctx.mentions_of(person) if (a := affiliation(ctx, m))]
            other = [(m, a) for m, a in described if a != said]
            if not other or any(a == said for _, a in described):
                continue
            m, a = other[0]
            lists = [lst for lst in ctx.claims_for(c.subject, "members")
                     if any(ctx.entity_of.get(x.id) == person for x in ctx.mentions_in(lst.span))]
            ev = [ctx.evidence(c, f"described as {said}"), _quote(ctx, m)]
            if lists:
                ev.append(ctx.evidence(lists[0], f"members of {ctx.name(c.subject)}"))
            yield finding(ctx, RULE, c.subject, "members",
                          f"{ctx.label(c.source)} describes the crew of {ctx.name(c.subject)} as "
                          f"“{c.span.text}”, but {ctx.name(person)} is listed among them and "
                          f"described as “{m.descriptor}” ({re.sub('_', ' ', a)}).", ev,
                          confidence=0.7)
