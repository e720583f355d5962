"""Score factx on a span-annotated folder: ``DIR/docs/*.txt`` and ``DIR/gold.jsonl``.

The format and the matching rules are those of the public development sets factx is measured on
(one gold record per document: ``doc`` = file name; ``people`` / ``organizations`` = mention spans
with ``required``; ``pairs`` = person -> organization strings):

- mentions: relaxed overlap (one shared character), one-to-one, greedy by largest overlap, then
  smallest length difference, then position; an unmatched prediction that overlaps an optional gold
  span is neutral. P = TP / (TP + FP), R = TP / required gold.
- pairs: each ``people[].titles[]`` entry with an organization is a (person, organization) pair,
  duplicates collapsed; it matches a gold pair when the person's name or any mention, and the
  organization, each token-contain or are token-contained in the gold strings (NFKC, lower case,
  possessive 's and a leading "the" dropped). One-to-one, greedy in prediction order.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECTIONS = ("people", "organizations", "pairs")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    gold: int = 0

    def to_dict(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "n_gold": self.gold}


def is_span_set(folder: Path) -> bool:
    return (folder / "gold.jsonl").is_file() and (folder / "docs").is_dir()


def load_gold(folder: Path) -> list[dict[str, Any]]:
    with (folder / "gold.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> dict[int, int]:
    """{gold index: prediction index}, one-to-one, greedy by overlap, length difference, position."""
    candidates = sorted((-_overlap(g, p), abs((g[1] - g[0]) - (p[1] - p[0])), gi, pi)
                        for gi, g in enumerate(gold) for pi, p in enumerate(pred) if _overlap(g, p) > 0)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched: dict[int, int] = {}
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            matched[gi] = pi
    return matched


def _mentions(document: dict[str, Any], group: str) -> list[tuple[int, int]]:
    return [(m["start"], m["end"]) for item in document.get(group) or [] for m in item.get("mentions") or []
            if m["end"] > m["start"]]


def score_mentions(gold: dict[str, Any], document: dict[str, Any], group: str, counts: Counts) -> None:
    required = [(g["start"], g["end"]) for g in gold.get(group, []) if g.get("required", True)]
    optional = [(g["start"], g["end"]) for g in gold.get(group, []) if not g.get("required", True)]
    predicted = _mentions(document, group)
    matched = match_spans(required, predicted)
    used = set(matched.values())
    counts.tp += len(matched)
    counts.gold += len(required)
    counts.fp += sum(1 for k, p in enumerate(predicted)
                     if k not in used and not any(_overlap(p, o) for o in optional))


def tokens(text: Any) -> list[str]:
    value = unicodedata.normalize("NFKC", str(text or ""))
    value = value.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    value = re.sub(r"'s\b", "", value.lower()).replace("'", "")
    found = re.findall(r"[a-z0-9]+", value)
    return found[1:] if found and found[0] == "the" else found


def token_contains(a: Any, b: Any) -> bool:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    if len(ta) > len(tb):
        ta, tb = tb, ta
    return any(tb[i:i + len(ta)] == ta for i in range(len(tb) - len(ta) + 1))


def score_pairs(gold: dict[str, Any], document: dict[str, Any], counts: Counts) -> None:
    predicted: list[tuple[list[str], str]] = []
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for person in document.get("people") or []:
        for title in person.get("titles") or []:
            org = title.get("organization")
            key = (tuple(tokens(person.get("name"))), tuple(tokens(org)))
            if not org or key in seen:
                continue
            seen.add(key)
            names = [person.get("name"), *(m.get("text") for m in person.get("mentions") or [])]
            predicted.append(([n for n in names if n], org))
    pairs = gold.get("pairs", [])
    used: set[int] = set()
    for names, org in predicted:
        for k, pair in enumerate(pairs):
            if k not in used and any(token_contains(n, pair["person"]) for n in names) \
                    and token_contains(org, pair["organization"]):
                used.add(k)
                break
    counts.tp += len(used)
    counts.fp += len(predicted) - len(used)
    counts.gold += len(pairs)


def sections(folder: Path, golds: list[dict[str, Any]]) -> list[str]:
    """The sections to score: ``meta.json``'s ``sections`` where it names them, else the gold's keys."""
    meta = folder / "meta.json"
    if meta.is_file():
        named = json.loads(meta.read_text(encoding="utf-8")).get("sections")
        if isinstance(named, list):
            return [s for s in SECTIONS if s in named]
    return [s for s in SECTIONS if any(s in g for g in golds)]


def score(golds: list[dict[str, Any]], documents: dict[str, dict[str, Any]],
          scored: list[str] | None = None) -> dict[str, Counts]:
    """Counts per section over every gold record; a document with no prediction scores as empty."""
    totals = {section: Counts() for section in (scored or list(SECTIONS))}
    for gold in golds:
        document = documents.get(gold["doc"], {})
        for group in ("people", "organizations"):
            if group in totals:
                score_mentions(gold, document, group, totals[group])
        if "pairs" in totals:
            score_pairs(gold, document, totals["pairs"])
    return totals
