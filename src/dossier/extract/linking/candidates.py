"""What the KB ruler hands the linker: a ``Candidate`` per span of
``doc.spans["dossier_candidates"]`` (in ``span._.dossier_candidate``), and the ``RolePhrase``
a candidate's title was parsed into."""

from __future__ import annotations

from dataclasses import dataclass

#: The span group of candidate mentions (``dossier_kb_ruler``) and of resolved mentions
#: (``dossier_linker``).
CANDIDATES_KEY = "dossier_candidates"
MENTIONS_KEY = "dossier_mentions"


@dataclass(frozen=True)
class RolePhrase:
    """A title as the text qualifies it ("the Russian president", "Kyrgyzstan's new president").

    title: the title's lookup key ("president", "industry minister", "counterpart").
    title_kind: ``office`` (a KB office title), ``descriptive``, ``relational`` or ``government``.
    description: for descriptive titles, the words as written ("trade economist").
    country: ISO3 from an adjective, a possessive or "of <country>", None if the text gives none.
    org_id, org_text: an organisation qualifying the title ("the EU's", "RFE/RL correspondent"):
        its KB actor id (None if unknown) and its text.
    determiner: "the", "a", "an", "his", "her", "their", "its", "poss" (a possessive name), None.
    modifiers: "new", "former", "first", ... in text order.
    elect: "president-elect".
    country_from_org: the country comes only from the organisation ("Fox News host").
    of_other: the title is "of" something that is no country ("the president of Chechnya"),
        so it names no office the KB can resolve.
    superlative: "the strongest president": a kind of holder, not one.
    """

    title: str
    title_kind: str
    description: str | None = None
    country: str | None = None
    org_id: str | None = None
    org_text: str | None = None
    determiner: str | None = None
    modifiers: tuple[str, ...] = ()
    elect: bool = False
    country_from_org: bool = False
    of_other: bool = False
    superlative: bool = False

    @property
    def definite(self) -> bool:
        return self.determiner in {"the", "poss", "his", "her", "their", "its"}


@dataclass(frozen=True)
class Candidate:
    """What the ruler recognised in one candidate span.

    kind: ``name`` (a KB name or alias), ``title+name``, ``role`` (a role phrase without a name),
        ``government``, ``institution`` (an institution named by its function: "the defence
        ministry", "Ukrainian troops"), ``surname``, ``ner``.
    label: spaCy/KB label.
    actor_ids: KB actors whose name or alias the name part matched.
    place: the KB place name matched (its canonical name), if any.
    office_id: the KB office whose full name or alias matched, if any.
    role: the parsed role phrase (title+name, role, government).
    name_start, name_end: character offsets of the name part (title+name), else the span's.
    of_person_start: for "the government of <person>", where the person's mention starts.
    description: an appositive or byline description ("trade economist, Centre for Open
        Markets"); appositive_role: an appositive role phrase after the name ("Dmitry Peskov,
        the Kremlin's spokesman").
    function, country: for an institution, its function's lookup key ("defense ministry") and
        the country the text gives it ("Ukrainian", "Russia's"), None when the text gives none.
    surface: the name the text gives where the span's own words do not spell it: "Victor Olynik"
        in "Victor and Azza Olynik", "pro-Russian fighters" for "pro-Moscow fighters".
    """

    kind: str
    label: str
    actor_ids: tuple[str, ...] = ()
    place: str | None = None
    office_id: str | None = None
    role: RolePhrase | None = None
    name_start: int | None = None
    name_end: int | None = None
    of_person_start: int | None = None
    description: str | None = None
    appositive_role: RolePhrase | None = None
    function: str | None = None
    country: str | None = None
    surface: str | None = None
