"""A machine where a compiled dependency failed to install still checks, with the same answers.

rapidfuzz and anyascii have exact pure-Python stand-ins (reconcile.align.fuzzy, the shipped
transliteration table); gender-guesser's 46,000 given names fall back to our short list, with a
note. The stand-ins are compared with the libraries here, and the whole check is run in a fresh
interpreter with the libraries hidden.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.align import fuzzy, normalize

SEEDS = ROOT / "fixtures" / "seeds"
# short strings over a small alphabet: many shared letters, so every LCS case comes up
TEXT = st.text(alphabet="abcdeé -", max_size=24)


@given(TEXT, TEXT, st.sampled_from([None, 0, 50, 85, 100]))
@settings(max_examples=400)
def test_pure_ratio_is_rapidfuzz_ratio(a, b, cutoff):
    rapidfuzz = pytest.importorskip("rapidfuzz")
    assert fuzzy.pure_ratio(a, b, score_cutoff=cutoff) == \
        rapidfuzz.fuzz.ratio(a, b, score_cutoff=cutoff)


@given(TEXT, TEXT)
@settings(max_examples=400)
def test_pure_levenshtein_is_rapidfuzz_levenshtein(a, b):
    rapidfuzz = pytest.importorskip("rapidfuzz")
    assert fuzzy.pure_levenshtein(a, b) == rapidfuzz.distance.Levenshtein.distance(a, b)


def test_the_shipped_table_is_anyascii_in_its_range():
    pytest.importorskip("anyascii")
    sys.path.insert(0, str(ROOT / "tests" / "tools"))
    from make_transliteration import table

    assert normalize._fallback_table() == table()


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FFF,
                                      exclude_categories=("Cs",)), max_size=30))
def test_table_transliteration_is_anyascii(text):
    anyascii = pytest.importorskip("anyascii").anyascii
    assert normalize._table_transliterate(text) == anyascii(text)


def _check_json(hidden: tuple[str, ...], out: Path) -> tuple[list[str], str]:
    """`reconcile check` on the seeds in a fresh interpreter that cannot import `hidden`:
    the finding ids of its JSON report, and what it said on stderr."""
    code = (f"import sys\nfor name in {hidden!r}:\n    sys.modules[name] = None\n"
            f"sys.argv = ['reconcile', 'check', {str(SEEDS)!r}, '--format', 'json', "
            f"'--output', {str(out)!r}]\n"
            "from reconcile.cli import main\nmain()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return [f["id"] for f in json.loads(out.read_text())["findings"]], proc.stderr


def test_without_rapidfuzz_anyascii_or_jellyfish_the_findings_are_the_same(tmp_path):
    full = _check_json((), tmp_path / "full.json")
    bare = _check_json(("rapidfuzz", "anyascii", "jellyfish"), tmp_path / "bare.json")
    assert bare == full


def test_without_gender_guesser_the_check_runs_and_says_why_names_are_fewer(tmp_path):
    findings, said = _check_json(("gender_guesser",), tmp_path / "r.json")
    assert findings
    assert said.strip().splitlines() == [
        "reconcile: gender-guesser is not installed: given names come from a short list"]
