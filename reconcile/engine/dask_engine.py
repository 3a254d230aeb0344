"""Dask engine: extraction as a dask bag over partitions on dask.distributed.

Only extraction is distributed. The extractions are gathered on the client, and alignment and
checking run there with pipeline.run (the alignment pass is global), so the extracted corpus
must fit in the client's memory. JSON Lines records and XML dump pages travel in the task graph
with their text; plain files travel as paths and are read by the workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from .inputs import Item
from .local import chunks
from .worker import Result, process_chunk

PARTITION = 256


def extract_dask(items: Iterable[Item], cache_dir: str | None, scheduler: str | None = None,
                 partition: int = PARTITION) -> Iterator[Result]:
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed

    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=2, threads_per_worker=1,
                                                       processes=True, dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        parts = list(chunks(items, partition))
        if not parts:
            return
        bag = db.from_sequence(parts, npartitions=len(parts)).map(process_chunk, cache_dir)
        futures = client.compute(bag.to_delayed())
        for future in as_completed(futures):
            for results in future.result():
                yield from results
