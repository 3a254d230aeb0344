"""Hypothesis drives every reader and the extractor with arbitrary text and arbitrary bytes.

No exception escapes but InputError / ValueError (a reader saying "not my format"), every span
lies inside the text, and `span.text == doc.text[start:end]` for every claim, mention and field.

The budget is small by default; `nox -s fuzz` raises it with RECONCILE_FUZZ_EXAMPLES (examples
per test) and RECONCILE_FUZZ_DEADLINE_MS.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.extract import extract
from reconcile.read import FORMATS, InputError, decode, read_text

EXAMPLES = int(os.environ.get("RECONCILE_FUZZ_EXAMPLES", "60"))
_deadline = os.environ.get("RECONCILE_FUZZ_DEADLINE_MS", "")
DEADLINE = int(_deadline) if _deadline else None

FUZZ = settings(max_examples=EXAMPLES, deadline=DEADLINE, derandomize=not os.environ.get(
    "RECONCILE_FUZZ_EXAMPLES"), suppress_health_check=list(HealthCheck), database=None)

# Text that looks like the formats the readers know, so that the interesting paths are reached.
PIECES = [
    "= Title =\n", " date 2020-06-04\n", "- Launch date: 4 June 2020\n", "- Crew: A, B and C\n",
    "== Section ==\n", "{{Infobox spaceflight\n| name = X-1\n| launch_date = ", "{{Start date|2020|6|4}}",
    "}}", "{{", "[[", "]]", "[[File:x.jpg|thumb|cap]]", "{|", "|}", "|-", "'''", "''", "<ref>",
    "</ref>", "<!--", "-->", "<html><body><article><p>", "</p>", "<script>", "</script>", "&amp;",
    "&#x1F600;", "&#99999999;", "The probe launched on 4 June 2020.", " On Saturday ", "No. 755",
    " Flight 370 ", " MS-24 ", "Anna Ivanova", " astronaut ", " landed on 9 June 2020 ",
    " lasting 5 days ", " 3 crew ", "\r\n", "\n", " ", "\t", "\u00e9", "e\u0301", "\U0001F680",
    "\ufeff", "\u200b", "\u202e", "\x00", "\x0c", "1,", "&#", "On ", "A-", "Aa ",
]
wikiish = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40).map("".join)
texts = st.text(max_size=400) | wikiish


def check_spans(doc, ext=None) -> None:
    text, n = doc.text, len(doc.text)

    def ok(span) -> None:
        assert 0 <= span.start <= span.end <= n, span
        assert span.text == text[span.start:span.end], span

    for span in (doc.title_span, doc.published_span):
        if span is not None:
            ok(span)
    for f in doc.fields:
        ok(f.line)
        ok(f.key_span)
        ok(f.value_span)
    for p in doc.passages:
        if p.offsets is None:
            assert text[p.start:p.start + len(p.text)] == p.text, p
        else:
            assert len(p.offsets) == len(p.text) + 1 and all(0 <= o <= n for o in p.offsets), p
    if ext is not None:
        for m in ext.mentions:
            ok(m.span)
        for c in ext.claims:
            ok(c.span)
            if c.context is not None:
                assert 0 <= c.context[0] <= c.context[1] <= n, c


def read_and_extract(text: str, fmt: str | None) -> None:
    try:
        doc = read_text(text, "fuzz.txt", "fuzz", fmt)
    except (InputError, ValueError):
        return
    assert doc.text == text
    check_spans(doc)
    check_spans(doc, extract(doc))


@FUZZ
@given(text=texts, fmt=st.sampled_from((None, *FORMATS)))
def test_readers_and_extract_on_text(text, fmt):
    read_and_extract(text, fmt)


@FUZZ
@given(data=st.binary(max_size=400) | wikiish.map(lambda s: s.encode("utf-8", "surrogatepass"))
       | wikiish.map(lambda s: s.encode("utf-16")) | st.text(max_size=200).map(
           lambda s: s.encode("cp1252", "replace")),
       fmt=st.sampled_from((None, *FORMATS)))
def test_decode_then_read_on_bytes(data, fmt):
    try:
        text, _note = decode(data, "fuzz.bin")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(text, str)
    read_and_extract(text, fmt)


# Pieces of claim records, so that whole, broken and odd records all occur.
RECORD_PIECES = ['{"subject": ', '"predicate": ', '"value": ', '"source": ', '"text": ',
                 '"Orto Dam"', '"opening"', '"1961-05"', '"1961-13-45"', "1961", "-0.5", "1e309",
                 "true", "null", '["A", "B"]', '{"value": 3, "unit": "m"}', '{"value": "x"}',
                 '"modality": "planned"', '"subject_type": "person"', ", ", "}", "{", "\n",
                 '"\\u00e9\\"q\\""', '"\\ud800"', '"', "\\", "\U0001F680", "\u2028"]
records = st.lists(st.sampled_from(RECORD_PIECES) | st.text(max_size=6), max_size=40).map("".join)


@FUZZ
@given(text=records)
def test_claim_records_on_text(text):
    from reconcile.read.claims_jsonl import read_claims

    for doc in read_claims(text, source_id="fuzz", path="fuzz.jsonl"):
        assert doc.text == text
        check_spans(doc, extract(doc))
