"""Helpers every metadata reader shares: stated fields, the top lines, the writer's own voice."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: Quoted passages, masked before looking for the writer's own voice. Curly quotes pair
#: unambiguously; straight quotes pair within a paragraph. A quote left open runs to the end of
#: its paragraph, as a quote that goes on into the next paragraph is printed.
QUOTED_RE = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)


def str_field(fields: Mapping[str, Any], key: str) -> str | None:
    """A stated field as stripped text; None when absent or blank."""
    value = fields.get(key)
    if isinstance(value, str):
        value = value.strip()
    return value or None


def top_lines(body: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines, stripped."""
    return [line.strip() for line in body.splitlines() if line.strip()][:count]


def mask_quotes(text: str) -> str:
    """The text with quoted passages blanked out, offsets unchanged."""
    return QUOTED_RE.sub(lambda m: " " * len(m.group()), text)
