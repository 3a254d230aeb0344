"""The catalogue pages in rules/, the rule registry and the case folders are one to one, and
every page's examples do what the page says."""

from __future__ import annotations

import re

import pytest
from rule_cases import CASES, ROOT

from reconcile.api import check_documents
from reconcile.read import read_text
from reconcile.rules import load_rules

PAGES = ROOT / "rules"
RULES = {m.RULE.id: m.RULE for m in load_rules()}
BUILTIN_IDS = sorted(RULES)
SECTIONS = ("What it flags", "Why it matters", "Fires on", "Must not fire on", "Options")
FENCE = re.compile(r"^```text\n(.*?)^```", re.M | re.S)
SOURCE_LINE = re.compile(r"^--- (\S+)$", re.M)
FINDING_LINE = re.compile(r"^Finding: `([\w-]+)` at (\w+), quoting (.+)\.$", re.M)


def section(page: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert m, f"no section {title!r}"
    return m.group(1)


def sources(block: str) -> list:
    """The documents of a fenced example: each starts at a `--- name` line."""
    parts = SOURCE_LINE.split(block)[1:]
    assert parts, "an example needs at least one `--- name` source line"
    return [read_text(text.strip("\n") + "\n", name, name.rsplit(".", 1)[0])
            for name, text in zip(parts[::2], parts[1::2], strict=True)]


def example(page: str, title: str) -> list:
    m = FENCE.search(section(page, title))
    assert m, f"no ```text example under {title!r}"
    return sources(m.group(1))


def page(rule_id: str) -> str:
    return (PAGES / f"{rule_id}.md").read_text(encoding="utf-8")


def test_pages_registry_and_case_folders_are_one_to_one():
    pages = {p.stem for p in PAGES.glob("*.md")} - {"README"}
    folders = {p.name for p in CASES.iterdir() if p.is_dir()}
    assert pages == set(BUILTIN_IDS)
    assert folders == set(BUILTIN_IDS)
    index = (PAGES / "README.md").read_text(encoding="utf-8")
    for rule_id, info in RULES.items():
        assert f"[{info.code}]({rule_id}.md)" in index


@pytest.mark.parametrize("rule_id", BUILTIN_IDS)
def test_page_heading_severity_and_sections(rule_id):
    text, info = page(rule_id), RULES[rule_id]
    assert text.startswith(f"# {info.code} {rule_id}\n")
    assert f"Default severity: **{info.severity}**" in text
    for title in SECTIONS:
        section(text, title)
    options = section(text, "Options")
    assert "[tool.reconcile.rules]" in options and f"severity.{rule_id}" in options
    assert f'{rule_id} = "off"' in options
    for name, default in info.options:  # every option the rule declares, with its default
        assert f"`{name}` (default {default})" in options


@pytest.mark.parametrize("rule_id", BUILTIN_IDS)
def test_fires_on_example_fires(rule_id):
    text = page(rule_id)
    findings = [f for f in check_documents(example(text, "Fires on")).findings if f.rule == rule_id]
    assert findings, f"{rule_id}: the page's 'Fires on' example does not fire"
    said = FINDING_LINE.search(section(text, "Fires on"))
    assert said and said.group(1) == rule_id
    quotes = re.findall(r"“([^”]+)”", said.group(3))
    assert any(f.severity == said.group(2)
               and all(q in "\n".join(e.text for e in f.evidence) for q in quotes)
               for f in findings), [(f.severity, f.message) for f in findings]


@pytest.mark.parametrize("rule_id", BUILTIN_IDS)
def test_must_not_fire_on_example_is_silent(rule_id):
    report = check_documents(example(page(rule_id), "Must not fire on"))
    loud = [f.message for f in report.findings if f.rule == rule_id]
    assert not loud, loud


@pytest.mark.parametrize("rule_id", BUILTIN_IDS)
def test_severity_option_applies(rule_id):
    docs = example(page(rule_id), "Fires on")
    off = check_documents(docs, config={f"severity.{rule_id}": "off"})
    assert not [f for f in off.findings if f.rule == rule_id]
    if RULES[rule_id].severity != "info":
        info = check_documents(docs, config={f"severity.{rule_id}": "info"})
        assert {f.severity for f in info.findings if f.rule == rule_id} == {"info"}


# ---- reconcile rules / reconcile explain: the pages ship in the package ------------------------

SHIPPED = ROOT / "reconcile" / "rules" / "pages"


def test_shipped_pages_are_the_catalogue_pages():
    """reconcile/rules/pages/ is a copy of rules/*.md for the installed package; after editing a
    page run `cp rules/[!R]*.md reconcile/rules/pages/`."""
    assert {p.name for p in SHIPPED.glob("*.md")} == {f"{r}.md" for r in BUILTIN_IDS}
    for rule_id in BUILTIN_IDS:
        assert (SHIPPED / f"{rule_id}.md").read_bytes() == (PAGES / f"{rule_id}.md").read_bytes()


def test_rules_lists_the_catalogue():
    from click.testing import CliRunner

    from reconcile.cli import cli

    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(RULES)
    for info in RULES.values():
        assert any(line.split()[:3] == [info.code, info.id, info.severity]
                   and line.endswith(info.summary) for line in lines)


@pytest.mark.parametrize("rule_id", BUILTIN_IDS)
def test_explain_prints_the_page_by_id_or_code(rule_id):
    from click.testing import CliRunner

    from reconcile.cli import cli

    for name in (rule_id, RULES[rule_id].code, RULES[rule_id].code.lower()):
        result = CliRunner().invoke(cli, ["explain", name])
        assert result.exit_code == 0 and result.stdout == page(rule_id)


def test_explain_unknown_is_one_line_exit_2():
    from click.testing import CliRunner

    from reconcile.cli import cli

    result = CliRunner().invoke(cli, ["explain", "RC999"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "reconcile: explain: unknown rule 'RC999' (see `reconcile rules`)\n"


def test_a_rule_without_a_page_is_explained_from_its_info():
    from reconcile.cli_rules import page_text
    from reconcile.model import RuleInfo

    info = RuleInfo("plugin-rule", "RCX01", "warning", "Flags a thing.", "Because.",
                    options=(("limit", 3),))
    text = page_text(info)
    assert text.startswith("# RCX01 plugin-rule\n\nFlags a thing.\n")
    assert "Default severity: **warning**" in text and "- `limit` (default 3)" in text
