"""Extraction throughput (MB/s per core) on the plain formats, by reader and extractor.

Printed, not asserted: `nox -s bench`. Target: >= 3 MB/s per core on the plain format.
Throughput is measured warm (after one pass that compiles the lazy patterns and fills the
caches) in CPU time, since other processes share the machine; the one-time start-up cost of
that first pass is printed on its own.
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
    t0 = time.process_time()
    vocab = vocabulary()
    given_names()
    for i, (p, t) in enumerate(texts):  # warm-up: lazy compiles and caches, timed on its own
        extract(read_text(t, str(p), f"s{i}"), vocab)
    t1 = time.process_time()
    docs = [read_text(t, str(p), f"s{i}") for _ in range(rounds) for i, (p, t) in enumerate(texts)]
    t2 = time.process_time()
    for d in docs:
        extract(d, vocab)
    t3 = time.process_time()
    mb = size / 1e6
    print(f"  {len(paths)} files x {rounds}: {mb:.2f} MB; read {mb / (t2 - t1):.1f} MB/s, "
          f"extract {mb / (t3 - t2):.2f} MB/s, both {mb / (t3 - t1):.2f} MB/s (warm CPU, one "
          f"core); first pass {1000 * (t1 - t0):.0f} ms")


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
