"""``factx batch INPUTS...``: many articles to NDJSON, one document (or error record) per line."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..api import Failure, process
from ..errors import FactxError, OutputError
from ..read import DEFAULT_MAX_BYTES, iter_input_paths, read_source
from ..records import Document
from ..serialize import to_ndjson_line
from .console import err_console, fail
from .options import DateOption, ModelOption, PatternsOption, pattern_dirs

HELP = """Extract facts from many articles: files, folders (walked recursively) or paths on stdin.

Writes NDJSON: one document per line, or {"source", "error"} for an input that failed.
Exit code 1 if any input failed.

Examples:

  factx batch corpus/ -o facts.jsonl

  find news -name '*.txt' | factx batch --from-stdin > facts.jsonl
"""

FACT_KEYS = ("people", "organizations", "titles", "numbers", "dates")


def _read_all(paths: list[str], encoding: str | None, max_bytes: int) -> Iterator[object]:
    for path in paths:
        try:
            yield read_source(path, encoding=encoding, max_bytes=max_bytes)
        except FactxError as err:
            yield Failure(path, type(err).__name__, str(err))


def run_batch(paths: list[str], out: IO[str], *, document_date: str | None = None,
              model: str | None = None, patterns: list[str] | None = None,
              encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              errors_out: IO[str] | None = None, fail_fast: bool = False,
              progress: Progress | None = None) -> Counter[str]:
    """Process ``paths`` in order, writing one NDJSON line each; returns counts for the summary."""
    counts: Counter[str] = Counter()
    task = progress.add_task("extracting", total=len(paths)) if progress else None
    items = _read_all(paths, encoding, max_bytes)
    for result in process(items, document_date=document_date, model=model,  # type: ignore[arg-type]
                          patterns_dirs=patterns or []):
        if isinstance(result, Failure):
            counts["failed"] += 1
            (errors_out or out).write(to_ndjson_line(result.to_dict()))
            if fail_fast:
                out.flush()
                raise FactxError(f"{result.source}: {result.message}")
        else:
            assert isinstance(result, Document)
            counts["documents"] += 1
            data = result.to_dict()
            for key in FACT_KEYS:
                counts[key] += len(data[key])
            out.write(to_ndjson_line(data))
        out.flush()
        if progress is not None and task is not None:
            progress.advance(task)
    return counts


def _summary(counts: Counter[str], seconds: float, files: int) -> Table:
    table = Table(title="factx batch", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("files read", str(files))
    table.add_row("documents", str(counts["documents"]))
    table.add_row("failed", str(counts["failed"]))
    for key in FACT_KEYS:
        table.add_row(key, str(counts[key]))
    table.add_row("seconds", f"{seconds:.1f}")
    table.add_row("documents/s", f"{counts['documents'] / seconds:.1f}" if seconds else "-")
    return table


def batch_cli(
    inputs: list[str] = typer.Argument(None, help="Files or folders to read."),
    output: Path | None = typer.Option(None, "--output", "-o", help="NDJSON file to write (default: stdout)."),
    from_stdin: bool = typer.Option(False, "--from-stdin", help="Read input paths from stdin, one per line."),
    glob: str = typer.Option("*.txt", "--glob", help="Files to take from folders."),
    date: str | None = DateOption,
    model: str | None = ModelOption,
    patterns: list[Path] | None = PatternsOption,
    encoding: str | None = typer.Option(None, "--encoding", help="Force the input encoding."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger inputs."),
    errors: Path | None = typer.Option(None, "--errors", help="Write error records here instead."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first failed input."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    sources = list(inputs or [])
    if from_stdin:
        sources += [line.strip() for line in sys.stdin if line.strip()]
    if not sources:
        fail("no inputs: give files or folders, or --from-stdin", 2)
    paths = list(iter_input_paths(sources, glob=glob))
    show_progress = not quiet and err_console.is_terminal
    started = time.perf_counter()
    try:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        errors_out = errors.open("w", encoding="utf-8") if errors else None
    except OSError as err:
        fail(OutputError(f"cannot write output: {err}"))
    try:
        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=err_console, disable=not show_progress)
        with progress:
            counts = run_batch(paths, out, document_date=date, model=model,
                               patterns=pattern_dirs(patterns), encoding=encoding,
                               max_bytes=max_bytes, errors_out=errors_out, fail_fast=fail_fast,
                               progress=progress)
    except KeyboardInterrupt:
        err_console.print("factx: interrupted", markup=False)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(1) from None
    except FactxError as err:
        fail(err)
    finally:
        if output:
            out.close()
        if errors_out:
            errors_out.close()
    if not quiet:
        err_console.print(_summary(counts, time.perf_counter() - started, len(paths)))
    raise typer.Exit(1 if counts["failed"] else 0)
