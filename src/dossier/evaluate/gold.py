"""Reader for whole-document gold in the dossier format (``../shared/gold/dossier/README.md``).

A gold folder is every ``*.json`` in it with a ``doc`` key. ``doc`` names the document relative
to the gold file's folder, optionally with a fragment for one record of a multi-record file
(``../corpus/feeds/wires.jsonl#L2``, ``bulletin.rss#item1``). The document is read with dossier's
own readers, so the text a scorer sees is the text the pipeline sees.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.errors import DossierError, ErrorCode
from dossier.ingest.readers import iter_records
from dossier.model import RawRecord


@dataclass(frozen=True)
class GoldDocument:
    """One gold file and the record it annotates."""

    gold_path: Path
    record: RawRecord
    annotation: dict[str, Any]

    @property
    def name(self) -> str:
        return self.gold_path.stem


def load_gold_folder(folder: Path) -> list[GoldDocument]:
    """Every gold document under ``folder`` (not recursive), sorted by file name.

    folder: a folder of dossier-format gold files.
    Raises ``DossierError(E001)`` when the folder is missing, holds no gold, a file is not JSON,
    or its document cannot be read.
    """
    if not folder.is_dir():
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{folder} is not a folder")
    documents: list[GoldDocument] = []
    for gold_path in sorted(folder.glob("*.json")):
        try:
            annotation = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise DossierError(ErrorCode.E001_BAD_GOLD, f"{gold_path}: {error}") from error
        if not isinstance(annotation, dict) or "doc" not in annotation:
            continue
        documents.append(GoldDocument(gold_path, _read_document(gold_path, annotation), annotation))
    if not documents:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"no gold file with a 'doc' key in {folder}")
    return documents


def _read_document(gold_path: Path, annotation: dict[str, Any]) -> RawRecord:
    doc = str(annotation["doc"])
    file_part, _, fragment = doc.partition("#")
    path = gold_path.parent / file_part
    records = [r for r in iter_records([path]) if isinstance(r, RawRecord)]
    if fragment:
        records = [r for r in records if r.source_path.endswith(f"#{fragment}")]
    if len(records) != 1:
        raise DossierError(
            ErrorCode.E001_BAD_GOLD,
            f"{gold_path}: 'doc' {doc!r} names {len(records)} readable records, not one",
        )
    return records[0]
