"""Errors raised by the library; each carries the exit code the CLI promises."""

from __future__ import annotations

QUOTE_CHARS = 40  # input quoted in a message is cut to this many characters


def quote(value: str, limit: int = QUOTE_CHARS) -> str:
    """``value`` quoted for a one-line message: ``repr`` of at most ``limit`` characters, cut with an
    ellipsis, so an error never echoes a whole line of input (a header line of 5 MB)."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + "..."


class FactxError(Exception):
    """Base of every error factx raises on purpose."""

    exit_code = 1


class InputError(FactxError):
    """An input could not be read (missing, unreadable, a directory)."""

    exit_code = 1


class DecodeError(InputError):
    """An input's bytes are not text factx can decode (binary, unknown encoding)."""


class HeaderError(InputError):
    """The document header names a date that is not a valid ISO date; ``end`` is where the header
    ends, so a date given by the caller can stand in for it."""

    end = 0


class PatternError(FactxError):
    """A pattern file is malformed; the message names the file and line."""

    exit_code = 2


class ModelError(FactxError):
    """No usable spaCy pipeline could be loaded."""

    exit_code = 2


class UsageError(FactxError):
    """A bad option value."""

    exit_code = 2


class InternalError(FactxError):
    """An unexpected failure inside factx while processing one document (a bug, not bad input)."""

    exit_code = 1


class OutputError(FactxError):
    """Output could not be written."""

    exit_code = 1
