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
from .nlp import Settings, build_nlp
from .offsets import OffsetMap, remap
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
    text = item.repaired or item.content
    header = read_header(text)
    doc = nlp.make_doc(text)
    doc._.factx_body_start = header.end
    if document_date:
        doc._.factx_document_date, source = document_date, "option"
    elif header.date:
        doc._.factx_document_date, source = header.date.isoformat(), header.source
    else:
        source = "none"
    return doc, source


CHUNK_CHARS = 100_000  # parser memory grows with length: long texts run in chunks of this size


def split_text(content: str, start: int, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of ``content[start:]`` no longer than ``limit``, cut after a paragraph
    break, else a sentence end, else whitespace, so no sentence is split where avoidable."""
    pieces, begin = [], start
    while len(content) - begin > limit:
        window = content[begin:begin + limit]
        cut = -1
        for separator in ("\n\n", ". ", "\n", " "):
            cut = window.rfind(separator, limit // 2)
            if cut != -1:
                cut += len(separator)
                break
        if cut <= 0:
            cut = limit
        pieces.append((begin, begin + cut))
        begin += cut
    pieces.append((begin, len(content)))
    return pieces


def process(
    items: Iterable[SourceText | Failure],
    *,
    document_date: str | dt.date | None = None,
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
    batch_size: int = 16,
    settings: Settings | None = None,
) -> Iterator[Document | Failure]:
    """Stream documents through ``nlp.pipe``; a failing input yields a Failure, in input order.

    ``items`` may hold Failures already (inputs that could not be read); they pass through in place.
    Texts longer than ``CHUNK_CHARS`` are processed in pieces cut at paragraph or sentence ends and
    merged back into one document with offsets into the whole text.
    """
    nlp = build_nlp(model, patterns_dirs, settings)
    date = _iso(document_date)
    failures: deque[tuple[int, Failure]] = deque()

    def feed() -> Iterator[tuple[Doc, tuple[int, SourceText, str, int, int]]]:
        for number, item in enumerate(items):
            if isinstance(item, Failure):
                failures.append((number, item))
                continue
            try:
                doc, date_source = prepare(nlp, item, date)
            except FactxError as err:
                failures.append((number, Failure(item.source, type(err).__name__, str(err))))
                continue
            text = item.repaired or item.content
            if len(text) <= CHUNK_CHARS:
                yield doc, (number, item, date_source, 0, 1)
                continue
            pieces = split_text(text, 0)
            for begin, end in pieces:
                part = nlp.make_doc(text[begin:end])
                part._.factx_body_start = max(0, doc._.factx_body_start - begin)
                part._.factx_document_date = doc._.factx_document_date
                yield part, (number, item, date_source, begin, len(pieces))

    parts: list[tuple[int, Document]] = []
    stream = nlp.pipe(feed(), as_tuples=True, batch_size=batch_size)
    for doc, (number, item, date_source, begin, count) in stream:
        while failures and failures[0][0] < number:
            yield failures.popleft()[1]
        document = collect.document(doc, item.source, date_source, item.encoding)
        if count > 1:
            parts.append((begin, document))
            if len(parts) < count:
                continue
            document, parts = collect.merge(parts), []
        if item.repaired is not None:
            # Facts were found in the repaired text; their offsets index the text as decoded.
            document = remap(document, OffsetMap(item.content, item.repaired))
            document.encoding = f"{item.encoding} (mojibake repaired)"
        yield document
    while failures:
        yield failures.popleft()[1]


def extract(
    text: str,
    *,
    document_date: str | dt.date | None = None,
    source: str = "-",
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
    settings: Settings | None = None,
) -> Document:
    """Extract the facts of one text. Raises FactxError (e.g. HeaderError) on bad input."""
    result = next(process([SourceText(source, text, "utf-8")], document_date=document_date, model=model,
                          patterns_dirs=patterns_dirs, settings=settings))
    if isinstance(result, Failure):
        raise FactxError(result.message)
    result.encoding = None
    return result


def extract_many(
    texts: Iterable[str],
    *,
    document_date: str | dt.date | None = None,
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
    batch_size: int = 16,
    settings: Settings | None = None,
) -> Iterator[Document]:
    """Extract the facts of many texts, streaming through ``nlp.pipe``; raises on a bad text."""
    items = (SourceText(f"<text {n}>", text, "utf-8") for n, text in enumerate(texts))
    for result in process(items, document_date=document_date, model=model,
                          patterns_dirs=patterns_dirs, batch_size=batch_size, settings=settings):
        if isinstance(result, Failure):
            raise FactxError(result.message)
        yield result
