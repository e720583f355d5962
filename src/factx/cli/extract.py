"""``factx extract FILE``: one document's facts as JSON on stdout."""

from __future__ import annotations

from pathlib import Path

import typer

from ..api import process
from ..errors import FactxError, InputError, InternalError
from ..nlp import Settings
from ..read import DEFAULT_MAX_BYTES, read_source
from ..records import Document
from ..serialize import to_json
from .console import fail, stdout_is_terminal, write_json_stdout
from .options import (
    DateOption,
    DollarOption,
    FiscalOption,
    ModelOption,
    PatternsOption,
    YenOption,
    checked_date,
    checked_max_bytes,
    pattern_dirs,
    settings,
)

HELP = """Extract people, titles, organizations, numbers and dates from one article.

Prints one JSON document on stdout (pretty on a terminal, compact when piped).

Examples:

  factx extract article.txt

  factx extract article.txt --date 2024-03-05 | jq '.numbers[] | {text, value, unit}'

  cat article.txt | factx extract -
"""


def extract_document(source: str, *, document_date: str | None = None, model: str | None = None,
                     patterns: list[str] | None = None, encoding: str | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES, choices: Settings | None = None) -> Document:
    """Read one input and extract its facts; raises FactxError."""
    item = read_source(source, encoding=encoding, max_bytes=max_bytes)
    result = next(process([item], document_date=document_date, model=model, patterns_dirs=patterns or [],
                          settings=choices))
    if not isinstance(result, Document):
        raise result.exception()
    return result


def extract_cli(
    file: str = typer.Argument(..., help="Article file to read, or - for stdin.", metavar="FILE"),
    date: str | None = DateOption,
    pretty: bool | None = typer.Option(None, "--pretty/--compact",
                                       help="Force indented or one-line JSON (default: by terminal)."),
    model: str | None = ModelOption,
    patterns: list[Path] | None = PatternsOption,
    encoding: str | None = typer.Option(None, "--encoding", help="Force the input encoding.", metavar="NAME"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger inputs.", metavar="N"),
    dollar: str = DollarOption,
    yen: str = YenOption,
    fiscal_start: int | None = FiscalOption,
) -> None:
    try:
        choices = settings(dollar, yen, fiscal_start)
        document_date = checked_date(date)
    except FactxError as err:
        fail(err)
    try:
        document = extract_document(file, document_date=document_date, model=model,
                                    patterns=pattern_dirs(patterns), encoding=encoding,
                                    max_bytes=checked_max_bytes(max_bytes),
                                    choices=choices)
    except (InputError, InternalError) as err:  # this input's fault: the message names it once
        message = str(err)
        fail(err if message.startswith(f"{file}: ") else f"{file}: {message}", err.exit_code)
    except FactxError as err:
        fail(err)
    use_pretty = stdout_is_terminal() if pretty is None else pretty
    write_json_stdout(to_json(document.to_dict(), pretty=use_pretty), pretty=use_pretty)
