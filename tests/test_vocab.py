"""The default vocabulary: field keys and event words found in the labelled extraction set."""

from __future__ import annotations

import pytest

from reconcile.vocab import vocabulary


@pytest.mark.parametrize("key, predicate", [
    ("Opened", "opening"), ("Collapsed", "collapse"), ("Season start", "start"),
    ("Season end", "end"), ("Ship launched", "launch"), ("Ship laid down", "construction"),
    ("Ship maiden voyage", "departure"), ("Ship completed", "end"), ("Sank", "sinking"),
    ("Date of sinking", "sinking"),
    # a tail that is not an event key leaves the key as it is
    ("Ship crew", "ship_crew"), ("Launch site", "launch_site"), ("Landing site", "landing_site"),
])
def test_field_keys(key: str, predicate: str) -> None:
    assert vocabulary().predicate_for_field(key) == predicate


@pytest.mark.parametrize("phrase, event", [
    ("was appointed", "appointment"), ("she married", "marriage"), ("resigned", "resignation"),
    ("was destroyed", "destruction"), ("it struck", "occurrence"), ("a quake", "occurrence"),
    ("was last hit by", "occurrence"), ("departed", "departure"), ("reopened", "opening"),
    ("entered service", "opening"), ("will be sworn in", "inauguration"),
    ("results were declared", "announcement"), ("her keel was laid", "construction"),
    ("the ferry capsized", "sinking"), ("she foundered", "sinking"),
])
def test_event_words(phrase: str, event: str) -> None:
    v = vocabulary()
    found = [v.trigger_event[" ".join(m.group().split())] for m in v.trigger_re.finditer(phrase)]
    assert found == [event]
