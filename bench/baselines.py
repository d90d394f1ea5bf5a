"""What the benches share: the corpus they read by default, the CPU clock they count by, and
the baseline every throughput is set against, spaCy's own ``nlp.pipe`` on the same texts."""

from __future__ import annotations

import resource
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
#: The AllSides crawl of Russia/Ukraine coverage (986 articles), beside the repository.
ALLSIDES = SHARED / "corpus" / "allsides" / "allsides_eurasia.jsonl"


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished (waited-for) children: a worker pool's
    work counts once its processes are joined."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def spacy_alone(
    texts: list[str], n_process: int, column_rules: bool = False
) -> tuple[float, float]:
    """(wall, CPU) seconds for spaCy's English pipeline alone, as dossier loads it but with
    spaCy's own attribute-ruler matching (``PipelineConfig.column_rules=False``), over
    ``texts`` with ``n_process`` processes; warmed up first, its pool's start inside the timing,
    as a user of ``n_process`` pays it.

    column_rules: True gives the spaCy part of dossier's own pipeline (its attribute ruler
    matched by dossier's column matcher): what dossier's stages cost on top of that is then
    seen apart from what the faster matcher saves."""
    from dossier.nlp import PipelineConfig, build_pipeline

    # spaCy's own (by default): its attribute ruler matched by its Matcher.
    nlp = build_pipeline(PipelineConfig(components=(), column_rules=column_rules))
    list(nlp.pipe(texts[:5]))  # warm up
    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=16, n_process=n_process):
        pass
    return time.perf_counter() - started, cpu_seconds() - cpu
