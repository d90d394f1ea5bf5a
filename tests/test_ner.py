"""dossier's NER components, one by one, on sentences written here; then the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.errors import DossierError
from dossier.extract.ner import (
    FIXED_SPANS_KEY,
    CasingEvidence,
    caps_lines,
    join_middle_initials,
    restore_case,
    result_line_names,
    split_name,
)
from dossier.kb.gazetteer import load_gazetteer
from dossier.nlp import (
    COMPONENT_NAMES,
    DEFAULT_CONFIG,
    PipelineConfig,
    build_pipeline,
    load_pipeline,
)

#: The NER repairs, in pipeline order, and the pipelines they are tested in.
NER_COMPONENTS = COMPONENT_NAMES[: COMPONENT_NAMES.index("dossier_doc_consistency") + 1]
NER_CONFIG = DEFAULT_CONFIG.only_up_to("dossier_doc_consistency")
PLAIN_CONFIG = PipelineConfig(components=())


def make_doc(nlp: Language, *sentences: str, ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A doc of whitespace-split ``sentences``, one sentence each, with entities preset."""
    words = [w for sentence in sentences for w in sentence.split()]
    starts = [i == 0 for sentence in sentences for i in range(len(sentence.split()))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def entities(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


@pytest.fixture(scope="module")
def blank() -> Language:
    """A pipeline without a model: enough for the rule components."""
    return spacy.blank("en")


def run_component(
    factory: str,
    *sentences: str,
    ents: list[tuple[int, int, str]] = (),
    fixed: list[tuple[int, int]] = (),
    config: dict | None = None,
) -> Doc:
    """``sentences`` through a blank pipeline holding only ``factory``, with entities preset
    and the token ranges ``fixed`` recorded as fixed entities."""
    nlp = spacy.blank("en")
    nlp.add_pipe(factory, config=config or {})
    doc = make_doc(nlp, *sentences, ents=ents)
    if fixed:
        doc.spans[FIXED_SPANS_KEY] = [doc[start:end] for start, end in fixed]
    return nlp(doc)


# --- all-caps lines ----------------------------------------------------------------------------


def test_caps_lines_are_sentences_without_lower_case(blank: Language) -> None:
    doc = make_doc(
        blank, "SOCCER - JAPAN GET LUCKY WIN .", "LONDON 1996-08-30", "Japan won 2-1 .", "1 2 3"
    )
    assert [line.text for line in caps_lines(doc)] == [
        "SOCCER - JAPAN GET LUCKY WIN .",
        "LONDON 1996-08-30",
    ]


def test_case_comes_from_the_document_first_then_the_proper_noun_flags(blank: Language) -> None:
    doc = make_doc(
        blank,
        "SOCCER - NEW YORK CLUB SIGNS KLINSMANN 'S FRIEND .",
        "The New York club said on Friday that the deal with the U.S. side was done .",
    )
    evidence = CasingEvidence.from_doc(doc, skip=caps_lines(doc))
    words = [t.text for t in caps_lines(doc)[0]]
    proper = [w == "KLINSMANN" for w in words]
    assert restore_case(words, evidence, proper) == (
        ["soccer", "-", "New", "York", "club", "signs", "Klinsmann", "'s", "friend", "."]
    )
    # without a tagger's flags, function words are lower case and other words capitalised
    assert restore_case(["CHINA", "IN", "SURPRISE", "DEFEAT", "U.S."]) == [
        "China",
        "in",
        "Surprise",
        "Defeat",
        "U.S.",
    ]


def test_caps_headline_is_tagged_on_the_restored_copy() -> None:
    nlp = load_pipeline(NER_CONFIG)
    doc = nlp(
        make_doc(
            nlp,
            "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
            "Japan began the defence of their title with a lucky 2-1 win against Syria .",
            "China lost 2-0 to Uzbekistan .",
        )
    )
    headline = [(e.text, e.label_) for e in doc.ents if e.start < 12]
    assert headline == [("JAPAN", "GPE"), ("CHINA", "GPE")]
    # the plain pipeline, seeing capitals, misses both
    plain = load_pipeline(PLAIN_CONFIG)
    plain_doc = plain(make_doc(plain, "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT ."))
    assert ("JAPAN", "GPE") not in entities(plain_doc)


# --- span boundaries ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "label", "parts"),
    [
        ("the Federal Reserve", "ORG", ["Federal Reserve"]),
        ("Glenn Hoddle 's", "PERSON", ["Glenn Hoddle"]),
        ("Colchester 1 Hereford 1", "ORG", ["Colchester", "Hereford"]),
        ("Romania - Cosmin Contra", "ORG", ["Romania", "Cosmin Contra"]),
        (
            "Laurent Cabannes and Laurent Benezech",
            "PERSON",
            ["Laurent Cabannes", "Laurent Benezech"],
        ),
        ("Knight b Hollioake", "PERSON", ["Knight", "Hollioake"]),
        ("Bank of England", "ORG", ["Bank of England"]),
        ("Euro 96", "EVENT", ["Euro 96"]),
        ("1997 Fed Cup", "EVENT", ["1997 Fed Cup"]),
        ("the U.S. Open", "EVENT", ["U.S. Open"]),
        ("Bournemouth 4 2 0 2", "LAW", ["Bournemouth"]),
        ("BONN 1996-08-30", "EVENT", ["BONN"]),
        ("the next 10 years", "DATE", ["the next 10 years"]),
    ],
)
def test_names_are_cut_at_separators(
    blank: Language, words: str, label: str, parts: list[str]
) -> None:
    doc = make_doc(blank, words)
    assert [p.text for p in split_name(Span(doc, 0, len(doc), label=label))] == parts


def test_a_name_split_at_a_middle_initial_is_joined(blank: Language) -> None:
    doc = Doc(blank.vocab, words=["with", "Vladimir", "V.", "Putin", "and", "Ivan", "Petrov"])
    ents = [Span(doc, 1, 2, "PERSON"), Span(doc, 3, 4, "PERSON"), Span(doc, 5, 7, "PERSON")]
    joined = join_middle_initials(ents)
    assert [(e.text, e.label_) for e in joined] == [
        ("Vladimir V. Putin", "PERSON"),
        ("Ivan Petrov", "PERSON"),
    ]
    # Not across an ordinary word, nor between different labels.
    other = [Span(doc, 1, 2, "PERSON"), Span(doc, 3, 4, "ORG")]
    assert len(join_middle_initials(other)) == 2


# --- gazetteer ---------------------------------------------------------------------------------


def test_gazetteer_rows_are_complete_and_nationalities_are_norp() -> None:
    rows = load_gazetteer()
    assert len(rows) > 500
    assert all(row.name and row.source and row.label in {"GPE", "LOC", "NORP"} for row in rows)
    labels = {row.name: row.label for row in rows}
    # CoNLL and OntoNotes agree: a nationality adjective is not a place
    assert (labels["Liechtenstein"], labels["Moldovan"], labels["Middle East"]) == (
        "GPE",
        "NORP",
        "LOC",
    )


def _gazetteer_folder(tmp_path: Path, *rows: str) -> Path:
    """A KB folder holding only a gazetteer of ``rows``."""
    folder = tmp_path / "kb"
    folder.mkdir()
    text = "\n".join(["name,label,kind,source", *rows]) + "\n"
    (folder / "ner_gazetteer.csv").write_text(text, encoding="utf-8")
    return folder


def test_gazetteer_comes_from_the_pipelines_kb_folder(tmp_path: Path) -> None:
    folder = _gazetteer_folder(tmp_path, "Ruritania,GPE,country,test")
    config = {"kb_dir": str(folder)}
    doc = run_component("dossier_gazetteer", "Envoys of Ruritania met in Chisinau .", config=config)
    assert entities(doc) == [("Ruritania", "GPE")]  # Chisinau is only in the package's list
    doc = run_component("dossier_sports_teams", "Ruritania 2 , Bulgaria 0", config=config)
    assert entities(doc) == [("Ruritania", "GPE"), ("Bulgaria", "ORG")]
    # and through the one pipeline builder, which hands the gazetteer its kb_dir
    nlp = build_pipeline(PipelineConfig(kb_dir=str(folder), components=("dossier_gazetteer",)))
    assert ("Ruritania", "GPE") in entities(nlp("Talks with Ruritania ended on Friday ."))


def test_a_bad_gazetteer_row_stops_the_component_loading(tmp_path: Path) -> None:
    folder = _gazetteer_folder(tmp_path, "Ruritania,GPE,country,test", "Ruritanian,NRP,demonym,t")
    with pytest.raises(DossierError, match=r"ner_gazetteer\.csv#L3: .*label 'NRP'"):
        run_component("dossier_gazetteer", "Hello .", config={"kb_dir": str(folder)})


# --- sports results ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Colchester 1 Hereford 1", [("Colchester", "team"), ("Hereford", "team")]),
        ("Israel 2 , Bulgaria 0 ( halftime 0-0 )", [("Israel", "team"), ("Bulgaria", "team")]),
        (
            "Queen of the South 2 St Mirren 1",
            [("Queen of the South", "team"), ("St Mirren", "team")],
        ),
        ("Birmingham v Barnsley", [("Birmingham", "team"), ("Barnsley", "team")]),
        ("KANSAS CITY AT DETROIT", [("KANSAS CITY", "team"), ("DETROIT", "venue")]),
        ("NEW YORK 74 59 .556 -", [("NEW YORK", "team")]),
        ("3. Bournemouth 4 2 0 2 5 5 6", [("Bournemouth", "team")]),
        ("M1 63.02 62.83 57.50", []),
        ("Seles beat Sukova 6-4 6-3", []),
        ("Natalia Karimova ( Russia ) 3:45.061", []),
        ("Three people died in 1996 .", []),
    ],
)
def test_result_lines(blank: Language, line: str, names: list[tuple[str, str]]) -> None:
    doc = make_doc(blank, line)
    assert [(span.text, role) for span, role in result_line_names(doc[:])] == names


# --- each repair as a pipeline component -------------------------------------------------------


@pytest.mark.parametrize(
    ("component", "sentences", "ents", "expected", "fixed"),
    [
        pytest.param(
            "dossier_entity_boundaries",
            ["Luton 1 Rotherham 0 at the Kenilworth Road"],
            [(0, 4, "ORG")],
            [("Luton", "ORG"), ("Rotherham", "ORG")],
            [],
            id="boundaries-rewrite-the-entities",
        ),
        pytest.param(
            "dossier_gazetteer",
            [
                "The Republic of Ireland beat Liechtenstein 5-0 , a Moldovan official at the "
                "Bank of England said in Chisinau ."
            ],
            [(1, 4, "GPE"), (5, 6, "PERSON"), (13, 16, "ORG")],
            [
                ("Republic of Ireland", "GPE"),
                ("Liechtenstein", "GPE"),  # PERSON relabelled
                ("Moldovan", "NORP"),  # added
                ("Bank of England", "ORG"),  # "England" inside a longer name: left alone
                ("Chisinau", "GPE"),
            ],
            [],
            id="gazetteer-adds-missed-names-and-fixes-labels-but-not-longer-names",
        ),
        pytest.param(
            "dossier_gazetteer",
            ["Let us chad a turkey in TURKEY , Us say , not US ."],
            [],
            [("TURKEY", "GPE"), ("US", "GPE")],
            [],
            id="gazetteer-matches-capitals-only-when-capitalised",
        ),
        pytest.param(
            "dossier_datelines",
            [
                "TAVILDARA , Tajikistan 1996-08-30",
                "MOSCOW , Aug 30 ( Reuters ) - Talks resumed .",
                "BASEBALL - RESULTS 1996-08-30",
            ],
            [(0, 1, "PERSON")],
            [("TAVILDARA", "GPE"), ("Tajikistan", "GPE"), ("MOSCOW", "GPE")],
            ["TAVILDARA", "Tajikistan", "MOSCOW"],
            id="dateline-places-are-gpe-and-fixed",
        ),
        pytest.param(
            "dossier_sports_teams",
            ["Cleveland 5 Chicago 2", "Israel 2 , Bulgaria 0", "BALTIMORE AT SEATTLE"],
            [(0, 1, "GPE"), (2, 3, "PERSON")],
            [
                ("Cleveland", "ORG"),
                ("Chicago", "ORG"),
                ("Israel", "GPE"),
                ("Bulgaria", "GPE"),
                ("BALTIMORE", "ORG"),
                ("SEATTLE", "GPE"),
            ],
            ["Cleveland", "Chicago", "Israel", "Bulgaria", "BALTIMORE", "SEATTLE"],
            id="sports-teams-are-org-national-sides-and-venues-gpe",
        ),
        pytest.param(
            "dossier_doc_consistency",
            [
                "Security chief Alexander Lebed flew to Grozny .",
                "Lebed said the deal was done .",
                "Talks with Lebed ended on Friday .",
            ],
            [(2, 4, "PERSON"), (6, 7, "GPE"), (17, 18, "ORG")],
            [
                ("Alexander Lebed", "PERSON"),
                ("Grozny", "GPE"),
                ("Lebed", "PERSON"),  # unlabelled repeat of a person's surname
                ("Lebed", "PERSON"),  # relabelled from ORG
            ],
            [],
            id="surname-alone-is-the-person-named-before",
        ),
        pytest.param(
            "dossier_doc_consistency",
            [
                "Pirelli Cables won the order .",  # tokens 0-5
                "Pirelli Cables said Magna was ahead .",  # 6-12
                "Magna , Magna and Pirelli Cables .",  # 13-19
            ],
            [(0, 2, "ORG"), (9, 10, "ORG"), (13, 14, "ORG"), (15, 16, "PERSON")],
            [
                ("Pirelli Cables", "ORG"),
                ("Pirelli Cables", "ORG"),  # unlabelled repeat
                ("Magna", "ORG"),
                ("Magna", "ORG"),
                ("Magna", "ORG"),  # outvoted PERSON
                ("Pirelli Cables", "ORG"),
            ],
            [],
            id="majority-label-wins-and-repeats-are-labelled",
        ),
    ],
)
def test_component_on_preset_entities(
    component: str,
    sentences: list[str],
    ents: list[tuple[int, int, str]],
    expected: list[tuple[str, str]],
    fixed: list[str],
) -> None:
    doc = run_component(component, *sentences, ents=ents)
    assert entities(doc) == expected
    assert [s.text for s in doc.spans.get(FIXED_SPANS_KEY, [])] == fixed


def test_fixed_entities_keep_their_label_and_initials_are_not_names() -> None:
    result = run_component(
        "dossier_doc_consistency",
        "NEW YORK 1996-08-30",
        "New York beat Boston .",
        "NEW YORK 74 59",
        "R. Ponting and R. Lee",
        ents=[(0, 2, "GPE"), (3, 5, "ORG"), (8, 10, "ORG"), (12, 13, "NORP")],
        fixed=[(0, 2)],
    )
    assert entities(result)[:3] == [("NEW YORK", "GPE"), ("New York", "ORG"), ("NEW YORK", "ORG")]
    assert [e.text for e in result.ents].count("R.") == 1  # "R." is not propagated


# --- the pipeline ------------------------------------------------------------------------------


def test_the_package_registers_the_six_repairs() -> None:
    # importing dossier.extract.ner (above) is what registers them
    assert len(NER_COMPONENTS) == 6  # caps, boundaries, gazetteer, datelines, sports, consistency
    assert all(Language.has_factory(name) for name in NER_COMPONENTS)


def test_pipeline_is_loaded_once_with_the_repairs_after_ner() -> None:
    nlp = load_pipeline(NER_CONFIG)
    assert load_pipeline(NER_CONFIG) is nlp
    assert nlp.pipe_names[-len(NER_COMPONENTS) :] == list(NER_COMPONENTS)
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index(NER_COMPONENTS[0])
    plain = load_pipeline(PLAIN_CONFIG)
    assert plain is not nlp and not set(NER_COMPONENTS) & set(plain.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names


def test_build_pipeline_for_an_ablation() -> None:
    nlp = build_pipeline(PipelineConfig(components=("dossier_entity_boundaries",)))
    assert nlp.pipe_names[-1] == "dossier_entity_boundaries"
    doc = nlp("Shares of the Federal Reserve Bank rose .")
    assert all(not e.text.lower().startswith("the ") for e in doc.ents)
