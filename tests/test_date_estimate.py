"""Publication-date estimates for undated documents, on made-up texts and a made-up knowledge
base (so the figures do not move when the real KB grows), then on the shared seed 000."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.extract.date_estimate import estimate_publication_date
from dossier.kb.loader import KnowledgeBase

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


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("kb")
    for kind, text in KB_FILES.items():
        (folder / f"{kind}.csv").write_text(text, encoding="utf-8")
    return KnowledgeBase.load(folder)


def test_a_president_elect_places_the_text_between_election_and_inauguration(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Congratulations poured into the capital for Anna Vesk, the president-elect, whose "
        "party had lost the local vote in October 2030. Vesk promised to cut taxes."
    )
    estimate = estimate_publication_date(text, kb)
    assert estimate is not None
    # Elected 2031-04-02 (the 2021 term is ruled out by October 2030); the congratulations
    # narrow it to the 30 days after the vote, 29 of 31 of them in April.
    assert (estimate.value, estimate.earliest, estimate.latest) == (
        "2031-04",
        "2031-04-02",
        "2031-05-02",
    )
    assert any("October 2030" in line for line in estimate.evidence)
    assert any("president-elect" in line for line in estimate.evidence)


def test_a_month_counted_from_the_year_of_writing_meets_a_kb_event(kb: KnowledgeBase) -> None:
    text = (
        "Ruritania became an observer of the Northern Union in March last year. "
        "The union's council is chaired by former Bordurian prime minister Jon Moor."
    )
    estimate = estimate_publication_date(text, kb)
    assert estimate is not None
    # March last year = the observer status of 2029-03-15, so written in 2030; Moor chairs
    # the council from 2029 to 2033 and left the premiership in 2024.
    assert (estimate.value, estimate.earliest, estimate.latest) == (
        "2030",
        "2030-01-01",
        "2030-12-31",
    )
    assert len(estimate.evidence) == 3


def test_no_evidence_no_estimate(kb: KnowledgeBase) -> None:
    assert estimate_publication_date("The river froze early and the ferry stopped.", kb) is None
    # A date in the past bounds the text from below only: no estimate.
    assert estimate_publication_date("The bridge was opened in May 2014.", kb) is None


def test_an_election_the_text_does_not_narrow_is_not_used(kb: KnowledgeBase) -> None:
    # Vesk was elected twice: nothing says which election is meant.
    assert estimate_publication_date("Anna Vesk, the president-elect, spoke.", kb) is None


@pytest.mark.shared
@pytest.mark.skipif(not SEED_000.is_file(), reason="../shared/corpus/seeds absent")
def test_seed_000_is_dated_march_2012() -> None:
    estimate = estimate_publication_date(SEED_000.read_text(encoding="utf-8"))
    assert estimate is not None
    assert estimate.value == "2012-03"
    assert estimate.earliest == "2012-03-04"
    assert any("Putin" in line for line in estimate.evidence)
