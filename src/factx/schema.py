"""The JSON Schema of factx's output (``factx schema`` prints it; tests validate against it): a
document, with the document's own fields here and one array per fact type from the registry
(``facttypes``), or an error record for an input that produced no document."""

from __future__ import annotations

from typing import Any

from .facttypes import fact_types

_NULLABLE_STR = {"type": ["string", "null"]}

PRODUCER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "what made the facts: factx's version, the spaCy model and its version, and the "
                   "SHA-256 of the pattern files used",
    "required": ["factx", "model", "model_version", "patterns_sha256"],
    "properties": {"factx": {"type": "string"}, "model": {"type": "string"},
                   "model_version": {"type": "string"},
                   "patterns_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}},
}


def document_schema() -> dict[str, Any]:
    """The schema of a document with every registered fact type."""
    facts = fact_types()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://factx.dev/schema/document-1.json",
        "title": "factx document",
        "type": "object",
        "required": ["schema_version", "source", "document_date", *(fact.name for fact in facts)],
        "properties": {
            "schema_version": {"const": "1"},
            "source": {"type": "string"},
            "document_date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "document_date_source": {"enum": ["header", "dateline", "option", "none"]},
            "encoding": _NULLABLE_STR,
            "producer": PRODUCER_SCHEMA,
            **{fact.name: {"type": "array", "items": fact.schema} for fact in facts},
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


def record_schema() -> dict[str, Any]:
    """The schema of every line ``factx batch`` writes: a document (with every registered fact type)
    or an error record (``factx schema`` prints this)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://factx.dev/schema/record-1.json",
        "title": "factx output record",
        "oneOf": [{"$ref": "#/$defs/document"}, {"$ref": "#/$defs/error"}],
        "$defs": {
            "document": {k: v for k, v in document_schema().items() if k not in ("$schema", "$id")},
            "error": ERROR_SCHEMA,
        },
    }


DOCUMENT_SCHEMA: dict[str, Any] = document_schema()  # the built-in fact types
RECORD_SCHEMA: dict[str, Any] = record_schema()
