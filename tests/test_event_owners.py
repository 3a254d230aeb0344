"""Whose event an event word is, in texts of other domains: a person's event word used as a noun
("after the death", "Sunday's election") belongs to the person only in the genitive or after
its "of"; an opening "He" or "She" passes over people of the other gender in the sentence
before; an infobox that repeats its keys is a table whose rows belong to their heads."""

from __future__ import annotations

import reconcile
from reconcile.extract import extract
from reconcile.read import read_text
from reconcile.vocab import vocabulary


def dated(text: str, predicate: str) -> list[tuple[str | None, str, str]]:
    """(subject surface, ISO date, quoted words) of each claim of the predicate."""
    doc = read_text(text, "t.txt", "t")
    x = extract(doc, vocabulary())
    surface = {m.id: m.surface for m in x.mentions}
    return [(surface.get(c.subject_mention or ""), c.value.iso(), c.span.text)
            for c in x.claims if c.predicate == predicate]


NEWS = " date 2031-03-20\nStudio history\n"


def test_a_noun_event_word_is_the_genitive_persons():
    text = NEWS + "The studio was sold after Carla Mendes's death on 3 May 1990.\n"
    assert dated(text, "death") == [("Carla Mendes", "1990-05-03", "3 May 1990")]


def test_a_noun_event_word_is_the_person_after_its_of():
    text = NEWS + "Owen Pratt moved to Lisbon after the death of Carla Mendes on 3 May 1990.\n"
    assert dated(text, "death") == [("Carla Mendes", "1990-05-03", "3 May 1990")]


def test_a_noun_event_word_with_no_owner_is_no_one_s():
    text = NEWS + "Owen Pratt campaigned hard in the election on 9 May 2030.\n"
    assert dated(text, "election") == [(None, "2030-05-09", "9 May 2030")]


def test_the_verb_is_still_the_person_s():
    text = NEWS + "Owen Pratt was elected on 9 May 2030.\n"
    assert dated(text, "election") == [("Owen Pratt", "2030-05-09", "9 May 2030")]


def test_he_passes_over_a_woman_named_first():
    text = NEWS + ("Maria Lopez and John Reed founded the studio in 1990. "
                   "He died on 2 June 2001. She died on 8 July 2005.\n")
    assert dated(text, "death") == [("John Reed", "2001-06-02", "2 June 2001"),
                                    ("Maria Lopez", "2005-07-08", "8 July 2005")]


def test_a_surname_alone_takes_the_given_name_of_the_full_name():
    text = NEWS + ("Maria Lopez and John Reed founded the studio in 1990. Lopez left in 1995, "
                   "and Reed ran it alone. He died on 2 June 2001.\n")
    assert dated(text, "death") == [("Reed", "2001-06-02", "2 June 2001")]


def test_an_unknown_given_name_is_not_passed_over():
    text = NEWS + ("The engineer Zorvath Quell and Maria Lopez founded it. "
                   "He died on 2 June 2001.\n")
    assert dated(text, "death") == [("Zorvath Quell", "2001-06-02", "2 June 2001")]


def test_he_after_only_a_woman_is_no_one_named():
    text = NEWS + "Maria Lopez founded the studio in 1990. He died on 2 June 2001.\n"
    assert dated(text, "death") == [(None, "2001-06-02", "2 June 2001")]


BAND = """= The Lantern Sisters =

- Genre: folk
- Founded: 1998
- Member: Ines Harrow
- Born: 4 April 1971
- Member: Ruth Calloway
- Born: 19 October 1974

The Lantern Sisters are a folk band formed in 1998.
"""


def test_repeated_infobox_keys_are_rows(tmp_path):
    (tmp_path / "band.txt").write_text(BAND, encoding="utf-8")
    r = reconcile.check([str(tmp_path)])
    names = {e.id: e.name for e in r.entities}
    births = sorted((names.get(c.subject), c.value.iso()) for c in r.claims
                    if c.predicate == "birth")
    assert births == [("Ines Harrow", "1971-04-04"), ("Ruth Calloway", "1974-10-19")]
    assert [f for f in r.findings if f.severity != "info"] == []


# An active verb of making or changing a thing, with its object: the event is the object's.

def test_what_a_founder_founds_is_the_founding_s_owner_not_the_founder():
    text = NEWS + "Carla Mendes founded the Harbour Film Museum in 1990.\n"
    assert dated(text, "founding") == [("Harbour Film Museum", "1990", "1990")]


def test_an_unnamed_object_is_no_named_thing_s():
    # a camp, a fire, a company the article is not about: no one's founding or opening
    text = NEWS + ("The Arctic Survey Team established base camp on 3 May 2031. "
                   "Police opened fire on 4 May 2031. "
                   "Owen Pratt had founded the company in 1987.\n")
    assert dated(text, "founding") == [(None, "2031-05-03", "3 May 2031"), (None, "1987", "1987")]
    assert dated(text, "opening") == [(None, "2031-05-04", "4 May 2031")]


def test_the_article_s_own_kind_noun_as_object_is_the_article_s():
    text = "= Orla Bridge =\n\nEngineers opened the bridge on 3 May 1931.\n"
    assert [(s, d) for s, d, _ in dated(text, "opening")] == [("Orla Bridge", "1931-05-03")]


def test_no_object_passive_or_owner_s_object_keeps_the_subject():
    text = NEWS + ("The Arden Theatre opened its doors on 5 May 1921. "
                   "The Palmer Gallery was opened by the mayor on 6 May 1921. "
                   "The Corran Museum opened on 7 May 1921. "
                   "Maria Lopez launched her campaign on 8 May 1921.\n")
    assert [(s, d) for s, d, _ in dated(text, "opening")] == [
        ("Arden Theatre", "1921-05-05"), ("Palmer Gallery", "1921-05-06"),
        ("Corran Museum", "1921-05-07")]


def test_a_relative_clause_keeps_its_own_date():
    text = " date 2029-09-11\nLaunch\nVeltra on Tuesday unveiled the Orbit 9, which goes on sale " \
           "on 22 September.\n"
    assert dated(text, "announcement") == [("Orbit 9", "2029-09-11", "Tuesday")]


def test_a_verb_joined_by_and_shares_the_sentence_subject_not_a_companion_s():
    text = "= Vela 3 =\n\nIt was shown in Osna on 2 May 2030 alongside the larger Vela 3 Plus, " \
           "and went on sale on 9 May 2030. The Vela 3 Plus went on sale on 20 May 2030.\n"
    assert [(s, d) for s, d, _ in dated(text, "release")] == [
        ("Vela 3", "2030-05-09"), ("Vela 3 Plus", "2030-05-20")]


def test_a_verb_joined_by_and_inside_a_relative_clause_is_the_clause_s():
    # "which opened ... and closed ...": both verbs are the relative clause's, whose head is the
    # museum named before it, not the article's subject the sentence opens with ("It")
    text = "= Carrow Gallery =\n\nIt opened in 1990 and replaced the Esk Museum, which opened " \
           "in 1921 and closed on 4 May 1989.\n"
    assert [(s, d) for s, d, _ in dated(text, "closing")] == [("Esk Museum", "1989-05-04")]


def test_every_agent_of_a_list_after_by_is_an_agent():
    # whatever the founded thing is read as, none of its founders was founded
    text = NEWS + "Tarnwick Provisions was founded in 1978 by Anna Berg, Ida Lund and Lars Holm.\n"
    assert [s for s, _, _ in dated(text, "founding")] == [None]
