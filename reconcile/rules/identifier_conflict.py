"""Identifiers that point at the wrong thing: an identity field naming another entity, or one
serial number claimed for two entities."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..align import designator_key
from ..model import Agreement, Evidence, Finding, RuleInfo
from ..vocab import normalise_key
from . import Context, finding

RULE = RuleInfo(
    id="identifier-conflict", code="RC401", severity="warning",
    summary="An identifier names another entity, or one identifier is claimed by two entities.",
    help="An identity field (spacecraft, serial, other names) of an article must name the "
         "article's own subject. A field that names a different entity of the same kind, or a "
         "serial number given to two entities, is almost always a copy-and-paste error.",
)
SCOPE = "corpus"  # serials of other entities; one serial across entities


def series(surface: str) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """A designator without its numbers: "Soyuz MS-24" -> ({soyuz}, (ms,))."""
    key = designator_key(surface)
    if key is None:
        return None
    stems, atoms = key
    return frozenset(stems), tuple(re.sub(r"[\d.]+", "#", a) for a in atoms)


def same_series(a: str, b: str) -> bool:
    """Two designators of one series differing only in number (MS-24 and Soyuz MS-25)."""
    sa, sb = series(a), series(b)
    if sa is None or sb is None or sa[1] != sb[1]:
        return False
    return sa[0] <= sb[0] or sb[0] <= sa[0]


def _field_line(ctx: Context, source: str, key: str):
    for f in ctx.docs[source].fields:
        if f.key == key:
            return f.line
    return None


def _misnamed_fields(ctx: Context) -> Iterator[Finding]:
    for c in ctx.claims:
        if not c.field or normalise_key(c.field) not in ctx.vocab.identity_fields or not c.subject:
            continue
        subject = ctx.entities.get(c.subject)
        if subject is None:
            continue
        inside = ctx.mentions_in(c.span)
        others = sorted({e for m in inside if m.kind == "designator"
                         and (e := ctx.entity_of.get(m.id)) and e != c.subject
                         and same_series(m.surface, subject.name)})
        if not others:
            continue
        line = _field_line(ctx, c.source, c.field) or c.span
        evidence = [Evidence.of(line, c.id, f"{c.field} of {subject.name}")]
        notes = []
        for other in others:
            name = ctx.name(other)
            relation = [r for predicate in ("next", "previous")
                        for r in ctx.claims_for(c.subject, predicate) if r.source == c.source
                        and any(ctx.entity_of.get(m.id) == other for m in ctx.mentions_in(r.span))]
            relation.sort(key=lambda r: r.span.start)
            if relation:
                notes.append(f"{name} is this article's {relation[0].field or relation[0].predicate}")
            own = [s for s in ctx.claims_for(c.subject, "serial")]
            theirs = [s for s in ctx.claims_for(other, "serial")]
            if own:
                evidence.append(ctx.evidence(own[0], f"serial of {subject.name}: {own[0].value}"))
                notes.append(f"the text gives {subject.name} serial No. {own[0].value}")
            if theirs:
                evidence.append(ctx.evidence(theirs[0], f"serial of {name}: {theirs[0].value}"))
                notes.append(f"{ctx.label(theirs[0].source)} gives {name} No. {theirs[0].value}")
        yield finding(ctx, RULE, c.subject, "spacecraft" if "spacecraft" in normalise_key(c.field) else "identity",
                      f"The “{c.field}” field of {subject.name} reads “{c.span.text}”, naming "
                      f"{', '.join(ctx.name(o) for o in others)}, a different "
                      f"{subject.type}" + (f" ({'; '.join(notes)})" if notes else "") + ".",
                      evidence, confidence=0.9)


def _shared_serials(ctx: Context) -> Iterator[Finding]:
    owners: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for c in ctx.claims:
        if c.predicate == "serial" and c.subject and c.modality == "stated":
            owners[str(c.value)][c.subject].append(c)
    for serial, by_entity in sorted(owners.items()):
        # serials are numbered per series: Kestrel No. 771 and Plover No. 771 can both exist
        families: dict[object, list[str]] = defaultdict(list)
        for entity in sorted(by_entity):
            families[series(ctx.name(entity)) or "other"].append(entity)
        for entities in families.values():
            if len(entities) < 2:
                continue
            claims = [by_entity[e][0] for e in entities]
            yield finding(ctx, RULE, None, "serial",
                          f"Serial {serial} is given to {len(entities)} different entities: "
                          + ", ".join(ctx.name(e) for e in entities) + ".",
                          [ctx.evidence(c, f"{ctx.name(c.subject)}: {serial}") for c in claims])


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    yield from _misnamed_fields(ctx)
    yield from _shared_serials(ctx)
