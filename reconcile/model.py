"""The immutable records that flow between the pipeline stages.

read -> Document, extract -> Mention/Claim, align -> Entity, check -> Finding/Agreement.
Every span is (source id, start, end, text) into the document text exactly as decoded,
so that `text == document.text[start:end]` always holds (see CONTRACT.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from .units import convert_value, decimals_for, dimension, money_text, to_base
from .units import plural as unit_plural

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Span:
    source: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class InfoboxField:
    """One `Key: Value` field; `line` covers the whole field as written."""

    key: str
    value: str
    line: Span
    key_span: Span
    value_span: Span


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of prose handed to the extractor.

    `text` is clean prose; `offsets` maps each index of `text` (and len(text)) to an index of
    the raw document text. It is None when the passage is a slice starting at `start`, verbatim
    but for line feeds inside a wrapped paragraph, read as spaces (reconcile.read.plain).
    """

    text: str
    start: int
    offsets: tuple[int, ...] | None = None
    section: str | None = None

    def raw(self, i: int) -> int:
        """Raw document index of passage index i (0 <= i <= len(text))."""
        if self.offsets is None:
            return self.start + i
        return self.offsets[i]

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return self.start + start, self.start + end
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    path: str
    text: str
    kind: str  # encyclopedia | news | wiki | html | claims
    format: str  # the reader that produced it
    title: str | None = None
    title_span: Span | None = None
    published: dt.date | None = None
    published_span: Span | None = None
    fields: tuple[InfoboxField, ...] = ()
    passages: tuple[Passage, ...] = ()
    dayfirst: bool = True
    notes: tuple[str, ...] = ()  # reader decisions worth reporting (encoding, format)

    def span(self, start: int, end: int) -> Span:
        return Span(self.id, start, end, self.text[start:end])

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "kind": self.kind,
        }


# ---- values -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date at the precision the source gave (year, month or day), maybe a time."""

    year: int
    month: int | None = None
    day: int | None = None
    time: str | None = None  # "07:30:08"
    tz: str | None = None  # "UTC"

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> dt.date | None:
        if self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None

    def compatible(self, other: DateValue) -> bool:
        """True when the two agree at the coarser of their precisions."""
        if self.year != other.year:
            return False
        if self.month is None or other.month is None:
            return True
        if self.month != other.month:
            return False
        return self.day is None or other.day is None or self.day == other.day

    def human(self) -> str:
        months = ("January February March April May June July August September October "
                  "November December").split()
        if self.day and self.month:
            base = f"{self.day} {months[self.month - 1]} {self.year}"
        elif self.month:
            base = f"{months[self.month - 1]} {self.year}"
        else:
            base = str(self.year)
        if self.time:
            base += f" {self.time}" + (f" {self.tz}" if self.tz else "")
        return base


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit and the precision it was written at. Money is in its currency's
    code ("GBP"), never converted: two currencies are not comparable."""

    value: float
    unit: str | None = None  # singular: "day", "month", "degree", None for a bare count
    decimals: int = 0
    approximate: bool = False
    high: float | None = None  # a range's upper end ("$3–4 million"); `value` is its lower

    def ends(self) -> tuple[float, float]:
        return self.value, self.value if self.high is None else self.high

    def tolerance(self) -> float:
        written = 0.5 * 10 ** (-self.decimals)
        if self.approximate:
            return max(written, abs(self.value) * 0.1, 1.0)
        return written

    def comparable(self, other: Quantity) -> bool:
        """Same unit, or two units of one dimension (metres and feet)."""
        return self.unit == other.unit or dimension(self.unit) is not None \
            and dimension(self.unit) == dimension(other.unit)

    def agrees(self, other: Quantity) -> bool:
        """Equal within the coarser of the two written precisions (or approximations), in a
        common unit when the units differ. Each value stands for whatever rounds to it, so 1.2 km
        (+-0.05 km) agrees with 1,150 m and 1,250 m, the very ends of what rounds to 1.2 km, as
        1,200 m agrees with 1,200.5 m; 1,140 m it does not. 459 ft (139.9 m, +-0.15 m) agrees
        with 140 m (+-0.5 m): a precision is only ever widened by the coarser value."""
        if self.unit == other.unit:  # a range agrees with what it holds or overlaps
            (a0, a1), (b0, b1) = self.ends(), other.ends()
            gap = max(0.0, b0 - a1, a0 - b1)
            return gap <= max(self.tolerance(), other.tolerance()) + 1e-9
        if not self.comparable(other):
            return False
        a, b = self.in_base(), other.in_base()
        return abs(a[0] - b[0]) <= max(a[1], b[1]) + 1e-9 * max(1.0, abs(a[0]), abs(b[0]))

    def in_base(self) -> tuple[float, float]:
        """(value, tolerance) in the base unit of its dimension (a measurement unit only)."""
        value, tol = to_base(self.value, self.unit), to_base(self.tolerance(), self.unit)
        assert value is not None and tol is not None, self.unit
        return value, tol

    def converted(self, unit: str) -> Quantity:
        """The same amount in another unit of its dimension, at the precision it was written."""
        value = convert_value(self.value, self.unit or "", unit)
        tol = convert_value(self.tolerance(), self.unit or "", unit)
        assert value is not None and tol is not None, (self.unit, unit)
        return Quantity(value, unit, decimals_for(tol), self.approximate)

    def human(self) -> str:
        if self.unit and self.unit.isupper():  # money: "£48.3 million", "NOK 4.2 billion"
            return ("approximately " if self.approximate else "") + money_text(
                self.ends(), self.decimals, self.unit)
        num = f"{self.value:,.{max(0, self.decimals)}f}"  # "2.4 million": -5
        plural = "" if self.value == 1 or (self.unit or "").isupper() else unit_plural(
            self.unit or "")  # "GBP": money
        unit = f" {self.unit}{plural}" if self.unit else ""
        return ("approximately " if self.approximate else "") + num + unit

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": int(self.value) if self.decimals == 0 else self.value}
        if self.high is not None:
            out["high"] = int(self.high) if self.decimals == 0 else self.high
        if self.unit:
            out["unit"] = self.unit
        if self.approximate:
            out["approximate"] = True
        return out


Value = DateValue | Quantity | str | tuple[str, ...] | None


def value_to_json(value: Value) -> Any:
    if isinstance(value, DateValue):
        return value.iso()
    if isinstance(value, Quantity):
        return value.to_json()
    if isinstance(value, tuple):
        return list(value)
    return value


def value_human(value: Value) -> str:
    if isinstance(value, (DateValue, Quantity)):
        return value.human()
    if isinstance(value, tuple):
        return ", ".join(value)
    return "" if value is None else str(value)


# ---- extraction and alignment ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface reference to something: a person's name, a designator, an alias."""

    id: str
    span: Span
    kind: str  # person | designator | serial
    surface: str  # the words as written (whitespace collapsed)
    short: bool = False  # a surname or short form that needs its full name to be resolved
    alias_of: str | None = None  # mention id this one is stated to be another name of
    role: str | None = None  # "subject" for a document's title, a field key for infobox values
    descriptor: str | None = None  # words before a person's name: "NASA astronaut"
    # the year its source gives a year-less occasion ("the Tarrow Shield final" in a 2030 report)
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    source: str
    predicate: str
    value: Value
    span: Span
    subject_mention: str | None = None  # mention id, resolved to an entity by align
    subject: str | None = None  # entity id, filled in after alignment
    # stated | planned | aborted | future | present | approximate | minimum | maximum (bounds:
    # "more than", "up to") | estimated (a sum forecast or estimated: "an estimated $40 million")
    modality: str = "stated"
    qualifier: str | None = None  # narrows the predicate: "900 days" for a milestone
    resolution: str | None = None  # how a relative value was resolved
    context: tuple[int, int] | None = None  # the sentence it came from (raw offsets)
    field: str | None = None  # the infobox key when it came from a field
    inferred_subject: bool = False  # subject taken from the document, not the sentence

    def take_subject(self, subject: str | None) -> None:
        """Fill in the entity in place: only for a claim no one else holds (an audit's, whose
        extractions the pipeline consumes), where a copy per claim was a tenth of checking."""
        object.__setattr__(self, "subject", subject)

    def with_subject(self, subject: str | None) -> Claim:
        """A copy with the entity filled in: `dataclasses.replace` less its per-call field
        lookups, which were most of the cost of copying every claim of an audit."""
        new = object.__new__(Claim)
        for name in Claim.__slots__:
            object.__setattr__(new, name, getattr(self, name))
        object.__setattr__(new, "subject", subject)
        return new

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "subject": self.subject,
            "predicate": self.predicate,
            "value": value_to_json(self.value),
            "text": self.span.text,
            "start": self.span.start,
            "end": self.span.end,
        }
        if self.modality != "stated":
            out["modality"] = self.modality
        if self.qualifier:
            out["qualifier"] = self.qualifier
        if self.resolution:
            out["resolution"] = self.resolution
        return out


@dataclass(frozen=True, slots=True)
class MergeReason:
    """Why two spellings were taken as one entity (or, for a near miss, why not)."""

    a: str
    b: str
    score: float
    reason: str
    merged: bool = True


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str  # person | mission | spacecraft | organization | place | other
    name: str
    variants: tuple[str, ...]
    mentions: tuple[Mention, ...]
    reasons: tuple[MergeReason, ...] = ()
    unresolved: tuple[Mention, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "variants": list(self.variants),
            "mentions": [m.span.to_json() for m in self.mentions],
        }
        if self.reasons:
            out["merges"] = [
                {"a": r.a, "b": r.b, "score": round(r.score, 3), "reason": r.reason,
                 "merged": r.merged}
                for r in self.reasons
            ]
        return out


# ---- checking -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str
    start: int
    end: int
    text: str
    claim: str | None = None
    note: str | None = None  # what this quote says, in a few words: "launch: 23 March 2024"

    @classmethod
    def of(cls, span: Span, claim: str | None = None, note: str | None = None) -> Evidence:
        return cls(span.source, span.start, span.end, span.text, claim, note)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "start": self.start, "end": self.end,
                               "text": self.text, "claim": self.claim}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    rule: str
    severity: Severity
    subject: str | None
    predicate: str | None
    message: str
    evidence: tuple[Evidence, ...]
    confidence: float = 1.0
    suppression: Suppression | None = None  # a reviewer's recorded decision (reconcile.review)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "rule": self.rule,
            "severity": self.severity,
            "subject": self.subject,
            "predicate": self.predicate,
            "message": self.message,
            "confidence": round(self.confidence, 3),
            "evidence": [e.to_json() for e in self.evidence],
        }
        if self.suppression is not None:
            out["suppression"] = self.suppression.to_json()
        return out


@dataclass(frozen=True, slots=True)
class Suppression:
    """Why a finding no longer counts: kept in every report, never silently dropped."""

    decision: str  # accepted | false-positive | intentional
    reason: str
    by: str
    date: str  # YYYY-MM-DD, from the decision record (never the day of the run)
    fingerprint: str

    def to_json(self) -> dict[str, Any]:
        return {"decision": self.decision, "reason": self.reason, "by": self.by,
                "date": self.date, "fingerprint": self.fingerprint}


@dataclass(frozen=True, slots=True)
class Agreement:
    """A fact that was checked across or within sources and found consistent."""

    id: str
    rule: str
    subject: str | None
    predicate: str | None
    message: str
    evidence: tuple[Evidence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "subject": self.subject,
            "predicate": self.predicate,
            "message": self.message,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file that could not be read; reported, never fatal for the rest of the run."""

    path: str
    message: str

    def line(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str  # "spelling-variant"
    code: str  # "RC101"
    severity: Severity
    summary: str
    help: str = ""
    tags: tuple[str, ...] = field(default=())
    options: tuple[tuple[str, object], ...] = ()  # (name, default): what configuration may set


def _reduce_to_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


# Records cross process boundaries by the million in an audit. The default pickling of a slotted
# class writes a dict of its fields for every object; the class and a tuple of its fields
# (the dataclass's __slots__ are its fields, in __init__ order) pickle and load about 30% faster.
for _record in (Span, InfoboxField, Passage, Document, DateValue, Quantity, Mention, Claim,
                Evidence, Finding, Agreement):
    _record.__reduce__ = _reduce_to_fields  # type: ignore[method-assign]
