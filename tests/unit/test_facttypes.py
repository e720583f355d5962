"""The registry of fact types: tables as complete as the JSON, and a new fact type added through the
registry alone reaching the JSON, the tables, the schema, offset remapping and chunk merging."""

from __future__ import annotations

import csv
import json
import subprocess
from collections import defaultdict
from dataclasses import dataclass, fields
from itertools import zip_longest
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from spacy.language import Language
from spacy.tokens import Doc

import factx
from factx import api
from factx.collect import Found
from factx.facttypes import SPAN, FactType, Offsets, Part, fact_type, fact_types, register, registered, tables
from factx.nlp import DEFAULT_MODEL
from factx.patterns import MATCH, Label
from factx.read import read_source
from factx.records import Mention, PersonFact
from factx.schema import document_schema
from factx.writers import CsvWriter, ParquetWriter

ROOT = Path(__file__).resolve().parents[2]


# -- reading tables back into documents (written for the tests, from the table definitions only) --

_CONVERT = {"int64": int, "float64": float, "string": str, "bool_": {"True": True, "False": False}.__getitem__}


def read_tables(folder: Path, fmt: str) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, typed by its declared column types (an empty CSV cell is null)."""
    import pyarrow.parquet as pq

    out: dict[str, list[dict[str, Any]]] = {}
    for table in tables():
        if fmt == "parquet":
            data = pq.read_table(folder / table.name)
            assert data.schema.names == table.column_names, table.name
            out[table.name] = data.to_pylist()
            continue
        with (folder / f"{table.name}.csv").open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == table.column_names, table.name
            types = dict(table.columns)
            out[table.name] = [{k: None if v == "" else _CONVERT[types[k]](v) for k, v in row.items()}
                               for row in reader]
    return out


def rebuild(rows: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Documents (by source) rebuilt from the tables: records from their table, lists from the part
    tables joined on source and the owner's id."""
    docs = {row["source"]: dict(row) for row in rows["documents"]}
    [documents] = [t for t in tables() if t.name == "documents"]
    for doc in docs.values():  # a record in a document field (producer) comes back from its columns
        for name, inner in documents.nested:
            values = {field: doc.pop(f"{name}_{field}") for field in inner}
            doc[name] = values if any(v is not None for v in values.values()) else None
    for fact in fact_types():
        for doc in docs.values():
            doc[fact.name] = []
        children: dict[str, dict[tuple[str, str], list[Any]]] = {}
        for part in fact.parts:
            grouped: dict[tuple[str, str], list[Any]] = defaultdict(list)
            for row in rows[part.table]:
                key = (row["source"], row[fact.id_column])
                item = {k: v for k, v in row.items() if k not in ("source", fact.id_column)}
                grouped[key].append(item[part.column] if part.record is None else item)
            children[part.field] = grouped
        for row in rows[fact.name]:
            item = {k: v for k, v in row.items() if k != "source"}
            for part in fact.parts:
                item[part.field] = children[part.field].get((row["source"], row["id"]), [])
            docs[row["source"]][fact.name].append(item)
    return docs


def like(rebuilt: Any, original: Any) -> Any:
    """``rebuilt`` without the null fields that ``original`` leaves out (``low``/``high`` of a single
    number, ``calendar``, a title's ``place``): tables have a column for every field."""
    if isinstance(rebuilt, dict) and isinstance(original, dict):
        return {k: like(v, original.get(k)) for k, v in rebuilt.items() if k in original or v is not None}
    if isinstance(rebuilt, list) and isinstance(original, list):
        return [like(r, o) for r, o in zip_longest(rebuilt, original)]
    return rebuilt


# -- the built-in registry ------------------------------------------------------------------------

def test_every_built_in_fact_type_in_json_order() -> None:
    assert [f.name for f in fact_types()] == ["people", "organizations", "titles", "numbers", "dates"]
    assert fact_type("titles").record.__name__ == "TitleFact"
    with pytest.raises(KeyError):
        fact_type("locations")


def test_each_schema_fragment_names_exactly_the_record_fields() -> None:
    for fact in fact_types():
        assert set(fact.schema["properties"]) == {f.name for f in fields(fact.record)}, fact.name
        assert set(fact.schema["required"]) <= set(fact.schema["properties"]), fact.name
    assert document_schema()["properties"]["people"]["items"]["required"] == ["id", "name", "mentions", "titles"]


def test_tables_have_a_column_for_every_scalar_field_and_a_table_for_every_list() -> None:
    by_name = {t.name: t for t in tables()}
    assert list(by_name) == ["documents", "people", "person_mentions", "person_titles", "organizations",
                             "organization_mentions", "organization_aliases", "titles", "numbers", "dates"]
    assert by_name["documents"].column_names == ["source", "schema_version", "document_date",
                                                 "document_date_source", "encoding", "producer_factx",
                                                 "producer_model", "producer_model_version",
                                                 "producer_patterns_sha256"]
    assert by_name["people"].column_names == ["source", "id", "name"]
    assert by_name["person_mentions"].column_names == ["source", "person_id", "text", "start", "end"]
    assert by_name["person_titles"].column_names == ["source", "person_id", "title", "organization", "place"]
    assert by_name["organization_aliases"].column_names == ["source", "organization_id", "alias"]
    titles = dict(by_name["titles"].columns)
    assert (titles["person_id"], titles["sentence_start"], titles["sentence_end"]) == ("string", "int64", "int64")
    assert dict(by_name["dates"].columns)["calendar"] == "string"
    assert dict(by_name["dates"].columns)["relative"] == "bool_"
    assert dict(by_name["numbers"].columns)["value"] == "float64"


def test_a_fact_type_is_checked_when_declared() -> None:
    @dataclass(frozen=True)
    class Spot:
        text: str
        begin: int
        end: int

    with pytest.raises(ValueError, match="offset fields"):
        FactType("spots", Spot, lambda found: [], {}, "factx_spots")  # no "start" field
    with pytest.raises(ValueError, match="need an id field"):
        FactType("spots", Spot, lambda found: [], {}, "factx_spots", offsets=(Offsets("begin", "end"),),
                 parts=(Part("text", "spot_texts"),))
    with pytest.raises(ValueError, match="clashes"):
        register(FactType("dates", Spot, lambda found: [], {}, "factx_spots", offsets=(Offsets("begin", "end"),)))
    assert [f.name for f in fact_types()][-1] == "dates"  # nothing was added


def test_people_have_ids_and_titles_name_theirs(extract: Any) -> None:
    doc = extract("Acme Corp chief executive Jane Roe met Globex Inc. chairman Li Wei in Paris on Monday.",
                  "2024-03-05")
    people = {p["name"]: p["id"] for p in doc["people"]}
    assert people == {"Jane Roe": "person-1", "Li Wei": "person-2"}
    assert [(t["person"], t["person_id"], t["organization"], t["organization_id"]) for t in doc["titles"]] == [
        ("Jane Roe", "person-1", "Acme Corp", "org-1"), ("Li Wei", "person-2", "Globex Inc.", "org-2")]
    assert [o["id"] for o in doc["organizations"]] == ["org-1", "org-2"]


def test_records_are_frozen() -> None:
    person = PersonFact("person-1", "Jane Roe", (Mention("Jane Roe", 0, 8),))
    with pytest.raises(AttributeError):
        person.name = "John Roe"  # type: ignore[misc]
    assert factx.Document(source="-", document_date=None, document_date_source="none",
                          facts={"people": (person,)}).to_dict()["people"] == [
        {"id": "person-1", "name": "Jane Roe", "mentions": [{"text": "Jane Roe", "start": 0, "end": 8}], "titles": []}]


# -- every JSON field through CSV and Parquet, with the real CLI ----------------------------------

ROUND_TRIP_FILES = ["corpus/dates_01_retail_fiscal.txt", "corpus/gov_02_city_budget.txt",
                    "corpus/titles_06_provincial_forum.txt"]


def _round_trip(factx_cmd: list[str], tmp_path: Path, inputs: list[str]) -> None:
    options = ["--jobs", "1", "-q", "--fiscal-year-start", "4"]
    out = tmp_path / "out.jsonl"
    assert subprocess.run([*factx_cmd, "batch", *inputs, "-o", str(out), *options], capture_output=True,
                          text=True, timeout=600).returncode == 0
    documents = {d["source"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert list(documents) == inputs
    for fmt in ("csv", "parquet"):
        folder = tmp_path / fmt
        result = subprocess.run([*factx_cmd, "batch", *inputs, "--format", fmt, "--out-dir", str(folder), *options],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        rows = read_tables(folder, fmt)
        rebuilt = rebuild(rows)
        assert list(rebuilt) == inputs, fmt
        for source, document in documents.items():
            assert like(rebuilt[source], document) == document, (fmt, source)
        for row in rows["titles"]:  # source + person_id joins a title to its person
            person = next(p for p in rows["people"] if (p["source"], p["id"]) == (row["source"], row["person_id"]))
            assert person["name"] == row["person"]
        for name in ("people", "organizations"):
            ids = [(r["source"], r["id"]) for r in rows[name]]
            assert len(ids) == len(set(ids)), name  # unique within a source


def test_every_json_field_round_trips_through_csv_and_parquet(factx_cmd: list[str], tmp_path: Path) -> None:
    inputs = [str(ROOT / name) for name in ROUND_TRIP_FILES]
    _round_trip(factx_cmd, tmp_path, inputs)
    docs = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    # the fields the tables used to drop are there to be compared
    assert any(d.get("calendar") for doc in docs for d in doc["dates"])
    assert any("low" in n for doc in docs for n in doc["numbers"])
    assert any(t.get("place") for doc in docs for p in doc["people"] for t in p["titles"])
    assert any(o["aliases"] for doc in docs for o in doc["organizations"])
    assert any(t["sentence_end"] > t["sentence_start"] for doc in docs for t in doc["titles"])


def test_the_seed_round_trips_through_csv_and_parquet(factx_cmd: list[str], seed_path: Path,
                                                      tmp_path: Path) -> None:
    _round_trip(factx_cmd, tmp_path, [str(seed_path)])


# -- a toy fact type, added through the registry alone --------------------------------------------

@dataclass(frozen=True)
class ColorFact:
    id: str
    name: str  # the colour a word names, from the pattern's id
    mentions: tuple[Mention, ...] = ()


COLOR_SCHEMA = {
    "type": "object",
    "required": ["id", "name", "mentions"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "mentions": {"type": "array", "items": {
            "type": "object", "required": ["text", "start", "end"],
            "properties": {"text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}}}},
    },
}


def _colors_component(nlp: Language, name: str) -> Any:
    def colors(doc: Doc) -> Doc:
        doc.spans["factx_test_colors"] = [s for s in doc.spans.get("factx_rules", []) if s.label_ == "COLOR"]
        return doc

    return colors


def _collect_colors(found: Found) -> list[ColorFact]:
    mentions: dict[str, list[Mention]] = {}
    for span in sorted(found.spans("colors"), key=lambda s: s.start):
        mentions.setdefault(span.id_, []).append(Mention(span.text, span.start_char, span.end_char))
    return [ColorFact(f"color-{k}", name, tuple(ms)) for k, (name, ms) in enumerate(mentions.items(), 1)]


COLORS = FactType(
    name="colors",
    record=ColorFact,
    collector=_collect_colors,
    schema=COLOR_SCHEMA,
    span_key="factx_test_colors",
    component="factx_test_colors",
    offsets=(),
    parts=(Part("mentions", "color_mentions", Mention, offsets=SPAN),),
    id_prefix="color",
    id_column="color_id",
    merge_key=lambda record: record.name,
    labels={"COLOR": Label(MATCH, "factx_test_colors", "the colour a word names")},
)

PARAGRAPH = "‘Acme’ painted the hall vermilion and the doors cobalt blue, said Jane Roe — the façade stays grey.\n\n"
LAST = "‘Globex’ chose scarlet for the lobby.\n"


def test_a_toy_fact_type_through_the_registry_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = tmp_path / "patterns"
    patterns.mkdir()
    (patterns / "colors.jsonl").write_text(
        '{"label": "COLOR", "pattern": "vermilion", "id": "red"}\n'
        '{"label": "COLOR", "pattern": "scarlet", "id": "red"}\n'
        '{"label": "COLOR", "pattern": "cobalt blue", "id": "blue"}\n', encoding="utf-8")
    if not Language.has_factory("factx_test_colors"):
        Language.factory("factx_test_colors", func=_colors_component)
    # UTF-8 text once read as cp1252: factx repairs it and maps offsets back to the text as decoded
    text = "date: 2024-03-05\n\n" + PARAGRAPH * 3 + LAST
    path = tmp_path / "mojibake.txt"
    path.write_text(text.encode("utf-8").decode("cp1252"), encoding="utf-8")
    item = read_source(str(path))
    assert item.repaired == text and item.content != text
    monkeypatch.setattr(api, "CHUNK_CHARS", 110)  # the text is read in pieces, merged back
    assert len(api.split_text(text, len("date: 2024-03-05\n\n"), 110)) == 4

    with registered(COLORS):
        [document] = list(factx.process([item], model=DEFAULT_MODEL, patterns_dirs=[str(patterns)]))
        assert isinstance(document, factx.Document)
        doc = document.to_dict()
        schema = document_schema()
        csv_dir, parquet_dir = tmp_path / "csv", tmp_path / "parquet"
        for writer in (CsvWriter(csv_dir), ParquetWriter(parquet_dir)):
            writer.write(doc)
            writer.close()
        rows = {fmt: read_tables(folder, fmt) for fmt, folder in (("csv", csv_dir), ("parquet", parquet_dir))}
    assert "colors" not in [f.name for f in fact_types()]

    content = item.content

    def at(word: str) -> list[dict[str, Any]]:
        found, start = [], content.find(word)
        while start != -1:
            found.append({"text": word, "start": start, "end": start + len(word)})
            start = content.find(word, start + 1)
        return found

    assert doc["colors"] == [
        {"id": "color-1", "name": "red", "mentions": sorted(at("vermilion") + at("scarlet"), key=lambda m: m["start"])},
        {"id": "color-2", "name": "blue", "mentions": at("cobalt blue")},
    ]
    assert len(at("vermilion")) == 3 and at("scarlet")[0]["start"] > len(PARAGRAPH) * 3  # every piece
    assert at("vermilion")[0]["start"] != text.find("vermilion")  # the repair moved the offsets
    assert "mojibake repaired" in (doc["encoding"] or "")
    assert [p["name"] for p in doc["people"]] == ["Jane Roe"]  # the built-in types are still there

    assert schema["properties"]["colors"] == {"type": "array", "items": COLOR_SCHEMA}
    assert "colors" in schema["required"]
    jsonschema.validate(doc, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "colors": [{"id": "color-1", "name": "red"}]}, schema)

    for fmt, tabled in rows.items():
        assert tabled["colors"] == [{"source": str(path), "id": "color-1", "name": "red"},
                                    {"source": str(path), "id": "color-2", "name": "blue"}], fmt
        assert [(r["color_id"], r["text"], r["start"], r["end"]) for r in tabled["color_mentions"]] == [
            (c["id"], m["text"], m["start"], m["end"]) for c in doc["colors"] for m in c["mentions"]], fmt
        assert like(rebuild_with(tabled, COLORS)[str(path)], doc) == doc, fmt


def rebuild_with(rows: dict[str, list[dict[str, Any]]], fact: FactType) -> dict[str, dict[str, Any]]:
    with registered(fact):
        return rebuild(rows)


def test_status_is_scored_on_the_triples_both_give() -> None:
    from factx.facttypes import evaluations

    [status] = [e for e in evaluations() if e.name == "status"]
    gold = {"people": [{"name": "Ann Lee", "titles": [
        {"title": "chief executive", "organization": "Harlow Mining", "status": "former"},
        {"title": "chairman", "organization": "Brindle Bank", "status": "incoming"},
        {"title": "director", "organization": "Corvel Trust", "status": "current"}]}]}
    pred = {"people": [{"name": "Ann Lee", "titles": []}], "titles": [
        {"person": "Ann Lee", "title": "Chief Executive", "organization": "Harlow Mining", "status": "former"},
        {"person": "Ann Lee", "title": "chairman", "organization": "Brindle Bank", "status": "current"},
        {"person": "Ann Lee", "title": "treasurer", "organization": "Brindle Bank", "status": "current"}]}
    right, missed, spurious = status.compare(gold, pred)
    # "director" is not predicted and "treasurer" not gold: triples, not status, count them
    assert right == 1
    assert missed == spurious == [("ann lee", "chairman", "brindle bank", ["incoming"], ["current"])]
