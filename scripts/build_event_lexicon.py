"""Build the event stage's verb lexicon and Goldstein table from public sources.

Writes ``src/dossier/kb/data/event_lexicon.csv`` and ``src/dossier/kb/data/event_goldstein.csv``;
the product reads only those shipped files, never the sources below.

Sources (both kept beside the repository, in ``../shared/kb``):
- PETRARCH2's CAMEO verb dictionary ``CAMEO.2.0.txt`` (Open Event Data Alliance, MIT licence):
  each verb of a synonym block with its own CAMEO code, or its block's where the verb names
  the block or has patterns of its own (other synonyms are loose WordNet neighbours); a block
  without a code (``OPEN [---]``) codes only through its patterns ("open fire"). Multi-word verbs
  (``+ASK_FOR``) keep their particle. A pattern whose object is one word
  (``- * SANCTIONS [163]``) becomes an
  ``object`` row only where it changes the PLOVER type the verb codes by default (or where the
  verb has no code of its own); an object that is a long synonym set (``&WEAPON``) is left out.
- ``CAMEO2PLOVER-2021.txt`` (PLOVER project, CC BY-SA 4.0 per its manual): CAMEO code -> PLOVER
  type, mode and context; a code it lacks takes its nearest listed parent.

Curated departures, each named in ``OVERRIDES``: the PLOVER 2 manual codes promises and
signings of agreements as ``AGREE`` (the 2021 table still says SUPPORT for 057), international
sanctions as ``SANCTION`` 'discontinue' (the table says COERCE for 163), and CAMEO 02 (appeal),
which the table leaves out, as ``REQUEST``. Nouns for nominal events ("a ban on", "sanctions
against") are a short curated list, ``NOUNS``.

The Goldstein table is the public CAMEO Goldstein scale (Goldstein 1992, as extended for CAMEO
and published with GDELT) at the root level, ``GOLDSTEIN``.

Run: ``python scripts/build_event_lexicon.py ../shared/kb``
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dossier" / "kb" / "data"
VERBS = "petrarch2_dictionaries/petrarch2/data/dictionaries/CAMEO.2.0.txt"
PLOVER = "plover/CAMEO2PLOVER-2021.txt"
COUNTRIES = "petrarch2_dictionaries/petrarch2/data/dictionaries/Phoenix.Countries.actors.txt"
WORLD = "mledoze_countries/countries.json"
#: Capitals that news uses for the organisations seated there more than for their country
#: ("Brussels" for the EU or NATO): no capital row, so they never stand for the state.
IGO_SEATS = frozenset({"Brussels"})
#: Endings of a country's adjective or people noun among its Phoenix synonyms ("SERBIAN",
#: "CONGOLESE"); other synonyms are mostly cities and regions, which name places. A synonym
#: that begins as the country's name does ("ISRAELI", "IRAQIS") is one too.
_ADJECTIVE = re.compile(r"^[A-Z]+(?:IAN|IANS|ESE|ISH|ANS|ERS|OTS|ICS)$")

#: CAMEO code -> (PLOVER type, mode, context) where we depart from the 2021 table (see above).
OVERRIDES = {
    "02": ("REQUEST", "", ""),
    "057": ("AGREE", "sign", "diplomatic"),
    "163": ("SANCTION", "discontinue", "economic"),
}

#: Goldstein score per CAMEO root (public CAMEO Goldstein scale, root codes).
GOLDSTEIN = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}

#: Nouns that name an event ("the signing of", "a ban on", "sanctions against"): lemma,
#: the preposition that introduces the target where one does, CAMEO code.
NOUNS = [
    ("signing", "", "057"),
    ("ban", "on", "163"),
    ("embargo", "on", "163"),
    ("sanction", "against", "163"),
    ("sanction", "on", "163"),
    ("boycott", "of", "163"),
    ("blockade", "of", "191"),
    ("annexation", "of", "192"),
    ("occupation", "of", "192"),
    ("invasion", "of", "190"),
    ("attack", "on", "190"),
    ("offensive", "against", "190"),
    # A state of war between sides ("is at war with Russia", "its war against the rebels").
    ("war", "against", "190"),
    ("war", "with", "190"),
    ("airstrike", "on", "195"),
    ("shelling", "of", "194"),
    ("meeting", "with", "040"),
    ("talks", "with", "046"),
    ("summit", "", "040"),
    ("visit", "to", "042"),
    ("agreement", "with", "057"),
    ("treaty", "with", "057"),
    ("protest", "against", "141"),
    ("demonstration", "against", "141"),
    ("rally", "against", "141"),
    ("strike", "", "143"),
    ("aid", "to", "070"),
    ("assistance", "to", "070"),
    ("loan", "to", "071"),
    ("accusation", "against", "112"),
    ("criticism", "of", "111"),
    ("condemnation", "of", "111"),
    ("investigation", "into", "090"),
    ("probe", "into", "090"),
    ("inquiry", "into", "090"),
    ("threat", "to", "130"),
    ("ultimatum", "to", "139"),
    ("demand", "for", "100"),
    ("request", "for", "020"),
    ("appeal", "for", "020"),
    ("withdrawal", "from", "087"),
    ("ceasefire", "", "0871"),
    ("truce", "", "0871"),
    ("arrest", "of", "173"),
    ("expulsion", "of", "166"),
    ("deployment", "", "154"),
    ("mobilization", "", "154"),
    ("cut-off", "", "162"),
    ("cutoff", "", "162"),
    ("recognition", "of", "054"),
    ("rejection", "of", "120"),
    ("refusal", "", "120"),
    ("veto", "", "129"),
    ("accession", "to", "031"),
    ("negotiations", "with", "046"),
    ("mediation", "between", "045"),
    ("suspension", "of", "164"),
    ("retreat", "", "0874"),
    ("alert", "", "152"),
    ("hold", "on", "162"),
    # Nominalisations of the curated verbs below (VERB_OVERRIDES): the act told as a noun.
    ("release", "of", "0841"),
    ("detention", "of", "173"),
    ("seizure", "of", "192"),
    ("capture", "of", "192"),
    ("killing", "of", "190"),
    ("assassination", "of", "190"),
    ("bombing", "of", "195"),
    ("fighting", "", "190"),
    ("counteroffensive", "against", "190"),
    ("counter-offensive", "against", "190"),
    ("warning", "to", "130"),
    ("denial", "of", "120"),
    ("support", "for", "051"),
    ("endorsement", "of", "051"),
    ("freeze", "on", "164"),
    ("recruitment", "", "154"),
    ("conscription", "", "154"),
    ("charge", "against", "112"),
    ("allegation", "against", "112"),
    ("blame", "for", "112"),
    ("impeachment", "", "112"),
    ("conversation", "with", "040"),
]

#: Common news verbs whose PETRARCH2 reading is a synonym block's default that does not fit
#: PLOVER 2 ("sign" took the block's military-treaty code, "ratify" CONCEDE, "withdraw"
#: CONCEDE): lemma, particle, CAMEO code. They replace the dictionary's row.
VERB_OVERRIDES = [
    ("sign", "", "057"),
    ("ratify", "", "057"),
    ("agree", "", "030"),
    ("approve", "", "057"),
    ("conclude", "", "057"),
    ("promise", "", "030"),
    ("pledge", "", "030"),
    ("vow", "", "030"),
    ("negotiate", "", "046"),
    # Verbs of bargaining: negotiation, not support (PETRARCH2 gives "bargain" 050).
    ("bargain", "", "046"),
    ("haggle", "", "046"),
    ("wrangle", "", "046"),
    ("talk", "", "040"),
    ("visit", "", "042"),
    ("host", "", "043"),
    ("meet", "", "040"),
    ("hold", "talks", "046"),
    ("join", "", "060"),
    ("launch", "", "060"),
    ("withdraw", "", "161"),
    ("withdraw", "from", "161"),
    ("pull", "out", "087"),
    ("suspend", "", "164"),
    ("freeze", "", "164"),
    ("halt", "", "164"),
    ("cut", "off", "162"),
    ("cut", "", "162"),
    ("ban", "", "163"),
    ("sanction", "", "163"),
    ("embargo", "", "163"),
    ("boycott", "", "143"),
    ("urge", "", "100"),
    ("press", "", "100"),
    ("call", "for", "100"),
    ("call", "on", "100"),
    ("appeal", "", "020"),
    ("ask", "", "020"),
    ("demand", "", "100"),
    ("accuse", "", "112"),
    ("blame", "", "112"),
    ("criticize", "", "111"),
    ("criticise", "", "111"),
    ("condemn", "", "111"),
    ("denounce", "", "111"),
    ("investigate", "", "090"),
    ("warn", "", "130"),
    ("threaten", "", "130"),
    ("reject", "", "120"),
    ("refuse", "", "120"),
    ("veto", "", "129"),
    ("bar", "", "120"),
    ("deploy", "", "154"),
    ("mobilize", "", "154"),
    ("mobilise", "", "154"),
    ("mass", "", "154"),
    ("send", "", "070"),
    ("provide", "", "070"),
    ("supply", "", "070"),
    ("invade", "", "190"),
    ("attack", "", "190"),
    ("shell", "", "194"),
    ("bomb", "", "195"),
    ("fight", "", "190"),
    ("kill", "", "190"),
    ("drive", "out", "190"),
    ("annex", "", "192"),
    ("occupy", "", "192"),
    ("blockade", "", "191"),
    ("arrest", "", "173"),
    ("detain", "", "173"),
    ("expel", "", "166"),
    ("release", "", "0841"),
    ("free", "", "0841"),
    ("surrender", "", "0874"),
    ("ease", "", "081"),
    ("lift", "", "081"),
    ("call", "off", "080"),
    ("accept", "", "030"),
    ("sue", "", "115"),
    ("pressure", "", "100"),
    ("decline", "", "120"),
    ("prevent", "", "170"),
    ("defend", "", "052"),
    ("prohibit", "", "163"),
    ("deny", "", "120"),
    ("hand", "over", "070"),
    ("oppose", "", "120"),
    ("reduce", "", "160"),
    ("retreat", "", "0874"),
    ("alert", "", "152"),
    ("hold", "on", "162"),
    ("support", "", "051"),
    ("back", "", "051"),
    ("endorse", "", "051"),
    ("praise", "", "051"),
    ("welcome", "", "051"),
    ("recognize", "", "054"),
    ("recognise", "", "054"),
    ("side", "with", "051"),
    ("protest", "", "141"),
    ("rally", "", "141"),
    ("demonstrate", "", "141"),
    ("march", "", "141"),
    ("cooperate", "", "060"),
    ("help", "", "070"),
    ("aid", "", "070"),
    ("lend", "", "071"),
    ("acquit", "", "080"),
    ("concede", "", "080"),
    ("impose", "", "163"),
    ("tighten", "", "163"),
    ("seize", "", "171"),
    ("capture", "", "192"),
    # Removal from office or from the country (CAMEO 174): PETRARCH2 lists these only as
    # loose synonyms of DEPORT, so the block rule above leaves them out.
    ("oust", "", "174"),
    ("depose", "", "174"),
    ("kick", "out", "174"),
    # Territory taken into a state (CAMEO 192, occupy): a synonym of annexing.
    ("absorb", "", "192"),
    # Taking back what one said (CAMEO 08, yield): no PETRARCH2 entry.
    ("recant", "", "080"),
    ("retract", "", "080"),
    # Criticism in the words news uses for it (CAMEO 111, criticize or denounce; 112, accuse):
    # PETRARCH2 lists these only as loose synonyms, or not at all.
    ("charge", "", "112"),
    ("slam", "", "111"),
    ("lambast", "", "111"),
    ("lambaste", "", "111"),
    ("rebuke", "", "111"),
    ("decry", "", "111"),
    ("chastise", "", "111"),
    ("berate", "", "111"),
    ("assail", "", "111"),
    ("castigate", "", "111"),
    ("censure", "", "111"),
    ("reprimand", "", "111"),
    ("vilify", "", "111"),
    ("deride", "", "111"),
    ("disparage", "", "111"),
    # A vote against something rejects it (CAMEO 12); the dictionary has only "vote down".
    ("vote", "against", "120"),
    # A particle that turns the verb ("backed out of the deal", "walked away from the
    # talks"): reneging on or leaving an accord or talks is a rejection of them.
    ("back", "out", "120"),
    ("back", "away", "120"),
    ("walk", "away", "120"),
    ("walk", "out", "120"),
]

#: Light verbs whose bare PETRARCH2 reading (hold: 170 coerce; take: 171 seize) news uses mostly
#: for something else ("held a meeting", "holding flags", "took part", "took office"): they code
#: only with a particle or object that says the act ("take over", "take control", "hold talks",
#: "held hostage").
LIGHT_VERBS = ("hold", "take")

#: Curated readings that name their PLOVER type where the CAMEO code's type is not PLOVER 2's
#: (resignations are RETREAT 'resign' in the PLOVER 2 manual, CONCEDE in the 2021 table), and
#: verbs whose object decides (one accepts a plan as AGREE, demands as CONCEDE): lemma,
#: particle, object, CAMEO code, PLOVER type, mode.
TYPED_OVERRIDES = [
    # Ground won against a foe ("made headway against the rebels") is fighting them.
    ("make", "", "headway", "190", "ASSAULT", ""),
    ("make", "", "gain", "190", "ASSAULT", ""),
    ("resign", "", "", "0831", "RETREAT", "resign"),
    ("step", "down", "", "0831", "RETREAT", "resign"),
    ("accept", "", "demand", "083", "CONCEDE", ""),
    ("accept", "", "demands", "083", "CONCEDE", ""),
    # Claims dismissed are claims rejected (the dictionary's 'dismiss' is a rebuke, 110).
    ("dismiss", "", "allegation", "120", "REJECT", ""),
    ("dismiss", "", "allegations", "120", "REJECT", ""),
    ("dismiss", "", "claim", "120", "REJECT", ""),
    ("dismiss", "", "claims", "120", "REJECT", ""),
    ("dismiss", "", "accusation", "120", "REJECT", ""),
    ("dismiss", "", "accusations", "120", "REJECT", ""),
    ("dismiss", "", "charge", "120", "REJECT", ""),
    ("dismiss", "", "charges", "120", "REJECT", ""),
    # Troops withdrawn are a military retreat; aid, envoys or observers withdrawn a sanction.
    ("withdraw", "", "troop", "0872", "RETREAT", "withdraw"),
    ("withdraw", "", "force", "0872", "RETREAT", "withdraw"),
    ("withdraw", "", "soldier", "0872", "RETREAT", "withdraw"),
    ("pull", "out", "troop", "0872", "RETREAT", "withdraw"),
    # PLOVER 2 SUPPORT: "initiation of diplomatic ties".
    ("establish", "", "tie", "050", "SUPPORT", ""),
    ("establish", "", "relation", "050", "SUPPORT", ""),
    ("upgrade", "", "tie", "050", "SUPPORT", ""),
    ("upgrade", "", "relation", "050", "SUPPORT", ""),
    # Restrictions cancelled are eased (CAMEO 081); hearings and inquiries opened investigate.
    ("cancel", "", "restriction", "081", "CONCEDE", ""),
    ("open", "", "hearing", "090", "ACCUSE", "investigate"),
    ("open", "", "inquiry", "090", "ACCUSE", "investigate"),
    ("open", "", "probe", "090", "ACCUSE", "investigate"),
    ("open", "", "investigation", "090", "ACCUSE", "investigate"),
    # Blocking a road is a protest ('obstruct'); a state that blocks is coded COERCE by the
    # extractor.
    ("block", "", "", "144", "PROTEST", "obstruct"),
    # Joining a body: "became a member (an observer state) of the union".
    ("become", "", "member", "060", "COOPERATE", ""),
    ("become", "", "observer", "060", "COOPERATE", ""),
    ("become", "", "state", "060", "COOPERATE", ""),
    ("complete", "", "entry", "060", "COOPERATE", ""),
    ("complete", "", "accession", "060", "COOPERATE", ""),
    # A request or application handed in is a request (PETRARCH reads "submit" as yielding).
    ("submit", "", "request", "020", "REQUEST", ""),
    ("submit", "", "application", "020", "REQUEST", ""),
    ("submit", "", "bid", "020", "REQUEST", ""),
    # Seizing control of places, and posting troops, which PETRARCH's verbs lack or read
    # only through their particles ("took over"): COERCE 'seize' and MOBILIZE 'troops'.
    ("take", "", "control", "192", "COERCE", "seize"),
    ("seize", "", "control", "192", "COERCE", "seize"),
    ("retake", "", "", "192", "COERCE", "seize"),
    ("recapture", "", "", "192", "COERCE", "seize"),
    ("station", "", "", "154", "MOBILIZE", "troops"),
    # Forces that invade or storm a building occupy it (COERCE 'seize'), no battle: "militants
    # invaded government offices".
    ("invade", "", "office", "192", "COERCE", "seize"),
    ("invade", "", "building", "192", "COERCE", "seize"),
    ("invade", "", "headquarters", "192", "COERCE", "seize"),
    ("invade", "", "premises", "192", "COERCE", "seize"),
    # Forces a state has or keeps somewhere are deployed there: "has 40,000 troops on the
    # border" (MOBILIZE 'troops'; "have" alone names nothing).
    ("have", "", "troop", "154", "MOBILIZE", "troops"),
    ("have", "", "soldier", "154", "MOBILIZE", "troops"),
    ("keep", "", "troop", "154", "MOBILIZE", "troops"),
    ("keep", "", "soldier", "154", "MOBILIZE", "troops"),
] + [
    # Proposing a joint body or arrangement is an offer to cooperate, which the PLOVER manual
    # codes AGREE ("agree to, offer, promise"), not an appeal (PETRARCH's bare "propose").
    ("propose", "", thing, "030", "AGREE", "")
    for thing in (
        "commission",
        "council",
        "talk",
        "meeting",
        "summit",
        "deal",
        "agreement",
        "pact",
        "treaty",
        "partnership",
        "cooperation",
        "framework",
        "mechanism",
        "forum",
        "zone",
        "union",
        "alliance",
        "mission",
        "venture",
        "plan",
    )
]

COLUMNS = ("pos", "lemma", "particle", "object", "cameo", "plover", "mode", "context", "source")


def read_plover_map(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?", line)
        if match:
            mode = (match.group(3) or "").strip()
            context = (match.group(4) or "").strip().split(";")[0].strip()
            table.setdefault(match.group(1), (match.group(2), mode, context))
    table.update(OVERRIDES)
    return table


def plover_of(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("&"):
            current = line.split()[0]
            synsets[current] = []
        elif line.startswith("+") and current:
            synsets[current].append(line[1:].split()[0].strip("_"))
        elif not line.strip() or line.startswith("#"):
            continue
        else:
            current = None
    return synsets


def _code(text: str) -> str | None:
    match = re.search(r"\[(\d{2,4})(?::\d+)?\]", text)
    return match.group(1) if match else None


def read_verbs(path: Path) -> list[dict[str, str]]:
    """Every verb of the dictionary with its code, and type-changing one-word objects."""
    text = path.read_text(encoding="latin-1")
    head, _, body = text.partition("####### VERB PATTERNS #######")
    synsets = read_synsets(head.splitlines())
    blocks = re.split(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---\s*$", body, flags=re.M)
    found: list[dict[str, str]] = []
    for index in range(1, len(blocks), 3):
        block_code = blocks[index + 1].strip()
        raw = blocks[index + 2].splitlines()
        lines = [line.split("#")[0].rstrip() for line in raw]
        # A pattern's comment names the verb it was written for: it applies to that verb only
        # (applied to every synonym of its block, "accuse" would inherit "cancel"'s objects).
        written_for = [line.partition("#")[2].strip().lower() for line in raw]
        verbs: list[tuple[str, str, str | None]] = []  # (lemma, particle, own code)
        patterns: list[tuple[str, str, str]] = []  # (verb it was written for, object, code)
        for line, owner in zip(lines, written_for, strict=True):
            if not line.strip():
                continue
            if line.startswith("-"):
                code = _code(line)
                after = line[1:].split("[")[0].split("*", 1)
                if code is None or len(after) != 2 or after[0].strip():
                    continue
                words = after[1].split()
                members = synsets.get(words[0], [words[0]]) if words else []
                # A long synonym set (every weapon, every currency) would be hundreds of rows
                # for one pattern: such objects are left to the verb's own reading.
                if len(words) == 1 and not words[0].startswith(("(", "{")) and len(members) <= 40:
                    for word in members:
                        patterns.append((owner, word.lower(), code))
                continue
            word = line.split()[0]
            if not re.match(r"^\+?[A-Z_]+$", word):
                continue
            parts = word.lstrip("+").strip("_").lower().split("_")
            verbs.append((parts[0], " ".join(parts[1:]), _code(line)))
        # A block without a code ("OPEN [---]") codes only through its patterns ("open fire"):
        # its verbs alone name no event.
        default = block_code if re.fullmatch(r"\d{2,4}", block_code) else None
        block_name = blocks[index].lower().split("_")[0]
        authored = {owner for owner, _, _ in patterns} | {block_name}
        for lemma, particle, own in verbs:
            code = own or default
            # A synonym that only inherits its block's code ("argue" in VERBAL_CONFLICT) is a
            # loose WordNet neighbour; a verb with a code, patterns or the block's name of its
            # own was written for by the dictionary's authors.
            if code is not None and (own or lemma in authored):
                found.append({"pos": "verb", "lemma": lemma, "particle": particle, "cameo": code})
            for owner, obj, object_code in patterns:
                if owner != lemma:
                    continue
                found.append(
                    {
                        "pos": "verb",
                        "lemma": lemma,
                        "particle": particle,
                        "object": obj,
                        "cameo": object_code,
                        "default": code or "",
                    }
                )
    return found


def read_countries(path: Path) -> list[tuple[str, str, str]]:
    """(word, ISO3, kind) for each country's name and its adjectives and people nouns.

    A block is a head name, its ``+`` synonyms and its codes (on the head line, or on
    indented lines after the synonyms: ``IRAQ_ ... [IRQ <20030320]``).
    """
    found: list[tuple[str, str, str]] = []
    blocks: list[tuple[str, list[str], str | None]] = []
    name, synonyms, code = "", [], None
    for line in path.read_text(encoding="latin-1").splitlines():
        head = re.match(r"^([A-Z][A-Z_'\-]*?)_?\s*(?:\[([A-Z]{3})\])?\s*(?:#.*)?$", line)
        if head and not line.startswith(("+", " ", "\t")):
            blocks.append((name, synonyms, code))
            name, synonyms, code = head.group(1), [], head.group(2)
            continue
        synonym = re.match(r"^\+([A-Z'\-]+?)_?\s*(?:#.*)?$", line)
        if synonym:
            synonyms.append(synonym.group(1))
            continue
        bracket = re.match(r"^\s+\[([A-Z]{3})[\s\]]", line)
        if bracket and code is None and synonyms[-1:] != [None]:
            code = bracket.group(1)
    blocks.append((name, synonyms, code))
    for name, synonyms, code in blocks:
        if not name or code is None or not name.replace("_", "").isalpha():
            continue
        found.append((name.replace("_", " ").title(), code, "name"))
        for word in synonyms:
            if _ADJECTIVE.match(word) or word[:4] == name[:4]:
                found.append((word.title(), code, "adjective"))
                if word.endswith(("AN", "I")):  # its people: "Albanians", "Iraqis"
                    found.append((word.title() + "s", code, "people"))
    unique = {word.lower(): (word, iso, kind) for word, iso, kind in reversed(found)}
    return sorted(unique.values())


def read_world(path: Path, known: set[str]) -> list[tuple[str, str, str]]:
    """(word, ISO3, kind) from mledoze/countries for the words Phoenix lacks: each country's
    common name, its English demonyms (adjective, and people noun for "-an"/"-i" ones:
    "Swiss", "Ivorians") and its capitals (kind ``capital``: "Cairo" standing for Egypt's
    government, "in Cairo" still a place). Multi-word names Phoenix spells with underscores
    ("Ivory Coast") are its names that the Phoenix reader skips."""
    import json

    found: list[tuple[str, str, str]] = []
    for country in json.loads(path.read_text(encoding="utf-8")):
        code = country.get("cca3")
        if not code or not country.get("independent"):
            continue
        names = [country["name"]["common"]]
        names += [s for s in country.get("altSpellings", []) if " " in s and s.isascii()]
        found += [(name, code, "name") for name in names]
        demonyms = (country.get("demonyms") or {}).get("eng") or {}
        for word in sorted({demonyms.get("m"), demonyms.get("f")} - {None, ""}):
            found.append((word, code, "adjective"))
            if word.endswith(("an", "i")):
                found.append((word + "s", code, "people"))
        capitals = [city for city in country.get("capital") or [] if city not in IGO_SEATS]
        found += [(city, code, "capital") for city in capitals]
    return [
        row
        for row in found
        if row[0].lower() not in known and row[0].isascii() and "," not in row[0]
    ]


def curate(
    rows: dict[tuple[str, str, str, str], dict[str, str]],
    table: dict[str, tuple[str, str, str]],
    key: tuple[str, str, str, str],
    code: str,
    typed: tuple[str, str] | None = None,
) -> None:
    """Put the curated row of ``key`` (pos, lemma, particle, object) coding CAMEO ``code``: its
    PLOVER type and mode are the table's for the code unless ``typed`` names them; the context
    is always the table's."""
    mapped = plover_of(code, table)
    assert mapped is not None, code
    plover, mode = typed or mapped[:2]
    pos, lemma, particle, obj = key
    rows[key] = {
        "pos": pos,
        "lemma": lemma,
        "particle": particle,
        "object": obj,
        "cameo": code,
        "plover": plover,
        "mode": mode,
        "context": mapped[2],
        "source": "curated",
    }


def build(shared_kb: Path) -> tuple[int, int]:
    table = read_plover_map(shared_kb / PLOVER)
    rows: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for verb in read_verbs(shared_kb / VERBS):
        mapped = plover_of(verb["cameo"], table)
        if mapped is None:
            continue  # CAMEO 01 (statements) is no PLOVER event
        if verb.get("object"):
            default = plover_of(verb["default"], table) if verb["default"] else None
            if default is not None and default[0] == mapped[0]:
                continue  # the object does not change the type: the verb row says it
        key = (verb["pos"], verb["lemma"], verb["particle"], verb.get("object", ""))
        if key in rows:
            continue  # the dictionary's first reading of a verb wins, as in PETRARCH
        rows[key] = {
            "pos": "verb",
            "lemma": verb["lemma"],
            "particle": verb["particle"],
            "object": verb.get("object", ""),
            "cameo": verb["cameo"],
            "plover": mapped[0],
            "mode": mapped[1],
            "context": mapped[2],
            "source": "petrarch2",
        }
    for lemma, particle, code in VERB_OVERRIDES:
        curate(rows, table, ("verb", lemma, particle, ""), code)
    for lemma, particle, obj, code, plover, mode in TYPED_OVERRIDES:
        curate(rows, table, ("verb", lemma, particle, obj), code, (plover, mode))
    for lemma in LIGHT_VERBS:
        rows.pop(("verb", lemma, "", ""), None)
    for lemma, preposition, code in NOUNS:
        curate(rows, table, ("noun", lemma, preposition, ""), code)
    with (OUT / "event_lexicon.csv").open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Event verbs and nouns: CAMEO code and PLOVER type. Built by "
            "scripts/build_event_lexicon.py from PETRARCH2 CAMEO.2.0.txt (MIT, Open Event Data "
            "Alliance) and CAMEO2PLOVER-2021 (PLOVER project); nouns curated.\n"
        )
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(sorted(rows.values(), key=lambda r: (r["pos"], r["lemma"], r["object"])))
    with (OUT / "event_goldstein.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("# Goldstein score per CAMEO root: the public CAMEO Goldstein scale.\n")
        writer = csv.writer(out)
        writer.writerow(("cameo_root", "goldstein"))
        writer.writerows(sorted(GOLDSTEIN.items()))
    with (OUT / "event_countries.csv").open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Country names, adjectives and people nouns -> ISO3, for actors the KB lacks. "
            "Built by scripts/build_event_lexicon.py from PETRARCH2 Phoenix.Countries.actors.txt "
            "(MIT, Open Event Data Alliance), then mledoze/countries (ODbL 1.0) for the names, "
            "demonyms and capitals it lacks.\n"
        )
        writer = csv.writer(out)
        writer.writerow(("word", "country", "kind"))
        countries = read_countries(shared_kb / COUNTRIES)
        world = read_world(shared_kb / WORLD, {word.lower() for word, _, _ in countries})
        unique = {row[0].lower(): row for row in reversed(world)}
        writer.writerows(countries + sorted(unique.values()))
    return len(rows), len(GOLDSTEIN)


if __name__ == "__main__":
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/kb")
    rows, roots = build(shared)
    print(f"wrote {rows} lexicon rows, {roots} Goldstein roots")
