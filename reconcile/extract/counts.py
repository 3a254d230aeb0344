"""Counts a source states and can be checked against its own parts.

- Group sizes: "a crew of three", "a four-person crew", "the seven-member board". The claim
  (predicate `member_count`, qualifier the group noun) is compared with the members a source
  lists for the same entity.
- Casualty counts: "Twelve people were killed and 27 were injured", "at least 9 people died",
  "the death toll stands at 43" (predicates `deaths` and `injuries`, as the infobox keys
  "Deaths" and "Injuries" state them). "At least" and "more than" make the count a lower bound
  (modality `minimum`), "about" and "nearly" an approximation; a count narrowed to a place
  ("29 people died in Puerto Salinas") or a part ("of them") is left alone.
- Totals with their parts in the same sentence: "a total of 5,300 votes: 2,100 in Norrvik,
  1,900 in Oster and 1,200 in Lindholm". The total (`total`) and each part (`part`) share the
  sentence as their context and have no subject, so no other rule compares them as facts.
- Whole counts: "all 26 concerts", "a total of 24 matches", "nine stages in all". The predicate
  is the counted noun as an infobox key would name it (`concerts`), so a field "Concerts: 24"
  about the same subject is compared with it. Only a word saying the number is the whole makes
  it one: "six concerts in Japan" may be a part, "the 12th concert" is an ordinal.
- Counts the packs introduce by phrase (`[counts]`): "a crowd of 48,000" is `attendance`, as
  the infobox key "attendance" states it, of the occasion named in the sentence or the one
  before ("at the Tarrow Shield final ... A crowd of 48,000 watched"), else of the article.
- Counts of a size that changes with time (`dated = true` in the packs: "employs 4,200 people",
  "Employees: 4,200 (2024)"): the firm's named before it, with the year they are given for as
  their qualifier, so that a count of 2019 and one of 2024 are never compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from .. import fastre
from ..model import Claim, Document, Mention, Quantity, Span
from ..vocab import Vocabulary, per_vocabulary
from .numbers import parse_number

GROUP_NOUNS = ("crew", "team", "squad", "group", "party", "delegation", "band", "cast", "lineup",
               "line-up", "board", "panel", "jury", "committee", "expedition")
GROUPS = "|".join(re.escape(n) for n in GROUP_NOUNS)
GROUP_WORD = fastre.compile(GROUPS)  # any group noun, even inside a word: a cheap first test
_N = r"(?P<n>\d{1,3}|[a-z]{3,9})"  # a number word is checked by the number grammar
SIZED = ("-person", "-member", "-man", "-woman", "-strong", "-player", "-piece")
GROUP_COUNT = fastre.compile(
    rf"\b(?:(?P<noun>{GROUPS})\s+of\s+{_N}(?![.,]?\d|\s*(?:-|percent|per\b|%|times\b))"
    rf"|{_N.replace('<n>', '<m>')}-(?:{'|'.join(w[1:] for w in SIZED)})\s+"
    # a name or an adjective of origin may stand between: "the seven-member Polish team"
    rf"(?:(?-i:[A-Z])[\w'’-]*\s+){{0,3}}(?P<noun2>{GROUPS}))\b", re.I)
GROUP_NOUN_OF = fastre.compile(rf"(?:{GROUPS})\s+of\s")
# words before a group noun that make the group a part of a larger one ("a leading group of six
# men passed halfway", "an advance party of four"): no count of the whole
PART_OF_GROUP = fastre.compile(r"\b(?:leading|lead|chasing|chase|front|breakaway|advance|rear|"
                           r"splinter|second|another|rescue|search)\s+\Z", re.I)
TOTAL_CUE = fastre.compile(r"\b(?:a\s+total\s+of|totall?ing|in\s+all\s+of)\s+$", re.I)
# what may follow a total before its parts are listed
PARTS_OPEN = fastre.compile(r"[^,;:(]{0,40}?(?::|\(|,\s+of\s+which|,\s+including|\s+made\s+up\s+of)\s*")


_BOUND = r"(?P<q>at\s+least|more\s+than|over|about|around|nearly|almost|some|an\s+estimated)\s+"
_NUM = r"(?P<n>\d{1,3}(?:,\d{3})*|[A-Za-z]{3,9}(?:-[a-z]{3,5})?)"
_HARMED = {"killed": "deaths", "died": "deaths", "dead": "deaths", "injured": "injuries",
           "hurt": "injuries", "wounded": "injuries"}
TOLL = fastre.compile(
    rf"(?:\b{_BOUND})?(?<![\w,.$£€-]){_NUM}\s+(?:people|persons)\s+(?:(?:were|have\s+been|had\s+been|"
    rf"are|were\s+reported)\s+)?(?P<v>killed|died|dead|injured|hurt|wounded)\b"
    rf"|\b(?P<v2>killing|injuring|killed|injured)\s+(?:{_BOUND.replace('<q>', '<q2>')})?{_NUM.replace('<n>', '<n2>')}"
    rf"\s+(?:people|persons)\b"
    rf"|\bdeath\s+toll(?:\s+(?:from|in)\s+the\s+[a-z]+)?\s+(?:(?:has|had)\s+)?(?:stands\s+at|stood\s+at|rose\s+to|risen\s+to|of|is|was|"
    rf"reached|climbed\s+to)\s+(?:{_BOUND.replace('<q>', '<q3>')})?{_NUM.replace('<n>', '<n3>')}\b"
    # "at least 9 dead", "9 dead and 20 injured": "dead" ending the phrase, not "9 dead trees"
    rf"|(?:\b{_BOUND.replace('<q>', '<q4>')})?(?<![\w,.$£€-]){_NUM.replace('<n>', '<n4>')}\s+dead"
    rf"(?=\s*(?:[,.;:)]|$)|\s+(?:and|in|at|after|when|as|from|following)\b)",
    re.I)
# the second count of a pair: "... were killed and 27 (others) were injured"
TOLL_AND = fastre.compile(
    rf"(?<!\s)\s+and\s+(?P<b>(?:{_BOUND})?{_NUM}\s+(?:others?\s+|people\s+)?(?:(?:were|have\s+been)\s+)?"
    rf"(?P<v>injured|hurt|wounded)\b|(?P<v2>injuring|injured)\s+(?:{_BOUND.replace('<q>', '<q2>')})?"
    rf"{_NUM.replace('<n>', '<n2>')}\b)", re.I)
# a count narrowed to a place or a part of the whole
TOLL_PART = fastre.compile(r"(?<!\s)\s+(?:(?:in|at|from|on)\s+(?!the\b)[A-Z]|(?:of|among)\s+(?:them|those)\b)")
# "the deadliest since 1962, when 17 people died": the toll of what it is compared with
SUPERLATIVE = fastre.compile(r"\bthe\s+(?:[a-z]+est|worst|best|first|most)\b", re.I)
COMPARED_WHEN = fastre.compile(SUPERLATIVE.pattern + r"[^.;]{0,60}?\bsince\s[^,.;]{1,40},\s+when\b", re.I)
TOLL_PART_BEFORE = fastre.compile(r"\b(?:of|among)\s+(?:them|those|these|whom)\b", re.I)
_LOWER = ("at least", "more than", "over")


def _part_before(text: str, start: int) -> bool:
    """ "Of those, 29 people died": a part named earlier in the clause (a bounded look back)."""
    lo = max(0, start - 60)
    return any(not re.search(r"[.;:]", text[m.end():start])
               for m in TOLL_PART_BEFORE.finditer(text, lo, start))


def toll_claims(doc: Document, text: str, low: str, in_sentence: list[Mention],
                positions: dict[str, int], subject: Mention | None,
                span: Callable[[int, int], Span], context: tuple[int, int]) -> list[Claim]:
    """Casualty counts of the sentence's thing (the nearest named thing, else the subject)."""
    out: list[Claim] = []
    for m in TOLL.finditer(text):
        found = [(m, m.start())]
        nxt = TOLL_AND.match(text, m.end())
        if nxt:
            found.append((nxt, nxt.start("b")))
        for hit, start in found:
            k = next(i for i in ("", "2", "3", "4") if hit.groupdict().get("n" + i))
            verb = (hit.groupdict().get("v") or hit.groupdict().get("v2") or "death").lower()
            predicate = "deaths" if verb in ("killing", "death") else \
                "injuries" if verb == "injuring" else _HARMED[verb]
            number = parse_number(hit.group("n" + k))
            if number is None or number.value != int(number.value) or number.value < 0:
                continue
            if TOLL_PART.match(text, hit.end()) or _part_before(text, start) \
                    or COMPARED_WHEN.search(text, 0, start):
                continue
            bound = " ".join((hit.groupdict().get("q" + k) or "").lower().split())
            value = Quantity(number.value, approximate=bool(bound) and bound not in _LOWER)
            modality = "minimum" if bound in _LOWER else "approximate" if bound else "stated"
            things = [x for x in in_sentence if x.kind in ("designator", "name")]
            who = min(things, key=lambda x: abs(positions[x.id] - start)) if things \
                else subject
            out.append(Claim("", doc.id, predicate, value, span(start, hit.end()),
                             subject_mention=who.id if who else None, modality=modality,
                             context=context, inferred_subject=not things))
    return out


_WHOLE_N = r"(?P<n>\d{1,3}(?:,\d{3})*|[a-z]{3,9}(?:[- ][a-z]{3,9})?)"
WHOLE_COUNT = fastre.compile(
    rf"\b(?:all|a\s+total\s+of)\s+{_WHOLE_N}\s+(?P<noun>[a-z]{{3,20}}s)\b(?![-'])"
    rf"|\b{_WHOLE_N.replace('<n>', '<m>')}\s+(?P<noun2>[a-z]{{3,20}}s)\s+"
    rf"(?:in\s+(?:all|total)|altogether)\b", re.I)
PLACE_AFTER = fastre.compile(r"\s(?:in|at|across|outside|within|around)\s+(?:the\s+)?[A-Z]")
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
    if "kill" in low or "died" in low or "dead" in low or "injur" in low or "toll" in low \
            or "wounded" in low or "hurt" in low:
        out.extend(toll_claims(doc, text, low, in_sentence, positions, subject, span, context))
    if "all" in low or "total" in low:
        out.extend(_whole_counts(doc, text, in_sentence, positions, span, context))
    if GROUP_WORD.search(low) is None or (GROUP_NOUN_OF.search(low) is None
                                          and not any(s in low for s in SIZED)):
        return out  # GROUP_COUNT holds "<group> of" or "-member" and the like: cheap tests
    for m in GROUP_COUNT.finditer(text):
        number = parse_number(m.group("n") or m.group("m"))
        if number is None or number.value < 1 or number.value != int(number.value):
            continue
        n = int(number.value)
        if m.group("noun") and PART_OF_GROUP.search(text, max(0, m.start() - 12), m.start()):
            continue
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


# another edition named without a name: "the 2030 final", "last year's edition", "the 2030 race"
# (an occasion noun, or one of these words that no occasion's name ends in)
EDITION_WORDS = frozenset(("edition", "race", "event", "match", "game", "contest", "competition",
                           "season", "meeting"))
# another event told by its kind with words before it ("the half marathon", "the 10 km fun run",
# "the wheelchair race"; not a bare "the race"): a count in a sentence that names no occasion but
# this is that event's, unless the owner's name ends in it ("the cup final" of "2031 Northern Cup
# final")
_OTHER_KINDS = EDITION_WORDS | {"run", "walk", "relay", "heat"}
OTHER_EDITION = fastre.compile(r"\b(?:(?P<y>\d{4})|(?:last|previous)\s+year['’]s|previous)\s+"
                           r"(?P<w>[a-z][a-z-]{2,20})\b")
_SEGMENT = ",;:()"


def occasions_in(mentions: list[Mention], vocab: Vocabulary) -> list[Mention]:
    """The mentions that name an occasion ("2030 Tarrow Shield final", "Brenmoor Marathon")."""
    named = _names_occasion(vocab)
    return [m for m in mentions if m.kind in ("designator", "name") and named(m.surface)]


@per_vocabulary
def _names_occasion(vocab: Vocabulary) -> Callable[[str], bool]:
    """A memoised test of a name's last words against the occasion nouns (asked per sentence
    for every name in it)."""
    memo: dict[str, bool] = {}

    def named(surface: str) -> bool:
        got = memo.get(surface)
        if got is None:
            words = surface.lower().split()
            got = words[-1] in vocab.occasions or " ".join(words[-2:]) in vocab.occasions
            if len(memo) < 100_000:
                memo[surface] = got
        return got

    return named


@per_vocabulary
def _other_event(vocab: Vocabulary) -> re.Pattern[str]:
    nouns = sorted(_OTHER_KINDS | vocab.occasions, key=len, reverse=True)
    return fastre.compile(r"\bthe\s+(?P<mods>(?:[a-z0-9][\w'’.-]*\s+){0,3}?)(?P<noun>"
                      + "|".join(re.escape(n) for n in nouns) + r")\b")


def _year_of(m: Mention) -> int | None:
    head = m.surface[:4]
    return int(head) if head.isdigit() else m.year


def phrase_counts(doc: Document, text: str, low: str, in_sentence: list[Mention],
                  positions: dict[str, int], carried: Mention | None, subject: Mention | None,
                  span: Callable[[int, int], Span], context: tuple[int, int],
                  vocab: Vocabulary) -> list[Claim]:
    """Counts a phrase of the packs introduces; each is the occasion's named nearest before
    it in the sentence, else the one the previous sentence named (`carried`), else the
    article's subject unless a person. Not when the words around it say it is no count of
    what happened ("a capacity of", "is expected"), nor when another edition is named without
    a name ("the 2030 final") in its words, or in a sentence that names no occasion, unless
    it is of the owner's year."""
    out: list[Claim] = []
    if subject is not None and subject.kind == "person":
        subject = None  # "he played in front of 30,000": a crowd is an occasion's, not a person's
    here = occasions_in(in_sentence, vocab)
    kinds = {e["noun"] for e in _other_event(vocab).finditer(low)
             if e["mods"] or " " in e["noun"]} if not here else set()
    others = [(e.start(), e["y"]) for e in OTHER_EDITION.finditer(text)
              if e["w"] in vocab.occasions or e["w"] in EDITION_WORDS]
    for hit in _phrase_hits(low, vocab, dated=False):
        m, lo, hi = hit.match, hit.lo, hit.hi
        before = [x for x in here if positions[x.id] < m.start()]
        who = max(before, key=lambda x: positions[x.id]) if before else \
            min(here, key=lambda x: positions[x.id]) if here else carried or subject
        if who is None or any(lo <= at < hi or not here and y != str(_year_of(who))
                              for at, y in others):
            continue
        if any(not " ".join(who.surface.lower().split()).endswith(k) for k in kinds):
            continue  # "the half marathon ... 9,800 runners finished it": another event's
        out.append(Claim("", doc.id, hit.predicate, hit.quantity, span(m.start(), m.end()),
                         subject_mention=who.id, modality=hit.modality, context=context,
                         inferred_subject=not here and carried is None))
    return out


class _PhraseHit(NamedTuple):
    predicate: str
    match: re.Match[str]
    quantity: Quantity
    modality: str  # stated, approximate, or minimum for a lower bound
    lo: int  # the segment of the sentence around it
    hi: int


def _phrase_hits(low: str, vocab: Vocabulary, dated: bool) -> Iterator[_PhraseHit]:
    """The whole counts the packs' count phrases introduce (of dated or of undated
    predicates), with the sentence segment around each; not where the words of that segment
    say it is no count of what happened ("a capacity of", "is expected")."""
    for predicate, pattern, not_with in vocab.counts:
        if (predicate in vocab.dated_counts) != dated:
            continue
        for m in pattern.finditer(low):
            groups = m.groupdict()  # a pack may give only one of the two forms
            k = "" if groups.get("n") else "2"
            number = parse_number(groups["n" + k])
            if number is None or number.value != int(number.value):
                continue
            lo = max(low.rfind(c, 0, m.start()) for c in _SEGMENT) + 1
            hi = min((i for i in (low.find(c, m.end()) for c in _SEGMENT) if i >= 0),
                     default=len(low))
            if not_with is not None and not_with.search(low, lo, hi) \
                    or vocab.modality_re.search(low, lo, hi):
                continue
            bound = " ".join((groups["q" + k] or "").split())
            yield _PhraseHit(predicate, m,
                             Quantity(number.value, approximate=bool(bound) and bound not in _LOWER),
                             "minimum" if bound in _LOWER else "approximate" if bound else "stated",
                             lo, hi)


# a year in a count's words: "in 2024", "by 2019", "as of 2024", "(2024)", "fiscal 2024"
COUNT_YEAR = fastre.compile(r"(?<![\w,.])(1[89]\d\d|2\d\d\d)(?![\w,.]\d|[-–]\d)")


def count_year(doc: Document, text: str, *spans: tuple[int, int]) -> str | None:
    """The year a count of a changing size is given for: written in its words (the spans of
    text around its number), else a news item's own year; None when neither says."""
    for lo, hi in spans:
        year = COUNT_YEAR.search(text, lo, hi)
        if year is not None:
            return year[1]
    return str(doc.published.year) if doc.published is not None else None


def dated_counts(doc: Document, low: str, in_sentence: list[Mention], positions: dict[str, int],
                 last: Mention | None, span: Callable[[int, int], Span],
                 context: tuple[int, int], vocab: Vocabulary) -> list[Claim]:
    """Counts of a size that changes with time (`dated = true`: "employs 4,200 people"): the
    named thing's nearest before it among the sentence's actors (no place or agent: "under X"),
    else, where no actor comes before it, `last` (the article's, or the thing last named); never
    a person's ("Tarrow, founded by Ida Moen, employs 900": a firm the name list missed). The year
    they are given for is their qualifier, so only counts of one year are compared."""
    out: list[Claim] = []
    for hit in _phrase_hits(low, vocab, dated=True):
        m = hit.match
        before = [x for x in in_sentence if positions[x.id] < m.start()]
        who = max(before, key=lambda x: positions[x.id]) if before else last
        if who is None or who.kind == "person":
            continue
        out.append(Claim("", doc.id, hit.predicate, hit.quantity, span(m.start(), m.end()),
                         subject_mention=who.id, modality=hit.modality,
                         qualifier=count_year(doc, low, (hit.lo, m.start()), (m.end(), hit.hi)),
                         context=context, inferred_subject=not before))
    return out
