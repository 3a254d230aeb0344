"""Date expressions in English prose: absolute, numeric, ranges, times and simple relatives.

One compiled alternation scans the text once (linear: no quantifier is nested over overlapping
classes); Python code then validates each hit, fills in a missing year from context and resolves
relative expressions against the document date (`anchor`) or the last day-precise date seen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import fastre
from ..model import DateValue

__all__ = ["DateMatch", "find_dates", "parse_date", "guess_dayfirst", "needs_dayfirst"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int  # text[start:end] is the date expression as written
    end: int
    value: DateValue
    end_value: DateValue | None = None  # ranges: "21-23 March 2024"
    relative: bool = False  # resolved from a relative expression
    resolution: str | None = None  # how a relative value or a missing year was filled in
    dayfirst_assumed: bool = False  # an ambiguous all-numeric date read day-first by assumption


# ---- the grammar ----------------------------------------------------------------------------

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {n: i + 1 for i, n in enumerate(_MONTH_NAMES)} | {n[:3]: i + 1 for i, n in
                                                              enumerate(_MONTH_NAMES)}
_MONTHS["sept"] = 9
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)  # a word that opens a date
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_MON_CAP = (r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?"
            r"|Jul(?:y|\.)?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?"
            r"|Nov(?:ember|\.)?|Dec(?:ember|\.)?")
_MON_LOW = "|".join(_MONTH_NAMES)
_MON_UP = "|".join(n.upper() for n in _MONTH_NAMES)
_WD_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD_ANY = _WD_FULL + r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?|" + "|".join(_WEEKDAYS)
_YEAR = r"(?:1\d{3}|2[01]\d{2})(?!\d)"
_SEP = r"\s*(?:-|–|—|to|and|&|until|till|through)\s*"
# a following noun that makes "of 1040 days" a count, not a year
_NOT_YEAR = (r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|people|persons?"
             r"|times|km|kg|m|metres?|meters?|miles?|units?|tons?|tonnes?|ft|feet|foot|lbs?|mph"
             r"|knots?|yards?|inches|acres?|hectares?|ha|sq|square|cubic|litres?|liters?"
             r"|kilometres?|kilometers?|nautical)\b)")


def _mon(g: str) -> str:
    return rf"(?<![A-Za-z])(?P<{g}>{_MON_CAP}|{_MON_LOW}|{_MON_UP})(?![A-Za-z])"


def _day(g: str, lookbehind: bool = True) -> str:
    lb = r"(?<![\w.,:/-])" if lookbehind else ""
    return rf"{lb}(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"


# Alternatives that start with a digit, then those that start with a letter; words that may
# precede an expression ("Saturday, ", "between ", "mid-", "in ") are looked up behind a hit.
_DIGIT_ALTERNATIVES = [
    # 2023-09-15, 2023-09-15T18:02:00Z
    rf"(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    r"(?:T(?P<it>(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?)"
    r"(?P<iz>Z|[+-]\d\d(?::?\d\d)?)?)?(?![\w]|[-/.:]\d)",
    # 21.06.2017, 21/06/2017, 06/21/2017, 21-06-2017
    rf"(?P<na>\d{{1,2}})(?P<ns>[./-])(?P<nb>\d{{1,2}})(?P=ns)(?P<ny>{_YEAR})(?![\w]|[-/.:]\d)",
    # 15[th] [-23] [of] September [- 3 April] [2023]
    rf"{_day('d1')}(?:(?P<ds1>{_SEP}){_day('d2', False)})?(?:\s+of)?\s+{_mon('dm1')}"
    rf"(?:(?P<ds2>{_SEP}){_day('d3', False)}(?:\s+of)?\s+{_mon('dm2')})?"
    rf"(?:,?\s+(?P<dy>{_YEAR}))?",
    # two days later
    r"(?P<rd1>\d{1,2})\s+(?P<rdu1>days?|weeks?|months?|years?)\s+(?P<rdd1>later|earlier)(?!\w)(?!\s+than\b)",
    # 2023 (kept only after "in", "since", "early", ...), 2019-2023
    rf"(?P<by>{_YEAR})(?:(?P<bys>{_SEP})(?P<by2>{_YEAR})|[-–/](?P<by3>\d\d)(?!\d))?"
    rf"(?![-/.:,]\d|['’]?s\b){_NOT_YEAR}",
]
_WORD_ALTERNATIVES = [
    # September 15[th][-23][, 2023]
    rf"{_mon('mm')}\s+{_day('md1')}(?:(?P<ms>{_SEP}){_day('md2', False)})?"
    rf"(?:,?\s+(?P<my>{_YEAR}))?",
    # September 2023
    rf"{_mon('ym')}(?:\s+of)?,?\s+(?P<yy>{_YEAR})",
    # October of that year
    rf"{_mon('tm')}\s+of\s+(?:that|the\s+same)\s+year(?!\w)",
    # Saturday (not "Saturday, 6 April": that is found at the day)
    rf"(?P<wd>{_WD_FULL})(?!\w)(?!,?\s+(?:the\s+)?\d|,?\s+(?:{_MON_CAP}|{_MON_LOW})(?![A-Za-z]))",
    r"(?P<r1>[Yy]esterday|[Tt]oday|[Tt]omorrow)(?!\w)",
    r"(?P<r2>(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<r2u>month|year)(?!\w)",
    r"(?P<r3>[Tt]he\s+(?:next|following|previous|preceding)\s+day"
    r"|[Tt]he\s+day\s+(?:after|before)(?=[ \t]*(?:[,.;:)\n]|\Z)))",
    r"(?P<rd2>[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine"
    r"|[Tt]en)\s+(?P<rdu2>days?|weeks?|months?|years?)\s+(?P<rdd2>later|earlier)(?!\w)(?!\s+than\b)",
]
# The leading lookahead lists every character a hit can start with (digits, and the first
# letters of month, weekday and relative words): the engine rejects other positions at once.
# The first two letters of every word alternative (months, weekdays, relative words, number
# words, "a"/"an" and a blank), in any case: most words are turned away here, before the
# engine tries the hundred-odd month spellings one by one.
_WORD_START = (r"(?=(?i:a[npu\s]|de|e[ai]|f[eior]|j[au]|la|m[ao]|n[eio]|o[cn]|s[aeiu]|t[ehouw]"
               r"|we|ye))")
_SCAN = fastre.compile(r"(?=[\dAaDdEeFfJjLlMmNnOoSsTtWwYy])(?<![A-Za-z0-9])(?:(?=\d)(?:" + "|".join(_DIGIT_ALTERNATIVES)
                   + r")|" + _WORD_START + "(?:" + "|".join(_WORD_ALTERNATIVES) + "))")
_QUALIFIERS = {"early", "mid", "late", "spring", "summer", "autumn", "fall", "winter", "end",
               "beginning", "start", "middle"}
_PRE_DAY = fastre.compile(rf"(?<![A-Za-z])(?:(?P<w>{_WD_ANY}),?\s+)?(?:(?P<b>[Bb]etween|[Ff]rom)\s+)?"
                      r"(?:the\s+)?\Z")
_PRE_MONTH = fastre.compile(rf"(?<![A-Za-z])(?:(?P<w>{_WD_ANY}),?\s+)?"
                        r"(?:(?P<q>[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:[Ee]nd|[Bb]eginning"
                        r"|[Ss]tart|[Mm]iddle)\s+of)[\s-]+(?:the\s+)?)?\Z")
_PRE_YEAR = fastre.compile(
    r"(?<![A-Za-z])(?P<w>in|since|by|of|from|until|till|before|after|during|through|between"
    r"|circa|c\.|year|early|mid|late|spring|summer|autumn|fall|winter"
    r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+(?:(?:of|in|the)\s+){0,2}\Z",
    re.I)
# "the 2017 estimate", "a planned 2021 tour", "the orchestra's 1974 farewell", "1979-built"
_ATTRIB_BEFORE = fastre.compile(r"(?:(?<![A-Za-z])(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his"
                            r"|[Tt]hat)|['’]s)[ \t]+(?:[a-z]+[ \t]+)?\Z")
_ATTRIB_AFTER = fastre.compile(r"[ \t]+[a-z]*[a-rt-z](?![\w-])|-[a-z]{3,}(?![\w-])")
_FUTURE = fastre.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due|set|expected|scheduled|going)\s+to)\b")
# the present tense of a timetable: "Rehearsals begin on Monday", "the exhibition opens Friday"
_TIMETABLE = fastre.compile(r"\b(?:begins?|starts?|opens?|closes?|ends?|resumes?|takes?\s+place)"
                        r"(?:\s+[a-z]+){0,2}\s+(?:on\s+)?\Z")
_PRE_WEEKDAY = fastre.compile(r"(?<![A-Za-z])(?P<p>last|next|this|previous|coming)\s+\Z", re.I)
# Every expression above contains a digit or one of these words, and starts no more than
# _BACK characters before it: the full grammar only runs in windows around such triggers.
_TRIGGER = fastre.compile(r"(?=[\dDdWwMmYyTt])(?:\d+|[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear|[Tt]omorrow"
                      r"|DAY|WEEK|MONTH|YEAR)")  # the lookahead: first characters, for speed
_BACK, _AHEAD = 48, 48

_TZ = (r"UTC|GMT|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|EET|EEST|BST|IST|JST|AEST"
       r"|AEDT")
_TIME = (r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d)"
         r"(?:\s*(?P<ap>[ap]\.m\.|[AaPp][Mm]\b))?"
         rf"(?:\s*(?P<tz>(?:{_TZ})(?:[+\-−]\d{{1,2}}(?::?\d\d)?)?)\b)?")
_TIME_AFTER = fastre.compile(rf"(?:\s*,\s*|\s+at\s+|\s+){_TIME}")
_TIME_BEFORE = fastre.compile(rf"(?<![\d:]){_TIME}(?:\s+local\s+time)?(?:\s+on|\s*,)?\s+\Z")
_SPLIT_SEPS = {"and", "&"}
_FIRST_DAY = fastre.compile(r"\d+(?:st|nd|rd|th)?|")


# ---- helpers --------------------------------------------------------------------------------


def _month(tok: str) -> int:
    t = tok.rstrip(".").lower()
    return _MONTHS.get(t) or _MONTHS[t[:3]]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _time(m: re.Match[str]) -> tuple[str, str | None]:
    h, mi, s = int(m["h"]), m["mi"], m["s"]
    ap = (m["ap"] or "").lower()
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    t = f"{h:02d}:{mi}" + (f":{s}" if s else "")
    tz = m["tz"]
    return t, tz.replace("−", "-") if tz else None


class _Scan:
    """Mutable state while walking the hits of one text in order."""

    def __init__(self, text: str, anchor: dt.date | None, dayfirst: bool,
                 previous: DateValue | None, year_from: DateValue | None = None) -> None:
        self.text, self.anchor, self.dayfirst = text, anchor, dayfirst
        carried = year_from or previous
        self.year: int | None = carried.year if carried else None
        self.carried = carried is not None  # the year came from an earlier sentence
        self.last_any: DateValue | None = previous
        self.last_day: DateValue | None = previous if previous and previous.day else None
        self.out: list[DateMatch] = []
        self.restore: tuple[int | None, bool, int] | None = None

    def at(self, pos: int) -> None:
        """Past the end of an aside, the year from before it is the text's year again."""
        if self.restore is not None and pos >= self.restore[2]:
            self.year, self.carried = self.restore[0], self.restore[1]
            self.restore = None

    def emit(self, start: int, end: int, value: DateValue, **kw: object) -> None:
        if self.out and start < self.out[-1].end:
            return
        self.out.append(DateMatch(start, end, value, **kw))  # type: ignore[arg-type]
        last = kw.get("end_value") or value
        assert isinstance(last, DateValue)
        if not kw.get("relative"):
            closes = _aside_end(self.text, start, end) if last.month is None else None
            # a year inside an aside lends itself to the aside only
            self.restore = (self.year, self.carried, closes) if closes is not None else None
            self.year, self.carried = last.year, False
        self.last_any = last
        if last.day:
            self.last_day = last

    def year_for(self, month: int, day: int | None) -> tuple[int, str] | None:
        """A year for a year-less "15 Sep": the text's last year, else nearest the anchor.

        Nearest counts days after the anchor double: reports mostly look back.
        """
        if self.year is not None and not (self.carried and self.anchor and abs(
                (dt.date(self.year, month, min(day or 1, 28)) - self.anchor).days) > 365):
            return self.year, f"year {self.year} taken from the preceding date"
        if self.anchor is None:
            return None
        a = self.anchor
        best: tuple[int, int] | None = None
        for y in (a.year - 1, a.year, a.year + 1):
            if day is None or _valid(y, month, day):
                dist = (dt.date(y, month, day or 1) - a).days
                dist = 2 * dist if dist > 0 else -dist
                if best is None or dist < best[0]:
                    best = (dist, y)
        if best is None:
            return None
        return best[1], f"year {best[1]} taken from the document date {a.isoformat()}"


_ASIDE_STOPS = ",()[];:.!?"
_ASIDE_CLOSE = fastre.compile(r"[^,()\[\];:.!?]{0,40}[,)]")


def _aside_end(text: str, start: int, end: int) -> int | None:
    """Where an aside between commas or brackets that holds a bare year closes ("The
    orchestra, founded in 1921, will ..."): the year dates the aside only, and a year-less date
    after it ("... before the tour closes on 22 April") does not take it. A year right after
    the bracket ("the Harbour Tour (2031)") names its year and is no aside."""
    lo = max(0, start - 64)
    opened = max(text.rfind(c, lo, start) for c in _ASIDE_STOPS)
    if opened < 0 or text[opened] not in ",(" or not text[opened + 1:start].strip()[:1].isalpha():
        return None
    closed = _ASIDE_CLOSE.match(text, end)
    return closed.end() if closed else None


# ---- hit handlers ---------------------------------------------------------------------------


def _absolute(sc: _Scan, start: int, end: int, d1: int, mon1: str, d2: int | None,
              mon2: str | None, year_s: str | None, split: bool, d2_start: int,
              lower_ok: bool) -> None:
    """Shared tail of the two word-month grammars: validate, fill a year, range or pair."""
    if not lower_ok:
        return
    m1 = _month(mon1)
    m2 = _month(mon2) if mon2 else m1
    resolution = None
    if year_s:
        year = int(year_s)
    else:
        got = sc.year_for(m1, d1)
        if got is None:
            return
        year, resolution = got
    if not _valid(year, m1, d1):
        return
    if d2 is None:
        v = DateValue(year, m1, d1)
        _with_time(sc, start, end, v, resolution=resolution)
        return
    year2 = year
    if m2 < m1 or (m2 == m1 and d2 < d1):
        if split or mon2 is None:
            return
        year = year - 1 if year_s else year  # "28 December - 3 January 2024"
    if not (_valid(year2, m2, d2) and _valid(year, m1, d1)):
        return
    a, b = DateValue(year, m1, d1), DateValue(year2, m2, d2)
    if split:  # "3 and 5 May 2024": two dates, not a range
        first_end = start + len(_FIRST_DAY.match(sc.text, start)[0])  # type: ignore[index]
        sc.emit(start, first_end, a, resolution=resolution)
        sc.emit(d2_start, end, b, resolution=resolution)
    else:
        sc.emit(start, end, a, end_value=b, resolution=resolution)


def _with_time(sc: _Scan, start: int, end: int, v: DateValue, **kw: object) -> None:
    """Attach a clock time written just after or just before the date."""
    text = sc.text
    t = _TIME_AFTER.match(text, end)
    if t:
        time, tz = _time(t)
        v = DateValue(v.year, v.month, v.day, time, tz)
        end = t.end()
    else:
        lo = max(start - 40, sc.out[-1].end if sc.out else 0)
        b = _TIME_BEFORE.search(text, lo, start)
        if b:
            time, tz = _time(b)
            v = DateValue(v.year, v.month, v.day, time, tz)
            start = b.start()
    sc.emit(start, end, v, **kw)


def _numeric(sc: _Scan, m: re.Match[str]) -> None:
    a, b, y, sep = int(m["na"]), int(m["nb"]), int(m["ny"]), m["ns"]
    assumed = False
    resolution = None
    if a > 12 and b <= 12:
        d, mo = a, b
    elif b > 12 and a <= 12:
        d, mo = b, a
    elif a > 12:
        return
    elif sep == "." or sc.dayfirst:
        d, mo = a, b
        if a != b:
            assumed = sep != "."
            resolution = ("dotted date read day-first by convention" if sep == "."
                          else "ambiguous numeric date read day-first")
    else:
        d, mo = b, a
        if a != b:
            resolution = "ambiguous numeric date read month-first"
    if not _valid(y, mo, d):
        return
    _with_time(sc, m.start(), m.end(), DateValue(y, mo, d), dayfirst_assumed=assumed,
               resolution=resolution)


def _weekday(sc: _Scan, m: re.Match[str], pre: re.Match[str] | None) -> None:
    a = sc.anchor
    if a is None:
        return
    target = _WEEKDAYS.index(m["wd"].lower())
    mod = pre["p"].lower() if pre else ""
    name = m["wd"]
    if mod in ("next", "coming"):
        delta = (target - a.weekday()) % 7 or 7
        day = a + dt.timedelta(days=delta)
        how = f"{name} after {a.isoformat()} ({a.strftime('%A')})"
    elif not mod and _future(sc.text, m.start(), m.end()):
        delta = (target - a.weekday()) % 7 or 7
        day = a + dt.timedelta(days=delta)
        how = f"{name} after {a.isoformat()} ({a.strftime('%A')}), told as still to come"
    else:
        delta = (a.weekday() - target) % 7
        if mod in ("last", "previous") and delta == 0:
            delta = 7
        day = a - dt.timedelta(days=delta)
        how = (f"{name} = the document date {a.isoformat()}" if delta == 0 else
               f"{name} before {a.isoformat()} ({a.strftime('%A')})")
    v = DateValue(day.year, day.month, day.day)
    _with_time(sc, pre.start() if pre else m.start(), m.end(), v, relative=True, resolution=how)


def _relative(sc: _Scan, m: re.Match[str]) -> None:
    a = sc.anchor
    if m["r1"]:
        if a is None:
            return
        word = m["r1"].lower()
        day = a + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        sc.emit(m.start(), m.end(), DateValue(day.year, day.month, day.day), relative=True,
                resolution=f"{word}, relative to the document date {a.isoformat()}")
        return
    if m["r2"]:
        if a is None:
            return
        mod = m["r2"].lower().split()[0]
        shift = {"last": -1, "next": 1}.get(mod, 0)
        phrase = " ".join(m.group().split()).lower()
        if m["r2u"] == "year":
            v = DateValue(a.year + shift)
        else:
            k = a.year * 12 + a.month - 1 + shift
            v = DateValue(k // 12, k % 12 + 1)
        sc.emit(m.start(), m.end(), v, relative=True,
                resolution=f"{phrase}, relative to the document date {a.isoformat()}")
        return
    unit_word = (m["rdu1"] or m["rdu2"] or "").lower()
    if unit_word.startswith(("month", "year")):
        _relative_coarse(sc, m, unit_word)
        return
    base = sc.last_day
    if base is None or base.as_date() is None:
        return
    b = base.as_date()
    assert b is not None
    if m["r3"]:
        phrase = " ".join(m["r3"].split()).lower()
        days = -1 if ("previous" in phrase or "preceding" in phrase or "before" in phrase) else 1
    else:
        n = (m["rd1"] or m["rd2"]).lower()
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        unit = 7 if (m["rdu1"] or m["rdu2"]).startswith("week") else 1
        days = count * unit * (1 if (m["rdd1"] or m["rdd2"]) == "later" else -1)
        phrase = " ".join(m.group().split()).lower()
    day = b + dt.timedelta(days=days)
    sc.emit(m.start(), m.end(), DateValue(day.year, day.month, day.day), relative=True,
            resolution=f"{phrase}: {abs(days)} day{'s' if abs(days) != 1 else ''} "
                       f"{'after' if days > 0 else 'before'} {b.isoformat()} (the preceding date)")


def _attributive(text: str, start: int, end: int) -> bool:
    """A bare year used as a modifier: "the 2017 estimate", "the 1979-built ferry"."""
    if text.startswith("-", end):
        return bool(_ATTRIB_AFTER.match(text, end))
    return bool(_ATTRIB_BEFORE.search(text, max(0, start - 30), start)
                and _ATTRIB_AFTER.match(text, end))


def _future(text: str, start: int, end: int) -> bool:
    """The clause around a weekday tells of something still to come ("will be held on
    Monday"); what follows a "that" or a relative ", which" after it is another clause ("said
    on Monday that ...", "unveiled X on Monday, which will go on sale ...")."""
    lo, hi = max(0, start - 200), min(len(text), end + 200)  # bounded: linear on long texts
    lo = max(text.rfind(".", lo, start), text.rfind(";", lo, start), text.rfind(",", lo, start),
             lo - 1) + 1
    stops = [i for i in (text.find(c, end, hi) for c in (".", ";", " that ", ", which ", ", who "))
             if i >= 0]
    return bool(_FUTURE.search(text, lo, start) or _TIMETABLE.search(text, lo, start)
                or _FUTURE.search(text, end, min(stops, default=hi)))


def _relative_coarse(sc: _Scan, m: re.Match[str], unit_word: str) -> None:
    """ "Two years later": a year (or month) counted from the last date, at that precision."""
    base = sc.last_any
    n = (m["rd1"] or m["rd2"]).lower()
    count = (int(n) if n.isdigit() else _NUMBER_WORDS[n]) * (
        1 if (m["rdd1"] or m["rdd2"]) == "later" else -1)
    phrase = " ".join(m.group().split()).lower()
    if base is None or (unit_word.startswith("month") and base.month is None):
        return
    if unit_word.startswith("year"):
        v = DateValue(base.year + count)
    else:
        k = base.year * 12 + (base.month or 1) - 1 + count
        v = DateValue(k // 12, k % 12 + 1)
    sc.emit(m.start(), m.end(), v, relative=True,
            resolution=f"{phrase}: counted from {base.iso()} (the preceding date)")


def _lower_ok(mon: str, has_day_before: bool, has_year: bool) -> bool:
    """Lower-case "may"/"march" are verbs far more often than months: demand more evidence."""
    if mon in ("may", "march"):
        return has_day_before or has_year
    return True


def _prefix(sc: _Scan, pattern: re.Pattern[str], start: int) -> re.Match[str] | None:
    """Words just before a hit that belong to it ("Saturday, ", "between ", "mid-")."""
    lo = max(start - 40, sc.out[-1].end if sc.out else 0)
    p = pattern.search(sc.text, lo, start)
    return p if p and p.start() < start else None


def _handle(sc: _Scan, m: re.Match[str]) -> None:
    g = m.groupdict()
    if g["iy"]:
        v = DateValue(int(g["iy"]), int(g["im"]), int(g["id"]))
        if not _valid(v.year, v.month or 0, v.day or 0):
            return
        if g["it"]:
            tz = g["iz"]
            tz = "UTC" if tz in ("Z", "+00:00", "+0000", "+00") else (f"UTC{tz}" if tz else None)
            sc.emit(m.start(), m.end(), DateValue(v.year, v.month, v.day, g["it"].split(".")[0],
                                                  tz))
        else:
            _with_time(sc, m.start(), m.end(), v)
    elif g["na"]:
        _numeric(sc, m)
    elif g["d1"]:
        pre = _prefix(sc, _PRE_DAY, m.start())
        sep = g["ds1"] or g["ds2"]
        sep_word = sep.strip().lower() if sep else None
        between = bool(pre and pre["b"] and pre["b"].lower() == "between")
        split = sep_word in _SPLIT_SEPS and not between
        if g["d3"]:
            d2, mon2, d2s = int(g["d3"]), g["dm2"], m.start("d3")
        elif g["d2"]:
            d2, mon2, d2s = int(g["d2"]), None, m.start("d2")
        else:
            d2, mon2, d2s = None, None, -1
        start = pre.start() if pre and not split else m.start()
        _absolute(sc, start, m.end(), int(g["d1"]), g["dm1"], d2, mon2, g["dy"], split, d2s,
                  _lower_ok(g["dm1"], True, bool(g["dy"])))
    elif g["mm"]:
        pre = _prefix(sc, _PRE_MONTH, m.start())
        sep_word = g["ms"].strip().lower() if g["ms"] else None
        d2 = int(g["md2"]) if g["md2"] else None
        split = sep_word in _SPLIT_SEPS
        start = pre.start() if pre and pre["w"] and not pre["q"] and not split else m.start()
        _absolute(sc, start, m.end(), int(g["md1"]), g["mm"], d2, None, g["my"], split,
                  m.start("md2") if d2 else -1, _lower_ok(g["mm"], False, bool(g["my"])))
    elif g["ym"]:
        if not _lower_ok(g["ym"], False, False):
            return
        pre = _prefix(sc, _PRE_MONTH, m.start())
        sc.emit(pre.start() if pre else m.start(), m.end(),
                DateValue(int(g["yy"]), _month(g["ym"])))
    elif g["by"]:
        y1 = int(g["by"])
        season = bool(g["by3"]) and int(g["by3"]) == (y1 + 1) % 100  # "2022–23"
        pre = _prefix(sc, _PRE_YEAR, m.start())
        if pre is None:
            if not season and not _attributive(sc.text, m.start(), m.end("by")):
                return
            start = m.start()
        else:
            words = [w for w in pre["w"].lower().split() if w != "the"]
            start = pre.start() if words[0] in _QUALIFIERS else m.start()
        y2 = int(g["by2"]) if g["by2"] else y1 // 100 * 100 + int(g["by3"]) if g["by3"] else None
        if y2 is not None and y2 > y1:
            sc.emit(start, m.end(), DateValue(y1), end_value=DateValue(y2))
        else:
            sc.emit(start, m.end("by"), DateValue(y1))
    elif g["tm"]:
        if sc.year is not None:
            sc.emit(m.start(), m.end(), DateValue(sc.year, _month(g["tm"])),
                    resolution=f"year {sc.year} taken from the preceding date")
    elif g["wd"]:
        _weekday(sc, m, _prefix(sc, _PRE_WEEKDAY, m.start()))
    elif g["r1"] or g["r2"] or g["r3"] or g["rd1"] or g["rd2"]:
        _relative(sc, m)


# ---- public API -----------------------------------------------------------------------------


def find_dates(text: str, *, anchor: dt.date | None = None, dayfirst: bool = True,
               previous: DateValue | None = None,
               year_from: DateValue | None = None) -> list[DateMatch]:
    """All date expressions in text, in order, non-overlapping.

    A year-less date takes the year of the last dated expression before it (or `previous`),
    else the year that puts it nearest `anchor`; with neither it is skipped. Relative words
    ("yesterday", "On Saturday", "last month") need `anchor`; "the next day", "two days later"
    count from the last day-precise date found (or `previous`). `year_from`, when given, is
    where a year-less date looks for its year before anything in the text (else `previous`).
    """
    sc = _Scan(text, anchor, dayfirst, previous, year_from)
    for lo, hi in _windows(text):
        for m in _SCAN.finditer(text, lo, hi):
            if sc.out and m.start() < sc.out[-1].end:
                continue
            sc.at(m.start())
            _handle(sc, m)
    return sc.out


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around triggers; prose without dates is skipped cheaply."""
    out: list[tuple[int, int]] = []
    lo = hi = -1
    for t in _TRIGGER.finditer(text):
        a, b = t.start() - _BACK, t.end() + _AHEAD
        if a > hi:
            if hi > 0:
                out.append((lo, hi))
            lo = max(a, 0)
        hi = b
    if hi > 0:
        out.append((lo, min(hi, len(text))))
    return out


_LEFTOVER = fastre.compile(r"[\s,;:()\[\]\-–—./]*")


def parse_date(s: str, *, dayfirst: bool = True) -> DateValue | None:
    """One whole string (an infobox value) as a date, or None when it is not just a date."""
    t = s.strip()
    if re.fullmatch(_YEAR, t):
        return DateValue(int(t))
    found = [d for d in find_dates(t, dayfirst=dayfirst) if not d.relative]
    if not found:
        return None
    rest, pos = [], 0
    for d in found:
        rest.append(t[pos:d.start])
        pos = d.end
    rest.append(t[pos:])
    leftover = "".join(rest).replace("UTC", "")
    if not _LEFTOVER.fullmatch(leftover):
        return None
    return found[0].value


_AFTER_LEADING = fastre.compile(r"\s*(?:$|[,;(]|in\s)")


def leading_date(s: str, *, dayfirst: bool = True) -> DateMatch | None:
    """The date an infobox value opens with, when more follows it: "2 February 2016 (aged 84),
    Uppsala, Sweden", "12 March 1931, Brno". Its place or age is another field's business."""
    found = find_dates(s, dayfirst=dayfirst)
    if not found or found[0].relative or s[:found[0].start].strip():
        return None
    return found[0] if _AFTER_LEADING.match(s, found[0].end) else None


# (Leading lookaheads here list first characters: they only make the scans faster.)
_NUMERIC_EVIDENCE = fastre.compile(r"(?=\d)(?<![\w.,:/-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/-])")
_MDY = fastre.compile(rf"(?=[ADFJMNOSadfjmnos]){_mon('a')}\s+{_day('b')},?\s+{_YEAR}")
_DMY = fastre.compile(rf"(?=[0-9]){_day('b')}(?:\s+of)?\s+{_mon('a')},?\s+{_YEAR}")


# An all-numeric date written with slashes or hyphens: the only kind whose reading the guess
# below can change (dotted dates are day-first by convention, ISO dates are unambiguous). Its
# first part has one or two digits with no letter or digit before it, as the date grammar asks,
# so an ISO date ("2024-04-05", the first line of every news report) needs no guess.
_SLASHED = fastre.compile(r"(?<![A-Za-z0-9])\d{1,2}([/-])\d{1,2}\1\d")


def needs_dayfirst(text: str) -> bool:
    """Whether guessing the document's date order can matter (most documents: no)."""
    return _SLASHED.search(text) is not None


def guess_dayfirst(text: str) -> bool | None:
    """Day-first (True) or month-first (False) for the document's slashed numeric dates.

    A slashed or dashed date with a first part over 12 proves day-first, a second part over 12
    month-first; without such proof "March 25, 2024" against "25 March 2024" styles decide.
    Dotted dates are not counted: they are day-first by convention whatever the document.
    """
    day_first = month_first = 0
    for m in _NUMERIC_EVIDENCE.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if a > 12 >= b:
            day_first += 1
        elif b > 12 >= a:
            month_first += 1
    if day_first != month_first:
        return day_first > month_first
    mdy = sum(1 for _ in _MDY.finditer(text))
    dmy = sum(1 for _ in _DMY.finditer(text))
    if mdy != dmy:
        return dmy > mdy
    return None
