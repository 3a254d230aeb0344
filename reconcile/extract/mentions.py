"""Find what a document talks about: people's names, designators ("Flight 370", "MS-24"),
serial numbers ("No. 755"), the document's own subject, and aliases stated in the text.

No statistical model: a capitalised run is a person when it starts with a known given name or
follows a role word ("astronaut", "mayor"); once a full name is known, its surname alone is a
short mention that alignment resolves. This is fast, deterministic and explainable.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from .. import fastre
from ..align.normalize import fold
from ..model import Document, InfoboxField, Mention, Passage
from ..vocab import Vocabulary, given_names, normalise_key, per_vocabulary

# One word of a name: letters with inner apostrophes or hyphens (O'Hara, Caldwell-Dyson), or
# an initial ("J.").
NAME_TOKEN = fastre.compile(r"[A-Z]\.|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
INITIAL = fastre.compile(r"[A-Z]\.")
PARTICLES = frozenset("van von der den de del della da di du la le bin ibn al el ter ten".split())

# A designator: up to three capitalised words, then a code with a digit (a code's letters may
# be a word in capitals: "MS-24", "KESTREL-2"). Each alternative is
# a plain sequence of disjoint classes, so matching stays linear.
DESIGNATOR = fastre.compile(  # the leading lookahead (a capital or a digit) only saves time
    r"(?=[A-Z\d])(?<![\w\-])(?P<stem>(?:[A-Z][A-Za-z]*[ \u00a0]){0,3})"
    r"(?P<code>[A-Z]{1,8}-\d{1,6}[A-Za-z]?|\d{1,4}[A-Z]{1,2}|[A-Z][a-z]+-\d{1,4}(?:\.\d{1,3})?[a-z]?|\d{1,6})"
    r"(?![\w\-–—]|[.:/,]\d)"  # not a score or range either ("Selby Rovers 2–1")
)
DIGIT = fastre.compile(r"\d")
VARIANT_AFTER = fastre.compile(r"[ \u00a0]([A-Z][A-Za-z]{1,5})\b(?![\-])")
# Words that put a place, not a person, right after them.
PLACE_BEFORE = fastre.compile(r"\b(?:in|at|near|across|over|into|towards?|outside|inside|around|off|"
                          r"(?:north|south|east|west)(?:east|west)?(?:ern)?(?:\s+of)?)\s+(?:the\s+)?\Z")
SERIAL = fastre.compile(r"\b(?:No|Nr|Number|S/N|Serial)\.?\s?#?(?P<num>\d[\d\-]*\d|\d)\b")
SERIAL_WORDS = ("No", "Nr", "Number", "S/N", "Serial")  # every SERIAL match holds one


def _may_hold_serial(text: str) -> bool:
    """A test in C before the SERIAL scan: most regions name no serial number."""
    return any(word in text for word in SERIAL_WORDS)


ALIAS_CUE = fastre.compile(  # the leading lookahead (every cue's first letter) only saves time
    r"(?=[acdfiklnr])\b(?:(?:identified|designated|known|referred\s+to|called|named|nicknamed|listed|registered)"
    r"(?:\s+by\s+[^,.;]{1,40}?)?\s+as|also\s+known\s+as|a\.k\.a\.|aka|n[ée]e|formerly)\s+(?:the\s+)?",
    re.I,
)
# Every ALIAS_CUE match holds " as " or one of the words; these tests in C come first, since
# the case-blind cue pattern costs more than any other scan of prose that mostly holds no cue.
_SPACED_AS = fastre.compile(r"\sas\s", re.I)
ALIAS_WORDS = ("a.k.a.", "aka", "née", "nee", "formerly")


def _may_hold_alias_cue(text: str) -> bool:
    low = text.lower()
    for word in ALIAS_WORDS:
        if word in low:
            return True
    return _SPACED_AS.search(low) is not None


# The leading space run may only start where a run starts: a search restarted at every blank of a
# long run (no separator after it) would rescan the run each time, quadratic in its length.
LIST_SPLIT = fastre.compile(r"(?:(?<!\s)\s+)?(?:,|;|\n|<br\s*/?>|\band\b|&)\s*[*#]*\s*")
DESCRIPTOR_WINDOW = 4  # words before a name that may describe it ("Belarusian spaceflight participant")


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    short: bool = False
    role: str | None = None
    descriptor: str | None = None
    alias_to: tuple[int, int] | None = None
    year: int | None = None


def _is_code_like(code: str) -> bool:
    return any(c.isalpha() for c in code)


def designators_in(text: str, vocab: Vocabulary) -> Iterable[tuple[int, int]]:
    """(start, end) of each designator in text, stem words trimmed of non-name words."""
    for m in DESIGNATOR.finditer(text):
        stem, code = m.group("stem", "code")
        # only the code alternatives with a hyphen hold one, and they all hold a letter
        dashed = "-" in code
        if not stem and not dashed:
            continue  # most hits: a bare number (the test below, without splitting a stem)
        stem_words = stem.split()
        start = m.start("stem")
        # drop leading words that only qualify the designator: "The", "Russian", "At"
        while stem_words:
            low = stem_words[0].lower()
            if not (low in vocab.not_names and low not in ("expedition", "flight", "mission")
                    or low in vocab.demonyms or low in _MONTHS):
                break
            start = text.index(stem_words[0], start) + len(stem_words[0])
            while start < len(text) and text[start] in " \u00a0":
                start += 1
            stem_words.pop(0)
        if not stem_words and not (_is_code_like(code) and dashed):
            continue  # a bare number or "70S" needs a name before it to be a designator
        if text[max(0, start - 4):start].rstrip().endswith(("No.", "No")):
            continue
        variant = VARIANT_AFTER.match(text, m.end())
        if variant is not None and variant[1].lower() in vocab.variant_words:
            yield start, variant.end()  # "Orbit 7 Pro": another model than "Orbit 7"
        else:
            yield start, m.end()


_MONTHS = frozenset("january february march april may june july august september october "
                    "november december jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _cap_run_re() -> re.Pattern[str]:
    """Runs of capitalised words (particles allowed inside), found by the regex engine in C.

    Python's re has no \\p{Lu}, so the upper-case class is built once from the BMP.
    """
    upper = "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper())
    # a full stop belongs to an initial ("J.") only, so a run never crosses a sentence end
    word = rf"(?:[{upper}]\.|[{upper}][^\W\d_]*(?:['’\-][^\W\d_]+)*)"
    particle = "|".join(sorted(PARTICLES))
    return fastre.compile(rf"{word}(?:[ \u00a0](?:(?:{particle})[ \u00a0])?{word})*")


CAP_RUN = _cap_run_re()
RUN_SPLIT = fastre.compile(r"[ \u00a0]+")
LIST_GLUE = fastre.compile(r"\s*(?:,|and|, and|&)\s*")
CLAUSE_PUNCT = fastre.compile(r"[,;:()\[\].!?]")


def _cap_runs(text: str) -> list[tuple[int, str]]:
    """(start, words) of each capitalised run; one regex pass shared by the name finders."""
    return [(m.start(), m.group()) for m in CAP_RUN.finditer(text)]


def _person_runs(text: str, runs: list[tuple[int, str]], vocab: Vocabulary,
                 known: set[str]) -> Iterable[_Draft]:
    """Capitalised runs that look like full names, with the role words before them."""
    names = given_names()
    not_name = _non_name_words(vocab)
    previous: tuple[int, list[str]] | None = None
    for run_start, group in runs:
        if " " not in group and "\u00a0" not in group:
            continue  # a single word: surnames are found later, from known full names
        # the words are judged first and placed in the text only if they pass: most runs fail
        raw = group.split()  # CAP_RUN joins words with blanks only
        # "O'Hara." ends a sentence; only an initial ("J.") keeps its dot
        words = [w.rstrip(".") if len(w) > 2 else w for w in raw]
        if words[-1].endswith(("'s", "’s")) and len(words[-1]) > 3:
            words[-1] = words[-1][:-2]  # "Mira Solvay's drama": the name without its possessive
        lo, hi = 0, len(words)
        while lo < hi and not_name(words[lo]):
            lo += 1
        while hi > lo and (not_name(words[hi - 1]) or words[hi - 1] in PARTICLES):
            hi -= 1
        # "the chief designer Jaewon Park", "Mayor Emma Hall": a given name and a common noun
        # (never part of a name elsewhere) is a person only where a role or title says so
        noun_surname = hi - lo == 1 and hi < len(words) and _noun_surname(words[hi], vocab)
        if noun_surname:
            hi += 1
        if not 2 <= hi - lo <= 4:
            continue
        if _any_not_name_or_acronym(words, lo, hi - noun_surname, not_name):
            continue
        offsets, pos = [], 0
        for w in raw[:hi]:
            pos = group.index(w, pos)
            offsets.append(pos)
            pos += len(w)
        start, end = run_start + offsets[lo], run_start + offsets[hi - 1] + len(words[hi - 1])
        surface = text[start:end]
        before = _words_before(text, start, DESCRIPTOR_WINDOW)
        if previous is not None and LIST_GLUE.fullmatch(text, previous[0], start):
            before = previous[1]  # "cosmonauts A and B": B has A's role words
        previous = (end, before)
        cue = _role_cued(before, vocab) or _apposed(text, start, end, vocab)
        if noun_surname and not (cue or lo > 0 and _title_or_role(words[lo - 1], vocab)
                                 or _role_after(text, end, vocab)):
            continue
        first = words[lo].lower()
        if not cue and surface not in known and PLACE_BEFORE.search(text, max(0, start - 24), start):
            continue  # "near Isla Morena", "south of Isla Morena": a place, whatever its words
        if surface in known or cue or (_given(first, names) and first not in vocab.not_names):
            yield _Draft(start, end, "person", descriptor=_descriptor(before, vocab))


# what may close a name set off after a role: "The defending champion, Ana Moro, will ..."
APPOSITION_END = fastre.compile(r"\s*(?:[,;:.]|\(|$)")
DETERMINERS = frozenset("the a an its his her their our this".split())


def _apposed(text: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """The name between commas after a role noun: "The chief designer, Ana Moro, said"."""
    return text.startswith(", ", start - 2) and APPOSITION_END.match(text, end) is not None \
        and _role_apposed(_words_before(text, start - 2, 4), vocab)


def _role_apposed(before: list[str], vocab: Vocabulary) -> bool:
    """A role noun with its determiner, then a comma, then the name: "the defending champion,
    Ana Moro," (no preposition between: "for the captain, Osten Hall" names no person)."""
    low = [w.lower() for w in before]
    if not low or low[-1] not in vocab.roles or any(w in PREPOSITIONS for w in low):
        return False
    return any(w in DETERMINERS for w in low[:-1])


def _given(word: str, names: frozenset[str]) -> bool:
    """A known given name, also when written with accents the name list spells without (its
    file codes accented letters apart): "Tomáš" is found as "Tomas", "Zoë" as "Zoe"."""
    if word in names:
        return True
    if "-" in word[1:-1]:  # "Jae-won", "Anna-Lena": a hyphenated name opens with a given name
        return _given(word.split("-", 1)[0], names)
    if word.isascii():
        return False
    return fold(word) in names  # transliterated as well: "Łukasz" is "Lukasz"


def _any_not_name_or_acronym(words: list[str], lo: int, hi: int,
                             not_name: Callable[[str], bool]) -> bool:
    """A word that is never part of a name, or an acronym (organisations, not people); an
    initial ("J.") is no acronym."""
    for k in range(lo, hi):
        w = words[k]
        if not_name(w) or w.isupper() and len(w) > 1 and not INITIAL.fullmatch(w):
            return True
    return False


PREPOSITIONS = frozenset("of in at for from to on by with near over into".split())


def _noun_surname(word: str, vocab: Vocabulary) -> bool:
    """A capitalised common noun that is also a surname ("Park", "Hall", "Field"): a word the
    packs keep out of names only because it is a common noun, not a role, month or article."""
    low = word.lower()
    return len(low) > 2 and word[:1].isupper() and low in vocab.not_names \
        and low not in FUNCTION_WORDS and low not in vocab.roles and low not in vocab.titles \
        and low not in _MONTHS and low not in vocab.demonyms


def _role_cued(before: list[str], vocab: Vocabulary) -> bool:
    """A title or role word describes the name after these words ("the chief designer")."""
    tail = [w.lower().rstrip(".,") for w in _describing_tail(before, vocab)]
    return any(w in vocab.titles or w in vocab.roles or w.rstrip("s") in vocab.roles
               for w in tail)


def _person_not_place(text: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """ "the chief designer Jaewon Park", "Mayor Emma Hall", "Emma Hall (mayor)": a name after a
    role word or title, or with a role in brackets after it, is a person whose surname is a kind
    noun, not a place called "... Park" or "... Hall"."""
    first = text[start:start + 40].split(None, 1)[0]
    return _title_or_role(first, vocab) or _role_after(text, end, vocab) \
        or _apposed(text, start, end, vocab) \
        or _role_cued(_words_before(text, start, DESCRIPTOR_WINDOW), vocab)


def _role_after(text: str, end: int, vocab: Vocabulary) -> bool:
    after = ROLE_AFTER.match(text, end)
    return after is not None and after[1].lower() in vocab.roles


# a role in brackets right after a name: "Emma Hall (CEO)"
ROLE_AFTER = fastre.compile(r"[ \u00a0]?\(([A-Za-z][A-Za-z \-]{1,30})\)")


def _title_or_role(word: str, vocab: Vocabulary) -> bool:
    """ "Mayor", "Ms", "Dr.": but "MS" in capitals is a vessel's prefix ("MS Verran Star")."""
    word = word.rstrip(".")
    low = word.lower()
    if word.isupper() and low in vocab.name_lead_codes:
        return False
    return low in vocab.titles or low in vocab.roles


def _describing_tail(words: list[str], vocab: Vocabulary) -> list[str]:
    """The words right before a name that may describe it: after the last preposition, and
    not past a lower-case word that is no role ("the passenger ferry X": X is the ferry)."""
    words = _after_preposition(words)
    k = len(words)
    while k > 0 and not (words[k - 1][:1].islower() and words[k - 1] not in ("and", "the")
                         and not _describes(words[k - 1].rstrip(",."), vocab)
                         and words[k - 1].lower().rstrip(".") not in vocab.titles):
        k -= 1
    return words[k:]


def _after_preposition(words: list[str]) -> list[str]:
    """The words after the last preposition: in "mayor of Bexley Vale" the role word names what
    the place has, not who the name is."""
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in PREPOSITIONS:
            return words[k + 1:]
    return words


def _without_year(title: str) -> str:
    """"Hurricane Odile (2031)" -> "Hurricane Odile"; any other title as it is."""
    head, sep, tail = title.rpartition(" (")
    if sep and len(tail) == 5 and tail[:4].isdigit() and tail[4] == ")":
        return head.rstrip()
    return title


def _named_thing(title: str, vocab: Vocabulary) -> str:
    """"Kessock Dam failure" -> "Kessock Dam": a title that names what happened to a named
    thing (capitalised words ending in a kind word, then lower-case words) is about the thing,
    which prose names without the lower-case words. Any other title as it is."""
    words = title.split(" ")
    if words[-1].lower() in vocab.occasions:
        return title  # "Tarrow Cup final" is the final, not the cup
    k = len(words)
    while k > 0 and words[k - 1].isalpha() and words[k - 1].islower():
        k -= 1
    if 2 <= k < len(words) and words[k - 1].lower() in vocab.name_heads \
            and all(w[:1].isupper() for w in words[:k]):
        return " ".join(words[:k])
    return title


def _looks_like_person(title: str, vocab: Vocabulary) -> bool:
    """A biography's title: two to four name words, the first a known given name."""
    words = title.split()
    return (2 <= len(words) <= 4 and _given(words[0].lower(), given_names())
            and not any(_not_name(w, vocab) or w.lower() in vocab.name_heads for w in words))


FUNCTION_WORDS = frozenset("the a an on in at by for from to of and or but as with after before "
                           "during since until when while this that these those its their his "
                           "her our".split())


def named_things(text: str, vocab: Vocabulary,
                 runs: list[tuple[int, str]] | None = None) -> Iterable[tuple[int, int]]:
    """Capitalised runs ending in a kind noun of the packs: "the Kessock Narrows Bridge"."""
    heads, leads = vocab.name_heads, vocab.name_lead_heads | vocab.name_lead_codes
    for run_start, group in _cap_runs(text) if runs is None else runs:
        # cheap test first: most runs hold no kind noun where one names (no generator: hot),
        # and neither of their first two words can lead a name
        if group.rsplit(None, 1)[-1].lower().rstrip(".") not in heads:
            lead = group.split(None, 2)
            if lead[0].lower() not in leads and (len(lead) < 2 or lead[1].lower() not in leads):
                continue
            if not _leads(lead[0], vocab) and (len(lead) < 2 or not _leads(lead[1], vocab)):
                continue
        words = [(w.start(), w.end(), w.group()) for w in NAME_TOKEN.finditer(group)]
        while words and words[0][2].lower() in FUNCTION_WORDS:
            words = words[1:]
        if len(words) >= 2 and _leads(words[0][2], vocab):
            # "Hurricane Odile", "Lake Vessen", "Operation Harrow": the kind noun comes first
            yield run_start + words[0][0], run_start + words[-1][1]
            continue
        if len(words) < 2 or words[-1][2].lower().rstrip(".") not in vocab.name_heads:
            continue
        if all(w[2].lower() in vocab.not_names or w[2].lower() in vocab.demonyms
               for w in words[:-1]):
            continue  # "International Space Station" style: no proper word at all
        yield run_start + words[0][0], run_start + words[-1][1]


# a year (or a season, "2030–31") right before an occasion's name is part of the name
YEAR_BEFORE = fastre.compile(r"(?<![\w–-])\d{4}(?:[–-]\d{2}(?:\d{2})?)?[ \u00a0]\Z")
NUMBER_AFTER = fastre.compile(r"[ \u00a0]\d+\b")
# the text's own year for a year-less occasion, right after it: "the Brenmoor Marathon of 2025",
# "... in 2025", "... (2025)"
YEAR_AFTER = fastre.compile(r"[ \u00a0](?:of|in)[ \u00a0](\d{4})\b(?![–-]\d)|[ \u00a0]?\((\d{4})\)")
# a relative clause right after it that dates it: "the Glenmere earthquake, which struck on
# 9 June 2020", "the Brenmoor Marathon, which was held in 2025"
YEAR_WHICH = fastre.compile(r",[ \u00a0](?:which|that)\b[^.;,()]{0,60}?[ \u00a0](?:on|in)[ \u00a0]"
                        r"(?:\d{1,2}[ \u00a0][A-Z][a-z]+[ \u00a0]|[A-Z][a-z]+[ \u00a0](?:\d{1,2},?[ \u00a0])?)?"
                        r"(\d{4})\b(?![–-]\d)")
# "last year's Brenmoor Marathon": a year counted from the source's date
YEARS_BEFORE = fastre.compile(r"\b(last|this|next)[ \u00a0]year['’]s[ \u00a0]\Z", re.I)
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
ADJECTIVE = ("al", "ic", "ary", "ive")  # endings of the adjectives before an occasion noun


def occasion_names(text: str, vocab: Vocabulary,
                   runs: list[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Names of occasions: a capitalised name and an occasion noun of the packs in lower case
    after it ("the Tarrow Shield final", "the Osterlund constitutional referendum"), or a name
    ending in one ("the Brenmoor Marathon"); a year right before it is part of the name ("2030
    Tarrow Shield final"), so that two editions stay two events."""
    occasions, not_name = vocab.occasions, _non_name_words(vocab)
    firsts = _occasion_firsts(vocab)  # a first test of the word after a run, before the regex
    if vocab.occasion_word.search(text) is None:
        return  # most passages and field values name no occasion at all
    for run_start, group in runs:
        end = run_start + len(group)
        # cheap tests first: most runs are followed by no blank and end in no occasion noun
        after = text[end + 1:end + 40].split(None, 2) if text[end:end + 1] in (" ", "\u00a0") \
            else ()
        tail = vocab.occasion_re.match(text, end) if after and (
            after[0].rstrip(PUNCT) in firsts or after[0].endswith(ADJECTIVE) and len(after) > 1
            and after[1].rstrip(PUNCT) in firsts) else None
        last = group.rsplit(None, 1)[-1]
        if tail is None and last.lower() not in occasions or "'" in last or "’" in last:
            continue  # no occasion, or a possessive ("Osterlund's referendum" is no name)
        words = [(w.start(), w.group()) for w in NAME_TOKEN.finditer(group)]
        while words and words[0][1].lower() in FUNCTION_WORDS:
            words = words[1:]
        proper = words if tail is not None else words[:-1]
        if not proper or all(not_name(w) and w.lower() not in vocab.name_heads
                             for _, w in proper):
            continue  # "The final", "On Saturday final": no name before the noun
        start = run_start + words[0][0]
        if len(proper) == 1 and start == run_start and proper[0][1].lower().endswith(ADJECTIVE) \
                and text[max(0, start - 3):start].rstrip()[-1:] in ("", ".", "!", "?"):
            continue  # "Presidential elections were held": an adjective opening a sentence
        stop = tail.end() if tail is not None else end
        if NUMBER_AFTER.match(text, stop):
            continue  # "the Carrow mayoral election 12": a numbered name, not this occasion's
        year = YEAR_BEFORE.search(text, max(0, start - 12), start)
        yield year.start() if year else start, stop


PUNCT = ".,;:!?)\"'’"


@per_vocabulary
def _occasion_firsts(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(o.split()[0] for o in vocab.occasions)


def occasion_year(doc: Document, text: str, start: int, end: int) -> int | None:
    """The year a source gives a year-less occasion's name: written right after it ("of
    2025") or in a relative clause right after it (", which ended on 4 May 2025"), else the
    source's date ("last year's" one year before it); None in an undated
    source, which then joins no edition by guesswork."""
    after = YEAR_AFTER.match(text, end)
    if after is not None:
        return int(after[1] or after[2])
    which = YEAR_WHICH.match(text, end)
    if which is not None:
        return int(which[1])
    if doc.published is None:
        return None
    rel = YEARS_BEFORE.search(text, max(0, start - 20), start)
    return doc.published.year + (_YEAR_SHIFT[rel[1].lower()] if rel else 0)


def _leads(word: str, vocab: Vocabulary) -> bool:
    """A word that opens a name: a kind noun ("Lake"), or a prefix in capitals ("MV")."""
    low = word.lower()
    return low in vocab.name_lead_heads or low in vocab.name_lead_codes and word.isupper()


def kind_named(text: str, vocab: Vocabulary,
               runs: list[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Names a kind noun or a relative "which" marks as a thing's, not a person's: "the tanker
    Aldra Sound", "its sister ship Tarn Belle", "the Aldra Sound, which sank". The kind noun
    is not part of the name; it must be written in lower case right before it, so "the ferry
    operator Tarn Lines" names no ship."""
    if ", which" not in text and vocab.kind_word.search(text) is None:
        return  # most passages name no kind right before a name, and no "X, which"
    kinds, not_name = vocab.name_kinds, _non_name_words(vocab)
    for run_start, group in runs:
        start, end = run_start, run_start + len(group)
        which = text.startswith(", which", end)
        if not which and (run_start < 2 or not text[run_start - 2].islower()):
            continue  # cheap test first: most runs follow no lower-case word
        before = _word_before(text, run_start)
        if before not in kinds and not which:
            continue
        words = RUN_SPLIT.split(group)
        if before not in kinds:
            # "The Aldra Sound, which": the article may open the run or stand before it
            if words[0] in ("The", "the") and len(words) > 1:
                start += group.index(words[1], len(words[0]))
                words = words[1:]
            elif before not in ("the", "The"):
                continue
        if not_name(words[0]) or all(not_name(w) for w in words):
            continue  # "the ship Captain Orr": a title opens a person's name
        if words[-1].endswith(("'s", "’s")):
            end -= 2
        yield start, end


def _word_before(text: str, i: int) -> str:
    """The word that ends one blank before i (at most 23 characters), or ""."""
    if i < 2 or text[i - 1] != " ":
        return ""
    lo = max(0, i - 24)
    return text[max(lo, text.rfind(" ", lo, i - 1) + 1):i - 1]


def _descriptor(words: list[str], vocab: Vocabulary) -> str | None:
    """The role words right before a name ("NASA astronaut"), when they hold a role or demonym."""
    k = len(words)
    while k > 0 and (words[k - 1][:1].islower() and words[k - 1] not in ("and", "the", "with", "of")
                     or _describes(words[k - 1], vocab)):
        k -= 1
    kept = words[k:]
    return " ".join(kept) if any(_describes(w, vocab) for w in kept) else None


def _describes(word: str, vocab: Vocabulary) -> bool:
    low = word.lower()
    return (low in vocab.demonyms or word in vocab.affiliations or low in vocab.roles
            or low.rstrip("s") in vocab.roles)


def _words_before(text: str, start: int, n: int) -> list[str]:
    window = text[max(0, start - 60):start]
    return CLAUSE_PUNCT.split(window)[-1].split()[-n:]


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _adjacent(text: str, end: int, start: int) -> bool:
    return start - end == 1 and text[end] in " \u00a0"


def _not_name(token: str, vocab: Vocabulary) -> bool:
    return _non_name_words(vocab)(token)


@per_vocabulary
def _non_name_words(vocab: Vocabulary) -> Callable[[str], bool]:
    """A memoised test for words that are never part of a name (roles, titles, months...).

    Name finding asks it for every capitalised word; a dict lookup per distinct token is much
    cheaper than five set probes and three string copies each time.
    """
    memo: dict[str, bool] = {}

    def not_name(token: str) -> bool:
        got = memo.get(token)
        if got is None:
            low = token.lower().rstrip(".")
            got = (low in vocab.not_names or low in vocab.demonyms or low in vocab.roles
                   or low.rstrip("s") in vocab.roles or low in vocab.titles or low in _MONTHS)
            if len(memo) < 100_000:
                memo[token] = got
        return got

    return not_name


def find_mentions(doc: Document, vocab: Vocabulary) -> list[Mention]:
    drafts: dict[tuple[int, int], _Draft] = {}
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping: first mention found wins

    def add(d: _Draft) -> None:
        key = (d.start, d.end)
        i = bisect.bisect_left(taken, key)
        if (i < len(taken) and _overlaps(key, taken[i])) or (i > 0 and _overlaps(key, taken[i - 1])):
            return
        taken.insert(i, key)
        drafts[key] = d

    subject_key = None
    if title_is_subject(doc, vocab):
        t = doc.title_span
        assert t is not None  # title_is_subject says so
        # "Hurricane Odile (2031)": a year in brackets tells namesakes apart; prose says
        # "Hurricane Odile", so the subject is the name before it
        end = t.start + len(_named_thing(_without_year(t.text), vocab))
        title = doc.text[t.start:end]
        kind = "designator" if any(ch.isdigit() for ch in title) else \
            "person" if _looks_like_person(title, vocab) else "name"
        subject_key = (t.start, end)
        add(_Draft(t.start, end, kind, role="subject"))

    regions = _regions(doc)
    # 1. people named in list fields (crew, cast, members) are people without further proof
    known: set[str] = set()
    for f in doc.fields:
        if vocab.predicate_for_field(f.key) == "members" \
                or normalise_key(f.key) in vocab.person_keys:
            passage = field_passage(doc, f)
            for s, e in _list_items(f.value):
                piece = f.value[s:e]
                if piece and piece[0].isupper() and not any(ch.isdigit() for ch in piece) \
                        and _verbatim(doc, passage, s, e):
                    if len(piece.split()) >= 2:
                        known.add(piece)
                    rs, re_ = passage.raw_range(s, e)
                    add(_Draft(rs, re_, "person", short=len(piece.split()) == 1,
                               role=normalise_key(f.key)))
    # 2. serials and designators, then people, in prose and field values
    for passage, role in regions:
        text = passage.text
        if not DIGIT.search(text):
            continue  # serials and designators all hold a digit; most field values do not
        for m in SERIAL.finditer(text) if _may_hold_serial(text) else ():
            if not _verbatim(doc, passage, m.start(), m.end()):
                continue
            s, e = passage.raw_range(m.start(), m.end())
            add(_Draft(s, e, "serial", role=role))
        for s0, e0 in designators_in(text, vocab):
            if not _verbatim(doc, passage, s0, e0):
                continue
            s, e = passage.raw_range(s0, e0)
            add(_Draft(s, e, "designator", role=role))
    runs = [_cap_runs(passage.text) for passage, _ in regions]
    # one test on the whole text for each rarer kind of name, instead of one per region
    occasions = vocab.occasion_word.search(doc.text) is not None
    kinds = ", which" in doc.text or vocab.kind_word.search(doc.text) is not None
    for (passage, role), region_runs in zip(regions, runs, strict=True):
        for s0, e0 in occasion_names(passage.text, vocab, region_runs) if occasions else ():
            if _verbatim(doc, passage, s0, e0):
                s, e = passage.raw_range(s0, e0)
                dated = DIGIT.search(doc.text, s, e) is not None
                add(_Draft(s, e, "designator" if dated else "name", role=role,
                           year=None if dated else occasion_year(doc, passage.text, s0, e0)))
        for s0, e0 in named_things(passage.text, vocab, region_runs):
            if _verbatim(doc, passage, s0, e0) and not _person_not_place(passage.text, s0, e0, vocab):
                s, e = passage.raw_range(s0, e0)
                add(_Draft(s, e, "name", role=role))
        for s0, e0 in coined_names(passage.text, vocab):
            if _verbatim(doc, passage, s0, e0):
                s, e = passage.raw_range(s0, e0)
                add(_Draft(s, e, "name", role=role))
        if role is None and kinds:
            for s0, e0 in kind_named(passage.text, vocab, region_runs):
                if _verbatim(doc, passage, s0, e0):
                    s, e = passage.raw_range(s0, e0)
                    add(_Draft(s, e, "name"))
    for (passage, role), region_runs in zip(regions, runs, strict=True):
        if role and any(word in vocab.place_keys for word in role.split()):
            continue  # "Areas affected: Baja Verde, Isla Morena" names places, not people
        for d in _person_runs(passage.text, region_runs, vocab, known):
            if not _verbatim(doc, passage, d.start, d.end):
                continue
            s, e = passage.raw_range(d.start, d.end)
            known.add(doc.text[s:e])
            add(_Draft(s, e, "person", descriptor=d.descriptor, role=role))
    # 3. surnames (and hyphenated compounds) of the full names seen in this document
    surnames = _surnames(doc.text[k[0]:k[1]] for k, d in drafts.items()
                         if d.kind == "person" and not d.short)
    for passage, role in regions if surnames else ():
        for s0, e0 in _surname_hits(passage.text, surnames):
            if _verbatim(doc, passage, s0, e0):
                s, e = passage.raw_range(s0, e0)
                add(_Draft(s, e, "person", short=True, role=role,
                           descriptor=_descriptor(_words_before(passage.text, s0, DESCRIPTOR_WINDOW), vocab)))
    # 4. a firm's first word alone ("Tarrow bought a dairy"), the firm's where the document
    # names one firm with that word and no person with it as surname
    firms = _firm_words(drafts, doc.text, vocab)
    for passage, role in regions if firms else ():
        for s0, e0 in _surname_hits(passage.text, set(firms)):
            if _verbatim(doc, passage, s0, e0) and not _in_longer_name(passage.text, s0, e0):
                s, e = passage.raw_range(s0, e0)
                add(_Draft(s, e, "name", short=True, role=role, alias_to=firms[doc.text[s:e]]))
    # 5. aliases: in alias fields, and "identified by X as Y" in prose
    for f in doc.fields:
        if subject_key and vocab.predicate_for_field(f.key) == "alias":
            for key, d in drafts.items():
                if f.value_span.start <= key[0] and key[1] <= f.value_span.end:
                    d.alias_to = subject_key
    _prose_aliases(doc, regions, drafts)
    return _finalise(doc, drafts)


def title_is_subject(doc: Document, vocab: Vocabulary) -> bool:
    """Whether the document's title names what the whole document is about. An article's title
    does, and so does the bold name a wikitext lead opens with; a headline (a news item's, a web
    page's, or the heading a wikitext page opens with, unless that heading is one name and
    nothing else) tells what happened, and only names the thing (see headline_thing)."""
    t = doc.title_span
    if t is None or doc.kind not in ("encyclopedia", "wiki"):
        return False
    if doc.kind == "encyclopedia" or not doc.text.startswith("=", doc.text.rfind("\n", 0, t.start) + 1):
        return True
    return _headline_names(t.text, vocab) == [(0, len(t.text))] \
        or _looks_like_person(t.text, vocab)


# words a title-case headline's name does not go on through: "Skarvik Tunnel Opens After Four
# Years", "Pellow Dam Is Named ...", "Work Starts On X" (an event word of the packs, too)
_HEADLINE_BREAKS = FUNCTION_WORDS | frozenset(
    "is was are were will would has had have can could may might must shall should did does "
    "be been gets got set sets wins won into over off up down out amid".split())


def _title_case_runs(text: str, vocab: Vocabulary) -> list[tuple[int, str]] | None:
    """A headline written in title case ("Skarvik Tunnel Opens After Four Years") is one
    capitalised run, so its names are read from the run cut at its verbs and function words:
    a function word or auxiliary, an event word of the packs, or after the first word a word in
    -s, -ed or -ing that is no kind noun ("Mayor Hails Pellow Dam", but "Wells Cathedral", "Kings
    Cross Station", "Tarrow Foods"). None for a headline not in title case, or one with no such word (a name
    alone: "Saltmere Maritime Museum")."""
    words = [(m.start(), m.group()) for m in NAME_TOKEN.finditer(text)]
    if len(words) < 3 or not all(w[:1].isupper() or not w[:1].isalpha() or w in FUNCTION_WORDS
                                 for _, w in words):
        return None
    runs: list[tuple[int, str]] = []
    cut = False
    start = end = -1
    for k, (at, word) in enumerate(words):
        low = word.lower()
        stop = low in _HEADLINE_BREAKS or low in vocab.trigger_event or k > 0 \
            and low.endswith(("s", "ed", "ing")) and not low.endswith(("ss", "us", "is")) \
            and low not in vocab.name_heads and low not in vocab.name_lead_heads \
            and not word[:-1].isupper()
        if stop or not word[:1].isupper() and not word[:1].isdigit():
            cut = True
            if start >= 0:
                runs.append((start, text[start:end]))
            start = -1
            continue
        if start < 0:
            start = at
        end = at + len(word)
    if start >= 0:
        runs.append((start, text[start:end]))
    return runs if cut else None


def _headline_names(text: str, vocab: Vocabulary,
                    title_case: bool = False) -> list[tuple[int, int]]:
    """The things a headline names: designators, names ending in a kind noun, occasions (in a
    title-case headline, `title_case`, from its runs cut at verbs and function words)."""
    runs = (_title_case_runs(text, vocab) if title_case else None) or _cap_runs(text)
    found: list[tuple[int, int]] = []
    for s, e in (*designators_in(text, vocab), *named_things(text, vocab, runs),
                 *occasion_names(text, vocab, runs)):
        if not any(_overlaps((s, e), k) for k in found):
            found.append((s, e))
    return sorted(found)


def headline_thing(doc: Document, vocab: Vocabulary) -> Mention | None:
    """The one thing a headline names ("Pellow Dam opens after six years": Pellow Dam), as a
    mention of its own (id "m0", role "headline"); None when the document's title is its
    subject, or the headline names no thing or two ("X closes as Y takes over"). People are no
    things: "Mayor Ines Varga opens X" names X."""
    t = doc.title_span
    if t is None or title_is_subject(doc, vocab):
        return None
    found = _headline_names(t.text, vocab, title_case=True)
    if len({" ".join(t.text[s:e].split()).lower() for s, e in found}) != 1:
        return None
    s, e = found[0]
    surface = " ".join(t.text[s:e].split())
    kind = "designator" if DIGIT.search(surface) else "name"
    return Mention(f"{doc.id}:m0", doc.span(t.start + s, t.start + e), kind, surface,
                   role="headline")


def coined_names(text: str, vocab: Vocabulary) -> Iterator[tuple[int, int]]:
    """Words of at least three letters before a coined name's ending, in lower case but for
    the first letter: "tovalimab", "Tovalimab"; not "Tovalimab-Kessler" (a hyphen joins it to
    more of a name)."""
    for m in vocab.coined_name.finditer(text):
        start = m.start()
        while start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        if start > 0 and "A" <= text[start - 1] <= "Z":
            start -= 1
        if m.start() - start >= 3 and not (start > 0 and (text[start - 1].isalnum() or
                                                            text[start - 1] in "_-")):
            yield start, m.end()


def _firm_words(drafts: dict[tuple[int, int], _Draft], text: str,
                vocab: Vocabulary) -> dict[str, tuple[int, int]]:
    """The first word of each two-word firm's name ("Tarrow Foods": "Tarrow"), with the first
    mention of that firm; not a word two firms' names open ("Tarrow Foods", "Tarrow Holdings"),
    a word a person is called by, or a word that is never a name ("Northern Bank"). A longer
    name ("Tarrow Vell Group", often two merged firms) gives no short form."""
    found: dict[str, set[str]] = {}
    where: dict[str, tuple[int, int]] = {}
    people: set[str] = set()
    for key, d in drafts.items():
        surface = text[key[0]:key[1]]
        if d.kind == "person":
            people.update(surface.split())
            continue
        words = surface.split()
        if d.kind != "name" or len(words) != 2 or words[-1].lower() not in vocab.name_firms \
                or _not_name(words[0], vocab):
            continue
        found.setdefault(words[0], set()).add(" ".join(words))
        where.setdefault(words[0], key)
    return {w: where[w] for w, names in found.items() if len(names) == 1 and w not in people}


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """A word with a capitalised word right before or after it ("Tarrow Hartley"): part of a
    longer name, not a name alone."""
    before = _word_before(text, start)
    return _capitalised(text[end + 1:end + 2]) and text[end:end + 1] in (" ", "\u00a0") \
        or _capitalised(before) and before[-1].isalpha()


def _surname_hits(text: str, surnames: set[str]) -> Iterable[tuple[int, int]]:
    """Where a known surname stands alone as a word ("Dyson", "Dyson's"), not inside a longer
    word or compound ("Caldwell-Dyson", "Dyson-led", "2Dyson").

    Each of the document's few surnames is looked for with str.find (a C loop), and each hit's
    edges are checked. An alternation of the surnames had to be compiled anew for every
    document (a fifth of extraction time on short documents), and a scan of every word in
    Python cost nearly as much.
    """
    n = len(text)
    hits: dict[int, int] = {}
    for name in surnames:
        i = text.find(name)
        while i >= 0:
            e = i + len(name)
            starts = not i or not (_is_word(text[i - 1]) or text[i - 1] in "'’-–—")
            if starts and _ends_name(text, e, n) and e > hits.get(i, -1):
                hits[i] = e  # longest first at one start, as a sorted alternation would
            i = text.find(name, i + 1)
    return sorted(hits.items())


def _ends_name(text: str, e: int, n: int) -> bool:
    """Nothing that continues a word follows: no letter, digit, hyphen or dash, and no
    apostrophe with two more letters ("O'Hara" is not "O" + "'Hara")."""
    if e >= n:
        return True
    if _is_word(text[e]) or text[e] in "-–—":
        return False
    return not (text[e] in "'’" and e + 2 < n and _is_word(text[e + 1]) and _is_word(text[e + 2]))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _list_items(value: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in LIST_SPLIT.finditer(value):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(value)))
    return [(s, e) for s, e in out if e > s]


def _surnames(full_names: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for name in full_names:
        parts = name.split()
        if len(parts) < 2:
            continue
        last = parts[-1]
        out.add(last)
        if "-" in last:
            out.update(p for p in last.split("-") if len(p) > 1)
    return out


def field_passage(doc: Document, f: InfoboxField) -> Passage:
    """The field's clean value as a passage whose offsets point into the raw value.

    Readers may clean a value ("[[Lena Kovač]]" -> "Lena Kovač"); each clean character is
    matched to the next equal raw character within a short window, so copied text keeps exact
    offsets. Characters a template produced map to where matching stopped; mentions are only
    kept where the raw text equals the clean text (see `_verbatim`).
    """
    raw = doc.text[f.value_span.start:f.value_span.end]
    if raw == f.value:
        return Passage(f.value, f.value_span.start)
    offsets, j = [], 0
    for ch in f.value:
        k = raw.find(ch, j, j + 64)
        if k >= 0:
            offsets.append(f.value_span.start + k)
            j = k + 1
        else:
            offsets.append(f.value_span.start + min(j, len(raw)))
    offsets.append(f.value_span.start + min(j, len(raw)))
    return Passage(f.value, f.value_span.start, tuple(offsets))


def _verbatim(doc: Document, passage: Passage, start: int, end: int) -> bool:
    """Whether the raw text says what the clean text does; a line break inside a paragraph
    reads as a space (a name wrapped after "Pellow", with "Dam" on the next line, is "Pellow
    Dam")."""
    s, e = passage.raw_range(start, end)
    raw, clean = doc.text[s:e], passage.text[start:end]
    return raw == clean or "\n" in raw and " ".join(raw.split()) == clean


def _regions(doc: Document) -> list[tuple[Passage, str | None]]:
    regions: list[tuple[Passage, str | None]] = [(p, None) for p in doc.passages]
    for f in doc.fields:
        if f.value:
            regions.append((field_passage(doc, f), normalise_key(f.key)))
    return regions


def _prose_aliases(doc: Document, regions: list[tuple[Passage, str | None]],
                   drafts: dict[tuple[int, int], _Draft]) -> None:
    from .sentences import split_sentences

    keys: list[tuple[int, int]] | None = None  # sorted once a passage holds a cue (few do)
    for passage, role in regions:
        if role is not None or not _may_hold_alias_cue(passage.text) \
                or not ALIAS_CUE.search(passage.text):
            continue
        if keys is None:
            keys = sorted(drafts)
        for ss, se in split_sentences(passage.text):
            for m in ALIAS_CUE.finditer(passage.text, ss, se):
                cue_end = passage.raw(m.end())
                sent_start = passage.raw(ss)
                alias = next((k for k in keys if k[0] == cue_end), None)
                target = next((k for k in keys if sent_start <= k[0] < passage.raw(m.start())
                               and drafts[k].kind in ("designator", "person", "name")), None)
                if alias and target and drafts[alias].kind == drafts[target].kind:
                    drafts[alias].alias_to = target


def _finalise(doc: Document, drafts: dict[tuple[int, int], _Draft]) -> list[Mention]:
    keys = sorted(drafts)
    ids = {k: f"{doc.id}:m{n}" for n, k in enumerate(keys, 1)}
    out = []
    for k in keys:
        d = drafts[k]
        span = doc.span(k[0], k[1])
        surface = " ".join(span.text.split())
        if surface == span.text:  # one string, not two equal ones: an audit holds millions
            surface = span.text
        out.append(Mention(
            id=ids[k], span=span, kind=d.kind, surface=surface, short=d.short,
            alias_of=ids.get(d.alias_to) if d.alias_to else None, role=d.role,
            descriptor=d.descriptor, year=d.year,
        ))
    return out


def subject_of(mentions: list[Mention]) -> Mention | None:
    return next((m for m in mentions if m.role == "subject"), None)


def with_role(m: Mention, role: str) -> Mention:
    return replace(m, role=role)
