"""The knowledge base as a lexicon: its names and titles as token sequences, and the word-shape
tests the ruler and the linker share (the fixed words that qualify a title are ``vocabulary.py``).

Matching is token by token on the KB's lookup key (``token_key``: case, accents and apostrophe
style aside), except that a KB word written with a capital needs a capital in the text
("customs union" is not the "Customs Union") and a short all-caps acronym must be written
exactly ("EU", "CIS", not "Eu"): ``case_agrees``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from spacy.attrs import IS_ALPHA, IS_LOWER, ORTH, POS, SPACY
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from dossier.extract.linking.spelling import TITLE_ABBREVIATIONS, fold
from dossier.extract.linking.vocabulary import (
    ATTITUDE_PREFIXES,
    DESCRIPTIVE_TITLES,
    DETERMINERS,
    GOVERNMENT_TITLES,
    INITIAL,
    MAX_DESCRIPTION_WORDS,
    MODIFIERS,
    NAME_LABELS_NOT_TITLES,
    POSSESSIVE_MARKERS,
    POSSESSIVE_PRONOUNS,
    RELATIONAL_TITLES,
)
from dossier.kb.loader import KnowledgeBase, normalise_name
from dossier.kb.records import COLLECTIVE_OFFICE_KINDS


@dataclass(frozen=True)
class NameEntry:
    """One KB name as tokens: an actor's, a place's, or an office's."""

    kind: str  # actor, place, office
    ref: str  # actor id, place name, office id
    words: tuple[str, ...]  # the KB's own spelling, token by token, for the case check


#: How many words' lookup keys ``KBLexicon.token_keys`` remembers at most.
KEY_CACHE_SIZE = 200_000
_T = TypeVar("_T")


def token_key(text: str) -> str:
    """The lookup key of one token: the KB's ``normalise_name`` without its "the" rule; a
    title abbreviation ("Sec.", "Gen.") is the key of the full word."""
    abbreviation = TITLE_ABBREVIATIONS.get(text)
    if abbreviation is not None:
        return abbreviation
    return normalise_name(text) if text.lower() != "the" else "the"


def _lengths_by_start(table: dict[tuple[str, ...], list[NameEntry]]) -> dict[str, list[int]]:
    lengths: dict[str, set[int]] = defaultdict(set)
    for key, entries in table.items():
        if entries:
            lengths[key[0]].add(len(key))
    return {start: sorted(found, reverse=True) for start, found in lengths.items()}


def folded(keys: Iterable[str]) -> tuple[str, ...]:
    """Lookup keys with transliteration variants folded (``spelling.fold``)."""
    return tuple(fold(k) for k in keys)


def _remembered_each(
    cache: dict[str, _T], words: list[str], compute: Callable[[str], _T]
) -> list[_T]:
    """``compute`` of each word, remembered in ``cache`` per word; the memory is emptied when it
    grows past ``KEY_CACHE_SIZE``, so it stays bounded however many documents pass."""
    if len(cache) > KEY_CACHE_SIZE:
        cache.clear()
    # Every word looked up at once (most were met before), then only the new ones computed.
    found = list(map(cache.get, words))
    if None in found:
        for i, value in enumerate(found):
            if value is None:
                word = words[i]
                value = cache.get(word)  # met earlier in this same text
                if value is None:
                    value = cache[word] = compute(word)
                found[i] = value
    return found


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    # Asked of the KB's words each time a name is matched; remembered, as they are few.
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def case_agrees(kb_word: str, text_word: str, strict: bool = True) -> bool:
    """Whether ``text_word`` may stand for the KB's ``kb_word``: acronyms exactly, capitals kept
    (unless not ``strict``: office names are written "the president of the European
    Commission" as often as with capitals)."""
    if _is_acronym(kb_word):
        return text_word == kb_word
    if kb_word[:1].isupper() and strict:
        return text_word[:1].isupper()
    return True


def fitting_entries(
    doc: Doc, i: int, entries: list[NameEntry], wanted: set[str] | None
) -> list[NameEntry]:
    """The ``entries`` of a name found at token ``i`` that are of a ``wanted`` kind (any when
    None) and whose words the text writes in a case that agrees (``case_agrees``)."""
    # The words' texts read once for all the entries (``doc[j]`` builds a Token each time;
    # a common name has many entries).
    # Entries of one name mostly share its spelling: the case check is made once per spelling
    # (and strictness), and the texts are read only when some entry is of a wanted kind.
    width = min(max((len(e.words) for e in entries), default=0), len(doc) - i)
    texts: list[str] | None = None
    agrees: dict[tuple[tuple[str, ...], bool], bool] = {}
    fitting = []
    for e in entries:
        if wanted is not None and e.kind not in wanted:
            continue
        strict = e.kind != "office"
        ok = agrees.get((e.words, strict))
        if ok is None:
            if texts is None:
                texts = [doc[i + k].text for k in range(width)]
            ok = agrees[(e.words, strict)] = all(
                case_agrees(w, texts[k] if k < width else doc[i + k].text, strict=strict)
                for k, w in enumerate(e.words)
            )
        if ok:
            fitting.append(e)
    return fitting


class KBLexicon:
    """The KB's names and titles as token sequences, for matching against a ``Doc``.

    kb: the knowledge base. tokenizer: the pipeline's tokenizer, so names split as text does.
    """

    def __init__(self, kb: KnowledgeBase, tokenizer) -> None:  # noqa: ANN001 (spaCy Tokenizer)
        self.kb = kb
        self._tokenizer = tokenizer
        self.names: dict[tuple[str, ...], list[NameEntry]] = defaultdict(list)
        for actor in kb.actors.values():
            for name in (actor.name, *actor.aliases):
                self._add_name(name, NameEntry("actor", actor.id, ()))
        for place in kb.places:
            for name in (place.name, *place.aliases):
                self._add_name(name, NameEntry("place", place.name, ()))
        for office in kb.offices.values():
            for name in (office.name, *office.aliases):
                self._add_name(name, NameEntry("office", office.id, ()))
        self.max_name = max((len(k) for k in self.names), default=1)
        self._name_starts = {k[0] for k in self.names}
        #: The same names under folded keys: "Zelenskyy" finds the KB's "Zelensky".
        self.folded_names: dict[tuple[str, ...], list[NameEntry]] = defaultdict(list)
        for key, entries in self.names.items():
            self.folded_names[folded(key)].extend(entries)
        self._folded_name_starts = {k[0] for k in self.folded_names}
        #: By first word, the lengths (longest first) of the names that start with it: the only
        #: lengths ``_longest`` need try.
        self._name_lengths = _lengths_by_start(self.names)
        self._folded_name_lengths = _lengths_by_start(self.folded_names)
        self._token_keys: dict[str, str] = {}
        self._key_shapes: dict[str, tuple[tuple[int, ...], bool]] = {}
        self._adjective_cache: dict[str, str | None] = {}
        self.titles: dict[tuple[str, ...], str] = {}
        #: title key ("prime minister") -> offices with that title or title alias, and back.
        self.offices_by_title: dict[str, list[str]] = defaultdict(list)
        self.office_titles: dict[str, set[str]] = defaultdict(set)
        for office in kb.offices.values():
            if office.kind in COLLECTIVE_OFFICE_KINDS:
                continue  # many hold it at once: its title names no one in a text
            for title in (office.title, *office.title_aliases):
                key = self._add_title(title, "office")
                if key and office.id not in self.offices_by_title[key]:
                    self.offices_by_title[key].append(office.id)
                    self.office_titles[office.id].add(key)
        for title in DESCRIPTIVE_TITLES:
            self._add_title(title, "descriptive")
        for title in RELATIONAL_TITLES:
            self._add_title(title, "relational")
        for title in GOVERNMENT_TITLES:
            self._add_title(title, "government")
        self.max_title = max((len(k) for k in self.titles), default=1)
        self._title_starts = {k[0] for k in self.titles}
        #: Titles under folded keys ("defense minister" finds "defence minister"), with the
        #: key the title is known by.
        self.folded_titles: dict[tuple[str, ...], tuple[str, str]] = {}
        for key, kind in self.titles.items():
            self.folded_titles.setdefault(folded(key), (" ".join(key), kind))
        self._folded_title_starts = {k[0] for k in self.folded_titles}
        self._title_lengths = _lengths_by_start({k: [kind] for k, kind in self.titles.items()})
        self._folded_title_lengths = _lengths_by_start(
            {k: [known] for k, known in self.folded_titles.items()}
        )
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.folded_surnames: dict[str, set[str]] = defaultdict(set)
        for actor in kb.actors.values():
            if actor.type != "person":
                continue
            for name in (actor.name, *actor.aliases):
                words = self._words(name)
                if len(words) >= 2 and words[-1][:1].isupper():
                    self.surnames[token_key(words[-1])].add(actor.id)
                    self.folded_surnames[fold(token_key(words[-1]))].add(actor.id)

    # --- building ------------------------------------------------------------------------

    def words(self, name: str) -> tuple[str, ...]:
        """A name's words as the pipeline's tokenizer splits them, without a leading "the"."""
        return self._words(name)

    def _words(self, name: str) -> tuple[str, ...]:
        words = tuple(t.text for t in self._tokenizer(name) if not t.is_space)
        if words and words[0].lower() == "the":
            words = words[1:]
        return words

    def _add_name(self, name: str, entry: NameEntry) -> None:
        words = self._words(name)
        if not words:
            return
        key = tuple(token_key(w) for w in words)
        self.names[key].append(NameEntry(entry.kind, entry.ref, words))

    def _add_title(self, title: str, kind: str) -> str:
        key = tuple(token_key(w) for w in self._words(title.lower()))
        # A KB office title wins over a built-in description of the same words.
        if key and (kind == "office" or key not in self.titles):
            self.titles[key] = kind
        return " ".join(key)

    # --- matching ------------------------------------------------------------------------

    def match_name(
        self, doc: Doc, keys: list[str], i: int, kinds: Iterable[str] | None = None
    ) -> tuple[int, list[NameEntry]] | None:
        """The longest KB name starting at token ``i``: (end token, its entries), or None.
        A name spelt as the KB spells it wins; else one whose folded spelling agrees."""
        exact = keys[i] in self._name_starts
        if not exact and fold(keys[i]) not in self._folded_name_starts:
            return None  # no name starts with this word: the common case, answered first
        wanted = set(kinds) if kinds is not None else None
        if exact:
            found = self._longest(
                doc, i, keys[i : i + self.max_name], self.names, self._name_lengths, wanted
            )
            if found is not None:
                return found
        first = fold(keys[i])
        if first in self._folded_name_starts:
            # Folded only as far as the longest folded name starting with this word reaches.
            longest = max(self._folded_name_lengths.get(first, (1,)))
            folds = [fold(k) for k in keys[i : i + min(longest, self.max_name)]]
            return self._longest(
                doc, i, folds, self.folded_names, self._folded_name_lengths, wanted
            )
        return None

    def _longest(
        self,
        doc: Doc,
        i: int,
        keys: list[str],
        table: dict[tuple[str, ...], list[NameEntry]],
        lengths: dict[str, list[int]],
        wanted: set[str] | None,
    ) -> tuple[int, list[NameEntry]] | None:
        for n in lengths.get(keys[0], ()):
            if n > len(keys):
                continue
            entries = table.get(tuple(keys[:n]))
            fitting = fitting_entries(doc, i, entries, wanted) if entries else None
            if fitting:
                return i + n, fitting
        return None

    def country_of_adjective(self, word: str) -> str | None:
        """The KB's ``country_of_adjective``, remembered per word (asked of every capitalised
        word of every document)."""
        if word not in self._adjective_cache:
            self._adjective_cache[word] = self.kb.country_of_adjective(word)
        return self._adjective_cache[word]

    def token_keys(self, texts: list[str]) -> list[str]:
        """``token_key`` of each text, remembered per word (a document's words are mostly
        words seen before); the memory is emptied when it grows past ``KEY_CACHE_SIZE``."""
        return _remembered_each(self._token_keys, texts, token_key)

    def name_may_start(self, key: str) -> bool:
        """Whether some KB name starts with a token of lookup key ``key`` (``match_name`` finds
        nothing at a token where this is False)."""
        return key in self._name_starts or fold(key) in self._folded_name_starts

    def name_lengths(self, key: str) -> tuple[int, ...]:
        """The lengths, in tokens, of the KB names (spelt as the KB spells them, or folded) that
        start with a token of lookup key ``key``: where a name ``match_name`` finds may end."""
        lengths = {*self._name_lengths.get(key, ()), *self._folded_name_lengths.get(fold(key), ())}
        return tuple(sorted(lengths))

    def key_shapes(self, keys: list[str]) -> list[tuple[tuple[int, ...], bool]]:
        """For each lookup key: the lengths of the KB names it may start (``name_lengths``)
        and whether a title may start with it (``title_may_start``), remembered per word."""
        return _remembered_each(
            self._key_shapes, keys, lambda key: (self.name_lengths(key), self.title_may_start(key))
        )

    def title_may_start(self, key: str) -> bool:
        """Whether some title starts with a token of lookup key ``key`` (``match_title`` finds
        nothing at a token where this is False)."""
        return key in self._title_starts or fold(key) in self._folded_title_starts

    def title_may_match(self, keys: list[str], i: int) -> bool:
        """Whether a title's every word agrees with the tokens from ``i`` (``match_title``
        finds nothing at a token where this is False; it also reads the words' parts of
        speech)."""
        key = keys[i]
        for n in self._title_lengths.get(key, ()):
            if tuple(keys[i : i + n]) in self.titles:
                return True
        lengths = self._folded_title_lengths.get(fold(key), ())
        return any(folded(keys[i : i + n]) in self.folded_titles for n in lengths)

    def match_title(self, doc: Doc, keys: list[str], i: int) -> tuple[int, str, str] | None:
        """The longest title starting at token ``i``: (end token, title key, kind), or None."""
        if i >= len(doc):
            return None
        exact = keys[i] in self._title_starts
        if not exact and fold(keys[i]) not in self._folded_title_starts:
            return None
        for n in range(min(self.max_title, len(doc) - i), 0, -1):
            key = tuple(keys[i : i + n])
            kind = self.titles.get(key) if exact else None
            if kind is None:
                known = self.folded_titles.get(folded(key))
                if known is None:
                    continue
                title, kind = known
                key = tuple(title.split(" "))
            # "host" and "head" are verbs too; a title is a noun ("Prime Minister" is PROPN).
            if doc[i + n - 1].pos_ in {"VERB", "AUX"}:
                continue
            # "4:33 PM ET" is a time: an all-caps title after a number is no title.
            if doc[i].is_upper and i > 0 and (doc[i - 1].like_num or ":" in doc[i - 1].text):
                continue
            if kind == "descriptive" and _inside_a_name(doc, i, i + n):
                continue
            return i + n, " ".join(key), kind
        return None

    def country_of_name(self, entries: Iterable[NameEntry]) -> str | None:
        """The ISO3 code when one of ``entries`` is a country actor."""
        for entry in entries:
            if entry.kind == "actor":
                actor = self.kb.actors[entry.ref]
                if actor.type == "country" and actor.country:
                    return actor.country
        return None


def _inside_a_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` begin a longer name the NER found that is no person's
    ("General Motors", "Major League Baseball"): a title word there is part of the name."""
    token = doc[start]
    if token.ent_iob_ != "B" or token.ent_type_ not in NAME_LABELS_NOT_TITLES:
        return False
    last = end
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return last > end


@dataclass
class Scan:
    """A document read against the lexicon: its tokens' lookup keys and the NER's names by
    first token, computed once for every rule of the ruler."""

    doc: Doc
    lexicon: KBLexicon
    keys: list[str]
    ents_by_start: dict[int, Span] = field(default_factory=dict)
    #: The document's entities, read once (``doc.ents`` builds every Span each time it is asked).
    ents: tuple[Span, ...] = ()
    _next: dict[str, list[int]] = field(default_factory=dict)
    #: Each token's text and whether whitespace follows it, read once (``doc[i]`` builds a
    #: Token each time it is asked).
    texts: list[str] = field(default_factory=list)
    spaced: list[bool] = field(default_factory=list)
    _role_starts: list[bool] | None = None
    _shapes: tuple[list[int], list[int], list[int]] | None = None

    def next_where(self, name: str, test: Callable[[str], bool]) -> list[int]:
        """For each token, the first token at or after it whose key passes ``test`` (the
        document's length if none), computed once per document and ``name``: a cheap way for a
        rule to skip the many places where the word it needs does not come soon."""
        found = self._next.get(name)
        if found is None:
            found = [len(self.keys)] * (len(self.keys) + 1)
            for i in range(len(self.keys) - 1, -1, -1):
                found[i] = i if test(self.keys[i]) else found[i + 1]
            self._next[name] = found
        return found

    def hyphen_joined(self, left_end: int, right_start: int) -> bool:
        """``hyphen_joined`` on this document's tokens, read from the texts read once."""
        if right_start != left_end + 1 or left_end >= len(self.texts) or left_end < 1:
            return False
        return (
            self.texts[left_end] in {"-", "–"}
            and not self.spaced[left_end - 1]
            and not self.spaced[left_end]
        )

    def role_may_start(self, i: int) -> bool:
        """Whether a role phrase can start at token ``i`` at all: from its first word, the
        steps ``role_phrases`` takes (a determiner or possessive pronoun, a name with a
        possessive, then modifiers, country adjectives, lower-case adjectives, a name or ORG or
        FAC entity before a title, a description) must reach a title, every word of which
        the text has. A cheap test on every token, computed once per document, that spares
        the full parse the many tokens (verbs, numbers, "the" before no title) where it finds
        nothing."""
        return self.role_starts[i]

    @property
    def role_starts(self) -> list[bool]:
        """``role_may_start`` of every token, as one list (computed once per document)."""
        if self._role_starts is None:
            self._role_starts = self._compute_role_starts()
        return self._role_starts

    @property
    def shapes(self) -> tuple[list[int], list[int], list[int]]:
        """Each token's part of speech (``spacy.symbols`` id), ``is_lower`` and ``is_alpha``,
        read as arrays once: no Token is built."""
        if self._shapes is None:
            pos_of, lower_of, alpha_of = (
                column.tolist() for column in self.doc.to_array([POS, IS_LOWER, IS_ALPHA]).T
            )
            self._shapes = (pos_of, lower_of, alpha_of)
        return self._shapes

    def _compute_role_starts(self) -> list[bool]:
        # A phrase ends in a title: from each token, read right to left, whether the parse's
        # steps (modifier, "ex-", "pro-"/"anti-", country adjective, name or ORG/FAC entity
        # before a title, lower-case adjective, description) can reach a title. Most words
        # that could open a phrase ("the", "new", an adjective) are followed by no title.
        lex, keys, texts = self.lexicon, self.keys, self.texts
        n = len(keys)
        # Per word, once: the lengths of the KB names it may start, and whether a title may.
        shapes = lex.key_shapes(keys)
        titles = [shape[1] and lex.title_may_match(keys, i) for i, shape in enumerate(shapes)]
        # The first title at or after each token (none: beyond any description's reach).
        next_title = [n + MAX_DESCRIPTION_WORDS + 1] * (n + 1)
        for i in range(n - 1, -1, -1):
            next_title[i] = i if titles[i] else next_title[i + 1]
        pos_of, lower_of, alpha_of = self.shapes
        ents = self.ents_by_start
        reach = [False] * (n + 3)
        for j in range(n - 1, -1, -1):
            if titles[j]:
                reach[j] = True
                continue
            key, text = keys[j], texts[j]
            if key in MODIFIERS:
                reach[j] = reach[j + 1] or (self.hyphen_joined(j + 1, j + 2) and reach[j + 2])
            elif key == "ex" and j + 1 < n and texts[j + 1] == "-":
                reach[j] = reach[j + 2]
            elif key in ATTITUDE_PREFIXES and self.hyphen_joined(j + 1, j + 2):
                reach[j] = reach[j + 3]
            elif text[:1].isupper() and lex.country_of_adjective(text) is not None:
                reach[j] = reach[j + 1]
            if reach[j]:
                continue
            # A name or an ORG/FAC entity is read only before a title: "Kremlin spokesman".
            if shapes[j][0] and any(j + k < n and titles[j + k] for k in shapes[j][0]):
                reach[j] = True
                continue
            if j in ents:
                ent = ents[j]
                if ent.label_ in {"ORG", "FAC"} and ent.end < n and titles[ent.end]:
                    reach[j] = True
                    continue
            if not lower_of[j]:
                continue
            pos = pos_of[j]
            if pos == ADJ:
                # An adjective read as a modifier, or the first word of a description.
                reach[j] = reach[j + 1] or next_title[j + 1] <= j + MAX_DESCRIPTION_WORDS
            elif pos in (NOUN, PROPN) and alpha_of[j]:
                reach[j] = next_title[j + 1] <= j + MAX_DESCRIPTION_WORDS
        # Before the steps: a possessive name the steps go on after ("Russia's", "the
        # Kremlin's"), after a determiner or possessive pronoun, which is read first.
        # Most texts: no possessive before a phrase at all (many: no possessive anywhere).
        if POSSESSIVE_MARKERS.isdisjoint(texts):
            owner_end, any_owner = [], False
        else:
            owner_end = [t in POSSESSIVE_MARKERS and reach[m + 1] for m, t in enumerate(texts)]
            any_owner = any(owner_end)
        found = [False] * n
        for i in range(n):
            p = i + 1 if keys[i] in DETERMINERS or keys[i] in POSSESSIVE_PRONOUNS else i
            if p >= n:
                continue
            lengths = shapes[p][0]
            found[i] = reach[p] or (
                any_owner and bool(lengths) and any(p + k < n and owner_end[p + k] for k in lengths)
            )
            if found[i] and i > 0 and self.hyphen_joined(i - 1, i):
                found[i] = False  # no phrase starts right after a joining hyphen
        return found

    @classmethod
    def of(cls, doc: Doc, lexicon: KBLexicon) -> Scan:
        strings = doc.vocab.strings
        orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
        texts = [strings[orth] for orth in orths]
        spaced = [bool(space) for space in spaces]
        scan = cls(doc, lexicon, lexicon.token_keys(texts), texts=texts, spaced=spaced)
        scan.ents = doc.ents
        for ent in scan.ents:
            scan.ents_by_start.setdefault(ent.start, ent)
        return scan

    @property
    def kb(self) -> KnowledgeBase:
        return self.lexicon.kb


# --- word shapes -----------------------------------------------------------------------------


def is_standalone_name(token: Token) -> bool:
    """Whether a capitalised word stands alone, not inside a longer name: "Trump" in "Trump
    said", not in "Melania Trump" or "the Harris Poll"."""
    doc = token.doc

    def capitalised(other: Token) -> bool:
        return other.is_alpha and other.text[:1].isupper() and other.pos_ == "PROPN"

    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and INITIAL.match(before.text):
        return False  # "Susan E. Rice"
    # "Melania Trump": a capitalised word before (not a title such as "Mr.") makes a longer name.
    if (
        before is not None
        and capitalised(before)
        and not token.is_sent_start
        and not before.text.endswith(".")
        and before.lower_ not in {"mr", "mrs", "ms", "dr"}
    ):
        return False
    return not (after is not None and capitalised(after))


def hyphen_joined(doc: Doc, left_end: int, right_start: int) -> bool:
    """Whether tokens ``left_end`` .. ``right_start`` are one hyphen written without spaces."""
    if right_start != left_end + 1 or left_end >= len(doc) or left_end < 1:
        return False
    hyphen = doc[left_end]
    return (
        hyphen.text in {"-", "–"} and not doc[left_end - 1].whitespace_ and not hyphen.whitespace_
    )


def drop_possessive(span: Span) -> int:
    """The end token of ``span`` without a trailing possessive ("Putin's" -> "Putin")."""
    end = span.end
    while end > span.start and span.doc[end - 1].text in POSSESSIVE_MARKERS:
        end -= 1
    return end


def all_proper(span: Span) -> bool:
    """Capitalised words and the small words inside names ("of", "for", "the", "'s")."""
    for token in span:
        if token.text[:1].isupper() or token.lower_ in {"of", "for", "the", "and", "on", "de"}:
            continue
        if token.text in POSSESSIVE_MARKERS or token.text in {"-", "–"}:
            continue
        return False
    return True
