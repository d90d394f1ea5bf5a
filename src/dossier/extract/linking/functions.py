"""Institutions named by their function: "the foreign ministry", "the Ukrainian Defense
Ministry", "Russia's Investigative Committee", "parliament", "the military", "Russian troops".

The KB names an institution with its country ("Ministry of Defence (Ukraine)", "Russian Foreign
Ministry", "Armed Forces of Ukraine", "Ukrainian parliament"); without the country, what is left
is its function ("defence ministry", "foreign ministry", "armed forces", "parliament"), which
text uses with a country of its own or with none. ``FunctionIndex`` derives the functions from
the KB's names (no word list of institutions): function -> country -> actors. A few words name
the same function as a KB name does ("troops", "forces" and "military" for the armed forces;
"legislature" for parliament): ``FUNCTION_GROUPS``.

The ruler marks a function with the country the text gives it (``function_at``); the linker
resolves one without a country to the country the sentence, else the paragraph, else the
document is about (``LinkingContext.country_near``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from spacy.symbols import ADJ, AUX, PROPN, VERB

from dossier.extract.linking.lexicon import (
    Scan,
    folded,
    token_key,
)
from dossier.extract.linking.spelling import fold
from dossier.extract.linking.vocabulary import (
    ATTITUDE_PREFIXES,
    PAST_MODIFIERS,
    POSSESSIVE_MARKERS,
)
from dossier.kb.loader import KnowledgeBase
from dossier.kb.records import Actor

#: Words that name one function the KB names otherwise: a group holds its words most
#: institution-like first, and a text word of a group finds the KB actor of any word of it.
FUNCTION_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "armed forces",
        "military",
        "army",
        "military forces",
        "troops",
        "forces",
        "soldiers",
        "servicemen",
        "security forces",
        "government forces",
        "government troops",
    ),
    ("parliament", "legislature"),
    ("foreign ministry", "foreign affairs ministry", "ministry of foreign affairs"),
    ("defense ministry", "ministry of defense"),
    ("interior ministry", "ministry of interior", "ministry of internal affairs"),
)

#: Functions too common as plain words to mean an institution unless the text gives their
#: country: "Ukrainian troops" is Ukraine's army, "troops" alone anyone's.
NEED_A_COUNTRY = frozenset(
    {
        "troops",
        "forces",
        "soldiers",
        "servicemen",
        "military forces",
        "security forces",
        "government forces",
        "government troops",
        "army",
    }
)

#: Functions that, written with a capital, are a name of their own: "the Army", "an Army
#: offensive" is the country's army, "army" anyone's.
NAMES_WHEN_CAPITALISED = frozenset({"army"})

#: Actor types that can be an institution of a state.
INSTITUTION_TYPES = frozenset({"agency", "government", "company", "media", "party", "group"})

FunctionKey = tuple[str, ...]

#: Modifiers that put an institution in the past ("the former government"); "then-interim"
#: is the same institution at the time.
NO_LONGER = PAST_MODIFIERS - {"then"}

#: Modifiers that put an institution below the state: "the regional government".
BELOW_THE_STATE = frozenset(
    {"regional", "local", "provincial", "municipal", "district", "city", "county", "separatist"}
)

#: Most words before a function's first word: an article, a country (a possessive name
#: takes up to three), two adjectives.
MAX_BEFORE_FUNCTION = 6


def _key(text: str) -> FunctionKey:
    return folded(token_key(w) for w in text.split())


class FunctionIndex:
    """The KB's institutions by function and country (see the module docstring).

    kb: the knowledge base; words: splits a name into words as the pipeline's tokenizer does.
    """

    def __init__(self, kb: KnowledgeBase, words: Callable[[str], tuple[str, ...]]) -> None:
        self.kb = kb
        self._words = words
        self._country_names = self._country_name_keys()
        #: Functions the KB writes in lower case somewhere ("Ukrainian parliament") or that are
        #: common nouns anyway (``FUNCTION_GROUPS``); any other one-word function is a name
        #: and needs its capital ("the Senate", not "the house").
        self.common_nouns: set[FunctionKey] = {_key(w) for g in FUNCTION_GROUPS for w in g}
        #: function key -> country -> actor ids, in KB order.
        self.actors: dict[FunctionKey, dict[str, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        second_tier = getattr(kb, "second_tier", frozenset())
        for actor in kb.actors.values():
            # The imported second tier names offices and posts as organisations ("American
            # Vice President"): only the curated KB's institutions give functions.
            if actor.type not in INSTITUTION_TYPES or not actor.country or actor.id in second_tier:
                continue
            for name in (actor.name, *actor.aliases):
                for key, lower in self._functions_of(name, actor.country):
                    ids = self.actors[key][actor.country]
                    if actor.id not in ids:
                        ids.append(actor.id)
                    if lower:
                        self.common_nouns.add(key)
        self.groups: dict[FunctionKey, list[FunctionKey]] = {}
        for group in FUNCTION_GROUPS:
            keys = [_key(w) for w in group]
            if any(k in self.actors for k in keys):
                for k in keys:
                    self.groups[k] = keys
        self.keys = set(self.actors) | set(self.groups)
        self.max_words = max((len(k) for k in self.keys), default=1)
        self.starts = {k[0] for k in self.keys}
        #: By first word, the length of the longest function starting with it.
        self.longest_from: dict[str, int] = {}
        for k in self.keys:
            self.longest_from[k[0]] = max(self.longest_from.get(k[0], 0), len(k))
        self._need_country = {_key(w) for w in NEED_A_COUNTRY}
        self._names_when_capitalised = {_key(w) for w in NAMES_WHEN_CAPITALISED}

    # --- building ------------------------------------------------------------------------

    def _country_name_keys(self) -> dict[str, set[FunctionKey]]:
        names: dict[str, set[FunctionKey]] = defaultdict(set)
        for actor in self.kb.actors.values():
            if actor.type == "country" and actor.country:
                for name in (actor.name, *actor.aliases):
                    names[actor.country].add(self._name_key(name))
        return names

    def _name_key(self, name: str) -> FunctionKey:
        words = [w for w in self._words(name) if w.lower() != "the"]
        return folded(token_key(w) for w in words)

    def _functions_of(self, name: str, country: str) -> list[tuple[FunctionKey, bool]]:
        """The functions one name of an institution of ``country`` gives, with the country's
        adjective, possessive name, "of <country>" or "(<country>)" taken away; none when the
        name has no country in it ("Gazprom", "Naftogaz")."""
        words = list(self._words(name))
        if words and words[0].lower() == "the":
            words = words[1:]
        stripped = False
        if "(" in words and words[-1] == ")":
            inside = words[words.index("(") + 1 : -1]
            if folded(token_key(w) for w in inside) in self._country_names[country]:
                words = words[: words.index("(")]
                stripped = True
        if not stripped and words and self.kb.country_of_adjective(words[0]) == country:
            words = words[1:]
            stripped = True
        if not stripped:
            # "Russia's Foreign Ministry", "U.S. Senate": the country's name before it.
            for end in range(1, len(words)):
                if folded(token_key(w) for w in words[:end]) in self._country_names[country]:
                    possessive = words[end] in POSSESSIVE_MARKERS
                    words = words[end + 1 :] if possessive else words[end:]
                    stripped = True
                    break
        if not stripped and "of" in words:
            at = len(words) - 1 - words[::-1].index("of")
            rest = [w for w in words[at + 1 :] if w.lower() != "the"]
            if rest and folded(token_key(w) for w in rest) in self._country_names[country]:
                words = words[:at]
                stripped = True
        if not stripped or not words:
            return []
        key = folded(token_key(w) for w in words)
        keys = [key]
        ministry, of = _key("ministry")[0], "of"
        if len(key) > 2 and key[0] == ministry and key[1] == of:
            keys.append((*key[2:], ministry))  # "ministry of defence" -> "defence ministry"
        elif len(key) > 1 and key[-1] == ministry:
            keys.append((ministry, of, *key[:-1]))
        lower = all(not w[:1].isupper() for w in words)
        return [(k, lower) for k in keys]

    # --- lookup --------------------------------------------------------------------------

    def match(self, keys: list[str], j: int) -> int | None:
        """The end of the longest function starting at token ``j`` of a scan's keys."""
        longest = self.longest_from.get(fold(keys[j]))
        if longest is None:
            return None
        # Folded only as far as the longest function starting with this word reaches.
        folds = tuple(fold(k) for k in keys[j : j + min(longest, self.max_words)])
        for n in range(len(folds), 0, -1):
            if folds[:n] in self.keys:
                return j + n
        return None

    def needs_country(self, key: FunctionKey) -> bool:
        return key in self._need_country

    def is_name(self, key: FunctionKey) -> bool:
        """Whether a one-word function written with a capital is a name ("the House", "the
        Senate", "the Army"), which needs neither a country nor "the" before it."""
        return len(key) == 1 and (
            key not in self.common_nouns or key in self._names_when_capitalised
        )

    def actors_for(self, key: FunctionKey, country: str) -> list[Actor]:
        """The KB institutions of ``country`` with this function: its own name first, then
        another word of its group."""
        ids = self.actors.get(key, {}).get(country)
        if not ids:
            for other in self.groups.get(key, ()):
                ids = self.actors.get(other, {}).get(country)
                if ids:
                    break
        return [self.kb.actors[i] for i in ids or ()]

    def countries_for(self, key: FunctionKey) -> set[str]:
        """The countries that have an institution with this function."""
        found = set(self.actors.get(key, {}))
        for other in self.groups.get(key, ()):
            found |= set(self.actors.get(other, {}))
        return found


def function_words_ahead(scan: Scan, index: FunctionIndex) -> list[int]:
    """For each token, the first token at or after it whose word may start a function: no
    phrase of ``function_at`` starts more than ``MAX_BEFORE_FUNCTION`` tokens before one."""
    return scan.next_where("function", lambda k: fold(k) in index.starts)


#: The words ``function_at`` reads as the article before a function.
FUNCTION_DETERMINERS = frozenset({"the", "a", "an", "this"})


def function_may_start(scan: Scan, index: FunctionIndex) -> list[bool]:
    """For each token, whether ``function_at`` may find a phrase there (it finds none where
    this is False): a function word must come within ``MAX_BEFORE_FUNCTION`` tokens, and the
    phrase's first word must be what ``function_at`` reads first: an article, a capitalised
    word (a country's adjective or name), a function's first word, a lower-case adjective, or
    a word a hyphen follows ("Western-backed"). Read once per document, so that the many
    tokens that pass the first test alone (any word a few before "government") are not parsed.
    A capitalised word is read first only as a country's adjective or the start of a KB name
    (a country's possessive): any other is read on only as a function's first word or before
    a hyphen, the tests that follow."""
    ahead = function_words_ahead(scan, index)
    keys, texts = scan.keys, scan.texts
    pos_of, lower_of, _ = scan.shapes
    starts = index.starts
    adjective_country = scan.lexicon.country_of_adjective
    name_may_start = scan.lexicon.name_may_start
    last = len(keys) - 1
    return [
        ahead[i] <= i + MAX_BEFORE_FUNCTION
        and (
            key in FUNCTION_DETERMINERS
            or (
                texts[i][:1].isupper()
                and (adjective_country(texts[i]) is not None or name_may_start(key))
            )
            or (pos_of[i] == ADJ and lower_of[i])
            or (i < last and texts[i + 1] in ("-", "–"))
            or fold(key) in starts
        )
        for i, key in enumerate(keys)
    ]


def function_at(
    scan: Scan, index: FunctionIndex, i: int
) -> tuple[int, FunctionKey, str | None] | None:
    """An institution named by its function from token ``i``: "the defence ministry",
    "Ukrainian troops", "Russia's Investigative Committee". Returns (end token, function key,
    the country the text gives or None)."""
    doc, keys, lex = scan.doc, scan.keys, scan.lexicon
    pos_of, lower_of, _ = scan.shapes  # read as arrays: ``doc[j]`` builds a Token each time
    n = len(doc)
    # Most words start no such phrase: a function word must come within the next few.
    if function_words_ahead(scan, index)[i] > i + MAX_BEFORE_FUNCTION:
        return None
    j = i
    determiner = None
    if keys[j] in FUNCTION_DETERMINERS:
        determiner = keys[j]
        j += 1
    country = None
    if j >= 2 and scan.hyphen_joined(j - 1, j) and keys[j - 2] in ATTITUDE_PREFIXES:
        return None  # "pro-Russian forces" are not Russia's
    if j < n and scan.texts[j][:1].isupper():
        country = lex.country_of_adjective(scan.texts[j])
        if country is not None:
            j += 1
        else:
            match = lex.match_name(doc, keys, j, kinds=("actor",))
            if (
                match is not None
                and match[0] < n
                and scan.texts[match[0]] in POSSESSIVE_MARKERS
                and lex.country_of_name(match[1]) is not None
            ):
                country = lex.country_of_name(match[1])
                j = match[0] + 1
    modifiers = 0
    while j < n and modifiers < 2:
        if index.match(keys, j) is not None:
            break
        if keys[j] in BELOW_THE_STATE or keys[j] in NO_LONGER:
            return None  # "the regional government" is not the country's, "former" not now
        if pos_of[j] == ADJ and lower_of[j]:
            j += 1  # "the interim government", "the new defence ministry"
        elif j + 2 < n and scan.hyphen_joined(j + 1, j + 2) and lower_of[j + 2]:
            j += 3  # "the Western-backed government", "the newly-formed ministry"
        else:
            break
        modifiers += 1
    if j >= n:
        return None
    end = index.match(keys, j)
    if end is None:
        return None
    key = folded(keys[j:end])
    if pos_of[end - 1] in (ADJ, VERB, AUX):
        return None  # "military aid", "forces them": a modifier or a verb, no institution
    if len(key) == 1 and key not in index.common_nouns and not scan.texts[j][:1].isupper():
        return None  # "near the house" is no House of Representatives
    if end + 1 < n and scan.hyphen_joined(end, end + 1):
        return None  # "the government-controlled air base"
    if end < n and pos_of[end] == PROPN and scan.texts[end][:1].isupper():
        return None  # "Defense Ministry Spokesman Igor Konashenkov" is a title of a name
    title = lex.match_title(doc, keys, j)
    if title is not None and title[0] >= end and title[2] != "government":
        return None  # "the vice president", "commander in chief": a title names a person
    named = country is None and _named_function(scan, index, key, i, j, end)
    if (
        country is None
        and not named
        and (determiner not in {"the", "this"} or index.needs_country(key))
    ):
        return None
    if country is None:
        name = lex.match_name(doc, keys, j, kinds=("actor",))
        if name is not None and name[0] >= end:
            return None  # "the State Department" is the KB's name of one institution
    return end, key, country


def _named_function(
    scan: Scan, index: FunctionIndex, key: FunctionKey, i: int, j: int, end: int
) -> bool:
    """ "the House", "a House subpoena", "House investigators", "an Army offensive": a function
    named by its capitalised word alone, with "the", or before a noun it qualifies. At the start
    of a sentence a capital says nothing ("House prices rose"), and a word that continues a
    longer name ("the Opera House") is that name's."""
    doc = scan.doc
    if not index.is_name(key) or not scan.texts[j][:1].isupper():
        return False
    if doc[j].ent_iob_ == "I" or (j == i and doc[j].is_sent_start):
        return False
    if i < j and scan.keys[i] in {"the", "this"}:
        return True
    return end < len(doc) and doc[end].pos_ == "NOUN"
