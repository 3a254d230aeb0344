"""The five stages in one pure function: documents in, Report out (prepare: the stages
before checking, for callers that check in their own way)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from .align import align
from .align.core import Spread
from .extract import MAX_CLAIMS_DEFAULT, Extraction, extract
from .model import Claim, Document, Entity, InputProblem, Mention
from .report import Report
from .rules import Context, load_rules, run_rules
from .texts import PackedTexts
from .vocab import vocabulary


class Prepared(NamedTuple):
    """What the stages before checking give: the rules' Context and what the Report keeps."""

    ctx: Context
    docs: list[Document]  # sorted by (path, id)
    entities: tuple[Entity, ...]
    problems: list[InputProblem]


def prepare(docs: Sequence[Document], problems: Sequence[InputProblem] = (), *,
            config: Mapping[str, object] | None = None,
            extractions: Sequence[Extraction] | None = None,
            consume: bool = False, spread: Spread | None = None,
            texts: PackedTexts | None = None) -> Prepared:
    """Extraction (unless given), alignment, and the Context the rules see. `texts`: the
    documents' texts when the documents come without them (an audit holds them packed)."""
    config = config or {}
    vocab = vocabulary()
    docs = sorted(docs, key=lambda d: (d.path, d.id))
    if extractions is None:
        max_claims = int(config.get("max_claims", MAX_CLAIMS_DEFAULT))  # type: ignore[call-overload]
        extractions = [extract(d, vocab, max_claims) for d in docs]
    paths = {d.id: d.path for d in docs}
    problems = [*problems, *(InputProblem(paths.get(x.source, x.source), note)
                             for x in extractions for note in getattr(x, "notes", ()))]
    mentions: list[Mention] = [m for x in extractions for m in x.mentions]
    subjects = {m.span.source: m.id for m in mentions if m.role == "subject"}
    alignment = align(mentions, subjects, spread)
    claims: list[Claim] = []
    owned = extractions if consume and isinstance(extractions, list) else None
    for i, x in enumerate(extractions):
        if owned is not None:  # the caller gave the claims up: fill in subjects, no copies
            for c in x.claims:
                c.take_subject(alignment.entity_of.get(c.subject_mention or ""))
            claims.extend(x.claims)
            owned[i] = None
        else:
            claims.extend(c.with_subject(alignment.entity_of.get(c.subject_mention or ""))
                          for c in x.claims)
    ctx = Context(
        docs={d.id: d for d in docs},
        entities={e.id: e for e in alignment.entities},
        claims=claims,
        mentions={m.id: m for m in mentions},
        entity_of=alignment.entity_of,
        vocab=vocab,
        options=config,
        texts=texts,
    )
    return Prepared(ctx, docs, alignment.entities, problems)


def run(docs: Sequence[Document], problems: Sequence[InputProblem] = (), *,
        config: Mapping[str, object] | None = None,
        extractions: Sequence[Extraction] | None = None,
        consume: bool = False, spread: Spread | None = None,
        texts: PackedTexts | None = None) -> Report:
    """`consume=True` lets the run empty a list of extractions it was given as it copies their
    claims with subjects filled in, so that a million-claim audit does not hold both copies.
    `spread` runs the per-item parts of alignment and the entity/source-scoped rules elsewhere
    (the Dask engine's workers); the findings are the same with or without it."""
    config = config or {}
    ctx, docs, entities, problems = prepare(docs, problems, config=config,
                                            extractions=extractions, consume=consume,
                                            spread=spread, texts=texts)
    modules = load_rules(tuple(config.get("rules", ())))  # type: ignore[arg-type]
    findings, agreements = run_rules(ctx, modules, spread)
    return Report(
        sources=tuple(docs),
        entities=entities,
        claims=tuple(ctx.claims),
        findings=tuple(findings),
        agreements=tuple(agreements),
        problems=tuple(sorted(problems, key=lambda p: p.path)),
        rules=tuple(m.RULE for m in modules),
    )
