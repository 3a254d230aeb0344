"""Penalties: what a person is given, a fact of that person's.

"sentenced to 12 years", "jailed for six months", "a two-year suspended sentence", "12 years
in prison", "suspended for three years", "fined him 2.4 million euros" (the packs' [penalties] section: a predicate, the words
right before its quantity and the words right after one). Such a span is not how long anything
lasted, so it is never a duration of the article's subject; it is the penalty of the person
named before it in the sentence (not one after "by": the judge), else of whom the opening
pronoun means, else of the article's subject if that is a person. A clause that holds one of
`not_with` asks for or threatens a penalty, and gives none: "faces up to 20 years in prison",
"prosecutors sought 15 years".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import fastre
from ..model import Claim, Document, Mention, Span
from ..vocab import Vocabulary, _words_re, first_test, per_vocabulary
from .numbers import CURRENCIES, NumberMatch
from .sentences import clause_bounds

__all__ = ["penalty_gate", "penalty_claims"]

TIME_UNITS = frozenset({"day", "week", "month", "year"})
_OBJECT_PRONOUN = fastre.compile(r"\b(?:him|her|them)[ \t]+\Z")
# "by (the) (presiding) judge X": the one who gives the penalty
_AGENT_BEFORE = fastre.compile(r"\bby[ \t]+(?:[a-z]+[ \t]+){0,2}\Z")


@per_vocabulary
def penalty_gate(vocab: Vocabulary) -> re.Pattern[str]:
    """The longest word of every cue, even inside another word: a cheap first test."""
    words = [max(cue.replace("*", " ").split(), key=len) for body in vocab.penalties.values()
             for cue in (*body[0], *body[1])]
    return first_test(words, bounded=False)


@per_vocabulary
def _frames(vocab: Vocabulary) -> list[tuple[str, re.Pattern[str], re.Pattern[str],
                                              re.Pattern[str] | None, frozenset[str]]]:
    """Per predicate: its words right before a quantity, right after one, its not_with, and the
    units its quantity takes (spans of time, or money when the pack says `units = ["money"]`)."""
    out = []
    for predicate, (before, after, not_with, units) in sorted(vocab.penalties.items()):
        cues = [_words_re([c for c in before if "*" not in c]) or "(?!)",
                *(_gapped(c) for c in before if "*" in c)]
        out.append((
            predicate,
            fastre.compile(rf"\b(?:{'|'.join(cues)})[ \t]+\Z"),
            fastre.compile(rf"['’]?[ \t]+(?:{_words_re(list(after))})\b" if after else r"(?!)"),
            fastre.compile(rf"\b(?:{_words_re(list(not_with))})\b") if not_with else None,
            CURRENCIES if "money" in units else TIME_UNITS))
    return out


def _gapped(cue: str) -> str:
    """ "sentenced * to": up to four words may stand at the star ("sentenced Berg to", "sentenced
    by Judge Olsen to")."""
    return r"(?:[ \t]+[^\s,.;:]+){0,4}[ \t]+".join(
        r"[ \t]+".join(re.escape(w) for w in part.split()) for part in cue.split("*"))


def penalty_claims(doc: Document, text: str, low: str, numbers: list[NumberMatch],
                   in_sentence: list[Mention], positions: dict[str, int],
                   referent: Mention | None, last_person: Mention | None,
                   subject: Mention | None, span: Callable[[int, int], Span], context: tuple[int, int],
                   vocab: Vocabulary) -> list[Claim]:
    out: list[Claim] = []
    for n in numbers:
        if n.value.unit not in TIME_UNITS and n.value.unit not in CURRENCIES:
            continue
        c0, _ = clause_bounds(text, n.start)
        for predicate, before, after, not_with, units in _frames(vocab):
            cue = before.search(low, max(0, n.start - 60), n.start)
            if n.value.unit not in units or not (cue or after.match(low, n.end)):
                continue
            if not_with is not None and not_with.search(low, c0, n.start):
                break  # asked for or threatened, not given
            means = referent
            if cue and _OBJECT_PRONOUN.search(low, cue.start(), n.start):
                means = referent or last_person  # "the court fined him ...": the one last named
            who, inferred = _holder(low, n.start, in_sentence, positions, means, subject)
            if who is not None:
                out.append(Claim("", doc.id, predicate, n.value, span(n.start, n.end),
                                 subject_mention=who.id, context=context,
                                 inferred_subject=inferred))
            break
    return out


def _holder(low: str, at: int, in_sentence: list[Mention], positions: dict[str, int],
            referent: Mention | None, subject: Mention | None) -> tuple[Mention | None, bool]:
    people = [m for m in in_sentence if m.kind == "person" and positions[m.id] < at
              and not _AGENT_BEFORE.search(low, max(0, positions[m.id] - 30), positions[m.id])]
    if people:
        return max(people, key=lambda m: positions[m.id]), False
    if referent is not None:
        return referent, False
    if subject is not None and subject.kind == "person":
        return subject, True
    return None, True
