"""Near-duplicate detection: syndicated and re-posted copies are linked to one story.

Each document's cleaned text becomes a MinHash signature over word shingles; an LSH index over
the signatures of every stored document finds candidates, and a candidate whose estimated Jaccard
similarity reaches the threshold makes the new document part of that candidate's story.
Signatures are stored with the documents, so a later ingest compares against the whole store.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from dossier import settings

# Words only: punctuation and case differ between syndicated copies more than wording does.
_WORD = re.compile(r"\w+", re.UNICODE)

# Stored signatures must be rebuilt with the hashing scheme that made them; naming it keeps a
# later datasketch default change from silently making old and new signatures incomparable.
_SCHEME = "affine32"


def word_shingles(text: str, size: int = settings.SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word shingles of ``text``, lower-cased.

    text: the document's cleaned text.
    size: words per shingle; a text shorter than that gives one shingle of all its words.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    """The MinHash signature of ``text``'s word shingles."""
    minhash = MinHash(num_perm=settings.MINHASH_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in word_shingles(text)])
    return minhash


def signature_to_bytes(minhash: MinHash) -> bytes:
    """Serialise a signature for the store (its hash values as little-endian uint64)."""
    return minhash.hashvalues.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    """Rebuild a signature stored by ``signature_to_bytes``."""
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=_SCHEME)


class StoryIndex:
    """Assigns each document to a story: its own, or that of the most similar earlier document.

    threshold: estimated Jaccard similarity from which two documents are one story.
    """

    def __init__(self, threshold: float = settings.NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=settings.MINHASH_PERMUTATIONS)
        self._signatures: dict[str, MinHash] = {}
        self._story_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add_existing(self, doc_id: str, story_id: str | None, data: bytes) -> None:
        """Index a document already in the store, keeping the story it was given then."""
        if doc_id in self._signatures:
            return
        minhash = signature_from_bytes(data)
        self._lsh.insert(doc_id, minhash)
        self._signatures[doc_id] = minhash
        self._story_of[doc_id] = story_id or doc_id

    def assign(self, doc_id: str, minhash: MinHash) -> tuple[str, float]:
        """Index a new document and return its story id and the similarity that decided it.

        The story is that of the most similar indexed document at or above the threshold (ties
        go to the smaller id, so the result does not depend on set order); otherwise the
        document starts its own story and the similarity is 0.
        """
        if doc_id in self._signatures:
            return self._story_of[doc_id], 1.0
        best_id: str | None = None
        best_similarity = 0.0
        for candidate in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity < self.threshold:
                continue  # LSH candidates are approximate: confirm with the estimate
            if similarity > best_similarity or (
                similarity == best_similarity and best_id is not None and candidate < best_id
            ):
                best_id, best_similarity = candidate, similarity
        story_id = self._story_of[best_id] if best_id is not None else doc_id
        self._lsh.insert(doc_id, minhash)
        self._signatures[doc_id] = minhash
        self._story_of[doc_id] = story_id
        return story_id, best_similarity
