"""A line feed inside a paragraph of wrapped text (plain-text news and mail, wrapped at 60 to 80
columns) is a space, not the end of a sentence; a blank line, a heading, an infobox line and a
list item still end one, and a short line (a title, a byline) stays a line of its own. Spans
still point into the raw text exactly, line feeds and all."""

from __future__ import annotations

import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.extract import extract
from reconcile.read import read_text
from reconcile.read.plain import read_news

BODY = """The Halden Maritime Museum opened to visitors in the old customs
house on 14 March 1972, and its new wing, designed by the architect
Kessel Brodie, opened in 1988. The collection was first catalogued by Dr.
Mairi Fenwick, its founder, who died in 2019.
"""
NEWS = " date 2024-05-04 Culture\nMuseum marks fifty years\n" + BODY


def passages(text: str, path: str = "n.txt") -> list[str]:
    return [p.text for p in read_text(text, path, "n").passages]


def test_a_wrapped_paragraph_is_one_passage():
    assert passages(NEWS) == [" ".join(BODY.split())]


def test_a_claim_across_the_break_is_read_and_quoted_as_written():
    doc = read_text(NEWS, "n.txt", "n")
    x = extract(doc)
    surface = {m.id: m.surface for m in x.mentions}
    opened = [(c.span.text, surface.get(c.subject_mention or "")) for c in x.claims
              if c.predicate == "opening" and c.value is not None]
    assert ("14 March 1972", "Halden Maritime Museum") in opened
    # the role word at the end of one line makes a person of the name opening the next
    brodie = [m for m in x.mentions if m.surface == "Kessel Brodie"]
    assert [(m.kind, m.span.text) for m in brodie] == [("person", "Kessel Brodie")]
    for item in (*x.mentions, *x.claims):
        assert doc.text[item.span.start:item.span.end] == item.span.text


def test_a_name_broken_by_the_wrap_is_quoted_with_its_line_feed():
    text = NEWS.replace("in the old customs\nhouse", "in the old Fenner\nHall")
    doc = read_text(text, "n.txt", "n")
    [hall] = [m for m in extract(doc).mentions if m.surface == "Fenner Hall"]
    assert hall.span.text == "Fenner\nHall"


def test_carriage_returns_and_indented_lines_keep_exact_offsets():
    text = NEWS.replace("\n", "\r\n").replace("\r\nhouse", "\r\n   house")
    doc = read_text(text, "n.txt", "n")
    assert [p.text for p in doc.passages] == [" ".join(BODY.split())]
    x = extract(doc)
    dates = [c.span.text for c in x.claims if c.predicate == "opening" and c.value is not None]
    assert "14 March 1972" in dates
    for item in (*x.mentions, *x.claims):
        assert doc.text[item.span.start:item.span.end] == item.span.text


def test_blank_lines_headings_fields_and_list_items_still_end_sentences():
    first = BODY.splitlines()
    article = "\n".join([
        "= Halden Maritime Museum =", "", "- Opened: 14 March 1972",
        first[0], first[1], "== History ==", first[0], first[1], "",
        first[0], first[1], "- Designer: Kessel Brodie",
        first[0], first[1], "- the old wing, from 1972", "* the new wing, from 1988",
    ]) + "\n"
    # the first two lines are one wrapped paragraph each time; the line after them is not
    assert passages(article, "a.txt") == [f"{first[0]} {first[1]}"] * 4 + [
        "- the old wing, from 1972", "* the new wing, from 1988"]


def test_lines_that_end_sentences_or_leave_room_are_not_joined():
    # a title, a byline and paragraphs one to a line: nothing was wrapped
    text = ("Museum marks fifty years\nBy Ines Varga, arts correspondent\n"
            "The museum opened on 14 March 1972 in the old customs house by the harbour.\n"
            "Its new wing opened in 1988.\n")
    assert passages(text) == text.splitlines()
    # one full line alone is no wrapped text
    text = ("The museum opened to visitors in the old customs house of the port\n"
            "on 14 March 1972.\nIts new wing opened in 1988 and was extended in 2001.\n")
    assert passages(text) == text.splitlines()


def test_the_headline_is_never_joined_to_the_body():
    headline = "Halden Maritime Museum marks fifty years in the old customs house of"
    doc = read_news(" date 2024-05-04 Culture\n" + headline + "\n" + BODY, source_id="n",
                    path="n.txt")
    assert doc.title == headline
    assert [p.text for p in doc.passages] == [" ".join(BODY.split())]


def claims(text: str) -> list[tuple]:
    x = extract(read_text(text, "n.txt", "n"))
    surface = {m.id: m.surface for m in x.mentions}
    return [(c.predicate, str(c.value), " ".join(c.span.text.split()),
             surface.get(c.subject_mention or "")) for c in x.claims]


def test_wrapped_at_any_common_width_the_same_claims_are_read():
    paragraphs = [" ".join(BODY.split()),
                  "The museum said on Tuesday that 41,000 people visited it in 2023, and that "
                  "its harbour gallery, closed since 2 June 2021 for repairs, will reopen in "
                  "2025 after a refit costing 3 million euros."]
    head = " date 2024-05-04 Culture\nMuseum marks fifty years\n"
    flat = claims(head + "\n\n".join(paragraphs) + "\n")
    assert len(flat) >= 5
    for width in range(60, 81, 5):
        wrapped = head + "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"
        assert claims(wrapped) == flat, width


# ---- properties -------------------------------------------------------------------------------

WORDS = ["the", "museum", "opened", "on", "14", "March", "1972,", "Dr.", "Kessel", "Brodie",
         "said.", "and", "its", "wing", "in", "1988.", "a", "list:", "No.", "etc.", "(new)"]
paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)
block = st.one_of(
    # wrapped, its line breaks written as line feeds, CR LF, or with the next line indented
    st.tuples(paragraph, st.integers(30, 90), st.sampled_from(["\n", "\r\n", "\n  ", " \n"])).map(
        lambda p: textwrap.fill(p[0], p[1]).replace("\n", p[2])),
    paragraph.map(lambda p: "- " + p[:50]),
    paragraph.map(lambda p: "== " + p[:20] + " =="),
    paragraph,
)
PROPS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                 suppress_health_check=list(HealthCheck))


@PROPS
@given(st.lists(st.tuples(block, st.sampled_from(["\n", "\n\n", "\r\n", "\n  "])), max_size=8))
def test_every_passage_character_points_at_the_same_character_or_a_line_break(blocks):
    text = " date 2024-05-04\nHeadline\n" + "".join(b + sep for b, sep in blocks)
    for fmt, source in (("news", text), ("text", text.split("\n", 2)[-1])):
        doc = read_text(source, "n.txt", "n", fmt)
        for p in doc.passages:
            raw = [p.raw(i) for i in range(len(p.text) + 1)]
            assert raw == sorted(set(raw)) and raw[-1] <= len(doc.text)
            for i, ch in enumerate(p.text):
                assert doc.text[raw[i]] == ch or ch == " " and doc.text[raw[i]].isspace()


@PROPS
@given(st.lists(block.map(lambda b: " ".join(b.split())), min_size=1, max_size=8))
def test_text_without_single_line_feeds_reads_one_passage_a_line(paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    expected = [line.strip() for line in text.split("\n")
                if line.strip() and not (line.startswith("==") and line.endswith("=="))]
    assert passages(text) == expected
