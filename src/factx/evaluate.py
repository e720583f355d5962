"""Score factx against gold files: precision, recall and F1 per fact type.

Matching keys (see corpus/GUIDELINES.md):
- people: the name; triples: (person, title, organization), case-insensitive, singular title;
- organizations: a predicted organization matches a gold one by name or alias;
- numbers: (value, unit, qualifier) -- ordinals are not scored; ranges by (low, high);
- dates: (value, modifier).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .collect import name_key

FACT_TYPES = ("people", "triples", "organizations", "numbers", "dates")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    totals: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in FACT_TYPES})
    documents: dict[str, dict[str, Score]] = field(default_factory=dict)
    errors: list[tuple[str, dict[str, list[Any]]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "scores": {t: s.to_dict() for t, s in self.totals.items()},
            "per_document": {d: {t: s.to_dict() for t, s in scores.items()}
                             for d, scores in self.documents.items()},
        }


def gold_path(text_path: Path) -> Path:
    return text_path.with_name(text_path.name.removesuffix(".txt") + ".gold.json")


def find_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """Every ``NAME.txt`` with a ``NAME.gold.json`` beside it, sorted."""
    return [(p, gold_path(p)) for p in sorted(corpus.rglob("*.txt")) if gold_path(p).exists()]


def _title_key(title: str) -> str:
    words = re.sub(r"[\s\-]+", " ", title.lower()).strip().split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _value_key(value: Any) -> str | None:
    return None if value is None else f"{float(value):.6g}"


def _keys(doc: dict[str, Any]) -> dict[str, Counter[Any]]:
    triples: Counter[tuple[str, str, str]] = Counter()
    for person in doc.get("people", []):
        for title in person.get("titles", []):
            # the corpus gold writes the place of a place-bound title where factx writes `place`
            org = title.get("organization") or title.get("place")
            triples[(name_key(person["name"]), _title_key(title["title"]),
                     name_key(org) if org else "")] += 1
    numbers = Counter(
        (_value_key(n.get("value")), _value_key(n.get("low")), _value_key(n.get("high")),
         n.get("unit"), n.get("qualifier"))
        for n in doc.get("numbers", []) if n.get("kind") != "ordinal"
    )
    dates = Counter((d.get("value"), d.get("modifier")) for d in doc.get("dates", []))
    people = Counter({name_key(p["name"]): 1 for p in doc.get("people", [])})
    return {"people": people, "triples": Counter(set(triples)), "numbers": numbers, "dates": dates}


def _count(gold: Counter[Any], pred: Counter[Any]) -> tuple[Score, list[Any], list[Any]]:
    tp = sum((gold & pred).values())
    missed = list((gold - pred).elements())
    spurious = list((pred - gold).elements())
    return Score(tp, len(spurious), len(missed)), missed, spurious


def _organizations(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[Score, list[Any], list[Any]]:
    def names(org: dict[str, Any]) -> set[str]:
        return {name_key(org["name"]), *(name_key(a) for a in org.get("aliases", []))}

    gold_names = [names(g) for g in gold]
    matched, spurious = set(), []
    for org in pred:
        hits = [k for k, g in enumerate(gold_names) if name_key(org["name"]) in g]
        if hits:
            matched.add(hits[0])
        else:
            spurious.append(org["name"])
    missed = [gold[k]["name"] for k in range(len(gold)) if k not in matched]
    return Score(len(matched), len(spurious), len(missed)), missed, spurious


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[dict[str, Score], dict[str, list[Any]]]:
    """Scores and the missed/spurious items of one document."""
    gold_keys, pred_keys = _keys(gold), _keys(pred)
    scores: dict[str, Score] = {}
    diffs: dict[str, list[Any]] = {}
    for fact_type in ("people", "triples", "numbers", "dates"):
        score, missed, spurious = _count(gold_keys[fact_type], pred_keys[fact_type])
        scores[fact_type] = score
        diffs[f"{fact_type}_missed"], diffs[f"{fact_type}_spurious"] = missed, spurious
    score, missed, spurious = _organizations(gold.get("organizations", []), pred.get("organizations", []))
    scores["organizations"] = score
    diffs["organizations_missed"], diffs["organizations_spurious"] = missed, spurious
    return scores, diffs


def evaluate(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> Report:
    """Score (name, gold, predicted) triples into a report."""
    report = Report()
    for name, gold, pred in pairs:
        scores, diffs = score_document(gold, pred)
        report.documents[name] = scores
        report.errors.append((name, diffs))
        for fact_type, score in scores.items():
            report.totals[fact_type].add(score)
    return report


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
