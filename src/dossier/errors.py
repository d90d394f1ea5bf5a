"""One catalogue of the errors dossier reports to people, with stable codes.

Each message says what went wrong and what to do; callers add where (file, line, document id).
Codes never change meaning once released, so scripts and issue reports can refer to them.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    # Reading (R)
    R001_NOT_FOUND = "R001"
    R002_BINARY = "R002"
    R003_UNDECODABLE = "R003"
    R004_EMPTY = "R004"
    R005_BAD_JSON_LINE = "R005"
    R006_NO_TEXT_FIELD = "R006"
    R007_NO_ARTICLE = "R007"
    R008_TOO_LARGE = "R008"
    R009_BAD_ARCHIVE = "R009"
    R010_BAD_FEED = "R010"
    R011_UNSUPPORTED = "R011"
    R012_UNSAFE_MEMBER = "R012"
    # Store (S)
    S001_CANNOT_OPEN = "S001"
    S002_NOT_FOUND = "S002"
    S003_NO_STORE = "S003"
    # Knowledge base (K)
    K001_KB_INVALID = "K001"
    K002_UNKNOWN = "K002"
    # Evaluation (E)
    E001_BAD_GOLD = "E001"


MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.R001_NOT_FOUND: "no such file or directory; check the path",
    ErrorCode.R002_BINARY: "looks like a binary file, not text; give dossier text, JSONL, HTML, "
    "RSS/Atom, .gz or .zip",
    ErrorCode.R003_UNDECODABLE: "cannot decode the bytes as text in any known encoding",
    ErrorCode.R004_EMPTY: "empty: nothing to read",
    ErrorCode.R005_BAD_JSON_LINE: "not a valid JSON object",
    ErrorCode.R006_NO_TEXT_FIELD: "the record has no non-empty 'text' field",
    ErrorCode.R007_NO_ARTICLE: "no article text found in the HTML page",
    ErrorCode.R008_TOO_LARGE: "larger than the size limit for one document",
    ErrorCode.R009_BAD_ARCHIVE: "cannot open the archive",
    ErrorCode.R010_BAD_FEED: "cannot parse the feed",
    ErrorCode.R011_UNSUPPORTED: "unsupported file type",
    ErrorCode.R012_UNSAFE_MEMBER: "refused: an archive member whose name leaves the archive "
    "(an absolute path or '..'); the rest of the archive is read",
    ErrorCode.S001_CANNOT_OPEN: "cannot open the store; check --db or DOSSIER_DB",
    ErrorCode.S002_NOT_FOUND: "no document with that id in the store",
    ErrorCode.S003_NO_STORE: "no dossier store there; dossier ingest creates one, or give --db",
    ErrorCode.K001_KB_INVALID: "the knowledge base files do not validate; fix these rows",
    ErrorCode.K002_UNKNOWN: "the knowledge base knows no such actor or office",
    ErrorCode.E001_BAD_GOLD: "cannot read the gold data",
}


def message(code: ErrorCode, detail: str | None = None) -> str:
    """The person-facing message for ``code``, prefixed by the code, with optional detail."""
    text = f"[{code.value}] {MESSAGES[code]}"
    return f"{text} ({detail})" if detail else text


class DossierError(Exception):
    """An error with a catalogue code, meant to be shown to the user as is."""

    def __init__(self, code: ErrorCode, detail: str | None = None) -> None:
        self.code = code
        self.detail = detail
        super().__init__(message(code, detail))
