"""HTML view: the content a fact-checker needs, escaped, offline, deterministic and lazy."""

import base64
import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from render_sample import big_report, sample_report

from reconcile.model import Document, Evidence, Finding
from reconcile.render._common import majority_note, quote_context
from reconcile.render.html import (
    TEMPLATES,
    highlight,
    render_html,
    render_html_compact,
    script_json,
)
from reconcile.report import Report


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts.append((self._in_script, data))
            self._in_script = None


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(sample_report())


def test_offline_and_csp(html):
    tags = parse(html)
    csp = [a["content"] for t, a in tags.tags
           if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1
    policy = csp[0]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    (inline,) = [text for attrs, text in tags.scripts if "type" not in attrs]
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    for _, attrs in tags.tags:
        assert "src" not in attrs
        assert attrs.get("href", "#").startswith("#")
        assert not any(k.startswith("on") for k in attrs)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "http://" not in html and "https://" not in html


def test_hostile_text_is_escaped(html):
    # JSON data blocks hold source words as data; they only need to be unable to end their
    # <script> element (no "</", no "<!"); everywhere else markup must be escaped
    data = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html, re.S)
    assert len(data) == 3 and not any("</" in d or "<!" in d for d in data)
    outside = re.sub(r'(<script type="application/json" id="[^"]+">).*?</script>', r"\1", html,
                     flags=re.S)
    assert "<script>alert" not in outside
    assert "<img" not in outside
    assert 'href="javascript' not in outside.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    tags = parse(html)
    assert [t for t, _ in tags.tags].count("script") == 4  # data, lazy cards, timelines, code
    assert not any(t in ("img", "iframe", "object", "embed") for t, _ in tags.tags)


def test_script_json_cannot_close_its_tag():
    out = script_json({"x": "</script><!-- <script>alert(1)</script> \u2028"})
    assert "</" not in out and "<!--" not in out and "\u2028" not in out
    assert json.loads(str(out)) == {"x": "</script><!-- <script>alert(1)</script> \u2028"}


def test_findings_show_quotes_in_context(html):
    assert "It launched on <mark>23 March 2024</mark> from Baikonur." in html
    assert ("The Soyuz MS-25 spacecraft launched on <mark>24 March 2024</mark>, carrying "
            "Oleg Novitskiy and two crewmates.") in html
    assert "The commander was <mark>Oleg Novitsky</mark>." in html
    card = html[html.index('id="f-f-launch-1"'):html.index('id="f-f-spell-1"')]
    assert card.count("✓ most sources") == 2 and card.count("quote majority") == 2
    assert '<span class="badge error">error</span>' in card
    assert 'href="#rule-date-conflict"' in card and 'id="rule-date-conflict"' in html
    assert "93% confident" in card
    assert 'href="#f-f-launch-1"' in card  # permalink
    assert "Check the primary source" in html  # rule help text
    # grouped by entity, worst group first, "General" last
    assert html.index('id="gh-0">Soyuz MS-25') < html.index(">Oleg Novitsky</h3>") < \
        html.index(">General</h3>")


def test_summary_matrix_and_sections(html):
    assert '<div class="tile error"><b>1</b>error</div>' in html
    assert '<td class="m-mixed" title="2 disagreement(s), 1 agreement(s)">' in html
    assert '<td class="m-conflict" title="1 disagreement(s), 0 agreement(s)">' in html
    assert "inputs/broken &lt;scan&gt;.pdf" in html and "binary content" in html
    agreements = html[html.index('id="agreements"'):html.index('id="entities"')]
    assert "<details>" in agreements and "All sources give 25 March 2024" in agreements
    entities = html[html.index('id="entities"'):html.index('id="sources"')]
    assert "Oleg Novitsky · Oleg Novitskiy" in entities
    assert "same given name; surname transliteration" in entities and "kept apart" in entities


def test_filters_and_keyboard_markup(html):
    for needle in ('id="q-rule"', 'id="q-src"', 'id="q-ent"', 'id="q-text"', 'name="sev"',
                   '<option value="1">Crew heads to station</option>'):
        assert needle in html
    js = (TEMPLATES / "report.js").read_text()
    assert '"/"' in js and '"j"' in js and '"k"' in js and "hashchange" in js


def test_timeline(html):
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'class="row conflict"' in svg and ">launch</text>" in svg
    assert svg.count("<circle") == 5  # launch: s1 (prose and infobox merged), s2, s3; docking 2
    assert ">2024-03-23</text>" in svg or ">2024-03-22</text>" in svg
    assert "Crew heads to station: 24 March 2024" in svg


def test_source_view_highlights(html):
    doc = html[html.index('id="src-0"'):html.index('id="src-1"')]
    assert '<mark class="cl" title="launch: 23 March 2024">Launch date: 23 March 2024</mark>' \
        in doc
    assert ('<a class="ev" id="at-0-99" href="#f-f-launch-1" title="launch: 23 March 2024">'
            '23 March 2024</a>') in doc
    assert 'href="#at-0-99">in the text</a>' in html  # the card links back to the spot


def test_highlight_flattens_overlaps():
    text = "abcdefghij"
    spans = [(0, 6, "c", "outer"), (2, 4, "c", "inner"), (3, 8, "f", "F1"), (9, 20, "c", "x")]
    out = str(highlight(text, spans, 100))
    assert out == ('<mark class="cl" title="outer">ab</mark>'
                   '<mark class="cl" title="inner; outer">c</mark>'
                   '<a class="ev" href="#f-F1" title="inner; outer">d</a>'
                   '<a class="ev" href="#f-F1" title="outer">ef</a>'
                   '<a class="ev" href="#f-F1" title="cited by a finding">gh</a>i'
                   '<mark class="cl" title="x">j</mark>')
    assert str(highlight("ab", [(0, 2, "f", "F")], 9, "3")) == \
        '<a class="ev" id="at-3-0" href="#f-F" title="cited by a finding">ab</a>'
    assert str(highlight("<b>", [(0, 3, "c", "<i>")], 100)) == \
        '<mark class="cl" title="&lt;i&gt;">&lt;b&gt;</mark>'
    assert str(highlight("abcdef", [(4, 6, "c", "late")], 3)) == "abc"


def test_quote_context():
    text = "First sentence. Second one says 23 March here and more. Third."
    ctx = quote_context(text, text.index("23 March"), text.index("23 March") + 8)
    assert (ctx.before, ctx.quote, ctx.after) == ("Second one says ", "23 March",
                                                 " here and more.")
    assert not ctx.cut_left and not ctx.cut_right
    long = "word " * 200 + "NEEDLE" + " word" * 200
    i = long.index("NEEDLE")
    ctx = quote_context(long, i, i + 6, cap=100)
    assert ctx.cut_left and ctx.cut_right
    assert len(ctx.before) + len(ctx.after) <= 94
    wrapped = "Line one ends\nand goes on with NEEDLE here.\nNext: field"
    i = wrapped.index("NEEDLE")
    assert quote_context(wrapped, i, i + 6).before == "Line one ends and goes on with "
    abbrev = "Soyuz MS-24 No. 755 was launched by Dr. O. Novitsky on 1 May. Then more."
    i = abbrev.index("1 May")
    c = quote_context(abbrev, i, i + 5)
    assert (c.before, c.after) == ("Soyuz MS-24 No. 755 was launched by Dr. O. Novitsky on ", ".")
    infobox = "Name: X\nLaunch: 1 May\nMass: 3"
    i = infobox.index("1 May")
    c = quote_context(infobox, i, i + 5)
    assert (c.before, c.after) == ("Launch: ", "")


def test_majority_note():
    e = [Evidence("a", 0, 1, "x", note="launch: 1 May"), Evidence("b", 0, 1, "x", note="Launch: 1  May"),
         Evidence("c", 0, 1, "x", note="launch: 2 May")]
    assert majority_note(e) == "launch: 1 may"
    assert majority_note(e[1:]) is None  # a tie backs nobody
    assert majority_note(e[:2]) is None  # notes agree
    kinds = [Evidence("a", 0, 1, "x", note="15 May"), Evidence("a", 0, 1, "x", note="3 days"),
             Evidence("b", 0, 1, "x", note="3 days"), Evidence("b", 0, 1, "x", note="18 May")]
    assert majority_note(kinds) is None  # different kinds of fact, not competing values
    mixed = [*e, Evidence("d", 0, 1, "x", note="docking: 3 May")]
    assert majority_note(mixed) is None


def test_deterministic():
    assert render_html(sample_report()) == render_html(sample_report())


def test_lazy_findings_are_escaped_json():
    html = render_html(sample_report(), page=1)
    tags = parse(html)
    data = json.loads(next(t for a, t in tags.scripts if a.get("id") == "rc-data"))
    lazy = json.loads(next(t for a, t in tags.scripts if a.get("id") == "rc-lazy"))
    assert data["page"] == 1 and len(data["f"]) == 3 and len(lazy) == 2
    assert [f[0] for f in data["f"]] == ["f-launch-1", "f-spell-1", "f-note-1"]
    assert lazy[1].startswith('<article class="finding info" id="f-f-note-1"')
    assert "&lt;img src=x" in lazy[1] and "<img" not in lazy[1]
    assert html.count("<article class=\"finding") == 1


def test_big_report_renders_a_page_and_carries_the_rest():
    report = big_report(600, 5)
    html = render_html(report, page=100)
    tags = parse(html)
    data = json.loads(next(t for a, t in tags.scripts if a.get("id") == "rc-data"))
    assert len(data["f"]) == 600
    assert sum(1 for t, a in tags.tags if t == "article" and "finding" in a.get("class", "")) \
        == 100


def test_empty_report():
    html = render_html(Report((), (), (), ()))
    assert "No disagreements found." in html


def test_compact(html):
    out = render_html_compact(sample_report())
    assert "<script" not in out.replace("&lt;script", "")
    assert "<table>" in out and "<mark>24 March 2024</mark>" in out
    assert "1 error, 1 warning, 1 info" in out
    assert "<img" not in out


def test_control_and_odd_ids_are_safe():
    text = 'x </script><!-- "quoted" & done'
    doc = Document("s\"1", "a'b\".txt", text, "news", "plain", title="</title><b>")
    f = Finding('id"><b>', "r<x>", "error", None, None, "m", (Evidence('s"1', 0, 5, text[:5]),))
    html = render_html(Report((doc,), (), (), (f,)))
    assert "</title><b>" not in html and 'id="f-id&#34;&gt;&lt;b&gt;"' in html
    assert "<!--" not in html.split("<script type=\"application/json\" id=\"rc-data\">")[1]


@pytest.mark.skipif(not shutil.which("node"), reason="node not installed")
def test_script_is_valid_javascript():
    subprocess.run(["node", "--check", str(TEMPLATES / "report.js")], check=True)


def _contrast(a: str, b: str) -> float:
    def lum(h: str) -> float:
        c = [int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_meet_wcag_aa_in_light_and_dark():
    css = (TEMPLATES / "report.css").read_text()
    light_part, dark_part = css.split("@media (prefers-color-scheme: dark)", 1)
    light = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})", light_part))
    dark = {**light, **dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})",
                                       dark_part.split("\n}\n", 1)[0]))}
    pairs = [("fg", "bg"), ("muted", "bg"), ("muted", "panel"), ("link", "bg"), ("err", "bg"),
             ("warn", "bg"), ("info", "bg"), ("ok", "bg"), ("ok", "panel"), ("fg", "mark"),
             ("fg", "claim"), ("fg", "ev"), ("fg", "m-conflict"), ("fg", "m-mixed"),
             ("fg", "m-agree"), ("muted", "m-none"), ("link", "m-mixed"), ("link", "panel")]
    for scheme in (light, dark):
        for fg, bg in pairs:
            assert _contrast(scheme[fg], scheme[bg]) >= 4.5, (fg, bg, scheme[fg], scheme[bg])
    badges = re.findall(r"\.badge\.\w+ \{ background: (#[0-9a-f]{6}); \}", css)
    assert len(badges) == 3
    for badge in badges:
        assert _contrast("#ffffff", badge) >= 4.5


def test_seed_corpus_renders_every_quote(seed_report):
    from markupsafe import escape

    html = render_html(seed_report)
    assert len(seed_report.findings) <= 150  # all findings are elements, not lazy JSON
    for f in seed_report.findings:
        assert f'id="f-{escape(f.id)}"' in html
        for ev in f.evidence:
            assert f"<mark>{escape(ev.text)}</mark>" in html
    assert "<svg" in html  # the mission has dates
    assert render_html(seed_report) == html
