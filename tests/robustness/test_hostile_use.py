"""Odd command lines and environments a real user produces: each keeps the README's promises."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import factx
from factx import api
from factx.nlp import DEFAULT_MODEL, build_nlp

ARTICLE = "date: 2024-05-01\n\nZoë Müller of 中国银行 said on Monday that sales rose 5% 😀.\n"


def _run(cmd: list[str], *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
         timeout: int = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "with space").mkdir()
    (root / "with space" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b.txt").write_text("Anna Berg of Acme Corp said sales rose 5%.\n", encoding="utf-8")
    return root


def test_nul_separated_paths_with_null(factx_cmd: list[str], folder: Path) -> None:
    paths = [str(folder / "with space" / "a.txt"), str(folder / "b.txt")]
    result = _run(factx_cmd, "batch", "--from-stdin", "-0", "-q", stdin=b"\0".join(p.encode() for p in paths) + b"\0")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.decode().splitlines()] == paths


def test_nul_separated_paths_without_null_are_a_usage_error(factx_cmd: list[str], folder: Path) -> None:
    result = _run(factx_cmd, "batch", "--from-stdin", "-q", stdin=str(folder / "b.txt").encode() + b"\0")
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().strip().splitlines() == [
        "factx: error: paths on stdin contain NUL bytes: use --null (-0) for `find -print0` lists"]


@pytest.mark.parametrize("command", ["extract", "batch"])
@pytest.mark.parametrize("value", ["-5", "0"])
def test_max_bytes_must_be_positive(factx_cmd: list[str], folder: Path, command: str, value: str) -> None:
    result = _run(factx_cmd, command, str(folder / "b.txt"), "--max-bytes", value)
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        f"factx: error: --max-bytes must be a positive number of bytes, not {value}"]


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_stdout_is_valid_json_in_any_output_encoding(factx_cmd: list[str], folder: Path, encoding: str) -> None:
    path = str(folder / "with space" / "a.txt")
    plain = _run(factx_cmd, "extract", path, "--compact", env={"PYTHONIOENCODING": "utf-8"})
    odd = _run(factx_cmd, "extract", path, "--compact", env={"PYTHONIOENCODING": encoding})
    assert odd.returncode == 0, odd.stderr
    assert json.loads(odd.stdout.decode(encoding)) == json.loads(plain.stdout.decode("utf-8"))
    assert "中国银行" in [o["name"] for o in json.loads(odd.stdout.decode(encoding))["organizations"]]
    batch = _run(factx_cmd, "batch", path, "-q", env={"PYTHONIOENCODING": encoding})
    assert batch.returncode == 0, batch.stderr
    assert json.loads(batch.stdout.decode(encoding)) == json.loads(plain.stdout.decode("utf-8"))


def test_a_text_longer_than_the_model_limit_is_processed_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing hands the whole text to spaCy: with a 30,000-character model limit and 20,000-character
    pieces, a 70,000-character text comes out whole, offsets true, facts from every piece."""
    nlp: Any = build_nlp(DEFAULT_MODEL)
    monkeypatch.setattr(nlp, "max_length", 30_000)
    monkeypatch.setattr(api, "CHUNK_CHARS", 20_000)
    paragraph = "Anna Berg, chief executive of Acme Corp, said on Monday that sales rose 5% to $3.2 million.\n\n"
    text = paragraph * (70_000 // len(paragraph) + 1)
    assert len(text) > 70_000
    doc = factx.extract(text, document_date="2024-03-05", model=DEFAULT_MODEL).to_dict()
    numbers = [n for n in doc["numbers"] if n["unit"] == "USD"]
    assert len(numbers) == text.count("$3.2 million")
    assert numbers[-1]["start"] > 60_000
    for item in doc["numbers"] + doc["dates"] + doc["titles"]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert [p["name"] for p in doc["people"]] == ["Anna Berg"]


def test_output_and_errors_in_one_file_are_refused(factx_cmd: list[str], folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = _run(factx_cmd, "batch", str(folder), "-o", str(out), "--errors", str(tmp_path / "." / "out.jsonl"))
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        "factx: error: -o and --errors name the same file: give --errors another file, or leave it out"]


def test_resume_knows_a_source_by_its_resolved_path(factx_cmd: list[str], folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = _run(factx_cmd, "batch", str(folder), "-o", str(out), "-q")
    assert first.returncode == 0, first.stderr
    before = out.read_text(encoding="utf-8")
    again = subprocess.run([*factx_cmd, "batch", f"./{folder.name}/", "-o", str(out), "-q", "--resume"],
                           capture_output=True, timeout=300, cwd=folder.parent)
    assert again.returncode == 0, again.stderr
    assert out.read_text(encoding="utf-8") == before  # nothing processed twice
