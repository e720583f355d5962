"""Every Doc/Span extension factx uses, registered once from one table.

Values are plain JSON-like dicts so Docs survive ``nlp.pipe(n_process=...)`` serialization.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

SPAN_KEYS = {
    "dates": "factx_dates",
    "numbers": "factx_numbers",
    "organizations": "factx_organizations",
    "people": "factx_people",
    "titles": "factx_titles",
    "rules": "factx_rules",
}

_SPAN_EXTENSIONS: dict[str, Any] = {
    "factx_date": None,  # {"value", "kind", "granularity", "modifier", "relative"}
    "factx_number": None,  # {"value", "unit", "kind", "qualifier", "counted", "low", "high"}
    "factx_name": None,  # cleaned name of a person or organization span
}
_DOC_EXTENSIONS: dict[str, Any] = {
    "factx_document_date": None,  # ISO date string or None
    "factx_body_start": 0,  # first character after the header
    # Title links, one dict per (title, person): several people can share one title span, and
    # span extension values are keyed by character offsets, so links live on the Doc.
    "factx_title_links": None,
    # {"stage", "type", "message"} once a component failed on this document (see isolation.py)
    "factx_failure": None,
}


def register_extensions() -> None:
    """Register the extensions; repeating the call is harmless."""
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
