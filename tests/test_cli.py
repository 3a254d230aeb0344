"""The command line: exit status, formats, error paths, atomic output, lean imports."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEEDS


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "reconcile", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT)


def test_json_to_stdout_and_exit_status(validate_report):
    proc = run("check", str(SEEDS), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    validate_report(json.loads(proc.stdout))
    assert run("check", str(SEEDS), "--format", "json", "--fail-on", "warning").returncode == 1


def test_html_report_written(tmp_path):
    out = tmp_path / "r.html"
    proc = run("check", str(SEEDS), "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "Vasileuskaya" in html and "Content-Security-Policy" in html


def test_bad_inputs_each_named_once_others_checked(tmp_path, validate_report):
    good = tmp_path / "good.txt"
    good.write_text((SEEDS / "001_5c08b23959696cf2.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02\xff" * 50)
    missing = tmp_path / "missing.txt"
    out = tmp_path / "r.json"
    proc = run("check", str(tmp_path), str(missing), "--format", "json", "--output", str(out))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert "Traceback" not in proc.stderr
    for name in ("empty.txt", "binary.bin", "missing.txt"):
        assert sum(name in line for line in lines) == 1, proc.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    validate_report(report)
    assert [s["path"].endswith("good.txt") for s in report["sources"]] == [True]
    assert {p["path"].rsplit("/", 1)[-1] for p in report["problems"]} >= {"empty.txt", "binary.bin", "missing.txt"}


def test_unwritable_output_fails_before_work(tmp_path):
    proc = run("check", str(SEEDS), "--format", "json", "--output", str(tmp_path / "no" / "r.json"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr and "Traceback" not in proc.stderr


def test_inputs_never_written(tmp_path):
    src = tmp_path / "a.txt"
    data = (SEEDS / "000_5aad77612f524626.txt").read_bytes()
    src.write_bytes(data)
    run("check", str(src), "--format", "json", "--output", str(tmp_path / "r.json"))
    assert src.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.json"]


def test_json_run_imports_neither_pandas_nor_jinja2(tmp_path):
    src, out = str(SEEDS / "000_5aad77612f524626.txt"), str(tmp_path / "r.json")
    code = (f"import sys, runpy; sys.argv=['reconcile','check',{src!r},'--format','json','--output',{out!r}]\n"
            "try:\n    runpy.run_module('reconcile', run_name='__main__')\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas','jinja2','dask','pyarrow')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stdout + proc.stderr


def test_legacy_encoding_is_read_and_the_decision_reported(tmp_path):
    text = "= Caf\u00e9 M\u00fcller =\n\nThe caf\u00e9 opened on 3 May 2001 in K\u00f6ln, said Jos\u00e9 M\u00fcller.\n"
    src = tmp_path / "legacy.txt"
    src.write_bytes(text.encode("cp1252"))
    proc = run("check", str(src), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "legacy.txt" in proc.stderr and "decoded as" in proc.stderr
    report = json.loads(proc.stdout)
    assert report["sources"][0]["title"] == "Caf\u00e9 M\u00fcller"
