"""Linearity on adversarial lines: time at 10k, 100k and 1 MB, and the growth exponent.

Printed, not asserted: `nox -s bench`. Each regular expression of reconcile/ runs on lines of
its worst repeated near-match (the same inputs and selection as tests/test_regex_linear.py);
the whole extractor runs on 1 MB single-line documents. Exponent 1 is linear, 2 quadratic.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from test_regex_linear import (  # noqa: E402
    EXTRACT_UNITS,
    PATTERNS,
    _build,
    _time,
    _units,
)

SIZES = (10_000, 100_000, 1_000_000)


def exponent(times: list[float]) -> float:
    return math.log10(max(times[-1], 1e-6) / max(times[-2], 1e-6))


def extractor() -> None:
    from reconcile.extract import extract
    from reconcile.read import read_text
    from reconcile.vocab import vocabulary

    vocab = vocabulary()
    print("extractor on single-line documents (CPU s at 10k / 100k / 1M, exponent 100k->1M)")
    for unit in EXTRACT_UNITS:
        times = []
        for n in SIZES:
            doc = read_text(_build(unit, n), "line.txt", "line")
            t0 = time.thread_time()
            extract(doc, vocab)
            times.append(time.thread_time() - t0)
        print(f"  {unit[:24]!r:28} " + " / ".join(f"{t:.3f}" for t in times)
              + f"  exponent {exponent(times):.2f}")


def patterns() -> None:
    print("regular expressions, worst near-match (ms at 10k / 100k / 1M, exponent 100k->1M)")
    worst = 0.0
    for name, pattern in PATTERNS.items():
        unit = max(_units(pattern), key=lambda u: _time(pattern, _build(u, SIZES[0]), repeat=1))
        times = [_time(pattern, _build(unit, n), repeat=1) for n in SIZES]
        worst = max(worst, exponent(times))
        print(f"  {name:60} {unit!r:10} " + " / ".join(f"{t * 1e3:.2f}" for t in times)
              + f"  exponent {exponent(times):.2f}")
    print(f"  highest exponent: {worst:.2f} over {len(PATTERNS)} patterns")


if __name__ == "__main__":
    extractor()
    patterns()
