"""The span ruler's lexical token patterns: the same matches as spaCy's Matcher, on sentences
written for the test, through the real model; and the same rule spans as spaCy's SpanRuler on the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.matcher import Matcher
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc, Span

from factx.components.ruler import LexicalPatterns
from factx.components.rules import rule_index
from factx.extensions import SPAN_KEYS
from factx.patterns import load_patterns, with_plurals

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _parse(nlp: Any, text: str) -> Doc:
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if not n.startswith("factx")]):
        return nlp(text)


def _both(nlp: Any, pattern: list[dict[str, Any]], text: str) -> tuple[list[str], list[str]]:
    """(texts matched by LexicalPatterns, texts matched by spaCy's Matcher), sorted by position."""
    doc = _parse(nlp, text)
    lexical = LexicalPatterns(nlp.vocab)
    assert lexical.add(1, pattern)
    matcher = Matcher(nlp.vocab, validate=True)
    matcher.add("x", [pattern])
    ours = sorted({(s, e) for _, s, e in lexical(doc)})
    theirs = sorted({(s, e) for _, s, e in matcher(doc)})
    return [doc[s:e].text for s, e in ours], [doc[s:e].text for s, e in theirs]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        # every path through optional tokens, each match once
        ([{"LOWER": "in"}, {"LOWER": "early", "OP": "?"}, {"LOWER": {"IN": ["march", "april"]}},
          {"TEXT": {"REGEX": r"^\d{4}$"}, "OP": "?"}],
         "They met in early March 2020 and again IN April.",
         ["in early March", "in early March 2020", "IN April"]),
        # an optional first token: the match may start at the next one
        ([{"LOWER": "mid", "OP": "?"}, {"TEXT": "-", "OP": "?"}, {"LOWER": "june"}],
         "By mid-June or June, not in July.", ["mid-June", "-June", "June", "June"]),
        # REGEX searches (is not anchored unless the pattern says so); TEXT is case-sensitive
        ([{"TEXT": {"REGEX": "ab"}}], "Xaby cab ABBA ab.", ["Xaby", "cab", "ab"]),
        ([{"LOWER": {"REGEX": "^ab"}}], "Xaby ABBA abc.", ["ABBA", "abc"]),
        # NOT_IN, LENGTH comparisons and flags
        ([{"IS_UPPER": True, "LENGTH": {">=": 3, "<=": 4}}, {"LOWER": {"NOT_IN": ["said", "says"]}}],
         "NASA said IBM won, UN agreed and NATO met.", ["IBM won", "NATO met"]),
        ([{"LIKE_NUM": True}, {"LOWER": {"IN": ["years", "months"]}}],
         "Two years and 14 months, not 3 weeks.", ["Two years", "14 months"]),
        ([{"LENGTH": 2}, {}], "An ox is big.", ["An ox", "ox is", "is big"]),
        # nothing to match
        ([{"LOWER": "fiscal"}, {"TEXT": {"REGEX": r"^\d{4}$"}}], "The fiscal plan for 2024.", []),
    ],
)
def test_lexical_patterns_match_like_spacy(nlp: Any, pattern: list[dict[str, Any]], text: str,
                                           expected: list[str]) -> None:
    ours, theirs = _both(nlp, pattern, text)
    assert ours == expected
    assert theirs == expected


def test_token_level_attribute_read_from_the_token(nlp: Any) -> None:
    pattern = [{"LOWER": {"IN": ["daily", "weekly"]}, "POS": "ADV"}]
    ours, theirs = _both(nlp, pattern, "The paper is printed daily. The daily paper costs more. They meet weekly.")
    assert ours == theirs
    assert ours.count("daily") <= 1 and "weekly" in ours


@pytest.mark.parametrize(
    "pattern",
    [[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}], [{"LOWER": "a", "OP": "*"}], [{"_": {"x": "y"}}],
     [{"ENT_TYPE": "DATE"}], [{"POS": {"IN": ["ADV"]}}], [{"LENGTH": {"REGEX": "1"}}]],
)
def test_other_patterns_are_left_to_spacy(nlp: Any, pattern: list[dict[str, Any]]) -> None:
    assert not LexicalPatterns(nlp.vocab).add(1, pattern)


def test_ruler_leaves_other_patterns_to_spacy_with_the_same_spans(nlp: Any) -> None:
    patterns = [
        {"label": "X", "pattern": [{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}], "id": "plus"},
        {"label": "X", "pattern": [{"LOWER": "very"}, {"LOWER": "big", "OP": "?"}], "id": "maybe"},
        {"label": "Y", "pattern": "big deal"},
    ]
    ruler = nlp.add_pipe("factx_span_ruler", name="test_ruler", config={"spans_key": "test"})
    reference = SpanRuler(nlp, "reference", spans_key="test", phrase_matcher_attr="LOWER")
    try:
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(patterns)
            reference.add_patterns(patterns)
        doc = _parse(nlp, "A very very big deal, very nice.")
        ours = [(s.text, s.label_, s.id_) for s in ruler.match(doc)]
        assert ours == [(s.text, s.label_, s.id_) for s in reference.match(doc)]
        assert sorted(ours) == sorted([
            ("very very big", "X", "plus"), ("very big", "X", "plus"), ("very", "X", "maybe"), ("very", "X", "maybe"),
            ("very", "X", "maybe"), ("very big", "X", "maybe"), ("big deal", "Y", "")])
    finally:
        nlp.remove_pipe("test_ruler")


def test_rule_spans_equal_spacys_span_ruler_on_the_corpus(nlp: Any) -> None:
    reference = SpanRuler(nlp, "reference", spans_key="reference", phrase_matcher_attr="LOWER", validate=True)
    with nlp.select_pipes(enable=[]):
        reference.add_patterns(with_plurals(load_patterns(()).matcher_rules))
    ruler = nlp.get_pipe("factx_rules")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    total = 0
    for doc in nlp.pipe(texts):
        ours = [(s.start, s.end, s.label_, s.id_) for s in doc.spans[SPAN_KEYS["rules"]]]
        assert ours == [(s.start, s.end, s.label_, s.id_) for s in reference.match(doc)]
        assert ours == [(s.start, s.end, s.label_, s.id_) for s in ruler.match(doc)]
        total += len(ours)
    assert total > 1000


def test_rule_index_is_built_once_per_doc_and_again_when_the_spans_change(nlp: Any) -> None:
    doc = nlp("The board met on Monday, March 4, 2024, with the chief executive.")
    key = SPAN_KEYS["rules"]
    first = rule_index(doc)
    assert rule_index(doc) is first
    assert first.at("TITLE", 13) == (15, "chief executive")
    doc.spans[key] = [s for s in doc.spans[key] if s.label_ != "TITLE"]
    again = rule_index(doc)
    assert again is not first and again.at("TITLE", 13) is None
    assert again.starts["DATE"] == first.starts["DATE"]
    doc.spans[key].append(Span(doc, 13, 15, label="TITLE", span_id="ceo"))
    assert rule_index(doc).at("TITLE", 13) == (15, "ceo")


def test_every_built_in_token_pattern_is_matched_without_spacys_matcher(nlp: Any) -> None:
    """Throughput: spaCy's Matcher runs a Python test per pattern on every token, so a built-in pattern
    the lexical matcher cannot compile ("SPACY", "OP": "+", a dependency) would slow every document."""
    lexical, rest = nlp.get_pipe("factx_rules")._matchers()
    assert len(rest) == 0
    assert lexical.patterns
