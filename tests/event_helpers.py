"""What the event tests share: the events the pipeline codes in an invented text, read as a
document of a given date, and the filters the tests read them through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.model import Event


def events_of(nlp: Language, text: str, date: str = "2014-05-10") -> list[Event]:
    """The events a document reports: complete records only."""
    doc = nlp(prepare_doc(nlp, text, date=date))
    return list(doc._.dossier_events)


def coded(nlp: Language, text: str, date: str = "2014-05-10") -> list[Event]:
    """Every act the stage coded in ``text``, incomplete records included."""
    doc = nlp(prepare_doc(nlp, text, date=date))
    return list(doc._.dossier_event_candidates)


def typed(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


def countries(actors: tuple) -> set[str]:
    return {a.country for a in actors}


# --- the checks of the case tables: tests/cases/events/*.toml, run by test_events_cases.py ---
#
# A check reads the events of one text: ``read`` picks the complete records ("events", the
# default) or every act coded ("coded"); ``type`` (a type or a list of types), ``trigger`` (the
# event's word) and ``where`` (properties, below) narrow them to a selection. What it asserts
# of the selection:
#   none = true: it is empty;   some = true: it is not;   count = N: it holds N events;
#   triggers / types = [...]: its words / types, in order;
#   trigger_set = [...]: its words, as a set;
#   first = {props}: it is not empty and its first event has them;
#   first_or_none = {props}: it is empty, or its first event has them;
#   one = {props}: it holds one event, which has them;
#   any = {props}: one of its events has them;
#   all = {props}: it is not empty and every event has them;
#   each = {props}: every event has them (an empty selection passes);
#   no_match = {props}: no event has them.
# Properties of an event: its ``type``, ``text``, ``modality``, ``date``, ``date_basis``,
# ``cameo``, ``mode`` and ``location``; ``not = {props}``: it lacks one of ``props``; and of
# each side (``source``, ``target``, and ``sides`` for both together):
#   source = [...]: its countries, as a set ("none" stands for an actor of no country);
#   source_has / source_lacks / source_meets = [...]: countries it holds all / none / some of;
#   source_country_count = N: how many countries (source_country_count_min: at least N);
#   source_size = N: how many actors;
#   source_names = [...]: its actors' names, as a set; source_actors = [...]: the same, in order;
#   source_names_has / source_names_lacks = [...]: names it holds all / none of;
#   source_ids_has / source_ids_lacks = [...]: actor ids it holds all / none of;
#   source_id_prefix_lacks = "gov:": no actor id begins so.

NO_COUNTRY = "none"
SIDES = ("source", "target", "sides")
SCALARS = {
    "type": "event_type",
    "text": "text",
    "modality": "modality",
    "date": "date",
    "date_basis": "date_basis",
    "cameo": "cameo",
    "mode": "mode",
    "location": "location",
}


def _codes(values: list[str]) -> set[str | None]:
    return {None if value == NO_COUNTRY else value for value in values}


def _names(actors: tuple) -> set[str]:
    return {a.actor for a in actors}


def _ids(actors: tuple) -> set[str | None]:
    return {a.actor_id for a in actors}


#: What a side's property says of its actors, by the property's name after the side's.
SIDE_TESTS: dict[str, Callable[[tuple, Any], bool]] = {
    "": lambda actors, v: countries(actors) == _codes(v),
    "has": lambda actors, v: _codes(v) <= countries(actors),
    "lacks": lambda actors, v: not _codes(v) & countries(actors),
    "meets": lambda actors, v: bool(_codes(v) & countries(actors)),
    "country_count": lambda actors, v: len(countries(actors)) == v,
    "country_count_min": lambda actors, v: len(countries(actors)) >= v,
    "size": lambda actors, v: len(actors) == v,
    "names": lambda actors, v: _names(actors) == set(v),
    "actors": lambda actors, v: [a.actor for a in actors] == v,
    "names_has": lambda actors, v: set(v) <= _names(actors),
    "names_lacks": lambda actors, v: not set(v) & _names(actors),
    "ids_has": lambda actors, v: set(v) <= _ids(actors),
    "ids_lacks": lambda actors, v: not set(v) & _ids(actors),
    "id_prefix_lacks": lambda actors, v: not any((a.actor_id or "").startswith(v) for a in actors),
}


def has_props(event: Event, props: dict) -> bool:
    """Whether ``event`` has every property in ``props`` (see the list above)."""
    for key, wanted in props.items():
        if key == "not":
            ok = not has_props(event, wanted)
        elif key in SCALARS:
            ok = getattr(event, SCALARS[key]) == wanted
        else:
            side, _, rest = key.partition("_")
            actors = event.source + event.target if side == "sides" else getattr(event, side)
            ok = SIDE_TESTS[rest](actors, wanted)
        if not ok:
            return False
    return True


def select(events: list[Event], check: dict) -> list[Event]:
    """The events a check reads: those of its ``type``, ``trigger`` and ``where``."""
    kinds = check.get("type")
    if isinstance(kinds, str):
        kinds = [kinds]
    return [
        e
        for e in events
        if (kinds is None or e.event_type in kinds)
        and ("trigger" not in check or e.text == check["trigger"])
        and has_props(e, check.get("where", {}))
    ]


SELECTION_KEYS = {"read", "type", "trigger", "where"}
ASSERTION_KEYS = {"none", "some", "count", "triggers", "trigger_set", "types"}
PROPS_KEYS = {"first", "first_or_none", "one", "any", "all", "each", "no_match"}


def unknown_keys(check: dict) -> list[str]:
    """The keys of ``check`` (and of its property tables) that no check reads: a misspelt key
    would otherwise assert nothing."""
    wrong = [k for k in check if k not in SELECTION_KEYS | ASSERTION_KEYS | PROPS_KEYS]
    if not ASSERTION_KEYS & check.keys() and not PROPS_KEYS & check.keys():
        wrong.append("(no assertion)")
    for key in PROPS_KEYS & check.keys() | ({"where"} & check.keys()):
        wrong.extend(f"{key}.{prop}" for prop in _unknown_props(check[key]))
    return wrong


def _unknown_props(props: dict) -> list[str]:
    wrong = []
    for prop, wanted in props.items():
        side, _, rest = prop.partition("_")
        if prop == "not":
            wrong.extend(f"not.{inner}" for inner in _unknown_props(wanted))
        elif prop not in SCALARS and not (side in SIDES and rest in SIDE_TESTS):
            wrong.append(prop)
    return wrong


def check_holds(found: list[Event], check: dict) -> bool:
    """Whether the selection ``found`` holds what ``check`` asserts of it (see above)."""
    tests = {
        "none": lambda v: not found if v else bool(found),
        "some": lambda v: bool(found) if v else not found,
        "count": lambda v: len(found) == v,
        "triggers": lambda v: [e.text for e in found] == v,
        "trigger_set": lambda v: {e.text for e in found} == set(v),
        "types": lambda v: [e.event_type for e in found] == v,
        "first": lambda v: bool(found) and has_props(found[0], v),
        "first_or_none": lambda v: not found or has_props(found[0], v),
        "one": lambda v: len(found) == 1 and has_props(found[0], v),
        "any": lambda v: any(has_props(e, v) for e in found),
        "all": lambda v: bool(found) and all(has_props(e, v) for e in found),
        "each": lambda v: all(has_props(e, v) for e in found),
        "no_match": lambda v: not any(has_props(e, v) for e in found),
    }
    return all(tests[key](check[key]) for key in check if key in tests)


def described(events: list[Event]) -> list[tuple]:
    """The events as a failing check shows them."""
    return [
        (e.text, e.event_type, e.modality, sorted(map(str, countries(e.source))),
         sorted(map(str, countries(e.target))), [a.actor for a in e.source + e.target])
        for e in events
    ]  # fmt: skip
