"""JSON Lines of claims extracted elsewhere, so other tools can feed the checker.

One record per line:

    {"source": "city-gazette", "subject": "Kessock Narrows Bridge", "predicate": "opening",
     "value": "1982-07-19", "text": "opened on 19 July 1982"}

`source`, `title` and `published` describe where the claim was read; the other keys are read by
`reconcile.extract.records`. Each distinct `source` becomes one Document whose passages are its
lines, so every span still points into the file as written (CONTRACT.md): a quote is cited where
it stands inside its line.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from ..model import Document, Passage

LINE = re.compile(r"[^\n]+")
SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]+")


def looks_like_claims(text: str) -> bool:
    """The first non-blank line is a JSON object with a predicate: a claims file."""
    m = LINE.search(text, 0, 65536)
    while m and not m.group().strip():
        m = LINE.search(text, m.end(), 65536)
    if not m or not m.group().lstrip().startswith("{"):
        return False
    try:
        record = json.loads(m.group())
    except ValueError:
        return False
    return isinstance(record, dict) and "predicate" in record


def _record(line: str) -> dict:
    """The line's JSON object, or {} for a broken line (extraction reports it by number)."""
    try:
        record = json.loads(line)
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


def read_claims(text: str, *, source_id: str, path: str) -> list[Document]:
    """One Document per source named in the file, in order of first appearance. A line that
    names no source, or is broken, belongs to the file's own id."""
    lines: dict[str, list[Passage]] = {}
    meta: dict[str, dict] = {}
    for m in LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        record = _record(line)
        named = record.get("source")
        source = named if isinstance(named, str) and named.strip() else source_id
        lines.setdefault(source, []).append(Passage(line, m.start()))
        meta.setdefault(source, record)
    docs = []
    for source, passages in lines.items():
        doc_id = source_id if source == source_id else f"{source_id}.{SAFE_ID.sub('-', source)}"
        record = meta[source]
        title = record.get("title") if isinstance(record.get("title"), str) else source
        docs.append(Document(doc_id, path, text, "claims", "claims", title=title,
                             published=_iso_day(record.get("published")),
                             passages=tuple(passages)))
    return docs


def _iso_day(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
