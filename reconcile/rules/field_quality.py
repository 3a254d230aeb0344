"""Infobox fields with no value, a leftover unit, empty brackets or unrendered markup."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract.dates import parse_date
from ..model import Agreement, Evidence, Finding, RuleInfo
from . import Context, finding

RULE = RuleInfo(
    id="field-quality", code="RC501", severity="info",
    summary="An infobox field is empty, malformed or holds leftover markup.",
    help="A field that holds only a unit or time zone ('UTC'), empty brackets '()', image "
         "markup ('frameless|120px') or a value that cannot be what its name says (a date "
         "field with no date, a measurement with no number) lost its value in conversion.",
)
SCOPE = "source"  # one document's fields

LEFTOVER_UNIT = re.compile(r"^\s*(?:UTC|GMT|Z|[A-Z]{2,4}T|km|m|mi|kg|lb|ft|°|%|\(\s*\))?\s*$")
EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|\{\s*\}")
MARKUP = re.compile(r"\b(?:frameless|thumb|upright|\d+px)\b|\[\[|\]\]|\{\{|\}\}|\bFile:|\bImage:")
MEASURES = frozenset("apsis perigee apogee periapsis apoapsis inclination altitude mass weight "
                     "length height width depth area population elevation distance speed "
                     "capacity period span".split())


# Values that say on purpose that there is no value: "Died: unknown", "Elevation: sea level".
DELIBERATE = frozenset(["unknown", "none", "n/a", "na", "not applicable", "sea level", "various",
                        "varies", "tba", "tbd", "tbc", "-", "—", "–", "?", "undisclosed",
                        "confidential", "classified", "ongoing", "present", "not disclosed"])


def problem(ctx: Context, key: str, value: str) -> str | None:
    predicate = ctx.vocab.predicate_for_field(key)
    if value.strip().lower().rstrip(".") in DELIBERATE:
        return None
    if not value.strip():
        return "has no value"
    if LEFTOVER_UNIT.match(value):
        return f"has no value, only “{value.strip()}”"
    if MARKUP.search(value):
        return "holds unrendered image or template markup"
    if EMPTY_BRACKETS.search(value):
        return "holds empty brackets where a value (coordinates?) was lost"
    if predicate in ctx.vocab.events and not any(ch.isdigit() for ch in value) \
            and parse_date(value) is None:  # a value with a digit never gets here: parse last
        return "should hold a date but holds none"
    if set(key.lower().split()) & MEASURES and not any(ch.isdigit() for ch in value):
        return f"should hold a measurement but holds “{value.strip()}”"
    return None


def check(ctx: Context) -> Iterator[Finding | Agreement]:
    for doc in ctx.docs.values():
        subject = ctx.subject_entity(doc.id)
        for f in doc.fields:
            if not f.value.strip() and not _blank_as_written(f.value_span.text):
                continue  # a template the reader does not render ({{coord|...}}) is not empty
            why = problem(ctx, f.key, f.value)
            if why:
                yield finding(ctx, RULE, subject, ctx.vocab.predicate_for_field(f.key),
                              f"The “{f.key}” field in {ctx.label(doc.id)} {why}.",
                              [Evidence.of(f.line, note=why)])


COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def _blank_as_written(raw: str) -> bool:
    """The field holds nothing but blanks and comments in the file itself."""
    return not COMMENT.sub("", raw).strip()
