"""The CPU cuts of issue 7, round 4, change no output, on invented facts and sentences.

The fact writer builds its rows as tuples straight from the records and hands them to the
driver's ``executemany``: each tuple holds what the row dictionary (``facts.fact_row``) held,
and a store written that way holds exactly the rows SQLAlchemy's own insert of those
dictionaries writes (JSON lists, empty ones and None, booleans, a record's start and end that
its provenance overrides)."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from case_tables import case_rows
from dossier.model import (
    DocumentFacts,
    Event,
    EventActor,
    Fact,
    FactLink,
    Mention,
    Provenance,
    Quote,
    Sentence,
    Stance,
    Timex,
)
from dossier.store import Store
from dossier.store.fact_rows import fact_rows
from dossier.store.facts import fact_row
from dossier.store.kinds import FACT_KINDS, fact_kind
from dossier.store.quotes import refresh_said_dates
from dossier.store.schema import annotations, event_actors, fact_links

TEXT = "The Velorian envoy said on Monday that Ostrava's council would reopen the canal."


def _where(
    doc_id: str, start: int, end: int, extractor: str, sentence: int | None = 0
) -> Provenance:
    return Provenance(doc_id, start, end, start + 2, end + 2, sentence, extractor, "7", 0.75)


def _facts(doc_id: str) -> list[Fact]:
    envoy = EventActor("Velorian envoy", "person:envoy", "VEL", "GOV", 4, 18)
    council = EventActor("Ostrava's council", None, None, None, 39, 56)
    return [
        Mention("Velorian envoy", 4, 18, "PERSON", "person:envoy", "Ivo Brant", "envoy", "VEL",
                False, "alias", provenance=_where(doc_id, 4, 18, "dossier_linker")),
        Mention("Ostrava", 39, 46, "GPE", None, "Ostrava", None, None, True, "nil",
                provenance=_where(doc_id, 39, 46, "dossier_linker", None)),
        # Its own offsets differ from its provenance's: the provenance's are stored.
        Timex("Monday", 26, 34, "DATE", "2021-03-01", anchor="2021-03-03",
              provenance=_where(doc_id, 27, 33, "dossier_timex")),
        Sentence(TEXT, reference_time=None, provenance=_where(doc_id, 0, len(TEXT), "fact_time")),
        Quote("Ostrava's council would reopen the canal", 39, 80, "indirect", cue="said",
              cue_start=19, cue_end=23, speaker="Velorian envoy", speaker_start=4,
              speaker_end=18, speaker_group=True, speaker_actors=("person:envoy", "gov:VEL"),
              said_on="2021-03-01", provenance=_where(doc_id, 39, 80, "dossier_quotes")),
        Quote("would reopen", 57, 69, "direct", provenance=_where(doc_id, 57, 69, "dossier_quotes")),
        Event("reopen", 63, 69, "cooperate", source=(envoy,), target=(council, envoy),
              cameo="030", goldstein=4.0, date="2021-03-01",
              provenance=_where(doc_id, 63, 69, "dossier_events")),
        Event("said", 19, 23, "statement", provenance=_where(doc_id, 19, 23, "dossier_events")),
        Stance("would reopen the canal", 57, 80, "Ivo Brant", "canal", 1, holder_id="person:envoy",
               holder_country="VEL", strength=0.5, date=None,
               provenance=_where(doc_id, 57, 80, "dossier_stance")),
    ]  # fmt: skip


@pytest.mark.parametrize("index", range(9))
def test_a_fact_tuple_holds_what_its_row_dictionary_holds(index: int) -> None:
    fact = _facts("d1")[index]
    kind = fact_kind(fact.kind)
    shape = fact_rows(kind)
    assert len(set(shape.columns)) == len(shape.columns)
    assert dict(zip(shape.columns, shape.row(fact), strict=True)) == fact_row(kind, fact)


def _versions(facts) -> dict[str, str]:
    """Every extractor of ``facts`` as having run, so that a rewrite replaces them all."""
    return {fact.provenance.extractor: fact.provenance.extractor_version for fact in facts}


def _rows(store: Store) -> dict[str, list[tuple]]:
    """Every fact table's rows, links and marks (not their time), as stored."""
    tables = [kind.table for kind in FACT_KINDS.values()] + [event_actors, fact_links]
    with store.engine.connect() as connection:
        found = {t.name: sorted(map(tuple, connection.execute(select(t)))) for t in tables}
        marks = select(annotations.c.doc_id, annotations.c.extractor, annotations.c.version)
        found["annotations"] = sorted(map(tuple, connection.execute(marks)))
    return found


def test_the_tuple_writer_stores_what_sqlalchemys_insert_of_the_dictionaries_stores(
    tmp_path: Path, make_document
) -> None:
    document = make_document(TEXT, date="2021-03-03")
    facts = _facts(document.doc_id)
    speaker = facts[4].fact_id, facts[0].fact_id
    links = (FactLink(document.doc_id, *speaker, "speaker", "dossier_quotes", "7"),)
    found = DocumentFacts(document.doc_id, _versions(facts), tuple(facts), links)
    with Store.open(str(tmp_path / "tuples.db")) as fast:
        fast.add_documents([(document, None)])
        fast.write_facts(found)
        written = _rows(fast)
    with Store.open(str(tmp_path / "dicts.db")) as slow:
        slow.add_documents([(document, None)])
        with slow.engine.begin() as connection:
            for fact in facts:
                kind = fact_kind(fact.kind)
                connection.execute(insert(kind.table), [fact_row(kind, fact)])
                for side in kind.side_tables:
                    if side.rows(fact):
                        connection.execute(insert(side.table), side.rows(fact))
            connection.execute(insert(fact_links), [vars(link) for link in links])
            connection.execute(
                insert(annotations),
                [{"doc_id": document.doc_id, "extractor": name, "version": version,
                  "annotated_at": datetime(2021, 3, 3)} for name, version in found.versions.items()],
            )  # fmt: skip
            refresh_said_dates(connection, document.doc_id)  # as the writer does, last
        expected = _rows(slow)
    for table in written:
        assert written[table] == expected[table], table
    assert all(written[table] for table in written)  # every table written: not vacuous


def test_the_tuple_writer_on_a_store_rewrites_in_place(tmp_path: Path, make_document) -> None:
    document = make_document(TEXT, date="2021-03-03")
    facts = tuple(_facts(document.doc_id))
    found = DocumentFacts(document.doc_id, _versions(facts), facts)
    with Store.open(str(tmp_path / "again.db")) as store:
        store.add_documents([(document, None)])
        store.write_facts(found)
        once = _rows(store)
        store.write_facts(found)
        assert _rows(store) == once
        assert store.read_facts("quote") == sorted(
            (f for f in found.facts if isinstance(f, Quote)), key=lambda f: f.provenance.start
        )


def test_a_driver_with_named_parameters_gets_the_same_rows_through_sqlalchemy(
    tmp_path: Path, make_document, monkeypatch
) -> None:
    # PostgreSQL's drivers take named parameters: there the tuples go through SQLAlchemy's
    # insert as dictionaries. Seen on SQLite, whose driver takes both styles.
    document = make_document(TEXT, date="2021-03-03")
    facts = tuple(_facts(document.doc_id))
    found = DocumentFacts(document.doc_id, _versions(facts), facts)
    stored = []
    for name, style in (("qmark.db", None), ("named.db", "named")):
        with Store.open(str(tmp_path / name)) as store:
            if style is not None:
                monkeypatch.setattr(store.engine.dialect, "paramstyle", style)
                monkeypatch.setattr(store.engine.dialect, "positional", False)
            store.add_documents([(document, None)])
            store.write_facts(found)
            stored.append(_rows(store))
    assert stored[0] == stored[1]


# The event stage finds the token that opens each event by its first character, from the
# words' offsets read as one column, not from a Token built for every word.
EVENT_TEXTS = [
    "Velorian troops shelled the port of Ostrava on Monday, and the mayor condemned the attack.",
    "Velorian police arrested the rally's organizers; Karsovia sent troops to attack the border.",
    "Karsovia's president met the Velorian prime minister in Riga and signed a trade deal.",
]


@pytest.mark.parametrize("text", EVENT_TEXTS)
def test_reported_events_are_the_candidates_the_token_lookup_keeps(nlp, text) -> None:
    from dossier.extract.document import prepare_doc
    from dossier.extract.events.purposes import no_act_told
    from dossier.extract.events.records import complete

    doc = nlp(prepare_doc(nlp, text, date="2014-05-10"))
    lemmas = nlp.get_pipe("dossier_events").lemmas
    starts = {token.idx: token for token in doc}
    kept = [
        e
        for e in doc._.dossier_event_candidates
        if complete(e) and not (e.start in starts and no_act_told(starts[e.start], lemmas))
    ]
    assert doc._.dossier_events == kept
    assert doc._.dossier_event_candidates  # not vacuous


# The time expressions' trigger words are found from the text's runs of word characters, one
# look-up per run, not by a scan of the text per trigger.
TIMEX_TEXTS = [
    "On Tuesday's midnight session, 14 ministers met at 9 o'clock; the mid-night vote came "
    "in the '90s, two decades after the nineteen-seventies.",
    "Each week since last May, the council met every second Friday (Nov. 3, 2019 and 2020-01-05).",
    "Élan's CEO said «tomorrow» — not today — the year-end results, Q3's, would be final.",
    "ÇAVUŞOĞLU İSTANBUL'DA: the ſummit's ıtems came late in the morning, 12:30 p.m.",
    "",
    "no time words at all here",
]


def _per_trigger_scan(text: str, lowered: str) -> dict[str, list[int]]:
    from dossier.extract.timex.candidates import _COMPILED_TRIGGERS, _WORD_START

    starts = [match.start() for match in _WORD_START.finditer(text)]
    return {
        words: sorted({bisect_right(starts, hit.start()) - 1 for hit in pattern.finditer(lowered)})
        for words, pattern in _COMPILED_TRIGGERS.items()
    }


@pytest.mark.parametrize("text", TIMEX_TEXTS)
def test_trigger_words_from_runs_are_those_of_a_scan_per_trigger(text: str) -> None:
    from dossier.extract.timex.candidates import _CASE_FOLDS, _TriggerIndex

    lowered = text.lower().translate(_CASE_FOLDS)
    if len(lowered) != len(text):
        lowered = text.lower()[: len(text)]  # the index is only built when lengths agree
        text = text[: len(lowered)]
    index = _TriggerIndex(text, lowered)
    expected = _per_trigger_scan(text, lowered)
    for words, found in expected.items():
        assert index.positions(words, 0) == [index.starts[i] for i in found], words


def test_every_trigger_word_is_word_characters_and_lowering_keeps_them() -> None:
    from dossier.extract.timex.candidates import _CASE_FOLDS, _COMPILED_TRIGGERS

    for words in _COMPILED_TRIGGERS:
        for word in words.split("|"):
            assert word == r"\d+" or re.fullmatch(r"\w+", word), word
    is_word = re.compile(r"\w").match
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower().translate(_CASE_FOLDS)
        if len(lowered) == 1:
            assert bool(is_word(char)) == bool(is_word(lowered)), hex(code)


@pytest.mark.parametrize("text", TIMEX_TEXTS)
def test_timex_candidates_are_those_of_every_pattern_over_the_whole_text(text: str) -> None:
    from dossier.extract.timex.candidates import _PATTERNS, find_candidates

    found = {(c.name, c.start, c.end) for c in find_candidates(text)}
    whole = {
        (name, match.start(), match.end())
        for name, pattern in _PATTERNS
        for match in pattern.finditer(text)
        if match.end() > match.start()
    }
    assert found == whole


# Document consistency reads each name's words from the lower-cased column, once, and the
# document's entities once: the labels are those read from each entity's own tokens, as first
# written (a vote per entity, a person's first and last names his; tests/cases/cpu_cuts.toml).
@case_rows("cpu_cuts", "consistency_labels")
def test_consistency_labels_are_those_of_each_entitys_own_words(nlp, text, labels) -> None:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "dossier_doc_consistency":
            stage = component
            break
        doc = component(doc)
    expected = {tuple(words): label for words, label in labels}
    assert stage.labels(doc) == expected
    assert expected  # not vacuous


def test_remembered_each_gives_each_words_value_and_computes_a_new_word_once() -> None:
    from dossier.extract.linking.lexicon import _remembered_each

    calls = []

    def compute(word: str) -> str:
        calls.append(word)
        return word.upper()

    cache = {"seen": "SEEN"}
    words = ["new", "seen", "new", "other", "seen"]
    assert _remembered_each(cache, words, compute) == [w.upper() for w in words]
    assert calls == ["new", "other"]
    assert _remembered_each(cache, words, compute) == [w.upper() for w in words]
    assert calls == ["new", "other"]


# The stance targets' owned-phrase pass offers ``taken_up_owner`` only the words that can end
# an owned phrase: every word the full pass would find an owner for is offered.
OWNED_TEXTS = [
    "Russia's gas deal with Armenia stalled in May. The deal was revived in June, and the deal "
    "went ahead; Ukraine's peace plan failed, though the plan had support.",
    "Germany's  pipeline project angered Poland. Later the project was paused, and the  "
    "project's backers left.",
]


@pytest.mark.parametrize("text", OWNED_TEXTS)
def test_owned_words_offered_cover_every_word_an_owner_is_found_for(nlp, text) -> None:
    from dossier.extract.document import prepare_doc
    from dossier.extract.stance.owned import owned_phrases, taken_up_owner
    from dossier.extract.stance.targets import _owned_last_words

    doc = nlp(prepare_doc(nlp, text, date="2019-05-10"))
    mentions = sorted(doc._.dossier_mentions, key=lambda m: m.start)
    owned = owned_phrases(doc, mentions)
    offered = _owned_last_words(doc, owned)(0, len(doc))
    passing = [
        t.i
        for t in doc
        if any(key.endswith(" " + t.lower_) for key in owned)  # the function's first test
    ]
    assert set(passing) <= set(offered)
    found = [t.i for t in doc if taken_up_owner(t, owned) is not None]
    assert set(found) <= set(offered)
    assert offered == sorted(offered)
    assert passing  # not vacuous: some owned phrase is taken up


def test_the_linker_reads_each_candidate_once_and_skips_spans_without_one(nlp) -> None:
    from spacy.tokens import Span

    from dossier.extract.linking.candidates import CANDIDATES_KEY
    from ruler_helpers import before_ruler

    text = "Russian President Vladimir Putin met Ukraine's foreign minister in Minsk on Friday."
    mentions = []
    for extra in (False, True):
        doc = before_ruler(nlp, text)
        nlp.get_pipe("dossier_kb_ruler")(doc)
        if extra:  # a span some other stage put there, with no candidate: not a mention
            doc.spans[CANDIDATES_KEY] = [*doc.spans[CANDIDATES_KEY], Span(doc, 7, 8, "LOC")]
        nlp.get_pipe("dossier_linker")(doc)
        mentions.append(doc._.dossier_mentions)
    assert mentions[0] == mentions[1]
    assert len(mentions[0]) >= 2


# The stance targets' state adjectives ("Russian interests") are looked for only on the words
# the parse made adjectival modifiers, found from the dependency column: the targets of each
# sentence are those found looking at every word.
STATE_TEXTS = [
    "Brussels imposed sanctions on Russian interests, and Kyiv condemned Russian aggression.",
    "The Ukrainian troops held the line while Polish officials criticised Russian meddling.",
    "Analysts said the Georgian army and American forces would train together in the spring.",
]


@pytest.mark.parametrize("text", STATE_TEXTS)
def test_state_adjective_targets_are_those_found_looking_at_every_word(
    nlp, text, monkeypatch
) -> None:
    from dossier.extract.document import prepare_doc
    from dossier.extract.stance import targets
    from dossier.kb.loader import load_kb

    doc = nlp(prepare_doc(nlp, text, date="2015-03-02"))
    mentions = list(doc._.dossier_mentions)
    kb = load_kb(None)

    def found() -> list:
        finder = targets.TargetFinder(doc, mentions, kb)
        return [hit for sentence in doc.sents for hit in finder.in_span(sentence)]

    gated = found()
    within = targets.indices_within

    def every_word_for_adjectives(doc_, attr, values, start, end):  # noqa: ANN001, ANN202
        if values is targets._AMOD:
            return list(range(start, end))
        return within(doc_, attr, values, start, end)

    monkeypatch.setattr(targets, "indices_within", every_word_for_adjectives)
    assert gated == found()
    # Not vacuous: a state named by its adjective on one of its belongings.
    assert any(hit.root.lower_ in targets.STATE_BELONGINGS and hit.mention is None for hit in gated)
