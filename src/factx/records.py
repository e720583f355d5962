"""Typed fact records; offsets index the decoded input exactly as read.

Records are frozen: a step that changes a fact (remapping offsets, merging pieces) makes a new one.
A field whose metadata holds ``omit_if_none`` is left out of the JSON when all the fields it names
are None (``serialize.to_data``); every other field is always written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .serialize import to_data

SCHEMA_VERSION = "1"


def _omit_if_none(*names: str) -> Any:
    """A field with default None, left out of the JSON when the fields ``names`` are all None."""
    return field(default=None, metadata={"omit_if_none": names})


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TitleRef:
    title: str | None  # None: the text ties the person to the organization without naming a role
    organization: str | None
    place: str | None = _omit_if_none("place")


@dataclass(frozen=True)
class PersonFact:
    id: str  # "person-1", ... unique within a document, in order of appearance
    name: str
    mentions: tuple[Mention, ...] = ()
    titles: tuple[TitleRef, ...] = ()


@dataclass(frozen=True)
class OrganizationFact:
    id: str  # "org-1", ... unique within a document, in order of appearance
    name: str
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleFact:
    title: str
    person: str
    person_id: str | None  # the id of ``person`` among the document's people
    organization: str | None
    text: str
    start: int
    end: int
    canonical: str
    status: str
    organization_id: str | None
    rule: str
    sentence_start: int
    sentence_end: int
    effective_date: str | None = None  # when an incoming role starts ("will become CFO on April 1")
    place: str | None = None  # where a place-bound title is held ("Mayor of Port Elland"): never its organization


@dataclass(frozen=True)
class NumberFact:
    text: str
    start: int
    end: int
    value: float | int | None
    unit: str | None
    kind: str
    qualifier: str | None
    counted: str | None
    low: float | int | None = _omit_if_none("low", "high")
    high: float | int | None = _omit_if_none("low", "high")


@dataclass(frozen=True)
class DateFact:
    text: str
    start: int
    end: int
    value: str | None
    kind: str
    granularity: str | None
    modifier: str | None
    relative: bool
    anchor: str | None
    calendar: str | None = _omit_if_none("calendar")  # calendar months of a fiscal period, with --fiscal-year-start


@dataclass(frozen=True, kw_only=True)
class Producer:
    """What made a document's facts: factx's version, the spaCy model and its version, and the
    SHA-256 of the pattern files the pipeline loaded (built-in and extra, in load order)."""

    factx: str
    model: str
    model_version: str
    patterns_sha256: str


@dataclass(frozen=True, kw_only=True)
class Document:
    """One input's facts. ``facts`` maps each fact type's name to its records, in the order of the
    registry (``facttypes.fact_types()``); ``document.people`` is ``document.facts["people"]``."""

    schema_version: str = SCHEMA_VERSION
    source: str
    document_date: str | None
    document_date_source: str
    encoding: str | None = None
    producer: Producer | None = _omit_if_none("producer")  # left out of the JSON when None
    facts: dict[str, tuple[Any, ...]] = field(default_factory=dict, metadata={"flatten": True})

    def __getattr__(self, name: str) -> tuple[Any, ...]:
        facts = self.__dict__.get("facts")
        if facts is not None and name in facts:
            return facts[name]  # type: ignore[no-any-return]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, in its documented key order."""
        data: dict[str, Any] = to_data(self)
        return data
