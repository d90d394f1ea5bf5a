"""When a quote was said (``Quote.said_on``): a TIMEX3 value.

1. What the text says of the saying: a date or time expression in the cue's own phrase
   (``cue_phrase``): "told Rossiya-24 on Friday" is that Friday, "said last week" that week.
   A time in what was said ("said that in 2011 ...") is the content's, not the saying's. Of
   several, the finest ("on Friday, 18 November" over "in November"); a time of day is
   dropped, "now" is the document date (``fact_time.timex_reference``).
2. Else the reference time of the sentence that holds the cue (or the quote, when it has
   none): its own time, its paragraph's narrative time, or the publication date
   (``dossier_fact_time``, which runs before this stage). A sentence dated only by a time in
   what was said ("X said the government would cut taxes next year") is not dated by it: its
   other times, else the sentence before it in the paragraph, else the publication date.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from dossier.extract import document
from dossier.extract.fact_time import timex_reference
from dossier.model import Sentence, Timex


class SaidOn:
    """The timexes and sentence reference times of one document, to date its quotes."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.date: str | None = doc._.get(document.DATE)
        self.timexes: list[Timex] = sorted(doc._.get(document.TIMEXES) or [], key=lambda t: t.start)
        self.starts = [t.start for t in self.timexes]
        self.sentences: list[Sentence] = list(doc._.get(document.SENTENCES) or [])

    def _timex_at(self, char: int) -> Timex | None:
        number = bisect.bisect_right(self.starts, char) - 1
        if number < 0 or not self.timexes[number].start <= char < self.timexes[number].end:
            return None
        return self.timexes[number]

    def _finest(self, timexes: list[Timex]) -> str | None:
        best: tuple[int, int, str] | None = None  # (granularity rank, start, value)
        for timex in timexes:
            reference = timex_reference(timex, self.date)
            if reference is None:
                continue
            value, rank = reference
            if best is None or (rank, timex.start) < best[:2]:
                best = (rank, timex.start, value)
        return best[2] if best is not None else None

    def _sentence_time(self, number: int, content: tuple[int, int]) -> str | None:
        sentence = self.sentences[number]
        start, end = sentence.provenance.start, sentence.provenance.end
        own = [t for t in self.timexes if start <= t.start < end]
        inside = [t for t in own if content[0] <= t.start < content[1]]
        if not inside or self._finest(inside) is None:
            return sentence.reference_time
        outside = self._finest([t for t in own if t not in inside])
        if outside is not None:
            return outside
        if number > 0:
            text = document.text_of(self.doc)
            previous = self.sentences[number - 1]
            if "\n" not in text[previous.provenance.end : start]:
                return previous.reference_time  # the paragraph's narrative time
        return self.date

    def of(self, phrase: list[Token], at: int, content: tuple[int, int]) -> str | None:
        """When the words framed by ``phrase`` were said; ``at``: the character whose
        sentence dates them when the phrase gives no time (the cue's, else the quote's);
        ``content``: the characters of what was said."""
        seen: dict[int, Timex] = {}
        for token in phrase:
            timex = self._timex_at(token.idx)
            if timex is not None:
                seen[timex.start] = timex
        stated = self._finest(list(seen.values()))
        if stated is not None:
            return stated
        if not self.sentences:
            return self.date
        number = document.sentence_index(self.doc, at)
        if number < len(self.sentences):
            return self._sentence_time(number, content)
        return self.date
