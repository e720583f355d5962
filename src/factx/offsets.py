"""Map offsets found in a text factx processed (a repaired text, a piece of the text) back to the text as decoded."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from difflib import SequenceMatcher

from .records import DateFact, Document, Mention, NumberFact, TitleFact


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


def remap(document: Document, mapping: OffsetMap | Shift) -> Document:
    """The same facts with offsets and texts into the original text."""

    def mention(m: Mention) -> Mention:
        s, e, text = mapping.span(m.start, m.end)
        return Mention(text, s, e)

    for person in document.people:
        person.mentions = [mention(m) for m in person.mentions]
    for org in document.organizations:
        org.mentions = [mention(m) for m in org.mentions]
    titles: list[TitleFact] = []
    for t in document.titles:
        s, e, text = mapping.span(t.start, t.end)
        ss, se, _ = mapping.span(t.sentence_start, t.sentence_end)
        titles.append(replace(t, start=s, end=e, text=text, sentence_start=ss, sentence_end=se))
    numbers: list[NumberFact] = []
    for n in document.numbers:
        s, e, text = mapping.span(n.start, n.end)
        numbers.append(replace(n, start=s, end=e, text=text))
    dates: list[DateFact] = []
    for d in document.dates:
        s, e, text = mapping.span(d.start, d.end)
        dates.append(replace(d, start=s, end=e, text=text))
    document.titles, document.numbers, document.dates = titles, numbers, dates
    return document
