"""A sentence that opens with a numbered part of the thing ("The second leg began ...", "The
12th stage ended ...") or a group named by its task ("The summit party set off ...") dates that
part, not the article's subject: the date is no start or end of the whole."""

from __future__ import annotations

from reconcile.extract import extract
from reconcile.read import read_text


def subjects(sentence: str) -> list[tuple[str, bool]]:
    doc = read_text("= Coastal Tour =\n\nThe Coastal Tour was a tour.\n\n" + sentence + "\n",
                    "doc.txt", "doc")
    return [(c.predicate, c.subject_mention is not None) for c in extract(doc).claims if c.value]


def test_a_numbered_part_is_not_the_article_subject():
    assert subjects("The second leg began in Port Ashby on 28 March 2030.") == [("start", False)]
    assert subjects("The 12th stage ended on 2 April 2030.") == [("end", False)]
    # the whole, or a capitalised name that starts with an ordinal, keeps its subject
    assert subjects("The tour began in Port Ashby on 28 March 2030.") == [("start", True)]
    assert subjects("The Second Avenue Bridge opened on 3 May 2030.") == [("opening", True)]


def test_a_numbered_occurrence_of_the_event_keeps_its_subject():
    # "The second launch attempt ... was successful": the launch itself, told again
    assert subjects("The second opening ceremony on 3 May 2030 was a success.") == [("opening", True)]


def test_a_group_named_by_its_task_is_a_part():
    # "The advance party", "The rescue team": a group within the whole, with days of its own
    assert subjects("The advance party set off from the harbour on 20 March 2030.") == [
        ("departure", False)]
    assert subjects("The rescue team began searching on 4 April 2030.") == [("start", False)]
    # the whole group keeps the subject, and so does a group named by the subject's own word
    assert subjects("The team began the tour on 28 March 2030.") == [("start", True)]
    assert subjects("The Coastal team began the tour on 28 March 2030.") == [("start", True)]
