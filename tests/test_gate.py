"""Gate wiki edits (issue 7): reconcile diff, --revisions, --baseline, config, cache, hooks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
EDITS = ROOT / "fixtures" / "edits"
BIN = str(Path(sys.executable).parent)


def diff(*args: str, cwd: Path | None = None, monkeypatch=None):
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(cli, ["diff", *map(str, args)])


def case(name: str) -> tuple[Path, Path]:
    folder = EDITS / name
    return next(folder.glob("old.*")), next(folder.glob("new.*"))


def gate_json(name: str, *extra: str, context=(SEEDS,)):
    old, new = case(name)
    ctx = [a for c in context for a in ("--context", str(c))]
    result = diff(old, new, *ctx, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def rules_of(findings):
    return sorted((f["severity"], f["rule"]) for f in findings)


# ---- the four edit fixtures ----------------------------------------------------------------


def test_date_change_that_contradicts_other_sources_fails():
    code, out = gate_json("date_contradiction")
    assert code == 1
    assert ("error", "value-conflict") in rules_of(out["introduced"])
    assert out["gate"]["fails"] is True
    conflict = next(f for f in out["introduced"] if f["rule"] == "value-conflict")
    assert {e["source"] for e in conflict["evidence"]} >= {"new", "002_591bf5aba4f25233"}


def test_date_change_contradicting_another_article_in_another_domain():
    old, new = case("article_date")
    result = diff(old, new, "--context", EDITS / "article_date" / "context", "--format", "wikitext")
    assert result.exit_code == 1
    assert result.stdout.count("{{Contradict-other|Amara Nwosu|reason=") == 1
    assert "21 May 1971" in result.stdout and "12 May 1971" in result.stdout


def test_spelling_fix_resolves_and_passes():
    code, out = gate_json("spelling_fix")
    assert code == 0
    assert out["introduced"] == []
    assert rules_of(out["resolved"]) == [("warning", "spelling-variant")]
    assert "Vasile" in out["resolved"][0]["message"]


def test_moving_paragraphs_introduces_nothing():
    code, out = gate_json("moved_paragraphs")
    assert code == 0
    assert out["introduced"] == [] and out["resolved"] == []
    assert out["unchanged"]  # the article's standing findings, at other offsets


def test_empty_infobox_field_is_info_and_passes_by_default():
    code, out = gate_json("empty_field")
    assert code == 0
    assert rules_of(out["introduced"]) == [("info", "field-quality")]
    assert "Launch Mass" in out["introduced"][0]["message"]
    code, _ = gate_json("empty_field", "--fail-on", "info")
    assert code == 1


def test_json_keeps_the_contract_fields(validate_report):
    _, out = gate_json("date_contradiction")
    for key in ("schema_version", "tool", "sources", "entities", "claims", "findings",
                "agreements", "problems", "summary"):
        assert key in out
    contract = {k: v for k, v in out.items() if k not in ("gate", "introduced", "resolved",
                                                          "unchanged")}
    validate_report(contract)
    n = len(out["introduced"]) + len(out["unchanged"])
    assert n == len(out["findings"])


def test_context_only_findings_never_count_as_introduced():
    # an unchanged article against a context full of its own findings
    old, _ = case("moved_paragraphs")
    result = diff(old, old, "--context", SEEDS, "--format", "json", "--fail-on", "info")
    out = json.loads(result.stdout)
    assert result.exit_code == 0 and out["introduced"] == [] and out["resolved"] == []


@pytest.mark.parametrize("fmt", ["sarif", "junit", "html", "markdown"])
def test_views_hold_only_introduced(fmt):
    old, new = case("date_contradiction")
    result = diff(old, new, "--context", SEEDS, "--format", fmt)
    assert result.exit_code == 1, result.output
    text = result.stdout
    assert "19 September 2023" in text
    if fmt == "sarif":
        assert len(json.loads(text)["runs"][0]["results"]) == 2
    if fmt == "junit":
        assert "field-quality" not in text
    if fmt == "markdown":
        assert text.startswith("## reconcile diff: 2 introduced, 0 resolved")


def test_input_errors_exit_2(tmp_path):
    old, new = case("date_contradiction")
    assert diff(tmp_path / "missing.txt", new).exit_code == 2
    assert diff(old, new, "--context", tmp_path / "nope").exit_code == 2
    assert diff(old).exit_code == 2  # usage
    bad = tmp_path / "dump.xml"
    bad.write_text("<mediawiki><page><title>x</title><revision><text>", encoding="utf-8")
    assert diff("--revisions", bad).exit_code == 2


# ---- revisions -----------------------------------------------------------------------------


def test_revisions_check_each_consecutive_pair():
    dump = EDITS / "article_date" / "history.xml"
    result = diff("--revisions", dump, "--context", EDITS / "article_date" / "context",
                  "--format", "json")
    assert result.exit_code == 1
    pairs = json.loads(result.stdout)["revisions"]
    assert [(p["old_revision"], p["new_revision"]) for p in pairs] == [("101", "102"),
                                                                       ("102", "103")]
    assert [p["gate"]["introduced"] for p in pairs] == [1, 0]
    assert [p["gate"]["resolved"] for p in pairs] == [0, 1]


def test_iter_revisions_streams_and_clears(tmp_path):
    from reconcile.gate import iter_revisions

    revs = list(iter_revisions(str(EDITS / "article_date" / "history.xml")))
    assert [r.id for r in revs] == ["101", "102", "103"]
    assert revs[0].title == "2022 Westmarch mayoral election"
    assert "born on 21 May 1971" in revs[1].text
    two = tmp_path / "two.xml"
    two.write_text("<mediawiki><page><title>a</title></page><page><title>b</title></page>"
                   "</mediawiki>", encoding="utf-8")
    with pytest.raises(ValueError):
        list(iter_revisions(str(two)))


# ---- the gate as a library ---------------------------------------------------------------


def test_gate_api_identity_and_new_article():
    from reconcile.gate import edit_documents, gate, identity
    from reconcile.read import read_paths

    context, _ = read_paths([str(p) for p in sorted(SEEDS.glob("00[123]*.txt"))])
    old_path, new_path = case("moved_paragraphs")
    old, new = edit_documents(old_path.read_text(), new_path.read_text(), str(new_path), "art")
    assert old.id == new.id == "art" and old.path == new.path
    moved = gate(old, new, context)
    assert not moved.introduced and not moved.resolved
    # same identity, different offsets
    by_id = {identity(f): f for f in moved.old_report.findings}
    shifted = [f for f in moved.report.findings if identity(f) in by_id
               and [e.start for e in f.evidence]
               != [e.start for e in by_id[identity(f)].evidence]]
    assert shifted
    fresh = gate(None, new, context)  # a new article: everything quoting it is introduced
    assert fresh.introduced and all(any(e.source == "art" for e in f.evidence)
                                    for f in fresh.introduced)
    with pytest.raises(ValueError):
        gate(old, edit_documents(None, new.text, new.path, "other")[1], context)


def test_wikitext_reason_cannot_break_the_template():
    import mwparserfromhell

    from reconcile.gate import wiki_escape

    nasty = "a | b }} c = d {{x}} [[L]] <ref>r</ref> ~~~~ ''it'' &amp;"
    tag = "{{Contradictory inline|reason=" + wiki_escape(nasty) + "}}"
    templates = mwparserfromhell.parse(tag).filter_templates()
    assert len(templates) == 1
    params = templates[0].params
    assert [str(p.name) for p in params] == ["reason"]
    assert not re.search(r"[|{}\[\]<>~=]|''", str(params[0].value))


# ---- baseline --------------------------------------------------------------------------------


def test_check_baseline_counts_only_new_findings(tmp_path):
    runner = CliRunner()
    accepted = tmp_path / "accepted.json"
    first = runner.invoke(cli, ["check", str(SEEDS), "--format", "json", "--output",
                                str(accepted), "--fail-on", "info"])
    assert first.exit_code == 1
    again = runner.invoke(cli, ["check", str(SEEDS), "--format", "json", "--fail-on", "info",
                                "--baseline", str(accepted)])
    assert again.exit_code == 0
    assert "[new]" not in again.stdout
    # one edited article: only what the edit adds is new and marked
    work = tmp_path / "articles"
    work.mkdir()
    for p in SEEDS.glob("*.txt"):
        (work / p.name).write_bytes(p.read_bytes())
    accepted2 = tmp_path / "accepted2.json"
    runner.invoke(cli, ["check", str(work), "--format", "json", "--output", str(accepted2)])
    _, new = case("date_contradiction")
    (work / "001_5c08b23959696cf2.txt").write_bytes(new.read_bytes())
    edited = runner.invoke(cli, ["check", str(work), "--format", "json", "--baseline",
                                 str(accepted2)])
    assert edited.exit_code == 1
    marked = [f for f in json.loads(edited.stdout)["findings"]
              if f["message"].startswith("[new] ")]
    assert {f["rule"] for f in marked} == {"value-conflict", "cross-event"}
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert runner.invoke(cli, ["check", str(SEEDS), "--format", "json",
                               "--baseline", str(bad)]).exit_code == 2


# ---- configuration ----------------------------------------------------------------------------


def test_config_found_upwards_and_overridden(tmp_path, monkeypatch):
    old, new = case("empty_field")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.reconcile]\nfail-on = "info"\nformat = "markdown"\n'
        f'context = ["{SEEDS.as_posix()}"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    result = diff(old, new)
    assert result.exit_code == 1  # fail-on info from the file
    assert result.stdout.startswith("## reconcile diff: 1 introduced")  # format from the file
    assert diff(old, new, "--fail-on", "error").exit_code == 0  # the command line wins
    # reconcile.toml, nearer, wins over pyproject.toml; rules.<id> = off silences a rule
    (sub / "reconcile.toml").write_text(
        f'fail-on = "info"\ncontext = ["{SEEDS.as_posix()}"]\n[rules]\nfield-quality = "off"\n',
        encoding="utf-8")
    result = diff(old, new, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["introduced"] == []
    (sub / "reconcile.toml").write_text('[rules]\nfield-quality = "loud"\n', encoding="utf-8")
    result = diff(old, new)
    assert result.exit_code == 2 and "field-quality" in result.stderr


def test_config_severity_override(tmp_path):
    from reconcile.config import load_config

    (tmp_path / "reconcile.toml").write_text(
        '[tool.reconcile]\nrules.field-quality = "error"\n', encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.options() == {"severity.field-quality": "error"}
    old, new = case("empty_field")
    result = subprocess.run([sys.executable, "-m", "reconcile", "diff", str(old), str(new),
                             "--context", str(SEEDS)], cwd=tmp_path, capture_output=True,
                            text=True)
    assert result.returncode == 1, result.stderr


# ---- cache ----------------------------------------------------------------------------------


def test_cache_gives_the_same_answer_and_survives_damage(tmp_path):
    cache = tmp_path / "cache"
    old, new = case("date_contradiction")
    args = [old, new, "--context", SEEDS, "--format", "json", "--cache", cache]
    first = diff(*args)
    files = sorted(cache.glob("*.pickle"))
    assert len(files) == 5  # three context documents, OLD and NEW
    second = diff(*args)
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout == diff(*args[:-2]).stdout
    files[0].write_bytes(b"not a pickle")
    assert diff(*args).stdout == first.stdout
    assert not list(cache.glob(".tmp-*"))


def test_cache_hits_and_keys():
    from reconcile.cache import cache_key
    from reconcile.gate import edit_documents

    old, new = edit_documents("= A =\n\nA text.\n", "= A =\n\nA text!\n", "a.txt", "a")
    assert cache_key(old) != cache_key(new)
    _, renamed = edit_documents(None, old.text, "a.txt", "b")
    assert cache_key(old) != cache_key(renamed)  # spans carry the source id


def test_cache_counts(tmp_path):
    from reconcile.cache import ExtractionCache
    from reconcile.gate import edit_documents

    cache = ExtractionCache(str(tmp_path))
    extract = cache.extractor()
    _, doc = edit_documents(None, "= A =\n\nOleg Novitsky flew on 3 May 2020.\n", "a.txt", "a")
    first = extract(doc)
    second = extract(doc)
    assert (cache.hits, cache.misses) == (1, 1)
    assert first == second


# ---- the diff path stays light ----------------------------------------------------------------


def test_diff_json_path_imports_no_heavy_libraries():
    """The gate runs per edit: process start is most of its time (budget 0.3 s, see
    tests/bench/bench_gate.py). numpy is only for big alignment blocks; the wikitext and HTML
    parsers only for inputs in those formats (these are plain text)."""
    old, new = case("date_contradiction")
    code = (
        "import sys\n"
        "from reconcile.cli import cli\n"
        f"args = ['diff', {str(old)!r}, {str(new)!r}, '--context', {str(SEEDS)!r}, "
        "'--format', 'json', '--output', '-']\n"
        "try:\n    cli.main(args, prog_name='reconcile')\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "heavy = sorted(m for m in ('pandas', 'jinja2', 'dask', 'pyarrow', 'numpy', "
        "'mwparserfromhell', 'selectolax', 'charset_normalizer') if m in sys.modules)\n"
        "print('HEAVY', heavy, code, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY [] 1" in result.stderr, result.stderr[-2000:]


# ---- pre-commit hook and CI example ----------------------------------------------------------


def _load_yaml(text: str):
    try:
        import yaml
    except ImportError:  # pragma: no cover - a tiny reader for the flat hook file
        items, cur = [], None
        for line in text.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("- "):
                cur = {}
                items.append(cur)
                line = "  " + line[2:]
            key, _, value = line.strip().partition(": ")
            value = value.strip()
            if value.startswith("["):
                value = [v.strip() for v in value.strip("[]").split(",") if v.strip()]
            elif value in ("true", "false"):
                value = value == "true"
            cur[key] = value
        return items
    return yaml.safe_load(text)


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}


def test_pre_commit_hook_runs_its_entry(tmp_path):
    hooks = _load_yaml((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "reconcile-check")
    assert hook["pass_filenames"] is True and hook["types"] == ["text"]
    entry = hook["entry"].split()
    assert entry[0] == "reconcile"
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    ok = subprocess.run(entry + files, capture_output=True, text=True, env=_env())
    assert ok.returncode == 0, ok.stderr  # the seeds hold warnings and notes, no error
    assert "## reconcile:" in ok.stdout
    _, new = case("date_contradiction")
    changed = [f for f in files if "001_" not in f] + [str(new)]
    bad = subprocess.run(entry + changed, capture_output=True, text=True, env=_env())
    assert bad.returncode == 1 and "value-conflict" in bad.stdout


def test_readme_workflow_gates_a_pull_request(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Gate wiki edits", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    workflow = _load_yaml(block)
    steps = workflow["jobs"]["gate"]["steps"]
    script = next(s["run"] for s in steps if "reconcile diff" in s.get("run", ""))
    script = script.replace("${{ github.base_ref }}", "main")
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    for p in SEEDS.glob("*.txt"):
        (repo / "articles" / p.name).write_bytes(p.read_bytes())

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "base")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    _, new = case("date_contradiction")
    (repo / "articles" / "001_5c08b23959696cf2.txt").write_bytes(new.read_bytes())
    git("commit", "-qam", "edit")
    summary = tmp_path / "summary.md"
    env = {**_env(), "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(tmp_path)}
    run = subprocess.run(["bash", "-c", script], cwd=repo, env=env, capture_output=True,
                         text=True)
    assert run.returncode == 1, run.stderr
    assert "## reconcile diff: 2 introduced" in summary.read_text(encoding="utf-8")
    sarif = json.loads((repo / "reconcile-sarif" / "001_5c08b23959696cf2.txt.sarif").read_text())
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"value-conflict",
                                                                   "cross-event"}
