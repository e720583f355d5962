"""Output writers for batch runs: NDJSON, a JSON array, or one CSV table per fact type."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from .serialize import to_ndjson_line

FACT_TYPES = ("people", "organizations", "titles", "numbers", "dates")
CSV_COLUMNS: dict[str, list[str]] = {
    "people": ["source", "name", "mentions", "titles"],
    "organizations": ["source", "id", "name", "aliases", "mentions"],
    "titles": ["source", "title", "person", "organization", "text", "start", "end", "canonical", "status",
               "organization_id", "rule", "effective_date", "place"],
    "numbers": ["source", "text", "start", "end", "value", "unit", "kind", "qualifier", "counted", "low", "high"],
    "dates": ["source", "text", "start", "end", "value", "kind", "granularity", "modifier", "relative", "anchor"],
}
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


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


class CsvWriter(Writer):
    """One flat table per fact type (people.csv, ...) plus errors.csv, each with a ``source`` column."""

    def __init__(self, out_dir: Path, *, append: bool = False):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, csv.DictWriter[str]] = {}
        for name, columns in [*CSV_COLUMNS.items(), ("errors", ERROR_COLUMNS)]:
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
            for fact_type in FACT_TYPES:
                for item in record[fact_type]:
                    self.writers[fact_type].writerow({k: _cell(v) for k, v in {"source": source, **item}.items()})
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


PARQUET_TYPES: dict[str, dict[str, str]] = {
    "people": {"source": "string", "name": "string", "mentions": "string", "titles": "string"},
    "organizations": {"source": "string", "id": "string", "name": "string", "aliases": "string", "mentions": "string"},
    "titles": {"source": "string", "title": "string", "person": "string", "organization": "string", "text": "string",
               "start": "int64", "end": "int64", "canonical": "string", "status": "string",
               "organization_id": "string", "rule": "string", "effective_date": "string",
               "place": "string"},
    "numbers": {"source": "string", "text": "string", "start": "int64", "end": "int64", "value": "float64",
                "unit": "string", "kind": "string", "qualifier": "string", "counted": "string", "low": "float64",
                "high": "float64"},
    "dates": {"source": "string", "text": "string", "start": "int64", "end": "int64", "value": "string",
              "kind": "string", "granularity": "string", "modifier": "string", "relative": "bool_",
              "anchor": "string"},
    "errors": {"source": "string", "type": "string", "message": "string", "stage": "string"},
}


class ParquetWriter(Writer):
    """One Parquet dataset per fact type (``DIR/numbers/part-00000.parquet`` ...), typed columns, a
    ``source`` column; a new part file every ``rows_per_file`` rows, so memory stays bounded."""

    def __init__(self, out_dir: Path, rows_per_file: int = 50_000):
        import pyarrow as pa

        self.pa = pa
        self.out_dir, self.rows_per_file = out_dir, rows_per_file
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in PARQUET_TYPES}
        self.parts: dict[str, int] = {name: 0 for name in PARQUET_TYPES}
        self.schemas = {name: pa.schema([(col, getattr(pa, typ)()) for col, typ in cols.items()])
                        for name, cols in PARQUET_TYPES.items()}
        for name in PARQUET_TYPES:
            (out_dir / name).mkdir(parents=True, exist_ok=True)

    def write(self, record: dict[str, Any]) -> None:
        source = record["source"]
        if "error" in record:
            self._add("errors", {"source": source, **record["error"]})
            return
        for fact_type in FACT_TYPES:
            for item in record[fact_type]:
                self._add(fact_type, {"source": source, **item})

    def _add(self, name: str, row: dict[str, Any]) -> None:
        columns = PARQUET_TYPES[name]
        clean = {}
        for col, typ in columns.items():
            value = row.get(col)
            if isinstance(value, (list, dict)):
                value = json.dumps(value, ensure_ascii=False)
            elif typ == "float64" and value is not None:
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
        for name in PARQUET_TYPES:
            if self.rows[name] or self.parts[name] == 0:
                self._flush(name)  # an empty table keeps the schema readable
