"""Benchmark for reconcile.align on synthetic person mentions with known truth.

Run: python tests/bench/bench_align.py [--sizes 10000,100000,1000000] [--seed 7]

Wall and CPU time are both printed: on a shared machine CPU time is the steadier figure.
Each size runs in a fresh subprocess so peak RSS (resource.getrusage) is per size; the
figure includes the generated input. The generator makes ~1 person per 20 mentions,
grouped into synthetic documents of ~10 mentions: each person in a document gets a full
mention and then surname-only mentions. Noise: transliteration variants (y/i, -iy/-yy/-y,
-skaya/-skaia, kh/h, ts/tz, ye/e, Belarusian u/v, ue/u), given-name table variants and
nicknames, hyphenated vs spaced compound surnames, married-name subsets ("Given B" for
"Given A B"), diacritics, case, apostrophes. Hard negatives: many people share a given
name, and pairs of people share a given name with short surnames one letter apart
("Chub" / "Chubb"). People are unique by (given-name family, surname): no name-only
aligner can split true namesakes, so the generator does not create them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reconcile.align import align  # noqa: E402
from reconcile.align.names import _table  # noqa: E402
from reconcile.model import Mention, Span  # noqa: E402

ONSETS = "b v g d k l m n p r s t z sh zh ch kh ts br gr kr pr st tr dr vl sm".split()
VOWELS = "a o u e i".split()
CODAS = ["", "", "", "n", "r", "l", "s", "k", "m"]
ENDINGS_M = ["enko", "ov", "ev", "in", "uk", "chuk", "skiy", "evich", "ovich", "ko", "yev",
             "euski", "man", "son", "er", "ets"]
FEMALE = {"ov": "ova", "ev": "eva", "in": "ina", "skiy": "skaya", "yev": "yeva",
          "euski": "euskaya"}
ACCENTS = {"e": "éë", "a": "áä", "c": "čć", "s": "šś", "z": "žź", "l": "ł", "u": "üú",
           "o": "öó", "n": "ñń", "i": "í"}


def variants(word: str) -> list[str]:
    """Romanisation variants of one surname spelling (all true variants of one name)."""
    out = {word}
    rules = [("skiy", ["sky", "skyy", "skii", "ski"]), ("skaya", ["skaia"]),
             ("kh", ["h"]), ("ts", ["tz"]), ("yev", ["ev", "iev"]), ("euski", ["evski"]),
             ("euskaya", ["evskaya", "evskaia"]), ("y", ["i"]), ("ü", ["ue", "u"])]
    for _ in range(2):
        for w in list(out):
            for old, news in rules:
                if old in w:
                    for new in news:
                        out.add(w.replace(old, new, 1))
    return sorted(out)


def make_people(n: int, rnd: random.Random):
    families = [f for f in _families() if len(f) >= 2]
    given_pool = families + [[g] for g in "tracy loral gordon wendy olaf ingrid kwame".split()]
    used: set[tuple] = set()  # (family head, surname token) and full keys
    people = []
    while len(people) < n:
        fam = rnd.choice(given_pool)
        r = rnd.random()
        if r < 0.04:  # a pair of short surnames one letter apart, same given name
            base = rnd.choice(ONSETS[:10]) + rnd.choice(VOWELS) + rnd.choice("bkmnprst")
            for sur in (base, base + base[-1]):
                if (fam[0], sur) not in used:
                    used.add((fam[0], sur))
                    people.append((fam, [[sur.capitalize()]]))
            continue
        root = "".join(rnd.choice(ONSETS) + rnd.choice(VOWELS) for _ in range(rnd.randint(1, 2)))
        end = rnd.choice(ENDINGS_M)
        if rnd.random() < 0.3 and end in FEMALE:
            end = FEMALE[end]
        sur = root + rnd.choice(CODAS) + end
        if rnd.random() < 0.05:
            sur = "o'" + sur if rnd.random() < 0.5 else sur.replace("u", "ü", 1)
        parts = [sur]
        if rnd.random() < 0.06:  # compound / married surname
            parts.insert(0, "".join(rnd.choice(ONSETS) + rnd.choice(VOWELS) for _ in range(2))
                         + rnd.choice(["well", "ton", "ford", "berg"]))
        keys = {(fam[0], p.replace("'", "")) for p in parts}
        if keys & used or any(len(p) <= 5 for p in parts):
            continue
        used |= keys
        people.append((fam, [[v.capitalize() for v in variants(p)] for p in parts]))
    return people[:n]


def _families():
    by_fold, _ = _table()
    fams: dict[str, list[str]] = {}
    for name, head in by_fold.items():
        fams.setdefault(head, []).append(name)
    return [sorted(v) for _, v in sorted(fams.items())]


def noisy(text: str, rnd: random.Random) -> str:
    if rnd.random() < 0.1:
        i = rnd.randrange(len(text))
        if text[i].lower() in ACCENTS:
            text = text[:i] + rnd.choice(ACCENTS[text[i].lower()]) + text[i + 1:]
    r = rnd.random()
    if r < 0.03:
        return text.upper()
    if r < 0.05:
        return text.lower()
    if "'" in text and rnd.random() < 0.5:
        return text.replace("'", rnd.choice(["’", ""]))
    return text


def render(person, rnd: random.Random, short: bool) -> str:
    fam, parts = person
    spelled = [rnd.choice(p) for p in parts]
    if len(spelled) > 1 and rnd.random() < 0.3:
        spelled = spelled[-1:]  # married-name subset / last surname only
    sur = (" " if rnd.random() < 0.5 else "-").join(spelled)
    if short:
        return noisy(sur, rnd)
    return noisy(rnd.choice(fam).capitalize() + " " + sur, rnd)


def generate(n_mentions: int, seed: int):
    rnd = random.Random(seed)
    people = make_people(max(10, n_mentions // 20), rnd)
    mentions: list[Mention] = []
    truth: dict[str, int] = {}
    doc = 0
    while len(mentions) < n_mentions:
        doc += 1
        src = f"d{doc}"
        chosen = rnd.sample(range(len(people)), 4)
        seen_tokens: set[str] = set()
        pos = 0
        for p in chosen:
            toks = {v.lower() for part in people[p][1] for v in part}
            clash = bool(toks & seen_tokens)
            seen_tokens |= toks
            for k in range(rnd.randint(1, 4)):
                short = k > 0 and not clash and rnd.random() < 0.6
                surface = render(people[p], rnd, short)
                mid = f"{src}:{pos}"
                mentions.append(Mention(mid, Span(src, pos, pos + len(surface), surface),
                                        "person", surface, short))
                truth[mid] = p
                pos += len(surface) + 1
    return mentions[:n_mentions], truth


def pairwise(mentions, truth, entity_of) -> tuple[float, float]:
    pred = Counter(entity_of.get(m.id, m.id) for m in mentions)
    gold = Counter(truth[m.id] for m in mentions)
    both = Counter((entity_of.get(m.id, m.id), truth[m.id]) for m in mentions)

    def pairs(c):
        return sum(v * (v - 1) // 2 for v in c.values())

    tp = pairs(both)
    return tp / max(1, pairs(pred)), tp / max(1, pairs(gold))


def run_one(n: int, seed: int) -> dict:
    t0 = time.perf_counter()
    mentions, truth = generate(n, seed)
    gen = time.perf_counter() - t0
    rss_in = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    out = align(mentions)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p, r = pairwise(mentions, truth, out.entity_of)
    return {"mentions": n, "people": len(set(truth.values())),
            "distinct_surfaces": len({m.surface for m in mentions}),
            "entities": len(out.entities), "unresolved": len(out.unresolved),
            "generate_s": round(gen, 1), "align_s": round(wall, 2), "align_cpu_s": round(cpu, 2),
            "peak_rss_mb": round(rss), "input_rss_mb": round(rss_in),
            "precision": round(p, 5), "recall": round(r, 5)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    for n in (int(s) for s in args.sizes.split(",")):
        res = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=True)
        row = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"{row['mentions']:>9,} mentions  {row['people']:>6,} people  "
              f"{row['distinct_surfaces']:>7,} surfaces  align {row['align_s']:>6.2f} s wall "
              f"{row['align_cpu_s']:>6.2f} s cpu  "
              f"peak RSS {row['peak_rss_mb']:>5} MB (input {row['input_rss_mb']} MB)  "
              f"P {row['precision']:.4f}  R {row['recall']:.4f}  "
              f"entities {row['entities']:,}  unresolved {row['unresolved']:,}", flush=True)


if __name__ == "__main__":
    main()
