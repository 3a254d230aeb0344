"""Shared checks for reader output: every span and passage offset quotes the raw text exactly."""

from __future__ import annotations

from reconcile.model import Document


def check_document(doc: Document, raw: str) -> None:
    assert doc.text is raw or doc.text == raw
    n = len(raw)
    spans = [doc.title_span, doc.published_span]
    for f in doc.fields:
        spans += [f.line, f.key_span, f.value_span]
    for span in spans:
        if span is None:
            continue
        assert 0 <= span.start <= span.end <= n, span
        assert span.text == raw[span.start:span.end], span
        assert span.source == doc.id
    for p in doc.passages:
        assert p.text, p
        if p.offsets is None:
            assert raw[p.start:p.start + len(p.text)] == p.text, p
            continue
        assert len(p.offsets) == len(p.text) + 1, p
        assert p.offsets[0] == p.start
        assert all(0 <= o <= n for o in p.offsets), p
        assert all(a <= b for a, b in zip(p.offsets, p.offsets[1:], strict=False)), p
        for i in range(len(p.text)):
            s, e = p.raw_range(i, i + 1)
            assert 0 <= s < e <= n, (p, i)


def quote(doc: Document, needle: str) -> str:
    """The raw text behind the first passage occurrence of `needle` (clean text)."""
    for p in doc.passages:
        i = p.text.find(needle)
        if i >= 0:
            s, e = p.raw_range(i, i + len(needle))
            return doc.text[s:e]
    raise AssertionError(f"{needle!r} not in any passage")
