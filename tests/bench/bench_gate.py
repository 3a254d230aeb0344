"""Gate one article edit against 10 context articles, whole process (not a unit test; prints).

    python tests/bench/bench_gate.py [RUNS]

Budget (issue 7): `reconcile diff` <= 0.3 s wall including interpreter start, for the cached
run. Prints wall and CPU time of the child process for: no --cache, a cold cache (an empty
folder each run) and a warm cache (every extraction kept between runs), and the import time of
the diff path from `python -X importtime`.

The children run with bytecode cached in a temporary PYTHONPYCACHEPREFIX, as an installed
package is (pip compiles on install). One more line shows a warm-cache run that compiles
reconcile's own modules from source each time (PYTHONDONTWRITEBYTECODE=1 in a checkout).
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
EXE = str(Path(sys.executable).parent / "reconcile")
MONTHS = "January February March April May June July August September October November December"


def vary(text: str, k: int) -> str:
    """A seed article about another flight: numbers, dates and names shifted by k."""
    text = re.sub(r"MS-2(\d)", lambda m: f"MS-{30 + 2 * k + int(m.group(1)) % 2}", text)
    text = re.sub(r"No\. 75(\d)", lambda m: f"No. {760 + 2 * k + int(m.group(1)) % 2}", text)
    text = re.sub(r"\b(20\d\d)\b", lambda m: str(int(m.group(1)) + 2 + k), text)
    text = re.sub(r"\b(\d{1,2}) (" + MONTHS.replace(" ", "|") + ")",
                  lambda m: f"{(int(m.group(1)) + k) % 27 + 1} {m.group(2)}", text)
    for a, b in (("Kononenko", "Kondratyev"), ("Novitsky", "Novikov"), ("Chub", "Chubarov"),
                 ("O'Hara", "O'Malley"), ("Vasileuskaya", "Vasilenko"),
                 ("Vasilevskaya", "Vasilenko")):
        text = text.replace(a, f"{b}{'abcdefghij'[k]}")
    return text


def make_corpus(folder: Path) -> tuple[Path, Path, Path]:
    context = folder / "context"
    context.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("00[01]*.txt"))]
    for k in range(8):  # 8 articles about other flights, and the two the edit must agree with
        (context / f"article_{k:02d}.txt").write_text(vary(seeds[k % 2], k), encoding="utf-8")
    for p in sorted(SEEDS.glob("00[02]*.txt")):
        (context / p.name).write_bytes(p.read_bytes())
    old = folder / "old.txt"
    new = folder / "new.txt"
    old.write_text(seeds[1], encoding="utf-8")
    new.write_text(seeds[1].replace("on Soyuz MS-24 on 15 September 2023.",
                                    "on Soyuz MS-24 on 19 September 2023."), encoding="utf-8")
    return old, new, context


def wall(args: list[str], runs: int, env: dict[str, str],
         before: list[str] | None = None) -> tuple[float, float, int, float]:
    """(min wall, median wall, exit status, median child CPU): CPU time shows the cost when
    the machine is busy with other work and wall time is inflated by waiting. `before` runs
    untimed ahead of each run (emptying a cold cache)."""
    times, cpus = [], []
    code = 0
    for _ in range(runs):
        if before:
            subprocess.run(before, check=True)
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        code = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=env).returncode
        times.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return min(times), statistics.median(times), code, statistics.median(cpus)


def import_times(args: list[str], env: dict[str, str]) -> tuple[float, list[tuple[int, str]]]:
    """Sum of the top-level cumulative import times, and the slowest top-level imports."""
    err = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         env={**env, "PYTHONPROFILEIMPORTTIME": "1"}).stderr
    top = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", line)
        if m:
            top.append((int(m.group(1)), m.group(2)))
    return sum(t for t, _ in top) / 1e6, sorted(top, reverse=True)[:10]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        old, new, context = make_corpus(Path(tmp))
        base = [EXE, "diff", str(old), str(new), "--context", str(context), "--format", "json",
                "--output", os.devnull]
        cache = str(Path(tmp) / "cache")
        cold = str(Path(tmp) / "cold")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        source_env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
        source_env["PYTHONDONTWRITEBYTECODE"] = "1"
        subprocess.run(base + ["--cache", cache], stdout=subprocess.DEVNULL, env=env)  # compile, fill
        rows = [
            ("python -c pass", wall([sys.executable, "-c", "pass"], runs, env)),
            ("no --cache", wall(base, runs, env)),
            ("cold cache", wall(base + ["--cache", cold], runs, env,
                                before=["rm", "-rf", cold])),
            ("warm cache", wall(base + ["--cache", cache], runs, env)),
            ("warm, no bytecode", wall(base + ["--cache", cache], runs, source_env)),
        ]
        total, slow = import_times(base + ["--cache", cache], env)
        total_u, _ = import_times(base, env)
    print(f"reconcile diff, 1 edit vs 10 context articles, {runs} runs (min / median wall, "
          f"median CPU); load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for name, t in rows:
        verdict = "  budget 0.300 s: " + ("met" if t[1] <= 0.3 else "NOT met") \
            if name == "warm cache" else ""
        print(f"  {name:18s} {t[0]:.3f} s / {t[1]:.3f} s wall, {t[3]:.3f} s CPU"
              f"  (exit {t[2]}){verdict}")
    print(f"  import time (-X importtime, top-level cumulative): warm-cache path {total:.3f} s, "
          f"no-cache path {total_u:.3f} s")
    for us, name in slow:
        print(f"    {us / 1e3:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
