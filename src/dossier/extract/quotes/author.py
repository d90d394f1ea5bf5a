"""The writer of an opinion piece holds the claims of the piece.

In a document whose genre is opinion (``doc._.dossier_genre``: the metadata's ``opinion``, an
op-ed, an editorial, a column) with one author (``doc._.dossier_author``), the writer's own
first person outside quotation marks is the author:

- a cue whose speaker is "I" or "we" ("I believe that ...", "we must admit that ...") is the
  author's (``Writer.own``), not the person quoted or named last;
- an exhortation in the writer's voice, "we must ..." / "we should ..." with no speech verb, is
  the author's claim (``exhortations``: ``indirect``, the modal its cue).

Kept narrow on purpose: a news story's "I" is a reporter's aside, and several authors share no
single "I", so neither is read. The author is linked to the KB through the linker's mention of
the name in the text, else a KB person whose name or alias it is (one only), else kept as NIL.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dossier.extract import document
from dossier.extract.quotes.frames import Cue, is_cue_verb
from dossier.extract.quotes.reported import Reported, _trimmed
from dossier.extract.quotes.speakers import MentionIndex, Speaker
from dossier.kb.loader import KnowledgeBase
from dossier.kb.rows import normalise_name
from dossier.model import Mention

#: Genres whose writer argues in their own voice.
OPINION_GENRES = frozenset({"opinion", "op-ed", "oped", "editorial", "column", "commentary"})
#: The writer's first person.
WRITER_PRONOUNS = frozenset({"i", "we"})
#: Modals of an exhortation: "we must", "we should".
EXHORTATION_MODALS = frozenset({"must", "should"})


def _inside(char: int, marked: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in marked)


@dataclass(frozen=True)
class Writer:
    """The author of an opinion piece: the canonical name, KB id (None: NIL), mention."""

    actor: str
    actor_id: str | None
    mention: Mention | None

    def own(self, speaker: Speaker | None, marked: list[tuple[int, int]]) -> Speaker | None:
        """``speaker`` as the author when it is the writer's "I" or "we" outside the
        quotations ``marked``; else ``speaker`` unchanged."""
        if speaker is None or speaker.text.lower() not in WRITER_PRONOUNS:
            return speaker
        if _inside(speaker.start, marked):
            return speaker  # someone quoted says "I"
        return Speaker(
            speaker.text, speaker.start, speaker.end, self.actor, self.actor_id, self.mention
        )


def writer_of(doc: Doc, index: MentionIndex, kb: KnowledgeBase | None) -> Writer | None:
    """The author of ``doc`` when it is an opinion piece by one author, else None."""
    genre = (doc._.get(document.GENRE) or "").strip().lower()
    author = (doc._.get(document.AUTHOR) or "").strip()
    if genre not in OPINION_GENRES or not author or ";" in author:
        return None
    wanted = normalise_name(author)
    for mention in index.mentions:
        names = (normalise_name(mention.text), normalise_name(mention.actor))
        if mention.actor_id and wanted in names:
            return Writer(mention.actor, mention.actor_id, mention)
    people = [a for a in kb.find_actors(author) if a.type == "person"] if kb else []
    if len(people) == 1:
        return Writer(people[0].name, people[0].id, None)
    return Writer(author, None, None)


def _exhortation(token: Token) -> Token | None:
    """The "we" of ``token`` when it is the modal of "we must ..." / "we should ..."."""
    if token.lower_ not in EXHORTATION_MODALS or token.dep_ != "aux":
        return None
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects and subjects[0].lower_ == "we" else None


def exhortations(doc: Doc, marked: list[tuple[int, int]]) -> list[Reported]:
    """Each "we must ..." clause in the writer's voice (outside ``marked``) as the writer's
    claim: the clause from "we" to its end, cued by the modal."""
    found = []
    # Only the modals can open one: found from the words' column, no Token built for the rest.
    for i in document.token_indices(doc, "LOWER", EXHORTATION_MODALS):
        token = doc[i]
        subject = _exhortation(token)
        if subject is None or _inside(token.idx, marked):
            continue
        verb = token.head
        if verb.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl"):
            continue  # inside someone's reported words or a subordinate clause
        if is_cue_verb(verb):
            continue  # "we must admit that ...": reported speech reads the verb's clause
        content = _trimmed(doc, subject.i, verb.right_edge.i + 1)
        if content is None:
            continue
        cue = Cue(token.idx, token.idx + len(token.text), token.text, subject)
        found.append(Reported(content.start_char, content.end_char, "indirect", cue))
    return found
