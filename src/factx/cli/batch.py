"""``factx batch INPUTS...``: many articles to NDJSON (or JSON, or CSV tables), in input order."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ..api import BatchOptions
from ..engines import run as run_engine
from ..engines.local import default_jobs
from ..errors import FactxError, OutputError
from ..read import DEFAULT_MAX_BYTES, iter_input_paths
from ..writers import (
    FACT_TYPES,
    CsvWriter,
    HtmlWriter,
    JsonArrayWriter,
    JsonLinesWriter,
    ParquetWriter,
    Writer,
    done_sources,
)
from .console import err_console, fail
from .options import (
    DateOption,
    DollarOption,
    FiscalOption,
    ModelOption,
    PatternsOption,
    YenOption,
    checked_date,
    pattern_dirs,
    settings,
)

HELP = """Extract facts from many articles: files, folders (walked recursively, sorted, hidden
entries skipped) or paths on stdin.

Writes NDJSON: one document per line, or {"source", "error": {"type", "message"}} for an input
that failed. Exit code 1 if any input failed, 130 if interrupted (the output keeps whole lines).

Examples:

  factx batch corpus/ -o facts.jsonl --jobs 2

  find news -name '*.txt' | factx batch --from-stdin > facts.jsonl

  factx batch news/ -o facts.jsonl --resume        # finish an interrupted run

  factx batch news/ --format csv --out-dir tables/ # people.csv, titles.csv, ... with a source column

  factx batch news/ --format html --out-dir review/ # one review page per article and index.html
"""


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"
    html = "html"


class Engine(StrEnum):
    """The choices of ``--engine``: the names in ``engines.ENGINES`` (a test keeps the two equal)."""

    local = "local"
    dask = "dask"


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} docs/s" if task.speed else "", style="progress.data.speed")


def _summary(counts: Counter[str], seconds: float, skipped: int) -> Table:
    """The run in numbers: files = documents + failed (every record counted once), then the facts."""
    table = Table(title="factx batch")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [("files", counts["documents"] + counts["failed"]), ("documents", counts["documents"]),
            ("failed", counts["failed"]), ("skipped (--resume)", skipped)] + [(key, counts[key]) for key in FACT_TYPES]
    for name, value in rows:
        table.add_row(name, str(value))
    table.add_row("seconds", f"{seconds:.1f}")
    table.add_row("documents/s", f"{counts['documents'] / seconds:.1f}" if seconds else "-")
    return table


Entry = tuple[str, str | None]  # (path, None) to process, or (path, reason) for one that could not be walked


def _reason(record: dict[str, Any]) -> str:
    """The one-line reason of an error record, without the source its message may begin with."""
    error = record["error"]
    message = str(error["message"])
    prefix = f"{record['source']}: "
    if message.startswith(prefix):
        message = message[len(prefix):]
    return f"internal error in {error['stage']}: {message}" if error.get("stage") else message


def batch(entries: list[Entry], writer: Writer, options: BatchOptions, *, jobs: int = 1, fail_fast: bool = False,
          progress: Progress | None = None, engine: str = "local", scheduler: str | None = None) -> Counter[str]:
    """Process ``entries`` and write one record each, in walk order; returns the counts for the summary."""
    counts: Counter[str] = Counter()
    task = progress.add_task("extracting", total=len(entries)) if progress is not None else None
    results = run_engine([path for path, reason in entries if reason is None], options, engine=engine, jobs=jobs,
                         scheduler=scheduler)
    for path, reason in entries:
        record = next(results) if reason is None else {
            "source": path, "error": {"type": "InputError", "message": f"{path}: {reason}"}}
        writer.write(record)
        if "error" in record:
            counts["failed"] += 1
            err_console.print(f"factx: error: {record['source']}: {_reason(record)}", markup=False, soft_wrap=True)
            if fail_fast:
                raise FactxError(f"stopped at the first failed input (--fail-fast): {record['source']}")
        else:
            counts["documents"] += 1
            for key in FACT_TYPES:
                counts[key] += len(record[key])
        if progress is not None and task is not None:
            progress.advance(task)
    return counts


def _open_writer(fmt: OutputFormat, output: Path | None, out_dir: Path | None, errors: Path | None,
                 resume: bool) -> tuple[Writer, list[IO[str]]]:
    handles: list[IO[str]] = []
    if fmt in (OutputFormat.csv, OutputFormat.parquet, OutputFormat.html):
        assert out_dir is not None  # checked with the other options
        if fmt is OutputFormat.html:
            return HtmlWriter(out_dir), handles
        if fmt is OutputFormat.parquet:
            return ParquetWriter(out_dir), handles
        return CsvWriter(out_dir, append=resume), handles
    out: IO[str] = sys.stdout
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)  # like --out-dir: a missing folder is made
        out = output.open("a" if resume else "w", encoding="utf-8")
        handles.append(out)
    err_out = None
    if errors is not None:
        errors.parent.mkdir(parents=True, exist_ok=True)
        err_out = errors.open("a" if resume else "w", encoding="utf-8")
        handles.append(err_out)
    if fmt is OutputFormat.json:
        return JsonArrayWriter(out, err_out), handles
    return JsonLinesWriter(out, err_out), handles


def _check_options(fmt: OutputFormat, output: Path | None, out_dir: Path | None, errors: Path | None,
                   engine: Engine, scheduler: str | None, workers: int | None, jobs: int, null: bool,
                   from_stdin: bool, max_bytes: int, resume: bool) -> None:
    """Refuse, before anything is read or written, a value out of range and an option that does not
    apply to the others given (a usage error, exit 2): nothing is silently ignored."""
    if null and not from_stdin:
        fail("--null needs --from-stdin", 2)
    if max_bytes < 1:
        fail(f"--max-bytes must be a positive number of bytes, not {max_bytes}", 2)
    if jobs < 0:
        fail(f"--jobs must be 1 or more, or 0 for one per core, not {jobs}", 2)
    if engine is Engine.local and (scheduler is not None or workers is not None):
        fail("--scheduler and --workers apply to --engine dask only", 2)
    if workers is not None and workers < 1:
        fail(f"--workers must be 1 or more, not {workers}", 2)
    if fmt in (OutputFormat.csv, OutputFormat.parquet, OutputFormat.html):
        if out_dir is None:
            fail(f"--format {fmt.value} needs --out-dir DIR", 2)
        if output is not None:
            fail(f"-o applies to --format jsonl and json; --format {fmt.value} writes into --out-dir", 2)
        if errors is not None:
            fail(f"--errors applies to --format jsonl and json; --format {fmt.value} writes error records "
                 "into --out-dir", 2)
    elif out_dir is not None:
        fail(f"--out-dir applies to --format csv, parquet and html; --format {fmt.value} writes to -o FILE or "
             "stdout", 2)
    if resume and (output is None or fmt is not OutputFormat.jsonl):
        fail("--resume needs -o FILE with --format jsonl", 2)
    if output is not None and errors is not None and _same_file(output, errors):
        fail("-o and --errors name the same file: give --errors another file, or leave it out", 2)


def _walk(sources: list[str], glob: str) -> list[Entry]:
    """Every input in walk order: files to process and, where they were met, folders or links that
    could not be walked."""
    problems: list[tuple[str, str]] = []
    entries: list[Entry] = []
    for path in iter_input_paths(sources, glob=glob, problems=problems):
        entries += problems  # met while walking to this path
        problems.clear()
        entries.append((path, None))
    return entries + problems


def _check_output_is_no_input(targets: list[Path | None], sources: list[str], entries: list[Entry],
                              glob: str) -> None:
    """An output file may not be an input, nor a file an input folder's walk would take (a later
    ``--resume`` run would read it): it would be truncated before being read."""
    import fnmatch

    inputs = {_identity(path) for path, _reason in entries}
    folders = [os.path.realpath(s) for s in sources if os.path.isdir(s)]
    for target in targets:
        if target is None:
            continue
        real = os.path.realpath(target)
        inside = any(os.path.commonpath([real, folder]) == folder for folder in folders)
        if real in inputs or (inside and fnmatch.fnmatchcase(target.name.lower(), glob.lower())):
            fail(f"{target}: the output file is one of the inputs (matches --glob {glob!r} in an input folder); "
                 "write it elsewhere", 2)


def batch_cli(
    inputs: list[str] = typer.Argument(None, help="Files or folders to read.", metavar="PATH"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Output file (default: stdout).", metavar="FILE"),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", metavar="FORMAT",
                                     help="jsonl, json (one array); csv, parquet or html (pages) in --out-dir."),
    out_dir: Path | None = typer.Option(None, "--out-dir", help="Folder for --format csv, parquet, html.",
                                        metavar="DIR"),
    engine: Engine = typer.Option(Engine.local, "--engine", metavar="ENGINE",
                                  help="local processes, or dask (pip install factx[dask])."),
    scheduler: str | None = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                         help="Dask scheduler address (default: a local cluster)."),
    workers: int | None = typer.Option(None, "--workers", metavar="N", help="Workers of the local Dask cluster "
                                       "(default 2)."),
    from_stdin: bool = typer.Option(False, "--from-stdin", help="Read input paths from stdin, one per line."),
    null: bool = typer.Option(False, "--null", "-0",
                              help="With --from-stdin: paths are separated by NUL bytes (find -print0)."),
    glob: str = typer.Option("*.txt", "--glob", metavar="PATTERN",
                             help="Files to take from folders (case-insensitive: *.txt takes A.TXT)."),
    jobs: int = typer.Option(0, "--jobs", "-j", metavar="N", help="Worker processes (default 0: one per core)."),
    resume: bool = typer.Option(False, "--resume", help="Skip sources already in the -o NDJSON file; append."),
    date: str | None = DateOption,
    model: str | None = ModelOption,
    patterns: list[Path] | None = PatternsOption,
    encoding: str | None = typer.Option(None, "--encoding", help="Force the input encoding.", metavar="NAME"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger inputs.", metavar="N"),
    errors: Path | None = typer.Option(None, "--errors", help="Write error records to this file instead.",
                                       metavar="FILE"),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first failed input."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    dollar: str = DollarOption,
    yen: str = YenOption,
    fiscal_start: int | None = FiscalOption,
) -> None:
    _check_options(fmt, output, out_dir, errors, engine, scheduler, workers, jobs, null, from_stdin, max_bytes,
                   resume)
    try:
        options = BatchOptions(checked_date(date), model, tuple(pattern_dirs(patterns)), encoding, max_bytes,
                               settings(dollar, yen, fiscal_start))
    except FactxError as err:
        fail(err)
    sources = list(inputs or [])
    if from_stdin:
        sources += _stdin_paths(null)
    if not sources:
        fail("no inputs: give files or folders, or --from-stdin", 2)
    entries = _walk(sources, glob)
    if not entries:
        fail(f"no input files matching --glob {glob!r} in {', '.join(sources)}", 2)
    _check_output_is_no_input([output, errors], sources, entries, glob)
    skipped = 0
    if resume and output is not None:
        # a source is identified by its resolved path: "./corpus/a.txt" is "corpus/a.txt"
        done = {_identity(s) for s in done_sources(output)}
        kept = [entry for entry in entries if _identity(entry[0]) not in done]
        skipped, entries = len(entries) - len(kept), kept
    started = time.perf_counter()
    handles: list[IO[str]] = []
    writer: Any = None
    counts: Counter[str] = Counter()
    try:
        writer, handles = _open_writer(fmt, output, out_dir, errors, resume)
        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                            TimeRemainingColumn(), console=err_console,
                            disable=quiet or not err_console.is_terminal)
        with progress:
            parallel = (workers or 2) if engine is Engine.dask else (jobs or default_jobs())
            counts = batch(entries, writer, options, jobs=parallel, fail_fast=fail_fast, progress=progress,
                           engine=engine.value, scheduler=scheduler)
        writer.close()
    except KeyboardInterrupt:
        err_console.print("factx: interrupted; the output holds whole records only (use --resume)", markup=False)
        raise typer.Exit(130) from None
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(1) from None
    except OSError as err:
        fail(OutputError(f"cannot write output: {err.strerror or err}"))
    except FactxError as err:
        fail(err)
    finally:
        for handle in handles:
            with contextlib.suppress(OSError):  # a full disk fails the close again; already reported
                handle.close()
    if not quiet:
        err_console.print(_summary(counts, time.perf_counter() - started, skipped))
    raise typer.Exit(1 if counts["failed"] else 0)


def _identity(source: str) -> str:
    return source if source == "-" else os.path.realpath(source)


def _same_file(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _stdin_paths(null: bool) -> list[str]:
    """Paths from stdin: one per line, or NUL-separated with ``--null`` (any byte a path may hold).
    A NUL inside a line-separated list means the list was NUL-separated: a one-line usage error."""
    data = sys.stdin.buffer.read()
    if null:
        return [os.fsdecode(p) for p in data.split(b"\0") if p]
    if b"\0" in data:
        fail("paths on stdin contain NUL bytes: use --null (-0) for `find -print0` lists", 2)
    return [line.strip() for line in os.fsdecode(data).splitlines() if line.strip()]


def _quiet_stdout() -> None:
    """After a closed pipe (``factx batch ... | head -1``) send the rest of stdout nowhere."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
