"""The labelled extraction set (fixtures/extraction/): precision and recall of dates, numbers
and events against labels written by hand before the extractor was run on the texts.

Each document has a TOML label file beside it (see fixtures/extraction/README.md). A label
is matched to an extracted item of its kind whose span overlaps the label's quoted text and
whose value is the labelled one; every unmatched extracted item counts against precision.
The figures, the misses and the false items are printed to the terminal.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

import pytest
from conftest import ROOT

from reconcile.extract import extract
from reconcile.extract.claims import prose_values
from reconcile.extract.dates import DateMatch
from reconcile.model import DateValue, Quantity
from reconcile.read import read_file
from reconcile.vocab import vocabulary

SET = ROOT / "fixtures" / "extraction"
KINDS = ("date", "number", "event")
MIN_PRECISION, MIN_RECALL = 0.97, 0.95
DATE_LABEL = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?: (\d\d:\d\d(?::\d\d)?))?(?: (\w+))?\Z")
NUMBER_LABEL = re.compile(r"(~)?(-?\d+(?:\.\d+)?)(?: (\S+))?\Z")
CURRENCY = {"£": "GBP", "€": "EUR", "$": "USD"}


@dataclass(frozen=True)
class Item:
    """One labelled or extracted claim, reduced to what is compared."""

    kind: str
    doc: str
    start: int
    end: int
    text: str
    value: tuple
    where: str = ""  # field or prose, for the printout


def _date(s: str) -> tuple:
    m = DATE_LABEL.match(s)
    assert m, f"bad date label {s!r}"
    y, mo, d, time, tz = m.groups()
    return (int(y), int(mo) if mo else None, int(d) if d else None, time, tz)


def date_key(v: DateValue | None, end: DateValue | None = None, with_time: bool = True) -> tuple:
    if v is None:
        return ()
    time = (v.time[:5] if v.time else None, v.tz) if with_time else ()
    tail = (end.year, end.month, end.day) if end else ()
    return (v.year, v.month, v.day, *time, *tail)


def _label_date(s: str, with_time: bool = True) -> tuple:
    if not s:
        return ()
    first, _, last = s.partition("/")
    y, mo, d, time, tz = _date(first)
    tail = _date(last)[:3] if last else ()
    return (y, mo, d, *((time, tz) if with_time else ()), *tail)


def number_key(q: Quantity) -> tuple:
    return (round(q.value, 6), q.unit, q.approximate)


def _label_number(s: str) -> tuple:
    m = NUMBER_LABEL.match(s)
    assert m, f"bad number label {s!r}"
    return (round(float(m.group(2)), 6), m.group(3), bool(m.group(1)))


def _locate(raw: str, text: str, n: int, source: str) -> tuple[int, int]:
    at = -1
    for _ in range(n):
        at = raw.find(text, at + 1)
        assert at >= 0, f"{source}: label text {text!r} (occurrence {n}) not in the document"
    return at, at + len(text)


def labels(path) -> list[Item]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    source = data["source"]
    raw = (SET / source).read_text(encoding="utf-8")
    out = []
    for kind, key in (("event", "events"), ("date", "dates"), ("number", "numbers")):
        for lab in data.get(key, []):
            s, e = _locate(raw, lab["t"], lab.get("n", 1), source)
            if kind == "number":
                out.append(Item("number", source, s, e, lab["t"], _label_number(lab["v"])))
                continue
            if kind == "event":
                start = lab["v"].partition("/")[0]  # an event claim carries the first day
                value = (lab["p"], lab.get("m", "stated"), _label_date(start, False))
                out.append(Item("event", source, s, e, lab["t"], value))
            if lab["v"]:  # an event's date is a date too
                out.append(Item("date", source, s, e, lab["t"], _label_date(lab["v"])))
    return out


def extracted(path) -> list[Item]:
    vocab = vocabulary()
    [doc] = read_file(str(path), path.name)
    ex = extract(doc, vocab)
    out = []

    def add(kind, span, value, where):
        out.append(Item(kind, path.name, span.start, span.end, span.text, value, where))

    for c in ex.claims:
        where = f"field {c.field}" if c.field else "prose"
        if c.predicate in vocab.events:
            v = c.value if isinstance(c.value, DateValue) or c.value is None else None
            add("event", c.span, (c.predicate, c.modality,
                                  date_key(v, with_time=False) if v else ("?", c.value)), where)
        if c.field and isinstance(c.value, DateValue):
            add("date", c.span, date_key(c.value), where)
        if c.field and isinstance(c.value, Quantity):
            add("number", c.span, number_key(c.value), where)
    for span, v in prose_values(doc, vocab):
        if isinstance(v, DateMatch):
            add("date", span, date_key(v.value, v.end_value), "prose")
        elif not v.ordinal:
            add("number", span, number_key(v.value), "prose")
    return out


def _match(expected: list[Item], found: list[Item]) -> tuple[list, list[Item], list[Item]]:
    """One-to-one: each label takes the first unused found item of its kind, span and value."""
    used: set[int] = set()
    pairs, missed = [], []
    for lab in expected:
        hit = next((i for i, f in enumerate(found) if i not in used and f.kind == lab.kind
                    and f.doc == lab.doc and f.start < lab.end and lab.start < f.end
                    and f.value == lab.value), None)
        if hit is None:
            missed.append(lab)
        else:
            used.add(hit)
            pairs.append((lab, found[hit]))
    return pairs, missed, [f for i, f in enumerate(found) if i not in used]


@functools.cache
def scores() -> dict:
    expected, found = [], []
    files = sorted(SET.glob("*.toml"))
    for path in files:
        expected += labels(path)
        found += extracted(SET / tomllib.loads(path.read_text(encoding="utf-8"))["source"])
    pairs, missed, false = _match(expected, found)
    out = {"documents": len(files)}
    for kind in KINDS:
        tp = sum(1 for lab, _ in pairs if lab.kind == kind)
        n_lab = sum(1 for lab in expected if lab.kind == kind)
        n_found = sum(1 for f in found if f.kind == kind)
        out[kind] = {"labels": n_lab, "extracted": n_found, "matched": tp,
                     "precision": tp / n_found if n_found else 1.0,
                     "recall": tp / n_lab if n_lab else 1.0,
                     "missed": [m for m in missed if m.kind == kind],
                     "false": [f for f in false if f.kind == kind]}
    return out


def _near(item: Item, pool: list[Item]) -> str:
    """What was extracted at a missed label's place, to tell a wrong value from nothing."""
    near = [f for f in pool if f.doc == item.doc and f.kind == item.kind
            and f.start < item.end and item.start < f.end]
    return "; got " + ", ".join(f"{f.text!r}={f.value}" for f in near) if near else ""


def report() -> str:
    s = scores()
    lines = [f"extraction set: {s['documents']} documents"]
    for kind in KINDS:
        k = s[kind]
        lines.append(f"  {kind:6}  labels {k['labels']:4}  extracted {k['extracted']:4}  "
                     f"matched {k['matched']:4}  precision {k['precision']:.3f}  "
                     f"recall {k['recall']:.3f}")
    for kind in KINDS:
        k = s[kind]
        for m in k["missed"]:
            lines.append(f"  MISS  {kind:6} {m.doc}: {m.text!r} {m.value}{_near(m, k['false'])}")
        for f in k["false"]:
            lines.append(f"  FALSE {kind:6} {f.doc}: {f.text!r} {f.value} ({f.where})")
    return "\n".join(lines)


def test_labels_are_well_formed():
    total = 0
    for path in sorted(SET.glob("*.toml")):
        got = labels(path)  # asserts every quoted text is in its document
        total += len(got)
    s = scores()
    assert s["documents"] >= 8
    assert total >= 300


@pytest.mark.parametrize("kind", KINDS)
def test_precision_and_recall(kind, capsys):
    if kind == KINDS[0]:
        with capsys.disabled():
            print("\n" + report())
    k = scores()[kind]
    assert k["precision"] >= MIN_PRECISION and k["recall"] >= MIN_RECALL, report()
