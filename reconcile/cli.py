"""Command line: `reconcile check PATH...`.

Exit status (CONTRACT.md): 0 nothing at or above --fail-on, 1 something is, 2 usage or input
error. Each unreadable input is one line on stderr naming the file; the rest are still checked
and the report is still written.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable

import click

from . import __version__

FORMATS = ("html", "json", "sarif", "junit", "markdown", "csv", "parquet")
# file names when several formats are written to one folder (--output-dir)
EXTENSIONS = {"html": "html", "json": "json", "sarif": "sarif", "junit": "xml",
              "markdown": "md", "csv": "csv", "parquet": "parquet"}
# annotated: cli_gate imports it back while cli is still loading (the cycle hides its type)
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


def write_atomic(path: str, text: str | Iterable[str]) -> None:
    """Write to a temporary file beside the target, then rename: never half a report.

    `text` may come in parts (a large table a batch of rows at a time). A device or pipe
    (/dev/null, /dev/stdout, a FIFO) is written in place: renaming over it would replace the
    device with a regular file."""
    parts = [text] if isinstance(text, str) else text
    if _special(path):
        with open(path, "w", encoding="utf-8", newline="") as fh:
            for part in parts:
                fh.write(part)
        return
    import tempfile  # here, not at the top: a report on stdout never needs it (~4 ms to import)

    directory = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".reconcile-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for part in parts:
                fh.write(part)
        umask = os.umask(0)
        os.umask(umask)
        mode = os.stat(path).st_mode & 0o777 if os.path.exists(path) else 0o666 & ~umask
        os.chmod(tmp, mode)  # mkstemp makes 0600; keep the old file's mode or the usual one
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _special(path: str) -> bool:
    """An existing output that is neither a regular file nor a folder (a device or a pipe)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def check_writable(path: str) -> None:
    """Fail before any work when the report could not be written."""
    if path == "-":
        return
    if _special(path):
        if not os.access(path, os.W_OK):
            raise click.UsageError(f"{path}: not writable")
        return
    directory = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(directory):
        raise click.UsageError(f"{path}: output folder {directory} does not exist")
    if not os.access(directory, os.W_OK):
        raise click.UsageError(f"{path}: output folder {directory} is not writable")
    if os.path.isdir(path):
        raise click.UsageError(f"{path}: output is a folder, not a file")


def render(report, fmt: str) -> str:
    if fmt == "csv":
        from .render.tables import csv_text

        return csv_text(report.findings_frame())
    return {
        "json": report.to_json,
        "html": report.to_html,
        "sarif": report.to_sarif,
        "junit": report.to_junit,
        "markdown": report.to_markdown,
    }[fmt]()


def emit(report, fmt: str, output: str | None) -> None:
    if fmt == "parquet":  # binary: only to a file (checked before any work)
        from .render.tables import write_parquet

        write_parquet(report.findings_frame(), output)  # type: ignore[arg-type]
        return
    text = render(report, fmt)
    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def fail(message: str) -> None:
    click.echo(f"reconcile: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reconcile")
def cli() -> None:
    """Find where sources about the same events disagree, and show the words."""


def load_settings():
    """The configuration file's settings; a file that cannot be used ends the run (exit 2)."""
    from .config import ConfigError, load_config

    try:
        return load_config()
    except ConfigError as exc:
        fail(str(exc))
        sys.exit(2)


def rule_options(cfg, given: tuple[str, ...]) -> dict[str, object]:
    """Context.options from the configuration's rules and --rule; a name that is no rule or
    option ends the run (exit 2)."""
    from .rule_settings import SettingsError, resolve
    from .rules import RuleLoadError, load_rules

    try:
        return resolve(cfg.rules, given, [m.RULE for m in load_rules()], cfg.path)
    except (SettingsError, RuleLoadError) as exc:
        fail(str(exc))
        sys.exit(2)


RULE_HELP = ("Rule severity NAME=off|info|warning|error or option NAME.OPTION=VALUE; NAME is a "
             "rule id or code (repeatable; overrides [tool.reconcile.rules]).")


def pick_formats(given: str | None, cfg, choices: tuple[str, ...], default: str,
                 command: str) -> list[str]:
    """The command line's formats (`html,json,sarif`), else the configuration's (checked
    here: formats differ between commands), else the default; each named once, in order."""
    names = [f.strip() for f in (given or cfg.format or default).split(",") if f.strip()]
    bad = [f for f in names if f not in choices]
    if bad or not names:
        where = "--format" if given else str(cfg.path)
        fail(f"{where}: format {', '.join(map(repr, bad)) or '(none)'} is not a {command} "
             f"format ({', '.join(choices)})")
        sys.exit(2)
    return list(dict.fromkeys(names))


def outputs(formats: list[str], output: str | None, output_dir: str | None) -> list[tuple[str, str | None]]:
    """Where each format goes: one format to --output (or stdout; html to a default file),
    several to --output-dir as reconcile-report.<ext>."""
    if output_dir is not None:
        if output is not None:
            raise click.UsageError("give --output or --output-dir, not both")
        if not os.path.isdir(output_dir):
            raise click.UsageError(f"{output_dir}: output folder does not exist")
        return [(f, os.path.join(output_dir, f"reconcile-report.{EXTENSIONS[f]}")) for f in formats]
    if len(formats) > 1:
        raise click.UsageError("several formats need --output-dir DIR")
    fmt = formats[0]
    if output is None and fmt == "html":
        output = "reconcile-report.html"
    if fmt == "parquet" and output in (None, "-"):
        raise click.UsageError("parquet is binary: give --output FILE or --output-dir DIR")
    return [(fmt, output)]


def pick_format(given: str | None, cfg, choices: tuple[str, ...], default: str,
                command: str) -> str:
    """One format, for commands that write one report."""
    formats = pick_formats(given, cfg, choices, default, command)
    if len(formats) > 1:
        fail(f"{command} writes one format at a time, not {', '.join(formats)}")
        sys.exit(2)
    return formats[0]


def either(given, configured, default):
    """Command line over configuration over built-in default (None means not set)."""
    return given if given is not None else configured if configured is not None else default


MAX_BYTES = 64 * 1024 * 1024


def read_json(path: str, what: str):
    """A JSON file's data; one that cannot be read or parsed ends the run (exit 2)."""
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        fail(f"{path}: cannot use as {what}: {getattr(exc, 'strerror', None) or exc}")
        sys.exit(2)


def decision_file(given: str | None, cfg) -> str | None:
    """The review decision file: given, else the configuration's, else ./.reconcile-baseline.json
    when it exists (None: no decisions)."""
    from .review import DEFAULT_FILE

    if given or cfg.baseline:
        return given or cfg.baseline
    return DEFAULT_FILE if os.path.exists(DEFAULT_FILE) else None


def read_baselines(given: str | None, cfg):
    """(identities of a stored report's findings or None, review decisions by fingerprint).

    --baseline may name either kind; decisions then come from it, else as decision_file says."""
    from .gate import load_baseline
    from .review import is_decision_file, load_decisions

    accepted = None
    data = read_json(given, "baseline") if given else None
    if given and not is_decision_file(data):
        try:
            accepted = load_baseline(data)
        except ValueError as exc:
            fail(f"{given}: cannot use as baseline: {exc}")
            sys.exit(2)
        given = None
    path = decision_file(given, cfg)
    if path is None:
        return accepted, {}
    if data is None or path != given:
        data = read_json(path, "baseline")
    try:
        return accepted, load_decisions(data)
    except ValueError as exc:
        fail(f"{path}: cannot use as baseline: {exc}")
        sys.exit(2)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default=None, metavar="FORMAT[,FORMAT...]",
              help=f"Report format(s): {', '.join(FORMATS)} (default html, or `format` from the "
              "configuration); csv and parquet hold the findings table.")
@click.option("--output", "-o", default=None, help="Report file ('-' for stdout). "
              "Default: stdout for machine formats, reconcile-report.html for html.")
@click.option("--output-dir", default=None, help="Folder for several formats at once: "
              "reconcile-report.html, .json, .sarif, .xml (junit), .md, .csv, .parquet.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding is at or above this severity (default error).")
@click.option("--format-in", type=click.Choice(("encyclopedia", "news", "text", "wikitext", "html", "claims")),
              default=None, help="Read every input in this format instead of detecting it.")
@click.option("--max-bytes", type=int, default=None,
              help=f"Largest input file read (default {MAX_BYTES}).")
@click.option("--max-claims", type=click.IntRange(min=1), default=None,
              help="Most claims checked per document (default 100,000); the rest are "
              "dropped with a note.")
@click.option("--baseline", default=None, help="Review decisions (default: `baseline` from the "
              "configuration, else ./.reconcile-baseline.json if present): the findings they "
              "cover are shown as suppressed and do not count. Or a JSON report of accepted "
              "findings: only the others count, and they are marked [new].")
@click.option("--rule", "rule_settings", multiple=True, metavar="NAME=LEVEL", help=RULE_HELP)
def check(paths: tuple[str, ...], fmt: str | None, output: str | None, output_dir: str | None,
          fail_on: str | None,
          format_in: str | None, max_bytes: int | None, baseline: str | None,
          max_claims: int | None, rule_settings: tuple[str, ...]) -> None:
    """Check files and folders for contradictions and write a report.

    Settings not given here come from reconcile.toml or pyproject.toml [tool.reconcile]."""
    from .api import check_documents
    from .extract import MAX_CLAIMS_DEFAULT
    from .read import read_paths
    from .rules import RuleLoadError
    from .vocab import PackError

    cfg = load_settings()
    targets = outputs(pick_formats(fmt, cfg, FORMATS, "html", "check"), output, output_dir)
    fail_on = either(fail_on, cfg.fail_on, "error")
    max_bytes = either(max_bytes, cfg.max_bytes, MAX_BYTES)
    max_claims = either(max_claims, cfg.max_claims, MAX_CLAIMS_DEFAULT)
    options = rule_options(cfg, rule_settings)
    for _, target in targets:
        if target is not None:
            check_writable(target)
    accepted, decisions = read_baselines(baseline, cfg)
    docs, problems = read_paths(paths, format_in, max_bytes)
    for p in problems:
        fail(p.line())
    for doc in docs:
        for note in doc.notes:
            fail(f"{doc.path}: {note}")
    try:
        report = check_documents(docs, problems,
                                 config={"max_claims": max_claims, **options})
        for p in sorted(set(report.problems) - set(problems), key=lambda p: p.path):
            fail(p.line())  # limits met while extracting (--max-claims)
    except (RuleLoadError, PackError) as exc:
        fail(str(exc))
        sys.exit(2)
    if decisions:
        from .review import suppress

        report = suppress(report, decisions)
    counted = report
    if accepted is not None:
        from .gate import apply_baseline

        report, counted = apply_baseline(report, accepted)
    for fmt_one, target in targets:
        try:
            emit(report, fmt_one, target)
        except OSError as exc:
            fail(f"{target}: cannot write report: {exc.strerror or exc}")
            sys.exit(2)
        except ImportError as exc:
            fail(f"{fmt_one} needs the tables extra (pip install 'reconcile[tables]'): {exc}")
            sys.exit(2)
    written = [t for f, t in targets if t not in (None, "-") and (f == "html" or output_dir)]
    if written:
        counts = report.counts()
        click.echo(f"reconcile: {len(report.sources)} sources, {counts['error']} errors, "
                   f"{counts['warning']} warnings, {counts['info']} notes -> "
                   f"{', '.join(written)}", err=True)
    if problems or report.problems:
        sys.exit(2)
    sys.exit(1 if counted.fails(fail_on) else 0)


from .cli_audit import audit as _audit  # noqa: E402

cli.add_command(_audit)


from .cli_gate import diff  # noqa: E402

cli.add_command(diff)


from .cli_rules import explain, rules_command  # noqa: E402

cli.add_command(rules_command)
cli.add_command(explain)


from .cli_review import review  # noqa: E402

cli.add_command(review)


def main() -> None:
    cli(prog_name="reconcile")


if __name__ == "__main__":  # pragma: no cover
    main()
