"""A small, realistic Report built by hand for the renderer tests (and a big one for the bench).

Three sources about one mission: two agree on the launch date and one disagrees, one
misspells a cosmonaut's name, the docking date agrees everywhere, a third file is hostile
(markup and a javascript: URL in its text) and one input could not be read.
"""

from __future__ import annotations

from reconcile.model import (
    Agreement,
    Claim,
    DateValue,
    Document,
    Entity,
    Evidence,
    Finding,
    InputProblem,
    Mention,
    MergeReason,
    RuleInfo,
    Span,
)
from reconcile.report import Report

WIKI = """Soyuz MS-25
Launch date: 23 March 2024

Soyuz MS-25 was a crewed Soyuz spaceflight. It launched on 23 March 2024 from Baikonur.
The commander was Oleg Novitsky. It docked with the ISS on 25 March 2024.
"""

NEWS = """Crew heads to station | Space News

The Soyuz MS-25 spacecraft launched on 24 March 2024, carrying Oleg Novitskiy and two
crewmates. The capsule docked with the ISS on 25 March 2024 after a two-day chase.
"""

HOSTILE = """Fan page <script>alert(1)</script>

Soyuz MS-25 lifted off on 23 March 2024 "><img src=x onerror=alert(1)> see javascript:alert(1)
More: [click](javascript:alert(1)) | *bold* _it_ `code`
"""


def span(doc: Document, needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of needle in doc.text."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(needle, i + 1)
    return doc.span(i, i + len(needle))


def docs() -> tuple[Document, Document, Document]:
    wiki = Document("s1", "wiki/Soyuz MS-25.txt", WIKI, "encyclopedia", "plain",
                    title="Soyuz MS-25")
    news = Document("s2", "news/crew-heads.txt", NEWS, "news", "plain",
                    title="Crew heads to station")
    hostile = Document("s3", "web/fan<page>.txt", HOSTILE, "html", "plain",
                       title='Fan page <script>alert("t")</script>')
    return wiki, news, hostile


def sample_report() -> Report:
    wiki, news, hostile = docs()
    mission_mentions = (
        Mention("m1", span(wiki, "Soyuz MS-25", 1), "designator", "Soyuz MS-25"),
        Mention("m2", span(news, "Soyuz MS-25"), "designator", "Soyuz MS-25"),
        Mention("m3", span(hostile, "Soyuz MS-25"), "designator", "Soyuz MS-25"),
    )
    person_mentions = (
        Mention("m4", span(wiki, "Oleg Novitsky"), "person", "Oleg Novitsky"),
        Mention("m5", span(news, "Oleg Novitskiy"), "person", "Oleg Novitskiy"),
    )
    mission = Entity("e1", "mission", "Soyuz MS-25", ("Soyuz MS-25",), mission_mentions)
    person = Entity("e2", "person", "Oleg Novitsky", ("Oleg Novitsky", "Oleg Novitskiy"),
                    person_mentions,
                    reasons=(MergeReason("Oleg Novitsky", "Oleg Novitskiy", 0.96,
                                         "same given name; surname transliteration"),
                             MergeReason("Oleg Novitsky", "Oleg Artemyev", 0.41,
                                         "given name only", merged=False)))
    mar23, mar24, mar25 = DateValue(2024, 3, 23), DateValue(2024, 3, 24), DateValue(2024, 3, 25)
    c = [
        Claim("c1", "s1", "launch", mar23, span(wiki, "23 March 2024", 1), subject="e1"),
        Claim("c2", "s2", "launch", mar24, span(news, "24 March 2024"), subject="e1"),
        Claim("c3", "s3", "launch", mar23, span(hostile, "23 March 2024"), subject="e1"),
        Claim("c4", "s1", "docking", mar25, span(wiki, "25 March 2024"), subject="e1"),
        Claim("c5", "s2", "docking", mar25, span(news, "25 March 2024"), subject="e1"),
        Claim("c6", "s1", "commander", "Oleg Novitsky", span(wiki, "Oleg Novitsky"),
              subject="e1"),
        # an infobox claim overlapping the prose claim c1 is impossible, but a field claim
        # covering its value is not: test nested spans with the infobox line
        Claim("c7", "s1", "launch", mar23, span(wiki, "Launch date: 23 March 2024"),
              subject="e1", field="Launch date"),
    ]
    findings = (
        Finding("f-launch-1", "date-conflict", "error", "e1", "launch",
                "Sources disagree on the launch date of Soyuz MS-25: 23 March 2024 vs "
                "24 March 2024.",
                (Evidence.of(c[0].span, "c1", "launch: 23 March 2024"),
                 Evidence.of(c[1].span, "c2", "launch: 24 March 2024"),
                 Evidence.of(c[2].span, "c3", "launch: 23 March 2024")),
                confidence=0.93),
        Finding("f-spell-1", "spelling-variant", "warning", "e2", None,
                "Oleg Novitsky is spelled two ways: Novitsky, Novitskiy.",
                (Evidence.of(person_mentions[0].span, None, "Oleg Novitsky"),
                 Evidence.of(person_mentions[1].span, None, "Oleg Novitskiy")),
                confidence=0.8),
        Finding("f-note-1", "unsourced-claim", "info", None, None,
                "A page links to javascript:alert(1) <b>bold</b>.",
                (Evidence.of(span(hostile, '"><img src=x onerror=alert(1)>'), None,
                             "<script>alert(1)</script>"),),
                confidence=0.5),
    )
    agreements = (
        Agreement("a-dock-1", "date-conflict", "e1", "docking",
                  "All sources give 25 March 2024 for the docking of Soyuz MS-25.",
                  (Evidence.of(c[3].span, "c4", "docking: 25 March 2024"),
                   Evidence.of(c[4].span, "c5", "docking: 25 March 2024"))),
    )
    rules = (
        RuleInfo("date-conflict", "RC001", "error", "Two sources give different dates.",
                 "Check the primary source (agency press release) for the date.",
                 ("dates",)),
        RuleInfo("spelling-variant", "RC101", "warning", "One name, several spellings.",
                 "Pick one transliteration and use it everywhere."),
        RuleInfo("unsourced-claim", "RC201", "info", "A statement without a source <i>."),
    )
    problems = (InputProblem("inputs/broken <scan>.pdf", "not a text file (binary content)"),)
    return Report((wiki, news, hostile), (mission, person), tuple(c), findings, agreements,
                  problems, rules)


def big_report(n: int = 10_000, n_sources: int = 20) -> Report:
    """A synthetic report with n findings over n_sources documents, for the benchmark."""
    sources = []
    for i in range(n_sources):
        lines = [f"Mission M-{k} launched on {1 + (k + i) % 28} May 20{10 + k % 15}. "
                 f"It was the {k}th flight of the programme." for k in range(n // 4)]
        sources.append(Document(f"s{i}", f"corpus/source-{i:03d}.txt", "\n".join(lines),
                                "news", "plain", title=f"Source {i}"))
    entities = tuple(Entity(f"e{k}", "mission", f"M-{k}", (f"M-{k}",), ())
                     for k in range(n // 4))
    claims = []
    findings = []
    sev = ("error", "warning", "info")
    for j in range(n):
        k = j % (n // 4)
        a, b = sources[j % n_sources], sources[(j * 7 + 1) % n_sources]
        evs = []
        for doc in (a, b):
            start = doc.text.index(f"Mission M-{k} ")
            start = doc.text.index(" on ", start) + 4
            end = doc.text.index(".", start)
            sp = doc.span(start, end)
            cid = f"c{j}-{doc.id}"
            y, d = int(sp.text[-4:]), int(sp.text.split()[0])
            claims.append(Claim(cid, doc.id, "launch", DateValue(y, 5, d), sp, subject=f"e{k}"))
            evs.append(Evidence.of(sp, cid, f"launch: {sp.text}"))
        findings.append(Finding(f"f{j:05d}", "date-conflict", sev[j % 3], f"e{k}", "launch",
                                f"Sources disagree on the launch of M-{k}.", tuple(evs), 0.9))
    rules = (RuleInfo("date-conflict", "RC001", "error", "Two sources give different dates."),)
    return Report(tuple(sources), entities, tuple(claims), tuple(findings), (), (), rules)
