"""Map offsets found in a text factx processed (repaired, normalized, a piece) back to the text as decoded."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Any

from .facttypes import Offsets, fact_type
from .records import Document

Run = tuple[int, int, int, int, bool]  # (start in the processed text, start in the original, length in each, unchanged)


class OffsetMap:
    """Character alignment of ``repaired`` to ``original``, as consecutive runs of the processed text:
    unchanged runs map character by character, a changed run ("Ã©" -> "é") as a whole. Characters of
    the original that the processed text dropped belong to no run. Built from difflib's matching
    blocks, unless ``runs`` gives the alignment already; ``then`` chains a second map behind it."""

    def __init__(self, original: str, repaired: str, runs: list[Run] | None = None):
        self.original = original
        self.outer: OffsetMap | None = None
        if runs is None:
            matcher = SequenceMatcher(None, repaired, original, autojunk=False)
            runs = []
            pa = pb = 0
            for a, b, size in matcher.get_matching_blocks():  # the last block is (len, len, 0)
                if a > pa:
                    runs.append((pa, pb, a - pa, b - pb, False))
                if size:
                    runs.append((a, b, size, size, True))
                pa, pb = a + size, b + size
        self.runs = [run for run in runs if run[2] > 0]
        self.starts = [run[0] for run in self.runs]

    def then(self, outer: OffsetMap) -> OffsetMap:
        """This map followed by ``outer``, whose processed text is this map's original (normalization
        after mojibake repair): one map from the text the pipeline read to ``outer.original``."""
        chained = OffsetMap(self.original, "", self.runs)
        chained.outer = outer
        return chained

    def _own(self, index: int, end: bool) -> int:
        if end:
            if index <= 0:
                return 0
            k = bisect_right(self.starts, index - 1) - 1  # the run of the last character
            if k < 0:
                return 0
            a, b, a_len, b_len, same = self.runs[k]
            if index - 1 >= a + a_len:
                return b + b_len
            return b + (index - a) if same else b + b_len
        k = bisect_right(self.starts, index) - 1  # the run of the first character
        if k < 0:
            return 0
        a, b, a_len, b_len, same = self.runs[k]
        if index >= a + a_len:
            return b + b_len if k == len(self.runs) - 1 else self.runs[k + 1][1]
        return b + (index - a) if same else b

    def to_original(self, index: int, *, end: bool = False) -> int:
        """The original offset of processed offset ``index``; inside a changed run, its start (or its
        end for an ``end`` offset), so a span never cuts a repaired character in half."""
        mapped = self._own(index, end)
        return mapped if self.outer is None else self.outer.to_original(mapped, end=end)

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_original(start), self.to_original(end, end=True)
        e = max(e, s)
        original = self.original if self.outer is None else self._last().original
        return s, e, original[s:e]

    def _last(self) -> OffsetMap:
        mapping = self
        while mapping.outer is not None:
            mapping = mapping.outer
        return mapping


# Invisible characters that split or glue words without showing: zero-width space, non-joiner and
# joiner, word joiner, zero-width no-break space (a byte-order mark), soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_NEEDS_NORMALIZING = re.compile(f"[{_INVISIBLE}]")


def normalize_for_matching(text: str) -> tuple[str, OffsetMap] | None:
    """``text`` in NFC ("Zoe\u0308" -> "Zoë") without invisible characters, and the map of its
    offsets back to ``text``; None when ``text`` is already so. An invisible character between a
    letter and a capital ("John\u200dSmith") stands for a word break and becomes a space; elsewhere
    it is dropped ("Acme\u200b Corp")."""
    if unicodedata.is_normalized("NFC", text) and not _NEEDS_NORMALIZING.search(text):
        return None
    out: list[str] = []
    runs: list[Run] = []
    length = 0

    def add(piece: str, at: int, size: int, same: bool) -> None:
        nonlocal length
        if same and runs and runs[-1][4] and runs[-1][0] + runs[-1][2] == length and runs[-1][1] + runs[-1][3] == at:
            a, b, a_len, b_len, _ = runs[-1]
            runs[-1] = (a, b, a_len + size, b_len + size, True)
        else:
            runs.append((length, at, len(piece), size, same))
        out.append(piece)
        length += len(piece)

    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in _INVISIBLE:
            if out and out[-1][-1:].isalpha() and i + 1 < n and text[i + 1].isupper():
                add(" ", i, 1, False)  # a word break written invisibly
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        composed = unicodedata.normalize("NFC", cluster) if j > i + 1 or not char.isascii() else cluster
        add(composed, i, len(cluster), composed == cluster)
        i = j
    return "".join(out), OffsetMap(text, "", runs)


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
