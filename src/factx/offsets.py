"""Map offsets found in a text factx processed (a repaired text, a piece of the text) back to the text as decoded."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Any

from .facttypes import Offsets, fact_type
from .records import Document


class OffsetMap:
    """Character alignment of ``repaired`` to ``original`` (difflib opcodes)."""

    def __init__(self, original: str, repaired: str):
        self.original = original
        matcher = SequenceMatcher(None, repaired, original, autojunk=False)
        self.blocks = [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]
        self.starts = [a for a, _b, _size in self.blocks]

    def to_original(self, index: int, *, end: bool = False) -> int:
        """The original offset of repaired offset ``index``; inside a changed run, its start (or its
        end for an ``end`` offset), so a span never cuts a repaired character in half."""
        k = bisect_right(self.starts, index) - 1
        if k >= 0:
            a, b, size = self.blocks[k]
            if a <= index < a + size or (end and index == a + size):
                return b + (index - a)
            if end:
                nxt = self.blocks[k + 1][1] if k + 1 < len(self.blocks) else len(self.original)
                return nxt
            return b + size
        return 0

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_original(start), self.to_original(end, end=True)
        e = max(e, s)
        return s, e, self.original[s:e]


class Shift:
    """Offsets into ``original[offset:]`` (the body after the header, a piece of a long text)."""

    def __init__(self, original: str, offset: int):
        self.original, self.offset = original, offset

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = start + self.offset, end + self.offset
        return s, e, self.original[s:e]


def _remapped(record: Any, offsets: tuple[Offsets, ...], mapping: OffsetMap | Shift) -> Any:
    changes: dict[str, Any] = {}
    for spec in offsets:
        s, e, text = mapping.span(getattr(record, spec.start), getattr(record, spec.end))
        changes[spec.start], changes[spec.end] = s, e
        if spec.text is not None:
            changes[spec.text] = text
    return replace(record, **changes) if changes else record


def remap(document: Document, mapping: OffsetMap | Shift) -> Document:
    """The same facts with offsets and texts into the original text: every offset field of every
    fact type (``facttypes``), in the records and in their parts (mentions)."""
    facts: dict[str, tuple[Any, ...]] = {}
    for name, records in document.facts.items():
        fact = fact_type(name)
        moved = []
        for record in records:
            record = _remapped(record, fact.offsets, mapping)
            changes = {part.field: tuple(_remapped(item, part.offsets, mapping) for item in getattr(record, part.field))
                       for part in fact.parts if part.offsets}
            moved.append(replace(record, **changes) if changes else record)
        facts[name] = tuple(moved)
    return replace(document, facts=facts)
