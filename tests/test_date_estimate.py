"""Publication-date estimates for undated documents, by the ``dossier_date_estimate``
component on made-up texts and a made-up knowledge base (so the figures do not move when the
real KB grows), then on the shared seed 000."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from dossier.extract.date_estimate import estimate_publication_date
from dossier.extract.document import prepare_doc
from dossier.kb.loader import load_kb
from dossier.model import DateEstimate
from dossier.nlp import DEFAULT_CONFIG, PipelineConfig, kb_folder, load_pipeline, upstream_of

SEED_000 = Path(__file__).parents[1].parent / "shared" / "corpus" / "seeds"
SEED_000 = SEED_000 / "000_4580506e23552bfb.txt"

KB_FILES = {
    "actors": """id,name,type,country,sector,qid,aliases,source
country:RUT,Ruritania,country,RUT,,,,test
country:BOR,Borduria,country,BOR,,,,test
person:anna-vesk,Anna Vesk,person,RUT,GOV,,,test
person:jon-moor,Jon Moor,person,BOR,GOV,,,test
igo:northern-union,Northern Union,igo,,IGO,,,test
""",
    "offices": """id,name,title,title_aliases,country,org,kind,sector,aliases,source
office:president-rut,President of Ruritania,President,,RUT,,head_of_state,GOV,,test
office:chairman-nu,Chairman of the Northern Union Council,Chairman,,,igo:northern-union,other,IGO,,test
office:prime-minister-bor,Prime Minister of Borduria,Prime Minister,,BOR,,head_of_government,GOV,,test
""",
    "terms": """office,holder,start,end,elected,acting,source
office:president-rut,person:anna-vesk,2021-06-01,2026-06-01,2021-04-18,,test
office:president-rut,person:anna-vesk,2031-06-01,,2031-04-02,,test
office:prime-minister-bor,person:jon-moor,2019-01-10,2024-03-01,,,test
office:chairman-nu,person:jon-moor,2029-01-01,2033-01-01,,,test
""",
    "memberships": """org,member,status,start,end,source
igo:northern-union,country:RUT,observer,2029-03-15,,test
""",
    "places": "name,aliases,country,kind,stands_for,geonames_id,source\n",
    "demonyms": "country,adjectives,demonyms,source\n",
}


#: What the estimate reads: spaCy and the NER repairs, then the estimate itself.
ESTIMATE_COMPONENTS = tuple(upstream_of({"dossier_date_estimate"}))


@pytest.fixture(scope="module")
def nlp(
    tmp_path_factory: pytest.TempPathFactory, write_kb: Callable[[Path, dict[str, str]], Path]
) -> Language:
    folder = write_kb(tmp_path_factory.mktemp("kb"), KB_FILES)
    # The NER repairs read their place list from the same folder: the package's own.
    shutil.copy(kb_folder(None) / "ner_gazetteer.csv", folder)
    return load_pipeline(PipelineConfig(kb_dir=str(folder), components=ESTIMATE_COMPONENTS))


def estimate_of(nlp: Language, text: str, date: str | None = None) -> DateEstimate | None:
    return nlp(prepare_doc(nlp, text, date))._.dossier_date_estimate


def value_and_bounds(estimate: DateEstimate | None) -> tuple[str, str, str] | None:
    """An estimate's value and its earliest and latest day; None for no estimate."""
    return None if estimate is None else (estimate.value, estimate.earliest, estimate.latest)


def test_a_president_elect_places_the_text_between_election_and_inauguration(
    nlp: Language,
) -> None:
    text = (
        "Congratulations poured into the capital for Anna Vesk, the president-elect, whose "
        "party had lost the local vote in October 2030. Vesk promised to cut taxes."
    )
    estimate = estimate_of(nlp, text)
    # Elected 2031-04-02 (the 2021 term is ruled out by October 2030); the congratulations
    # narrow it to the 30 days after the vote, 29 of 31 of them in April.
    assert value_and_bounds(estimate) == ("2031-04", "2031-04-02", "2031-05-02")
    assert any("October 2030" in line for line in estimate.evidence)
    assert any("president-elect" in line for line in estimate.evidence)


def test_a_month_counted_from_the_year_of_writing_meets_a_kb_event(nlp: Language) -> None:
    text = (
        "Ruritania became an observer of the Northern Union in March last year. "
        "The union's council is chaired by former Bordurian prime minister Jon Moor."
    )
    estimate = estimate_of(nlp, text)
    # March last year = the observer status of 2029-03-15, so written in 2030; Moor chairs
    # the council from 2029 to 2033 and left the premiership in 2024.
    assert value_and_bounds(estimate) == ("2030", "2030-01-01", "2030-12-31")
    assert len(estimate.evidence) == 3


def test_no_evidence_no_estimate(nlp: Language) -> None:
    assert estimate_of(nlp, "The river froze early and the ferry stopped.") is None
    # A date in the past bounds the text from below only: no estimate.
    assert estimate_of(nlp, "The bridge was opened in May 2014.") is None


def test_a_dated_document_keeps_its_date_and_gets_no_estimate(nlp: Language) -> None:
    text = "Congratulations poured in for Anna Vesk, the president-elect."
    doc = nlp(prepare_doc(nlp, text, "2031-04-10"))
    assert doc._.dossier_date == "2031-04-10" and doc._.dossier_date_estimate is None


def test_the_estimate_becomes_the_date_later_components_read(nlp: Language) -> None:
    text = (
        "Congratulations poured into the capital for Anna Vesk, the president-elect, whose "
        "party had lost the local vote in October 2030."
    )
    doc = nlp(prepare_doc(nlp, text))
    assert doc._.dossier_date == doc._.dossier_date_estimate.value == "2031-04"


def test_an_election_the_text_does_not_narrow_is_not_used(nlp: Language) -> None:
    # Vesk was elected twice: nothing says which election is meant.
    assert estimate_of(nlp, "Anna Vesk, the president-elect, spoke.") is None


@pytest.mark.shared
@pytest.mark.skipif(not SEED_000.is_file(), reason="../shared/corpus/seeds absent")
def test_seed_000_is_dated_march_2012() -> None:
    nlp = load_pipeline(DEFAULT_CONFIG.only_up_to("dossier_doc_consistency"))  # the NER repairs
    doc = nlp(prepare_doc(nlp, SEED_000.read_text(encoding="utf-8")))
    estimate = estimate_publication_date(doc, load_kb(None))
    assert estimate is not None
    assert estimate.value == "2012-03"
    assert estimate.earliest == "2012-03-04"
    assert any("Putin" in line for line in estimate.evidence)
