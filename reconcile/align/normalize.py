"""Surface normalisation: one plain lowercase ASCII spelling per written form.

Transliteration uses anyascii rather than unidecode. Measured on Cyrillic names, anyascii
gives the English-press/BGN style ("Yuriy Gagarin", "Khrushchev", "Maryna Vasileuskaya",
which is the official Belarusian Latin spelling), where unidecode gives ISO-like "Iurii",
"Khrushchiov" and inserts apostrophes for Ukrainian Ґ ("G'alag'an"). anyascii is also
already a declared dependency (ISC licence; unidecode is GPL). Its one weak spot we met is
Greek "ου" -> "oy" (Papadopoylos), so that digraph is mapped to "ou" first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_GREEK_OU = re.compile("[οΟ][υύΥΎ]")
_APOSTROPHES = re.compile(r"['`´ʹʻʼʽ‘’‛′]")
_NON_ALNUM = re.compile(r"[^a-z0-9.]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 12)
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
    text = re.sub(r"(?<![0-9])\.|\.(?![0-9])", " ", text)
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Folded words of a surface."""
    folded = fold(text)
    return folded.split() if folded else []
