"""The one spaCy pipeline every caller uses (annotate, every eval, the benchmarks).

``build_pipeline(config)`` loads spaCy's English pipeline (``settings.SPACY_MODEL``) and appends
dossier's components after spaCy's ``ner``, in the order of ``COMPONENTS``. What a component
needs from outside (the knowledge base folder, its own extractor version) reaches it through
its spaCy config, never through a setter, so a pipeline is fully described by its
``PipelineConfig`` and a worker process can rebuild the same one from it.

Extractor versions. A component's *effective* version is a hash of its logic version, the
content of the KB files it reads, the spaCy model, and the effective versions of the components
whose output it reads (``Component.reads``). A stored fact carries its extractor's effective
version, so editing one KB row changes the linker's version (and redoes linking) while the
time expressions, which read no KB file, keep theirs. ``extractor_versions(config)`` gives them
without loading spaCy.

To add a stage: register its factory (``@Language.factory``) in its ``extract/`` module, import
the module in ``_register_factories``, and add a ``Component`` at its place in ``COMPONENTS``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier import settings

if TYPE_CHECKING:
    from spacy.language import Language

    from dossier.model import Document

#: KB files that only the NER repairs read (the gazetteer) and that no component reads
#: (authors, used at ingest); every other ``*.csv`` of the KB folder is linking data.
NER_KB_FILES = ("ner_gazetteer.csv",)
NOT_PIPELINE_KB_FILES = ("authors.csv",)
#: The event stage's vocabulary and Goldstein scale: read by ``dossier_events`` only.
EVENT_KB_FILES = (
    "event_lexicon.csv",
    "event_goldstein.csv",
    "event_countries.csv",
    "event_territories.csv",
)
#: What stances are toward and the words that take sides: read by ``dossier_stance`` only.
STANCE_KB_FILES = ("targets.csv", "stance_cues.csv")
LINKING_KB_FILES = "linking"  # every KB csv but the sets above


@dataclass(frozen=True)
class Component:
    """One dossier pipeline stage.

    factory: its registered spaCy factory name (also its pipe name and extractor name).
    version: its logic version: bump when its output changes for the same input.
    reads: the components whose output it reads (their versions are part of its own).
    kb_files: which KB files it reads: a tuple of file names, or ``LINKING_KB_FILES``.
    produces: the fact kind it writes to the store (None for components that only prepare).
    """

    factory: str
    version: str = "1"
    reads: tuple[str, ...] = ()
    kb_files: tuple[str, ...] | str = ()
    produces: str | None = None

    @property
    def name(self) -> str:
        return self.factory


_NER = (
    "dossier_caps_ner",
    "dossier_entity_boundaries",
    "dossier_gazetteer",
    "dossier_datelines",
    "dossier_sports_teams",
    "dossier_doc_consistency",
)

#: dossier's components, in pipeline order, all after spaCy's ``ner``.
COMPONENTS: tuple[Component, ...] = (
    # NER repairs (extract/ner/). All-caps lines first, so every later stage sees their
    # entities; boundaries before the gazetteer, which relabels only spans it matches exactly;
    # datelines and sports results after it, since a line's layout outweighs a place list;
    # document consistency last, to spread the labels the others settled.
    Component("dossier_caps_ner"),
    Component("dossier_entity_boundaries", reads=_NER[:1]),
    Component("dossier_gazetteer", reads=_NER[:2], kb_files=NER_KB_FILES),
    Component("dossier_datelines", reads=_NER[:3]),
    Component("dossier_sports_teams", reads=_NER[:4], kb_files=NER_KB_FILES),
    Component("dossier_doc_consistency", reads=_NER[:5]),
    # The publication date of an undated document, estimated from its content and the KB's
    # dated events; every later stage reads the document at that date.
    Component(
        "dossier_date_estimate",
        reads=_NER,
        kb_files=LINKING_KB_FILES,
        produces="date_estimate",
    ),
    # Entity linking (extract/linking/), after the NER repairs whose entities it takes as
    # candidates.
    Component("dossier_kb_ruler", reads=_NER, kb_files=LINKING_KB_FILES, version="2"),
    Component(
        "dossier_linker",
        reads=("dossier_kb_ruler",),
        kb_files=LINKING_KB_FILES,
        produces="mention",
        version="2",
    ),
    # Time (extract/timex/, extract/fact_time.py): TIMEX3 values anchored on the document's
    # date, then each sentence's reference time, which later facts carry instead of the
    # publication date.
    Component("dossier_timex", reads=_NER, produces="timex"),
    Component("dossier_fact_time", reads=("dossier_timex",), produces="sentence"),
    # Quotes and reported speech (extract/quotes/), after the linker whose mentions give each
    # speaker its actor.
    # The time each quote was said comes from the sentence reference times (fact time).
    Component(
        "dossier_quotes",
        reads=("dossier_linker", "dossier_fact_time"),
        kb_files=LINKING_KB_FILES,  # an opinion piece's author, linked to the KB
        produces="quote",
        version="3",
    ),
    # Events (extract/events/): PLOVER events between the linker's actors, dated by the
    # sentence's reference time.
    Component(
        "dossier_events",
        reads=("dossier_linker", "dossier_fact_time"),
        kb_files=EVENT_KB_FILES,
        produces="event",
    ),
    # Stance (extract/stance/): who is for or against which target, from the quotes, the
    # events and the sentences that report wanting or resisting; it resolves holders and
    # their countries through the KB, and reads its targets and cue words from it.
    Component(
        "dossier_stance",
        reads=("dossier_linker", "dossier_fact_time", "dossier_quotes", "dossier_events"),
        kb_files=(*STANCE_KB_FILES, *EVENT_KB_FILES),
        produces="stance",
    ),
)

COMPONENT_NAMES: tuple[str, ...] = tuple(component.name for component in COMPONENTS)

#: spaCy components dossier never uses: left out of the pipeline to save time.
EXCLUDED_SPACY_COMPONENTS: tuple[str, ...] = ("lemmatizer",)


@dataclass(frozen=True)
class PipelineConfig:
    """Everything that decides what a pipeline does; hashable, so pipelines are cached by it.

    model: the spaCy package to load.
    kb_dir: a folder of KB CSV files; None for the package's own KB.
    components: which of ``COMPONENTS`` to add (in ``COMPONENTS`` order whatever the order
        here); ``()`` gives plain spaCy, the baseline of the evaluations.
    exclude: spaCy components to leave out.
    column_rules: match the attribute ruler's rules by token columns (``attribute_rules``):
        the same tags, faster; False gives spaCy's own matching (the benches' baseline).
    """

    model: str = settings.SPACY_MODEL
    kb_dir: str | None = None
    components: tuple[str, ...] = COMPONENT_NAMES
    exclude: tuple[str, ...] = EXCLUDED_SPACY_COMPONENTS
    column_rules: bool = True

    def without(self, *names: str) -> PipelineConfig:
        """This config minus the named components (for ablations)."""
        unknown = set(names) - set(COMPONENT_NAMES)
        if unknown:
            raise ValueError(f"no such component: {', '.join(sorted(unknown))}")
        return PipelineConfig(
            self.model,
            self.kb_dir,
            tuple(name for name in self.components if name not in names),
            self.exclude,
            self.column_rules,
        )

    def only_up_to(self, last: str) -> PipelineConfig:
        """This config with the components after ``last`` left out."""
        keep = COMPONENT_NAMES[: COMPONENT_NAMES.index(last) + 1]
        return PipelineConfig(
            self.model,
            self.kb_dir,
            tuple(name for name in self.components if name in keep),
            self.exclude,
            self.column_rules,
        )


#: The pipeline ``dossier annotate`` runs.
DEFAULT_CONFIG = PipelineConfig()


def kb_folder(kb_dir: str | None) -> Path:
    """The folder of KB CSV files: ``kb_dir``, else the package's own ``kb/data``."""
    if kb_dir is not None:
        return Path(kb_dir)
    return Path(__file__).resolve().parent / "kb" / "data"


def _kb_file_names(folder: Path, kb_files: tuple[str, ...] | str) -> list[str]:
    if kb_files == LINKING_KB_FILES:
        skip = (
            set(NER_KB_FILES)
            | set(NOT_PIPELINE_KB_FILES)
            | set(EVENT_KB_FILES)
            | set(STANCE_KB_FILES)
        )
        return sorted(p.name for p in folder.glob("*.csv") if p.name not in skip)
    return sorted(kb_files)


def _fingerprint(folder: Path, names: list[str]) -> str:
    digest = hashlib.sha256()
    for name in names:
        path = folder / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"(absent)")
    return digest.hexdigest()


@lru_cache(maxsize=8)
def extractor_versions(config: PipelineConfig = DEFAULT_CONFIG) -> dict[str, str]:
    """Effective version of every component of ``config`` (see the module docstring).

    A short hash, so a stored fact's version changes exactly when something it depends on does.
    Computed from files alone: spaCy is not loaded.
    """
    folder = kb_folder(config.kb_dir)
    versions: dict[str, str] = {}
    for component in COMPONENTS:
        if component.name not in config.components:
            continue
        digest = hashlib.sha256()
        digest.update(f"{config.model}|{component.name}|{component.version}".encode())
        digest.update(_fingerprint(folder, _kb_file_names(folder, component.kb_files)).encode())
        for upstream in component.reads:
            digest.update(versions.get(upstream, "(absent)").encode())
        versions[component.name] = f"{component.version}-{digest.hexdigest()[:10]}"
    return versions


def fact_extractors(config: PipelineConfig = DEFAULT_CONFIG) -> dict[str, str]:
    """The components of ``config`` that produce stored facts: name -> the kind they produce."""
    return {c.name: c.produces for c in COMPONENTS if c.produces and c.name in config.components}


def upstream_of(names: set[str]) -> set[str]:
    """``names`` and every component they read from, directly or not."""
    by_name = {component.name: component for component in COMPONENTS}
    needed: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        todo.extend(by_name[name].reads)
    return needed


def _register_factories() -> None:
    # Importing a module registers its factories with spaCy.
    import dossier.extract.date_estimate  # noqa: F401  (dossier_date_estimate)
    import dossier.extract.events  # noqa: F401  (dossier_events)
    import dossier.extract.fact_time  # noqa: F401  (dossier_fact_time)
    import dossier.extract.linking  # noqa: F401  (dossier_kb_ruler, dossier_linker)
    import dossier.extract.ner  # noqa: F401  (the NER repairs)
    import dossier.extract.quotes  # noqa: F401  (dossier_quotes)
    import dossier.extract.stance  # noqa: F401  (dossier_stance)
    import dossier.extract.timex  # noqa: F401  (dossier_timex)


def build_pipeline(config: PipelineConfig = DEFAULT_CONFIG) -> Language:
    """A fresh pipeline for ``config``: spaCy's model without ``config.exclude``, then dossier's
    components in pipeline order, each configured with its KB folder and extractor version.

    Uncached; most callers want ``load_pipeline``.
    """
    import spacy

    _register_factories()
    nlp = spacy.load(config.model, exclude=list(config.exclude))
    if config.column_rules:
        from dossier.attribute_rules import speed_up

        speed_up(nlp)
    versions = extractor_versions(config)
    for component in COMPONENTS:
        if component.name not in config.components:
            continue
        offered: dict[str, Any] = {"extractor_version": versions[component.name]}
        if component.kb_files:
            offered["kb_dir"] = config.kb_dir
        # A factory gets the settings it declares: a NER repair has no use for a version.
        declared = nlp.get_factory_meta(component.factory).default_config or {}
        component_config = {key: value for key, value in offered.items() if key in declared}
        nlp.add_pipe(component.factory, name=component.name, config=component_config)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(config: PipelineConfig = DEFAULT_CONFIG) -> Language:
    """The pipeline for ``config``, built on first use and shared after; do not modify it."""
    return build_pipeline(config)


def is_supported(document: Document) -> bool:
    """Whether the pipeline reads ``document``'s language (unknown counts as English)."""
    language = (document.meta.language or "en").split("-")[0].lower()
    return language in settings.ANNOTATED_LANGUAGES
