"""The words the linker reads around names: the determiners, possessives and modifiers that
qualify a title, descriptive and relational titles, and the limits of a name or a description.
Fixed English vocabulary, not KB data; the KB-derived lexicon is ``lexicon.py``."""

from __future__ import annotations

import re

#: NER labels taken as candidates where no KB candidate covers them.
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})

#: Label of a KB actor's mention, by actor type.
LABEL_OF_TYPE = {
    "person": "PERSON",
    "country": "GPE",
    "government": "ORG",
    "agency": "ORG",
    "igo": "ORG",
    "party": "ORG",
    "company": "ORG",
    "media": "ORG",
    "group": "ORG",
    "event": "EVENT",
}

#: Words that open a role phrase. Possessive pronouns point back at an antecedent ("his Kazakh
#: counterpart" is the counterpart of whoever "his" is).
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
POSSESSIVE_MARKERS = frozenset({"'s", "'", "’s", "’"})

#: Modifiers that put an office in the past ("former prime minister", "the previous
#: president"): with a name they give "former <office>", without one no holder.
PAST_MODIFIERS = frozenset(
    {
        "former",
        "ex",
        "late",
        "then",
        "previous",
        "past",
        "erstwhile",
        "onetime",
        "one-time",
        "deposed",
        "ousted",
        "toppled",
    }
)

#: Titles too loose to stand for someone named before without a country: "their leader".
COUNTRY_ONLY_TITLES = frozenset({"leader", "head of state", "head of government", "top diplomat"})

#: Words before a role phrase that make it no particular holder: "any U.S. secretary of state".
NON_SPECIFIC = frozenset({"any", "every", "each", "no", "another", "future", "next", "whichever"})

#: Modifiers of a title that change which holder is meant: "new", "former", "first", ...
MODIFIERS = PAST_MODIFIERS | frozenset(
    {
        "new",
        "newly",
        "elected",
        "first",
        "former",
        "ex",
        "then",
        "outgoing",
        "incoming",
        "acting",
        "interim",
        "late",
        "current",
        "incumbent",
        "sitting",
        "longtime",
        "long-time",
        "veteran",
    }
)

#: Titles that describe a person without naming an office. With a name they give the person a
#: country (from an adjective) and, with an organisation, a description ("correspondent,
#: RFE/RL"); they are never resolved without a name. Longer entries win ("political scientist"
#: before "scientist"), so compound office titles listed here ("deputy prime minister") keep a
#: word like "deputy" from being read as a title of its own.
DESCRIPTIVE_TITLES = frozenset(
    {
        "analyst",
        "political analyst",
        "scientist",
        "political scientist",
        "economist",
        "researcher",
        "research fellow",
        "fellow",
        "senior fellow",
        "expert",
        "scholar",
        "professor",
        "historian",
        "sociologist",
        "commentator",
        "columnist",
        "contributing columnist",
        "correspondent",
        "reporter",
        "journalist",
        "editor",
        "photographer",
        "writer",
        "blogger",
        "activist",
        "lawyer",
        "diplomat",
        "official",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "director",
        "head",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "deputy prime minister",
        "first deputy prime minister",
        "deputy minister",
        "deputy foreign minister",
        "vice president",
        "vice-president",
        "deputy head",
        "deputy chairman",
        "deputy speaker",
        "opposition leader",
        "lawmaker",
        "legislator",
        "parliamentarian",
        "senator",
        "politician",
        # Military and diplomatic ranks and US legislators' titles, often written short
        # ("Gen.", "Lt. Gen.", "Amb.", "Rep."; ``spelling.TITLE_ABBREVIATIONS``).
        "general",
        "lieutenant general",
        "major general",
        "brigadier general",
        "lieutenant",
        "colonel",
        "lieutenant colonel",
        "major",
        "captain",
        "commander",
        "admiral",
        "vice admiral",
        "rear admiral",
        "sergeant",
        "ambassador",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "secretary",
        "prosecutor",
        "attorney",
        "pilot",
        "nurse",
        "teacher",
        "student",
        "doctor",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "protester",
        "demonstrator",
        "engineer",
        "citizen",
        "farmer",
        "priest",
    }
)

#: Entity labels of names a title word may begin without being a title ("General Motors",
#: "Admiral Insurance", "Major League Baseball").
NAME_LABELS_NOT_TITLES = frozenset(
    {"ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
)

#: Nouns naming the person across the table from an antecedent: "his Kazakh counterpart" holds,
#: in Kazakhstan, the office the antecedent holds at home.
RELATIONAL_TITLES = frozenset({"counterpart", "host", "guest", "opposite number"})

#: Nouns that make a country-qualified phrase name its government ("Ukraine's government").
GOVERNMENT_TITLES = frozenset({"government"})

#: Descriptive titles may follow up to this many lower-case words that belong to the
#: description ("trade economist", "foreign policy chief").
MAX_DESCRIPTION_WORDS = 3

#: Prepositions that introduce an organisation after an appositive description ("a researcher
#: at the Samarkand Centre"), or after a name ("Arpi Hakobyan of the Sevan Policy Forum").
AFFILIATION_PREPOSITIONS = frozenset({"at", "of", "with", "from"})

#: Most words a name after a title may have.
MAX_NAME_TOKENS = 4

#: A middle initial inside a name ("Vladimir V. Putin").
INITIAL = re.compile(r"\A[A-Z]\.\Z")

#: "pro-Kremlin", "anti-Western": a prefix and hyphen that make the next word an adjective.
ATTITUDE_PREFIXES = frozenset({"pro", "anti"})
