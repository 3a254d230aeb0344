"""Extraction: a Document in, its mentions and claims out. Pure and per document, so that it
runs in parallel and caches by content hash."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Document, Mention
from ..vocab import Vocabulary, vocabulary


@dataclass(frozen=True, slots=True)
class Extraction:
    source: str
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]


def extract(doc: Document, vocab: Vocabulary | None = None) -> Extraction:
    from .claims import extract_claims
    from .mentions import find_mentions

    vocab = vocab or vocabulary()
    mentions = find_mentions(doc, vocab)
    claims = extract_claims(doc, mentions, vocab)
    return Extraction(doc.id, tuple(mentions), tuple(claims))
