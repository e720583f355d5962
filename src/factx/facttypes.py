"""The registry of fact types: one entry per fact type, and everything that iterates over them.

An entry (:class:`FactType`) names the fact type's ``doc.spans`` key and Doc/Span extensions, its
record class, its collector (``collect.py``), its JSON Schema fragment, the record fields that hold
offsets, the lists inside a record that become tables of their own, how its records merge across the
pieces of a long text, and how it is scored. From the entries follow: the records of a Doc
(:func:`document`), the merge of pieces (:func:`merge`), the offset remapping (``offsets.py``), the
JSON Schema (``schema.py``), the CSV and Parquet tables (:func:`tables`, ``writers.py``), the span
keys (``extensions.py``) and the scores (``evaluate.py``).

A new fact type is one component that writes its spans, one entry here (or :func:`register` at
run time) and, if the component reads rules, a pattern file.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from . import collect
from .collect import Found, name_key, title_key
from .patterns import LABELS, Label
from .records import DateFact, Document, Mention, NumberFact, OrganizationFact, PersonFact, TitleFact, TitleRef
from .titlerules import TitleRule

RULES_KEY = "factx_rules"  # the span ruler's matches: read by several components, not a fact type


@dataclass(frozen=True)
class Offsets:
    """Record fields holding one span of the text: ``start``/``end`` offsets and the ``text`` field
    that must equal ``content[start:end]`` (None when the span has no text field of its own)."""

    start: str = "start"
    end: str = "end"
    text: str | None = "text"


SPAN = (Offsets(),)


@dataclass(frozen=True)
class Part:
    """A list inside each record, written as a table of its own with one row per item and the
    owner's id: ``person_mentions`` (``person_id``, text, start, end) for ``people[].mentions``.
    ``record`` is the items' class, or None for a list of strings (one ``column``)."""

    field: str
    table: str
    record: type | None = None
    column: str = "value"
    offsets: tuple[Offsets, ...] = ()


@dataclass(frozen=True)
class Reference:
    """A record field holding the id of a record of another fact type (``titles[].person_id``).
    With ``by``, the id is filled in after collection: the id of the ``target`` record whose name
    matches this record's field ``by`` (name keys compared)."""

    field: str
    target: str
    by: str | None = None


Compare = Callable[[dict[str, Any], dict[str, Any]], tuple[int, list[Any], list[Any]]]


@dataclass(frozen=True)
class Evaluation:
    """One score of ``factx eval``: ``compare(gold, predicted)`` gives (matches, missed, spurious)
    for two documents as JSON dicts."""

    name: str
    compare: Compare


@dataclass(frozen=True)
class FactType:
    """One fact type (see the module docstring)."""

    name: str  # the JSON key and the table name
    record: type  # a frozen dataclass
    collector: Callable[[Found], Sequence[Any]]
    schema: dict[str, Any]  # JSON Schema of one record
    span_key: str  # the doc.spans key the component writes
    component: str | None = None  # the spaCy factory; the pipeline adds it if nlp.py does not already
    needs: tuple[str, ...] = ()  # fact types collected before this one (their records are in Found.facts)
    span_extension: str | None = None  # a Span extension the component fills (``Span._.factx_date``)
    doc_extension: str | None = None  # a Doc extension the component fills
    offsets: tuple[Offsets, ...] = SPAN
    parts: tuple[Part, ...] = ()
    references: tuple[Reference, ...] = ()
    id_prefix: str | None = None  # records carry an ``id`` field: "<prefix>-1", "<prefix>-2", ...
    id_column: str | None = None  # the column naming that id in the part tables and other tables
    merge_key: Callable[[Any], str] | None = None  # pieces' records with one key are one record
    evaluations: tuple[Evaluation, ...] = ()
    labels: Mapping[str, Label] = dataclasses.field(default_factory=dict)  # pattern labels it brings

    def __post_init__(self) -> None:
        names = {f.name for f in dataclasses.fields(self.record)}
        for spec in self.offsets:
            missing = [n for n in (spec.start, spec.end, spec.text) if n is not None and n not in names]
            if missing:
                raise ValueError(f"fact type {self.name}: offset fields {sorted(missing)} are not fields of "
                                 f"{self.record.__name__}")
        for part in self.parts:
            if part.field not in names:
                raise ValueError(f"fact type {self.name}: part {part.field!r} is not a field of "
                                 f"{self.record.__name__}")
        if (self.parts or self.merge_key) and (self.id_prefix is None or self.id_column is None or "id" not in names):
            raise ValueError(f"fact type {self.name}: parts and merging need an id field, id_prefix and id_column")

    def part(self, name: str) -> Part | None:
        return next((p for p in self.parts if p.field == name), None)


# -- the built-in fact types ----------------------------------------------------------------------

_NULLABLE_STR = {"type": ["string", "null"]}
_NUMBER_OR_NULL = {"type": ["number", "null"]}
_OFFSET_PROPERTIES = {
    "text": {"type": "string"},
    "start": {"type": "integer", "minimum": 0},
    "end": {"type": "integer", "minimum": 0},
}
_MENTION = {"type": "object", "required": ["text", "start", "end"], "properties": _OFFSET_PROPERTIES}
_MENTIONS = {"type": "array", "items": _MENTION}
_ID = {"type": "string"}


def _by_keys(keys: Callable[[dict[str, Any]], Counter[Any]]) -> Compare:
    """A comparison of two documents by a multiset of keys: matches are the keys in both."""

    def compare(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, list[Any], list[Any]]:
        gold_keys, pred_keys = keys(gold), keys(pred)
        return sum((gold_keys & pred_keys).values()), list((gold_keys - pred_keys).elements()), \
            list((pred_keys - gold_keys).elements())

    return compare


def _value_key(value: Any) -> str | None:
    return None if value is None else f"{float(value):.6g}"


def _people_keys(doc: dict[str, Any]) -> Counter[Any]:
    """People by name."""
    return Counter({name_key(p["name"]): 1 for p in doc.get("people", [])})


def _triple_keys(doc: dict[str, Any]) -> Counter[Any]:
    """(person, title, organization) of every title of every person, case-insensitive, each once."""
    triples: set[tuple[str, str, str]] = set()
    for person in doc.get("people", []):
        for title in person.get("titles", []):
            # the corpus gold writes the place of a place-bound title where factx writes `place`
            org = title.get("organization") or title.get("place")
            triples.add((name_key(person["name"]), title_key(title["title"]), name_key(org) if org else ""))
    return Counter(triples)


def _statuses(doc: dict[str, Any]) -> dict[tuple[str, str, str], set[str]]:
    """(person, title, organization) -> the statuses the document gives it: a gold file writes them in
    ``people[].titles``, factx's output in its ``titles`` records."""
    out: dict[tuple[str, str, str], set[str]] = {}
    if isinstance(doc.get("titles"), list):  # factx output: title records name their person
        for title in doc["titles"]:
            org = title.get("organization") or title.get("place")
            key = (name_key(title["person"]), title_key(title["title"]), name_key(org) if org else "")
            out.setdefault(key, set()).add(title.get("status") or "current")
        return out
    for person in doc.get("people", []):
        for title in person.get("titles", []):
            if title.get("title") is None:
                continue
            org = title.get("organization") or title.get("place")
            key = (name_key(person["name"]), title_key(title["title"]), name_key(org) if org else "")
            out.setdefault(key, set()).add(title.get("status") or "current")
    return out


def _compare_status(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, list[Any], list[Any]]:
    """Status of the (person, title, organization) triples both give: right when the prediction gives
    the gold status; a wrong one counts as missed and spurious (so precision = recall = accuracy)."""
    gold_status, pred_status = _statuses(gold), _statuses(pred)
    right, wrong = 0, []
    for key in sorted(set(gold_status) & set(pred_status)):
        if gold_status[key] & pred_status[key]:
            right += 1
        else:
            wrong.append((*key, sorted(gold_status[key]), sorted(pred_status[key])))
    return right, wrong, wrong


def _number_keys(doc: dict[str, Any]) -> Counter[Any]:
    """(value, low, high, unit, qualifier); ordinals are not scored."""
    return Counter(
        (_value_key(n.get("value")), _value_key(n.get("low")), _value_key(n.get("high")),
         n.get("unit"), n.get("qualifier"))
        for n in doc.get("numbers", []) if n.get("kind") != "ordinal"
    )


def _date_keys(doc: dict[str, Any]) -> Counter[Any]:
    """(value, modifier)."""
    return Counter((d.get("value"), d.get("modifier")) for d in doc.get("dates", []))


def _compare_organizations(gold_doc: dict[str, Any], pred_doc: dict[str, Any]) -> tuple[int, list[Any], list[Any]]:
    """A predicted organization matches a gold one by name or alias."""
    gold, pred = gold_doc.get("organizations", []), pred_doc.get("organizations", [])

    def names(org: dict[str, Any]) -> set[str]:
        return {name_key(org["name"]), *(name_key(a) for a in org.get("aliases", []))}

    gold_names = [names(g) for g in gold]
    matched, spurious = set(), []
    for org in pred:
        hits = [k for k, g in enumerate(gold_names) if name_key(org["name"]) in g]
        if hits:
            matched.add(hits[0])
        else:
            spurious.append(org["name"])
    missed = [gold[k]["name"] for k in range(len(gold)) if k not in matched]
    return len(matched), missed, spurious


def _name_of(record: Any) -> str:
    return name_key(record.name)


PEOPLE = FactType(
    name="people",
    record=PersonFact,
    collector=collect.people,
    needs=("titles", "organizations"),
    component="factx_people",
    span_key="factx_people",
    span_extension="factx_name",
    schema={
        "type": "object",
        "required": ["id", "name", "mentions", "titles"],
        "properties": {
            "id": _ID,
            "name": {"type": "string"},
            "mentions": _MENTIONS,
            "titles": {"type": "array", "items": {
                "type": "object", "required": ["title", "organization"],
                "properties": {"title": _NULLABLE_STR, "organization": _NULLABLE_STR, "place": _NULLABLE_STR},
            }},
        },
    },
    offsets=(),
    parts=(Part("mentions", "person_mentions", Mention, offsets=SPAN), Part("titles", "person_titles", TitleRef)),
    id_prefix="person",
    id_column="person_id",
    merge_key=_name_of,
    evaluations=(Evaluation("people", _by_keys(_people_keys)), Evaluation("triples", _by_keys(_triple_keys)),
                 Evaluation("status", _compare_status)),
)

ORGANIZATIONS = FactType(
    name="organizations",
    record=OrganizationFact,
    collector=collect.organizations,
    component="factx_organizations",
    span_key="factx_organizations",
    span_extension="factx_name",
    schema={
        "type": "object",
        "required": ["id", "name", "mentions", "aliases"],
        "properties": {
            "id": _ID,
            "name": {"type": "string"},
            "mentions": _MENTIONS,
            "aliases": {"type": "array", "items": {"type": "string"}},
        },
    },
    offsets=(),
    parts=(Part("mentions", "organization_mentions", Mention, offsets=SPAN),
           Part("aliases", "organization_aliases", column="alias")),
    id_prefix="org",
    id_column="organization_id",
    merge_key=_name_of,
    evaluations=(Evaluation("organizations", _compare_organizations),),
)

TITLES = FactType(
    name="titles",
    record=TitleFact,
    collector=collect.titles,
    needs=("organizations",),
    component="factx_titles",
    span_key="factx_titles",
    doc_extension="factx_title_links",
    schema={
        "type": "object",
        "required": ["title", "person", "person_id", "organization", "text", "start", "end"],
        "properties": {
            "title": {"type": "string"},
            "person": {"type": "string"},
            "person_id": _NULLABLE_STR,
            "organization": _NULLABLE_STR,
            **_OFFSET_PROPERTIES,
            "canonical": {"type": "string"},
            "status": {"enum": ["current", "former", "acting", "incoming"]},
            "organization_id": _NULLABLE_STR,
            "rule": {"enum": [rule.value for rule in TitleRule],
                     "description": "the construction that linked the title (declared in titlerules.py)"},
            "sentence_start": {"type": "integer", "minimum": 0},
            "sentence_end": {"type": "integer", "minimum": 0},
            "effective_date": _NULLABLE_STR,
            "place": _NULLABLE_STR,
        },
    },
    offsets=(Offsets(), Offsets("sentence_start", "sentence_end", None)),
    references=(Reference("person_id", "people", by="person"), Reference("organization_id", "organizations")),
)

NUMBERS = FactType(
    name="numbers",
    record=NumberFact,
    collector=collect.numbers,
    component="factx_numbers",
    span_key="factx_numbers",
    span_extension="factx_number",
    schema={
        "type": "object",
        "required": ["text", "start", "end", "value", "unit", "kind", "qualifier", "counted"],
        "properties": {
            **_OFFSET_PROPERTIES,
            "value": _NUMBER_OR_NULL,
            "unit": _NULLABLE_STR,
            "kind": {"enum": ["count", "money", "percent", "quantity", "ordinal", "fraction"]},
            "qualifier": {"enum": [None, "approximately", "more_than", "at_least", "less_than", "at_most"]},
            "counted": _NULLABLE_STR,
            "low": _NUMBER_OR_NULL,
            "high": _NUMBER_OR_NULL,
        },
    },
    evaluations=(Evaluation("numbers", _by_keys(_number_keys)),),
)

DATES = FactType(
    name="dates",
    record=DateFact,
    collector=collect.dates,
    component="factx_dates",
    span_key="factx_dates",
    span_extension="factx_date",
    schema={
        "type": "object",
        "required": ["text", "start", "end", "value", "kind", "granularity", "modifier"],
        "properties": {
            **_OFFSET_PROPERTIES,
            "value": _NULLABLE_STR,
            "kind": {"enum": ["date", "duration", "interval", "set", "time"]},
            "granularity": _NULLABLE_STR,
            "modifier": {"enum": [None, "START", "MID", "END", "BEFORE", "AFTER", "APPROX"]},
            "relative": {"type": "boolean"},
            "anchor": _NULLABLE_STR,
            "calendar": _NULLABLE_STR,
        },
    },
    evaluations=(Evaluation("dates", _by_keys(_date_keys)),),
)

_REGISTRY: list[FactType] = [PEOPLE, ORGANIZATIONS, TITLES, NUMBERS, DATES]


def fact_types() -> tuple[FactType, ...]:
    """Every fact type, in the order of the JSON document."""
    return tuple(_REGISTRY)


def fact_type(name: str) -> FactType:
    for fact in _REGISTRY:
        if fact.name == name:
            return fact
    raise KeyError(name)


def register(fact: FactType) -> None:
    """Add a fact type (after the built-in ones); its name and span key must be new."""
    clash = [f.name for f in _REGISTRY if f.name == fact.name or f.span_key == fact.span_key]
    if clash:
        raise ValueError(f"fact type {fact.name!r} clashes with {clash[0]!r} (same name or span key)")
    taken = [label for label in fact.labels if label in LABELS]
    if taken:
        raise ValueError(f"fact type {fact.name!r} brings the pattern label {taken[0]!r}, which exists")
    _REGISTRY.append(fact)
    LABELS.update(fact.labels)  # the closed pattern schema grows by the new type's labels


def unregister(name: str) -> None:
    fact = fact_type(name)
    _REGISTRY.remove(fact)
    for label in fact.labels:
        LABELS.pop(label, None)


@contextmanager
def registered(fact: FactType) -> Iterator[FactType]:
    """``with registered(fact): ...``: the fact type exists inside the block only."""
    register(fact)
    try:
        yield fact
    finally:
        unregister(fact.name)


def span_keys() -> dict[str, str]:
    """``doc.spans`` keys by name: every fact type's, and ``"rules"`` for the span ruler."""
    return {**{fact.name: fact.span_key for fact in _REGISTRY}, "rules": RULES_KEY}


# -- records of a Doc, merged pieces --------------------------------------------------------------

def _collection_order() -> list[FactType]:
    """The fact types, each after those it needs."""
    done: list[FactType] = []
    waiting = list(_REGISTRY)
    while waiting:
        ready = [f for f in waiting if all(n in {d.name for d in done} for n in f.needs)]
        if not ready:
            raise ValueError(f"fact types {[f.name for f in waiting]} need each other or a missing type")
        done += ready
        waiting = [f for f in waiting if f not in ready]
    return done


def _link(facts: dict[str, tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """Fill the references found by name (``titles[].person_id``)."""
    out = dict(facts)
    for fact in _REGISTRY:
        for ref in fact.references:
            if ref.by is None:
                continue
            ids = {name_key(r.name): r.id for r in out[ref.target]}
            out[fact.name] = tuple(replace(r, **{ref.field: ids.get(name_key(getattr(r, ref.by)))})
                                   for r in out[fact.name])
    return out


def document(doc: Doc, source: str, date_source: str, encoding: str | None = None) -> Document:
    """All facts of one processed Doc."""
    facts: dict[str, tuple[Any, ...]] = {}
    keys = span_keys()
    for fact in _collection_order():
        facts[fact.name] = tuple(fact.collector(Found(doc, keys, facts)))
    facts = _link(facts)
    return Document(source=source, document_date=doc._.factx_document_date, document_date_source=date_source,
                    encoding=encoding, facts={fact.name: facts[fact.name] for fact in _REGISTRY})


def _shifted(record: Any, offsets: tuple[Offsets, ...], offset: int) -> Any:
    changes = {}
    for spec in offsets:
        changes[spec.start] = getattr(record, spec.start) + offset
        changes[spec.end] = getattr(record, spec.end) + offset
    return replace(record, **changes) if changes else record


def merge(parts: list[tuple[int, Document]]) -> Document:
    """One document from the documents of consecutive pieces of a long text (``(offset, doc)``):
    offsets shifted into the whole text; records of a type with a ``merge_key`` that share a key are
    one record (the first piece's fields, the lists joined, ids renumbered in order of appearance);
    references follow the renumbered ids."""
    first = parts[0][1]
    entities: dict[str, dict[str, Any]] = {f.name: {} for f in _REGISTRY if f.merge_key is not None}
    listed: dict[str, list[Any]] = {f.name: [] for f in _REGISTRY if f.merge_key is None}
    for offset, doc in parts:
        ids: dict[str, dict[str, str]] = {}
        for fact in _REGISTRY:
            if fact.merge_key is None:
                continue
            table, ids[fact.name] = entities[fact.name], {}
            for record in doc.facts.get(fact.name, ()):
                key = fact.merge_key(record)
                merged = table.get(key)
                if merged is None:
                    merged = replace(_shifted(record, fact.offsets, offset), id=f"{fact.id_prefix}-{len(table) + 1}",
                                     **{p.field: () for p in fact.parts})
                changes = {}
                for part in fact.parts:
                    items = list(getattr(merged, part.field))
                    for item in getattr(record, part.field):
                        if part.offsets:
                            items.append(_shifted(item, part.offsets, offset))
                        elif item not in items:
                            items.append(item)
                    changes[part.field] = tuple(items)
                table[key] = replace(merged, **changes)
                ids[fact.name][record.id] = table[key].id
        for fact in _REGISTRY:
            if fact.merge_key is not None:
                continue
            for record in doc.facts.get(fact.name, ()):
                moved = _shifted(record, fact.offsets, offset)
                renamed = {ref.field: ids.get(ref.target, {}).get(getattr(moved, ref.field) or "")
                           for ref in fact.references if ref.target in ids}
                listed[fact.name].append(replace(moved, **renamed) if renamed else moved)
    facts = {f.name: tuple(entities[f.name].values()) if f.merge_key else tuple(listed[f.name]) for f in _REGISTRY}
    return Document(source=first.source, document_date=first.document_date,
                    document_date_source=first.document_date_source, encoding=first.encoding, facts=facts)


# -- tables ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Table:
    """One CSV file / Parquet dataset: columns with their Parquet types (``string``, ``int64``,
    ``float64``, ``bool_``), and where its rows come from: the document itself, a fact type's
    records, or one of a fact type's parts."""

    name: str
    columns: tuple[tuple[str, str], ...]
    fact: FactType | None = None
    part: Part | None = None
    nested: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (field, its fields): a record in a field, as
    # columns "<field>_<its field>" (``producer`` -> ``producer_factx``, ...)

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


_SCALARS = {str: "string", int: "int64", float: "float64", bool: "bool_"}


def column_type(hint: Any) -> str | None:
    """The Parquet type of a scalar field's type hint (``float | int | None`` -> float64), or None
    for a list."""
    args = set(typing.get_args(hint)) - {type(None)} if isinstance(hint, types.UnionType) or \
        typing.get_origin(hint) is typing.Union else {hint}
    if any(typing.get_origin(a) in (tuple, list) for a in args):
        return None
    if float in args:
        return "float64"
    if len(args) == 1 and (only := next(iter(args))) in _SCALARS:
        return _SCALARS[only]
    raise TypeError(f"no table column type for {hint!r}")


def _nested_record(hint: Any) -> type | None:
    """The record class of a field holding one record (``Producer | None``), else None."""
    args = set(typing.get_args(hint)) - {type(None)} if isinstance(hint, types.UnionType) or \
        typing.get_origin(hint) is typing.Union else {hint}
    only = next(iter(args)) if len(args) == 1 else None
    return only if isinstance(only, type) and dataclasses.is_dataclass(only) else None


def _columns(record: type, skip: Collection[str] = ()) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(record)
    out = []
    for f in dataclasses.fields(record):
        if f.name in skip:
            continue
        typ = column_type(hints[f.name])
        if typ is None:
            raise TypeError(f"{record.__name__}.{f.name} is a list: declare it as a Part of its fact type")
        out.append((f.name, typ))
    return out


_TABLES: dict[tuple[int, ...], list[Table]] = {}


def tables() -> list[Table]:
    """Every table, derived from the records: ``documents`` (one row per document), one per fact
    type (one row per record), one per part (one row per item, with the owner's id)."""
    key = tuple(id(fact) for fact in _REGISTRY)
    if key not in _TABLES:
        _TABLES[key] = _tables()
    return _TABLES[key]


def _tables() -> list[Table]:
    hints = typing.get_type_hints(Document)
    header: list[tuple[str, str]] = []
    nested: list[tuple[str, tuple[str, ...]]] = []
    for f in dataclasses.fields(Document):
        if f.name in ("source", "facts"):
            continue
        inner = _nested_record(hints[f.name])
        if inner is None:
            header += _columns(Document, set(hints) - {f.name})
            continue
        own = _columns(inner)
        header += [(f"{f.name}_{name}", typ) for name, typ in own]
        nested.append((f.name, tuple(name for name, _ in own)))
    out = [Table("documents", (("source", "string"), *header), nested=tuple(nested))]
    for fact in _REGISTRY:
        out.append(Table(fact.name, (("source", "string"), *_columns(fact.record, {p.field for p in fact.parts})),
                         fact))
        for part in fact.parts:
            assert fact.id_column is not None
            own = _columns(part.record) if part.record is not None else [(part.column, "string")]
            out.append(Table(part.table, (("source", "string"), (fact.id_column, "string"), *own), fact, part))
    return out


def table_rows(document: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table name, row) for every row of one document given as its JSON dict."""
    source = document["source"]
    for table in tables():
        if table.fact is None:
            values = dict(document)
            for name, inner in table.nested:
                record = document.get(name) or {}
                values.update((f"{name}_{field}", record.get(field)) for field in inner)
            yield table.name, {name: source if name == "source" else values.get(name) for name in table.column_names}
            continue
        for item in document.get(table.fact.name, []):
            if table.part is None:
                yield table.name, {"source": source, **{name: item.get(name) for name in table.column_names[1:]}}
                continue
            assert table.fact.id_column is not None
            owner = {"source": source, table.fact.id_column: item["id"]}
            for child in item.get(table.part.field, []):
                if table.part.record is None:
                    yield table.name, {**owner, table.part.column: child}
                else:
                    yield table.name, {**owner, **{name: child.get(name) for name in table.column_names[2:]}}


def offset_items(document: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Every dict of a JSON document that holds a span with its text (records, mentions), for checks
    that ``content[start:end] == text``."""
    for fact in _REGISTRY:
        for item in document.get(fact.name, []):
            if any(spec.text for spec in fact.offsets):
                yield item
            for part in fact.parts:
                if any(spec.text for spec in part.offsets):
                    yield from item.get(part.field, [])


def evaluations() -> list[Evaluation]:
    """Every score of ``factx eval``, in report order."""
    return [e for fact in _REGISTRY for e in fact.evaluations]


__all__ = ["DATES", "NUMBERS", "ORGANIZATIONS", "PEOPLE", "RULES_KEY", "TITLES", "Evaluation", "FactType", "Found",
           "Offsets", "Part", "Reference", "Table", "column_type", "document", "evaluations", "fact_type",
           "fact_types", "merge", "offset_items", "register", "registered", "span_keys", "table_rows",
           "tables", "unregister"]
