"""spaCy's attribute ruler, matched faster, to the same result.

The English pipeline's ``attribute_ruler`` (the tag map, the morph rules and a few exceptions:
about 180 rules, nearly all one token long) finds its matches with spaCy's general ``Matcher``,
which tries every rule at every token: about a sixth of spaCy's CPU time on news text. Its rules
only compare a token's tag, lower-case form, dependency label or space flag with values, sets of
values or a regular expression, so they can be read off the token columns at once
(``Doc.to_array``) instead. ``speed_up`` gives the ruler such a ``match``: the same matches, in
the same order, which its own ``set_annotations`` then applies as before, so every token ends
with the same POS, morphology and lemma. A ruler with a rule of another shape is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

#: The token attributes a rule may test here: the Matcher reads each as ``Doc.to_array`` does.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_SET_OPERATORS = ("IN", "NOT_IN")

#: One test on one column: (column index, kind, operand); kind "eq", "in", "not_in" or "regex".
_Test = tuple[int, str, Any]
#: A rule: (attribute index, match id, index, patterns as lists of per-token test lists).
_Rule = tuple[int, int, int, list[list[list[_Test]]]]


class _UnsupportedRule(Exception):
    pass


def speed_up(nlp: Language) -> bool:
    """Give ``nlp``'s attribute ruler the column matcher; whether it could (False: left as is)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        matcher = ColumnMatcher(ruler)
    except _UnsupportedRule:
        return False
    # What the ruler's ``__call__`` asks for its matches, then to apply them.
    ruler.match = matcher.match
    ruler.set_annotations = matcher.set_annotations
    return True


class ColumnMatcher:
    """The matches of ``ruler``'s rules, as ``AttributeRuler.match`` gives them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import IDS

        strings = ruler.vocab.strings
        self.attr_ids = [IDS[name] for name in _COLUMNS]
        self.strings = strings
        self.rules: list[_Rule] = []
        for number, entry in enumerate(ruler.patterns):
            key = strings[str(number)]  # the Matcher key the ruler gave this rule
            patterns = [[_tests(spec) for spec in pattern] for pattern in entry["patterns"]]
            if not all(patterns):
                raise _UnsupportedRule(f"rule {number} has an empty pattern")
            index = entry["index"]
            if not all(-len(pattern) <= index < len(pattern) for pattern in patterns):
                raise _UnsupportedRule(f"rule {number}: no token {index} in its patterns")
            self.rules.append((number, key, entry["index"], patterns))
        self._sort_out()
        #: regular expression -> {string hash -> whether it matches}, kept across documents
        self.searched: dict[str, dict[int, bool]] = {}
        self.ruler = ruler

    def _sort_out(self) -> None:
        """One-token rules (nearly all) are matched together, one row each of a rules x tokens
        table: their equality tests on a column in one comparison, any other test row by row.
        The rest are matched one by one."""
        self.single: list[tuple[int, int]] = []  # (rule number, match id), by rule number
        self.others: list[_Rule] = []
        equal: dict[int, tuple[list[int], list[int]]] = {}  # column -> (rows, values)
        self.row_tests: list[tuple[int, _Test]] = []
        for rule in self.rules:
            number, key, _index, patterns = rule
            if len(patterns) != 1 or len(patterns[0]) != 1:
                self.others.append(rule)
                continue
            row = len(self.single)
            self.single.append((number, key))
            compared: set[int] = set()
            for test in patterns[0][0]:
                column, kind, operand = test
                if kind == "eq" and column not in compared and 0 <= operand < 2**64:
                    compared.add(column)
                    rows, values = equal.setdefault(column, ([], []))
                    rows.append(row)
                    values.append(operand)
                else:
                    self.row_tests.append((row, test))
        self.equal = [
            (column, numpy.array(rows), numpy.array(values, dtype=numpy.uint64)[:, None])
            for column, (rows, values) in equal.items()
        ]

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """``AttributeRuler.set_annotations`` without a ``Span`` per match: each rule's attributes
        set on its token, match after match, as the ruler sets them (every rule's index lies
        inside its patterns, checked once above)."""
        from spacy.tokens._retokenize import set_token_attrs

        if len(self.ruler.attrs) != len(self.rules):  # rules added since: spaCy's own way
            type(self.ruler).set_annotations(self.ruler, doc, matches)
            return
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for number, _key, start, end in matches:
            index = indices[number]
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs[number])

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule number, match id, start, end) of every match, sorted as the ruler sorts them."""
        if len(self.ruler.attrs) != len(self.rules):  # rules added since: spaCy's own way
            return type(self.ruler).match(self.ruler, doc)
        n = len(doc)
        if n == 0:
            return []
        columns = doc.to_array(self.attr_ids)
        masks: dict[int, numpy.ndarray] = {}  # id of a test -> where it holds

        def holds(test: _Test) -> numpy.ndarray:
            found = masks.get(id(test))
            if found is None:
                found = masks[id(test)] = self._test(columns[:, test[0]], test)
            return found

        table = numpy.ones((len(self.single), n), dtype=bool)
        for column, rows, values in self.equal:
            table[rows] &= columns[:, column] == values
        for row, test in self.row_tests:
            table[row] &= holds(test)
        rows, tokens = numpy.nonzero(table)  # by row (rule number), then token
        single = self.single
        matches = [
            (*single[row], token, token + 1)
            for row, token in zip(rows.tolist(), tokens.tolist(), strict=True)
        ]
        for number, key, _index, patterns in self.others:
            found = []
            for pattern in patterns:
                width = len(pattern)
                if width > n:
                    continue
                starts = None
                for offset, tests in enumerate(pattern):
                    for test in tests:
                        where = holds(test)[offset : n - width + 1 + offset]
                        starts = where if starts is None else starts & where
                found.extend((start, start + width) for start in numpy.flatnonzero(starts).tolist())
            if len(patterns) > 1:
                found = sorted(set(found))  # the Matcher gives a span once, by start and end
            matches.extend((number, key, start, end) for start, end in found)
        if self.others:
            matches.sort(key=_rule_number)  # stable: each rule's matches stay in their order
        return matches

    def _test(self, column: numpy.ndarray, test: _Test) -> numpy.ndarray:
        kind, operand = test[1], test[2]
        if kind == "eq":
            return column == operand
        if kind == "in":
            return numpy.isin(column, operand)
        if kind == "not_in":
            return ~numpy.isin(column, operand)
        # A regular expression, searched in the column's string (as the Matcher does).
        known = self.searched.setdefault(operand.pattern, {})
        values = numpy.unique(column)
        for value in values.tolist():
            if value not in known:
                known[value] = bool(operand.search(self.strings[value]))
        hits = [value for value in values.tolist() if known[value]]
        return numpy.isin(column, numpy.array(hits, dtype=column.dtype))


def _rule_number(match: tuple[int, int, int, int]) -> int:
    return match[0]


def _tests(spec: dict[str, Any]) -> list[_Test]:
    """The column tests of one token's pattern: all must hold."""
    from spacy.strings import get_string_id

    tests: list[_Test] = []
    for name, value in spec.items():
        if not isinstance(name, str) or name.upper() not in _COLUMNS:
            raise _UnsupportedRule(f"attribute {name!r}")
        column = _COLUMNS.index(name.upper())
        if isinstance(value, bool):
            tests.append((column, "eq", int(value)))
        elif isinstance(value, int):
            tests.append((column, "eq", value))
        elif isinstance(value, str):
            tests.append((column, "eq", get_string_id(value)))
        elif isinstance(value, dict) and value:
            for operator, operand in value.items():
                tests.append(_operator_test(column, operator, operand, get_string_id))
        else:
            raise _UnsupportedRule(f"value {value!r}")
    return tests


def _operator_test(
    column: int, operator: str, operand: Any, get_string_id: Callable[[Any], int]
) -> _Test:
    if operator in _SET_OPERATORS and isinstance(operand, list | tuple):
        if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in operand):
            raise _UnsupportedRule(f"{operator} {operand!r}")
        hashes = numpy.array(sorted({get_string_id(v) for v in operand}), dtype=numpy.uint64)
        return (column, operator.lower(), hashes)
    if operator == "REGEX" and isinstance(operand, str):
        return (column, "regex", re.compile(operand))
    raise _UnsupportedRule(f"{operator} {operand!r}")
