"""How names and titles are spelt: a transliteration-folding key, and title abbreviations.

**Folding.** The same Russian, Ukrainian, Belarusian or Kazakh name reaches English news in
several spellings: Zelensky, Zelenskyy, Zelenskiy; Kiev, Kyiv; Nazarbayev, Nazarbaev;
Lukashenko, Lukashenka; Alexei, Aleksey; Feigin, Feygin; and British and American spellings of
the same word (defence, defense). ``fold`` maps a token's lookup key to one key for all of them,
by the regularities of transliteration, not one alias per spelling: it is applied to the KB's
names and to the text alike, as a second lookup after the exact key. Only names and titles are
looked up by it, never the function words the ruler compares with its word lists.

**Abbreviations.** "Sec. of State Kerry", "Gen. Breedlove", "Sen. McCain", "Amb. Taylor": a
title written short is the title (``TITLE_ABBREVIATIONS`` gives the lookup key of the full
word), so the name after it is the name and the title gives the role. spaCy's tokenizer keeps
some of these as one token ("Gen.", "Sen.") and splits others ("Sec" "."), so
``split_abbreviation_end`` finds the split ones for the ruler to join.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

#: Title abbreviations, as written (with their period), and the lookup key of the full word.
TITLE_ABBREVIATIONS = {
    "Sec.": "secretary",
    "Secy.": "secretary",
    "Gen.": "general",
    "Lt.": "lieutenant",
    "Lieut.": "lieutenant",
    "Maj.": "major",
    "Col.": "colonel",
    "Capt.": "captain",
    "Cmdr.": "commander",
    "Adm.": "admiral",
    "Sgt.": "sergeant",
    "Rep.": "representative",
    "Reps.": "representatives",
    "Sen.": "senator",
    "Sens.": "senators",
    "Amb.": "ambassador",
    "Gov.": "governor",
    "Pres.": "president",
    "Dep.": "deputy",
    "Min.": "minister",
    "Atty.": "attorney",
    "Supt.": "superintendent",
}

#: An abbreviation in the text, found before looking at tokens (most documents have none).
SPLIT_ABBREVIATION = re.compile(
    r"\b(?:" + "|".join(re.escape(a[:-1]) for a in TITLE_ABBREVIATIONS) + r")\."
)

# Rules applied in order to a lookup key (lower case, accents already gone).
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"['’ʼʹ`]", ""),  # apostrophes and soft signs: Ilyich, Il'ich
        (r"ence\b", "ense"),  # defence / defense, licence / license
        (r"enka\b", "enko"),  # Belarusian Lukashenka / Russian Lukashenko
        (r"ks", "x"),  # Aleksei / Alexei, Oleksandr / Olexandr
        (r"tch", "ch"),  # Yovanovitch / Yovanovich
        (r"ou", "u"),  # French-style Oustinov / Ustinov
        (r"y", "i"),  # Zelensky / Zelenskiy / Zelenskyy, Sergey / Sergei
        (r"(?<=[aeiou])i(?=[aeiou])", ""),  # Nazarbayev / Nazarbaev, Tokayev / Tokaev
        (r"ie", "i"),  # Kiev / Kyiv
        (r"(\w)\1+", r"\1"),  # doubled letters: Zelenskii, Massimov / Masimov
    )
)


@lru_cache(maxsize=65536)
def fold(key: str) -> str:
    """The transliteration-folded form of a token's lookup key ("zelenskyy" -> "zelenski")."""
    for pattern, replacement in _FOLDS:
        key = pattern.sub(replacement, key)
    return key


def split_abbreviation_end(doc: Doc, i: int) -> int | None:
    """Where a title abbreviation the tokenizer split ("Sec" ".") ends, if one starts at token
    ``i`` and a capitalised word or "of" follows it; else None."""
    if i + 2 >= len(doc):
        return None
    word, dot, after = doc[i], doc[i + 1], doc[i + 2]
    if dot.text != "." or word.whitespace_ or f"{word.text}." not in TITLE_ABBREVIATIONS:
        return None
    if not (after.text[:1].isupper() or after.lower_ == "of"):
        return None
    return i + 2


def written_out(span: Span) -> str:
    """A title's words with abbreviations written out ("Lt. Gen." -> "lieutenant general")."""
    return "".join(TITLE_ABBREVIATIONS.get(t.text, t.text) + t.whitespace_ for t in span).strip()
