"""Issue 7's CPU cuts in the KB ruler: each fast path gives what the straightforward reading
gave. Invented sentences only."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.symbols import PROPN

from dossier.extract.linking import ruler
from dossier.extract.linking.functions import (
    MAX_BEFORE_FUNCTION,
    function_at,
    function_may_start,
    function_words_ahead,
)
from dossier.extract.linking.lexicon import Scan

TEXTS = (
    "President Putin met the Ukrainian foreign minister in Kyiv on Monday, and Merkel said "
    "the Kremlin's spokesman would answer. May 2014 was cold in The Hague.",
    "Russia's Gazprom cut supplies; the Obama administration and the defence ministry of "
    "Kestria protested. Mr. Lavrov, the former president of Borovia, and any U.S. secretary "
    "of state spoke with Zelensky and Biden.",
    "NATO troops and Western-backed rebels reached Moscow, where Sec. Blinken and Gen. Miller "
    "met a Kremlin aide and the Hague tribunal's judges.",
)


def _scans(nlp: Language) -> list[Scan]:
    lexicon = nlp.get_pipe("dossier_kb_ruler").lexicon
    return [Scan.of(nlp(text), lexicon) for text in TEXTS]


def _surname_straight(scan: Scan, i: int) -> tuple | None:
    # The reading before the cut: the part of speech read from a Token, not the array.
    if scan.doc[i].pos_ != "PROPN":
        return None
    found = ruler._surname_at(scan, i)
    return None if found is None else (found.start, found.end, found.candidate.actor_ids)


def _found(scan: Scan, functions) -> list[tuple]:
    return [
        (f.start, f.end, f.candidate, f.priority) for f in ruler._kb_candidates(scan, functions)
    ]


def test_role_starts_list_is_role_may_start_of_each_token(nlp: Language) -> None:
    for scan in _scans(nlp):
        assert scan.role_starts == [scan.role_may_start(i) for i in range(len(scan.keys))]


def test_names_column_passes_over_only_tokens_where_no_name_is_matched(nlp: Language) -> None:
    functions = nlp.get_pipe("dossier_kb_ruler").functions
    for scan in _scans(nlp):
        names = ruler._may_start(scan, functions)[2]
        for i, key in enumerate(scan.keys):
            if not names[i]:
                assert scan.lexicon.match_name(scan.doc, scan.keys, i) is None, key
            else:
                assert scan.lexicon.name_may_start(key)


def test_surname_from_the_array_is_the_token_reading(nlp: Language) -> None:
    hits = 0
    for scan in _scans(nlp):
        for i in range(len(scan.keys)):
            assert (scan.shapes[0][i] == PROPN) == (scan.doc[i].pos_ == "PROPN")
            fast = ruler._surname_at(scan, i)
            got = None if fast is None else (fast.start, fast.end, fast.candidate.actor_ids)
            assert got == _surname_straight(scan, i), scan.texts[i]
            hits += got is not None
    assert hits


def test_kb_candidates_are_those_of_the_straightforward_tests(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    functions = nlp.get_pipe("dossier_kb_ruler").functions
    fast = [_found(scan, functions) for scan in _scans(nlp)]
    assert any(fast)
    cut = ruler._may_start

    def straight(scan: Scan, functions) -> tuple:
        led = cut(scan, functions)[3]
        capitalised = [text[:1].isupper() for text in scan.texts]
        institutions = [True] * len(scan.keys)  # ``function_at`` itself decides
        roles = [scan.role_may_start(i) for i in range(len(scan.keys))]
        names = [scan.lexicon.name_may_start(key) for key in scan.keys]
        return roles, institutions, names, led, capitalised

    monkeypatch.setattr(ruler, "_may_start", straight)
    monkeypatch.setattr(ruler, "_surname_at", lambda scan, i: _surname_fallback(scan, i))
    assert [_found(scan, functions) for scan in _scans(nlp)] == fast


def _surname_fallback(scan: Scan, i: int) -> ruler._Found | None:
    if scan.doc[i].pos_ != "PROPN":
        return None
    return _SURNAME_AT(scan, i)


_SURNAME_AT = ruler._surname_at


def test_function_may_start_passes_over_only_tokens_where_no_function_is_found(
    nlp: Language,
) -> None:
    functions = nlp.get_pipe("dossier_kb_ruler").functions
    found = skipped_capitals = 0
    for scan in _scans(nlp):
        may = function_may_start(scan, functions)
        ahead = function_words_ahead(scan, functions)
        for i in range(len(scan.keys)):
            got = function_at(scan, functions, i)
            found += got is not None
            if not may[i]:
                assert got is None, scan.texts[i]
                old_test = ahead[i] <= i + MAX_BEFORE_FUNCTION and scan.texts[i][:1].isupper()
                skipped_capitals += old_test
    assert found
    assert skipped_capitals  # capitalised words the old test let through are passed over
