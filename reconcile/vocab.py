"""Domain vocabulary: the packs (TOML) merged into one lookup, plus the given-name list.

Packs only add words; a pack that fails to parse stops the run with an error naming it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, wraps
from importlib import resources
from typing import Any, TypeVar

from . import fastre

T = TypeVar("T")


class PackError(Exception):
    pass


@dataclass(frozen=True)
class Event:
    name: str
    subject: str  # vehicle | person | any
    recurring: bool = False  # may happen to one subject many times (an election, an announcement)
    not_after: frozenset[str] = frozenset()  # words that make the trigger figurative ("talks")
    object_is_subject: bool = False  # "X founded the Trust": the verb's object is whose it is
    not_before: frozenset[str] = frozenset()  # words after it that make it another sense ("fourth")
    by_body: bool = False  # the body that does it tells occurrences apart ("the KRA approved")


@dataclass(frozen=True)
class Vocabulary:
    events: dict[str, Event]
    trigger_re: re.Pattern[str]  # group name = event, matched on lower-cased text
    trigger_event: dict[str, str]
    order: tuple[tuple[str, str], ...]
    modality: dict[str, tuple[str, ...]]
    modality_re: re.Pattern[str]
    reporting_re: re.Pattern[str]
    reporting_any: re.Pattern[str]  # a reporting verb anywhere ("said reconstruction would begin")
    duration_verbs: tuple[str, ...]
    total_words: tuple[str, ...]
    field_predicate: dict[str, str]
    identity_fields: frozenset[str]
    roles: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]
    demonyms: frozenset[str]
    affiliations: dict[str, str]
    name_heads: frozenset[str]
    name_lead_heads: frozenset[str]
    name_lead_codes: frozenset[str]  # "mv": a prefix written in capitals ("MV Aldra Sound")
    variant_words: frozenset[str]  # "pro": "Orbit 7 Pro" is another model than "Orbit 7"
    name_kinds: frozenset[str]  # "tanker": a name right after it is a thing's
    name_firms: frozenset[str]  # "foods": "Tarrow Foods" is "Tarrow" alone too
    coined_name: re.Pattern[str]  # a coined name's ending ("-mab") at a word's end
    kind_word: re.Pattern[str]  # any of them: a first test
    place_keys: frozenset[str]
    person_keys: frozenset[str]
    crew_up: frozenset[str]
    crew_down: frozenset[str]
    flight_sequence: tuple[str, ...]
    source_weights: dict[str, float]
    rank_holders: frozenset[str]
    occasions: frozenset[str]  # "final": "the Tarrow Shield final" names an occasion
    occasion_re: re.Pattern[str]  # an occasion noun after a name, one adjective allowed between
    occasion_word: re.Pattern[str]  # any occasion noun after a blank, as written: a first test
    # (predicate, its phrases with their number, words that make one not the occasion's own)
    counts: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]
    dated_counts: frozenset[str]  # "employees": a count of one year, compared only within it
    count_cue: re.Pattern[str]  # a word of every count phrase: a cheap test before the scan
    # identifiers in prose: "registration LN-RKE", "IMO number 9387421" (see default.toml)
    identifier_predicates: frozenset[str] = frozenset()
    identifier_cues: tuple[str, ...] = ()
    identifier_re: re.Pattern[str] = fastre.compile("(?!)")  # none without [identifiers]
    identifier_cue: dict[str, str] = field(default_factory=dict)  # cue -> predicate
    # [measures]: dimension noun / adjective -> predicate, predicate -> the dimensions it takes
    measure_nouns: dict[str, str] = field(default_factory=dict)
    measure_adjectives: dict[str, str] = field(default_factory=dict)
    measure_dimensions: dict[str, frozenset[str]] = field(default_factory=dict)
    # [penalties]: predicate -> (words before its quantity, words after one, words that void it,
    # the units it takes: empty for spans of time, or "money")
    penalties: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # [money] (see default.toml): the words right before an amount (groups verb, noun) and right
    # after one (group after), cue word -> predicate, predicate -> its voiding words and whether
    # a year sets its figures apart ("required" or "written"), the shared word lists, a first test
    money_before: re.Pattern[str] = fastre.compile("(?!)")
    money_after: re.Pattern[str] = fastre.compile("(?!)")
    money_predicate: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, word)
    money_changes: frozenset[str] = frozenset()  # "rose to": a sum told as it changes
    money_predicates: frozenset[str] = frozenset()  # "cost", "revenue", ...
    money_not_with: dict[str, re.Pattern[str]] = field(default_factory=dict)
    money_period: dict[str, str] = field(default_factory=dict)
    money_estimated: re.Pattern[str] = fastre.compile("(?!)")
    money_restated: re.Pattern[str] = fastre.compile("(?!)")
    money_rate: re.Pattern[str] = fastre.compile("(?!)")
    money_cue: re.Pattern[str] = fastre.compile("(?!)")

    def identifier_predicate(self, cue: str) -> str:
        return self.identifier_cue[" ".join(cue.lower().split())]

    def predicate_for_field(self, key: str) -> str:
        """The predicate a field key states; a key unknown as a whole that ends in an event's
        key ("Ship launched", "Season start") states that event."""
        norm = normalise_key(key)
        if norm in self.field_predicate:
            return self.field_predicate[norm]
        words = norm.split()
        for i in range(1, len(words)):
            tail = self.field_predicate.get(" ".join(words[i:]))
            if tail in self.events:
                return tail
        return norm.replace(" ", "_")


@cache
def normalise_key(key: str) -> str:
    return re.sub(r"[\s_]+", " ", key.strip().lower())


def _words_re(words: list[str]) -> str:
    """One alternation of the words, factored as a trie, longest match first.

    Python's re tries a flat alternation word by word at every position; factored by common
    prefixes it rejects most positions after one character, which made event-word search about
    four times faster. A blank inside a word matches any run of blanks.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_re(trie)


def first_test(words: list[str], bounded: bool = True) -> re.Pattern[str]:
    """A quick search for any of the words: a lookahead of their first letters lets the
    matcher pass over most positions with one test (a third of the time of the bare trie)."""
    if not words:
        return fastre.compile("(?!)")
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    edge = r"\b" if bounded else ""
    return fastre.compile(f"(?=[{firsts}]){edge}(?:{_words_re(words)}){edge}")


def _trie_re(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_re(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a shorter word ends here: try the longer ones first, then stop
        return "(?:" + body + ")?"
    return body



def _merge(packs: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for pack in packs:
        for section, body in pack.items():
            target = merged.setdefault(section, {})
            for key, value in body.items():
                if isinstance(value, dict):
                    inner = target.setdefault(key, {})
                    for k, v in value.items():
                        inner[k] = sorted(set(inner.get(k, [])) | set(v)) if isinstance(v, list) else v
                elif isinstance(value, list):
                    old = target.get(key, [])
                    target[key] = old + [v for v in value if v not in old]
                else:
                    target[key] = value
    return merged


def load_packs(names: tuple[str, ...] = ()) -> Vocabulary:
    """Merge the default pack with every other shipped pack (or only the named ones)."""
    root = resources.files("reconcile") / "packs"
    available = sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".toml"))
    chosen = ["default"] + [n for n in (names or tuple(available)) if n != "default"]
    packs = []
    for name in chosen:
        if name not in available:
            raise PackError(f"pack {name!r} not found (available: {', '.join(available)})")
        try:
            packs.append(tomllib.loads((root / f"{name}.toml").read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise PackError(f"pack {name!r}: {exc}") from None
    data = _merge(packs)
    return _build(data)


def _build(data: dict[str, Any]) -> Vocabulary:
    events = {name: Event(name, body.get("subject", "any"),
                          recurring=bool(body.get("recurring", False)),
                          not_after=frozenset(body.get("not_after", [])),
                          object_is_subject=bool(body.get("object_is_subject", False)),
                          not_before=frozenset(body.get("not_before", [])),
                          by_body=bool(body.get("by_body", False)))
              for name, body in data.get("events", {}).items()}
    trigger_event: dict[str, str] = {}
    for name, body in sorted(data.get("events", {}).items()):
        for trig in body.get("triggers", []):
            trigger_event.setdefault(trig.lower(), name)
    trigger_re = fastre.compile(r"\b(?:" + _words_re(list(trigger_event)) + r")\b")
    modality = {k: tuple(v) for k, v in data.get("modality", {}).items()}
    reporting = list(modality.pop("reporting", ()))
    mod_words = [w.strip() for words in modality.values() for w in words]
    fields: dict[str, str] = {}
    for predicate, keys in data.get("fields", {}).items():
        if predicate == "identity":
            continue
        for key in keys:
            fields.setdefault(normalise_key(key), predicate)
    measures = data.get("measures", {})
    nouns = {n: p for p, body in sorted(measures.items()) for n in body.get("nouns", [])}
    for noun, predicate in nouns.items():
        fields.setdefault(normalise_key(noun), predicate)  # "Total length: 620 m" is a length
    money = data.get("money", {})
    for predicate, body in sorted(money.items()):
        for noun in body.get("nouns", []) if isinstance(body, dict) else ():
            fields.setdefault(normalise_key(noun), predicate)  # "Total cost: £48 million"
    people = data.get("people", {})
    seq = data.get("sequence", {})
    occasions = [" ".join(w.lower().split()) for w in data.get("names", {}).get("occasions", [])]
    return Vocabulary(
        events=events,
        trigger_re=trigger_re,
        trigger_event=trigger_event,
        order=tuple(tuple(p) for p in data.get("order", {}).get("pairs", [])),
        modality=modality,
        modality_re=fastre.compile(r"\b(?:" + _words_re(mod_words) + r")"),
        reporting_re=fastre.compile(r"\b(?:" + _words_re(reporting) + r")\s+(?:on\s+|last\s+|this\s+)?$"),
        reporting_any=fastre.compile(r"\b(?:" + _words_re(reporting) + r")\b"),
        duration_verbs=tuple(data.get("durations", {}).get("verbs", [])),
        total_words=tuple(data.get("durations", {}).get("totals", [])),
        field_predicate=fields,
        identity_fields=frozenset(normalise_key(k) for k in data.get("fields", {}).get("identity", [])),
        roles=frozenset(people.get("roles", [])),
        titles=frozenset(people.get("titles", [])),
        not_names=frozenset(people.get("not_names", [])),
        demonyms=frozenset(people.get("demonyms", [])),
        affiliations={k: v for k, v in data.get("affiliations", {}).items()},
        name_heads=frozenset(data.get("names", {}).get("heads", [])),
        name_lead_heads=frozenset(data.get("names", {}).get("lead", [])),
        name_lead_codes=frozenset(data.get("names", {}).get("lead_codes", [])),
        variant_words=frozenset(data.get("names", {}).get("variant_words", [])),
        name_kinds=frozenset(data.get("names", {}).get("kinds", [])),
        name_firms=frozenset(data.get("names", {}).get("firms", [])),
        kind_word=first_test(data.get("names", {}).get("kinds", [])),
        coined_name=_coined_re(data.get("names", {}).get("coined_endings", [])),
        place_keys=frozenset(data.get("names", {}).get("place_keys", [])),
        person_keys=frozenset(data.get("names", {}).get("person_keys", [])),
        crew_up=frozenset(normalise_key(k) for k in seq.get("crew_up", [])),
        crew_down=frozenset(normalise_key(k) for k in seq.get("crew_down", [])),
        flight_sequence=tuple(seq.get("flight", [])),
        source_weights={k: float(v) for k, v in data.get("sources", {}).get("weights", {}).items()},
        rank_holders=frozenset(data.get("ranks", {}).get("holders", [])),
        occasions=frozenset(occasions),
        occasion_re=fastre.compile(r"[ \u00a0](?:[a-z]+(?:al|ic|ary|ive)[ \u00a0])?(?P<noun>"
                               + _words_re(occasions) + r")\b(?![-'’])"),
        occasion_word=fastre.compile(r"[ \u00a0](?:" + _words_re(  # case-blind re is slower
            occasions + [w.capitalize() for w in occasions] + [w.title() for w in occasions])
            + r")\b"),
        counts=tuple((pred, _count_re(pred, body.get("phrases", [])),
                      fastre.compile(r"\b(?:" + _words_re(body["not_with"]) + r")\b")
                      if body.get("not_with") else None)
                     for pred, body in sorted(data.get("counts", {}).items())),
        dated_counts=frozenset(p for p, body in data.get("counts", {}).items() if body.get("dated")),
        count_cue=first_test([max(p.replace("#", " ").split(), key=len)
                               for body in data.get("counts", {}).values()
                               for p in body.get("phrases", [])], bounded=False),
        **_identifiers(data.get("identifiers", {})),
        measure_nouns=nouns,
        measure_adjectives={a: p for p, body in sorted(measures.items())
                            for a in body.get("adjectives", [])},
        measure_dimensions={p: frozenset(body.get("dimensions", ())) for p, body in measures.items()},
        penalties={p: tuple(tuple(body.get(k, ())) for k in ("before", "after", "not_with",
                                                              "units"))
                   for p, body in data.get("penalties", {}).items()},
        **_money(money),
    )


def _money(section: dict[str, Any]) -> dict[str, Any]:
    """The [money] section's patterns. Right before an amount: a verb ("cost"), or a noun and
    a linking word ("budget of", "revenue rose to"), maybe with "of" and up to four words
    between ("the total cost of the project was"; words of at most 30 letters, so that a
    search stays linear); right after one: a noun ("budget", "in revenue")."""
    sums = {p: b for p, b in section.items() if isinstance(b, dict)}
    if not sums:
        return {}
    predicate = {(k, " ".join(w.split())): p for p, b in sorted(sums.items())
                 for k in ("verbs", "nouns", "after") for w in b.get(k, [])}
    verbs = [w for b in sums.values() for w in b.get("verbs", [])]
    nouns = [w for b in sums.values() for w in b.get("nouns", [])]
    after = [w for b in sums.values() for w in b.get("after", [])]
    links = _words_re(section.get("links", []) + section.get("changes", [])) or "(?!)"
    before = (rf"\b(?:(?P<verb>{_words_re(verbs) or '(?!)'})|(?P<noun>{_words_re(nouns) or '(?!)'})"
              rf"(?:[ \t]+of(?:[ \t]+[^\s,.;:()]{{1,30}}){{1,4}})?[ \t]+(?P<link>{links}))"
              rf"[ \t]+\Z")

    def words(key: str) -> re.Pattern[str]:
        found = section.get(key, [])
        return fastre.compile(r"\b(?:" + _words_re(found) + r")(?![\w'’])") if found \
            else fastre.compile("(?!)")

    return {
        "money_before": fastre.compile(before),
        "money_after": fastre.compile(r"(?<![ \t])(?:[ \t]*-[ \t]*|[ \t]+)(?P<after>"
                                      + (_words_re(after) or "(?!)") + r")(?![\w-])"),
        "money_predicate": predicate,
        "money_predicates": frozenset(sums),
        "money_not_with": {p: fastre.compile(r"\b(?:" + _words_re(b["not_with"]) + r")\b")
                           for p, b in sums.items() if b.get("not_with")},
        "money_period": {p: b["period"] for p, b in sums.items() if b.get("period")},
        "money_changes": frozenset(" ".join(w.split()) for w in section.get("changes", [])),
        "money_estimated": words("estimated"),
        "money_restated": words("restated"),
        "money_rate": fastre.compile(r"(?<![ \t])[ \t]*(?:" + (_words_re(section.get("rates", []))
                                                                or "(?!)") + r")\b"),
        "money_cue": first_test(verbs + nouns + after, bounded=False),
    }


def _coined_re(endings: list[str]) -> re.Pattern[str]:
    """One of the endings at a word's end; `mentions.coined_names` checks the word before it.
    Searched from the ending (a few letters, a skip set) rather than from every word's start,
    where a pattern over the whole word retried the endings at each of its letters: half the
    time, and this scan runs over every region of every document."""
    if not endings:
        return fastre.compile("(?!)")
    return fastre.compile(r"(?:" + _words_re(endings) + r")(?![\w\-])")


# a count after its phrase, maybe bounded ("a crowd of about 60,000"); only whole numbers,
# each tried from its first digit
_COUNT_BOUND = (r"(?:(?P<q{0}>at\s+least|more\s+than|over|about|around|nearly|almost|some|"
                r"roughly|approximately|an\s+estimated)\s+)?")
_COUNT_NUMBER = r"(?<![\w,.])(?P<n{0}>\d{{1,3}}(?:,\d{{3}})+|\d{{1,7}})(?!\w|[.,]\d)"


def _count_re(predicate: str, phrases: list[str]) -> re.Pattern[str]:
    """One pattern for a count's phrases: "a crowd of #" (the number after the words, groups
    q/n) and "# spectators" (before them, groups q2/n2)."""
    before = [" ".join(p[:-1].split()) for p in phrases if p.rstrip().endswith("#")]
    after = [" ".join(p.lstrip()[1:].split()) for p in phrases if p.lstrip().startswith("#")]
    if len(before) + len(after) != len(phrases) or not phrases or "" in before + after:
        raise PackError(f"[counts.{predicate}]: each phrase must start or end with '#'")
    alts = []
    if before:
        alts.append(r"\b(?:" + _words_re(before) + r")\s+" + _COUNT_BOUND.format("")
                    + _COUNT_NUMBER.format(""))
    if after:
        alts.append(_COUNT_BOUND.format("2") + _COUNT_NUMBER.format("2") + r"\s+(?:"
                    + _words_re(after) + r")\b")
    return fastre.compile("|".join(alts))


# A code as registries write them: capitals and digits, at most one hyphen, two to ten in all,
# with a capital or at least five digits ("LN-RKE", "N512AX", "9V-SKA", "9387421").
_CODE = r"(?=[A-Z0-9-]*[A-Z]|\d{5})[A-Z0-9]{1,4}(?:-[A-Z0-9]{2,7}|[A-Z0-9]{2,8})(?![\w-])"


def _identifiers(section: dict[str, list[str]]) -> dict[str, Any]:
    cue_of = {cue.lower(): predicate for predicate, cues in section.items() for cue in cues}
    if not cue_of:
        return {}
    pattern = fastre.compile(r"\b(?i:(?P<cue>" + _words_re(list(cue_of)) + r")(?:\s+as)?\s+"
                         r"(?:no\.?\s*|number\s+)?)(?P<code>" + _CODE + ")")
    return {"identifier_predicates": frozenset(section), "identifier_re": pattern,
            "identifier_cue": cue_of,
            "identifier_cues": tuple(sorted({c.split()[0] for c in cue_of}))}


def per_vocabulary(build: Callable[[Vocabulary], T]) -> Callable[[Vocabulary], T]:
    """Memoise what a hot path derives from a vocabulary, once per Vocabulary object (it holds
    dicts, so it is no cache key itself); the entry keeps the vocabulary alive, so its id is
    never reused by another."""
    memo: dict[int, tuple[Vocabulary, T]] = {}

    @wraps(build)
    def derived(vocab: Vocabulary) -> T:
        hit = memo.get(id(vocab))
        if hit is None or hit[0] is not vocab:
            hit = memo[id(vocab)] = (vocab, build(vocab))
        return hit[1]

    return derived


@cache
def vocabulary() -> Vocabulary:
    return load_packs()


@cache
def given_name_families() -> list[list[str]]:
    """Our equivalence table of given names (reconcile/data/given_names.toml): one list a name."""
    text = resources.files("reconcile.data").joinpath("given_names.toml").read_text("utf-8")
    families: list[list[str]] = tomllib.loads(text)["families"]
    return families


@cache
def _name_list() -> tuple[frozenset[str], dict[str, str]] | None:
    """gender-guesser's multicultural list of given names (about 46,000), read in one pass:
    the names, and those it marks clearly male ("M") or female ("F") in every country it
    lists them for. We read its data file directly: its Detector class loads far more."""
    try:
        path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    except ModuleNotFoundError:
        return None
    marks: dict[str, str] = {}
    with path.open("r", encoding="iso-8859-1") as fh:
        for line in fh:
            if line.startswith("#") or len(line) < 30:
                continue
            name = _utf8(line[3:29].strip()).replace("+", "-").lower()
            if name:
                mark = line[:2].strip()[-1:] if line[:2].strip() in ("M", "F", "1M", "1F") else "?"
                marks[name] = mark if marks.get(name, mark) == mark else "?"
    return frozenset(marks), {n: g for n, g in marks.items() if g != "?"}


def _utf8(field: str) -> str:
    """The list is Latin-1 but writes letters beyond it ("Ł") as UTF-8 bytes: read those."""
    if field.isascii():
        return field
    try:
        return field.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return field


def name_genders() -> dict[str, str]:
    """Given name -> "M" or "F" where the list is clear; names of either or unknown gender are
    left out. Empty without gender-guesser: a pronoun then never rules anyone out."""
    table = _name_list()
    return table[1] if table is not None else {}


@cache
def given_names() -> frozenset[str]:
    """Lower-case given names from gender-guesser's list. Where gender-guesser is not
    installed, the names of our own equivalence table stand in (a few hundred): names are then
    found mostly from role words, and a one-line note says so."""
    table = _name_list()
    if table is None:
        import sys

        print("reconcile: gender-guesser is not installed: given names come from a short list",
              file=sys.stderr)
        return frozenset(n for family in given_name_families() for n in family)
    return table[0]
