"""``factx db build|timeline|who|org|search|export``: the facts of a corpus in a SQLite database."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from .. import db
from ..api import BatchOptions
from ..dbexport import FORMATS as EXPORT_FORMATS
from ..dbrows import hit_data
from ..engines import run as run_engine
from ..errors import FactxError
from ..read import DEFAULT_MAX_BYTES, iter_input_paths, read_source
from ..serialize import to_data, to_json
from .console import err_console, fail, stdout_is_terminal, write_json_stdout
from .options import DateOption, ModelOption, PatternsOption, pattern_dirs

HELP = """The facts of a corpus in one SQLite database: people and organizations consolidated across
articles, title timelines, full-text search over sentences (see the README's Database section)."""

BUILD_HELP = """Build a database from articles (files, folders) or factx NDJSON (*.jsonl, *.ndjson,
loaded without extracting again).

One transaction per --batch-size documents: an interrupted build (exit 130) keeps whole documents, and
--resume adds the inputs not yet in the database. Exit 1 if any input failed (an error row in
`documents`), 2 on a usage error.

  factx db build corpus/ --db facts.sqlite

  factx db build facts.jsonl --db facts.sqlite --resume
"""

app = typer.Typer(add_completion=False, no_args_is_help=True, help=HELP, rich_markup_mode=None)

DbOption = typer.Option(..., "--db", help="The SQLite database file.")


def _print_json(value: Any) -> None:
    pretty = stdout_is_terminal()
    write_json_stdout(to_json(value, pretty=pretty), pretty=pretty)


def _content(source: str, options: BatchOptions) -> str | None:
    """The text of a document's source, when it is a readable file (for the sentence index)."""
    if not os.path.isfile(source):
        return None
    try:
        return read_source(source, encoding=options.encoding, max_bytes=options.max_bytes).content
    except (FactxError, OSError):
        return None


def _records(inputs: list[str], glob: str, options: BatchOptions, done: set[str],
             jobs: int) -> Iterator[dict[str, Any]]:
    """Every input's document dict, in input order: NDJSON files read, articles extracted through
    the engines (``api.process_paths``); sources in ``done`` skipped."""
    pending: list[str] = []

    def extract() -> Iterator[dict[str, Any]]:
        paths = [p for p in pending if p not in done]
        pending.clear()
        if paths:
            yield from run_engine(paths, options, jobs=jobs)

    for item in inputs:
        if os.path.isfile(item) and db.is_ndjson(item):
            yield from extract()
            for record in db.read_ndjson(item):
                if record["source"] not in done:
                    yield record
            continue
        problems: list[tuple[str, str]] = []
        pending.extend(iter_input_paths([item], glob=glob, problems=problems))
        for path, reason in problems:
            if path not in done:
                yield {"source": path, "error": {"type": "InputError", "message": f"{path}: {reason}"}}
    yield from extract()


def build_cli(
    inputs: list[str] = typer.Argument(..., help="Files, folders, or factx NDJSON files."),
    database: Path = DbOption,
    resume: bool = typer.Option(False, "--resume", help="Keep the database and add the inputs not yet in it."),
    replace: bool = typer.Option(False, "--replace", help="Delete an existing database first."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per transaction."),
    glob: str = typer.Option("*.txt", "--glob", help="Files to take from folders."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for extraction."),
    date: str | None = DateOption,
    model: str | None = ModelOption,
    patterns: list[Path] | None = PatternsOption,
    encoding: str | None = typer.Option(None, "--encoding", help="Force the input encoding."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger inputs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    if resume and replace:
        fail("--resume and --replace exclude each other", 2)
    if database.exists() and not (resume or replace):
        fail(f"{database} exists: --resume to add to it, --replace to build it again", 2)
    if replace:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    try:
        conn = db.connect(database, create=True)
    except (db.SchemaError, OSError) as err:
        fail(str(err), 2)
    except Exception as err:  # noqa: BLE001 - sqlite3.DatabaseError: not a database file
        fail(f"{database}: {err}", 2)
    options = BatchOptions(date, model, tuple(pattern_dirs(patterns)), encoding, max_bytes)
    try:
        builder = db.Builder(conn, db.NameForms.from_patterns(options.patterns))
    except FactxError as err:
        conn.close()
        fail(err)
    done = builder.done_sources()
    started = time.perf_counter()
    batch: list[tuple[dict[str, Any], str | None]] = []
    try:
        for record in _records(inputs, glob, options, done, jobs):
            if record["source"] in done:
                continue
            done.add(record["source"])
            if "error" in record:
                error = record["error"]
                reason = f"internal error in {error['stage']}: " if error.get("stage") else ""
                err_console.print(f"factx: {record['source']}: {reason}{error['message']}", markup=False,
                                  soft_wrap=True)
            batch.append((record, None if "error" in record else _content(record["source"], options)))
            if len(batch) >= batch_size:
                builder.write_batch(batch)
                batch = []
        if batch:
            builder.write_batch(batch)
    except KeyboardInterrupt:
        conn.close()
        err_console.print("factx: interrupted; the database holds whole documents only (use --resume)",
                          markup=False)
        raise typer.Exit(130) from None
    except FactxError as err:
        conn.close()
        fail(err)
    seconds = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    counts = builder.counts
    summary = {"database": str(database), "documents": counts.documents, "failed": counts.failed,
               "rows": counts.rows, "seconds": round(seconds, 3),
               "rows_per_second": round(counts.rows / seconds, 1) if seconds else None,
               "bytes": os.path.getsize(database)}
    if not quiet:
        err_console.print(" ".join(f"{k}={v}" for k, v in summary.items()), markup=False, soft_wrap=True)
    _print_json(summary)
    raise typer.Exit(1 if counts.failed else 0)


def _open(database: Path) -> db.Database:
    try:
        return db.open(database)
    except db.SchemaError as err:
        fail(str(err), 2)
    except Exception as err:  # noqa: BLE001 - sqlite3.DatabaseError: not a database file
        fail(f"{database}: {err}", 2)


def _query(database: Path, run: Callable[[db.Database], Any]) -> Any:
    """``run`` on the opened database, closed again whatever happens."""
    with _open(database) as opened:
        return run(opened)


def timeline_cli(
    person: str = typer.Argument(..., help="A person's name, alias or consolidated id."),
    database: Path = DbOption,
) -> None:
    """JSON on stdout: each (title, organization or place) the person held, with the first and last
    document date it was stated, the status changes and the sources. Exit 1 when no one has that name."""
    _answer(person, "people", _query(database, lambda opened: opened.who(person)))


def _answer(query: str, key: str, found: Sequence[Any]) -> None:
    """The query's answer as JSON on stdout; exit 1 when nothing matched."""
    _print_json({"query": query, key: to_data(found)})
    raise typer.Exit(0 if found else 1)


def who_cli(
    person: str = typer.Argument(..., help="A person's name or consolidated id."),
    database: Path = DbOption,
    table: bool = typer.Option(True, "--table/--no-table", help="A table of the titles over time on stderr."),
) -> None:
    """The person's titles over time: the timeline JSON on stdout, a table on stderr."""
    people: list[db.PersonTimeline] = _query(database, lambda opened: opened.who(person))
    if table:
        for found in people:
            view = Table(title=f"{found.name} ({found.id})")
            for column in ("title", "at", "first", "last", "status", "sources"):
                view.add_column(column)
            for entry in found.timeline:
                view.add_row(entry.title, entry.organization or entry.place or "", entry.first_date or "",
                             entry.last_date or "", " -> ".join(str(c) for c in entry.changes),
                             str(len(entry.sources)))
            err_console.print(view)
    _answer(person, "people", people)


def org_cli(
    name: str = typer.Argument(..., help="An organization's name, alias or consolidated id."),
    database: Path = DbOption,
) -> None:
    """JSON on stdout: the people holding titles at the organization, each title with its dates."""
    _answer(name, "organizations", _query(database, lambda opened: opened.organization(name)))


def search_cli(
    text: str = typer.Argument(..., help="An FTS5 query over sentences: words, \"a phrase\", OR, NEAR."),
    database: Path = DbOption,
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many sentences."),
) -> None:
    """JSON on stdout: the matching sentences with the titles, numbers and dates inside each."""
    with _open(database) as opened:
        try:
            hits = opened.search(text, limit)
        except sqlite3.OperationalError as err:  # a malformed FTS5 query
            fail(f"bad search query {text!r}: {err}", 2)
    _print_json({"query": text, "hits": [hit_data(h) for h in hits]})
    raise typer.Exit(0)


EXPORT_HELP = """Write the database's tables to files, one per table: DIR/TABLE.csv (a header row, empty
fields for NULL) or DIR/TABLE.parquet (typed columns). Every table (the full-text index's own tables
aside: its text is `sentences`), or those named by --table. The files on disk, a one-line summary on
stderr, the list of files as JSON on stdout. Exit 2 on an unknown table.

  factx db export --db facts.sqlite --format parquet --out-dir tables/

  factx db export --db facts.sqlite --format csv --table people --table titles --out-dir csv/
"""


def export_cli(
    database: Path = DbOption,
    fmt: str = typer.Option("csv", "--format", help="csv or parquet."),
    tables: list[str] | None = typer.Option(None, "--table", help="A table to export (repeat); default all."),
    out_dir: Path = typer.Option(..., "--out-dir", help="The folder for the files (made if missing)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    if fmt not in EXPORT_FORMATS:
        fail(f"--format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}", 2)
    started = time.perf_counter()
    with _open(database) as opened:
        try:
            written = opened.export(out_dir, fmt, tables)
        except KeyError as err:
            fail(str(err.args[0]), 2)
        except OSError as err:
            fail(f"{out_dir}: {err.strerror or err}", 1)
    seconds = time.perf_counter() - started
    rows = sum(w.rows for w in written)
    if not quiet:
        err_console.print(f"factx: exported {len(written)} tables, {rows} rows to {out_dir} ({fmt}) in {seconds:.1f}s",
                          markup=False, soft_wrap=True)
    _print_json({"database": str(database), "format": fmt, "out_dir": str(out_dir), "rows": rows,
                 "tables": to_data(written)})
    raise typer.Exit(0)


app.command("build", help=BUILD_HELP)(build_cli)
app.command("timeline")(timeline_cli)
app.command("who")(who_cli)
app.command("org")(org_cli)
app.command("search")(search_cli)
app.command("export", help=EXPORT_HELP)(export_cli)

__all__ = ["app"]
