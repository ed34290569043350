"""spaCy's attribute rules applied by dictionary look-up instead of its Matcher: same output, faster.

The small English model's `attribute_ruler` maps fine tags to coarse POS, morphology and a few lemmas
with 179 token patterns. spaCy runs them through its general Matcher, which cost about 14% of the
whole parse here. These patterns only test a token's LOWER, TAG, DEP and IS_SPACE (and two-token
sequences), so they are indexed by their first token's exact values and checked directly. The rules
are read from the loaded model, not copied, and `tests/stages/test_nlp.py` checks parity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Predicate = Callable[[Any], bool]
_FIELDS = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}
FACTORY = "sitroom_attribute_rules"


@dataclass(frozen=True)
class _Rule:
    order: int  # the pattern's place in the ruler: later rules win, as in spaCy
    tokens: tuple[Predicate, ...]
    index: int  # which token of the match the attributes go to
    attrs: tuple[tuple[str, Any], ...]


def _value_test(field: str, spec: Any) -> Predicate:
    """One attribute test: an exact value, IN, NOT_IN or REGEX (the forms the Matcher accepts)."""
    attr = _FIELDS[field]
    if not isinstance(spec, dict):
        return lambda tok: bool(getattr(tok, attr) == spec)
    ((op, arg),) = spec.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda tok: getattr(tok, attr) in allowed
    if op == "NOT_IN":
        barred = frozenset(arg)
        return lambda tok: getattr(tok, attr) not in barred
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda tok: pattern.search(getattr(tok, attr)) is not None
    raise ValueError(f"attribute rule operator {op!r} is not supported")


def _token_test(spec: dict[str, Any]) -> Predicate:
    tests = [_value_test(field, value) for field, value in spec.items()]
    if len(tests) == 1:
        return tests[0]
    return lambda tok: all(test(tok) for test in tests)


def _attrs(raw: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    names = {"POS": "pos_", "TAG": "tag_", "DEP": "dep_", "LEMMA": "lemma_", "MORPH": "morph"}
    unknown = set(raw) - set(names)
    if unknown:
        raise ValueError(f"attribute rule sets unsupported attributes {sorted(unknown)}")
    return tuple((names[key], value) for key, value in raw.items())


_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")


def _index_keys(first: dict[str, Any]) -> list[tuple[str, Any]]:
    """Where a rule is filed: by its first token's exact (or listed) value of the first indexed field."""
    for field in _INDEXED:
        spec = first.get(field)
        if isinstance(spec, str | bool):
            return [(field, spec)]
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return [(field, value) for value in spec["IN"]]
    return []


class AttributeRules:
    """Applies a spaCy attribute ruler's patterns to a Doc, with the ruler's precedence."""

    def __init__(self, patterns: Iterable[dict[str, Any]], strings: Any) -> None:
        self.strings = strings
        # rules filed under (column of the token array, value hash); the rest are tried on every token
        self.table: dict[tuple[int, int], list[_Rule]] = {}
        self.unindexed: list[_Rule] = []
        for order, entry in enumerate(patterns):
            attrs = _attrs(entry["attrs"])
            for pattern in entry["patterns"]:
                rule = _Rule(order, tuple(_token_test(spec) for spec in pattern), entry["index"], attrs)
                self._file(rule, pattern[0])

    def _file(self, rule: _Rule, first: dict[str, Any]) -> None:
        keys = _index_keys(first)
        if not keys:
            self.unindexed.append(rule)
        for field, value in keys:
            key = int(value) if isinstance(value, bool) else self.strings.add(value)
            self.table.setdefault((_INDEXED.index(field), key), []).append(rule)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        columns = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        hits: list[tuple[int, int, int]] = []  # (rule order, token, rule id) so ties keep spaCy's order
        rules: list[_Rule] = []
        for i, values in enumerate(columns):
            for rule in self._candidates(values):
                if self._matches(doc, i, rule):
                    hits.append((rule.order, i + rule.index, len(rules)))
                    rules.append(rule)
        hits.sort()
        for _, position, rule_id in hits:
            token = doc[position]
            for name, value in rules[rule_id].attrs:
                if name == "morph":
                    token.set_morph(value)
                else:
                    setattr(token, name, value)
        return doc

    def _candidates(self, values: list[int]) -> list[_Rule]:
        found = list(self.unindexed)
        for column, value in enumerate(values):
            found.extend(self.table.get((column, value), ()))
        return found

    @staticmethod
    def _matches(doc: Any, i: int, rule: _Rule) -> bool:
        if i + len(rule.tokens) > len(doc):
            return False
        return all(test(doc[i + k]) for k, test in enumerate(rule.tokens))


def use_fast_rules(nlp: Any) -> Any:
    """Swap the model's attribute_ruler for AttributeRules built from its own patterns (in place)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, default_config={"patterns": []}, func=_make_rules)
    patterns = nlp.get_pipe("attribute_ruler").patterns
    nlp.replace_pipe("attribute_ruler", FACTORY, config={"patterns": patterns})
    return nlp


def _make_rules(nlp: Any, name: str, patterns: list[dict[str, Any]]) -> AttributeRules:
    return AttributeRules(patterns, nlp.vocab.strings)
