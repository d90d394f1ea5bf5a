"""CPU cuts, round 6: each gives the same answers as the path it replaces."""

from __future__ import annotations

import gc

from case_tables import data
from dossier.drivers import annotate


def test_settling_raises_the_young_collection_threshold_once(monkeypatch) -> None:
    # Kind: many small passes of the collector over a document's short-lived objects.
    monkeypatch.setattr(annotate, "_SETTLED", [])
    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        assert annotate.settle_long_lived() is True
        assert gc.get_threshold() == (annotate.YOUNG_GC_THRESHOLD, 10, 10)
        # A higher threshold set by the caller is kept; so are automatic passes turned off.
        monkeypatch.setattr(annotate, "_SETTLED", [])
        gc.set_threshold(50_000, 10, 10)
        annotate.settle_long_lived()
        assert gc.get_threshold() == (50_000, 10, 10)
        monkeypatch.setattr(annotate, "_SETTLED", [])
        gc.set_threshold(0, 10, 10)
        annotate.settle_long_lived()
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*saved)
        gc.unfreeze()


def test_cycles_are_still_freed_after_settling(monkeypatch) -> None:
    import weakref

    monkeypatch.setattr(annotate, "_SETTLED", [])
    saved = gc.get_threshold()

    class Node:
        pass

    try:
        annotate.settle_long_lived()
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        gone = weakref.ref(a)
        del a, b
        gc.collect()
        assert gone() is None
    finally:
        gc.set_threshold(*saved)
        gc.unfreeze()


# -- fitting_entries: the case check made once per spelling --------------------------------


def _fitting_entries_before(doc, i, entries, wanted):  # noqa: ANN001, ANN202 (the old path)
    from dossier.extract.linking.lexicon import case_agrees

    width = min(max((len(e.words) for e in entries), default=0), len(doc) - i)
    texts = [doc[i + k].text for k in range(width)]
    return [
        e
        for e in entries
        if (wanted is None or e.kind in wanted)
        and all(
            case_agrees(w, texts[k] if k < width else doc[i + k].text, strict=e.kind != "office")
            for k, w in enumerate(e.words)
        )
    ]


def test_fitting_entries_agree_with_the_old_path_on_invented_names() -> None:
    import spacy

    from dossier.extract.linking.lexicon import NameEntry, fitting_entries

    nlp = spacy.blank("en")
    texts = [
        "The Velorian Union met the velorian union and the VU in Ostrava.",
        "the high commissioner of Velor spoke to the High Commissioner of Velor.",
        "VELOR CUP winners and the Velor Cup and the velor cup.",
    ]
    entries = [
        NameEntry("actor", "velorian_union", ("Velorian", "Union")),
        NameEntry("place", "Velorian Union", ("Velorian", "Union")),
        NameEntry("actor", "vu", ("VU",)),
        NameEntry("office", "high_commissioner", ("High", "Commissioner", "of", "Velor")),
        NameEntry("actor", "hc", ("High", "Commissioner", "of", "Velor")),
        NameEntry("actor", "velor_cup", ("Velor", "Cup")),
        NameEntry("office", "velor_cup_office", ("Velor", "Cup")),
        NameEntry("place", "Velor", ("Velor",)),
        NameEntry("actor", "velor", ("Velor",)),
    ]
    checked = kept = 0
    for text in texts:
        doc = nlp(text)
        for i in range(len(doc)):
            for wanted in (None, {"actor"}, {"office", "place"}, set()):
                for n in range(1, 5):
                    # Only entries that fit inside the document, as the KB lexicon passes.
                    some = [e for e in entries if len(e.words) == n and i + n <= len(doc)]
                    if not some:
                        continue
                    new = fitting_entries(doc, i, some, wanted)
                    assert new == _fitting_entries_before(doc, i, some, wanted), (text, i)
                    checked += 1
                    kept += bool(new)
    assert checked > 200 and kept > 10


# -- role starts: no possessive anywhere, the owner step is skipped --------------------------


class _AlwaysSharing(frozenset):
    def isdisjoint(self, other) -> bool:  # noqa: ANN001 (forces the old path)
        return False


ROLE_TEXTS = [
    "Velor's foreign minister met the Ostravan prime minister and his deputy.",
    "The new defence minister of Velor and the Kremlin's spokesman said nothing.",
    "The council chair spoke, and the former mayor of Ostrava left the city's hall.",
    "In the morning the old rules were strict and people said so.",
]


def test_role_starts_agree_with_the_owner_step_always_taken(nlp, monkeypatch) -> None:
    from dossier.extract.linking import lexicon
    from dossier.extract.linking.lexicon import Scan
    from ruler_helpers import before_ruler

    ruler_lexicon = nlp.get_pipe("dossier_kb_ruler").lexicon
    new_path = []
    for text in ROLE_TEXTS:
        doc = before_ruler(nlp, text)
        new_path.append(Scan.of(doc, ruler_lexicon)._compute_role_starts())
    monkeypatch.setattr(lexicon, "POSSESSIVE_MARKERS", _AlwaysSharing(lexicon.POSSESSIVE_MARKERS))
    for text, new in zip(ROLE_TEXTS, new_path, strict=True):
        doc = before_ruler(nlp, text)
        assert Scan.of(doc, ruler_lexicon)._compute_role_starts() == new, text
    assert sum(map(sum, new_path)) >= 6


# -- the ruler's NER spans read from the scan's texts ----------------------------------------


NER_TEXTS = [
    "By Hanna Vardanyan-Keller\n\nThe Velorian Union's envoy met Ostrava's mayor in Nagorno-Velor.",
    "THE VELOR CUP and the Ostrava Rovers' coach, Petra Marrow-Pike, spoke to the Velor Times.",
    "the velorian union  and  The Ministry of Velor said the Anti-Velor League's chief left.",
    "Karel Osmund of the Velor - Ostrava Bank and Jana Dorsk-Lind met in New Velor City.\n",
]


def test_ner_spans_agree_with_the_token_reading_path(nlp) -> None:
    from dossier.extract.linking.lexicon import Scan
    from dossier.extract.linking.ruler import _join_split_abbreviations, _ner_spans
    from ruler_helpers import before_ruler

    lexicon = nlp.get_pipe("dossier_kb_ruler").lexicon
    found = 0
    # the spans the path reading Tokens gave, as first written
    golden = data("cpu_cuts")["ner_spans"]["spans"]
    for text, expected in zip(NER_TEXTS, golden, strict=True):
        doc = before_ruler(nlp, text)
        _join_split_abbreviations(doc)
        scan = Scan.of(doc, lexicon)
        new = _ner_spans(scan)
        assert new == [tuple(span) for span in expected], text
        found += len(new)
    assert found >= 8


def test_scan_keeps_the_documents_entities_read_once(nlp) -> None:
    from dossier.extract.linking.lexicon import Scan
    from ruler_helpers import before_ruler

    lexicon = nlp.get_pipe("dossier_kb_ruler").lexicon
    for text in NER_TEXTS:
        doc = before_ruler(nlp, text)
        scan = Scan.of(doc, lexicon)
        assert [(e.start, e.end, e.label_) for e in scan.ents] == [
            (e.start, e.end, e.label_) for e in doc.ents
        ]
        assert all(
            scan.ents_by_start[e.start] is e for e in scan.ents if e.start in scan.ents_by_start
        )


# -- match_name: folded keys only as far as the longest folded name reaches -----------------


#: Names the KB spells otherwise (folded) and as it spells them, then institutions by function.
NAME_TEXTS = [
    "Zelenskyy met the Defense Ministry of Ukraine and Kyiv's mayor in Kiev on Monday.",
    "The United States of America, the UN Security Council and Moskva answered Zelenskiy.",
    "European Commission President spoke to the Organisation for Security and Co-operation.",
]
FUNCTION_TEXTS = [
    "The Velorian defence ministry and the ministry of foreign affairs of Ostrava met.",
    "Ostravan troops, the interior ministry, the central bank and the national guard left.",
    "The foreign ministry's spokesman said the armed forces and the border guard would stay.",
]


def _docs_and_keys(nlp, lexicon, texts: list[str]):  # noqa: ANN001, ANN202
    """Each text, its tokens (no pipeline) and the lexicon's keys of its words."""
    for text in texts:
        doc = nlp.make_doc(text)
        yield text, doc, lexicon.token_keys([t.text for t in doc])


def test_match_name_agrees_with_folding_every_key(nlp) -> None:
    import copy

    lexicon = nlp.get_pipe("dossier_kb_ruler").lexicon
    # The old path folded the keys as far as the longest name of all reaches: the lexicon with
    # that reach as every folded start's longest name (a length no name has is passed over)
    # answers as the old path did.
    before = copy.copy(lexicon)
    before._folded_name_lengths = {
        start: sorted({*lengths, lexicon.max_name}, reverse=True)
        for start, lengths in lexicon._folded_name_lengths.items()
    }
    found = 0
    for text, doc, keys in _docs_and_keys(nlp, lexicon, NAME_TEXTS):
        for i in range(len(doc)):
            for kinds in (None, ["actor"], ["place", "office"]):
                new = lexicon.match_name(doc, keys, i, kinds)
                assert new == before.match_name(doc, keys, i, kinds), (text, i)
                found += new is not None
    assert found >= 10


def test_function_match_agrees_with_folding_every_key(nlp) -> None:
    from dossier.extract.linking.lexicon import fold

    ruler = nlp.get_pipe("dossier_kb_ruler")
    lexicon, index = ruler.lexicon, ruler.functions

    def before(keys, j):  # noqa: ANN001, ANN202 (the old path)
        if fold(keys[j]) not in index.starts:
            return None
        folds = tuple(fold(k) for k in keys[j : j + index.max_words])
        for n in range(len(folds), 0, -1):
            if folds[:n] in index.keys:
                return j + n
        return None

    found = 0
    for text, doc, keys in _docs_and_keys(nlp, lexicon, FUNCTION_TEXTS):
        for j in range(len(doc)):
            assert index.match(keys, j) == before(keys, j), (text, j)
            found += index.match(keys, j) is not None
    assert found >= 5
