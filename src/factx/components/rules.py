"""Index of the rule matches (``doc.spans["factx_rules"]``) by label and token position."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..extensions import SPAN_KEYS


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


def rule_index(doc: Doc) -> RuleIndex:
    """Build the index from the rule spans the span ruler wrote."""
    index = RuleIndex()
    for span in doc.spans.get(SPAN_KEYS["rules"], []):
        label, rid = span.label_, span.id_ or span.text.lower()
        best = index.starts[label].get(span.start)
        if best is None or best[0] < span.end:
            index.starts[label][span.start] = (span.end, rid)
        best = index.ends[label].get(span.end)
        if best is None or best[0] > span.start:
            index.ends[label][span.end] = (span.start, rid)
    return index
