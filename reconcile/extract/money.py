"""Sums of money: what a thing cost, its budget, its revenue in a year, its price.

"The museum cost £48 million", "a budget of $1.2bn", "revenue of €310m in 2023", "a $30 million
budget", "€2.1 billion in revenue". The packs' [money] section names the predicates and the words
that bind an amount to one; the number grammar (numbers.py) reads the amount and its currency.
An amount is the thing's sum only where the words say so: a forecast ("was expected to cost",
"an estimated $40 million") is kept with its modality and compared with nothing; a part ("cost
overruns of"), a restatement ("£55 million in today's money"), a rate or a difference ("Tickets
cost £14", "£17 million more than planned") is no sum of the thing at all. A range ("$3–4
million") is one value from its lower to its upper end. A sum of one year (revenue) carries the
year as its qualifier, so the sums of two years are never compared.

Whose sum it is, the sentence says (see `_money_owner` in claims.py): this module reads the
grammar and hands over where the cue and the amount are.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import fastre
from ..model import Claim, Document, Mention, Quantity, Span
from ..vocab import Vocabulary
from .numbers import CURRENCIES, NumberMatch, find_numbers

__all__ = ["money_claims", "money_named", "money_period", "money_range", "money_sign"]

# Cheap first tests of whether a text may hold an amount of money: a currency sign in the
# sentence, or a currency's name in the document ("380 million euros"); plain substring tests, a
# fast scan each (a pattern of these characters was tried at every character of every sentence:
# 1% of extraction). A code ("NOK 4.2 billion") is read wherever the sentence's numbers are.
SIGNS = ("$", "£", "€", "¥", "₹")
# (not "euro" or "franc": "European", "France")
_NAMES = ("euros", "dollar", "pounds", " yen", "yuan", "renminbi", "francs", "rupee", "kronor",
          "kroner", "rubles", "roubles")


def money_named(low: str) -> bool:
    """Whether a currency is named in the (lower-cased) text."""
    return any(name in low for name in _NAMES)


def money_sign(text: str) -> bool:
    """Whether a currency sign is in the text (only "$" can be in a text of ASCII alone)."""
    return "$" in text if text.isascii() else any(sign in text for sign in SIGNS)


# the two ends of a range: "$3–4 million", "£3m to £4m", "between £3m and £4m"
_RANGE = fastre.compile(r"(?<![ \t])[ \t]*(?:[-–—]|to|and)[ \t]*")
_BETWEEN = fastre.compile(r"\bbetween[ \t]+\Z")
# the approximation word the number grammar put at the amount's start, by what it says
_BOUND = fastre.compile(r"(?P<min>more\s+than|over|at\s+least|upwards\s+of|just\s+over)"
                        r"|(?P<max>less\s+than|fewer\s+than|under|up\s+to|just\s+under)"
                        r"|(?P<est>an\s+estimated|estimated)\b")
_SEGMENT = ",;:("
# a year or a numbered year of the thing's life: "in 2023", "fiscal 2030", "FY2030", "(2032)",
# "in its first year"
_PERIOD = fastre.compile(r"(?<![\w,.])(?:(?:fy[ \t]?)?(?P<y>1[89]\d\d|2\d\d\d)(?![\w,.]\d|[-–]\d)"
                         r"|(?P<n>first|second|third|fourth|fifth|opening|inaugural)[ \t]+"
                         r"(?:full[ \t]+)?(?P<w>year|season))\b")
# a sentence that opens with its time: "In fiscal 2030, ...", "In its first year, ..."
_OPENING_PERIOD = fastre.compile(r"(?:in|during|for|throughout)[ \t]+(?:[a-z]+[ \t]+){0,3}?"
                                 r"(?=(?:1[89]\d\d|2\d\d\d|first|second|third|fourth|fifth"
                                 r"|opening|inaugural)\b)")
# (where the cue starts, where the amount starts) -> the mention it is of, whether inferred
Owner = Callable[[int, int], tuple[Mention | None, bool]]


def money_claims(doc: Document, text: str, low: str, numbers: list[NumberMatch],
                 vocab: Vocabulary, owner: Owner, modality: Callable[[int, int], str],
                 span: Callable[[int, int], Span], context: tuple[int, int]) -> list[Claim]:
    """The sums of money of one sentence (`low` is it lower-cased, `numbers` its quantities;
    `modality(lo, hi)` is the packs' modality of those words)."""
    out: list[Claim] = []
    monies = [k for k, n in enumerate(numbers) if n.value.unit in CURRENCIES]
    skip = -1
    for i, k in enumerate(monies):
        if k == skip:
            continue
        n = numbers[k]
        value, end = n.value, n.end
        nxt = numbers[k + 1] if k + 1 < len(numbers) else None
        between = _BETWEEN.search(low, max(0, n.start - 10), n.start)
        if nxt is not None and nxt.value.unit == value.unit and nxt.value.value > value.value \
                and _RANGE.fullmatch(low, n.end, nxt.start) \
                and ("and" not in low[n.end:nxt.start] or between):
            value = Quantity(value.value, value.unit, min(value.decimals, nxt.value.decimals),
                             value.approximate or nxt.value.approximate, high=nxt.value.value)
            end, skip = nxt.end, k + 1
        at = between.start() if between else n.start
        cue = vocab.money_before.search(low, max(0, at - 80), at)
        after = None if cue else vocab.money_after.match(low, end)
        if cue is None and after is None:
            continue
        kind, word = ("verbs", cue["verb"]) if cue and cue["verb"] else \
            ("nouns", cue["noun"]) if cue else ("after", after["after"])  # type: ignore[index]
        predicate = vocab.money_predicate[kind, " ".join(word.split())]
        start, stop = (cue.start(), end) if cue else (n.start, after.end())  # type: ignore[union-attr]
        lo = max(low.rfind(c, 0, start) for c in _SEGMENT) + 1
        hi = min((j for j in (low.find(c, stop) for c in _SEGMENT) if j >= 0), default=len(low))
        voids = vocab.money_not_with.get(predicate)
        if voids is not None and voids.search(low, lo, hi) \
                or vocab.money_restated.search(low, lo, hi) or vocab.money_rate.match(low, end):
            continue  # a ticket's price, an overrun, the sum in today's money, "£5m more"
        mood = _mood(low, n, lo, start, stop, hi, vocab, modality)
        if mood == "stated" and cue and cue["link"] \
                and " ".join(cue["link"].split()) in vocab.money_changes \
                and vocab.money_period.get(predicate) != "required":
            mood = "estimated"  # "the cost has risen to £60m": on its way, not what it came to
        following = next((numbers[j].start for j in monies[i + 1:] if numbers[j].start >= stop),
                         len(low))
        period = money_period(low, lo, start, stop, min(hi, following)) \
            if predicate in vocab.money_period else None
        who, inferred = owner(start, n.start)
        if who is None:
            continue
        out.append(Claim("", doc.id, predicate, value, span(start, stop), subject_mention=who.id,
                         modality=mood, qualifier=period, context=context,
                         inferred_subject=inferred))
    return out


def money_range(value: str) -> Quantity | None:
    """A field's whole value as a range of money ("$30–35 million", "£3m to £4m (2031)"), or
    None."""
    t = value.strip()
    if t.endswith(")") and 0 < len(t) - t.rfind("(") <= 62:  # "(2031)", "(est.)"
        t = t[:t.rfind("(")].rstrip()
    found = find_numbers(t)
    if len(found) != 2 or found[0].start != 0 or found[1].end != len(t):
        return None
    a, b = found[0].value, found[1].value
    if a.unit not in CURRENCIES or a.unit != b.unit or not b.value > a.value \
            or not _RANGE.fullmatch(t, found[0].end, found[1].start):
        return None
    return Quantity(a.value, a.unit, min(a.decimals, b.decimals), a.approximate or b.approximate,
                    high=b.value)


def _mood(low: str, n: NumberMatch, lo: int, start: int, stop: int, hi: int,
          vocab: Vocabulary, modality: Callable[[int, int], str]) -> str:
    """Stated, approximate, a floor ("more than $2 billion": minimum), a ceiling ("up to":
    maximum), or a forecast: the packs' modality of its words ("is expected to cost"), else
    `estimated` for an estimate word outside the cue ("an estimated", "budgeted to cost")."""
    mood = modality(lo, hi)
    if mood != "stated":
        return mood
    bound = _BOUND.match(low, n.start) if n.value.approximate else None
    if bound is not None and bound["est"] or vocab.money_estimated.search(low, lo, start) \
            or vocab.money_estimated.search(low, stop, hi):
        return "estimated"
    if bound is not None:
        return "minimum" if bound["min"] else "maximum"
    return "approximate" if n.value.approximate else "stated"


def money_period(low: str, lo: int, start: int, stop: int, hi: int) -> str | None:
    """The year (or numbered year of the thing's life) a sum is given for: written after it
    ("£4.1 million for 2033", "€2.1 billion (fiscal 2030)"), else before it in its words
    ("2032 revenue of"), else opening its sentence ("In fiscal 2030, which ended ..., X
    reported revenue of"); None when nothing says."""
    closed = low.find(")", stop, stop + 40) if low.startswith(" (", stop) \
        or low.startswith("(", stop) else -1
    for a, b in ((stop, max(hi, closed + 1)), (lo, start)):
        found = _PERIOD.search(low, a, b)
        if found is not None:
            return found["y"] or f"{found['n']} {found['w']}"
    opening = _OPENING_PERIOD.match(low)
    if opening is not None:
        found = _PERIOD.match(low, opening.end())
        if found is not None:
            return found["y"] or f"{found['n']} {found['w']}"
    return None
