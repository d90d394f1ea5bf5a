"""The statements stage: quotes of several documents that carry the same words are one
statement, with its first appearance and every document and outlet that carried it.

Each kind of variant (exact, trimmed, lightly edited, re-punctuated and re-cased) and each kind
of near miss (another speaker, a different statement sharing a phrase, a short common phrase)
is tested on quotes written here."""

from __future__ import annotations

import pytest

from dossier.extract.statements import (
    QuoteCopy,
    copy_similarity,
    group_statements,
    statement_words,
)

PUTIN = "person:vladimir-putin"
MEDVEDEV = "person:dmitry-medvedev"

WIRE = (
    "We are not going to rush or nudge anyone, and the new union will be open to every "
    "neighbour that wants to join it."
)


def quote(
    fact_id: str,
    text: str,
    *,
    doc: str | None = None,
    date: str | None = "2011-10-04",
    order: int = 0,
    outlet: str | None = "Wire",
    speaker: str | None = PUTIN,
    start: int = 0,
) -> QuoteCopy:
    name = {PUTIN: "Vladimir Putin", MEDVEDEV: "Dmitry Medvedev"}.get(speaker or "", "he")
    return QuoteCopy(fact_id, doc or f"doc-{fact_id}", order, date, outlet, start, text,
                     speaker, name)  # fmt: skip


def grouped(*quotes: QuoteCopy) -> list[set[str]]:
    return [{copy.fact_id for copy in s.copies} for s in group_statements(quotes)]


def test_words_ignore_case_punctuation_quote_marks_and_whitespace() -> None:
    assert statement_words("“We  won’t RUSH anyone,” — he") == statement_words(
        '"we won\'t rush anyone" he'
    )
    assert statement_words("Russia's «Eurasian» union") == ("russia's", "eurasian", "union")


@pytest.mark.parametrize(
    ("kind", "copy"),
    [
        ("exact copy", WIRE),
        (
            "recased and repunctuated, curly marks",
            WIRE.upper().replace(",", " --").replace("'", "’"),
        ),
        ("trimmed to its first clause", "We are not going to rush or nudge anyone"),
        ("trimmed at both ends", "going to rush or nudge anyone, and the new union will be open"),
        ("one word edited", WIRE.replace("neighbour", "neighbor")),
        ("a word dropped", WIRE.replace(" new ", " ")),
    ],
)
def test_a_variant_of_a_quote_is_the_same_statement(kind: str, copy: str) -> None:
    first = quote("a", WIRE, date="2011-10-04", outlet="Wire")
    later = quote("b", copy, date="2011-10-05", outlet="Daily")
    [statement] = group_statements([later, first])
    assert statement.statement_id == "a", kind
    assert [c.fact_id for c in statement.copies] == ["a", "b"]
    assert statement.outlets == ("Wire", "Daily")


@pytest.mark.parametrize(
    ("kind", "other"),
    [
        ("another statement sharing a short phrase",
         "The new union will be open to talks with Brussels about trade and visas."),
        ("the same words far apart in a long quote",
         "We are not going anywhere. Nobody can rush us, and we do not nudge, and nobody at all "
         "in this room, or outside it, wants anyone to join anything quickly."),
    ],
)  # fmt: skip
def test_a_different_statement_is_not_a_variant(kind: str, other: str) -> None:
    assert grouped(quote("a", WIRE), quote("b", other)) == [{"a"}, {"b"}], kind


def test_two_resolved_speakers_never_share_a_statement() -> None:
    assert grouped(quote("a", WIRE), quote("b", WIRE, speaker=MEDVEDEV)) == [{"a"}, {"b"}]


def test_an_unresolved_copy_joins_its_speaker_and_never_bridges_two() -> None:
    putin = quote("a", WIRE, order=1)
    medvedev = quote("b", WIRE.replace("neighbour", "country"), order=2, speaker=MEDVEDEV)
    # "he said" in a third outlet: the exact copy of Putin's words, closer to his than to
    # Medvedev's edited one.
    unresolved = quote("c", WIRE, order=3, speaker=None)
    statements = group_statements([medvedev, unresolved, putin])
    assert [{c.fact_id for c in s.copies} for s in statements] == [{"a", "c"}, {"b"}]
    assert statements[0].speaker_actor_id == PUTIN


def test_first_appearance_is_the_earliest_date_then_the_store_order() -> None:
    undated = quote("u", WIRE, date=None, order=0, doc="d0")
    later = quote("l", WIRE, date="2011-10-06", order=1, doc="d1")
    same_day_first = quote("f", WIRE, date="2011-10-05", order=2, doc="d2")
    same_day_second = quote("s", WIRE, date="2011-10-05", order=3, doc="d3")
    [statement] = group_statements([undated, later, same_day_second, same_day_first])
    assert statement.statement_id == "f"
    assert statement.documents == ("d2", "d3", "d1", "d0")


def test_copies_count_documents_and_outlets_once_each() -> None:
    # The headline and the body of one document repeat the quote; two outlets carry it.
    one = quote("a", WIRE, doc="d1", outlet="Wire", start=0)
    again = quote("b", WIRE, doc="d1", outlet="Wire", start=500)
    other = quote("c", WIRE, doc="d2", outlet="Wire", order=1)
    unknown = quote("d", WIRE, doc="d3", outlet=None, order=2)
    [statement] = group_statements([one, again, other, unknown])
    assert statement.documents == ("d1", "d2", "d3")
    assert statement.outlets == ("Wire",)


def test_a_quote_without_copies_is_a_statement_of_its_own() -> None:
    statements = group_statements([quote("a", WIRE), quote("b", "Yes.")])
    assert [s.statement_id for s in statements] == ["a", "b"]
    assert all(len(s.documents) == 1 for s in statements)


def test_coverage_counts_runs_of_words_in_order() -> None:
    long = statement_words(WIRE)
    trimmed = "rush or nudge anyone, and the new union will be open"
    assert copy_similarity(statement_words(trimmed), long) == 1
    # The same words in another order share no run of three.
    shuffled = " ".join(reversed(trimmed.split()))
    assert copy_similarity(statement_words(shuffled), long) == 0


def test_grouping_is_blocked_not_all_pairs() -> None:
    # 3,000 distinct quotes of 50 speakers, 10 statements copied 5 times each: the candidate
    # pairs stay near the copies, far from the 4.5 million pairs of all against all.
    import random

    from dossier.extract.statements import candidate_pairs

    rng = random.Random(10)
    vocabulary = [f"w{n}" for n in range(2000)]
    quotes = [
        quote(f"q{i}", " ".join(rng.choices(vocabulary, k=12)), speaker=f"person:{i % 50}")
        for i in range(3000)
    ]
    quotes += [quote(f"c{k}-{n}", WIRE + f" Number {k}.", speaker=f"person:{k}") for k in range(10)
               for n in range(5)]  # fmt: skip
    words = [statement_words(q.text) for q in quotes]
    pairs = candidate_pairs(words, [q.speaker_actor_id for q in quotes])
    assert len(pairs) < 1_000
    statements = group_statements(quotes)
    assert len(statements) == 3000 + 10


def test_blocking_loses_no_pair_that_would_match() -> None:
    # Random edits (words dropped, swapped in, trimmed ends) of random quotes over a small
    # vocabulary: every pair copy_similarity accepts is among the candidate pairs.
    import random

    from dossier.extract.statements import MIN_COVERAGE, candidate_pairs

    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(12)]
    accepted = 0
    for _ in range(300):
        base = rng.choices(vocabulary, k=rng.randint(10, 20))
        edited = [w if rng.random() > 0.1 else rng.choice(vocabulary) for w in base]
        edited = edited[rng.randint(0, 2) : len(edited) - rng.randint(0, 2)]
        pair = [tuple(base), tuple(edited)]
        shorter, longer = sorted(pair, key=len)
        if copy_similarity(shorter, longer) >= MIN_COVERAGE:
            accepted += 1
            assert candidate_pairs(pair, [None, None]) == {(0, 1)}, pair
        # A fragment of the quote, in a row: always a candidate too.
        first = rng.randint(0, len(base) - 3)
        fragment = tuple(base[first : first + rng.randint(3, 9)])
        assert candidate_pairs([tuple(base), fragment], [None, None]) == {(0, 1)}
    assert accepted > 100


def test_a_fragment_joins_the_one_statement_containing_it_and_never_bridges_two() -> None:
    # "stab in the back" quoted alone in one outlet, inside the whole sentence in another.
    whole = (
        "The downing of our jet is a stab in the back delivered by the accomplices of terrorists"
    )
    other = "Whoever planned this was ready for a stab in the back of a partner at any moment"
    fragment = quote("f", "a “stab in the back”", date="2015-11-25")
    assert grouped(quote("w", whole, date="2015-11-24"), fragment) == [{"w", "f"}]
    # Found in two of the speaker's statements a year apart: it is neither.
    a_year_later = quote("o", other, date="2016-11-24")
    assert grouped(quote("w", whole, date="2015-11-24"), a_year_later, fragment) == [
        {"w"},
        {"f"},
        {"o"},
    ]
    # The same week, two framings of one remark: the fragment they share joins them.
    same_week = quote("o", other, date="2015-11-24", order=1)
    assert grouped(quote("w", whole, date="2015-11-24"), same_week, fragment) == [{"w", "o", "f"}]
    # Another speaker's statement is no home for Putin's fragment: it joins his alone.
    medvedev = quote("o", other, date="2015-11-24", order=1, speaker=MEDVEDEV)
    assert grouped(quote("w", whole, date="2015-11-24"), medvedev, fragment) == [
        {"w", "f"}, {"o"},
    ]  # fmt: skip


def test_reported_speech_is_compared_without_its_that() -> None:
    direct = quote("d", "The customs union will be open to every neighbour that wants it")
    reported = quote("r", "that the customs union will be open to every neighbour that wants it")
    assert grouped(direct, reported) == [{"d", "r"}]


def test_a_few_opening_words_in_common_are_not_a_copy() -> None:
    # Reported speech of one speaker often opens alike; the rest differs.
    assert grouped(
        quote("a", "that the world is more stable than it was in 2012"),
        quote("b", "that the world is watching"),
    ) == [{"a"}, {"b"}]


def test_speakers_the_kb_lacks_are_told_apart_by_name() -> None:
    def nil(fact_id: str, name: str | None) -> QuoteCopy:
        return QuoteCopy(fact_id, f"doc-{fact_id}", 0, "2019-01-01", "Wire", 0, WIRE, None, name)

    # Two named speakers the KB lacks are two speakers; a pronoun is nobody in particular.
    assert grouped(nil("a", "Stipanovich"), nil("b", "Korte")) == [{"a"}, {"b"}]
    assert grouped(nil("a", "Stipanovich"), nil("b", "stipanovich")) == [{"a", "b"}]
    assert grouped(nil("a", "Stipanovich"), nil("b", "he")) == [{"a", "b"}]
