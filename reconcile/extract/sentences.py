"""Sentence boundaries in a passage, as (start, end) offsets into the passage text.

A small rule-based splitter: abbreviations, initials, decimals and designators ("No. 755",
"J. R. Smith", "2.1a") do not end a sentence; a full stop glued to a capitalised word
("O'Hara.Novitsky"), as left by careless copy and paste, does.
"""

from __future__ import annotations

from .. import fastre

ABBREVIATIONS = frozenset(
    "no nos mr mrs ms dr prof st sr jr vs etc e.g i.e approx fig cf jan feb mar apr jun jul aug "
    "sep sept oct nov dec gen col capt lt sgt rev hon inc ltd co corp dept univ est ca u.s u.k "
    "mt ft op vol pp ed eds".split()
)

# A candidate boundary: terminal punctuation, optional closing quote/bracket, then either
# whitespace or a capital letter glued on.
BOUNDARY = fastre.compile(r"[.!?]+[\"'”’)\]]*(?=\s|[A-Z“\"]|$)")


# Longest sentence handed on whole. Claim extraction looks across a sentence (clauses, the
# nearest subject), which costs time in the square of its length; real sentences are far shorter,
# so a longer run (a 10 MB line with no full stop) is cut at ';', else at a space, else anywhere.
MAX_SENTENCE = 2000


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in BOUNDARY.finditer(text):
        end = m.end()
        if not _is_boundary(text, m.start(), end):
            continue
        _append_bounded(spans, text, start, end)
        start = end
    _append_bounded(spans, text, start, len(text))
    return spans


def _append_bounded(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = text.rfind(";", start + MAX_SENTENCE // 2, limit) + 1
        if cut <= 0:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, limit) + 1
        if cut <= 0:
            cut = limit
        _append(spans, text, start, cut)
        start = cut
    _append(spans, text, start, end)


def _is_boundary(text: str, dot: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    # the word before the full stop
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".-'"):
        i -= 1
    word = text[i:dot]
    nxt = text[end:end + 1]
    glued = end < len(text) and not nxt.isspace()
    if glued:
        # "O'Hara.Novitsky": only a lower-case letter pair before and a capital after
        return len(word) >= 3 and word[-1].islower() and word[-2].islower() and nxt.isupper()
    if word.lower().rstrip(".") in ABBREVIATIONS:
        # "No. 755" never ends; "etc." ends when a capital follows after the space
        return word.lower() == "etc" and _next_visible(text, end).isupper()
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    # "3. 5 million" is a list number, not a sentence end
    return not (word[:1].isdigit() and _next_visible(text, end).isdigit())


def ends_sentence(text: str, end: int) -> bool:
    """Whether a sentence ends at `end`, where a blank or the end of the text follows: the
    splitter's own judgement (terminal punctuation, maybe closing quotes or brackets, and no
    abbreviation or initial before it). A reader asks it at a line break inside a paragraph."""
    i = end
    while i > 0 and text[i - 1] in CLOSERS:
        i -= 1
    dot = i
    while dot > 0 and text[dot - 1] in ".!?":
        dot -= 1
    return dot < i and _is_boundary(text, dot, end)


CLOSERS = "\"'”’)]"
VISIBLE = fastre.compile(r"\S")


def _next_visible(text: str, pos: int) -> str:
    """The first non-blank character from pos on ("" at the end), without copying the rest."""
    m = VISIBLE.search(text, pos)
    return m.group() if m else ""


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# A blank run is only tried from its first blank: a search restarted inside a long run would
# rescan it for "but" each time (quadratic).
# (The leading lookahead, every first character of a break, only makes the scan faster.)
CLAUSE_BREAK = fastre.compile(r"(?=[;,\s])(?:;|,\s+but\b|(?<!\s)\s+but\s+|,\s+while\b|,\s+whereas\b"
                          r"|(?<!\s)\s+although\s+|,\s+however,)")


# The last sentence asked about and its breaks: claim extraction asks for the clauses of one
# sentence at each of its dates, event words and numbers, so the sentence is scanned once.
# One tuple, replaced whole, so that threads never see one sentence with another's breaks.
_last_breaks: tuple[str, list[tuple[int, int]]] = ("", [])


def clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    """The clause of `sentence` that holds index `pos`: split at ';' and contrastive 'but'."""
    global _last_breaks
    last = _last_breaks
    if last[0] is not sentence:
        last = (sentence, [m.span() for m in CLAUSE_BREAK.finditer(sentence)])
        _last_breaks = last
    start, end = 0, len(sentence)
    for b0, b1 in last[1]:
        if b1 <= pos:
            start = b1
        elif b0 >= pos:
            end = b0
            break
    return start, end
