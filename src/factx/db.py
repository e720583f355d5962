"""The facts of a corpus in one SQLite database: documents, people and organizations consolidated
across documents, the per-fact tables of the registry, a full-text index over sentences, and the
queries on it (a person's title timeline, an organization's people, text search).

Tables:

- ``documents``: one row per input (the ``documents`` table of ``facttypes.tables()``, plus the
  error of an input that failed);
- for each fact type with a ``merge_key`` (entities: ``people``, ``organizations``): one row per
  entity of the corpus (``id``, ``name``, ``key``, ``document_id`` first seen), its names
  (``people_names``, ``organizations_names``: every name key and alias that identifies it), and one
  table per part of its records (``person_mentions``, ``organization_mentions``, ...) with the
  document, the consolidated id and the document's own id (``local_id``);
- for every other fact type (``titles``, ``numbers``, ``dates``, and any registered later): its table
  from the registry with a ``document_id``; references (``titles.person_id``) hold consolidated ids;
- ``merges``: every document record linked to a consolidated entity, with the rule and its evidence;
- ``sentences`` and ``sentences_fts`` (FTS5): the sentences of every document whose text is readable.

Consolidation is incremental, in input order, so a rebuild of the same inputs gives the same ids,
which are derived from names (``person:dana-whitfield``), never from insertion order alone.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import facttypes
from .collect import name_key
from .facttypes import FactType, Table

SCHEMA_VERSION = 1
_SQL_TYPES = {"string": "TEXT", "int64": "INTEGER", "float64": "REAL", "bool_": "INTEGER"}
_ERROR_COLUMNS = (("error_type", "TEXT"), ("error_message", "TEXT"), ("error_stage", "TEXT"))


def q(name: str) -> str:
    """A quoted SQL identifier (``end`` is a keyword)."""
    return '"' + name.replace('"', '""') + '"'


def entity_types() -> list[FactType]:
    """Fact types consolidated across documents: the ones whose records merge by a key. Every
    other entity before ``people``, whose consolidation reads the organizations of its titles."""
    entities = [f for f in facttypes.fact_types() if f.merge_key is not None]
    return sorted(entities, key=lambda f: f.name == "people")


def record_types() -> list[FactType]:
    return [f for f in facttypes.fact_types() if f.merge_key is None]


def _table(name: str) -> Table:
    return next(t for t in facttypes.tables() if t.name == name and t.part is None)


def _names_table(fact: FactType) -> str:
    return f"{fact.name}_names"


def schema() -> list[str]:
    """The CREATE statements of the database, from the registry."""
    out = []
    doc_cols = [f"{q(n)} {_SQL_TYPES[t]}" for n, t in _table("documents").columns if n != "source"]
    out.append("CREATE TABLE documents (id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE, "
               + ", ".join(doc_cols + [f"{n} {t}" for n, t in _ERROR_COLUMNS]) + ")")
    for fact in entity_types():
        out.append(f"CREATE TABLE {q(fact.name)} (id TEXT PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL, "
                   "document_id INTEGER NOT NULL REFERENCES documents(id))")
        out.append(f"CREATE INDEX {q(fact.name + '_key')} ON {q(fact.name)}(key)")
        names = _names_table(fact)
        out.append(f"CREATE TABLE {q(names)} (entity_id TEXT NOT NULL REFERENCES {q(fact.name)}(id), "
                   "key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (key, entity_id))")
        for table in facttypes.tables():
            if table.fact is not fact or table.part is None:
                continue
            assert fact.id_column is not None
            cols = [f"{q(n)} {_SQL_TYPES[t]}" for n, t in table.columns[2:]]
            out.append(f"CREATE TABLE {q(table.name)} (document_id INTEGER NOT NULL REFERENCES documents(id), "
                       f"{q(fact.id_column)} TEXT NOT NULL REFERENCES {q(fact.name)}(id), local_id TEXT NOT NULL"
                       + "".join(f", {c}" for c in cols) + ")")
            out.append(f"CREATE INDEX {q(table.name + '_owner')} ON {q(table.name)}({q(fact.id_column)})")
    for fact in record_types():
        refs = {r.field: r.target for r in fact.references}
        cols = []
        for n, t in _table(fact.name).columns[1:]:
            ref = f" REFERENCES {q(refs[n])}(id)" if n in refs else ""
            cols.append(f"{q(n)} {_SQL_TYPES[t]}{ref}")
        out.append(f"CREATE TABLE {q(fact.name)} (id INTEGER PRIMARY KEY, "
                   "document_id INTEGER NOT NULL REFERENCES documents(id), " + ", ".join(cols) + ")")
        out.append(f"CREATE INDEX {q(fact.name + '_document')} ON {q(fact.name)}(document_id)")
        for field in refs:
            out.append(f"CREATE INDEX {q(fact.name + '_' + field)} ON {q(fact.name)}({q(field)})")
    if any(f.name == "people" for f in entity_types()):
        out.append("CREATE TABLE people_affiliations (person_id TEXT NOT NULL REFERENCES people(id), "
                   "affiliation TEXT NOT NULL, PRIMARY KEY (person_id, affiliation))")
    out.append("CREATE TABLE merges (id INTEGER PRIMARY KEY, fact TEXT NOT NULL, entity_id TEXT NOT NULL, "
               "document_id INTEGER NOT NULL REFERENCES documents(id), local_id TEXT NOT NULL, name TEXT NOT NULL, "
               "rule TEXT NOT NULL, evidence TEXT NOT NULL)")
    out.append("CREATE TABLE sentences (id INTEGER PRIMARY KEY, "
               "document_id INTEGER NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, "
               '"end" INTEGER NOT NULL, text TEXT NOT NULL)')
    out.append("CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id')")
    if any(t.name == "organization_mentions" for t in facttypes.tables()):
        out.append("CREATE VIEW org_mentions AS SELECT * FROM organization_mentions")
    return out


class SchemaError(Exception):
    """The file is not a factx database of this schema version."""


def connect(path: str | os.PathLike[str], *, create: bool = False) -> sqlite3.Connection:
    """Open (or with ``create`` make) a factx database: WAL mode, foreign keys on."""
    exists = os.path.exists(path)
    if not exists and not create:
        raise SchemaError(f"{path}: no such database (build it with `factx db build`)")
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if version == 0 and tables == 0:
        if not create:
            conn.close()
            raise SchemaError(f"{path}: an empty database (build it with `factx db build`)")
        conn.execute("BEGIN")
        for statement in schema():
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    elif version != SCHEMA_VERSION:
        conn.close()
        raise SchemaError(f"{path}: not a factx database of schema version {SCHEMA_VERSION} (user_version {version})")
    return conn


# -- sentences ------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^\s][^\n]*?(?:[.!?]+[\"'”’)\]]*(?=\s|$)|(?=\n)|$)")


def sentences(content: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a text: runs ending at ., ! or ? before a space, or at a
    line end. Offsets index ``content``."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(content) if m.group().strip()]


# -- building -------------------------------------------------------------------------------------

def _slug(key: str) -> str:
    return re.sub(r"[^\w]+", "-", key).strip("-") or "x"


@dataclass
class BuildCounts:
    documents: int = 0
    failed: int = 0
    rows: int = 0


class Builder:
    """Writes documents (JSON dicts of the output contract, or error records) into a database,
    consolidating their entities with those already in it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.counts = BuildCounts()

    def done_sources(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT source FROM documents")}

    def write_batch(self, batch: Sequence[tuple[dict[str, Any], str | None]]) -> None:
        """One transaction: every document of ``batch`` ((document dict, its text or None)) or none."""
        self.conn.execute("BEGIN")
        try:
            for document, content in batch:
                self._write(document, content)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        cols = ", ".join(q(c) for c in row)
        marks = ", ".join("?" for _ in row)
        cur = self.conn.execute(f"INSERT INTO {q(table)} ({cols}) VALUES ({marks})", list(row.values()))
        self.counts.rows += 1
        return int(cur.lastrowid or 0)

    def _write(self, document: dict[str, Any], content: str | None) -> None:
        header = {n: document.get(n) for n in _table("documents").column_names}
        error = document.get("error")
        if error is not None:
            header.update(error_type=error.get("type"), error_message=error.get("message"),
                          error_stage=error.get("stage"))
            self._insert("documents", header)
            self.counts.failed += 1
            return
        doc_id = self._insert("documents", header)
        self.counts.documents += 1
        document = _with_ids(document)
        ids: dict[str, dict[str, str]] = {}
        for fact in entity_types():
            ids[fact.name] = {}
            for record in document.get(fact.name, []):
                ids[fact.name][record["id"]] = self._entity(fact, record, document, doc_id, ids)
        for fact in record_types():
            table = _table(fact.name)
            for record in document.get(fact.name, []):
                row: dict[str, Any] = {"document_id": doc_id}
                for name in table.column_names[1:]:
                    row[name] = record.get(name)
                for ref in fact.references:
                    row[ref.field] = self._reference(ref.target, record, ref.field, doc_id, ids)
                self._insert(fact.name, row)
        if content is not None:
            for start, end in sentences(content):
                rowid = self._insert("sentences", {"document_id": doc_id, "start": start, "end": end,
                                                   "text": content[start:end]})
                self.conn.execute("INSERT INTO sentences_fts(rowid, text) VALUES (?, ?)", (rowid, content[start:end]))

    def _reference(self, target: str, record: dict[str, Any], field: str, doc_id: int,
                   ids: dict[str, dict[str, str]]) -> str | None:
        local = record.get(field)
        if local is not None and local in ids.get(target, {}):
            return ids[target][local]
        if target == "organizations" and record.get("organization"):
            # a title's organization the document does not list ("NGC director ..."): a known name
            # or alias, else a new organization
            fact = facttypes.fact_type("organizations")
            name = record["organization"]
            found = self._by_name(fact, name_key(name))
            if found is not None:
                return found
            return self._new(fact, name, doc_id, f"title:{record.get('start')}", "title-organization",
                             {"name": name_key(name)}, [])
        return None

    def _by_name(self, fact: FactType, key: str, kind: str | None = None) -> str | None:
        sql = f"SELECT entity_id FROM {q(_names_table(fact))} WHERE key = ?" + (" AND kind = ?" if kind else "")
        row = self.conn.execute(sql + " ORDER BY rowid LIMIT 1", (key, kind) if kind else (key,)).fetchone()
        return None if row is None else str(row[0])

    def _add_names(self, fact: FactType, entity: str, names: Iterable[tuple[str, str]]) -> None:
        for name, kind in names:
            self.conn.execute(f"INSERT OR IGNORE INTO {q(_names_table(fact))} (entity_id, key, name, kind) "
                              "VALUES (?, ?, ?, ?)", (entity, name_key(name), name, kind))

    def _new(self, fact: FactType, name: str, doc_id: int, local_id: str, rule: str, evidence: dict[str, Any],
             qualifiers: Sequence[str]) -> str:
        base = f"{fact.id_prefix}:{_slug(name_key(name))}"
        candidates = [base] + [f"{base}/{_slug(x)}" for x in qualifiers]
        taken = {r[0] for r in self.conn.execute(f"SELECT id FROM {q(fact.name)} WHERE id = ? OR "
                                                 "(id >= ? AND id < ?)", (base, base + "/", base + "0"))}
        entity = next((c for c in candidates if c not in taken), None)
        n = 2
        while entity is None:
            entity = f"{base}/{n}" if f"{base}/{n}" not in taken else None
            n += 1
        self._insert(fact.name, {"id": entity, "name": name, "key": name_key(name), "document_id": doc_id})
        self._add_names(fact, entity, [(name, "name")])
        self._merge(fact, entity, doc_id, local_id, name, rule, evidence)
        return entity

    def _merge(self, fact: FactType, entity: str, doc_id: int, local_id: str, name: str, rule: str,
               evidence: dict[str, Any]) -> None:
        self._insert("merges", {"fact": fact.name, "entity_id": entity, "document_id": doc_id, "local_id": local_id,
                                "name": name, "rule": rule, "evidence": json.dumps(evidence, sort_keys=True)})

    def _entity(self, fact: FactType, record: dict[str, Any], document: dict[str, Any], doc_id: int,
                ids: dict[str, dict[str, str]]) -> str:
        if fact.name == "people":
            entity = self._person(fact, record, document, doc_id, ids)
        elif fact.name == "organizations":
            entity = self._organization(fact, record, doc_id)
        else:
            entity = self._by_name(fact, name_key(record["name"])) or ""
            if entity:
                self._merge(fact, entity, doc_id, record["id"], record["name"], "same-name",
                            {"name": name_key(record["name"])})
            else:
                entity = self._new(fact, record["name"], doc_id, record["id"], "new", {}, [])
        assert fact.id_column is not None
        for table in facttypes.tables():
            if table.fact is not fact or table.part is None:
                continue
            for item in record.get(table.part.field, []):
                row: dict[str, Any] = {"document_id": doc_id, fact.id_column: entity, "local_id": record["id"]}
                if table.part.record is None:
                    row[table.part.column] = item
                else:
                    row.update({n: item.get(n) for n in table.column_names[2:]})
                self._insert(table.name, row)
        return entity

    def _organization(self, fact: FactType, record: dict[str, Any], doc_id: int) -> str:
        name, aliases = record["name"], list(record.get("aliases", []))
        key = name_key(name)
        entity = self._by_name(fact, key)
        if entity is not None:
            kind = self.conn.execute(f"SELECT kind FROM {q(_names_table(fact))} WHERE key = ? AND entity_id = ?",
                                     (key, entity)).fetchone()[0]
            rule = "same-name" if kind == "name" else "name-is-known-alias"
            self._merge(fact, entity, doc_id, record["id"], name, rule, {"name": key})
        else:
            # an alias of this document naming a known organization by its name: "NGC" seen before,
            # "Northern Grain Council (NGC)" now. Two organizations that only share an acronym stay apart.
            hit = next(((a, e) for a in aliases if (e := self._by_name(fact, name_key(a), "name")) is not None), None)
            if hit is not None:
                entity = hit[1]
                self._merge(fact, entity, doc_id, record["id"], name, "alias-names-known-organization",
                            {"name": key, "alias": name_key(hit[0])})
            else:
                entity = self._new(fact, name, doc_id, record["id"], "new", {"name": key}, [])
        self._add_names(fact, entity, [(name, "name"), *((a, "alias") for a in aliases)])
        return entity

    def _affiliations(self, person: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT affiliation FROM people_affiliations WHERE person_id = ?",
                                                (person,))}

    def _person(self, fact: FactType, record: dict[str, Any], document: dict[str, Any], doc_id: int,
                ids: dict[str, dict[str, str]]) -> str:
        """Same normalized name and no conflicting affiliation: one person. The affiliations of a
        person are the organizations and places of their titles; two namesakes whose affiliations are
        both known and disjoint are two people."""
        name, key = record["name"], name_key(record["name"])
        mine: set[str] = set()
        for title in document.get("titles", []):
            if title.get("person_id") != record["id"]:
                continue
            org = self._reference("organizations", title, "organization_id", doc_id, ids)
            if org:
                mine.add(org)
            if title.get("place"):
                mine.add(f"place:{_slug(name_key(title['place']))}")
        candidates = [r[0] for r in self.conn.execute(f"SELECT id FROM {q(fact.name)} WHERE key = ? ORDER BY rowid",
                                                      (key,))]
        theirs = {c: self._affiliations(c) for c in candidates}
        shared = [c for c in candidates if mine & theirs[c]]
        open_ = [c for c in candidates if not mine or not theirs[c]]
        evidence: dict[str, Any] = {"name": key, "affiliations": sorted(mine)}
        if shared:
            entity, rule = shared[0], "same-name-shared-affiliation"
            evidence["shared"] = sorted(mine & theirs[entity])
        elif open_:
            entity, rule = open_[0], "same-name"
            evidence["their_affiliations"] = sorted(theirs[entity])
            if len(open_) > 1:
                evidence["also_possible"] = open_[1:]
        if shared or open_:
            self._merge(fact, entity, doc_id, record["id"], name, rule, evidence)
        else:
            conflicts = {c: sorted(theirs[c]) for c in candidates}
            if conflicts:
                evidence["kept_apart_from"] = conflicts
            entity = self._new(fact, name, doc_id, record["id"], "namesake-kept-apart" if conflicts else "new",
                               evidence, sorted(a.split(":", 1)[1] for a in mine))
        for affiliation in sorted(mine):
            self.conn.execute("INSERT OR IGNORE INTO people_affiliations (person_id, affiliation) VALUES (?, ?)",
                              (entity, affiliation))
        return entity


def _with_ids(document: dict[str, Any]) -> dict[str, Any]:
    """A document of an older output (entities without ``id``, titles without ``person_id``):
    ids given in order of appearance, references found by name, as ``facttypes.document`` does."""
    out = dict(document)
    for fact in entity_types():
        records = out.get(fact.name, [])
        if any("id" not in r for r in records):
            out[fact.name] = [{**r, "id": r.get("id") or f"{fact.id_prefix}-{n}"} for n, r in enumerate(records, 1)]
    for fact in record_types():
        for ref in fact.references:
            if ref.by is None or not out.get(fact.name) or all(ref.field in r for r in out[fact.name]):
                continue
            ids = {name_key(r["name"]): r["id"] for r in out.get(ref.target, [])}
            out[fact.name] = [{**r, ref.field: r.get(ref.field, ids.get(name_key(r.get(ref.by) or "")))}
                              for r in out[fact.name]]
    return out


def read_ndjson(path: str) -> Iterator[dict[str, Any]]:
    """The documents of a factx NDJSON file; a line that is not a JSON object is an error record
    (source ``FILE:LINE``)."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("source"), str):
                    raise ValueError("not a factx document: no source")
            except ValueError as err:
                yield {"source": f"{path}:{number}",
                       "error": {"type": "InvalidRecord", "message": f"{path}:{number}: {err}"}}
                continue
            yield record


def is_ndjson(path: str) -> bool:
    return Path(path).suffix.lower() in (".jsonl", ".ndjson")


# -- queries --------------------------------------------------------------------------------------

def find(conn: sqlite3.Connection, fact: str, text: str) -> list[str]:
    """The ids of the entities named ``text`` (an id, a name or an alias)."""
    if conn.execute(f"SELECT 1 FROM {q(fact)} WHERE id = ?", (text,)).fetchone():
        return [text]
    rows = conn.execute(f"SELECT DISTINCT entity_id FROM {q(fact + '_names')} WHERE key = ? ORDER BY entity_id",
                        (name_key(text),))
    return [r[0] for r in rows]


def timeline(conn: sqlite3.Connection, person: str) -> dict[str, Any]:
    """For each person ``person`` names: each (title, organization or place) with the first and last
    document date it was stated, its statuses in document order, the status changes, effective
    dates and sources."""
    people = []
    for pid in find(conn, "people", person):
        name = conn.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()[0]
        rows = conn.execute(
            "SELECT t.title, t.canonical, t.status, t.effective_date, t.organization_id, o.name AS organization, "
            "t.place, t.text, t.start, t.\"end\", d.document_date, d.source FROM titles t "
            "JOIN documents d ON d.id = t.document_id LEFT JOIN organizations o ON o.id = t.organization_id "
            "WHERE t.person_id = ? ORDER BY d.document_date IS NULL, d.document_date, d.id, t.start", (pid,))
        entries: dict[tuple[Any, ...], dict[str, Any]] = {}
        for row in rows:
            key = (row["canonical"], row["organization_id"], row["place"])
            entry = entries.setdefault(key, {
                "title": row["canonical"], "organization_id": row["organization_id"],
                "organization": row["organization"], "place": row["place"], "first_date": row["document_date"],
                "last_date": row["document_date"], "statements": [], "changes": [], "sources": []})
            if row["document_date"] is not None:
                entry["first_date"] = entry["first_date"] or row["document_date"]
                entry["last_date"] = row["document_date"]
            entry["statements"].append({"status": row["status"], "document_date": row["document_date"],
                                        "effective_date": row["effective_date"], "source": row["source"],
                                        "text": row["text"], "start": row["start"], "end": row["end"]})
            if not entry["changes"] or entry["changes"][-1] != row["status"]:
                entry["changes"].append(row["status"])
            if row["source"] not in entry["sources"]:
                entry["sources"].append(row["source"])
        people.append({"id": pid, "name": name, "timeline": list(entries.values())})
    return {"query": person, "people": people}


def organization(conn: sqlite3.Connection, org: str) -> dict[str, Any]:
    """The people holding titles at the organizations ``org`` names, each with their titles there."""
    out = []
    for oid in find(conn, "organizations", org):
        name = conn.execute("SELECT name FROM organizations WHERE id = ?", (oid,)).fetchone()[0]
        aliases = [r[0] for r in conn.execute("SELECT name FROM organizations_names WHERE entity_id = ? AND "
                                              "kind = 'alias' ORDER BY key", (oid,))]
        roles: dict[tuple[str, str], dict[str, Any]] = {}
        for row in conn.execute(
                "SELECT t.person_id, p.name, t.canonical, t.status, d.document_date, d.source FROM titles t "
                "JOIN documents d ON d.id = t.document_id JOIN people p ON p.id = t.person_id "
                "WHERE t.organization_id = ? ORDER BY d.document_date IS NULL, d.document_date, d.id, t.start",
                (oid,)):
            role = roles.setdefault((row["person_id"], row["canonical"]), {
                "person_id": row["person_id"], "person": row["name"], "title": row["canonical"],
                "first_date": row["document_date"], "last_date": row["document_date"], "changes": [], "sources": []})
            role["first_date"] = role["first_date"] or row["document_date"]
            role["last_date"] = row["document_date"] or role["last_date"]
            if not role["changes"] or role["changes"][-1] != row["status"]:
                role["changes"].append(row["status"])
            if row["source"] not in role["sources"]:
                role["sources"].append(row["source"])
        out.append({"id": oid, "name": name, "aliases": aliases, "people": list(roles.values())})
    return {"query": org, "organizations": out}


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> dict[str, Any]:
    """Sentences matching an FTS5 query, each with the facts inside it."""
    hits = []
    for row in conn.execute(
            "SELECT s.document_id, s.start, s.\"end\", s.text, d.source, d.document_date FROM sentences_fts f "
            "JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id "
            "WHERE sentences_fts MATCH ? ORDER BY rank, s.id LIMIT ?", (text, limit)):
        facts: dict[str, list[dict[str, Any]]] = {}
        for fact in record_types():
            cols = [n for n in _table(fact.name).column_names[1:]]
            rows = conn.execute(f"SELECT {', '.join(q(c) for c in cols)} FROM {q(fact.name)} WHERE document_id = ? "
                                "AND start >= ? AND \"end\" <= ? ORDER BY start", (row[0], row[1], row[2]))
            facts[fact.name] = [dict(zip(cols, r, strict=True)) for r in rows]
        hits.append({"source": row["source"], "document_date": row["document_date"], "start": row["start"],
                     "end": row["end"], "text": row["text"], **facts})
    return {"query": text, "hits": hits}


class Database:
    """``factx.db.open(path)``: a built database and its queries."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.conn = connect(path)

    def timeline(self, person: str) -> dict[str, Any]:
        return timeline(self.conn, person)

    def organization(self, org: str) -> dict[str, Any]:
        return organization(self.conn, org)

    def search(self, text: str, limit: int = 20) -> dict[str, Any]:
        return search(self.conn, text, limit)

    def rows(self, table: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(f"SELECT * FROM {q(table)} ORDER BY rowid")]

    def close(self) -> None:
        self.conn.close()


def open(path: str | os.PathLike[str]) -> Database:  # noqa: A001 - factx.db.open, as the docs name it
    return Database(path)
