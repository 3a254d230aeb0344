"""The local engine's forked Spread: results in order, every group shuffled, errors in a child
raised in the parent, the in-process fallback; and an audit on both cores gives, byte for
byte, what one core gives."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from reconcile.align.core import InProcess
from reconcile.engine import forked
from reconcile.engine.forked import OnForks, run_shared

needs_fork = pytest.mark.skipif(not forked.CAN_FORK, reason="no fork on this platform")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """The pids of the children forked.py forks from here on (the check and write stages)."""
    pids: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        caller = sys._getframe(1).f_code.co_filename
        pid = real_fork()
        if pid and caller == forked.__file__:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    return pids


def pid_and_square(x: int) -> tuple[int, int]:
    return os.getpid(), x * x


def wait_for(path: Path) -> None:
    deadline = time.monotonic() + 30
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.fixture
def always(monkeypatch):
    """Fork however little the first piece took."""
    monkeypatch.setattr(forked, "FORK_AFTER", 0.0)


@needs_fork
def test_map_keeps_the_order_and_uses_a_child(always, tmp_path):
    parent, started = os.getpid(), tmp_path / "child-started"

    def fn(x: int) -> tuple[int, int]:
        if os.getpid() != parent:
            started.touch()
        elif x % (2 * forked.PIECES_PER_JOB):  # not in the first piece, run before the fork
            wait_for(started)
        return pid_and_square(x)

    out = OnForks(2).map("squares", fn, list(range(500)))
    assert [sq for _, sq in out] == [x * x for x in range(500)]
    assert len({pid for pid, _ in out}) == 2


def test_map_runs_in_process_when_its_first_piece_is_quick():
    out = OnForks(2).map("squares", lambda x: (os.getpid(), x * x), list(range(500)))
    assert out == [(os.getpid(), x * x) for x in range(500)]


@needs_fork
def test_shuffle_gives_every_group_once(always):
    items = list(range(1000))

    def emit(x: int):
        return [(x % 37, x), (("odd", x % 2), x)]

    def per_group(values: list[int]):
        return [(min(values), len(values), sum(values))]

    got = OnForks(2).shuffle("groups", items, emit, per_group)
    assert sorted(got) == sorted(InProcess().shuffle("groups", items, emit, per_group))
    assert len(got) == 37 + 2


def in_the_child(tmp_path: Path, act):
    """Work for run_shared(work, 2, 2) in which the child takes a piece and does act(k): this
    process waits until the child has started, so that it cannot take both pieces."""
    parent, started = os.getpid(), tmp_path / "child-started"

    def work(k: int) -> int:
        if os.getpid() == parent:
            wait_for(started)
            return k
        started.touch()
        return act(k)

    return work


def bad_piece(k: int) -> int:
    raise ValueError(f"piece {k} is bad")


@needs_fork
def test_an_exception_in_a_child_is_raised_in_the_parent(tmp_path):
    with pytest.raises(ValueError, match=r"piece \d is bad") as info:
        run_shared(in_the_child(tmp_path, bad_piece), 2, 2)
    assert "in a forked child" in "".join(getattr(info.value, "__notes__", []))


class Unpicklable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.lock = threading.Lock()  # no pickling, by default or by tblib's (dask installs it)


def unpicklable(k: int) -> int:
    raise Unpicklable("this and that")


@needs_fork
def test_an_exception_that_does_not_pickle_keeps_its_message(tmp_path):
    with pytest.raises(RuntimeError, match="Unpicklable: this and that"):
        run_shared(in_the_child(tmp_path, unpicklable), 2, 2)


@needs_fork
def test_a_child_that_dies_is_an_error_not_a_hang(tmp_path):
    with pytest.raises(RuntimeError, match="ended without a result"):
        run_shared(in_the_child(tmp_path, lambda k: os._exit(3)), 2, 2)


@needs_fork
def test_an_exception_in_the_parent_ends_the_children(tmp_path):
    parent, started = os.getpid(), tmp_path / "child-started"

    def work(k: int) -> int:
        if os.getpid() != parent:
            started.touch()
            time.sleep(60)
            return k
        wait_for(started)
        raise KeyError("here")

    t0 = time.monotonic()
    with pytest.raises(KeyError):
        run_shared(work, 2, 2)
    assert time.monotonic() - t0 < 30


def test_without_fork_it_runs_in_process(always, monkeypatch):
    monkeypatch.setattr(forked, "CAN_FORK", False)
    out = OnForks(2).map("squares", pid_and_square, list(range(50)))
    assert out == [(os.getpid(), x * x) for x in range(50)]
    assert run_shared(lambda k: (os.getpid(), k), 3, 2) == [(os.getpid(), k) for k in range(3)]


@needs_fork
def test_a_fork_that_fails_leaves_the_work_here(always, monkeypatch):
    def no_room() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_room)
    assert run_shared(lambda k: (os.getpid(), k), 3, 2) == [(os.getpid(), k) for k in range(3)]


def test_one_job_or_one_piece_runs_in_process(always):
    assert OnForks(1).map("squares", pid_and_square, [1, 2, 3]) == \
        [(os.getpid(), x * x) for x in (1, 2, 3)]
    assert OnForks(2).map("squares", pid_and_square, [4]) == [(os.getpid(), 16)]
    assert OnForks(2).map("squares", pid_and_square, []) == []


# ---- an audit on two cores is the audit on one ------------------------------------------

@needs_fork
def test_an_audit_on_two_cores_writes_what_one_core_writes(tmp_path, monkeypatch, forks):
    pq = pytest.importorskip("pyarrow.parquet")

    from reconcile.engine import audit, findings_json, tables

    sys.path.insert(0, str(ROOT / "fixtures" / "synthetic"))
    import generate

    corpus = generate.write(str(tmp_path / "c"), 300, seed=5)
    one = audit([corpus], str(tmp_path / "one"), jobs=1, quiet=True, use_cache=False)
    monkeypatch.setattr(forked, "FORK_AFTER", 0.0)  # every stage forks, however small
    monkeypatch.setattr(tables, "FORK_CLAIMS", 0)
    two = audit([corpus], str(tmp_path / "two"), jobs=2, quiet=True, use_cache=False)
    monkeypatch.undo()
    assert len(forks) == 4  # surface keys, near-miss blocks, rules, tables and pages
    assert findings_json(two.report) == findings_json(one.report)
    assert two.report == one.report
    a, b = tmp_path / "one", tmp_path / "two"
    for name in ("findings.parquet", "claims.parquet", "entities.parquet"):
        assert pq.read_table(b / name).equals(pq.read_table(a / name)), name
        assert (b / name).read_bytes() == (a / name).read_bytes(), name
    pages = sorted(p.relative_to(a) for p in a.rglob("*.html"))
    assert len(pages) > 50 and pages == sorted(p.relative_to(b) for p in b.rglob("*.html"))
    for name in ("findings.csv", *pages):
        assert (b / name).read_bytes() == (a / name).read_bytes(), name


@needs_fork
def test_a_corpus_past_the_fork_limit_is_checked_and_written_in_one_process(tmp_path,
                                                                           monkeypatch, forks):
    """Past MAX_DOCUMENTS a forked child would copy most of a heap that has grown with the
    corpus, breaking the audit's memory bound: no check or write stage forks."""
    from reconcile.engine import audit

    sys.path.insert(0, str(ROOT / "fixtures" / "synthetic"))
    import generate

    corpus = generate.write(str(tmp_path / "c"), 40, seed=5)
    monkeypatch.setattr(forked, "FORK_AFTER", 0.0)
    monkeypatch.setattr(forked, "MAX_DOCUMENTS", 39)
    result = audit([corpus], str(tmp_path / "out"), jobs=2, quiet=True, use_cache=False)
    monkeypatch.undo()
    assert forks == [] and result.summary["pages"] > 0
