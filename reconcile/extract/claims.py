"""Claims: what each source states about what.

Fields give one claim each (empty and malformed values kept, so a rule can flag them). Prose
gives dated events (the date attached to the nearest event word of its clause, the subject
chosen by what kind of thing the event happens to), undated events told in the future tense,
durations, serial numbers and characterisations ("a team of Russian cosmonauts").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import groupby

from .. import fastre
from ..model import Claim, DateValue, Document, Mention, Passage, Quantity, Span
from ..vocab import Vocabulary, name_genders, normalise_key, per_vocabulary
from .counts import (
    GROUP_NOUNS,
    SUPERLATIVE,
    TOLL,
    count_claims,
    count_year,
    dated_counts,
    occasions_in,
    phrase_counts,
)
from .dates import CALENDAR_WORDS, DateMatch, find_dates, leading_date, parse_date
from .firsts import RANK_CUE, rank_claims
from .measures import measure_claims, measure_gate
from .mentions import LIST_SPLIT, field_passage, subject_of
from .money import money_claims, money_named, money_period, money_range, money_sign
from .numbers import CURRENCIES, NUMBER_WORDS, NumberMatch, find_numbers, parse_number
from .penalties import penalty_claims, penalty_gate
from .sentences import clause_bounds, split_sentences

PRONOUN_START = fastre.compile(r"^(?:He|She|They|It|His|Her|Its|Their)\b")
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
GROUP_OF = fastre.compile(r"\b(?:team|crew|group|squad|delegation|party|band|trio|quartet|pair)\s+of\s+"
                      r"(?:[a-z\-]+\s+){0,3}?(?P<demonym>[A-Z][a-z]+)\s+(?P<role>[a-z]+s)\b")
# A sentence's opening determiner and the lower-case words after it, where its noun is ("That
# trial began ..." points back at another one just told of, as "Another" does).
SENTENCE_HEAD = fastre.compile(r"(The|This|Its|A|An|Another|That)\s+((?:[a-z\-]+\s+){0,2}[a-z]+)\b")
# An indefinite opening noun phrase; a measure may stand among its words ("A magnitude 5.4
# aftershock", "A 40-metre bridge").
OTHER_HEAD = fastre.compile(r"(?:A|An|Another)\s+((?:(?:[a-z\-]+|\d[\d.,]*(?:-[a-z]+)?)\s+){0,2}[a-z]+)\b")
DEFINITE = frozenset({"the", "this", "its"})
# a sentence about one numbered part of the thing: "The second leg", "The 12th stage" (but "The
# second launch attempt" is the event itself, told again)
PART_HEAD = fastre.compile(r"The\s+(?:first|second|third|fourth|fifth|sixth|seventh|"
                       r"eighth|ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+[a-z]+")
# a group named by what it does within the whole: "The summit party", "The rescue team"
SUBGROUP_HEAD = fastre.compile(r"The\s+([a-z-]+)\s+(?:" + "|".join(GROUP_NOUNS) + r")\b")
FUTURE_BEFORE = fastre.compile(r"(?:\bwill|\bshall|\bis\s+set\s+to|\bare\s+set\s+to|\bis\s+due\s+to|"
                           r"\bis\s+scheduled\s+to|\bis\s+expected\s+to|\bis\s+going\s+to|"
                           r"\bis|\bare)\s+(?:\w+\s+)?$")


@dataclass
class _State:
    """What carries from one sentence to the next: the last date and the last subjects."""

    last_date: DateValue | None = None
    year_date: DateValue | None = None  # the last month- or day-precise date: year-less dates' year
    last_person: Mention | None = None
    last_people: list[Mention] = field(default_factory=list)  # the last sentence's, in order
    last_thing: Mention | None = None
    count_cues: bool = True  # the document holds a count phrase somewhere (a first test)
    named_money: bool = True  # the document names a currency somewhere (a first test)
    last_occasion: Mention | None = None  # the occasion the last sentence named, if any
    other: bool = False  # the last sentence was about some other, unnamed thing
    sole_occasion: Mention | None = None  # the one occasion a subject-less document names
    # the one thing a headline names, until the body names another (see _headline_subject)
    headline: Mention | None = None
    referred: bool = False  # the last sentence was about the headline's thing
    claims: list[Claim] = field(default_factory=list)


def extract_claims(doc: Document, mentions: list[Mention], vocab: Vocabulary,
                   headline: Mention | None = None) -> list[Claim]:
    """`headline`: the one thing the document's headline names (mentions.headline_thing)."""
    subject = subject_of(mentions)
    out: list[Claim] = []
    out.extend(_field_claims(doc, mentions, subject, vocab))
    low = doc.text.lower()
    state = _State(count_cues=vocab.count_cue.search(low) is not None,
                   headline=headline if subject is None else None,
                   named_money=money_named(low))
    mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
    if subject is None and state.count_cues:
        state.sole_occasion = _sole_occasion(mentions, vocab)
    starts = [m.span.start for m in mentions]
    for passage in doc.passages:
        for ss, se in split_sentences(passage.text):
            out.extend(_sentence_claims(doc, passage, ss, se, mentions, starts, subject, vocab,
                                        state))
    return [_with_id(c, doc.id, n) for n, c in enumerate(_dedupe(out), 1)]


def _sole_occasion(mentions: list[Mention], vocab: Vocabulary) -> Mention | None:
    """The occasion a document without a subject names, when it names only one (however
    often): a news item's counts are that occasion's even sentences after it was named."""
    named = occasions_in(mentions, vocab)
    if named and len({" ".join(m.surface.lower().split()) for m in named}) == 1:
        return named[0]
    return None


# a year or a year counted from the telling: a count in such a sentence may be another
# edition's ("In 2030, 16,100 runners finished", "Last year 9,000 people attended")
_OTHER_TIME = fastre.compile(r"\b(?:1[89]\d\d|2\d\d\d)\b|\b(?:last|previous|next)\s+year\b"
                         r"|\byears?\s+(?:ago|earlier|before)\b")


def _with_id(c: Claim, source: str, n: int) -> Claim:
    # the claims of one extraction are new objects no one else holds yet: numbering them in
    # place saves a dataclasses.replace per claim (a tenth of claim building on short texts)
    object.__setattr__(c, "id", f"{source}:c{n}")
    return c


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """Claims in order of place, predicate and written value, each stated once.

    The value's text (a dataclass repr, slow) is only built where place and predicate tie.
    """
    out: list[Claim] = []
    ordered = sorted(claims, key=lambda c: (c.span.start, c.span.end, c.predicate))
    for _, group in groupby(ordered, key=lambda c: (c.span.start, c.span.end, c.predicate)):
        tied = list(group)
        if len(tied) == 1:
            out.extend(tied)
            continue
        seen: set[tuple] = set()
        for c in sorted(tied, key=lambda c: str(c.value)):
            key = (repr(c.value), c.subject_mention, c.qualifier)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def _inside(m: Mention, start: int, end: int) -> bool:
    return start <= m.span.start and m.span.end <= end


# ---- fields ---------------------------------------------------------------------------------


def _row_owners(doc: Document, mentions: list[Mention]) -> dict[int, str | None]:
    """Fields of an infobox that repeats keys ("Candidate, Party, Popular vote" once per
    candidate) are rows of a table: each value belongs to the row's head (the first key that
    repeats), not to the article's subject, which would otherwise state two vote counts.
    Maps a row field's index to the mention in its head's value (None: no one to give it)."""
    keys = [normalise_key(f.key) for f in doc.fields]
    repeated = {k for k in keys if keys.count(k) > 1}
    if not repeated:
        return {}
    head = next(k for k in keys if k in repeated)
    owners: dict[int, str | None] = {}
    owner: str | None = None
    for i, (f, key) in enumerate(zip(doc.fields, keys, strict=True)):
        if key == head:
            owner = next((m.id for m in mentions if _inside(m, f.value_span.start,
                                                            f.value_span.end)), None)
        elif key in repeated:
            owners[i] = owner
    return owners


def _field_claims(doc: Document, mentions: list[Mention], subject: Mention | None,
                  vocab: Vocabulary) -> Iterator[Claim]:
    rows = _row_owners(doc, mentions)
    for i, f in enumerate(doc.fields):
        subj = rows.get(i, subject.id if subject else None)
        if i in rows and subj is None:
            continue
        predicate = vocab.predicate_for_field(f.key)
        key = normalise_key(f.key)
        span = f.value_span if f.value.strip() else f.line
        value: object = f.value
        if predicate in vocab.events:
            value = parse_date(f.value, dayfirst=doc.dayfirst) or f.value
            lead = None if value is not f.value else leading_date(f.value, dayfirst=doc.dayfirst)
            if lead is not None:
                value = lead.value
                span = doc.span(*field_passage(doc, f).raw_range(lead.start, lead.end))
        elif predicate in vocab.identifier_predicates and (
                code := vocab.identifier_re.search(f.value)) is not None:
            # "IMO number: IMO 9731845": the code, as prose writes it after its cue
            value = code["code"]
            span = doc.span(*field_passage(doc, f).raw_range(code.start("code"), code.end("code")))
        elif predicate == "members" and (count := parse_number(f.value)) is not None:
            # "Crew: 6": how many, not who (a list of names has no number alone)
            predicate, value = "member_count", count
        elif predicate == "members":
            value = tuple(f.value[s:e] for s, e in _items(f.value))
        else:
            number = parse_number(f.value) if f.value.strip() else None
            if number is None and predicate in vocab.money_predicates:
                number = money_range(f.value)  # "Budget: $30–35 million"
            if number is not None:
                value = number
        qualifier = key if predicate == "members" else \
            count_year(doc, f.value, (max(0, f.value.find(" ")), len(f.value))) \
            if predicate in vocab.dated_counts else None
        if predicate in vocab.money_period and isinstance(value, Quantity):
            # "Revenue: €2.1 billion (fiscal 2030)": the year written after it, or none
            low = f.value.lower()
            qualifier = money_period(low, 0, 0, max(0, low.find(" ")), len(low))
        if predicate in vocab.events and vocab.events[predicate].by_body \
                and key not in vocab.field_predicate:
            qualifier = _key_body(f.key, vocab)  # "KRA approval": the KRA's
        yield Claim("", doc.id, predicate, value, span, subject_mention=subj,  # type: ignore[arg-type]
                    qualifier=qualifier, field=f.key)
        if key in vocab.identity_fields:
            yield from _identity_serials(doc, f.value_span, mentions, subject, key)


# The body that does an event: capitalised words right before its verb ("The Kessel Rail
# Authority on Monday approved"; found word by word, see _body_before) or after "by" or "from"
# right after it ("approved by the KRA", "approval of the line from the KRA"; only matched at the
# verb's end).
_BODY = r"(?P<body>(?:[A-Z][\w.&'’-]*[ \u00a0]+(?:(?:and|of|for)[ \u00a0]+)?)*[A-Z][\w.&'’-]*)"
BODY_AFTER = fastre.compile(r"[ \u00a0]+(?:of[ \u00a0]+(?:the[ \u00a0]+)?[\w-]+[ \u00a0]+)?(?:by|from)"
                            r"[ \u00a0]+(?:the[ \u00a0]+)?" + _BODY)
BODY_WORD = fastre.compile(r"[A-Z][\w.&'’-]*")  # a whole word (fullmatch)
WORDS = fastre.compile(r"[^ \u00a0]+")
_BODY_GLUE = frozenset(("and", "of", "for"))
_NOT_BODY = frozenset(("the", "a", "an", "in", "on", "after", "before")) | CALENDAR_WORDS


def _body(text: str, t0: int, t1: int) -> tuple[int, int, str] | None:
    m = BODY_AFTER.match(text, t1)
    return (m.start("body"), m.end("body"), m["body"]) if m else _body_before(text, t0)


def _body_before(text: str, t0: int) -> tuple[int, int, str] | None:
    """The capitalised words right before the verb at t0, maybe past "has" or "on Monday"."""
    words = [(w.start(), w.end(), w.group()) for w in WORDS.finditer(text, max(0, t0 - 80), t0)]
    if not words or text[words[-1][1]:t0].strip():
        return None
    i = len(words) - 1
    if words[i][2] in ("has", "had", "have"):
        i -= 1
    elif i >= 2 and words[i - 1][2] == "on" and BODY_WORD.fullmatch(words[i][2]):
        i -= 2  # "on Monday"
    j = i
    while j >= 0 and (BODY_WORD.fullmatch(words[j][2]) or words[j][2] in _BODY_GLUE and j < i):
        j -= 1
    while j + 1 <= i and words[j + 1][2] in _BODY_GLUE:
        j += 1  # a name starts with a capital
    if j >= i:
        return None
    return words[j + 1][0], words[i][1], text[words[j + 1][0]:words[i][1]]


def body_initials(name: str) -> str | None:
    """A body by its initials, as its short name writes it: "Kessel Rail Authority" and "KRA"
    are "KRA"; a country code before a name is dropped ("US Kessel Rail Authority"). None when
    no word is a name's (a weekday, "The") or one capitalised word is all there is."""
    words = [w.replace(".", "") for w in name.split() if w not in _BODY_GLUE]
    words = [w for w in words if w and w.lower() not in _NOT_BODY]
    if len(words) > 1 and words[0].isupper():
        words = words[1:]
    if not words or len(words) == 1 and not words[0].isupper():
        return None  # "Regulators approved": a common noun opening the sentence, no body's name
    return "".join(w if w.isupper() else w[0] for w in words).upper()


def _key_body(key: str, vocab: Vocabulary) -> str | None:
    words = key.split()
    i = next((i for i in range(1, len(words))
              if normalise_key(" ".join(words[i:])) in vocab.field_predicate), 0)
    return body_initials(" ".join(words[:i])) if i else None


def _items(value: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in LIST_SPLIT.finditer(value):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(value):
        out.append((pos, len(value)))
    return out


def _same_designator(a: str, b: str) -> bool:
    norm = [re.sub(r"[\s\-]+", "", s).upper() for s in (a, b)]
    return norm[0].endswith(norm[1]) or norm[1].endswith(norm[0])


def _identity_serials(doc: Document, value_span: Span, mentions: list[Mention],
                      subject: Mention | None, key: str) -> Iterator[Claim]:
    """A serial in an identity field belongs to the subject only if the field names no other."""
    if subject is None:
        return
    inside = [m for m in mentions if _inside(m, value_span.start, value_span.end)]
    others = [m for m in inside if m.kind == "designator"
              and not _same_designator(m.surface, subject.surface)]
    if others:
        return
    for m in inside:
        if m.kind == "serial":
            yield Claim("", doc.id, "serial", _serial_number(m.surface), m.span,
                        subject_mention=subject.id, field=key)


def _serial_number(surface: str) -> str:
    return re.sub(r"^\D+", "", surface)


# ---- prose ----------------------------------------------------------------------------------


OBLIQUE_BEFORE = fastre.compile(r"\b(?:at|in|from|near|over|across|by|into|inside|outside|beside|"
                                r"under|via|to|towards)\s+(?:the\s+)?$|"
                                # an agent named through a noun: "formed by the union of X"
                                r"\bby\s+(?:the\s+|a\s+|an\s+)?[a-z\-]+\s+of\s+(?:the\s+)?$|"
                                # a companion: "announced alongside the larger X Pro"
                                r"\b(?:alongside|besides)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
# "took the lead in Sunday's election", "after the death": a person's event word used as a
# noun names the event, which the people of the sentence need not be what it happened to;
# "his election", "Smith's death", "the election of Smith" say whose it is. Searched in a
# window of 40 characters before the word.
EVENT_NOUN_BEFORE = fastre.compile(r"(?:\b(?:the|a|an|this|that|last|next|its)|(?P<gen>['’]s))"
                               r"\s+(?:[a-z-]+\s+){0,2}$")
# an event word in the passive ("was held", "will be held") is what happens to the opening
# noun phrase; an indefinite one ("A day of mourning") is not the article's subject
PASSIVE = ("was ", "were ", "is ", "are ", "will be ")
INDEFINITE_HEAD = fastre.compile(r"(?:A|An|Another)\s")
# a person's event word as an active verb with a name right after it: "the court convicted X"
ACTIVE_VERB = fastre.compile(r"(?<![a-z])[a-z]+ed[ \t]")
POSSESSIVE_BEFORE = fastre.compile(r"\b(his|her)[ \t]+\Z")
# the event words a casualty count is told with (TOLL's verbs): only these need the TOLL scan
TOLL_WORDS = frozenset(("killed", "died", "dead", "death", "injured", "hurt", "wounded",
                        "killing", "injuring"))
# what joins the names of a list: "X and Y", "X, Y and Z" (a blank run entered only from its
# first blank, so a search stays linear)
LISTED = fastre.compile(r",[ \t]+(?:and[ \t]+)?|(?<![ \t,])[ \t]+and[ \t]+")
# a relative clause that holds the event word: ", which was founded in"
WHICH_BEFORE = fastre.compile(r",[ \t]+which[ \t][^,;()]*\Z")
KIND_WORDS = fastre.compile(r"(?:[ \t]+[a-z][a-z\-]*){0,2}")  # "X-3 trial": a name's kind nouns
AND_BEFORE = fastre.compile(r"(?:,|(?<![ \t]))[ \t]+and[ \t]+\Z")  # from a blank run's start: linear
# An active verb of making or changing a thing with its object right after it: "X founded the
# Kestrel Trust in 1998", "the expedition established base camp on 3 May", "police opened
# fire": the event is the object's, named or not, never the doer's. After "was", "had been" ...
# the sentence's subject is what it happened to, as before.
OBJECT_AFTER = fastre.compile(r"[ \t]+(?:(?P<det>the|a|an|this|another|several|new)[ \t]+)?"
                              r"(?P<word>[A-Za-z][A-Za-z\-]*)")
PASSIVE_BEFORE = fastre.compile(r"\b(?:was|were|been|being|be|is|are)[ \t]+(?:[a-z]+ly[ \t]+)?\Z")
# words after an event verb that begin no object: where, when, how, and what comes next
NOT_AN_OBJECT = frozenset(
    "in on at by with for from to into onto over under near after before during until since "
    "as and or but when while where which who that then again also later earlier today "
    "yesterday tomorrow last next this early late first only once jointly formally officially "
    "its their his her".split()) | NUMBER_WORDS
# the thing itself opening, closing or starting, in other words ("opened its doors", "began
# operations"), and the time it did ("opened the following day", "founded that year")
SELF_OBJECTS = frozenset("doors gates operations operating trading business following next same "
                         "previous day week month year".split())
NOUN_PHRASE_END = fastre.compile(r"[,;:.()]|[ \t](?:in|on|at|by|with|for|from|to|after|before|"
                                 r"and|or|as|when|while)[ \t]")
TIME_POINT_BEFORE = fastre.compile(r"\b(?:after|within|in|by|at|before|until|into)\s+$")
OF_AFTER = fastre.compile(r"(?<![a-z-])[a-z-]+\s+of\s+")


# What may stand between a relative date and the absolute date that restates it:
# "two days later, on 15 May", "on Saturday (23 March)". Each blank run is anchored by a
# mandatory character, so a failed match cannot retry a blank run in many ways.
APPOSITION = fastre.compile(r"\s*(?:[,(\-–—]\s*)?(?:(?:on|in)\s+)?")


def _unrestated(text: str, dates: list) -> list:
    """Drop a relative date that an absolute date right beside it restates: the absolute one is
    what the source says; the relative one, resolved from an earlier date, can only add error."""
    out = []
    for k, d in enumerate(dates):
        if d.relative:
            before = dates[k - 1] if k > 0 else None
            after = dates[k + 1] if k + 1 < len(dates) else None
            if after is not None and not after.relative and APPOSITION.fullmatch(text, d.end, after.start) \
                    or before is not None and not before.relative \
                    and APPOSITION.fullmatch(text, before.end, d.start):
                continue
        out.append(d)
    return out


def _lower(text: str) -> str:
    """Lower-case without changing length, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _sentence_claims(doc: Document, passage: Passage, ss: int, se: int, mentions: list[Mention],
                     starts: list[int], subject: Mention | None, vocab: Vocabulary, state: _State) -> list[Claim]:
    text = passage.text[ss:se]
    raw_s, raw_e = passage.raw_range(ss, se)
    lo = bisect.bisect_left(starts, raw_s)
    hi = bisect.bisect_left(starts, raw_e)
    in_sentence = [m for m in mentions[lo:hi] if m.span.end <= raw_e]
    low = _lower(text)
    if state.headline is not None:  # a document without a subject, whose headline names one thing
        subject = _headline_subject(text, low, passage, ss, in_sentence, state, vocab)
    # "A magnitude 5.4 aftershock struck ... It damaged a school": both sentences are about
    # some other, unnamed thing, never the article's subject
    state.other = _unnamed_other(text, in_sentence, subject, vocab) \
        or state.other and text.startswith("It ")
    if state.other:
        subject = None
    triggers = [(m.start(), m.end(), vocab.trigger_event[" ".join(m.group().split())])
                for m in vocab.trigger_re.finditer(low) if not _not_an_event(low, m, vocab)]
    out: list[Claim] = []
    ranked = RANK_CUE.search(low) is not None
    coded = any(c in low for c in vocab.identifier_cues)
    if not triggers and not ranked and not coded and not _MAYBE_CLAIM.search(low):
        # nothing datable, countable or characterising: only carry the subjects forward
        _carry(state, in_sentence, bool(PRONOUN_START.match(text)), vocab)
        return out

    def span(a: int, b: int) -> Span:
        s, e = passage.raw_range(ss + a, ss + b)
        return doc.span(s, e)

    positions = {m.id: _position(passage, ss, m) for m in in_sentence}
    pronoun = bool(PRONOUN_START.match(text))
    said = text.split(None, 1)[0] if pronoun else ""
    if not pronoun and (", he " in low or ", she " in low or ", they " in low) and (
            opener := OPENER_PRONOUN.match(text)) is not None and not any(
            m.kind == "person" and positions[m.id] < opener.start(1) for m in in_sentence):
        pronoun, said = True, opener[1]  # "Born in Brno in 1931, she came ..."
    # "Her father, the chemist X, died in 1970": the sentence is about the relative
    relative = pronoun and _relative_opening(text, vocab)

    def choose_subject(event: str | None, at: int, end: int = -1,
                       doers: tuple[tuple[int, int], ...] = ()) -> tuple[Mention | None, bool]:
        """`doers`: where bodies that do events are named (never what they happen to)."""
        kind = vocab.events[event].subject if event in vocab.events else "any"
        if end > at and event in vocab.events and vocab.events[event].object_is_subject:
            made = _made_object(low, at, end, in_sentence, positions)
            if isinstance(made, str) and subject is None and state.headline is not None \
                    and _kind_agrees(made, state.headline, vocab):
                return state.headline, True  # "The mayor opened the dam": the headline's dam
            if isinstance(made, str):  # unnamed: "the museum" is the article's, if its kind
                own = {w.lower() for w in subject.surface.split()} if subject is not None else ()
                return (subject, True) if made in own else (None, True)
            if made is not None:
                return made, False
        # a place or an agent ("premiered at Arden Hall", "designed by X") is not what the event
        # happens to
        actors = [m for m in _actors(low, in_sentence, positions)
                  if not any(d0 <= positions[m.id] < d1 for d0, d1 in doers)]
        people = [m for m in actors if m.kind == "person"]
        things = [m for m in actors if m.kind in ("designator", "name")]
        if state.other and not things and (kind != "person" or not people):
            return None, True  # the event of some other, unnamed thing
        opener = next((m for m in things if positions[m.id] <= 4), None)  # the sentence's own
        if kind != "person" and AND_BEFORE.search(low, max(0, at - 8), at) \
                and not WHICH_BEFORE.search(low, max(0, at - 60), at):
            # "It was announced alongside the X Pro, and went on sale on 22 September": a verb
            # joined by "and" shares the sentence's subject, not the nearest name's (inside a
            # relative clause, "It replaced X, which opened in 1902 and closed in 2031", the
            # clause's: see below)
            if opener is not None:
                return opener, False
            if text.startswith("It ") and subject is not None and not relative:
                return subject, True
        comma = text.rfind(",", 0, at)
        if kind != "person" and opener is not None and comma > 0 and at - comma < 60 and any(
                comma < positions[m.id] < at for m in people) and not any(
                comma < positions[m.id] < at for m in things):
            # "Tarrow will buy Elden Mills, its chief executive Jo Hale announced": the speaker's
            # word tells the clause before it, whose doer opens the sentence
            return opener, False
        if pronoun and not relative and (kind == "person" or not things):
            # "He broke the record held by X": the pronoun is the subject, X is not; but
            # "They arrived on Flight 9": a vehicle named in the sentence wins for its events
            carried = _referent(state, said, mentions) if kind == "person" else state.last_thing
            if carried is not None:
                return carried, False
            if text.startswith(("It", "Its")) and subject is not None:
                return subject, True
        aside = _opening_aside(text, at)
        if kind != "person" and aside is not None and not any(
                positions[m.id] < aside[1] for m in things):
            # "The orchestra, founded in 1921, toured on the Harbour Tour": the aside's event is
            # the opening noun's; a thing named after the aside is not it, and the article's
            # subject is it only if that noun is its kind ("The storm, which formed ...")
            kind_nouns = {w.lower() for w in aside[0].split()} & vocab.name_heads
            own = {w.lower() for w in subject.surface.split()} if subject is not None else set()
            return (subject, True) if kind_nouns & own else (None, True)
        if kind != "person" and subject is not None and "," not in text[:at] and not any(
                positions[m.id] < at for m in things):
            # "The bridge was designed by X and opened ...", "The storm made landfall near Y":
            # a definite kind noun that opens the sentence, with no other thing named before
            # the event word in its first clause, is the article's subject; "A
            # replacement bridge ... opened": an indefinite one is some other, unnamed thing
            part = PART_HEAD.match(text) or SUBGROUP_HEAD.match(text)
            if part and part.end() < at and not (
                    part.lastindex and subject is not None
                    and part[1].lower() in subject.surface.lower().split()):
                # "The second leg began ...", "The summit party set off ...": a part's event,
                # not the whole's (unless the word is the subject's own: "The Arctic team")
                return None, True
            lead = SENTENCE_HEAD.match(text)
            if lead and any(w.lower() in vocab.name_heads for w in lead.group(2).split()):
                return (subject, True) if lead.group(1).lower() in DEFINITE else (None, True)
            noun = lead.group(2).split(None, 1)[0] if lead and lead.end(1) < at \
                and lead.group(1).lower() in DEFINITE else ""
            if noun and vocab.trigger_event.get(noun, event) != event:
                # "The takeover was completed on ...": the end of another event the sentence
                # opens with, the subject's only if that event is what it is (an article on
                # a merger), not the firm's end
                own = {w.lower() for w in subject.surface.split()}
                return (subject, True) if noun in own else (None, True)
        which = WHICH_BEFORE.search(low, max(0, at - 60), at)
        if kind != "person" and which is not None:
            # "the season, which ended on 4 May", "Tarrow, which was founded in 1990": the event
            # of what the relative clause hangs on, named or not
            head = _clause_head(low, which.start())
            named = [m for m in in_sentence if positions[m.id] + len(m.surface) <= head and
                     KIND_WORDS.fullmatch(low, positions[m.id] + len(m.surface), head)]
            return (named[-1], False) if named else (None, True)
        if kind != "person" and _indefinite_actor(low, at, vocab) and not any(
                0 <= at - positions[m.id] < 80 for m in things):
            return None, True  # "In May, a Korean team reached the summit": another, unnamed group
        if kind == "person" and people:
            verb = ACTIVE_VERB.match(low, at)
            if verb is not None:  # "the court convicted X", "police killed X": it happens to X
                taken = next((m for m in people if positions[m.id] == verb.end()), None)
                if taken is not None:
                    return taken, False
            noun = EVENT_NOUN_BEFORE.search(low, max(0, at - 40), at)
            if noun is not None:
                return _noun_owner(low, at, noun, people, positions), False
        # events happen to things unless the vocabulary says they happen to people
        prefer = people or things if kind == "person" else things or people
        if prefer:
            return min(prefer, key=lambda m: (abs(positions[m.id] - at), positions[m.id])), False
        possessive = POSSESSIVE_BEFORE.search(low, max(0, at - 8), at) if kind == "person" else None
        if possessive is not None and (whose := _referent(state, possessive[1], mentions)) is not None:
            return whose, False  # "ended in his acquittal": the person last named, not the article
        return subject, True

    # dated events
    measured = measure_gate(vocab).search(low) is not None
    penalised = penalty_gate(vocab).search(low) is not None
    monied = (money_sign(text) or state.named_money and money_named(low)) \
        and vocab.money_cue.search(low) is not None
    dates, numbers = _values(doc, text, state.last_date, state.year_date,
                             measured or penalised or monied or _numbers_used(text, low))
    respectively = "respectively" in low
    dated_triggers: set[int] = set()
    # "The Kessel Rail Authority approved it": who approves (by trigger), never what is approved
    bodies = {t[0]: b for t in triggers if vocab.events[t[2]].by_body
              and (b := _body(text, t[0], t[1])) is not None} if dates else {}
    for k, d in enumerate(dates):
        c0, c1 = clause_bounds(text, d.start)
        left = [t for t in triggers if c0 <= t[0] and t[1] <= d.start
                and _left_governs(low, t, d, dates, vocab)]
        right = [t for t in triggers if t[0] >= d.end and t[1] <= c1
                 and not vocab.reporting_any.search(low, d.end, t[0])
                 and not _RIGHT_BREAK.search(low, d.end, t[0])
                 and not _ASIDE_OPEN.search(low, d.end, t[0])
                 and not (_ASIDE_OPEN.search(low, c0, d.start) and "," in low[d.end:t[0]])
                 and not _speaker(low, t, vocab)]
        if not left and right and any(
                right[0][1] <= e.start < c1 and _left_governs(low, right[0], e, dates, vocab)
                and not any(right[0][1] <= t[0] and t[1] <= e.start for t in triggers)
                for e in dates[k + 1:]):
            # "in 1956 and married X a year later": the word's date is the later one (unless
            # another event word takes that one: "on Tuesday unveiled X, which goes on sale on
            # 22 September")
            right = []
        trig = left[-1] if left else (right[0] if right else None)
        life = _lifespan(text, dates, k, vocab)
        trig = (d.start, d.start, life) if life else trig
        if not vocab.reporting_re.search(low[max(0, d.start - 30):d.start]):
            # "police said on Monday": the day of a statement is no anchor for the story's
            # "two days later"
            state.last_date = d.value
        state.year_date = _carried(state.year_date, d.value)
        if any(positions[m.id] <= d.start and d.end <= positions[m.id] + len(m.surface)
               for m in in_sentence):
            continue  # "since the 1962 Glenmere flood": the year of a name, no event's date
        if trig is not None and _UNTIL.search(low, max(0, d.start - 8), d.start):
            dated_triggers.add(trig[0])  # the end of a state ("will stay closed until 24 March")
            continue
        if trig is not None and trig[0] > d.start and _SINCE.search(low, max(0, d.start - 8), d.start):
            # "the incumbent since 2022, announced ...": the start of a state, not the date of
            # the event word after it ("closed since 2019" does date the closing)
            continue
        if trig is None or vocab.reporting_re.search(low[max(0, d.start - 30):d.start]):
            continue  # no event, or the date of a statement ("said on Thursday that ...")
        dated_triggers.add(trig[0])
        event = trig[2]
        if low[trig[0]:trig[1]].rpartition(" ")[2] in TOLL_WORDS and any(
                t.start() <= trig[0] < t.end() for t in TOLL.finditer(text)):
            continue  # "which killed 30 people on 9 June": how many died, no one's death
        if low.startswith(PASSIVE, trig[0]) and INDEFINITE_HEAD.match(text) and not any(
                positions[m.id] < trig[0] for m in in_sentence):
            continue  # "A day of mourning will be held on Monday": some other, unnamed thing
        body = bodies.get(trig[0])
        who, inferred = choose_subject(event, trig[0], trig[1],
                                       tuple(b[:2] for b in bodies.values()))
        qualifier = body_initials(body[2]) if body else None
        if event == "record":  # "the record of 878 days": which record it is
            inside = [n for n in numbers if c0 <= n.start < c1 and n.value.unit in TIME_UNITS]
            qualifier = _qual(inside[0].value) if inside else None
        if respectively:
            counted = [n for n in numbers if n.value.unit in TIME_UNITS or n.value.unit is None]
            if len(counted) == len(dates):
                qualifier = _qual(counted[k].value)
        modality = _date_modality(low, c0, c1, min(trig[0], d.start), max(trig[1], d.end), vocab)
        if modality == "stated" and _after(d.value, doc.published) \
                and _NOT_PAST.search(low, trig[0], trig[1]):
            modality = "future"  # "The tour opens on 14 January 2025" in a 2024 article
        out.append(Claim("", doc.id, event, d.value, span(d.start, d.end),
                         subject_mention=who.id if who else None, modality=modality,
                         qualifier=qualifier, resolution=d.resolution,
                         context=(raw_s, raw_e), inferred_subject=inferred))
    # undated events told as still to come ("will transport", "is launching")
    for t0, t1, event in triggers:
        if t0 in dated_triggers or event not in vocab.events:
            continue
        c0, _ = clause_bounds(text, t0)
        before = low[c0:t0]
        tense = None
        if low[t0:t1].startswith(("will ", "is set")) or FUTURE_BEFORE.search(before) and (
                low[t0:t1].endswith("ing") or not before.rstrip().endswith((" is", " are"))):
            tense = "future"
        elif low[t0:t1].endswith("s") and not low[t0:t1].endswith("ss") and event != "record":
            tense = "present"
        if tense is None:
            continue
        who, inferred = choose_subject(event, t0, t1)
        out.append(Claim("", doc.id, event, None, span(_tense_start(low, c0, t0), t1),
                         subject_mention=who.id if who else None, modality=tense,
                         context=(raw_s, raw_e), inferred_subject=inferred))
    spans = numbers
    if numbers and penalised:
        penalties = penalty_claims(doc, text, low, numbers, in_sentence, positions,
                                   _referent(state, said, mentions) if pronoun and not relative
                                   else None, state.last_person, subject, span, (raw_s, raw_e),
                                   vocab)
        out.extend(penalties)
        given = {c.span.start for c in penalties}  # a penalty is no duration
        spans = [n for n in numbers if span(n.start, n.end).start not in given]
    out.extend(_durations(doc, text, low, spans, in_sentence, positions, subject, vocab, span,
                          (raw_s, raw_e)))
    out.extend(_serials(doc, in_sentence, positions, text))
    out.extend(_characterisations(doc, text, in_sentence, positions, span, (raw_s, raw_e)))
    out.extend(count_claims(doc, text, low, numbers, in_sentence, positions, subject, span,
                            (raw_s, raw_e)))
    if coded:
        out.extend(_identifier_claims(doc, text, low, in_sentence, positions,
                                      subject or state.last_thing, span, (raw_s, raw_e), vocab))
    if measured and numbers:
        def owner(at: int, after: int | None, part: bool) -> tuple[Mention | None, bool]:
            return _measure_owner(text, low, at, after, part, in_sentence, positions, subject,
                                  state.last_thing if pronoun else None, vocab)

        def mood(at: int) -> str:
            return _modality(low[slice(*clause_bounds(text, at))], vocab)

        out.extend(measure_claims(doc, text, low, numbers, vocab, owner, mood, span,
                                  (raw_s, raw_e)))
    if spans and (monied or any(n.value.unit in CURRENCIES for n in spans)
                  and vocab.money_cue.search(low) is not None):  # "NOK 4.2 billion": a code
        def payer(cue: int, at: int) -> tuple[Mention | None, bool]:
            return _money_owner(text, low, cue, at, in_sentence, positions,
                                subject or state.headline, state.last_thing, vocab)

        def money_mood(lo: int, hi: int) -> str:
            c0, c1 = clause_bounds(text, lo)
            return _modality(low[max(lo, c0):min(hi, c1)], vocab)

        out.extend(money_claims(doc, text, low, spans, vocab, payer, money_mood, span,
                                (raw_s, raw_e)))
    if state.count_cues and vocab.count_cue.search(low) is not None:  # most sentences hold none
        sole = None if state.sole_occasion is None or _OTHER_TIME.search(low) \
            else state.sole_occasion
        out.extend(phrase_counts(doc, text, low, in_sentence, positions, state.last_occasion,
                                 subject or sole, span, (raw_s, raw_e), vocab))
    if state.count_cues and vocab.dated_counts and vocab.count_cue.search(low) is not None:
        out.extend(dated_counts(doc, low, _actors(low, in_sentence, positions), positions,
                                subject or state.last_thing,
                                span, (raw_s, raw_e), vocab))
    state.last_occasion = next(iter(occasions_in(in_sentence, vocab)), None) if in_sentence \
        else None
    if ranked:
        out.extend(rank_claims(doc, text, in_sentence, positions,
                               _referent(state, said, mentions) if pronoun else None, span,
                               (raw_s, raw_e),
                               vocab))
    people = [m for m in in_sentence if m.kind == "person"]
    things = [m for m in in_sentence if m.kind in ("designator", "name")]
    if people and not pronoun:
        state.last_people = sorted(people, key=lambda m: positions[m.id])
        state.last_person = state.last_people[0]
    chosen = [c.subject_mention for c in out if c.value is not None and not c.inferred_subject]
    chosen_things = [m for m in things if m.id in chosen]
    if chosen_things:
        state.last_thing = chosen_things[0]
    elif things and not pronoun:
        state.last_thing = min(things, key=lambda m: positions[m.id])
    return out


def _identifier_claims(doc: Document, text: str, low: str, in_sentence: list[Mention],
                       positions: dict[str, int], fallback: Mention | None,
                       span: Callable[[int, int], Span], context: tuple[int, int],
                       vocab: Vocabulary) -> list[Claim]:
    """A code after a cue is the named thing's it follows in its clause ("Flight 9, registered
    N512AX"), not an "a/an" description's ("Flight 612, an Embraer 190 registered PH-EZK");
    else `fallback`: the article's subject, or in a news item the thing last named."""
    out = []
    for m in vocab.identifier_re.finditer(text):
        c0, _ = clause_bounds(text, m.start())
        named = [x for x in in_sentence if x.kind in ("designator", "name")
                 and c0 <= positions[x.id] < m.start()
                 and not low[max(0, positions[x.id] - 3):positions[x.id]].endswith(("a ", "an "))]
        holder = max(named, key=lambda x: positions[x.id]) if named else fallback
        out.append(Claim("", doc.id, vocab.identifier_predicate(m["cue"]), m["code"],
                         span(m.start("code"), m.end("code")),
                         subject_mention=holder.id if holder else None, context=context,
                         inferred_subject=not named))
    return out


def _position(passage: Passage, ss: int, m: Mention) -> int:
    """A mention's position in the coordinates of the sentence that starts at `ss`."""
    if passage.offsets is None:
        return m.span.start - passage.start - ss
    return bisect.bisect_left(passage.offsets, m.span.start) - ss


# the words that may follow a sentence's opening noun as its verb: "The dam is", "The dam, which",
# "The dam will", "The dam finally opened" (an event word of the packs is one too)
AUXILIARIES = frozenset("is was are were will would has had have can could may might must shall "
                        "should did does remains remained".split())


def _headline_subject(text: str, low: str, passage: Passage, ss: int, in_sentence: list[Mention],
                      state: _State, vocab: Vocabulary) -> Mention | None:
    """The headline's thing, when this sentence of a document without a subject is about it.

    A reader of "Pellow Dam opens after six years / The dam opened on 3 May" takes the dam of
    the opening sentences for the headline's: while the body names no other thing (a place or
    an agent, "at X", "by X", does not count), a sentence that opens with a definite noun of the
    thing's kind ("The dam", "The new dam,", "This dam"), or with "It" right after such a
    sentence, is the thing's. Its claims then take the thing where they would take an article's
    subject. Once the body names another thing, "the dam" may be that one: never again."""
    things = [m for m in in_sentence if m.kind in ("designator", "name")]
    headline = state.headline
    assert headline is not None
    if things:
        at = {m.id: _position(passage, ss, m) for m in things}
        if any(m.surface.lower() != headline.surface.lower() for m in _actors(low, things, at)):
            state.headline = None
            return None
    refers = _opens_with_kind(text, headline, vocab) or state.referred and text.startswith(
        ("It ", "Its "))
    state.referred = refers
    return headline if refers else None


def _opens_with_kind(text: str, thing: Mention, vocab: Vocabulary) -> bool:
    """ "The dam opened", "The new dam, which ...", "The road dam is": the noun phrase that
    opens the sentence after "The" or "This" ends (in a comma or before a verb) in the thing's
    kind noun; not "The dam workers struck" nor "The weir opened" (another noun heads it), nor
    "The Arlen dam" (a capitalised word that is no word of the thing's name)."""
    words = text[:100].split(None, 5)
    if len(words) < 3 or words[0] not in ("The", "This"):
        return False
    own = {w.lower() for w in thing.surface.split()}
    for k in range(1, min(4, len(words) - 1)):
        word, after = words[k].rstrip(","), words[k + 1]
        if words[k].endswith(",") or after in AUXILIARIES or after.endswith(("ed", "ly")) \
                or after in vocab.trigger_event:
            return _kind_agrees(word, thing, vocab)  # the phrase's last word, before its verb
        if word[:1].isupper() and word.lower() not in own:
            return False
    return False


def _kind_agrees(noun: str, thing: Mention, vocab: Vocabulary) -> bool:
    """Whether a lower-case noun is the named thing's kind: the kind noun that ends its name
    ("dam": "Pellow Dam") or leads it ("lake": "Lake Tessel"), or a word of a designator's
    name ("flight": "Flight 90")."""
    words = thing.surface.lower().split()
    if thing.kind == "designator":
        return noun in words and noun.isalpha()
    return noun == words[-1] and (noun in vocab.name_heads or noun in vocab.occasions) \
        or noun == words[0] and noun in vocab.name_lead_heads


# an opening phrase, then the subject pronoun of the main clause
OPENER_PRONOUN = fastre.compile(r"[^,;.]{1,80},\s+(he|she|they)\s")
POSSESSIVE_OPENING = fastre.compile(r"(?:His|Her|Their)\s+(?:[a-z-]+\s+)?([a-z-]+)\b")


def _relative_opening(text: str, vocab: Vocabulary) -> bool:
    """A sentence that opens with a possessive and a role or kin noun ("Her father", "His
    first wife", "Their manager") is about that other person, not the pronoun's."""
    m = POSSESSIVE_OPENING.match(text)
    return m is not None and (m[1] in vocab.roles or m[1][:-1] in vocab.roles)


PRONOUN_GENDER = {"he": "M", "his": "M", "him": "M", "she": "F", "her": "F"}


def _referent(state: _State, pronoun: str, mentions: list[Mention]) -> Mention | None:
    """Whom a sentence's opening pronoun means: the first person of the last sentence that
    named people, passing over those whose given name is of the other gender ("Vaskova
    withdrew and Danylenko was declared elected. He took office ...": Danylenko); no one if
    all are. A surname alone takes the given name of the document's full name with it."""
    gender = PRONOUN_GENDER.get(pronoun.lower())
    if gender is None:
        return state.last_person
    genders = name_genders()
    for m in state.last_people:
        given = _given_name(m, mentions)
        if genders.get(given) in (None, gender):
            return m
    return None


def _unnamed_other(text: str, in_sentence: list[Mention], subject: Mention | None,
                   vocab: Vocabulary) -> bool:
    """Whether the sentence opens with an indefinite kind noun other than the subject's own kind
    and names nothing before it ("A temporary span" in a viaduct's article, "A magnitude 5.4
    aftershock" in an earthquake's): it is about some other, unnamed thing. The subject's own
    kind ("A magnitude 7.8 earthquake struck" in an earthquake's article) may be the subject."""
    lead = OTHER_HEAD.match(text) if text.startswith("A") else None
    if lead is None:
        return False
    own = {w.lower() for w in subject.surface.split()} if subject is not None else set()
    return any(w in vocab.name_heads and w not in own for w in lead[1].split()) \
        and not any(m.surface in text[:lead.end()] for m in in_sentence)


# an indefinite noun phrase opening a clause: "a Korean team led by X", "another company"
INDEFINITE_ACTOR = fastre.compile(r"(?:(?:and|but|while|when|then)\s+)?(?:a|an|another)\s+"
                              r"(?P<words>(?:[a-z’'-]+\s+){0,2}[a-z]+)\b")


def _indefinite_actor(low: str, at: int, vocab: Vocabulary) -> bool:
    """Whether the clause of the event word at `at` opens with an indefinite group or kind noun
    ("a rival team reached", "another company announced"): some other, unnamed thing than the
    article's."""
    lo = max(0, at - 80)
    if " a" not in low[lo:at] and not low.startswith("a"):
        return False  # most clauses have no indefinite article before the event word
    start = max(low.rfind(c, lo, at) for c in ",;:") + 1 or lo
    start += len(low[start:at]) - len(low[start:at].lstrip())
    m = INDEFINITE_ACTOR.match(low, start, at)
    return m is not None and any(w in GROUP_NOUNS or w in vocab.name_heads
                                 for w in m["words"].split())


def _given_name(m: Mention, mentions: list[Mention]) -> str:
    words = m.surface.split()
    if len(words) > 1:
        return words[0].lower()
    full = next((x for x in mentions if x.kind == "person" and len(x.surface.split()) > 1
                 and x.surface.split()[-1] == words[0]), None) if words else None
    return full.surface.split()[0].lower() if full is not None else ""


def _noun_owner(low: str, at: int, noun: re.Match[str], people: list[Mention],
                positions: dict[str, int]) -> Mention | None:
    """Whose event a person's event word used as a noun is: the person in the genitive
    before it ("Smith's election") or right after its "of" ("the death of Smith"), else no
    one's."""
    if noun["gen"]:
        g = noun.start("gen")
        for m in people:
            if low.endswith(m.surface.split()[-1].lower(), 0, g):
                return m
        return None
    of = OF_AFTER.match(low, at)
    if of is not None:
        return next((m for m in people if 0 <= positions[m.id] - of.end() <= 4), None)
    return None


# a new clause whose own subject a measurement after it may have: "..., and the tunnel is 2 km long"
_NEW_CLAUSE = fastre.compile(r",[ \t]*(?:and|but|which|who|whose|while|whereas|where)\b|;")
# "The (concrete) tower is", "The tower, which": the kind noun a sentence opens with, as its subject
# ("The tower's mast is", "The tower mast is" are about another thing)
_KIND_LEAD = fastre.compile(r"(?:The|This)[ \t]+(?:[a-z-]+[ \t]+){0,2}?([a-z]+)(?=[ \t]*,|[ \t]+(?:is|was|"
                        r"stands|stood|rises|rose|has|had|measures|measured|reaches|reached|covers|"
                        r"covered|spans|spanned|runs|ran)\b)")
_PRONOUN_OWNER = fastre.compile(r"(?:(It|He|She)|Its|His|Her) ")
_RELATIVE = fastre.compile(r",[ \t]*(?:which|that)\b")
_HEAD_WORDS = fastre.compile(r"(?<![ \t-])[ \t-]*(?<![a-z])((?:[a-z]+[ \t]+){0,2}[a-z]+)")


def _measure_owner(text: str, low: str, at: int, after: int | None, part: bool,
                   in_sentence: list[Mention], positions: dict[str, int],
                   subject: Mention | None, carried: Mention | None,
                   vocab: Vocabulary) -> tuple[Mention | None, bool]:
    """Whose dimension the quantity at `at` states, and whether that was inferred; None when
    the sentence does not say (a measurement of no one is no claim).

    Attributive ("the 1,200-metre-long bridge", `after` where the adjective ends): the thing
    named right after it, or the subject when the noun is a kind noun of the subject's name.
    Otherwise the nearest thing named before it in its clause (not a place: "in Sennick", nor
    one in an earlier clause: "X opened, and the tunnel is 2 km long"); a sentence opening with
    "It", "Its <dimension noun>" or a definite kind noun of the subject ("The tower is 330 metres
    tall") is about the subject; "the 140-metre main span" (`part`) with nothing named is the
    subject's."""
    things = [m for m in in_sentence if m.kind in ("designator", "name")]
    own = {w.lower() for w in subject.surface.split()} if subject is not None else set()
    if after is not None:
        named = [m for m in things if 0 <= positions[m.id] - after <= 2]
        if named:
            return named[0], False
        head = _HEAD_WORDS.match(low, after)
        kinds = set(head.group(1).split()) & vocab.name_heads if head else set()
        return (subject, True) if kinds and kinds & own else (None, True)
    c0, _ = clause_bounds(text, at)
    for m in things:  # "stopped in the X, which is 1,150 feet tall": a place, described
        relative = _RELATIVE.match(low, positions[m.id] + len(m.span.text))
        if relative and relative.end() <= at and "," not in low[relative.end():at]:
            return m, False
    before = [m for m in things if c0 <= positions[m.id] < at and not OBLIQUE_BEFORE.search(
        low, max(0, positions[m.id] - 16), max(0, positions[m.id])) and not _NEW_CLAUSE.search(
        low, positions[m.id] + len(m.span.text) + 1, at)]
    if before:
        return max(before, key=lambda m: positions[m.id]), False
    pronoun = _PRONOUN_OWNER.match(text)
    if pronoun and (pronoun.group(1) or not low[pronoun.end():at].strip()):
        # "It is 330 m tall", "Its height is" (not "Its mast is 40 m tall"); "She" and "He" are
        # the article's ship or person
        return (carried or subject, True) if pronoun.group() in ("It ", "Its ") else (subject, True)
    lead = _KIND_LEAD.match(text)
    if lead and not _NEW_CLAUSE.search(low, lead.end() + 1, at) \
            and lead.group(1) in vocab.name_heads & own:
        return subject, True
    if part and not things:
        return subject, True
    return None, True


# a relative clause that holds a sum's cue: ", which cost", ", whose budget was"
_WHICH_OPEN = fastre.compile(r",[ \t]*(?:which|that|whose)[ \t][^,;()]*\Z")
# the few words between a name and the comma of its relative clause: "the X across the harbour,"
_HEAD_FILL = fastre.compile(r"(?:[ \t]+[a-z][a-z'’\-]*){0,4}")
# a second verb of the sentence's doer: "X bought Y and reported revenue of"
_AND_VERB = fastre.compile(r"(?<![ \t])[ \t]+and[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+(?:ed|s)\b")
_DEFINITE_AT = fastre.compile(r"\b(?:[Tt]he|[Tt]his)[ \t]+")
_ADVERBS = fastre.compile(r"(?:(?:[a-z]+ly|also|then)[ \t]+)*")  # "It finally cost"
# a preposition a noun phrase hangs on: "a new wing of the museum", "Tickets to the museum"
_GOVERNED = fastre.compile(r"\b(?:of|to|for|at|in|from|with|near|on|by)[ \t]+\Z")


def _money_owner(text: str, low: str, cue: int, at: int, in_sentence: list[Mention],
                 positions: dict[str, int], subject: Mention | None, carried: Mention | None,
                 vocab: Vocabulary) -> tuple[Mention | None, bool]:
    """Whose sum the amount at `at` (its cue at `cue`) states, and whether that was inferred.

    In a relative clause ("the Wendal Art Gallery across the harbour, which cost £75 million"),
    the name it hangs on, or the subject's kind noun ("The museum, which cost ..."), else no
    one. Otherwise the thing named nearest before the amount in its clause (not a place or an
    agent, not one inside an aside or a clause of its own, and the first one where the
    sentence's doer goes on with "and": "X bought Y and reported revenue of"), unless a definite
    noun of the subject's kind comes after it ("Unlike the X Gallery, the museum cost"); that
    noun alone means the subject ("The museum finally cost", "In its first year, the museum
    had"). An opening "It" that names no other actor before the amount ("It cost", "It was
    completed in 2031 and cost") or "Its revenue" is the thing last named (`carried`) or the
    subject, as is a cue that opens the sentence ("Revenue rose to", "The total cost was"). None
    where the sentence does not say: "Adult tickets cost £14"."""
    things = [m for m in in_sentence if m.kind in ("designator", "name")]
    which = _WHICH_OPEN.search(low, max(0, cue - 80), cue)
    if which is not None:
        head = _clause_head(low, which.start())
        heads = [m for m in things if positions[m.id] + len(m.span.text) <= head
                 and _HEAD_FILL.fullmatch(low, positions[m.id] + len(m.span.text), head)
                 and not OBLIQUE_BEFORE.search(low, max(0, positions[m.id] - 16),
                                               max(0, positions[m.id]))]  # "a base in Perth,"
        if heads:
            return heads[-1], False
        kind = _kind_phrase(text, max(0, head - 40), head, subject, vocab)
        return (subject, True) if kind >= 0 else (None, True)
    c0, _ = clause_bounds(text, at)
    actors = [m for m in _actors(low, things, positions) if c0 <= positions[m.id] < at
              and not _clause_between(low, positions[m.id] + len(m.span.text) + 1, at)
              and not _WHICH_OPEN.search(low, c0, positions[m.id])
              and not _part_owner(low, positions[m.id], positions[m.id] + len(m.span.text), cue)]
    kind = _kind_phrase(text, c0, cue, subject, vocab)
    if actors:
        named = actors[-1]
        if _AND_VERB.search(low, positions[named.id] + len(named.span.text), cue):
            named = actors[0]
        if positions[named.id] > kind:
            return named, False
    if kind >= 0:
        return subject, True
    opening = _PRONOUN_OWNER.match(text)
    if opening is not None and (opening.group() == "It " and not actors or opening.group() in (
            "It ", "Its ") and _ADVERBS.fullmatch(low, opening.end(), cue)):
        return carried or subject, True  # "It was completed in 2031 and cost", "Its revenue"
    if low[:cue].strip() in ("", "the"):
        return subject or carried, True
    return None, True


def _part_owner(low: str, start: int, end: int, cue: int) -> bool:
    """Whether a name before a sum's cue names what owns the thing of the sum, not that thing:
    "A new wing of the X cost", "The X's new wing cost" (but "The X's revenue was")."""
    if end > cue:
        return False
    if low.endswith(("of ", "of the "), max(0, start - 8), start):
        return True
    return low.startswith(("'s", "’s"), end) and bool(low[end + 2:cue].strip())


def _clause_between(low: str, a: int, b: int) -> bool:
    """Whether a new clause starts between a and b: "X opened, and the museum cost"; an aside
    that closes before b ("X, which opened in 2030, cost") is none."""
    for m in _NEW_CLAUSE.finditer(low, a, b):
        if not (m.group().startswith(",") and m.group().rstrip().endswith(("which", "who", "whose"))
                and "," in low[m.end():b]):
            return True
    return False


def _kind_phrase(text: str, lo: int, hi: int, subject: Mention | None,
                 vocab: Vocabulary) -> int:
    """Where the last definite noun phrase of the subject's kind between lo and hi starts, when
    the words up to hi go on from it ("The museum (finally) cost", "the museum had an operating
    budget of", "the museum's revenue was"), or -1. Not "the Arlen museum" (a capitalised word
    that is no word of the subject's name), "the museum shop" (another noun heads it), "a new
    wing of the museum", "Tickets to the museum" (it is not what the clause is about), "the
    museum's new wing" (another thing of it)."""
    if subject is None:
        return -1
    own = {w.lower() for w in subject.surface.split()}
    found = -1
    for the in _DEFINITE_AT.finditer(text, lo, hi):
        if _GOVERNED.search(text, max(0, the.start() - 8), the.start()):
            continue
        words = [w.group() for w in WORDS.finditer(text, the.end(), hi)]
        for i, word in enumerate(words[:3]):
            bare = word.rstrip(",").removesuffix("'s").removesuffix("’s")
            if bare.islower() and _kind_agrees(bare, subject, vocab):
                rest = words[i + 1:]
                if bare != word.rstrip(","):  # "the museum's": the cue must follow
                    goes_on = not rest
                else:  # "the museum, ...", "the museum had", "the museum finally"
                    goes_on = not rest or word.endswith(",") or rest[0] in AUXILIARIES \
                        or rest[0].endswith(("ed", "ly"))
                if goes_on:
                    found = the.start()
                break
            if bare[:1].isupper() and bare.lower() not in own:
                break
    return found


def _clause_head(low: str, comma: int) -> int:
    """Where the phrase a relative clause hangs on ends: before a bracketed aside after it
    ("the X-3 trial (NCT01), which began ...")."""
    if low.endswith(")", 0, comma):
        opened = low.rfind("(", max(0, comma - 40), comma)
        if opened > 0:
            return len(low[:opened].rstrip())
    return comma


def _actors(low: str, in_sentence: list[Mention], positions: dict[str, int]) -> list[Mention]:
    """The mentions that may be what an event happens to: not a place or an agent ("premiered at
    Arden Hall", "designed by X"), nor a name listed with one ("designed by X and Y")."""
    kept: set[str] = set()
    oblique, last_end = False, -1
    for m in sorted(in_sentence, key=lambda m: positions[m.id]):
        at = positions[m.id]
        oblique = OBLIQUE_BEFORE.search(low, max(0, at - 28), max(0, at)) is not None or (
            oblique and last_end >= 0 and LISTED.fullmatch(low, last_end, max(last_end, at)) is not None)
        last_end = at + len(m.surface)
        if not oblique:
            kept.add(m.id)
    return [m for m in in_sentence if m.id in kept]


def _made_object(low: str, t0: int, t1: int, in_sentence: list[Mention],
                 positions: dict[str, int]) -> Mention | str | None:
    """What an active event verb acts on: the mention that heads its object; when the object
    is unnamed, its noun if definite ("founded the company": "company") or "" ("established
    base camp"); None when the verb has no object here (passive, a lone event word, "opened
    on Monday", "opened its doors", "launched her campaign")."""
    word = low[t0:t1]
    if " " in word or not (word.endswith("ed") or word in ("built", "began")) \
            or PASSIVE_BEFORE.search(low, max(0, t0 - 24), t0):
        return None
    after = OBJECT_AFTER.match(low, t1)
    if after is None or after["word"] in NOT_AN_OBJECT and not after["det"] \
            or after["word"].endswith("ly") or after["word"] in SELF_OBJECTS:
        return None
    if not after["det"] and after["word"] in CALENDAR_WORDS:
        return None
    start = after.start("det") if after["det"] else after.start("word")
    stop = NOUN_PHRASE_END.search(low, after.end("word"), after.end("word") + 40)
    end = stop.start() if stop else after.end("word") + 40
    named = [m for m in in_sentence if start <= positions[m.id] < end]
    if named:
        return min(named, key=lambda m: positions[m.id])
    return after["word"] if after["det"] == "the" else ""


def _opening_aside(text: str, at: int) -> tuple[str, int] | None:
    """The noun that opens the sentence and the end of the aside after it, when the event word
    at `at` is inside that aside: "The orchestra, founded in 1921, ..." -> ("orchestra", 31)."""
    lead = SENTENCE_HEAD.match(text)
    if lead is None or lead.group(1).lower() not in DEFINITE or not text.startswith(",", lead.end()) \
            or at <= lead.end():
        return None
    closes = text.find(",", at)
    if closes < 0 or "," in text[lead.end() + 1:at]:
        return None
    return lead.group(2), closes


def _carried(last: DateValue | None, value: DateValue) -> DateValue | None:
    """The date a later sentence's year-less date takes its year from. A bare year ("the
    strongest since 2017") is background more often than the narrative's time, so it sets the
    year only inside its own sentence; across sentences the last month- or day-precise date
    does."""
    return value if value.month is not None or last is None else last


def _values(doc: Document, text: str, previous: DateValue | None, year_from: DateValue | None,
            numbers_wanted: bool = True) -> tuple[list[DateMatch], list[NumberMatch]]:
    """The dates and quantities the grammars read in one sentence. A relative date that an
    absolute one beside it restates is dropped, but its words are still not read as a number.
    Without `numbers_wanted` no quantity is read (the caller knows none could be used)."""
    dates = find_dates(text, anchor=doc.published, dayfirst=doc.dayfirst, previous=previous,
                       year_from=year_from)
    numbers = find_numbers(text, skip=[(d.start, d.end) for d in dates]) if numbers_wanted else []
    return _unrestated(text, dates), numbers


# A sentence's quantities are used only as time spans (durations, which record), as a total
# with its parts, or as values given "respectively". Each time unit is written with one of these
# words, or as "h" glued to a digit ("5h"; a glued "s" is a designation, not seconds); a
# sentence with none of them skips the number grammar, a third of the work on a sentence.
NUMBER_USES = ("day", "week", "month", "year", "hour", "hr", "min", "sec", "total", "in all",
               "respectively")
_GLUED_HOURS = fastre.compile(r"\dh")


def _numbers_used(text: str, low: str) -> bool:
    for word in NUMBER_USES:
        if word in low:
            return True
    return _GLUED_HOURS.search(text) is not None


def prose_values(doc: Document, vocab: Vocabulary) -> Iterator[tuple[Span, DateMatch | NumberMatch]]:
    """Every date and quantity read in the prose, with its span, exactly as the claims are
    built from them (the same sentences, the same carried date)."""
    last: DateValue | None = None
    year_date: DateValue | None = None
    for passage in doc.passages:
        for ss, se in split_sentences(passage.text):
            text = passage.text[ss:se]
            low = _lower(text)
            if not vocab.trigger_re.search(low) and not _MAYBE_CLAIM.search(low):
                continue
            dates, numbers = _values(doc, text, last, year_date)
            for d in dates:
                last, year_date = d.value, _carried(year_date, d.value)
            found: list[DateMatch | NumberMatch] = [*dates, *numbers]
            for v in sorted(found, key=lambda v: v.start):
                yield doc.span(*passage.raw_range(ss + v.start, ss + v.end)), v


# A sentence with none of these (and no event word) cannot yield a claim, nor a date that
# a later "two days later" would count from.
_MAYBE_CLAIM = fastre.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"twenty|thirty|forty|fifty|hundred|thousand|dozen|for|lasted|lasting|spent|"
                          r"remained|stayed|took|served|spanned|ran|team|crew|group|squad|"
                          r"delegation|party|band|trio|quartet|pair|monday|tuesday|wednesday|thursday|"
                          r"friday|saturday|sunday|yesterday|today|tomorrow|later|earlier)\b")


def _carry(state: _State, in_sentence: list[Mention], pronoun: bool, vocab: Vocabulary) -> None:
    state.last_occasion = next(iter(occasions_in(in_sentence, vocab)), None) if in_sentence \
        else None
    if pronoun:
        return
    people = [m for m in in_sentence if m.kind == "person"]
    things = [m for m in in_sentence if m.kind in ("designator", "name")]
    if people:
        state.last_person, state.last_people = people[0], people
    if things:
        state.last_thing = things[0]


def _tense_start(low: str, c0: int, t0: int) -> int:
    """Start the quote at the auxiliary ("will", "is") so the tense is visible in it."""
    m = FUTURE_BEFORE.search(low[c0:t0])
    return c0 + m.start() if m else t0


def _qual(q: Quantity) -> str:
    return q.human()


_NOT_PAST = fastre.compile(r"(?:^|\b)(?:to|will)\s|[^s\s]s\Z|ing\Z|\bbegin\Z")  # "opens", "to open"
# an event word right of a date, past one of these, belongs to another clause ("admitted its
# first patients on Thursday, six years after construction began")
_RIGHT_BREAK = fastre.compile(r"\b(?:after|before|when|because|since|until|while|whereas|than)\b"
                          r"|,\s*(?:and|but)\b")
_SINCE = fastre.compile(r"\bsince\s+\Z")
# an aside opened after the date and still open at the event word: "Two days later, the
# Toverell Bridge, which opened in 1974, was closed": "opened" is the aside's, not the date's
_ASIDE_OPEN = fastre.compile(r",\s*(?:which|who|whose)\b[^,;]*\Z")
# (and a date inside such an aside, "X, who joined in 2027, was named ...", stays in it)
_SECOND_VERB = fastre.compile(r"\band\s+(?!was\b|were\b)[a-z]+ed\b")
# a relative clause with a verb of its own: "unveiled the X, which will go on sale on 22 May"
_RELATIVE_VERB = fastre.compile(r",\s+(?:which|who)\s+(?:will|would|is|are|was|were|has|have|had|"
                                r"can|could|may|might|[a-z]+ed|[a-z]+s)\b")


def _speaker(low: str, t: tuple, vocab: Vocabulary) -> bool:
    """An event noun naming who speaks: "in 2019, the election commission said ..."."""
    return bool(_ARTICLE_BEFORE.search(low, max(0, t[0] - 5), t[0])
                and vocab.reporting_any.search(low, t[1], t[1] + 25))


_ARTICLE_BEFORE = fastre.compile(r"\b(?:a|an|the)\s+\Z")
_TALKED_ABOUT = fastre.compile(r"\b(?:discussed|proposed|considered|explored|debated|mooted|rejected"
                           r"|opposed)\s+(?:a|an|the)\s+(?:[a-z]+\s+)?\Z")
_ORDINAL_DIGITS = fastre.compile(r"^\d+(?:st|nd|rd|th)$")
_RECORD_VERB = fastre.compile(r"\b(?:will|would|to|also|can|could)\s+\Z")


def _not_an_event(low: str, m: re.Match[str], vocab: Vocabulary) -> bool:
    """An event word used otherwise: a participle after an article is an adjective ("a
    collapsed house"); "record" after "will" or "to" is the verb ("will record an album"); an
    event only talked about is not told ("discussed a merger"); a word the vocabulary lists
    makes it figurative ("talks collapsed")."""
    word, before = m.group(), low[max(0, m.start() - 30):m.start()]
    if word.endswith("ed") and " " not in word and _ARTICLE_BEFORE.search(before):
        return True
    if _TALKED_ABOUT.search(before):
        return True
    event = vocab.events.get(vocab.trigger_event[" ".join(word.split())])
    last = before.split()[-1:]
    if event is not None and last and last[0] in event.not_after:
        return True
    if event is not None and event.not_before:
        after = low[m.end():m.end() + 20].split()[:1]
        # "finished fourth", "finished 12th": a placing, not the end of anything
        if after and _ORDINAL_DIGITS.sub("nth", after[0].strip(",.;")) in event.not_before:
            return True
    return word == "record" and bool(_RECORD_VERB.search(before))


_UNTIL = fastre.compile(r"\b(?:until|till)\s+(?:the\s+)?\Z")
_SINCE = fastre.compile(r"\bsince\s+(?:the\s+)?\Z")
_SEGMENT_BREAK = fastre.compile(r"[,;(]|\b(?:after|when|because|before|until|while|whereas)\b")
_DATE_SEPARATOR = fastre.compile(r"[\s,]*(?:(?:and|or|&)[\s,]*)?")


def _left_governs(low: str, trig: tuple, d: DateMatch, dates: list[DateMatch],
                  vocab: Vocabulary) -> bool:
    """Whether an event word left of a date dates by it. Not when a "that" clause, a second
    verb or a relative clause with its own verb comes between ("announced that a ship would
    join in 2027", "began lessons at six and entered the conservatory in 1926", "unveiled the
    X, which goes on sale on 22 May"), nor when the word already has its
    own date between them ("founded in 1998 ..., last toured in 2019"), unless only "and"
    or a change of plan separates the two dates ("planned for 3 May, delayed to 5 May")."""
    if " that " in low[trig[1]:d.start] or _SECOND_VERB.search(low, trig[1], d.start) \
            or _RELATIVE_VERB.search(low, trig[1], d.start):
        return False
    if ("," in low[trig[1]:d.start] or SUPERLATIVE.search(low, trig[1], d.start)) \
            and _SINCE.search(low, max(0, d.start - 8), d.start):
        # "finished with 19 goals, the most since 1997": a period, set apart; "the strongest
        # in the valley since 1962": the date of what it is compared with
        return False
    earlier = [e for e in dates if trig[1] <= e.start and e.end <= d.start]
    if not earlier:
        return True
    if d.relative:  # "ends on 9 February, 26 days later": counted, not another date
        return False
    between = low[earlier[-1].end:d.start]  # a list: "on 3 May, 4 June and 5 July"
    return bool(_DATE_SEPARATOR.fullmatch(between) or vocab.modality_re.search(between))


def _lifespan(text: str, dates: list[DateMatch], k: int, vocab: Vocabulary) -> str | None:
    """ "Ilse Marwede (3 February 1911 – 27 November 1994)": a birth and a death."""
    if "birth" not in vocab.events or "death" not in vocab.events:
        return None

    def pair(a: DateMatch, b: DateMatch) -> bool:
        return (text[max(0, a.start - 4):a.start].rstrip().endswith("(")
                and bool(_LIFE_DASH.fullmatch(text, a.end, b.start))
                and text[b.end:b.end + 4].lstrip().startswith(")"))

    if k + 1 < len(dates) and pair(dates[k], dates[k + 1]):
        return "birth"
    if k > 0 and pair(dates[k - 1], dates[k]):
        return "death"
    return None


_LIFE_DASH = fastre.compile(r"\s*[–—-]\s*")


def _after(v: DateValue, day) -> bool:
    """Whether the date lies wholly after the document date (at the date's precision)."""
    if day is None:
        return False
    if v.month is None:
        return v.year > day.year
    if v.day is None:
        return (v.year, v.month) > (day.year, day.month)
    return (v.year, v.month, v.day) > (day.year, day.month, day.day)


def _date_modality(low: str, c0: int, c1: int, a: int, b: int, vocab: Vocabulary) -> str:
    """The modality of the words around an event word and its date: within the commas and
    subordinate clauses that hold both ("was cancelled after the theatre closed in March":
    the closing is stated)."""
    lo = max([c0] + [m.end() for m in _SEGMENT_BREAK.finditer(low, c0, a)])
    m = _SEGMENT_BREAK.search(low, b, c1)
    return _modality(low[lo:m.start() if m else c1], vocab)


def _modality(clause: str, vocab: Vocabulary) -> str:
    found = {w for w in vocab.modality_re.findall(clause)}
    if not found:
        return "stated"
    for kind, words in _modality_words(vocab):
        if any(" ".join(f.split()) in words for f in found):
            return kind
    return "stated"


@per_vocabulary
def _modality_words(vocab: Vocabulary) -> list[tuple[str, frozenset[str]]]:
    """Each modality, strongest first, with its words: built once per vocabulary."""
    return [(kind, frozenset(w.strip() for w in vocab.modality.get(kind, ())))
            for kind in ("aborted", "postponed", "planned", "future")]


def _durations(doc, text, low, numbers, in_sentence, positions, subject, vocab, span, context):
    out = []
    for n in numbers:
        q = n.value
        if q.unit not in TIME_UNITS:
            continue
        c0, _ = clause_bounds(text, n.start)
        before = low[c0:n.start]
        verb_at = max((before.rfind(v) for v in vocab.duration_verbs), default=-1)
        if verb_at < 0 and not before.rstrip().endswith(" for"):
            continue
        if TIME_POINT_BEFORE.search(before, max(0, len(before) - 10)):
            continue  # "took the lead after 34 minutes": a moment, not how long anything took
        total = any(w in before[-30:] for w in vocab.total_words)
        predicate = "total_duration" if total else "duration"
        cut = c0 + (verb_at if verb_at >= 0 else len(before))
        # the owner is named between the last comma and the verb: "As X lasted.., Y spent.."
        seg = max(c0, text.rfind(",", c0, cut) + 1)
        owners = [m for m in in_sentence if seg <= positions[m.id] < cut
                  and m.kind in ("person", "designator", "name")]
        vague = not owners
        if vague:
            owners_ids: list[tuple[str | None, bool]] = [(subject.id if subject else None, True)]
        else:
            owners_ids = [(m.id, False) for m in owners]
        for who, inferred in owners_ids:
            out.append(Claim("", doc.id, predicate, q, span(n.start, n.end), subject_mention=who,
                             modality="approximate" if q.approximate else "stated",
                             context=context, inferred_subject=inferred))
    return out


def _serials(doc, in_sentence, positions, text):
    """"X, production No. 755": a serial right after a designator, nothing between, is X's."""
    out = []
    ordered = sorted(in_sentence, key=lambda m: positions[m.id])
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.kind == "designator" and b.kind == "serial" and positions[b.id] - positions[a.id] < 60:
            out.append(Claim("", doc.id, "serial", _serial_number(b.surface), b.span,
                             subject_mention=a.id))
    return out


def _characterisations(doc, text, in_sentence, positions, span, context):
    """"a team of Russian cosmonauts": a group described by one nationality."""
    out: list[Claim] = []
    things = [x for x in in_sentence if x.kind == "designator"]
    if not things:
        return out  # a group is described for a vehicle named in the sentence
    for m in GROUP_OF.finditer(text):
        who = min(things, key=lambda x: abs(positions[x.id] - m.start()))
        out.append(Claim("", doc.id, "crew_nationality", m.group("demonym").lower(),
                         span(m.start(), m.end()), subject_mention=who.id, context=context))
    return out
