"""Every regular expression in reconcile/ against adversarial strings: time must grow linearly.

All compiled patterns are collected from the modules (globals, and patterns inside module-level
tuples, lists and dicts, and the vocabulary's patterns). Each runs `finditer` over inputs made of
repeated near-matches, built from a shared list and from the pattern's own literal prefixes,
screened at 10k characters to find each pattern's worst input, which is then timed at 100k and
on a 1 MB line. Linear growth gives a ratio near 10; the test fails above ~32 (see MAX_RATIO). The whole
extractor is timed on long lines (one sentence, no line break), since Python code around the
patterns can be quadratic where no pattern is; tests/bench/bench_linear.py prints both up to 1 MB.
Times are CPU time of this thread (`time.thread_time`): on a loaded machine wall-clock time of the
100k run swings by 5x from descheduling alone. Run with `-s` to see the figures (`python -m pytest tests/test_regex_linear.py -s`).
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import time
from pathlib import Path

import pytest

import reconcile

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

SCREEN, SMALL, LARGE = 10_000, 100_000, 1_000_000
# Patterns only ever used anchored (`.match(text, pos)` / `.fullmatch`), never searched: their cost
# is one scan from the given position, so they are timed with `.match` at 0 (a search restarted at
# every position of a long blank run would be quadratic, but no code does that; a test below
# keeps it so).
ANCHORED = {
    "reconcile.extract.dates._TIME_AFTER",
    "reconcile.extract.mentions.LIST_GLUE",
    "reconcile.extract.numbers._SCALE_AFTER",
    "reconcile.extract.numbers._UNIT_AFTER",
    "reconcile.read.html.ISO_DATE",
    "reconcile.extract.numbers._SHARE",
    "reconcile.extract.counts.PARTS_OPEN",
    "reconcile.extract.numbers._HALF",
    "reconcile.extract.numbers._COUNTED",
    "reconcile.extract.dates._ATTRIB_AFTER",
    "reconcile.extract.claims._LIFE_DASH",
    "reconcile.extract.claims.OBJECT_AFTER",
    "reconcile.extract.mentions.VARIANT_AFTER",
    "reconcile.extract.claims.BODY_AFTER",
    "reconcile.extract.claims.KIND_WORDS",
    "reconcile.extract.claims._ADVERBS",
    "reconcile.extract.claims._HEAD_FILL",
    "reconcile.extract.money._RANGE",
    "reconcile.extract.money._BOUND",
    "reconcile.extract.money._OPENING_PERIOD",
    "reconcile.extract.numbers._OF_AFTER",
}
# Ten times the text may take at most 10**1.5 (~32) times as long: a growth exponent under 1.5,
# where linear is 1 and quadratic 2. A linear scan that builds one 1 MB match measures 16-23x
# here: the matcher's backtracking stack for a 1 MB repetition outgrows the CPU caches.
MAX_RATIO = 10 ** 1.5
UNITS = ["a", "A", "1", "1,", "12 ", "On ", "No. ", "[[", "{{", "}}", "|", "&#", "&", "Aa ",
         "A-", "A ", "a-", "<", "<a ", "='", '"', " ", "\t", "\n", "-\n", ". ", "1 May ", "May 1",
         "2020-", "The ", "' ", "é", "=", "==", "- A:", "Mr. ", "x", "0", ", ", "(", ")", ":"]


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}

    def add(name: str, value: object) -> None:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found.setdefault(name, value)
        elif isinstance(value, (tuple, list)):
            for i, v in enumerate(value[:200]):
                add(f"{name}[{i}]", v)
        elif isinstance(value, dict):
            for k, v in list(value.items())[:200]:
                add(f"{name}[{k!r}]", v)

    for info in pkgutil.walk_packages(reconcile.__path__, "reconcile."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for key, value in vars(module).items():
            add(f"{info.name}.{key}", value)
    from reconcile.vocab import vocabulary

    vocab = vocabulary()
    if dataclasses.is_dataclass(vocab):
        for f in dataclasses.fields(vocab):
            add(f"vocabulary.{f.name}", getattr(vocab, f.name))
    else:  # pragma: no cover
        for key, value in vars(vocab).items():
            add(f"vocabulary.{key}", value)
    from reconcile.read.html import _closer

    add("read.html._closer('script')", _closer("script"))
    return dict(sorted(found.items()))


PATTERNS = _patterns()
_ANCHORED_IDS = {id(PATTERNS[n]) for n in ANCHORED if n in PATTERNS}


def _literal_prefixes(pattern: re.Pattern[str]) -> list[str]:
    """Literal runs the pattern starts with (first alternative of each branch), up to 8 chars."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover
        return []
    out: list[str] = []

    def walk(items, prefix: str, depth: int) -> None:
        if depth > 6 or len(out) > 12:
            return
        for op, av in items:
            name = str(op)
            if name == "LITERAL":
                prefix += chr(av)
                if len(prefix) >= 8:
                    break
                continue
            if name == "BRANCH":
                for alt in av[1][:6]:
                    walk(list(alt), prefix, depth + 1)
                return
            if name == "SUBPATTERN":
                walk(list(av[-1]), prefix, depth + 1)
                return
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(list(av[2]), prefix, depth + 1)
                return
            if name == "IN":
                for sub_op, sub_av in av:
                    if str(sub_op) == "LITERAL":
                        prefix += chr(sub_av)
                        break
                    if str(sub_op) == "RANGE":
                        prefix += chr(sub_av[0])
                        break
                continue
            if name in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF"):
                continue
            if name == "ANY":
                prefix += "a"
                continue
            break
        if prefix:
            out.append(prefix)

    walk(list(parsed), "", 0)
    return sorted({p for p in out if p})


def _units(pattern: re.Pattern[str]) -> list[str]:
    own = _literal_prefixes(pattern)
    extra = [p + " " for p in own] + [p[:-1] for p in own if len(p) > 1]
    return list(dict.fromkeys(UNITS + own + extra))


def _time(pattern: re.Pattern[str], text: str, repeat: int = 3) -> float:
    best = float("inf")
    anchored = id(pattern) in _ANCHORED_IDS
    for _ in range(repeat):
        t0 = time.thread_time()
        if anchored:
            pattern.match(text)
            pattern.fullmatch(text)
        else:
            for _m in pattern.finditer(text):
                pass
        best = min(best, time.thread_time() - t0)
    return best


def _build(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def test_patterns_were_collected():
    assert len(PATTERNS) >= 40, sorted(PATTERNS)
    assert set(PATTERNS) >= ANCHORED


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_anchored_patterns_are_never_searched(name):
    module_name, attr = name.rsplit(".", 1)
    source = Path(importlib.import_module(module_name).__file__).read_text(encoding="utf-8")
    uses = re.findall(rf"\b{re.escape(attr)}\.(\w+)\(", source)
    assert uses and set(uses) <= {"match", "fullmatch"}, (name, uses)
    for other in Path(reconcile.__file__).parent.rglob("*.py"):
        text = other.read_text(encoding="utf-8")
        assert not re.search(rf"\b{re.escape(attr)}\.(?:search|finditer|findall|sub|subn|split)\(",
                             text), (name, str(other))


def _pair(pattern: re.Pattern[str], unit: str) -> tuple[float, float]:
    """Small and large times measured back to back, so that both see the same machine load."""
    t_small = max(_time(pattern, _build(unit, SMALL), repeat=3), 5e-5)  # floor: timer resolution
    return t_small, _time(pattern, _build(unit, LARGE), repeat=1)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear(name):
    """The best of up to 8 back-to-back pairs: a super-linear pattern is slow in every pair (a
    quadratic one ~100x), while a burst of load on a shared machine only spoils some of them."""
    pattern = PATTERNS[name]
    for size, limit in ((300, 0.02), (2_000, 0.05)):  # catch cubic patterns before they hang
        for unit in _units(pattern):
            took = _time(pattern, _build(unit, size), repeat=1)
            assert took < limit, f"{name}: {took:.3f}s on {unit!r} x {size}: super-linear"
    screen = {u: _time(pattern, _build(u, SCREEN), repeat=1) for u in _units(pattern)}
    worst = sorted(screen, key=lambda u: -screen[u])[:2]
    figures = []
    for unit in worst:
        # a linear scan of 10k chars takes well under a ms; a quarter second means quadratic work
        assert screen[unit] < 0.25, f"{name}: {screen[unit]:.2f}s on {unit!r} x {SCREEN}: super-linear"
        best = None
        for attempt in range(8):
            t_small, t_large = _pair(pattern, unit)
            if best is None or t_large / t_small < best[0]:
                best = (t_large / t_small, unit, t_small, t_large)
            if best[0] < MAX_RATIO / 1.5 or (attempt >= 2 and best[0] < MAX_RATIO):
                break
            time.sleep(0.05 * attempt)
        figures.append(best)
    ratio, unit, t_small, t_large = max(figures)
    print(f"\n{name}: worst {unit!r}: {SMALL // 1000}k {t_small * 1e3:.2f} ms, "
          f"{LARGE // 1000}k {t_large * 1e3:.2f} ms, ratio {ratio:.1f}")
    assert ratio < MAX_RATIO, f"{name}: {ratio:.1f}x from {SMALL} to {LARGE} chars on {unit!r}"


@pytest.mark.parametrize("unit", ["No. 5 ", "3. 4 ", "etc. x ", "J. "])
def test_sentence_splitter_is_linear(unit):
    """Boundary checks look at the next visible character; copying the rest of the text for it
    (as `text[end:].lstrip()` did) made every abbreviation cost the length of the passage."""
    from reconcile.extract.sentences import split_sentences

    def took(n: int) -> float:
        text = _build(unit, n)
        t0 = time.thread_time()
        split_sentences(text)
        return time.thread_time() - t0

    ratio = min(took(LARGE) / max(took(SMALL), 5e-5) for _ in range(3))
    assert ratio < MAX_RATIO, f"split_sentences: {ratio:.1f}x from {SMALL} to {LARGE} chars on {unit!r}"


# A long line of repeated near-matches through the whole extractor: an event sentence with a
# date, a number and a name (everything the claim passes look at), and a run of abbreviations
# that are not sentence ends (one huge sentence full of designator-like tokens).
EXTRACT_UNITS = ["On 3 May 2020 the Orto Dam opened, killing 12 people and injuring about 40; ",
                 "No. 5 "]


@pytest.mark.parametrize("unit", EXTRACT_UNITS)
def test_extraction_is_linear(unit):
    """10k to 100k here (a 1 MB line takes the extractor seconds); the benchmark
    (tests/bench/bench_linear.py) goes on to 1 MB."""
    from reconcile.extract import extract
    from reconcile.read import read_text
    from reconcile.vocab import vocabulary

    vocab = vocabulary()

    def took(n: int) -> float:
        doc = read_text(_build(unit, n), "line.txt", "line")
        t0 = time.thread_time()
        extract(doc, vocab)
        return time.thread_time() - t0

    took(1_000)  # warm: lazy pattern compiles are not per-character cost
    t_small = took(SCREEN)
    ratio = took(SMALL) / max(t_small, 5e-5)
    print(f"\nextract on {unit[:20]!r}...: {SCREEN // 1000}k {t_small:.3f} s, ratio {ratio:.1f}")
    assert ratio < MAX_RATIO, f"extract: {ratio:.1f}x from {SCREEN} to {SMALL} chars on {unit!r}"
