"""Person names: parse into given name + surname tokens, and decide whether two agree.

A full name is the first word (given name) plus the remaining words (surname tokens,
which also absorb middle names and patronymics, so "Oleg Dmitriyevich Kononenko" is a
compound that contains "Kononenko"). Given names are equivalent when their skeletons are
equal or the shipped table puts them in one family. Surnames agree when their token
skeletons are equal, or one token set is contained in the other (married / compound
names). A fuzzy score is computed for the record, but never decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..vocab import given_name_families
from .fuzzy import levenshtein, ratio
from .normalize import words
from .skeleton import SHORT, skeleton

TITLES = frozenset((
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "capt", "col",
    "gen", "lt", "cmdr", "cdr", "maj", "sgt", "rev", "fr", "st", "hon",
))
NEAR_MISS = 0.85  # a non-merged pair scoring at least this is reported as a near miss


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(folded spelling -> family, skeleton -> family); family = first entry of the list."""
    by_fold: dict[str, str] = {}
    by_skel: dict[str, str] = {}
    for family in given_name_families():
        head = " ".join(words(family[0]))
        for name in family:
            folded = " ".join(words(name))
            by_fold[folded] = head
            by_skel[skeleton(folded, exact_short=False)] = head
    return by_fold, by_skel


@lru_cache(maxsize=1 << 16)
def given_family(word: str) -> tuple[str, str]:
    """(family key, how): the table family if listed, else the word's skeleton."""
    by_fold, by_skel = _table()
    if word in by_fold:
        return "=" + by_fold[word], "table"
    skel = skeleton(word, exact_short=False)
    if skel in by_skel:
        return "=" + by_skel[skel], "table"
    if len(word) == 1:
        return "." + word, "initial"
    return "~" + skel, "skeleton"


@dataclass(frozen=True, slots=True)
class Name:
    given: str | None  # folded first word, None for a surname-only form
    family: str | None  # given_family key
    surname: tuple[str, ...]  # sorted distinct surname skeletons (initials dropped)

    @property
    def skel(self) -> str:
        """One string for fuzzy scoring: given skeleton + surname skeletons."""
        g = skeleton(self.given, exact_short=False) if self.given else ""
        return (g + " " + " ".join(self.surname)).strip()


def _surname(tokens: list[str]) -> tuple[str, ...]:
    kept = [t for t in tokens if len(t) > 1] or tokens
    return tuple(sorted({skeleton(t) for t in kept}))


def parse(surface: str, short: bool = False) -> Name:
    """Parse a person surface. "Dyson, Tracy" is read as "Tracy Dyson"; titles are dropped."""
    if surface.count(",") == 1:
        last, first = surface.split(",")
        if first.strip() and len(words(first)) <= 2 and not set(words(first)) & {"jr", "sr"}:
            surface = first + " " + last
    toks = words(surface)
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    if short or len(toks) < 2:
        return Name(None, None, _surname(toks))
    given = _hyphenated_given(surface, toks)
    if given:  # "Jae-won Park" is Jae-won of the Parks, not Jae of the Won Parks
        return Name("".join(given), given_family("".join(given))[0], _surname(toks[len(given):]))
    return Name(toks[0], given_family(toks[0])[0], _surname(toks[1:]))


def _hyphenated_given(surface: str, toks: list[str]) -> list[str]:
    """The parts of a hyphenated given name ("Jae-won", "Mary-Ann"), when one opens the name
    after its titles and a surname follows it; else []."""
    for raw in surface.split():
        parts = words(raw)
        if parts and all(w in TITLES for w in parts):
            continue  # "Dr."
        hyphenated = "-" in raw and len(parts) > 1 and all(len(w) > 1 and w.isalpha()
                                                          for w in parts)
        return parts if hyphenated and toks[:len(parts)] == parts and len(toks) > len(parts) \
            else []
    return []


def person_key(surface: str) -> str:
    """Blocking/equality key: given-name family + sorted surname skeletons.

    Equal keys mean the same person by rule; different keys may still join through a
    compound surname (see same_person).
    """
    n = parse(surface)
    return ((n.family or "") + "|" + " ".join(n.surname)).lstrip("|")


def score(a: Name, b: Name) -> float:
    return ratio(a.skel, b.skel) / 100.0


def _given_how(a: Name, b: Name) -> str:
    if a.given == b.given:
        return f"given name {a.given}"
    how = "by table" if a.family and a.family.startswith("=") else "by skeleton"
    return f"given name {a.given}~{b.given} {how}"


def _spaced_given(joined: Name, spaced: Name) -> bool:
    """ "Jean-Pierre Dupont" against "Jean Pierre Dupont": the second part of the given name
    was read as a surname token; the rest of the surnames must be the same."""
    if not (joined.given and spaced.given and joined.given.startswith(spaced.given)):
        return False
    rest = skeleton(joined.given[len(spaced.given):])
    return rest in spaced.surname and set(spaced.surname) - {rest} == set(joined.surname)


def explain(a: Name, b: Name) -> tuple[bool, str]:
    """Rule decision between two parsed names, with the reason in words."""
    sa, sb = set(a.surname), set(b.surname)
    if a.given is None or b.given is None:
        full, part = (b, a) if a.given is None else (a, b)
        if part.given is None and full.given is None:
            ok = sa == sb
            return ok, f"surname {'equal' if ok else 'differs'} ({' '.join(a.surname)})"
        if set(part.surname) <= set(full.surname):
            return True, f"surname-only form matches surname ({' '.join(full.surname)})"
        return False, "surname-only form does not match the surname"
    assert a.family is not None and b.family is not None  # parse() sets family with given
    if a.family != b.family:
        if a.family.startswith(".") or b.family.startswith("."):
            return False, "given name is an initial, not merged"
        if _spaced_given(a, b) or _spaced_given(b, a):
            return True, f"given name {a.given}~{b.given} written joined and spaced"
        return False, f"given names differ ({a.given} vs {b.given})"
    if sa == sb:
        return True, f"surname skeleton equal ({' '.join(a.surname)}), {_given_how(a, b)}"
    if sa < sb or sb < sa:
        small, big = (a, b) if sa < sb else (b, a)
        return True, (
            f"surname {' '.join(small.surname)} within compound surname "
            f"{' '.join(big.surname)} (married/compound name), {_given_how(a, b)}"
        )
    short = [
        (x, y) for x in sa - sb for y in sb - sa
        if min(len(x), len(y)) <= SHORT and levenshtein(x, y) <= 1
    ]
    if short:
        x, y = sorted(short[0])
        return False, f"short surname differs ({x} vs {y}), exact match needed"
    return False, f"surnames differ ({' '.join(a.surname)} vs {' '.join(b.surname)})"


def same_person(a: str, b: str) -> tuple[bool, float, str]:
    """Pairwise decision for two person surfaces: (same, fuzzy score 0..1, reason).

    A surface with no space ("Dyson", "Caldwell-Dyson") is read as a surname-only form.
    The score is recorded only.
    """
    na, nb = parse(a, " " not in a.strip()), parse(b, " " not in b.strip())
    ok, why = explain(na, nb)
    return ok, score(na, nb), why
