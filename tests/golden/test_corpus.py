"""The bundled corpus: offsets, schema, and scores against the hand-checked gold files."""

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factx.evaluate import evaluate, gold_path, load_gold
from factx.facttypes import offset_items
from factx.schema import DOCUMENT_SCHEMA
from factx.titlerules import TitleRule

# Floors under the scores measured when the corpus was written; a drop below one is a regression.
FLOORS = {"people": 0.95, "organizations": 0.90, "triples": 0.88, "status": 0.93, "numbers": 0.97, "dates": 0.97}


def _items(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return list(offset_items(doc))  # every record and mention of every fact type with a span


def test_corpus_has_gold_for_every_article(corpus_results: list[tuple[Path, str, dict[str, Any]]]) -> None:
    assert len(corpus_results) >= 15
    for path, _content, _doc in corpus_results:
        assert gold_path(path).exists(), path


def test_corpus_offsets_index_the_input(corpus_results: list[tuple[Path, str, dict[str, Any]]]) -> None:
    checked = 0
    for path, content, doc in corpus_results:
        for item in _items(doc):
            assert content[item["start"]:item["end"]] == item["text"], (path.name, item)
            checked += 1
    assert checked > 500


def test_corpus_documents_match_the_schema(corpus_results: list[tuple[Path, str, dict[str, Any]]]) -> None:
    validator = jsonschema.Draft202012Validator(DOCUMENT_SCHEMA)
    for _path, _content, doc in corpus_results:
        validator.validate(doc)


def test_corpus_title_rules_are_declared(corpus_results: list[tuple[Path, str, dict[str, Any]]]) -> None:
    used = {title["rule"] for _path, _content, doc in corpus_results for title in doc["titles"]}
    declared = {rule.value for rule in TitleRule}
    assert used and used <= declared, used - declared
    enum = DOCUMENT_SCHEMA["properties"]["titles"]["items"]["properties"]["rule"]["enum"]
    assert enum == [rule.value for rule in TitleRule]


def test_corpus_document_dates_come_from_headers(corpus_results: list[tuple[Path, str, dict[str, Any]]]) -> None:
    for path, _content, doc in corpus_results:
        assert doc["document_date"] == load_gold(gold_path(path))["document_date"], path.name


@pytest.mark.parametrize("fact_type", sorted(FLOORS))
def test_corpus_scores_stay_above_floor(corpus_results: list[tuple[Path, str, dict[str, Any]]], fact_type: str) -> None:
    report = evaluate((p.name, load_gold(gold_path(p)), doc) for p, _c, doc in corpus_results)
    assert report.totals[fact_type].f1 >= FLOORS[fact_type], report.totals[fact_type].to_dict()


def test_corpus_seed_offsets_and_acceptance(extract: Any, seed_path: Path) -> None:
    content = seed_path.read_text(encoding="utf-8")
    doc = extract(content)
    assert doc["document_date"] == "2022-11-26"
    for item in _items(doc):
        assert content[item["start"]:item["end"]] == item["text"]
    assert ("2022-10-26", None) in [(d["value"], d["modifier"]) for d in doc["dates"] if d["text"] == "October 26"]
    money = [n for n in doc["numbers"] if n["text"].endswith("3 trillion yuan")]
    assert [(n["value"], n["unit"], n["qualifier"]) for n in money] == [(3e12, "CNY", "approximately")]
    xu = next(p for p in doc["people"] if p["name"] == "Xu Kunlin")
    assert {"title": "Governor", "organization": "Jiangsu Provincial Government"} in xu["titles"]
    assert not [n for n in doc["numbers"] if n["text"] in ("5", "5G")]
