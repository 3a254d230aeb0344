"""The per-document work both engines share: read, look up the cache, extract, store."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import NamedTuple

from .. import texts
from ..extract import Extraction, extract
from ..model import Document
from ..read import InputError, decode, read_text
from ..vocab import vocabulary
from . import cache as cache_mod
from .inputs import Item

MAX_BYTES = 64 * 1024 * 1024


class Result(NamedTuple):
    source_id: str
    path: str
    doc: Document | None
    extraction: Extraction | None
    problem: str | None
    extracted: bool  # False when the result came from the cache
    packed: bytes | None = None  # the document's text (reconcile.texts): doc comes without it


def process(item: Item, store: cache_mod.Cache) -> Result:
    source_id, path, text, fmt = item
    try:
        if text is None:
            try:
                with open(path, "rb") as fh:
                    data = fh.read(MAX_BYTES + 1)
            except OSError as exc:
                raise InputError(exc.strerror or str(exc)) from None
            if len(data) > MAX_BYTES:
                raise InputError(f"file is over the limit of {MAX_BYTES:,} bytes")
            text, note = decode(data, path)
        else:
            note = None
            if not text.strip():
                raise InputError("empty document")
        k = cache_mod.key(source_id, path, fmt, text)
        hit = store.get(k)
        if hit is not None:
            return Result(source_id, path, hit[0], hit[1], None, False, hit[2])
        doc = read_text(text, path, source_id, fmt, note)
        extraction = extract(doc, vocabulary())
        # what the parent holds of the document: its passages are the extractor's input only
        # (40% of what it pickled), and its text goes packed, for the rules that quote it
        packed = texts.pack(doc.text)
        doc = replace(doc, passages=(), text="")
        store.put(k, (doc, extraction, packed))
        return Result(source_id, path, doc, extraction, None, True, packed)
    except InputError as exc:
        return Result(source_id, path, None, None, str(exc), False)
    except Exception as exc:  # one bad document never stops an audit
        return Result(source_id, path, None, None, f"{type(exc).__name__}: {exc}", False)


def process_chunk(items: list[Item], cache_dir: str | None) -> list[Result]:
    store = cache_mod.Cache(cache_dir)
    results = [process(item, store) for item in items]
    # the chunk's new entries, as one file; the cache only saves time: an unwritable one costs
    # the next run, not this one
    with contextlib.suppress(OSError):
        store.flush()
    return results
