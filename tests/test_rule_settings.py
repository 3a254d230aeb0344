"""Per-rule severity and options: [tool.reconcile.rules], `--rule`, and their errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from reconcile.cli import cli
from reconcile.rule_settings import SettingsError, resolve
from reconcile.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = [m.RULE for m in load_rules()]


def write_example(rule_id: str, folder: Path) -> Path:
    """The 'Fires on' sources of a catalogue page, as files in `folder`."""
    page = (ROOT / "rules" / f"{rule_id}.md").read_text(encoding="utf-8")
    block = re.search(r"## Fires on.*?```text\n(.*?)^```", page, re.S | re.M).group(1)
    parts = re.split(r"^--- (\S+)$", block, flags=re.M)[1:]
    folder.mkdir(exist_ok=True)
    for name, text in zip(parts[::2], parts[1::2], strict=True):
        (folder / name).write_text(text.strip("\n") + "\n", encoding="utf-8")
    return folder


def check(tmp_path, monkeypatch, rule_id: str, *args: str):
    docs = write_example(rule_id, tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(docs), "--format", "json", *args])
    findings = json.loads(result.stdout)["findings"] if result.stdout else []
    return result, [f for f in findings if f["rule"] == rule_id]


def test_rule_flag_by_id_or_code_sets_severity_and_exit_status(tmp_path, monkeypatch):
    result, found = check(tmp_path, monkeypatch, "value-conflict")
    assert result.exit_code == 1 and {f["severity"] for f in found} == {"error"}
    result, found = check(tmp_path, monkeypatch, "value-conflict", "--rule", "RC201=warning")
    assert result.exit_code == 0 and {f["severity"] for f in found} == {"warning"}
    result, _ = check(tmp_path, monkeypatch, "value-conflict", "--rule", "rc201=warning",
                      "--fail-on", "warning")
    assert result.exit_code == 1  # --fail-on sees the new severity
    result, found = check(tmp_path, monkeypatch, "value-conflict", "--rule", "value-conflict=off")
    assert result.exit_code == 0 and found == []


def test_rule_flag_raises_a_rule_above_its_default(tmp_path, monkeypatch):
    result, found = check(tmp_path, monkeypatch, "cross-event", "--rule", "cross-event=error")
    assert result.exit_code == 1 and {f["severity"] for f in found} == {"error"}


def test_config_table_sets_severity_and_options_and_flag_wins(tmp_path, monkeypatch):
    (tmp_path / "reconcile.toml").write_text(
        '[rules.cross-event]\nseverity = "warning"\nmax-gap-days = 1\n', encoding="utf-8")
    _, found = check(tmp_path, monkeypatch, "cross-event")
    assert found == []  # the example's two-day gap is over the configured one
    _, found = check(tmp_path, monkeypatch, "cross-event", "--rule", "cross-event.max-gap-days=2")
    assert {f["severity"] for f in found} == {"warning"}
    _, found = check(tmp_path, monkeypatch, "cross-event", "--rule", "RC701.max-gap-days=2",
                     "--rule", "RC701=error")
    assert {f["severity"] for f in found} == {"error"}


@pytest.mark.parametrize("toml, message", [
    ('[rules]\nno-such-rule = "off"\n', "unknown rule 'no-such-rule'"),
    ('[rules.cross-event]\nmax-gap = 3\n', "unknown option 'max-gap' of rule cross-event"),
    ('[rules.cross-event]\nmax-gap-days = "soon"\n', "cross-event.max-gap-days must be a whole number"),
    ('[rules.cross-event]\nseverity = "loud"\n', "severity of cross-event must be off"),
    ('[rules]\ncross-event = "loud"\n', "rules.cross-event must be off, info, warning or error"),
])
def test_config_errors_name_the_rule_or_option(tmp_path, monkeypatch, toml, message):
    (tmp_path / "reconcile.toml").write_text(toml, encoding="utf-8")
    result, _ = check(tmp_path, monkeypatch, "cross-event")
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


@pytest.mark.parametrize("flag, message", [
    ("RC999=off", "--rule RC999=off: unknown rule 'RC999'"),
    ("value-conflict", "give NAME=LEVEL"),
    ("value-conflict=loud", "severity of value-conflict must be"),
    ("value-conflict.window=3", "unknown option 'window' of rule value-conflict (options: none)"),
    ("anachronism.grace-days=x", "anachronism.grace-days must be a whole number"),
])
def test_rule_flag_errors_name_it(tmp_path, monkeypatch, flag, message):
    for command in (["check", "x"], ["diff", "a", "b"]):
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(cli, [*command, "--rule", flag])
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], result.stderr


def test_diff_takes_rule_flag():
    from test_gate import SEEDS, case

    old, new = case("date_contradiction")
    args = ["diff", str(old), str(new), "--context", str(SEEDS), "--format", "json"]
    assert CliRunner().invoke(cli, args).exit_code == 1
    quiet = CliRunner().invoke(cli, [*args, "--rule", "value-conflict=info",
                                     "--rule", "cross-event=off"])
    assert quiet.exit_code == 0
    assert {f["severity"] for f in json.loads(quiet.stdout)["introduced"]} <= {"info"}


@given(st.sampled_from(RULES), st.sampled_from(("off", "info", "warning", "error")),
       st.booleans())
def test_resolve_maps_id_and_code_alike(info, level, by_code):
    name = info.code.lower() if by_code else info.id
    assert resolve({}, [f"{name}={level}"], RULES) == {f"severity.{info.id}": level}
    assert resolve({info.id: level}, [], RULES) == {f"severity.{info.id}": level}


@given(st.text(min_size=1).filter(lambda s: "=" not in s and "." not in s))
def test_resolve_refuses_every_unknown_name(name):
    if name in {r.id for r in RULES} or name.lower() in {r.code.lower() for r in RULES}:
        return
    with pytest.raises(SettingsError, match="unknown rule"):
        resolve({}, [f"{name}=off"], RULES)
