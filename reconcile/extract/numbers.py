"""Quantities in English prose: digits, number words, units, approximation words, ordinals.

One compiled pattern finds digit tokens and runs of number words (linear: no nested quantifier
over overlapping classes); Python code then reads the unit after a number and the approximation
word before it, and lets a list such as "900, 1,000, and 1,100 days" share its unit.
Tokens glued to letters or hyphens ("MS-24", "2.1a"), identifiers ("No. 755"), slashed and
clock forms ("31/6", "07:30") are not numbers here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import fastre
from ..model import Quantity

__all__ = ["NumberMatch", "find_numbers", "parse_number", "duration_days"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int  # text[start:end] covers the approximation word, the number and its unit
    end: int
    value: Quantity
    ordinal: bool = False


_SMALL = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_TENS = {w: 10 * (i + 2) for i, w in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
NUMBER_WORDS = frozenset(_SMALL) | frozenset(_TENS) | frozenset(_SCALES) | {"hundred", "dozen"}
_WORDS = sorted(list(_SMALL) + list(_TENS) + list(_SCALES) + ["hundred", "dozen"], key=len,
                reverse=True)
_WORD = "(?:" + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in _WORDS) + r")(?![A-Za-z])"

# unit words as written -> the unit reported; plurals are listed, not guessed. Units of length,
# area, volume, mass and speed are compared across systems by reconcile/units.py.
_UNITS: dict[str, str] = {}
for _unit, _forms in {
    "day": "day days", "week": "week weeks", "month": "month months", "year": "year years",
    "hour": "hour hours hr hrs h", "minute": "minute minutes min mins",
    "second": "second seconds sec secs s", "decade": "decade decades",
    "fortnight": "fortnight fortnights",
    "degree": "degree degrees °", "percent": "percent % per cent",
    "km": "km kilometre kilometres kilometer kilometers", "m": "m metre metres meter meters",
    "cm": "cm centimetre centimetres centimeter centimeters",
    "mm": "mm millimetre millimetres millimeter millimeters",
    "mile": "mile miles mi", "nmi": "nmi nautical_mile nautical_miles",
    "inch": "inch inches", "yard": "yard yards yd",
    "m2": "m² m2 sq_m square_metre square_metres square_meter square_meters",
    "km2": "km² km2 sq_km square_kilometre square_kilometres square_kilometer square_kilometers",
    "mi2": "sq_mi square_mile square_miles", "ha": "ha hectare hectares", "acre": "acre acres",
    "m3": "m³ m3 cubic_metre cubic_metres cubic_meter cubic_meters",
    "litre": "litre litres liter liters",
    "knot": "knot knots kn", "ft": "ft foot feet", "kg": "kg kilogram kilograms kilo kilos",
    "g": "g gram grams", "tonne": "tonne tonnes ton tons t", "lb": "lb lbs",
    "km/h": "km/h kph", "mph": "mph", "m/s": "m/s",
    "person": "person persons people", "orbit": "orbit orbits",
    "celsius": "°C", "fahrenheit": "°F",
    # money named after the amount, as the symbol before it reports it ("pounds" may weigh:
    # only "N million pounds" is money, see _Builder.add), or by its code ("48 million USD")
    "EUR": "euro euros EUR", "USD": "dollar dollars US_dollars U.S._dollars USD", "JPY": "yen JPY",
    "GBP": "pounds pounds_sterling GBP", "AUD": "Australian_dollars AUD",
    "CAD": "Canadian_dollars CAD", "NZD": "New_Zealand_dollars NZD",
    "HKD": "Hong_Kong_dollars HKD", "SGD": "Singapore_dollars SGD", "CNY": "yuan renminbi CNY",
    "CHF": "Swiss_francs CHF", "INR": "Indian_rupees INR", "SEK": "kronor Swedish_kronor SEK",
    "NOK": "Norwegian_kroner NOK", "DKK": "Danish_kroner DKK", "RUB": "roubles rubles RUB",
}.items():
    for _f in _forms.split(" ") if _unit != "percent" else ("percent", "%", "per_cent"):
        _UNITS[_f.replace("_", " ")] = _unit  # "_": a blank inside a form
_GLUED_ONLY = {"h", "s", "t", "g", "mi"}  # too ambiguous as separate words
_GLUED_OK = {"h", "t", "g", "km", "m", "cm", "mm", "kg", "mi", "ft", "lb", "lbs", "mph",
             "kph", "min", "hr", "hrs", "sec", "%"}
_TIME_DAYS = {"day": 1.0, "week": 7.0, "fortnight": 14.0, "month": 30.44, "year": 365.25,
              "decade": 3652.5, "hour": 1 / 24, "minute": 1 / 1440, "second": 1 / 86400}
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# "[ ]*-?[ ]*" would try every split of a blank run between its two stars: quadratic per call.
_UNIT_AFTER = fastre.compile(rf"(?P<sp>[ \t\u00a0]*(?:-[ \t\u00a0]*)?)(?P<u>{_UNIT_RE})(?![A-Za-z/])")
# Money: a symbol before the amount, maybe after letters that say whose dollar it is ("US$",
# "A$", "HK$"; other letters before a symbol make it no money we know: "Z$"), or a code and a
# blank ("EUR 3.5m", "NOK 4.2 billion"). After a symbol or code, a letter glued to the number
# is its scale ("£12m", "$1.2bn", "$5k"), not a unit ("12m" alone is twelve metres).
_SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
            "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP"}
_PREFIXED = {"US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
             "CA$": "CAD", "CAN$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
             "SG$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN",
             "CN¥": "CNY", "JP¥": "JPY"}
_CODES = frozenset("USD EUR GBP JPY CNY CHF AUD CAD NZD HKD SGD INR SEK NOK DKK ISK PLN CZK HUF "
                   "RUB TRY ZAR BRL MXN KRW TWD ILS AED SAR".split())
_MONEY_SCALES = {"k": 3, "m": 6, "mn": 6, "mln": 6, "b": 9, "bn": 9, "bln": 9, "tn": 12,
                 "trn": 12}
CURRENCIES = frozenset(_SYMBOLS.values()) | frozenset(_PREFIXED.values()) | _CODES
_BLANKS = " \t\u00a0"
_OF_AFTER = fastre.compile(r"[ \t]+of\b")  # "2 million pounds of thrust": a weight
_HALF = fastre.compile(r"[ \t]+and[ \t]+a[ \t]+half(?![A-Za-z])")  # "three and a half hours"
_SCALE_AFTER = fastre.compile(r"[ \t\u00a0]+(?P<s>thousand|million|billion|trillion)(?![A-Za-z])")
_ORDINALS = {"st", "nd", "rd", "th"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCAN = fastre.compile(
    r"(?<![\w.,/:\-−])(?:"
    rf"(?P<n1>{_NUM})(?:(?P<rs>[-–])(?P<n2>{_NUM}))?(?P<suf>[A-Za-z]+|°[CF]?|%)?"
    r"(?![\w/:]|[-–.,]\d)"
    rf"|(?P<words>(?:[Aa]n?[ \t]+(?=hundred|thousand|million|billion|dozen))?{_WORD}"
    rf"(?:(?:[ \t]+and[ \t]+|[ \t]*-[ \t]*|[ \t]+){_WORD})*)"
    r"|(?P<a>[Aa]n?)[ \t]+(?=(?:day|week|fortnight|month|year|hour|minute|decade)s?\b)"
    ")")
_APPROX = fastre.compile(
    r"(?<![A-Za-z])(?:approximately|approx\.|about|around|nearly|almost|roughly|some|over"
    r"|more\s+than|less\s+than|fewer\s+than|under|up\s+to|at\s+least|circa|c\.|close\s+to"
    r"|an\s+estimated|estimated|upwards\s+of|just\s+over|just\s+under)\s+\Z|~\s*\Z", re.I)
# "over" a time span after a word that cannot take "more than" ("moved over three days")
_OVER_SPAN = fastre.compile(r"(?<!\w)(?!(?:[Ff]or|lasted|lasting|took|taking|of|after|in|spent|than"
                        r"|within|just|is|was|were|be|been|are)\s)\w+[ \t]+over[ \t]+\Z")
_IDENT = fastre.compile(r"(?<![A-Za-z])(?:No|Nos|Nr|Number|number|no)\.?\s*\Z|#\s*\Z")
_A_CONTEXT = fastre.compile(r"(?<![A-Za-z])(?:for|in|after|within|about|around|over|nearly|almost"
                        r"|than|lasted|lasting|spent|once|than|by)\s+\Z", re.I)
_SHARE = fastre.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+|\s*[-–]\s*")


def _digits(s: str) -> tuple[float, int]:
    s = s.replace(",", "")
    return float(s), len(s) - s.index(".") - 1 if "." in s else 0


def _word_values(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """Split a run of number words into numbers: "twenty-one", "one hundred and five"."""
    out: list[tuple[int, int, float]] = []
    total = cur = 0
    seg_start = seg_end = -1
    last = ""

    def flush() -> None:
        if seg_start >= 0 and last not in ("", "a", "and"):
            out.append((seg_start, seg_end, float(total + cur)))

    for t in re.finditer(r"[A-Za-z]+", text[start:end]):
        w, ws, we = t.group().lower(), start + t.start(), start + t.end()
        if w == "and":
            if last in ("hundred", "scale"):
                last = "and"
                continue
            flush()
            total = cur = 0
            seg_start, last = -1, ""
            continue
        if w in ("a", "an"):
            flush()
            total, cur, seg_start, last = 0, 1, ws, "a"
            continue
        ok = True
        if w in _SMALL or w in _TENS:
            n = _SMALL.get(w, _TENS.get(w, 0))
            ok = last in ("", "hundred", "scale", "and") or (
                last == "ten" and n < 10 and cur % 10 == 0)
            kind = "ten" if w in _TENS else "small"
        elif w == "hundred":
            ok = last in ("a", "small") and cur < 100 or last == "ten" and cur >= 10 or last == ""
            kind = "hundred"
        elif w == "dozen":
            ok = last in ("a", "small", "")
            kind = "hundred"
        else:
            ok = last not in ("and",)
            kind = "scale"
        if not ok:
            flush()
            total = cur = 0
            seg_start, last = -1, ""
        if seg_start < 0:
            seg_start = ws
        if kind in ("small", "ten"):
            cur += _SMALL.get(w, _TENS.get(w, 0))
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w == "dozen":
            cur = (cur or 1) * 12
        else:
            total += (cur or 1) * _SCALES[w]
            cur = 0
        seg_end, last = we, kind
    flush()
    return out


def money_before(text: str, at: int) -> tuple[str, int] | None:
    """The currency written right before the number at `at` ("£", "US$", "€ ", "EUR ") and
    where it starts; None where there is none or its letters name no currency we know."""
    if at >= 4 and text[at - 1] in _BLANKS and text[at - 4:at - 1] in _CODES \
            and (at == 4 or not text[at - 5].isalnum()):
        return text[at - 4:at - 1], at - 4
    j = at - 1 if at and text[at - 1] in _SYMBOLS else \
        at - 2 if at >= 2 and text[at - 1] in _BLANKS and text[at - 2] in _SYMBOLS else -1
    if j < 0:
        return None
    k = j
    while k > 0 and j - k < 4 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    if k == j:
        return _SYMBOLS[text[j]], j
    unit = _PREFIXED.get(text[k:j + 1])
    return (unit, k) if unit is not None and not (k and text[k - 1].isalnum()) else None


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[tuple[int, int, Quantity, bool]] = []
        self.scaled = 1  # the scale word the last number added took ("4 million": 10**6)

    def add(self, start: int, end: int, value: float, decimals: int, ordinal: bool = False,
            unit: str | None = None, allow_unit: bool = True, require_unit: bool = False,
            money: tuple[str, int] | None = None, currency: str | None = None) -> None:
        """`money`: the currency written before the number and where it starts (the quote
        starts there too); `currency`: one written before a range's first number ("$3–4
        million"), which the second, added here, is in."""
        text = self.text
        self.scaled = 1
        if not ordinal and (half := _HALF.match(text, end)):
            value, decimals, end = value + 0.5, max(decimals, 1), half.end()
        if unit is None and allow_unit and not ordinal:
            s = _SCALE_AFTER.match(text, end)
            if s:
                self.scaled = _SCALES[s["s"]]
                value *= self.scaled
                decimals -= len(str(self.scaled)) - 1
                end = s.end()
            unit = currency
            u = None if money or currency else _UNIT_AFTER.match(text, end)
            if u and (u["u"] not in _GLUED_ONLY or not u["sp"]) \
                    and not (u["sp"].strip() == "-" and u["u"] in ("%", "°")) \
                    and (u["u"] != "pounds" or s and not _OF_AFTER.match(text, u.end())):
                unit = _UNITS[u["u"]]
                end = u.end()
        if money is not None and not ordinal:
            unit, start = money
        if require_unit and unit is None:
            return
        lo = max(0, start - 30)
        approx = _APPROX.search(text, lo, start)
        if approx and unit in _TIME_DAYS and _OVER_SPAN.search(text, max(0, start - 40), start):
            approx = None  # "moved over three days": across them, not more than them
        if approx:
            start = approx.start()
        self.out.append((start, end, Quantity(value, unit, decimals, bool(approx)), ordinal))


def find_numbers(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[NumberMatch]:
    """All quantities in text, in order, non-overlapping; numbers inside a `skip` span
    (for example the spans find_dates returned) are left out."""
    b = _Builder(text)
    for m in _SCAN.finditer(text):
        s = m.start()
        if m["n1"]:
            if _IDENT.search(text, max(0, s - 8), s):
                continue
            suf = m["suf"]
            unit = None
            ordinal = False
            money = money_before(text, s) if s else None
            scale = 0
            if suf:
                if money and suf.lower() in _MONEY_SCALES:
                    scale, unit = _MONEY_SCALES[suf.lower()], money[0]  # "£12m", "$1.2bn"
                elif suf.lower() in _ORDINALS and not m["n2"] and "." not in m["n1"]:
                    ordinal = True
                elif suf in _GLUED_OK or suf in ("°", "°C", "°F"):
                    unit = _UNITS[suf]
                else:
                    continue  # "2.1a", "70S": a designation, not a number
            v1, d1 = _digits(m["n1"])
            v1, d1 = v1 * 10 ** scale, d1 - scale
            if m["n2"]:
                v2, d2 = _digits(m["n2"])
                end2 = m.end()
                before = len(b.out)
                b.add(m.start("n2"), end2, v2 * 10 ** scale, d2 - scale, ordinal, unit,
                      require_unit=m["rs"] == "-" and money is None,
                      currency=money[0] if money else None)
                if len(b.out) == before:
                    continue
                # "3–4 million": the second's scale word is the first's too
                s0 = money[1] if money else s
                approx = _APPROX.search(text, max(0, s0 - 30), s0)
                first = (approx.start() if approx else s0, m.end("n1"),
                         Quantity(v1 * b.scaled, b.out[-1][2].unit,
                                  d1 - len(str(b.scaled)) + 1, bool(approx)), ordinal)
                b.out.insert(len(b.out) - 1, first)
            else:
                b.add(s, m.end(), v1, d1, ordinal, unit, money=money)
        elif m["words"]:
            for ws, we, v in _word_values(text, m.start("words"), m.end("words")):
                b.add(ws, we, v, 0, require_unit=v == 1 and text[ws:we].lower() == "one")
        else:
            if not _A_CONTEXT.search(text, max(0, s - 12), s):
                continue
            b.add(s, m.start() + len(m["a"]), 1.0, 0, require_unit=True)
    items = sorted(b.out, key=lambda x: x[0])
    items = _compound_spans(text, _share_units(text, items))
    return [NumberMatch(s, e, q, o) for s, e, q, o in _without(items, skip)]


def _share_units(text: str, items: list[tuple[int, int, Quantity, bool]],
                 ) -> list[tuple[int, int, Quantity, bool]]:
    """ "900, 1,000, and 1,100 days": every number of the list is in days."""
    out = list(items)
    for i in range(len(out) - 2, -1, -1):
        s, e, q, o = out[i]
        nxt = out[i + 1][2]
        if q.unit is None and not o and nxt.unit and e <= out[i + 1][0] \
                and _SHARE.fullmatch(text, e, out[i + 1][0]):
            out[i] = (s, e, Quantity(q.value, nxt.unit, q.decimals, q.approximate), o)
    return out


_COMPOUND_GLUE = fastre.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?")


def _compound_spans(text: str, items: list[tuple[int, int, Quantity, bool]],
                    ) -> list[tuple[int, int, Quantity, bool]]:
    """ "six hours and 42 minutes", "2 hours 5 minutes 41 seconds": one span of time, in its
    smallest unit (402 minutes), not its first part alone. Only a smaller unit, less than one
    of the larger, after a whole number joins it."""
    out: list[tuple[int, int, Quantity, bool]] = []
    for s, e, q, o in items:
        if out:
            s0, e0, q0, o0 = out[-1]
            f0, f = _TIME_DAYS.get(q0.unit or ""), _TIME_DAYS.get(q.unit or "")
            if f0 and f and f < f0 and q.value * f < f0 and not (o or o0 or q.approximate) \
                    and q0.decimals == 0 and _COMPOUND_GLUE.fullmatch(text, e0, s):
                value = q0.value * round(f0 / f, 2) + q.value
                out[-1] = (s0, e, Quantity(value, q.unit, q.decimals, q0.approximate), False)
                continue
        out.append((s, e, q, o))
    return out


def _without(items: list[tuple[int, int, Quantity, bool]], skip: Sequence[tuple[int, int]],
             ) -> list[tuple[int, int, Quantity, bool]]:
    """Drop overlapping results and anything that overlaps a skipped span."""
    spans = sorted(skip)
    out: list[tuple[int, int, Quantity, bool]] = []
    j = 0
    for s, e, q, o in items:
        if out and s < out[-1][1]:
            continue
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] < e and spans[j][1] > spans[j][0]:
            continue
        out.append((s, e, q, o))
    return out


def parse_number(s: str) -> Quantity | None:
    """One whole string (an infobox value such as "51.659°" or "374 days") as a quantity.

    A counted noun ("1,650 passengers") or a parenthesised qualifier ("7,800 (2023)") may follow.
    """
    t = s.strip()
    if t.endswith(")") and 0 < len(t) - t.rfind("(") <= 62:  # "7,800 (2023)"
        t = t[:t.rfind("(")].rstrip()
    found = find_numbers(t)
    if len(found) == 1 and found[0].start == 0 and not found[0].ordinal \
            and _COUNTED.fullmatch(t, found[0].end):
        return found[0].value
    return None


_COUNTED = fastre.compile(r"(?:[ \t]+[a-z]+)?")


def duration_days(q: Quantity) -> tuple[float, float] | None:
    """A duration as [low, high] days, widened by the written precision or approximation."""
    factor = _TIME_DAYS.get(q.unit or "")
    if factor is None:
        return None
    tol = q.tolerance()
    return max(0.0, (q.value - tol) * factor), (q.value + tol) * factor
