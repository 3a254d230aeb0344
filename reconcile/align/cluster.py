"""Union-find over integer node ids, plus the block helper used for recorded scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .fuzzy import HAVE_RAPIDFUZZ, ratio

# Below this block size a plain loop over the pairs is cheaper than importing numpy (~60 ms of
# process start for the one-edit gate); above it cdist scores the block in C.
LOOP_BLOCK = 100


class UnionFind:
    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> int:
        """Join two sets; the smaller id becomes the root, so roots do not depend on call order."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        return lo


def close_pairs(
    blocks: Iterable[Sequence[int]], strings: Sequence[str] | Mapping[int, str], cutoff: int,
    max_block: int = 400,
) -> set[tuple[int, int]]:
    """Pairs (i < j) of node ids inside one block whose ratio on `strings` >= cutoff (0-100).

    Blocking keys only propose; this only scores. Oversized blocks are skipped rather than
    letting one very common key turn into an all-pairs comparison.
    """
    out: set[tuple[int, int]] = set()
    for block in blocks:
        ids = sorted(set(block))
        if len(ids) < 2 or len(ids) > max_block:
            continue
        if len(ids) == 2:
            a, b = ids
            if ratio(strings[a], strings[b]) >= cutoff:
                out.add((a, b))
            continue
        texts = [strings[i] for i in ids]
        if len(ids) <= LOOP_BLOCK or not HAVE_RAPIDFUZZ:
            # the same scorer call cdist makes per cell: a score under the cutoff comes back 0
            for i in range(len(ids) - 1):
                for j in range(i + 1, len(ids)):
                    if ratio(texts[i], texts[j], score_cutoff=cutoff):
                        out.add((ids[i], ids[j]))
            continue
        out.update(_cdist_pairs(ids, texts, cutoff))
    return out


def _cdist_pairs(ids: list[int], texts: list[str], cutoff: int) -> list[tuple[int, int]]:
    import numpy as np
    from rapidfuzz.process import cdist

    m = cdist(texts, texts, scorer=ratio, dtype=np.uint8, score_cutoff=cutoff)
    return [(ids[i], ids[j]) for i, j in zip(*np.nonzero(np.triu(m, 1)), strict=True)]
