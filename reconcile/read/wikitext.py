"""Reader for MediaWiki wikitext: infobox fields, the lead subject and prose per section.

mwparserfromhell parses losslessly (``str(parse(t)) == t``) but its nodes carry no offsets,
so raw positions are recomputed from each node's string form, whose layout is fixed by the
library (``"{{" + name + "|" + param ...``). Clean text is built char by char beside a list of
raw indices: verbatim characters map to themselves; characters a template produces (a date,
a conversion) map to the template: the first to its first raw char, the rest to its last, so a
span over the whole expansion quotes the whole template.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from ..model import Document, InfoboxField, Passage

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DROP_LINK_NS = {"file", "image", "media", "category", "kategorie", "catégorie", "fichier", "datei"}
INTERWIKI = re.compile(r"[a-z]{2,3}(?:-[a-z]{2,8})*\Z")
DROP_TAGS = {"ref", "references", "gallery", "math", "chem", "score", "timeline", "imagemap",
             "syntaxhighlight", "source", "templatedata", "table", "hr", "includeonly",
             "noinclude", "onlyinclude", "graph", "mapframe", "maplink", "ce", "hiero", "style",
             "script"}
DATE_TEMPLATES = {"start date", "start date and age", "end date", "end date and age", "dts",
                  "birth date", "death date", "birth date and age", "death date and age",
                  "date", "start-date", "launch date", "film date"}
TEXT_TEMPLATES = {"nowrap", "nobr", "nowrap begin", "small", "big", "abbr", "sic", "ill",
                  "lang", "transl", "keep together", "noitalic", "nobold", "resize"}
LIST_TEMPLATES = {"ubl", "unbulleted list", "hlist", "flatlist", "plainlist", "plain list",
                  "bulleted list", "ordered list", "br separated entries", "enum"}
CONVERT_SEPARATORS = {"-": "–", "–": "–", "to": " to ", "and": " and ", "or": " or ",
                      "by": " by ", "x": " × ", "+": " + ", "to(-)": " to ", "and(-)": " and "}
NOT_WIKITEXT = re.compile(r"\A\s*(?:<!doctype html|<html\b|<\?xml[^>]{0,200}>\s*<html\b)", re.I)
XML_DUMP = re.compile(r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?<mediawiki\b", re.I)
OPENERS = re.compile(r"\{\{|\}\}|\[\[|\]\]|\{\||\|\}|<(/?)([A-Za-z][A-Za-z0-9]{0,30})\b[^<>]{0,300}?(/?)>")
MAX_UNCLOSED = 200  # mwparserfromhell retries each unclosed construct: quadratic beyond this


def _unclosed(text: str) -> int:
    """How many templates, links, tables and tags are opened and never closed (linear scan)."""
    depth = {"{{": 0, "[[": 0, "{|": 0}
    close = {"}}": "{{", "]]": "[[", "|}": "{|"}
    tags: dict[str, int] = {}
    for m in OPENERS.finditer(text):
        tok = m.group()
        if tok in depth:
            depth[tok] += 1
        elif tok in close:
            if depth[close[tok]]:
                depth[close[tok]] -= 1
        elif not m.group(3):
            name = m.group(2).lower()
            if m.group(1):
                tags[name] = tags.get(name, 0) - 1
            elif name not in ("br", "hr", "wbr", "img"):
                tags[name] = tags.get(name, 0) + 1
    return sum(depth.values()) + sum(max(0, n) for n in tags.values())


def _name(code: Wikicode | str) -> str:
    """Template or tag name as MediaWiki compares them: case- and underscore-insensitive."""
    return " ".join(str(code).replace("_", " ").split()).lower()


def _positional(template: Template) -> list:
    return [p for p in template.params if not p.showkey]


_LOCAL = threading.local()  # .lens: len(str(x)) by id(x) while one parse tree is alive


def _slen(x: object) -> int:
    """len(str(x)), remembered: str() of a node rebuilds its whole subtree every time."""
    lens = _LOCAL.__dict__.setdefault("lens", {})
    n = lens.get(id(x))
    if n is None:
        n = lens[id(x)] = len(str(x))
    return n


def _param_pos(template: Template, pos: int) -> list[tuple[Parameter, int, int]]:
    """(param, raw start of param, raw start of its value) for each parameter."""
    out: list[tuple[Parameter, int, int]] = []
    at = pos + 2 + _slen(template.name)
    for p in template.params:
        at += 1  # the "|"
        value_at = at + _slen(p.name) + 1 if p.showkey else at
        out.append((p, at, value_at))
        at += _slen(p)
    return out


def _tag_contents_pos(tag: Tag, pos: int) -> int:
    """Raw start of a tag's contents: its string minus the closing markup and the contents."""
    if tag.wiki_markup:
        close = len(tag.closing_wiki_markup or "")
    else:
        close = len("</" + str(tag.closing_tag) + ">")
    return pos + _slen(tag) - close - _slen(tag.contents)


@dataclass
class _Out:
    """Clean characters with the raw index of each; `marks` are section headings by position."""

    chars: list[str] = field(default_factory=list)
    offs: list[int] = field(default_factory=list)
    marks: list[tuple[int, str]] = field(default_factory=list)

    def verbatim(self, text: str, pos: int) -> None:
        self.chars.extend(text)
        self.offs.extend(range(pos, pos + len(text)))

    def expand(self, text: str, start: int, end: int) -> None:
        if not text:
            return
        self.chars.extend(text)
        self.offs.append(start)
        self.offs.extend([max(start, end - 1)] * (len(text) - 1))

    def text(self) -> str:
        return "".join(self.chars)


class _Cleaner:
    """Walks wikicode and writes what a reader would see, with raw offsets."""

    def __init__(self) -> None:
        self.bold: tuple[int, int] | None = None  # raw span of the first top-level bold text
        self.bold_code: Wikicode | None = None

    def emit(self, code: Wikicode, pos: int, out: _Out, top: bool = False) -> None:
        for node in code.nodes:
            self.node(node, pos, out, top)
            pos += _slen(node)

    def node(self, node: object, pos: int, out: _Out, top: bool) -> None:
        if isinstance(node, Text):
            out.verbatim(node.value, pos)
        elif isinstance(node, (Comment, Argument)):
            return
        elif isinstance(node, HTMLEntity):
            try:
                out.expand(node.normalize(), pos, pos + len(str(node)))
            except (ValueError, OverflowError):
                out.verbatim(str(node), pos)
        elif isinstance(node, Wikilink):
            self.link(node, pos, out)
        elif isinstance(node, ExternalLink):
            if not node.brackets:
                out.verbatim(str(node), pos)
            elif node.title is not None:
                gap = 0 if node.suppress_space else 1
                self.emit(node.title, pos + 1 + len(str(node.url)) + gap, out)
        elif isinstance(node, Tag):
            self.tag(node, pos, out, top)
        elif isinstance(node, Template):
            self.template(node, pos, out)
        elif isinstance(node, Heading):
            title = _Out()
            self.emit(node.title, pos + node.level, title)
            out.expand("\n", pos, pos)
            out.marks.append((len(out.chars), " ".join(title.text().split())))

    def link(self, node: Wikilink, pos: int, out: _Out) -> None:
        title = str(node.title)
        if ":" in title:
            ns = title.split(":", 1)[0].strip().lower()
            if ns in DROP_LINK_NS or (node.text is None and INTERWIKI.match(ns)):
                return
        if node.text is not None:
            self.emit(node.text, pos + 2 + len(title) + 1, out)
        else:
            lead = len(title) - len(title.lstrip(":"))  # [[:Category:X]] shows Category:X
            out.verbatim(title[lead:], pos + 2 + lead)

    def tag(self, node: Tag, pos: int, out: _Out, top: bool) -> None:
        name = _name(node.tag)
        if name == "br" or (node.wiki_markup and name in ("li", "dt", "dd")):
            # A line break: list items and <br> are separate lines in prose, ", " in a field.
            out.expand("\n", pos, pos + len(str(node)))
            return
        if node.self_closing or name in DROP_TAGS:
            return  # list markers (*, #, :, ;), <ref/>, tables and the like
        at = _tag_contents_pos(node, pos)
        if name == "nowiki":
            out.verbatim(str(node.contents), at)
            return
        if top and name == "b" and self.bold is None and not out.marks:
            raw = str(node.contents)
            lead = len(raw) - len(raw.lstrip())
            self.bold = (at + lead, at + len(raw.rstrip()))
            self.bold_code = node.contents
        self.emit(node.contents, at, out)

    def template(self, node: Template, pos: int, out: _Out) -> None:
        name = _name(node.name)
        end = pos + len(str(node))
        params = _param_pos(node, pos)
        positional = [(p, v) for p, _, v in params if not p.showkey]
        if name in DATE_TEMPLATES:
            out.expand(_date_text(node), pos, end)
        elif name in ("convert", "cvt", "val"):
            out.expand(_convert_text(node), pos, end)
        elif name in TEXT_TEMPLATES or name.startswith("lang-"):
            if not positional:
                return
            if name in ("lang", "transl") and len(positional) >= 2:
                p, at = positional[-1]
            else:
                p, at = positional[0]
            self.emit(p.value, at, out)
        elif name in LIST_TEMPLATES:
            first = True
            for p, at in positional:
                if not str(p.value).strip():
                    continue
                if not first:
                    out.expand(", ", at - 1, at)
                first = False
                self.emit(p.value, at, out)


def _date_text(t: Template) -> str:
    """`{{Start date|2017|6|21}}` reads "21 June 2017"; one free-text argument reads as itself."""
    parts = [str(p.value).strip() for p in _positional(t)]
    parts = [p for p in parts if p]
    if len(parts) == 1 and not parts[0].isdigit():
        return parts[0]
    nums = []
    for p in parts[:3]:
        if p.isdigit():
            nums.append(int(p))
        elif p.capitalize() in MONTHS and len(nums) == 1:
            nums.append(MONTHS.index(p.capitalize()) + 1)
        else:
            break
    if not nums:
        return " ".join(parts)
    year = str(nums[0])
    if len(nums) >= 2 and 1 <= nums[1] <= 12:
        month = MONTHS[nums[1] - 1]
        if len(nums) >= 3:
            return f"{nums[2]} {month} {year}"
        return f"{month} {year}"
    return year


def _convert_text(t: Template) -> str:
    """`{{convert|140|m}}` reads "140 m"; ranges (`|10|to|20|km`) keep their separator."""
    parts = [str(p.value).strip() for p in _positional(t)]
    if not parts:
        return ""
    if _name(t.name) == "val":
        unit = str(t.get("u").value).strip() if t.has("u") else ""
        return f"{parts[0]} {unit}".strip()
    if len(parts) >= 4 and parts[1] in CONVERT_SEPARATORS:
        value, unit = parts[0] + CONVERT_SEPARATORS[parts[1]] + parts[2], parts[3]
    else:
        value, unit = parts[0], parts[1] if len(parts) > 1 else ""
    return f"{value} {unit}".strip()


def _walk_templates(code: Wikicode, pos: int, depth: int = 0):
    """Every template in the code, nested ones included, with its raw start."""
    if depth > 60:
        return
    for node in code.nodes:
        if isinstance(node, Template):
            yield node, pos
            for p, _at, value_at in _param_pos(node, pos):
                yield from _walk_templates(p.value, value_at, depth + 1)
        elif isinstance(node, Tag) and not node.self_closing and node.contents is not None:
            yield from _walk_templates(node.contents, _tag_contents_pos(node, pos), depth + 1)
        pos += _slen(node)


def _fields(doc: Document, parsed: Wikicode, cleaner: _Cleaner) -> list[InfoboxField]:
    out: list[InfoboxField] = []
    for template, pos in _walk_templates(parsed, 0):
        if not _name(template.name).startswith("infobox"):
            continue
        for p, at, value_at in _param_pos(template, pos):
            if not p.showkey:
                continue
            name_raw, value_raw = str(p.name), str(p.value)
            if not name_raw.strip():
                continue
            k0 = at + len(name_raw) - len(name_raw.lstrip())
            k1 = at + len(name_raw.rstrip())
            if value_raw.strip():
                v0 = value_at + len(value_raw) - len(value_raw.lstrip())
                v1 = value_at + len(value_raw.rstrip())
            else:
                v0 = v1 = value_at
            clean = _Out()
            cleaner.emit(p.value, value_at, clean)
            lines = (" ".join(line.split()) for line in clean.text().split("\n"))
            value = ", ".join(line for line in lines if line)
            line_end = v1 if v1 > v0 else value_at  # "name =" when the value is empty
            out.append(InfoboxField(
                key=name_raw.strip(), value=value, line=doc.span(k0, line_end),
                key_span=doc.span(k0, k1), value_span=doc.span(v0, v1)))
    return out


def _passages(text: str, out: _Out) -> list[Passage]:
    """One passage per non-blank line of clean text; whitespace runs read as one space."""
    passages: list[Passage] = []
    chars, offs, marks = out.chars, out.offs, out.marks
    mark_i, section = 0, None
    n, i = len(chars), 0
    while i < n:
        j = i
        while j < n and chars[j] != "\n":
            j += 1
        while mark_i < len(marks) and marks[mark_i][0] <= i:
            section = marks[mark_i][1]
            mark_i += 1
        line_chars: list[str] = []
        line_offs: list[int] = []
        for k in range(i, j):
            c = chars[k]
            if c.isspace():
                if line_chars and line_chars[-1] != " ":
                    line_chars.append(" ")
                    line_offs.append(offs[k])
            else:
                line_chars.append(c)
                line_offs.append(offs[k])
        if line_chars and line_chars[-1] == " ":
            line_chars.pop()
            line_offs.pop()
        i = j + 1
        if not line_chars or not any(c.isalnum() for c in line_chars):
            continue
        start = line_offs[0]
        if text.startswith(("|", "!", "{|", "{{", "}}"), start) and \
                (start == 0 or text[start - 1] == "\n"):
            continue  # debris of an unclosed table or template read as text
        clean = "".join(line_chars)
        end = line_offs[-1] + 1
        if end - start == len(clean) and text[start:end] == clean:
            passages.append(Passage(clean, start, None, section))
        else:
            passages.append(Passage(clean, start, tuple(line_offs) + (end,), section))
    return passages


def _title(doc: Document, parsed: Wikicode, cleaner: _Cleaner, out: _Out):
    """The bold lead subject, else the first heading; never the file name."""
    if cleaner.bold and cleaner.bold[1] > cleaner.bold[0]:
        s, e = cleaner.bold
        assert cleaner.bold_code is not None  # Cleaner.tag sets bold and bold_code together
        title = " ".join(str(cleaner.bold_code.strip_code()).split())
        if title:
            return title, doc.span(s, e)
    pos = 0
    for node in parsed.nodes:
        if isinstance(node, Heading):
            raw = str(node.title)
            s = pos + node.level + len(raw) - len(raw.lstrip())
            e = pos + node.level + len(raw.rstrip())
            title = " ".join(str(node.title.strip_code()).split())
            if title and e > s:
                return title, doc.span(s, e)
            break
        pos += len(str(node))
    return None, None


def read_wikitext(text: str, *, source_id: str, path: str) -> Document:
    """Read wikitext; anything mwparserfromhell cannot take is read as plain prose lines."""
    if NOT_WIKITEXT.match(text):
        raise ValueError("not wikitext: an HTML document")
    if XML_DUMP.match(text):
        raise ValueError("a MediaWiki XML export, not bare wikitext (XML dumps are not read yet)")
    doc = Document(source_id, path, text, "wiki", "wikitext")
    cleaner = _Cleaner()
    out = _Out()
    notes: tuple[str, ...] = ()
    _LOCAL.lens = {}
    try:
        if _unclosed(text) > MAX_UNCLOSED:
            raise ValueError("too many unclosed templates, links or tags")
        parsed = mwparserfromhell.parse(text)
        cleaner.emit(parsed, 0, out, top=True)
        fields = _fields(doc, parsed, cleaner)
        title, title_span = _title(doc, parsed, cleaner, out)
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError):
        # The parser or our walk gave up (pathological nesting): keep the words, drop markup.
        parsed, fields, title, title_span = None, [], None, None
        out = _Out()
        out.verbatim(text, 0)
        notes = ("wikitext could not be parsed; read as plain text",)
    finally:
        _LOCAL.lens = {}  # ids are only meaningful while the parse tree is alive
    return Document(source_id, path, text, "wiki", "wikitext", title=title,
                    title_span=title_span, fields=tuple(fields),
                    passages=tuple(_passages(text, out)), notes=notes)
