"""``factx db``: the real CLI in a subprocess builds a SQLite database of articles written for the
test; exact rows for people consolidated across documents, namesakes kept apart, merges with their
evidence, a title timeline, NDJSON input, rebuilds, and an interrupted build resumed."""

from __future__ import annotations

import csv
import dataclasses
import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

ARTICLES = {
    # one person over three dates: incoming, current, former; surname-only mentions in the same article
    "a1.txt": "date: 2024-01-10\n\nDana Whitfield will become chief executive of Harlow Robotics on March 1. "
              "Whitfield said the company would hire 200 engineers.\n",
    "a2.txt": "date: 2024-06-05\n\nHarlow Robotics chief executive Dana Whitfield opened a factory in Leeds on "
              "Tuesday. Whitfield said sales rose 12%.\n",
    "a3.txt": "date: 2025-02-20\n\nDana Whitfield, the former chief executive of Harlow Robotics, joined the board "
              "of Corvel Bank. She left Harlow Robotics in January.\n",
    # two different people with one name: a mayor of a town, a company's finance chief
    "b1.txt": "date: 2024-03-02\n\nMarcus Ferreira, the mayor of Port Elland, opened a new library. Ferreira said "
              "the library cost $4 million.\n",
    "b2.txt": "date: 2024-04-15\n\nMarcus Ferreira, chief financial officer of Tessaly Foods, said profit doubled. "
              "Ferreira joined Tessaly Foods in 2019.\n",
    # an organization by its full name with its acronym, then by the acronym alone
    "c1.txt": "date: 2024-05-01\n\nThe Northern Grain Council (NGC) appointed Priya Raman as its director. NGC "
              "said exports grew 8%.\n",
    "c2.txt": "date: 2024-07-01\n\nNGC director Priya Raman visited the port of Hull on Monday.\n",
}


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=600, cwd=cwd)


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the FTS index's own shadow tables aside)."""
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sentences_fts%' ORDER BY name")]
    out = {name: conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names}
    conn.close()
    return out


@pytest.fixture(scope="module")
def built(factx_cmd: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles (in arts/) and their database (facts.sqlite), built by the CLI."""
    root = tmp_path_factory.mktemp("db")
    (root / "arts").mkdir()
    for name, text in ARTICLES.items():
        (root / "arts" / name).write_text(text, encoding="utf-8")
    result = run(factx_cmd, "db", "build", "arts", "--db", "facts.sqlite", cwd=root)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["documents"], summary["failed"]) == (7, 0)
    return root


def rows(root: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(root / "facts.sqlite")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_people_consolidated_across_documents_namesakes_apart(built: Path) -> None:
    assert rows(built, "SELECT id, name, key FROM people ORDER BY id") == [
        ("person:dana-whitfield", "Dana Whitfield", "dana whitfield"),
        ("person:marcus-ferreira", "Marcus Ferreira", "marcus ferreira"),
        ("person:marcus-ferreira/tessaly-foods", "Marcus Ferreira", "marcus ferreira"),
        ("person:priya-raman", "Priya Raman", "priya raman"),
    ]
    # the surname-only mentions of an article belong to the person of its full name
    assert rows(built, "SELECT d.source, m.text FROM person_mentions m JOIN documents d ON d.id = m.document_id "
                       "WHERE m.person_id = 'person:dana-whitfield' AND m.text = 'Whitfield' ORDER BY d.id") == [
        ("arts/a1.txt", "Whitfield"), ("arts/a2.txt", "Whitfield")]
    assert rows(built, "SELECT t.person_id, t.canonical FROM titles t JOIN documents d ON d.id = t.document_id "
                       "WHERE d.source LIKE 'arts/b%' ORDER BY d.id") == [
        ("person:marcus-ferreira", "mayor"), ("person:marcus-ferreira/tessaly-foods", "chief financial officer")]


def test_every_merge_recorded_with_its_evidence(built: Path) -> None:
    merges = rows(built, "SELECT d.source, m.entity_id, m.rule, m.evidence FROM merges m "
                         "JOIN documents d ON d.id = m.document_id WHERE m.fact = 'people' ORDER BY m.id")
    assert [(s, e, r) for s, e, r, _ in merges] == [
        ("arts/a1.txt", "person:dana-whitfield", "new"),
        ("arts/a2.txt", "person:dana-whitfield", "same-name-shared-affiliation"),
        ("arts/a3.txt", "person:dana-whitfield", "same-name-shared-affiliation"),
        ("arts/b1.txt", "person:marcus-ferreira", "new"),
        ("arts/b2.txt", "person:marcus-ferreira/tessaly-foods", "namesake-kept-apart"),
        ("arts/c1.txt", "person:priya-raman", "new"),
        ("arts/c2.txt", "person:priya-raman", "same-name-shared-affiliation"),
    ]
    assert json.loads(merges[1][3]) == {"name": "dana whitfield", "affiliations": ["org:harlow-robotics"],
                                        "shared": ["org:harlow-robotics"]}
    assert json.loads(merges[4][3]) == {"name": "marcus ferreira", "affiliations": ["org:tessaly-foods"],
                                        "kept_apart_from": {"person:marcus-ferreira": ["place:port-elland"]}}


def test_organization_known_by_its_acronym(built: Path, factx_cmd: list[str]) -> None:
    assert rows(built, "SELECT id FROM organizations ORDER BY id") == [
        ("org:corvel-bank",), ("org:harlow-robotics",), ("org:northern-grain-council",), ("org:tessaly-foods",)]
    assert rows(built, "SELECT key, kind FROM organizations_names WHERE entity_id = 'org:northern-grain-council' "
                       "ORDER BY key") == [("ngc", "alias"), ("northern grain council", "name")]
    # "NGC director Priya Raman": the title's organization is the council, by its alias
    assert rows(built, "SELECT t.organization, t.organization_id FROM titles t JOIN documents d "
                       "ON d.id = t.document_id WHERE d.source = 'arts/c2.txt'") == [
        ("NGC", "org:northern-grain-council")]
    result = run(factx_cmd, "db", "org", "NGC", "--db", "facts.sqlite", cwd=built)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["organizations"]
    assert [(o["id"], o["aliases"]) for o in found] == [("org:northern-grain-council", ["NGC"])]
    assert [(p["person_id"], p["title"], p["first_date"], p["last_date"]) for p in found[0]["people"]] == [
        ("person:priya-raman", "director", "2024-05-01", "2024-07-01")]
    missing = run(factx_cmd, "db", "org", "Nowhere Ltd", "--db", "facts.sqlite", cwd=built)
    assert (missing.returncode, json.loads(missing.stdout)["organizations"]) == (1, [])


def test_timeline_over_three_dates(built: Path, factx_cmd: list[str]) -> None:
    result = run(factx_cmd, "db", "timeline", "Dana Whitfield", "--db", "facts.sqlite", cwd=built)
    assert result.returncode == 0, result.stderr
    people = json.loads(result.stdout)["people"]
    assert [p["id"] for p in people] == ["person:dana-whitfield"]
    [entry] = people[0]["timeline"]
    assert (entry["title"], entry["organization_id"], entry["first_date"], entry["last_date"]) == (
        "chief executive", "org:harlow-robotics", "2024-01-10", "2025-02-20")
    assert entry["changes"] == ["incoming", "current", "former"]
    assert [(s["status"], s["document_date"], s["effective_date"]) for s in entry["statements"]] == [
        ("incoming", "2024-01-10", "2024-03-01"), ("current", "2024-06-05", None), ("former", "2025-02-20", None)]
    assert entry["sources"] == ["arts/a1.txt", "arts/a2.txt", "arts/a3.txt"]
    for statement in entry["statements"]:
        content = (built / statement["source"]).read_text(encoding="utf-8")
        assert content[statement["start"]:statement["end"]] == statement["text"]
    # a name shared by two people: both, each with their own title
    both = json.loads(run(factx_cmd, "db", "who", "Marcus Ferreira", "--db", "facts.sqlite", cwd=built).stdout)
    held = [(p["id"], [(e["title"], e["organization"], e["place"]) for e in p["timeline"]]) for p in both["people"]]
    assert held == [
        ("person:marcus-ferreira", [("mayor", None, "Port Elland")]),
        ("person:marcus-ferreira/tessaly-foods", [("chief financial officer", "Tessaly Foods", None)])]
    nobody = run(factx_cmd, "db", "timeline", "Nobody Known", "--db", "facts.sqlite", cwd=built)
    assert (nobody.returncode, json.loads(nobody.stdout)["people"]) == (1, [])


def test_search_sentences_with_their_facts(built: Path, factx_cmd: list[str]) -> None:
    result = run(factx_cmd, "db", "search", "library", "--db", "facts.sqlite", cwd=built)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert sorted(h["text"] for h in hits) == [
        "Ferreira said the library cost $4 million.",
        "Marcus Ferreira, the mayor of Port Elland, opened a new library."]
    money = next(h for h in hits if "$4 million" in h["text"])
    assert [(n["text"], n["value"], n["unit"]) for n in money["numbers"]] == [("$4 million", 4000000, "USD")]
    assert money["titles"] == []
    content = (built / "arts" / "b1.txt").read_text(encoding="utf-8")
    for hit in hits:
        assert content[hit["start"]:hit["end"]] == hit["text"]
    assert json.loads(run(factx_cmd, "db", "search", "zeppelin", "--db", "facts.sqlite", cwd=built).stdout)[
        "hits"] == []
    bad = run(factx_cmd, "db", "search", '"unclosed', "--db", "facts.sqlite", cwd=built)
    assert bad.returncode == 2 and bad.stdout == ""


def test_schema_version_wal_and_foreign_keys(built: Path) -> None:
    conn = sqlite3.connect(built / "facts.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    fks = {r[2] for r in conn.execute("SELECT * FROM pragma_foreign_key_list('titles')")}
    assert fks == {"documents", "people", "organizations"}
    for document_id, start, end, text in conn.execute('SELECT document_id, start, "end", text FROM sentences'):
        source = conn.execute("SELECT source FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
        assert (built / source).read_text(encoding="utf-8")[start:end] == text
    conn.close()


def test_rebuild_and_ndjson_give_the_same_database(built: Path, factx_cmd: list[str]) -> None:
    first = dump(built / "facts.sqlite")
    again = run(factx_cmd, "db", "build", "arts", "--db", "facts.sqlite", cwd=built)
    assert again.returncode == 2 and "exists" in again.stderr  # never overwritten by accident
    rebuilt = run(factx_cmd, "db", "build", "arts", "--db", "rebuilt.sqlite", cwd=built)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert dump(built / "rebuilt.sqlite") == first
    batch = run(factx_cmd, "batch", "arts", "-o", "arts.jsonl", "--jobs", "1", "-q", cwd=built)
    assert batch.returncode == 0, batch.stderr
    loaded = run(factx_cmd, "db", "build", "arts.jsonl", "--db", "ndjson.sqlite", cwd=built)
    assert loaded.returncode == 0, loaded.stderr
    assert dump(built / "ndjson.sqlite") == first


def test_malformed_ndjson_line_is_an_error_row(built: Path, factx_cmd: list[str]) -> None:
    good = (built / "one.jsonl")
    doc = json.loads(run(factx_cmd, "extract", "arts/a1.txt", cwd=built).stdout)
    good.write_text(json.dumps(doc) + "\n{not json\n" + json.dumps({**doc, "source": "copy.txt"}) + "\n",
                    encoding="utf-8")
    result = run(factx_cmd, "db", "build", "one.jsonl", "--db", "bad.sqlite", cwd=built)
    assert result.returncode == 1
    assert json.loads(result.stdout)["failed"] == 1
    conn = sqlite3.connect(built / "bad.sqlite")
    assert conn.execute("SELECT source, error_type FROM documents ORDER BY id").fetchall() == [
        ("arts/a1.txt", None), ("one.jsonl:2", "InvalidRecord"), ("copy.txt", None)]
    # the copy names the same person in the same organization: one person
    assert conn.execute("SELECT id FROM people").fetchall() == [("person:dana-whitfield",)]
    conn.close()


def _interrupted_build(args: list[str], database: Path) -> subprocess.CompletedProcess[str] | None:
    """Run ``args``, send SIGINT once 3 documents are committed; None where the build ended first (a
    loaded machine can let it finish between the count and the signal)."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    committed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if database.exists():
            try:
                conn = sqlite3.connect(database)
                committed = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:  # the schema is being created
                continue
            if committed >= 3:
                break
    if proc.poll() is not None:
        proc.communicate()
        return None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        return None
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def test_interrupted_build_resumes_every_document_once(factx_cmd: list[str], tmp_path: Path) -> None:
    database = tmp_path / "corpus.sqlite"
    args = [*factx_cmd, "db", "build", str(CORPUS), "--db", str(database), "--batch-size", "1"]
    for _attempt in range(3):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        interrupted = _interrupted_build(args, database)
        if interrupted is not None:
            break
    assert interrupted is not None, "the build ended before it could be interrupted, three times"
    assert interrupted.returncode == 130, interrupted.stderr
    conn = sqlite3.connect(database)
    kept = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    total = len(list(CORPUS.glob("*.txt")))
    assert 3 <= kept < total
    conn.close()
    resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["documents"] == total - kept
    conn = sqlite3.connect(database)
    sources = [r[0] for r in conn.execute("SELECT source FROM documents ORDER BY id")]
    assert sources == [str(p) for p in sorted(CORPUS.glob("*.txt"))]  # each once, in order
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # whole documents: every document's titles are there, as many as a single extraction gives
    counts = dict(conn.execute("SELECT d.source, count(t.id) FROM documents d LEFT JOIN titles t "
                               "ON t.document_id = d.id GROUP BY d.id"))
    conn.close()
    sample = sources[kept - 1]
    doc = json.loads(subprocess.run([*factx_cmd, "extract", sample], capture_output=True, text=True,
                                    timeout=300).stdout)
    assert counts[sample] == len(doc["titles"])


def test_python_api_returns_typed_rows(built: Path) -> None:
    import factx.db
    from factx.dbrows import Merge, OrganizationRoles, Person, PersonTimeline, SearchHit, TimelineEntry, Title

    with factx.db.open(built / "facts.sqlite") as database:
        [priya] = database.who("priya raman")  # names compare by their key
        assert isinstance(priya, PersonTimeline) and isinstance(priya.timeline[0], TimelineEntry)
        assert [(e.title, e.organization, e.changes, e.sources) for e in priya.timeline] == [
            ("director", "Northern Grain Council", ("current",), ("arts/c1.txt", "arts/c2.txt"))]
        people = list(database.people())
        assert people[0] == Person("person:dana-whitfield", "Dana Whitfield", "dana whitfield", 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            people[0].name = "someone else"  # type: ignore[misc]
        [council] = database.organization("NGC")
        assert isinstance(council, OrganizationRoles)
        assert (council.id, council.aliases, [(r.person_id, r.title) for r in council.people]) == (
            "org:northern-grain-council", ("NGC",), [("person:priya-raman", "director")])
        [hit] = database.search("Hull")
        assert isinstance(hit, SearchHit)
        assert hit.text == "NGC director Priya Raman visited the port of Hull on Monday."
        [title] = hit.facts["titles"]
        assert isinstance(title, Title)
        assert (title.person_id, title.organization_id, title.canonical) == (
            "person:priya-raman", "org:northern-grain-council", "director")
        merge = next(m for m in database.merges() if m.entity_id == "person:marcus-ferreira/tessaly-foods")
        assert isinstance(merge, Merge) and merge.evidence_data["kept_apart_from"] == {
            "person:marcus-ferreira": ["place:port-elland"]}
        # a table without a class of its own: a frozen dataclass made from its columns
        money = next(n for n in database.rows("numbers") if n.text == "$4 million")
        assert type(money).__name__ == "NumbersRow" and (money.value, money.unit) == (4000000, "USD")
        with pytest.raises(KeyError):
            list(database.rows("nowhere"))
    with pytest.raises(factx.db.SchemaError):
        factx.db.open(built / "missing.sqlite")


def test_typed_rows_have_the_columns_of_their_tables(built: Path) -> None:
    from factx.dbrows import ROW_TYPES

    conn = sqlite3.connect(built / "facts.sqlite")
    for table, cls in ROW_TYPES.items():
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        assert [f.name for f in dataclasses.fields(cls)] == columns, table
    conn.close()


def test_the_cli_prints_the_typed_rows_as_before(built: Path, factx_cmd: list[str]) -> None:
    """The JSON of who / org / search: the keys the rows had as dicts, in their order."""
    who = json.loads(run(factx_cmd, "db", "who", "Dana Whitfield", "--db", "facts.sqlite", cwd=built).stdout)
    assert list(who) == ["query", "people"] and list(who["people"][0]) == ["id", "name", "timeline"]
    entry = who["people"][0]["timeline"][0]
    assert list(entry) == ["title", "organization_id", "organization", "place", "first_date", "last_date",
                           "statements", "changes", "sources"]
    assert list(entry["statements"][0]) == ["status", "document_date", "effective_date", "source", "text", "start",
                                            "end"]
    org = json.loads(run(factx_cmd, "db", "org", "NGC", "--db", "facts.sqlite", cwd=built).stdout)
    assert list(org["organizations"][0]) == ["id", "name", "aliases", "people"]
    assert list(org["organizations"][0]["people"][0]) == ["person_id", "person", "title", "first_date", "last_date",
                                                          "changes", "sources"]
    [hit] = json.loads(run(factx_cmd, "db", "search", "Hull", "--db", "facts.sqlite", cwd=built).stdout)["hits"]
    assert list(hit) == ["source", "document_date", "start", "end", "text", "titles", "numbers", "dates"]
    assert list(hit["titles"][0]) == ["title", "person", "person_id", "organization", "text", "start", "end",
                                      "canonical", "status", "organization_id", "rule", "sentence_start",
                                      "sentence_end", "effective_date", "place"]


def _sqlite_rows(path: Path, table: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
    finally:
        conn.close()


ALL_TABLES = ["documents", "organizations", "organizations_names", "organization_mentions", "organization_aliases",
              "people", "people_names", "person_mentions", "person_titles", "titles", "numbers", "dates",
              "people_affiliations", "merges", "sentences"]


def test_export_csv_every_table(built: Path, factx_cmd: list[str]) -> None:
    result = run(factx_cmd, "db", "export", "--db", "facts.sqlite", "--format", "csv", "--out-dir", "csv", cwd=built)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert [t["table"] for t in summary["tables"]] == ALL_TABLES
    assert len(result.stderr.strip().splitlines()) == 1 and "exported 15 tables" in result.stderr
    for item in summary["tables"]:
        with (built / item["path"]).open(encoding="utf-8", newline="") as handle:
            exported = list(csv.DictReader(handle))
        rows = _sqlite_rows(built / "facts.sqlite", item["table"])
        assert item["rows"] == len(exported) == len(rows), item
        # every value as text, NULL as an empty field
        assert exported == [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows], item["table"]
    with (built / "csv" / "people.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == ["id", "name", "key", "document_id"]
    with (built / "csv" / "titles.csv").open(encoding="utf-8", newline="") as handle:
        ferreira = [r for r in csv.DictReader(handle) if r["person_id"] == "person:marcus-ferreira/tessaly-foods"]
    assert [(r["canonical"], r["organization_id"], r["place"]) for r in ferreira] == [
        ("chief financial officer", "org:tessaly-foods", "")]


def test_export_parquet_named_tables(built: Path, factx_cmd: list[str]) -> None:
    import pyarrow.parquet as pq

    result = run(factx_cmd, "db", "export", "--db", "facts.sqlite", "--format", "parquet", "--table", "titles",
                 "--table", "numbers", "--table", "org_mentions", "--out-dir", "pq", cwd=built)
    assert result.returncode == 0, result.stderr
    assert [(t["table"], Path(t["path"]).name) for t in json.loads(result.stdout)["tables"]] == [
        ("titles", "titles.parquet"), ("numbers", "numbers.parquet"), ("org_mentions", "org_mentions.parquet")]
    assert sorted(p.name for p in (built / "pq").iterdir()) == ["numbers.parquet", "org_mentions.parquet",
                                                               "titles.parquet"]
    for table in ("titles", "numbers"):
        exported = pq.read_table(built / "pq" / f"{table}.parquet")
        assert exported.to_pylist() == _sqlite_rows(built / "facts.sqlite", table)  # typed: same values exactly
    numbers = pq.read_table(built / "pq" / "numbers.parquet")
    assert (str(numbers.schema.field("value").type), str(numbers.schema.field("start").type)) == ("double", "int64")
    money = [r for r in numbers.to_pylist() if r["text"] == "$4 million"]
    assert [(r["value"], r["unit"]) for r in money] == [(4000000.0, "USD")]
    assert pq.read_table(built / "pq" / "org_mentions.parquet").num_rows == len(
        _sqlite_rows(built / "facts.sqlite", "organization_mentions"))


def test_export_refuses_an_unknown_table_or_format(built: Path, factx_cmd: list[str]) -> None:
    bad = run(factx_cmd, "db", "export", "--db", "facts.sqlite", "--table", "nowhere", "--out-dir", "x", cwd=built)
    assert (bad.returncode, bad.stdout) == (2, "") and "no table 'nowhere'" in bad.stderr
    assert not (built / "x").exists()
    fmt = run(factx_cmd, "db", "export", "--db", "facts.sqlite", "--format", "xml", "--out-dir", "x", cwd=built)
    assert (fmt.returncode, fmt.stdout) == (2, "")


# name variants across articles: reversed order, a document with both forms, title words before
# the name (an output that kept them in the name), and namesakes that stay apart
VARIANTS = {
    "w1.txt": "date: 2024-02-02\n\nChen Jiahui told reporters the plant would reopen.\n",
    "w2.txt": "date: 2024-07-07\n\nJiahui Chen told reporters the talks had stalled.\n",
    "x1.txt": "date: 2023-09-04\n\nXu Kunlin, the governor of Jiangsu Province, opened a bridge in Suzhou on Monday.\n",
    "x2.txt": "date: 2024-02-12\n\nKunlin Xu, the governor of Jiangsu Province, met rice farmers in Yangzhou.\n",
    "y1.txt": "date: 2024-03-01\n\nLin Haoran said the river had risen two metres overnight.\n",
    "y2.txt": "date: 2024-04-01\n\nHaoran Lin, the mayor of Dunmore, inspected the dam on Friday. Lin Haoran said "
              "the dam would hold.\n",
    "y3.txt": "date: 2024-05-01\n\nHaoran Lin said the flood barriers were finished.\n",
    "z1.txt": "date: 2024-01-15\n\nZhang Wei, chief executive of Brightwater Mining, said output rose 5%.\n",
    "z2.txt": "date: 2024-06-20\n\nWei Zhang, a professor at Kelmont University, published a study of river silt.\n",
    "v1.txt": "date: 2024-10-01\n\nInes Kovac said the harbour budget was balanced.\n",
}
OLDER = {
    "g0.txt": "date: 2024-01-05\n\nMayor Ines Kovac cut the ribbon.\n",
    "g1.txt": "date: 2024-08-01\n\nGovernor Xu Kunlin toured the flooded counties.\n",
    "g2.txt": "date: 2024-09-01\n\nProfessor Zhang Wei of Ostrava Polytechnic measured the silt.\n",
}


def _older_record(source: str, text: str, person: str, title: str | None = None, org: str | None = None) -> str:
    """A document of a producer that kept the title word in the person's name (no ids)."""
    def span(part: str) -> dict[str, Any]:
        return {"text": part, "start": text.index(part), "end": text.index(part) + len(part)}

    record: dict[str, Any] = {"source": source, "document_date": text[6:16], "people": [
        {"name": person, "mentions": [span(person)]}], "organizations": [], "titles": []}
    if org:
        record["organizations"] = [{"name": org, "mentions": [span(org)]}]
    if title:
        record["titles"] = [{"title": title, "canonical": title.lower(), "person": person, "organization": org,
                             "status": "current", **span(title)}]
    return json.dumps(record)


@pytest.fixture(scope="module")
def variants(factx_cmd: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("variants")
    (root / "arts").mkdir()
    (root / "older").mkdir()
    for name, text in VARIANTS.items():
        (root / "arts" / name).write_text(text, encoding="utf-8")
    for name, text in OLDER.items():
        (root / "older" / name).write_text(text, encoding="utf-8")
    (root / "early.jsonl").write_text(_older_record("older/g0.txt", OLDER["g0.txt"], "Mayor Ines Kovac") + "\n",
                                      encoding="utf-8")
    (root / "older.jsonl").write_text(
        _older_record("older/g1.txt", OLDER["g1.txt"], "Governor Xu Kunlin") + "\n"
        + _older_record("older/g2.txt", OLDER["g2.txt"], "Professor Zhang Wei", "Professor", "Ostrava Polytechnic")
        + "\n", encoding="utf-8")
    result = run(factx_cmd, "db", "build", "early.jsonl", "arts", "older.jsonl", "--db", "facts.sqlite", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def test_name_variants_merged_where_the_text_proves_it(variants: Path) -> None:
    merges = rows(variants, "SELECT d.source, m.name, m.entity_id, m.rule, m.evidence FROM merges m "
                            "JOIN documents d ON d.id = m.document_id WHERE m.fact = 'people' ORDER BY m.id")
    assert [(s, n, e, r, json.loads(x)) for s, n, e, r, x in merges] == [
        # a name with a title word before it, first: its form without the title word is a name of it
        ("older/g0.txt", "Mayor Ines Kovac", "person:mayor-ines-kovac", "new",
         {"name": "mayor ines kovac", "affiliations": []}),
        # found later by that form
        ("arts/v1.txt", "Ines Kovac", "person:mayor-ines-kovac", "same-name",
         {"name": "ines kovac", "affiliations": [], "their_affiliations": [], "variant_of": "mayor ines kovac"}),
        ("arts/w1.txt", "Chen Jiahui", "person:chen-jiahui", "new", {"name": "chen jiahui", "affiliations": []}),
        # the same words reversed, nothing else in common: no evidence, two people
        ("arts/w2.txt", "Jiahui Chen", "person:jiahui-chen", "reordered-name-unproven",
         {"name": "jiahui chen", "affiliations": [], "not_merged_with": {"person:chen-jiahui": []}}),
        ("arts/x1.txt", "Xu Kunlin", "person:xu-kunlin", "new",
         {"name": "xu kunlin", "affiliations": ["place:jiangsu-province"]}),
        # reversed, and governor of the same province: one person
        ("arts/x2.txt", "Kunlin Xu", "person:xu-kunlin", "reordered-name-shared-affiliation",
         {"name": "kunlin xu", "reordered_from": "xu kunlin", "affiliations": ["place:jiangsu-province"],
          "shared": ["place:jiangsu-province"]}),
        ("arts/y1.txt", "Lin Haoran", "person:lin-haoran", "new", {"name": "lin haoran", "affiliations": []}),
        # one article writes both forms: the known one decides, the other is tied to it
        ("arts/y2.txt", "Lin Haoran", "person:lin-haoran", "same-name",
         {"name": "lin haoran", "affiliations": ["org:dunmore"], "their_affiliations": []}),
        ("arts/y2.txt", "Haoran Lin", "person:lin-haoran", "variant-in-same-document",
         {"name": "haoran lin", "same_document_as": "lin haoran"}),
        # from then on the reversed form is a name of the person
        ("arts/y3.txt", "Haoran Lin", "person:lin-haoran", "same-name",
         {"name": "haoran lin", "affiliations": [], "their_affiliations": ["org:dunmore"],
          "variant_of": "lin haoran"}),
        ("arts/z1.txt", "Zhang Wei", "person:zhang-wei", "new",
         {"name": "zhang wei", "affiliations": ["org:brightwater-mining"]}),
        # reversed, at another organization: namesakes
        ("arts/z2.txt", "Wei Zhang", "person:wei-zhang", "reordered-name-unproven",
         {"name": "wei zhang", "affiliations": ["org:kelmont-university"],
          "not_merged_with": {"person:zhang-wei": ["org:brightwater-mining"]}}),
        # a title word before the name
        ("older/g1.txt", "Governor Xu Kunlin", "person:xu-kunlin", "title-prefix",
         {"name": "governor xu kunlin", "without_title": "xu kunlin", "affiliations": [],
          "their_affiliations": ["place:jiangsu-province"]}),
        # a title word before the name of a namesake at another organization: apart
        ("older/g2.txt", "Professor Zhang Wei", "person:professor-zhang-wei", "namesake-kept-apart",
         {"name": "professor zhang wei", "affiliations": ["org:ostrava-polytechnic"],
          "kept_apart_from": {"person:zhang-wei": ["org:brightwater-mining"]},
          "not_merged_with": {"person:wei-zhang": ["org:kelmont-university"]}}),
    ]
    assert rows(variants, "SELECT entity_id, key, kind FROM people_names WHERE entity_id IN "
                          "('person:xu-kunlin', 'person:lin-haoran', 'person:mayor-ines-kovac') "
                          "ORDER BY entity_id, key") == [
        ("person:lin-haoran", "haoran lin", "variant"), ("person:lin-haoran", "lin haoran", "name"),
        ("person:mayor-ines-kovac", "ines kovac", "without-title"),
        ("person:mayor-ines-kovac", "mayor ines kovac", "name"),
        ("person:xu-kunlin", "governor xu kunlin", "variant"), ("person:xu-kunlin", "kunlin xu", "variant"),
        ("person:xu-kunlin", "xu kunlin", "name")]
    assert rows(variants, "PRAGMA foreign_key_check") == []


def test_who_finds_a_person_by_any_proven_form(variants: Path, factx_cmd: list[str]) -> None:
    result = run(factx_cmd, "db", "who", "Kunlin Xu", "--db", "facts.sqlite", cwd=variants)
    assert result.returncode == 0, result.stderr
    [person] = json.loads(result.stdout)["people"]
    assert (person["id"], person["name"]) == ("person:xu-kunlin", "Xu Kunlin")
    assert [(e["title"], e["place"], e["first_date"], e["last_date"], e["sources"]) for e in person["timeline"]] == [
        ("governor", "Jiangsu Province", "2023-09-04", "2024-02-12", ["arts/x1.txt", "arts/x2.txt"])]
    import factx.db

    with factx.db.open(variants / "facts.sqlite") as database:
        assert [p.id for p in database.who("Wei Zhang")] == ["person:wei-zhang"]
        [lin] = database.who("Haoran Lin")
        assert [(e.title, e.organization, e.sources) for e in lin.timeline] == [
            ("mayor", "Dunmore", ("arts/y2.txt",))]


def test_timeline_keeps_the_title_as_written_not_its_canonical_head(factx_cmd: list[str], tmp_path: Path) -> None:
    # "deputy general manager", whose canonical head is "general manager"
    (tmp_path / "d1.txt").write_text("date: 2024-08-01\n\nOlav Brekke, deputy general manager of Fjordline "
                                     "Cargo, said volumes rose.\n", encoding="utf-8")
    assert run(factx_cmd, "db", "build", "d1.txt", "--db", "facts.sqlite", cwd=tmp_path).returncode == 0
    result = run(factx_cmd, "db", "timeline", "Olav Brekke", "--db", "facts.sqlite", cwd=tmp_path)
    [person] = json.loads(result.stdout)["people"]
    assert [(e["title"], e["organization"]) for e in person["timeline"]] == [
        ("deputy general manager", "Fjordline Cargo")]
