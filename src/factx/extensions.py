"""Every Doc/Span extension and every span key factx uses, registered once from these tables.

Values are plain JSON-like dicts so Docs survive ``nlp.pipe(n_process=...)`` serialization, except
``doc._.factx_patterns``, a reference to the pipeline's loaded pattern set (see ``api.prepare``).
Each span key also reads as a Doc extension (``doc._.factx_dates`` is ``doc.spans["factx_dates"]``):
components name those in their ``requires=``/``assigns=``, so ``nlp.analyze_pipes`` sees which
component writes a span group and which reads it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from spacy.tokens import Doc, Span

from .facttypes import fact_types, span_keys

# doc.spans keys by name: one per fact type (facttypes), "rules" for the span ruler, and the names the
# organizations component took from NER organizations, which the people component reads
SPAN_KEYS = {**span_keys(), "person_candidates": "factx_person_candidates"}


def group(key: str) -> str:
    """The attribute naming the span group of ``key`` in ``requires=``/``assigns=`` ("doc._.factx_dates")."""
    return f"doc._.{SPAN_KEYS[key]}"


# The Span and Doc extensions the fact types name (facttypes), with what they hold:
#   Span._.factx_date    {"value", "kind", "granularity", "modifier", "relative", "anchor", "calendar"}
#   Span._.factx_number  {"value", "unit", "kind", "qualifier", "counted", "low", "high"}
#   Span._.factx_name    cleaned name of a person or organization span
#   Doc._.factx_title_links  one titlelinks.TitleLink per (title, person): several people can share one
#                        title span, and span extension values are keyed by character offsets, so links live on the Doc.
_DOC_EXTENSIONS: dict[str, Any] = {
    "factx_document_date": None,  # ISO date string or None
    "factx_body_start": 0,  # first character after the header
    # {"stage", "type", "message"} once a component failed on this document (see isolation.py)
    "factx_failure": None,
    "factx_patterns": None,  # the PatternSet of the pipeline (patterns.attached), for the collect step
    # titlelinks.Affiliation records: a name tied to an organization with no title written
    "factx_affiliations": None,
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
    for key in SPAN_KEYS.values():
        if not Doc.has_extension(key):
            Doc.set_extension(key, getter=partial(_span_group, key=key))


def _span_group(doc: Doc, key: str) -> Any:
    return doc.spans.get(key, [])


register_extensions()
