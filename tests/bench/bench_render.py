"""Time the renderers on a synthetic 10,000-finding report (not a unit test; just prints).

    python tests/bench/bench_render.py [N]

The HTML budget is 2 s for 10,000 findings on a developer machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent)]

from render_sample import big_report  # noqa: E402

from reconcile.render.html import render_html  # noqa: E402
from reconcile.render.junit import render_junit  # noqa: E402
from reconcile.render.markdown import render_markdown  # noqa: E402
from reconcile.render.sarif import render_sarif  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    report = big_report(n)
    print(f"{len(report.findings)} findings, {len(report.sources)} sources, "
          f"{len(report.claims)} claims, {len(report.entities)} entities")
    for name, fn in (("html", render_html), ("sarif", render_sarif), ("junit", render_junit),
                     ("markdown", render_markdown)):
        best, cpu = float("inf"), float("inf")
        for _ in range(3):
            report = big_report(n)  # fresh objects: no cache carried over between runs
            t0, c0 = time.perf_counter(), time.process_time()
            out = fn(report)
            best = min(best, time.perf_counter() - t0)
            cpu = min(cpu, time.process_time() - c0)
        print(f"{name:9s} {best:6.2f} s wall {cpu:6.2f} s cpu {len(out.encode()) / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
