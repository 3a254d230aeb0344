"""Which event a date in prose dates, and with what modality: example sentences for the rules
the labelled extraction set (fixtures/extraction/) asked for."""

from __future__ import annotations

import pytest

from reconcile.extract import extract
from reconcile.read import read_text


def events(sentence: str, date_line: str | None = None) -> set[tuple[str, str, str, str]]:
    text = (f" date {date_line} News\n" if date_line else "= Article =\n\n") + sentence + "\n"
    doc = read_text(text, "doc.txt", "doc")
    return {(c.predicate, c.span.text, c.value.iso() if c.value else "", c.modality)
            for c in extract(doc).claims if c.value is not None}


@pytest.mark.parametrize("sentence, expected", [
    # a "that" clause, a second verb or an earlier date of its own keeps the event word off
    ("In 2024 the owner announced that a sister ship would join the route in 2027.",
     {("announcement", "2024", "2024", "stated")}),
    ("She began lessons at six and entered the conservatory in 1926.", set()),
    ("The orchestra, founded in 1998 by Ilja Brandt, last toured abroad in 2019.",
     {("founding", "1998", "1998", "stated")}),
    ("The launch was planned for 12 August 2017 but was delayed by a week.",
     {("launch", "12 August 2017", "2017-08-12", "planned")}),
    ("The launch, first set for 12 August 2017, was postponed to 19 August 2017.",
     {("launch", "12 August 2017", "2017-08-12", "planned"),
      ("launch", "19 August 2017", "2017-08-19", "postponed")}),
    ("He became the first to stay 900, 1,000 and 1,100 days on 25 February 2024, 4 June 2024, "
     "and 12 September 2024 respectively.",
     {("milestone", "25 February 2024", "2024-02-25", "stated"),
      ("milestone", "4 June 2024", "2024-06-04", "stated"),
      ("milestone", "12 September 2024", "2024-09-12", "stated")}),
    # an event word after "after", ", and" or naming a speaker belongs to another clause
    ("The hospital admitted its first patients on 2 May 2024, six years after construction began.",
     set()),
    ("An inspection was set for February 2019, and a repair was due to start in spring 2019.",
     {("start", "spring 2019", "2019", "planned")}),
    ("Turnout was 58 per cent in 2019, the election commission said.", set()),
    ("He finished with 19 goals, the most by a player since 1997.", set()),
    ("The bridge has been closed since 2019.", {("closing", "2019", "2019", "stated")}),
    ("Tennant, the incumbent since 2022, announced his candidacy on 3 March 2030.",
     {("announcement", "3 March 2030", "2030-03-03", "stated")}),
    ("Lesnar won the election on 6 October 2030 and was sworn in on 1 November 2030.",
     {("election", "6 October 2030", "2030-10-06", "stated"),
      ("inauguration", "1 November 2030", "2030-11-01", "stated")}),
    # a participle after an article describes; "until" ends a state; "will record" is a verb
    ("Rescuers searched a collapsed house on 13 March 2025.", set()),
    ("Schools will stay closed until 24 March 2025.", set()),
    ("Between 1 and 5 October 2024 the orchestra will record an album.", set()),
    # an event talked about is not told; "talks collapsed" is no collapse
    ("The two firms first discussed a merger in 2006.", set()),
    ("Talks collapsed in October 2006.", set()),
    ("The pier collapsed in October 2006.", {("collapse", "October 2006", "2006-10", "stated")}),
    # a ship's sinking is its own event; shares that sank did not
    ("The ferry sank off the cape on 9 March 2030.",
     {("sinking", "9 March 2030", "2030-03-09", "stated")}),
    ("Shares sank on 9 March 2030.", set()),
    # lifespan brackets after a name give the birth and the death
    ("Ilse Marwede (3 February 1911 – 27 November 1994) was a composer.",
     {("birth", "3 February 1911", "1911-02-03", "stated"),
      ("death", "27 November 1994", "1994-11-27", "stated")}),
    # modality is read within the commas and subordinate clauses around the date
    ("The opera was cancelled after the theatre closed in March 1980.",
     {("closing", "March 1980", "1980-03", "stated")}),
    ("A planned takeover, set for completion in mid-2019, was abandoned on 14 May 2019.",
     {("merger", "mid-2019", "2019", "planned"), ("merger", "14 May 2019", "2019-05-14", "aborted")}),
])
def test_event_dates(sentence: str, expected: set) -> None:
    assert events(sentence) == expected


def test_present_tense_after_the_date_line_is_future():
    got = events("The tour opens in New York on 14 January 2025 and ends on 9 February.", "2024-09-05")
    assert got == {("opening", "14 January 2025", "2025-01-14", "future"),
                   ("end", "9 February", "2025-02-09", "future")}
    # told in the past tense it stays stated, so that the anachronism rule can flag it
    assert events("The stand opened on 14 June 2022.", "2022-03-01") == {
        ("opening", "14 June 2022", "2022-06-14", "stated")}


def test_a_ship_named_with_its_prefix_keeps_its_own_dates(tmp_path) -> None:
    """"MV Aldra Sound" is a name (the prefix comes first, like "Hurricane"), so a sister ship's
    launch is not a second launch of the article's ship."""
    import reconcile

    (tmp_path / "ship.txt").write_text(
        "= MV Aldra Bay =\n\n- Launched: 2 April 2020\n\n"
        "MV Aldra Bay was launched on 2 April 2020. Her sister ship, MV Aldra Sound, "
        "was launched on 7 July 2021.\n", encoding="utf-8")
    r = reconcile.check([str(tmp_path)])
    names = {e.id: e.name for e in r.entities}
    launches = {(names.get(c.subject or ""), c.value.iso()) for c in r.claims  # type: ignore[union-attr]
                if c.predicate == "launch"}
    assert launches == {("MV Aldra Bay", "2020-04-02"), ("MV Aldra Sound", "2021-07-07")}
    assert not [f for f in r.findings if f.severity != "info"]
