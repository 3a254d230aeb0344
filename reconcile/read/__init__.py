"""Turn paths into Documents: walk folders, decode bytes, pick a reader from the content.

A file that cannot be read becomes an InputProblem with a one-line reason; the rest go on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..model import Document, InputProblem
from . import plain

Reader = Callable[..., Document]


class InputError(Exception):
    """A file that cannot be turned into a Document; the message is one line, for a person."""


MAX_BYTES_DEFAULT = 64 * 1024 * 1024
SKIP_NAMES = {"README.md", "gold.json"}
SKIP_SUFFIXES = {".json", ".md", ".toml", ".yaml", ".yml", ".py", ".pyc"}


def reader(fmt: str) -> Reader:
    """The reader for one format; wikitext and html import their parsers only when chosen."""
    if fmt == "wikitext":
        from .wikitext import read_wikitext

        return read_wikitext
    if fmt == "html":
        from .html import read_html

        return read_html
    plain_readers: dict[str, Reader] = {"encyclopedia": plain.read_encyclopedia,
                                        "news": plain.read_news, "text": plain.read_text}
    if fmt not in plain_readers:
        raise InputError(f"unknown input format {fmt!r} (known: {', '.join(sorted(FORMATS))})")
    return plain_readers[fmt]


FORMATS = ("encyclopedia", "news", "text", "wikitext", "html", "claims")

_WIKITEXT = re.compile(r"\{\{\s*Infobox|\[\[[^\]\n]{1,200}\]\]|^==[^=\n]{1,200}==\s*$|'''", re.M)
_HTML = re.compile(r"\A\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)|<(?:body|article|head)\b", re.I)


def detect_format(text: str, path: str = "") -> str:
    """Choose a reader from the content: the file name only breaks ties."""
    head = text[:4096]
    if head.lstrip()[:1] == "{":
        from .claims_jsonl import looks_like_claims

        if looks_like_claims(text):
            return "claims"
    if plain.NEWS_DATE_LINE.match(text):
        return "news"
    if _HTML.search(head):
        return "html"
    if plain.ENCYCLOPEDIA_TITLE.match(text):
        return "encyclopedia"
    if _WIKITEXT.search(text[:65536]) or path.endswith((".wiki", ".wikitext", ".mediawiki")):
        return "wikitext"
    if path.endswith((".html", ".htm")):
        return "html"
    return "text"


def decode(data: bytes, path: str) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (BOM honoured); anything else is detected and the decision noted."""
    if not data.strip():
        raise InputError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16 with BOM"
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in {"utf_8", "utf-8"}:
        raise InputError(f"invalid UTF-8 at byte {first_bad} and no other encoding fits")
    return str(best), f"not UTF-8 (invalid byte at {first_bad}); decoded as {best.encoding}"


def iter_files(paths: Iterable[str]) -> Iterator[tuple[str, InputProblem | None]]:
    """Yield every file under the given paths, sorted, with a problem for what cannot be walked."""
    seen: set[str] = set()
    for given in paths:
        if not os.path.lexists(given):
            yield given, InputProblem(given, "no such file or directory")
            continue
        if os.path.isdir(given):
            found: dict[str, str] = {}  # path -> real path
            for root, dirs, files in os.walk(given, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                real_root = os.path.realpath(root)
                for name in files:
                    if name.startswith(".") or name in SKIP_NAMES:
                        continue
                    if Path(name).suffix.lower() in SKIP_SUFFIXES:
                        continue
                    path = os.path.join(root, name)
                    # realpath stats every part of a path: the folder's is known, and a file
                    # needs its own only when it is a link
                    found[path] = os.path.realpath(path) if os.path.islink(path) \
                        else os.path.join(real_root, name)
            for path in sorted(found):
                if found[path] not in seen:
                    seen.add(found[path])
                    yield path, None
        else:
            real = os.path.realpath(given)
            if real not in seen:
                seen.add(real)
                yield given, None


def read_file(path: str, source_id: str, fmt: str | None = None,
              max_bytes: int = MAX_BYTES_DEFAULT) -> list[Document]:
    """The documents in one file: one, or one per source for a file of claim records."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                             "(raise it with --max-bytes)")
        with open(path, "rb") as fh:
            data = fh.read()
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    text, note = decode(data, path)
    if (fmt or detect_format(text, path)) == "claims":
        from .claims_jsonl import read_claims

        return read_claims(text, source_id=source_id, path=path)
    return [read_text(text, path, source_id, fmt, note)]


def read_text(text: str, path: str, source_id: str, fmt: str | None = None,
              note: str | None = None) -> Document:
    chosen = fmt or detect_format(text, path)
    if chosen == "claims":
        raise InputError("a file of claim records holds several sources; read it with read_paths")
    doc = reader(chosen)(text, source_id=source_id, path=path)
    if note:
        from dataclasses import replace

        doc = replace(doc, notes=doc.notes + (note,))
    return doc


def source_ids(paths: list[str]) -> dict[str, str]:
    """Stable, unique, readable source ids: the file stem, made unique in path order."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for path in paths:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(path).stem) or "source"
        candidate, n = stem, 2
        while candidate in used:
            candidate, n = f"{stem}-{n}", n + 1
        used.add(candidate)
        ids[path] = candidate
    return ids


def read_paths(paths: Iterable[str], fmt: str | None = None,
               max_bytes: int = MAX_BYTES_DEFAULT) -> tuple[list[Document], list[InputProblem]]:
    problems: list[InputProblem] = []
    files: list[str] = []
    for path, problem in iter_files(paths):
        if problem:
            problems.append(problem)
        else:
            files.append(path)
    ids = source_ids(files)
    docs: list[Document] = []
    for path in files:
        try:
            docs.extend(read_file(path, ids[path], fmt, max_bytes))
        except InputError as exc:
            problems.append(InputProblem(path, str(exc)))
    return docs, problems
