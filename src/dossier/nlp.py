"""The spaCy pipeline, loaded once, and the place where dossier adds its own components.

``load_pipeline()`` returns spaCy's English pipeline (``settings.SPACY_MODEL``) with dossier's
components appended after spaCy's ``ner``, in the order of ``DOSSIER_COMPONENTS``. Each entry
names a registered factory (``@Language.factory``) and its config; importing the modules below
registers them. To add a stage, register its factory in its ``extract/`` module, import the
module here, and append it to the list at the point in the order where it belongs: entity
linking, for example, goes after the NER repairs, which it relies on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

import dossier.extract.fact_time  # noqa: F401  (registers dossier_fact_time)
import dossier.extract.linking  # noqa: F401  (registers dossier_kb_ruler, dossier_linker)
import dossier.extract.ner  # noqa: F401  (registers the dossier_* NER factories)
import dossier.extract.timex  # noqa: F401  (registers dossier_timex)
from dossier import settings


@dataclass(frozen=True)
class Component:
    """One dossier pipeline stage: a registered spaCy factory and its config."""

    factory: str
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.factory


#: dossier's components, in pipeline order, all after spaCy's ``ner``.
DOSSIER_COMPONENTS: tuple[Component, ...] = (
    # NER repairs (extract/ner.py). All-caps lines first, so every later stage sees their
    # entities; boundaries before the gazetteer, which relabels only spans it matches exactly;
    # datelines and sports results after it, since a line's layout outweighs a place list;
    # document consistency last, to spread the labels the others settled.
    Component("dossier_caps_ner"),
    Component("dossier_entity_boundaries"),
    Component("dossier_gazetteer"),
    Component("dossier_datelines"),
    Component("dossier_sports_teams"),
    Component("dossier_doc_consistency"),
    # Entity linking (extract/mentions.py, extract/linking/), after the NER repairs whose
    # entities it takes as candidates.
    Component("dossier_kb_ruler"),
    Component("dossier_linker"),
    # Time (extract/timex/, extract/fact_time.py): TIMEX3 values anchored on the document's
    # date, then each sentence's reference time, which later facts carry instead of the
    # publication date.
    Component("dossier_timex"),
    Component("dossier_fact_time"),
)

#: spaCy components dossier never uses: left out of the pipeline to save time.
EXCLUDED_SPACY_COMPONENTS: tuple[str, ...] = ("lemmatizer",)


def build_pipeline(
    components: Iterable[Component | str] = DOSSIER_COMPONENTS,
    exclude: Sequence[str] = EXCLUDED_SPACY_COMPONENTS,
    model: str = settings.SPACY_MODEL,
) -> Language:
    """A fresh pipeline: spaCy's ``model`` without ``exclude``, then ``components`` in order.

    Uncached, for evaluations and ablations; the application uses ``load_pipeline``. A component
    may be given by factory name alone to use its default config.
    """
    nlp = spacy.load(model, exclude=list(exclude))
    for component in components:
        if isinstance(component, str):
            component = Component(component)
        nlp.add_pipe(component.factory, name=component.name, config=dict(component.config))
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(with_dossier_components: bool = True) -> Language:
    """The shared pipeline, loaded on first use: spaCy's model, plus dossier's components.

    With ``with_dossier_components=False`` it is the plain spaCy pipeline (the baseline the
    evaluations compare against). Callers must not add or remove components on the result.
    """
    return build_pipeline(DOSSIER_COMPONENTS if with_dossier_components else ())
