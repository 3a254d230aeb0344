"""Batch audits: stream documents through extraction in parallel (local process pool or Dask),
align and check across the corpus, write tables and a browsable report. With the Dask engine
the per-item parts of alignment and the entity/source-scoped rules run on the cluster too
(dask_engine.OnDask, handed to pipeline.run as its spread); with the local engine and jobs > 1,
the rule modules and the write stage are shared with forked children (forked.OnForks).

    result = audit(["corpus/"], "out/", jobs=2)
"""

from __future__ import annotations

import functools
import gc
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from ..model import InputProblem
from ..report import Report
from ..texts import PackedTexts
from .inputs import Item, count_items, iter_items
from .progress import Progress
from .worker import Result

if TYPE_CHECKING:
    from ..align.core import Spread


@dataclass
class AuditResult:
    report: Report
    summary: dict
    extracted: int  # documents extracted this run (the rest came from the cache)


def findings_json(report: Report) -> str:
    """The findings as canonical JSON: what the two engines must agree on byte for byte."""
    return json.dumps([f.to_json() for f in report.findings], ensure_ascii=False, indent=1)


P = ParamSpec("P")
R = TypeVar("R")


def _collector_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Run fn with the cyclic garbage collector off. An audit holds millions of small records
    that live to its end and form no cycles; the collector rescanned them again and again as
    the heap grew (a quarter of the parent's CPU) and found nothing to free."""
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return wrapper


def _preload(write: bool) -> threading.Thread:
    """Import the check and write stages (align, the rule modules, pandas and pyarrow: about
    half a second, most of a small audit's fixed cost) on a thread while the workers extract
    and this process mostly waits. Started once the pool has forked: a fork must not copy a
    half-done import."""
    def work() -> None:
        try:
            from .. import pipeline  # noqa: F401
            from ..rules import load_rules

            load_rules()
            if write:
                import pyarrow.parquet  # noqa: F401

                from . import tables  # noqa: F401
        except Exception:  # nothing is lost: the stage that needs it imports it and says why
            pass

    thread = threading.Thread(target=work, name="reconcile-preload", daemon=True)
    thread.start()
    return thread


@_collector_paused
def audit(paths: Sequence[str], out_dir: str, *, jobs: int | None = None,
          engine: str = "local", scheduler: str | None = None, quiet: bool = False,
          progress_every: float = 5.0, use_cache: bool = True,
          write: bool = True) -> AuditResult:
    t0 = time.perf_counter()
    os.makedirs(out_dir, exist_ok=True)
    cores = jobs or os.cpu_count() or 1
    cache_dir = os.path.join(out_dir, ".cache") if use_cache else None
    problems: list[InputProblem] = []

    def items() -> Iterator[Item]:
        for it in iter_items(paths):
            if isinstance(it, InputProblem):
                problems.append(it)
            else:
                yield it

    with ExitStack() as stack:
        spread: Spread | None = None
        on_dask = None
        if engine == "dask":
            from .dask_engine import OnDask, connect, extract_dask

            client = stack.enter_context(connect(scheduler))
            spread = on_dask = OnDask(client)
            results: Iterator[Result] = extract_dask(client, items(), cache_dir)
        else:
            from .local import extract_local

            results = extract_local(items(), cache_dir, jobs)
        progress = Progress(None if quiet else count_items(paths), quiet=quiet,
                            every=progress_every)
        done: list[Result] = []
        extracted = 0
        preload: threading.Thread | None = None
        try:
            for r in results:
                if preload is None:
                    preload = _preload(write)
                progress.advance()
                if r.problem is not None:
                    problems.append(InputProblem(r.path, r.problem))
                else:
                    extracted += r.extracted
                    done.append(r)
        finally:
            progress.close()
        t_extract = time.perf_counter() - t0
        if preload is not None:
            preload.join()
        from .. import pipeline
        from ..cli import write_atomic

        done.sort(key=lambda r: (r.doc.path, r.doc.id))  # type: ignore[union-attr]
        progress.message(f"aligning and checking {len(done):,} documents")
        docs = [r.doc for r in done]
        extractions = [r.extraction for r in done]
        texts = PackedTexts({r.doc.id: r.packed for r in done  # type: ignore[union-attr]
                             if r.packed is not None})
        del done  # the run empties `extractions` as it goes (consume): no second copy
        from .forked import MAX_DOCUMENTS, OnForks

        forks = cores if engine == "local" and len(docs) <= MAX_DOCUMENTS else 1
        if spread is None and forks > 1:  # the pool has shut down: fork from here on
            spread = OnForks(forks)
        report = pipeline.run(docs, problems, extractions=extractions,  # type: ignore[arg-type]
                              consume=True, spread=spread, texts=texts)
        del docs, extractions
    t_check = time.perf_counter() - t0 - t_extract
    counts = report.counts()
    seconds = {"extract": round(t_extract, 3), "check": round(t_check, 3)}
    summary: dict[str, Any] = {
        "documents": len(report.sources),
        "failed": len(report.problems),
        "extracted": extracted,
        "from_cache": len(report.sources) - extracted,
        "findings": len(report.findings),
        "by_severity": counts,
        "by_rule": dict(sorted(Counter(f.rule for f in report.findings).items())),
        "claims": len(report.claims),
        "entities": len(report.entities),
        "agreements": len(report.agreements),
        "problems": [{"path": p.path, "message": p.message} for p in report.problems],
        "engine": engine,
        # the stages the Dask engine ran on its workers, with their partitions and tasks
        **({"distributed": on_dask.stages} if on_dask is not None else {}),
        "jobs": jobs,
        "seconds": seconds,
    }
    if write:
        from . import tables

        progress.message(f"writing tables and pages to {out_dir}")
        summary["pages"] = tables.write_all(report, out_dir, summary, forks)
        seconds["write"] = round(time.perf_counter() - t0 - t_extract - t_check, 3)
    seconds["total"] = round(time.perf_counter() - t0, 3)
    total = seconds["total"]
    summary["documents_per_second"] = round(len(report.sources) / total, 1) if total else None
    if write:
        write_atomic(os.path.join(out_dir, "summary.json"),
                     json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    return AuditResult(report, summary, extracted)
