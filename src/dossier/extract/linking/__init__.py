"""Entity linking: find the stretches of text that may name an actor, and resolve each to the
actor it means on the document's date.

Two pipeline components, both configured with the KB folder (``kb_dir``) and their extractor
version by ``dossier.nlp.build_pipeline``:

* ``dossier_kb_ruler`` (``ruler.py``) marks candidates in ``doc.spans["dossier_candidates"]``,
  each with a ``Candidate`` (``candidates.py``) saying what was recognised;
* ``dossier_linker`` (``linker.py``) resolves them, in text order, into ``Mention`` facts in
  ``doc._.dossier_mentions``:

  - a **name** or alias is its KB actor; a person gets as role the most senior office the KB
    says they held on the date (head of state, head of government, foreign minister, minister,
    then the rest);
  - a **role phrase** is whoever held the office on the date ("Russia's President" in November
    2011 is Dmitry Medvedev, in 2013 Vladimir Putin); "-elect" and "new" ask for the person who
    had won the office but not yet taken it; "his Kazakh counterpart" holds in Kazakhstan the
    kind of office the antecedent of "his" holds; "the president" without a country is the
    last person the document named with that title, else the holder in the main country;
  - **title + name** links the name and takes the role from the title;
  - a **place** that acts or speaks is a metonym for its ``stands_for`` actor; elsewhere it is
    the place itself; a **country** that acts or is acted on as a state ("Russia denies",
    "blamed Moscow", "talks with Ukraine") is its government, kept as a metonym with the
    country; "the Obama administration" is the government its leader heads;
  - an **institution named by its function** ("the defence ministry", "Ukrainian troops",
    "parliament") is the KB institution with that function in the country the text gives it,
    else in the country the sentence, line or document is about; a one-word function written
    with a capital is a name ("the House", "a House subpoena", "an Army offensive") and needs no
    country or "the", a lower-case one ("house") never is;
  - a **surname** is the person named in full earlier in the document, else the one KB person
    with that surname in office on the date (or at all);
  - a **coordinated phrase** names one actor per conjunct ("the Russian and Ukrainian
    presidents", "the State and Treasury departments", "Victor and Azza Olynik":
    ``coordination``); a **"pro-<country>" group** ("pro-Moscow militants") is the KB group of
    its normal name or a NIL group, never the country's government (``sides``); a
    **spokesperson named by the principal** ("a spokesman for President Putin", "the Kremlin
    spokesman") holds the principal's spokesperson office on the date (``spokespeople``);
  - everything else keeps its surface name (NIL), with a country from its title's adjective.

Names are looked up as spelt, then by a transliteration-folding key (``spelling``: Zelenskyy,
Zelenskiy and Zelensky are one key, and defence/defense), and a title abbreviation ("Sec.",
"Gen.", "Amb.") is its title.

The modules, one concern each. The ruler: ``lexicon`` (the KB's names and titles as tokens, the
words that qualify a title), ``spelling`` (folding key, abbreviations), ``role_phrases``
(parsing a title and the name after it), ``functions`` (institutions by function and country),
``ruler`` (the component), and the phrase rules that add candidates with their resolvers:
``coordination``, ``sides``, ``spokespeople``. The linker: ``context`` (``LinkingContext``,
the per-document state every resolver takes), ``build`` (making ``Mention`` facts with their
provenance), ``offices``, ``coreference`` (the persons named so far), and one module per way of
resolving: ``names``,
``roles``, ``people``, ``surnames``, ``metonymy``, ``institutions``; ``linker`` (the component
and its dispatch). Organisations: ``nested`` (an organisation named inside a title, "House
Intelligence Committee Chairman X", is a mention of its own), ``chaired`` ("Schiff's panel" is
the body its chair's office chairs), ``namesakes`` (of organisations sharing a name, the one the
document's earlier mentions point to).
"""

from __future__ import annotations

from dossier.extract.linking.build import CONFIDENCE, EXTRACTOR
from dossier.extract.linking.candidates import (
    CANDIDATES_KEY,
    MENTIONS_KEY,
    Candidate,
    RolePhrase,
)
from dossier.extract.linking.context import LinkingContext, NamedPerson, normalise_date
from dossier.extract.linking.lexicon import KBLexicon
from dossier.extract.linking.linker import RESOLVERS, MentionLinker, make_linker, resolve
from dossier.extract.linking.offices import elect_role_name
from dossier.extract.linking.ruler import KBRuler, make_kb_ruler

__all__ = [
    "CANDIDATES_KEY",
    "CONFIDENCE",
    "EXTRACTOR",
    "MENTIONS_KEY",
    "RESOLVERS",
    "Candidate",
    "KBLexicon",
    "KBRuler",
    "LinkingContext",
    "MentionLinker",
    "NamedPerson",
    "RolePhrase",
    "elect_role_name",
    "make_kb_ruler",
    "make_linker",
    "normalise_date",
    "resolve",
]
