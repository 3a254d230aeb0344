"""Rule modules and what they see.

A rule is a module with `RULE: RuleInfo` and `check(ctx) -> Iterable[Finding | Agreement]`.
Built-in rules are listed in BUILTIN; third parties add modules through the `reconcile.rules`
entry point. A rule that fails to load stops the run: it is never skipped silently.

A rule may declare `SCOPE`: "entity" when it only compares claims and mentions of one subject
entity, "source" when only those of one document; anything else (and no SCOPE, the default
for third-party rules) is "corpus". A scoped rule run on each group's sub-context
(split_context) gives exactly what it gives on the whole context, so the Dask engine checks
groups on workers (run_rules with a spread; the workers import scoped modules by name, so
those must be installed there too); tests/test_dask.py verifies each built-in declaration.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model import (
    SEVERITY_RANK,
    Agreement,
    Claim,
    DateValue,
    Document,
    Entity,
    Evidence,
    Finding,
    Mention,
    RuleInfo,
    Severity,
    Span,
    value_human,
)
from ..texts import PackedTexts
from ..vocab import Vocabulary, vocabulary

if TYPE_CHECKING:
    from ..align.core import Spread

BUILTIN = (
    "spelling_variant",
    "value_conflict",
    "self_contradiction",
    "derived_duration",
    "derived_count",
    "identifier_conflict",
    "inverse_link",
    "field_quality",
    "text_residue",
    "anachronism",
    "cross_event",
    "event_order",
    "characterisation",
    "first_claim",
)


class RuleLoadError(Exception):
    pass


@dataclass
class Context:
    """Everything a rule may look at, with the lookups rules share."""

    docs: Mapping[str, Document]
    entities: Mapping[str, Entity]
    claims: list[Claim]
    mentions: Mapping[str, Mention]
    entity_of: Mapping[str, str]
    vocab: Vocabulary
    options: Mapping[str, object] = field(default_factory=dict)
    # the documents' texts when they are held apart from the documents (an audit packs them:
    # see reconcile.texts); None: each document's own text
    texts: PackedTexts | None = None
    _by_key: dict[tuple[str | None, str], list[Claim]] = field(default_factory=dict)
    _mentions_by_source: dict[str, list[Mention]] = field(default_factory=dict)
    _starts_by_source: dict[str, list[int]] = field(default_factory=dict)
    _dated: dict[tuple[str | None, str], list[Claim]] = field(default_factory=dict)
    _fact_keys: list[tuple[str | None, str]] | None = None
    # titles more than one source has (an article and its revision): their labels add the file
    # name. Given to a sub-context by its whole one, which knows every source
    shared_titles: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.shared_titles is None:
            seen = Counter(d.title for d in self.docs.values() if d.title)
            self.shared_titles = frozenset(t for t, n in seen.items() if n > 1)
        by_key: dict[tuple[str | None, str], list[Claim]] = defaultdict(list)
        for c in self.claims:
            by_key[(c.subject, c.predicate)].append(c)
        self._by_key = dict(by_key)
        by_source: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions.values():
            by_source[m.span.source].append(m)
        for ms in by_source.values():
            ms.sort(key=lambda m: (m.span.start, m.span.end))
        self._mentions_by_source = dict(by_source)
        self._starts_by_source = {k: [m.span.start for m in ms] for k, ms in by_source.items()}

    # -- lookups --------------------------------------------------------------------------
    def claims_for(self, subject: str | None, predicate: str) -> list[Claim]:
        return self._by_key.get((subject, predicate), [])

    # fact_keys and dated are asked for again and again by several rules: computed once, and
    # like claims_for the lists are shared, not copies
    def fact_keys(self) -> list[tuple[str | None, str]]:
        if self._fact_keys is None:
            self._fact_keys = sorted(self._by_key, key=lambda k: (k[0] or "", k[1]))
        return self._fact_keys

    def dated(self, subject: str | None, predicate: str) -> list[Claim]:
        """Stated (not planned, aborted or future) dated claims of one event of one entity."""
        found = self._dated.get((subject, predicate))
        if found is None:
            found = self._dated[(subject, predicate)] = [
                c for c in self.claims_for(subject, predicate)
                if isinstance(c.value, DateValue) and c.modality in ("stated", "approximate")]
        return found

    def mentions_in(self, span: Span) -> list[Mention]:
        # mentions are sorted by start: bisect to those starting inside the span (rules ask
        # this for every claim, and a linear scan per call was most of some rules' time)
        starts = self._starts_by_source.get(span.source, [])
        inside = self._mentions_by_source.get(span.source, [])[
            bisect_left(starts, span.start):bisect_right(starts, span.end)]
        return [m for m in inside if m.span.end <= span.end]

    def mentions_of(self, entity_id: str) -> list[Mention]:
        ent = self.entities.get(entity_id)
        return list(ent.mentions) if ent else []

    def name(self, entity_id: str | None) -> str:
        ent = self.entities.get(entity_id or "")
        return ent.name if ent else "(unknown)"

    def label(self, source_id: str) -> str:
        """How a message names a source: its quoted title, else its file name."""
        doc = self.docs[source_id]
        if not doc.title:
            return os.path.basename(doc.path)
        what = {"news": "news item", "claims": "source"}.get(doc.kind, "article")
        if self.shared_titles and doc.title in self.shared_titles:
            return f"the {what} “{doc.title}” ({os.path.basename(doc.path)})"
        return f"the {what} “{doc.title}”"

    def subject_entity(self, source_id: str) -> str | None:
        for m in self._mentions_by_source.get(source_id, []):
            if m.role == "subject":
                return self.entity_of.get(m.id)
        return None

    def evidence(self, claim: Claim, note: str | None = None) -> Evidence:
        return Evidence.of(claim.span, claim.id, note if note is not None else value_human(claim.value))

    def text(self, source_id: str) -> str:
        return self.texts[source_id] if self.texts is not None else self.docs[source_id].text

    def span(self, source_id: str, start: int, end: int) -> Span:
        """Words of a document as a Span; rules make them here, not from the Document, whose
        text an audit holds apart."""
        return Span(source_id, start, end, self.text(source_id)[start:end])

    def sentence(self, claim: Claim) -> Span:
        """The sentence a prose claim came from, or the claim itself."""
        if claim.context is None:
            return claim.span
        return self.span(claim.source, *claim.context)

    def severity(self, info: RuleInfo) -> Severity:
        configured = self.options.get(f"severity.{info.id}")
        return configured if configured in SEVERITY_RANK else info.severity  # type: ignore[return-value]

    def option(self, info: RuleInfo, name: str) -> Any:
        """A rule's option: the configured value (key "<rule-id>.<name>"), else its default."""
        default = dict(info.options)[name]  # KeyError: the rule did not declare it
        return self.options.get(f"{info.id}.{name}", default)


def stable_id(rule: str, subject: str | None, predicate: str | None,
              evidence: Iterable[Evidence]) -> str:
    """Content-based: the same facts give the same id even when text moves in the file."""
    return content_id(rule, subject, predicate, ((e.source, e.text) for e in evidence))


def content_id(rule: str, subject: str | None, predicate: str | None,
               quotes: Iterable[tuple[str, str]]) -> str:
    """The id of a finding from its content: also the fingerprint review decisions key on."""
    h = hashlib.sha1(usedforsecurity=False)
    for part in (rule, subject or "", predicate or ""):
        h.update(part.encode() + b"\0")
    for src, text in sorted(set(quotes)):
        h.update(src.encode() + b"\0" + text.encode() + b"\0")
    return f"{rule}:{h.hexdigest()[:12]}"


def finding(ctx: Context, info: RuleInfo, subject: str | None, predicate: str | None,
            message: str, evidence: Iterable[Evidence], confidence: float = 1.0,
            severity: Severity | None = None) -> Finding:
    ev = tuple(sorted(set(evidence), key=lambda e: (e.source, e.start, e.end)))
    message = message[:1].upper() + message[1:]
    return Finding(stable_id(info.id, subject, predicate, ev), info.id,
                   severity or ctx.severity(info), subject, predicate, message, ev, confidence)


def agreement(info: RuleInfo, subject: str | None, predicate: str | None, message: str,
              evidence: Iterable[Evidence]) -> Agreement:
    ev = tuple(sorted(set(evidence), key=lambda e: (e.source, e.start, e.end)))
    return Agreement(stable_id(info.id + "/ok", subject, predicate, ev), info.id, subject,
                     predicate, message, ev)


def load_rules(extra: Iterable[str] = ()) -> list[ModuleType]:
    """Built-in rule modules, then entry-point rules, then modules named in `extra`."""
    modules: list[ModuleType] = []
    names = [f"{__name__}.{n}" for n in BUILTIN] + list(extra)
    try:
        from importlib.metadata import entry_points

        names += [ep.value for ep in entry_points(group="reconcile.rules")]
    except Exception:  # pragma: no cover - metadata unavailable
        pass
    for name in names:
        try:
            module = importlib.import_module(name)
        except Exception as exc:
            raise RuleLoadError(f"rule module {name!r} failed to load: {exc}") from None
        if not isinstance(getattr(module, "RULE", None), RuleInfo) or not callable(
                getattr(module, "check", None)):
            raise RuleLoadError(f"rule module {name!r} has no RULE: RuleInfo and check(ctx)")
        modules.append(module)
    return modules


def run_rules(ctx: Context, modules: list[ModuleType],
              spread: Spread | None = None) -> tuple[list[Finding], list[Agreement]]:
    """With a spread whose workers inherit this process (forked children), whole modules
    run through it on the whole ctx: nothing to split, and nothing but findings to send back.
    With another spread, rules of entity or source scope run per group through it (see the
    module docstring); the rest, and everything without a spread, run here on ctx."""
    findings: dict[str, Finding] = {}
    agreements: dict[str, Agreement] = {}
    active = [m for m in modules if ctx.options.get(f"severity.{m.RULE.id}") != "off"]
    grouped: dict[str, list[Finding | Agreement]] = {}
    if spread is not None and spread.inherits:  # whole modules on the whole context
        found = spread.map("check: rules", lambda m: list(m.check(ctx)), active)
        grouped = {m.__name__: items for m, items in zip(active, found, strict=True)}
    elif spread is not None:
        grouped = check_in_groups(ctx, active, spread)
    for module in active:
        info: RuleInfo = module.RULE
        configured = ctx.options.get(f"severity.{info.id}")
        items = grouped[module.__name__] if module.__name__ in grouped else module.check(ctx)
        for item in items:
            if isinstance(item, Finding):
                if configured in SEVERITY_RANK and item.severity != configured:
                    # the setting wins over a severity the rule chose for this finding
                    item = replace(item, severity=configured)  # type: ignore[arg-type]
                findings.setdefault(item.id, item)
            else:
                agreements.setdefault(item.id, item)
    order = sorted(findings.values(), key=lambda f: (-SEVERITY_RANK[f.severity], f.rule,
                                                     f.subject or "", f.id))
    return order, sorted(agreements.values(), key=lambda a: (a.rule, a.subject or "", a.id))


# ---- checking per group ------------------------------------------------------------------

SCOPES = ("entity", "source", "corpus")


def scope_of(module: ModuleType) -> str:
    scope = getattr(module, "SCOPE", "corpus")
    return scope if scope in SCOPES else "corpus"


class ContextPart(NamedTuple):
    """The part of a Context that whole groups of one scope need: what travels to a worker."""

    docs: dict[str, Document]
    entities: dict[str, Entity]
    claims: list[Claim]
    mentions: dict[str, Mention]
    entity_of: dict[str, str]
    shared_titles: frozenset[str] = frozenset()
    texts: PackedTexts | None = None

    def context(self, vocab: Vocabulary, options: Mapping[str, object]) -> Context:
        return Context(self.docs, self.entities, self.claims, self.mentions, self.entity_of,
                       vocab, options, texts=self.texts, shared_titles=self.shared_titles)


def split_context(ctx: Context, scope: str, parts: int) -> list[ContextPart]:
    """ctx cut into at most `parts` sub-contexts, each holding whole groups (entities, or
    sources) with their claims, mentions, documents, and the entities they name.
    Every dict keeps ctx's order, so lookups and ties behave as on the whole context.
    Entities go to parts in the order of the first source that mentions them, so that a
    part needs few documents besides its own (documents are most of what travels)."""
    if scope == "entity":
        ids = sorted(ctx.entities, key=lambda e: (_first_source(ctx.entities[e]), e))
    else:
        ids = sorted(ctx.docs)
    size = max(1, -(-len(ids) // max(1, parts)))
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    part_of = {g: k for k, chunk in enumerate(chunks) for g in chunk}
    claims: list[list[Claim]] = [[] for _ in chunks]
    for c in ctx.claims:
        k = part_of.get((c.subject or "") if scope == "entity" else c.source)
        if k is not None:
            claims[k].append(c)
    out = []
    for chunk, cs in zip(chunks, claims, strict=True):
        if scope == "entity":
            wanted = {m.id for e in chunk for m in ctx.entities[e].mentions}
            entity_ids = set(chunk)
            sources = {c.source for c in cs} | {ctx.mentions[m].span.source for m in wanted}
        else:
            wanted = {m.id for s in chunk for m in ctx._mentions_by_source.get(s, ())}
            entity_ids = {e for m in wanted if (e := ctx.entity_of.get(m))}
            entity_ids |= {c.subject for c in cs if c.subject}
            sources = set(chunk)
        out.append(ContextPart(
            docs={k: d for k, d in ctx.docs.items() if k in sources},
            entities={k: e for k, e in ctx.entities.items() if k in entity_ids},
            claims=cs,
            mentions={k: m for k, m in ctx.mentions.items() if k in wanted},
            entity_of={m: ctx.entity_of[m] for m in wanted if m in ctx.entity_of},
            shared_titles=ctx.shared_titles or frozenset(),
            texts=ctx.texts.subset(sources) if ctx.texts is not None else None))
    return out


def _first_source(entity: Entity) -> str:
    return min((m.span.source for m in entity.mentions), default="")


CheckTask = tuple[tuple[str, ...], Mapping[str, object], Vocabulary | None, ContextPart]


def check_part(task: CheckTask) -> dict[str, list[Finding | Agreement]]:
    """Run rule modules (by name) on one part; a worker imports them and loads the default
    vocabulary itself (vocab None) rather than receiving it with every task."""
    names, options, vocab, part = task
    ctx = part.context(vocab or vocabulary(), options)
    return {name: list(importlib.import_module(name).check(ctx)) for name in names}


def check_in_groups(ctx: Context, modules: list[ModuleType],
                    spread: Spread) -> dict[str, list[Finding | Agreement]]:
    """What each entity- or source-scoped module finds, its groups run through the spread;
    items come in part order, then in each part's check order."""
    vocab = None if ctx.vocab is vocabulary() else ctx.vocab
    out: dict[str, list[Finding | Agreement]] = {}
    for scope in ("entity", "source"):
        names = tuple(m.__name__ for m in modules if scope_of(m) == scope)
        if not names:
            continue
        tasks = [(names, dict(ctx.options), vocab, part)
                 for part in split_context(ctx, scope, spread.parts)]
        out.update({name: [] for name in names})
        for result in spread.map(f"check: {scope} groups", check_part, tasks):
            for name, items in result.items():
                out[name].extend(items)
    return out
