"""The stance part of the query API: who stands where, each stance with its evidence, or
added up by holder or country over time. ``Dossier`` takes these methods as its own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dossier.answers import Records
from dossier.query_filters import actor_ids_named, check_country, date_bounds

if TYPE_CHECKING:
    from dossier.kb.loader import KnowledgeBase
    from dossier.store import Store
    from dossier.store.records import StanceHit, StanceTrend
    from dossier.store.stances import StanceWhere


class StanceQueries:
    """``Dossier.stances`` and ``Dossier.stance_trends`` (see ``dossier.query.Dossier``)."""

    kb: KnowledgeBase
    store: Store

    def stances(
        self,
        *,
        target: str | None = None,
        holder: str | None = None,
        holder_ids: Sequence[str] = (),
        country: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> Records[StanceHit]:
        """Who stands where, oldest first: each stored stance with its evidence.

        target: a KB target (its name or an alias: "Customs Union" asks for "Eurasian
            integration"), a name the KB knows (all its actors), else words of a target's name.
        holder: a name the KB knows (all its actors), else words of a holder's name.
        holder_ids: KB actor ids of holders, exactly (an actor page's own actors), added to
            those ``holder`` names.
        country: ISO 3166-1 alpha-3 the holder spoke for. date_from, date_to: ISO dates (any
            precision) bounding when the stance held, inclusive. Raises ValueError for a date
            that is not ISO or a country that is not three letters.
        """
        from dossier.store.records import StanceHit

        asked = self._stance_filters(target, holder, holder_ids, country, date_from, date_to)
        found = self.store.stances(**asked, limit=limit)
        return Records(found, StanceHit)

    def stance_trends(
        self,
        *,
        target: str | None = None,
        by: str = "actor",
        period: str = "all",
        holder: str | None = None,
        country: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> Records[StanceTrend]:
        """The stances of ``stances(...)`` added up by holder (``by="actor"``) or by the
        country the holder spoke for (``by="country"``, through the KB's offices at the date),
        over all time or by ``period`` ``"year"`` or ``"month"``, with the evidence count:
        a change of side shows as one group's periods turning from ``for`` to ``against``.
        Raises ValueError for an unknown ``by`` or ``period``.
        """
        from dossier.store.records import StanceTrend
        from dossier.trends import trends_from_counts

        if by not in ("actor", "country"):
            raise ValueError(f"by must be 'actor' or 'country', not {by!r}")
        if period not in ("all", "year", "month"):
            raise ValueError(f"period must be 'all', 'year' or 'month', not {period!r}")
        asked = self._stance_filters(target, holder, (), country, date_from, date_to)
        # Added up in the database: the same stances as ``stances``, never sent back one by one.
        counts = self.store.stance_counts(by=by, period=period, **asked)
        return Records(trends_from_counts(counts), StanceTrend)

    def _stance_filters(
        self,
        target: str | None,
        holder: str | None,
        holder_ids: Sequence[str],
        country: str | None,
        date_from: str | None,
        date_to: str | None,
    ) -> StanceWhere:
        """The store's filters for a stance question, names resolved through the KB."""
        bounds = date_bounds(date_from, date_to)
        check_country(country, "UKR")
        known = self.kb.target(target) if target else None
        target_ids = [known.id] if known is not None else actor_ids_named(self.kb, target)
        named = actor_ids_named(self.kb, holder)
        holder_ids = sorted({*named, *holder_ids})
        return {
            "target_ids": target_ids,
            "target_name": None if target_ids else target,
            "holder_ids": holder_ids,
            "holder_name": None if named or not holder else holder,
            "country": country,
            "date_from": bounds[0],
            "date_to": bounds[1],
        }
