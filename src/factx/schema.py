"""The JSON Schema of a factx document (``factx schema`` prints it; tests validate against it):
the document's own fields here, one array per fact type from the registry (``facttypes``)."""

from __future__ import annotations

from typing import Any

from .facttypes import fact_types

_NULLABLE_STR = {"type": ["string", "null"]}


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
            **{fact.name: {"type": "array", "items": fact.schema} for fact in facts},
        },
    }


DOCUMENT_SCHEMA: dict[str, Any] = document_schema()  # the built-in fact types
