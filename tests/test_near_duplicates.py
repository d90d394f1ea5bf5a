"""Near-duplicate detection: syndicated copies join one story, different stories stay apart."""

from __future__ import annotations

from dossier.ingest.near_duplicates import (
    StoryIndex,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    word_shingles,
)

ARTICLE = (
    "The presidents of Russia, Belarus and Kazakhstan signed a declaration on Eurasian economic "
    "integration in Moscow on Friday, setting up a permanent commission to run the customs union "
    "and the common economic space that is due to start on January 1. The commission will have "
    "its seat in Moscow and will take decisions by qualified majority, officials said, while "
    "disputes between the three states are to go to the court of the Eurasian Economic "
    "Community. Ministers said the aim was a full economic union by 2015."
)
REPOST = "Republished with permission. " + ARTICLE.replace("on Friday", "on November 18").replace(
    "officials said", "diplomats said"
)
OTHER = (
    "Armenia's parliament voted to ratify the treaty on the country's accession to the Eurasian "
    "Economic Union, a step that opens its market to goods from Russia, Belarus and Kazakhstan "
    "and brings Yerevan into the bloc from the start of next year, lawmakers said on Friday."
)


def test_shingles_are_lowercased_word_windows() -> None:
    assert word_shingles("One two, THREE four five six", size=5) == {
        "one two three four five",
        "two three four five six",
    }
    assert word_shingles("too short", size=5) == {"too short"}
    assert word_shingles("", size=5) == set()


def test_signature_survives_the_store_round_trip() -> None:
    original = signature(ARTICLE)
    restored = signature_from_bytes(signature_to_bytes(original))
    assert restored.jaccard(original) == 1.0
    assert len(signature_to_bytes(original)) == 8 * len(original.hashvalues)


def test_lightly_edited_copy_joins_the_first_story() -> None:
    index = StoryIndex()
    first_story, _ = index.assign("a" * 16, signature(ARTICLE))
    copy_story, similarity = index.assign("b" * 16, signature(REPOST))
    other_story, other_similarity = index.assign("c" * 16, signature(OTHER))
    assert first_story == "a" * 16
    assert copy_story == "a" * 16
    assert similarity >= 0.5
    assert other_story == "c" * 16
    assert other_similarity == 0.0


def test_story_of_stored_documents_is_kept_across_runs() -> None:
    earlier = StoryIndex()
    earlier.assign("a" * 16, signature(ARTICLE))
    stored = [("a" * 16, "a" * 16, signature_to_bytes(signature(ARTICLE)))]

    later = StoryIndex()
    for doc_id, story_id, data in stored:
        later.add_existing(doc_id, story_id, data)
    story, _ = later.assign("d" * 16, signature(REPOST))
    assert story == "a" * 16
    assert len(later) == 2
