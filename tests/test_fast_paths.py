"""The annotate fast paths give what the straightforward computation gives.

Each fast path (a cache, a text read once, token attributes read once) is checked against the
plain computation it replaced, written out here, on sentences of our own: headlines in
capitals, paragraphs, repeated names, accents and odd spacing.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from case_tables import data
from dossier.extract import document
from dossier.extract.fact_time import _bounds, _paragraph_starts, _sentences, sentence_facts
from dossier.extract.ner.caps import CasingEvidence, caps_lines
from dossier.extract.ner.common import is_caps_word, sentences
from dossier.extract.ner.consistency import DocumentConsistency
from dossier.kb.loader import normalise_name

TEXTS = [
    "KAZAKH PRESIDENT MEETS PUTIN IN ASTANA .\n\n"
    "Kazakh President Kassym-Jomart Tokayev met Vladimir Putin in Astana on Friday.  "
    "Tokayev said the  Eurasian Economic Union would grow.\n"
    "Putin agreed. The Eurasian Economic Union, he said, was open to Uzbekistan.\n\n\n"
    "  ASTANA , Kazakhstan 2019-04-03\n"
    "Later, tokayev and PUTIN signed a treaty; Mr. Tokayev called it historic.",
    "PASHINYAN : ARMENIA TO STAY IN CSTO .\n"
    "Armenia's prime minister Nikol Pashinyan spoke in Yerevan. Pashinyan said Armenia\n"
    "would stay in the CSTO. The CSTO did not answer. ARMENIA STAYS, said a headline.\n"
    "Élysée officials and the Élysée palace said nothing. Nikol Pashinyan left.",
    "No names here at all, only words.\n\nAnd a second paragraph. And a third sentence. ",
]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _docs(nlp) -> list[Doc]:
    return [nlp(text) for text in TEXTS]


# -- normalise_name: cached ------------------------------------------------------------------


def test_the_cached_normalise_name_gives_what_the_function_gives() -> None:
    names = [w for text in TEXTS for w in text.split()] + [
        "The Élysée",
        "the  Kremlin",
        "O’Brien",
        "Nikol  Pashinyan",
        "THE CSTO",
        "Kassym–Jomart",
        "",
    ]
    plain = normalise_name.__wrapped__
    for name in names * 2:  # the second time from the cache
        assert normalise_name(name) == plain(name)
    assert normalise_name("The  Élysée ") == "elysee"


# -- the doc's text, read once ------------------------------------------------------------------


def test_text_of_is_the_docs_text_and_a_sentences_text_is_its_slice(nlp) -> None:
    for doc in _docs(nlp):
        text = document.text_of(doc)
        assert text == doc.text
        assert document.text_of(doc) is text  # joined once
        for sentence in doc.sents:
            assert text[sentence.start_char : sentence.end_char] == sentence.text


# -- fact_time ----------------------------------------------------------------------------------


def _paragraph_starts_plain(doc: Doc, spans: list[Span]) -> list[bool]:
    """The computation as first written: on the spans, with ``doc.text`` and ``Span.text``."""
    starts = []
    previous_end = 0
    for number, sentence in enumerate(spans):
        sentence_text = sentence.text
        gap = doc.text[
            previous_end : sentence.start_char + len(sentence_text) - len(sentence_text.lstrip())
        ]
        starts.append(number == 0 or "\n" in gap)
        previous_end = sentence.start_char + len(sentence_text.rstrip())
    return starts


def test_paragraph_starts_and_sentence_facts_match_the_spans(nlp) -> None:
    opened = 0
    for doc in _docs(nlp):
        spans = _sentences(doc)
        fast = _paragraph_starts(document.text_of(doc), _bounds(spans))
        assert fast == _paragraph_starts_plain(doc, spans)
        opened += sum(fast)
        facts = sentence_facts(doc, "test")
        assert [(f.text, f.provenance.start, f.provenance.end) for f in facts] == [
            (s.text, s.start_char, s.end_char) for s in spans
        ]
        assert [f.provenance.sentence for f in facts] == list(range(len(spans)))
    assert opened > len(TEXTS)  # some sentences open a paragraph, not only the first


# -- caps NER -----------------------------------------------------------------------------------


def _caps_lines_plain(doc: Doc) -> list[Span]:
    return [
        s
        for s in sentences(doc)
        if not any(any(c.islower() for c in t.text) for t in s) and any(is_caps_word(t) for t in s)
    ]


def _evidence_plain(doc: Doc, skip: list[Span], max_n: int = 3) -> dict:
    skipped = {i for span in skip for i in range(span.start, span.end)}
    forms: dict = defaultdict(Counter)
    for sentence in sentences(doc):
        if sentence.start in skipped:
            continue
        words = [t.text for t in sentence]
        for i in range(1, len(words)):
            for n in range(1, max_n + 1):
                gram = tuple(words[i : i + n])
                if len(gram) < n:
                    break
                if not any(c.isalpha() for c in gram[0]) or all(is_caps_word(w) for w in gram):
                    continue
                forms[tuple(w.lower() for w in gram)][gram] += 1
    return dict(forms)


def test_caps_lines_and_casing_evidence_match_the_plain_computation(nlp) -> None:
    found_lines = 0
    for doc in _docs(nlp):
        lines = caps_lines(doc)
        assert [(s.start, s.end) for s in lines] == [
            (s.start, s.end) for s in _caps_lines_plain(doc)
        ]
        found_lines += len(lines)
        for max_n in (1, 2, 3, 4):
            evidence = CasingEvidence.from_doc(doc, skip=lines, max_n=max_n)
            assert evidence.forms == _evidence_plain(doc, lines, max_n)
    assert found_lines >= 2
    evidence = CasingEvidence.from_doc(_docs(nlp)[0], skip=caps_lines(_docs(nlp)[0]))
    assert evidence.lookup(["PUTIN"]) == ("Putin",)


# -- document consistency ------------------------------------------------------------------------


def _with_entities(nlp, text: str, names: dict[str, str]) -> Doc:
    """``text`` with the first occurrence of each name labelled (as a model might)."""
    doc = nlp(text)
    spans = []
    for name, label in names.items():
        start = text.find(name)
        if start >= 0:
            span = doc.char_span(start, start + len(name), label=label)
            if span is not None:
                spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


@pytest.mark.parametrize("single_words", [True, False])
def test_document_consistency_matches_the_plain_computation(nlp, single_words: bool) -> None:
    names = {
        "Kassym-Jomart Tokayev": "PERSON",
        "Vladimir Putin": "PERSON",
        "Nikol Pashinyan": "PERSON",
        "Eurasian Economic Union": "ORG",
        "CSTO": "ORG",
        "Astana": "GPE",
        "Yerevan": "GPE",
        "Armenia": "GPE",
        "Élysée": "FAC",
        "Friday": "DATE",
    }
    # the spans the plain computation (a span per try, keys from tokens) gave, as first written
    golden = data("cpu_cuts")["document_consistency"][
        "single_words" if single_words else "names_only"
    ]
    added = 0
    for text, expected in zip(TEXTS, golden, strict=True):
        component = DocumentConsistency("test", single_words=single_words, person_parts=True)
        doc = component(_with_entities(nlp, text, names))
        assert [[e.start, e.end, e.label_] for e in doc.ents] == expected
        added += len(doc.ents) - len(_with_entities(nlp, text, names).ents)
    assert added >= (4 if single_words else 2)  # repeats were found: the loop did work


# -- the progress bar: drawn as it advances, no thread (so annotate can fork) ----------------------


def test_the_progress_bar_draws_each_step_without_a_refresh_thread(monkeypatch) -> None:
    import threading
    from io import StringIO

    from rich.console import Console

    from dossier.cli import render
    from dossier.drivers.annotate import start_method

    out = StringIO()
    monkeypatch.setattr(render, "err", Console(file=out, force_terminal=True, width=100))
    monkeypatch.setattr(render.DrawnProgress, "INTERVAL", 0.0)
    threads = threading.active_count()
    # Other tests of a randomly ordered run may leave a thread of their own (a server, a
    # client's pool); what this test holds is that the bar adds none, so the way workers
    # start is the same inside the bar as outside it ("fork" in a fresh command).
    method = start_method()
    seen = []
    with render.progress() as bar:
        assert threading.active_count() == threads
        assert start_method() == method
        task = bar.add_task("annotating", total=None)
        bar.update(task, total=3)
        for step in range(1, 4):
            bar.advance(task)
            seen.append(f"{step}/3" in out.getvalue())
    assert seen == [True, True, True]


# -- the KB ruler's scan: role phrases tried only where one can start ------------------------

ROLE_TEXTS = [
    "Kazakh President Kassym-Jomart Tokayev met his Russian counterpart on Friday. The former "
    "president of Russia, the ex-president and the then-interim prime minister spoke; "
    "Russia's new president and the Kremlin's spokesman did not.",
    "RFE/RL correspondent Anna Petrova asked the pro-Kremlin president's office. A political "
    "scientist and a trade economist said the Armenian government would wait; General Motors "
    "chief executive Mary Barra and the U.S. Secretary of State disagreed.\n"
    "UKRAINE PRESIDENT VISITS KYIV\nPresident-elect Zelenskyy and anti-war activists marched.",
    "He praised influential foreign minister Sergei Lavrov; outspoken economist Sergei Guriev "
    "and veteran journalist Ivan Ivanov met powerful regional governor Oleg Petrov.",
]


@pytest.fixture(scope="module")
def ruler_nlp():
    from dossier.nlp import PipelineConfig, load_pipeline

    return load_pipeline(PipelineConfig().only_up_to("dossier_kb_ruler"))


def test_role_may_start_skips_only_tokens_where_the_parse_finds_nothing(ruler_nlp) -> None:
    from dossier.extract.linking.lexicon import Scan, hyphen_joined
    from dossier.extract.linking.role_phrases import _parse_role

    lexicon = ruler_nlp.get_pipe("dossier_kb_ruler").lexicon
    skipped = parsed = 0
    for doc in ruler_nlp.pipe(ROLE_TEXTS):
        scan = Scan.of(doc, lexicon)
        assert scan.texts == [t.text for t in doc]
        assert scan.spaced == [bool(t.whitespace_) for t in doc]
        pos_of, lower_of, alpha_of = scan.shapes
        assert pos_of == [t.pos for t in doc]
        assert [bool(x) for x in lower_of] == [t.is_lower for t in doc]
        assert [bool(x) for x in alpha_of] == [t.is_alpha for t in doc]
        for i in range(len(doc)):
            for left in (i - 1, i):
                assert scan.hyphen_joined(left, left + 1) == hyphen_joined(doc, left, left + 1)
            found = _parse_role(scan, i)
            if not scan.role_may_start(i):
                skipped += 1
                assert found is None, (doc[i].text, found)
            parsed += found is not None
    # Not vacuous: the test skips tokens, and the phrases above parse.
    assert skipped > 20
    assert parsed > 8


def test_adjective_marks_read_as_arrays_give_the_token_by_token_marks(ruler_nlp) -> None:
    from dossier.extract.linking.context import adjective_marks

    lexicon = ruler_nlp.get_pipe("dossier_kb_ruler").lexicon
    total = 0
    for doc in ruler_nlp.pipe([*ROLE_TEXTS, *TEXTS]):
        plain = [
            (t.idx, lexicon.kb.country_of_adjective(t.text))
            for t in doc
            if t.text[:1].isupper()
            and t.pos_ in {"ADJ", "PROPN"}
            and lexicon.kb.country_of_adjective(t.text)
        ]
        assert adjective_marks(lexicon, doc) == plain
        total += len(plain)
    assert total >= 3  # "Kazakh", "Russian", "Armenian" at least


def test_token_keys_and_match_name_give_the_plain_lookups(ruler_nlp) -> None:
    from dossier.extract.linking.lexicon import Scan, fitting_entries, token_key
    from dossier.extract.linking.spelling import fold

    lexicon = ruler_nlp.get_pipe("dossier_kb_ruler").lexicon

    def plain_longest(doc, i, keys, table, wanted):
        # Every length, longest first, as before the lengths by first word.
        for n in range(len(keys), 0, -1):
            entries = table.get(tuple(keys[:n]))
            fitting = fitting_entries(doc, i, entries, wanted) if entries else None
            if fitting:
                return i + n, fitting
        return None

    def plain_match_name(doc, keys, i, kinds):
        wanted = set(kinds) if kinds is not None else None
        if keys[i] in lexicon._name_starts:
            found = plain_longest(doc, i, keys[i : i + lexicon.max_name], lexicon.names, wanted)
            if found is not None:
                return found
        if fold(keys[i]) in lexicon._folded_name_starts:
            folds = [fold(k) for k in keys[i : i + lexicon.max_name]]
            return plain_longest(doc, i, folds, lexicon.folded_names, wanted)
        return None

    matched = 0
    for doc in ruler_nlp.pipe([*ROLE_TEXTS, *TEXTS, *TEXTS]):  # twice: the key memory is used
        scan = Scan.of(doc, lexicon)
        assert scan.keys == [token_key(t.text) for t in doc]
        for i in range(len(doc)):
            for kinds in (None, ("actor",), ("actor", "place")):
                found = lexicon.match_name(doc, scan.keys, i, kinds=kinds)
                assert found == plain_match_name(doc, scan.keys, i, kinds)
                matched += found is not None
    assert matched > 30


def test_ruler_passes_over_only_tokens_where_no_kb_rule_finds_a_candidate(
    ruler_nlp, monkeypatch
) -> None:
    from dossier.extract.linking import ruler
    from dossier.extract.linking.functions import function_at
    from dossier.extract.linking.lexicon import Scan
    from dossier.extract.linking.role_phrases import role_at

    component = ruler_nlp.get_pipe("dossier_kb_ruler")
    lexicon, functions = component.lexicon, component.functions
    texts = [
        *ROLE_TEXTS,
        *TEXTS,
        "The Obama administration and the Putin regime talked; Russia's Gazprom and the "
        "defence ministry answered. Ukrainian troops and the Kremlin's spokesman, Peskov, left.",
    ]
    passed = 0
    for doc in ruler_nlp.pipe(texts):
        scan = Scan.of(doc, lexicon)
        gates = ruler._may_start(scan, functions)  # one per rule
        for i in range(len(doc)):
            if any(gate[i] for gate in gates):
                continue
            passed += 1
            assert role_at(scan, i) is None
            assert function_at(scan, functions, i) is None
            assert ruler._owned_by_a_country(scan, i) is None
            assert lexicon.match_name(doc, scan.keys, i) is None
            assert ruler._led_by(scan, i) is None
            assert ruler._surname_at(scan, i) is None
        fast = list(ruler._kb_candidates(Scan.of(doc, lexicon), functions))
        with monkeypatch.context() as patch:
            patch.setattr(
                ruler, "_may_start", lambda scan, functions: ([True] * len(scan.keys),) * 5
            )
            plain = list(ruler._kb_candidates(Scan.of(doc, lexicon), functions))
        assert fast == plain
    assert passed > 50  # not vacuous: most words start nothing
