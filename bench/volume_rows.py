"""Synthetic store rows for ``bench_store_volume.py``: documents and their facts in the
proportions an annotated news corpus has, drawn reproducibly.

Per document, at ``facts_per_doc`` 10: 4 sentences, 3 mentions (two actors, the first named
twice), 1 time expression, 1 quote, 0.6 events (with their actor rows), 0.4 stances, and the 25
LSH bands of its near-duplicate signature (not counted as facts). Actors are the KB's own, drawn
with a Zipf skew (a few actors are in most of the news); dates are spread over 2011-2025; texts
come from a Zipf-distributed vocabulary of pronounceable made-up words, so a full-text query
for one word matches what a real word of that rank would. About 3% of documents are near-copies
of a recent one (same story, a signature agreeing on most bands).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from dossier.kb.loader import KnowledgeBase
from dossier.model import PLOVER_TYPES
from dossier.store.stories import band_rows

WORDS_PER_DOC = 120
VOCABULARY = 30_000
ZIPF_WORDS = 1.0
ZIPF_ACTORS = 1.0
SIGNATURE_BYTES = 128 * 8
NEAR_COPY_SHARE = 0.03
FIRST_DAY = date(2011, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
OUTLETS = [f"Outlet {n}" for n in range(60)]
EXTRACTOR_VERSION = "volume-1"

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id", "seq", "story_id", "format", "source_path", "title", "pub_date",
        "date_source", "date_is_estimated", "outlet", "language", "genre", "original_text",
        "clean_text", "offset_map", "removed_spans", "word_count", "minhash", "ingested_at",
    ),
    "document_sources": ("doc_id", "source_path"),
    "lsh_bands": ("doc_id", "band", "band_hash"),
    "sentences": ("fact_id", "doc_id", "start", "end", "original_start", "original_end",
                  "sentence", "extractor", "extractor_version", "confidence", "text",
                  "reference_time"),
    "mentions": ("fact_id", "doc_id", "start", "end", "original_start", "original_end",
                 "sentence", "extractor", "extractor_version", "confidence", "text", "label",
                 "actor_id", "actor", "country", "metonym", "resolution"),
    "timexes": ("fact_id", "doc_id", "start", "end", "original_start", "original_end",
                "sentence", "extractor", "extractor_version", "confidence", "text", "type",
                "value"),
    "quotes": ("fact_id", "doc_id", "start", "end", "original_start", "original_end",
               "sentence", "extractor", "extractor_version", "confidence", "text", "quote_kind",
               "cue", "speaker", "speaker_actor", "speaker_actor_id", "speaker_group",
               "speaker_actors"),
    "events": ("fact_id", "doc_id", "start", "end", "original_start", "original_end",
               "sentence", "extractor", "extractor_version", "confidence", "text", "event_type",
               "source", "target", "date", "date_basis", "modality"),
    "event_actors": ("fact_id", "side", "position", "actor_id", "actor", "country"),
    "stances": ("fact_id", "doc_id", "start", "end", "original_start", "original_end",
                "sentence", "extractor", "extractor_version", "confidence", "text", "holder",
                "holder_id", "holder_country", "target", "target_id", "polarity", "strength",
                "basis", "evidence_kind", "date"),
}  # fmt: skip

FACT_TABLES = ("sentences", "mentions", "timexes", "quotes", "events", "stances")


def _pseudo_words(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct pronounceable made-up words (consonant-vowel syllables)."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    words: set[str] = set()
    ordered: list[str] = []
    while len(ordered) < count:
        syllables = rng.choice((1, 2, 2, 3, 3, 4))
        word = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(syllables))
        if word not in words:
            words.add(word)
            ordered.append(word)
    return ordered


def _zipf(count: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** exponent
    return weights / weights.sum()


@dataclass
class Universe:
    """What the rows are drawn from: the vocabulary and the KB's actors, each in skew order."""

    words: list[str]
    word_p: np.ndarray
    actors: list[tuple[str, str, str | None, str]]  # id, name, country, type
    actor_p: np.ndarray
    people: list[tuple[str, str, str | None, str]]
    people_p: np.ndarray
    targets: list[tuple[str, str]]
    countries: list[str] = field(default_factory=list)

    @classmethod
    def from_kb(cls, kb: KnowledgeBase, seed: int) -> Universe:
        rng = random.Random(seed)
        words = _pseudo_words(VOCABULARY, rng)
        actors = sorted(
            ((a.id, a.name, a.country, a.type) for a in kb.actors.values()), key=lambda a: a[0]
        )
        rng.shuffle(actors)
        # The head of the skew is where the news is: states and people of the region first.
        actors.sort(key=lambda a: 0 if a[2] in ("RUS", "UKR", "KAZ", "BLR", "USA") else 1)
        people = [a for a in actors if a[3] == "person"]
        targets = sorted((t.id, t.name) for t in kb.targets.values())
        countries = sorted({a[2] for a in people if a[2]})
        return cls(
            words,
            _zipf(len(words), ZIPF_WORDS),
            actors,
            _zipf(len(actors), ZIPF_ACTORS),
            people,
            _zipf(len(people), ZIPF_ACTORS),
            targets,
            countries,
        )


def _stochastic(rng: np.random.Generator, mean: float) -> int:
    whole = int(mean)
    return whole + int(rng.random() < mean - whole)


class RowMaker:
    """Batches of rows for documents numbered from 0, reproducibly from ``seed``."""

    def __init__(self, universe: Universe, facts_per_doc: float, seed: int = 14) -> None:
        self.u = universe
        self.scale = facts_per_doc / 10.0
        self.rng = np.random.default_rng(seed)
        self.py = random.Random(seed)
        self.next_fact = 0
        self.recent: list[tuple[str, bytes]] = []
        self.stamp = datetime(2026, 1, 1)

    def _fact_id(self) -> str:
        self.next_fact += 1
        # Real fact ids are hashes; scattering the counter keeps the primary keys as random.
        return f"{(self.next_fact * 0x9E3779B97F4A7C15) & ((1 << 80) - 1):020x}"

    def batch(self, first: int, count: int) -> dict[str, list[tuple[Any, ...]]]:
        """The rows of documents ``first`` .. ``first + count - 1``, table by table, documents
        first so that every fact's document is in before it."""
        out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS}
        u, rng = self.u, self.rng
        word_ids = rng.choice(len(u.words), size=(count, WORDS_PER_DOC), p=u.word_p)
        actor_ids = rng.choice(len(u.actors), size=(count, 4), p=u.actor_p)
        people_ids = rng.choice(len(u.people), size=(count, 3), p=u.people_p)
        days = rng.integers(0, DAYS, size=count)
        for row in range(count):
            number = first + row
            self._document(out, number, word_ids[row], actor_ids[row], people_ids[row], days[row])
        return out

    def _document(
        self,
        out: dict[str, list[tuple[Any, ...]]],
        number: int,
        word_ids: np.ndarray,
        actor_ids: np.ndarray,
        people_ids: np.ndarray,
        day: int,
    ) -> None:
        u, rng, py = self.u, self.rng, self.py
        words = [u.words[i] for i in word_ids]
        quarter = WORDS_PER_DOC // 4
        sentences = [
            " ".join(words[k * quarter : (k + 1) * quarter]).capitalize() + "." for k in range(4)
        ]
        text = " ".join(sentences)
        doc_id = f"{py.getrandbits(64):016x}"
        pub_date = (FIRST_DAY + timedelta(days=int(day))).isoformat()
        story_id, minhash = doc_id, py.randbytes(SIGNATURE_BYTES)
        if self.recent and py.random() < NEAR_COPY_SHARE:
            story_id, original = py.choice(self.recent)
            # A near copy: the first fifth of its signature differs, the rest agrees.
            minhash = minhash[: SIGNATURE_BYTES // 5] + original[SIGNATURE_BYTES // 5 :]
        else:
            self.recent = [*self.recent[-999:], (doc_id, minhash)]
        title = " ".join(words[:6]).capitalize()
        out["documents"].append(
            (doc_id, number + 1, story_id, "text", f"synthetic/{number}.txt", title, pub_date,
             "metadata", False, OUTLETS[int(rng.integers(0, len(OUTLETS)))], "en", "news",
             text, text, json.dumps([[0, 0, len(text)]]), "[]", len(words), minhash,
             self.stamp)
        )  # fmt: skip
        out["lsh_bands"].extend(
            (b["doc_id"], b["band"], b["band_hash"]) for b in band_rows(doc_id, minhash)
        )
        starts, offset = [], 0
        for sentence in sentences:
            starts.append(offset)
            offset += len(sentence) + 1
        span = self._span

        for k in range(_stochastic(rng, 4 * self.scale)):
            k4 = k % 4
            s, e = starts[k4], starts[k4] + len(sentences[k4])
            out["sentences"].append(span(doc_id, s, e, k4, "sentences") + (sentences[k4], pub_date))
        for k in range(_stochastic(rng, 3 * self.scale)):
            actor = u.actors[int(actor_ids[0 if k < 2 else 1 + k % 3])]
            s = starts[k % 4]
            label = "PERSON" if actor[3] == "person" else "ORG"
            out["mentions"].append(
                span(doc_id, s, s + len(actor[1]), k % 4, "linking")
                + (actor[1], label, actor[0], actor[1], actor[2], False, "kb")
            )
        for k in range(_stochastic(rng, self.scale)):
            s = starts[k % 4] + 3
            out["timexes"].append(
                span(doc_id, s, s + 10, k % 4, "timex") + (pub_date, "DATE", pub_date)
            )
        for k in range(_stochastic(rng, self.scale)):
            speaker = u.people[int(people_ids[k % 3])]
            sentence = (1 + k) % 4
            quote = " ".join(words[sentence * quarter : sentence * quarter + 15])
            s = starts[sentence]
            out["quotes"].append(
                span(doc_id, s, s + len(quote), sentence, "quotes")
                + (quote, "direct", "said", speaker[1], speaker[1], speaker[0], False, "[]")
            )
        for _ in range(_stochastic(rng, 0.6 * self.scale)):
            source, target = u.actors[int(actor_ids[2])], u.actors[int(actor_ids[3])]
            fact = self._fact_id()
            s = starts[2]
            sides = [{"actor": a[1], "actor_id": a[0], "country": a[2]} for a in (source, target)]
            out["events"].append(
                (fact, doc_id, s, s + 8, s, s + 8, 2, "events", EXTRACTOR_VERSION, 0.8,
                 words[2 * quarter], PLOVER_TYPES[int(rng.integers(0, len(PLOVER_TYPES)))],
                 json.dumps(sides[:1]), json.dumps(sides[1:]), pub_date, "document", "asserted")
            )  # fmt: skip
            for side, a in (("source", source), ("target", target)):
                out["event_actors"].append((fact, side, 0, a[0], a[1], a[2]))
        for k in range(_stochastic(rng, 0.4 * self.scale)):
            holder = u.people[int(people_ids[(k + 1) % 3])]
            target = u.targets[int(rng.integers(0, len(u.targets)))]
            s = starts[3]
            out["stances"].append(
                span(doc_id, s, s + 12, 3, "stance")
                + (sentences[3][:80], holder[1], holder[0], holder[2], target[1], target[0],
                   int(rng.integers(-1, 2)), 1.0, "quote", "quote", pub_date)
            )  # fmt: skip

    def _span(self, doc_id: str, start: int, end: int, sentence: int, extractor: str) -> tuple:
        return (self._fact_id(), doc_id, start, end, start, end, sentence, extractor,
                EXTRACTOR_VERSION, 1.0)  # fmt: skip


def batches(maker: RowMaker, documents: int, size: int = 1000) -> Iterator[dict[str, list]]:
    """Rows of ``documents`` documents, ``size`` documents a batch."""
    for first in range(0, documents, size):
        yield maker.batch(first, min(size, documents - first))
