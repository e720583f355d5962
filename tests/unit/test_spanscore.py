"""Span matching of ``factx eval`` on span-annotated folders: the development sets' rules, exactly."""

import json
import subprocess
from pathlib import Path

from factx.spanscore import Counts, match_spans, score, score_mentions, score_pairs, token_contains


def test_matching_is_one_to_one_by_largest_overlap() -> None:
    # gold 0 overlaps both predictions; the larger overlap wins, and gold 1 takes the other one
    assert match_spans([(0, 10), (8, 20)], [(0, 9), (9, 20)]) == {0: 0, 1: 1}
    assert match_spans([(0, 5)], [(5, 9)]) == {}  # touching is no overlap
    assert match_spans([(0, 5), (0, 5)], [(1, 4)]) == {0: 0}


def test_mentions_optional_gold_is_neutral() -> None:
    gold = {"people": [{"start": 0, "end": 9, "required": True}, {"start": 20, "end": 30, "required": False}]}
    document = {"people": [{"mentions": [{"start": 0, "end": 4}, {"start": 22, "end": 26}, {"start": 40, "end": 44}]}]}
    counts = Counts()
    score_mentions(gold, document, "people", counts)
    assert (counts.tp, counts.fp, counts.gold) == (1, 1, 1)  # 22-26 neutral, 40-44 a false positive


def test_pairs_by_token_containment() -> None:
    assert token_contains("the Acme Corp.", "Acme Corp's board") and not token_contains("Acme", "Acmeon")
    gold = {"pairs": [{"person": "Anna Berg", "organization": "Acme Corp"}]}
    document = {"people": [
        {"name": "Anna Berg", "mentions": [], "titles": [{"title": "CEO", "organization": "Acme"},
                                                          {"title": "chair", "organization": "Acme"}]},
        {"name": "Tom Lind", "mentions": [{"text": "Lind"}], "titles": [{"title": "mayor", "organization": None}]},
    ]}
    counts = Counts()
    score_pairs(gold, document, counts)
    assert (counts.tp, counts.fp, counts.gold) == (1, 0, 1)  # the duplicate pair collapses; no org, no pair
    assert counts.to_dict()["f1"] == 1.0


def test_a_document_without_prediction_scores_as_empty() -> None:
    totals = score([{"doc": "1.txt", "people": [{"start": 0, "end": 3, "required": True}]}], {}, ["people"])
    assert totals["people"].to_dict() == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "n_gold": 1}


def test_cli_eval_scores_a_span_folder(factx_cmd: list[str], tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    text = "date: 2024-01-02\n\nAnna Berg met Tom Lind in Oslo on Monday.\n"
    (tmp_path / "docs" / "0001.txt").write_text(text, encoding="utf-8")
    people = [{"start": text.index(n), "end": text.index(n) + len(n), "text": n, "required": True}
              for n in ("Anna Berg", "Tom Lind")]
    (tmp_path / "gold.jsonl").write_text(json.dumps({"doc": "0001.txt", "people": people, "organizations": []})
                                         + "\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"sections": ["people", "organizations"]}), encoding="utf-8")
    result = subprocess.run([*factx_cmd, "eval", str(tmp_path), "--json"], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"] == 1 and set(report["scores"]) == {"people", "organizations"}
    assert report["scores"]["people"]["tp"] == 2 and report["scores"]["people"]["n_gold"] == 2
    assert report["scores"]["organizations"]["n_gold"] == 0
