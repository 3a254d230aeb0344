"""Progress on stderr: a rich bar on a terminal, a plain line every few seconds otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int | None = None, *, quiet: bool = False,
                 stream: TextIO | None = None, every: float = 5.0,
                 label: str = "documents") -> None:
        self.stream = stream or sys.stderr
        self.total, self.quiet, self.every, self.label = total, quiet, every, label
        self.done = 0
        self.start = self.last = time.monotonic()
        self.first: float | None = None  # when the first document came back
        self.bar = None
        if not quiet and self.stream.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
                           TextColumn("ETA"), TimeRemainingColumn(),
                           console=Console(file=self.stream), transient=False)
            self.bar.start()
            self.task = self.bar.add_task(label, total=total, rate="-")

    def rate(self) -> float:
        """Documents a second since the first one came back: the engine's start-up (a pool, a
        Dask cluster) before it is not the pace, and an ETA from it is seconds too long."""
        now = time.monotonic()
        if self.first is not None and self.done > 1 and now > self.first:
            return (self.done - 1) / (now - self.first)
        elapsed = now - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        text = f"reconcile: {self.done:,}"
        if self.total:
            text += f"/{self.total:,}"
        text += f" {self.label}, {rate:,.0f}/s"
        if self.total and rate > 0 and self.done > 1:
            text += f", ETA {max(self.total - self.done, 0) / rate:,.0f}s"
        return text

    def advance(self, n: int = 1) -> None:
        if self.first is None:
            self.first = time.monotonic()
        self.done += n
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(self.task, advance=n, rate=f"{self.rate():,.0f}")
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            print(self.line(), file=self.stream, flush=True)

    def message(self, text: str) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.console.print(text)
        else:
            print(f"reconcile: {text}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        elif not self.quiet:
            print(self.line(), file=self.stream, flush=True)
