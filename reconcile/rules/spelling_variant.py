"""One person's name written differently: across sources (a note), within one source (a warning:
the article contradicts itself and an editor should pick one spelling)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Agreement, Evidence, Finding, Mention, RuleInfo
from . import Context, finding

RULE = RuleInfo(
    id="spelling-variant", code="RC101", severity="info",
    summary="One entity's name is spelled in different ways.",
    help="Names that alignment joined (transliteration, hyphenation, diacritics) but that are "
         "written differently. Across sources this is a note; within one source it is a warning.",
)
SCOPE = "entity"  # one entity's mentions


def tokens(surface: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s\-‐]+", surface.lower().replace("’", "'")) if t)


def relation(a: str, b: str) -> str | None:
    """None when a and b are one spelling; 'short' for a short form; else the kind of variant."""
    if a == b:
        return None
    ta, tb = tokens(a), tokens(b)
    if ta == tb:
        return "hyphenation"
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return "short"
    return "spelling"


def _variant_groups(mentions: list[Mention]) -> dict[str, list[Mention]]:
    by_surface: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_surface[m.surface].append(m)
    return dict(sorted(by_surface.items()))


def _differing(surfaces: list[str]) -> list[str]:
    """The surfaces that take part in at least one real (non-short-form) variant pair."""
    keep = {s for s in surfaces for t in surfaces if relation(s, t) in ("hyphenation", "spelling")}
    # a short form ("Vasileuskaya") adds nothing when its full form ("Maryna Vasileuskaya") is shown
    return sorted(s for s in keep if not any(t != s and relation(s, t) == "short"
                                             and len(t) > len(s) for t in keep))


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for ent in ctx.entities.values():
        if ent.type != "person":
            continue
        reason = "; ".join(r.reason for r in ent.reasons if r.merged)[:300]
        by_source: dict[str, list[Mention]] = defaultdict(list)
        for m in ent.mentions:
            by_source[m.span.source].append(m)
        for source, ms in sorted(by_source.items()):
            groups = _variant_groups(ms)
            differing = _differing(list(groups))
            if len(differing) >= 2:
                ev = [Evidence.of(groups[s][0].span, note=s) for s in differing]
                kinds = sorted({kind for a in differing for b in differing
                                if (kind := relation(a, b)) in ("hyphenation", "spelling")})
                yield finding(ctx, RULE, ent.id, "name",
                              f"{ctx.label(source)} spells {ent.name} {len(differing)} ways: "
                              + ", ".join(f"“{s}”" for s in differing)
                              + f" ({' and '.join(kinds)} variant). Pick one spelling.",
                              ev, severity="warning")
        full = [m for m in ent.mentions if not m.short]
        groups = _variant_groups(full)
        differing = _differing(list(groups))
        if len(differing) >= 2:
            shown = sorted(groups)
            ev = []
            for s in shown:
                first = min(groups[s], key=lambda m: (m.span.source, m.span.start))
                ev.append(Evidence.of(first.span, note=f"{s} ({len(groups[s])}×)"))
            sources = sorted({m.span.source for m in full})
            yield finding(ctx, RULE, ent.id, "name",
                          f"{ent.name} is written {len(shown)} ways across {len(sources)} "
                          "sources: " + ", ".join(f"“{s}”" for s in shown)
                          + (f". Taken as one person because: {reason}." if reason else "."),
                          ev, confidence=min((r.score for r in ent.reasons if r.merged), default=1.0))
