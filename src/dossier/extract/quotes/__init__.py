"""Quotes and reported speech tied to their speakers: the ``dossier_quotes`` component.

Read top to bottom: quotation marks (and speech dashes) are paired in the plain text
(``marks``); each quotation is judged speech or not and given its frame's cue (``direct``; a
frame that names the piece it appeared in, ``written``); reported speech and beliefs come from
the parse (``reported``, and "said in a statement that ...", ``written``); each quote's speaker
is the cue's subject, resolved to an actor through the linker's mentions (``speakers``); in an
opinion piece the writer's "I" and "we" are its author (``author``). A quote with no cue of
its own (the second paragraph of a long quotation, ``"..." \n\n "..."``) is the last
speaker's.

Output: ``doc._.dossier_quotes`` (``Quote`` facts) and, in ``doc._.dossier_links``, a
``speaker`` link from each quote to its speaker's mention. Each quote's medium (``medium``) and
the time it was said (``said_on``) come from its cue's phrase, the latter from the timexes and
sentence reference times of ``dossier_fact_time``. Runs after ``dossier_linker`` and
``dossier_fact_time``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.extract import document
from dossier.extract.quotes.author import exhortations, writer_of
from dossier.extract.quotes.cue_phrase import cue_phrase
from dossier.extract.quotes.direct import read_quotations
from dossier.extract.quotes.frames import Cue
from dossier.extract.quotes.marks import QuotedSpan, quoted_spans
from dossier.extract.quotes.medium import medium_of
from dossier.extract.quotes.pronouns import (
    GENDER,
    REPLY_VERBS,
    addressee_of,
    genders_in,
    resolve_pronoun,
)
from dossier.extract.quotes.reported import complement_around, reported_speech
from dossier.extract.quotes.said_on import SaidOn
from dossier.extract.quotes.several import several_speakers
from dossier.extract.quotes.speakers import (
    PRONOUNS,
    MentionIndex,
    Speaker,
    by_role,
    by_surname,
    is_person,
    speaker_of,
    subject_before,
)
from dossier.extract.quotes.vocabulary import cue_lemma
from dossier.extract.quotes.written import statement_clauses
from dossier.extract.stages import KbStage, fact_link, put_facts, register
from dossier.kb.loader import KnowledgeBase, load_kb
from dossier.model import FactLink, Quote

EXTRACTOR = "dossier_quotes"
#: How sure each kind of finding is (a quotation left open at a paragraph end is less sure).
CONFIDENCE = {"direct": 0.9, "partial": 0.8, "indirect": 0.7, "belief": 0.7, "unclosed": 0.6}
#: Paragraphs back that a quote with no cue of its own may take its speaker from.
SPEAKER_REACH_PARAGRAPHS = 2


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _paragraph_of(text: str, char: int) -> int:
    return text.count("\n\n", 0, char) if "\n\n" in text else text.count("\n", 0, char)


def _paragraph_start(text: str, char: int, back: int) -> int:
    """Where the paragraph ``back`` paragraphs before the one holding ``char`` starts."""
    position = char
    for _ in range(back + 1):
        found = text.rfind("\n\n", 0, position)
        if found < 0:
            return 0
        position = found
    return position


def find_quotes(
    doc: Doc, opinion: bool = False, spans: list[QuotedSpan] | None = None
) -> list[tuple[int, int, str, Cue | None, bool]]:
    """Every quote of ``doc`` in text order: (start, end, kind, cue, closed); with
    ``opinion``, the writer's exhortations too ("we must ...", ``author``). ``spans``: the
    text's ``quoted_spans`` when the caller has them already (None: read here)."""
    text = document.text_of(doc)
    if spans is None:
        spans = quoted_spans(text)
    quotations = read_quotations(doc, text, spans)
    marked = [(s.open_at, s.close_at + 1) for s in spans]
    direct = [(q.start, q.end) for q in quotations if q.kind == "direct"]
    found: list[tuple[int, int, str, Cue | None, bool]] = []
    reported = []
    # Reported speech from the parse, and the clauses of "said in a statement that ...".
    claims = exhortations(doc, marked) if opinion else []
    for clause in [*reported_speech(doc, marked), *statement_clauses(doc, marked), *claims]:
        span = (clause.start, clause.end)
        if any(_overlap(span, d) * 2 > clause.end - clause.start for d in direct):
            continue  # the clause is a direct quote's own words
        reported.append(clause)
        found.append((clause.start, clause.end, clause.kind, clause.cue, True))
    for quote in quotations:
        cue = quote.cue
        if quote.kind == "partial" and (cue is None or cue.subject is None):
            # A fragment inside reported speech takes that speech's cue.
            around = [c for c in reported if c.start <= quote.start and quote.end <= c.end + 2]
            if around:
                # Nested speech ("the Kremlin said ... the two leaders stressed "..."): the
                # innermost clause's cue says whose words the fragment is.
                cue = min(around, key=lambda c: c.end - c.start).cue
        elif quote.kind == "partial" and cue is not None and cue.start < quote.start:
            around = [c for c in reported if c.start <= quote.start and quote.end <= c.end + 2]
            complement = None if around else complement_around(doc, cue, quote.start, quote.end)
            # A complement that is only the quoted words ('proposed "a powerful union"')
            # reports nothing besides them.
            if complement is not None and complement.start < quote.start - 1:
                found.append((complement.start, complement.end, "indirect", cue, True))
        found.append((quote.start, quote.end, quote.kind, cue, quote.closed))
    found.sort(key=lambda q: (q[0], -q[1]))
    return _one_per_span(found)


def _one_per_span(
    found: list[tuple[int, int, str, Cue | None, bool]],
) -> list[tuple[int, int, str, Cue | None, bool]]:
    """One quote per stretch of text (same start, end and kind: one fact id).

    Two frames can claim one clause ("told reporters, according to Interfax, that ...", "posted
    a video that it said showed ..."). A speech verb with a subject wins over a frame without
    one; "according to" names where the words were reported, so a verb's subject wins over it;
    then the cue nearest the clause.
    """

    def rank(quote: tuple[int, int, str, Cue | None, bool]) -> tuple[int, int, int]:
        start, _, _, cue, _ = quote
        if cue is None:
            return (2, 1, 0)
        sourced = cue.text.lower().startswith("according")
        return (0 if cue.subject is not None else 1, int(sourced), abs(start - cue.end))

    best: dict[tuple[int, int, str], tuple[int, int, str, Cue | None, bool]] = {}
    for quote in found:
        key = quote[:3]
        if key not in best or rank(quote) < rank(best[key]):
            best[key] = quote
    return [quote for quote in found if best[quote[:3]] is quote]


def quote_facts(
    doc: Doc, extractor_version: str, kb: KnowledgeBase | None = None
) -> tuple[list[Quote], list[FactLink]]:
    """The ``Quote`` facts of ``doc`` and the links to their speakers' mentions.

    doc: a Doc the linker has run on (``doc._.dossier_mentions`` set; empty is fine).
    extractor_version: the effective version of ``dossier_quotes``, for the provenance.
    kb: the knowledge base an opinion piece's author is looked up in (None: not looked up).
    """
    text = document.text_of(doc)
    index = MentionIndex(list(doc._.get(document.MENTIONS) or []))
    quotes: list[Quote] = []
    links: list[FactLink] = []
    last: tuple[Speaker, int] | None = None  # the last speaker, and its paragraph
    last_person: Speaker | None = None
    earlier: list[Speaker] = []
    genders = genders_in(doc, index)  # actor -> the gender the text shows for them
    spans = quoted_spans(text)
    quotations = [(s.start, s.end) for s in spans]
    marked = [(s.open_at, s.close_at + 1) for s in spans]
    dates = SaidOn(doc)  # when each quote was said
    writer = writer_of(doc, index, kb)  # an opinion piece's author holds its "I" and "we"
    occasion: tuple[str | None, str | None] | None = None  # the last quote's medium and date
    last_said: Speaker | None = None  # the speaker of the last quote
    addressee: Speaker | None = None  # the person the last quote was put to, if named
    by_pronoun: dict[str, Speaker] = {}  # "he" / "she" -> whom it last meant
    for start, end, kind, cue, closed in find_quotes(doc, writer is not None, spans):
        paragraph = _paragraph_of(text, start)
        near = last is not None and paragraph - last[1] <= SPEAKER_REACH_PARAGRAPHS
        speaker: Speaker | None = None
        if cue is not None and cue.subject is not None:
            speaker = by_surname(speaker_of(doc, cue.subject, index), earlier, index)
            speaker = by_role(speaker, index, text)
            speaker = several_speakers(doc, cue.subject, speaker, index)
            pronoun = speaker.text.lower() in PRONOUNS
            if pronoun and speaker.mention is None:
                # A pronoun the linker left alone: the person quoted last, else named last,
                # unless the pronoun says otherwise ("he" after a woman was quoted as "she").
                reach = _paragraph_start(text, start, SPEAKER_REACH_PARAGRAPHS)
                # Interview turns: "he responded" answers the one the last question was put to.
                turn = [addressee] if addressee and cue_lemma(cue.text) in REPLY_VERBS else []
                # A dialogue goes on: "he" is the man the last "he" was, when the person
                # quoted last is a woman.
                chain = [p for p in [by_pronoun.get(speaker.text.lower())] if p and near]
                quoted_last = [last_person] if near and last_person else []
                meant = resolve_pronoun(
                    speaker,
                    [*turn, *quoted_last, *chain],
                    index,
                    reach,
                    genders,
                    text,
                    quotations,
                )
                if meant is not None:
                    by_pronoun[speaker.text.lower()] = meant
                    speaker = Speaker(
                        speaker.text,
                        speaker.start,
                        speaker.end,
                        meant.actor,
                        meant.actor_id,
                        meant.mention,
                    )
            elif pronoun and speaker.text.lower() in GENDER:
                # Only the linker's own resolutions teach a gender: a guess of ours that went
                # wrong would otherwise turn every later pronoun away from the right person.
                genders.setdefault(speaker.actor, GENDER[speaker.text.lower()])
        else:
            # No frame of its own: the person the sentence before it is about, else the quote
            # goes on from the last speaker.
            reach = _paragraph_start(text, start, 0 if near else SPEAKER_REACH_PARAGRAPHS)
            speaker = subject_before(doc, start, index, reach, quotations)
            if speaker is None and last is not None and near:
                speaker = last[0]
        if writer is not None:
            speaker = writer.own(speaker, marked)
        if speaker is not None:
            last = (speaker, paragraph)
            earlier.append(speaker)
            if is_person(speaker):
                last_person = speaker
        addressee = addressee_of(doc, cue.start, index) if cue is not None else None
        confidence = CONFIDENCE[kind] if closed else CONFIDENCE["unclosed"]
        # How and when it was said: read from the cue's own phrase, not from what it reports;
        # a quote with no frame of its own goes on from the last one, on the same occasion.
        phrase = cue_phrase(doc, cue, (start, end), marked) if cue is not None else []
        medium = medium_of(cue, phrase, index)
        said_on = dates.of(phrase, cue.start if cue is not None else start, (start, end))
        # (The same person, however found: the last speaker or the subject of the sentence
        # before, which is often the one just quoted.)
        same_person = speaker is not None and last_said is not None
        same_person = same_person and (speaker.actor, speaker.actor_id) == (
            last_said.actor,
            last_said.actor_id,
        )
        if cue is None and same_person and occasion:
            medium, said_on = occasion
        occasion, last_said = (medium, said_on), speaker
        quote = Quote(
            text=text[start:end],
            start=start,
            end=end,
            quote_kind=kind,  # type: ignore[arg-type]
            cue=cue.text if cue else None,
            cue_start=cue.start if cue else None,
            cue_end=cue.end if cue else None,
            speaker=speaker.text if speaker else None,
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
            speaker_actor=speaker.actor if speaker else None,
            speaker_actor_id=speaker.actor_id if speaker else None,
            speaker_group=speaker.group if speaker else False,
            speaker_actors=speaker.actors if speaker else (),
            medium=medium,
            said_on=said_on,
            provenance=document.provenance(
                doc, start, end, EXTRACTOR, extractor_version, confidence
            ),
        )
        quotes.append(quote)
        if speaker is not None and speaker.mention is not None:
            to_fact = speaker.mention.fact_id
            links.append(fact_link(quote, to_fact, "speaker", EXTRACTOR, extractor_version))
    return quotes, links


class QuoteExtractor(KbStage):
    """The ``dossier_quotes`` component: stores ``quote_facts`` on the doc. Registered after
    ``dossier_linker``, whose mentions it reads; ``kb_dir``: the KB folder an opinion piece's
    author is looked up in (None: the package's)."""

    def __call__(self, doc: Doc) -> Doc:
        quotes, links = quote_facts(doc, self.extractor_version, load_kb(self.kb_dir))
        return put_facts(doc, document.QUOTES, quotes, links)


register("dossier_quotes", QuoteExtractor)
