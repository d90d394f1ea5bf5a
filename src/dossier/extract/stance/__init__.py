"""Who stands where, and since when: the ``dossier_stance`` component.

Read top to bottom. A stance is a holder for (+1), against (-1) or neutral (0) toward a
target, with one piece of evidence. Targets are the KB's (``targets.csv``: "Eurasian
integration" and its aliases and actors) or any KB actor (``targets``). Three readings:

1. What the holder does (``did``): an event whose source is the holder and whose target is
   the target (or, for an event with no known target, a KB target named after its trigger:
   "signed the treaty on the Eurasian Economic Union"), with the polarity of its PLOVER type
   (``stance_cues.csv``, ``event`` rows: joining and signing are for, sanctioning, banning and
   withdrawing against).
2. What a sentence reports the holder wanting or resisting (``reported``): the cues on the
   parse path from the target up to the clause's subject, multiplied (``paths``): "Kyrgyzstan
   wants to join the Customs Union" is for, "Kiev is reluctant to sign up" against; the
   subject is the holder (``holders``).
3. What the holder says (``said``): a target inside a quote, reported speech or belief is
   held by its speaker when the path names no other subject (or the subject is "I" or "we"),
   with the path's polarity, else the sign of the quote's cue words. In an opinion piece the
   author's own sentences, and the quotes the quote stage gave to him, are ``author``.

Each stance links to its evidence fact (``evidence``: the event, the quote, or the sentence),
and to the holder's and the target's mentions where they are mentions. Its date is the
evidence's own time: the event's date, the quote's ``said_on``, the sentence's reference time.
A holder's country (``holder_country``) is the one it speaks for on that date (``holders``).

Reading 1 lives in ``acts``, the holders a quote or an opinion piece gives in ``voices``; this
module reads 2 and 3 and collects every stance once. Output: ``doc._.dossier_stances``
(``Stance`` facts) and links in ``doc._.dossier_links``. Runs after ``dossier_quotes`` and
``dossier_events``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.extract import document
from dossier.extract.events.actors import ActorFinder
from dossier.extract.events.lexicon import Lemmas
from dossier.extract.stages import LexiconStage, put_facts, register
from dossier.extract.stance.acts import event_stances, membership_toward_person
from dossier.extract.stance.agenda import agenda_stances
from dossier.extract.stance.collector import EXTRACTOR, _Collector
from dossier.extract.stance.compounds import compound_sides
from dossier.extract.stance.conduct import conduct_stances, victims_voice
from dossier.extract.stance.elliptical import elliptical_stances
from dossier.extract.stance.exclusive import exclusive_stances
from dossier.extract.stance.holders import (
    Holder,
    holders_of,
)
from dossier.extract.stance.implied import (
    FORCES_NOUNS,
    course_owner,
    dominion,
    forces_state,
    owners,
    setback_for,
    sovereignty_of,
    teller,
    troops_abroad,
)
from dossier.extract.stance.joint import drop_joint_signings
from dossier.extract.stance.lexicon import StanceLexicon, load_stance_lexicon
from dossier.extract.stance.paths import (
    alleged,
    doers_measure,
    judgement,
    labelled,
    read_path,
)
from dossier.extract.stance.reactions import reaction_stances
from dossier.extract.stance.reasons import going_to
from dossier.extract.stance.rivals import rival_stances
from dossier.extract.stance.settle import settle_stances
from dossier.extract.stance.targets import TargetFinder, TargetHit
from dossier.extract.stance.voices import (
    acting_subject,
    content_polarity,
    first_person,
    holder_of_name,
    opinion_author,
    quote_at,
    quote_speakers,
    spoken_for,
)
from dossier.kb.loader import KnowledgeBase, load_kb
from dossier.model import Event, FactLink, Mention, Quote, Sentence, Stance


def _by_agent(root: Token, reading) -> bool:  # noqa: ANN001 - a PathReading
    """Whether the target is the agent of a passive ("accused by Y") whose subject the
    reading took for the holder."""
    if reading.subject is None or reading.subject.dep_ != "nsubjpass":
        return False
    token = root
    for _ in range(6):
        if token.dep_ == "agent":
            return True
        if token.head == token or token == reading.verb:
            return False
        token = token.head
    return False


def _span_of(tokens: list[Token], hit: TargetHit) -> tuple[int, int]:
    start = min([hit.start, *(t.idx for t in tokens)])
    end = max([hit.end, *(t.idx + len(t.text) for t in tokens)])
    return start, end


def _sentence_stances(
    collector: _Collector,
    doc: Doc,
    targets: TargetFinder,
    sentences: list,
    sentence_facts: dict[int, Sentence],
    quotes: list[Quote],
    finder: ActorFinder,
    lexicon: StanceLexicon,
    lemmas: Lemmas,
) -> None:
    """Stances from what sentences report and quotes say (readings 2 and 3)."""
    kb = collector.kb
    author = opinion_author(doc, kb)
    for number, sentence in enumerate(sentences):
        fact = sentence_facts.get(number)
        reference = fact.reference_time if fact is not None else doc._.get(document.DATE)
        sentence_evidence = ("sentence", fact.fact_id if fact is not None else None)
        hits = targets.in_span(sentence)
        for hit in hits:
            quote = quote_at(quotes, hit.start)
            said_on = (quote.said_on or reference) if quote is not None else reference
            reading = read_path(hit.root, lexicon, lemmas)
            if reading is not None and going_to(hit.root, lemmas) is not None:
                reading = None  # "refused to travel to X": a destination (``reasons``)
            if reading is None and doers_measure(hit.root, lemmas):
                continue  # "the EU sanctions were unhelpful": the measure judged, not the EU
            target = (hit.target, hit.target_id, hit.mention)
            if reading is not None and _by_agent(hit.root, reading):
                # "X was accused by Y": Y takes the side, toward X (error kind d: the roles
                # of a passive read the wrong way round)
                for judged in hits:
                    subject = reading.subject
                    if subject is not None and (
                        judged.root == subject or judged.root in subject.subtree
                    ):
                        for holder in holders_of(hit.root, finder, kb, said_on):
                            collector.add(
                                holder,
                                (judged.target, judged.target_id, judged.mention),
                                reading.polarity,
                                _span_of([*reading.cues, subject], hit),
                                "reported",
                                sentence_evidence,
                                reference,
                                reading.cues[0].text,
                                reading.strength,
                                0.65,
                            )
                continue
            if (
                reading is not None
                and reading.subject is not None
                and alleged(reading.verb, lemmas)
            ):
                reading = None  # "accusations that he pressured X": alleged, not his known side
            if (
                reading is not None
                and quote is not None
                and dominion(hit.root) is not None
                and not (reading.subject is not None and first_person(reading.subject))
            ):
                reading = None  # "X will extend Russian hegemony," says Y: Y's verdict, below
            if reading is not None and reading.subject is not None:
                subject = reading.subject
                if hit.root == subject or hit.root in subject.subtree:
                    # The target is the subject, or part of it ("the presidents of Russia and
                    # Belarus signed"): the side is taken by it or with it, not toward it.
                    reading = None
            if reading is not None:
                subject = reading.subject
                span = _span_of([*reading.cues, *([subject] if subject is not None else [])], hit)
                cue = reading.cues[0].text
                holders: list[Holder] = []
                basis, evidence, date = "reported", sentence_evidence, reference
                if subject is not None and not first_person(subject):
                    holders = holders_of(subject, finder, kb, said_on)
                    if quote is not None:
                        evidence, date = ("quote", quote.fact_id), said_on
                        holders = spoken_for(holders, quote_speakers(quote, kb), kb, said_on)
                        speakers = {h.actor_id or h.name for h in quote_speakers(quote, kb)}
                        if any((h.actor_id or h.name) in speakers for h in holders):
                            basis = "said"  # "Moldova said it was reluctant": its own words
                elif quote is not None:
                    holders, basis = quote_speakers(quote, kb), "said"
                    evidence, date = ("quote", quote.fact_id), said_on
                elif author is not None:
                    holders, basis = [author], "author"
                if (
                    basis == "said"
                    and author is not None
                    and any(h.name == author.name for h in holders)
                ):
                    basis = "author"  # the quote stage gave the opinion piece's "I" to its author
                if membership_toward_person(reading.cues, hit, lemmas):
                    continue
                for holder in holders:
                    collector.add(
                        holder,
                        target,
                        reading.polarity,
                        span,
                        basis,
                        evidence,
                        date,
                        cue,
                        reading.strength,
                        0.7 if basis == "reported" else 0.75,
                    )
                if holders or quote is None:
                    continue
                # The clause's subject names no one ("goods will move freely within the
                # union"): in a quote, its words are the speaker's, read as a whole below.
            owner = course_owner(hit.root)
            if owner is not None:
                # "their case against X": the owner of a course set against X (``implied``)
                speakers = quote_speakers(quote, kb) if quote is not None else []
                owning = owners(owner, quote, speakers, finder, kb, said_on)
                for holder in owning:
                    collector.add(
                        holder,
                        target,
                        -1,
                        _span_of([owner], hit),
                        "said" if holder in speakers or quote is not None else "reported",
                        ("quote", quote.fact_id) if quote is not None else sentence_evidence,
                        said_on,
                        owner.head.text,
                        0.6,
                        0.6,
                    )
                if owning:
                    continue
            if quote is not None and reading is None and sovereignty_of(hit.root, hit.target_id):
                # "the territorial integrity of X has been restored": for X (``implied``)
                for holder in quote_speakers(quote, kb):
                    collector.add(
                        holder,
                        target,
                        1,
                        _span_of([hit.root.head], hit),
                        "said",
                        ("quote", quote.fact_id),
                        said_on,
                        hit.root.head.text,
                        0.5,
                        0.55,
                    )
                continue
            label = labelled(hit.root, lexicon, lemmas) if reading is None else None
            if label is not None:
                # "Y called X a liar": Y judges X (error kind e: a verdict on a person).
                polarity, word, subject = label
                if first_person(subject):
                    judges = quote_speakers(quote, kb) if quote is not None else []
                    if not judges and author is not None:
                        judges = [author]
                else:
                    judges = holders_of(subject, finder, kb, said_on)
                evidence = ("quote", quote.fact_id) if quote is not None else sentence_evidence
                for holder in judges:
                    collector.add(
                        holder,
                        target,
                        polarity,
                        _span_of([subject, word], hit),
                        "said" if quote is not None else "reported",
                        evidence,
                        said_on,
                        word.text,
                        0.6,
                        0.6,
                    )
                if judges:
                    continue
            judged = (
                judgement(hit.root, lexicon, lemmas)
                or troops_abroad(hit.root, hits, hit.target_id, lemmas)
                or dominion(hit.root)
                or setback_for(hit.root)
            )
            if judged is not None and hit.root.lower_ in FORCES_NOUNS and hit.mention is not None:
                target = forces_state(hit.mention, kb) or target  # troops sent in: the state's
            told = teller(hit.root, lemmas) if judged is not None and quote is None else None
            if told is not None and not first_person(told):
                # "They voted that X was not guilty": no quote, a verdict told (``implied``)
                tellers = holders_of(told, finder, kb, said_on)
                for holder in tellers:
                    collector.add(
                        holder,
                        target,
                        judged[0],
                        _span_of([told, judged[1]], hit),
                        "reported",
                        sentence_evidence,
                        said_on,
                        judged[1].text,
                        0.6,
                        0.6,
                    )
                if tellers:
                    continue
            if judged is not None and (quote is not None or author is not None):
                # "X lied", "X is a threat": said in a quote, the speaker judges X; in an
                # opinion piece's own sentence, its author does.
                polarity, word = judged
                if quote is not None:
                    judges, evidence, basis = (
                        quote_speakers(quote, kb),
                        ("quote", quote.fact_id),
                        "said",
                    )
                else:
                    judges, evidence, basis = [author], sentence_evidence, "author"  # type: ignore[list-item]
                for holder in judges:
                    collector.add(
                        holder,
                        target,
                        polarity,
                        _span_of([word], hit),
                        basis,
                        evidence,
                        said_on,
                        word.text,
                        0.6,
                        0.6,
                    )
                continue
            if not (hit.target_id or "").startswith("target:") or acting_subject(hit, hits, doc):
                continue
            # A KB target with no cue on its own path: the words around it as a whole, in a
            # quote (its speaker's), or in an opinion piece's own sentence (its author's).
            if quote is not None:
                speakers, span = quote_speakers(quote, kb), (quote.start, quote.end)
                evidence, basis = ("quote", quote.fact_id), "said"
                if author is not None and any(h.name == author.name for h in speakers):
                    basis = "author"
            elif author is not None:
                speakers, span = [author], (sentence.start_char, sentence.end_char)
                evidence, basis = sentence_evidence, "author"
            else:
                continue
            polarity, cue_word = content_polarity(doc, *span, lexicon, lemmas)
            for holder in speakers:
                collector.add(
                    holder, target, polarity, span, basis, evidence, said_on, cue_word, 0.5, 0.55
                )
        for actor_id, name, hit, polarity, word in compound_sides(sentence, hits, kb, _actor_of):
            collector.add(
                holder_of_name(kb, name, actor_id),
                (hit.target, hit.target_id, hit.mention),
                polarity,
                (min(word.idx, hit.start), max(word.idx + len(word.text), hit.end)),
                "reported",
                sentence_evidence,
                reference,
                word.text,
                0.6,
                0.6,
            )
        reaction_stances(
            collector, sentence, hits, finder, (lexicon, lemmas), reference, sentence_evidence
        )
        conduct_stances(collector, hits, finder, quotes, reference, sentence_evidence)
        if author is None:  # an op-ed's own narration of others' goals is its author's claim
            agenda_stances(collector, hits, finder, lemmas, reference, sentence_evidence)
        elliptical_stances(
            collector, sentence, targets, finder, (lexicon, lemmas), reference, sentence_evidence
        )


def _actor_of(hit: TargetHit) -> tuple[str, str] | None:
    """The KB actor (id, name) a target hit names, None for a KB target (a project)."""
    if not hit.target_id or hit.target_id.startswith("target:"):
        return None
    return hit.target_id, hit.target


def stance_facts(
    doc: Doc,
    extractor_version: str,
    lexicon: StanceLexicon,
    lemmas: Lemmas,
    kb: KnowledgeBase,
) -> tuple[list[Stance], list[FactLink]]:
    """The ``Stance`` facts of ``doc`` and their links (see the module doc).

    doc: a Doc the linker, time, quote and event stages have run on (their outputs may be
        empty).
    extractor_version: the effective version of ``dossier_stance``, for the provenance.
    """
    mentions: list[Mention] = list(doc._.get(document.MENTIONS) or [])
    quotes: list[Quote] = list(doc._.get(document.QUOTES) or [])
    events: list[Event] = list(doc._.get(document.EVENTS) or [])
    sentence_facts = {
        s.provenance.sentence: s
        for s in doc._.get(document.SENTENCES) or []
        if s.provenance.sentence is not None
    }
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    collector = _Collector(doc, extractor_version, kb, {(m.start, m.end): m for m in mentions})
    if opinion_author(doc, kb) is None:
        collector.reporter = (doc._.get(document.AUTHOR) or "").strip() or None
    targets = TargetFinder(doc, mentions, kb, lemmas)
    finder = ActorFinder(mentions, kb, None, doc._.get(document.DATE))
    event_stances(collector, events, targets, sentences, lexicon, finder, quotes, lemmas)
    _sentence_stances(
        collector, doc, targets, sentences, sentence_facts, quotes, finder, lexicon, lemmas
    )
    victims_voice(collector, quotes)  # "X keeps up its pressure on us", says a Kazakh
    rival_stances(collector, kb, targets)
    exclusive_stances(collector, quotes, targets, doc._.get(document.DATE))
    drop_joint_signings(collector)  # "A, B and C signed the treaty": a ceremony's
    settle_stances(collector)  # a course dropped after; one side told thrice counted once
    return collector.stances, collector.links


class StanceExtractor(LexiconStage):
    """The ``dossier_stance`` component: stores ``stance_facts`` on the doc. Registered after
    ``dossier_quotes`` and ``dossier_events``; ``kb_dir``: the KB folder whose ``targets.csv``
    and ``stance_cues.csv`` it reads (None: the package's own)."""

    read_lexicon = staticmethod(load_stance_lexicon)

    def __call__(self, doc: Doc) -> Doc:
        stances, links = stance_facts(
            doc, self.extractor_version, self.lexicon, self.lemmas, load_kb(self.kb_dir)
        )
        return put_facts(doc, document.STANCES, stances, links)


register("dossier_stance", StanceExtractor)


__all__ = ["EXTRACTOR", "StanceExtractor", "stance_facts"]
