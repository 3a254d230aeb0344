"""Print MB/s of the wikitext and HTML readers on fixtures/formats (and, for comparison,
of a bare selectolax parse and of trafilatura's extraction on the same pages).

Run: python tests/bench/bench_read.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reconcile.read.html import read_html  # noqa: E402
from reconcile.read.wikitext import read_wikitext  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "formats"


def rate(fn, texts: list[str], repeat: int) -> float:
    """MB/s (of UTF-8 input) for fn over all texts, best of `repeat` rounds."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return size / best / 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    wiki = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.wiki"))]
    pages = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.html"))]
    # A larger page: the same body repeated, as a long article would be.
    big_wiki = "\n".join(wiki) * 20
    host = next(p for p in pages if "</article>" in p)
    big_page = host.replace("</article>", "".join(
        p.split("<body", 1)[1] for p in pages) * 10 + "</article>", 1)
    rows = [
        ("wikitext fixtures", lambda t: read_wikitext(t, source_id="b", path="b"), wiki),
        ("wikitext x20", lambda t: read_wikitext(t, source_id="b", path="b"), [big_wiki]),
        ("html fixtures", lambda t: read_html(t, source_id="b", path="b"), pages),
        ("html large page", lambda t: read_html(t, source_id="b", path="b"), [big_page]),
    ]
    try:
        from selectolax.lexbor import LexborHTMLParser

        rows.append(("selectolax parse only", LexborHTMLParser, pages))
    except ImportError:
        pass
    try:
        import trafilatura

        rows.append(("trafilatura.extract", trafilatura.extract, pages))
    except ImportError:
        pass
    for name, fn, texts in rows:
        size = sum(len(t.encode("utf-8")) for t in texts)
        reps = args.repeat if size < 1_000_000 else max(3, args.repeat // 5)
        print(f"{name:24s} {size / 1e3:9.1f} kB  {rate(fn, texts, reps):7.2f} MB/s")


if __name__ == "__main__":
    main()
