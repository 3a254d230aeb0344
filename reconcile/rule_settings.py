"""Per-rule settings from the configuration and `--rule`, checked against the rules loaded.

Kept apart from config.py because only here are the rule ids, codes and declared options known:
a misspelt rule or option must stop the run with its name, not be ignored.

    [tool.reconcile.rules]
    field-quality = "off"                    # severity: off | info | warning | error
    [tool.reconcile.rules.cross-event]
    severity = "warning"
    max-gap-days = 30                        # an option the rule declares (RuleInfo.options)

    --rule RC201=warning  --rule cross-event.max-gap-days=30
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping

from .model import RuleInfo

LEVELS = ("off", "info", "warning", "error")
KINDS = {int: "a whole number", float: "a number", bool: "true or false", str: "text"}


class SettingsError(Exception):
    """A rule setting that names no rule or option, or has a value of the wrong kind."""


def rule_index(rules: Iterable[RuleInfo]) -> dict[str, RuleInfo]:
    """Each rule under its id and its code (codes matched without regard to case)."""
    out: dict[str, RuleInfo] = {}
    for info in rules:
        out[info.id] = info
        out[info.code.lower()] = info
    return out


def find_rule(index: Mapping[str, RuleInfo], name: str, where: str) -> RuleInfo:
    info = index.get(name) or index.get(name.lower())
    if info is None:
        raise SettingsError(f"{where}: unknown rule {name!r} (see `reconcile rules`)")
    return info


def _value(info: RuleInfo, name: str, value: object, where: str) -> object:
    """The option's value, of the kind its default is (text from --rule is converted)."""
    defaults = dict(info.options)
    if name not in defaults:
        known = ", ".join(defaults) or "none"
        raise SettingsError(f"{where}: unknown option {name!r} of rule {info.id} "
                            f"(options: {known})")
    kind: type = type(defaults[name])
    if isinstance(value, str) and kind is not str:
        with contextlib.suppress(KeyError, ValueError):
            value = {"true": True, "false": False}[value.lower()] if kind is bool else kind(value)
    if type(value) is not kind:
        raise SettingsError(f"{where}: option {info.id}.{name} must be {KINDS[kind]}")
    return value


def _level(info: RuleInfo, value: object, where: str) -> str:
    if value not in LEVELS:
        raise SettingsError(f"{where}: severity of {info.id} must be off, info, warning or error")
    return str(value)


def resolve(configured: Mapping[str, object], given: Iterable[str], rules: Iterable[RuleInfo],
            config_path: str | None = None) -> dict[str, object]:
    """Context.options from the configuration's rules table, then --rule (which wins).

    Keys: "severity.<rule-id>" and "<rule-id>.<option>"."""
    index = rule_index(rules)
    out: dict[str, object] = {}
    where = f"{config_path or 'configuration'}: rules"
    for name, value in configured.items():
        info = find_rule(index, name, where)
        table = value if isinstance(value, dict) else {"severity": value}
        for key, item in table.items():
            if key == "severity":
                out[f"severity.{info.id}"] = _level(info, item, f"{where}.{name}")
            else:
                out[f"{info.id}.{key}"] = _value(info, key, item, f"{where}.{name}")
    for setting in given:
        name, sep, value = setting.partition("=")
        where = f"--rule {setting}"
        if not sep or not name or not value:
            raise SettingsError(f"{where}: give NAME=LEVEL or NAME.OPTION=VALUE")
        rule, _, option = name.partition(".")
        info = find_rule(index, rule, where)
        if option:
            out[f"{info.id}.{option}"] = _value(info, option, value, where)
        else:
            out[f"severity.{info.id}"] = _level(info, value, where)
    return out
