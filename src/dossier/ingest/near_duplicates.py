"""Near-duplicate detection: syndicated and re-posted copies are linked to one story.

Each document's cleaned text becomes a MinHash signature over word shingles. A new document's
candidates are the documents that share an LSH band with it: stored ones, found through the
band index the store keeps (``StoredStories``), and the ones pending in the same batch. A
candidate whose estimated Jaccard similarity reaches the threshold makes the new document part
of that candidate's story. Only the candidates' signatures are ever read, so the cost per
document does not grow with the store.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from dossier import settings

try:
    # CPython's own SHA-1: the same digest as hashlib's OpenSSL one at half the cost per call,
    # which matters for a million short inputs per thousand documents.
    from _sha1 import sha1 as _sha1
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import sha1 as _sha1

# Words only: punctuation and case differ between syndicated copies more than wording does.
_WORD = re.compile(r"\w+", re.UNICODE)

# Stored signatures must be rebuilt with the hashing scheme that made them; naming it keeps a
# later datasketch default change from silently making old and new signatures incomparable.
_SCHEME = "affine32"

# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies to each input
# hash before its permutations (a test checks that the result equals datasketch's own).
_FMIX32 = tuple(np.uint32(c) for c in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))


def word_shingles(text: str, size: int = settings.SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word shingles of ``text``, lower-cased.

    text: the document's cleaned text.
    size: words per shingle; a text shorter than that gives one shingle of all its words.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    # The i-th shifted copy of the word list gives each window's i-th word; the shortest ends
    # the last window.
    windows = zip(*(words[i:] for i in range(size)), strict=False)
    return set(map(" ".join, windows))


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    # Seeded, so every process draws the same ones; drawing them is most of a MinHash's setup.
    return MinHash(num_perm=settings.MINHASH_PERMUTATIONS, scheme=_SCHEME).permutations


def signature(text: str) -> MinHash:
    """The MinHash signature of ``text``'s word shingles.

    The same values as datasketch's ``MinHash.update_batch`` over the UTF-8 shingles with its
    default SHA-1 hash, computed for all shingles at once instead of one Python call each.
    """
    permutations = _permutations()
    shingles = word_shingles(text)
    if not shingles:
        return MinHash(scheme=_SCHEME, permutations=permutations)
    # sha1_hash32: the first four digest bytes, little-endian.
    digests = b"".join([_sha1(s.encode("utf-8")).digest()[:4] for s in shingles])
    hashes = np.frombuffer(digests, dtype="<u4").astype(np.uint32)
    s1, m1, s2, m2, s3 = _FMIX32
    hashes ^= hashes >> s1
    hashes *= m1
    hashes ^= hashes >> s2
    hashes *= m2
    hashes ^= hashes >> s3
    a, b = permutations
    # One row per permutation: the minimum runs along contiguous memory.
    permuted = a[:, None] * hashes[None, :]
    permuted += b[:, None]
    return MinHash(scheme=_SCHEME, hashvalues=permuted.min(axis=1), permutations=permutations)


def signature_to_bytes(minhash: MinHash) -> bytes:
    """Serialise a signature for the store (its hash values as little-endian uint64)."""
    return minhash.hashvalues.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    """Rebuild a signature stored by ``signature_to_bytes``."""
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    if len(values) == settings.MINHASH_PERMUTATIONS:
        return MinHash(scheme=_SCHEME, hashvalues=values, permutations=_permutations())
    return MinHash(num_perm=len(values), hashvalues=values, scheme=_SCHEME)


@lru_cache(maxsize=4)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) datasketch picks for ``threshold``: a numerical integration worth doing
    once, not once per batch."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class StoredStories(Protocol):
    """What story assignment reads from the store: band matches and candidates' signatures."""

    def band_candidates(self, signatures: Sequence[bytes]) -> list[set[str]]:
        """For each signature, the stored documents that share at least one LSH band with it."""
        ...

    def story_signatures(self, doc_ids: Collection[str]) -> dict[str, tuple[str, bytes]]:
        """Each stored document's (story id, signature), for those of ``doc_ids`` that have one."""
        ...


@dataclass(frozen=True)
class StoryAssignment:
    """The story a new document joins.

    doc_id: the new document.
    story_id: its own id when it starts a story, else the story of its closest earlier copy.
    similarity: the estimated Jaccard similarity to that copy; 0 for a new story.
    """

    doc_id: str
    story_id: str
    similarity: float

    @property
    def is_near_duplicate(self) -> bool:
        return self.story_id != self.doc_id


def assign_stories(
    batch: Sequence[tuple[str, MinHash]],
    stored: StoredStories,
    threshold: float = settings.NEAR_DUPLICATE_THRESHOLD,
) -> list[StoryAssignment]:
    """The story of each new document of ``batch``, in order, as if they came one by one.

    A document joins the story of the most similar earlier document (stored, or before it in
    the batch) whose LSH band it shares and whose estimated similarity reaches ``threshold``;
    ties go to the smaller id, so the result does not depend on set order. Otherwise it starts
    its own story.

    batch: (doc_id, signature) of documents not yet stored, in the order they were read.
    stored: the store's band index and signatures.
    threshold: estimated Jaccard similarity from which two documents are one story.
    """
    if not batch:
        return []
    stored_candidates = stored.band_candidates([signature_to_bytes(m) for _, m in batch])
    wanted = set().union(*stored_candidates)
    signatures: dict[str, MinHash] = {}
    story_of: dict[str, str] = {}
    for doc_id, (story_id, data) in stored.story_signatures(wanted).items():
        signatures[doc_id] = signature_from_bytes(data)
        story_of[doc_id] = story_id or doc_id
    pending = MinHashLSH(
        threshold=threshold,
        num_perm=settings.MINHASH_PERMUTATIONS,
        params=_lsh_params(threshold, settings.MINHASH_PERMUTATIONS),
    )
    assignments: list[StoryAssignment] = []
    for (doc_id, minhash), from_store in zip(batch, stored_candidates, strict=True):
        if doc_id in from_store and doc_id in signatures:
            # Stored meanwhile (another process, or a batch written before an interrupt):
            # it keeps the story it was given then.
            assignments.append(StoryAssignment(doc_id, story_of[doc_id], 1.0))
            continue
        best_id: str | None = None
        best_similarity = 0.0
        for candidate in sorted(from_store.union(pending.query(minhash))):
            if candidate not in signatures:
                continue  # its signature went since the band was read
            similarity = minhash.jaccard(signatures[candidate])
            if similarity < threshold:
                continue  # LSH candidates are approximate: confirm with the estimate
            if similarity > best_similarity:
                best_id, best_similarity = candidate, similarity
        story_id = story_of[best_id] if best_id is not None else doc_id
        pending.insert(doc_id, minhash)
        signatures[doc_id] = minhash
        story_of[doc_id] = story_id
        assignments.append(StoryAssignment(doc_id, story_id, best_similarity))
    return assignments
