"""Reader for CoNLL-2003 NER files: documents of sentences of tokens, with gold entity spans.

The format is one token a line, ``token POS chunk NER`` separated by spaces; a blank line ends a
sentence and a ``-DOCSTART-`` line starts a document. The shared task's files use **IOB1** tags:
``I-X`` is inside an entity of type X and starts a new one only when the previous token is not
of type X; ``B-X`` appears only where an entity of type X follows another of the same type
directly, and starts the second one. IOB2 files (every entity starts with ``B-``) decode to the
same spans with the same rule, so the reader accepts both.

Spans are token offsets into their sentence, end exclusive, labelled PER, ORG, LOC or MISC.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import DossierError, ErrorCode

DOCSTART = "-DOCSTART-"

#: CoNLL-2003's entity types.
LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True)
class GoldSpan:
    """An entity: tokens ``start`` to ``end`` (exclusive) of its sentence, with its type."""

    start: int
    end: int
    label: str


@dataclass
class ConllSentence:
    """One sentence (one line of the original wire text: headline, dateline or body sentence)."""

    words: list[str]
    pos: list[str]
    chunks: list[str]
    tags: list[str]
    spans: list[GoldSpan] = field(default_factory=list)
    line: int = 0  # 1-based line of the sentence's first token in the file, for messages


@dataclass
class ConllDocument:
    """The sentences between two ``-DOCSTART-`` lines."""

    sentences: list[ConllSentence] = field(default_factory=list)
    line: int = 0

    @property
    def words(self) -> list[str]:
        return [word for sentence in self.sentences for word in sentence.words]

    @property
    def n_entities(self) -> int:
        return sum(len(sentence.spans) for sentence in self.sentences)


def iob1_spans(tags: Sequence[str]) -> list[GoldSpan]:
    """Entity spans from IOB1 (or IOB2) tags.

    A span starts at ``B-X``, or at ``I-X`` when the previous token is ``O`` or of another type;
    it runs while the following tags are ``I-X``.

    >>> iob1_spans(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"])
    [GoldSpan(start=0, end=2, label='PER'), GoldSpan(start=2, end=3, label='PER'), \
GoldSpan(start=4, end=5, label='LOC'), GoldSpan(start=5, end=6, label='ORG')]
    """
    spans: list[GoldSpan] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if tag == "O" or prefix not in ("B", "I") or not kind:
            if tag != "O":
                raise ValueError(f"not an IOB tag: {tag!r}")
            if label:
                spans.append(GoldSpan(start, i, label))
            start, label = -1, ""
            continue
        if prefix == "B" or kind != label:
            if label:
                spans.append(GoldSpan(start, i, label))
            start, label = i, kind
    if label:
        spans.append(GoldSpan(start, len(tags), label))
    return spans


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                yield number, line.rstrip("\n")
    except FileNotFoundError as exc:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{path}: {exc}") from exc


def read_conll(path: Path | str) -> list[ConllDocument]:
    """The documents of a CoNLL-2003 file, in file order.

    A file without ``-DOCSTART-`` lines is one document. Raises ``E001_BAD_GOLD`` naming the file
    and line when a line has fewer than two columns or a tag that is not IOB, or when the file
    holds no token at all.
    """
    path = Path(path)
    documents: list[ConllDocument] = []
    document = ConllDocument(line=1)
    sentence = ConllSentence([], [], [], [])

    def end_sentence() -> None:
        nonlocal sentence
        if sentence.words:
            sentence.spans = iob1_spans(sentence.tags)  # tags were checked line by line
            document.sentences.append(sentence)
        sentence = ConllSentence([], [], [], [])

    def end_document(line: int) -> None:
        nonlocal document
        end_sentence()
        if document.sentences:
            documents.append(document)
        document = ConllDocument(line=line)

    for number, line in _lines(path):
        columns = line.split()
        if not columns:
            end_sentence()
            continue
        if columns[0] == DOCSTART:
            end_document(number)
            continue
        if len(columns) < 2:
            raise DossierError(
                ErrorCode.E001_BAD_GOLD,
                f"{path}#L{number}: expected 'token POS chunk NER', got {line!r}",
            )
        tag = columns[-1]
        prefix, _, kind = tag.partition("-")
        if tag != "O" and (prefix not in ("B", "I") or not kind):
            raise DossierError(
                ErrorCode.E001_BAD_GOLD, f"{path}#L{number}: {tag!r} is not an IOB tag"
            )
        if not sentence.words:
            sentence.line = number
        sentence.words.append(columns[0])
        sentence.pos.append(columns[1] if len(columns) > 2 else "")
        sentence.chunks.append(columns[2] if len(columns) > 3 else "")
        sentence.tags.append(tag)
    end_document(0)
    if not documents:
        raise DossierError(ErrorCode.E001_BAD_GOLD, f"{path}: no tokens")
    return documents
