"""`reconcile rules` (the catalogue) and `reconcile explain CODE` (one rule's page).

The pages are rules/*.md at the repository root; a copy ships in the package
(reconcile/rules/pages/, kept identical by tests/test_rule_catalogue.py) so that an installed
reconcile can print them. A rule from a plugin has no page: its RuleInfo text is printed.
"""

from __future__ import annotations

import sys
from importlib import resources

import click

from .cli import fail


def _rules():
    from .rules import RuleLoadError, load_rules

    try:
        return [m.RULE for m in load_rules()]
    except RuleLoadError as exc:
        fail(str(exc))
        sys.exit(2)


def page_text(info) -> str:
    """The catalogue page of a rule, or one made from its RuleInfo when it has none."""
    page = resources.files("reconcile.rules").joinpath("pages", f"{info.id}.md")
    if page.is_file():
        return page.read_text(encoding="utf-8")
    options = "".join(f"- `{name}` (default {default})\n" for name, default in info.options)
    return (f"# {info.code} {info.id}\n\n{info.summary}\n\nDefault severity: **{info.severity}**"
            f"\n\n{info.help}\n" + (f"\n## Options\n\n{options}" if options else ""))


@click.command("rules")
def rules_command() -> None:
    """List the rules: code, id, default severity and what each flags."""
    infos = sorted(_rules(), key=lambda r: r.code)
    width = max(len(r.id) for r in infos)
    for r in infos:
        click.echo(f"{r.code}  {r.id:<{width}}  {r.severity:<7}  {r.summary}")


@click.command("explain")
@click.argument("name")
def explain(name: str) -> None:
    """Print a rule's page: NAME is its id (value-conflict) or code (RC201)."""
    from .rule_settings import SettingsError, find_rule, rule_index

    try:
        info = find_rule(rule_index(_rules()), name, "explain")
    except SettingsError as exc:
        fail(str(exc))
        sys.exit(2)
    click.echo(page_text(info), nl=False)
