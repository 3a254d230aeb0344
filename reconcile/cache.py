"""Per-document extraction cache: one pickle file per (version, format, source id, text).

Keyed by sha256, written atomically (temporary file, then rename), so concurrent runs never
read half a file. A file that cannot be read is a miss, never an error. The cache directory
is trusted: pickle files are only ever read from a directory the user named.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable

from .code_version import extraction_version
from .model import Document

PROTOCOL = pickle.HIGHEST_PROTOCOL


def cache_key(doc: Document) -> str:
    """The extraction depends on the text, the reader and the source id its spans carry."""
    h = hashlib.sha256()
    for part in (extraction_version(), doc.format, doc.id, doc.text):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class ExtractionCache:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0
        os.makedirs(directory, exist_ok=True)

    def path(self, doc: Document) -> str:
        return os.path.join(self.directory, cache_key(doc) + ".pickle")

    def get(self, doc: Document):
        try:
            with open(self.path(doc), "rb") as fh:
                found = pickle.load(fh)
        except Exception:  # missing, truncated or from another version: a miss
            return None
        return found if getattr(found, "source", None) == doc.id else None

    def put(self, doc: Document, extraction) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(extraction, fh, protocol=PROTOCOL)
            os.replace(tmp, self.path(doc))
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def extractor(self, extract: Callable | None = None) -> Callable:
        """extract(doc) that reads the cache first and fills it on a miss."""

        def cached(doc: Document):
            found = self.get(doc)
            if found is not None:
                self.hits += 1
                return found
            self.misses += 1
            if extract is None:
                from .extract import extract as default
                result = default(doc)
            else:
                result = extract(doc)
            with contextlib.suppress(OSError):  # a read-only cache still answers
                self.put(doc, result)
            return result

        return cached
