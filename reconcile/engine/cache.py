"""Per-document extraction results on disk, keyed by a hash of everything they depend on.

One file a document under DIR/.cache/ab/<hash>.pkl, written to a temporary name and renamed, so
an interrupted run leaves either a whole entry or none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from typing import Any

from ..code_version import extraction_version


def key(source_id: str, path: str, fmt: str | None, text: str) -> str:
    h = hashlib.sha256()
    for part in (extraction_version(), source_id, path, fmt or ""):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class Cache:
    def __init__(self, root: str | None) -> None:
        self.root = root

    def _path(self, k: str) -> str:
        assert self.root is not None
        return os.path.join(self.root, k[:2], k + ".pkl")

    def get(self, k: str) -> Any | None:
        if self.root is None:
            return None
        try:
            with open(self._path(k), "rb") as fh:
                return pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None

    def put(self, k: str, value: Any) -> None:
        if self.root is None:
            return
        path = self._path(k)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
