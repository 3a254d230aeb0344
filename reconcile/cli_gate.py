"""`reconcile diff OLD NEW`: gate one edit (see reconcile.gate).

Exit status: 0 when nothing introduced is at or above --fail-on, 1 when something is, 2 on a
usage, configuration or input error (the report is still written when only context files
failed to read).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from .cli import (
    MAX_BYTES,
    RULE_HELP,
    SEVERITIES,
    check_writable,
    either,
    fail,
    load_settings,
    pick_format,
    read_baselines,
    rule_options,
    write_atomic,
)

DIFF_FORMATS = ("json", "markdown", "sarif", "junit", "html", "wikitext")
REVISION_FORMATS = ("json", "markdown", "wikitext")


def render_gate(result, fmt: str, fail_on: str) -> str:
    if fmt == "json":
        return result.to_json(fail_on)
    if fmt == "markdown":
        from .gate import markdown_comment

        return markdown_comment(result, fail_on)
    if fmt == "wikitext":
        from .gate import wikitext_suggestions

        return wikitext_suggestions(result)
    from .cli import render

    return render(result.introduced_report(), fmt)


def _write(text: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def _stem_id(path: str, taken: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(path).stem) or "source"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def _read_text(path: str, max_bytes: int) -> str:
    from .read import InputError, decode

    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the limit of {max_bytes:,}")
        with open(path, "rb") as fh:
            return decode(fh.read(), path)[0]
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


@click.command("diff")
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--context", "-c", multiple=True, help="Context file or folder (repeatable). "
              "Default: `context` from the configuration.")
@click.option("--revisions", default=None, help="MediaWiki XML export of one page: check "
              "each consecutive pair of revisions (instead of OLD NEW).")
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), default=None,
              help="Output format (default json, or `format` from the configuration).")
@click.option("--output", "-o", default=None, help="Output file ('-' or absent: stdout).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when an introduced finding is at or above this (default error).")
@click.option("--cache", "cache_dir", default=None,
              help="Folder for per-document extraction results, keyed by content hash.")
@click.option("--format-in", type=click.Choice(("encyclopedia", "news", "text", "wikitext", "html")),
              default=None, help="Read OLD and NEW in this format instead of detecting it.")
@click.option("--max-bytes", type=int, default=None,
              help=f"Largest input file read (default {MAX_BYTES}).")
@click.option("--rule", "rule_settings", multiple=True, metavar="NAME=LEVEL", help=RULE_HELP)
def diff(old: str | None, new: str | None, context: tuple[str, ...], revisions: str | None,
         fmt: str | None, output: str | None, fail_on: str | None, cache_dir: str | None,
         format_in: str | None, max_bytes: int | None, rule_settings: tuple[str, ...]) -> None:
    """Gate an edit: the findings NEW introduces (and resolves) against the context."""
    from .read import InputError, read_paths
    from .rules import RuleLoadError
    from .vocab import PackError

    cfg = load_settings()
    fmt = pick_format(fmt, cfg, DIFF_FORMATS, "json", "diff")
    fail_on = either(fail_on, cfg.fail_on, "error")
    max_bytes = either(max_bytes, cfg.max_bytes, MAX_BYTES)
    options = rule_options(cfg, rule_settings)
    if revisions:
        if old or new:
            raise click.UsageError("give either OLD NEW or --revisions, not both")
        if fmt not in REVISION_FORMATS:
            raise click.UsageError(f"--revisions writes {', '.join(REVISION_FORMATS)}")
    elif not (old and new):
        raise click.UsageError("give OLD and NEW (or --revisions dump.xml)")
    if output is not None:
        check_writable(output)
    context = context or cfg.context
    extract = None
    if cache_dir:
        from .cache import ExtractionCache

        try:
            extract = ExtractionCache(cache_dir).extractor()
        except OSError as exc:
            fail(f"{cache_dir}: cannot use as cache: {exc.strerror or exc}")
            sys.exit(2)
    texts: list[str] = []
    for path in (old, new) if not revisions else ():
        try:
            texts.append(_read_text(path, max_bytes))  # type: ignore[arg-type]
        except InputError as exc:
            fail(f"{path}: {exc}")
            sys.exit(2)
    # the edited article itself may sit in a context folder: as a file or as an identical copy
    edited = {os.path.realpath(p) for p in (old, new, revisions) if p}
    docs, problems = read_paths(context, None, max_bytes) if context else ([], [])
    docs = [d for d in docs if os.path.realpath(d.path) not in edited and d.text not in texts]
    for p in problems:
        fail(p.line())
    taken = {d.id for d in docs}
    try:
        if revisions:
            results = list(_revision_pairs(revisions, docs, problems, options, extract, taken))
        else:
            from .gate import edit_documents, gate

            try:
                pair = edit_documents(texts[0], texts[1], str(new), _stem_id(str(new), taken),
                                      format_in)
            except InputError as exc:
                fail(f"{new}: {exc}")
                sys.exit(2)
            results = [gate(pair[0], pair[1], docs, problems=problems, config=options,
                            extract=extract)]
    except (RuleLoadError, PackError, ValueError) as exc:
        fail(str(exc))
        sys.exit(2)
    _, decisions = read_baselines(None, cfg)  # review decisions: suppressed, never failing
    if decisions:
        results = [((a, b), r.with_decisions(decisions)) for (a, b), r in results] if revisions \
            else [r.with_decisions(decisions) for r in results]
    if revisions and fmt == "json":
        import json

        text = json.dumps({"revisions": [dict(r.to_dict(fail_on), old_revision=a, new_revision=b)
                                         for (a, b), r in results]},
                          ensure_ascii=False, indent=2) + "\n"
    elif revisions:
        text = "".join(f"<!-- revision {a} -> {b} -->\n" + render_gate(r, fmt, fail_on)
                       if fmt == "wikitext" else
                       f"# Revision {a} → {b}\n\n" + render_gate(r, fmt, fail_on)
                       for (a, b), r in results)
    else:
        text = render_gate(results[0], fmt, fail_on)
    try:
        _write(text, output)
    except OSError as exc:
        fail(f"{output}: cannot write report: {exc.strerror or exc}")
        sys.exit(2)
    if problems:
        sys.exit(2)
    gate_results = [r for _, r in results] if revisions else results
    sys.exit(1 if any(r.fails(fail_on) for r in gate_results) else 0)


def _revision_pairs(dump: str, docs, problems, options, extract, taken):
    """((old revision id, new revision id), GateResult) for each consecutive pair."""
    import xml.etree.ElementTree as ET

    from .gate import gate, iter_revisions
    from .read.wikitext import read_wikitext

    previous = None
    source_id = None
    try:
        for rev in iter_revisions(dump):
            if source_id is None:
                source_id = _stem_id(rev.title.replace(" ", "_") or dump, taken)
            doc = read_wikitext(rev.text, source_id=source_id, path=dump)
            if previous is not None:
                yield (previous[0], rev.id), gate(previous[1], doc, docs, problems=problems,
                                                  config=options, extract=extract)
            previous = (rev.id, doc)
    except (ET.ParseError, OSError) as exc:
        raise ValueError(f"{dump}: not a readable MediaWiki export: {exc}") from None
