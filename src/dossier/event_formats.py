"""Stored events (``EventHit`` records) in the shapes existing event-data tooling reads: GDELT
2.0 event rows and PLOVER JSON records. Used by ``dossier events --format gdelt|plover`` and by
anyone holding ``Dossier.events`` records.

GDELT 2.0 (``gdelt_rows``): the 61 tab-separated columns of the GDELT 2.0 event table, in its
order (``GDELT_COLUMNS``), headerless like GDELT's own files. What we fill:

- GLOBALEVENTID: an integer from our id: ``int(first 13 hex digits of the event id, 16) * 100 +
  pair``, so ``GLOBALEVENTID // 100`` is the same for every row of one event. The event id is
  the merged event's id, else the report's fact id.
- SQLDATE, MonthYear, Year, FractionDate: from the event's own date at its precision: SQLDATE
  (YYYYMMDD) only for a day, MonthYear for a day or month, Year for any date; all empty when
  the date is unknown (GDELT would put the publication date there: we do not).
- Actor1* / Actor2*: one row per (source actor, target actor) pair, as PETRARCH2 and GDELT split
  compound actors (PLOVER keeps them as a set: the ``plover`` format does); an empty side gives
  one row with that actor empty. Code = country + CAMEO type (``RUSGOV``), Name = canonical
  name, CountryCode = ISO3, Type1Code = the CAMEO agent code of the sector (``CAMEO_AGENTS``).
  KnownGroup, Ethnic, Religion, Type2/3 codes: empty.
- IsRootEvent: 1 for an event read from the document's first sentence, else 0.
- EventCode, EventBaseCode, EventRootCode: the CAMEO code, its first three, its first two
  digits. QuadClass from the CAMEO root (01-05 verbal cooperation 1, 06-08 material cooperation
  2, 09-13 verbal conflict 3, 14-20 material conflict 4), else from the PLOVER type
  (``PLOVER_QUADS``). GoldsteinScale: the event's score.
- NumMentions, NumSources, NumArticles: from merging: reports, outlets, documents of the merged
  event (1, 1, 1 for a report not merged yet). AvgTone: empty.
- Actor1Geo_*, Actor2Geo_*: empty; ActionGeo_FullName: the stated location, other ActionGeo
  columns empty (we do not geocode).
- DATEADDED: the publication date as YYYYMMDD000000 when known to the day, else empty.
- SOURCEURL: the document's URL, else ``dossier:<doc_id>``.

PLOVER (``plover_records``): one JSON object per event, with the field names of the PLOVER
manual's "Data Fields" chapter: ``id``, ``date`` (the TIMEX3 value at its precision, e.g.
``2011-11`` for a month; null when unknown), ``event`` (a list of one type), ``mode`` and
``context`` (lists, empty when not evident), ``actor`` and ``recipient`` (lists of entity
objects: ``code`` ISO3, ``sector`` PLOVER sector code (``PLOVER_SECTORS``), ``entity_text``,
``identifier_id`` the KB id, ``identifier_text`` the canonical name), ``quad_code`` (the PLOVER
quad of the type), ``event_scale`` (the Goldstein score), ``event_text`` (the trigger),
``event_loc`` (``extracted_place``), ``text`` (the sentence), ``text_info`` (``sequence``,
``start``, ``end``), ``cite_info`` (``citation`` the doc id, ``url``, ``title``,
``publication``, ``coder``, ``codebook``), ``link`` (the merged event it reports: reports of one
event share it). Beyond the manual, as it allows: ``modality``, ``cameo``, ``date_basis``,
``confidence``, ``reports``, ``documents``, ``sources``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from dossier.model import EventActor
from dossier.store.records import EventHit

#: The GDELT 2.0 event table's columns, in file order.
_ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode")
_ACTOR_COLUMNS += ("Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long")
_GEO_COLUMNS += ("FeatureID",)
GDELT_COLUMNS = (
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *(f"{actor}{column}" for actor in ("Actor1", "Actor2") for column in _ACTOR_COLUMNS),
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"),
    *("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *(f"{at}Geo_{column}" for at in ("Actor1", "Actor2", "Action") for column in _GEO_COLUMNS),
    *("DATEADDED", "SOURCEURL"),
)

#: PLOVER quad codes (the manual's "Quad categories in PLOVER" table).
PLOVER_QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

#: Our sector words -> PLOVER sector codes. CAMEO differs for two: media is CAMEO ``MED`` but
#: PLOVER ``JRN``, health is CAMEO ``HLH`` but PLOVER ``MED``.
PLOVER_SECTORS = {
    "government": "GOV",
    "military": "MIL",
    "police": "COP",
    "judiciary": "JUD",
    "legislature": "LEG",
    "party": "PTY",
    "political party": "PTY",
    "rebels": "REB",
    "opposition": "OPP",
    "business": "BUS",
    "civil society": "SOC",
    "civilians": "CVL",
    "media": "JRN",
    "education": "EDU",
    "religion": "REL",
    "labour": "LAB",
    "labor": "LAB",
    "health": "MED",
    "intelligence": "SPY",
    "refugees": "REF",
}
#: Our sector words -> CAMEO agent codes (GDELT's Actor Type1Code).
CAMEO_AGENTS = PLOVER_SECTORS | {
    "media": "MED",
    "health": "HLH",
    "international organisation": "IGO",
    "international organization": "IGO",
    "ngo": "NGO",
}


def _code(sector: str | None, table: dict[str, str]) -> str:
    """A sector's code in ``table``; a sector already given as a 3-letter code passes."""
    if not sector:
        return ""
    word = sector.strip().lower()
    if word in table:
        return table[word]
    return sector.upper() if len(sector) == 3 and sector.isalpha() else ""


def event_id(hit: EventHit) -> str:
    """The id an exported event carries: its merged event's, else its report's fact id."""
    return hit.merged_id or hit.fact_id


def quad_class(hit: EventHit) -> int | None:
    """GDELT's QuadClass: from the CAMEO root code, else from the PLOVER type."""
    if hit.cameo and hit.cameo[:2].isdigit():
        root = int(hit.cameo[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return PLOVER_QUADS.get(hit.event_type)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _gdelt_dates(value: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate of a TIMEX3 date, each as precise as it is."""
    if not value or not value[:4].isdigit():
        return ["", "", "", ""]
    year = value[:4]
    month = value[5:7] if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit() else ""
    day = _day(value)
    if day is None:
        return ["", year + month if month else "", year, ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), year, f"{fraction:.4f}"]


def _gdelt_actor(actor: EventActor | None) -> list[str]:
    """The ten Actor columns of one actor (all empty for none)."""
    if actor is None:
        return [""] * 10
    agent = _code(actor.sector, CAMEO_AGENTS)
    code = (actor.country or "") + agent
    return [code, actor.actor, actor.country or "", "", "", "", "", agent, "", ""]


def gdelt_rows(hits: Iterable[EventHit]) -> Iterator[list[str]]:
    """GDELT 2.0 event rows (``GDELT_COLUMNS``), one per (source, target) actor pair."""
    for hit in hits:
        pairs = [(s, t) for s in (hit.source or (None,)) for t in (hit.target or (None,))]
        published = _day(hit.pub_date)
        for number, (source, target) in enumerate(pairs[:100]):
            cameo = hit.cameo or ""
            row = [
                str(int(event_id(hit)[:13], 16) * 100 + number),
                *_gdelt_dates(hit.date),
                *_gdelt_actor(source),
                *_gdelt_actor(target),
                "1" if hit.sentence == 0 else "0",
                cameo,
                cameo[:3],
                cameo[:2],
                str(quad_class(hit) or ""),
                "" if hit.goldstein is None else f"{hit.goldstein:g}",
                str(hit.reports),
                str(max(len(hit.outlets), 1)),
                str(hit.documents),
                "",  # AvgTone
                *[""] * 16,  # Actor1Geo_*, Actor2Geo_*
                "",
                hit.location or "",
                *[""] * 6,  # the rest of ActionGeo_*
                published.strftime("%Y%m%d000000") if published else "",
                hit.url or f"dossier:{hit.doc_id}",
            ]
            yield [_tsv_cell(cell) for cell in row]


def _tsv_cell(value: str) -> str:
    # A tab or newline inside a name would break the row.
    return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value


def to_gdelt(hits: Iterable[EventHit]) -> str:
    """GDELT 2.0 event rows as TSV text, one line per row, no header."""
    return "".join("\t".join(row) + "\n" for row in gdelt_rows(hits))


def _plover_entity(actor: EventActor) -> dict[str, Any]:
    return {
        "code": actor.country,
        "sector": _code(actor.sector, PLOVER_SECTORS) or None,
        "entity_text": actor.actor,
        "identifier_id": actor.actor_id,
        "identifier_text": actor.actor,
    }


def plover_record(hit: EventHit) -> dict[str, Any]:
    """One event as a PLOVER JSON record (see the module docstring for each field)."""
    return {
        "id": event_id(hit),
        "date": hit.date,
        "event": [hit.event_type],
        "mode": [hit.mode] if hit.mode else [],
        "context": [hit.context] if hit.context else [],
        "actor": [_plover_entity(actor) for actor in hit.source],
        "recipient": [_plover_entity(actor) for actor in hit.target],
        "quad_code": PLOVER_QUADS.get(hit.event_type),
        "event_scale": hit.goldstein,
        "event_text": [hit.text],
        "event_loc": {"extracted_place": hit.location} if hit.location else None,
        "text": hit.sentence_text.strip() if hit.sentence_text else None,
        "text_info": {"sequence": hit.sentence, "start": hit.start, "end": hit.end},
        "cite_info": {
            "citation": hit.doc_id,
            "url": hit.url,
            "title": hit.title,
            "publication": hit.outlet,
            "coder": hit.extractor,
            "codebook": "plover-2",
        },
        "link": hit.merged_id,
        "modality": hit.modality,
        "cameo": hit.cameo,
        "date_basis": hit.date_basis,
        "confidence": hit.confidence,
        "reports": hit.reports,
        "documents": hit.documents,
        "sources": list(hit.outlets),
    }


def to_plover(hits: Iterable[EventHit]) -> str:
    """PLOVER records as JSON lines (one object per line, "" for none)."""
    return "\n".join(json.dumps(plover_record(hit), ensure_ascii=False) for hit in hits)
