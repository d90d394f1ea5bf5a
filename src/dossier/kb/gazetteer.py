"""The NER gazetteer (``ner_gazetteer*.csv``): place and nationality names the NER repairs tag,
loaded and validated like every KB file, from the package's KB or a ``--kb-dir`` folder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dossier.kb.loader import Problems, read_rows

# --- the NER gazetteer ----------------------------------------------------------------------

GAZETTEER_LABELS = frozenset({"GPE", "LOC", "NORP"})
GAZETTEER_KINDS = frozenset({"country", "capital", "city", "us_state", "region", "demonym"})


@dataclass(frozen=True)
class GazetteerEntry:
    """One row of ``ner_gazetteer*.csv``: a place or nationality name the NER repairs tag."""

    name: str
    label: str  # the OntoNotes label a match gets: GPE, LOC or NORP
    kind: str  # one of GAZETTEER_KINDS
    source: str


@lru_cache(maxsize=4)
def load_gazetteer(kb_dir: str | None = None) -> tuple[GazetteerEntry, ...]:
    """The NER gazetteer of the folder ``kb_dir`` (None: the package's own), in file order.

    A folder without ``ner_gazetteer*.csv`` has an empty gazetteer, as it has no actors without
    ``actors*.csv``. Raises ``DossierError(K001)`` listing every row without a name, a known
    label or kind, or a source, by file and line: a broken row stops the pipeline loading.
    """
    problems = Problems()
    entries = []
    for row in read_rows(None if kb_dir is None else Path(kb_dir), "ner_gazetteer"):
        name, label, kind, source = (row.get(c) for c in ("name", "label", "kind", "source"))
        faults = ["no name"] if not name else []
        if label not in GAZETTEER_LABELS:
            faults.append(f"label {label!r} not one of {sorted(GAZETTEER_LABELS)}")
        if kind not in GAZETTEER_KINDS:
            faults.append(f"kind {kind!r} not one of {sorted(GAZETTEER_KINDS)}")
        if not source:
            faults.append("no source")
        if faults:
            problems.add(row, f"gazetteer row {name!r}: {'; '.join(faults)}")
            continue
        entries.append(GazetteerEntry(name, label, kind, source))
    problems.raise_if_any()
    return tuple(entries)
