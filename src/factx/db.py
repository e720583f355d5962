"""The facts of a corpus in one SQLite database: documents, people and organizations consolidated
across documents, the per-fact tables of the registry, a full-text index over sentences, and the
queries on it (a person's title timeline, an organization's people, text search).

Tables:

- ``documents``: one row per input (the ``documents`` table of ``facttypes.tables()``, plus the
  error of an input that failed);
- for each fact type with a ``merge_key`` (entities: ``people``, ``organizations``): one row per
  entity of the corpus (``id``, ``name``, ``key``, ``document_id`` first seen), its names
  (``people_names``, ``organizations_names``: every name key, alias and proven variant that
  identifies it), and one
  table per part of its records (``person_mentions``, ``organization_mentions``, ...) with the
  document, the consolidated id and the document's own id (``local_id``);
- for every other fact type (``titles``, ``numbers``, ``dates``, and any registered later): its table
  from the registry with a ``document_id``; references (``titles.person_id``) hold consolidated ids;
- ``merges``: every document record linked to a consolidated entity, with the rule and its evidence;
- ``sentences`` and ``sentences_fts`` (FTS5): the sentences of every document whose text is readable.

Consolidation is incremental, in input order, so a rebuild of the same inputs gives the same ids,
which are derived from names (``person:dana-whitfield``), never from insertion order alone (people:
``Builder._person``). The queries return the typed rows of ``dbrows``; ``dbexport`` writes the tables
to files.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import facttypes
from .collect import name_key, title_key
from .dbrows import (
    Document,
    Exported,
    Merge,
    Organization,
    OrganizationRoles,
    Person,
    PersonTimeline,
    Role,
    SearchHit,
    Statement,
    TimelineEntry,
    Title,
    typed,
)
from .facttypes import FactType, Table
from .patterns import load_patterns

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

    def __init__(self, conn: sqlite3.Connection, forms: NameForms | None = None) -> None:
        self.conn = conn
        self.counts = BuildCounts()
        self.forms = forms or NameForms.from_patterns()
        self.statements: dict[tuple[str, ...], str] = {}  # INSERT statements by table and columns

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
            # an interrupt may come before BEGIN took effect or after COMMIT did: roll back only what is open
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        shape = (table, *row)
        sql = self.statements.get(shape)
        if sql is None:
            cols = ", ".join(q(c) for c in row)
            sql = self.statements[shape] = f"INSERT INTO {q(table)} ({cols}) VALUES ({', '.join('?' for _ in row)})"
        cur = self.conn.execute(sql, list(row.values()))
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
            if fact.name == "people":
                self._people(fact, document, doc_id, ids)
                continue
            for record in document.get(fact.name, []):
                entity = self._entity(fact, record, doc_id)
                ids[fact.name][record["id"]] = entity
                self._parts(fact, record, doc_id, entity)
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

    def _entity(self, fact: FactType, record: dict[str, Any], doc_id: int) -> str:
        if fact.name == "organizations":
            return self._organization(fact, record, doc_id)
        entity = self._by_name(fact, name_key(record["name"]))
        if entity is not None:
            self._merge(fact, entity, doc_id, record["id"], record["name"], "same-name",
                        {"name": name_key(record["name"])})
            return entity
        return self._new(fact, record["name"], doc_id, record["id"], "new", {}, [])

    def _parts(self, fact: FactType, record: dict[str, Any], doc_id: int, entity: str) -> None:
        """The rows of the part tables of one document record (mentions, aliases, ...)."""
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

    def _people(self, fact: FactType, document: dict[str, Any], doc_id: int, ids: dict[str, dict[str, str]]) -> None:
        """The people of one document, consolidated with the database's. The document's records
        that are forms of one name (``Kunlin Xu`` and ``Xu Kunlin``, ``Governor Xu Kunlin`` and
        ``Xu Kunlin``) with no conflicting affiliation are one person: the text uses both forms."""
        cache: dict[str, set[str]] = {}

        def affiliations(record: dict[str, Any]) -> set[str]:
            if record["id"] not in cache:
                cache[record["id"]] = self._document_affiliations(record["id"], document, doc_id, ids)
            return cache[record["id"]]

        groups: list[list[dict[str, Any]]] = []
        by_tokens: dict[str, list[dict[str, Any]]] = {}
        for record in document.get(fact.name, []):
            tokens = _token_set(self.forms.bare(name_key(record["name"])))
            group = by_tokens.get(tokens) if tokens else None
            if group is not None and not _conflict(set().union(*map(affiliations, group)), affiliations(record)):
                group.append(record)
                continue
            groups.append([record])
            if tokens:
                by_tokens[tokens] = groups[-1]
        for group in groups:
            mine = set().union(*map(affiliations, group))
            entity, decider = self._person(fact, group, mine, doc_id)
            for record in group:
                if record is not decider:
                    self._merge(fact, entity, doc_id, record["id"], record["name"], "variant-in-same-document",
                                {"name": name_key(record["name"]), "same_document_as": name_key(decider["name"])})
                ids[fact.name][record["id"]] = entity
                self._parts(fact, record, doc_id, entity)
            self._add_names(fact, entity, _variant_names(group, self.forms, entity_key=self._key(fact, entity)))
            for affiliation in sorted(mine):
                self.conn.execute("INSERT OR IGNORE INTO people_affiliations (person_id, affiliation) VALUES (?, ?)",
                                  (entity, affiliation))

    def _document_affiliations(self, local_id: str, document: dict[str, Any], doc_id: int,
                               ids: dict[str, dict[str, str]]) -> set[str]:
        """The organizations and places of the titles a document gives one of its people."""
        mine: set[str] = set()
        for title in document.get("titles", []):
            if title.get("person_id") != local_id:
                continue
            org = self._reference("organizations", title, "organization_id", doc_id, ids)
            if org:
                mine.add(org)
            if title.get("place"):
                mine.add(f"place:{_slug(name_key(title['place']))}")
        return mine

    def _key(self, fact: FactType, entity: str) -> str:
        return str(self.conn.execute(f"SELECT key FROM {q(fact.name)} WHERE id = ?", (entity,)).fetchone()[0])

    def _named(self, fact: FactType, keys: Sequence[str]) -> list[str]:
        """The entities known by any of ``keys`` (a name or a variant), first seen first."""
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        rows = self.conn.execute(f"SELECT DISTINCT e.id FROM {q(_names_table(fact))} n JOIN {q(fact.name)} e "
                                 f"ON e.id = n.entity_id WHERE n.key IN ({marks}) ORDER BY e.rowid", list(keys))
        return [r[0] for r in rows]

    def _person(self, fact: FactType, group: list[dict[str, Any]], mine: set[str],
                doc_id: int) -> tuple[str, dict[str, Any]]:
        """The consolidated person of a document's records ``group`` (one name, or forms of it),
        and the record whose name decided it. The steps, the first that finds someone wins:

        1. the same name (or a variant proven before): one person unless both sides' affiliations
           (organizations and places of their titles) are known and disjoint;
        2. the name without leading title words ("Governor Xu Kunlin" -> "Xu Kunlin", two words at
           least left), on the same terms;
        3. the same words in another order ("Kunlin Xu" / "Xu Kunlin", two to four words): one
           person only when they share an affiliation; without that evidence they stay apart
           (``reordered-name-unproven``, the names not merged with as evidence).

        Namesakes whose affiliations conflict are two people: ``namesake-kept-apart``, the new one
        with an id qualified by its organization. A variant that decided is a name of the person
        from then on (``people_names`` kind ``variant``)."""
        conflicts: dict[str, list[str]] = {}
        keys = [name_key(r["name"]) for r in group]
        for step, rule in (("name", "same-name"), ("bare", "title-prefix")):
            for record, key in zip(group, keys, strict=True):
                looked = key if step == "name" else self.forms.bare(key)
                if step == "bare" and looked == key:
                    continue
                candidates = self._named(fact, [looked])
                theirs = {c: self._affiliations(c) for c in candidates}
                evidence: dict[str, Any] = {"name": key}
                if step == "bare":
                    evidence["without_title"] = looked
                evidence["affiliations"] = sorted(mine)
                shared = [c for c in candidates if mine & theirs[c]]
                open_ = [c for c in candidates if not mine or not theirs[c]]
                if shared:
                    entity = shared[0]
                    evidence["shared"] = sorted(mine & theirs[entity])
                    rule += "-shared-affiliation"
                elif open_:
                    entity = open_[0]
                    evidence["their_affiliations"] = sorted(theirs[entity])
                    if len(open_) > 1:
                        evidence["also_possible"] = open_[1:]
                else:
                    conflicts.update((c, sorted(theirs[c])) for c in candidates)
                    continue
                if self._key(fact, entity) != looked:
                    evidence["variant_of"] = self._key(fact, entity)
                self._merge(fact, entity, doc_id, record["id"], record["name"], rule, evidence)
                return entity, record
        unproven: dict[str, list[str]] = {}
        for record, key in zip(group, keys, strict=True):
            candidates = self._named(fact, _reorderings(self.forms.bare(key), exclude=keys))
            theirs = {c: self._affiliations(c) for c in candidates}
            shared = [c for c in candidates if mine & theirs[c]]
            if shared:
                entity = shared[0]
                self._merge(fact, entity, doc_id, record["id"], record["name"], "reordered-name-shared-affiliation",
                            {"name": key, "reordered_from": self._key(fact, entity), "affiliations": sorted(mine),
                             "shared": sorted(mine & theirs[entity])})
                return entity, record
            unproven.update((c, sorted(theirs[c])) for c in candidates)
        head = group[0]
        evidence = {"name": keys[0], "affiliations": sorted(mine)}
        if unproven:
            evidence["not_merged_with"] = unproven
        if conflicts:
            evidence["kept_apart_from"] = conflicts
            return self._new(fact, head["name"], doc_id, head["id"], "namesake-kept-apart", evidence,
                             sorted(a.split(":", 1)[1] for a in mine)), head
        return self._new(fact, head["name"], doc_id, head["id"], "reordered-name-unproven" if unproven else "new",
                         evidence, []), head


_MAX_REORDERED = 4  # words: the names whose other orders are looked up (4! = 24 keys at most)


def _token_set(key: str) -> str | None:
    """The words of a name of two words or more, in sorted order: equal for "kunlin xu" and "xu kunlin"."""
    words = key.split()
    return " ".join(sorted(words)) if len(words) >= 2 else None


def _reorderings(key: str, exclude: Sequence[str] = ()) -> list[str]:
    """The other orders of a name's words ("xu kunlin" -> ["kunlin xu"]), for names of two to
    ``_MAX_REORDERED`` words."""
    words = key.split()
    if not 2 <= len(words) <= _MAX_REORDERED:
        return []
    found = {" ".join(p) for p in itertools.permutations(words)} - {key, *exclude}
    return sorted(found)


def _conflict(mine: set[str], theirs: set[str]) -> bool:
    return bool(mine and theirs and not mine & theirs)


def _variant_names(group: list[dict[str, Any]], forms: NameForms, entity_key: str) -> list[tuple[str, str]]:
    """The names a person gets from one document besides its own ``name`` row: each record's name
    (``variant``) and that name without its leading title words (``without-title``)."""
    out = []
    for record in group:
        bare = forms.bare_name(record["name"])
        if name_key(record["name"]) != entity_key:
            out.append((record["name"], "variant"))
        if name_key(bare) not in (entity_key, name_key(record["name"])):
            out.append((bare, "without-title"))
    return out


class NameForms:
    """Leading title words of a person's name: titles, their modifiers and honorifics of the
    pattern lexicon ("governor", "vice", "datuk seri"). ``bare`` leaves two words at least."""

    def __init__(self, words: Iterable[str]) -> None:
        self.phrases = {tuple(w.split()) for w in words if w.strip()}
        self.longest = max(map(len, self.phrases), default=0)
        self.cuts: dict[tuple[str, ...], int] = {}

    @classmethod
    def from_patterns(cls, pattern_dirs: Sequence[str | os.PathLike[str]] = ()) -> NameForms:
        patterns = load_patterns([str(d) for d in pattern_dirs])
        return cls([*patterns.words("TITLE"), *patterns.words("TITLE_MODIFIER"), *patterns.words("HONORIFIC")])

    def _cut(self, words: list[str]) -> int:
        """How many leading words are title words (longest phrases first)."""
        lowered = tuple(w.lower() for w in words)
        if lowered not in self.cuts:
            cut = 0
            while True:
                step = next((n for n in range(min(self.longest, len(lowered) - cut - 2), 0, -1)
                             if lowered[cut:cut + n] in self.phrases), 0)
                if not step:
                    break
                cut += step
            if len(self.cuts) < 100_000:  # a bounded memo: names repeat across a corpus
                self.cuts[lowered] = cut
            return cut
        return self.cuts[lowered]

    def bare(self, key: str) -> str:
        words = key.split()
        return " ".join(words[self._cut(words):])

    def bare_name(self, name: str) -> str:
        words = name.split()
        return " ".join(words[self._cut(words):])


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
    """The ids of the entities named ``text`` (an id, a name, an alias or a variant)."""
    if conn.execute(f"SELECT 1 FROM {q(fact)} WHERE id = ?", (text,)).fetchone():
        return [text]
    rows = conn.execute(f"SELECT DISTINCT entity_id FROM {q(fact + '_names')} WHERE key = ? ORDER BY entity_id",
                        (name_key(text),))
    return [r[0] for r in rows]


def timeline(conn: sqlite3.Connection, person: str) -> list[PersonTimeline]:
    """For each person ``person`` names: each (title, organization or place) with the first and last
    document date it was stated, its statements in document order, the status changes, effective
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
            # the title as written, case folded ("deputy general manager" is not its canonical "general manager")
            key = (title_key(row["title"] or row["canonical"]), row["organization_id"], row["place"])
            entry = entries.setdefault(key, {
                "title": row["title"] or row["canonical"], "organization_id": row["organization_id"],
                "organization": row["organization"], "place": row["place"], "first_date": row["document_date"],
                "last_date": row["document_date"], "statements": [], "changes": [], "sources": []})
            if row["document_date"] is not None:
                entry["first_date"] = entry["first_date"] or row["document_date"]
                entry["last_date"] = row["document_date"]
            entry["statements"].append(Statement(row["status"], row["document_date"], row["effective_date"],
                                                 row["source"], row["text"], row["start"], row["end"]))
            if not entry["changes"] or entry["changes"][-1] != row["status"]:
                entry["changes"].append(row["status"])
            if row["source"] not in entry["sources"]:
                entry["sources"].append(row["source"])
        people.append(PersonTimeline(pid, name, tuple(_frozen(TimelineEntry, e) for e in entries.values())))
    return people


def _frozen(cls: Any, values: dict[str, Any]) -> Any:
    """A result dataclass from the dict it was gathered in (lists become tuples)."""
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def organization(conn: sqlite3.Connection, org: str) -> list[OrganizationRoles]:
    """The people holding titles at the organizations ``org`` names, each with their titles there."""
    out = []
    for oid in find(conn, "organizations", org):
        name = conn.execute("SELECT name FROM organizations WHERE id = ?", (oid,)).fetchone()[0]
        aliases = tuple(r[0] for r in conn.execute("SELECT name FROM organizations_names WHERE entity_id = ? AND "
                                                   "kind = 'alias' ORDER BY key", (oid,)))
        roles: dict[tuple[str, str], dict[str, Any]] = {}
        for row in conn.execute(
                "SELECT t.person_id, p.name, t.title, t.canonical, t.status, d.document_date, d.source FROM titles t "
                "JOIN documents d ON d.id = t.document_id JOIN people p ON p.id = t.person_id "
                "WHERE t.organization_id = ? ORDER BY d.document_date IS NULL, d.document_date, d.id, t.start",
                (oid,)):
            role = roles.setdefault((row["person_id"], title_key(row["title"] or row["canonical"])), {
                "person_id": row["person_id"], "person": row["name"], "title": row["title"] or row["canonical"],
                "first_date": row["document_date"], "last_date": row["document_date"], "changes": [], "sources": []})
            role["first_date"] = role["first_date"] or row["document_date"]
            role["last_date"] = row["document_date"] or role["last_date"]
            if not role["changes"] or role["changes"][-1] != row["status"]:
                role["changes"].append(row["status"])
            if row["source"] not in role["sources"]:
                role["sources"].append(row["source"])
        out.append(OrganizationRoles(oid, name, aliases, tuple(_frozen(Role, r) for r in roles.values())))
    return out


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[SearchHit]:
    """Sentences matching an FTS5 query, each with the facts inside it (raises
    ``sqlite3.OperationalError`` on a malformed query)."""
    hits = []
    for row in conn.execute(
            "SELECT s.document_id, s.start, s.\"end\", s.text, d.source, d.document_date FROM sentences_fts f "
            "JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id "
            "WHERE sentences_fts MATCH ? ORDER BY rank, s.id LIMIT ?", (text, limit)).fetchall():
        facts: dict[str, tuple[Any, ...]] = {}
        for fact in record_types():
            found = conn.execute(f"SELECT * FROM {q(fact.name)} WHERE document_id = ? AND start >= ? "
                                 "AND \"end\" <= ? ORDER BY start", (row[0], row[1], row[2]))
            facts[fact.name] = tuple(typed(fact.name, r) for r in found)
        hits.append(SearchHit(row["source"], row["document_date"], row["start"], row["end"], row["text"], facts))
    return hits


def table_names(conn: sqlite3.Connection, *, views: bool = False) -> list[str]:
    """The tables of the database in schema order (the full-text index's own tables left out; its
    text is the ``sentences`` table), and with ``views`` the views too."""
    kinds = ("table", "view") if views else ("table",)
    rows = conn.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sentences_fts%' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    return [r[0] for r in rows if r[1] in kinds]


def iter_rows(conn: sqlite3.Connection, table: str) -> Iterator[Any]:
    """The rows of one table (or view) as typed rows (``dbrows.row_type``), in insertion order,
    read as they are consumed."""
    if table not in table_names(conn, views=True):
        raise KeyError(f"no table {table!r} in the database")
    order = " ORDER BY rowid" if table in table_names(conn) else ""
    for row in conn.execute(f"SELECT * FROM {q(table)}{order}"):
        yield typed(table, row)


class Database:
    """``factx.db.open(path)``: a built database, its queries and its tables as typed rows. Also a
    context manager (``with factx.db.open(path) as database:``), closed on leaving."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.conn = connect(path)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def who(self, person: str) -> list[PersonTimeline]:
        """The people ``person`` names (a name, a variant or an id), each with their title timeline."""
        return timeline(self.conn, person)

    timeline = who

    def organization(self, org: str) -> list[OrganizationRoles]:
        """The organizations ``org`` names (a name, an alias or an id), each with its people's roles."""
        return organization(self.conn, org)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Sentences matching an FTS5 query, with their facts."""
        return search(self.conn, text, limit)

    def tables(self) -> list[str]:
        return table_names(self.conn)

    def rows(self, table: str) -> Iterator[Any]:
        """The rows of ``table`` as typed rows: ``Document``, ``Person``, ``Organization``, ``Title``,
        ``Merge`` for those tables, a dataclass made from the columns for the others."""
        return iter_rows(self.conn, table)

    def documents(self) -> Iterator[Document]:
        return iter_rows(self.conn, "documents")

    def people(self) -> Iterator[Person]:
        return iter_rows(self.conn, "people")

    def organizations(self) -> Iterator[Organization]:
        return iter_rows(self.conn, "organizations")

    def titles(self) -> Iterator[Title]:
        return iter_rows(self.conn, "titles")

    def merges(self) -> Iterator[Merge]:
        return iter_rows(self.conn, "merges")

    def export(self, out_dir: str | os.PathLike[str], fmt: str = "csv",
               tables: Sequence[str] | None = None) -> list[Exported]:
        """One file per table in ``out_dir`` (``T.csv`` with a header, or ``T.parquet`` with typed
        columns): every table, or those of ``tables`` (views too); ``KeyError`` for an unknown name."""
        from .dbexport import export

        known = table_names(self.conn, views=True)
        unknown = [t for t in tables or () if t not in known]
        if unknown:
            raise KeyError(f"no table {unknown[0]!r} in the database (tables: {', '.join(table_names(self.conn))})")
        return export(self.conn, Path(out_dir), fmt, list(tables) if tables else table_names(self.conn))

    def close(self) -> None:
        self.conn.close()


def open(path: str | os.PathLike[str]) -> Database:  # noqa: A001 - factx.db.open, as the docs name it
    """A built database (``SchemaError`` when ``path`` is not one)."""
    return Database(path)
