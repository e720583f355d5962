"""``factx db export``: the tables of a factx database as files, one per table: CSV (header row,
the standard library ``csv`` module, NULL as an empty field) or Parquet (pyarrow; each column typed
from its declared SQL type). Rows are read and written in batches, so memory stays bounded
whatever the size of the database."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .dbrows import Exported

FORMATS = ("csv", "parquet")
BATCH_ROWS = 50_000
_ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64", "TEXT": "string"}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(name, declared SQL type) of a table's or view's columns, in order."""
    return [(r[1], str(r[2]).upper()) for r in conn.execute(f"PRAGMA table_info({_quoted(table)})")]


def _cursor(conn: sqlite3.Connection, table: str) -> sqlite3.Cursor:
    is_table = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0] == "table"
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples
    return cursor.execute(f"SELECT * FROM {_quoted(table)}" + (" ORDER BY rowid" if is_table else ""))


def _csv(conn: sqlite3.Connection, table: str, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([name for name, _ in columns(conn, table)])
        cursor = _cursor(conn, table)
        while rows := cursor.fetchmany(BATCH_ROWS):
            writer.writerows(["" if v is None else v for v in row] for row in rows)
            count += len(rows)
    return count


def _parquet(conn: sqlite3.Connection, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = columns(conn, table)
    schema = pa.schema([(name, getattr(pa, _ARROW_TYPES.get(sql, "string"))()) for name, sql in cols])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        cursor = _cursor(conn, table)
        while rows := cursor.fetchmany(BATCH_ROWS):
            arrays: list[Any] = []
            for i, (name, sql) in enumerate(cols):
                values = [row[i] for row in rows]
                if _ARROW_TYPES.get(sql, "string") == "string":
                    values = [None if v is None else str(v) for v in values]
                arrays.append(pa.array(values, type=schema.field(name).type))
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())  # an empty table keeps its schema readable
    return count


def export(conn: sqlite3.Connection, out_dir: Path, fmt: str, tables: Sequence[str]) -> list[Exported]:
    """Write each of ``tables`` to ``out_dir/TABLE.csv`` or ``.parquet``; what was written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    for table in tables:
        path = out_dir / f"{table}.{fmt}"
        rows = _csv(conn, table, path) if fmt == "csv" else _parquet(conn, table, path)
        done.append(Exported(table, str(path), rows))
    return done
