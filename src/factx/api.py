"""The library API: ``extract`` one text, ``extract_many`` / ``process`` a stream of texts."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import collect
from .errors import FactxError, UsageError
from .header import read_header
from .nlp import build_nlp
from .read import SourceText
from .records import Document


@dataclass(frozen=True)
class Failure:
    """An input that produced no document, with the reason."""

    source: str
    error_type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": {"type": self.error_type, "message": self.message}}


def _iso(value: str | dt.date | None) -> str | None:
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"invalid document date {value!r}: expected YYYY-MM-DD") from None


def prepare(nlp: Language, item: SourceText, document_date: str | None) -> tuple[Doc, str]:
    """Tokenize one text and set its document date (option > header); returns (doc, date source)."""
    header = read_header(item.content)
    doc = nlp.make_doc(item.content)
    doc._.factx_body_start = header.end
    if document_date:
        doc._.factx_document_date, source = document_date, "option"
    elif header.date:
        doc._.factx_document_date, source = header.date.isoformat(), header.source
    else:
        source = "none"
    return doc, source


def process(
    items: Iterable[SourceText | Failure],
    *,
    document_date: str | dt.date | None = None,
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
    batch_size: int = 16,
) -> Iterator[Document | Failure]:
    """Stream documents through ``nlp.pipe``; a failing input yields a Failure, in input order.

    ``items`` may hold Failures already (inputs that could not be read); they pass through in place.
    """
    nlp = build_nlp(model, patterns_dirs)
    date = _iso(document_date)
    failures: deque[tuple[int, Failure]] = deque()

    def feed() -> Iterator[tuple[Doc, tuple[int, SourceText, str]]]:
        for number, item in enumerate(items):
            if isinstance(item, Failure):
                failures.append((number, item))
                continue
            try:
                doc, date_source = prepare(nlp, item, date)
            except FactxError as err:
                failures.append((number, Failure(item.source, type(err).__name__, str(err))))
                continue
            yield doc, (number, item, date_source)

    for doc, (number, item, date_source) in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
        while failures and failures[0][0] < number:
            yield failures.popleft()[1]
        yield collect.document(doc, item.source, date_source, item.encoding)
    while failures:
        yield failures.popleft()[1]


def extract(
    text: str,
    *,
    document_date: str | dt.date | None = None,
    source: str = "-",
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
) -> Document:
    """Extract the facts of one text. Raises FactxError (e.g. HeaderError) on bad input."""
    nlp = build_nlp(model, patterns_dirs)
    doc, date_source = prepare(nlp, SourceText(source, text, "utf-8"), _iso(document_date))
    return collect.document(nlp(doc), source, date_source, None)


def extract_many(
    texts: Iterable[str],
    *,
    document_date: str | dt.date | None = None,
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
    batch_size: int = 16,
) -> Iterator[Document]:
    """Extract the facts of many texts, streaming through ``nlp.pipe``; raises on a bad text."""
    items = (SourceText(f"<text {n}>", text, "utf-8") for n, text in enumerate(texts))
    for result in process(items, document_date=document_date, model=model,
                          patterns_dirs=patterns_dirs, batch_size=batch_size):
        if isinstance(result, Failure):
            raise FactxError(result.message)
        yield result
