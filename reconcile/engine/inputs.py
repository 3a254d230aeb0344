"""Enumerate audit inputs as a stream of items, without reading whole corpora into memory.

An item is (source_id, path, text, fmt): `text` is None for a plain file (the worker reads it),
the document text for a JSON Lines record or a page of a MediaWiki XML dump. Problems found
while enumerating (a missing path, a bad JSON line) come out as InputProblem items.
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from xml.etree.ElementTree import iterparse

from ..model import InputProblem
from ..read import iter_files


class Item(NamedTuple):
    source_id: str
    path: str
    text: str | None
    fmt: str | None


class Ids:
    """Stable, unique, readable source ids, in enumeration order."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, name: str) -> str:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "source"
        candidate, n = stem, 2
        while candidate in self.used:
            candidate, n = f"{stem}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def _expand(paths: Iterable[str]) -> Iterator[str]:
    for given in paths:
        if not os.path.lexists(given) and glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            yield from matches if matches else [given]
        else:
            yield given


def _is_dump(path: str) -> bool:
    if not path.endswith(".xml"):
        return False
    with open(path, "rb") as fh:
        return b"<mediawiki" in fh.read(4096)


def iter_jsonl(path: str, ids: Ids) -> Iterator[Item | InputProblem]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if isinstance(rec, dict) and "predicate" in rec and "subject" in rec:
                    yield InputProblem(path, "a file of claim records, not documents: check it "
                                             "with `reconcile check` (audit reads documents)")
                    return
                text = rec["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                yield InputProblem(f"{path}:{n}", f"bad JSON Lines record: {exc}")
                continue
            name = str(rec.get("id") or rec.get("path") or f"{Path(path).stem}-{n}")
            doc_path = str(rec.get("path") or f"{path}:{n}")
            yield Item(ids(Path(name).stem if "path" in rec and "id" not in rec else name),
                       doc_path, text, rec.get("format"))


def iter_dump(path: str, ids: Ids) -> Iterator[Item | InputProblem]:
    """Each page's latest revision, streamed: elements are cleared as soon as they are read."""
    title, text, ts, best = None, None, "", None
    try:
        for _event, elem in iterparse(path, events=("end",)):
            tag = elem.tag.rsplit("}", 1)[-1]
            if tag == "title":
                title = elem.text or ""
            elif tag == "revision":
                rev_ts = next((c.text or "" for c in elem if c.tag.endswith("timestamp")), "")
                rev_text = next((c.text for c in elem if c.tag.endswith("}text")
                                 or c.tag == "text"), None)
                if best is None or rev_ts >= ts:
                    best, ts, text = True, rev_ts, rev_text or ""
                elem.clear()
            elif tag == "page":
                if best is not None:
                    yield Item(ids(title or "page"), f"{path}#{title}", text, "wikitext")
                title, text, ts, best = None, None, "", None
                elem.clear()
    except Exception as exc:  # a truncated or malformed dump: keep what was read
        yield InputProblem(path, f"XML dump cannot be read further: {exc}")


def iter_items(paths: Iterable[str]) -> Iterator[Item | InputProblem]:
    ids = Ids()
    for path, problem in iter_files(_expand(paths)):
        if problem:
            yield problem
        elif path.endswith((".jsonl", ".ndjson")):
            yield from iter_jsonl(path, ids)
        elif _is_dump(path):
            yield from iter_dump(path, ids)
        else:
            yield Item(ids(Path(path).stem), path, None, None)


def count_items(paths: Iterable[str]) -> int:
    """How many documents iter_items will yield, about (for the ETA): files are counted by
    name, JSON Lines by line and dumps by <page> tag, reading bytes only."""
    total = 0
    for path, problem in iter_files(_expand(paths)):
        if problem:
            continue
        try:
            if path.endswith((".jsonl", ".ndjson")) or _is_dump(path):
                needle = b"\n" if path.endswith((".jsonl", ".ndjson")) else b"<page>"
                with open(path, "rb") as fh:
                    while block := fh.read(1 << 20):
                        total += block.count(needle)
            else:
                total += 1
        except OSError:
            continue
    return total
