"""What the stance tests share: the stances the pipeline reads in an invented text, the sides
one holder takes toward one target among them, and the case tables (``tests/cases/stance``)
with the one check each of their cases is run through."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from spacy.language import Language

from dossier.extract.document import prepare_doc
from dossier.model import Stance

#: The case tables, one file a kind of error.
CASES = Path(__file__).parent / "cases" / "stance"


def stances_of(
    nlp: Language, text: str, date: str = "2014-03-10", doc_id: str = "stance-test", **meta: str
) -> list[Stance]:
    """The stances ``nlp`` finds in ``text``, read as a document of ``date``."""
    doc = nlp(prepare_doc(nlp, text, date=date, doc_id=doc_id, **meta))
    return list(doc._.dossier_stances)


def polarities(stances: list[Stance], **where: str | None) -> set[int]:
    """The polarities of the stances whose fields hold the values ``where`` gives them, e.g.
    ``polarities(stances, holder="Laura Smith")`` for a holder the KB does not know."""
    return {s.polarity for s in stances if all(getattr(s, f) == v for f, v in where.items())}


def read_with(stances: list[Stance], field: str, values: tuple[str, ...]) -> list[Stance]:
    """The stances whose ``field`` is one of ``values``."""
    return [s for s in stances if getattr(s, field) in values]


def load_cases(folder: Path = CASES) -> list[dict[str, Any]]:
    """Every case of the tables in ``folder``, in file order; a name stands once."""
    cases = [
        case
        for path in sorted(folder.glob("*.toml"))
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    ]
    names = [case["name"] for case in cases]
    assert len(names) == len(set(names)), "a case name stands twice"
    return cases


def _matches(value: Any, spec: Any) -> bool:
    """Whether a stance's field ``value`` meets ``spec``: a value (equal), a list (one of), or a
    table of ``prefix``/``suffix`` (a string or a list), ``contains`` or ``not`` (a spec)."""
    if isinstance(spec, list):
        return value in spec
    if not isinstance(spec, dict):
        return value == spec
    if "not" in spec:
        return not _matches(value, spec["not"])
    text = value or ""
    if "prefix" in spec:
        return text.startswith(_strings(spec["prefix"]))
    if "suffix" in spec:
        return text.endswith(_strings(spec["suffix"]))
    return spec["contains"] in text


def _strings(spec: str | list[str]) -> tuple[str, ...]:
    return (spec,) if isinstance(spec, str) else tuple(spec)


def _value(item: Any) -> Any:
    """A table's value as the check's projection gives it: a list of fields is a tuple."""
    return tuple(item) if isinstance(item, list) else item


_CHECK_KEYS = {"where", "of", "is", "is_not", "has", "lacks", "list", "one_of", "some", "count"}


def check(stances: list[Stance], spec: dict[str, Any]) -> None:
    """One check of a case: of the stances whose fields meet ``where``, the values of ``of``
    (a field or a list of fields; ``polarity`` by default) ``is`` (as a set), ``is_not``,
    ``has`` (each of), ``lacks`` (none of), ``list`` (in order), ``one_of`` (lists in order);
    or ``some`` (at least one such stance) or ``count`` (how many)."""
    unknown = set(spec) - _CHECK_KEYS
    assert not unknown, f"unknown words {unknown} in {spec}"
    found = [
        s for s in stances if all(_matches(getattr(s, f), v) for f, v in spec["where"].items())
    ]
    of = spec.get("of", "polarity")
    got = [
        tuple(getattr(s, f) for f in of) if isinstance(of, list) else getattr(s, of) for s in found
    ]
    shown = f"{spec} read {got}"
    if "some" in spec:
        assert bool(found) is spec["some"], shown
    elif "count" in spec:
        assert len(found) == spec["count"], shown
    elif "list" in spec:
        assert got == [_value(v) for v in spec["list"]], shown
    elif "one_of" in spec:
        assert got in [[_value(v) for v in option] for option in spec["one_of"]], shown
    else:
        wanted = {
            name: {_value(v) for v in spec[name]}
            for name in ("is", "is_not", "has", "lacks")
            if name in spec
        }
        assert len(wanted) == 1, f"a check names one comparison: {spec}"
        (name, values), read = next(iter(wanted.items())), set(got)
        ok = {
            "is": read == values,
            "is_not": read != values,
            "has": values <= read,
            "lacks": not values & read,
        }[name]
        assert ok, shown
