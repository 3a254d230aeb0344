"""The Dask engine: scoped rules checked per group, alignment shuffled on blocking keys, the
same findings as the local engine (on a 2-worker LocalCluster, and on a scheduler address)."""

from __future__ import annotations

import json
import os
import sys
import tomllib
from pathlib import Path

import pytest

from reconcile.pipeline import prepare
from reconcile.read import read_paths, read_text
from reconcile.rules import Context, load_rules, scope_of, split_context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures" / "synthetic"))
import generate  # noqa: E402

FIXTURE_DIRS = ("seeds", "formats", "extraction", "probes/bridge", "probes/film",
                "probes/merger", "probes/ship", "probes/storm", "probes/tour", "probes/tower",
                "probes/court")
SCOPED = [m for m in load_rules() if scope_of(m) != "corpus"]


def by_id(items) -> dict:
    out: dict = {}
    for item in items:
        out.setdefault(item.id, item)  # run_rules keeps the first of one id
    return out


def assert_scopes_hold(ctx: Context, where: str) -> int:
    """Each scoped rule, run on every group alone, finds exactly what it finds on ctx."""
    found = 0
    for module in SCOPED:
        scope = scope_of(module)
        groups = len(ctx.entities) if scope == "entity" else len(ctx.docs)
        alone = [item for part in split_context(ctx, scope, groups)
                 for item in module.check(part.context(ctx.vocab, ctx.options))]
        whole = by_id(module.check(ctx))
        assert by_id(alone) == whole, f"{module.RULE.id} is not {scope}-scoped on {where}"
        found += len(whole)
    return found


def test_scopes_declared_as_the_rules_read():
    scopes = {m.RULE.id: scope_of(m) for m in load_rules()}
    assert sorted(r for r, s in scopes.items() if s == "entity") == [
        "anachronism", "cross-event", "event-order", "self-contradiction", "spelling-variant",
        "value-conflict"]
    assert sorted(r for r, s in scopes.items() if s == "source") == [
        "field-quality", "text-residue"]
    assert len(scopes) == 14


def test_scoped_rules_find_per_group_what_they_find_on_the_generated_corpus(tmp_path):
    corpus = generate.write(str(tmp_path / "c"), 300, seed=7)
    docs, _ = read_paths([corpus])
    assert assert_scopes_hold(prepare(docs).ctx, "the generated corpus") > 100


@pytest.mark.parametrize("folder", FIXTURE_DIRS)
def test_scoped_rules_find_per_group_what_they_find_on_fixtures(folder):
    docs, _ = read_paths([str(ROOT / "fixtures" / folder)])
    assert docs
    assert_scopes_hold(prepare(docs).ctx, folder)


def test_scoped_rules_find_per_group_what_they_find_on_every_rule_case():
    cases = 0
    for path in sorted((ROOT / "fixtures" / "rules").glob("*/*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            docs = [read_text(d["text"], f"{d['id']}.txt", d["id"]) for d in case["doc"]]
            assert_scopes_hold(prepare(docs).ctx, f"{path.parent.name}: {case['name']}")
            cases += 1
    assert cases > 100


# ---- the engine on dask.distributed ------------------------------------------------------

DISTRIBUTED = ("align: surface keys", "align: near-miss blocks", "check: entity groups",
               "check: source groups")
needs_dask = pytest.mark.skipif(os.environ.get("RECONCILE_SKIP_DASK") == "1",
                                reason="dask disabled")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate.write(str(tmp_path_factory.mktemp("corpus")), 120, seed=3)


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    from reconcile.engine import audit

    return audit([corpus], str(tmp_path_factory.mktemp("local")), jobs=1, quiet=True,
                 use_cache=False, write=False)


def same_report(a, b) -> None:
    from reconcile.engine import findings_json

    assert findings_json(a) == findings_json(b)
    assert a.agreements == b.agreements and a.entities == b.entities and a.claims == b.claims


@needs_dask
def test_dask_engine_on_a_local_cluster_shuffles_and_checks_on_workers(corpus, local, tmp_path):
    pytest.importorskip("distributed")
    from reconcile.engine import audit

    result = audit([corpus], str(tmp_path / "d"), engine="dask", quiet=True, use_cache=False)
    same_report(result.report, local.report)
    stages = {s["stage"]: s for s in result.summary["distributed"]}
    assert sorted(stages) == sorted(DISTRIBUTED)
    assert all(s["partitions"] >= 2 and s["tasks"] > 0 for s in stages.values())
    assert stages["align: near-miss blocks"]["shuffle"] == "tasks"
    saved = json.loads((tmp_path / "d" / "summary.json").read_text())
    assert saved["distributed"] == result.summary["distributed"]
    assert "distributed" not in local.summary


@needs_dask
def test_dask_engine_on_a_scheduler_address(corpus, local, tmp_path):
    distributed = pytest.importorskip("distributed")
    from reconcile.engine import audit

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = audit([corpus], str(tmp_path / "d"), engine="dask", quiet=True,
                       scheduler=cluster.scheduler_address, use_cache=False, write=False)
        assert len(result.summary["distributed"]) == len(DISTRIBUTED)
    same_report(result.report, local.report)


@needs_dask
@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "no-such-scheme://x"])
def test_an_unreachable_scheduler_is_one_line(corpus, tmp_path, monkeypatch, address):
    pytest.importorskip("distributed")
    from click.testing import CliRunner

    from reconcile.cli import cli
    from reconcile.engine import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    res = CliRunner().invoke(cli, ["audit", corpus, "-o", str(tmp_path / "o"), "--engine",
                                   "dask", "--scheduler", address, "--quiet"])
    assert res.exit_code == 1, res.output
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reconcile: cannot connect to the Dask "
                                                   f"scheduler at {address}"), res.output
