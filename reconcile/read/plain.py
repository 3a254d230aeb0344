"""Readers for the plain formats: an encyclopedia article (`= Title =`, `- Key: Value` infobox
lines, prose with `== Section ==`) and a news item whose first line is ` date YYYY-MM-DD`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import fastre
from ..extract.sentences import ends_sentence
from ..model import Document, InfoboxField, Passage

ENCYCLOPEDIA_TITLE = re.compile(r"\A\ufeff?[ \t]*=[ \t]*([^=\n]+?)[ \t]*=[ \t]*$", re.M)
NEWS_DATE_LINE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*", re.I)
FIELD_LINE = re.compile(r"^[ \t]*[-*•][ \t]*([A-Z][^:\n]{0,60}?)[ \t]*:(?:[ \t]*)([^\n]*?)[ \t]*$",
                        re.M)
HEADING = re.compile(r"^[ \t]*(={2,6})[ \t]*([^=\n]+?)[ \t]*\1[ \t]*$", re.M)
LINE = re.compile(r"[^\n]+")


# A line that a list item, a quotation or a table row opens: never part of the line before it.
LIST_ITEM = fastre.compile(r"(?:[-*•+>|#]|\d{1,3}[.)])(?:[ \t]|$)")  # from the words' start
# Text wrapped at a fixed width (plain-text news and mail, at 60 to 80 columns) breaks a line
# where the next word would not fit. A break is read as a space when the line is that full (within
# WRAP_SLACK columns of the widest line of at most WRAP_MAX, since wrappers that even out lines
# leave some room), at least WRAP_MIN long, and ends no sentence; and only in a text where at
# least two breaks are such, so that a lone title or byline stays a line of its own.
WRAP_MIN, WRAP_MAX, WRAP_SLACK = 40, 100, 10


@dataclass(slots=True)
class _Line:
    start: int  # of the words, past the indent
    text: str  # the words, without the indent and trailing blanks
    width: int  # columns, with the indent
    section: str | None
    after_break: bool  # a blank line, a heading or a skipped line comes before it
    marker: bool  # a list item, quotation or table row


def _passages(text: str, start: int, end: int, skip: set[int] | None = None,
              first_alone: bool = False) -> list[Passage]:
    """The prose of text[start:end]: each paragraph a passage, tagged with its section heading.

    A paragraph is a non-blank line, or lines of wrapped text joined where they were broken
    (see WRAP_MIN); a blank line, a heading, a skipped (field) line and a list item always end
    one. `first_alone`: the first line is a headline, never joined to the next."""
    lines: list[_Line] = []
    section: str | None = None
    broken, line_end = True, start
    for m in LINE.finditer(text, start, end):
        line = m.group()
        broken = broken or m.start() > line_end + 1  # an empty line between
        line_end = m.end()
        if not line.strip() or (skip and m.start() in skip):
            broken = True
            continue
        heading = HEADING.match(line)
        if heading:
            section, broken = heading.group(2), True
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        lines.append(_Line(m.start() + lead, line[lead:trail], trail, section, broken,
                           LIST_ITEM.match(line, lead) is not None))
        broken = False
    joins = _wrap_joins(text, lines, first_alone)
    out: list[Passage] = []
    k = 0
    while k < len(lines):
        j = k
        while j in joins:
            j += 1
        out.append(_joined(text, lines[k:j + 1]))
        k = j + 1
    return out


def _wrap_joins(text: str, lines: list[_Line], first_alone: bool) -> set[int]:
    """The indices of the lines that wrap on to the next (see WRAP_MIN)."""
    widths = [ln.width for ln in lines if ln.width <= WRAP_MAX and not ln.marker]
    if len(widths) < 3:
        return set()  # two breaks need three lines
    full = max(widths) - WRAP_SLACK
    joins = set()
    for k in range(1 if first_alone else 0, len(lines) - 1):
        line, nxt = lines[k], lines[k + 1]
        if nxt.after_break or line.marker or nxt.marker or not WRAP_MIN <= line.width <= WRAP_MAX:
            continue
        if line.width + 1 + len(nxt.text.split(None, 1)[0]) <= full:
            continue  # the next word would have fitted: the line was ended on purpose
        if not ends_sentence(text, line.start + len(line.text)):
            joins.add(k)
    return joins if len(joins) >= 2 else set()


def _joined(text: str, lines: list[_Line]) -> Passage:
    """One passage of lines read as one: each break a space. Where only a line feed separates
    them, the raw slice is the text with its line feeds read as spaces (same length, no
    offsets); else each character's raw index is kept."""
    first, last = lines[0], lines[-1]
    if len(lines) == 1:
        return Passage(first.text, first.start, None, first.section)
    clean = " ".join(ln.text for ln in lines)
    raw = text[first.start:last.start + len(last.text)]
    if len(raw) == len(clean) and raw.replace("\n", " ") == clean:
        return Passage(clean, first.start, None, first.section)
    offsets: list[int] = []
    for ln in lines:
        offsets.extend(range(ln.start, ln.start + len(ln.text)))
        offsets.append(ln.start + len(ln.text))  # the space: the break after the line
    return Passage(clean, first.start, tuple(offsets), first.section)


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
    body = _passages(text, line_end, len(text), first_alone=not passages)
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
