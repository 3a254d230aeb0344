"""The local engine's Spread on every core: forked children that inherit the work.

After extraction the audit's parent holds the whole corpus, and the check and write stages
ran there on one core. Here the parent and jobs - 1 forked children share a stage: a child
sees the items and the function through the fork (copy-on-write), so nothing goes in but a
piece number and only the results come back, pickled through a pipe. The pieces are taken in
turn from a pipe of piece numbers, not dealt out in fixed slices: the rule modules take from
3 ms to 0.35 s each at 10,000 documents, so fixed halves would leave one core idle.

What a fork costs, measured at 10,000 documents (a 190 MB heap): 15-20 ms to fork, exit and
reap, about 3 us for each page a process writes while the other still shares it (reference
counts make a read a write: a rule module touches 2,000-25,000 pages), and the pickling of the
results (findings and agreements: 0.1 s each way for 2.4 MB).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import time
import traceback
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from ..align.core import grouped

CAN_FORK = hasattr(os, "fork") and sys.platform in ("linux", "darwin")
PIECES_PER_JOB = 8  # enough to even out the pieces' costs; each costs one read of a pipe
MAX_PIECES = 1024  # the piece numbers fit a pipe's buffer whole (4 bytes each)
# A map forks only when its first piece took this much CPU time, which the rules' first module
# does from about 3,500 generated documents. Measured on two free cores: at 10,000 documents
# (first module 0.15 s) the rules took 1.0-1.3 s in process and 0.8-1.15 s shared; at 3,000
# (45-50 ms) 0.40-0.45 s and 0.27-0.37 s; at 1,000 (15 ms) no gain. The alignment's pieces take
# 5-30 ms at 10,000 and forking them saved nothing: keying a surface is mostly filling caches
# (folded and skeleton forms) that the parent's later steps read again.
FORK_AFTER = 0.05
# Nor past this many documents: a child copies every page of the heap it touches (reference
# counts), and the heap grows with the corpus. At 100,000 sample-sized documents the parent
# peaked at 1,804 MB and a forked child at 1,798 MB, against 1,813 MB for the whole audit in
# one process (the target is 2 GB); at 10,000 the children cost about 130 MB.
MAX_DOCUMENTS = 30_000


def run_shared(work: Callable[[int], Any], count: int, jobs: int, first: int = 0) -> list[Any]:
    """[work(k) for k in range(first, count)]: this process and up to jobs - 1 forked children
    take the k in turn. An exception in a child is raised here (with the child's traceback as
    a note); one here ends the children."""
    if not CAN_FORK or jobs < 2 or count - first < 2:
        return [work(k) for k in range(first, count)]
    if count - first > MAX_PIECES:
        raise ValueError(f"at most {MAX_PIECES} pieces, not {count - first}")
    tokens, fill = os.pipe()
    os.write(fill, b"".join(k.to_bytes(4, "little") for k in range(first, count)))
    os.close(fill)
    children: list[tuple[int, int]] = []  # (pid, read end of its results)
    try:
        for _ in range(min(jobs, count - first) - 1):
            read, write = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # no room for another process: the ones there take every piece
                os.close(read)
                os.close(write)
                break
            if pid == 0:
                os.close(read)
                _child(lambda: _take(work, tokens), write)
            os.close(write)
            children.append((pid, read))
        done = _take(work, tokens)
        while children:
            pid, read = children.pop(0)
            done.update(_receive(pid, read))
    finally:
        os.close(tokens)
        for pid, read in children:  # only when this process failed: the rest is not wanted
            os.kill(pid, signal.SIGKILL)
            os.close(read)
            os.waitpid(pid, 0)
    return [done[k] for k in range(first, count)]


def _take(work: Callable[[int], Any], tokens: int) -> dict[int, Any]:
    done = {}
    while token := os.read(tokens, 4):  # whole tokens: all were written before any read
        k = int.from_bytes(token, "little")
        done[k] = work(k)
    return done


def _child(work: Callable[[], Any], fd: int) -> None:
    """Run in a forked child: the work, one message, and out with no clean-up (no atexit
    handler, no flush of buffers the parent had filled). It prints nothing: stdout and stderr
    go to /dev/null, and what went wrong goes back in the message."""
    status = 0
    try:
        gc.disable()  # a collection would touch, and so copy, every page of the parent's heap
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        try:
            data = pickle.dumps((True, work()), pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:
            data = _error(exc)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _error(exc: BaseException) -> bytes:
    """The exception for the parent to raise, or a RuntimeError with its message when it does
    not pickle; the child's traceback as a note either way."""
    note = "in a forked child:\n" + "".join(traceback.format_exception(exc)).rstrip()
    try:
        exc.add_note(note)
        data = pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)  # some exceptions pickle but cannot be rebuilt
        return data
    except Exception:
        plain = RuntimeError(f"{type(exc).__name__}: {exc}")
        plain.add_note(note)
        return pickle.dumps((False, plain), pickle.HIGHEST_PROTOCOL)


def _receive(pid: int, fd: int) -> Any:
    with os.fdopen(fd, "rb") as fh:
        data = fh.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise RuntimeError(f"a forked child ended without a result (wait status {status})")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


class OnForks:
    """align.core.Spread on this process and jobs - 1 forked children (module docstring)."""

    inherits = True  # fn and the items reach the children through the fork

    def __init__(self, jobs: int) -> None:
        self.parts = jobs

    def map(self, stage: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        """Piece k is items[k::count]: each piece a sample of the whole, so pieces cost alike
        however the items are ordered (near-miss blocks come largest first). The first piece
        runs here, and the rest are shared out only when it took at least FORK_AFTER."""
        count = min(len(items), self.parts * PIECES_PER_JOB, MAX_PIECES)
        if not count:
            return []

        def piece(k: int) -> list[Any]:
            return [fn(x) for x in items[k::count]]

        start = time.process_time()
        first = piece(0)
        jobs = self.parts if time.process_time() - start >= FORK_AFTER else 1
        out: list[Any] = [None] * len(items)
        for k, part in enumerate([first, *run_shared(piece, count, jobs, first=1)]):
            out[k::count] = part
        return out

    def shuffle(self, stage: str, items: Sequence[Any],
                emit: Callable[[Any], Iterable[tuple[Hashable, Any]]],
                per_group: Callable[[list[Any]], Iterable[Any]]) -> list[Any]:
        """The groups are made here (emitting is cheap) and scored through map."""
        done = self.map(stage, lambda values: list(per_group(values)), grouped(items, emit))
        return [y for part in done for y in part]
