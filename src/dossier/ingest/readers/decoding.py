"""Bytes to text for every reader: byte-order marks, strict UTF-8, then a legacy-encoding guess.

What ``decode_text`` returns is the document's original text from then on; every later offset
counts from it.
"""

from __future__ import annotations

import codecs
import re

from dossier.errors import DossierError, ErrorCode

#: Bytes of a file looked at to tell binary from text and to find an XML root element.
SNIFF_BYTES = 8192

#: Above this share of C0 control characters (tab, newlines, vertical tab and form feed
#: aside) the data is binary, not text; real text files hold at most a stray one.
MAX_CONTROL_SHARE = 0.05

#: A few invalid bytes in otherwise good UTF-8 (a truncated download, one corrupted character)
#: are replaced rather than letting a legacy-encoding guess turn every other non-ASCII
#: character into mojibake: at least this many good non-ASCII characters per bad byte.
MIN_GOOD_PER_BAD_UTF8 = 20

#: A legacy-encoding guess is trusted when charset-normalizer also recognises a language in
#: the decoded text with at least this coherence (0-1); below it, short texts get wild guesses
#: (Farsi for "café au lait").
MIN_COHERENCE = 0.2

#: Western text decoded as cp1252 has few non-ASCII letters (accents); Cyrillic or Greek bytes
#: decoded as cp1252 are almost all non-ASCII letters.
MAX_NON_ASCII_LETTER_SHARE = 0.3

#: Tie-break between legacy encodings that charset-normalizer finds equally plausible, as on a
#: short text: the common Western and Cyrillic code pages first.
PREFERRED_ENCODINGS = (
    "cp1252",
    "cp1251",
    "koi8-r",
    "koi8-u",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso8859-2",
    "iso8859-5",
    "iso8859-7",
)

_BOMS = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f]")
#: Windows and old Mac line ends, normalised to ``\n`` in every text a reader returns.
NEWLINES = re.compile(r"\r\n?")


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a document's bytes; returns ``(text, encoding name)`` with newlines as ``\\n``.

    data: the raw bytes of one document.
    declared: an encoding the document declares (an HTML ``<meta charset>``), tried after
        byte-order marks and strict UTF-8.

    Raises ``DossierError`` R004 for empty or whitespace-only data, R002 for binary data and
    R003 when no encoding fits.
    """
    if not data.strip():
        raise DossierError(ErrorCode.R004_EMPTY)
    text, encoding = _decode(data, declared)
    if not text.strip():
        raise DossierError(ErrorCode.R004_EMPTY, f"only whitespace once decoded as {encoding}")
    controls = len(_CONTROL_CHARS.findall(text[:SNIFF_BYTES]))
    if controls > MAX_CONTROL_SHARE * min(len(text), SNIFF_BYTES):
        raise DossierError(ErrorCode.R002_BINARY, f"{controls} control characters at the start")
    return NEWLINES.sub("\n", text), encoding


def wide_bom(head: bytes) -> str | None:
    """The codec for a UTF-16 or UTF-32 byte-order mark at the start, with the mark kept."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def looks_binary(data: bytes) -> int:
    """How many control bytes the start of ``data`` holds when they make it binary, else 0."""
    sample = data[:SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls if controls > MAX_CONTROL_SHARE * len(sample) else 0


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds half a UTF-16 pair (from a ``\\ud800`` escape or ``&#xD800;``),
    which UTF-8 cannot encode and so no store can hold."""
    return _LONE_SURROGATE.search(text) is not None


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.removesuffix("-sig")), codec
            except UnicodeDecodeError as error:
                detail = f"starts with a {codec} byte-order mark but is not {codec}: {error}"
                raise DossierError(ErrorCode.R003_UNDECODABLE, detail) from error
    if b"\x00" in data:
        return _decode_utf16_without_bom(data)
    controls = looks_binary(data)
    if controls:
        raise DossierError(ErrorCode.R002_BINARY, f"{controls} control bytes at the start")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for char in lenient if char > "\x7f") - bad
    if good >= MIN_GOOD_PER_BAD_UTF8 * bad:
        return lenient, "utf-8"
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return text
    return _decode_legacy(data)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str]:
    """UTF-16 text saved without a byte-order mark, told apart from binary by where NULs sit.

    Text in UTF-16 has its NUL bytes (the high byte of ASCII characters, or of spaces between
    Cyrillic words) all at odd offsets (little-endian) or all at even ones (big-endian).
    """
    if len(data) % 2 == 0:
        even = data[0::2].count(0)
        odd = data[1::2].count(0)
        # A few characters have a NUL low byte (U+0100, U+0400), so the split need not be
        # perfect; at least a tenth of the characters must carry a NUL.
        codec = "utf-16-le" if odd > 50 * even else "utf-16-be" if even > 50 * odd else None
        if codec and max(even, odd) * 10 >= len(data) // 2:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    raise DossierError(ErrorCode.R002_BINARY, "NUL bytes in a file that is not UTF-16")


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    # Browsers read pages labelled Latin-1 or ASCII as windows-1252, and so do publishers.
    if codec in ("iso8859-1", "ascii"):
        codec = "cp1252"
    # A UTF-16/32 label on bytes without NULs is wrong (browsers ignore it too): decoding
    # would "succeed" and turn ASCII pairs into CJK characters.
    if codec.startswith(("utf-16", "utf-32")):
        return None
    try:
        text = data.decode(codec)
    except (UnicodeError, LookupError):
        # LookupError: a codec that is not a text encoding ("base64", "rot13", "zlib").
        return None
    # "unicode_escape" and the like turn "\\ud800" in the bytes into a lone surrogate.
    return None if has_lone_surrogate(text) else (text, codec)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Guess a single-byte (or CJK) encoding with charset-normalizer, Western text first."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    western: str | None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    best = matches[0] if matches else None
    if best is not None and best.coherence >= MIN_COHERENCE:
        text = str(best)
        # cp1250 and cp1252 agree on most letters; name the common one when they agree here.
        return text, "cp1252" if text == western else _codec_name(best.encoding)
    if western is not None and _looks_western(western):
        return western, "cp1252"
    if best is None:
        raise DossierError(
            ErrorCode.R003_UNDECODABLE,
            "not UTF-8 and no legacy encoding fits; re-save the file as UTF-8",
        )
    tied = [m for m in matches if m.chaos <= best.chaos]
    names = {_codec_name(m.encoding): m for m in tied}
    for preferred in PREFERRED_ENCODINGS:
        if preferred in names:
            return str(names[preferred]), preferred
    return str(best), _codec_name(best.encoding)


def _looks_western(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for char in letters if char > "\x7f")
    return non_ascii <= MAX_NON_ASCII_LETTER_SHARE * len(letters)


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
