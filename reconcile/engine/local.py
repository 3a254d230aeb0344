"""Local engine: chunks of documents through a process pool, a bounded number in flight."""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from .inputs import Item
from .worker import Result, process_chunk

CHUNK = 64


def chunks(items: Iterable[Item], size: int = CHUNK) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _worker_start() -> None:
    """A forked worker inherits the audit's paused collector: extraction makes garbage of its
    own, so collect again, but leave the inherited heap out of every collection."""
    gc.freeze()
    gc.enable()


def extract_local(items: Iterable[Item], cache_dir: str | None, jobs: int | None = None,
                  chunk: int = CHUNK) -> Iterator[Result]:
    """Yield one Result per item. jobs=1 runs in this process (no pickling, easy to profile)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        for batch in chunks(items, chunk):
            yield from process_chunk(batch, cache_dir)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for batch in chunks(items, chunk):
            pending.append(pool.submit(process_chunk, batch, cache_dir))
            while len(pending) >= jobs * 4:  # keep memory bounded: texts wait on disk
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
