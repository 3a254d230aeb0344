"""Audit throughput and memory on generated corpora (printed, not asserted).

    python tests/bench/bench_audit.py [--sizes 1000,10000] [--dask 10000] [--profile 1000] [--cache]
                                      [--short]

The generated documents are the size of the sample documents (3.8 KB on average; the samples
average 3.7 KB); --short generates the earlier corpus of 680-byte documents instead.

Each size runs `reconcile audit DIR --jobs 2 --quiet` in a fresh process (no cache; with
--cache a cold one, as the command runs by default), so the figures are end to end:
enumeration, extraction, alignment and checking, tables and pages. Peak memory is ru_maxrss
of that process plus its largest child (a worker). CPU seconds of the audit process and of its
workers are printed too: on a shared machine they say more than the wall clock does.
`--dask N` runs size N on both engines (the Dask one on a 2-worker LocalCluster) and prints
the overhead, and the seconds of each stage the Dask engine ran on its workers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "fixtures" / "synthetic"))
import generate  # noqa: E402

RUNNER = """
import json, os, resource, sys
sys.path.insert(0, sys.argv[4])
import generate
from reconcile.engine import audit
import time
t0, c0 = time.perf_counter(), time.process_time()
r = audit(sys.argv[1:2], sys.argv[2], jobs=2, engine=sys.argv[3], quiet=True,
          use_cache=sys.argv[5] == "cache")
audit_wall, audit_cpu = time.perf_counter() - t0, time.process_time() - c0
kids_cpu = sum(getattr(resource.getrusage(resource.RUSAGE_CHILDREN), f)
               for f in ("ru_utime", "ru_stime"))
truth = json.load(open(os.path.join(sys.argv[1], "truth.json")))["findings"]
print(generate.score_table(generate.score(r.report.findings, truth)), file=sys.stderr)
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"summary": r.summary, "self_kb": me.ru_maxrss, "children_kb": kids.ru_maxrss,
                  "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "audit_wall": audit_wall, "audit_cpu": audit_cpu, "children_cpu": kids_cpu}))
"""


def run(corpus: str, engine: str, cache: bool = False) -> dict:
    # the output stays until the whole benchmark ends: on ext4, creating files soon after
    # deleting thousands costs a scan per new inode (the allocator skips recently deleted ones:
    # 2.9 s of kernel time for 3,900 pages, measured), which would bill one run's cleanup to
    # the next run's write stage
    out = tempfile.mkdtemp(dir=os.path.dirname(corpus))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUNNER, corpus, out, engine,
                           str(ROOT / "fixtures" / "synthetic"), "cache" if cache else "-"],
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    # the child's audit alone: its start-up and the scoring printed after it are not the audit
    res["process_wall"] = wall
    res["wall"] = res["audit_wall"]
    res["scores"] = proc.stderr.strip()
    return res


def corpus_bytes(corpus: str) -> int:
    return sum(e.stat().st_size for e in os.scandir(corpus) if e.name != "truth.json")


def line(n: int, engine: str, res: dict, size: int) -> str:
    s = res["summary"]
    sec = s["seconds"]
    peak_mb = (res["self_kb"] + res["children_kb"]) / 1024
    return (f"{engine:5} {n:>7,} docs of {size / n:,.0f} B  {n / res['wall']:7.1f} docs/s "
            f"({size / res['wall'] / 1e6:.2f} MB/s) end to end "
            f"(wall {res['wall']:.1f}s: extract {sec['extract']:.1f}s, check {sec['check']:.1f}s, "
            f"write {sec.get('write', 0):.1f}s)  peak {peak_mb:,.0f} MB "
            f"(self {res['self_kb'] / 1024:,.0f} + worker {res['children_kb'] / 1024:,.0f}) "
            f" findings {s['findings']:,}; CPU s: audit process {res['audit_cpu']:.1f}, "
            f"workers {res['children_cpu']:.1f}")


def profile(corpus: str) -> None:
    import cProfile
    import pstats

    from reconcile.engine import audit

    with tempfile.TemporaryDirectory() as out:
        prof = cProfile.Profile()
        prof.enable()
        audit([corpus], out, jobs=1, quiet=True, use_cache=False)
        prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--dask", type=int, default=10000, help="size for the dask comparison (0: no)")
    ap.add_argument("--profile", type=int, default=0, help="cProfile a jobs=1 run of this size")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cache", action="store_true", help="a cold cache, as the command's default")
    ap.add_argument("--short", action="store_true", help="680-byte documents, not sample-sized")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {}
        for n in sorted({int(x) for x in a.sizes.split(",") if x} | ({a.dask} - {0})):
            corpora[n] = generate.write(os.path.join(tmp, str(n)), n, seed=a.seed, short=a.short)
        # the generator's files on disk before any audit starts: writing them back while an
        # audit writes its pages once made creating 3,880 small files take 2.5 s instead of 0.1
        os.sync()
        results = {}
        for n, corpus in corpora.items():
            if n in {int(x) for x in a.sizes.split(",") if x} | {a.dask}:
                results[n] = run(corpus, "local", a.cache)
                print(line(n, "local", results[n], corpus_bytes(corpus)), flush=True)
                print(results[n]["scores"], flush=True)
        if a.dask:
            res = run(corpora[a.dask], "dask", a.cache)
            print(line(a.dask, "dask", res, corpus_bytes(corpora[a.dask])), flush=True)
            for stage in res["summary"]["distributed"]:
                print(f"  on workers: {stage['stage']:24} {stage['seconds']:6.1f}s "
                      f"({stage['items']:,} items, {stage['partitions']} partitions, "
                      f"{stage['tasks']} tasks)", flush=True)
            local = results[a.dask]
            print(f"dask overhead at {a.dask:,}: {res['wall'] / local['wall']:.2f}x the local wall "
                  f"time, {res['cpu'] / local['cpu']:.2f}x its CPU time", flush=True)
        if a.profile:
            small = generate.write(os.path.join(tmp, "p"), a.profile, seed=a.seed, short=a.short)
            profile(small)


if __name__ == "__main__":
    main()
