"""String similarity: rapidfuzz when it is installed, else exact pure-Python equivalents.

rapidfuzz is a declared dependency and is used whenever it imports (C++, far faster). The
fallback is here because a machine where its wheel failed to install must still check, and give
the same answers: `pure_ratio` is rapidfuzz's fuzz.ratio (normalised Indel similarity, 0-100,
with its score_cutoff), `pure_levenshtein` its Levenshtein.distance; a test compares them on
random strings.
"""

from __future__ import annotations

from collections.abc import Callable


def _lcs_length(a: str, b: str) -> int:
    """Longest common subsequence by bit-parallel rows (Hyyrö): one big-int step a char."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for ch in b:
        match = row & masks.get(ch, 0)
        row = ((row + match) | (row - match)) & full
    return len(a) - row.bit_count()


def pure_ratio(s1: str, s2: str, *, score_cutoff: float | None = None) -> float:
    total = len(s1) + len(s2)
    if not total:
        score = 100.0
    else:
        distance = total - 2 * _lcs_length(s1, s2)
        score = (1.0 - distance / total) * 100
    return score if score_cutoff is None or score >= score_cutoff else 0.0


def pure_levenshtein(s1: str, s2: str) -> int:
    previous = list(range(len(s2) + 1))
    for i, c1 in enumerate(s1, 1):
        current = [i]
        for j, c2 in enumerate(s2, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (c1 != c2)))
        previous = current
    return previous[-1]


ratio: Callable[..., float]
levenshtein: Callable[[str, str], int]
try:
    from rapidfuzz.distance import Levenshtein as _Levenshtein
    from rapidfuzz.fuzz import ratio

    levenshtein = _Levenshtein.distance
    HAVE_RAPIDFUZZ = True
except ImportError:
    ratio, levenshtein, HAVE_RAPIDFUZZ = pure_ratio, pure_levenshtein, False
