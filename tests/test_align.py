"""Alignment: the named cases from the sample sources, and the public helpers."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from reconcile.align import align, designator_key, person_key, same_person
from reconcile.align.designators import same_designator
from reconcile.align.normalize import fold
from reconcile.align.skeleton import skeleton
from reconcile.model import Mention, Span


def mention(mid, source, surface, kind="person", short=False, alias_of=None, role=None, start=0):
    span = Span(source, start, start + len(surface), surface)
    return Mention(mid, span, kind, surface, short, alias_of, role)


def corpus() -> list[Mention]:
    rows = [
        ("a1", "a", "Soyuz MS-24", "designator", False, None, "subject"),
        ("a2", "a", "ISS 70S", "designator", False, "a1", None),
        ("a3", "a", "Soyuz 70S", "designator", False, "a1", None),
        ("a4", "a", "Maryna Vasileuskaya", "person", False, None, None),
        ("a5", "a", "Marina Vasilevskaya", "person", False, None, None),
        ("a6", "a", "Tracy Caldwell-Dyson", "person", False, None, None),
        ("a7", "a", "Oleg Kononenko", "person", False, None, None),
        ("a8", "a", "Nikolai Chub", "person", False, None, None),
        ("a9", "a", "No. 755", "serial", False, None, None),
        ("b1", "b", "Soyuz MS-25", "designator", False, None, "subject"),
        ("b2", "b", "ISS 71S", "designator", False, "b1", None),
        ("b3", "b", "Soyuz 71S", "designator", False, "b1", None),
        ("b4", "b", "Tracy Caldwell Dyson", "person", False, None, None),
        ("b5", "b", "Dyson", "person", True, None, None),
        ("b6", "b", "Oleg Novitsky", "person", False, None, None),
        ("b7", "b", "Expedition 70", "designator", False, None, None),
        ("b8", "b", "Expedition 71", "designator", False, None, None),
        ("b9", "b", "No. 756", "serial", False, None, None),
        ("c1", "c", "Tracy Dyson", "person", False, None, None),
        ("c2", "c", "Marina Vasilevskaya", "person", False, None, None),
        ("c3", "c", "No. 755", "serial", False, None, None),
        ("c4", "c", "MS-24", "designator", False, None, None),
        ("c5", "c", "Kononenko", "person", True, None, None),
    ]
    return [mention(mid, src, s, k, sh, al, ro, start=10 * i)
            for i, (mid, src, s, k, sh, al, ro) in enumerate(rows)]


@pytest.fixture(scope="module")
def result():
    return align(corpus(), {"a": "a1", "b": "b1"})


def together(result, *ids):
    return len({result.entity_of[i] for i in ids}) == 1


def apart(result, a, b):
    return result.entity_of[a] != result.entity_of[b]


def test_transliteration_and_table(result):
    assert together(result, "a4", "a5", "c2")
    e = next(e for e in result.entities if e.id == result.entity_of["a4"])
    assert e.id == "person:marina-vasilevskaya"
    assert any("maryna" in r.reason and "by table" in r.reason for r in e.reasons)


def test_married_and_hyphenated(result):
    assert together(result, "a6", "b4", "c1", "b5")
    e = next(e for e in result.entities if e.id == result.entity_of["b5"])
    assert e.type == "person" and e.name == "Tracy Caldwell Dyson"
    assert e.id == "person:tracy-caldwell-dyson"
    assert e.variants == ("Dyson", "Tracy Caldwell Dyson", "Tracy Caldwell-Dyson", "Tracy Dyson")


def test_short_resolves_in_source_and_corpus(result):
    assert together(result, "b5", "b4")
    assert together(result, "c5", "a7")  # no full Kononenko in c: unique corpus match
    e = next(e for e in result.entities if e.id == result.entity_of["c5"])
    assert any("only match in the corpus" in r.reason and r.score < 0.9 for r in e.reasons)


def test_different_people(result):
    assert apart(result, "a7", "b6")  # Oleg Kononenko / Oleg Novitsky
    assert apart(result, "a8", "b6")  # Nikolai Chub / Oleg Novitsky


def test_designators(result):
    assert together(result, "a1", "a2", "a3", "c4")
    assert together(result, "b1", "b2", "b3")
    assert apart(result, "a1", "b1")
    assert apart(result, "b7", "b8")
    assert apart(result, "a2", "b2")
    assert result.entity_of["a1"] == "mission:soyuz-ms-24"


def test_serials(result):
    assert together(result, "a9", "c3")
    assert apart(result, "a9", "b9")
    assert result.entity_of["a9"] == "spacecraft:no-755"


def test_ambiguous_short_is_unresolved():
    ms = [mention("1", "s", "Oleg Kononenko"), mention("2", "s", "Anna Kononenko", start=20),
          mention("3", "s", "Kononenko", short=True, start=40)]
    out = align(ms)
    assert [m.id for m in out.unresolved] == ["3"]
    assert "3" not in out.entity_of
    assert all(len(e.unresolved) == 1 for e in out.entities)


def test_ambiguous_short_prefers_document_subject():
    ms = [mention("1", "s", "Oleg Kononenko", role="subject"),
          mention("2", "s", "Anna Kononenko", start=20),
          mention("3", "s", "Kononenko", short=True, start=40)]
    out = align(ms, {"s": "1"})
    assert out.entity_of["3"] == out.entity_of["1"]


def test_short_does_not_cross_sources_when_source_has_a_match():
    ms = [mention("1", "s", "Oleg Kononenko"), mention("2", "t", "Anna Kononenko"),
          mention("3", "t", "Kononenko", short=True, start=40)]
    out = align(ms)
    assert out.entity_of["3"] == out.entity_of["2"]


def test_alias_guard_refuses_series_chain():
    ms = [mention("1", "s", "Soyuz MS-24", "designator"),
          mention("2", "s", "Soyuz 70S", "designator", alias_of="1", start=20),
          mention("3", "t", "Soyuz MS-25", "designator"),
          mention("4", "t", "Soyuz 70S", "designator", alias_of="3", start=20)]
    out = align(ms)
    assert out.entity_of["1"] != out.entity_of["3"]
    refused = [r for e in out.entities for r in e.reasons if not r.merged]
    assert any("refused" in r.reason for r in refused)


def test_near_miss_is_recorded():
    out = align([mention("1", "s", "Nikolai Chub"), mention("2", "t", "Nikolai Chubb")])
    assert out.entity_of["1"] != out.entity_of["2"]
    (r,) = {r for e in out.entities for r in e.reasons}
    assert not r.merged and r.score >= 0.85 and "short surname" in r.reason


@pytest.mark.parametrize(("a", "b"), [
    ("Łukasz", "Lukasz"), ("Müller", "Muller"), ("O'Hara", "O’Hara"), ("O'Hara", "OHara"),
    ("Caldwell-Dyson", "Caldwell Dyson"),
])
def test_fold(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("words", [
    ("zelenskyy", "zelenskiy", "zelensky"), ("mueller", "muller"),
    ("vasileuskaya", "vasilevskaya", "vasilevskaia"), ("tsiolkovsky", "tziolkovsky"),
    ("khodorkovsky", "hodorkovsky"), ("yevgeny", "evgeny"),
])
def test_skeleton_collapses(words):
    assert len({skeleton(w) for w in words}) == 1


def test_short_surnames_exact():
    assert skeleton("chub") != skeleton("chubb")
    assert not same_person("Nikolai Chub", "Nikolai Chubb")[0]


def test_person_key_and_same_person():
    assert person_key("Maryna Vasileuskaya") == person_key("Marina Vasilevskaya")
    assert same_person("Tracy Dyson", "Tracy Caldwell-Dyson")[0]
    assert not same_person("Oleg Kononenko", "Oleg Novitsky")[0]
    assert same_person("Bill Smith", "William Smith")[0]


@pytest.mark.parametrize(("a", "b"), [
    ("Jae-won Park", "Jaewon Park"), ("Dr. Jae-won Park", "Jaewon Park"),
    ("Mary-Ann Smith", "Maryann Smith"), ("Jean-Pierre Dupont", "Jean Pierre Dupont"),
])
def test_a_hyphenated_given_name_is_one_name(a, b):
    assert same_person(a, b)[0] and same_person(b, a)[0]


@pytest.mark.parametrize(("a", "b"), [
    ("Jae-won Park", "Jae-won Kim"),    # another family
    ("Jean-Pierre Dupont", "Jean Dupont"),  # the second part of a given name is no surname
])
def test_a_hyphenated_given_name_is_not_a_surname(a, b):
    assert not same_person(a, b)[0] and not same_person(b, a)[0]


@pytest.mark.parametrize(("a", "b"), [
    ("Orbit 7 Pro", "Orbit 7"), ("Vela 3 Plus", "Vela 3"), ("Vela 3 Plus", "Vela 3 Mini")])
def test_a_model_variant_word_makes_another_model(a, b):
    assert not same_designator(a, b)[0]
    assert same_designator(a, "Veltra " + a)[0]


def test_designator_key():
    assert designator_key("Soyuz MS-24") == (("soyuz",), ("ms24",))
    assert designator_key("Tracy Dyson") is None
    assert designator_key("Soyuz MS-24") != designator_key("Soyuz MS-25")


def test_names_field_value_is_alias_of_subject():
    ms = [mention("1", "s", "Soyuz MS-24", "designator", role="subject"),
          mention("2", "s", "ISS 70S", "designator", role="Names List", start=20)]
    out = align(ms, {"s": "1"})
    assert out.entity_of["1"] == out.entity_of["2"]


def test_canonical_name_avoids_trailing_punctuation():
    ms = [mention("1", "s", "Loral O'Hara."), mention("2", "t", "Loral O'Hara."),
          mention("3", "u", "Loral O'Hara")]
    (e,) = align(ms).entities
    assert e.name == "Loral O'Hara" and e.id == "person:loral-ohara"


def test_close_pairs_loop_matches_cdist(monkeypatch):
    """Small blocks are scored in a plain loop (no numpy on the gate path); the pairs must be
    the ones cdist finds."""
    import random

    from reconcile.align import cluster

    rng = random.Random(7)
    strings: list[str] = []
    blocks: list[list[int]] = []
    for _ in range(300):
        base = "".join(rng.choice("abcde fgh") for _ in range(rng.randint(1, 14)))
        block = []
        for _ in range(rng.randint(3, 12)):
            s = list(base)
            for _ in range(rng.randint(0, 3)):
                p = rng.randint(0, len(s))
                s.insert(p, rng.choice("abcde fgh")) if rng.random() < 0.5 or not s else s.pop(p - 1)
            block.append(len(strings))
            strings.append("".join(s))
        blocks.append(block)
    looped = cluster.close_pairs(blocks, strings, 85)
    monkeypatch.setattr(cluster, "LOOP_BLOCK", 2)
    assert cluster.close_pairs(blocks, strings, 85) == looped
    assert looped  # the test data has near pairs


def test_without_the_phonetic_library_only_near_miss_proposals_change(monkeypatch, seed_report):
    """jellyfish's metaphone only proposes near-miss pairs: a machine without it (a declared
    dependency) still checks, with the same entities and findings."""
    import reconcile
    from reconcile.align import core

    monkeypatch.setattr(core, "_metaphone", lambda: None)
    again = reconcile.check([str(SEEDS)])
    assert [(e.id, e.variants) for e in again.entities] == \
        [(e.id, e.variants) for e in seed_report.entities]
    assert [f.id for f in again.findings] == [f.id for f in seed_report.findings]
