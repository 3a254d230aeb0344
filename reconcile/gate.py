"""Gate one edit: the findings a new revision introduces, resolves or leaves as they were.

The pipeline runs twice, context + OLD and context + NEW, with OLD and NEW under the same
source id and path, so that only the text differs. Findings are matched by content (rule,
subject entity, predicate, and the source and words of each quote), never by offsets: moving a
paragraph changes no identity. A finding quoting only context documents is context noise and
always counts as unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .model import SEVERITY_RANK, Document, Finding, InputProblem, Suppression
from .report import Report

Identity = tuple[str, str | None, str | None, frozenset[tuple[str, str]]]


def identity(finding: Finding | dict[str, Any]) -> Identity:
    """What makes two findings the same across revisions (offsets and wording left out)."""
    if isinstance(finding, dict):
        ev = frozenset((e["source"], e["text"]) for e in finding.get("evidence", ()))
        return finding["rule"], finding.get("subject"), finding.get("predicate"), ev
    ev = frozenset((e.source, e.text) for e in finding.evidence)
    return finding.rule, finding.subject, finding.predicate, ev


@dataclass(frozen=True)
class GateResult:
    introduced: tuple[Finding, ...]
    resolved: tuple[Finding, ...]
    unchanged: tuple[Finding, ...]
    report: Report  # context + NEW
    old_report: Report | None = None  # context + OLD (None when there was no OLD)
    source: str = ""  # the source id of the edited document

    def fails(self, fail_on: str) -> bool:
        """An introduced finding at or above fail_on that no review decision covers."""
        rank = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[f.severity] >= rank and f.suppression is None
                   for f in self.introduced)

    def with_decisions(self, decisions: Mapping[str, Suppression]) -> GateResult:
        """Findings that review decisions cover, marked suppressed in every list."""
        if not decisions:
            return self
        from .review import mark, suppress

        return replace(self, introduced=mark(self.introduced, decisions),
                       resolved=mark(self.resolved, decisions),
                       unchanged=mark(self.unchanged, decisions),
                       report=suppress(self.report, decisions))

    def introduced_report(self) -> Report:
        """The NEW report holding only the introduced findings (for SARIF, JUnit, HTML)."""
        return replace(self.report, findings=self.introduced)

    def to_dict(self, fail_on: str = "error") -> dict[str, Any]:
        out = self.report.to_dict()
        out["gate"] = {
            "source": self.source,
            "introduced": len(self.introduced),
            "resolved": len(self.resolved),
            "unchanged": len(self.unchanged),
            "fail_on": fail_on,
            "fails": self.fails(fail_on),
        }
        out["introduced"] = [f.to_json() for f in self.introduced]
        out["resolved"] = [f.to_json() for f in self.resolved]
        out["unchanged"] = [f.to_json() for f in self.unchanged]
        return out

    def to_json(self, fail_on: str = "error") -> str:
        return json.dumps(self.to_dict(fail_on), ensure_ascii=False, indent=2) + "\n"


def classify(old: Iterable[Finding], new: Iterable[Finding], source: str
             ) -> tuple[tuple[Finding, ...], tuple[Finding, ...], tuple[Finding, ...]]:
    """(introduced, resolved, unchanged) between two finding lists, by content identity."""
    old = list(old)
    new = list(new)
    old_ids = {identity(f) for f in old}
    new_ids = {identity(f) for f in new}

    def edited(f: Finding) -> bool:
        return any(e.source == source for e in f.evidence)

    introduced = tuple(f for f in new if edited(f) and identity(f) not in old_ids)
    unchanged = tuple(f for f in new if not edited(f) or identity(f) in old_ids)
    resolved = tuple(f for f in old if edited(f) and identity(f) not in new_ids)
    return introduced, resolved, unchanged


def gate(old: Document | None, new: Document, context: Sequence[Document] = (), *,
         problems: Sequence[InputProblem] = (), config: dict | None = None,
         extract: Callable[[Document], Any] | None = None) -> GateResult:
    """Check NEW against the context and compare with OLD against the same context.

    OLD and NEW must carry the same source id (see `edit_documents`); OLD may be None for a
    new article, when every finding that quotes NEW is introduced. `extract(doc)` replaces
    the extraction step (a cache); context extractions are computed once for both runs.
    """
    from .pipeline import run

    if old is not None and old.id != new.id:
        raise ValueError(f"OLD and NEW need one source id, not {old.id!r} and {new.id!r}")
    if any(d.id == new.id for d in context):
        raise ValueError(f"a context document already has the source id {new.id!r}")
    if extract is None:
        from .extract import extract as default

        extract = default
    memo: dict[int, Any] = {}

    def extractions(docs: list[Document]) -> list[Any]:
        out = []
        for d in docs:
            if id(d) not in memo:
                memo[id(d)] = extract(d)
            out.append(memo[id(d)])
        return out

    def check(doc: Document) -> Report:
        docs = sorted([*context, doc], key=lambda d: (d.path, d.id))
        return run(docs, problems, config=config or {}, extractions=extractions(docs))

    new_report = check(new)
    old_report = check(old) if old is not None else None
    introduced, resolved, unchanged = classify(
        old_report.findings if old_report else (), new_report.findings, new.id)
    return GateResult(introduced, resolved, unchanged, new_report, old_report, new.id)


def edit_documents(old_text: str | None, new_text: str, path: str, source_id: str,
                   fmt: str | None = None) -> tuple[Document | None, Document]:
    """Read both revisions under one source id and one path (NEW's), so only the text differs.

    The format is detected from NEW (unless given) and OLD is read the same way.
    """
    from .read import detect_format, read_text

    fmt = fmt or detect_format(new_text, path)
    new = read_text(new_text, path, source_id, fmt)
    old = read_text(old_text, path, source_id, fmt) if old_text is not None else None
    return old, new


# ---- a stored baseline of accepted findings (reconcile check --baseline) ------------------

NEW_MARK = "[new] "


def load_baseline(text: str | object) -> set[Identity]:
    """Identities of the accepted findings in a stored JSON report (check or diff output),
    given as text or as its parsed data."""
    data = json.loads(text) if isinstance(text, str) else text
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError("not a reconcile JSON report (no findings list)")
    return {identity(f) for f in data["findings"]}


def apply_baseline(report: Report, accepted: set[Identity]) -> tuple[Report, Report]:
    """(report with new findings marked, report of only the new findings for the exit status)."""
    marked = []
    new = []
    for f in report.findings:
        if identity(f) in accepted or f.suppression is not None:
            marked.append(f)
        else:
            g = replace(f, message=NEW_MARK + f.message)
            marked.append(g)
            new.append(g)
    return replace(report, findings=tuple(marked)), replace(report, findings=tuple(new))


# ---- MediaWiki XML export: the revisions of one page ------------------------------------


@dataclass(frozen=True)
class Revision:
    id: str
    timestamp: str
    title: str
    text: str


def iter_revisions(source) -> Iterator[Revision]:
    """Stream the revisions of a MediaWiki XML export (file name or binary file object).

    Elements are cleared as soon as they are read, so a long history never sits in memory.
    A second <page> is refused: a dump for the gate holds one page.
    """
    import xml.etree.ElementTree as ET

    title = ""
    pages = 0
    page = None
    rev: dict[str, str] = {}
    depth_rev = False
    for event, elem in ET.iterparse(source, events=("start", "end")):
        tag = elem.tag.rsplit("}", 1)[-1]
        if event == "start":
            if tag == "page":
                page = elem
                pages += 1
                if pages > 1:
                    raise ValueError("the export holds more than one page")
            elif tag == "revision":
                depth_rev, rev = True, {}
            continue
        if tag == "title" and not depth_rev:
            title = elem.text or ""
        elif depth_rev and tag in ("id", "timestamp", "text") and tag not in rev:
            rev[tag] = elem.text or ""
        elif tag == "revision":
            depth_rev = False
            yield Revision(rev.get("id", ""), rev.get("timestamp", ""), title, rev.get("text", ""))
            elem.clear()
            if page is not None:
                page.clear()  # drop the finished revision from its page
        elif tag == "page":
            elem.clear()


# ---- wikitext suggestions -------------------------------------------------------------

NOT_CONTRADICTIONS = {"field-quality", "text-residue", "spelling-variant"}
_WIKI_ESCAPES = {"|": "&#124;", "=": "&#61;", "{": "&#123;", "}": "&#125;", "[": "&#91;",
                 "]": "&#93;", "<": "&lt;", ">": "&gt;", "~": "&#126;", "&": "&amp;"}


def wiki_escape(text: str) -> str:
    """Text safe inside a template parameter: no pipe, brace, bracket, tag, equals or
    signature can end or change the template; doubled apostrophes do not turn italic."""
    text = " ".join(text.split())
    text = "".join(_WIKI_ESCAPES.get(ch, ch) for ch in text)
    return text.replace("''", "&#39;&#39;")


def _comment(text: str) -> str:
    return " ".join(text.split()).replace("--", "- -").replace(">", "&gt;")


def wikitext_suggestions(result: GateResult) -> str:
    """For each introduced contradiction, the maintenance tag a wiki editor would add."""
    report = result.report
    out: list[str] = []
    for f in result.introduced:
        if f.rule in NOT_CONTRADICTIONS or f.severity == "info" or f.suppression is not None:
            continue
        others: list[str] = []
        for e in f.evidence:
            if e.source != result.source:
                doc = report.source(e.source)
                label = doc.title or doc.path
                if label not in others:
                    others.append(label)
        reason = wiki_escape(f.message)
        if others:
            tag = "{{Contradict-other|" + "|".join(wiki_escape(o) for o in others) + \
                f"|reason={reason}}}}}"
        else:
            tag = f"{{{{Contradictory inline|reason={reason}}}}}"
        where = next((e.text for e in f.evidence if e.source == result.source), "")
        out.append(f"<!-- reconcile {f.severity} {_comment(f.id)}: after “{_comment(where)}” -->")
        out.append(tag)
        out.append("")
    if not out:
        return "<!-- reconcile: this edit introduces no contradiction -->\n"
    return "\n".join(out).rstrip() + "\n"


# ---- Markdown comment ----------------------------------------------------------------


def markdown_comment(result: GateResult, fail_on: str = "error") -> str:
    from .render.markdown import md_escape, render_markdown

    n_i, n_r, n_u = len(result.introduced), len(result.resolved), len(result.unchanged)
    verdict = "fails" if result.fails(fail_on) else "passes"
    out = [f"## reconcile diff: {n_i} introduced, {n_r} resolved, {n_u} unchanged "
           f"(edit {verdict} at --fail-on {fail_on})", ""]
    if result.introduced:
        body = render_markdown(result.introduced_report())
        out += ["### Introduced by this edit", "",
                body.split("\n", 1)[1].lstrip("\n") if body.startswith("## ") else body]
    if result.resolved:
        out += ["### Resolved by this edit", ""]
        out += [f"- ✅ {f.severity} `{f.rule}`: {md_escape(f.message)}" for f in result.resolved]
        out.append("")
    if not result.introduced and not result.resolved:
        out += ["Nothing introduced, nothing resolved.", ""]
    return "\n".join(out).rstrip() + "\n"
