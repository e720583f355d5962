"""``factx db``: the real CLI in a subprocess builds a SQLite database of articles written for the
test; exact rows for people consolidated across documents, namesakes kept apart, merges with their
evidence, a title timeline, NDJSON input, rebuilds, and an interrupted build resumed."""

from __future__ import annotations

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


def test_interrupted_build_resumes_every_document_once(factx_cmd: list[str], tmp_path: Path) -> None:
    database = tmp_path / "corpus.sqlite"
    args = [*factx_cmd, "db", "build", str(CORPUS), "--db", str(database), "--batch-size", "1"]
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
    assert proc.poll() is None, "the build ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
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


def test_python_api_opens_the_built_database(built: Path) -> None:
    import factx.db

    database = factx.db.open(built / "facts.sqlite")
    try:
        [priya] = database.timeline("priya raman")["people"]  # names compare by their key
        assert [(e["title"], e["organization"], e["changes"], e["sources"]) for e in priya["timeline"]] == [
            ("director", "Northern Grain Council", ["current"], ["arts/c1.txt", "arts/c2.txt"])]
        assert [r["id"] for r in database.rows("people")][0] == "person:dana-whitfield"
        [hit] = database.search("Hull")["hits"]
        assert hit["text"] == "NGC director Priya Raman visited the port of Hull on Monday."
    finally:
        database.close()
    with pytest.raises(factx.db.SchemaError):
        factx.db.open(built / "missing.sqlite")
