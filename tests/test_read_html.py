"""The HTML reader: article body, headline and date from fixtures; exact offsets on any input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _readcheck import check_document, quote
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.read import detect_format
from reconcile.read.html import read_html, tokens

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
PAGES = sorted(FIXTURES.glob("*.html"))


def read(name: str):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    doc = read_html(text, source_id=Path(name).stem, path=name)
    check_document(doc, text)
    return doc


def texts(doc) -> str:
    return "\n".join(p.text for p in doc.passages)


def test_fixtures_are_detected_as_html():
    for path in PAGES:
        assert detect_format(path.read_text(encoding="utf-8"), str(path)) == "html"


def test_orchestra_tour():
    doc = read("orchestra_tour.html")
    assert (doc.kind, doc.format) == ("news", "html")
    assert doc.title == "Hallé Orchestra to play 11 concerts in four countries on 2025 Asia tour"
    assert doc.title_span.text.startswith("Hall&eacute; Orchestra")
    assert doc.published == dt.date(2024, 11, 19)
    assert doc.published_span.text == "2024-11-19T07:30:00+00:00"
    body = texts(doc)
    for boiler in ("Theatre", "Home", "Share on X", "Subscribe", "BBC Philharmonic",
                   "Great news", "rights reserved", "not text", "color"):
        assert boiler not in body, boiler
    assert "The Hallé at the Bridgewater Hall, Manchester, in September 2024." in body
    assert "Tokyo, Suntory Hall: 12 and 13 April" in [p.text for p in doc.passages]
    # entities decode to one character that maps to the entity; inline tags vanish
    assert quote(doc, "Sir Mark Elder's successor") == "Sir Mark Elder&#x27;s successor"
    assert quote(doc, "The Hallé Orchestra will") == "The <b>Hallé Orchestra</b> will"
    assert quote(doc, "Rachmaninov's Third") == "Rachmaninov&#39;s Third"
    assert quote(doc, "£420,000 from") == "&pound;420,000 from"
    assert quote(doc, "David Butcher. Tickets") == "David Butcher.<br>Tickets"
    sections = {p.section for p in doc.passages if "£420,000" in p.text}
    assert sections == {"Funding"}
    assert {p.section for p in doc.passages if "Elgar" in p.text} == {"Programme & soloists"}


def test_company_merger_without_article_element():
    doc = read("company_merger.html")
    assert doc.kind == "news"
    assert doc.title == "Halvard and Brenmoor agree €6.2bn merger"  # <h1> beats <title>
    assert doc.title_span.text == "Halvard and Brenmoor agree &euro;6.2bn merger"
    assert doc.published == dt.date(2023, 6, 7)  # JSON-LD datePublished
    assert doc.published_span.text == "2023-06-07T05:45:00Z"
    body = texts(doc)
    for boiler in ("cookies", "Advertisement", "Gdańsk", "Most read", "morning briefing",
                   "Markets"):
        assert boiler not in body, boiler
    assert len(doc.passages) == 5
    assert quote(doc, "at €6.2bn (£5.3bn), the") == "at &euro;6.2bn (&pound;5.3bn), the"
    assert quote(doc, "19.4 million passengers") == "19.4&nbsp;million passengers"
    assert quote(doc, "called Halvard Brenmoor Group and") == \
        "called <em>Halvard Brenmoor Group</em> and"


def test_spaceflight_news_time_pubdate():
    doc = read("spaceflight_news.html")
    assert doc.title == "Aurora 3 crew home after 11 days in orbit"
    # <time pubdate> outranks a bare <meta name="date">
    assert doc.published == dt.date(2023, 4, 3)
    assert doc.published_span.text == "2023-04-03T21:05:00Z"
    body = texts(doc)
    assert "Orbit Weekly" not in body and "Amazing" not in body
    assert "Copyright" not in body and "Published" not in body  # article header/footer
    assert quote(doc, "Lena Kovač said") == "Lena Kova&#269; said"
    assert quote(doc, "ESA said <in a statement> on") == "ESA said &lt;in a statement&gt; on"
    assert "Photo: ESA/S. Corvaja" in body
    assert {p.section for p in doc.passages if "Aurora 4" in p.text} == {"What next"}


def test_page_without_article_signal():
    text = ("<html><head><title>Opening hours</title></head><body><nav>Home</nav>"
            "<div><p>The museum opens at 10:00 from Tuesday to Sunday.</p></div></body></html>")
    doc = read_html(text, source_id="x", path="x.html")
    check_document(doc, text)
    assert doc.kind == "html" and doc.published is None
    assert doc.title == "Opening hours"
    assert [p.text for p in doc.passages] == ["The museum opens at 10:00 from Tuesday to Sunday."]


def test_deep_nesting_is_fast():
    import time

    text = "<div>" * 50000 + "<p>Deep text.</p>"
    t0 = time.perf_counter()
    doc = read_html(text, source_id="x", path="x")
    assert time.perf_counter() - t0 < 5
    assert [p.text for p in doc.passages] == ["Deep text."]


def test_not_html():
    with pytest.raises(ValueError, match="not HTML"):
        read_html("Just a line of text with 3 < 4 and a & b.", source_id="x", path="x")


def test_tokens_cover_the_raw_text():
    text = (FIXTURES / "orchestra_tour.html").read_text(encoding="utf-8")
    pos = 0
    for tok in tokens(text):
        assert tok[1] == pos
        pos = tok[2]
    assert pos == len(text)


@pytest.mark.parametrize("text", [
    "<p>unclosed <b>bold <a href='x>never closed",
    '<p title="open quote>text</p>' + "<p>x</p>" * 50,
    "<div>" * 2000 + "deep text" + "</div>" * 10,
    "<p>&#xFFFFFFFF; &#0; &bogus; &amp &ampx</p>",
    "<script>never closed <p>text</p>",
    "<!-- unclosed comment <p>text</p>",
    "<article><p>a</p></article>" * 3 + "<template><article>t</article></template>",
    "<html><body><td>cell</td><p>after</p>",
])
def test_broken_html_does_not_raise(text):
    check_document(read_html(text, source_id="x", path="x"), text)


FRAGMENTS = ["<p>", "</p>", "<div class='related'>", "<div class=\"text\">", "</div>",
             "<article>", "</article>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>", "<br>",
             "<b>", "</b>", "<a href=\"x\">", "</a>", "<script>", "</script>", "<!--", "-->",
             "&amp;", "&#x27;", "&nbsp;", "&", "<", ">", "\"", "'", "=", " ", "\n", "word",
             "Ünï", "<meta property=\"article:published_time\" content=\"2024-02-30\">",
             "<time datetime=\"2023-01-05\">", "<title>", "</title>", "<nav>", "</nav>",
             "<h1>", "</h1>", "<figcaption>", "<p/>", "</", "<!", "<?x", "<template>"]
htmlish = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


def _mutations():
    pages = [p.read_text(encoding="utf-8") for p in PAGES]

    @st.composite
    def mutate(draw):
        text = draw(st.sampled_from(pages))
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(text)))
            j = draw(st.integers(i, min(len(text), i + 200)))
            op = draw(st.sampled_from(["cut", "delete", "insert"]))
            if op == "cut":
                text = text[:i]
            elif op == "delete":
                text = text[:i] + text[j:]
            else:
                text = text[:i] + draw(st.sampled_from(FRAGMENTS)) + text[i:]
        return text

    return mutate()


def _ok(text: str) -> None:
    try:
        doc = read_html(text, source_id="h", path="h.html")
    except ValueError as exc:
        assert "\n" not in str(exc)
        return
    check_document(doc, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    _ok(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(htmlish)
def test_htmlish_text(text):
    _ok(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_mutated_fixtures(text):
    _ok(text)
