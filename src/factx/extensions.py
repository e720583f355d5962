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

SPAN_KEYS = {
    "dates": "factx_dates",
    "numbers": "factx_numbers",
    "organizations": "factx_organizations",
    "people": "factx_people",
    "titles": "factx_titles",
    "rules": "factx_rules",
    # names the organizations component took from NER organizations; the people component reads them
    "person_candidates": "factx_person_candidates",
}


def group(key: str) -> str:
    """The attribute naming the span group of ``key`` in ``requires=``/``assigns=`` ("doc._.factx_dates")."""
    return f"doc._.{SPAN_KEYS[key]}"


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
    "factx_patterns": None,  # the PatternSet of the pipeline (patterns.attached), for the collect step
}


def register_extensions() -> None:
    """Register the extensions; repeating the call is harmless."""
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for key in SPAN_KEYS.values():
        if not Doc.has_extension(key):
            Doc.set_extension(key, getter=partial(_span_group, key=key))


def _span_group(doc: Doc, key: str) -> Any:
    return doc.spans.get(key, [])


register_extensions()
