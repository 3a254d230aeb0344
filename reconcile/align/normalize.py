"""Surface normalisation: one plain lowercase ASCII spelling per written form.

Transliteration uses anyascii rather than unidecode. Measured on Cyrillic names, anyascii
gives the English-press/BGN style ("Yuriy Gagarin", "Khrushchev", "Maryna Vasileuskaya",
which is the official Belarusian Latin spelling), where unidecode gives ISO-like "Iurii",
"Khrushchiov" and inserts apostrophes for Ukrainian Ґ ("G'alag'an"). anyascii is also
already a declared dependency (ISC licence; unidecode is GPL). Its one weak spot we met is
Greek "ου" -> "oy" (Papadopoylos), so that digraph is mapped to "ou" first.

Where anyascii is not installed (its wheel failed on some machine), its own spelling of every
character from U+0080 to U+2FFF, shipped as reconcile/data/transliteration.json.gz (made by
tests/tools/make_transliteration.py), gives the same folds; other characters lose their marks
(NFKD) or become spaces.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

TABLE_RANGE = (0x80, 0x3000)  # the characters the fallback table spells as anyascii does


def _table_transliterate(text: str) -> str:
    table = _fallback_table()
    return "".join(ch if ch.isascii() else table[ch] if ch in table else _stripped(ch)
                   for ch in text)


def _stripped(ch: str) -> str:
    """Outside the table: the character without its combining marks, if that is ASCII."""
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if base.isascii() else " "


@lru_cache(maxsize=1)
def _fallback_table() -> dict[str, str]:
    data = resources.files("reconcile.data").joinpath("transliteration.json.gz").read_bytes()
    table: dict[str, str] = json.loads(gzip.decompress(data))
    return table


anyascii: Callable[[str], str]
try:
    from anyascii import anyascii
except ImportError:
    anyascii = _table_transliterate

_GREEK_OU = re.compile("[οΟ][υύΥΎ]")
_APOSTROPHES = re.compile(r"['`´ʹʻʼʽ‘’‛′]")
_NON_ALNUM = re.compile(r"[^a-z0-9.]+")
_SPACES = re.compile(r"\s+")
_LONE_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")


# the cache holds every distinct surface of a large audit's groups (names repeat across
# documents: 4,096 entries missed on most calls at 10,000 documents)
@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """NFKC, Greek 'ου' fix, transliterate + fold diacritics, lowercase, drop apostrophes.

    Hyphens, dots and other punctuation become spaces, so "Caldwell-Dyson" and
    "Caldwell Dyson" fold alike; a dot between digits is kept ("2.1").
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = anyascii(_GREEK_OU.sub("ou", text))
    text = _APOSTROPHES.sub("", text.lower())
    text = _NON_ALNUM.sub(" ", text)
    text = _LONE_DOT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Folded words of a surface."""
    folded = fold(text)
    return folded.split() if folded else []
