"""Property tests of cleaning: whatever the text, the cleaned text is the original with spans
deleted, and the offset map takes every kept character back to itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier.ingest.clean import clean_text
from dossier.model import OffsetMap, RemovedSpan
from strategies import ANY_CHAR, NEWS_FRAGMENTS, adversarial_text

TITLES = st.one_of(st.none(), st.sampled_from(NEWS_FRAGMENTS), st.text(ANY_CHAR, max_size=30))


@given(adversarial_text(), TITLES)
def test_every_kept_character_maps_back_to_itself(text: str, title: str | None) -> None:
    cleaned = clean_text(text, {"title": title} if title is not None else None)
    clean, offsets = cleaned.text, cleaned.offsets

    # The segments tile the cleaned text in order, each a slice of the original.
    position = 0
    for clean_start, original_start, length in offsets.segments:
        assert clean_start == position and length > 0
        assert original_start >= 0 and original_start + length <= len(text)
        assert (
            clean[clean_start : clean_start + length]
            == text[original_start : original_start + length]
        )
        position += length
    assert position == len(clean)

    # Every character, and the end, maps into the original and back.
    previous = -1
    for index, char in enumerate(clean):
        original = offsets.to_original(index)
        assert text[original] == char
        assert original > previous  # order kept: deletion only
        assert offsets.to_clean(original) == index
        previous = original
    assert 0 <= offsets.to_original(len(clean)) <= len(text)
    assert OffsetMap.from_json(offsets.to_json()) == offsets


@given(adversarial_text(), TITLES)
def test_removed_spans_are_in_range_and_account_for_every_dropped_character(
    text: str, title: str | None
) -> None:
    cleaned = clean_text(text, {"title": title} if title is not None else None)
    dropped = [False] * len(text)
    for span in cleaned.removed:
        assert 0 <= span.start < span.end <= len(text), span
        assert span.reason
        for index in range(span.start, span.end):
            dropped[index] = True
    kept = "".join(char for char, gone in zip(text, dropped, strict=True) if not gone)
    assert kept == cleaned.text


@given(
    st.integers(0, 300),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 60)), max_size=8),
    st.integers(-5, 320),
)
def test_offset_map_of_any_deletions(length: int, cuts: list[tuple[int, int]], probe: int) -> None:
    removed = [RemovedSpan(min(s, length), min(s + w, length), "test") for s, w in cuts]
    offsets = OffsetMap.from_removed(length, removed)
    kept = [i for i in range(length) if not any(r.start <= i < r.end for r in removed)]
    assert sum(segment[2] for segment in offsets.segments) == len(kept)
    for index, original in enumerate(kept):
        assert offsets.to_original(index) == original
        assert offsets.to_clean(original) == index
    # Any offset at all, in range or not, lands inside the texts.
    assert 0 <= offsets.to_clean(probe) <= len(kept)
    if 0 <= probe <= len(kept):
        assert 0 <= offsets.to_original(probe) <= length
