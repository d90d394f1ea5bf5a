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


OPINION_TEXT = (
    "We must defend the Velorian canal, and we should say so. Ostrava's council says it "
    'must close the canal. "We must leave," said the mayor. I think we should stay, and '
    "we must admit that the vote was close. They should wait."
)


def _old_exhortations(doc: Doc, marked: list[tuple[int, int]]) -> list:
    """The loop before the cut: every token offered to ``_exhortation``."""
    from dossier.extract.quotes import author

    found = []
    for token in doc:
        subject = author._exhortation(token)
        if subject is None or author._inside(token.idx, marked):
            continue
        verb = token.head
        if verb.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl"):
            continue
        if author.is_cue_verb(verb):
            continue
        content = author._trimmed(doc, subject.i, verb.right_edge.i + 1)
        if content is None:
            continue
        cue = author.Cue(token.idx, token.idx + len(token.text), token.text, subject)
        found.append(author.Reported(content.start_char, content.end_char, "indirect", cue))
    return found


def test_exhortations_read_from_the_modals_column_as_from_every_word(nlp: Language) -> None:
    from dossier.extract.quotes.author import exhortations

    doc = nlp(OPINION_TEXT)
    quoted = OPINION_TEXT.index('"We must leave,"')
    for marked in ([], [(quoted, quoted + len('"We must leave,"'))]):
        found = exhortations(doc, marked)
        assert found == _old_exhortations(doc, marked)
    assert found  # the writer's "we must ..." is read


def _tallies_after(tmp_path, name: str, batches: list[dict], tuples: bool) -> list[tuple]:
    from sqlalchemy import select

    from dossier.store import Store, tallies
    from dossier.store.schema import stance_tallies

    saved = dict(tallies._ADD_SHARES_SQL)
    try:
        if not tuples:
            tallies._ADD_SHARES_SQL["sqlite"] = ()  # the dictionaries through SQLAlchemy
        else:
            tallies._ADD_SHARES_SQL.pop("sqlite", None)
        with (
            Store.open(str(tmp_path / f"{name}.db")) as store,
            store.engine.begin() as connection,
        ):
            for shares in batches:
                tallies._add_shares(connection, shares)
            # The path asked for was the one taken: driver SQL for tuples, else none.
            assert bool(tallies._ADD_SHARES_SQL["sqlite"]) == tuples
            return sorted(map(tuple, connection.execute(select(stance_tallies))))
    finally:
        tallies._ADD_SHARES_SQL.clear()
        tallies._ADD_SHARES_SQL.update(saved)


def test_stance_shares_added_as_driver_tuples_tally_as_the_dictionaries(tmp_path) -> None:
    from dossier.store.tallies import Key, Share

    canal = Key("actor", "all", "person:envoy", "canal", "all")
    month = Key("actor", "month", "person:envoy", "canal", "2021-03")
    country = Key("country", "year", "VEL", "canal", "2021")
    batches = [
        {canal: Share(1, 0, 1, "2021-03-02", "2021-03-02"), month: Share(1, 0, 1, None, None)},
        # Added to rows held: counts summed, dates widened, a missing date leaves one stand.
        {canal: Share(0, 2, 2, "2021-02-27", "2021-03-01"), country: Share(1, 1, 2, None, None)},
        {month: Share(0, 1, 1, "2021-03-09", "2021-03-09"), canal: Share(1, 0, 1, None, None)},
    ]
    fast = _tallies_after(tmp_path, "tuples", batches, tuples=True)
    slow = _tallies_after(tmp_path, "dicts", batches, tuples=False)
    assert fast == slow
    assert fast[0][:9] == ("actor", "all", "person:envoy", "canal", "all", 2, 2, 4, 3)
    assert fast[0][9:] == ("2021-02-27", "2021-03-02")
