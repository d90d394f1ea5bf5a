"""The whole-store regrouping both end-of-run stages share: statements from quotes, merged
events from event reports.

Each reads every stored fact of one kind, groups them and replaces the stored groups, and does so
only when the groups are behind the facts (or when forced), so the run-once check, the timing and
the counts live here once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


class _Group(Protocol):
    @property
    def documents(self) -> Sequence[object]: ...


Fact = TypeVar("Fact")
Group = TypeVar("Group", bound=_Group)


@dataclass(frozen=True)
class Regrouped:
    """What one regrouping found.

    read: stored facts grouped (quotes, event reports). made: the groups they make (statements,
    merged events). repeated: groups carried by two or more documents.
    seconds: wall time, reading and writing included.
    """

    read: int
    made: int
    repeated: int
    seconds: float


def regroup_when_behind(
    behind: Callable[[], bool],
    read: Callable[[], Sequence[Fact]],
    group: Callable[[Sequence[Fact]], Sequence[Group]],
    replace: Callable[[Sequence[Group]], None],
    *,
    force: bool = False,
) -> Regrouped | None:
    """Read, group and replace, when ``behind()`` (or ``force``); None when there was nothing
    to do."""
    started = time.perf_counter()
    if not force and not behind():
        return None
    facts = read()
    found = group(facts)
    replace(found)
    repeated = sum(len(each.documents) > 1 for each in found)
    return Regrouped(len(facts), len(found), repeated, time.perf_counter() - started)
