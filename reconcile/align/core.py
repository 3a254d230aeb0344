"""The alignment pass: mentions -> entities.

Work is per distinct key, not per mention: mentions are grouped by exact surface, surfaces
by rule key (person: given-name family + surname skeletons; designator: stem + atoms;
serial: numbers), and keys become union-find nodes. Then, in a fixed order:
1. compound-surname / nested-stem joins between keys, refused when ambiguous;
2. short forms resolved inside their source, else against the unique corpus match;
3. stated aliases, refused when they would join two numbers of one series;
4. near misses scored inside blocks (phonetic / prefix / series keys) and recorded.
Every decision is made from sets, and mentions are sorted by id first, so the output does
not depend on input order.

Distribution (DESIGN). Two parts are per item and need nothing but the item, so they go
through a `Spread` (InProcess here; the Dask engine's OnDask runs them on workers):
- keying each distinct surface (`surface_key`: name parsing, folding, designator keys);
- near-miss candidate pairs: every node emits its blocking keys (`near_miss_blocks`, with
  the phonetic codes), the entries are grouped by key (on Dask a shuffle) and each block is
  scored by `block_pairs` (the same close_pairs the local run uses).
Both engines call these very functions, and everything that decides a merge runs on the
client in one order over the union-find: joins between keys (1), short forms (2) and aliases
(3) read and change the union-find as they go, so they are sequential by nature, and they
cost little; the near-miss edges, spelling variants and entity assembly need the final
union-find. Only the near-miss pairs (few) and the surface keys travel back.
"""

from __future__ import annotations

import gc
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from ..model import Entity, Mention, MergeReason
from ..vocab import vocabulary
from . import designators as dz
from . import names as nm
from .cluster import UnionFind, close_pairs
from .fuzzy import ratio
from .normalize import fold

IN_SOURCE, AS_SUBJECT, CORPUS = 0.9, 0.75, 0.6  # scores given to short-form resolutions
MAX_COMPOUND = 5  # surname tokens beyond this are not expanded into subsets
NAME_FIELDS = frozenset(("names", "names list", "other names", "also known as", "aka", "alias",
                         "aliases", "alternative names", "call sign", "callsign"))


@dataclass(frozen=True, slots=True)
class Alignment:
    entities: tuple[Entity, ...]  # sorted by id
    entity_of: Mapping[str, str]  # mention id -> entity id (every mention that was resolved)
    # short forms (and one-word names) that fit several people, or none, with no entity;
    # an ambiguous one is also listed in each candidate Entity.unresolved
    unresolved: tuple[Mention, ...]


@dataclass(slots=True)
class _Node:
    kind: str  # person | designator | serial
    key: tuple
    surfaces: Counter  # surface -> mention count
    name: nm.Name | None = None
    _rep: str | None = None

    def add(self, surface: str, count: int) -> None:
        self.surfaces[surface] += count
        self._rep = None

    def person(self) -> nm.Name:
        """The parsed name of a person node: _Aligner.node is given one for every person."""
        assert self.name is not None, self.key
        return self.name

    def rep(self) -> str:
        """Most frequent spelling, then longest, then lexicographically first."""
        if self._rep is None:
            self._rep = _canonical(self.surfaces)
        return self._rep


def _canonical(counts: Mapping[str, int]) -> str:
    """Most frequent, then longest, then lexicographically first; a spelling that ends in
    stray punctuation ("Loral O'Hara." cut at a sentence end) only when there is no other."""
    return min(counts.items(),
               key=lambda kv: (not kv[0][-1:].isalnum(), -kv[1], -len(kv[0]), kv[0]))[0]


class Spread(Protocol):
    """Where the per-item parts of alignment and checking run (see the module docstring)."""

    parts: int  # how many pieces a stage is cut into
    # fn and the items reach the workers without pickling (this process, forked children), so
    # fn may close over the whole context
    inherits: bool

    def map(self, stage: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        """[fn(x) for x in items], in order."""
        ...

    def shuffle(self, stage: str, items: Sequence[Any],
                emit: Callable[[Any], Iterable[tuple[Hashable, Any]]],
                per_group: Callable[[list[Any]], Iterable[Any]]) -> list[Any]:
        """Everything per_group returns for the values emit keys alike (order not kept)."""
        ...


class InProcess:
    """The local engine's Spread: plain loops in this process."""

    parts = 1
    inherits = True

    def map(self, stage: str, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        return [fn(x) for x in items]

    def shuffle(self, stage: str, items: Sequence[Any],
                emit: Callable[[Any], Iterable[tuple[Hashable, Any]]],
                per_group: Callable[[list[Any]], Iterable[Any]]) -> list[Any]:
        return [out for values in grouped(items, emit) for out in per_group(values)]


def grouped(items: Iterable[Any],
            emit: Callable[[Any], Iterable[tuple[Hashable, Any]]]) -> list[list[Any]]:
    """The values emit gives the items, grouped by key (in the order keys first appear)."""
    groups: dict[Hashable, list[Any]] = defaultdict(list)
    for item in items:
        for key, value in emit(item):
            groups[key].append(value)
    return list(groups.values())


SurfaceKey = tuple[str, tuple, nm.Name | None] | None


def surface_key(group: tuple[str, str, bool]) -> SurfaceKey:
    """(node kind, key, parsed name) of one distinct (kind, surface, short); None for a
    person form without given name and surname, which is resolved later as a short form."""
    kind, surface, short = group
    if kind == "serial":
        return "serial", dz.serial_key(surface), None
    if kind in ("designator", "name") or (kind != "person" and dz.designator_key(surface)):
        return "designator", dz.designator_key(surface) or name_key(surface), None
    name = nm.parse(surface, short)
    if name.given is None or not name.surname:
        return None
    return "person", (name.family, name.surname), name


def name_key(surface: str) -> dz.Key:
    """A name without digits ("Kessock Narrows Bridge") matches only its own normalised
    spelling: one stem token, so no subset join and no fuzzy score. A prefix in capitals
    ("MV", "HMS") is a token of its own, so the name without it joins the one prefixed name
    that holds it, as a short designator does (step 1), and "MV X" never joins "HMS X"."""
    head, _, rest = surface.partition(" ")
    if rest and head.isupper() and head.lower() in vocabulary().name_lead_codes:
        return tuple(sorted((_without_article(fold(rest)), fold(head)))), ()
    return (_without_article(fold(surface)),), ()


NearMissNode = tuple[int, str, tuple, str]  # node id, kind, key, text scored


def near_miss_text(kind: str, key: tuple, name: nm.Name | None, rep: Callable[[], str]) -> str:
    """The string near misses are scored on (rep is asked only where it is used)."""
    if kind == "person" and key[0] is not None:
        assert name is not None
        return name.skel
    if kind == "designator":
        return " ".join(key[0] + key[1])
    return fold(rep())


def near_miss_blocks(node: NearMissNode) -> list[tuple[tuple, tuple[int, str]]]:
    """The blocks a node is proposed in: (blocking key, (node id, text)) for each."""
    i, kind, key, text = node
    out: list[tuple[tuple, tuple[int, str]]] = []
    if kind == "person" and key[0] is not None:
        phonetic = _metaphone()
        for t in key[1]:
            if phonetic is not None:
                out.append((("m", key[0], phonetic(t)), (i, text)))
            out.append((("p", key[0], t[:3]), (i, text)))
    elif kind == "designator":
        out.append((("d", key[0], dz.shape(key[1])), (i, text)))
    return out


def block_pairs(members: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Close pairs (a < b) inside one block."""
    texts = dict(members)
    return sorted(close_pairs([list(texts)], texts, round(nm.NEAR_MISS * 100)))


class _Aligner:
    def __init__(self, mentions: Sequence[Mention], subjects: Mapping[str, str],
                 spread: Spread | None = None) -> None:
        self.spread = spread or InProcess()
        self.mentions = sorted(mentions, key=lambda m: m.id)
        self.subjects = dict(subjects)
        for m in self.mentions:
            if m.role == "subject":
                self.subjects.setdefault(m.span.source, m.id)
        wanted = set(self.subjects.values()) | {m.alias_of for m in self.mentions if m.alias_of}
        self.by_id = {m.id: m for m in self.mentions if m.id in wanted}  # only ids we look up
        self.uf = UnionFind()
        self.nodes: list[_Node] = []
        self.node_index: dict[tuple, int] = {}
        # mention -> node, stored per distinct surface rather than per mention (see node_for)
        self.group_node: dict[tuple[str, str, bool], int] = {}
        self.short_node: dict[tuple[str, str, bool], int] = {}  # (source, surface, short)
        self.override: dict[str, int] = {}  # mention id -> node, for rare per-mention choices
        self.parsed: dict[tuple[str, bool], nm.Name] = {}
        self.edges: list[tuple[int, int, MergeReason]] = []  # (node a, node b, reason)
        self.ambiguous: dict[str, set[int]] = {}  # unresolved mention id -> candidate nodes
        self.dated: set[str] = set()  # year-less occasion mentions joined to a year-led name

    # ---- nodes -------------------------------------------------------------------------

    def node_for(self, m: Mention | None) -> int | None:
        if m is None:
            return None
        i = self.override.get(m.id)
        if i is not None:
            return i
        i = self.group_node.get((m.kind, m.surface, m.short))
        if i is not None:
            return i
        return self.short_node.get((m.span.source, m.surface, m.short))

    def parse(self, surface: str, short: bool = False) -> nm.Name:
        name = self.parsed.get((surface, short))
        if name is None:
            name = self.parsed[(surface, short)] = nm.parse(surface, short)
        return name

    def node(self, kind: str, key: tuple, surface: str, count: int, name=None) -> int:
        full = (kind, key)
        i = self.node_index.get(full)
        if i is None:
            i = self.uf.add()
            self.node_index[full] = i
            self.nodes.append(_Node(kind, key, Counter(), name))
        if surface:
            self.nodes[i].add(surface, count)
        return i

    def build_nodes(self) -> list[tuple[str, list[Mention]]]:
        """Key every full surface; return the person short forms still to resolve."""
        groups: dict[tuple[str, str, bool], list[Mention]] = defaultdict(list)
        for m in self.mentions:
            groups[(m.kind, m.surface, m.short)].append(m)
        shorts: list[tuple[str, list[Mention]]] = []
        self.persons_in: dict[str, set[int]] = defaultdict(set)  # source -> person nodes
        keys = self.spread.map("align: surface keys", surface_key, list(groups))
        for ((kind, surface, short), ms), keyed in zip(groups.items(), keys, strict=True):
            if keyed is None:
                shorts.append((surface, ms))
                continue
            node_kind, key, name = keyed
            if name is not None:
                self.parsed[(surface, short)] = name
            i = self.node(node_kind, key, surface, len(ms), name)
            if node_kind == "person":
                for m in ms:
                    self.persons_in[m.span.source].add(i)
            self.group_node[(kind, surface, short)] = i
        return shorts

    # ---- step 1: joins between keys --------------------------------------------------------

    def _nested_join(self, members: dict[tuple, list[int]], kind: str, label) -> None:
        """Join each key to its supersets when they all sit under one maximal superset."""
        for sub, sups in members.items():
            base = self.node_index.get((kind, sub))
            if base is None:
                continue
            sets = {s: set(self.key_tokens(s)) for s in set(sups)}
            maximal = [s for s in sets if not any(sets[s] < sets[t] for t in sets)]
            if len(maximal) == 1:
                for s in sorted(sets, key=lambda s: self.nodes[s].key):
                    self.uf.union(base, s)
                    self.edges.append((base, s, label(base, s, True)))
            else:
                for s in sorted(maximal, key=lambda s: self.nodes[s].key):
                    self.edges.append((base, s, label(base, s, False)))

    def key_tokens(self, i: int) -> tuple[str, ...]:
        node = self.nodes[i]
        return node.key[1] if node.kind == "person" else node.key[0]

    def join_keys(self) -> None:
        persons: dict[tuple, list[int]] = defaultdict(list)
        series: dict[tuple, list[int]] = defaultdict(list)
        for i, node in enumerate(self.nodes):
            if node.kind == "person":
                family, sur = node.key
                if 1 < len(sur) <= MAX_COMPOUND:
                    for r in range(1, len(sur)):
                        for sub in itertools.combinations(sur, r):
                            persons[(family, sub)].append(i)
            elif node.kind == "designator":
                stem, atoms = node.key
                if stem and len(stem) <= MAX_COMPOUND:
                    for r in range(0, len(stem)):
                        for sub in itertools.combinations(stem, r):
                            series[(sub, atoms)].append(i)

        def person_label(a: int, b: int, merged: bool) -> MergeReason:
            ra, rb = self.nodes[a].rep(), self.nodes[b].rep()
            na, nb = self.nodes[a].person(), self.nodes[b].person()
            if merged:
                _, why = nm.explain(na, nb)
            else:
                why = "not merged: surname matches several compound names"
            return MergeReason(ra, rb, nm.score(na, nb), why, merged)

        def series_label(a: int, b: int, merged: bool) -> MergeReason:
            ra, rb = self.nodes[a].rep(), self.nodes[b].rep()
            if not self.nodes[a].key[1]:  # names: no numbers, only a prefix more or less
                why = "name without its prefix" if merged else (
                    "not merged: name fits several prefixed names")
            else:
                why = dz.same_designator(ra, rb)[1] if merged else (
                    "not merged: designator fits several longer designators")
            return MergeReason(ra, rb, ratio(fold(ra), fold(rb)) / 100, why, merged)

        self._nested_join(persons, "person", person_label)
        self.ambiguous_series = {
            self.node_index[("designator", sub)]
            for sub, sups in series.items()
            if ("designator", sub) in self.node_index and not self._single_max(sups)
        }
        self._nested_join(series, "designator", series_label)

    def _single_max(self, sups: list[int]) -> bool:
        sets = {s: set(self.key_tokens(s)) for s in set(sups)}
        return sum(1 for s in sets if not any(sets[s] < sets[t] for t in sets)) == 1

    def resolve_series_in_source(self) -> None:
        """A short designator that fits several longer ones: use the one in its own source."""
        if not self.ambiguous_series:
            return
        in_source: dict[tuple[str, tuple], set[int]] = defaultdict(set)
        for m in self.mentions:
            i = self.node_for(m)
            if i is not None and self.nodes[i].kind == "designator":
                in_source[(m.span.source, self.nodes[i].key[1])].add(i)
        for m in self.mentions:
            i = self.node_for(m)
            if i not in self.ambiguous_series:
                continue
            stem, atoms = self.nodes[i].key
            cands = {j for j in in_source[(m.span.source, atoms)]
                     if set(stem) < set(self.nodes[j].key[0])}
            roots = {self.uf.find(j) for j in cands}
            if len(roots) == 1:
                j = min(cands)
                self.override[m.id] = j
                self.edges.append((j, j, MergeReason(
                    m.surface, self.nodes[j].rep(), IN_SOURCE,
                    "short designator resolved within its source")))

    def date_occasions(self) -> None:
        """A year-less occasion name its source dates ("the Tarrow Shield final" in a 2030
        report) is the year-led name of that year ("2030 Tarrow Shield final") when some source
        names it so: the year is part of the key, so two years never join, and a name no
        source dates stays its own."""
        joined: set[tuple[int, str, int, str]] = set()
        for m in self.mentions:
            if m.year is None:
                continue
            name = _without_article(fold(m.surface))
            for text in (f"{m.year} {name}", f"{name} {m.year}"):
                j = self.node_index.get(("designator", dz.designator_key(text)))
                if j is not None:
                    self.override[m.id] = j
                    self.dated.add(m.id)
                    joined.add((j, m.surface, m.year, m.span.source))
                    break
        for j, surface, year, source in sorted(joined):
            self.edges.append((j, j, MergeReason(
                surface, self.nodes[j].rep(), IN_SOURCE,
                f"occasion named without its year in source {source}, dated {year}")))

    # ---- step 2: short person forms --------------------------------------------------------

    def resolve_shorts(self, shorts: list[tuple[str, list[Mention]]]) -> list[Mention]:
        by_source = self.persons_in
        by_token: dict[str, set[int]] = defaultdict(set)
        for i, node in enumerate(self.nodes):
            if node.kind == "person":
                for t in node.key[1]:
                    by_token[t].add(i)

        unresolved: list[Mention] = []
        own: list[tuple[str, list[Mention]]] = []
        resolved: set[tuple[int, str, float, str]] = set()
        for surface, ms in shorts:
            name = self.parse(surface, True)
            full = self.parse(surface)
            per_source: dict[str, list[Mention]] = defaultdict(list)
            for m in ms:
                per_source[m.span.source].append(m)
            corpus = None
            for source, group in per_source.items():
                cands = {i for i in by_source.get(source, ()) if self._fits(name, full, i)}
                roots = {self.uf.find(i) for i in cands}
                score, why = IN_SOURCE, "short form resolved within its source"
                if len(roots) > 1:
                    subj = self.node_for(self.by_id.get(self.subjects.get(source, "")))
                    if subj is not None and self.uf.find(subj) in roots:
                        cands, roots = {subj}, {self.uf.find(subj)}
                        score, why = AS_SUBJECT, (
                            f"short form fits several people in source {source}; "
                            "taken as the document subject")
                if not roots:
                    if corpus is None:
                        corpus = self._corpus_match(name, full, by_token)
                    cands = corpus
                    roots = {self.uf.find(i) for i in cands}
                    score, why = CORPUS, (
                        "no full name in its source fits; the only match in the corpus")
                if len(roots) == 1:
                    target = min(cands)
                    self.short_node[(source, surface, group[0].short)] = target
                    resolved.add((target, surface, score, why))
                elif not group[0].short and not roots:
                    own.append((surface, group))
                else:
                    unresolved.extend(group)
                    for m in group:
                        self.ambiguous[m.id] = set(cands)
        for target, surface, score, why in sorted(resolved):
            self.edges.append((target, target, MergeReason(
                surface, self.nodes[target].rep(), score, why)))
        for surface, group in own:  # a one-word name nobody else explains: its own entity
            name = self.parse(surface, True)
            i = self.node("person", (None, name.surname), "", 0, name)
            self.nodes[i].add(surface, len(group))
            for m in group:
                self.short_node[(m.span.source, surface, m.short)] = i
        return unresolved

    def _fits(self, name: nm.Name, full: nm.Name, i: int) -> bool:
        node = self.nodes[i].person()
        if name.surname and set(name.surname) <= set(node.surname):
            return True
        return full.given is not None and nm.explain(full, node)[0]

    def _corpus_match(self, name: nm.Name, full: nm.Name, by_token) -> set[int]:
        if not name.surname:
            return set()
        pools = [by_token.get(t, set()) for t in name.surname]
        cands = set.intersection(*pools) if all(pools) else set()
        if full.given is not None:
            cands |= {i for i in by_token.get(full.surname[0], ()) if self._fits(name, full, i)}
        return {i for i in cands if self.nodes[i].key[0] is not None}

    # ---- step 3: stated aliases ------------------------------------------------------------

    def name_field_alias(self, m: Mention) -> str | None:
        """An infobox "Names" / "Also known as" value is another name of the page's subject."""
        if m.role and m.role != "subject" and " ".join(fold(m.role).split()) in NAME_FIELDS:
            subject = self.subjects.get(m.span.source)
            if subject and subject != m.id:
                return subject
        return None

    def apply_aliases(self) -> None:
        series: dict[int, set[tuple]] = defaultdict(set)
        for i, node in enumerate(self.nodes):
            if node.kind in ("designator", "serial"):
                series[self.uf.find(i)].add((node.kind, node.key))
        for m in self.mentions:
            target_id = m.alias_of or self.name_field_alias(m)
            if not target_id:
                continue
            a, b = self.node_for(m), self.node_for(self.by_id.get(target_id))
            if a is None or b is None:
                continue
            target = self.by_id[target_id].surface
            ra, rb = self.uf.find(a), self.uf.find(b)
            clash = next(
                ((x, y) for x in series[ra] for y in series[rb]
                 if ra != rb and x[0] == y[0] and dz.conflict(x[1], y[1])), None)
            if clash:
                self.edges.append((a, b, MergeReason(
                    m.surface, target, 0.0,
                    "stated alias refused: would join two numbers of one series "
                    f"({' '.join(clash[0][1][1])} vs {' '.join(clash[1][1][1])})", False)))
                continue
            root = self.uf.union(a, b)
            if ra != rb:
                series[root] = series.pop(ra if root != ra else rb, set()) | series[root]
            self.edges.append((a, b, MergeReason(
                m.surface, target, ratio(fold(m.surface), fold(target)) / 100,
                f"stated alias in source {m.span.source}")))

    # ---- step 4: near misses -------------------------------------------------------------

    def near_misses(self) -> None:
        nodes = [(i, node.kind, node.key, near_miss_text(node.kind, node.key, node.name, node.rep))
                 for i, node in enumerate(self.nodes)]
        pairs = self.spread.shuffle("align: near-miss blocks", nodes, near_miss_blocks,
                                    block_pairs)
        for a, b in sorted(set(pairs)):
            if self.uf.find(a) == self.uf.find(b):
                continue
            na, nb = self.nodes[a], self.nodes[b]
            ra, rb = na.rep(), nb.rep()
            if na.kind == "person":
                why = nm.explain(na.person(), nb.person())[1]
            else:
                why = dz.same_designator(ra, rb)[1]
            self.edges.append((a, b, MergeReason(
                ra, rb, ratio(nodes[a][3], nodes[b][3]) / 100, "not merged: " + why, False)))

    # ---- entities ------------------------------------------------------------------------

    def variant_edges(self) -> None:
        """Within one key, tie each other spelling to the most frequent one."""
        for i, node in enumerate(self.nodes):
            if len(node.surfaces) < 2:
                continue
            rep = node.rep()
            for s in sorted(node.surfaces):
                if s == rep:
                    continue
                if node.kind == "person":
                    a, b = self.parse(rep), self.parse(s)
                    why, sc = nm.explain(a, b)[1], nm.score(a, b)
                elif node.kind == "designator":
                    why, sc = dz.same_designator(rep, s)[1], ratio(fold(rep), fold(s)) / 100
                else:
                    why, sc = "same serial number", ratio(fold(rep), fold(s)) / 100
                self.edges.append((i, i, MergeReason(rep, s, sc, why)))

    def _prefixed(self, ms: list[Mention]) -> Counter[str]:
        """The spellings of a name with its prefix ("MV Aldra Sound"): the entity is named so
        however often prose drops the prefix."""
        out: Counter[str] = Counter()
        for m in ms:
            i = self.node_for(m)
            if i is not None and self.nodes[i].kind == "designator" and not self.nodes[i].key[1] \
                    and len(self.nodes[i].key[0]) > 1:
                out[m.surface] += 1
        return out

    def entities(self, unresolved: list[Mention]) -> Alignment:
        members: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            i = self.node_for(m)
            if i is not None:
                members[self.uf.find(i)].append(m)
        reasons: dict[int, set[MergeReason]] = defaultdict(set)
        for a, b, r in self.edges:
            reasons[self.uf.find(a)].add(r)
            if not r.merged:
                reasons[self.uf.find(b)].add(r)
        pending: dict[int, list[Mention]] = defaultdict(list)
        for m in unresolved:
            for root in {self.uf.find(i) for i in self.ambiguous.get(m.id, ())}:
                pending[root].append(m)

        drafts = []
        for root, ms in members.items():
            ms.sort(key=_mention_order)
            # the year-led spelling names an occasion, however often its year is dropped
            full = Counter(m.surface for m in ms if not m.short and m.id not in self.dated) \
                or Counter(m.surface for m in ms if not m.short)
            if len(full) > 1:
                full = self._prefixed(ms) or full
            name = _canonical(full or Counter(m.surface for m in ms))
            kinds = Counter(m.kind for m in ms if m.surface == name)
            kind = max(kinds, key=lambda k: (kinds[k], k == "person", k == "designator"))
            etype = {"person": "person", "serial": "spacecraft", "name": "other"}.get(kind, "mission")
            base = f"{etype}:{_slug(name)}"
            drafts.append((base, _mention_order(ms[0]), root, etype, name, ms))
        drafts.sort(key=lambda d: (d[0], d[1]))
        entities, entity_of = [], {}
        seen: Counter[str] = Counter()
        for base, _, root, etype, name, ms in drafts:
            seen[base] += 1
            eid = base if seen[base] == 1 else f"{base}-{seen[base]}"
            rs = tuple(sorted(reasons.get(root, ()),
                              key=lambda r: (not r.merged, r.a, r.b, r.reason, r.score)))
            un = tuple(sorted(pending.get(root, ()), key=_mention_order))
            entities.append(Entity(eid, etype, name, tuple(sorted({m.surface for m in ms})),
                                   tuple(ms), rs, un))
            for m in ms:
                entity_of[m.id] = eid
        entities.sort(key=lambda e: e.id)
        return Alignment(tuple(entities), entity_of,
                         tuple(sorted(unresolved, key=_mention_order)))


def _mention_order(m: Mention) -> tuple:
    return (m.span.source, m.span.start, m.span.end, m.id)


def _slug(name: str) -> str:
    return "-".join(fold(name).replace(".", "-").split()) or "x"


def align(mentions: Sequence[Mention], doc_subjects: Mapping[str, str] | None = None,
          spread: Spread | None = None) -> Alignment:
    """Group mentions into entities (see the module docstring for the steps).

    `spread` runs the per-item parts (default: in this process).
    The cyclic garbage collector is paused meanwhile: the pass allocates millions of small
    acyclic objects, and repeated full collections over them cost more than the work.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        al = _Aligner(mentions, doc_subjects or {}, spread)
        shorts = al.build_nodes()
        al.join_keys()
        al.resolve_series_in_source()
        al.date_occasions()
        unresolved = al.resolve_shorts(shorts)
        al.apply_aliases()
        al.near_misses()
        al.variant_edges()
        return al.entities(unresolved)
    finally:
        if paused:
            gc.enable()


def _without_article(folded: str) -> str:
    """"the glass harbour" and "glass harbour" are one name: prose drops or adds the article."""
    return folded[4:] if folded.startswith("the ") and len(folded) > 4 else folded


@cache
def _metaphone() -> Callable[[str], str] | None:
    """jellyfish's metaphone, imported when near misses are first looked for (not at start-up).

    It only proposes near-miss pairs to score, never decides a merge: where the declared
    dependency is missing, the prefix blocks still propose pairs and the check goes on.
    """
    try:
        from jellyfish import metaphone
    except ImportError:
        return None
    return metaphone
