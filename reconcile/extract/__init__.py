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
    notes: tuple[str, ...] = ()  # data-quality notes: a limit that cut the extraction short


MAX_CLAIMS_DEFAULT = 100_000  # per document; a flood of claims is a hostile or broken input


def extract(doc: Document, vocab: Vocabulary | None = None,
            max_claims: int = MAX_CLAIMS_DEFAULT) -> Extraction:
    from dataclasses import replace

    from .claims import extract_claims
    from .dates import guess_dayfirst, needs_dayfirst
    from .mentions import find_mentions, headline_thing

    vocab = vocab or vocabulary()
    if doc.kind == "claims":  # records extracted elsewhere: read them, do not parse prose
        from .records import extract_records

        mentions, claims, broken = extract_records(doc, vocab)
        return _limited(doc.id, mentions, claims, max_claims, tuple(broken))
    if needs_dayfirst(doc.text) and guess_dayfirst(doc.text) is False:  # "03/25/2024": month-first
        doc = replace(doc, dayfirst=False)  # claims' resolutions say when this decided a date
    mentions = find_mentions(doc, vocab)
    headline = headline_thing(doc, vocab)
    claims = extract_claims(doc, mentions, vocab, headline)
    if headline is not None and any(c.subject_mention == headline.id for c in claims):
        mentions = [headline, *mentions]  # its span, in the title, comes before the body's
    return _limited(doc.id, mentions, claims, max_claims)


def _limited(source: str, mentions: list[Mention], claims: list[Claim], max_claims: int,
             notes: tuple[str, ...] = ()) -> Extraction:
    if len(claims) > max_claims:
        notes += (f"{len(claims):,} claims, over the limit of {max_claims:,}: only the first "
                  f"{max_claims:,} are checked (raise it with --max-claims)",)
        claims = claims[:max_claims]
    return Extraction(source, tuple(mentions), tuple(claims), notes)
