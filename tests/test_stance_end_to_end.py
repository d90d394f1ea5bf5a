"""End to end on invented articles: ``annotate`` reads stances, stores them with links to
their evidence, and ``Dossier.stance_trends`` shows a country turning from one side to the
other by year."""

from __future__ import annotations

from dossier.drivers.annotate import annotate_store
from dossier.query import Dossier
from dossier.store import Store

# Invented: a state that first wants in, then turns away two years later.
EARLY = "Tajikistan wants to join the Eurasian Economic Union, officials said on Monday.\n"
LATER = "Tajikistan is reluctant to sign up for the Customs Union now.\n"


def test_annotate_stores_stances_whose_course_the_trends_show(
    store_url: str, nlp, make_document
) -> None:
    early = make_document(EARLY, date="2013-05-14", outlet="Wire")
    later = make_document(LATER, date="2015-06-02", outlet="Daily")
    with Store.open(store_url) as store:
        store.add_documents([(early, None), (later, None)])
        summary = annotate_store(store, nlp=nlp)
        assert not summary.failures and summary.stances >= 2
        [stance] = [
            s
            for s in store.read_facts("stance", doc_id=later.doc_id)
            if s.basis == "reported"  # type: ignore[attr-defined]
        ]
        evidence = store.read_links(later.doc_id, relation="evidence")
        assert stance.fact_id in {link.from_fact for link in evidence}
    with Dossier(store_url) as dossier:
        trends = dossier.stance_trends(
            target="Eurasian integration", by="country", period="year", country="TJK"
        )
        assert [(t.period, t.side) for t in trends] == [("2013", "for"), ("2015", "against")]
