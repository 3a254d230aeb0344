"""Markdown view: counts, a findings table, escaped quotes, info folded away."""

from render_sample import sample_report

from reconcile.render.markdown import md_escape, render_markdown
from reconcile.report import Report


def test_content():
    md = render_markdown(sample_report())
    assert md.startswith("## reconcile: 1 error, 1 warning, 1 info across 3 sources\n")
    assert "| 1 | 🔴 error | `date-conflict` | Soyuz MS-25 |" in md
    assert "> It launched on **23 March 2024** from Baikonur." in md
    assert "launch: 23 March 2024 (most sources)" in md
    assert "launch: 24 March 2024 (most sources)" not in md
    assert "carrying **Oleg Novitskiy** and two crewmates." in md
    info = md.index("<details>")
    assert md.index("unsourced-claim` |") < info < md.index("### 3.") < md.index("</details>")
    assert "broken <scan>.pdf" in md  # inside a code span, which shows it literally


def test_escaping():
    md = render_markdown(sample_report())
    assert "<script>" not in md.replace("`inputs/broken <scan>.pdf`", "")
    assert "<img" not in md and "](javascript:" not in md
    assert md_escape("a|b *c* _d_ `e` [f](javascript:x)") == \
        r"a\|b \*c\* \_d\_ \`e\` \[f\](javascript:x)"
    assert md_escape("<b>&") == "&lt;b&gt;&amp;"
    assert md_escape("1. item", line_start=True) == r"1\. item"
    assert md_escape("# x\nnext", line_start=True) == r"\# x next"


def test_limit_and_empty():
    md = render_markdown(sample_report(), limit=1)
    assert "…and 2 more finding(s)" in md
    assert "No disagreements found." in render_markdown(Report((), (), (), ()))
    assert render_markdown(sample_report()) == render_markdown(sample_report())


def test_seed_corpus(seed_report):
    md = render_markdown(seed_report)
    assert md.count("\n### ") == len(seed_report.findings)
    assert "<details>" in md
