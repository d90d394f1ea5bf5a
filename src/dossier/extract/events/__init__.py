"""Who did what to whom, and when: the ``dossier_events`` component.

Read top to bottom: each sentence's triggers and their argument phrases come from the parse
(``triggers``); each phrase's actors from the linker's mentions, as sets (``actors``); whether
the event happened from the trigger's clause (``modality``); its date from the time stage: a
time expression in the trigger's clause, else the sentence's reference time
(``dossier_fact_time``); its PLOVER type, CAMEO code and Goldstein score from the lexicon
(``lexicon``, shipped as ``kb/data/event_lexicon.csv``).

An event needs a named actor on one side at least: a mention (linked to the KB or not: the
KB holds the region's actors, the world's are named too) or a country a word names; a trigger
whose sides are only common nouns ("the committee banned smoking") is left out.

A directed act (``records.DIRECTED``: PLOVER 2 types whose definition names a recipient: one
accuses, asks, rejects, threatens, supports, sanctions, aids, yields to, attacks or coerces
someone) whose recipient the document does not give is an incomplete record of who did what to whom
("he blasted the inquiry", "she insisted"): it stays out of ``doc._.dossier_events`` (and the
store), kept with every other coded act in ``doc._.dossier_event_candidates``, where a reader
classifying one sentence known to report an event (PLOVER, PETRARCH2 records) reads its type.

Output: ``doc._.dossier_events`` (``Event`` facts) and, in ``doc._.dossier_links``,
``source_actor`` and ``target_actor`` links from each event to its actors' mentions;
``doc._.dossier_event_candidates`` (see above). Runs after ``dossier_linker`` and
``dossier_fact_time``.
"""

from __future__ import annotations

from spacy.attrs import DEP, IDX, LOWER
from spacy.tokens import Doc, Span, Token

from dossier.extract import document
from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.aims import aimed
from dossier.extract.events.answers import ANSWERING, answered, answers_claims
from dossier.extract.events.applications import own_application
from dossier.extract.events.challenges import challenged
from dossier.extract.events.claims import ACCUSE_CAMEO, accused_by, claim_noun, holder
from dossier.extract.events.concerns import condemned
from dossier.extract.events.crowds import protesters
from dossier.extract.events.fights import in_fight
from dossier.extract.events.founding import founding_parties, ratified_with
from dossier.extract.events.frames import framing
from dossier.extract.events.hedges import hedged
from dossier.extract.events.hostilities import foe_missing
from dossier.extract.events.lexicon import GROUP_NOUNS, EventLexicon, Lemmas, load_lexicon
from dossier.extract.events.modality import modality_of
from dossier.extract.events.opponents import with_opponents
from dossier.extract.events.purposes import no_act_told
from dossier.extract.events.records import DIRECTED, complete
from dossier.extract.events.referenced import referenced
from dossier.extract.events.sides import distinct, placed, sides
from dossier.extract.events.triggers import Trigger, demanded_by, sentence_triggers
from dossier.extract.fact_time import timex_reference
from dossier.extract.stages import LexiconStage, fact_link, put_facts, register
from dossier.kb.loader import KnowledgeBase, load_kb
from dossier.model import Event, EventActor, FactLink, Mention, Timex

EXTRACTOR = "dossier_events"
#: Types whose acts, said of the future or under a condition, are promises (AGREE) or threats
#: (THREATEN): the PLOVER 2 manual codes "will sign", "would allow" as AGREE and "would
#: blockade", "will cut off aid" as THREATEN, never as the act plus a modality of its own type.
PROMISED = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
THREATENED = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"})
#: CAMEO codes given to such a promise or threat (intent to cooperate; threaten).
PROMISE_CAMEO, THREAT_CAMEO, DEMAND_CAMEO = "030", "130", "100"
BLOCKADE_CAMEO, REJECT_CAMEO, CRITICISE_CAMEO = "191", "120", "111"
DEMONSTRATE_CAMEO, ABDUCT_CAMEO = "141", "181"
#: Those whose gathering is a demonstration, not a meeting ("a crowd gathered on the square").
CROWDS = frozenset({"crowd", "crowds", "protesters", "demonstrators", "thousands", "hundreds"})


def _crowd(trigger: Trigger) -> bool:
    """Whether ``trigger``'s subject is a crowd (see ``CROWDS``)."""
    return trigger.source is not None and trigger.source.lower_ in CROWDS


def _people(actors: tuple[EventActor, ...]) -> bool:
    """Whether ``actors`` are all people the KB knows (not states, forces or groups)."""
    return bool(actors) and all((a.actor_id or "").startswith("person:") for a in actors)


#: Sectors of a state's own forces and offices ("Ukrainian troops", the police).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "government", "military"})
FORCES = frozenset({"troops", "soldiers", "forces", "army", "military", "police", "guards"})


#: Verbs of arrival, and the code of forces deployed (CAMEO 154): forces that arrive deploy.
ARRIVING, DEPLOY_CAMEO = frozenset({"arrive", "reach"}), "154"


def _forces(actors: tuple[EventActor, ...]) -> bool:
    """Whether ``actors`` are all armed forces (the KB's MIL sector, or "troops" and the like)."""
    return bool(actors) and all(
        a.sector in ("MIL", "military") or a.actor.lower().rsplit(" ", 1)[-1] in FORCES
        for a in actors
    )


#: Where an attack in words is made ("attacked in the media", "attacked her in a speech").
WORDS = frozenset({
    "media", "press", "interview", "speech", "statement", "tweet", "column", "newspaper",
    "editorial", "article", "broadcast", "remarks", "post", "op-ed", "letter",
})  # fmt: skip


def _in_words(trigger: Trigger, lemmas: Lemmas) -> bool:
    """Whether an attack's scene is words: the media, a speech, a statement."""
    return any(lemmas(head) in WORDS or head.lower_ in WORDS for head in trigger.scene)


def _state(actors: tuple[EventActor, ...]) -> bool:
    """Whether a state acts among ``actors``: its government, the country as such, or its
    forces ("troops blocked the roads" coerces as a government blocking does)."""
    return any(
        (a.actor_id or "").startswith(("gov:", "country:"))
        or a.sector in STATE_SECTORS
        or (a.country is not None and a.actor.lower().rsplit(" ", 1)[-1] in FORCES)
        for a in actors
    )


def _seized(trigger: Trigger, source: tuple[EventActor, ...], target: tuple) -> bool:
    """Whether people (the KB's, or names of persons) are seized by others than a state: an
    abduction (a state arrests)."""
    named = bool(trigger.target) and all(t.ent_type_ == "PERSON" for t in trigger.target)
    return bool(target) and (_people(target) or named) and not _state(source)


def _refusal(token: Token) -> bool:
    """A negated future ("will not accept", "won't sign"): a refusal stated now."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "shall") for c in token.children)


def _as_intended(entry_type: str, cameo: str, modality: str) -> tuple[str, str]:
    """The PLOVER type and CAMEO code of an act said of the future (see ``PROMISED``)."""
    if modality not in ("future", "hypothetical"):
        return entry_type, cameo
    if entry_type in PROMISED:
        return "AGREE", PROMISE_CAMEO
    if entry_type in THREATENED:
        return "THREATEN", THREAT_CAMEO
    return entry_type, cameo


def _quoted(token: Token, text: str) -> bool:
    """Whether ``token`` stands inside a direct quotation: after an opening mark in its
    paragraph that no closing mark has yet ended (straight marks counted in pairs).

    text: the doc's text (``document.text_of``: ``Doc.text`` joins every token anew).
    """
    start = text.rfind("\n", 0, token.idx) + 1
    before = text[start : token.idx]
    if before.rfind("\u201c") > before.rfind("\u201d"):
        return True
    return before.count('"') % 2 == 1


def _joined(trigger: Trigger, lemmas: Lemmas) -> bool:
    """Whether ``trigger`` is a "join" with nothing after it that names what was joined."""
    token = trigger.token
    return (
        lemmas(token) == "join"
        and not trigger.target
        and not trigger.partners
        and not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ not in ("in", "at", "on"))
            for c in token.children
        )
    )


def _known(actors: tuple[EventActor, ...]) -> bool:
    return any(actor.actor_id or actor.country for actor in actors)


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds ``token`` (itself for a verb; the root at worst)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _date(
    trigger: Token,
    sentence: Span,
    timexes: list[Timex],
    reference: str | None,
    before: str | None,
    doc: Doc,
) -> tuple[str | None, str | None]:
    """The event's date and where it came from (``timex``, ``sentence``, ``publication``).

    A time expression of the trigger's own clause comes first, then one of a clause above it
    ("On Friday Moscow said it had signed"); one in a clause below it is another event's
    ("signed a pact that takes effect on Jan. 1"), so the date is then the narrative time
    before the sentence (``before``), not the sentence's reference time, which would be it.
    """
    published = doc._.get(document.DATE)
    verb = _clause_verb(trigger)
    above = {t.i for t in verb.ancestors}
    ranked = []
    below = False
    for timex in timexes:
        if not sentence.start_char <= timex.start < sentence.end_char:
            continue
        found = timex_reference(timex, published)
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if found is None or span is None:
            continue
        where = _clause_verb(span.root)
        if where.i == verb.i or where.i in above:
            ranked.append((where.i != verb.i, found[1], timex.start, found[0]))
        else:
            below = True
    if ranked:
        return min(ranked)[3], "timex"
    if below:
        reference = before if before is not None else published
    if reference is None:
        return None, None
    return reference, "publication" if reference == published else "sentence"


def _confidence(trigger: Trigger, source: tuple, target: tuple) -> float:
    score = 0.5 + 0.2 * _known(source) + 0.1 * _known(target) + 0.1 * trigger.entry.curated
    return round(min(score - 0.1 * trigger.nominal, 0.95), 2)


def _links(event: Event, mentions: dict[tuple[int, int], Mention], version: str) -> list[FactLink]:
    links = []
    seen: set[tuple[str, str]] = set()
    for relation, actors in (("source_actor", event.source), ("target_actor", event.target)):
        for actor in actors:
            mention = mentions.get((actor.mention_start, actor.mention_end))
            # One link per mention and relation: the members of a union all come from its name.
            if mention is not None and (mention.fact_id, relation) not in seen:
                seen.add((mention.fact_id, relation))
                links.append(fact_link(event, mention.fact_id, relation, EXTRACTOR, version))
    return links


def event_facts(
    doc: Doc,
    extractor_version: str,
    lexicon: EventLexicon,
    lemmas: Lemmas,
    kb: KnowledgeBase | None,
) -> tuple[list[Event], list[FactLink]]:
    """The ``Event`` facts of ``doc`` and the links to their actors' mentions.

    doc: a Doc the linker and the time stage have run on (their outputs may be empty).
    extractor_version: the effective version of ``dossier_events``, for the provenance.
    """
    mention_list: list[Mention] = list(doc._.get(document.MENTIONS) or [])
    text = document.text_of(doc)
    finder = ActorFinder(
        mention_list,
        kb,
        lexicon.countries,
        doc._.get(document.DATE),
        lexicon.capitals,
        text,
        lexicon.territories,
    )
    group: tuple[EventActor, ...] = ()
    by_span = {(m.start, m.end): m for m in mention_list}
    timexes: list[Timex] = list(doc._.get(document.TIMEXES) or [])
    references = [s.reference_time for s in doc._.get(document.SENTENCES) or []]
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    pos = doc.to_array("POS")
    words = doc.to_array([LOWER, DEP])
    events: list[Event] = []
    links: list[FactLink] = []
    acts: list[tuple[int, tuple]] = []
    told: list[tuple[int, Event]] = []
    alone: set[int] = set()
    for number, sentence in enumerate(sentences):
        reference = references[number] if number < len(references) else doc._.get(document.DATE)
        for trigger in sentence_triggers(sentence, lexicon, lemmas, pos, words):
            if foe_missing(trigger.token, trigger.entry):
                continue  # "made headway in the talks": no foe, no fighting
            if framing(trigger.token, trigger.entry.plover):
                continue  # "In defending X, they argued": the main clause is the report
            if referenced(trigger.token, trigger.entry.plover, trigger.nominal):
                continue  # "X's annexation of Y": an act named as known, not reported
            source, target = sides(trigger, finder, group, lemmas)
            if not source and trigger.passive_target and trigger.entry.plover == "AGREE":
                source = _accession_parties(trigger, finder, lemmas)  # "was signed"
                source = source or founding_parties(trigger, finder, lemmas)
            unsaid = trigger.passive_target or trigger.entry.plover == "ASSAULT"
            if not source and not (target and unsaid):
                # Only a passive ("was shot") or violence ("a bombing killed two soldiers") is
                # reported without its doer; an act whose subject is no actor ("the clash
                # countered Russia's claims") is no event.
                continue
            if len(source) > 1:
                group = source
            token = trigger.token
            before = references[number - 1] if 0 < number <= len(references) else None
            date, basis = _date(token, sentence, timexes, reference, before, doc)
            scene = [place for head in trigger.scene if (place := finder.location(head))]
            start, end = token.idx, token.idx + len(token.text)
            entry = trigger.entry
            modality = modality_of(token, lemmas)
            if trigger.nominal and modality == "asserted" and _clause_verb(token) is not token:
                # "is to travel for a meeting": a nominal act takes its clause's plan or
                # supposition (not its negation: "did not address the sanctions").
                clause = modality_of(_clause_verb(token), lemmas)
                modality = clause if clause in ("future", "hypothetical") else modality
            supposed = hedged(token, _clause_verb(token))  # "is likely underway"
            if (modality in ("future", "hypothetical") or supposed) and _quoted(token, text):
                # "Russia will push us to join," said X: a speaker's forecast or supposition,
                # no act reported (the speaker's own act is the quote's statement).
                continue
            event_type, cameo = _as_intended(entry.plover, entry.cameo, modality)
            if event_type == "CONSULT" and _crowd(trigger):
                event_type, cameo = "PROTEST", DEMONSTRATE_CAMEO  # a crowd gathers to protest
            if event_type == "CONSULT" and lemmas(token) in ARRIVING and _forces(source):
                event_type, cameo = "MOBILIZE", DEPLOY_CAMEO  # "a brigade arrived": deployed
            if entry.plover == "PROTEST" and entry.mode == "obstruct" and _state(source):
                event_type, cameo = "COERCE", BLOCKADE_CAMEO  # a state that blocks coerces
            if event_type == "ASSAULT" and (
                (_people(source) and (_people(target) or not target)) or _in_words(trigger, lemmas)
            ):
                # A person "attacking" another, or a thing ("attacked the inquiry"), attacks in
                # words: the manual's ACCUSE.
                event_type, cameo = "ACCUSE", CRITICISE_CAMEO
            if event_type == "CONSULT" and challenged(token, lemmas, source, target):
                event_type, cameo = "ACCUSE", CRITICISE_CAMEO  # one person confronting another
            if modality == "negated" and _refusal(token):
                # "will not accept" states a refusal now: a rejection that happened.
                event_type, cameo, modality = "REJECT", REJECT_CAMEO, "asserted"
            confidence = _confidence(trigger, source, target)
            source = placed(trigger, finder, source, target)
            target = aimed(trigger, finder, source, target)
            source = protesters(event_type, source)  # "a crowd gathered": protesters
            if (
                event_type == "COERCE"
                and entry.mode == "seize"
                and _seized(trigger, source, target)
            ):
                event_type, cameo = "ASSAULT", ABDUCT_CAMEO  # fighters who seize a person
            if event_type in ANSWERING and not target and answers_claims(token, lemmas):
                # "denied the allegations": the claims answered are another's (``answers``).
                target = answered(event_type, source, events)
            if event_type == "ACCUSE" and not target:
                target = condemned(token, source, told, number, finder.actors)  # ``concerns``
            speaker = demanded_by(token, lemmas)
            if speaker is not None and finder.actors(speaker):
                # Reported words that someone must act are the speaker's demand on them.
                source, target = finder.actors(speaker), source
                event_type, cameo, modality = "REQUEST", DEMAND_CAMEO, "asserted"
            if event_type == "COOPERATE" and not target and _joined(trigger, lemmas):
                # "Armenia joined the next day": the body named last is the one joined.
                body = finder.last_body(token)
                target = (body,) if body is not None else target
            if event_type == "REQUEST" and not target and own_application(token, lemmas):
                body = finder.last_body(token)  # "submitted its request": to the body named
                target = (body,) if body is not None else target
            if event_type == "COOPERATE" and lemmas(token) == "join" and _career(source, target):
                continue  # "she joined the Foreign Service in 1986": a career step
            if event_type == "AGREE" and not target:
                source = _with_partners(source, [e for n, e in told if n == number])
                source = _with_members(trigger, source, finder, lemmas)
                target = ratified_with(trigger, source, finder, lemmas)  # "ratification law"
            event = Event(
                text=token.text,
                start=start,
                end=end,
                event_type=event_type,
                source=source,
                target=target,
                mode=entry.mode if cameo == entry.cameo else None,
                context=entry.context,
                cameo=cameo,
                goldstein=lexicon.goldstein_of(cameo),
                date=date,
                date_basis=basis,
                location=scene[0] if scene else None,
                modality=modality,  # type: ignore[arg-type]
                provenance=document.provenance(
                    doc,
                    start,
                    end,
                    EXTRACTOR,
                    extractor_version,
                    confidence,
                ),
            )
            noun = claim_noun(token, lemmas)
            claimant = holder(noun, lemmas) if noun is not None else None
            holders = finder.actors(claimant) if claimant is not None and source else ()
            # "gathering evidence that Moscow was arming the rebels": the claim is told too;
            # its holder accuses the doer (``claims``).
            accusation = (
                accused_by(event, noun, holders, lexicon.goldstein_of(ACCUSE_CAMEO))
                if noun is not None
                else None
            )
            if trigger.passive_target and not in_fight(token, lemmas):
                alone.add(id(event))  # "were shot down": a loss told alone, doer unknown
            for each in (event, accusation) if accusation is not None else (event,):
                if _told(each, events, number, acts):
                    continue
                acts.append((number, _act(each)))
                told.append((number, each))
                events.append(each)
                links.extend(_links(each, by_span, extractor_version))
    filled = with_opponents(events, frozenset(alone))
    for event, was in zip(filled, events, strict=True):
        if event is not was:
            # The opponent's mention is another sentence's: a link to it all the same.
            known = {
                (link.to_fact, link.relation) for link in links if link.from_fact == event.fact_id
            }
            links += [
                link
                for link in _links(event, by_span, extractor_version)
                if (link.to_fact, link.relation) not in known
            ]
    return filled, links


def _career(source: tuple[EventActor, ...], target: tuple[EventActor, ...]) -> bool:
    """Whether people join bodies of their own state ("she joined the Foreign Service", "he
    joined the army"): a career step, no cooperation between actors."""
    mine = {a.country for a in source}
    return (
        _people(source)
        and bool(target)
        and all(a.country in mine and not (a.actor_id or "").startswith("country:") for a in target)
    )


def _with_partners(source: tuple[EventActor, ...], before: list[Event]) -> tuple[EventActor, ...]:
    """An agreement announced by one side of a meeting its sentence told ("hosted the prime
    ministers of A, B and C and announced an agreement"): every party to the meeting agrees."""
    keys = {a.actor_id or a.actor for a in source}
    for meeting in before:
        if (
            meeting.event_type == "CONSULT"
            and meeting.target
            and keys
            and ({a.actor_id or a.actor for a in meeting.source} == keys)
        ):
            return distinct((*source, *meeting.target))
    return source


def _with_members(
    trigger: Trigger, source: tuple[EventActor, ...], finder: ActorFinder, lemmas: Lemmas
) -> tuple[EventActor, ...]:
    """The signatories of an accession treaty ("Armenia signed its accession treaty"): the
    state that joins and the members of the body it joins (the body named last, its members
    on the document's date), who sign it with it."""
    objects = [c for c in trigger.token.children if c.dep_ == "dobj"]
    if not objects or not (
        any(lemmas(w) == "accession" for w in objects[0].subtree) or _own_accession(objects[0])
    ):
        return source
    body = finder.last_body(trigger.token)
    return distinct((*source, *finder.members(body))) if body is not None else source


def _own_accession(treaty: Token) -> bool:
    """Whether "its own treaty" follows on an accession treaty named in the sentence before
    ("X signed its accession treaty. Y, which signed its own treaty"): one of the same kind."""
    if not any(c.lower_ == "own" for c in treaty.children) or treaty.sent.start == 0:
        return False
    before = treaty.doc[treaty.sent.start - 1].sent
    return any(w.lower_ == "accession" for w in before)


def _accession_parties(
    trigger: Trigger, finder: ActorFinder, lemmas: Lemmas
) -> tuple[EventActor, ...]:
    """The parties to an accession treaty signed in a passive with no agent ("the accession
    treaty was signed in Moscow"): the state that joins (the treaty's possessor, else the last
    state named before that is no member) and the members of the body it joins (the body with
    members named last), on the document's date; () for any other passive."""
    treaty = trigger.target[0] if trigger.target else None
    if treaty is None or not any(lemmas(w) == "accession" for w in treaty.subtree):
        return ()
    members = finder.last_union(trigger.token)
    if not members:
        return ()
    owner = next((c for c in treaty.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    joining = finder.actors(owner) if owner is not None else ()
    if not joining:
        state = finder.state_before(trigger.token.idx, {m.country or "" for m in members})
        joining = (state,) if state is not None else ()
    return distinct((*joining, *members))


def _act(event: Event) -> tuple:
    """What makes two events one act: type, modality and both actor sets."""

    def keys(actors: tuple[EventActor, ...]) -> frozenset[str]:
        return frozenset(a.actor_id or a.country or a.actor for a in actors)

    return (event.event_type, event.modality, keys(event.source), keys(event.target))


def _told(event: Event, events: list[Event], number: int, acts: list[tuple[int, tuple]]) -> bool:
    """Whether the sentence ``number`` already told this act ("marched through the capital to
    protest the law" is one protest): each real-world act is listed once per sentence."""
    kind, modality, source, target = _act(event)
    # A second mention of an act already told, with less said of whom it was done to ("sent
    # an envoy to Kyiv to negotiate": one consultation), is the same act.
    return any(
        n == number and a[:3] == (kind, modality, source) and target <= a[3] for n, a in acts
    )


class EventExtractor(LexiconStage):
    """The ``dossier_events`` component: stores ``event_facts`` on the doc. Registered after
    ``dossier_linker`` and ``dossier_fact_time``; ``kb_dir``: the KB folder whose
    ``event_lexicon.csv`` and ``event_goldstein.csv`` it reads, and whose actors and country
    adjectives it resolves words with (None: the package's)."""

    read_lexicon = staticmethod(load_lexicon)

    def __call__(self, doc: Doc) -> Doc:
        events, links = event_facts(
            doc, self.extractor_version, self.lexicon, self.lemmas, load_kb(self.kb_dir)
        )
        # An aim ("sent an envoy to negotiate") or a possessive reference ("the rally's
        # organizers") stays a candidate, which a reader of one sentence known to report an
        # event may take, but is no act the document reports.
        # Token number by first character, read as one column: no Token built per word.
        starts = dict(zip(doc.to_array(IDX).tolist(), range(len(doc)), strict=True))
        reported = [
            e
            for e in events
            if complete(e)
            and not (e.start in starts and no_act_told(doc[starts[e.start]], self.lemmas))
        ]
        kept = {e.fact_id for e in reported}
        doc._.set(document.EVENT_CANDIDATES, events)
        links = [link for link in links if link.from_fact in kept]
        return put_facts(doc, document.EVENTS, reported, links)


register("dossier_events", EventExtractor)


__all__ = ["DIRECTED", "EXTRACTOR", "GROUP_NOUNS", "EventExtractor", "complete", "event_facts"]
