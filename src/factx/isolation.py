"""One failure boundary per document.

``run_pipeline`` runs a spaCy pipeline over a stream of ``(doc, context)`` pairs the way
``Language.pipe`` does (each component's ``pipe`` over minibatches, ``__call__`` otherwise), with
one difference: an exception never leaves the stream. A component that fails on a minibatch is run
again on each document of it alone, so only the document that fails is marked failed (with the
component's name as the stage); its neighbours go on unchanged. A failed document passes through
the later components untouched, in its place, so order is kept and nothing is lost or repeated.

``guard`` does the same for the steps around the pipeline (reading the header, building records,
merging pieces, remapping offsets): it turns an unexpected exception into an :class:`InternalFailure`.

Tests can make a stage raise on a marker word with ``FACTX_FAULT=STAGE:WORD`` (for example
``FACTX_FAULT=factx_dates:XYZZY``); the variable is unset in normal runs, and nothing else reads it.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

DEBUG_ENV = "FACTX_DEBUG"
FAULT_ENV = "FACTX_FAULT"
_MESSAGE_CHARS = 500

T = TypeVar("T")
Item = tuple[Doc | None, Any]


@dataclass(frozen=True)
class InternalFailure:
    """An unexpected exception inside one document: where it happened and a one-line message."""

    stage: str
    error_type: str
    message: str

    def describe(self) -> str:
        return f"internal error in {self.stage}: {self.error_type}: {self.message}"


class InjectedFault(RuntimeError):
    """Raised by a stage on the ``FACTX_FAULT`` marker word (tests only)."""


def one_line(text: str, limit: int = _MESSAGE_CHARS) -> str:
    """Whitespace collapsed to single spaces, cut to ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def failure_from(stage: str, err: BaseException) -> InternalFailure:
    """The failure record of ``err`` in ``stage``; with FACTX_DEBUG=1 the traceback goes to stderr."""
    if os.environ.get(DEBUG_ENV, "") not in ("", "0"):
        print(f"factx: traceback in {stage}:", file=sys.stderr)
        traceback.print_exception(err, file=sys.stderr)
        sys.stderr.flush()
    return InternalFailure(stage, type(err).__name__, one_line(str(err) or repr(err)))


def _fault() -> tuple[str, str] | None:
    value = os.environ.get(FAULT_ENV)
    if not value or ":" not in value:
        return None
    stage, word = value.split(":", 1)
    return stage, word


def check_fault(stage: str, text: str) -> None:
    """Raise :class:`InjectedFault` if ``FACTX_FAULT`` names this stage and its word is in ``text``."""
    fault = _fault()
    if fault is not None and fault[0] == stage and fault[1] in text:
        raise InjectedFault(f"injected fault in {stage} (FACTX_FAULT)")


def check_doc_fault(stage: str, doc: Doc) -> None:
    """:func:`check_fault` on the text of ``doc``, built only when ``FACTX_FAULT`` names this stage
    (``Doc.text`` joins every token: once per stage and document it cost more than some stages)."""
    fault = _fault()
    if fault is not None and fault[0] == stage:
        check_fault(stage, doc.text)


def guard(stage: str, step: Callable[[], T]) -> T | InternalFailure:
    """``step()``, or the failure it raised (never a KeyboardInterrupt or SystemExit)."""
    try:
        return step()
    except Exception as err:  # noqa: BLE001 - the boundary: one document's bug is that document's error
        return failure_from(stage, err)


def failed(doc: Doc | None) -> bool:
    return doc is None or doc._.factx_failure is not None


def _mark(doc: Doc, failure: InternalFailure) -> None:
    doc._.factx_failure = {"stage": failure.stage, "type": failure.error_type, "message": failure.message}


def doc_failure(doc: Doc) -> InternalFailure | None:
    info = doc._.factx_failure
    return None if info is None else InternalFailure(info["stage"], info["type"], info["message"])


def _call(name: str, proc: Any, doc: Doc) -> Doc:
    check_doc_fault(name, doc)
    result = proc(doc)
    if not isinstance(result, Doc):
        raise TypeError(f"component {name!r} returned {type(result).__name__}, not a Doc")
    return result


def _stage_one_by_one(name: str, proc: Any, items: Iterable[Item]) -> Iterator[Item]:
    for doc, context in items:
        if not failed(doc):
            assert doc is not None
            outcome = guard(name, lambda doc=doc: _call(name, proc, doc))  # type: ignore[misc]
            if isinstance(outcome, InternalFailure):
                _mark(doc, outcome)
            else:
                doc = outcome
        yield doc, context


BATCH_CHARS = 120_000  # a minibatch ends at this many characters too: memory stays flat on long texts


def _chars(doc: Doc) -> int:
    """``len(doc.text)`` without building the text: where the last token's text and space end."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx + len(last.text_with_ws))


def _minibatches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of at most ``size`` items and, past the first item, at most ``BATCH_CHARS`` characters."""
    batch: list[Item] = []
    chars = 0
    for item in items:
        length = _chars(item[0]) if item[0] is not None else 0
        if batch and (len(batch) >= size or chars + length > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += length
    if batch:
        yield batch


def _stage_batched(name: str, proc: Any, items: Iterable[Item], batch_size: int) -> Iterator[Item]:
    for batch in _minibatches(items, batch_size):
        live = [doc for doc, _ in batch if doc is not None and not failed(doc)]

        def run_batch(live: list[Doc] = live) -> list[Doc]:
            for doc in live:
                check_doc_fault(name, doc)
            return list(proc.pipe(iter(live), batch_size=batch_size))

        outcome = guard(name, run_batch) if live else []
        if isinstance(outcome, InternalFailure) or len(outcome) != len(live):
            # The batch failed: run each document alone, so only the one that fails pays.
            yield from _stage_one_by_one(name, lambda doc: next(iter(proc.pipe(iter([doc])))), batch)
            continue
        done = iter(outcome)
        for doc, context in batch:
            yield (doc if failed(doc) else next(done)), context


def run_pipeline(nlp: Language, items: Iterable[Item], batch_size: int = 16) -> Iterator[Item]:
    """``(doc, context)`` pairs through every pipe of ``nlp``, in order, one failure boundary per doc.

    A ``None`` doc (an input that failed before the pipeline) passes through in its place."""
    stream: Iterable[Item] = items
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            stream = _stage_batched(name, proc, stream, batch_size)
        else:
            stream = _stage_one_by_one(name, proc, stream)
    yield from stream
