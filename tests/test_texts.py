"""Packed document texts: what an audit's rules read must be the text, exactly."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from reconcile.texts import PackedTexts, pack


@given(st.dictionaries(st.text(min_size=1, max_size=8), st.text(max_size=400), max_size=8))
def test_every_text_unpacks_to_itself(texts):
    packed = PackedTexts({k: pack(v) for k, v in texts.items()})
    assert dict(packed) == texts
    again = pickle.loads(pickle.dumps(packed))
    assert dict(again) == texts and len(again) == len(texts)


def test_recently_unpacked_texts_are_kept_and_the_keep_is_bounded():
    packed = PackedTexts({str(i): pack(f"text {i}") for i in range(200)})
    first = packed["3"]
    assert packed["3"] is first  # kept: a rule asks for one document many times in a row
    for i in range(200):
        assert packed[str(i)] == f"text {i}"
    assert len(packed._recent) <= PackedTexts.RECENT


def test_a_subset_stays_packed_and_holds_only_what_was_asked():
    packed = PackedTexts({"a": pack("alpha"), "b": pack("beta")})
    part = packed.subset(["b", "z"])
    assert list(part) == ["b"] and part["b"] == "beta" and "a" not in part
    assert part._packed["b"] is packed._packed["b"]
