"""Latency of the actor page and quote search over an annotated store (REST API), and of the
web UI's actor and country-stance pages: p50 and p95.

    python bench/bench_api.py --db dossier.db [--repeat 20]

Requests go through the whole application in-process (FastAPI's TestClient: routing,
validation, the query API, JSON encoding), not over a socket, so the figures are the server's
own time. The actors asked for are the store's most mentioned KB actors (their pages as
``/actors/{id}``); the quote searches are by those actors as speakers and by words of the
stored quotes; the UI pages are ``/ui/actors/{id}`` for the same actors and ``/ui/stance`` for
each KB stance target. Nothing is written; the store is opened read-only.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from urllib.parse import quote

from fastapi.testclient import TestClient

from dossier.api import ApiSettings, create_app
from dossier.query import Dossier


def percentile(times: list[float], share: float) -> float:
    """The value below which ``share`` of ``times`` lie (nearest rank)."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def timed(client: TestClient, urls: list[str], repeat: int) -> list[float]:
    """Milliseconds of each request, every url ``repeat`` times; fails loudly on a non-200."""
    times = []
    for _ in range(repeat):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an annotated store")
    parser.add_argument("--repeat", type=int, default=20, help="rounds over the urls")
    parser.add_argument("--actors", type=int, default=5, help="how many actors to ask for")
    args = parser.parse_args()

    with Dossier(args.db) as dossier:
        counts = Counter(m.actor_id for m in dossier.mentions() if m.actor_id)
        speakers = Counter(q.speaker_actor for q in dossier.quotes() if q.speaker_actor_id)
        words = Counter(
            word.lower()
            for quote in dossier.quotes(limit=200)
            for word in quote.text.split()
            if len(word) > 6 and word.isalpha()
        )
        targets = sorted(target.name for target in dossier.kb.targets.values())
    actor_ids = [actor_id for actor_id, _ in counts.most_common(args.actors)]
    if not actor_ids:
        raise SystemExit(f"{args.db}: no mentions stored; run dossier annotate first")
    quote_urls = [f"/quotes?speaker={quote(name)}" for name, _ in speakers.most_common(args.actors)]
    quote_urls += [f"/quotes?about={word}" for word, _ in words.most_common(args.actors)]

    with TestClient(create_app(ApiSettings(db=args.db))) as client:
        timed(client, ["/documents?limit=1"], 1)  # open the store and load the KB first
        pages = {
            "actor page": [f"/actors/{actor_id}" for actor_id in actor_ids],
            "quote search": quote_urls,
            "UI actor page": [f"/ui/actors/{quote(actor_id)}" for actor_id in actor_ids],
            "UI stance page": [f"/ui/stance?target={quote(name)}" for name in targets],
        }
        print(f"{'request':<16} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, urls in pages.items():
            times = timed(client, urls, args.repeat)
            print(
                f"{name:<16} {len(times):>5} {statistics.median(times):>8.1f} "
                f"{percentile(times, 0.95):>8.1f} {max(times):>8.1f}"
            )


if __name__ == "__main__":
    main()
