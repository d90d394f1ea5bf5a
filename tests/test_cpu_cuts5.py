"""The CPU cuts of issue 7, round 5, change no output, on invented sentences.

Each cut reads less of a document (or reads it once for several stages); each test checks
that the cheaper path answers as the old one did."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.ner.caps import CasingEvidence, caps_lines

CAPS_TEXT = (
    "VELORIA BEATS OSTRAVA IN KESTREL CUP FINAL\n\n"
    "The Veloria side beat Ostrava on Sunday. Fans of Veloria cheered in Kestrel, and the "
    "Kestrel Cup went home with the Veloria team. Ostrava's coach said the final was hard.\n\n"
    "OSTRAVA COACH RESIGNS AFTER CUP LOSS\n\n"
    "The coach of Ostrava left on Monday; the cup stays in Veloria."
)


def _lines_words(doc: Doc) -> list[list[str]]:
    return [[t.text for t in line] for line in caps_lines(doc)]


def test_casing_evidence_of_wanted_grams_answers_as_the_whole_count(nlp: Language) -> None:
    doc = nlp.make_doc(CAPS_TEXT)
    for name in ("tok2vec", "tagger", "parser", "attribute_ruler", "ner"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    lines = caps_lines(doc)
    assert lines  # the headlines are caps lines
    wanted = CasingEvidence.wanted_in(_lines_words(doc))
    assert ("veloria",) in wanted and ("kestrel", "cup") in wanted
    whole = CasingEvidence.from_doc(doc, skip=lines)
    some = CasingEvidence.from_doc(doc, skip=lines, wanted=wanted)
    assert set(some.forms) == set(whole.forms) & wanted
    for gram in wanted:
        assert some.lookup(gram) == whole.lookup(gram)
        assert some.forms.get(gram) == whole.forms.get(gram)
    # Both found something to restore, in the same order of counts.
    assert some.lookup(["KESTREL", "CUP"]) == ("Kestrel", "Cup")


def test_long_lived_objects_are_frozen_once_per_process(monkeypatch) -> None:
    import gc

    from dossier.drivers import annotate

    monkeypatch.setattr(annotate, "_SETTLED", [])
    kept = [{"word": n} for n in range(1000)]  # long-lived, like a KB's rows
    before = gc.get_freeze_count()
    try:
        assert annotate.settle_long_lived() is True
        assert gc.get_freeze_count() >= before + len(kept)
        # The second call, and every later batch, leaves the collector as it is.
        frozen = gc.get_freeze_count()
        assert annotate.settle_long_lived() is False
        assert gc.get_freeze_count() == frozen
        # Frozen objects are still there and still freed by reference counting.
        assert kept[999] == {"word": 999}
    finally:
        gc.unfreeze()
