"""When was an undated document written? An estimate from what the text says and what the
knowledge base knows.

``dossier_date_estimate`` is the pipeline component: for a document with no date it reads the
Doc the pipeline has parsed so far (the NER repairs included), tags its time expressions with no
document date, and stores the estimate. ``estimate_publication_date(doc, kb)`` does the work:
it gathers bounds, each with a sentence of evidence a person can check, and intersects them:

* **Dates stated as past**: a document is not older than the latest absolute date it puts in
  the past tense ("Putin wrote in Izvestia in October 2011"), and not younger than an absolute
  date it still announces with "will" ("the treaty will take effect on January 1, 2015").
* **Elections the KB knows**: "<person> is returning to the Kremlin", "will return to the
  presidency", "won the election", "president-elect", "new president" place the text between
  that person's ``elected`` date and the ``start`` of the term (``kb.terms_of``); a candidacy
  ("is running for a third term", "expected to reclaim the top office") places it in the
  ``CAMPAIGN_DAYS`` before the election. A person elected several times gives one window per
  term: the one the other bounds leave is taken, and an election the text never narrows to one
  term is not used. Words of the immediate aftermath anywhere in the text ("congratulations",
  "following the election") narrow an election window to ``AFTERMATH_DAYS`` after the vote.
* **Offices held now**: "the board is chaired by <person>" (present tense) places the text in
  that person's term of an office of that title; "former prime minister <person>" after the end
  of the person's term as prime minister.
* **Years counted from the writing**: "Uzbekistan and Cuba followed in December last year"
  names a month of the year before the writing; when an actor of that sentence has a KB event
  in such a month (Uzbekistan's and Cuba's observer status at the EAEU from 2020-12-11), the
  text was written the year after. Where several years would fit, the one more actors (and the
  organisations the text names) agree on wins, among those the other bounds allow.

The estimate's precision is what the window allows: a month when most of the window lies in
one month (``MAJORITY``), else a year likewise, else a decade; no estimate when no evidence
bounds the date from above. Nothing is guessed: without evidence the answer is None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.calendar import MONTH_NAME_PATTERN
from dossier.extract import document
from dossier.extract.timex import FUTURE, PAST, parse_value, tag_timexes, tense_of
from dossier.kb.loader import KnowledgeBase, load_kb, normalise_name
from dossier.kb.records import Actor, Term
from dossier.model import DateEstimate, Timex

EXTRACTOR = "dossier_date_estimate"

#: How long after an election its aftermath ("congratulations are pouring in") lasts.
AFTERMATH_DAYS = 30
#: Share of the window that must fall in one month (or year) to name it.
MAJORITY = 0.8

#: How long before an election a candidacy is news ("Putin, who is running for a third term").
CAMPAIGN_DAYS = 365

#: Phrases saying a person has won an office not yet taken (or just taken: "new president").
_ELECT_CUES = re.compile(
    r"\b(?:is|are|was)\s+returning\s+to\s+(?:the\s+)?(?:Kremlin|presidency|power|office)"
    r"|\bwill\s+(?:return|be\s+returning)\s+to\s+(?:the\s+)?(?:Kremlin|presidency|power|office)"
    r"|\b(?:president|prime\s+minister|premier|chancellor)-elect\b"
    r"|\b(?:has\s+)?won\s+(?:the|a|Sunday's|Saturday's)\s+(?:\w+\s+)?(?:election|vote|runoff)"
    r"|\belection\s+(?:win|victory)|\bincoming\s+president"
    r"|\bwill\s+be\s+(?:inaugurated|sworn\s+in)"
    r"|\bnew\s+(?:president|prime\s+minister|premier|leader)\b",
    re.IGNORECASE,
)
#: Phrases saying a person is standing for an office.
_CANDIDATE_CUES = re.compile(
    r"\b(?:is|are)\s+(?:running|standing)\s+for\b|\bpresidential\s+(?:candidate|hopeful)"
    r"|\bexpected\s+to\s+(?:reclaim|return\s+to|regain|win)\b|\bseeking\s+(?:re-?election|a\s+"
    r"(?:second|third|fourth|fifth)\s+term)|\bbid\s+for\s+a\s+(?:second|third|fourth|fifth)\s+term",
    re.IGNORECASE,
)
#: Prepositions that make a date the time of what the clause tells ("in 2011", "since 2010");
#: "by 2019" or "until 2019" say nothing about when it was written.
_TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during", "since", "from", "of"})
#: Words that count a month from the year of writing: "December last year", "last May".
_YEAR_RELATIVE = re.compile(
    r"\b(?:last|this|next|previous|following|coming)\s+year\b"
    rf"|\b(?:last|next|this\s+past|this\s+coming)\s+{MONTH_NAME_PATTERN}\b",
    re.IGNORECASE,
)

#: Words of the days right after an election.
_AFTERMATH_CUES = re.compile(
    r"\bcongratulat\w*|\bfollowing\s+the\s+(?:\w+\s+)?(?:election|vote)"
    r"|\bafter\s+(?:the|his|her)\s+(?:\w+\s+)?(?:election|victory|win)\b"
    r"|\belection\s+(?:win|victory)|\bvictory\s+speech",
    re.IGNORECASE,
)
#: Present-tense headship: "is chaired by", "chairs", "heads", "is led by".
_HEAD_CUES = re.compile(
    r"\b(?:is|are)\s+(?:chaired|headed|led|run)\s+by\b|\b(?:who\s+)?(?:chairs|heads|leads)\b",
    re.IGNORECASE,
)
_FORMER = re.compile(r"\bformer\s+((?:[A-Z][\w-]*\s+)?[\w -]{2,40}?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Bound:
    """A window the date must lie in (either side may be open), and why."""

    earliest: dt.date | None
    latest: dt.date | None
    evidence: str


def _timexes(doc: Doc, anchor: str | None) -> list[Timex]:
    """``doc``'s time expressions read on the date ``anchor``: evidence here, never stored."""
    return tag_timexes(doc, anchor, extractor_version="", extractor=EXTRACTOR)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "?"


def _parse_day(value: str | None, end: bool = False) -> dt.date | None:
    """A KB date (``2012``, ``2012-03``, ``2012-03-04``) as its first (or last) day."""
    if not value:
        return None
    point = parse_value(value)
    if point is None:
        return None
    return point.last_day if end else point.first_day


# --- mentions of KB actors -----------------------------------------------------------------


def _mentioned_actors(doc: Doc, kb: KnowledgeBase) -> list[tuple[Span, Actor]]:
    """KB actors named in ``doc``: its entities looked up by name and alias, then capitalised
    words the model left untagged ("Ruritania" opening a sentence); a person's surname alone
    counts once the full name has been seen."""
    found: list[tuple[Span, Actor]] = []
    people: dict[str, Actor] = {}
    covered = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "GPE", "ORG", "NORP", "LOC"):
            continue
        name = ent.text.removesuffix("'s").removesuffix("’s")
        actors = kb.find_actors(name)
        if not actors and ent.label_ == "PERSON":
            key = normalise_name(name.split()[-1])
            actors = [people[key]] if key in people else []
        for actor in actors:
            found.append((ent, actor))
            for i in range(ent.start, ent.end):
                covered[i] = True
            if actor.type == "person":
                for full in (actor.name, *actor.aliases):
                    people.setdefault(normalise_name(full.split()[-1]), actor)
    i = 0
    while i < len(doc):
        if covered[i] or not doc[i].is_title:
            i += 1
            continue
        for length in (4, 3, 2, 1):
            span = doc[i : i + length]
            if len(span) < length or any(covered[j] for j in range(span.start, span.end)):
                continue
            actors = [a for a in kb.find_actors(span.text) if a.type != "person"]
            if actors:
                found.extend((span, actor) for actor in actors)
                i += length - 1
                break
        i += 1
    return found


# --- the kinds of evidence ------------------------------------------------------------------------


def _date_bounds(doc: Doc, timexes: Iterable) -> list[_Bound]:
    """The latest absolute date stated as past; the earliest stated with "will"."""
    latest_past: tuple[dt.date, str] | None = None
    earliest_future: tuple[dt.date, str] | None = None
    for timex in timexes:
        if timex.type != "DATE" or timex.anchor is not None:
            continue
        point = parse_value(timex.value)
        if point is None or point.granularity in ("decade", "century"):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not _is_time_adverbial(span):
            continue  # "have set 2015 as the target": a date named, not a time of the story
        tense = tense_of(span)
        if tense == PAST and (latest_past is None or point.first_day > latest_past[0]):
            latest_past = (point.first_day, f"{timex.text!r} ({timex.value})")
        elif tense == FUTURE and (earliest_future is None or point.last_day < earliest_future[0]):
            earliest_future = (point.last_day, f"{timex.text!r} ({timex.value})")
    bounds = []
    if latest_past is not None:
        bounds.append(
            _Bound(
                latest_past[0],
                None,
                f"the text puts {latest_past[1]} in the past: written "
                f"on or after {_iso(latest_past[0])}",
            )
        )
    if earliest_future is not None:
        bounds.append(
            _Bound(
                None,
                earliest_future[0],
                f"the text announces {earliest_future[1]} as to "
                f"come: written by {_iso(earliest_future[0])}",
            )
        )
    return bounds


def _is_time_adverbial(span: Span) -> bool:
    """Whether a date is when the clause happens: after "in"/"on"/"since", or a bare
    adverbial ("Friday")."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in _TIME_PREPOSITIONS or span.root.dep_ in ("npadvmod", "tmod")


def _office_title_matches(kb: KnowledgeBase, term: Term, words: str) -> bool:
    office = kb.offices.get(term.office)
    if office is None:
        return False
    words = normalise_name(words)
    titles = {normalise_name(t) for t in (office.title, *office.title_aliases)}
    return any(title and (words.endswith(title) or title in words) for title in titles)


def _person_bounds(
    doc: Doc, kb: KnowledgeBase, mentions: list[tuple[Span, Actor]]
) -> tuple[list[_Bound], list[list[_Bound]]]:
    """Bounds from offices held now or formerly, and election windows (one list of
    alternatives per cue: one window per term the person was elected to)."""
    doc_text = document.text_of(doc)
    fixed: list[_Bound] = []
    elections: list[list[_Bound]] = []
    seen: set[tuple[str, int, str]] = set()
    for ent, actor in mentions:
        if actor.type != "person":
            continue
        sentence = ent.sent
        terms = kb.terms_of(actor.id)
        before = doc_text[sentence.start_char : ent.start_char]
        if (former := _FORMER.search(before)) is not None:
            ended = [t for t in terms if t.end and _office_title_matches(kb, t, former.group(1))]
            if ended and (actor.id, sentence.start, "former") not in seen:
                seen.add((actor.id, sentence.start, "former"))
                last = max(ended, key=lambda t: t.end or "")
                office = kb.offices[last.office].name
                fixed.append(
                    _Bound(
                        _parse_day(last.end, end=True),
                        None,
                        f"{ent.text} is called a former {former.group(1).strip()}; the KB "
                        f"ends the term as {office} on {last.end}: written after it",
                    )
                )
        text = sentence.text
        if (head := _HEAD_CUES.search(text)) is not None and (
            actor.id,
            sentence.start,
            "head",
        ) not in seen:
            seen.add((actor.id, sentence.start, "head"))
            verb = head.group(0).lower()
            chair = "chair" in verb
            held = [
                t
                for t in terms
                if not t.acting and (not chair or _office_title_matches(kb, t, "chairman"))
            ]
            if len(held) == 1:
                term = held[0]
                office = kb.offices[term.office].name
                fixed.append(
                    _Bound(
                        _parse_day(term.start),
                        _parse_day(term.end, end=True),
                        f"{verb.strip()!r} {ent.text} in the present tense; the KB has the "
                        f"term as {office} from {term.start} to {term.end or 'now'}: "
                        f"written in that term",
                    )
                )
        for kind, cue in (("elect", _ELECT_CUES), ("candidate", _CANDIDATE_CUES)):
            match = cue.search(text)
            if match is None or (actor.id, sentence.start, kind) in seen:
                continue
            seen.add((actor.id, sentence.start, kind))
            windows = []
            for term in terms:
                if not term.elected or term.elected >= term.start:
                    continue
                office = kb.offices[term.office].name
                elected, start = _parse_day(term.elected), _parse_day(term.start)
                if elected is None or start is None:
                    continue
                if kind == "elect":
                    windows.append(
                        _Bound(
                            elected,
                            start - dt.timedelta(days=1),
                            f"{match.group(0)!r} of {ent.text}: between the election to "
                            f"{office} on {term.elected} and taking office on "
                            f"{term.start}",
                        )
                    )
                else:
                    windows.append(
                        _Bound(
                            elected - dt.timedelta(days=CAMPAIGN_DAYS),
                            elected - dt.timedelta(days=1),
                            f"{match.group(0)!r} of {ent.text}: in the {CAMPAIGN_DAYS} days "
                            f"before the election to {office} on {term.elected}",
                        )
                    )
            if windows:
                elections.append(windows)
    return fixed, elections


def _dated_events(kb: KnowledgeBase, actor: Actor) -> list[tuple[dt.date, str, str | None]]:
    """(day, description, organisation id) of an actor's KB events: memberships, terms."""
    events: list[tuple[dt.date, str, str | None]] = []
    for membership in kb.memberships_of(actor.id):
        org = kb.actors.get(membership.org)
        org_name = org.name if org else membership.org
        for value, what in ((membership.start, "became"), (membership.end, "ceased to be")):
            day = _parse_day(value)
            if day is not None and value and len(value) == 10:
                events.append(
                    (
                        day,
                        f"{actor.name} {what} {membership.status} of {org_name} on {value}",
                        membership.org,
                    )
                )
    for term in kb.terms_of(actor.id):
        office = kb.offices.get(term.office)
        name = office.name if office else term.office
        for value, what in (
            (term.elected, "was elected"),
            (term.start, "took office as"),
            (term.end, "left office as"),
        ):
            day = _parse_day(value)
            if day is not None and value and len(value) == 10:
                events.append(
                    (day, f"{actor.name} {what} {name} on {value}", office and office.org)
                )
    return events


def _relative_year_bounds(
    doc: Doc, kb: KnowledgeBase, mentions: list[tuple[Span, Actor]]
) -> list[_Bound]:
    """Years of writing that make a relative date of a sentence ("December last year") hold a
    KB event of an actor named in that sentence; one bound per distinct year, best first."""
    base, next_base = 2000, 2001
    first = {(t.start, t.end): t for t in _timexes(doc, str(base))}
    second = {(t.start, t.end): t for t in _timexes(doc, str(next_base))}
    named_orgs = {actor.id for _, actor in mentions if actor.type == "igo"}
    votes: Counter[int] = Counter()
    reasons: dict[int, list[str]] = {}
    for key, timex in first.items():
        other = second.get(key)
        if timex.type != "DATE" or other is None:
            continue
        point, moved = parse_value(timex.value), parse_value(other.value)
        if point is None or moved is None or point.granularity in ("decade", "century"):
            continue
        if moved != point.shift(1, "year"):
            continue  # not counted in years from the writing
        if point.granularity not in ("day", "month") or not _YEAR_RELATIVE.search(timex.text):
            continue  # "this year" would fit any event of a year; a named month narrows it
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = span.sent
        actors = {a.id: a for e, a in mentions if e.sent.start == sentence.start}
        for actor in actors.values():
            for day, description, org in _dated_events(kb, actor):
                offset = day.year - point.year
                if (
                    not point.shift(offset, "year").first_day
                    <= day
                    <= point.shift(offset, "year").last_day
                ):
                    continue
                year = base + offset
                votes[year] += 2 if org in named_orgs else 1
                reasons.setdefault(year, []).append(
                    f"{timex.text!r} names the time of: {description}"
                )
    bounds = []
    for year, _ in votes.most_common():
        reason = "; ".join(dict.fromkeys(reasons[year]))
        bounds.append(
            _Bound(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{reason}: written in {year}")
        )
    return bounds


# --- combining ---------------------------------------------------------------------------------


def _intersect(
    window: tuple[dt.date | None, dt.date | None], bound: _Bound
) -> tuple[dt.date | None, dt.date | None] | None:
    earliest, latest = window
    if bound.earliest is not None:
        earliest = bound.earliest if earliest is None else max(earliest, bound.earliest)
    if bound.latest is not None:
        latest = bound.latest if latest is None else min(latest, bound.latest)
    if earliest is not None and latest is not None and earliest > latest:
        return None
    return earliest, latest


def _value(earliest: dt.date, latest: dt.date) -> str | None:
    """The window at the precision it allows: a month, a year or a decade holding at least
    ``MAJORITY`` of its days."""
    days = (latest - earliest).days + 1
    months: Counter[tuple[int, int]] = Counter()
    years: Counter[int] = Counter()
    decades: Counter[int] = Counter()
    if days > 366 * 12:
        return None
    day = earliest
    while day <= latest:
        months[(day.year, day.month)] += 1
        years[day.year] += 1
        decades[day.year // 10] += 1
        day += dt.timedelta(days=1)
    (year, month), count = months.most_common(1)[0]
    if count >= MAJORITY * days:
        return f"{year:04d}-{month:02d}"
    year, count = years.most_common(1)[0]
    if count >= MAJORITY * days:
        return f"{year:04d}"
    decade, count = decades.most_common(1)[0]
    if count >= MAJORITY * days:
        return f"{decade:03d}"
    return None


def estimate_publication_date(doc: Doc, kb: KnowledgeBase | None = None) -> DateEstimate | None:
    """Estimate when the undated document ``doc`` was written; None when nothing in it says.

    doc: the document parsed by the pipeline so far (tags, parse, entities with the NER
        repairs); its date is not read.
    kb: the knowledge base for elections, offices and memberships (default: the package's).
    """
    kb = kb or load_kb(None)
    timexes = _timexes(doc, None)
    mentions = _mentioned_actors(doc, kb)
    window: tuple[dt.date | None, dt.date | None] = (None, None)
    evidence: list[str] = []

    def apply(bound: _Bound) -> bool:
        nonlocal window
        narrowed = _intersect(window, bound)
        if narrowed is None:
            evidence.append(f"set aside, as it contradicts the rest: {bound.evidence}")
            return False
        window = narrowed
        evidence.append(bound.evidence)
        return True

    for bound in _date_bounds(doc, timexes):
        apply(bound)
    fixed, elections = _person_bounds(doc, kb, mentions)
    for bound in fixed:
        apply(bound)
    for bound in _relative_year_bounds(doc, kb, mentions):
        if _intersect(window, bound) is not None:
            apply(bound)
            break
    # Elections and candidacies: apply those only one term fits, again until none is left that
    # the others have made unambiguous; an election the text never narrows is not used.
    pending = list(elections)
    while pending:
        for alternatives in pending:
            fitting = [b for b in alternatives if _intersect(window, b) is not None]
            if len(fitting) <= 1:
                break
        else:
            break
        pending.remove(alternatives)
        if not fitting:
            continue
        chosen = fitting[0]
        apply(chosen)
        aftermath = _AFTERMATH_CUES.search(document.text_of(doc))
        if (
            aftermath is not None
            and chosen.earliest is not None
            and "election to" in (chosen.evidence)
            and "before the election" not in chosen.evidence
        ):
            apply(
                _Bound(
                    chosen.earliest,
                    chosen.earliest + dt.timedelta(days=AFTERMATH_DAYS),
                    f"{aftermath.group(0)!r} speaks of the days after the vote: within "
                    f"{AFTERMATH_DAYS} days of {_iso(chosen.earliest)}",
                )
            )
    earliest, latest = window
    if earliest is None or latest is None:
        return None
    value = _value(earliest, latest)
    if value is None:
        return None
    return DateEstimate(value, earliest.isoformat(), latest.isoformat(), tuple(evidence))


class DateEstimator:
    """The ``dossier_date_estimate`` component: for a document with no publication date
    (``doc._.dossier_date`` is None), estimate one from its content, store the estimate as
    ``doc._.dossier_date_estimate`` and read the rest of the document at the estimated date."""

    def __init__(self, nlp: Language, name: str, kb_dir: str | None) -> None:
        self.name = name
        self.kb_dir = kb_dir

    def __call__(self, doc: Doc) -> Doc:
        if doc._.get(document.DATE) is not None:
            return doc
        # The KB is loaded at the first undated document: most documents never need it.
        estimate = estimate_publication_date(doc, load_kb(self.kb_dir))
        doc._.set(document.DATE_ESTIMATE, estimate)
        if estimate is not None:
            doc._.set(document.DATE, estimate.value)
        return doc


# No extractor_version: the estimate carries no provenance, and the driver records which
# version ran from ``dossier.nlp``, as for every extractor (a factory gets what it declares).
@Language.factory("dossier_date_estimate", default_config={"kb_dir": None})
def make_date_estimator(nlp: Language, name: str, kb_dir: str | None) -> DateEstimator:
    """Estimates the publication date of an undated document (before linking and time).

    kb_dir (str | None): a folder of KB CSV files; None for the package's own KB.
    """
    return DateEstimator(nlp, name, kb_dir)
