"""What a cached extraction depends on: the package version and the extraction code itself.

Keyed by the version alone, a cache kept across an upgrade within one version (or a working
copy being edited) would hand back extractions the current code no longer makes.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from . import __version__

_ROOT = Path(__file__).resolve().parent
# what extraction reads, and what decides the shape of a cached entry (worker.py, texts.py)
_INPUTS = ("extract", "read", "packs", "data", "model.py", "vocab.py", "units.py", "fastre.py",
           "engine/worker.py", "texts.py")


@cache
def extraction_version() -> str:
    h = hashlib.sha256(__version__.encode())
    for name in _INPUTS:
        path = _ROOT / name
        for f in sorted(path.rglob("*") if path.is_dir() else [path]):
            if f.is_file() and f.suffix in (".py", ".toml"):
                h.update(f.relative_to(_ROOT).as_posix().encode() + b"\0" + f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:16]}"
