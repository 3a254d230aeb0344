"""The Report: everything one run found, and the views of it (JSON, HTML, SARIF, ...).

Renderers are imported lazily so that a JSON run never pays for jinja2 or pandas.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from . import __version__
from .model import (
    SEVERITY_RANK,
    Agreement,
    Claim,
    Document,
    Entity,
    Finding,
    InputProblem,
    RuleInfo,
)

SCHEMA_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Report:
    sources: tuple[Document, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    agreements: tuple[Agreement, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    rules: tuple[RuleInfo, ...] = ()

    # -- lookups used by every renderer ---------------------------------------------------
    def source(self, source_id: str) -> Document:
        for doc in self.sources:
            if doc.id == source_id:
                return doc
        raise KeyError(source_id)

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def rule(self, rule_id: str) -> RuleInfo | None:
        for info in self.rules:
            if info.id == rule_id:
                return info
        return None

    def open_findings(self) -> tuple[Finding, ...]:
        """The findings no review decision suppresses: what counts and what fails a run."""
        return tuple(f for f in self.findings if f.suppression is None)

    def suppressed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.suppression is not None)

    def counts(self) -> dict[str, int]:
        """Open findings per severity (suppressed ones are counted apart)."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.open_findings():
            out[f.severity] += 1
        return out

    def worst(self) -> int:
        """Rank of the most severe open finding, -1 when there is none."""
        return max((SEVERITY_RANK[f.severity] for f in self.open_findings()), default=-1)

    def fails(self, fail_on: str) -> bool:
        return self.worst() >= SEVERITY_RANK[fail_on]

    # -- views -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        counts = self.counts()
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "reconcile", "version": __version__},
            "sources": [d.to_json() for d in self.sources],
            "entities": [e.to_json() for e in self.entities],
            "claims": [c.to_json() for c in self.claims],
            "findings": [f.to_json() for f in self.findings],
            "agreements": [a.to_json() for a in self.agreements],
            "problems": [{"path": p.path, "message": p.message} for p in self.problems],
            "summary": {
                **counts,
                "sources": len(self.sources),
                "claims": len(self.claims),
                "entities": len(self.entities),
                "agreements": len(self.agreements),
                "problems": len(self.problems),
                **({"suppressed": n} if (n := len(self.suppressed())) else {}),
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    def to_html(self) -> str:
        from .render.html import render_html

        return render_html(self)

    def to_sarif(self) -> str:
        from .render.sarif import render_sarif

        return render_sarif(self)

    def to_junit(self) -> str:
        from .render.junit import render_junit

        return render_junit(self)

    def to_markdown(self) -> str:
        from .render.markdown import render_markdown

        return render_markdown(self)

    def findings_frame(self) -> Any:
        """Findings as a pandas DataFrame (needs the `tables` extra: pandas, pyarrow)."""
        from .render.tables import findings_frame

        return findings_frame(self)

    def claims_frame(self) -> Any:
        from .render.tables import claims_frame

        return claims_frame(self)

    def entities_frame(self) -> Any:
        from .render.tables import entities_frame

        return entities_frame(self)

    def _repr_html_(self) -> str:
        from .render.html import render_html_compact

        return render_html_compact(self)
