"""CPU cuts, round 6: each gives the same answers as the path it replaces."""

from __future__ import annotations

import gc

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
