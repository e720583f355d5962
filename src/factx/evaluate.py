"""Score factx against gold files: precision, recall and F1 per score of the fact types.

Each fact type names its scores and how a predicted document is compared with a gold one
(``facttypes``; see corpus/GUIDELINES.md):
- people: the name; triples: (person, title, organization), case-insensitive, singular title;
- organizations: a predicted organization matches a gold one by name or alias;
- numbers: (value, unit, qualifier) -- ordinals are not scored; ranges by (low, high);
- dates: (value, modifier).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .facttypes import evaluations

FACT_TYPES = tuple(e.name for e in evaluations())  # the scores of the built-in fact types, in report order


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
    totals: dict[str, Score] = field(default_factory=lambda: {e.name: Score() for e in evaluations()})
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


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[dict[str, Score], dict[str, list[Any]]]:
    """Scores and the missed/spurious items of one document."""
    scores: dict[str, Score] = {}
    diffs: dict[str, list[Any]] = {}
    for evaluation in evaluations():
        tp, missed, spurious = evaluation.compare(gold, pred)
        scores[evaluation.name] = Score(tp, len(spurious), len(missed))
        diffs[f"{evaluation.name}_missed"], diffs[f"{evaluation.name}_spurious"] = missed, spurious
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
