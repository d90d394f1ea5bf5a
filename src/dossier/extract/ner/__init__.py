"""Named entities: spaCy components that run after spaCy's own ``ner`` and repair what it gets
wrong on news wires.

spaCy's English pipelines are trained on OntoNotes 5, mostly mixed-case running text. On wire
copy (CoNLL-2003 is Reuters 1996) the model stumbles in a few recurring ways; each module here
repairs one, keeping OntoNotes labels (PERSON, ORG, GPE, LOC, NORP, ...) so that later stages
see one scheme. In pipeline order (``dossier.nlp.COMPONENTS``):

``caps`` (``dossier_caps_ner``)
    names in ALL-CAPS headlines and datelines, found on a case-restored copy of those lines;
``boundaries`` (``dossier_entity_boundaries``)
    spans cut at scores, dashes and brackets, without a leading "the" or a possessive;
``gazetteer`` (``dossier_gazetteer``)
    countries, cities, regions and nationalities from the KB's ``ner_gazetteer.csv``;
``datelines`` (``dossier_datelines``)
    the places of wire datelines ("TAVILDARA , Tajikistan 1996-08-30");
``sports`` (``dossier_sports_teams``)
    teams in results, fixtures and standings: clubs ORG, national sides GPE;
``consistency`` (``dossier_doc_consistency``)
    one label per name in an article, repeats and persons' surnames found.

``common`` holds what they share (label sets, token shapes, the fixed-entity group).

Contributions measured on CoNLL-2003 eng.testa (dev), F1 of the NER repairs 0.805 against 0.644
for plain spaCy: leaving one component out costs caps 0.008, boundaries 0.044, gazetteer 0.013,
datelines 0.004, sports teams 0.053, consistency 0.022 (``dossier eval ner --without``).

Importing this package registers the six factories; ``dossier.nlp`` adds them to the pipeline.
"""

from __future__ import annotations

from dossier.extract.ner.boundaries import entity_boundaries, join_middle_initials, split_name
from dossier.extract.ner.caps import CapsLineNer, CasingEvidence, caps_lines, restore_case
from dossier.extract.ner.common import (
    FIXED_SPANS_KEY,
    NAME_LABELS,
    NUMERIC_LABELS,
    is_caps_word,
)
from dossier.extract.ner.consistency import DocumentConsistency
from dossier.extract.ner.datelines import datelines
from dossier.extract.ner.gazetteer import Gazetteer, GazetteerTagger
from dossier.extract.ner.sports import SportsTeams, result_line_names

__all__ = [
    "FIXED_SPANS_KEY",
    "NAME_LABELS",
    "NUMERIC_LABELS",
    "CapsLineNer",
    "CasingEvidence",
    "DocumentConsistency",
    "Gazetteer",
    "GazetteerTagger",
    "SportsTeams",
    "caps_lines",
    "datelines",
    "entity_boundaries",
    "is_caps_word",
    "join_middle_initials",
    "restore_case",
    "result_line_names",
    "split_name",
]
