"""Helpers shared by the renderers: quoting in context, positions, grouping.

Every renderer needs the same few facts about a Report (where a quote sits in its sentence,
which line and column an offset is on, which value most sources back), so they are computed
here once, with plain code and no template logic.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from ..model import Agreement, Document, Evidence, Finding
from ..report import Report

SEVERITIES = ("error", "warning", "info")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\r\n?|\n")
_WS = re.compile(r"\s+")
_LINE_END = re.compile(r"\r\n?|\n")
_XML_BAD = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Context:
    """A quote with the words around it, ready to show: `before` + `quote` + `after`."""

    before: str
    quote: str
    after: str
    cut_left: bool  # an ellipsis belongs before `before`
    cut_right: bool


def quote_context(text: str, start: int, end: int, cap: int = 300) -> Context:
    """The sentence (or line) around text[start:end], at most about `cap` characters.

    A reader trusts a quote only when it sees the words around it; a whole paragraph is too
    much, so we stop at sentence ends or line ends and cut longer runs with an ellipsis.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    budget = max(0, cap - (end - start))
    lo = max(0, start - cap)
    left = text[lo:start]
    cut_left = lo > 0
    for m in reversed(list(_SENTENCE_END.finditer(left))):
        if _stops(text, lo + m.start(), m.group()):
            left, cut_left = left[m.end():], False
            break
    left = left[len(left) - len(left.lstrip()):]
    hi = min(len(text), end + cap)
    right = text[end:hi]
    cut_right = hi < len(text)
    for m in _SENTENCE_END.finditer(right):
        if _stops(text, end + m.start(), m.group()):
            right, cut_right = right[: m.end() if m.group() in ".!?" else m.start()], False
            break
    right = right.rstrip()
    if len(left) + len(right) > budget:
        keep_left = min(len(left), max(budget // 2, budget - len(right)))
        keep_right = min(len(right), budget - keep_left)
        if keep_left < len(left):
            left, cut_left = _trim_left(left, keep_left), True
        if keep_right < len(right):
            right, cut_right = _trim_right(right, keep_right), True
    return Context(_squash(left), text[start:end], _squash(right), cut_left, cut_right)


_ABBREV = frozenset(("no", "nos", "dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "etc", "gen",
                     "col", "lt", "capt", "cmdr", "inc", "co", "ltd", "approx", "est", "ca",
                     "fig", "vol", "pp"))
_WORD_BEFORE = re.compile(r"(\w+)$")


def _stops(text: str, i: int, mark: str) -> bool:
    """Whether the sentence-end candidate `mark` at text[i] really ends the context there."""
    if mark in "!?":
        return True
    if mark == ".":
        word = _WORD_BEFORE.search(text, max(0, i - 12), i)
        if word and (word.group(1).casefold() in _ABBREV or
                     (len(word.group(1)) == 1 and word.group(1).isupper())):
            return False  # "No. 755", "O. Novitsky"
        nxt = text[i + 1:i + 8].lstrip()[:1]
        return not nxt.islower()  # "approx. three" goes on
    return not _wrapped(text, i)


def _wrapped(text: str, i: int) -> bool:
    """True when the line break at text[i] only wraps a sentence (the next line goes on in
    lower case after a line without closing punctuation), so context should run through it."""
    j = i + 1
    if text[i] == "\r" and text[j:j + 1] == "\n":
        j += 1
    nxt = text[j:j + 1]
    prev = text[max(0, i - 40):i].rstrip(" \t")[-1:]
    return nxt.islower() and prev not in ("", ".", "!", "?", ":", "\n", "\r")


def _trim_left(s: str, n: int) -> str:
    """The last n characters of s, starting at a word boundary when one is near."""
    tail = s[len(s) - n:] if n else ""
    sp = tail.find(" ")
    return tail[sp + 1:] if 0 <= sp < 20 else tail


def _trim_right(s: str, n: int) -> str:
    head = s[:n]
    sp = head.rfind(" ")
    return head[:sp] if sp > len(head) - 20 else head


def _squash(s: str) -> str:
    """Collapse runs of whitespace (line breaks in the middle of a sentence) to one space."""
    return _WS.sub(" ", s)


class LineIndex:
    """1-based line and column of a character offset, as SARIF wants them.

    Lines end at LF, CR or CRLF; columns count Unicode code points, which is what a Python
    string index counts, so no re-encoding is needed.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def source_uri(path: str) -> str:
    """A relative URI for a source path: forward slashes, percent-encoded."""
    p = path.replace("\\", "/")
    if re.match(r"^[A-Za-z]:/", p):
        return "file:///" + quote(p, safe="/:")
    if p.startswith("/"):
        return "file://" + quote(p, safe="/")
    return quote(p, safe="/")


def xml_safe(s: str | None) -> str:
    """Drop characters XML 1.0 cannot carry (control bytes, lone surrogates)."""
    return _XML_BAD.sub("\ufffd", s or "")


def norm_note(note: str | None) -> str:
    return _WS.sub(" ", (note or "").strip()).casefold()


def majority_note(evidence: Iterable[Evidence]) -> str | None:
    """The normalised note that strictly more sources back than any other, if notes differ.

    A fact-checker's first question about a conflict is "who says what, and how many"; when
    three sources say 23 March and one says 24 March, the 23 deserves a mark. Only notes that
    are competing values of one thing ("launch: 23 March 2024" against "launch: 24 March
    2024") are counted: notes of different kinds (a date, a duration) back nothing.
    """
    by_note: dict[str, set[str]] = {}
    for ev in evidence:
        if ev.note:
            by_note.setdefault(norm_note(ev.note), set()).add(ev.source)
    labels = {n.partition(": ")[0] if ": " in n else None for n in by_note}
    if len(by_note) < 2 or len(labels) != 1 or None in labels:
        return None
    ranked = sorted(((len(s), n) for n, s in by_note.items()), reverse=True)
    if ranked[0][0] > ranked[1][0]:
        return ranked[0][1]
    return None


def entity_name(report: Report, entity_id: str | None, cache: dict | None = None) -> str:
    if entity_id is None:
        return "General"
    if cache is not None and entity_id in cache:
        return cache[entity_id]
    ent = report.entity(entity_id)
    name = ent.name if ent else entity_id
    if cache is not None:
        cache[entity_id] = name
    return name


def source_label(doc: Document) -> str:
    return doc.title or doc.path


def sources_of(item: Finding | Agreement) -> list[str]:
    """Distinct source ids cited by a finding or agreement, in evidence order."""
    return list(dict.fromkeys(ev.source for ev in item.evidence))


def severity_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings worst first, then in report order (a stable, deterministic sort)."""
    rank = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: rank.get(f.severity, 3))


def rule_ids(report: Report) -> list[str]:
    """The report's rules in catalogue order, then any other rule that a finding or agreement
    names, first seen first (findings before agreements)."""
    out = [r.id for r in report.rules]
    for rule in [*(f.rule for f in report.findings), *(a.rule for a in report.agreements)]:
        if rule not in out:
            out.append(rule)
    return out


def rule_counts(report: Report) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    for f in report.findings:
        out.setdefault(f.rule, Counter())[f.severity] += 1
    return out
