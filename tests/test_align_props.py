"""Hypothesis properties of align: order independence, idempotence, designator safety."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.align import align, designator_key
from reconcile.align.designators import conflict
from reconcile.model import Mention, Span

PERSONS = ["Maryna Vasileuskaya", "Marina Vasilevskaya", "Tracy Caldwell Dyson",
           "Tracy Caldwell-Dyson", "Tracy Dyson", "Oleg Kononenko", "Oleg Novitsky",
           "Nikolai Chub", "Nikolai Chubb", "Mykola Chub", "Anna Kononenko", "Bill Smith",
           "William Smith", "Tracy Smith Dyson", "Jae-won Park", "Jaewon Park", "Jae Won Park",
           "Jean-Pierre Dupont", "Jean Pierre Dupont", "Jean Dupont"]
SHORTS = ["Dyson", "Kononenko", "Chub", "Smith", "Caldwell-Dyson", "Novitskiy", "Nobody"]
DESIGNATORS = ["Soyuz MS-24", "MS-24", "Soyuz MS-25", "MS-25", "ISS 70S", "Soyuz 70S",
               "ISS 71S", "Soyuz 71S", "Expedition 70", "Expedition 71", "Progress MS-24",
               "Apollo 13", "Soyuz 24"]
SERIALS = ["No. 755", "No. 756", "No 755"]

row = st.one_of(
    st.tuples(st.just("person"), st.sampled_from(PERSONS), st.just(False)),
    st.tuples(st.just("person"), st.sampled_from(SHORTS), st.just(True)),
    st.tuples(st.just("designator"), st.sampled_from(DESIGNATORS), st.just(False)),
    st.tuples(st.just("serial"), st.sampled_from(SERIALS), st.just(False)),
)
rows = st.lists(st.tuples(row, st.sampled_from("abc"), st.integers(0, 40)), max_size=30)


def build(spec) -> list[Mention]:
    out: list[Mention] = []
    for i, ((kind, surface, short), source, alias) in enumerate(spec):
        earlier = [m for m in out if m.span.source == source and m.kind == kind != "person"]
        alias_of = earlier[alias % len(earlier)].id if earlier and alias < 12 else None
        span = Span(source, 10 * i, 10 * i + len(surface), surface)
        out.append(Mention(f"m{i:03d}", span, kind, surface, short, alias_of))
    return out


def dump(result) -> str:
    return json.dumps({
        "entities": [e.to_json() | {"unresolved": [m.id for m in e.unresolved]}
                     for e in result.entities],
        "entity_of": sorted(result.entity_of.items()),
        "unresolved": [m.id for m in result.unresolved],
    }, sort_keys=True)


@settings(max_examples=150, deadline=None)
@given(rows, st.randoms(use_true_random=False))
def test_permutation_invariance(spec, rnd):
    mentions = build(spec)
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert dump(align(mentions)) == dump(align(shuffled))


@settings(max_examples=100, deadline=None)
@given(rows)
def test_idempotent(spec):
    mentions = build(spec)
    first = align(mentions)
    again = [m for e in first.entities for m in e.mentions] + list(first.unresolved)
    assert dump(align(again)) == dump(first) == dump(align(mentions))


@settings(max_examples=200, deadline=None)
@given(rows)
def test_designators_with_different_numbers_never_merge(spec):
    plain = [m for m in build(spec)]
    no_alias = [Mention(m.id, m.span, m.kind, m.surface, m.short) for m in plain]
    for mentions, aliased in ((no_alias, False), (plain, True)):
        for e in align(mentions).entities:
            keys = {designator_key(m.surface) for m in e.mentions if m.kind == "designator"}
            if not aliased:
                assert len({k[1] for k in keys}) <= 1, e.variants
            assert not any(conflict(a, b) for a in keys for b in keys), e.variants
            serials = {m.surface.replace(".", "").split()[-1] for m in e.mentions
                       if m.kind == "serial"}
            assert len(serials) <= 1, e.variants


@settings(max_examples=100, deadline=None)
@given(rows)
def test_every_mention_accounted_for(spec):
    mentions = build(spec)
    out = align(mentions)
    unresolved = {m.id for m in out.unresolved}
    assert unresolved.isdisjoint(out.entity_of)
    assert unresolved | set(out.entity_of) == {m.id for m in mentions}
    assert all(m.short for m in out.unresolved)
    assert [e.id for e in out.entities] == sorted(e.id for e in out.entities)
    assert len({e.id for e in out.entities}) == len(out.entities)
