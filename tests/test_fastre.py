"""fastre.compile gives every pattern a skip set of first characters: it must change no match.

Every pattern of the package (the collection tests/test_regex_linear.py makes) is compiled both
ways and run over every fixture text and over generated text; spans and groups must be equal.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_regex_linear import PATTERNS

from reconcile import fastre

try:
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _compiler = _parser = None

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8", errors="replace")
         for p in sorted((ROOT / "fixtures").rglob("*"))
         if p.is_file() and p.suffix in (".txt", ".wiki", ".html")]
NAMES = sorted(PATTERNS)


def _both(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(pattern.pattern, pattern.flags),
            fastre.compile(pattern.pattern, pattern.flags))


def _matches(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", NAMES)
def test_same_matches_on_every_fixture(name):
    plain, fast = _both(PATTERNS[name])
    for text in TEXTS:
        assert _matches(fast, text) == _matches(plain, text), name


TEXT = st.text(alphabet=st.sampled_from(list("aAbdeJjMmNnOoSsTtWwYy0123 ,.;:-()'\n\u00e9\u00a0")) |
               st.characters(), max_size=80)


@settings(max_examples=60, deadline=None)
@given(text=TEXT, index=st.integers(min_value=0, max_value=len(NAMES) - 1))
def test_same_matches_on_any_text(text, index):
    plain, fast = _both(PATTERNS[NAMES[index]])
    assert _matches(fast, text) == _matches(plain, text)


def _firsts(pattern: str) -> set[str] | None:
    """The characters of the skip set fastre finds for the pattern (None: none found)."""
    items = fastre.first_chars(_parser.parse(pattern).data)
    if items is None:
        return None
    skip_set = _compiler.compile(_parser.SubPattern(_parser.State(), [(_parser.IN, items)]))
    return {chr(c) for c in range(0x80) if skip_set.fullmatch(chr(c))}


@pytest.mark.skipif(_parser is None, reason="no re._parser on this Python")
@pytest.mark.parametrize("pattern, firsts", [
    (r"\b(?:ab|cd)\b", {"a", "c"}),                    # \b then alternatives
    (r"(?=[xy])\b\w+", {"x", "y"}),                    # a first-letter lookahead
    (r"(?<![A-Za-z])(?:(?P<n>\d+)|one|two)", set("0123456789") | {"o", "t"}),
    (r"(?:[A-C][a-z]*\s){1,3}", {"A", "B", "C"}),       # a repeat of at least one
    (r"(a)\1", {"a"}),                                 # a group
])
def test_first_characters_found(pattern, firsts):
    found = _firsts(pattern)
    assert found == firsts


@pytest.mark.skipif(_parser is None, reason="no re._parser on this Python")
@pytest.mark.parametrize("pattern", [
    r"a?b",            # may start with either: not told
    r"(?:[^a]|b)",     # a negated class is no part of a union
    r".x",             # any character
    r"\b(?i:may)",     # case folding is CPython's own business
    r"(?=\d|$)\w",     # the lookahead may be the end
])
def test_unknown_first_characters_are_not_guessed(pattern):
    assert _firsts(pattern) is None
