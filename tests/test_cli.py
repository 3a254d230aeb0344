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


# ---- configuration: reconcile.toml or pyproject.toml [tool.reconcile], found upwards -----------


def test_config_sets_check_options_and_the_command_line_wins(tmp_path):
    text = "= Many =\n\n" + "".join(f"Probe {i} launched on {1 + i % 28} May 2001.\n" for i in range(60))
    (tmp_path / "many.txt").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reconcile]\nfail-on = "warning"\nformat = "json"\nmax-claims = 10\n', encoding="utf-8")
    work = tmp_path / "sub"
    work.mkdir()
    proc = run("check", str(tmp_path / "many.txt"), cwd=work)
    assert proc.returncode == 2, proc.stderr  # the claim limit from the file was met
    assert "--max-claims" in proc.stderr and len(json.loads(proc.stdout)["claims"]) <= 10
    proc = run("check", str(tmp_path / "many.txt"), "--max-claims", "1000", cwd=work)
    assert proc.returncode in (0, 1) and "--max-claims" not in proc.stderr, proc.stderr
    seeds = ("check", str(SEEDS), "--max-claims", "1000")
    assert run(*seeds, cwd=work).returncode == 1  # fail-on warning from the file
    assert run(*seeds, "--fail-on", "error", cwd=work).returncode == 0


def test_config_rule_severity_and_format_apply_to_check(tmp_path):
    (tmp_path / "reconcile.toml").write_text(
        'format = "markdown"\n[rules]\nspelling-variant = "off"\n', encoding="utf-8")
    plain = json.loads(run("check", str(SEEDS), "--format", "json").stdout)
    assert any(f["rule"] == "spelling-variant" for f in plain["findings"])
    proc = run("check", str(SEEDS), cwd=tmp_path)
    assert proc.stdout.startswith("#") and "spelling-variant" not in proc.stdout, proc.stdout[:500]
    configured = json.loads(run("check", str(SEEDS), "--format", "json", cwd=tmp_path).stdout)
    assert configured["findings"] == [f for f in plain["findings"]
                                      if f["rule"] != "spelling-variant"]


def test_bad_config_is_one_line_naming_the_file(tmp_path):
    config = tmp_path / "reconcile.toml"
    for body in ('fail-on = "error\n', 'max-claims = "many"\n', 'format = "wikitext"\n',
                 'colour = "blue"\n'):
        config.write_text(body, encoding="utf-8")
        proc = run("check", str(SEEDS), "--output", str(tmp_path / "r.out"), cwd=tmp_path)
        assert proc.returncode == 2 and proc.stdout == "", proc.stderr
        assert proc.stderr.count("\n") == 1 and str(config) in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr


def test_output_to_a_pipe_or_device_is_written_in_place(tmp_path):
    """Renaming a temporary file over /dev/null would replace the device (as root it can):
    devices and pipes are written directly."""
    import os
    import stat
    import threading

    from reconcile.cli import check_writable, write_atomic

    fifo = str(tmp_path / "pipe")
    os.mkfifo(fifo)
    got: list[str] = []

    def read() -> None:
        with open(fifo, encoding="utf-8") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read)
    reader.start()
    check_writable(fifo)
    write_atomic(fifo, "report\n")
    reader.join(10)
    assert got == ["report\n"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(os.listdir(tmp_path)) == ["pipe"]  # no temporary file left beside it


def test_several_formats_in_one_run(tmp_path, validate_report):
    import xml.etree.ElementTree as ET

    import pandas as pd

    proc = run("check", str(SEEDS), "--format", "html,json,sarif,junit,markdown,csv,parquet",
               "--output-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"reconcile-report.{e}" for e in
                     ("csv", "html", "json", "md", "parquet", "sarif", "xml")]
    report = json.loads((tmp_path / "reconcile-report.json").read_text(encoding="utf-8"))
    validate_report(report)
    ids = [f["id"] for f in report["findings"]]
    assert json.loads((tmp_path / "reconcile-report.sarif").read_text())["version"] == "2.1.0"
    ET.parse(tmp_path / "reconcile-report.xml")
    table = pd.read_parquet(tmp_path / "reconcile-report.parquet", dtype_backend="pyarrow")
    assert table["id"].tolist() == ids
    assert pd.read_csv(tmp_path / "reconcile-report.csv")["id"].tolist() == ids
    assert "<!DOCTYPE html>" in (tmp_path / "reconcile-report.html").read_text()[:200]


def test_csv_to_stdout_and_format_errors(tmp_path):
    proc = run("check", str(SEEDS), "--format", "csv")
    assert proc.returncode == 0 and proc.stdout.startswith("id,rule,code,severity,")
    for args, words in ((["--format", "parquet"], "parquet is binary"),
                        (["--format", "html,json"], "several formats need --output-dir"),
                        (["--format", "json,xml"], "format 'xml' is not a check format"),
                        (["--format", "json", "--output", str(tmp_path / "r.json"),
                          "--output-dir", str(tmp_path)], "not both")):
        proc = run("check", str(SEEDS), *args)
        assert proc.returncode == 2 and words in proc.stderr, (args, proc.stderr)
    assert not list(tmp_path.iterdir())  # nothing written before the error
