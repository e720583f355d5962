"""The command line's contract under odd use: one-line errors, exit codes, options that do not apply
refused, outputs that never overwrite inputs, a summary that adds up, records that validate."""

from __future__ import annotations

import doctest
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import factx
from factx.errors import HeaderError, InputError
from factx.nlp import DEFAULT_MODEL

GOOD = "date: 2024-03-05\n\nAnna Berg, chief executive of Acme Corp, said on Monday that sales rose 5% to $3 million.\n"
OTHER = "date: 2024-03-06\n\nJohn Smith of Beta Inc said profit fell 2%.\n"


def _run(cmd: list[str], *args: str, stdin: str | None = None, timeout: int = 300,
         cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], input=stdin if stdin is not None else "", capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env={**os.environ, "COLUMNS": "200"})


def _one_line_error(result: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factx: error: "), lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert "Traceback" not in result.stderr and "Usage:" not in result.stderr and "╭" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("contract")
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "b.txt").write_text(OTHER, encoding="utf-8")
    return root


@pytest.mark.parametrize(("args", "words"), [
    (["batch", "{f}", "--jobs", "abc"], ["--jobs", "integer", "factx batch --help"]),
    (["extract"], ["Missing argument", "factx extract --help"]),
    (["extract", "{f}/a.txt", "--nope"], ["No such option: --nope"]),
    (["batch", "{f}", "--format", "xml"], ["--format", "xml"]),
    (["bogus"], ["No such command"]),
    (["batch", "{f}", "--format", "csv"], ["--format csv needs --out-dir"]),
    (["batch", "{f}", "--format", "csv", "--out-dir", "{t}/tables", "--errors", "{t}/e.jsonl"], ["--errors applies"]),
    (["batch", "{f}", "--format", "parquet", "--out-dir", "{t}/tables", "-o", "{t}/o.jsonl"], ["-o applies"]),
    (["batch", "{f}", "--out-dir", "{t}/tables"], ["--out-dir applies"]),
    (["batch", "{f}", "--format", "json", "--out-dir", "{t}/tables"], ["--out-dir applies"]),
    (["batch", "{f}", "--jobs", "-1"], ["--jobs must be 1 or more, or 0"]),
    (["batch", "{f}", "--workers", "3"], ["--engine dask"]),
    (["batch", "{f}", "--scheduler", "tcp://127.0.0.1:8786"], ["--engine dask"]),
    (["batch", "{f}", "--engine", "dask", "--workers", "0"], ["--workers must be 1 or more"]),
    (["batch", "{f}", "--dollar-currency", "XYZ"], ["'XYZ' is not an ISO 4217"]),
    (["extract", "{f}/a.txt", "--dollar-currency", "dollars"], ["ISO 4217"]),
    (["batch", "{f}", "--yen-currency", "USD"], ["CNY, JPY or auto"]),
    (["batch", "{f}", "--date", "20240305"], ["'20240305'", "YYYY-MM-DD"]),
    (["extract", "{f}/a.txt", "--date", "2024-W10-1"], ["YYYY-MM-DD"]),
    (["extract", "{f}/a.txt", "--date", "2024-02-30"], ["YYYY-MM-DD"]),
    (["batch", "{t}/empty"], ["no input files", "*.txt"]),
    (["batch", "--from-stdin"], ["no inputs"]),
    (["extract", "{f}/a.txt", "--model", "x" * 300], ["is not installed", "'" + "x" * 40 + "'..."]),
    (["extract", "{f}/a.txt", "--model", "a..b"], ["'a..b' is not installed"]),
])
def test_usage_errors_are_one_line_and_exit_2(factx_cmd: list[str], folder: Path, tmp_path: Path,
                                              args: list[str], words: list[str]) -> None:
    (tmp_path / "empty").mkdir()
    filled = [a.replace("{f}", str(folder)).replace("{t}", str(tmp_path)) for a in args]
    _one_line_error(_run(factx_cmd, *filled), 2, *words)
    assert not (tmp_path / "tables").exists() and not (tmp_path / "o.jsonl").exists()


def test_an_iso_code_in_any_case_is_accepted(factx_cmd: list[str], folder: Path) -> None:
    result = _run(factx_cmd, "extract", str(folder / "a.txt"), "--dollar-currency", "cad", "--compact")
    assert result.returncode == 0, result.stderr
    money = [n for n in json.loads(result.stdout)["numbers"] if n["kind"] == "money"]
    assert [(n["text"], n["unit"]) for n in money] == [("$3 million", "CAD")]
    yen = folder.parent / f"{folder.name}-yen.txt"
    yen.write_text("date: 2024-03-05\n\nThe bank lent ¥500 million to the firm.\n", encoding="utf-8")
    for option, unit in (("jpy", "JPY"), ("CNY", "CNY")):
        result = _run(factx_cmd, "extract", str(yen), "--yen-currency", option, "--compact")
        assert result.returncode == 0, result.stderr
        assert [n["unit"] for n in json.loads(result.stdout)["numbers"] if n["kind"] == "money"] == [unit]
    assert _run(factx_cmd, "extract", str(yen), "--yen-currency", "AUTO", "--compact").returncode == 0


def test_output_into_a_missing_folder_creates_it(factx_cmd: list[str], folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "facts.jsonl"
    result = _run(factx_cmd, "batch", str(folder), "-o", str(out), "-q", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        str(folder / "a.txt"), str(folder / "b.txt")]


@pytest.mark.parametrize("name", ["a.txt", "fresh.txt", "FRESH.TXT"])
def test_an_output_that_is_an_input_is_refused_before_writing(factx_cmd: list[str], tmp_path: Path,
                                                              name: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _one_line_error(_run(factx_cmd, "batch", str(tmp_path), "-o", str(tmp_path / name), "-q"), 2,
                    "is one of the inputs")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_an_output_beside_the_inputs_that_the_glob_skips_is_fine(factx_cmd: list[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = _run(factx_cmd, "batch", str(tmp_path), "-o", str(tmp_path / "facts.jsonl"), "-q", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_glob_matches_case_insensitively(factx_cmd: list[str], tmp_path: Path) -> None:
    (tmp_path / "UPPER.TXT").write_text(GOOD, encoding="utf-8")
    (tmp_path / "lower.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "notes.md").write_text(OTHER, encoding="utf-8")
    result = _run(factx_cmd, "batch", str(tmp_path), "-q", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()] == [
        "UPPER.TXT", "lower.txt"]


def test_an_unreachable_dask_scheduler_is_a_one_line_usage_error(factx_cmd: list[str], folder: Path) -> None:
    pytest.importorskip("distributed")
    result = _run(factx_cmd, "batch", str(folder), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "-q",
                  timeout=120)
    _one_line_error(result, 2, "cannot reach the Dask scheduler", "127.0.0.1:9")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "b.txt").write_text("date: 2024-02-30\n\nText.\n", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "c.txt").write_text(OTHER, encoding="utf-8")
    os.symlink(root / "missing.txt", root / "sub" / "d.txt")
    (root / "sub" / "e.txt").write_bytes(b"")
    (root / "z.txt").write_text(OTHER, encoding="utf-8")
    return root


def test_summary_adds_up_and_records_come_in_walk_order(factx_cmd: list[str], mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _run(factx_cmd, "batch", str(mixed), "-o", str(out), "--jobs", "1")
    assert result.returncode == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # os.walk order: a folder's files (sorted) before its sub-folders; the broken link in its place
    assert [os.path.relpath(r["source"], mixed) for r in records] == [
        "a.txt", "b.txt", "z.txt", "sub/c.txt", "sub/d.txt", "sub/e.txt"]
    assert ["error" in r for r in records] == [False, True, False, False, True, True]
    counts = dict(re.findall(r"(files|documents|failed)\s*│\s*(\d+)", result.stderr))
    assert counts == {"files": "6", "documents": "3", "failed": "3"}
    errors = [line for line in result.stderr.splitlines() if line.startswith("factx: error: ")]
    assert len(errors) == 3
    for line, record in zip(errors, [r for r in records if "error" in r], strict=True):
        assert line.startswith(f"factx: error: {record['source']}: ")
        assert line.count(record["source"]) == 1  # the file named once


def test_fail_fast_stops_at_the_first_of_two_failures(factx_cmd: list[str], mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _run(factx_cmd, "batch", str(mixed), "-o", str(out), "--jobs", "1", "--fail-fast", "-q")
    assert result.returncode == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.txt"]
    assert "stopped at the first failed input" in result.stderr and str(mixed / "b.txt") in result.stderr


def test_every_line_of_a_mixed_batch_validates_against_the_printed_schema(factx_cmd: list[str], mixed: Path,
                                                                         tmp_path: Path) -> None:
    schema = json.loads(_run(factx_cmd, "schema").stdout)
    validator = jsonschema.Draft202012Validator(schema)
    out = tmp_path / "out.jsonl"
    _run(factx_cmd, "batch", str(mixed), "-o", str(out), "--jobs", "1", "-q")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 6
    for record in records:
        validator.validate(record)
    document = next(r for r in records if "error" not in r)
    error = next(r for r in records if "error" in r)
    assert not validator.is_valid({**error, "people": []})  # neither a document nor an error record
    assert not validator.is_valid({key: value for key, value in document.items() if key != "people"})
    assert not validator.is_valid({"source": "x", "error": {"type": "InputError"}})


def test_documents_say_what_produced_them(factx_cmd: list[str], folder: Path, tmp_path: Path) -> None:
    plain = json.loads(_run(factx_cmd, "extract", str(folder / "a.txt"), "--compact").stdout)
    producer = plain["producer"]
    assert producer["factx"] == factx.__version__
    assert producer["model"] == DEFAULT_MODEL and re.fullmatch(r"\d+\.\d+\.\d+.*", producer["model_version"])
    assert re.fullmatch(r"[0-9a-f]{64}", producer["patterns_sha256"])
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "not_orgs.jsonl").write_text('{"label": "NOT_ORG", "pattern": "Zeta Widgets"}\n', encoding="utf-8")
    more = json.loads(_run(factx_cmd, "extract", str(folder / "a.txt"), "--compact", "--patterns", str(extra)).stdout)
    assert more["producer"]["patterns_sha256"] != producer["patterns_sha256"]
    assert {k: v for k, v in more["producer"].items() if k != "patterns_sha256"} == {
        k: v for k, v in producer.items() if k != "patterns_sha256"}


def test_date_option_stands_in_for_an_impossible_header_date(factx_cmd: list[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("date: 2024-02-30\n\nAnna Berg said sales rose 5% on Monday.\n", encoding="utf-8")
    _one_line_error(_run(factx_cmd, "extract", str(path)), 1, f"{path}: malformed date header", "2024-02-30")
    rescued = _run(factx_cmd, "extract", str(path), "--date", "2024-03-04", "--compact")
    assert rescued.returncode == 0, rescued.stderr
    doc = json.loads(rescued.stdout)
    assert (doc["document_date"], doc["document_date_source"]) == ("2024-03-04", "option")
    assert "Anna Berg" in [p["name"] for p in doc["people"]]
    assert all(m["start"] > len("date: 2024-02-30") for p in doc["people"] for m in p["mentions"])


def test_a_header_line_running_into_the_headline_is_read(factx_cmd: list[str], tmp_path: Path) -> None:
    path = tmp_path / "runon.txt"
    path.write_text("date: 2024-03-05 Acme opens a plant. Anna Berg, chief executive of Acme Corp, said so.",
                    encoding="utf-8")
    result = _run(factx_cmd, "extract", str(path), "--compact")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["document_date"] == "2024-03-05" and "Anna Berg" in [p["name"] for p in doc["people"]]


def test_a_huge_bad_header_line_gives_a_short_error(factx_cmd: list[str], tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("date: soon " + "x" * 5_000_000, encoding="utf-8")
    line = _one_line_error(_run(factx_cmd, "extract", str(path)), 1, "malformed date header", "'soon xxx")
    assert len(line) < 200 + len(str(path))
    batch = _run(factx_cmd, "batch", str(path), "-q")
    assert batch.returncode == 1 and len(batch.stderr) < 300 + len(str(path))
    assert len(batch.stdout) < 400


def test_help_shows_readable_placeholders_and_completion(factx_cmd: list[str]) -> None:
    batch = _run(factx_cmd, "batch", "--help").stdout
    for shown in ("-o, --output FILE", "--jobs N", "--date YYYY-MM-DD", "--out-dir DIR", "--glob PATTERN",
                  "--max-bytes N", "--dollar-currency CODE", "--model NAME", "--patterns DIR"):
        assert shown in batch, shown
    extract = _run(factx_cmd, "extract", "--help").stdout
    for text in (batch, extract):
        assert not re.search(r"<(int|path|text|list\[|int range)", text), text
    top = _run(factx_cmd, "--help")
    assert "--install-completion" in top.stdout and "--show-completion" in top.stdout
    script = _run(factx_cmd, "--show-completion", "bash")
    assert script.returncode == 0 and "_FACTX_COMPLETE" in script.stdout
    completed = subprocess.run(factx_cmd, capture_output=True, text=True, timeout=120,
                               env={**os.environ, "_FACTX_COMPLETE": "complete_bash", "COMP_WORDS": "factx bat",
                                    "COMP_CWORD": "1"})
    assert completed.returncode == 0 and completed.stdout.split() == ["batch"]
    assert "Usage: factx extract [OPTIONS] FILE\n" in extract and "Usage: factx batch [OPTIONS] [PATH]...\n" in batch


def test_library_extract_many_yields_a_failure_in_place_and_goes_on() -> None:
    texts: list[Any] = [GOOD, "date: 2024-02-30\n\nText.", "", OTHER.encode("cp1252"), b"\x00\x01\x02binary"]
    results = list(factx.extract_many(texts, model=DEFAULT_MODEL))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Failure", "Document", "Failure"]
    failures = [r for r in results if isinstance(r, factx.Failure)]
    assert [(f.source, f.error_type) for f in failures] == [
        ("<text 1>", "HeaderError"), ("<text 2>", "InputError"), ("<text 4>", "DecodeError")]
    assert isinstance(failures[0].exception(), HeaderError)
    document = results[3]
    assert isinstance(document, factx.Document) and document.document_date == "2024-03-06"
    assert "John Smith" in [p.name for p in document.people]


def test_library_and_cli_agree_about_empty_input(factx_cmd: list[str], tmp_path: Path) -> None:
    for text in ("", "  \n\t", b"", b"\n"):
        with pytest.raises(InputError, match="empty input"):
            factx.extract(text, model=DEFAULT_MODEL)
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    _one_line_error(_run(factx_cmd, "extract", str(path)), 1, "empty input")


def test_library_bytes_are_decoded_like_a_file_and_other_types_refused() -> None:
    latin = "date: 2024-03-05\n\nJosé Peña Núñez, chief executive of Acme Corp, said sales rose.\n"
    doc = factx.extract(latin.encode("latin-1"), model=DEFAULT_MODEL)
    assert doc.encoding == "cp1252"
    assert "José Peña Núñez" in [p.name for p in doc.people]
    with pytest.raises(TypeError, match="str or bytes, not int"):
        factx.extract(42, model=DEFAULT_MODEL)  # type: ignore[arg-type]


def test_help_of_the_package_has_examples_that_run() -> None:
    result = doctest.testmod(factx, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 4 and result.failed == 0
