"""Reader for an HTML page, usually a news article: headline, publication date, body passages.

Two parsers, each for what it is good at. selectolax (lexbor, a C HTML5 parser) builds the real
tree cheaply, so it chooses the article element: `[itemprop=articleBody]`, `<article>`, `<main>`,
or else the element holding most paragraph text. It knows no source offsets, so everything
that is quoted comes from our own linear scan of the raw string (tags, text, entities,
comments), which finds the chosen element again by its tag name and ordinal and walks only its
range. trafilatura extracts bodies well but is roughly two orders of magnitude slower and also
hides offsets; the boilerplate rules here (drop nav/header/footer/aside/form/script/style and
related/share/promo/... blocks) are enough for the pages this tool reads.

Clean text maps back exactly: text characters map to themselves, an entity (`&amp;`) decodes
to one character mapped to the entity's first raw char, inline tags vanish without shifting
their neighbours, and whitespace runs read as one space mapped to the first of the run.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from typing import TYPE_CHECKING

from ..model import Document, Passage, Span

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

TAG_NAME = re.compile(r"<(/?)([A-Za-z][^\s/<>]*)")
ATTR = re.compile(r"""[\s/]*(?:([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?)?""")
ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
HAS_TAG = re.compile(r"<(?:[A-Za-z]|/[A-Za-z]|!--|!doctype)", re.I)
ISO_DATE = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"\\]{0,100})"')
LD_ARTICLE = re.compile(r'"@type"\s*:\s*\[?\s*"[A-Za-z]*(?:Article|Posting)"')

RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
            "plaintext"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen"}
SKIP = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "button",
        "svg", "template", "select", "iframe", "object", "video", "audio", "canvas", "menu",
        "dialog", "textarea", "math", "head", "title"}
SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
              "search", "dialog", "alert"}
# Class/id words (between - and _) that mark a boilerplate block: "related-stories", "share_bar".
BOILER = re.compile(r"(?:^|[-_\s])(?:related|share|sharing|social|promo|newsletter|comments?|"
                    r"cookies?|consent|menu|breadcrumbs?|advert|ads?|sponsored|subscribe|signup|"
                    r"paywall|outbrain|taboola|recirc|more-stories|most-read|popular|byline-share|byline"
                    r"|dateline"
                    r")(?:$|[-_\s])", re.I)
BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
         "figcaption", "figure", "blockquote", "section", "article", "main", "table", "tr",
         "td", "th", "caption", "pre", "address", "hr", "br-block", "details", "summary",
         "tbody", "thead", "tfoot"}
CLOSES_P = BLOCK - {"li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "caption"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
PUB_META = ("article:published_time", "og:published_time")
PUB_META_LATE = ("pubdate", "publishdate", "publish-date", "publish_date", "date",
                 "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
                 "parsely-pub-date", "datepublished")

MAX_UNCLOSED = 2000

_close_cache: dict[str, re.Pattern[str]] = {}


def _closer(name: str) -> re.Pattern[str]:
    if name not in _close_cache:
        _close_cache[name] = re.compile(r"</" + re.escape(name) + r"[\s/>]", re.I)
    return _close_cache[name]


def _attrs(s: str, i: int) -> tuple[dict[str, tuple[int, int]], int, bool]:
    """Attributes of a tag whose name ends at i: name -> raw value range; tag end; self-closed."""
    attrs: dict[str, tuple[int, int]] = {}
    n = len(s)
    while i < n:
        m = ATTR.match(s, i)
        assert m is not None  # every part of ATTR is optional: it always matches, maybe empty
        if m.group(1):
            for g in (2, 3, 4):
                if m.group(g) is not None:
                    attrs.setdefault(m.group(1).lower(), (m.start(g), m.end(g)))
                    break
            else:
                attrs.setdefault(m.group(1).lower(), (m.end(1), m.end(1)))
        j = m.end()
        if j < n and s[j] == ">":
            return attrs, j + 1, s[j - 1] == "/"
        i = j if j > i else i + 1
    return attrs, n, False


def tokens(s: str):
    """Linear scan: ("text"|"comment"|"raw", start, end) and ("start"|"end", start, end, name,
    attrs, self_closed). Raw-text elements (script, style, title...) yield their body as "raw".
    """
    pos, n = 0, len(s)
    while pos < n:
        lt = s.find("<", pos)
        if lt < 0:
            yield ("text", pos, n)
            return
        if lt > pos:
            yield ("text", pos, lt)
        if s.startswith("<!--", lt):
            end = s.find("-->", lt + 4)
            end = n if end < 0 else end + 3
            yield ("comment", lt, end)
            pos = end
            continue
        m = TAG_NAME.match(s, lt)
        if m is None:
            if s.startswith(("<!", "<?", "</"), lt):
                end = s.find(">", lt)
                end = n if end < 0 else end + 1
                yield ("comment", lt, end)
                pos = end
            else:
                yield ("text", lt, lt + 1)
                pos = lt + 1
            continue
        name = m.group(2).lower()
        attrs, end, self_closed = _attrs(s, m.end())
        if m.group(1):
            yield ("end", lt, end, name, attrs, False)
            pos = end
            continue
        yield ("start", lt, end, name, attrs, self_closed)
        pos = end
        if name in RAW_TEXT and not self_closed:
            close = _closer(name).search(s, end)
            raw_end = close.start() if close else n
            if raw_end > end:
                yield ("raw", end, raw_end)
            pos = raw_end


def _value(s: str, rng: tuple[int, int] | None) -> str:
    return htmllib.unescape(s[rng[0]:rng[1]]).strip() if rng else ""


def _boiler(s: str, name: str, attrs: dict[str, tuple[int, int]]) -> bool:
    if name in SKIP:
        return True
    if _value(s, attrs.get("role")).lower() in SKIP_ROLES:
        return True
    if "hidden" in attrs or _value(s, attrs.get("aria-hidden")).lower() == "true":
        return True
    marks = _value(s, attrs.get("class")) + " " + _value(s, attrs.get("id"))
    return bool(marks.strip()) and BOILER.search(marks) is not None


# ---- choosing the article element (selectolax) --------------------------------------------


def _choose(text: str) -> tuple[str, int, str, str] | None:
    """(tag, ordinal among that tag's start tags, id, class) of the article element, or None."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:  # pragma: no cover - selectolax is a dependency
        return None
    tree = LexborHTMLParser(text)
    body = tree.body
    if body is None:
        return None

    def ptext(node) -> int:
        return sum(len(p.text(deep=True).strip()) for p in node.css("p"))

    total = ptext(body)
    if total == 0:
        return None
    best: LexborNode | None = None
    best_score = 0.0
    # An <article> wrapping the articleBody wins the tie: it also holds captions and subheads.
    for sel, bonus in (("article", 1.0), ("[itemprop=articleBody]", 1.0), ("main", 0.8),
                       ("[role=main]", 0.8)):
        for node in body.css(sel):
            score = ptext(node) * bonus
            if score > best_score and ptext(node) >= 0.3 * total:
                best, best_score = node, score
    if best is None:  # no semantic container: the parent of the most paragraph text
        weight: dict[int, tuple[float, LexborNode]] = {}
        for p in body.css("p"):
            n = len(p.text(deep=True).strip())
            parent = p.parent
            if parent is not None:
                w = weight.get(parent.mem_id, (0.0, parent))[0]
                weight[parent.mem_id] = (w + n, parent)
        if weight:
            best = max(weight.values(), key=lambda x: x[0])[1]
    # A tagless node would never be found again in our token stream: the same as no choice.
    if best is None or best.tag is None or best.tag in ("body", "html"):
        return None
    ordinal = 0
    root = tree.root
    assert root is not None  # the document has a <body>, so it has a root element
    for node in root.traverse():
        if node.mem_id == best.mem_id:
            attrs = best.attributes
            return best.tag, ordinal, attrs.get("id") or "", attrs.get("class") or ""
        if node.tag == best.tag:
            ordinal += 1
    return None


def _article_range(text: str, toks: list[tuple], choice) -> tuple[int, int]:
    """Token index range [i, j) of the chosen element, found again in our own token stream."""
    if choice is None:
        return 0, len(toks)
    tag, ordinal, id_, cls = choice
    seen, template_depth, start = 0, 0, None
    for i, t in enumerate(toks):
        if t[0] == "start" and t[3] == "template":
            template_depth += 1
        elif t[0] == "end" and t[3] == "template":
            template_depth = max(0, template_depth - 1)
        elif t[0] == "start" and t[3] == tag and not template_depth:
            if seen == ordinal:
                if _value(text, t[4].get("id")) == id_.strip() and \
                        " ".join(_value(text, t[4].get("class")).split()) == " ".join(cls.split()):
                    start = i
                break
            seen += 1
    if start is None:
        return 0, len(toks)
    depth = 0
    for j in range(start, len(toks)):
        t = toks[j]
        if t[0] == "start" and t[3] == tag and not t[5]:
            depth += 1
        elif t[0] == "end" and t[3] == tag:
            depth -= 1
            if depth == 0:
                return start, j + 1
    return start, len(toks)


# ---- passages ------------------------------------------------------------------------------


class _Buf:
    """Clean characters of the current block with the raw index of each."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.kind = "p"

    def text(self, s: str, start: int, end: int) -> None:
        if "&" not in s[start:end]:
            self.chars.extend(s[start:end])
            self.offs.extend(range(start, end))
            return
        pos = start
        for m in ENTITY.finditer(s, start, end):
            decoded = htmllib.unescape(m.group())
            if decoded == m.group():
                continue
            self.chars.extend(s[pos:m.start()])
            self.offs.extend(range(pos, m.start()))
            self.chars.extend(decoded)
            self.offs.extend([m.start()] * len(decoded))
            pos = m.end()
        self.chars.extend(s[pos:end])
        self.offs.extend(range(pos, end))

    def take(self, s: str) -> tuple[str, int, tuple[int, ...] | None] | None:
        """The block as (clean text, raw start, offsets or None), whitespace collapsed."""
        chars: list[str] = []
        offs: list[int] = []
        for c, o in zip(self.chars, self.offs, strict=True):
            if c.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    offs.append(o)
            else:
                chars.append(c)
                offs.append(o)
        self.chars, self.offs = [], []
        if chars and chars[-1] == " ":
            chars.pop()
            offs.pop()
        if not chars:
            return None
        clean = "".join(chars)
        start, end = offs[0], offs[-1] + 1
        if end - start == len(clean) and s[start:end] == clean:
            return clean, start, None
        return clean, start, tuple(offs) + (end,)


def _passages(s: str, toks: list[tuple], lo: int, hi: int):
    """Passages of the token range, plus the first <h1> inside it as (text, raw start, end)."""
    passages: list[Passage] = []
    stack: list[tuple[str, bool]] = []  # (tag, skipping)
    buf = _Buf()
    section: str | None = None
    h1: tuple[str, int, int] | None = None

    def flush() -> None:
        nonlocal section, h1
        kind = buf.kind
        got = buf.take(s)
        buf.kind = "p"
        if got is None or not any(c.isalnum() for c in got[0]):
            return
        clean, start, offs = got
        if kind in HEADINGS:
            section = clean
        elif kind == "h1":
            if h1 is None:
                end = offs[-1] if offs else start + len(clean)
                h1 = (clean, start, end)
        else:
            passages.append(Passage(clean, start, offs, section))

    def close_to(k: int) -> None:
        while len(stack) > k:
            name, _ = stack.pop()
            if name in BLOCK:
                flush()

    for t in toks[lo:hi]:
        kind = t[0]
        skipping = bool(stack) and stack[-1][1]
        if kind == "text":
            if not skipping:
                if not buf.chars:
                    heading = next((n for n, _ in reversed(stack) if n in HEADINGS or n == "h1"),
                                   None)
                    buf.kind = heading or "p"
                buf.text(s, t[1], t[2])
        elif kind == "start":
            name, attrs, self_closed = t[3], t[4], t[5]
            if name == "br" and not skipping:
                buf.chars.append(" ")
                buf.offs.append(t[1])
                continue
            if name in BLOCK and not skipping:
                flush()
            if name in VOID or self_closed:
                continue
            if name in CLOSES_P or name == "li":
                for k in range(len(stack) - 1, -1, -1):
                    n = stack[k][0]
                    if n == "p" or (name == "li" and n == "li"):
                        close_to(k)
                        break
                    if n in ("div", "article", "section", "ul", "ol", "td", "blockquote",
                             "main", "body"):
                        break
            skipping = bool(stack) and stack[-1][1]
            stack.append((name, skipping or _boiler(s, name, attrs)))
            if len(stack) > 512:  # runaway nesting: keep the walk flat and bounded
                del stack[1:257]
        elif kind == "end":
            name = t[3]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == name:
                    close_to(k)
                    break
            else:
                if name in BLOCK and not skipping:
                    flush()
    flush()
    return passages, h1


def _first_h1(s: str, toks: list[tuple]) -> tuple[str, int, int] | None:
    for i, t in enumerate(toks):
        if t[0] == "start" and t[3] == "h1":
            for j in range(i + 1, min(len(toks), i + 200)):
                if toks[j][0] == "end" and toks[j][3] == "h1":
                    return _passages(s, toks, i, j + 1)[1]
            return None
    return None


# ---- metadata ------------------------------------------------------------------------------


def _parse_date(value: str) -> dt.date | None:
    m = ISO_DATE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _stripped(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return a, b


def _metadata(s: str, toks: list[tuple], lo: int, hi: int):
    """Headline candidates, published-date candidates (in priority order) and article signals."""
    og_title = title = None
    dates: dict[int, tuple[int, int]] = {}  # priority -> raw value range
    signal = False
    time_in_article = time_any = None
    in_title = False
    for i, t in enumerate(toks):
        kind = t[0]
        if kind == "raw" and in_title and title is None:
            title = _stripped(s, t[1], t[2])
        if kind == "raw" and toks[i - 1][3] == "script":
            body = s[t[1]:t[2]]
            if "datePublished" in body or "@type" in body:
                if LD_ARTICLE.search(body):
                    signal = True
                m = LD_PUBLISHED.search(body)
                if m and 3 not in dates:
                    dates[3] = (t[1] + m.start(1), t[1] + m.end(1))
        in_title = kind == "start" and t[3] == "title"
        if kind != "start":
            continue
        name, attrs = t[3], t[4]
        if name == "meta":
            key = (_value(s, attrs.get("property")) or _value(s, attrs.get("name"))
                   or _value(s, attrs.get("itemprop"))).lower()
            content = attrs.get("content")
            if content is None or not key:
                continue
            if key == "og:title" and og_title is None:
                og_title = _stripped(s, *content)
            elif key.startswith("article:") or (
                    key == "og:type" and _value(s, content).lower() == "article"):
                signal = True
            if key in PUB_META:
                dates.setdefault(1 + PUB_META.index(key), content)
            elif key in PUB_META_LATE:
                dates.setdefault(10 + PUB_META_LATE.index(key), content)
        elif name == "time" and "datetime" in attrs:
            if "pubdate" in attrs or _value(s, attrs.get("itemprop")).lower() == "datepublished":
                dates.setdefault(4, attrs["datetime"])
            elif lo <= i < hi and time_in_article is None:
                time_in_article = attrs["datetime"]
            elif time_any is None:
                time_any = attrs["datetime"]
        elif name == "article":
            signal = True
    if time_in_article:
        dates.setdefault(5, time_in_article)
    if time_any:
        dates.setdefault(6, time_any)
    return og_title, title, [dates[k] for k in sorted(dates)], signal


def read_html(text: str, *, source_id: str, path: str) -> Document:
    """Read an HTML page: the article's headline, date and paragraphs, each quotable exactly."""
    if not HAS_TAG.search(text[:65536]):
        raise ValueError("not HTML: no tags")
    doc = Document(source_id, path, text, "html", "html")
    toks = list(tokens(text))
    opened = sum(1 for t in toks if t[0] == "start" and not t[5] and t[3] not in VOID)
    closed = sum(1 for t in toks if t[0] == "end")
    choice = None
    if opened - closed <= MAX_UNCLOSED:  # lexbor slows down quadratically on deep nesting
        try:
            choice = _choose(text)
        except Exception:  # noqa: BLE001 - selectolax is only advice; fall back to the page
            choice = None
    lo, hi = _article_range(text, toks, choice)
    passages, h1 = _passages(text, toks, lo, hi)
    if h1 is None:  # the headline often sits above the body element that was chosen
        h1 = _first_h1(text, toks)
    og_title, title_range, dates, signal = _metadata(text, toks, lo, hi)

    title, title_span = None, None
    if og_title and og_title[1] > og_title[0]:
        title_span = doc.span(*og_title)
        title = " ".join(htmllib.unescape(title_span.text).split())
    elif h1:
        title, title_span = h1[0], doc.span(h1[1], h1[2])
    elif title_range and title_range[1] > title_range[0]:
        title_span = doc.span(*title_range)
        title = " ".join(htmllib.unescape(title_span.text).split())

    published, published_span = None, None
    for a, b in dates:
        a, b = _stripped(text, a, b)
        date = _parse_date(text[a:b])
        if date:
            published, published_span = date, Span(source_id, a, b, text[a:b])
            break
    kind = "news" if signal or published else "html"
    notes = () if choice else ("no article element found; read the whole page",)
    return Document(source_id, path, text, kind, "html", title=title or None,
                    title_span=title_span if title else None, published=published,
                    published_span=published_span, passages=tuple(passages), notes=notes)
