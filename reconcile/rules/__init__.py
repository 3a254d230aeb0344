"""Rule modules and what they see.

A rule is a module with `RULE: RuleInfo` and `check(ctx) -> Iterable[Finding | Agreement]`.
Built-in rules are listed in BUILTIN; third parties add modules through the `reconcile.rules`
entry point. A rule that fails to load stops the run: it is never skipped silently.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

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
from ..vocab import Vocabulary

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
    _by_key: dict[tuple[str | None, str], list[Claim]] = field(default_factory=dict)
    _mentions_by_source: dict[str, list[Mention]] = field(default_factory=dict)
    _starts_by_source: dict[str, list[int]] = field(default_factory=dict)
    _dated: dict[tuple[str | None, str], list[Claim]] = field(default_factory=dict)
    _fact_keys: list[tuple[str | None, str]] | None = None

    def __post_init__(self) -> None:
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
        return f"the {what} “{doc.title}”"

    def subject_entity(self, source_id: str) -> str | None:
        for m in self._mentions_by_source.get(source_id, []):
            if m.role == "subject":
                return self.entity_of.get(m.id)
        return None

    def evidence(self, claim: Claim, note: str | None = None) -> Evidence:
        return Evidence.of(claim.span, claim.id, note if note is not None else value_human(claim.value))

    def sentence(self, claim: Claim) -> Span:
        """The sentence a prose claim came from, or the claim itself."""
        if claim.context is None:
            return claim.span
        return self.docs[claim.source].span(*claim.context)

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


def run_rules(ctx: Context, modules: list[ModuleType]) -> tuple[list[Finding], list[Agreement]]:
    findings: dict[str, Finding] = {}
    agreements: dict[str, Agreement] = {}
    for module in modules:
        info: RuleInfo = module.RULE
        configured = ctx.options.get(f"severity.{info.id}")
        if configured == "off":
            continue
        for item in module.check(ctx):
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
