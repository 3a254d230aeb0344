"""Per-document extraction results on disk, keyed by a hash of everything they depend on.

Stored a chunk at a time: DIR/.cache/packs/<hash>.pkl holds the entries of the documents one
worker extracted together, written to a temporary name and renamed, so an interrupted run
leaves whole packs or none. (A file per document cost a file creation each: on a busy disk
about a millisecond, as much as extracting the document.)

A pack is two pickles, its sorted keys and then a dict key -> entry, so that an index can be
read without the entries. Each process keeps one index a cache folder, key -> pack, and adds
the packs it has not seen to it whenever a chunk starts.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from typing import Any

from ..code_version import extraction_version

_LOAD_ERRORS = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                ValueError, TypeError)
_index: dict[str, dict[str, str]] = {}  # this process's: packs folder -> {key: pack path}
_seen: dict[str, set[str]] = {}  # the pack names read into it


def key(source_id: str, path: str, fmt: str | None, text: str) -> str:
    h = hashlib.sha256()
    for part in (extraction_version(), source_id, path, fmt or ""):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class Cache:
    """The cache as one chunk's work sees it: look entries up, then store the new ones."""

    def __init__(self, root: str | None) -> None:
        self.root = root
        self.folder = os.path.join(root, "packs") if root else ""
        self.pending: dict[str, Any] = {}
        self._pack: tuple[str, dict[str, Any]] = ("", {})  # the pack read last
        if root is not None:
            self._read_index()

    def _read_index(self) -> None:
        index = _index.setdefault(self.folder, {})
        seen = _seen.setdefault(self.folder, set())
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name in seen or not name.endswith(".pkl"):
                continue
            path = os.path.join(self.folder, name)
            try:
                with open(path, "rb") as fh:
                    keys = pickle.load(fh)
            except _LOAD_ERRORS:
                continue
            seen.add(name)
            index.update(dict.fromkeys(keys, path))

    def get(self, k: str) -> Any | None:
        path = _index.get(self.folder, {}).get(k) if self.root is not None else None
        if path is None:
            return None
        if self._pack[0] != path:
            try:
                with open(path, "rb") as fh:
                    pickle.load(fh)
                    self._pack = (path, pickle.load(fh))
            except _LOAD_ERRORS:  # gone or damaged: extract again
                return None
        return self._pack[1].get(k)

    def put(self, k: str, value: Any) -> None:
        if self.root is not None:
            self.pending[k] = value

    def flush(self) -> None:
        """Write the entries put since the last flush as one pack."""
        if self.root is None or not self.pending:
            return
        keys = sorted(self.pending)
        name = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:32] + ".pkl"
        path = os.path.join(self.folder, name)
        os.makedirs(self.folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(keys, fh, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(self.pending, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        _seen.setdefault(self.folder, set()).add(name)
        _index.setdefault(self.folder, {}).update(dict.fromkeys(keys, path))
        self.pending = {}
