"""Counts a source states and can be checked against its own parts.

- Group sizes: "a crew of three", "a four-person crew", "the seven-member board". The claim
  (predicate `member_count`, qualifier the group noun) is compared with the members a source
  lists for the same entity.
- Totals with their parts in the same sentence: "a total of 5,300 votes: 2,100 in Norrvik,
  1,900 in Oster and 1,200 in Lindholm". The total (`total`) and each part (`part`) share the
  sentence as their context and have no subject, so no other rule compares them as facts.
- Whole counts: "all 26 concerts", "a total of 24 matches", "nine stages in all". The predicate
  is the counted noun as an infobox key would name it (`concerts`), so a field "Concerts: 24"
  about the same subject is compared with it. Only a word saying the number is the whole makes
  it one: "six concerts in Japan" may be a part, "the 12th concert" is an ordinal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Claim, Document, Mention, Quantity, Span
from .numbers import parse_number

GROUP_NOUNS = ("crew", "team", "squad", "group", "party", "delegation", "band", "cast", "lineup",
               "line-up", "board", "panel", "jury", "committee")
GROUPS = "|".join(re.escape(n) for n in GROUP_NOUNS)
GROUP_WORD = re.compile(GROUPS)  # any group noun, even inside a word: a cheap first test
_N = r"(?P<n>\d{1,3}|[a-z]{3,9})"  # a number word is checked by the number grammar
GROUP_COUNT = re.compile(
    rf"\b(?:(?P<noun>{GROUPS})\s+of\s+{_N}(?![.,]?\d|\s*(?:-|percent|per\b|%|times\b))"
    rf"|{_N.replace('<n>', '<m>')}-(?:person|member|man|woman|strong|player|piece)\s+"
    rf"(?P<noun2>{GROUPS}))\b", re.I)
TOTAL_CUE = re.compile(r"\b(?:a\s+total\s+of|totall?ing|in\s+all\s+of)\s+$", re.I)
# what may follow a total before its parts are listed
PARTS_OPEN = re.compile(r"[^,;:(]{0,40}?(?::|\(|,\s+of\s+which|,\s+including|\s+made\s+up\s+of)\s*")


_WHOLE_N = r"(?P<n>\d{1,3}(?:,\d{3})*|[a-z]{3,9}(?:[- ][a-z]{3,9})?)"
WHOLE_COUNT = re.compile(
    rf"\b(?:all|a\s+total\s+of)\s+{_WHOLE_N}\s+(?P<noun>[a-z]{{3,20}}s)\b(?![-'])"
    rf"|\b{_WHOLE_N.replace('<n>', '<m>')}\s+(?P<noun2>[a-z]{{3,20}}s)\s+"
    rf"(?:in\s+(?:all|total)|altogether)\b", re.I)
PLACE_AFTER = re.compile(r"\s(?:in|at|across|outside|within|around)\s+(?:the\s+)?[A-Z]")
# nouns after a number that are units or amounts, not the things a tour or season is made of
NOT_COUNTED = frozenset(("days", "weeks", "months", "years", "hours", "minutes", "seconds",
                         "decades", "times", "percent", "miles", "metres", "meters", "dollars",
                         "euros", "pounds", "tonnes", "tons", "others", "sorts", "kinds"))


def count_claims(doc: Document, text: str, low: str, numbers: list, in_sentence: list[Mention],
                 positions: dict[str, int], subject: Mention | None,
                 span: Callable[[int, int], Span], context: tuple[int, int]) -> list[Claim]:
    out: list[Claim] = []
    if "total" in low or "in all" in low:  # substring tests first: most sentences have neither
        out.extend(_total_with_parts(doc, text, numbers, span, context))
    if "all" in low or "total" in low:
        out.extend(_whole_counts(doc, text, in_sentence, positions, span, context))
    if GROUP_WORD.search(low) is None:
        return out
    for m in GROUP_COUNT.finditer(text):
        number = parse_number(m.group("n") or m.group("m"))
        if number is None or number.value < 1 or number.value != int(number.value):
            continue
        n = int(number.value)
        things = [x for x in in_sentence if x.kind in ("designator", "name")]
        who = min(things, key=lambda x: abs(positions[x.id] - m.start())) if things else subject
        if who is None:
            continue
        noun = (m.group("noun") or m.group("noun2")).lower().replace("-", "")
        out.append(Claim("", doc.id, "member_count", Quantity(float(n)), span(m.start(), m.end()),
                         subject_mention=who.id, qualifier=noun, context=context,
                         inferred_subject=not things))
    return out


def _whole_counts(doc: Document, text: str, in_sentence: list[Mention],
                  positions: dict[str, int], span: Callable[[int, int], Span],
                  context: tuple[int, int]) -> list[Claim]:
    """"all 26 concerts of the tour": the count of the thing named nearest it."""
    out: list[Claim] = []
    for m in WHOLE_COUNT.finditer(text):
        if PLACE_AFTER.match(text, m.end()):
            continue  # "all six concerts in Japan": the whole of a part
        noun = (m.group("noun") or m.group("noun2")).lower()
        number = parse_number(m.group("n") or m.group("m"))
        if noun in NOT_COUNTED or number is None or number.value < 2 \
                or number.value != int(number.value):
            continue
        things = [x for x in in_sentence if x.kind in ("designator", "name")]
        if not things:
            continue  # "all 26 concerts" of nothing named in the sentence: not a fact to compare
        who = min(things, key=lambda x: (abs(positions[x.id] - m.start()), positions[x.id]))
        out.append(Claim("", doc.id, noun, Quantity(number.value), span(m.start(), m.end()),
                         subject_mention=who.id, context=context))
    return out


def _total_with_parts(doc: Document, text: str, numbers: list,
                      span: Callable[[int, int], Span], context: tuple[int, int]) -> list[Claim]:
    """A total followed by a list of its parts; nothing unless both are there."""
    for k, total in enumerate(numbers):
        if not TOTAL_CUE.search(text, max(0, total.start - 20), total.start):
            continue
        opened = PARTS_OPEN.match(text, total.end)
        if not opened:
            continue
        parts = [n for n in numbers[k + 1:] if n.start >= opened.end()
                 and n.value.unit == total.value.unit and not n.value.approximate]
        if len(parts) < 2 or total.value.approximate:
            continue
        claims = [Claim("", doc.id, "total", total.value, span(total.start, total.end),
                        context=context)]
        claims += [Claim("", doc.id, "part", p.value, span(p.start, p.end), context=context)
                   for p in parts]
        return claims
    return []
