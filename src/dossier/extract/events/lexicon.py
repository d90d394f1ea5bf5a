"""The event vocabulary: which verbs and nouns name which PLOVER event, and word lemmas.

The lexicon is ``kb/data/event_lexicon.csv`` (built by ``scripts/build_event_lexicon.py`` from
PETRARCH2's CAMEO verb dictionary and the CAMEO->PLOVER table, with curated rows), and the
Goldstein scale per CAMEO root is ``kb/data/event_goldstein.csv``. Both are read from the
pipeline's KB folder, so a test can give its own.

Lemmas: the pipeline leaves spaCy's lemmatizer out (it costs every stage time, and only this
one needs lemmas), so the few words that may be triggers are lemmatised here with spaCy's own
English rule tables, read from the model package.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Token

LEXICON_FILE = "event_lexicon.csv"
GOLDSTEIN_FILE = "event_goldstein.csv"
COUNTRIES_FILE = "event_countries.csv"
TERRITORIES_FILE = "event_territories.csv"


#: Nouns for groups of people who act without a name the KB knows ("Kremlin critics").
GROUP_NOUNS = frozenset(
    {
        "critics",
        "officials",
        "rebels",
        "separatists",
        "protesters",
        "demonstrators",
        "militants",
        "activists",
        "opposition",
        "lawmakers",
        "leaders",
        "analysts",
        "troops",
        "forces",
        "police",
        "fighters",
        "soldiers",
        "authorities",
        "government",
        "ministry",
        "parliament",
        "court",
        "army",
        "crowd",
        "crowds",
        "workers",
        "farmers",
        "students",
        "voters",
        "residents",
    }
)

#: Words that are a verb's particle when they hang from it ("drove them out", "backed down").
PARTICLES = frozenset({"out", "away", "off", "down", "back", "up", "over"})


@dataclass(frozen=True)
class EventEntry:
    """One lexicon reading: a word (with its particle, or its object) and what it codes."""

    lemma: str
    particle: str
    object: str
    cameo: str
    plover: str
    mode: str | None
    context: str | None
    curated: bool


class EventLexicon:
    """Readings of verbs and nouns, by lemma."""

    def __init__(
        self,
        entries: list[EventEntry],
        nouns: list[EventEntry],
        goldstein: dict[str, float],
        countries: dict[str, str] | None = None,
        capitals: dict[str, str] | None = None,
        territories: dict[str, str] | None = None,
    ) -> None:
        self.verbs: dict[tuple[str, str], EventEntry] = {}
        self.objects: dict[tuple[str, str], EventEntry] = {}
        for entry in entries:
            if entry.object:
                self.objects.setdefault((entry.lemma, entry.object), entry)
            else:
                self.verbs.setdefault((entry.lemma, entry.particle), entry)
        #: Every lemma ``verb`` may read: a verb of another lemma has no reading at all.
        self.verb_lemmas = frozenset(lemma for lemma, _ in (*self.verbs, *self.objects))
        self.nouns: dict[str, list[EventEntry]] = {}
        for entry in nouns:
            self.nouns.setdefault(entry.lemma, []).append(entry)
        self.goldstein: dict[str, float] = goldstein
        #: Country names and adjectives (lower case) -> ISO3, for countries the KB lacks.
        self.countries: dict[str, str] = countries or {}
        #: Capitals (lower case) -> ISO3: a capital that acts stands for its government
        #: ("Cairo warned"), one named as a place is a place ("talks in Cairo").
        self.capitals: dict[str, str] = capitals or {}
        #: Regions and cities (lower case) -> ISO3 of their state: an act done to a place
        #: that names no actor ("annexed Crimea") is done to that state.
        self.territories: dict[str, str] = territories or {}

    def verb(self, lemma: str, particles: list[str], object_lemma: str | None) -> EventEntry | None:
        """The reading of a verb: with one of its particles ("cut off"), else with its object
        ("impose sanctions"), else its own."""
        for particle in particles:
            entry = self.verbs.get((lemma, particle))
            if entry is None and particle in PARTICLES:
                # PETRARCH2 lists some particles as objects ("back down", "lash out").
                entry = self.objects.get((lemma, particle))
            if entry is not None:
                return entry
        if object_lemma:
            entry = self.objects.get((lemma, object_lemma))
            if entry is not None:
                return entry
        return self.verbs.get((lemma, ""))

    def noun(self, lemma: str, prepositions: list[str]) -> EventEntry | None:
        """The reading of a noun: the one whose preposition follows it, else its bare one."""
        readings = self.nouns.get(lemma)
        if not readings:
            return None
        for entry in readings:
            if entry.particle and entry.particle in prepositions:
                return entry
        bare = [entry for entry in readings if not entry.particle]
        return bare[0] if bare else readings[0]

    def goldstein_of(self, cameo: str | None) -> float | None:
        return self.goldstein.get(cameo[:2]) if cameo else None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=4)
def load_lexicon(folder: Path) -> EventLexicon:
    """The lexicon and Goldstein table of the KB folder ``folder``."""
    verbs: list[EventEntry] = []
    nouns: list[EventEntry] = []
    for row in _rows(folder / LEXICON_FILE):
        entry = EventEntry(
            lemma=row["lemma"],
            particle=row["particle"],
            object=row["object"],
            cameo=row["cameo"],
            plover=row["plover"],
            mode=row["mode"] or None,
            context=row["context"] or None,
            curated=row["source"] == "curated",
        )
        (nouns if row["pos"] == "noun" else verbs).append(entry)
    goldstein = {
        row["cameo_root"]: float(row["goldstein"]) for row in _rows(folder / GOLDSTEIN_FILE)
    }
    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    if (folder / COUNTRIES_FILE).exists():
        for row in _rows(folder / COUNTRIES_FILE):
            table = capitals if row.get("kind") == "capital" else countries
            table[row["word"].lower()] = row["country"]
    territories: dict[str, str] = {}
    if (folder / TERRITORIES_FILE).exists():
        territories = {row["word"]: row["country"] for row in _rows(folder / TERRITORIES_FILE)}
    return EventLexicon(verbs, nouns, goldstein, countries, capitals, territories)


class Lemmas:
    """Lemmas of single tokens from spaCy's English rule tables (see the module doc)."""

    def __init__(self, nlp: Language) -> None:
        self._lemmatizer = None
        self._cache: dict[tuple[int, int], str] = {}
        tables = Path(nlp.path) / "lemmatizer" / "lookups" if nlp.path else None
        if tables is not None and (tables / "lookups.bin").exists():
            from spacy.lang.en.lemmatizer import EnglishLemmatizer
            from spacy.lookups import Lookups

            lemmatizer = EnglishLemmatizer(nlp.vocab, None, mode="rule")
            lemmatizer.lookups = Lookups().from_disk(tables)
            # The tables list each part of speech's known lemmas, and ``rule_lemmatize`` asks
            # ``form in index`` of that list for every suffix rule: a scan of thousands of words
            # per rule, most of this stage's time. A set answers the same question at once.
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, known in list(index.items()):
                index[pos] = frozenset(known)
            self._lemmatizer = lemmatizer

    def __call__(self, token: Token) -> str:
        # The word and part of speech as their ids: one lemma per (lower_, pos_) all the same,
        # without building their strings at each of the many calls.
        key = (token.lower, token.pos)
        lemma = self._cache.get(key)
        if lemma is None:
            lemma = self._compute(token)
            self._cache[key] = lemma
        return lemma

    def known(self, lower: int, pos: int) -> str | None:
        """The lemma already worked out for a word (its ``lower`` and ``pos`` ids, as
        ``doc.to_array`` gives them), or None: what ``self(token)`` gives without a ``Token``."""
        return self._cache.get((lower, pos))

    def _compute(self, token: Token) -> str:
        if token.lower_ in _FORMS_OF_BE:
            return "be"  # the rule tables have nothing for auxiliaries
        if self._lemmatizer is not None and token.pos_ in ("VERB", "NOUN"):
            found = self._lemmatizer.rule_lemmatize(token)
            if found:
                return found[0].lower()
        return _strip_suffix(token.lower_)


_FORMS_OF_BE = frozenset({"is", "are", "was", "were", "am", "be", "been", "being", "'s", "'re"})


def _strip_suffix(word: str) -> str:
    # A last resort when the model ships no tables: regular inflections only.
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    return word
