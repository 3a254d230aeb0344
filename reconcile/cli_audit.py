"""Command line: `reconcile audit PATH... --output-dir DIR`.

Exit status: 0 when every input was read, 2 when some input failed (listed in summary.json;
the audit still covers the rest), 1 when the Dask scheduler cannot be reached.
"""

from __future__ import annotations

import sys

import click


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--output-dir", "-o", required=True, help="Folder for the tables and pages.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=None,
              help="Extraction processes (default: one a CPU).")
@click.option("--engine", type=click.Choice(("local", "dask")), default="local",
              show_default=True)
@click.option("--scheduler", default=None,
              help="dask.distributed scheduler address (default: a 2-worker LocalCluster).")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
@click.option("--no-cache", is_flag=True, help="Do not reuse or store per-document results.")
def audit(paths: tuple[str, ...], output_dir: str, jobs: int | None, engine: str,
          scheduler: str | None, quiet: bool, no_cache: bool) -> None:
    """Audit a corpus (folders, globs, JSON Lines, MediaWiki XML dumps) into tables and pages."""
    from .engine import audit as run_audit

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    from .engine.dask_engine import SchedulerError

    try:
        result = run_audit(paths, output_dir, jobs=jobs, engine=engine, scheduler=scheduler,
                           quiet=quiet, use_cache=not no_cache)
    except SchedulerError as exc:  # one line, no traceback
        click.echo(f"reconcile: {exc}", err=True)
        sys.exit(1)
    s = result.summary
    for p in s["problems"][:20]:
        click.echo(f"reconcile: {p['path']}: {p['message']}", err=True)
    if not quiet:
        c = s["by_severity"]
        click.echo(f"reconcile: {s['documents']:,} documents ({s['failed']:,} failed), "
                   f"{c['error']:,} errors, {c['warning']:,} warnings, {c['info']:,} notes, "
                   f"{s['documents_per_second']} docs/s -> {output_dir}", err=True)
    sys.exit(2 if s["failed"] else 0)
