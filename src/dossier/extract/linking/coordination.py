"""Two actors in one coordinated phrase: "the Russian and Ukrainian presidents", "the State and
Treasury departments", "Victor and Azza Olynik".

Two conjuncts share one head: a plural title or institution noun after two qualifiers, or a
surname after two given names. The ruler (``coordinated_candidates``) marks one candidate per
actor, in place of the one wrong candidate the conjunction otherwise leaves (the adjective
"Ukrainian" alone, the given name "Victor" alone):

* a title: each country's office, a ``role`` candidate resolved to the holder on the date;
* an institution: the KB institution "<conjunct> <head>" names ("State Department"), or the one
  its function names in the country ("Defence ministry" of Ukraine), an ``institution`` candidate;
* a shared surname: the second person is the NER's name as it stands ("Azza Olynik"); the first
  is "<given name> <surname>", a ``shared_surname`` candidate (``resolve_shared_surname``).

Spans. The text writes the first actor's office or name only across the whole phrase ("Russian
... presidents", "Victor ... Olynik"), so the first candidate spans the whole phrase; the second
spans its own word and the shared head ("Ukrainian presidents", "Azza Olynik"), which is all
the text gives it. Both are honest provenance: every word of each span says something about its
actor, and the first span is the shortest that holds both the qualifier and the head.
"""

from __future__ import annotations

from spacy.tokens import Span

from dossier.extract.linking.build import named_mention
from dossier.extract.linking.candidates import Candidate, RolePhrase
from dossier.extract.linking.context import LinkingContext
from dossier.extract.linking.functions import FunctionIndex
from dossier.extract.linking.lexicon import Scan, folded, token_key
from dossier.extract.linking.sides import PhraseCandidate, positions
from dossier.model import Mention

#: The most words of a shared head ("foreign ministers", "prime ministers").
MAX_HEAD_WORDS = 2


def coordinated_candidates(scan: Scan, functions: FunctionIndex | None) -> list[PhraseCandidate]:
    """One candidate per actor of each coordinated phrase (see the module docstring)."""
    keys = scan.keys
    found: list[PhraseCandidate] = []
    # Only an "and" can join two conjuncts: the rules look nowhere else.
    for k in positions(keys, "and"):
        if k == 0 or k + 2 >= len(keys):
            continue
        if not (scan.texts[k - 1][:1].isupper() and scan.texts[k + 1][:1].isupper()):
            continue  # every rule joins two capitalised words
        found.extend(
            _shared_title(scan, k)
            or _shared_institution(scan, functions, k)
            or _shared_surname(scan, k)
        )
    return found


def _singular(word: str) -> str:
    """ "presidents" -> "president", "ministries" -> "ministry", "departments" -> "department"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _plural_head(scan: Scan, start: int) -> list[tuple[int, tuple[str, ...]]]:
    """The heads from token ``start`` whose last word is a plural noun: (end token, singular
    lookup keys), the longest first."""
    doc, keys = scan.doc, scan.keys
    heads = []
    for n in range(1, MAX_HEAD_WORDS + 1):
        end = start + n
        if end > len(doc):
            break
        last = doc[end - 1]
        if last.tag_ not in {"NNS", "NNPS"} and not (last.text.endswith("s") and last.is_alpha):
            continue
        words = (*keys[start : end - 1], token_key(_singular(last.text)))
        heads.append((end, words))
    return heads[::-1]


def _determiner(scan: Scan, first: int) -> str | None:
    return scan.keys[first - 1] if first > 0 and scan.keys[first - 1] == "the" else None


def _shared_title(scan: Scan, k: int) -> list[PhraseCandidate]:
    """ "the Russian and Ukrainian presidents": two country adjectives and a plural title."""
    lex = scan.lexicon
    first, second = k - 1, k + 1
    countries = [
        lex.country_of_adjective(scan.texts[t]) if scan.texts[t][:1].isupper() else None
        for t in (first, second)
    ]
    if None in countries or countries[0] == countries[1]:
        return []
    for end, words in _plural_head(scan, second + 1):
        title = lex.titles.get(words)
        if title is None:
            known = lex.folded_titles.get(folded(words))
            if known is None:
                continue
            title_key, title = known
        else:
            title_key = " ".join(words)
        if title != "office":
            continue
        determiner = _determiner(scan, first)
        roles = [
            RolePhrase(title_key, "office", country=c, determiner=determiner) for c in countries
        ]
        return [
            PhraseCandidate(first, end, Candidate("role", "PERSON", role=roles[0]), first, end),
            PhraseCandidate(second, end, Candidate("role", "PERSON", role=roles[1]), first, end),
        ]
    return []


def _shared_institution(
    scan: Scan, functions: FunctionIndex | None, k: int
) -> list[PhraseCandidate]:
    """ "the State and Treasury departments", "the Defence and Foreign ministries": two
    capitalised qualifiers and a plural institution noun."""
    first, second = k - 1, k + 1
    texts = scan.texts
    if not (texts[first][:1].isupper() and texts[second][:1].isupper()):
        return []
    for end, head in _plural_head(scan, second + 1):
        head_text = " ".join([*texts[second + 1 : end - 1], _singular(texts[end - 1])])
        candidates = [
            _institution(scan, functions, texts[t], head, head_text, end) for t in (first, second)
        ]
        if None in candidates:
            continue
        return [
            PhraseCandidate(first, end, candidates[0], first, end),
            PhraseCandidate(second, end, candidates[1], first, end),
        ]
    return []


def _institution(
    scan: Scan,
    functions: FunctionIndex | None,
    qualifier: str,
    head: tuple[str, ...],
    head_text: str,
    end: int,
) -> Candidate | None:
    """The institution "<qualifier> <head>" names: a KB name ("State Department"), else a
    function ("defence ministry") with the country "of <country>" after the phrase gives."""
    actors = scan.kb.find_actors(f"{qualifier} {head_text}")
    institutions = tuple(a.id for a in actors if a.type in {"agency", "government"})
    if institutions:
        return Candidate("name", "ORG", actor_ids=institutions)
    if functions is None:
        return None
    key = folded((token_key(qualifier), *head))
    if not functions.countries_for(key):
        return None
    return Candidate("institution", "ORG", function=" ".join(key), country=_of_country(scan, end))


def _of_country(scan: Scan, end: int) -> str | None:
    """The country of "of Ukraine" right after a phrase, else None."""
    if end + 1 >= len(scan.keys) or scan.keys[end] != "of":
        return None
    match = scan.lexicon.match_name(scan.doc, scan.keys, end + 1, kinds=("actor",))
    return scan.lexicon.country_of_name(match[1]) if match is not None else None


def _shared_surname(scan: Scan, k: int) -> list[PhraseCandidate]:
    """ "Victor and Azza Olynik": two given names and one surname; the NER names the second
    person, and the first gets the surname too."""
    doc = scan.doc
    first, second, surname = k - 1, k + 1, k + 2
    if surname + 1 < len(doc) and doc[surname + 1].pos_ == "PROPN":
        return []  # "Victor and Azza Olynik Smith": not a given name and a surname
    if first > 0 and doc[first - 1].pos_ == "PROPN":
        return []  # "John Smith and Azza Olynik": the first already has his surname
    tokens = (doc[first], doc[second], doc[surname])
    if not all(t.is_alpha and t.text[:1].isupper() for t in tokens):
        return []
    if doc[second].pos_ != "PROPN" or doc[surname].pos_ != "PROPN":
        return []
    if doc[second].ent_type_ != "PERSON" or doc[surname].ent_type_ != "PERSON":
        return []
    # The first given name: a name the NER calls a person, or the word the parse joins the
    # second name to ("Pavlo" <- conj "Hrytsenko"), but never a country's adjective.
    joined = doc[surname].dep_ == "conj" and doc[surname].head.i == first
    if doc[first].ent_type_ != "PERSON" and not (joined and doc[first].pos_ == "PROPN"):
        return []
    if scan.lexicon.country_of_adjective(doc[first].text) is not None:
        return []
    if doc[second].ent_iob_ != "B" or doc[surname].ent_iob_ != "I":
        return []  # the second given name and the surname are one name
    name = f"{doc[first].text} {doc[surname].text}"
    candidate = Candidate("shared_surname", "PERSON", surface=name)
    return [PhraseCandidate(first, surname + 1, candidate, first, first + 1)]


def resolve_shared_surname(context: LinkingContext, span: Span, candidate: Candidate) -> Mention:
    """The first person of "Victor and Azza Olynik": the KB person of that name, else NIL."""
    return named_mention(context, span, "PERSON", candidate.surface or span.text, "person")
