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

    from dataclasses import replace

    from .dates import guess_dayfirst

    vocab = vocab or vocabulary()
    if guess_dayfirst(doc.text) is False:  # "03/25/2024" proves a month-first source
        doc = replace(doc, dayfirst=False)  # claims' resolutions say when this decided a date
    mentions = find_mentions(doc, vocab)
    claims = extract_claims(doc, mentions, vocab)
    return Extraction(doc.id, tuple(mentions), tuple(claims))
