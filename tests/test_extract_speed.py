"""The shortcuts taken for extraction speed change no result.

Some hot patterns open with a lookahead that lists the characters a match can start with, so
the regex engine rejects other positions at once; the number grammar is skipped in sentences
without a word that could use a quantity. Both must stay in step with the grammars they guard.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reconcile.extract import claims, dates, firsts, mentions, numbers, sentences

ROOT = Path(__file__).resolve().parents[1]
GUARD = re.compile(r"^\(\?=\[[^\]]*\]\)|^\(\?=\\d\)")

GUARDED = [dates._SCAN, dates._TRIGGER, dates._NUMERIC_EVIDENCE, dates._MDY, dates._DMY,
           sentences.CLAUSE_BREAK, mentions.DESIGNATOR, mentions.ALIAS_CUE, firsts.RANK_CUE]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted((ROOT / "fixtures").rglob("*"))
             if p.is_file() and p.suffix in (".txt", ".wiki", ".html", ".toml")]
    # every word the guarded grammars know, in three cases, after a blank and glued
    words = " ".join(list(dates._MONTHS) + list(dates._WEEKDAYS) + list(dates._NUMBER_WORDS)
                     + "yesterday today tomorrow earlier later last this next the following "
                       "previous preceding day week month year No Nr identified designated "
                       "known referred called named nicknamed listed registered also a.k.a. aka "
                       "née nee formerly first only largest longest tallest oldest biggest "
                       "highest deepest fastest busiest heaviest youngest earliest but while "
                       "whereas although however Soyuz MS-24 70S 3 12/05/2024 5 May 2024".split())
    probe = f"{words}; {words}, but {words}"
    return texts + [probe, probe.upper(), probe.title(), probe.replace(" ", "")]


@pytest.mark.parametrize("pattern", GUARDED, ids=lambda p: p.pattern[:40])
def test_lookahead_guards_change_no_match(pattern: re.Pattern[str]) -> None:
    assert GUARD.search(pattern.pattern), "the pattern lost its guard: drop it from GUARDED"
    bare = re.compile(GUARD.sub("", pattern.pattern), pattern.flags)
    for text in _texts():
        for t in (text, text.lower()):
            assert [m.span() for m in pattern.finditer(t)] == [m.span() for m in bare.finditer(t)]


def test_every_time_unit_is_seen_by_the_number_shortcut() -> None:
    for form, unit in numbers._UNITS.items():
        if unit in claims.TIME_UNITS and form not in ("h", "s"):
            assert any(word in form.lower() for word in claims.NUMBER_USES), form
    # "h" counts only glued to a digit; a glued "s" is a designation, never seconds
    assert all(n.value.unit is None for n in numbers.find_numbers("5s, 5 s, 5 h, 5-h"))
    assert numbers.find_numbers("in 5h")[0].value.unit == "hour"


def test_date_order_is_guessed_wherever_a_slashed_date_is_read() -> None:
    assert not dates.needs_dayfirst(" date 2024-04-05\nLaunched on 2023-09-15T18:02Z from Site 31/6.")
    for text in ("on 03/25/2024", "(3-4-2024)", "x 12/1/2024", "4/5/2024", "٣/٤/2024", "a:3/4/2024"):
        read = [d for d in dates.find_dates(text, dayfirst=False) if d.value.day is not None]
        assert read, text
        assert dates.needs_dayfirst(text), text


def test_the_serial_prefilter_knows_every_serial_word() -> None:
    words = re.search(r"\(\?:([^)]*)\)", mentions.SERIAL.pattern).group(1).split("|")  # type: ignore[union-attr]
    assert sorted(words) == sorted(mentions.SERIAL_WORDS)


def test_the_alias_prefilter_passes_every_cue() -> None:
    cues = ["identified by NASA as X", "DESIGNATED\tAS X", "known as X", "referred to as X",
            "called as X", "also known as X", "a.k.a. X", "AKA X", "Née X", "nee X", "Formerly X",
            "registered as the X", "listed aſ X"]
    for text in cues:
        assert mentions.ALIAS_CUE.search(text), text
        assert mentions._may_hold_alias_cue(text), text


def test_the_date_word_guard_turns_away_no_date_word() -> None:
    assert dates._WORD_START in dates._SCAN.pattern
    bare = re.compile(dates._SCAN.pattern.replace(dates._WORD_START, "(?=[A-Za-z])"))
    for text in _texts():
        for t in (text, text.lower(), text.upper()):
            assert [m.span() for m in dates._SCAN.finditer(t)] == [m.span() for m in bare.finditer(t)]
