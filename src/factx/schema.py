"""The JSON Schema of a factx document (``factx schema`` prints it; tests validate against it)."""

from __future__ import annotations

from typing import Any

_NULLABLE_STR = {"type": ["string", "null"]}
_NUMBER_OR_NULL = {"type": ["number", "null"]}
_OFFSETS = {
    "text": {"type": "string"},
    "start": {"type": "integer", "minimum": 0},
    "end": {"type": "integer", "minimum": 0},
}
_MENTION = {"type": "object", "required": ["text", "start", "end"], "properties": _OFFSETS}

DOCUMENT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://factx.dev/schema/document-1.json",
    "title": "factx document",
    "type": "object",
    "required": ["schema_version", "source", "document_date", "people", "organizations", "titles",
                 "numbers", "dates"],
    "properties": {
        "schema_version": {"const": "1"},
        "source": {"type": "string"},
        "document_date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "document_date_source": {"enum": ["header", "dateline", "option", "none"]},
        "encoding": _NULLABLE_STR,
        "producer": {
            "type": "object",
            "description": "what made the facts: factx's version, the spaCy model and its version, and the "
                           "SHA-256 of the pattern files used",
            "required": ["factx", "model", "model_version", "patterns_sha256"],
            "properties": {"factx": {"type": "string"}, "model": {"type": "string"},
                           "model_version": {"type": "string"},
                           "patterns_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}},
        },
        "people": {"type": "array", "items": {
            "type": "object",
            "required": ["name", "mentions", "titles"],
            "properties": {
                "name": {"type": "string"},
                "mentions": {"type": "array", "items": _MENTION},
                "titles": {"type": "array", "items": {
                    "type": "object", "required": ["title", "organization"],
                    "properties": {"title": {"type": "string"}, "organization": _NULLABLE_STR, "place": _NULLABLE_STR},
                }},
            },
        }},
        "organizations": {"type": "array", "items": {
            "type": "object",
            "required": ["name", "mentions", "aliases"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "mentions": {"type": "array", "items": _MENTION},
                "aliases": {"type": "array", "items": {"type": "string"}},
            },
        }},
        "titles": {"type": "array", "items": {
            "type": "object",
            "required": ["title", "person", "organization", "text", "start", "end"],
            "properties": {
                "title": {"type": "string"},
                "person": {"type": "string"},
                "organization": _NULLABLE_STR,
                **_OFFSETS,
                "canonical": {"type": "string"},
                "status": {"enum": ["current", "former", "acting", "incoming"]},
                "organization_id": _NULLABLE_STR,
                "rule": {"type": "string"},
                "effective_date": _NULLABLE_STR,
                "place": _NULLABLE_STR,
            },
        }},
        "numbers": {"type": "array", "items": {
            "type": "object",
            "required": ["text", "start", "end", "value", "unit", "kind", "qualifier", "counted"],
            "properties": {
                **_OFFSETS,
                "value": _NUMBER_OR_NULL,
                "unit": _NULLABLE_STR,
                "kind": {"enum": ["count", "money", "percent", "quantity", "ordinal", "fraction"]},
                "qualifier": {"enum": [None, "approximately", "more_than", "at_least", "less_than",
                                       "at_most"]},
                "counted": _NULLABLE_STR,
                "low": _NUMBER_OR_NULL,
                "high": _NUMBER_OR_NULL,
            },
        }},
        "dates": {"type": "array", "items": {
            "type": "object",
            "required": ["text", "start", "end", "value", "kind", "granularity", "modifier"],
            "properties": {
                **_OFFSETS,
                "value": _NULLABLE_STR,
                "kind": {"enum": ["date", "duration", "interval", "set", "time"]},
                "granularity": _NULLABLE_STR,
                "modifier": {"enum": [None, "START", "MID", "END", "BEFORE", "AFTER", "APPROX"]},
                "relative": {"type": "boolean"},
                "anchor": _NULLABLE_STR,
                "calendar": _NULLABLE_STR,
            },
        }},
    },
}

ERROR_SCHEMA: dict[str, Any] = {
    "title": "factx error record",
    "description": "an input that produced no document, with the reason",
    "type": "object",
    "required": ["source", "error"],
    "additionalProperties": False,
    "properties": {
        "source": {"type": "string"},
        "error": {
            "type": "object",
            "required": ["type", "message"],
            "additionalProperties": False,
            "properties": {
                "type": {"type": "string", "description": "InputError, DecodeError, HeaderError, InternalError, ..."},
                "message": {"type": "string"},
                "stage": {"type": "string", "description": "where an InternalError happened"},
            },
        },
    },
}

# Every line ``factx batch`` writes: a document or an error record (``factx schema`` prints this).
RECORD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://factx.dev/schema/record-1.json",
    "title": "factx output record",
    "oneOf": [{"$ref": "#/$defs/document"}, {"$ref": "#/$defs/error"}],
    "$defs": {
        "document": {k: v for k, v in DOCUMENT_SCHEMA.items() if k not in ("$schema", "$id")},
        "error": ERROR_SCHEMA,
    },
}
