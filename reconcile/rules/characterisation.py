"""A group described by one nationality ("a team of Russian cosmonauts") while the sources
list a member described otherwise ("NASA astronaut ...")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..model import Agreement, Claim, Evidence, Finding, Mention, RuleInfo
from ..vocab import normalise_key
from . import Context, finding

RULE = RuleInfo(
    id="characterisation", code="RC801", severity="warning",
    summary="A group is described by a nationality that one of its listed members does not share.",
    help="Compares 'a team of <demonym> <role>s' with the members listed for the same entity "
         "and the role words sources put before each member's name ('NASA astronaut').",
)
SCOPE = "corpus"  # mentions of the listed members, who are other entities


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
    source = m.span.source
    at = ctx.text(source).rfind(m.descriptor.split()[0], max(0, m.span.start - 80),
                                m.span.start) if m.descriptor else -1
    start = at if at >= 0 else m.span.start
    return Evidence.of(ctx.span(source, start, m.span.end), note=m.descriptor)


def _lists(ctx: Context, subject: str) -> list[Claim]:
    """Member lists of the group as it set out: not the list of who came back."""
    return [lst for lst in ctx.claims_for(subject, "members")
            if normalise_key(lst.qualifier or "") not in ctx.vocab.crew_down]


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    said_by: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in ctx.claims:
        if c.predicate == "crew_nationality" and c.subject:
            said_by[(c.source, c.subject, str(c.value).rstrip("s"))].append(c)
    for (source, subject, said), claims in sorted(said_by.items()):
        lists = _lists(ctx, subject)
        members = sorted({e for lst in lists for m in ctx.mentions_in(lst.span)
                          if (e := ctx.entity_of.get(m.id))})
        ev = [ctx.evidence(c, f"described as {said}") for c in claims]
        who = []
        for person in members:
            described = [(m, a) for m in ctx.mentions_of(person) if (a := affiliation(ctx, m))]
            other = [(m, a) for m, a in described if a != said]
            if not other or any(a == said for _, a in described):
                continue
            m, a = other[0]
            ev.append(_quote(ctx, m))
            ev.extend(ctx.evidence(lst, f"members of {ctx.name(subject)}") for lst in lists
                      if any(ctx.entity_of.get(x.id) == person for x in ctx.mentions_in(lst.span)))
            who.append(f"{ctx.name(person)} (“{m.descriptor}”, {a})")
        if who:
            yield finding(ctx, RULE, subject, "members",
                          f"{ctx.label(source)} describes the {claims[0].span.text.split()[0].lower()} "
                          f"of {ctx.name(subject)} as "
                          f"“{claims[0].span.text}”, but the sources list "
                          + "; ".join(who) + " among them.", ev, confidence=0.7)
