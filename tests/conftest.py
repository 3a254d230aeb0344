"""Shared fixtures: the seed corpus checked once per session, and the JSON schema."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SCHEMA = ROOT / "reconcile" / "schema" / "report.schema.json"


@pytest.fixture(scope="session")
def seed_report():
    import reconcile

    return reconcile.check([str(SEEDS)])


@pytest.fixture(scope="session")
def seed_json(seed_report):
    return json.loads(seed_report.to_json())


@pytest.fixture(scope="session")
def validate_report():
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))

    def validate(doc: dict) -> None:
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return validate


def dated_rows(report, keep) -> list[tuple[str, str, str, str]]:
    """(predicate, subject's name, ISO date, quoted words) of the dated claims `keep` selects,
    sorted: how the probe tests say whose each event is."""
    names = {e.id: e.name for e in report.entities}
    return sorted((c.predicate, names.get(c.subject, ""), c.value.iso(), c.span.text)
                  for c in report.claims if keep(c))


@functools.cache
def probe_report(name: str):
    """The report on fixtures/probes/<name>, made once per test session (reports are
    immutable)."""
    import reconcile

    return reconcile.check([str(ROOT / "fixtures" / "probes" / name)])
