"""Every Doc/Span extension factx uses, registered once from one table.

Values are plain JSON-like dicts so Docs survive ``nlp.pipe(n_process=...)`` serialization.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .facttypes import fact_types, span_keys

# doc.spans keys by name: one per fact type (facttypes), and "rules" for the span ruler
SPAN_KEYS = span_keys()

# The Span and Doc extensions the fact types name (facttypes), with what they hold:
#   Span._.factx_date    {"value", "kind", "granularity", "modifier", "relative", "anchor", "calendar"}
#   Span._.factx_number  {"value", "unit", "kind", "qualifier", "counted", "low", "high"}
#   Span._.factx_name    cleaned name of a person or organization span
#   Doc._.factx_title_links  one dict per (title, person): several people can share one title span,
#                        and span extension values are keyed by character offsets, so links live on the Doc.
_DOC_EXTENSIONS: dict[str, Any] = {
    "factx_document_date": None,  # ISO date string or None
    "factx_body_start": 0,  # first character after the header
    # {"stage", "type", "message"} once a component failed on this document (see isolation.py)
    "factx_failure": None,
}


def register_extensions() -> None:
    """Register the extensions of every fact type and of the pipeline; repeating the call is harmless."""
    span_names = {fact.span_extension for fact in fact_types() if fact.span_extension}
    doc_defaults = {**{fact.doc_extension: None for fact in fact_types() if fact.doc_extension}, **_DOC_EXTENSIONS}
    for name in sorted(span_names):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name, default in doc_defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
