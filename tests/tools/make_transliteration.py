"""Write reconcile/data/transliteration.json.gz: anyascii's spelling of every character from
U+0080 to U+2FFF (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic scripts, punctuation).

anyascii (ISC licence, Hunter WB) transliterates one character at a time, so this table is
exactly what it does in that range; reconcile.align.normalize uses it only where anyascii is
not installed. Run again after upgrading anyascii: python tests/tools/make_transliteration.py
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from anyascii import anyascii

from reconcile.align.normalize import TABLE_RANGE

OUT = Path(__file__).resolve().parents[2] / "reconcile" / "data" / "transliteration.json.gz"


def table() -> dict[str, str]:
    chars = (chr(cp) for cp in range(*TABLE_RANGE) if not 0xD800 <= cp <= 0xDFFF)
    return {ch: anyascii(ch) for ch in chars}


if __name__ == "__main__":
    data = json.dumps(table(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(data.encode(), mtime=0))
    print(f"wrote {OUT}")
