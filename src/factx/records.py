"""Typed fact records; offsets index the decoded input exactly as read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TitleRef:
    title: str
    organization: str | None
    place: str | None = None


@dataclass
class PersonFact:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    titles: list[TitleRef] = field(default_factory=list)


@dataclass
class OrganizationFact:
    id: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TitleFact:
    title: str
    person: str
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
    low: float | int | None = None
    high: float | int | None = None


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
    calendar: str | None = None  # calendar months of a fiscal period, with --fiscal-year-start


@dataclass
class Document:
    source: str
    document_date: str | None
    document_date_source: str
    people: list[PersonFact]
    organizations: list[OrganizationFact]
    titles: list[TitleFact]
    numbers: list[NumberFact]
    dates: list[DateFact]
    encoding: str | None = None
    schema_version: str = SCHEMA_VERSION
    producer: dict[str, str] | None = None  # factx, model, model_version, patterns_sha256

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, in its documented key order."""
        numbers = []
        for number in self.numbers:
            item = asdict(number)
            if number.low is None and number.high is None:
                item.pop("low")
                item.pop("high")
            numbers.append(item)
        return {
            "schema_version": self.schema_version,
            "source": self.source,
            "document_date": self.document_date,
            "document_date_source": self.document_date_source,
            "encoding": self.encoding,
            **({"producer": dict(self.producer)} if self.producer is not None else {}),
            "people": [_person_dict(p) for p in self.people],
            "organizations": [asdict(o) for o in self.organizations],
            "titles": [asdict(t) for t in self.titles],
            "numbers": numbers,
            "dates": [{k: v for k, v in asdict(d).items() if k != "calendar" or v is not None} for d in self.dates],
        }


def _person_dict(person: PersonFact) -> dict[str, Any]:
    """A person as JSON; ``place`` appears in a title entry only for a place-bound title."""
    item = asdict(person)
    item["titles"] = [{k: v for k, v in t.items() if k != "place" or v is not None} for t in item["titles"]]
    return item
