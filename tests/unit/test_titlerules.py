"""The title rule ids: declared once (``titlerules.TitleRule``), listed as the schema's enum, and the
only ids the title linker writes."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factx.schema import DOCUMENT_SCHEMA, RECORD_SCHEMA
from factx.titlerules import AffiliationRule, TitleRule, title_rule

SRC = Path(__file__).resolve().parents[2] / "src" / "factx"

TITLE: dict[str, Any] = {
    "title": "chair", "person": "Ann Lee", "person_id": "person-1", "organization": "Acme Corp",
    "text": "chair", "start": 10, "end": 15, "canonical": "chair", "status": "current",
    "organization_id": "org-1", "rule": "name-comma-title", "sentence_start": 0, "sentence_end": 40,
    "effective_date": None, "place": None,
}


def _rule_schema(schema: dict[str, Any]) -> dict[str, Any]:
    rule: dict[str, Any] = schema["properties"]["titles"]["items"]["properties"]["rule"]
    return rule


def test_the_schema_enum_is_the_declared_set_in_declaration_order() -> None:
    assert _rule_schema(DOCUMENT_SCHEMA)["enum"] == [rule.value for rule in TitleRule]
    assert _rule_schema(RECORD_SCHEMA["$defs"]["document"])["enum"] == [rule.value for rule in TitleRule]


def test_every_declared_id_is_kebab_case_unique_and_described() -> None:
    ids = [rule.value for rule in (*TitleRule, *AffiliationRule)]
    assert len(ids) == len(set(ids))
    for rule in (*TitleRule, *AffiliationRule):
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.value), rule
        assert rule.name == rule.value.upper().replace("-", "_"), rule
        assert rule.description.strip() and "\n" not in rule.description, rule
    assert "name-of-organization" not in _rule_schema(DOCUMENT_SCHEMA)["enum"]  # no title record carries it


def test_schema_validation_rejects_a_title_with_an_undeclared_rule() -> None:
    validator = jsonschema.Draft202012Validator(DOCUMENT_SCHEMA["properties"]["titles"]["items"])
    validator.validate(TITLE)
    for rule in TitleRule:
        validator.validate({**TITLE, "rule": rule.value})
    for bad in ("name-comma-titles", "Name-Comma-Title", "", "name-of-organization"):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate({**TITLE, "rule": bad})


def test_title_rule_looks_up_a_declared_id_and_refuses_any_other() -> None:
    assert title_rule("title-by-parse") is TitleRule.TITLE_BY_PARSE
    assert title_rule("title-by-parse").value == "title-by-parse"
    with pytest.raises(ValueError, match="'title-by-parses' is not declared"):
        title_rule("title-by-parses")


def test_the_title_linker_writes_no_rule_id_as_a_string() -> None:
    declared = {rule.value for rule in (*TitleRule, *AffiliationRule)}
    for path in (*sorted((SRC / "components" / "titles").glob("*.py")), SRC / "collect.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        assert literals & declared == set(), path.name
