"""Claims read from JSON Lines records (see `reconcile.read.claims_jsonl`) instead of prose.

Each record gives its subject by name; the name becomes a mention, so records join the
entities that prose sources talk about through the same alignment. Values are read as the
report writes them: dates as ISO 8601 at their precision, numbers as JSON numbers or
{"value", "unit", "approximate"}, lists as lists. A broken line is a note naming its line
number; the other lines are still read.
"""

from __future__ import annotations

import json
import re

from .. import fastre
from ..model import Claim, DateValue, Document, Mention, Passage, Quantity, Span, Value
from ..vocab import Vocabulary
from .dates import parse_date
from .mentions import _looks_like_person
from .numbers import parse_number

ISO_DATE = fastre.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
SUBJECT_KINDS = {"person": "person", "designator": "designator", "name": "name",
                 "serial": "serial", "mission": "designator", "thing": "name"}
MODALITIES = frozenset({"stated", "planned", "aborted", "future", "approximate", "present",
                        "minimum", "maximum", "estimated"})


class RecordError(ValueError):
    """A line that is not a usable claim record; the message says why, for a person."""


def extract_records(doc: Document, vocab: Vocabulary) -> tuple[list[Mention], list[Claim], list[str]]:
    mentions: list[Mention] = []
    claims: list[Claim] = []
    notes: list[str] = []
    for passage in doc.passages:
        line_no = doc.text.count("\n", 0, passage.start) + 1
        try:
            mention, claim = _record(doc, passage, vocab, len(mentions) + 1, len(claims) + 1)
        except RecordError as exc:
            notes.append(f"line {line_no}: {exc}")
            continue
        mentions.append(mention)
        claims.append(claim)
    return mentions, claims, notes


def _record(doc: Document, passage: Passage, vocab: Vocabulary, m_no: int, c_no: int
            ) -> tuple[Mention, Claim]:
    try:
        record = json.loads(passage.text)
    except ValueError as exc:
        raise RecordError(f"not JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(record, dict):
        raise RecordError("not a JSON object")
    for key in ("subject", "predicate", "value"):
        if key not in record:
            raise RecordError(f'no "{key}"')
    subject, predicate = record["subject"], record["predicate"]
    if not isinstance(subject, str) or not subject.strip():
        raise RecordError('"subject" must be a non-empty string')
    if not isinstance(predicate, str) or not predicate.strip():
        raise RecordError('"predicate" must be a non-empty string')
    modality = record.get("modality", "stated")
    if modality not in MODALITIES:
        raise RecordError(f'"modality" must be one of {", ".join(sorted(MODALITIES))}')
    kind = SUBJECT_KINDS.get(str(record.get("subject_type", "")).lower()) or _kind(subject, vocab)
    mention = Mention(f"{doc.id}:m{m_no}", _cite(doc, passage, "subject", subject), kind,
                      " ".join(subject.split()))
    value = _value(record["value"], predicate, record, vocab)
    quote = record.get("text")
    span = _cite(doc, passage, "text", quote) if isinstance(quote, str) and quote else \
        _cite(doc, passage, "value", record["value"])
    qualifier = record.get("qualifier")
    claim = Claim(f"{doc.id}:c{c_no}", doc.id, predicate, value, span, subject_mention=mention.id,
                  modality=modality, qualifier=qualifier if isinstance(qualifier, str) else None,
                  context=(passage.start, passage.start + len(passage.text)))
    return mention, claim


def _kind(subject: str, vocab: Vocabulary) -> str:
    if any(ch.isdigit() for ch in subject):
        return "designator"
    return "person" if _looks_like_person(subject, vocab) else "name"


def _value(raw: object, predicate: str, record: dict, vocab: Vocabulary) -> Value:
    if isinstance(raw, bool) or raw is None:
        raise RecordError('"value" must be a string, number, list or {"value": ...}')
    if isinstance(raw, (int, float)):
        return _quantity(raw, record.get("unit"), record.get("approximate"))
    if isinstance(raw, dict):
        if not isinstance(raw.get("value"), (int, float)) or isinstance(raw.get("value"), bool):
            raise RecordError('a {"value": ...} object needs a number')
        q = _quantity(raw["value"], raw.get("unit"), raw.get("approximate"))
        high = raw.get("high")  # a range, as a report writes one: {"value": 3e6, "high": 4e6}
        if isinstance(high, (int, float)) and not isinstance(high, bool) and high > q.value:
            return Quantity(q.value, q.unit, q.decimals, q.approximate, high=float(high))
        return q
    if isinstance(raw, list):
        if not all(isinstance(x, str) for x in raw):
            raise RecordError('a list "value" holds strings only')
        return tuple(raw)
    assert isinstance(raw, str)
    if predicate in vocab.events:
        m = ISO_DATE.fullmatch(raw.strip())
        if m:
            return DateValue(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                             int(m.group(3)) if m.group(3) else None)
        return parse_date(raw) or raw
    return parse_number(raw) or raw


def _quantity(number: float, unit: object, approximate: object) -> Quantity:
    text = repr(number)
    decimals = len(text.split(".")[1]) if "." in text and not isinstance(number, int) else 0
    return Quantity(float(number), unit if isinstance(unit, str) and unit else None,
                    decimals, bool(approximate))


def _cite(doc: Document, passage: Passage, key: str, value: object) -> Span:
    """Where the record's value for `key` is written in its line: a string's characters as they
    stand (escapes included, so the span stays true to the file), else the whole line."""
    if isinstance(value, str):
        pattern = rf'"{re.escape(key)}"\s*:\s*"((?:[^"\\]|\\.)*)"'
    else:
        pattern = rf'"{re.escape(key)}"\s*:\s*({re.escape(json.dumps(value, ensure_ascii=False))})'
    m = re.search(pattern, passage.text)
    if m is None:
        return doc.span(passage.start, passage.start + len(passage.text))
    return doc.span(passage.start + m.start(1), passage.start + m.end(1))
