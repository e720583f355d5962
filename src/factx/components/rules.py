"""Index of the rule matches (``doc.spans["factx_rules"]``) by label and token position."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.tokens import Doc, Span

from ..extensions import SPAN_KEYS


def positions(doc: Doc, words: Iterable[str], attr: str = "LOWER") -> list[int]:
    """Indices of the tokens whose lower-cased (or exact, ``attr="ORTH"``) text is one of ``words``.

    Scans the Doc's attribute array in C: a Python loop over every token costs more than the
    components' own work on most texts."""
    column = doc.to_array(LOWER if attr == "LOWER" else ORTH)
    hashes = numpy.array([doc.vocab.strings.add(w) for w in words], dtype=column.dtype)
    return [int(i) for i in numpy.flatnonzero(numpy.isin(column, hashes))]


def title_case_positions(doc: Doc) -> list[int]:
    """Indices of title-case tokens ("Marek", "Halas")."""
    return [int(i) for i in numpy.flatnonzero(doc.to_array(IS_TITLE))]


@dataclass
class RuleIndex:
    """Longest match per (label, start token) and per (label, end token), with the rule id."""

    starts: dict[str, dict[int, tuple[int, str]]] = field(default_factory=lambda: defaultdict(dict))
    ends: dict[str, dict[int, tuple[int, str]]] = field(default_factory=lambda: defaultdict(dict))

    def at(self, label: str, start: int) -> tuple[int, str] | None:
        """The longest match of ``label`` starting at token ``start``: (end, id)."""
        return self.starts[label].get(start)

    def ending(self, label: str, end: int) -> tuple[int, str] | None:
        """The longest match of ``label`` ending just before token ``end``: (start, id)."""
        return self.ends[label].get(end)


# One index per Doc and rule span group: five components read it; the entry goes with the Doc.
_BUILT: WeakKeyDictionary[Doc, tuple[Any, int, RuleIndex]] = WeakKeyDictionary()


def rule_index(doc: Doc) -> RuleIndex:
    """The index of the rule spans the span ruler wrote, built once per Doc (again if the spans
    were replaced or grew). Components only read it."""
    group = doc.spans.get(SPAN_KEYS["rules"])
    if group is None:
        return _build_index([])
    built = _BUILT.get(doc)
    if built is not None and built[0] is group and built[1] == len(group):
        return built[2]
    index = _build_index(group)
    _BUILT[doc] = (group, len(group), index)
    return index


def _build_index(spans: Iterable[Span]) -> RuleIndex:
    index = RuleIndex()
    for span in spans:
        label, rid = span.label_, span.id_ or span.text.lower()
        best = index.starts[label].get(span.start)
        if best is None or best[0] < span.end:
            index.starts[label][span.start] = (span.end, rid)
        best = index.ends[label].get(span.end)
        if best is None or best[0] > span.start:
            index.ends[label][span.end] = (span.start, rid)
    return index


def place_before_region(span: Span) -> bool:
    """"Place, Region": a name right before a comma and a place the model names, which ends there, in
    a dateline's capitals or with the region abbreviated ("LANCASTER, Ky.", "CARACAS, Venezuela (AP)",
    "Royal Oak, Mich."; not "BMW, Germany's carmaker", where the place starts a description, nor
    "GenCon, Indiana")."""
    doc, k = span.doc, span.end
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].ent_type_ != "GPE" or doc[k + 1].ent_iob_ != "B":
        return False
    end = k + 1
    while end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].ent_iob_ != "O" \
            and (end == k + 1 or doc[end].ent_iob_ == "I"):
        end += 1
    if not (span.text.isupper() or doc[end - 1].text.endswith(".") and len(doc[end - 1]) <= 6):
        return False  # a dateline's capitals or a region's abbreviation ("Mich.") show the construction
    return end == len(doc) or doc[end].is_punct and doc[end].text not in ("'s", "’s") \
        or bool(doc[end].is_sent_start)


def parenthesised_acronyms(doc: Doc, longest: int) -> list[tuple[int, str]]:
    """(position of "(", acronym) for every "(ABC)" of 2 to ``longest`` capital letters after a word or two."""
    found = []
    for k in positions(doc, ["("], attr="ORTH"):
        if k + 2 >= len(doc) or doc[k + 2].text != ")" or k < 2:
            continue
        acronym = doc[k + 1].text
        if acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= longest:
            found.append((k, acronym))
    return found
