"""Pairwise precision/recall of the alignment rules on the hand-labelled set.

fixtures/align/pairs.csv: kind, a, b, label (same/different), category. Persons are
judged with same_person, designators with same_designator (designator_key underneath).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from reconcile.align import same_designator, same_person

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "align" / "pairs.csv"


def load() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def judge(row: dict[str, str]) -> bool:
    if row["kind"] == "designator":
        return same_designator(row["a"], row["b"])[0]
    return same_person(row["a"], row["b"])[0]


def test_labelled_pairs_precision_recall():
    rows = load()
    assert len(rows) >= 400
    tally: Counter = Counter()
    by_cat: Counter = Counter()
    misses = []
    for row in rows:
        got, want = judge(row), row["label"] == "same"
        tally[(row["kind"], got, want)] += 1
        by_cat[(row["category"], got == want)] += 1
        if got != want:
            misses.append(f"{row['category']}: {row['a']!r} / {row['b']!r} want {row['label']}")
    for kind in ("person", "designator"):
        tp, fp, fn = (tally[(kind, True, True)], tally[(kind, True, False)],
                      tally[(kind, False, True)])
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"{kind}: precision {p:.4f} recall {r:.4f} (tp {tp}, fp {fp}, fn {fn})")
        if kind == "person":
            assert p >= 0.995 and r >= 0.97, misses
        else:
            assert fp == 0 and fn == 0, misses
    for cat in sorted({c for c, _ in by_cat}):
        ok, bad = by_cat[(cat, True)], by_cat[(cat, False)]
        print(f"  {cat:30s} {ok}/{ok + bad}")
    print("misses:", *misses, sep="\n  ")
