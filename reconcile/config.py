"""Settings from `reconcile.toml` or `pyproject.toml` [tool.reconcile], found upwards.

Keys: fail-on, format, max-bytes, max-claims (check only), context (diff only: paths, relative
to the file), baseline (check and review: the decision file, relative to the file), rules.<rule-id> = off | info | warning | error, or a [rules.<rule-id>] table of
severity and the rule's options (checked against the rules by reconcile.rule_settings). The
command line overrides each of them; the commands check the values against their own choices.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

SEVERITIES = ("error", "warning", "info")
KNOWN = {"fail-on", "format", "max-bytes", "max-claims", "context", "rules", "baseline"}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Config:
    path: str | None = None
    fail_on: str | None = None
    format: str | None = None
    context: tuple[str, ...] = ()
    rules: dict[str, str | dict] = field(default_factory=dict)
    max_bytes: int | None = None
    max_claims: int | None = None
    baseline: str | None = None

    def options(self) -> dict[str, str]:
        """What check_documents takes as config: {"severity.<rule-id>": value}."""
        return {f"severity.{rule}": value for rule, value in self.rules.items()
                if isinstance(value, str)}


def find_config(start: str | os.PathLike[str] | None = None) -> tuple[Path, dict] | None:
    """The nearest reconcile.toml, or pyproject.toml with [tool.reconcile], and its table."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "reconcile.toml"
        if own.is_file():
            table = _load(own)
            return own, table.get("tool", {}).get("reconcile", table)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _load(pyproject).get("tool", {}).get("reconcile")
            if table is not None:
                return pyproject, table
    return None


def _load(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None


def load_config(start: str | os.PathLike[str] | None = None,
                formats: tuple[str, ...] | None = None) -> Config:
    found = find_config(start)
    if found is None:
        return Config()
    path, table = found
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.reconcile] is not a table")
    unknown = sorted(set(table) - KNOWN)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(unknown)} "
                          f"(known: {', '.join(sorted(KNOWN))})")
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(SEVERITIES)}")
    fmt = table.get("format")
    if fmt is not None and (not isinstance(fmt, str) or (formats and fmt not in formats)):
        raise ConfigError(f"{path}: format must be one of {', '.join(formats or ())}")
    context = table.get("context", [])
    if isinstance(context, str):
        context = [context]
    if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
        raise ConfigError(f"{path}: context must be a list of paths")
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{path}: [rules] must be a table of rule-id = severity")
    for rule, value in rules.items():
        if not isinstance(value, dict) and value not in (*SEVERITIES, "off"):
            raise ConfigError(f"{path}: rules.{rule} must be off, info, warning or error")
    limits = {key: table.get(key) for key in ("max-bytes", "max-claims")}
    for key, value in limits.items():
        if value is not None and (type(value) is not int or value < 1):
            raise ConfigError(f"{path}: {key} must be a whole number of at least 1")
    baseline = table.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigError(f"{path}: baseline must be a path")
    base = path.parent
    paths = tuple(str(base / c) if not os.path.isabs(c) else c for c in context)
    return Config(str(path), fail_on, fmt, paths, dict(rules), limits["max-bytes"],
                  limits["max-claims"], str(base / baseline) if baseline else None)
