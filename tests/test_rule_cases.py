"""Every rule's case table: expected findings present, must-not-fire cases silent."""

from __future__ import annotations

from collections import Counter

import pytest
from rule_cases import CASES, load_cases, problems, run_case

RULES = sorted(p.name for p in CASES.iterdir() if p.is_dir())
ALL = [(rule, case) for rule in RULES for case in load_cases(rule)]
PASSED: Counter[str] = Counter()


@pytest.mark.parametrize("rule,case", ALL, ids=[f"{r}/{c['name']}" for r, c in ALL])
def test_case(rule, case):
    wrong = problems(rule, case, run_case(case))
    assert not wrong, "\n".join(wrong)
    PASSED[rule] += 1


@pytest.mark.parametrize("rule", RULES)
def test_case_table_shape(rule):
    cases = load_cases(rule)
    quiet = [c for c in cases if not c.get("fires", True)]
    assert len(cases) >= 8, f"{rule}: {len(cases)} cases, at least 8 needed"
    assert 2 * len(quiet) >= len(cases), f"{rule}: at least half must be must-not-fire cases"
    assert len({c["domain"] for c in cases}) >= 3, f"{rule}: cases from at least three domains"
    assert len({c["name"] for c in cases}) == len(cases), f"{rule}: case names must be unique"


def test_print_pass_counts(capsys):
    totals = Counter(rule for rule, _ in ALL)
    with capsys.disabled():
        print()
        for rule in RULES:
            print(f"  {rule:22} {PASSED[rule]}/{totals[rule]} cases pass")
