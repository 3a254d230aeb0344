"""Extraction throughput (MB/s per core) on the plain formats, by reader and extractor.

Printed, not asserted: `nox -s bench`. Target: >= 3 MB/s per core on the plain format.
"""

from __future__ import annotations

import time
from pathlib import Path

from reconcile.extract import extract
from reconcile.read import read_text
from reconcile.vocab import given_names, vocabulary

ROOT = Path(__file__).resolve().parents[2]


def measure(paths: list[Path], rounds: int = 20) -> None:
    texts = [(p, p.read_text(encoding="utf-8")) for p in paths]
    size = sum(len(t.encode()) for _, t in texts) * rounds
    vocab = vocabulary()
    given_names()
    t0 = time.process_time()
    docs = [read_text(t, str(p), f"s{i}") for _ in range(rounds) for i, (p, t) in enumerate(texts)]
    t1 = time.process_time()
    for d in docs:
        extract(d, vocab)
    t2 = time.process_time()
    mb = size / 1e6
    print(f"  {len(paths)} files x {rounds}: {mb:.2f} MB; read {mb / (t1 - t0):.1f} MB/s, "
          f"extract {mb / (t2 - t1):.2f} MB/s, both {mb / (t2 - t0):.2f} MB/s (CPU, one core)")


def main() -> None:
    print("extraction throughput")
    print(" plain formats (fixtures/seeds):")
    measure(sorted((ROOT / "fixtures/seeds").glob("*.txt")))
    formats = ROOT / "fixtures/formats"
    for suffix in (".wiki", ".html"):
        paths = sorted(formats.glob(f"*{suffix}"))
        if paths:
            print(f" {suffix[1:]} (fixtures/formats):")
            measure(paths)


if __name__ == "__main__":
    main()
