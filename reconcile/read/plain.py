"""Readers for the plain formats: an encyclopedia article (`= Title =`, `- Key: Value` infobox
lines, prose with `== Section ==`) and a news item whose first line is ` date YYYY-MM-DD`.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Document, InfoboxField, Passage

ENCYCLOPEDIA_TITLE = re.compile(r"\A\ufeff?[ \t]*=[ \t]*([^=\n]+?)[ \t]*=[ \t]*$", re.M)
NEWS_DATE_LINE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*", re.I)
FIELD_LINE = re.compile(r"^[ \t]*[-*•][ \t]*([A-Z][^:\n]{0,60}?)[ \t]*:(?:[ \t]*)([^\n]*?)[ \t]*$",
                        re.M)
HEADING = re.compile(r"^[ \t]*(={2,6})[ \t]*([^=\n]+?)[ \t]*\1[ \t]*$", re.M)
LINE = re.compile(r"[^\n]+")


def _passages(text: str, start: int, end: int, skip: set[int] | None = None) -> list[Passage]:
    """Each non-blank line of text[start:end] is a passage, tagged with its section heading."""
    out: list[Passage] = []
    section: str | None = None
    for m in LINE.finditer(text, start, end):
        line = m.group()
        if not line.strip() or (skip and m.start() in skip):
            continue
        heading = HEADING.match(line)
        if heading:
            section = heading.group(2)
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        out.append(Passage(line[lead:trail], m.start() + lead, None, section))
    return out


def read_encyclopedia(text: str, *, source_id: str, path: str) -> Document:
    title_match = ENCYCLOPEDIA_TITLE.match(text)
    title = title_match.group(1) if title_match else None
    doc = Document(source_id, path, text, "encyclopedia", "encyclopedia", title=title)
    title_span = doc.span(title_match.start(1), title_match.end(1)) if title_match else None
    fields: list[InfoboxField] = []
    field_starts: set[int] = set()
    body_from = title_match.end() if title_match else 0
    for m in FIELD_LINE.finditer(text, body_from):
        fields.append(InfoboxField(
            key=m.group(1), value=m.group(2),
            line=doc.span(m.start(1), m.end(2)),
            key_span=doc.span(m.start(1), m.end(1)),
            value_span=doc.span(m.start(2), m.end(2)),
        ))
        field_starts.add(m.start())
    passages = [p for p in _passages(text, body_from, len(text), field_starts)
                if not (title and p.text == title)]
    return Document(source_id, path, text, "encyclopedia", "encyclopedia", title=title,
                    title_span=title_span, fields=tuple(fields), passages=tuple(passages))


def read_news(text: str, *, source_id: str, path: str) -> Document:
    m = NEWS_DATE_LINE.match(text)
    if not m:
        raise ValueError("not a news item: no ' date YYYY-MM-DD' first line")
    doc = Document(source_id, path, text, "news", "news")
    try:
        published = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        published = None
    pub_span = doc.span(m.start(1), m.end(3))
    # The rest of the date line is either a short section label or the first paragraph.
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = text[m.end():line_end]
    passages: list[Passage] = []
    if len(rest.split()) > 6 or rest.rstrip().endswith((".", "!", "?")):
        passages.append(Passage(rest.rstrip(), m.end(), None, None))
    body = _passages(text, line_end, len(text))
    title, title_span = None, None
    if body and len(body[0].text) <= 200 and not body[0].text.endswith((".", "!", "?", ":")) \
            and not passages:
        title, title_span = body[0].text, doc.span(body[0].start, body[0].start + len(body[0].text))
        body = [p for p in body if p.text != title]
    passages.extend(body)
    return Document(source_id, path, text, "news", "news", title=title, title_span=title_span,
                    published=published, published_span=pub_span, passages=tuple(passages))


def read_text(text: str, *, source_id: str, path: str) -> Document:
    """Any other plain text: prose only, no infobox, no date line."""
    doc = Document(source_id, path, text, "text", "text")
    return Document(source_id, path, text, "text", "text",
                    passages=tuple(_passages(text, 0, len(doc.text))))
