"""Output writers for batch runs: NDJSON, a JSON array, tables (CSV files, Parquet datasets), or
HTML review pages.

The tables are derived from the records (``facttypes.tables()``): ``documents`` (one row per
document), one per fact type (one row per record) and one per list inside a record
(``person_mentions``, ``person_titles``, ``organization_mentions``, ``organization_aliases``: one row
per item, with the owner's ``person_id`` / ``organization_id``), plus ``errors``. Every table has a
``source`` column; ``source`` + ``person_id`` joins a title to its person. Every cell is a scalar.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from .errors import FactxError
from .facttypes import fact_types, offset_items, table_rows, tables
from .read import decode, read_bytes
from .serialize import to_ndjson_line

FACT_TYPES = tuple(fact.name for fact in fact_types())  # the built-in fact types (the batch summary)
ERROR_COLUMNS = ["source", "type", "message", "stage"]


class Writer:
    """Writes results; ``errors`` (optional) receives error records instead of the main output."""

    def write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class JsonLinesWriter(Writer):
    def __init__(self, out: IO[str], errors: IO[str] | None = None):
        self.out, self.errors = out, errors

    def write(self, record: dict[str, Any]) -> None:
        target = self.errors if "error" in record and self.errors is not None else self.out
        target.write(to_ndjson_line(record))  # one whole line per write, flushed: a crash never splits one
        target.flush()


class JsonArrayWriter(Writer):
    def __init__(self, out: IO[str], errors: IO[str] | None = None):
        self.out, self.errors, self.first = out, errors, True
        self.out.write("[")

    def write(self, record: dict[str, Any]) -> None:
        if "error" in record and self.errors is not None:
            self.errors.write(to_ndjson_line(record))
            return
        self.out.write(("\n" if self.first else ",\n") + json.dumps(record, ensure_ascii=False))
        self.first = False
        self.out.flush()

    def close(self) -> None:
        self.out.write("\n]\n")
        self.out.flush()


def _table_columns() -> dict[str, list[str]]:
    """Every table's columns, ``errors`` last."""
    return {**{table.name: table.column_names for table in tables()}, "errors": ERROR_COLUMNS}


def _cell(value: Any) -> Any:
    return "" if value is None else value


class CsvWriter(Writer):
    """One CSV file per table (documents.csv, people.csv, person_mentions.csv, ...) plus errors.csv."""

    def __init__(self, out_dir: Path, *, append: bool = False):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, csv.DictWriter[str]] = {}
        for name, columns in _table_columns().items():
            path = out_dir / f"{name}.csv"
            fresh = not (append and path.exists())
            handle = path.open("a" if not fresh else "w", encoding="utf-8", newline="")
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            if fresh:
                writer.writeheader()
            self.files[name], self.writers[name] = handle, writer

    def write(self, record: dict[str, Any]) -> None:
        source = record["source"]
        if "error" in record:
            self.writers["errors"].writerow({"source": source, **record["error"]})
        else:
            for name, row in table_rows(record):
                self.writers[name].writerow({k: _cell(v) for k, v in row.items()})
        for handle in self.files.values():
            handle.flush()

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()


def done_sources(path: Path) -> set[str]:
    """Sources already in an NDJSON output; a torn last line (a crash mid-write) is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep != len(data):
        with path.open("r+b") as handle:
            handle.truncate(keep)
    sources = set()
    for line in data[:keep].decode("utf-8", errors="replace").splitlines():
        try:
            sources.add(json.loads(line)["source"])
        except (ValueError, KeyError, TypeError):
            continue
    return sources


def parquet_types() -> dict[str, dict[str, str]]:
    """Every table's columns with their Parquet types, ``errors`` last."""
    return {**{table.name: dict(table.columns) for table in tables()},
            "errors": {column: "string" for column in ERROR_COLUMNS}}


class ParquetWriter(Writer):
    """One Parquet dataset per table (``DIR/numbers/part-00000.parquet`` ...), typed columns, a
    ``source`` column; a new part file every ``rows_per_file`` rows, so memory stays bounded."""

    def __init__(self, out_dir: Path, rows_per_file: int = 50_000):
        import pyarrow as pa

        self.pa = pa
        self.out_dir, self.rows_per_file = out_dir, rows_per_file
        self.types = parquet_types()
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in self.types}
        self.parts: dict[str, int] = {name: 0 for name in self.types}
        self.schemas = {name: pa.schema([(col, getattr(pa, typ)()) for col, typ in cols.items()])
                        for name, cols in self.types.items()}
        for name in self.types:
            (out_dir / name).mkdir(parents=True, exist_ok=True)

    def write(self, record: dict[str, Any]) -> None:
        source = record["source"]
        if "error" in record:
            self._add("errors", {"source": source, **record["error"]})
            return
        for name, row in table_rows(record):
            self._add(name, row)

    def _add(self, name: str, row: dict[str, Any]) -> None:
        clean = {}
        for col, typ in self.types[name].items():
            value = row.get(col)
            if typ == "float64" and value is not None:
                value = float(value)
            clean[col] = value
        self.rows[name].append(clean)
        if len(self.rows[name]) >= self.rows_per_file:
            self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow.parquet as pq

        table = self.pa.Table.from_pylist(self.rows[name], schema=self.schemas[name])
        pq.write_table(table, self.out_dir / name / f"part-{self.parts[name]:05d}.parquet")
        self.parts[name] += 1
        self.rows[name] = []

    def close(self) -> None:
        for name in self.types:
            if self.rows[name] or self.parts[name] == 0:
                self._flush(name)  # an empty table keeps the schema readable


class HtmlWriter(Writer):
    """One self-contained review page per document (``review.html_page``) and an ``index.html``
    listing every input with its counts, or its error record. A page is drawn from the document
    record and the source text read again as the record's ``encoding`` says; a source that cannot be
    read again, or no longer matches the record's offsets, gets a line in the index instead."""

    def __init__(self, out_dir: Path):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.entries: list[tuple[str | None, dict[str, Any]]] = []
        self.taken: set[str] = set()

    def write(self, record: dict[str, Any]) -> None:
        from .review import html_page, page_name

        if "error" in record:
            self.entries.append((None, record))
            return
        source = record["source"]
        try:
            content = decode(read_bytes(source), source, encoding=record.get("encoding") or None).content
        except (FactxError, OSError) as err:
            self.entries.append((None, {"source": source, "error": {"type": "OutputError",
                                                                    "message": f"no page: {err}"}}))
            return
        if any(content[item["start"]:item["end"]] != item["text"] for item in offset_items(record)):
            self.entries.append((None, {"source": source, "error": {
                "type": "OutputError", "message": "no page: the file changed since it was read"}}))
            return
        name = page_name(source, self.taken)
        (self.out_dir / name).write_text(html_page(content, record), encoding="utf-8")
        self.entries.append((name, record))

    def close(self) -> None:
        from .review import html_index

        (self.out_dir / "index.html").write_text(html_index(self.entries), encoding="utf-8")
