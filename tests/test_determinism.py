"""Same corpus, same bytes: two PYTHONHASHSEED values and two path orders give byte-identical
JSON, SARIF and HTML from the command line (each run in its own process)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

FORMATS_DIR = ROOT / "fixtures" / "formats"


def corpus() -> list[str]:
    paths = sorted(str(p) for p in SEEDS.iterdir() if p.suffix == ".txt")
    if FORMATS_DIR.is_dir():
        paths += sorted(str(p) for p in FORMATS_DIR.iterdir() if p.is_file())
    return paths


def render(tmp_path, fmt: str, paths: list[str], seed: str) -> bytes:
    out = tmp_path / f"r-{seed}-{hash(tuple(paths)) & 0xffff}.{fmt}"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([sys.executable, "-m", "reconcile", "check", *paths, "--format", fmt,
                           "--output", str(out)], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])
def test_byte_identical_across_hash_seeds_and_path_orders(tmp_path, fmt):
    paths = corpus()
    assert len(paths) >= 4
    first = render(tmp_path, fmt, paths, "1")
    second = render(tmp_path, fmt, list(reversed(paths)), "2")
    assert first == second, f"{fmt}: output depends on hash seed or path order"
    assert len(first) > 1000


def test_records_pickle_round_trip(seed_report):
    """Audits ship records between processes: what arrives equals what was sent."""
    import pickle

    from reconcile.extract import extract
    from reconcile.read import read_paths

    docs, _ = read_paths([str(SEEDS)])
    for doc in docs:
        x = extract(doc)
        back = pickle.loads(pickle.dumps((doc, x), protocol=5))
        assert back == (doc, x)
    assert pickle.loads(pickle.dumps(seed_report.claims)) == seed_report.claims
