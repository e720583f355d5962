"""``factx show ARTICLE``: the article with its facts highlighted, then tables; or an HTML page.

A view for people, not data: it writes styled text to stdout (plain when stdout is not a terminal or
``NO_COLOR`` is set), through a pager on a terminal when the article is longer than the screen.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import typer
from rich.console import Console

from ..api import process
from ..errors import FactxError, InternalError, OutputError, UsageError
from ..facttypes import fact_types
from ..read import DEFAULT_MAX_BYTES, read_source
from ..records import Document
from ..review import html_page, style_of, terminal_view, type_labels
from .console import fail
from .options import (
    DateOption,
    DollarOption,
    FiscalOption,
    ModelOption,
    PatternsOption,
    YenOption,
    checked_max_bytes,
    pattern_dirs,
    settings,
)

HELP = """Show one article with every fact highlighted in its text, then tables of the facts.

A view for reading, not data: styled text on stdout (no colour when piped or with NO_COLOR set),
paged on a terminal when long. With --html FILE, writes a self-contained review page instead.

Examples:

  factx show article.txt

  factx show article.txt --only people,titles

  factx show article.txt --html review.html
"""


def _only(value: str | None) -> set[str] | None:
    """``--only people,dates``: fact type names or their singular labels."""
    if value is None:
        return None
    labels = type_labels()
    by_name = {fact.name: style_of(fact).label for fact in fact_types()}
    chosen = set()
    for word in (w.strip().lower() for w in value.split(",")):
        if not word:
            continue
        label = by_name.get(word, word)
        if label not in labels:
            raise UsageError(f"--only: unknown fact type {word!r} (choose from {', '.join(by_name)})")
        chosen.add(label)
    if not chosen:
        raise UsageError("--only needs at least one fact type")
    return chosen


def show_cli(
    file: str = typer.Argument(..., help="Article file to read, or - for stdin."),
    only: str | None = typer.Option(None, "--only", help="Fact types to show, comma-separated (people,dates)."),
    html_out: Path | None = typer.Option(None, "--html", help="Write a self-contained HTML review page here."),
    pager: bool | None = typer.Option(None, "--pager/--no-pager",
                                      help="Page the output (default: on a terminal, when longer than the screen)."),
    date: str | None = DateOption,
    model: str | None = ModelOption,
    patterns: list[Path] | None = PatternsOption,
    encoding: str | None = typer.Option(None, "--encoding", help="Force the input encoding."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger inputs."),
    dollar: str = DollarOption,
    yen: str = YenOption,
    fiscal_start: int | None = FiscalOption,
) -> None:
    try:
        chosen = _only(only)
        item = read_source(file, encoding=encoding, max_bytes=checked_max_bytes(max_bytes))
        result = next(process([item], document_date=date, model=model, patterns_dirs=pattern_dirs(patterns),
                              settings=settings(dollar, yen, fiscal_start)))
        if not isinstance(result, Document):
            raise (InternalError if result.stage else FactxError)(result.describe())
        document = result.to_dict()
        if html_out is not None:
            try:
                html_out.write_text(html_page(item.content, document), encoding="utf-8")
            except OSError as err:
                raise OutputError(f"cannot write {html_out}: {err.strerror or err}") from None
            return
    except FactxError as err:
        fail(err)
    terminal = sys.stdout.isatty()
    plain = bool(os.environ.get("NO_COLOR")) or not terminal
    console = Console(highlight=False, color_system=None if plain else "auto", soft_wrap=False,
                      emoji=False, markup=False)
    views = terminal_view(item.content, document, chosen)
    lines = item.content.count("\n") + sum(len(getattr(v, "rows", ())) + 4 for v in views[1:])
    use_pager = terminal and (lines > console.height if pager is None else pager)
    try:
        with console.pager(styles=True) if use_pager else contextlib.nullcontext():
            console.print(views[0], soft_wrap=True)
            for view in views[1:]:
                console.print()
                console.print(view)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(1) from None
