"""The event stage beyond what the case tables check (tests/cases/events/, run by
test_events_cases.py, which hold the coding of invented sentences: actors, dates, places,
modality): an event's scale scores, its links to actor mentions, the stage's place in the
pipeline, the lexicon it reads, and actors kept off a byline."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.extract.events.lexicon import EventEntry, EventLexicon
from dossier.nlp import (
    COMPONENT_NAMES,
    DEFAULT_CONFIG,
    EVENT_KB_FILES,
    _kb_file_names,
    kb_folder,
)
from event_helpers import coded, countries, typed

#: The date the texts are read at.
DATE = "2013-05-10"


def test_a_compound_subject_is_one_event_with_every_member_as_a_source(nlp: Language) -> None:
    text = "The prime ministers of Armenia, Kyrgyzstan and Moldova signed a customs accord."
    (signing,) = typed(coded(nlp, text, DATE), "AGREE")
    assert countries(signing.source) == {"ARM", "KGZ", "MDA"}
    assert signing.cameo == "057" and signing.mode == "sign"
    assert signing.goldstein is not None and signing.goldstein > 0


def test_events_link_to_their_actor_mentions(nlp: Language) -> None:
    doc = nlp(prepare_doc(nlp, "Belarus accused Lithuania of spying.", date=DATE))
    (event,) = doc._.dossier_events
    mentions = {m.fact_id: m.text for m in doc._.dossier_mentions}
    links = {
        (link.relation, mentions[link.to_fact])
        for link in doc._.dossier_links
        if link.from_fact == event.fact_id
    }
    assert links == {("source_actor", "Belarus"), ("target_actor", "Lithuania")}


def test_the_stage_comes_before_stance_and_its_vocabulary_is_not_linking_data() -> None:
    # Last but for the stance stage, which reads events as what a holder does.
    assert COMPONENT_NAMES[-2:] == ("dossier_events", "dossier_stance")
    linking = _kb_file_names(kb_folder(DEFAULT_CONFIG.kb_dir), "linking")
    assert not set(EVENT_KB_FILES) & set(linking)
    assert all((kb_folder(None) / name).exists() for name in EVENT_KB_FILES)


def _entry(lemma: str, particle: str, obj: str, cameo: str, plover: str) -> EventEntry:
    return EventEntry(lemma, particle, obj, cameo, plover, None, None, False)


def test_a_verb_is_read_with_its_particle_then_its_object_then_alone() -> None:
    lexicon = EventLexicon(
        [
            _entry("cut", "", "", "162", "SANCTION"),
            _entry("cut", "off", "", "1621", "SANCTION"),
            _entry("open", "", "fire", "190", "ASSAULT"),
        ],
        [_entry("ban", "on", "", "163", "SANCTION")],
        {"16": -4.0},
    )
    assert lexicon.verb("cut", ["off"], None).cameo == "1621"
    assert lexicon.verb("cut", [], "ties").cameo == "162"
    assert lexicon.verb("open", [], "fire").plover == "ASSAULT"
    assert lexicon.verb("open", [], "talks") is None
    assert lexicon.noun("ban", ["on"]).cameo == "163"
    assert lexicon.goldstein_of("1621") == -4.0


def test_the_shipped_lexicon_names_its_sources() -> None:
    head = (kb_folder(None) / "event_lexicon.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "PETRARCH2" in head and "MIT" in head
    assert Path(__file__).resolve().parents[1].joinpath("scripts/build_event_lexicon.py").exists()


def test_members_read_from_one_name_give_one_link(nlp: Language) -> None:
    text = "Leaders of the Eurasian Economic Union met in Sochi."
    doc = nlp(prepare_doc(nlp, text, date="2016-05-10"))
    links = [(link.from_fact, link.to_fact, link.relation) for link in doc._.dossier_links]
    assert links and len(links) == len(set(links))


# Error kind: a byline or dateline the parse ran into the first sentence taken for its actor.
def test_a_byline_and_a_dateline_are_no_actors(nlp: Language) -> None:
    text = (
        "Maria Petrova\n\nSpecial for The Daily Planet\n\n"
        "TBILISI — Georgia condemned the Russian blockade of its ports on Sunday."
    )
    for event in coded(nlp, text, DATE):
        names = {a.actor for a in (*event.source, *event.target)}
        assert "Maria Petrova" not in names
        assert all(a.mention_start > text.index("—") for a in event.source)
