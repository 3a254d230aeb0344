"""'The first Belarusian in space', 'is the longest bridge in Europe': claims of a rank.

Two sources that give one rank to two different entities cannot both be right; the rule
`first-claim` compares them. A claim records the ranked phrase as its value (lower case, without
articles, so that spellings of one phrase meet) and the rank word as its qualifier; the rule
finds the sentence's date through the claims that share its context. Superlatives change hands over time ("was
the tallest building when it opened"), so only those told in the present tense are kept; a
"first" stays first for ever.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import fastre
from ..model import Claim, Document, Mention, Span
from ..vocab import Vocabulary

RANK = fastre.compile(
    r"\b(?P<lead>(?:is|are|remains|remain|was|were|became|become|becomes|be|as)\s+)?"
    r"(?P<det>the|its|their|his|her)\s+(?P<rank>first|only|largest|longest|tallest|oldest|biggest|"
    r"highest|deepest|fastest|busiest|heaviest|youngest|earliest)\s+"
    r"(?P<what>[^,;:.()\[\]\"“”]{3,120})")
# where the ranked phrase ends: a date, a number-free name after it, or a clause word (a modal
# verb starts the clause the phrase is the subject of: "said the first trams would run")
PHRASE_END = fastre.compile(r"\s(?:on|in|at|since|after|before|when|while|who|which|that|and|but|"
                        r"during|until|by)\s+(?=\d|[A-Z][a-z]+ \d|(?:January|February|March|April|"
                        r"May|June|July|August|September|October|November|December)\b)|"
                        r"\s(?:who|which|that|when|while|but|although|whereas|after|since|until|"
                        r"before|following|during|now|today|currently|ever|yet|so\s+far|to\s+date|"
                        r"would|will|could|should|might|must)\b")
PRESENT = frozenset({"is", "are", "remains", "remain", "becomes"})
ARTICLES = fastre.compile(r"\b(?:the|a|an)\b")
MAX_WORDS = 12
# heads of a rank phrase that rank nothing in particular ("the first time", "the only way")
GENERIC = frozenset("time times day days week weeks month months year years decade century half "
                    "quarter round stage phase step part parts one ones way thing things reason "
                    "example instance case attempt occasion leg game match minute hour moment "
                    "of few two three four five six seven eight nine ten dozen hundred".split())
# cheap test before the full pattern: most sentences hold no rank word at all (the lookahead,
# the words' first letters, rejects most positions at once)
RANK_CUE = fastre.compile(r"(?=[bdefhloty])\b(?:first|only|largest|longest|tallest|oldest|biggest|highest|deepest|"
                      r"fastest|busiest|heaviest|youngest|earliest)\b")


def phrase_key(phrase: str) -> str:
    """The ranked phrase as compared across sources: lower case, no articles or extra blanks."""
    return " ".join(ARTICLES.sub(" ", phrase.lower().replace("-", " ")).split())


def rank_claims(doc: Document, text: str, in_sentence: list[Mention], positions: dict[str, int],
                carried: Mention | None, span: Callable[[int, int], Span],
                context: tuple[int, int], vocab: Vocabulary) -> list[Claim]:
    """Rank claims of one sentence; `carried` is who a leading pronoun stands for."""
    out = []
    for m in RANK.finditer(text):
        rank = m.group("rank").lower()
        lead = (m.group("lead") or "").strip().lower()
        if m.group("det") != "the" and not lead:
            continue  # "held its first hearing", "his first album": its own first, not a rank
        if rank not in ("first", "only") and lead not in PRESENT:
            continue  # "was the tallest ... when it opened": true then, not a conflict now
        what = m.group("what")
        cut = PHRASE_END.search(what)
        if cut:
            what = what[:cut.start()]
        words = what.split()[:MAX_WORDS]
        if len(words) < 2 or words[0].lower() in GENERIC or any(ch.isdigit() for ch in words[0]):
            continue
        end = m.start("what") + _span_len(m.group("what"), words)
        head = words[0].lower()
        personal = head in vocab.rank_holders or head in vocab.roles or head.rstrip("s") in vocab.roles \
            or head in vocab.demonyms
        nouns = {w.lower() for w in words} & vocab.name_heads
        # "won the award at the Tarrow festival, the first award for ...": no festival's rank
        holders = [x for x in in_sentence if not nouns or not _other_kind(x, nouns, vocab)]
        who = _holder(holders, positions, m.start("det"), end, carried, personal)
        if who is None:
            continue
        out.append(Claim("", doc.id, "rank", phrase_key(" ".join(words)), span(m.start("det"), end),
                         subject_mention=who.id, qualifier=rank, context=context))
    return out


def _span_len(raw: str, words: list[str]) -> int:
    """Length of the first len(words) words of raw, with the blanks between them as written."""
    pos = 0
    for w in words:
        pos = raw.index(w, pos) + len(w)
    return pos


def _other_kind(m: Mention, nouns: set[str], vocab: Vocabulary) -> bool:
    """A named thing whose kind noun is not among the kind nouns the rank phrase names."""
    kind = m.surface.rsplit(None, 1)[-1].lower()
    return m.kind != "person" and (kind in vocab.name_heads or kind in vocab.occasions) \
        and kind not in nouns


def _holder(in_sentence: list[Mention], positions: dict[str, int], start: int, end: int,
            carried: Mention | None, personal: bool) -> Mention | None:
    """Who holds the rank: for a rank a person holds, the name right after it ("the first
    woman in orbit, Name"); else the nearest name before it ("Name became the first X"); else
    the person a leading pronoun stands for."""
    after = [m for m in in_sentence if end <= positions[m.id] <= end + 3]
    if after and personal:
        return after[0]
    before = [m for m in in_sentence if positions[m.id] < start]
    if carried is not None and not before:
        return carried
    if before:
        return max(before, key=lambda m: positions[m.id])
    return None
