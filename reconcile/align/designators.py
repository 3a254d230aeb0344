"""Designators ("Soyuz MS-24", "Expedition 70", "ISS 70S", "Soyuz-2.1a") and serials.

A designator reads as stem words plus atoms. An atom is one number with the short code
letters (<= 3) or model variant word written against it ("MS-24" -> "ms24", "70S" -> "70s",
"ISS 70S" -> "iss70s", "2.1a", "Vela 3 Plus" -> "3plus"); longer words are stem words ("soyuz", "expedition"). Two designators
are compatible only when their atoms are identical (every number equal, same codes) and
one stem word set contains the other ("MS-24" ~ "Soyuz MS-24"). Numbers are compared as
written, so a fuzzy score has no say.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import fold

CODE_MAX = 3
_TOKEN = re.compile(r"\d+(?:\.\d+)*|[a-z]+")
_DIGITS = re.compile(r"\d+")

Key = tuple[tuple[str, ...], tuple[str, ...]]


def _number(tok: str) -> str:
    return ".".join(str(int(p)) for p in tok.split("."))


@lru_cache(maxsize=1)
def _variant_words() -> frozenset[str]:
    """Words after a number that name another model ("Plus" in "Vela 3 Plus"): an atom's."""
    from ..vocab import vocabulary

    return vocabulary().variant_words


@lru_cache(maxsize=1 << 16)
def designator_key(surface: str) -> Key | None:
    """(sorted stem words, atoms in order), or None when the surface has no digit."""
    text = fold(surface)
    if not any(c.isdigit() for c in text):
        return None
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    nums = [i for i, (t, _, _) in enumerate(toks) if t[0].isdigit()]
    attached: dict[int, int] = {}  # letter token index -> number token index
    for i in nums:
        for j in (i - 1, i + 1):
            if 0 <= j < len(toks) and not toks[j][0][0].isdigit() and (
                    len(toks[j][0]) <= CODE_MAX or j > i and toks[j][0] in _variant_words()):
                gap = text[min(toks[i][2], toks[j][2]):max(toks[i][1], toks[j][1])]
                if gap.strip() == "" and len(gap) <= 1:
                    attached.setdefault(j, i)
    atoms = []
    for i in nums:
        before = "".join(toks[j][0] for j in sorted(attached) if attached[j] == i and j < i)
        after = "".join(toks[j][0] for j in sorted(attached) if attached[j] == i and j > i)
        atoms.append(before + _number(toks[i][0]) + after)
    stem = sorted({t for i, (t, _, _) in enumerate(toks) if i not in attached and i not in nums})
    return tuple(stem), tuple(atoms)


@lru_cache(maxsize=1 << 16)
def serial_key(surface: str) -> Key:
    """A serial ("No. 755", "#755") is keyed by its numbers alone."""
    return ("#",), tuple(_number(n) for n in re.findall(r"\d+(?:\.\d+)*", fold(surface)))


def compatible(a: Key, b: Key) -> bool:
    """Same atoms and nested stems."""
    if a[1] != b[1]:
        return False
    sa, sb = set(a[0]), set(b[0])
    return sa <= sb or sb <= sa


def shape(atoms: tuple[str, ...]) -> tuple[str, ...]:
    """Atoms with their numbers blanked: "ms24" -> "ms#"."""
    return tuple(_DIGITS.sub("#", a) for a in atoms)


def conflict(a: Key, b: Key) -> bool:
    """Two designators of one series with different numbers (MS-24 / MS-25): never one entity."""
    if a[1] == b[1] or shape(a[1]) != shape(b[1]):
        return False
    sa, sb = set(a[0]), set(b[0])
    return sa <= sb or sb <= sa


def same_designator(a: str, b: str) -> tuple[bool, str]:
    """Pairwise decision for two designator surfaces, with the reason in words."""
    ka, kb = designator_key(a), designator_key(b)
    if ka is None or kb is None:
        return False, "not a designator"
    if ka[1] != kb[1]:
        if shape(ka[1]) == shape(kb[1]):
            return False, f"numbers differ ({' '.join(ka[1])} vs {' '.join(kb[1])})"
        return False, f"codes differ ({' '.join(ka[1])} vs {' '.join(kb[1])})"
    if ka[0] == kb[0]:
        return True, f"same designator ({' '.join(ka[0] + ka[1])})"
    if compatible(ka, kb):
        return True, f"same code {' '.join(ka[1])}, stem words nested"
    return False, f"same numbers, different stem words ({' '.join(ka[0])} vs {' '.join(kb[0])})"
