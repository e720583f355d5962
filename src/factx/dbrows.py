"""The typed rows of a factx database, as ``factx.db.open(path)`` returns them: frozen dataclasses
for the rows of its main tables (``Document``, ``Person``, ``Organization``, ``Title``, ``Merge``),
a frozen dataclass made from the columns for every other table, and the answers of the queries
(``PersonTimeline`` of ``TimelineEntry`` of ``Statement``; ``OrganizationRoles`` of ``Role``;
``SearchHit``). ``serialize.to_data`` (``hit_data`` for a search hit) gives the JSON the CLI prints."""

from __future__ import annotations

import json
import keyword
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, fields, make_dataclass
from typing import Any


@dataclass(frozen=True)
class Document:
    """A row of ``documents``: one input, its header, or the error that stopped it."""

    id: int
    source: str
    schema_version: str | None
    document_date: str | None
    document_date_source: str | None
    encoding: str | None
    producer_factx: str | None
    producer_model: str | None
    producer_model_version: str | None
    producer_patterns_sha256: str | None
    error_type: str | None
    error_message: str | None
    error_stage: str | None


@dataclass(frozen=True)
class Person:
    """A row of ``people``: one person of the corpus, by the name first seen."""

    id: str
    name: str
    key: str
    document_id: int


@dataclass(frozen=True)
class Organization:
    """A row of ``organizations``: one organization of the corpus, by the name first seen."""

    id: str
    name: str
    key: str
    document_id: int


@dataclass(frozen=True)
class Title:
    """A row of ``titles``: one title stated in one document; ``person_id`` and
    ``organization_id`` are consolidated ids."""

    id: int
    document_id: int
    title: str | None
    person: str | None
    person_id: str | None
    organization: str | None
    text: str | None
    start: int | None
    end: int | None
    canonical: str | None
    status: str | None
    organization_id: str | None
    rule: str | None
    sentence_start: int | None
    sentence_end: int | None
    effective_date: str | None
    place: str | None


@dataclass(frozen=True)
class Merge:
    """A row of ``merges``: one document record linked to a consolidated entity, and why."""

    id: int
    fact: str
    entity_id: str
    document_id: int
    local_id: str
    name: str
    rule: str
    evidence: str

    @property
    def evidence_data(self) -> dict[str, Any]:
        """The evidence, decoded from its JSON."""
        data: dict[str, Any] = json.loads(self.evidence)
        return data


ROW_TYPES: dict[str, type] = {"documents": Document, "people": Person, "organizations": Organization,
                              "titles": Title, "merges": Merge}

_MADE: dict[tuple[str, tuple[str, ...]], type] = {}


def row_type(table: str, columns: tuple[str, ...]) -> type:
    """The dataclass of a table's rows: one of ``ROW_TYPES``, else one made from its columns
    (``numbers`` -> ``NumbersRow``), the same class for the same columns."""
    if table in ROW_TYPES:
        return ROW_TYPES[table]
    made = _MADE.get((table, columns))
    if made is None:
        name = "".join(part.capitalize() for part in table.split("_")) + "Row"
        made = make_dataclass(name, [(c + "_" if keyword.iskeyword(c) else c, Any) for c in columns], frozen=True)
        made.__module__ = __name__
        _MADE[(table, columns)] = made
    return made


def typed(table: str, row: sqlite3.Row) -> Any:
    """One row of ``table`` as its dataclass."""
    columns = tuple(row.keys())
    cls = row_type(table, columns)
    return cls(*(row[c] for c in columns)) if table not in ROW_TYPES else cls(**{c: row[c] for c in columns})


@dataclass(frozen=True)
class Statement:
    """One document stating a title: its status then, its effective date, where it is said."""

    status: str | None
    document_date: str | None
    effective_date: str | None
    source: str
    text: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class TimelineEntry:
    """One (title, organization or place) of a person: the first and last document date it was
    stated, its statements in document order, its status changes and its sources."""

    title: str | None
    organization_id: str | None
    organization: str | None
    place: str | None
    first_date: str | None
    last_date: str | None
    statements: tuple[Statement, ...]
    changes: tuple[str | None, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PersonTimeline:
    """A consolidated person and their titles over time."""

    id: str
    name: str
    timeline: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class Role:
    """One person's title at an organization over time."""

    person_id: str
    person: str
    title: str | None
    first_date: str | None
    last_date: str | None
    changes: tuple[str | None, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class OrganizationRoles:
    """A consolidated organization, its aliases and the people holding titles there."""

    id: str
    name: str
    aliases: tuple[str, ...]
    people: tuple[Role, ...]


@dataclass(frozen=True)
class SearchHit:
    """A sentence matching a text search, with the facts inside it: ``facts["titles"]`` (``Title``
    rows), ``facts["numbers"]``, ... one entry per fact type of the registry."""

    source: str
    document_date: str | None
    start: int
    end: int
    text: str
    facts: Mapping[str, tuple[Any, ...]]


def hit_data(hit: SearchHit) -> dict[str, Any]:
    """The JSON of a search hit: the sentence, then one list per fact type of its facts' record
    columns (the database's own ``id`` and ``document_id`` left out)."""
    out: dict[str, Any] = {"source": hit.source, "document_date": hit.document_date, "start": hit.start,
                           "end": hit.end, "text": hit.text}
    for name, rows in hit.facts.items():
        out[name] = [{f.name: getattr(r, f.name) for f in fields(r) if f.name not in ("id", "document_id")}
                     for r in rows]
    return out


@dataclass(frozen=True)
class Exported:
    """One table written by ``export``: the file and its number of rows."""

    table: str
    path: str
    rows: int
