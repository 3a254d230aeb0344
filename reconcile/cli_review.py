"""`reconcile review ID --as DECISION --reason TEXT PATH...`: record a decision on a finding.

The paths are checked as `check` would (same configuration) to find the finding and its
content; the decision is written to the baseline file atomically, replacing an earlier one for
the same finding. Scriptable: every input is an option, the result is one line on stderr.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sys

import click

from .cli import (
    MAX_BYTES,
    check_writable,
    decision_file,
    either,
    fail,
    load_settings,
    read_json,
    rule_options,
    write_atomic,
)
from .review import DECISIONS, DEFAULT_FILE


def _date(text: str | None) -> str:
    if text is None:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a date YYYY-MM-DD",
                                 param_hint="--date") from None


@click.command("review")
@click.argument("finding")
@click.argument("paths", nargs=-1, required=True)
@click.option("--as", "decision", type=click.Choice(DECISIONS), required=True,
              help="The decision.")
@click.option("--reason", required=True, help="Why: shown wherever the finding is shown.")
@click.option("--by", default=None, help="Who decided (default: the login name).")
@click.option("--date", default=None, help="Date of the decision, YYYY-MM-DD (default today).")
@click.option("--baseline", default=None, help=f"Decision file (default: `baseline` from the "
              f"configuration, else {DEFAULT_FILE}).")
def review(finding: str, paths: tuple[str, ...], decision: str, reason: str, by: str | None,
           date: str | None, baseline: str | None) -> None:
    """Record FINDING (its id, fingerprint or a unique start of either) in PATH... as accepted,
    a false positive or intentional. `check` then shows it as suppressed and does not count it."""
    from .api import check_documents
    from .read import read_paths
    from .review import find, fingerprint, is_decision_file, load_decisions, record

    if not reason.strip():
        raise click.BadParameter("give a reason", param_hint="--reason")
    day = _date(date)
    by = by or getpass.getuser()
    cfg = load_settings()
    path = baseline or decision_file(None, cfg) or DEFAULT_FILE
    check_writable(path)
    data = read_json(path, "baseline") if os.path.exists(path) else None
    if data is not None:
        try:
            if not is_decision_file(data):
                raise ValueError("not a decision baseline (no decisions list)")
            load_decisions(data)
        except ValueError as exc:
            fail(f"{path}: cannot use as baseline: {exc}")
            sys.exit(2)
    docs, problems = read_paths(paths, None, either(None, cfg.max_bytes, MAX_BYTES))
    for p in problems:
        fail(p.line())
    report = check_documents(docs, problems, config=rule_options(cfg, ()))
    found = find(report, finding)
    if len(found) != 1:
        fail(f"{finding}: " + ("no such finding in " + " ".join(paths) if not found else
                               f"names {len(found)} findings; give more of the id"))
        sys.exit(2)
    write_atomic(path, record(data, found[0], decision, reason.strip(), by, day))
    fail(f"{fingerprint(found[0])} recorded as {decision} in {path}")
