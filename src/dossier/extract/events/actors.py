"""An event's actors: the linked mentions of the phrases around its trigger, kept as sets.

A phrase's actors are every linked mention inside it, so a compound subject keeps all its
members ("the presidents of Russia, Belarus and Kazakhstan" is three sources; "Russia and
Belarus" two). A phrase with no linked mention falls back, in order, on a country adjective or
people noun of the KB ("Ukrainian cheese", "Russian troops"), on the nearest earlier actor for a
pronoun ("it cuts off the gas" after "Russia"), and on its own words as an unlinked actor
("Kremlin critics"), which counts only when the other side of the event is linked.

A place named as the scene of the event ("in Minsk") is its location, not an actor; a place the
linker took for a government (a metonym, "Moscow banned") is an actor.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dossier.extract.document import text_of
from dossier.extract.events.actor_words import (
    DATELINE,
    LEADERS,
    OFFICIALS,
    PHRASE_CLAUSES,
    PLACE_NOUNS,
    PRONOUNS,
    SCENE,
    SECTOR_OF_TYPE,
    paragraph_breaks,
    sided,
)
from dossier.extract.events.antecedents import Antecedents
from dossier.extract.events.blocs import grouping_of
from dossier.extract.events.lexicon import GROUP_NOUNS
from dossier.extract.quotes.pronouns import GENDER
from dossier.extract.quotes.speakers import MentionIndex
from dossier.kb.loader import KnowledgeBase
from dossier.model import EventActor, Mention


def _known(actors: list[EventActor]) -> bool:
    return any(actor.actor_id or actor.country for actor in actors)


def mention_actor(mention: Mention, sector: str | None = None) -> EventActor:
    """The actor a linked mention names (its actor, id and country), read from its span."""
    return EventActor(
        actor=mention.actor,
        actor_id=mention.actor_id,
        country=mention.country,
        sector=sector,
        mention_start=mention.start,
        mention_end=mention.end,
    )


class ActorFinder(Antecedents):
    """Actors of phrases of one document."""

    def __init__(
        self,
        mentions: list[Mention],
        kb: KnowledgeBase | None,
        countries: dict[str, str] | None = None,
        day: str | None = None,
        capitals: dict[str, str] | None = None,
        text: str = "",
        territories: dict[str, str] | None = None,
    ) -> None:
        """text: the document's text (``Doc.text`` builds it anew on each read)."""
        self.text = text
        self.breaks = paragraph_breaks(text)
        self.index = MentionIndex(mentions)
        self.kb = kb
        self.countries = countries or {}
        self.capitals = capitals or {}
        self.territories = territories or {}  # regions and cities -> their state
        self.day = day
        self._gender_of: dict[str, str] | None = None

    def same_paragraph(self, token: Token, head: Token) -> bool:
        """Whether no paragraph break lies between ``token`` and ``head``."""
        low, high = sorted((token.idx, head.idx))
        at = bisect.bisect_left(self.breaks, low)
        return at == len(self.breaks) or self.breaks[at] >= high

    def _detached(self, mention: Mention, head: Token) -> bool:
        """Whether ``mention`` is no part of ``head``'s phrase however the parse joined them:
        it lies across a paragraph break (a byline, "Special for ...", run into the first
        sentence), or it is a dateline ("MOSCOW — ", "KHARKIV, Ukraine — "), which says where
        it was written."""
        low, high = sorted((mention.start, head.idx))
        at = bisect.bisect_left(self.breaks, low)
        if at < len(self.breaks) and self.breaks[at] < max(high, mention.end):
            return True
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        return mention.start == line_start and DATELINE.match(self.text, mention.start) is not None

    def phrase_tokens(self, head: Token) -> list[Token]:
        """``head``'s phrase: its subtree without relative or other clauses, in text order."""
        tokens = [head]
        todo = [head]
        while todo:
            token = todo.pop()
            for child in token.children:
                if child.dep_ in PHRASE_CLAUSES or (child.dep_ == "prep" and child.lower_ in SCENE):
                    continue
                if child.dep_ == "appos" and token.pos_ == "PROPN":
                    continue  # "Pakistan, a key U.S. ally": what the name is, not a co-actor
                tokens.append(child)
                todo.append(child)
        return sorted((t for t in tokens if self.same_paragraph(t, head)), key=lambda t: t.i)

    def phrase_mentions(self, head: Token) -> list[Mention]:
        """The linker's mentions that start on a word of ``head``'s phrase."""
        tokens = self.phrase_tokens(head)
        starts = {(t.idx, t.idx + len(t.text)) for t in tokens}
        first, last = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return [
            m
            for m in self.index.covering(first, last)
            if any(start <= m.start < end for start, end in starts)
        ]

    def actors(
        self,
        head: Token,
        target: bool = False,
        besides: frozenset[str] = frozenset(),
        members: bool = True,
        land: bool = False,
    ) -> tuple[EventActor, ...]:
        """The actors a phrase headed by ``head`` names (see the module doc); () for none.

        target: the phrase is what the event is done to, where a territory stands for the
        state it belongs to ("annexed Crimea", "shelled Donetsk").
        land: the act is done to land (an attack, a seizure): a region or city the linker
        gives no country is its state's, and "the territory" the place named last.
        members: "the leaders of the union" are its member states (False: the union itself).
        """
        found: list[EventActor] = []
        seen: set[str] = set()
        owners: list[Mention] = []
        places: list[Mention] = []
        mentions = self.phrase_mentions(head)
        # A capital listed with actors ("outrage in Kiev and the West") is its government.
        listed = len(mentions) > 1 and any(not self._is_place(m) for m in mentions)
        for mention in mentions:
            if self._detached(mention, head) or self._side_of(mention, head):
                continue
            capital = self._capital_state(mention, head) if listed else None
            if capital is not None:
                if (capital.actor_id or capital.actor) not in seen:
                    seen.add(capital.actor_id or capital.actor)
                    found.append(capital)
                continue
            if self._owner(mention, head):
                owners.append(mention)
                continue
            subject = head.dep_ in ("nsubj", "nsubjpass", "csubj") and mention.start <= head.idx
            if land and mention.country is None and mention.start <= head.idx < mention.end:
                mention = self._territory(mention)  # "annexed Crimea": Ukraine's
            if self._is_place(mention) and not (target and mention.country) and not subject:
                # A place as a place: the event's location, not its actor. A place that is
                # itself the subject ("Arnor restored ties") stands for those who rule it.
                places.append(self._territory(mention))
                continue
            mention = self._titled(self._with_country(self._country_named(mention)), head.doc)
            key = mention.actor_id or mention.actor
            if key in seen:
                continue
            seen.add(key)
            found.append(self._from_mention(mention))
        at_head = [a for a in found if a.mention_start <= head.idx < a.mention_end]
        if found and not at_head and any(c.dep_ == "conj" for c in head.children):
            # "between the union and Iran": "the union" is the body named before, beside the
            # names listed with it.
            body = self._body_before(head)
            if body is not None and (body.actor_id or body.actor) not in seen:
                found.insert(0, body)
        if at_head and len(found) > len(at_head) and self._people_noun(head):
            # "the Hungarians of Slovakia" (the people a mention): residents of the place.
            placed = [a for a in found if a not in at_head and a.country]
            found = placed or found
        if found == at_head and len(found) == 1 and self._ethnic(head):
            home = self.sentence_country(head.sent, {found[0].country or ""})
            if home is not None:
                return (replace(found[0], country=home, actor=home, actor_id=None),)
        if found and not any(a.mention_start <= head.idx < a.mention_end for a in found):
            # A common noun with names and adjectives before it ("Latvian and Estonian
            # diplomats", one linked and one not): every country they name; but a people
            # placed in a country ("the Serbs of Bosnia") are that country's residents.
            named = {a.country for a in found}
            resident = self._people_noun(head) and any(named)
            found += [
                a
                for a in self._demonyms(head)
                if a.country not in named and not (resident and a.mention_start == head.idx)
            ]
        if found and not _known(found):
            # An unlinked person with a country adjective ("Israeli President X") acts for it,
            # or of a region ("the governor of the Tyumen region, X") for the region's state.
            named = [*self._demonyms(head), *(p for p in places if p.country)]
            if named:
                found = [replace(a, country=named[0].country) for a in found]
        if len(found) == 1 and head.lower_ in LEADERS and not target and members:
            members = self.members(found[0])
            if members:
                return members
        owned = self._possessors(head, [*found, *map(self._from_mention, owners)])
        if target and owned:
            # "an inquiry into Trump's dealings with Kyiv", "condemned Moscow's conduct": an
            # act aimed at what someone did is aimed at its owner, not at the others named.
            return owned
        if found:
            return tuple(found)
        if owners:
            # "Putin's spokesman": someone unnamed, of the owner's country.
            return (replace(self.words(head), country=self._with_country(owners[0]).country),)
        adjectives = self._demonyms(head)
        if adjectives and self._ethnic(head):
            # "ethnic Albanians demonstrated in Serbia": a minority acts in its country of
            # residence, the one its sentence names besides its own.
            home = self.sentence_country(head.sent, {adjectives[0].country or ""})
            if home is not None:
                return (replace(adjectives[0], country=home, actor=home, actor_id=None),)
        if adjectives:
            return adjectives
        grouping = self._grouping(head)
        if grouping is not None:
            return (grouping,)
        if head.lower_ in ("they", "their"):
            people = self._people_before(head)
            if people:
                return people
        issuer = self.issuer_before(head)  # "A decree issued by X said ... It proposed"
        if issuer is not None and (issued := self.actors(issuer, target, besides)):
            return issued
        if head.lower_ in PRONOUNS:
            person = head.lower_ in ("he", "she", "his", "her", "him")
            gender = GENDER.get(head.lower_) if person else None
            earlier = self._before(
                head.idx, person, besides, self._genders(head.doc, gender), pronoun=head
            )
            return (earlier,) if earlier is not None else ()
        body = self._body_before(head)
        if body is not None:
            return (body,)
        if land and head.lower_ in PLACE_NOUNS and any(c.lower_ == "the" for c in head.children):
            # "seized Crimea ... and annexed the territory": the place named last.
            places = [m for m in self.index.covering(0, head.idx) if m.end <= head.idx]
            places = [self._territory(m) for m in places if self._is_place(m)]
            if places and places[-1].country:
                return (self._from_mention(places[-1]),)
        return () if target else self._from_places(head)

    def _capital_state(self, mention: Mention, head: Token) -> EventActor | None:
        """The government a capital stands for where it is named as a place ("Kiev"); None
        for any other mention."""
        if not self._is_place(mention):
            return None
        # By the name as written or as the linker canonicalised it ("Kiev": Kyiv).
        country = self.capitals.get(mention.text.lower()) or self.capitals.get(
            mention.actor.lower()
        )
        span = head.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return None if country is None or span is None else self.state(country, span[0])

    def _side_of(self, mention: Mention, head: Token) -> bool:
        """Whether ``mention`` only names the side a phrase's people take ("a pro-Kremlin
        rally", "anti-Kyiv protesters"): the rally is not the Kremlin's."""
        if mention.start <= head.idx < mention.end:
            return False
        span = head.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and sided(span[0])

    def _grouping(self, head: Token) -> EventActor | None:
        """A grouping of states a phrase names by its adjective alone ("new Western
        sanctions", ``blocs``), not after "pro-" or "anti-"; None for none."""
        for token in self.phrase_tokens(head):
            actor = None if sided(token) else grouping_of(token, self.kb)
            if actor is not None:
                return EventActor(
                    actor=actor.name,
                    actor_id=actor.id,
                    country=actor.country,
                    sector=actor.sector,
                    mention_start=token.idx,
                    mention_end=token.idx + len(token.text),
                )
        return None

    def _territory(self, mention: Mention) -> Mention:
        """A region or city with the country it lies in (GeoNames) where the linker gave none."""
        if mention.country is not None or not self._is_place(mention):
            return mention
        place = mention.text.lower().removeprefix("the ")
        return replace(mention, country=self.territories.get(place))

    def _from_places(self, head: Token) -> tuple[EventActor, ...]:
        """A body the KB does not know, of a country its phrase places it in ("Israel's high
        court", "opposition groups in Zimbabwe", "Ankara's district administration"): that
        country, as the last resort before the phrase's bare words."""
        # Not its relative clauses: "the insurgents, who seized buildings in Ukraine" are not
        # placed by the places of what they did ("a group based in Trinidad" is).
        clauses = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
        tokens = [t for t in head.subtree if t.i not in clauses and self.same_paragraph(t, head)]
        first, last = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
        for mention in self.index.covering(first, last):
            if not any(t.idx == mention.start for t in tokens) or self._detached(mention, head):
                continue
            country = self._with_country(mention).country
            if country is not None and mention.label in ("GPE", "LOC"):
                return (
                    EventActor(
                        actor=mention.actor,
                        country=country,
                        mention_start=mention.start,
                        mention_end=mention.end,
                    ),
                )
        return ()

    def words(self, head: Token) -> EventActor:
        """The phrase's own words as an unlinked actor."""
        tokens = self.phrase_tokens(head)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = self.text[start:end] if self.text else text_of(head.doc)[start:end]
        if text.lower().startswith(("the ", "a ", "an ")):
            text = text.split(" ", 1)[1]
        return EventActor(actor=text, mention_start=start, mention_end=end)

    def _is_place(self, mention: Mention) -> bool:
        """A city or region named as a place ("in Minsk"), not a country or a metonym."""
        if mention.actor_id is not None or mention.metonym or mention.label not in ("GPE", "LOC"):
            return False
        return mention.text.lower().removeprefix("the ") not in self.countries

    def _with_country(self, mention: Mention) -> Mention:
        """An unlinked country name or adjective given its country from the event lexicon's
        table (the KB holds the countries the corpus is about, not every state)."""
        if mention.country is not None or mention.label not in ("GPE", "NORP", "ORG"):
            return mention
        word = mention.text.lower().removeprefix("the ")
        country = self.countries.get(word)
        if country is None and mention.label == "GPE":
            country = self.capitals.get(word)
        if country is None:
            return mention
        return replace(mention, country=country)

    def _possessors(self, head: Token, actors: list[EventActor]) -> tuple[EventActor, ...]:
        """Those of ``actors`` who own the thing ``head`` names ("Moscow's conduct"); () for a
        name, a person or an official, which are actors themselves ("Putin's envoy")."""
        if head.pos_ != "NOUN" or head.lower_ in LEADERS | OFFICIALS | GROUP_NOUNS:
            return ()
        owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return tuple(
            a
            for a in actors
            if any(a.mention_start <= o.idx < a.mention_end for o in owners)
            and not a.mention_start <= head.idx < a.mention_end  # "his counterpart, X": X
        )

    def _owner(self, mention: Mention, head: Token) -> bool:
        """Whether a person's name only says whose the phrase's person is ("Trump's lawyer",
        "Trump associates"): the lawyer acts, not Trump. A person's government or
        officials ("Putin's government") are his state's, so he stays."""
        if mention.label != "PERSON":
            return False
        span = head.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        owned = root.head
        return (
            root.dep_ in ("poss", "compound")
            and owned.pos_ == "NOUN"
            and owned.i != root.i
            and owned.lower_ not in LEADERS | OFFICIALS | {"administration", "campaign"}
            and not (owned.i >= span.start and owned.i < span.end)
        )

    def _people_noun(self, head: Token) -> bool:
        """Whether ``head`` names a people ("Albanians", "Serbs"), not its state's officials."""
        return head.tag_ in ("NNS", "NNPS") and self._country_of_word(head) is not None

    def _ethnic(self, head: Token) -> bool:
        """Whether ``head`` is an ethnic people ("ethnic Albanians")."""
        return self._people_noun(head) and any(c.lower_ == "ethnic" for c in head.children)

    def _country_named(self, mention: Mention) -> Mention:
        """A bare word the linker took for a person's surname with no fuller mention before it,
        when the word names a country ("Jordan and Britain agreed"): the country, since a
        person is introduced by a fuller name first."""
        if mention.resolution != "surname" or " " in mention.text:
            return mention
        country = self.countries.get(mention.text.lower())
        if country is None or not mention.text[:1].isupper():
            return mention
        actor = None
        if self.kb is not None:
            actor = self.kb.government_actor(country) or self.kb.country_actor(country)
        return replace(
            mention,
            label="GPE",
            actor_id=actor.id if actor else None,
            actor=actor.name if actor else mention.text,
            country=country,
            metonym=True,
            resolution="metonym",
        )

    def _from_mention(self, mention: Mention) -> EventActor:
        sector = None
        if self.kb is not None and mention.actor_id is not None:
            try:
                actor = self.kb.actor(mention.actor_id)
            except KeyError:
                actor = None
            if actor is not None:
                sector = actor.sector or SECTOR_OF_TYPE.get(actor.type)
        return mention_actor(mention, sector)

    def _country_of_word(self, token: Token) -> str | None:
        """The country a word names as an adjective or people noun ("Ukrainian", "Serbs");
        None after "pro-" or "anti-", which name a side, not a country ("pro-Russia
        militants")."""
        if sided(token):
            return None
        country = None
        if self.kb is not None:
            country = self.kb.country_of_adjective(token.text)
            country = country or self.kb.country_of_people_noun(token.text)
        if country is None and token.pos_ in ("ADJ", "PROPN", "NOUN"):
            country = self.countries.get(token.lower_)
        if country is None and token.pos_ == "PROPN" and token.text[:1].isupper():
            country = self.capitals.get(token.lower_)  # "the Cairo government"
        return country

    def _demonyms(self, head: Token) -> tuple[EventActor, ...]:
        """The countries a phrase names by adjectives or people nouns, each once ("Hungarian
        and Romanian officials" is two)."""
        found: list[EventActor] = []
        for token in self.phrase_tokens(head):
            country = self._country_of_word(token)
            if country is None or any(a.country == country for a in found):
                continue
            # "Russian officials" are the state; "Moldovan farmers" only of it.
            official = head.i != token.i and head.lower_ in OFFICIALS
            actor = None
            if self.kb is not None and official:
                actor = self.kb.government_actor(country) or self.kb.country_actor(country)
            found.append(
                EventActor(
                    actor=actor.name if actor else country,
                    actor_id=actor.id if actor else None,
                    country=country,
                    sector="government" if official else None,
                    mention_start=token.idx,
                    mention_end=token.idx + len(token.text),
                )
            )
        return tuple(found)

    def _titled(self, mention: Mention, doc_tokens: Doc) -> Mention:
        """An unlinked name after a country adjective acts for that country ("Libyan leader
        Muammar Gaddafi"): the words just before the name, back to a comma or conjunction."""
        if mention.country is not None or mention.label not in ("PERSON", "ORG"):
            return mention
        span = doc_tokens.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return mention
        for token in reversed(doc_tokens[max(span.start - 3, 0) : span.start]):
            if token.dep_ in ("cc", "punct") or token.pos_ in ("VERB", "ADP"):
                break
            country = self._country_of_word(token)
            if country is not None:
                return replace(mention, country=country)
        return mention

    def sentence_country(self, sentence: Span, besides: set[str]) -> str | None:
        """The first country the sentence names, by a place, a capital or an adjective, other
        than ``besides``: where an actor without a country of its own acts ("President X
        threatened a curfew in Algiers", "Senator Y of the Kenyan parliament resigned")."""
        places = {}
        for mention in self.index.covering(sentence.start_char, sentence.end_char):
            if mention.label in ("GPE", "NORP", "LOC"):
                country = self._with_country(mention).country
                if country is not None:
                    places[mention.start] = country
        for token in sentence:
            if sided(token):
                continue
            country = places.get(token.idx) or self._country_of_word(token)
            if country is not None and country not in besides:
                return country
        return None

    def state(self, country: str, at: Token) -> EventActor:
        """The state ``country`` as an actor (its government where the KB knows it), placed
        on the word ``at`` that stands for it."""
        actor = None
        if self.kb is not None:
            actor = self.kb.government_actor(country) or self.kb.country_actor(country)
        return EventActor(
            actor=actor.name if actor else country,
            actor_id=actor.id if actor else None,
            country=country,
            sector="government",
            mention_start=at.idx,
            mention_end=at.idx + len(at.text),
        )

    def location(self, head: Token) -> str | None:
        """The place a phrase names as a place ("Minsk"), None when it names none."""
        for mention in self.phrase_mentions(head):
            if self._is_place(mention) or mention.label == "FAC" and mention.actor_id is None:
                return mention.actor
        return None
