"""The model's attribute rules (part of speech, morphology and lemma exceptions by tag, word and dependency),
applied by looking each token's word and tag up instead of trying all 179 patterns on every token.

spaCy's attribute ruler runs its rules through a Matcher, which tests every pattern at every token: about a sixth
of the whole pipeline's time on news articles. The rules are the model's own (read from its `attribute_ruler` at
load time, never copied here), applied in the ruler's order with its semantics: all rules match against the doc
as the parser left it, then the matches are applied in rule order, a later rule overriding an earlier one.
`compile_rules` returns None for a pattern shape it cannot index, and the model's ruler then stays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

# Token attributes the rules test, as the Matcher reads them; a doc's are read once into columns, one per attribute.
READERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "IS_SPACE": lambda t: t.is_space,
}
Columns = Mapping[str, Sequence[Any]]
# Distinct words remembered with the rules they match before the memory starts afresh (a few MB).
MAX_SEEN_WORDS = 50_000
# Keys a rule's first token may be found by, surest first.
INDEX_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")


@dataclass(frozen=True)
class Test:
    """One condition on one attribute of a token: equal to a value, in or not in a set, or matching a regex."""

    attr: str
    op: str
    value: Any

    def __call__(self, columns: Columns, i: int) -> bool:
        got = columns[self.attr][i]
        if self.op == "==":
            return bool(got == self.value)
        if self.op == "IN":
            return got in self.value
        if self.op == "NOT_IN":
            return got not in self.value
        return self.value.search(got) is not None  # REGEX, as the Matcher: a search, not a full match


@dataclass(frozen=True)
class Rule:
    """One pattern of the ruler: its order, the tests of each token in turn, and what it sets on which token."""

    order: int
    tokens: tuple[tuple[Test, ...], ...]
    attrs: Mapping[Any, Any]
    index: int
    found_is_match: bool = False  # one token, one equality test: the index look-up that found it is the test

    def matches(self, columns: Columns, length: int, start: int) -> bool:
        return self.found_is_match or start + len(self.tokens) <= length and \
            all(test(columns, start + k) for k, tests in enumerate(self.tokens) for test in tests)


@dataclass(frozen=True)
class Rules:
    """The rules indexed by the word or tag their first token needs; `loose` need neither."""

    by_key: Mapping[tuple[str, Any], Sequence[Rule]]
    loose: Sequence[Rule]
    # A token's word, tag, dependency and space flag -> the one-token rules it matches and the longer rules it may
    # start: a one-token rule's match depends on nothing else, and the same few thousand words make most of a text.
    seen: dict[tuple[Any, ...], tuple[tuple[Rule, ...], tuple[Rule, ...]]] = field(default_factory=dict, compare=False)

    def for_word(self, columns: Columns, i: int) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        """The one-token rules the i-th token matches, and the longer rules to test from it."""
        key = (columns["LOWER"][i], columns["TAG"][i], columns["DEP"][i], columns["IS_SPACE"][i])
        found = self.seen.get(key)
        if found is None:
            get = self.by_key.get
            candidates = [*get(("LOWER", key[0]), ()), *get(("TAG", key[1]), ()), *get(("DEP", key[2]), ()),
                          *get(("IS_SPACE", key[3]), ()), *self.loose]
            one = tuple(r for r in candidates if len(r.tokens) == 1 and r.matches(columns, len(columns["TAG"]), i))
            found = (one, tuple(r for r in candidates if len(r.tokens) > 1))
            if len(self.seen) >= MAX_SEEN_WORDS:
                self.seen.clear()
            self.seen[key] = found
        return found


def _test(key: str, want: Any) -> Test | None:
    if key not in READERS:
        return None
    if not isinstance(want, dict):
        return Test(key, "==", want)
    if len(want) != 1:
        return None
    (op, value), = want.items()
    if op in ("IN", "NOT_IN"):
        return Test(key, op, frozenset(value))
    if op == "REGEX":
        return Test(key, op, re.compile(value))
    return None


def _index_values(first: Mapping[str, Any]) -> tuple[str, list[Any]] | None:
    """The attribute and the values a rule's first token can be found under, if it needs one of them."""
    for key in INDEX_KEYS:
        want = first.get(key)
        if isinstance(want, (str, bool)):
            return key, [want]
        if isinstance(want, dict) and list(want) == ["IN"]:
            return key, list(want["IN"])
    return None


def compile_rules(patterns: Sequence[Mapping[str, Any]], vocab: Any) -> Rules | None:
    """Index the ruler's patterns (its `patterns` property, in its order); None if one has a shape not handled."""
    by_key: dict[tuple[str, Any], list[Rule]] = defaultdict(list)
    loose: list[Rule] = []
    for order, entry in enumerate(patterns):
        attrs = normalize_token_attrs(vocab, dict(entry["attrs"]))
        for pattern in entry["patterns"]:
            tokens = []
            for spec in pattern:
                tests = [_test(key, want) for key, want in spec.items()]
                if not tests or any(t is None for t in tests) or set(spec) - set(READERS):
                    return None
                tokens.append(tuple(t for t in tests if t is not None))
            found = _index_values(pattern[0])
            sure = found is not None and len(pattern) == 1 and len(pattern[0]) == 1 \
                and not isinstance(pattern[0][found[0]], dict)
            rule = Rule(order, tuple(tokens), attrs, int(entry.get("index", 0)), sure)
            if found is None:
                loose.append(rule)
            else:
                key, values = found
                for value in values:
                    by_key[(key, value)].append(rule)
    return Rules(dict(by_key), loose)


def apply_rules(doc: Doc, rules: Rules) -> Doc:
    """Match every rule against the doc as it is, then set the matches' attributes in rule order."""
    found: list[tuple[int, int, Rule]] = []
    tokens = list(doc)
    columns = {key: [read(tok) for tok in tokens] for key, read in READERS.items()}
    length = len(doc)
    for i in range(length):
        one, longer = rules.for_word(columns, i)
        found.extend((rule.order, i, rule) for rule in one)
        found.extend((rule.order, i, rule) for rule in longer if rule.matches(columns, length, i))
    found.sort(key=lambda m: (m[0], m[1]))
    for _, start, rule in found:
        set_token_attrs(doc[start + rule.index], rule.attrs)
    return doc


class WordAttributes:
    """A pipeline component that applies compiled attribute rules (see the module's docstring)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return apply_rules(doc, self.rules)


@Language.factory("word_attributes", default_config={"patterns": []})
def make_word_attributes(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> WordAttributes:
    rules = compile_rules(patterns, nlp.vocab)
    if rules is None:
        raise ValueError("attribute rules of a shape word_attributes cannot index")
    return WordAttributes(rules)


def use_word_attributes(nlp: Language) -> bool:
    """Put word_attributes in the place of the model's attribute ruler, when every rule can be indexed."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        # (validate=False: the factory's annotations are strings here, which older confection releases cannot
        # resolve; the patterns are the model's own)
        nlp.add_pipe("word_attributes", before="attribute_ruler",
                     config={"patterns": nlp.get_pipe("attribute_ruler").patterns}, validate=False)
    except ValueError:
        return False  # a rule shape make_word_attributes cannot index: the model's ruler stays
    nlp.remove_pipe("attribute_ruler")
    return True
