"""The Python API: `reconcile.check(paths) -> Report`, the pipeline in one call."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Document, InputProblem
from .report import Report


def check(paths: Iterable[str] | str, *, fmt: str | None = None,
          config: dict | None = None) -> Report:
    """Read, extract, align and check the given files and folders."""
    from .read import read_paths

    if isinstance(paths, str):
        paths = [paths]
    docs, problems = read_paths(list(paths), fmt)
    return check_documents(docs, problems, config=config)


def check_documents(docs: Sequence[Document], problems: Sequence[InputProblem] = (), *,
                    config: dict | None = None) -> Report:
    from .pipeline import run

    return run(docs, problems, config=config or {})
