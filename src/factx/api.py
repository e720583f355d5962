"""The library API: ``extract`` one text, ``extract_many`` / ``process`` a stream of texts, and
``process_paths``, the one function every engine (``factx.engines``) runs over its share of inputs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import facttypes
from .errors import FactxError, InternalError, UsageError, quote
from .header import read_header
from .isolation import InternalFailure, check_doc_fault, check_fault, doc_failure, failure_from, guard, run_pipeline
from .nlp import Settings, build_nlp, producer
from .offsets import OffsetMap, Shift, normalize_for_matching, remap
from .patterns import attached
from .read import DEFAULT_MAX_BYTES, SourceText, read_source
from .records import DateFact, Document


@dataclass(frozen=True)
class Failure:
    """An input that produced no document, with the reason; ``stage`` names the component or step
    where an unexpected error (``error_type == "InternalError"``) happened."""

    source: str
    error_type: str
    message: str
    stage: str | None = None

    @classmethod
    def internal(cls, source: str, failure: InternalFailure) -> Failure:
        return cls(source, "InternalError", f"{failure.error_type}: {failure.message}", failure.stage)

    def exception(self) -> FactxError:
        """The error to raise for this failure: its own class (HeaderError, DecodeError, ...), or
        InternalError for an unexpected one."""
        from . import errors

        if self.stage is not None:
            return InternalError(self.describe())
        kind = getattr(errors, self.error_type, None)
        if isinstance(kind, type) and issubclass(kind, FactxError):
            return kind(self.message)
        return FactxError(self.message)

    def describe(self) -> str:
        """The one-line message for people: the stage named for internal errors."""
        return f"internal error in {self.stage}: {self.message}" if self.stage else self.message

    def to_dict(self) -> dict[str, Any]:
        error = {"type": self.error_type, "message": self.message}
        if self.stage is not None:
            error["stage"] = self.stage
        return {"source": self.source, "error": error}


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def document_date_iso(value: str | dt.date | None) -> str | None:
    """A document date as ``YYYY-MM-DD``; a string in any other form (``20240305``, ``2024-W10-1``,
    which ``date.fromisoformat`` would take) is a UsageError."""
    if value is None or isinstance(value, dt.date):
        return value.isoformat() if value else None
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"invalid document date {quote(value)}: expected YYYY-MM-DD") from None


CHUNK_CHARS = 100_000  # parser memory grows with length: long texts run in chunks of this size


@dataclass(frozen=True)
class _Piece:
    """Where a Doc in the stream comes from: input number, the input, and which piece of it."""

    number: int
    item: SourceText | None
    date_source: str = "none"
    begin: int = 0
    count: int = 1
    failure: Failure | None = None
    dateline: DateFact | None = None
    text: str = ""  # the text the pipeline reads (see matching_text)
    mapping: OffsetMap | None = None  # its offsets back to the input as decoded, when it differs


def matching_text(item: SourceText) -> tuple[str, OffsetMap | None]:
    """The text facts are found in, and the one map of its offsets back to ``item.content`` (None
    when it is ``item.content``): mojibake repaired, then NFC with invisible characters removed."""
    text = item.repaired if item.repaired is not None else item.content
    mapping = OffsetMap(item.content, item.repaired) if item.repaired is not None else None
    normalized = normalize_for_matching(text)
    if normalized is None:
        return text, mapping
    text, inner = normalized
    return text, inner if mapping is None else inner.then(mapping)


def prepare(nlp: Language, item: SourceText | str, document_date: str | None) -> tuple[list[tuple[int, Doc]], str]:
    """Tokenize one text (in pieces of at most ``CHUNK_CHARS``) and set its document date (option >
    header); returns ([(offset, doc), ...], date source). The whole text never goes to spaCy at once."""
    text = item if isinstance(item, str) else matching_text(item)[0]
    patterns = attached(nlp)  # the pipeline's own pattern set, for the collect step
    header = read_header(text, strict=not document_date)  # --date stands in for an impossible header date
    if document_date:
        date, source = document_date, "option"
    elif header.date:
        date, source = header.date.isoformat(), header.source
    else:
        date, source = None, "none"
    docs = []
    for begin, end in split_text(text, header.end, CHUNK_CHARS):  # the model reads the article, not the header
        doc = nlp.make_doc(text[begin:end])
        doc._.factx_body_start = 0
        doc._.factx_document_date = date
        doc._.factx_patterns = patterns
        docs.append((begin, doc))
    return docs, source


def dateline_date(text: str) -> DateFact | None:
    """The date of a press-release dateline ("BEIJING, Oct. 26, 2024 (Xinhua) --") as a date fact of
    the text: the model never reads the header, but the dateline is written in the article."""
    header = read_header(text, strict=False)
    if header.date_span is None or header.date is None:
        return None
    start, end = header.date_span
    return DateFact(text[start:end], start, end, header.date.isoformat(), "date", "day", None, False, None)


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
    """Stream documents through the pipeline; one result per input, in input order.

    ``items`` may hold Failures already (inputs that could not be read); they pass through in place.
    An input that fails, expectedly (a bad header) or not (a bug in a component), yields a Failure
    for that input alone: every other document comes out as if it were not there. Texts longer than
    ``CHUNK_CHARS`` are processed in pieces cut at paragraph or sentence ends and merged back into
    one document with offsets into the whole text.
    """
    nlp = build_nlp(model, patterns_dirs, settings)
    date = document_date_iso(document_date)
    made_by = producer(nlp, patterns_dirs)

    def feed() -> Iterator[tuple[Doc | None, _Piece]]:
        for number, item in enumerate(items):
            if isinstance(item, Failure):
                yield None, _Piece(number, None, failure=item)
                continue
            if not item.content.strip():  # as a file with nothing in it is refused when it is read
                yield None, _Piece(number, item, failure=Failure(item.source, "InputError",
                                                                 f"{item.source}: empty input"))
                continue
            try:
                check_fault("prepare", item.content)
                text, mapping = matching_text(item)
                docs, date_source = prepare(nlp, text, date)
                dateline = dateline_date(text)
            except FactxError as err:
                yield None, _Piece(number, item, failure=Failure(item.source, type(err).__name__, str(err)))
                continue
            except Exception as err:  # noqa: BLE001 - one document's bug is that document's error
                yield None, _Piece(number, item, failure=Failure.internal(item.source, failure_from("prepare", err)))
                continue
            for begin, doc in docs:
                yield doc, _Piece(number, item, date_source, begin, len(docs), dateline=dateline, text=text,
                                  mapping=mapping)

    parts: list[tuple[int, Document | InternalFailure]] = []
    for doc, context in run_pipeline(nlp, feed(), batch_size):
        piece: _Piece = context
        if piece.failure is not None:
            yield piece.failure
            continue
        item = piece.item
        assert doc is not None and item is not None
        failure = doc_failure(doc)
        outcome: Document | InternalFailure = failure if failure is not None else guard(
            "collect", partial(_collect, doc, item.source, piece.date_source, item.encoding))
        if piece.count == 1 and piece.begin and isinstance(outcome, Document):
            outcome = guard("offsets", partial(_shift, outcome, piece.text, piece.begin))
        elif piece.count > 1:
            parts.append((piece.begin, outcome))
            if len(parts) < piece.count:
                continue
            pieces, parts = parts, []
            failure = next((o for _, o in pieces if isinstance(o, InternalFailure)), None)
            outcome = failure if failure is not None else guard("merge", partial(_merge, pieces))
        if isinstance(outcome, Document) and piece.dateline is not None:
            outcome = replace(outcome, facts={**outcome.facts, "dates": (piece.dateline, *outcome.facts["dates"])})
        if isinstance(outcome, Document) and piece.mapping is not None:
            # Facts were found in the repaired, normalized text; their offsets index the text as decoded.
            outcome = guard("offsets", partial(_remap, outcome, item, piece.mapping))
        if isinstance(outcome, InternalFailure):
            yield Failure.internal(item.source, outcome)
            continue
        yield replace(outcome, producer=made_by)


def _merge(pieces: list[tuple[int, Document | InternalFailure]]) -> Document:
    return facttypes.merge([(begin, part) for begin, part in pieces if isinstance(part, Document)])


def _collect(doc: Doc, source: str, date_source: str, encoding: str | None) -> Document:
    check_doc_fault("collect", doc)
    return facttypes.document(doc, source, date_source, encoding)


def _shift(document: Document, text: str, begin: int) -> Document:
    return remap(document, Shift(text, begin))


def _remap(document: Document, item: SourceText, mapping: OffsetMap) -> Document:
    remapped = remap(document, mapping)
    if item.repaired is not None:
        remapped = replace(remapped, encoding=f"{item.encoding} (mojibake repaired)")
    return remapped


def source_text(text: str | bytes, source: str) -> SourceText:
    """A text given to the API as the pipeline takes it: ``str`` as it is, ``bytes`` decoded as a file
    is (UTF-8, else a detected encoding; mojibake repaired); anything else is a TypeError."""
    from .read import decode, repair_mojibake

    if isinstance(text, str):
        return SourceText(source, text, "utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        if not data.strip():
            return SourceText(source, "", "utf-8")  # refused as empty by process, like an empty file
        return repair_mojibake(decode(data, source))
    raise TypeError(f"factx takes text as str or bytes, not {type(text).__name__}")


def extract(
    text: str | bytes,
    *,
    document_date: str | dt.date | None = None,
    source: str = "-",
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
    settings: Settings | None = None,
) -> Document:
    """Extract the facts of one text (``str``, or ``bytes`` decoded like a file). Raises a FactxError
    on bad input, the same as ``factx extract`` refuses: InputError for an empty text, HeaderError
    for an impossible header date, DecodeError for bytes that are not text."""
    item = source_text(text, source)
    result = next(process([item], document_date=document_date, model=model,
                          patterns_dirs=patterns_dirs, settings=settings))
    if isinstance(result, Failure):
        raise result.exception()
    return replace(result, encoding=None) if isinstance(text, str) else result


def extract_many(
    texts: Iterable[str | bytes],
    *,
    document_date: str | dt.date | None = None,
    model: str | None = None,
    patterns_dirs: Sequence[str] = (),
    batch_size: int = 16,
    settings: Settings | None = None,
) -> Iterator[Document | Failure]:
    """Extract the facts of many texts, streaming through ``nlp.pipe``: one result per text, in order,
    a Document or, for a text that fails (empty, an impossible header date, bytes that are not text),
    a Failure with the reason (``failure.exception()`` is the error ``extract`` would raise). The
    stream never ends early: a bad text costs that text only. Sources are ``<text N>``."""

    def items() -> Iterator[SourceText | Failure]:
        for n, text in enumerate(texts):
            source = f"<text {n}>"
            try:
                yield source_text(text, source)
            except FactxError as err:
                yield Failure(source, type(err).__name__, str(err))

    yield from process(items(), document_date=document_date, model=model,
                          patterns_dirs=patterns_dirs, batch_size=batch_size, settings=settings)


CHUNK = 8  # inputs per task: per task of the worker pool (engines.local) and per Dask partition (engines.dask)


@dataclass(frozen=True)
class BatchOptions:
    """What every input of a run shares: the choices of ``factx batch`` that are not about engines."""

    document_date: str | None = None
    model: str | None = None
    patterns: tuple[str, ...] = field(default_factory=tuple)
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    settings: Settings = field(default_factory=Settings)


Item = str | tuple[str, str]  # a path, or (source, text)


def pipeline(options: BatchOptions) -> Language:
    """The pipeline for ``options``. A ModelError or PatternError (configuration, exit 2) is raised
    here, outside every document's failure boundary: it is no one document's fault; so is a bad
    document date (UsageError). Engines call it before they start workers, so a bad model, pattern
    folder or date is one error, found once."""
    document_date_iso(options.document_date)
    return build_nlp(options.model, options.patterns, options.settings)


def _items(items: Iterable[Item], options: BatchOptions) -> Iterator[SourceText | Failure]:
    for item in items:
        if not isinstance(item, str):
            yield SourceText(item[0], item[1], "utf-8")
            continue
        try:
            yield read_source(item, encoding=options.encoding, max_bytes=options.max_bytes)
        except FactxError as err:
            yield Failure(item, type(err).__name__, str(err))


def _results(items: Iterable[Item], options: BatchOptions) -> Iterator[dict[str, Any]]:
    for result in process(_items(items, options), document_date=options.document_date, model=options.model,
                          patterns_dirs=options.patterns, settings=options.settings):
        yield result.to_dict()


def _source(item: Item) -> str:
    return item if isinstance(item, str) else item[0]


def process_paths(items: Sequence[Item], options: BatchOptions) -> Iterator[dict[str, Any]]:
    """One result dict per path or (source, text), in order, streamed: a document dict (the JSON
    contract, with ``source``) or an error record ``{"source", "error": {"type", "message"}}``.

    This is the one failure boundary of every engine. Each document already has its own boundary
    inside ``process``. If the stream still breaks (a failure no document owns), what it yielded is
    kept and the rest of the items are run one by one, so only an item that fails alone becomes an
    error record: nothing lost, nothing twice."""
    pipeline(options)
    done = 0
    try:
        check_fault("chunk", " ".join(_source(item) for item in items))
        for result in _results(items, options):
            yield result
            done += 1
        if done == len(items):
            return
    except Exception as err:  # noqa: BLE001 - the boundary; the items left are retried one by one
        failure_from("chunk", err)
    for item in items[done:]:
        yield _alone(item, options)


def _alone(item: Item, options: BatchOptions) -> dict[str, Any]:
    def one() -> list[dict[str, Any]]:
        check_fault("chunk", _source(item))
        return list(_results([item], options))

    results = guard("chunk", one)
    if isinstance(results, InternalFailure):
        return Failure.internal(_source(item), results).to_dict()
    if len(results) != 1:
        failure = InternalFailure("chunk", "RuntimeError", f"{len(results)} results for one input")
        return Failure.internal(_source(item), failure).to_dict()
    return results[0]
