"""Dask engine: the audit on dask.distributed, against a scheduler address or a LocalCluster.

What runs where (DESIGN):
- extraction: a dask bag over partitions of documents (JSON Lines records and XML dump pages
  travel in the graph with their text; plain files travel as paths and workers read them);
  the extractions are gathered on the client;
- alignment (align.core): the per-surface keys are a bag map, and near-miss candidates are a
  bag shuffled on their blocking keys (groupby, task shuffle) with each block scored on a
  worker; the decisions on the union-find, which are sequential and cheap, stay on the client;
- checking: rules of entity or source scope (rules.SCOPE) run on a bag of sub-contexts, each
  holding whole groups (entity ids or source ids), and their findings come back to the one
  merge and sort that run_rules does; corpus-scope rules run on the client.
The same functions run in the local engine in process (align.core.InProcess), which is why the
two engines give byte-identical findings. The client still holds the extracted corpus and the
union-find: what is distributed is the work per document, per block and per group.
OnDask.stages records each distributed stage (the audit summary's "distributed").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial
from operator import itemgetter
from typing import Any

from .inputs import Item
from .local import chunks
from .worker import Result, process_chunk

PARTITION = 256
CONNECT_TIMEOUT = "10s"


class SchedulerError(Exception):
    """The scheduler could not be reached or the cluster not started: one line for the user."""


@contextmanager
def connect(scheduler: str | None) -> Iterator[Any]:
    """A Client on the given scheduler, else on a new 2-worker LocalCluster."""
    from distributed import Client, LocalCluster

    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a Dask LocalCluster"
        raise SchedulerError(f"cannot connect to {where}: {exc}") from None
    try:
        yield client
    finally:
        if not scheduler:
            with suppress(Exception):
                client.run(_quiet_logs)
        client.close()
        if not scheduler:
            cluster.close()


def _quiet_logs() -> None:
    """On each worker of our own LocalCluster as it closes: a loaded machine can make a worker
    log a heartbeat traceback while the scheduler goes away, which is noise to the user."""
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


def extract_dask(client: Any, items: Iterable[Item], cache_dir: str | None,
                 partition: int = PARTITION) -> Iterator[Result]:
    import dask.bag as db
    from distributed import as_completed

    parts = list(chunks(items, partition))
    if not parts:
        return
    bag = db.from_sequence(parts, npartitions=len(parts)).map(process_chunk, cache_dir)
    futures = client.compute(bag.to_delayed())
    for future in as_completed(futures):
        for results in future.result():
            yield from results


class OnDask:
    """align.core.Spread on a dask.distributed client: bags cut into `parts` partitions."""

    inherits = False

    def __init__(self, client: Any) -> None:
        self.client = client
        workers = sum(client.nthreads().values()) or 1
        self.parts = max(2, 2 * workers)
        self.stages: list[dict[str, Any]] = []

    def map(self, stage: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        if not items:
            return []
        t0 = time.perf_counter()
        bag = self._bag(items).map(fn)
        out = self.client.compute(bag).result()
        self._record(stage, items, bag, t0)
        return out

    def shuffle(self, stage: str, items: Sequence[Any],
                emit: Callable[[Any], Iterable[tuple[Hashable, Any]]],
                per_group: Callable[[list[Any]], Iterable[Any]]) -> list[Any]:
        if not items:
            return []
        t0 = time.perf_counter()
        entries = self._bag(items).map(emit).flatten()
        groups = entries.groupby(itemgetter(0), shuffle="tasks", npartitions=entries.npartitions)
        bag = groups.map(partial(_values_of, per_group)).flatten()
        out = self.client.compute(bag).result()
        self._record(stage, items, bag, t0, shuffle="tasks")
        return out

    def _bag(self, items: Sequence[Any]) -> Any:
        """A bag of `parts` partitions scattered to the workers first: data put in the graph
        itself (from_sequence) is tokenized object by object, which took minutes at 10k."""
        import dask.bag as db
        from dask import delayed

        size = -(-len(items) // self.parts)
        chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
        futures = self.client.scatter(chunks, hash=False)
        return db.from_delayed([delayed(list)(f) for f in futures])

    def _record(self, stage: str, items: Sequence[Any], bag: Any, t0: float,
                **extra: str) -> None:
        self.stages.append({"stage": stage, "items": len(items), "partitions": bag.npartitions,
                            "tasks": len(bag.__dask_graph__()),
                            "seconds": round(time.perf_counter() - t0, 3), **extra})


def _values_of(per_group: Callable[[list[Any]], Iterable[Any]],
               group: tuple[Hashable, list[tuple[Hashable, Any]]]) -> list[Any]:
    """per_group on one shuffled group's values (the entries come with their key)."""
    return list(per_group([value for _, value in group[1]]))
