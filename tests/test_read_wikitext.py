"""The wikitext reader: fixtures read as expected, and no input breaks the offset contract."""

from __future__ import annotations

from pathlib import Path

import pytest
from _readcheck import check_document, quote
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.read import detect_format
from reconcile.read.wikitext import read_wikitext

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
WIKI = sorted(FIXTURES.glob("*.wiki"))


def read(name: str):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    doc = read_wikitext(text, source_id=Path(name).stem, path=name)
    check_document(doc, text)
    return doc


def fields(doc):
    return {f.key: f for f in doc.fields}


def test_fixtures_are_detected_as_wikitext():
    for path in WIKI:
        assert detect_format(path.read_text(encoding="utf-8"), str(path)) == "wikitext"


def test_bridge_title_infobox_and_prose():
    doc = read("bridge_collapse.wiki")
    assert (doc.kind, doc.format) == ("wiki", "wikitext")
    assert doc.title == "Ponte de São Vicente"
    assert doc.title_span.text == "Ponte de São Vicente"
    f = fields(doc)
    assert f["bridge_name"].value == "Ponte de São Vicente"
    assert f["open"].value == "21 June 1987"
    assert f["open"].value_span.text == "{{Start date|1987|6|21|df=yes}}"
    assert f["open"].line.text == "open          = {{Start date|1987|6|21|df=yes}}"
    assert f["open"].key_span.text == "open"
    assert f["collapsed"].value == "4 March 2019"
    assert f["mainspan"].value == "140 m"
    assert f["carries"].value == "EN 222, pedestrians"
    assert f["design"].value == "Balanced cantilever"
    assert f["closed"].value == "" and f["closed"].value_span.text == ""
    assert f["closed"].line.text == "closed        ="


def test_bridge_passages_map_back_exactly():
    doc = read("bridge_collapse.wiki")
    lead = doc.passages[0]
    assert lead.section is None
    assert lead.text.startswith("Ponte de São Vicente (St Vincent Bridge) was a prestressed")
    assert "<ref" not in lead.text and "cite report" not in lead.text
    # verbatim words around links and bold keep their raw offsets
    assert quote(doc, "across the Douro River near") == "across the [[Douro River]] near"
    # template expansions quote the whole template
    assert quote(doc, "140 m") == "{{convert|140|m}}"
    assert quote(doc, "night of 4 March 2019, killing") == \
        "night of {{Start date|2019|3|4}}, killing"
    assert quote(doc, "on 21 June 1987.") == "on {{dts|1987|6|21}}."
    assert quote(doc, "following six weeks;") == "following {{nowrap|six weeks}};"
    assert quote(doc, "Ponte Hintze Ribeiro") == "Ponte Hintze Ribeiro"
    sections = {p.section for p in doc.passages}
    assert {"History", "Collapse", "Inquiry"} <= sections
    history = [p for p in doc.passages if p.section == "History"]
    assert len(history) == 1 and "check the ferry date" not in history[0].text
    assert not any("Category" in p.text or "thumb" in p.text for p in doc.passages)
    assert any("up to 5 to 7 m since 1980" in p.text for p in doc.passages)
    assert any(p.text == "A replacement bridge, Ponte Hintze Ribeiro, opened on 13 May 2022."
               for p in doc.passages)


def test_spaceflight_fields_lists_and_sections():
    doc = read("spaceflight.wiki")
    assert doc.title == "Aurora 3"
    f = fields(doc)
    assert f["launch_date"].value == "23 March 2023"
    assert f["landing_date"].value == "3 April 2023"
    assert f["crew_members"].value == "Lena Kovač, Marc Olivier Duval, Tomasz Wrona"
    assert f["names_list"].value == "Aurora-3, A3"
    assert f["spacecraft"].value == "Vega Crew Vehicle – serial VCV-2"
    assert f["COSPAR_ID"].value == "2023-041A"
    assert f["next_mission"].value == ""
    assert f["orbit_periapsis"].value == "402 km"
    texts = [p.text for p in doc.passages]
    # table cells are not prose; list items are one passage each
    assert not any("Commander ||" in t or "wikitable" in t for t in texts)
    assert "Flight day 1: orbit raising to 402 km." in texts
    assert quote(doc, "at 07:30:08 UTC") == "at 07:30:08&nbsp;UTC"
    assert quote(doc, "judged it sans danger and") == "judged it {{lang|fr|sans danger}} and"
    assert {p.section for p in doc.passages if "helium" in p.text} == {"Anomaly"}


def test_election_lead_after_infobox():
    doc = read("election_results.wiki")
    assert doc.title == "2022 Westmarch mayoral election"
    f = fields(doc)
    assert f["election_date"].value == "9 October 2022"
    assert f["popular_vote1"].value == "184,211"
    assert f["turnout"].value == "61.4% 3.1 pp"
    assert f["image1"].value == ""
    assert not any("Election box" in p.text for p in doc.passages)
    assert quote(doc, "on 14 March 2022 at") == "on {{dts|2022|3|14}} at"


def test_title_from_first_heading_not_path():
    doc = read_wikitext("== Background ==\nThe line opened in 1901.\n", source_id="x",
                        path="Some_Title.wiki")
    assert doc.title == "Background"
    assert read_wikitext("plain words only\n", source_id="x", path="Stem.wiki").title is None


@pytest.mark.parametrize("text", [
    "{{Infobox bridge\n| name = X\n| open = {{Start date|2017|6|21}}\nThe bridge opened.",
    "{| class=wikitable\n| a || b\n|-\n| c\nText after a broken table.",
    "{{a|" * 300 + "deep",
    "[[File:x.jpg|thumb|[[a|" * 50,
    "'''Bold never closed. ''Italic too. <ref>open ref",
    "&#xFFFFFFFF; &#0; &bogus; &amp",
    "== ==\n=\n==x",
])
def test_broken_wikitext_does_not_raise(text):
    check_document(read_wikitext(text, source_id="x", path="x"), text)


def test_unclosed_infobox_falls_back_to_prose():
    text = "{{Infobox bridge\n| name = X\nThe bridge opened in 1932 and carried trams."
    doc = read_wikitext(text, source_id="x", path="x")
    assert any(p.text == "The bridge opened in 1932 and carried trams." for p in doc.passages)


def test_pathological_nesting_is_fast_and_reads_as_text():
    import time

    text = "{{a|" * 5000 + "The bridge opened in 1932."
    t0 = time.perf_counter()
    doc = read_wikitext(text, source_id="x", path="x")
    assert time.perf_counter() - t0 < 2
    check_document(doc, text)
    assert doc.notes


def test_not_wikitext():
    with pytest.raises(ValueError):
        read_wikitext("<!DOCTYPE html><html><body>x</body></html>", source_id="x", path="x")
    with pytest.raises(ValueError):
        read_wikitext('<mediawiki xmlns="x"><page></page></mediawiki>', source_id="x", path="x")


FRAGMENTS = ["{{", "}}", "[[", "]]", "|", "=", "==", "'''", "''", "\n", " ", "<ref>", "</ref>",
             "<ref name=a/>", "<!--", "-->", "{|", "|}", "|-", "&amp;", "&nbsp;", "&#x27;", "*",
             "#", "Infobox", "convert|140|m", "Start date|2017|6|21", "nowrap|", "File:",
             "Category:", "<br>", "<nowiki>", "</nowiki>", "word", "Ünï", "2019", "{{{", "}}}"]
wikiish = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


def _mutations():
    texts = [p.read_text(encoding="utf-8") for p in WIKI]

    @st.composite
    def mutate(draw):
        text = draw(st.sampled_from(texts))
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
        doc = read_wikitext(text, source_id="h", path="h.wiki")
    except ValueError as exc:
        assert "\n" not in str(exc)
        return
    check_document(doc, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text(text):
    _ok(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wikiish)
def test_wikiish_text(text):
    _ok(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_mutated_fixtures(text):
    _ok(text)
