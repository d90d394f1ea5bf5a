"""The persons a document has named so far, and the mentions that point back at them.

Each resolved person mention is remembered (``remember``) as a ``NamedPerson`` of the context:
its name's surname and first name, its offices, where it was last named. "his Kazakh
counterpart" takes the office kind of the antecedent of "his" (``antecedent_kind``); "the
president" without a country is the person the document named with that title
(``person_with_title``). Surnames look the persons up too (``surnames.py``).
"""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.linking.context import LinkingContext, NamedPerson
from dossier.extract.linking.lexicon import token_key
from dossier.extract.linking.offices import by_seniority, titles_of
from dossier.extract.linking.spelling import fold
from dossier.kb.records import Office
from dossier.model import Mention

#: How far back (in sentences) "his" and "the president" look for their antecedent.
ANTECEDENT_SENTENCES = 3


def antecedent(context: LinkingContext, before: int) -> NamedPerson | None:
    """The person last named before character ``before``, within ``ANTECEDENT_SENTENCES``."""
    sentence = context.sentence_of(before)
    earlier = [
        p
        for p in context.persons
        if p.start < before and sentence - p.sentence <= ANTECEDENT_SENTENCES
    ]
    return max(earlier, key=lambda p: p.start) if earlier else None


def antecedent_kind(context: LinkingContext, before: int) -> str | None:
    """The office kind of the person "his"/"her" points back to; None when that person holds
    no office the KB knows (a counterpart of what, then?)."""
    person = antecedent(context, before)
    if person is not None and person.offices:
        return by_seniority(person.offices)[0].kind
    return None


def person_with_title(context: LinkingContext, title: str, before: int) -> NamedPerson | None:
    """The person named before ``before`` with an office of this title ("the president" after
    "President Viktor Yanukovych"): the most often named, then the first named."""
    found = [
        p
        for p in context.persons
        if p.start < before and any(title in titles_of(context, o) for o in p.offices)
    ]
    return max(found, key=lambda p: (p.count, -p.first_start)) if found else None


def remember(context: LinkingContext, mention: Mention, span: Span) -> None:
    """Note a person mention among the persons named so far (other mentions are ignored)."""
    if mention.label != "PERSON":
        return
    kb = context.kb
    offices: list[Office] = []
    if mention.role:
        office = kb.office(mention.role)
        if office is not None:
            offices.append(office)
    surnames: set[str] = set()
    actor = kb.actors.get(mention.actor_id) if mention.actor_id else None
    names = [mention.actor]
    if actor is not None:
        names.extend(actor.aliases)
        if context.date:
            held = kb.offices_held(actor.id, context.date)
            offices.extend(o for o in held if o not in offices)
    first_names: set[str] = set()
    for name in names:
        words = name.split()
        # Folded too, so that a later "Zelenskyy" finds an earlier "Zelensky".
        if words:
            surnames.update(_spellings(words[-1]))
        if len(words) > 1:
            first_names.update(_spellings(words[0]))
    sentence = context.sentence_of(span.start_char)
    for person in context.persons:
        same = (actor is not None and person.actor_id == actor.id) or (
            actor is None and person.actor_id is None and person.actor == mention.actor
        )
        if same:
            person.start = span.start_char
            person.sentence = sentence
            person.count += 1
            person.offices.extend(o for o in offices if o not in person.offices)
            if person.description is None and not offices and actor is None:
                person.description = mention.role
            return
    context.persons.append(
        NamedPerson(
            actor_id=mention.actor_id,
            actor=mention.actor,
            country=mention.country,
            offices=offices,
            surnames=surnames,
            sentence=sentence,
            start=span.start_char,
            first_names=first_names,
            first_start=span.start_char,
            description=mention.role if actor is None and not offices else None,
        )
    )


def _spellings(word: str) -> set[str]:
    """A word's lookup key and its folded form."""
    key = token_key(word)
    return {key, fold(key)}
