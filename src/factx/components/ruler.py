"""factx_span_ruler: spaCy's span ruler with the lexical token patterns matched from a lexeme cache.

spaCy's ``Matcher`` starts every token pattern at every token and calls a Python function for each
``REGEX``, ``IN`` or comparison of a first token on every token of every document: with the date
rules that was most of the ruler's time, for a handful of matches. Most of those tests read only
the word itself (its text, lower case, length, flags), so their result is the same for every
occurrence of the word. :class:`LexicalPatterns` computes them once per word (a bit mask of the
token tests each word passes, kept for the life of the process, as the vocabulary is), starts a
pattern only where its first token can match, and checks token-level attributes (``POS``) on the
token itself.

Same matches as spaCy's ``Matcher``: every (start, end) whose tokens satisfy the pattern along some
path, each once, zero-length matches dropped. Patterns it does not handle (other operators than
``?``, extension attributes, other attributes or predicates) stay with spaCy's ``Matcher``;
phrase patterns stay with the ``PhraseMatcher``. Validation and bookkeeping are the span ruler's.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

from spacy.attrs import IDS, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline.span_ruler import SpanRuler, overlapping_labeled_spans_score
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# Attributes read from the lexeme: the same value for every occurrence of a word.
_STRING_ATTRS = {"ORTH": "orth_", "LOWER": "lower_", "SHAPE": "shape_", "PREFIX": "prefix_", "SUFFIX": "suffix_"}
_FLAG_ATTRS = {"IS_ALPHA": "is_alpha", "IS_ASCII": "is_ascii", "IS_DIGIT": "is_digit", "IS_LOWER": "is_lower",
               "IS_UPPER": "is_upper", "IS_TITLE": "is_title", "IS_PUNCT": "is_punct", "IS_SPACE": "is_space",
               "LIKE_NUM": "like_num", "LIKE_URL": "like_url", "LIKE_EMAIL": "like_email"}
# Attributes of the token in context, compared with ``Doc.to_array`` values (equality only).
_TOKEN_ATTRS = ("POS", "TAG", "DEP", "LEMMA")
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
}
_OPTIONAL = {None: False, "1": False, "?": True}

class _Atoms:
    """The distinct lexical conditions of all patterns, one bit each, and the bits a word passes.

    Equality and ``IN`` conditions are found with one dictionary lookup per attribute (word -> bits
    of the conditions naming it); regular expressions, ``NOT_IN``, lengths and flags are evaluated
    once per distinct condition. A word's bits are computed once and kept."""

    def __init__(self) -> None:
        self.bits: dict[tuple[Any, ...], int] = {}
        self.words: dict[str, dict[str, int]] = {}  # attr -> value -> bits of the conditions it passes
        self.tests: list[tuple[int, Callable[[Any], bool]]] = []  # (bit, test on a Lexeme)

    def _new(self, key: tuple[Any, ...]) -> tuple[int, bool]:
        if key in self.bits:
            return self.bits[key], False
        self.bits[key] = bit = 1 << len(self.bits)
        return bit, True

    def one_of(self, attr: str, values: Iterable[str]) -> int:
        """The bit of "the attribute is one of ``values``" (equality is a list of one)."""
        values = sorted(set(values))
        bit, new = self._new(("in", attr, tuple(values)))
        if new:
            table = self.words.setdefault(attr, {})
            for value in values:
                table[value] = table.get(value, 0) | bit
        return bit

    def test(self, key: tuple[Any, ...], test: Callable[[Any], bool]) -> int:
        bit, new = self._new(key)
        if new:
            self.tests.append((bit, test))
        return bit

    def mask(self, lex: Any) -> int:
        mask = 0
        for attr, table in self.words.items():
            mask |= table.get(getattr(lex, _STRING_ATTRS[attr]), 0)
        for bit, test in self.tests:
            if test(lex):
                mask |= bit
        return mask


def _searches(name: str, regex: re.Pattern[str], lex: Any) -> bool:
    return regex.search(getattr(lex, name)) is not None


def _not_in(name: str, words: frozenset[str], lex: Any) -> bool:
    return getattr(lex, name) not in words


def _length(compare: Callable[[int, int], bool], value: int, lex: Any) -> bool:
    return compare(len(lex.orth_), value)


def _flag(name: str, value: bool, lex: Any) -> bool:
    return bool(getattr(lex, name)) is value


def _string_bits(atoms: _Atoms, attr: str, value: Any) -> int | None:
    name = _STRING_ATTRS[attr]
    if isinstance(value, str):
        return atoms.one_of(attr, [value])
    if not isinstance(value, dict) or not value:
        return None
    bits = 0
    for kind, arg in value.items():
        kind = kind.upper()
        if kind == "REGEX" and isinstance(arg, str):
            bits |= atoms.test(("regex", attr, arg), partial(_searches, name, re.compile(arg)))
        elif kind == "IN" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            bits |= atoms.one_of(attr, arg)
        elif kind == "NOT_IN" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            words = frozenset(arg)
            bits |= atoms.test(("not_in", attr, tuple(sorted(words))), partial(_not_in, name, words))
        else:
            return None
    return bits


def _length_bits(atoms: _Atoms, value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = {"==": value}
    if not isinstance(value, dict) or not value:
        return None
    bits = 0
    for kind, arg in value.items():
        if kind not in _COMPARE or not isinstance(arg, int) or isinstance(arg, bool):
            return None
        bits |= atoms.test(("length", kind, arg), partial(_length, _COMPARE[kind], arg))
    return bits


def _lexical_bits(atoms: _Atoms, spec: dict[str, Any]) -> int | None:
    """The bits a word must all pass to satisfy a token spec's lexical attributes, or None if the
    spec needs more than this module handles."""
    bits = 0
    for attr, value in spec.items():
        if attr in _STRING_ATTRS:
            found = _string_bits(atoms, attr, value)
        elif attr == "LENGTH":
            found = _length_bits(atoms, value)
        elif attr in _FLAG_ATTRS and isinstance(value, bool):
            found = atoms.test(("flag", attr, value), partial(_flag, _FLAG_ATTRS[attr], value))
        else:
            found = None
        if found is None:
            return None
        bits |= found
    return bits


Step = tuple[int, tuple[tuple[int, int], ...], bool]  # (required bits, token-level checks, optional)


class _Pattern:
    """One token pattern as steps; ``ends`` walks every path ('?' may take a token or not)."""

    def __init__(self, key: int, steps: list[Step]):
        self.key = key
        self.steps = steps
        self.size = len(steps)
        self.plain = not any(optional or checks for _, checks, optional in steps)
        # States reachable from state k by skipping optional steps (state len(steps) = matched).
        self.closure: list[tuple[int, ...]] = []
        for k in range(len(steps) + 1):
            reach = [k]
            while reach[-1] < len(steps) and steps[reach[-1]][2]:
                reach.append(reach[-1] + 1)
            self.closure.append(tuple(reach))
        self.first = tuple(steps[k][0] for k in self.closure[0] if k < len(steps))

    def can_start(self, mask: int) -> bool:
        return any(mask & bits == bits for bits in self.first)

    def ends(self, start: int, masks: list[int], columns: dict[int, list[int]]) -> list[int]:
        """Every end (exclusive) of a match starting at ``start``, ascending; zero-length left out."""
        steps, size, length = self.steps, self.size, len(masks)
        if self.plain:
            if start + size > length:
                return []
            for k in range(size):
                bits = steps[k][0]
                if masks[start + k] & bits != bits:
                    return []
            return [start + size]
        closure = self.closure
        states: set[int] = set(closure[0])
        found = []
        i = start
        while states and i < length:
            mask = masks[i]
            advanced: set[int] = set()
            for k in states:
                if k < size:
                    bits, checks, _ = steps[k]
                    if mask & bits == bits and all(columns[attr][i] == value for attr, value in checks):
                        advanced.update(closure[k + 1])
            states = advanced
            i += 1
            if size in states:
                found.append(i)
        return found


class LexicalPatterns:
    """Token patterns matched from per-word bit masks (see the module docstring)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.atoms = _Atoms()
        self.patterns: list[_Pattern] = []
        self._masks: dict[int, int] = {}  # orth -> bits of the conditions the word passes
        self._starting: dict[int, tuple[_Pattern, ...]] = {}  # mask -> patterns that can start there
        self._token_attrs: set[int] = set()

    def add(self, key: int, pattern: Sequence[Any]) -> bool:
        """Compile ``pattern`` under match key ``key``; False (nothing added) if it needs spaCy's Matcher."""
        steps: list[Step] = []
        for raw in pattern:
            if not isinstance(raw, dict) or not all(isinstance(k, str) for k in raw):
                return False
            spec = {("ORTH" if k.upper() == "TEXT" else k.upper()): v for k, v in raw.items()}
            op = spec.pop("OP", None)
            if op not in _OPTIONAL:
                return False
            checks = []
            for attr in _TOKEN_ATTRS:
                if attr in spec:
                    value = spec.pop(attr)
                    if not isinstance(value, str):
                        return False
                    checks.append((IDS[attr], self.vocab.strings.add(value)))
            bits = _lexical_bits(self.atoms, spec)
            if bits is None:
                return False
            steps.append((bits, tuple(checks), _OPTIONAL[op]))
        self.patterns.append(_Pattern(key, steps))
        self._token_attrs.update(attr for _, checks, _ in steps for attr, _ in checks)
        self._masks.clear()
        self._starting.clear()
        return True

    def _mask(self, orth: int) -> int:
        self._masks[orth] = mask = self.atoms.mask(self.vocab[orth])
        return mask

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not self.patterns or not len(doc):
            return []
        known = self._masks
        masks = [known[o] if o in known else self._mask(o) for o in doc.to_array(ORTH).tolist()]
        columns = {attr: doc.to_array(attr).tolist() for attr in self._token_attrs}
        matches = []
        starting = self._starting
        for start, mask in enumerate(masks):
            patterns = starting.get(mask)
            if patterns is None:
                patterns = starting[mask] = tuple(p for p in self.patterns if p.can_start(mask))
            for pattern in patterns:
                for end in pattern.ends(start, masks, columns):
                    matches.append((pattern.key, start, end))
        return matches


class FactxSpanRuler(SpanRuler):
    """The span ruler, with the token patterns :class:`LexicalPatterns` handles matched there."""

    def clear(self) -> None:
        super().clear()
        self._split: tuple[LexicalPatterns, Matcher] | None = None

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:  # type: ignore[override]
        super().add_patterns(patterns)
        self._split = None

    def remove(self, label: str) -> None:
        super().remove(label)
        self._split = None

    def remove_by_id(self, pattern_id: str) -> None:
        super().remove_by_id(pattern_id)
        self._split = None

    def _matchers(self) -> tuple[LexicalPatterns, Matcher]:
        if self._split is None:
            lexical = LexicalPatterns(self.nlp.vocab)
            rest = Matcher(self.nlp.vocab, validate=self.validate, fuzzy_compare=self.matcher_fuzzy_compare)
            for entry in self._patterns:
                pattern = entry["pattern"]
                if isinstance(pattern, str):
                    continue
                label = repr((entry["label"], entry.get("id", "")))
                if not lexical.add(self.nlp.vocab.strings.as_int(label), pattern):  # type: ignore[arg-type]
                    rest.add(label, [pattern])
            self._split = (lexical, rest)
        return self._split

    def match(self, doc: Doc) -> list[Span]:
        """The span ruler's matches: the same spans, sorted, each once."""
        self._require_patterns()
        lexical, rest = self._matchers()
        matches: Iterable[tuple[int, int, int]] = [*lexical(doc), *(rest(doc) if len(rest) else []),
                                                   *self.phrase_matcher(doc)]
        labels = self._match_label_id_map
        spans = {Span(doc, start, end, label=labels[key]["label"], span_id=labels[key]["id"])
                 for key, start, end in matches if start != end}
        return sorted(spans)


@Language.factory(
    "factx_span_ruler",
    assigns=["doc.spans"],
    default_config={"spans_key": "factx_rules", "phrase_matcher_attr": "LOWER", "validate": True,
                    "overwrite": True},
)
def make_factx_span_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str | None,
                          validate: bool, overwrite: bool) -> FactxSpanRuler:
    return FactxSpanRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr,
                          validate=validate, overwrite=overwrite,
                          scorer=partial(overlapping_labeled_spans_score, spans_key=spans_key))
