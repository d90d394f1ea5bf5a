"""Who held an office on a day, by the package's curated KB: the facts the KB tests check
through ``KnowledgeBase.holder`` (``test_kb_cabinets.py``) and the ``who`` command
(``test_kb_commands.py``), kept as data in ``tests/cases/kb/offices_on_days.toml``."""

from __future__ import annotations

from case_tables import table

#: Heads of state and government (and two ministers), handovers included; ``who`` answers
#: these too: (office, day, holder).
HEADS_ON_DAYS = table("kb/offices_on_days", "heads_on_days")

#: Cabinets, security services, speakers, spokespeople and envoys: (office, day, holder).
CABINET_ON_DAYS = table("kb/offices_on_days", "cabinet_on_days")
