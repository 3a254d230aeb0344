"""Measurements: a dimension of a thing stated with a unit.

"a main span of 140 m", "its height is 330 m", "The tower is 330 metres tall", "40 m in
diameter", "the 140-metre main span", "the 1,200-metre-long bridge". The dimension words and
their predicates are the packs' [measures] section; a quantity is a measurement only when such a
word is bound to it by one of these few grammatical frames and its unit measures what the word
names (reconcile/units.py). So "a 5 km drive", "20 km from the city", "a 20-minute walk" and
"lasted 3 days" are not dimensions of anything. A conversion in brackets ("459 feet (140 m)")
is part of the one measurement: the value is the first, the quote covers both.

Whose dimension it is, the sentence says (see `owner` in claims.py): this module only reads the
grammar, and hands over where the quantity is and, for an attributive one ("the 1,200-metre-long
bridge"), where its noun phrase goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import fastre
from ..model import Claim, Document, Mention, Span
from ..units import dimension
from ..vocab import Vocabulary, _words_re, first_test, per_vocabulary
from .numbers import NumberMatch

__all__ = ["measure_gate", "measure_claims"]

# (used at a number's end; a blank run is entered only from its first blank, so linear)
_BRACKET_OPEN = fastre.compile(r"(?<![ \t])[ \t]*[(\[][ \t]*")
_BRACKET_CLOSE = fastre.compile(r"(?<![ \t])[ \t]*[)\]]")
_DETERMINER = fastre.compile(r"\b(?:a|an|the|its|this|their|his|her)[ \t]+\Z")
_DEFINITE = fastre.compile(r"\b(?:the|its|this)[ \t]+\Z")
# a word after "N m high" that goes on with the clause, not a noun the measure describes ("5 m
# high waves" are the waves', "330 m tall and ..." the sentence's subject's)
_CLAUSE_GOES_ON = fastre.compile(r"(?<![ \t])(?:[ \t]+(?:and|or|but|with|in|at|on|from|above|below|over|under|"
                             r"by|to|of|for|when|while|than|which|that|is|was|are|were|has|had|"
                             r"making|including|since|until|after|before|as)\b|[ \t]*(?![ \t]*[a-z]))")
_RANGE = fastre.compile(r"(?<![ \t])[ \t]*(?:[-–]|to|and|or)[ \t]*")  # "300 to 330 m tall": no one value
# (where the quantity starts, where an attributive noun phrase goes on, whether it is "the
# 140-metre main span") -> (the mention it is about or None, whether that was inferred)
Owner = Callable[[int, int | None, bool], tuple[Mention | None, bool]]


@per_vocabulary
def measure_gate(vocab: Vocabulary) -> re.Pattern[str]:
    """Any dimension word, even inside another word: a cheap first test of a sentence."""
    return first_test([*vocab.measure_nouns, *vocab.measure_adjectives], bounded=False)


@per_vocabulary
def _frames(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The noun before a quantity ("span of", "height is") and the word after one."""
    nouns = _words_re(list(vocab.measure_nouns)) or "(?!)"
    adjectives = _words_re(list(vocab.measure_adjectives)) or "(?!)"
    before = fastre.compile(rf"\b(?P<noun>{nouns})[ \t]+(?:of|is|was)[ \t]+\Z")
    after = fastre.compile(rf"(?:[ \t]*-[ \t]*|[ \t]+)(?:in[ \t]+(?P<in>{nouns})|(?P<adj>{adjectives})"
                       rf"|(?P<noun>{nouns}))(?![a-z])")
    return before, after


def measure_claims(doc: Document, text: str, low: str, numbers: list[NumberMatch],
                   vocab: Vocabulary, owner: Owner, modality: Callable[[int], str],
                   span: Callable[[int, int], Span], context: tuple[int, int]) -> list[Claim]:
    """The measurements of one sentence (`low` is it lower-cased, `numbers` its quantities)."""
    before_re, after_re = _frames(vocab)
    out: list[Claim] = []
    skip = -1
    for k, n in enumerate(numbers):
        dim = dimension(n.value.unit)
        if dim is None or k == skip or k > 0 and numbers[k - 1].value.unit == n.value.unit \
                and _RANGE.fullmatch(low, numbers[k - 1].end, n.start):
            continue
        end = n.end
        opened = _BRACKET_OPEN.match(low, end)
        if opened and k + 1 < len(numbers) and numbers[k + 1].start == opened.end() \
                and dimension(numbers[k + 1].value.unit) == dim:
            closed = _BRACKET_CLOSE.match(low, numbers[k + 1].end)
            if closed:  # "459 feet (140 m)": one measurement, quoted whole
                end, skip = closed.end(), k + 1
        attributive = None
        start = n.start
        noun = before_re.search(low, max(0, n.start - 40), n.start)
        if noun:
            word, start = noun["noun"], noun.start()
        else:
            after = after_re.match(low, end)
            if after is None:
                continue
            word, end = after["in"] or after["noun"] or after["adj"], after.end()
            if after["adj"] and (_DETERMINER.search(low, max(0, n.start - 8), n.start)
                                 or not _CLAUSE_GOES_ON.match(low, end)):
                attributive = end  # "the 1,200-metre-long bridge": the bridge's
        word = " ".join(word.split())
        predicate = vocab.measure_nouns.get(word) or vocab.measure_adjectives[word]
        if dim not in vocab.measure_dimensions.get(predicate, ()):
            continue  # "an area of 5 km": a length is no area
        part = noun is None and attributive is None and _DEFINITE.search(
            low, max(0, n.start - 8), n.start) is not None  # "the 140-metre main span"
        who, inferred = owner(start, attributive, part)
        if who is None:
            continue
        mood = modality(n.start)
        if mood == "stated" and n.value.approximate:
            mood = "approximate"
        # the quote holds the dimension word: "main span of 140 m", "330 metres tall"
        out.append(Claim("", doc.id, predicate, n.value, span(start, end),
                         subject_mention=who.id, modality=mood, context=context,
                         inferred_subject=inferred))
    return out
